/* cl-validator-claim.c: validating one manifest's claim — its signature, time-stamp,
 * signer credential, assertion hashes and action rules (C2PA 2.2 §15.6–15.10).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/evp.h>

#include "cl-assertion-ingredient.h"
#include "cl-cbor-util.h"
#include "cl-cose.h"
#include "cl-cose-crypto.h"
#include "cl-signer-info.h"
#include "cl-status-codes.h"
#include "cl-timestamp.h"
#include "cl-validator-claim.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509, X509_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY, EVP_PKEY_free)


/* v2 manifest labels: urn:c2pa:<UUID>[:<generator>[:<version>_<reason>]] (C2PA 2.2 §8.1). */
static gboolean
label_is_v2 (const char *label)
{
  g_autofree char *uuid = NULL;

  if (!g_str_has_prefix (label, "urn:c2pa:") || strlen (label) < 9 + 36)
    return FALSE;
  uuid = g_strndup (label + 9, 36);
  return g_uuid_string_is_valid (uuid) && (label[45] == '\0' || label[45] == ':');
}


static GPtrArray *
default_trust (GPtrArray *x5chain,
               gint64     when,
               gboolean   time_stamped,
               GPtrArray *ocsp_responses,
               gpointer   user_data)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);

  g_ptr_array_add (out, cl_status_new (CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED, NULL,
                                       _("signing certificate untrusted")));
  return out;
}


/* The DER OCSP responses stapled in the unprotected header: rVals {"ocspVals": [bstr…]}. */
static GPtrArray *
stapled_ocsp_responses (ClCoseSign1 *sign1)
{
  cbor_item_t *vals = sign1->rvals != NULL ? cl_cbor_map_get (sign1->rvals, "ocspVals") : NULL;
  GPtrArray *out;

  if (vals == NULL || !cbor_isa_array (vals))
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (gsize i = 0; i < cbor_array_size (vals); i++) {
    GBytes *der = cl_cbor_dup_bytes (cbor_array_handle (vals)[i]);

    if (der != NULL)
      g_ptr_array_add (out, der);
  }
  return out;
}


static void
verify_timestamp (ClValidation *v,
                  ClManifest   *m,
                  ClCoseSign1  *sign1,
                  const char   *sig_uri,
                  gint64       *tst_time,
                  gboolean     *tst_trusted)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(ClTimestampResult) result = NULL;
  X509_STORE *anchors;
  gsize token_len;
  const guint8 *token;

  if (sign1->tst_version == 0)
    return;
  if (sign1->n_tst_tokens > 1) {
    cl_validation_log (v, CL_CODE_TIME_STAMP_MALFORMED, sig_uri,
                       _("only a single timestamp response is allowed in a manifest"));
    return;
  }
  if (sign1->tst_token == NULL) {
    cl_validation_log (v, CL_CODE_TIME_STAMP_MALFORMED, sig_uri, _("could not parse timestamp data"));
    return;
  }
  data = cl_timestamp_countersign_data (sign1->tst_version, sign1->protected_bytes,
                                        m->claim->raw, sign1->signature);
  if (data == NULL)
    return;
  token = g_bytes_get_data (sign1->tst_token, &token_len);
  /* c2pa-rs does not check time-stamp trust for v1 claims. */
  anchors = cl_validation_tsa_anchors (v);
  result = cl_timestamp_verify (token, token_len, g_bytes_get_data (data, NULL),
                                g_bytes_get_size (data), m->claim->version > 1, anchors);
  for (guint i = 0; i < result->statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (result->statuses, i);

    cl_validation_log (v, s->code, sig_uri, s->explanation);
  }
  if (result->validated) {
    *tst_time = result->gen_time;
    *tst_trusted = result->trusted;
    if (result->tsa_name != NULL)
      g_hash_table_insert (v->tsa_names, g_strdup (m->label), g_strdup (result->tsa_name));
  }
}


/* The signature's time from a validated time-stamp, recorded for the report; returned
 * only when the time-stamp is trusted (-1 otherwise). An untrusted one gives no signing
 * time (C2PA 2.2 §15.8.2): the signer is then judged now, as c2pa-rs does. (v1 claims are
 * not checked for time-stamp trust, so theirs stands.) */
