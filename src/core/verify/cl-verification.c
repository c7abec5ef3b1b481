/* cl-verification.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-verification"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-cert-testing.h"
#include "cl-content-hash.h"
#include "cl-detached-manifest.h"
#include "cl-error.h"
#include "cl-file-stream.h"
#include "cl-manifest-prerelease.h"
#include "cl-proof-cache.h"
#include "cl-proof-match.h"
#include "cl-remote-manifest.h"
#include "cl-revocation.h"
#include "cl-spliced-stream.h"
#include "cl-status-text.h"
#include "cl-trust-chain.h"
#include "cl-validator.h"
#include "cl-verdict.h"
#include "cl-thread-priority.h"
#include "cl-verification.h"
#include "cl-x509.h"

/* What the trust hook keeps between the validator's calls: one evaluation per
 * signer certificate (the active manifest and every ingredient's). The trust lists are
 * read on the validator's first question, so that reading them (certificates to decode)
 * overlaps the file's hashing. */
typedef struct {
  ClTrustStore    *given_store;   /* the caller's, or NULL for the default */
  ClTrustStore    *tsa_store;     /* the caller's TSA lists, or NULL for those of store */
  ClTrustStore    *store;         /* NULL until first needed */
  X509_STORE      *tsa_anchors;   /* NULL until first needed */
  ClTrustSettings  settings;
  GCancellable    *cancellable;
  GHashTable      *results;     /* GBytes (leaf DER) → ClTrustResult */
} TrustHook;


static ClTrustStore *
trust_hook_store (TrustHook *hook)
{
  if (hook->store == NULL)
    hook->store = hook->given_store != NULL ? g_object_ref (hook->given_store)
                                            : cl_trust_store_dup_default ();
  return hook->store;
}


static X509_STORE *
trust_hook_tsa_anchors (gpointer user_data)
{
  TrustHook *hook = user_data;

  if (hook->tsa_anchors == NULL)
    hook->tsa_anchors = cl_trust_store_get_tsa_x509_store (hook->tsa_store != NULL
                                                           ? hook->tsa_store
                                                           : trust_hook_store (hook));
  return hook->tsa_anchors;
}


static GPtrArray *
trust_hook_evaluate (GPtrArray *x5chain,
                     gint64     validation_time,
                     gboolean   time_stamped,
                     GPtrArray *ocsp_responses,
                     gpointer   user_data)
{
  TrustHook *hook = user_data;
  GPtrArray *statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  g_autoptr(GDateTime) when = NULL;
  ClTrustResult *result;

  /* Only a trusted time-stamp gives a time to judge the chain at; without one the trust
   * engine judges it now (as c2pa-rs 0.91 does). */
  if (time_stamped)
    when = g_date_time_new_from_unix_utc (validation_time);
  result = cl_trust_evaluate (trust_hook_store (hook), x5chain, when, ocsp_responses,
                              &hook->settings, hook->cancellable);
  for (guint i = 0; i < result->codes->len; i++) {
    const char *code = g_ptr_array_index (result->codes, i);

    g_ptr_array_add (statuses, cl_status_new (code, NULL, cl_status_text_describe (code)));
  }
  if (x5chain != NULL && x5chain->len > 0)
    g_hash_table_replace (hook->results, g_bytes_ref (g_ptr_array_index (x5chain, 0)), result);
  else
    cl_trust_result_unref (result);
  return statuses;
}


/* The code lists of the active manifest and the failures of ingredients, for the
 * confidence breakdown and the verdict's reason. */
static void
split_codes (ClValidationReport *report,
             GStrv              *success,
             GStrv              *informational,
             GStrv              *failure,
             GStrv              *ingredient_failures)
{
  g_autoptr(GStrvBuilder) s = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) i = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) f = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) ing = g_strv_builder_new ();

  for (guint n = 0; report != NULL && n < report->statuses->len; n++) {
    ClStatus *status = g_ptr_array_index (report->statuses, n);

    if (status->ingredient_uri != NULL) {
      if (status->kind == CL_STATUS_FAILURE)
        g_strv_builder_add (ing, status->code);
      continue;
    }
    g_strv_builder_add (status->kind == CL_STATUS_SUCCESS ? s
                        : status->kind == CL_STATUS_INFORMATIONAL ? i : f, status->code);
  }
  *success = g_strv_builder_end (s);
  *informational = g_strv_builder_end (i);
  *failure = g_strv_builder_end (f);
  *ingredient_failures = g_strv_builder_end (ing);
}


