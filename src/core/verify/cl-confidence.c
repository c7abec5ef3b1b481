/* cl-confidence.c
 *
 * The weights (sum 100) and caps are documented in README ("Confidence").
 * Each component looks only at status codes, so the score can always be
 * explained by the codes listed next to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-confidence.h"
#include "cl-status-codes.h"
#include "cl-status-text.h"
#include "cl-status.h"

/* Caps, applied after the components are added up. */
#define CAP_INVALID              10   /* a failure in the active manifest */
#define CAP_TEST_SIGNER          40   /* a test certificate signed it: Medium at most */
#define CAP_INGREDIENT_FAILURE   50   /* part of the history fails validation */
#define CAP_UNTRUSTED_SIGNER     60   /* no trust list vouches for the signer: below High */
#define CAP_RECOVERED            80   /* credentials came from the proof cache */

typedef struct {
  const ClConfidenceInput *input;
  GPtrArray               *components;
} Builder;


static gboolean
has_code (const char *const *list,
          const char        *code)
{
  for (; list != NULL && *list != NULL; list++) {
    if (g_str_equal (*list, code))
      return TRUE;
  }
  return FALSE;
}


/* Appends the codes of list that start with one of the prefixes. */
static void
collect (GStrvBuilder       *out,
         const char *const  *list,
         const char *const  *prefixes)
{
  for (; list != NULL && *list != NULL; list++) {
    for (const char *const *p = prefixes; *p != NULL; p++) {
      if (g_str_has_prefix (*list, *p)) {
        g_strv_builder_add (out, *list);
        break;
      }
    }
  }
}


static GStrv
codes_with_prefixes (const ClConfidenceInput *input,
                     const char *const       *prefixes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  collect (builder, input->success, prefixes);
  collect (builder, input->informational, prefixes);
  collect (builder, input->failure, prefixes);
  return g_strv_builder_end (builder);
}


static gboolean
any_failure_with_prefixes (const ClConfidenceInput *input,
                           const char *const       *prefixes)
{
  for (const char *const *f = input->failure; f != NULL && *f != NULL; f++) {
    for (const char *const *p = prefixes; *p != NULL; p++) {
      if (g_str_has_prefix (*f, *p))
        return TRUE;
    }
  }
  return FALSE;
}


static void
add (Builder    *builder,
     const char *id,
     const char *title,
     guint       weight,
     guint       points,
     GStrv       codes,
     const char *reason)
{
  ClConfidenceComponent *component = g_new0 (ClConfidenceComponent, 1);

  component->id = id;
  component->title = title;
  component->weight = weight;
  component->points = MIN (points, weight);
  component->reason = g_strdup (reason);
  component->codes = codes;
  g_ptr_array_add (builder->components, component);
}


static void
well_formed (Builder *b)
{
  static const char *const prefixes[] = {
    "claim.", "manifest.", "assertion.cbor", "assertion.json", CL_CODE_ASSERTION_MISSING,
    CL_CODE_ASSERTION_UNDECLARED, CL_CODE_ASSERTION_OUTSIDE_MANIFEST, CL_CODE_ASSERTION_MULTIPLE_HARD_BINDINGS,
    CL_CODE_ASSERTION_INGREDIENT_MALFORMED, "assertion.action.", "algorithm.", NULL,
  };
  gboolean bad = any_failure_with_prefixes (b->input, prefixes);

  add (b, "well-formed", _("Manifest well-formed"), 10, bad ? 0 : 10,
       codes_with_prefixes (b->input, prefixes),
       bad ? _("The manifest breaks the structure rules of the C2PA specification")
           : _("The manifest follows the structure rules of the C2PA specification"));
}


static void
signature (Builder *b)
{
  static const char *const prefixes[] = { "claimSignature.", NULL };
  const ClConfidenceInput *in = b->input;
  gboolean valid = has_code (in->success, CL_CODE_CLAIM_SIGNATURE_VALIDATED) &&
                   !any_failure_with_prefixes (in, prefixes);

  add (b, "signature", _("Claim signature valid"), 20, valid ? 20 : 0,
       codes_with_prefixes (in, prefixes),
       valid ? _("The signature over the manifest is intact and was made while the "
                 "certificate was valid")
             : has_code (in->failure, CL_CODE_CLAIM_SIGNATURE_OUTSIDE_VALIDITY)
                 ? cl_status_text_describe (CL_CODE_CLAIM_SIGNATURE_OUTSIDE_VALIDITY)
                 : _("The signature over the manifest does not verify"));
}


