/* cl-validator.c: the validation pipeline for one file (C2PA 2.2 §15; c2pa-rs
 * verify_store order: referenced manifests, active claim, ingredients, hard binding), and
 * the validator's public calls. It stands on the parts (cl-validator-*.c), which stand on
 * cl-validation.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "cl-crypto-init.h"
#include "cl-assertion-ingredient.h"
#include "cl-cbor-util.h"
#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-report-manifests.h"
#include "cl-status-codes.h"
#include "cl-validation.h"
#include "cl-validator.h"
#include "cl-validator-binding.h"
#include "cl-validator-cawg.h"
#include "cl-validator-claim.h"
#include "cl-validator-ingredients.h"
#include "cl-validator-redactions.h"
#include "cl-validator-timestamps.h"


static gboolean
url_in_manifest (const char *url,
                 const char *label)
{
  g_autofree char *m = url != NULL ? cl_jumbf_uri_manifest_label (url) : NULL;

  return m != NULL && g_str_equal (m, label);
}


/* The key under which a recorded status is looked up: its code and URL (the code's length
 * first, so that no two pairs make one key). */
static char *
recorded_key (const char *code,
              const char *url)
{
  return g_strdup_printf ("%" G_GSIZE_FORMAT " %s%s%s", strlen (code), code,
                          url != NULL ? "\n" : "", url != NULL ? url : "");
}


/* What the ingredient assertions of the referenced manifests recorded ("<code>\n<url>",
 * a set). A manifest that no claim references (one the validation never reached from the
 * active manifest) records nothing that counts: otherwise it could cancel a real failure of
 * a referenced claim (c2pa-rs 0.91.1, PR #2686). */
static GHashTable *
collect_recorded (ClValidation *v)
{
  GHashTable *recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < v->store->manifests->len && !cl_validation_cancelled (v); i++) {
    ClManifest *m = g_ptr_array_index (v->store->manifests, i);

    if (!g_hash_table_contains (v->visited, m->label))
      continue;
    for (guint j = 0; j < m->assertions->len; j++) {
      ClAssertion *a = g_ptr_array_index (m->assertions, j);
      ClIngredient *ing = NULL;
      g_autoptr(GPtrArray) statuses = NULL;
      g_autofree char *label = NULL;

      if (!cl_assertion_label_is_ingredient (a->base_label))
        continue;
      ing = cl_validation_ingredient (v, a, NULL);
      if (ing == NULL)
        continue;
      if (ing->manifest != NULL)
        label = cl_jumbf_uri_manifest_label (ing->manifest->url);
      statuses = cl_ingredient_recorded_statuses (ing, label);
      for (guint k = 0; k < statuses->len; k++) {
        char **pair = g_ptr_array_index (statuses, k);

        g_hash_table_add (recorded, recorded_key (pair[0], pair[1]));
      }
    }
  }
  return recorded;
}


/* c2pa-rs drops statuses outside the active manifest that an ingredient assertion already
 * recorded (validation_results.rs from_store), so known problems of ingredients are not
 * reported again. */
static void
filter_recorded (ClValidation *v,
                 const char   *active_label)
{
  g_autoptr(GHashTable) recorded = NULL;
  GPtrArray *kept;
  gboolean any_outside = FALSE;

  for (guint i = 0; i < v->log->len && !any_outside; i++) {
    ClStatus *s = g_ptr_array_index (v->log, i);

    if (!url_in_manifest (s->url, active_label))
      any_outside = TRUE;
  }
  if (!any_outside)
    return;

  recorded = collect_recorded (v);
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  for (guint i = 0; i < v->log->len; i++) {
    ClStatus *s = g_ptr_array_index (v->log, i);
    gboolean drop = FALSE;

    /* Observed: c2pa-rs keeps statuses found outside any ingredient check (e.g. the
     * data hash of an update manifest's parent) even when an ingredient recorded them. */
    if (s->ingredient_uri != NULL && !url_in_manifest (s->url, active_label)) {
      g_autofree char *key = recorded_key (s->code, s->url);

      drop = g_hash_table_contains (recorded, key) &&
             cl_status_recorded_kind (s->code) == s->kind;
      /* A certificate that has expired since the ingredient was recorded as signed
       * inside its validity does not count against it (c2pa-rs 0.91, #2679): the
       * recorded result is bound to that signature, and nothing about it changed. */
      if (!drop && g_str_equal (s->code, CL_CODE_SIGNING_CREDENTIAL_EXPIRED)) {
        g_autofree char *inside = recorded_key (CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY, s->url);

        drop = g_hash_table_contains (recorded, inside);
      }
    }
    if (!drop)
      g_ptr_array_add (kept, g_steal_pointer (&v->log->pdata[i]));
  }
  /* What is left in the old log is what was dropped. */
  g_ptr_array_unref (v->log);
  v->log = kept;
}