static void
decide_verdict (ClVerification *self,
                GStrv           failure,
                GStrv           ingredient_failures)
{
  if (self->report == NULL) {
    self->verdict = CL_VERDICT_ERROR;
    self->reason = g_strdup (self->error != NULL ? self->error->message : "");
    return;
  }
  self->verdict = cl_verdict_decide (self->report,
                                     self->trust != NULL ? self->trust->list_name : NULL,
                                     failure, ingredient_failures, &self->reason);
  if (self->prerelease && self->verdict == CL_VERDICT_INVALID) {
    g_free (self->reason);
    self->reason = g_strdup (_("These credentials use a pre-release format of C2PA that is no "
                               "longer supported, so they cannot be checked; that is not a "
                               "sign that they were altered"));
  }
  if (self->report->format == CL_ASSET_FORMAT_C2PA || self->manifest_file != NULL) {
    g_autofree char *reason = self->reason;

    self->reason = cl_detached_manifest_explain (reason, self->manifest_file,
                                                 self->manifest_file_is_sidecar);
  }
  if (self->remote_url != NULL) {
    g_autofree char *reason = self->reason;

    self->reason = g_strdup_printf (_("Credentials downloaded from %s, which the image links "
                                      "to. %s"), self->remote_url, reason);
  }
  if (self->recovered) {
    /* Say first that the file itself carries nothing. */
    g_autofree char *reason = self->reason;

    self->reason = g_strdup_printf (_("Credentials recovered from your proof cache: the file "
                                      "itself carries none, but its content is an image signed "
                                      "on this computer. %s"), reason);
  }
}


static ClProofVerdict
proof_verdict (ClVerdict verdict)
{
  switch (verdict) {
  case CL_VERDICT_TRUSTED: return CL_PROOF_VERDICT_TRUSTED;
  case CL_VERDICT_VALID: return CL_PROOF_VERDICT_VALID;
  case CL_VERDICT_INVALID: return CL_PROOF_VERDICT_INVALID;
  case CL_VERDICT_NO_CREDENTIALS:
  case CL_VERDICT_ERROR:
  default:
    return CL_PROOF_VERDICT_NO_MANIFEST;
  }
}


static void
record_proof (ClVerification        *self,
              ClProofCache          *cache,
              const char            *content_hash,
              const ClVerifyOptions *options)
{
  g_autoptr(ClProof) proof = cl_proof_new (CL_PROOF_KIND_VERIFIED);
  g_autoptr(JsonNode) json = cl_verification_to_json (self);
  g_autoptr(GError) error = NULL;
  ClManifestReport *active = cl_validation_report_get_active (self->report);

  proof->content_hash = g_strdup (content_hash);
  proof->verdict = proof_verdict (self->verdict);
  proof->source_name = g_path_get_basename (self->path);
  if (self->report->has_manifest) {
    proof->manifest_label = g_strdup (self->report->active_label);
    if (self->report->has_claim_signature_hash)
      proof->claim_signature_hash = cl_content_hash_hex (self->report->claim_signature_hash, 32);
    if (self->trust != NULL && self->trust->certs->len > 0) {
      ClCertReport *signer = g_ptr_array_index (self->trust->certs, 0);
      g_autoptr(GBytes) der = cl_x509_to_der (signer->cert);

      proof->signer_subject = cl_x509_name_to_string (X509_get_subject_name (signer->cert));
      /* The proof cache keeps fingerprints as plain lowercase hex. */
      proof->signer_fingerprint = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, der);
    }
    if (active != NULL && active->sig_time != NULL)
      proof->signing_time = g_date_time_new_from_iso8601 (active->sig_time, NULL);
  }
  /* Last: a report too large to keep whole is summarised from the fields above. */
  cl_proof_set_report (proof, json);
  if (!cl_proof_cache_store (cache, proof,
                             options->retention_days > 0
                             ? options->retention_days
                             : cl_proof_cache_retention_days_from_settings (),
                             NULL, &error))
    g_warning ("Could not record the proof of %s: %s", self->path, error->message);
}


/* A file without credentials whose content is an image signed here (a platform stripped
 * its APP11 segments or caBX chunk): put the signed manifest store back where its hard
 * binding says it sat, as a view of the file, and validate it against this file. */