static gint64
trusted_signing_time (ClValidation *v,
                      ClManifest   *m,
                      ClCoseSign1  *sign1,
                      const char   *sig_uri)
{
  gint64 tst_time = -1;
  gboolean tst_trusted = FALSE;

  /* A time another manifest's c2pa.time-stamp assertion gives this signature replaces
   * the signature's own time-stamp, which c2pa-rs then does not examine at all. Such a
   * time is taken only when its token is trusted. */
  if (g_hash_table_contains (v->assertion_times, m->label)) {
    tst_time = *(gint64 *) g_hash_table_lookup (v->assertion_times, m->label);
    tst_trusted = TRUE;
  } else {
    verify_timestamp (v, m, sign1, sig_uri, &tst_time, &tst_trusted);
  }
  if (tst_time >= 0) {
    gint64 *stored = g_new (gint64, 1);

    *stored = tst_time;
    g_hash_table_insert (v->sig_times, g_strdup (m->label), stored);
  }
  return tst_trusted ? tst_time : -1;
}


static void
verify_signature (ClValidation *v,
                  ClManifest   *m,
                  ClCoseSign1  *sign1,
                  const char   *sig_uri)
{
  g_autoptr(ClSignerInfo) info = NULL;
  g_autoptr(X509) leaf = NULL;
  g_autoptr(EVP_PKEY) key = NULL;
  g_autoptr(GBytes) tbs = NULL;
  g_autoptr(GPtrArray) trust = NULL;
  g_autoptr(GPtrArray) ocsp = NULL;
  g_autoptr(GError) error = NULL;
  ClTrustEvaluateFunc evaluate = v->options->trust_evaluate;
  gint64 tst_time, when;
  gsize coord, sig_len, plen, clen;
  const guint8 *sig, *pdata, *cdata;

  if (!cl_cose_alg_is_supported (sign1->alg)) {
    cl_validation_log (v, CL_CODE_ALGORITHM_UNSUPPORTED, sig_uri,
                       _("unsupported signature algorithm"));
    return;
  }
  /* The leaf is parsed once (each parse of a certificate costs OpenSSL a decoder chain). */
  leaf = cl_signer_info_parse_x509 (g_ptr_array_index (sign1->x5chain, 0));
  info = leaf != NULL ? cl_signer_info_new_from_x509 (leaf) : NULL;
  key = leaf != NULL ? X509_get_pubkey (leaf) : NULL;
  if (info == NULL || key == NULL) {
    cl_validation_log (v, CL_CODE_SIGNING_CREDENTIAL_INVALID, sig_uri,
                       _("the signing certificate could not be read"));
    cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_MISMATCH, sig_uri, _("claim signature is not valid"));
    return;
  }

  tst_time = trusted_signing_time (v, m, sign1, sig_uri);
  when = tst_time >= 0 ? tst_time : v->now;

  /* COSE carries ECDSA as raw r‖s; a DER-encoded signature is a bad credential
   * for c2pa-rs (signingCredential.invalid), and cannot verify. */
  sig = g_bytes_get_data (sign1->signature, &sig_len);
  coord = cl_cose_alg_ecdsa_coord_len ((ClCoseAlg) sign1->alg);
  if (coord > 0 && sig_len != 2 * coord) {
    /* c2pa-rs asks about revocation before it looks at the signature, and stops at
     * the signature's form before trust: so the skipped check is logged, trust is not. */
    if (evaluate != NULL && sign1->rvals == NULL)
      cl_validation_log (v, CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED, sig_uri, _("OCSP fetching skipped"));
    cl_validation_log (v, CL_CODE_SIGNING_CREDENTIAL_INVALID, sig_uri,
                       _("the ECDSA signature is not in raw r‖s form"));
    cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_MISMATCH, sig_uri, _("claim signature is not valid"));
    return;
  }

  ocsp = stapled_ocsp_responses (sign1);
  /* Without a trust hook only the signer's validity is judged (c2pa-rs checks it in its
   * certificate profile, before trust, at the time-stamp's time or now). */
  if (evaluate == NULL && !cl_signer_info_valid_at (info, when))
    cl_validation_log (v, CL_CODE_SIGNING_CREDENTIAL_EXPIRED, sig_uri, _("certificate expired"));
  trust = evaluate != NULL ? evaluate (sign1->x5chain, when, tst_time >= 0, ocsp,
                                       v->options->trust_data)
                           : default_trust (sign1->x5chain, when, tst_time >= 0, ocsp, NULL);
  for (guint i = 0; trust != NULL && i < trust->len; i++) {
    ClStatus *s = g_ptr_array_index (trust, i);

    cl_validation_log (v, s->code, sig_uri, s->explanation);
  }

  pdata = g_bytes_get_data (sign1->protected_bytes, &plen);
  cdata = g_bytes_get_data (m->claim->raw, &clen);
  tbs = cl_cose_sig_structure_encode ("Signature1", pdata, plen, cdata, clen);
  if (tbs == NULL ||
      !cl_cose_verify_signature ((ClCoseAlg) sign1->alg, key, g_bytes_get_data (tbs, NULL),
                                 g_bytes_get_size (tbs), sig, sig_len, &error)) {
    cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_MISMATCH, sig_uri, _("claim signature is not valid"));
    return;
  }
  /* c2pa-rs reports insideValidity with every valid signature: a certificate outside its
   * validity is signingCredential.expired, found with the certificate's other checks. */
  cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY, sig_uri, _("claim signature valid"));
  cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_VALIDATED, sig_uri, _("claim signature valid"));
}


