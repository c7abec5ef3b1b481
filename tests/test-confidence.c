/* test-confidence.c: each component of the breakdown, the caps, and fixed
 * scores for reference results of real files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-confidence.h"

/* Everything a trusted, time-stamped, OCSP-checked file reports. */
static const char *const all_good[] = {
  "claimSignature.validated", "claimSignature.insideValidity", "signingCredential.trusted",
  "assertion.dataHash.match", "assertion.hashedURI.match", "timeStamp.validated",
  "timeStamp.trusted", "signingCredential.ocsp.notRevoked", NULL,
};

static GStrv
without (const char *const *list, const char *code)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (; *list != NULL; list++) {
    if (!g_str_equal (*list, code))
      g_strv_builder_add (b, *list);
  }
  return g_strv_builder_end (b);
}

static ClConfidence *
compute (const char *const *success, const char *const *failure, ClConfidenceProof proof)
{
  /* A proof that matches is, here, the record of signing the image on this computer. */
  ClConfidenceInput input = { TRUE, FALSE, success, NULL, failure, NULL, proof,
                              proof == CL_CONFIDENCE_PROOF_MATCHES };

  return cl_confidence_compute (&input);
}

static guint
points (ClConfidence *c, const char *id)
{
  const ClConfidenceComponent *component = cl_confidence_get_component (c, id);

  g_assert_nonnull (component);
  return component->points;
}

static void
test_full_marks (void)
{
  g_autoptr(ClConfidence) c = compute (all_good, NULL, CL_CONFIDENCE_PROOF_MATCHES);
  guint weights = 0;

  for (guint i = 0; i < c->components->len; i++)
    weights += ((ClConfidenceComponent *) g_ptr_array_index (c->components, i))->weight;
  g_assert_cmpuint (weights, ==, 100);
  g_assert_cmpuint (c->score, ==, 100);
  g_assert_cmpint (c->level, ==, CL_CONFIDENCE_VERY_HIGH);
  g_assert_null (c->cap_reason);
}