static ClValidationReport *
recover_credentials (ClVerification           *self,
                     ClProofCache             *cache,
                     const char               *content_hash,
                     const ClValidatorOptions *validator_options,
                     GCancellable             *cancellable)
{
  g_autoptr(GPtrArray) proofs = cl_proof_cache_lookup_content_hash (cache, content_hash, NULL);

  for (guint i = 0; proofs != NULL && i < proofs->len; i++) {
    ClProof *candidate = g_ptr_array_index (proofs, i);
    g_autoptr(ClProof) proof = NULL;
    g_autoptr(GArray) exclusions = NULL;
    g_autoptr(GInputStream) stream = NULL;
    g_autoptr(GInputStream) spliced = NULL;
    g_autoptr(ClAssetInfo) info = NULL;
    g_autoptr(GError) error = NULL;
    ClByteRange *gap;
    ClValidationReport *report;

    if (candidate->kind != CL_PROOF_KIND_SIGNED)
      continue;
    proof = cl_proof_cache_get (cache, candidate->id, &error);
    if (proof == NULL || proof->manifest_store == NULL)
      continue;
    exclusions = cl_validator_store_exclusions (proof->manifest_store, &error);
    if (exclusions == NULL || exclusions->len != 1)
      continue;
    gap = &g_array_index (exclusions, ClByteRange, 0);

    stream = cl_file_stream_open (self->path, cancellable, &error);
    info = stream != NULL ? cl_asset_read (stream, cancellable, &error) : NULL;
    if (info == NULL || info->store != NULL || gap->start > info->file_size)
      continue;
    spliced = cl_spliced_stream_new (stream, gap->start, gap->length,
                                     cancellable, &error);
    if (spliced == NULL)
      continue;
    info->store = g_bytes_ref (proof->manifest_store);
    g_array_append_val (info->store_ranges, *gap);
    info->file_size += gap->length;

    report = cl_validator_verify_stream (spliced, info, validator_options, cancellable, &error);
    if (report == NULL) {
      g_debug ("Recovering %s from proof %s failed: %s", self->path, proof->id, error->message);
      continue;
    }
    /* The file as it is: its own size and SHA-256, not the view's. */
    report->path = g_strdup (self->path);
    report->file_size = self->report->file_size;
    memcpy (report->file_sha256, self->report->file_sha256, sizeof report->file_sha256);
    return report;
  }
  return NULL;
}


/* The file only links to its credentials: download them (the person allowed it) and
 * validate them against the whole file, which then has no excluded bytes. */
static ClValidationReport *
fetch_remote (ClVerification           *self,
              const ClValidatorOptions *validator_options,
              GCancellable             *cancellable,
              GError                  **error)
{
  g_autoptr(GInputStream) stream = cl_file_stream_open (self->path, cancellable, error);
  g_autoptr(ClAssetInfo) info = NULL;
  ClValidationReport *report;

  if (stream == NULL)
    return NULL;
  info = cl_asset_read (stream, cancellable, error);
  if (info == NULL)
    return NULL;
  if (info->store != NULL || info->remote_url == NULL) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                         _("The file names no remote Content Credentials"));
    return NULL;
  }
  info->store = cl_remote_manifest_fetch (info->remote_url, cancellable, error);
  if (info->store == NULL)
    return NULL;
  report = cl_validator_verify_stream (stream, info, validator_options, cancellable, error);
  if (report != NULL) {
    report->path = g_strdup (self->path);
    self->remote_url = g_strdup (info->remote_url);
  }
  return report;
}


/* The file validated as it is. Only a regular file is opened: a pipe named like an image
 * would block the reader, a device never ends. */
/* Whether an Invalid file's credentials are in a pre-release format: then that, not an
 * alteration, is why they do not check out. */
static gboolean
is_prerelease (ClValidationReport *report,
               ClAssetInfo        *info)
{
  g_autoptr(ClManifestStore) store = NULL;

  if (report->state != CL_VALIDATION_STATE_INVALID || info->store == NULL)
    return FALSE;
  store = cl_manifest_store_parse (info->store, NULL);
  return store != NULL && cl_manifest_store_is_prerelease (store);
}