/* The first reference of the claim for each assertion label (borrowed ClHashedUri). */
static GHashTable *
references_by_label (ClClaim *claim)
{
  g_autoptr(GPtrArray) all = cl_claim_all_assertions (claim);
  GHashTable *by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < all->len; i++) {
    ClHashedUri *uri = g_ptr_array_index (all, i);
    char *label = cl_jumbf_uri_last_segment (uri->url);

    if (label == NULL || g_hash_table_contains (by_label, label))
      g_free (label);
    else
      g_hash_table_insert (by_label, label, uri);
  }
  return by_label;
}


/* The claim generator's icons (c2pa-rs verify_icons): an icon naming an assertion of the
 * claim must carry the claim's hash of it; one naming a data box is accepted as it is (and,
 * as in c2pa-rs, ends the check); anything else cannot be found. */
static void
verify_icons (ClValidation *v,
              ClManifest   *m)
{
  cbor_item_t *info = cl_cbor_map_get (m->claim->item, "claim_generator_info");
  gsize n = info == NULL ? 0 : cbor_isa_array (info) ? cbor_array_size (info)
                                                     : cbor_isa_map (info) ? 1 : 0;
  g_autoptr(GHashTable) by_label = n > 0 ? references_by_label (m->claim) : NULL;

  for (gsize i = 0; i < n && !cl_validation_cancelled (v); i++) {
    cbor_item_t *entry = cbor_isa_array (info) ? cbor_array_handle (info)[i] : info;
    cbor_item_t *icon = cl_cbor_map_get (entry, "icon");
    g_autofree char *url = cl_cbor_map_dup_string (icon, "url");
    g_autoptr(GBytes) hash = cl_cbor_dup_bytes (cl_cbor_map_get (icon, "hash"));
    g_autofree char *label = url != NULL ? cl_jumbf_uri_last_segment (url) : NULL;
    g_autofree char *abs_uri = NULL;
    ClHashedUri *ref;

    if (url == NULL || hash == NULL)
      continue;   /* not a hashed URI (a resource reference) */
    ref = label != NULL ? g_hash_table_lookup (by_label, label) : NULL;
    if (ref != NULL) {
      if (ref->hash == NULL || !g_bytes_equal (ref->hash, hash)) {
        g_autofree char *explanation = g_strdup_printf (_("hash does not match assertion "
                                                          "data: %s"), url);

        cl_validation_log (v, CL_CODE_ASSERTION_HASHED_URI_MISMATCH, url, explanation);
      }
      continue;
    }
    abs_uri = cl_jumbf_uri_make_absolute (m->label, url);
    if (abs_uri != NULL && strstr (abs_uri, "/c2pa.databoxes/") != NULL &&
        cl_jumbf_resolve_uri (v->store->root, m->box, abs_uri) != NULL)
      return;
    cl_validation_log (v, CL_CODE_ASSERTION_MISSING, url, _("could not resolve icon address"));
  }
}