/* c2pa-rs validation_results.rs validation_state (notes §7.2). */
static ClValidationState
compute_state (GPtrArray *statuses)
{
  gboolean validated = FALSE, inside = FALSE, trusted = FALSE;
  gboolean intolerable = FALSE, any_failure = FALSE;

  for (guint i = 0; i < statuses->len; i++) {
    ClStatus *s = g_ptr_array_index (statuses, i);

    if (s->ingredient_uri == NULL && s->kind == CL_STATUS_SUCCESS) {
      validated |= g_str_equal (s->code, CL_CODE_CLAIM_SIGNATURE_VALIDATED);
      inside |= g_str_equal (s->code, CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY);
      trusted |= g_str_equal (s->code, CL_CODE_SIGNING_CREDENTIAL_TRUSTED);
    }
    if (s->kind == CL_STATUS_FAILURE) {
      any_failure = TRUE;
      intolerable |= !cl_status_failure_is_tolerated (s->code);
    }
  }
  if (validated && inside && !intolerable)
    return trusted && !any_failure ? CL_VALIDATION_STATE_TRUSTED : CL_VALIDATION_STATE_VALID;
  return CL_VALIDATION_STATE_INVALID;
}


/* The report of a file without a manifest store: its hashes, or an error for a store
 * that only XMP points at. */
static gboolean
hash_without_store (GInputStream             *stream,
                    ClAssetInfo              *info,
                    const ClValidatorOptions *options,
                    ClValidationReport       *report,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  if (info->remote_url != NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                 _("The Content Credentials of this file are stored remotely at %s; "
                   "fetching them is not enabled"), info->remote_url);
    return FALSE;
  }
  /* Neither digest wanted: only the size, and nothing read. */
  if (options->skip_content_sha256 && options->skip_file_sha256) {
    goffset size;

    if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_END, cancellable, error))
      return FALSE;
    size = g_seekable_tell (G_SEEKABLE (stream));
    report->file_size = size > 0 ? (guint64) size : 0;
    return TRUE;
  }
  return g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error) &&
         cl_data_hash_stream (stream, EVP_sha256 (), NULL, 0, report->content_sha256, NULL,
                              options->skip_file_sha256 ? NULL : report->file_sha256,
                              &report->file_size, cancellable, error);
}


/* What the manifests say about themselves and each other, active manifest first. */
static void
check_manifests (ClValidation *v,
                 ClManifest   *active)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  cl_validation_collect_assertion_times (v);
  cl_validation_check_referenced (v, active, 0, seen);
  if (cl_validation_cancelled (v))
    return;
  cl_validation_check_redacted_slots (v, seen);
  cl_validation_verify_claim (v, active);
  cl_validation_check_cawg (v, active);
  g_hash_table_add (v->visited, g_strdup (active->label));
  cl_validation_check_ingredients (v, active, 0);
}


/* The log into the report: the active manifest's statuses first, then the ingredient
 * deltas, each in the order found; and the state they make. */
static void
report_statuses (ClValidation       *v,
                 ClManifest         *active,
                 ClValidationReport *report)
{
  filter_recorded (v, active->label);
  report->active_label = g_strdup (active->label);
  for (guint pass = 0; pass < 2; pass++) {
    for (guint i = 0; i < v->log->len; i++) {
      ClStatus *s = g_ptr_array_index (v->log, i);

      if ((s->ingredient_uri == NULL) == (pass == 0))
        g_ptr_array_add (report->statuses, cl_status_copy (s));
    }
  }
  report->state = compute_state (report->statuses);
}