static ClValidationReport *
validate_file (ClVerification            *self,
               const ClVerifyOptions     *options,
               const ClValidatorOptions  *validator_options,
               GCancellable              *cancellable,
               GError                   **error)
{
  g_autoptr(GInputStream) stream = cl_file_stream_open (self->path, cancellable, error);
  g_autoptr(ClAssetInfo) info = NULL;
  ClValidationReport *report;

  if (stream == NULL)
    return NULL;
  info = cl_asset_read (stream, cancellable, error);
  /* A detached store is validated against the file as a remote one is. */
  if (info == NULL ||
      !cl_detached_manifest_attach (self->path, info, options->manifest_path,
                                    !options->no_sidecar, &self->manifest_file, cancellable,
                                    error))
    return NULL;
  self->manifest_file_is_sidecar = self->manifest_file != NULL && options->manifest_path == NULL;
  report = cl_validator_verify_stream (stream, info, validator_options, cancellable, error);
  if (report != NULL) {
    report->path = g_strdup (self->path);
    self->prerelease = is_prerelease (report, info);
  }
  return report;
}


static ClTrustResult *
active_trust (TrustHook          *hook,
              ClValidationReport *report)
{
  ClTrustResult *result;

  if (report == NULL || report->x5chain == NULL || report->x5chain->len == 0)
    return NULL;
  result = g_hash_table_lookup (hook->results, g_ptr_array_index (report->x5chain, 0));
  return result != NULL ? cl_trust_result_ref (result) : NULL;
}


ClVerification *
cl_verify_file (const char            *path,
                const ClVerifyOptions *options,
                GCancellable          *cancellable)
{
  static const ClVerifyOptions defaults = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) self = g_new0 (ClVerification, 1);
  ClValidatorOptions validator_options = { NULL, };
  TrustHook hook = { NULL, };
  g_auto(GStrv) success = NULL, informational = NULL, failure = NULL, ingredient = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autofree char *content_hash = NULL;
  ClConfidenceInput input;

  if (options == NULL)
    options = &defaults;
  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->checked_at = g_get_real_time ();
  self->proof_state = CL_CONFIDENCE_PROOF_UNKNOWN;

  hook.given_store = options->trust_store;
  hook.tsa_store = options->tsa_store;
  hook.settings.validation_time = options->validation_time;
  hook.settings.online = options->online;
  hook.settings.extra_ekus = (const char * const *) options->extra_ekus;
  hook.settings.cache = cl_revocation_cache_get_default ();
  hook.cancellable = cancellable;
  hook.results = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                        (GDestroyNotify) g_bytes_unref,
                                        (GDestroyNotify) cl_trust_result_unref);
  validator_options.trust_evaluate = trust_hook_evaluate;
  validator_options.trust_data = &hook;
  validator_options.tsa_anchors_lookup = trust_hook_tsa_anchors;
  validator_options.skip_file_sha256 = options->skip_file_sha256;
  validator_options.skip_content_sha256 = options->skip_content_sha256 &&
                                          !options->use_proof_cache;
  validator_options.keep_store = options->keep_manifest_store;
  validator_options.validation_time = options->validation_time;
  validator_options.online = options->online;
  validator_options.trusted_ica_issuers = options->ica_issuers;

  self->report = validate_file (self, options, &validator_options, cancellable, &self->error);
  if (self->report == NULL && options->fetch_remote_manifests &&
      g_error_matches (self->error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE)) {
    g_clear_error (&self->error);
    self->report = fetch_remote (self, &validator_options, cancellable, &self->error);
  }

  if (self->report != NULL && options->use_proof_cache) {
    g_autoptr(GError) error = NULL;

    content_hash = cl_content_hash_hex (self->report->content_sha256, 32);
    cache = options->proof_cache != NULL ? g_object_ref (options->proof_cache)
                                         : cl_proof_cache_open (options->proof_db, &error);
    if (cache == NULL)
      g_warning ("The proof cache cannot be opened: %s", error->message);
  }
  if (cache != NULL && !self->report->has_manifest) {
    ClValidationReport *recovered = recover_credentials (self, cache, content_hash, &validator_options,
                                               cancellable);

    if (recovered != NULL) {
      cl_validation_report_unref (self->report);
      self->report = recovered;
      self->recovered = TRUE;
    }
  }
  if (cache != NULL) {
    ClProofMatch match = { CL_CONFIDENCE_PROOF_UNKNOWN, FALSE, NULL };

    cl_proof_match_consult (&match, cache, content_hash, self->report);
    self->proof_state = match.state;
    self->proof_signed_here = match.signed_here;
    self->earlier_proof = match.earlier;
  }

  self->trust = active_trust (&hook, self->report);
  self->test_certificate = self->trust != NULL ? cl_trust_result_is_for_testing (self->trust)
                                               : cl_cert_chain_der_is_for_testing (
                                                   self->report != NULL ? self->report->x5chain : NULL);
  X509_STORE_free (hook.tsa_anchors);
  g_hash_table_unref (hook.results);
  g_clear_object (&hook.store);

  split_codes (self->report, &success, &informational, &failure, &ingredient);

  decide_verdict (self, failure, ingredient);
  self->signals = self->report == NULL ? g_ptr_array_new ()
                  : self->report->has_manifest ? cl_signals_from_report (self->report)
                  : cl_signals_from_xmp_file (path, cancellable);

  input = (ClConfidenceInput) {
    self->report != NULL && self->report->has_manifest, self->recovered,
    (const char * const *) success, (const char * const *) informational,
    (const char * const *) failure, (const char * const *) ingredient, self->proof_state,
    self->proof_signed_here, self->test_certificate,
  };
  self->confidence = cl_confidence_compute (&input);

  if (cache != NULL && !g_cancellable_is_cancelled (cancellable))
    record_proof (self, cache, content_hash, options);

  return g_steal_pointer (&self);
}