/* The content of an assertion is decoded once; a later reference to it logs what the
 * first found (contents: ClAssertion → the error message, or "" when it decoded). */
static void
check_content (ClValidation *v,
               GHashTable   *contents,
               ClAssertion  *a,
               const char   *abs_uri)
{
  g_autoptr(GError) error = NULL;
  const char *message = g_hash_table_lookup (contents, a);

  if (message == NULL) {
    /* Checked without building the content where it can be (cl_cbor_check). */
    if (a->kind == CL_ASSERTION_CBOR) {
      cl_assertion_check_cbor (a, &error);
    } else if (a->kind == CL_ASSERTION_JSON) {
      JsonNode *node = cl_assertion_load_json (a, &error);

      g_clear_pointer (&node, json_node_unref);
    }
    message = error != NULL ? error->message : "";
    g_hash_table_insert (contents, a, g_strdup (message));
    message = g_hash_table_lookup (contents, a);
  }
  if (message[0] == '\0')
    return;
  cl_validation_log (v, a->kind == CL_ASSERTION_CBOR ? CL_CODE_ASSERTION_CBOR_INVALID
                                                     : CL_CODE_ASSERTION_JSON_INVALID,
                     abs_uri, message);
}


/* Actions and hard bindings must never be redacted (C2PA 2.2 §15.10.3). */
static void
check_redacted (ClValidation *v,
                const char   *abs_uri)
{
  g_autofree char *label = cl_jumbf_uri_last_segment (abs_uri);
  g_autofree char *base = label != NULL ? g_strdup (label) : g_strdup ("");
  char *sep = g_strrstr (base, "__");

  if (sep != NULL)
    *sep = '\0';
  if (cl_assertion_label_is_actions (base))
    cl_validation_log (v, CL_CODE_ASSERTION_ACTION_REDACTED, abs_uri,
                       _("action assertions cannot be redacted"));
  else if (cl_assertion_label_is_hard_binding (base))
    cl_validation_log (v, CL_CODE_ASSERTION_DATA_HASH_REDACTED, abs_uri,
                       _("hard binding assertions cannot be redacted"));
}


/* One reference of the claim: the assertion it names, or NULL; *redacted when a claim of
 * the store redacts it. */
static ClAssertion *
check_reference (ClValidation *v,
                 ClManifest   *m,
                 ClHashedUri  *uri,
                 GHashTable   *contents,
                 gboolean     *redacted)
{
  g_autofree char *abs_uri = cl_jumbf_uri_make_absolute (m->label, uri->url);
  g_autofree char *uri_manifest = cl_jumbf_uri_manifest_label (abs_uri);
  g_autofree char *explanation = NULL;
  const char *alg = uri->alg != NULL ? uri->alg : m->claim->alg;
  ClJumbfBox *box;
  ClAssertion *a;
  GBytes *digest;

  if (uri_manifest == NULL) {
    explanation = g_strdup_printf (_("assertion URI malformed: %s"), uri->url);
    cl_validation_log (v, CL_CODE_ASSERTION_HASHED_URI_MISMATCH, uri->url, explanation);
    return NULL;
  }
  if (!g_str_equal (uri_manifest, m->label)) {
    explanation = g_strdup_printf (_("assertion reference to external assertion store: %s"),
                                   uri->url);
    cl_validation_log (v, CL_CODE_ASSERTION_OUTSIDE_MANIFEST, uri->url, explanation);
    return NULL;
  }
  box = cl_jumbf_resolve_uri (v->store->root, m->box, abs_uri);
  a = cl_manifest_assertion_of_box (m, box);
  *redacted = cl_validation_is_redacted (v, abs_uri);
  if (*redacted) {
    check_redacted (v, abs_uri);
    return a;
  }
  if (a == NULL) {
    explanation = g_strdup_printf (_("cannot find matching assertion: %s"), uri->url);
    cl_validation_log (v, CL_CODE_ASSERTION_MISSING, abs_uri, explanation);
    return NULL;
  }
  digest = cl_validation_box_digest (v, alg, box);
  if (digest == NULL) {
    explanation = g_strdup_printf (_("unsupported hash algorithm for %s"), uri->url);
    cl_validation_log (v, CL_CODE_ALGORITHM_UNSUPPORTED, abs_uri, explanation);
    return a;
  }
  if (!g_bytes_equal (digest, uri->hash)) {
    explanation = g_strdup_printf (_("hash does not match assertion data: %s"), uri->url);
    cl_validation_log (v, CL_CODE_ASSERTION_HASHED_URI_MISMATCH, abs_uri, explanation);
    return a;
  }
  explanation = g_strdup_printf (_("hashed uri matched: %s"), uri->url);
  cl_validation_log (v, CL_CODE_ASSERTION_HASHED_URI_MATCH, abs_uri, explanation);
  check_content (v, contents, a, abs_uri);
  return a;
}