/* Taking away the code a component rests on takes away exactly its points. */
static void
test_each_component (void)
{
  static const struct { const char *code; const char *id; guint weight; } cases[] = {
    { "claimSignature.validated", "signature", 20 },
    { "assertion.dataHash.match", "binding", 20 },
    { "assertion.hashedURI.match", "assertions", 10 },
    { "signingCredential.trusted", "signer", 15 },
    { "timeStamp.trusted", "timestamp", 10 },
    { "signingCredential.ocsp.notRevoked", "revocation", 10 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_auto(GStrv) success = without (all_good, cases[i].code);
    g_autoptr(ClConfidence) c = compute ((const char *const *) success, NULL,
                                         CL_CONFIDENCE_PROOF_MATCHES);
    const ClConfidenceComponent *component = cl_confidence_get_component (c, cases[i].id);

    g_assert_cmpuint (component->weight, ==, cases[i].weight);
    g_assert_cmpuint (component->points, ==, 0);
    /* Without a trusted signer, the untrusted cap (60) applies too. */
    g_assert_cmpuint (c->score, ==, MIN (100 - cases[i].weight,
                                         g_str_equal (cases[i].id, "signer") ? 60 : 100));
    g_assert_nonnull (component->reason);
  }
}

static void
test_well_formed (void)
{
  const char *const failure[] = { "claim.malformed", NULL };
  g_autoptr(ClConfidence) c = compute (all_good, failure, CL_CONFIDENCE_PROOF_MATCHES);
  const ClConfidenceComponent *component = cl_confidence_get_component (c, "well-formed");

  g_assert_cmpuint (component->points, ==, 0);
  g_assert_cmpstr (component->codes[0], ==, "claim.malformed");
  g_assert_cmpuint (c->score, ==, 10);   /* capped: the manifest is invalid */
  g_assert_nonnull (c->cap_reason);
}

static void
test_proof_component (void)
{
  g_autoptr(ClConfidence) matches = compute (all_good, NULL, CL_CONFIDENCE_PROOF_MATCHES);
  g_autoptr(ClConfidence) first = compute (all_good, NULL, CL_CONFIDENCE_PROOF_NOT_FOUND);
  g_autoptr(ClConfidence) differs = compute (all_good, NULL, CL_CONFIDENCE_PROOF_DIFFERS);

  g_assert_cmpuint (points (matches, "proof-cache"), ==, 5);
  g_assert_cmpuint (points (first, "proof-cache"), ==, 0);
  g_assert_cmpuint (points (differs, "proof-cache"), ==, 0);
  g_assert_cmpuint (first->score, ==, 95);
}

/* The proof cache adds only for a signing record of the same manifest in an intact file
 * that the cache did not itself supply; a proof of an earlier look adds nothing. */
static void
test_proof_rules (void)
{
  const char *const mismatch[] = { "assertion.dataHash.mismatch", NULL };
  const char *const ingredient[] = { "ingredient.manifest.mismatch", NULL };
  ClConfidenceInput seen = { TRUE, FALSE, all_good, NULL, NULL, NULL,
                             CL_CONFIDENCE_PROOF_MATCHES, FALSE };
  ClConfidenceInput tampered = { TRUE, FALSE, all_good, NULL, mismatch, NULL,
                                 CL_CONFIDENCE_PROOF_MATCHES, TRUE };
  ClConfidenceInput history = { TRUE, FALSE, all_good, NULL, NULL, ingredient,
                                CL_CONFIDENCE_PROOF_MATCHES, TRUE };
  ClConfidenceInput recovered = { TRUE, TRUE, all_good, NULL, NULL, NULL,
                                  CL_CONFIDENCE_PROOF_MATCHES, TRUE };
  g_autoptr(ClConfidence) s = cl_confidence_compute (&seen);
  g_autoptr(ClConfidence) t = cl_confidence_compute (&tampered);
  g_autoptr(ClConfidence) h = cl_confidence_compute (&history);
  g_autoptr(ClConfidence) r = cl_confidence_compute (&recovered);

  g_assert_cmpuint (points (s, "proof-cache"), ==, 0);
  g_assert_cmpuint (s->score, ==, 95);
  g_assert_cmpuint (points (t, "proof-cache"), ==, 0);
  g_assert_cmpuint (points (h, "proof-cache"), ==, 0);
  g_assert_cmpuint (points (r, "proof-cache"), ==, 0);
}

/* An untrusted signer, or a test certificate even on a (test) trust list, is never High. */
static void
test_signer_caps (void)
{
  g_auto(GStrv) untrusted = without (all_good, "signingCredential.trusted");
  const char *const untrusted_failure[] = { "signingCredential.untrusted", NULL };
  ClConfidenceInput test_input = { TRUE, FALSE, all_good, NULL, NULL, NULL,
                                   CL_CONFIDENCE_PROOF_MATCHES, TRUE, TRUE };
  g_autoptr(ClConfidence) u = compute ((const char *const *) untrusted, untrusted_failure,
                                       CL_CONFIDENCE_PROOF_MATCHES);
  g_autoptr(ClConfidence) t = cl_confidence_compute (&test_input);

  g_assert_cmpuint (u->score, ==, 60);
  g_assert_cmpint (u->level, ==, CL_CONFIDENCE_MEDIUM);
  g_assert_nonnull (g_strstr_len (u->cap_reason, -1, "trust lists"));
  g_assert_cmpuint (t->score, ==, 40);
  g_assert_cmpint (t->level, ==, CL_CONFIDENCE_MEDIUM);
  g_assert_nonnull (g_strstr_len (t->cap_reason, -1, "test certificate"));
}

static void
test_caps (void)
{
  const char *const mismatch[] = { "assertion.dataHash.mismatch", NULL };
  const char *const revoked[] = { "signingCredential.ocsp.revoked", NULL };
  const char *const ingredient[] = { "ingredient.manifest.mismatch", NULL };
  g_autoptr(ClConfidence) tampered = compute (all_good, mismatch, CL_CONFIDENCE_PROOF_MATCHES);
  g_autoptr(ClConfidence) gone = compute (all_good, revoked, CL_CONFIDENCE_PROOF_MATCHES);
  ClConfidenceInput history = { TRUE, FALSE, all_good, NULL, NULL, ingredient,
                                CL_CONFIDENCE_PROOF_MATCHES };
  ClConfidenceInput recovered = { TRUE, TRUE, all_good, NULL, NULL, NULL,
                                  CL_CONFIDENCE_PROOF_MATCHES };
  ClConfidenceInput nothing = { FALSE, FALSE, NULL, NULL, NULL, NULL,
                                CL_CONFIDENCE_PROOF_NOT_FOUND };
  g_autoptr(ClConfidence) partial = cl_confidence_compute (&history);
  g_autoptr(ClConfidence) restored = cl_confidence_compute (&recovered);
  g_autoptr(ClConfidence) none = cl_confidence_compute (&nothing);

  g_assert_cmpuint (tampered->score, ==, 10);
  g_assert_nonnull (g_strstr_len (tampered->cap_reason, -1, "changed after it was signed"));
  g_assert_cmpint (tampered->level, ==, CL_CONFIDENCE_LOW);
  g_assert_cmpuint (gone->score, ==, 0);
  g_assert_cmpint (gone->level, ==, CL_CONFIDENCE_NONE);
  g_assert_cmpuint (partial->score, ==, 50);
  /* An ingredient signed by someone not on the lists is not a failure of the history. */
  {
    const char *const untrusted[] = { "signingCredential.untrusted", NULL };
    ClConfidenceInput tolerated = { TRUE, FALSE, all_good, NULL, NULL, untrusted,
                                    CL_CONFIDENCE_PROOF_MATCHES, TRUE };
    g_autoptr(ClConfidence) full = cl_confidence_compute (&tolerated);

    g_assert_cmpuint (full->score, ==, 100);
  }
  /* 95 without the cache's points (it supplied the credentials), capped at 80. */
  g_assert_cmpuint (restored->score, ==, 80);
  g_assert_cmpuint (none->score, ==, 0);
  g_assert_cmpuint (none->components->len, ==, 0);
}

/* Fixed expectations for real files, from their reference (c2pa-rs) code lists. */
static const char *const valid_untrusted_success[] = {   /* signed-by-peers/c2pa-node-es256.jpg */
  "claimSignature.insideValidity", "claimSignature.validated", "assertion.hashedURI.match",
  "assertion.dataHash.match", NULL,
};
static const char *const valid_untrusted_info[] = { "signingCredential.ocsp.skipped", NULL };
static const char *const valid_untrusted_failure[] = { "signingCredential.untrusted", NULL };
static const char *const invalid_hash_failure[] = {        /* tampered-pixel-c2pa-node-es256.jpg */
  "assertion.dataHash.mismatch", "signingCredential.untrusted", NULL,
};
static const char *const trusted_tst_success[] = {        /* CACA.jpg with the test anchors */
  "assertion.dataHash.match", "assertion.hashedURI.match", "claimSignature.insideValidity",
  "claimSignature.validated", "signingCredential.trusted", "timeStamp.validated", NULL,
};
static const char *const trusted_tst_info[] = {
  "signingCredential.ocsp.skipped", "timeStamp.untrusted", NULL,
};

static void
test_fixture_expectations (void)
{
  ClConfidenceInput valid = { TRUE, FALSE, valid_untrusted_success, valid_untrusted_info,
                              valid_untrusted_failure, NULL, CL_CONFIDENCE_PROOF_NOT_FOUND };
  ClConfidenceInput invalid = { TRUE, FALSE, valid_untrusted_success, valid_untrusted_info,
                                invalid_hash_failure, NULL, CL_CONFIDENCE_PROOF_NOT_FOUND };
  ClConfidenceInput trusted = { TRUE, FALSE, trusted_tst_success, trusted_tst_info,
                                NULL, NULL, CL_CONFIDENCE_PROOF_NOT_FOUND };
  g_autoptr(ClConfidence) v = cl_confidence_compute (&valid);
  g_autoptr(ClConfidence) i = cl_confidence_compute (&invalid);
  g_autoptr(ClConfidence) t = cl_confidence_compute (&trusted);

  /* well-formed 10 + signature 20 + binding 20 + assertions 10 */
  g_assert_cmpuint (v->score, ==, 60);
  g_assert_cmpint (v->level, ==, CL_CONFIDENCE_MEDIUM);
  g_assert_cmpuint (i->score, ==, 10);
  g_assert_cmpuint (points (i, "binding"), ==, 0);
  /* + signer 15; the time-stamp authority is not trusted (timeStamp.untrusted) */
  g_assert_cmpuint (t->score, ==, 75);
  g_assert_cmpint (t->level, ==, CL_CONFIDENCE_HIGH);
  g_assert_cmpuint (points (t, "timestamp"), ==, 0);
  /* CACA.jpg is signed with the c2pa-rs test certificates: trusted by the test anchors,
   * but a test certificate, so never High. */
  {
    ClConfidenceInput test_signed = trusted;
    g_autoptr(ClConfidence) c = NULL;

    test_signed.test_signer = TRUE;
    c = cl_confidence_compute (&test_signed);
    g_assert_cmpuint (c->score, ==, 40);
    g_assert_cmpint (c->level, ==, CL_CONFIDENCE_MEDIUM);
  }
}

static void
test_json (void)
{
  g_autoptr(ClConfidence) c = compute (all_good, NULL, CL_CONFIDENCE_PROOF_MATCHES);
  g_autoptr(JsonNode) node = cl_confidence_to_json (c);
  JsonObject *o = json_node_get_object (node);
  JsonArray *components = json_object_get_array_member (o, "components");

  g_assert_cmpint (json_object_get_int_member (o, "score"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (o, "level"), ==, "very_high");
  g_assert_cmpuint (json_array_get_length (components), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (components, 1),
                                                  "id"), ==, "signature");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/confidence/full-marks", test_full_marks);
  g_test_add_func ("/confidence/each-component", test_each_component);
  g_test_add_func ("/confidence/well-formed", test_well_formed);
  g_test_add_func ("/confidence/proof-cache", test_proof_component);
  g_test_add_func ("/confidence/caps", test_caps);
  g_test_add_func ("/confidence/proof-rules", test_proof_rules);
  g_test_add_func ("/confidence/signer-caps", test_signer_caps);
  g_test_add_func ("/confidence/fixtures", test_fixture_expectations);
  g_test_add_func ("/confidence/json", test_json);
  return g_test_run ();
}