ClVerification *
cl_verification_ref (ClVerification *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}


void
cl_verification_unref (ClVerification *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->path);
  g_clear_pointer (&self->report, cl_validation_report_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->trust, cl_trust_result_unref);
  g_free (self->reason);
  g_clear_pointer (&self->confidence, cl_confidence_free);
  g_clear_pointer (&self->earlier_proof, cl_proof_unref);
  g_clear_pointer (&self->signals, g_ptr_array_unref);
  g_free (self->remote_url);
  g_free (self->manifest_file);
  g_free (self);
}


typedef struct {
  char            *path;
  ClVerifyOptions  options;
  ClTrustStore    *store;   /* owned copy of options.trust_store */
  ClTrustStore    *tsa_store;   /* owned copy of options.tsa_store */
  GDateTime       *validation_time;   /* owned copy of options.validation_time */
  ClProofCache    *cache;   /* owned copy of options.proof_cache */
  GStrv            ekus;
  char            *proof_db;
  char            *manifest_path;
  GStrv            ica_issuers;
} VerifyTask;


static void
verify_task_free (gpointer data)
{
  VerifyTask *task = data;

  g_free (task->path);
  g_clear_object (&task->store);
  g_clear_object (&task->tsa_store);
  g_clear_pointer (&task->validation_time, g_date_time_unref);
  g_clear_object (&task->cache);
  g_strfreev (task->ekus);
  g_free (task->proof_db);
  g_free (task->manifest_path);
  g_strfreev (task->ica_issuers);
  g_free (task);
}


static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyTask *data = task_data;
  ClVerification *verification;

  cl_thread_priority_background ();
  verification = cl_verify_file (data->path, &data->options, cancellable);

  if (g_task_return_error_if_cancelled (task)) {
    cl_verification_unref (verification);
    return;
  }
  g_task_return_pointer (task, verification, (GDestroyNotify) cl_verification_unref);
}


void
cl_verify_file_async (const char            *path,
                      const ClVerifyOptions *options,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  static const ClVerifyOptions defaults = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  VerifyTask *data = g_new0 (VerifyTask, 1);

  if (options == NULL)
    options = &defaults;
  data->path = g_strdup (path);
  data->options = *options;
  data->store = options->trust_store != NULL ? g_object_ref (options->trust_store) : NULL;
  data->ekus = g_strdupv (options->extra_ekus);
  data->proof_db = g_strdup (options->proof_db);
  data->options.trust_store = data->store;
  data->tsa_store = options->tsa_store != NULL ? g_object_ref (options->tsa_store) : NULL;
  data->options.tsa_store = data->tsa_store;
  data->validation_time = options->validation_time != NULL
                          ? g_date_time_ref (options->validation_time) : NULL;
  data->options.validation_time = data->validation_time;
  data->cache = options->proof_cache != NULL ? g_object_ref (options->proof_cache) : NULL;
  data->options.proof_cache = data->cache;
  data->options.extra_ekus = data->ekus;
  data->options.proof_db = data->proof_db;
  data->manifest_path = g_strdup (options->manifest_path);
  data->options.manifest_path = data->manifest_path;
  data->ica_issuers = g_strdupv (options->ica_issuers);
  data->options.ica_issuers = data->ica_issuers;
  g_task_set_source_tag (task, cl_verify_file_async);
  g_task_set_task_data (task, data, verify_task_free);
  g_task_run_in_thread (task, verify_thread);
}


ClVerification *
cl_verify_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