static void
verify_assertions (ClValidation *v,
                   ClManifest   *m)
{
  g_autoptr(GPtrArray) all = cl_claim_all_assertions (m->claim);
  g_autoptr(GHashTable) referenced = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) contents = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint hard_bindings = 0;

  for (guint i = 0; i < all->len && !cl_validation_cancelled (v); i++) {
    gboolean redacted = FALSE;
    ClAssertion *a = check_reference (v, m, g_ptr_array_index (all, i), contents, &redacted);

    if (a == NULL)
      continue;
    g_hash_table_add (referenced, a);
    /* Every reference to a hard binding that is not redacted counts, hashed right or not. */
    if (!redacted && cl_assertion_label_is_hard_binding (a->base_label))
      hard_bindings++;
  }

  /* Every assertion in the store must be referenced by the claim. */
  for (guint i = 0; i < m->assertions->len && !cl_validation_cancelled (v); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);

    if (!g_hash_table_contains (referenced, a)) {
      g_autofree char *abs_uri = cl_manifest_uri (m, NULL);
      g_autofree char *a_uri = g_strdup_printf ("%s/c2pa.assertions/%s", abs_uri, a->label);

      cl_validation_log (v, CL_CODE_ASSERTION_UNDECLARED, a_uri,
                         _("assertion is not referenced by the claim"));
    }
  }
  if (hard_bindings > 1) {
    g_autofree char *uri = cl_manifest_uri (m, "c2pa.assertions");

    cl_validation_log (v, CL_CODE_ASSERTION_MULTIPLE_HARD_BINDINGS, uri,
                       _("only one hard binding allowed"));
  }
}


/* The actions of one actions assertion, or NULL when it cannot be decoded. */
static cbor_item_t *
load_actions (ClValidation *v,
              ClManifest   *m,
              ClHashedUri  *uri,
              ClAssertion **out)
{
  g_autofree char *abs_uri = cl_jumbf_uri_make_absolute (m->label, uri->url);
  g_autofree char *label = cl_jumbf_uri_last_segment (abs_uri);
  ClAssertion *a = label != NULL ? cl_manifest_find_assertion (m, label) : NULL;

  *out = a;
  if (a == NULL || !cl_assertion_label_is_actions (a->base_label))
    return NULL;
  return cl_validation_load_cbor (v, a, NULL);
}


static gboolean
is_created_or_opened (const char *name)
{
  return name != NULL && (g_str_equal (name, "c2pa.created") || g_str_equal (name, "c2pa.opened"));
}