static void
binding (Builder *b)
{
  static const char *const prefixes[] = {
    "assertion.dataHash.", "assertion.boxesHash.", "assertion.bmffHash.",
    "assertion.collectionHash.", "assertion.multiAssetHash.", "claim.hardBindings", NULL,
  };
  const ClConfidenceInput *in = b->input;
  gboolean matched = (has_code (in->success, CL_CODE_ASSERTION_DATA_HASH_MATCH) ||
                      has_code (in->success, CL_CODE_ASSERTION_BOXES_HASH_MATCH) ||
                      has_code (in->success, CL_CODE_ASSERTION_BMFF_HASH_MATCH) ||
                      has_code (in->success, CL_CODE_ASSERTION_COLLECTION_HASH_MATCH) ||
                      has_code (in->success, CL_CODE_ASSERTION_MULTI_ASSET_HASH_MATCH)) &&
                     !any_failure_with_prefixes (in, prefixes);

  add (b, "binding", _("Content matches"), 20, matched ? 20 : 0,
       codes_with_prefixes (in, prefixes),
       matched ? _("The pixels and metadata are exactly what was signed")
               : _("The image content does not match what was signed"));
}


static void
assertions (Builder *b)
{
  static const char *const prefixes[] = { "assertion.hashedURI.", "hashedURI.", NULL };
  const ClConfidenceInput *in = b->input;
  gboolean intact = has_code (in->success, CL_CODE_ASSERTION_HASHED_URI_MATCH) &&
                    !any_failure_with_prefixes (in, prefixes);

  add (b, "assertions", _("Assertions intact"), 10, intact ? 10 : 0,
       codes_with_prefixes (in, prefixes),
       intact ? _("Every statement in the manifest is as it was signed")
              : _("A statement in the manifest was altered or is missing"));
}


static const char *const signer_prefixes[] = {
  CL_CODE_SIGNING_CREDENTIAL_TRUSTED, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED, CL_CODE_SIGNING_CREDENTIAL_INVALID,
  CL_CODE_SIGNING_CREDENTIAL_EXPIRED, NULL,
};


static gboolean
signer_trusted (const ClConfidenceInput *in)
{
  return has_code (in->success, CL_CODE_SIGNING_CREDENTIAL_TRUSTED) &&
         !any_failure_with_prefixes (in, signer_prefixes);
}


static void
signer (Builder *b)
{
  const char *const *prefixes = signer_prefixes;
  const ClConfidenceInput *in = b->input;
  gboolean trusted = signer_trusted (in);

  add (b, "signer", _("Signer trusted"), 15, trusted ? 15 : 0,
       codes_with_prefixes (in, prefixes),
       trusted ? cl_status_text_describe (CL_CODE_SIGNING_CREDENTIAL_TRUSTED)
               : has_code (in->failure, CL_CODE_SIGNING_CREDENTIAL_INVALID)
                   ? cl_status_text_describe (CL_CODE_SIGNING_CREDENTIAL_INVALID)
                   : cl_status_text_describe (CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED));
}


static void
time_stamp (Builder *b)
{
  static const char *const prefixes[] = { "timeStamp.", NULL };
  const ClConfidenceInput *in = b->input;
  g_auto(GStrv) codes = codes_with_prefixes (in, prefixes);
  gboolean trusted = has_code (in->success, CL_CODE_TIME_STAMP_TRUSTED) &&
                     has_code (in->success, CL_CODE_TIME_STAMP_VALIDATED);
  const char *reason;

  if (trusted)
    reason = _("A trusted authority time-stamped the signature");
  else if (has_code (in->success, CL_CODE_TIME_STAMP_VALIDATED))
    reason = cl_status_text_describe (CL_CODE_TIME_STAMP_UNTRUSTED);
  else if (g_strv_length (codes) > 0)
    reason = _("The time-stamp could not be used");
  else
    reason = _("The signature has no time-stamp: its time is only the signer’s word");
  add (b, "timestamp", _("Time-stamp trusted"), 10, trusted ? 10 : 0,
       g_steal_pointer (&codes), reason);
}