static gboolean
validate_store (GInputStream             *stream,
                ClManifestStore          *store,
                const ClValidatorOptions *options,
                ClValidationReport       *report,
                GCancellable             *cancellable,
                GError                  **error)
{
  ClManifest *active = cl_manifest_store_get_active (store);
  ClValidation v;
  ClHashPass *pass = NULL;
  gboolean ok;

  cl_validation_init (&v, store, options, cancellable);
  /* The file is hashed on a helper thread while this one reads certificates and checks
   * signatures; only then is the decoder warm-up needed. */
  if (cl_validation_check_limits (&v, error))
    pass = cl_validation_hash_pass_start (&v, report, stream,
                                          cl_validation_find_binding_manifest (store, active),
                                          cancellable, error);
  cl_crypto_init ();
  if (pass != NULL) {
    check_manifests (&v, active);
    /* What the manifests say does not depend on the hashes: fill it in while they run. */
    cl_report_manifests_fill (report, store, v.sig_times, v.identities, cancellable);
    for (guint i = 0; i < report->manifests->len; i++) {
      ClManifestReport *rm = g_ptr_array_index (report->manifests, i);

      rm->tsa_name = g_strdup (g_hash_table_lookup (v.tsa_names, rm->label));
    }
  }
  ok = pass != NULL && cl_validation_hash_pass_finish (&v, pass, error);
  /* A validation cut short is no verdict. */
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok)
    report_statuses (&v, active, report);
  cl_validation_clear (&v);
  return ok;
}


ClValidationReport *
cl_validator_verify_stream (GInputStream              *stream,
                            ClAssetInfo               *info,
                            const ClValidatorOptions  *options,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  static const ClValidatorOptions no_options = { NULL, NULL, NULL, NULL, FALSE };
  g_autoptr(ClValidationReport) report = cl_validation_report_new ();
  g_autoptr(ClManifestStore) store = NULL;

  if (options == NULL)
    options = &no_options;
  report->format = info->format;
  report->mime_type = info->mime_type;
  if (info->store_ranges != NULL)
    g_array_append_vals (report->store_ranges, info->store_ranges->data, info->store_ranges->len);

  cl_crypto_init_digests ();
  if (info->store == NULL)
    return hash_without_store (stream, info, options, report, cancellable, error) ?
           g_steal_pointer (&report) : NULL;

  store = cl_manifest_store_parse (info->store, error);
  if (store == NULL)
    return NULL;
  report->has_manifest = TRUE;
  if (options->keep_store)
    report->manifest_store = g_bytes_ref (info->store);
  if (!validate_store (stream, store, options, report, cancellable, error))
    return NULL;
  return g_steal_pointer (&report);
}


ClValidationReport *
cl_validator_verify_file (const char                *path,
                          const ClValidatorOptions  *options,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(ClAssetInfo) info = NULL;
  ClValidationReport *report;

  if (stream == NULL)
    return NULL;
  info = cl_asset_read (G_INPUT_STREAM (stream), cancellable, error);
  if (info == NULL)
    return NULL;
  report = cl_validator_verify_stream (G_INPUT_STREAM (stream), info, options, cancellable, error);
  if (report != NULL)
    report->path = g_strdup (path);
  return report;
}


static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  ClValidationReport *report = cl_validator_verify_file (task_data, g_object_get_data (G_OBJECT (task),
                                                                             "options"),
                                               cancellable, &error);

  /* GTask worker threads are pooled: release OpenSSL's per-thread state. */
  OPENSSL_thread_stop ();
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cl_validation_report_unref);
}


void
cl_validator_verify_file_async (const char               *path,
                                const ClValidatorOptions *options,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cl_validator_verify_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "options", (gpointer) options);
  g_task_run_in_thread (task, verify_thread);
}


ClValidationReport *
cl_validator_verify_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}


GArray *
cl_validator_store_exclusions (GBytes  *store_bytes,
                               GError **error)
{
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (store_bytes, error);

  if (store == NULL)
    return NULL;
  return cl_validation_data_hash_exclusions (
    cl_validation_find_binding_manifest (store, cl_manifest_store_get_active (store)), error);
}