/* c2pa-rs verify_actions for v2 claims (C2PA 2.2 §15.10.3.2.2). */
static void
verify_actions (ClValidation *v,
                ClManifest   *m)
{
  GPtrArray *lists[2] = { m->claim->created_assertions, m->claim->gathered_assertions };
  ClAssertion *first_actions = NULL;
  gboolean found_first = FALSE;

  if (m->claim->version < 2)
    return;
  /* The first actions assertion (created, then gathered) must start with created/opened. */
  for (guint l = 0; l < 2 && !found_first; l++) {
    for (guint i = 0; i < lists[l]->len && !cl_validation_cancelled (v); i++) {
      ClAssertion *a = NULL;
      g_autoptr(cbor_item_t) item = load_actions (v, m, g_ptr_array_index (lists[l], i), &a);
      cbor_item_t *actions;

      if (a == NULL || !cl_assertion_label_is_actions (a->base_label))
        continue;
      actions = cl_cbor_map_get (item, "actions");
      if (actions != NULL && cbor_isa_array (actions) && cbor_array_size (actions) > 0) {
        g_autofree char *name = cl_cbor_map_dup_string (cbor_array_handle (actions)[0], "action");

        if (is_created_or_opened (name))
          first_actions = a;
      }
      found_first = TRUE;
      break;
    }
  }
  if (first_actions == NULL && !m->is_update) {
    g_autofree char *uri = cl_manifest_uri (m, NULL);

    cl_validation_log (v, CL_CODE_ASSERTION_ACTION_MALFORMED, uri,
                       _("first action must be created or opened"));
  }

  for (guint i = 0; i < m->assertions->len && !cl_validation_cancelled (v); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);
    g_autoptr(cbor_item_t) item = NULL;
    g_autofree char *uri = NULL;
    cbor_item_t *actions;

    if (!cl_assertion_label_is_actions (a->base_label))
      continue;
    uri = cl_manifest_uri (m, NULL);
    uri = (g_free (uri), g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s",
                                         m->label, a->label));
    item = cl_validation_load_cbor (v, a, NULL);
    actions = cl_cbor_map_get (item, "actions");
    if (item == NULL || actions == NULL || !cbor_isa_array (actions) ||
        cbor_array_size (actions) == 0) {
      cl_validation_log (v, CL_CODE_ASSERTION_ACTION_MALFORMED, uri,
                         _("actions must have action array"));
      continue;
    }
    for (gsize j = 0; j < cbor_array_size (actions); j++) {
      cbor_item_t *action = cbor_array_handle (actions)[j];
      g_autofree char *name = cl_cbor_map_dup_string (action, "action");
      cbor_item_t *params;

      if (name == NULL || name[0] == '\0') {
        cl_validation_log (v, CL_CODE_ASSERTION_ACTION_MALFORMED, uri, _("action must have an action."));
        continue;
      }
      if (is_created_or_opened (name) && first_actions != NULL && a != first_actions)
        cl_validation_log (v, CL_CODE_ASSERTION_ACTION_MALFORMED, uri,
                           _("only first action can be created or opened"));
      if (is_created_or_opened (name) && j != 0)
        cl_validation_log (v, CL_CODE_ASSERTION_ACTION_MALFORMED, uri,
                           _("created or opened must be first action"));
      if (g_str_equal (name, "c2pa.opened") || g_str_equal (name, "c2pa.placed") ||
          g_str_equal (name, "c2pa.removed")) {
        cbor_item_t *ingredients;

        params = cl_cbor_map_get (action, "parameters");
        ingredients = cl_cbor_map_get (params, "ingredients");
        if (ingredients == NULL)
          ingredients = cl_cbor_map_get (params, "ingredient");
        if (ingredients == NULL ||
            (cbor_isa_array (ingredients) && cbor_array_size (ingredients) == 0))
          cl_validation_log (v, CL_CODE_ASSERTION_ACTION_INGREDIENT_MISMATCH, uri,
                             _("opened, placed and removed items must have ingredient(s) "
                               "parameters"));
      }
    }
  }
}


/* Manifest-type rules (C2PA 2.2 §15.10.1): at most one parentOf ingredient; an update
 * manifest has exactly one ingredient, its parent, and no hard binding or thumbnail. */