static void
revocation (Builder *b)
{
  static const char *const prefixes[] = { "signingCredential.ocsp.", CL_CODE_SIGNING_CREDENTIAL_REVOKED, NULL };
  const ClConfidenceInput *in = b->input;
  gboolean good = has_code (in->success, CL_CODE_SIGNING_CREDENTIAL_OCSP_NOT_REVOKED) &&
                  !any_failure_with_prefixes (in, prefixes);
  const char *reason;

  if (good)
    reason = cl_status_text_describe (CL_CODE_SIGNING_CREDENTIAL_OCSP_NOT_REVOKED);
  else if (has_code (in->failure, CL_CODE_SIGNING_CREDENTIAL_OCSP_REVOKED) ||
           has_code (in->failure, CL_CODE_SIGNING_CREDENTIAL_REVOKED))
    reason = cl_status_text_describe (CL_CODE_SIGNING_CREDENTIAL_OCSP_REVOKED);
  else if (has_code (in->informational, CL_CODE_SIGNING_CREDENTIAL_OCSP_INACCESSIBLE))
    reason = cl_status_text_describe (CL_CODE_SIGNING_CREDENTIAL_OCSP_INACCESSIBLE);
  else
    reason = _("Revocation was not checked");
  add (b, "revocation", _("Not revoked"), 10, good ? 10 : 0,
       codes_with_prefixes (in, prefixes), reason);
}


/* The first failure that makes the manifest invalid (cl_status_failure_is_tolerated). */
static const char *first_serious_failure (const char *const *failure);


/* The cache vouches only for what it did not take from itself: the same manifest (label and
 * claim signature) recorded when this computer signed the image, in a file that is intact.
 * A proof of an earlier verification is this program's own earlier look: seeing the file
 * again adds nothing. */
static void
proof (Builder *b)
{
  const ClConfidenceInput *in = b->input;
  gboolean intact = first_serious_failure (in->failure) == NULL &&
                    first_serious_failure (in->ingredient_failures) == NULL;
  const char *reason;
  guint points = 0;

  switch (in->proof) {
  case CL_CONFIDENCE_PROOF_MATCHES:
    if (!intact)
      reason = _("The file fails validation: your proof cache cannot vouch for it");
    else if (in->recovered)
      reason = _("The credentials came from your proof cache itself");
    else if (in->proof_signed_here) {
      points = 5;
      reason = _("This computer signed this image with these same credentials");
    } else
      reason = _("Seen before with the same credentials; looking again adds nothing");
    break;
  case CL_CONFIDENCE_PROOF_DIFFERS:
    reason = _("Your proof cache holds different credentials for this same image");
    break;
  case CL_CONFIDENCE_PROOF_NOT_FOUND:
    reason = _("This image is not in your proof cache yet");
    break;
  case CL_CONFIDENCE_PROOF_UNKNOWN:
  default:
    reason = _("The proof cache was not consulted");
    break;
  }
  add (b, "proof-cache", _("Proof cache agrees"), 5, points, g_new0 (char *, 1), reason);
}


/* The first failure that makes the manifest invalid (cl_status_failure_is_tolerated). */
static const char *
first_serious_failure (const char *const *failure)
{
  for (; failure != NULL && *failure != NULL; failure++) {
    if (!cl_status_failure_is_tolerated (*failure))
      return *failure;
  }
  return NULL;
}


ClConfidence *
cl_confidence_compute (const ClConfidenceInput *input)
{
  ClConfidence *confidence = g_new0 (ClConfidence, 1);
  Builder builder = { input, NULL };
  const char *serious;
  guint score = 0;

  g_return_val_if_fail (input != NULL, NULL);

  confidence->components = g_ptr_array_new ();
  builder.components = confidence->components;

  if (!input->has_credentials) {
    confidence->score = 0;
    confidence->level = CL_CONFIDENCE_NONE;
    confidence->cap_reason = g_strdup (_("The image has no Content Credentials"));
    return confidence;
  }

  well_formed (&builder);
  signature (&builder);
  binding (&builder);
  assertions (&builder);
  signer (&builder);
  time_stamp (&builder);
  revocation (&builder);
  proof (&builder);
  for (guint i = 0; i < confidence->components->len; i++)
    score += ((ClConfidenceComponent *) g_ptr_array_index (confidence->components, i))->points;

  serious = first_serious_failure (input->failure);
  if (has_code (input->failure, CL_CODE_SIGNING_CREDENTIAL_OCSP_REVOKED) ||
      has_code (input->failure, CL_CODE_SIGNING_CREDENTIAL_REVOKED)) {
    score = 0;
    confidence->cap_reason = g_strdup (_("The signer’s certificate was revoked"));
  } else if (serious != NULL && score > CAP_INVALID) {
    score = CAP_INVALID;
    confidence->cap_reason = g_strdup_printf (_("Capped at %u: %s"), CAP_INVALID,
                                              cl_status_text_describe (serious));
  } else if (input->test_signer && score > CAP_TEST_SIGNER) {
    score = CAP_TEST_SIGNER;
    confidence->cap_reason = g_strdup_printf (_("Capped at %u: signed with a test certificate, "
                                                "which says nothing about who made the image"),
                                              CAP_TEST_SIGNER);
  } else if ((serious = first_serious_failure (input->ingredient_failures)) != NULL &&
             score > CAP_INGREDIENT_FAILURE) {
    score = CAP_INGREDIENT_FAILURE;
    confidence->cap_reason = g_strdup_printf (_("Capped at %u: part of the image’s history "
                                                "fails validation (%s)"),
                                              CAP_INGREDIENT_FAILURE, serious);
  } else if (!signer_trusted (input) && score > CAP_UNTRUSTED_SIGNER) {
    score = CAP_UNTRUSTED_SIGNER;
    confidence->cap_reason = g_strdup_printf (_("Capped at %u: the signer is on none of your "
                                                "trust lists, so who signed is unconfirmed"),
                                              CAP_UNTRUSTED_SIGNER);
  } else if (input->recovered && score > CAP_RECOVERED) {
    score = CAP_RECOVERED;
    confidence->cap_reason = g_strdup_printf (_("Capped at %u: the credentials were recovered "
                                                "from your proof cache, not found in the file"),
                                              CAP_RECOVERED);
  }

  confidence->score = score;
  confidence->level = score >= 85 ? CL_CONFIDENCE_VERY_HIGH
                    : score >= 65 ? CL_CONFIDENCE_HIGH
                    : score >= 40 ? CL_CONFIDENCE_MEDIUM
                    : score > 0 ? CL_CONFIDENCE_LOW : CL_CONFIDENCE_NONE;
  return confidence;
}