static void
verify_manifest_rules (ClValidation *v,
                       ClManifest   *m)
{
  g_autofree char *uri = cl_manifest_uri (m, NULL);
  guint parents = 0, ingredients = 0;
  gboolean forbidden = FALSE;

  for (guint i = 0; i < m->assertions->len && !cl_validation_cancelled (v); i++) {
    ClAssertion *a = g_ptr_array_index (m->assertions, i);

    if (cl_assertion_label_is_ingredient (a->base_label)) {
      ClIngredient *ing = cl_validation_ingredient (v, a, NULL);

      ingredients++;
      if (ing != NULL && g_strcmp0 (ing->relationship, "parentOf") == 0)
        parents++;
    } else if (cl_assertion_label_is_hard_binding (a->base_label) ||
               g_str_has_prefix (a->base_label, "c2pa.thumbnail.claim")) {
      forbidden = TRUE;
    }
  }
  if (!m->is_update) {
    if (parents > 1)
      cl_validation_log (v, CL_CODE_MANIFEST_MULTIPLE_PARENTS, uri,
                         _("a manifest can have only one parent ingredient"));
    return;
  }
  if (ingredients != 1 || parents != 1)
    cl_validation_log (v, CL_CODE_MANIFEST_UPDATE_WRONG_PARENTS, uri,
                       _("an update manifest must have exactly one parent ingredient"));
  if (forbidden)
    cl_validation_log (v, CL_CODE_MANIFEST_UPDATE_INVALID, uri,
                       _("an update manifest cannot carry a hard binding or a claim thumbnail"));
}


void
cl_validation_verify_claim (ClValidation *v,
                            ClManifest   *m)
{
  g_autofree char *sig_uri = cl_manifest_uri (m, "c2pa.signature");
  g_autoptr(ClCoseSign1) sign1 = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *redactions;
  ClJumbfBox *content;

  if (m->claim == NULL) {
    g_autofree char *uri = cl_manifest_uri (m, m->claim_box != NULL && m->claim_box->label ?
                                               m->claim_box->label : NULL);

    cl_validation_log (v, m->claim_status, uri, m->claim_error);
    return;
  }

  /* The signature reference must name this manifest's c2pa.signature box. */
  {
    g_autofree char *abs = cl_jumbf_uri_make_absolute (m->label, m->claim->signature_uri);
    g_autofree char *sig_label = cl_jumbf_uri_manifest_label (abs);
    g_autofree char *last = cl_jumbf_uri_last_segment (abs);

    if (sig_label == NULL || !g_str_equal (sig_label, m->label) ||
        g_strcmp0 (last, "c2pa.signature") != 0)
      cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_MISSING, sig_uri, _("signature missing"));
  }
  if (m->claim->version > 1 && !label_is_v2 (m->label)) {
    g_autofree char *uri = cl_manifest_uri (m, NULL);

    cl_validation_log (v, CL_CODE_CLAIM_MALFORMED, uri, _("claim box label invalid"));
  }

  content = cl_manifest_signature_content (m);
  if (content == NULL) {
    cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_MISSING, sig_uri, _("signature missing"));
  } else {
    gsize len;
    const guint8 *data = cl_jumbf_box_payload (content, &len);

    sign1 = cl_cose_sign1_parse (data, len, &error);
    if (sign1 == NULL) {
      cl_validation_log (v, CL_CODE_CLAIM_SIGNATURE_MISMATCH, sig_uri, error->message);
    } else {
      /* Revocation belongs to the trust engine when there is one; without it and without
       * stapled responses c2pa-rs (OCSP fetching off) says it skipped the check. */
      if (sign1->rvals == NULL && v->options->trust_evaluate == NULL)
        cl_validation_log (v, CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED, sig_uri,
                           _("OCSP fetching skipped"));
      verify_signature (v, m, sign1, sig_uri);
    }
  }
  verify_icons (v, m);
  /* A manifest may only redact assertions of its ingredients. */
  redactions = m->claim->redacted_assertions;
  for (guint i = 0; i < redactions->len && !cl_validation_cancelled (v); i++) {
    const char *uri = g_ptr_array_index (redactions, i);
    g_autofree char *target = cl_jumbf_uri_manifest_label (uri);

    if (target == NULL || g_str_equal (target, m->label)) {
      g_autofree char *claim_uri = cl_manifest_uri (m, m->claim_box->label);

      cl_validation_log (v, CL_CODE_ASSERTION_SELF_REDACTED, claim_uri,
                         _("a manifest cannot redact its own assertions"));
    }
  }
  verify_manifest_rules (v, m);
  verify_assertions (v, m);
  verify_actions (v, m);
}