void
cl_confidence_free (ClConfidence *confidence)
{
  if (confidence == NULL)
    return;
  for (guint i = 0; i < confidence->components->len; i++) {
    ClConfidenceComponent *component = g_ptr_array_index (confidence->components, i);

    g_free (component->reason);
    g_strfreev (component->codes);
    g_free (component);
  }
  g_ptr_array_unref (confidence->components);
  g_free (confidence->cap_reason);
  g_free (confidence);
}


const char *
cl_confidence_level_to_string (ClConfidenceLevel level)
{
  switch (level) {
  case CL_CONFIDENCE_VERY_HIGH: return "very_high";
  case CL_CONFIDENCE_HIGH: return "high";
  case CL_CONFIDENCE_MEDIUM: return "medium";
  case CL_CONFIDENCE_LOW: return "low";
  case CL_CONFIDENCE_NONE:
  default:
    return "none";
  }
}


const char *
cl_confidence_level_describe (ClConfidenceLevel level)
{
  switch (level) {
  case CL_CONFIDENCE_VERY_HIGH: return _("Very high");
  case CL_CONFIDENCE_HIGH: return _("High");
  case CL_CONFIDENCE_MEDIUM: return _("Medium");
  case CL_CONFIDENCE_LOW: return _("Low");
  case CL_CONFIDENCE_NONE:
  default:
    return _("None");
  }
}


const ClConfidenceComponent *
cl_confidence_get_component (const ClConfidence *confidence,
                             const char         *id)
{
  for (guint i = 0; i < confidence->components->len; i++) {
    const ClConfidenceComponent *component = g_ptr_array_index (confidence->components, i);

    if (g_str_equal (component->id, id))
      return component;
  }
  return NULL;
}


JsonNode *
cl_confidence_to_json (const ClConfidence *confidence)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_add_int_value (builder, confidence->score);
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, cl_confidence_level_to_string (confidence->level));
  json_builder_set_member_name (builder, "cap_reason");
  if (confidence->cap_reason != NULL)
    json_builder_add_string_value (builder, confidence->cap_reason);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "components");
  json_builder_begin_array (builder);
  for (guint i = 0; i < confidence->components->len; i++) {
    const ClConfidenceComponent *c = g_ptr_array_index (confidence->components, i);

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "id");
    json_builder_add_string_value (builder, c->id);
    json_builder_set_member_name (builder, "title");
    json_builder_add_string_value (builder, c->title);
    json_builder_set_member_name (builder, "weight");
    json_builder_add_int_value (builder, c->weight);
    json_builder_set_member_name (builder, "points");
    json_builder_add_int_value (builder, c->points);
    json_builder_set_member_name (builder, "reason");
    json_builder_add_string_value (builder, c->reason);
    json_builder_set_member_name (builder, "codes");
    json_builder_begin_array (builder);
    for (char **code = c->codes; code != NULL && *code != NULL; code++)
      json_builder_add_string_value (builder, *code);
    json_builder_end_array (builder);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
