/* cl-validator.c: the validation pipeline for one file (C2PA 2.2 §15; c2pa-rs
 * verify_store order: referenced manifests, active claim, ingredients, hard binding).
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
#include "cl-validator-private.h"

/* In cl-validator-cawg.c */
void cl_validation_check_cawg (ClValidation *v,
                               ClManifest   *m);
/* In cl-validator-report.c */
void cl_validator_fill_report (ClReport        *report,
                               ClManifestStore *store,
                               GHashTable      *sig_times);


void
cl_validation_log (ClValidation *v,
                   const char   *code,
                   const char   *url,
                   const char   *explanation)
{
  ClStatus *s = cl_status_new (code, url, explanation);

  if (v->ingredient_uris->len > 0)
    s->ingredient_uri = g_strdup (g_ptr_array_index (v->ingredient_uris,
                                                     v->ingredient_uris->len - 1));
  g_ptr_array_add (v->log, s);
}


/* An update manifest binds through the first standard manifest up its parentOf chain. */
static ClManifest *
find_binding_manifest (ClValidation *v,
                       ClManifest   *m)
{
  for (guint depth = 0; m != NULL && depth < CL_VALIDATOR_MAX_INGREDIENT_DEPTH; depth++) {
    ClManifest *parent = NULL;

    if (!m->is_update)
      return m;
    for (guint i = 0; i < m->assertions->len && parent == NULL; i++) {
      ClAssertion *a = g_ptr_array_index (m->assertions, i);
      g_autoptr(ClIngredient) ing = NULL;

      if (!cl_assertion_label_is_ingredient (a->base_label))
        continue;
      ing = cl_ingredient_parse (a, NULL);
      if (ing != NULL && ing->manifest != NULL && g_strcmp0 (ing->relationship, "parentOf") == 0) {
        g_autofree char *label = cl_jumbf_uri_manifest_label (ing->manifest->url);

        parent = cl_manifest_store_lookup (v->store, label);
      }
    }
    m = parent;
  }
  return NULL;
}


static ClAssertion *
find_hard_binding (ClManifest *m,
                   const char *base_label)
{
  if (m->claim == NULL)
    return NULL;
  for (guint i = 0; i < m->claim->created_assertions->len; i++) {
    ClHashedUri *uri = g_ptr_array_index (m->claim->created_assertions, i);
    g_autofree char *label = cl_jumbf_uri_last_segment (uri->url);
    ClAssertion *a = label != NULL ? cl_manifest_find_assertion (m, label) : NULL;

    if (a != NULL && g_str_equal (a->base_label, base_label))
      return a;
  }
  return NULL;
}


static gboolean
ranges_equal (GArray *a,
              GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++) {
    ClByteRange *ra = &g_array_index (a, ClByteRange, i), *rb = &g_array_index (b, ClByteRange, i);

    if (ra->start != rb->start || ra->length != rb->length)
      return FALSE;
  }
  return TRUE;
}


/* The store ranges merged into contiguous runs. */
static GArray *
merged_store_ranges (GArray *ranges)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (ClByteRange));

  for (guint i = 0; i < ranges->len; i++) {
    ClByteRange r = g_array_index (ranges, ClByteRange, i);
    ClByteRange *last = out->len > 0 ? &g_array_index (out, ClByteRange, out->len - 1) : NULL;

    if (last != NULL && last->start + last->length == r.start)
      last->length += r.length;
    else
      g_array_append_val (out, r);
  }
  return out;
}


typedef struct {
  GArray     *exclusions;     /* ClByteRange */
  GBytes     *hash;
  gboolean    malformed;
} DataHash;


static void
parse_data_hash (cbor_item_t *item,
                 DataHash    *dh)
{
  cbor_item_t *excl = cl_cbor_map_get (item, "exclusions");
  guint64 prev_end = 0;

  dh->exclusions = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  dh->hash = cl_cbor_dup_bytes (cl_cbor_map_get (item, "hash"));
  if (item == NULL || !cbor_isa_map (item) || (excl != NULL && !cbor_isa_array (excl))) {
    dh->malformed = TRUE;
    return;
  }
  for (gsize i = 0; excl != NULL && i < cbor_array_size (excl); i++) {
    cbor_item_t *e = cbor_array_handle (excl)[i];
    gint64 start, length;
    ClByteRange r;

    if (!cl_cbor_get_int (cl_cbor_map_get (e, "start"), &start) ||
        !cl_cbor_get_int (cl_cbor_map_get (e, "length"), &length) ||
        start < 0 || length < 0 || (guint64) start < prev_end ||
        (guint64) start > G_MAXUINT64 - (guint64) length) {
      dh->malformed = TRUE;
      return;
    }
    r.start = (guint64) start;
    r.length = (guint64) length;
    prev_end = r.start + r.length;
    g_array_append_val (dh->exclusions, r);
  }
}


static gboolean
range_covered (ClByteRange *r,
               GArray      *exclusions)
{
  for (guint i = 0; i < exclusions->len; i++) {
    ClByteRange *e = &g_array_index (exclusions, ClByteRange, i);

    if (r->start >= e->start && r->start + r->length <= e->start + e->length)
      return TRUE;
  }
  return FALSE;
}


static guint8 *
file_sha256_out (ClValidation *v,
                 ClReport     *report)
{
  return v->options->skip_file_sha256 ? NULL : report->file_sha256;
}


/* The hard binding and the report's file/content hashes, in one pass over the file
 * when the data hash excludes exactly the store with SHA-256 (the normal case). */
static gboolean
hash_pass (ClValidation  *v,
           ClReport      *report,
           GInputStream  *stream,
           ClManifest    *binding,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GArray) store_runs = merged_store_ranges (report->store_ranges);
  g_autoptr(cbor_item_t) item = NULL;
  g_autofree char *uri = NULL;
  DataHash dh = { NULL, NULL, FALSE };
  ClAssertion *a = NULL;
  const EVP_MD *md;
  guint8 digest[EVP_MAX_MD_SIZE];
  guint digest_len = 0;
  g_autoptr(GError) hash_error = NULL;
  gboolean ok;

  if (binding != NULL)
    a = find_hard_binding (binding, "c2pa.hash.data");
  if (a == NULL) {
    if (binding != NULL && find_hard_binding (binding, "c2pa.hash.boxes") != NULL) {
      g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_UNSUPPORTED,
                           _("The credentials bind to the image with a box hash "
                             "(c2pa.hash.boxes), which CredLink cannot check yet"));
      return FALSE;
    }
    if (binding != NULL) {
      g_autofree char *m_uri = cl_manifest_uri (binding, NULL);

      cl_validation_log (v, "claim.hardBindings.missing", m_uri,
                         _("could not find manifest with hard binding"));
    }
    if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
      return FALSE;
    return cl_data_hash_stream (stream, EVP_sha256 (),
                                (ClByteRange *) store_runs->data, store_runs->len,
                                report->content_sha256, NULL, file_sha256_out (v, report),
                                &report->file_size, cancellable, error);
  }

  uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s", binding->label, a->label);
  item = cl_assertion_load_cbor (a, NULL);
  parse_data_hash (item, &dh);
  {
    g_autofree char *alg = cl_cbor_map_dup_string (item, "alg");

    md = cl_data_hash_md_from_name (alg != NULL ? alg :
                                    binding->claim != NULL ? binding->claim->alg : NULL);
  }

  /* An update manifest's store grew after its parent bound the asset: the exclusion
   * that starts at the store covers the current store (C2PA 2.2 §15.12.1). */
  if (binding != cl_manifest_store_get_active (v->store) && store_runs->len > 0) {
    ClByteRange *run = &g_array_index (store_runs, ClByteRange, 0);

    for (guint i = 0; i < dh.exclusions->len; i++) {
      ClByteRange *e = &g_array_index (dh.exclusions, ClByteRange, i);

      if (e->start == run->start)
        e->length = run->length;
    }
  }

  if (dh.malformed) {
    cl_validation_log (v, "assertion.dataHash.malformed", uri, _("data hash malformed"));
    md = NULL;
  } else if (md == NULL) {
    cl_validation_log (v, "algorithm.unsupported", uri, _("unsupported data hash algorithm"));
  }

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    goto fail;
  if (md == EVP_sha256 () && ranges_equal (dh.exclusions, store_runs)) {
    ok = cl_data_hash_stream (stream, md, (ClByteRange *) dh.exclusions->data, dh.exclusions->len,
                              digest, &digest_len, file_sha256_out (v, report), &report->file_size,
                              cancellable, &hash_error);
    if (ok) {
      memcpy (report->content_sha256, digest, 32);
    } else if (hash_error != NULL && hash_error->domain != G_IO_ERROR) {
      /* The binding does not fit the file (an exclusion past its end): the report's
       * own hashes still need a pass. */
      if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error) ||
          !cl_data_hash_stream (stream, EVP_sha256 (), (ClByteRange *) store_runs->data,
                                store_runs->len, report->content_sha256, NULL,
                                file_sha256_out (v, report), &report->file_size, cancellable, error))
        goto fail;
    }
  } else {
    /* Unusual layout: the binding and the content hash need different exclusions. */
    if (!cl_data_hash_stream (stream, EVP_sha256 (), (ClByteRange *) store_runs->data,
                              store_runs->len, report->content_sha256, NULL,
                              file_sha256_out (v, report), &report->file_size, cancellable, error))
      goto fail;
    ok = md != NULL;
    if (ok) {
      if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
        goto fail;
      ok = cl_data_hash_stream (stream, md, (ClByteRange *) dh.exclusions->data,
                                dh.exclusions->len, digest, &digest_len, NULL, NULL,
                                cancellable, &hash_error);
    }
  }
  if (g_error_matches (hash_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (hash_error != NULL && hash_error->domain == G_IO_ERROR)) {
    g_propagate_error (error, g_steal_pointer (&hash_error));
    goto fail;
  }
  if (md != NULL && !dh.malformed) {
    gboolean covered = TRUE;
    gsize exp_len = dh.hash != NULL ? g_bytes_get_size (dh.hash) : 0;

    for (guint i = 0; i < store_runs->len; i++)
      covered &= range_covered (&g_array_index (store_runs, ClByteRange, i), dh.exclusions);
    if (ok && covered && exp_len == digest_len &&
        memcmp (g_bytes_get_data (dh.hash, NULL), digest, digest_len) == 0) {
      if (dh.exclusions->len > store_runs->len)
        cl_validation_log (v, "assertion.dataHash.additionalExclusionsPresent", uri,
                           _("data hash has exclusions beyond the manifest store"));
      cl_validation_log (v, "assertion.dataHash.match", uri, _("data hash valid"));
    } else {
      cl_validation_log (v, "assertion.dataHash.mismatch", uri,
                         !covered ? _("the data hash exclusions do not cover the manifest store")
                         : hash_error != NULL ? hash_error->message
                         : _("asset hash error"));
    }
  }
  g_array_unref (dh.exclusions);
  g_clear_pointer (&dh.hash, g_bytes_unref);
  return TRUE;

fail:
  g_array_unref (dh.exclusions);
  g_clear_pointer (&dh.hash, g_bytes_unref);
  return FALSE;
}


static gboolean
url_in_manifest (const char *url,
                 const char *label)
{
  g_autofree char *m = url != NULL ? cl_jumbf_uri_manifest_label (url) : NULL;

  return m != NULL && g_str_equal (m, label);
}


/* c2pa-rs drops statuses outside the active manifest that an ingredient assertion already
 * recorded (validation_results.rs from_store), so known problems of ingredients are not
 * reported again. */
static void
filter_recorded (ClValidation *v,
                 const char   *active_label)
{
  g_autoptr(GPtrArray) recorded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean any_outside = FALSE;

  for (guint i = 0; i < v->log->len; i++) {
    ClStatus *s = g_ptr_array_index (v->log, i);

    if (!url_in_manifest (s->url, active_label))
      any_outside = TRUE;
  }
  if (!any_outside)
    return;

  for (guint i = 0; i < v->store->manifests->len; i++) {
    ClManifest *m = g_ptr_array_index (v->store->manifests, i);

    for (guint j = 0; j < m->assertions->len; j++) {
      ClAssertion *a = g_ptr_array_index (m->assertions, j);
      g_autoptr(ClIngredient) ing = NULL;
      g_autoptr(GPtrArray) statuses = NULL;
      g_autofree char *label = NULL;

      if (!cl_assertion_label_is_ingredient (a->base_label))
        continue;
      ing = cl_ingredient_parse (a, NULL);
      if (ing == NULL)
        continue;
      if (ing->manifest != NULL)
        label = cl_jumbf_uri_manifest_label (ing->manifest->url);
      statuses = cl_ingredient_recorded_statuses (ing, label);
      while (statuses->len > 0)
        g_ptr_array_add (recorded, g_ptr_array_steal_index (statuses, 0));
    }
  }

  for (guint i = 0; i < v->log->len;) {
    ClStatus *s = g_ptr_array_index (v->log, i);
    gboolean drop = FALSE;

    /* Observed: c2pa-rs keeps statuses found outside any ingredient check (e.g. the
     * data hash of an update manifest's parent) even when an ingredient recorded them. */
    if (s->ingredient_uri != NULL && !url_in_manifest (s->url, active_label)) {
      for (guint j = 0; j < recorded->len && !drop; j++) {
        char **pair = g_ptr_array_index (recorded, j);

        drop = g_str_equal (pair[0], s->code) && g_strcmp0 (pair[1], s->url) == 0 &&
               cl_status_recorded_kind (pair[0]) == s->kind;
      }
    }
    if (drop)
      g_ptr_array_remove_index (v->log, i);
    else
      i++;
  }
}


static gboolean
tolerated (const char *code)
{
  return g_str_equal (code, "signingCredential.untrusted") || g_str_has_prefix (code, "cawg.x509.");
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
      validated |= g_str_equal (s->code, "claimSignature.validated");
      inside |= g_str_equal (s->code, "claimSignature.insideValidity");
      trusted |= g_str_equal (s->code, "signingCredential.trusted");
    }
    if (s->kind == CL_STATUS_FAILURE) {
      any_failure = TRUE;
      intolerable |= !tolerated (s->code);
    }
  }
  if (validated && inside && !intolerable)
    return trusted && !any_failure ? CL_VALIDATION_STATE_TRUSTED : CL_VALIDATION_STATE_VALID;
  return CL_VALIDATION_STATE_INVALID;
}


ClReport *
cl_validator_verify_stream (GInputStream              *stream,
                            ClAssetInfo               *info,
                            const ClValidatorOptions  *options,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  static const ClValidatorOptions no_options = { NULL, NULL, NULL, FALSE };
  g_autoptr(ClReport) report = cl_report_new ();
  g_autoptr(ClManifestStore) store = NULL;
  g_autoptr(GHashTable) seen = NULL;
  ClValidation v = { 0 };
  ClManifest *active;
  gboolean ok;

  cl_crypto_init ();

  v.options = options != NULL ? options : &no_options;
  report->format = info->format;
  report->mime_type = info->mime_type;
  if (info->store_ranges != NULL)
    g_array_append_vals (report->store_ranges, info->store_ranges->data, info->store_ranges->len);

  if (info->store == NULL) {
    if (info->remote_url != NULL) {
      g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE,
                   _("The Content Credentials of this file are stored remotely at %s; "
                     "fetching them is not enabled"), info->remote_url);
      return NULL;
    }
    if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error) ||
        !cl_data_hash_stream (stream, EVP_sha256 (), NULL, 0, report->content_sha256, NULL,
                              file_sha256_out (&v, report), &report->file_size, cancellable,
                              error))
      return NULL;
    return g_steal_pointer (&report);
  }

  store = cl_manifest_store_parse (info->store, error);
  if (store == NULL)
    return NULL;
  report->has_manifest = TRUE;

  v.store = store;
  v.log = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_status_free);
  v.ingredient_uris = g_ptr_array_new_with_free_func (g_free);
  v.redactions = g_ptr_array_new ();
  v.visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v.sig_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v.claim_results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  v.now = g_get_real_time () / G_USEC_PER_SEC;
  for (guint i = 0; i < store->manifests->len; i++) {
    ClManifest *m = g_ptr_array_index (store->manifests, i);

    for (guint j = 0; m->claim != NULL && j < m->claim->redacted_assertions->len; j++)
      g_ptr_array_add (v.redactions, g_ptr_array_index (m->claim->redacted_assertions, j));
  }

  active = cl_manifest_store_get_active (store);
  seen = g_hash_table_new (NULL, NULL);
  cl_validation_check_referenced (&v, active, 0, seen);
  cl_validation_verify_claim (&v, active);
  cl_validation_check_cawg (&v, active);
  g_hash_table_add (v.visited, g_strdup (active->label));
  cl_validation_check_ingredients (&v, active, 0);
  ok = hash_pass (&v, report, stream, find_binding_manifest (&v, active), cancellable, error);

  if (ok) {
    filter_recorded (&v, active->label);
    report->active_label = g_strdup (active->label);
    /* Active manifest statuses first, then the ingredient deltas, each in order found. */
    for (guint pass = 0; pass < 2; pass++) {
      for (guint i = 0; i < v.log->len; i++) {
        ClStatus *s = g_ptr_array_index (v.log, i);

        if ((s->ingredient_uri == NULL) == (pass == 0))
          g_ptr_array_add (report->statuses, cl_status_copy (s));
      }
    }
    report->state = compute_state (report->statuses);
    cl_validator_fill_report (report, store, v.sig_times);
  }

  g_ptr_array_unref (v.log);
  g_ptr_array_unref (v.ingredient_uris);
  g_ptr_array_unref (v.redactions);
  g_hash_table_unref (v.visited);
  g_hash_table_unref (v.sig_times);
  g_hash_table_unref (v.claim_results);
  return ok ? g_steal_pointer (&report) : NULL;
}


ClReport *
cl_validator_verify_file (const char                *path,
                          const ClValidatorOptions  *options,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(ClAssetInfo) info = NULL;
  ClReport *report;

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
  ClReport *report = cl_validator_verify_file (task_data, g_object_get_data (G_OBJECT (task),
                                                                             "options"),
                                               cancellable, &error);

  /* GTask worker threads are pooled: release OpenSSL's per-thread state. */
  OPENSSL_thread_stop ();
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cl_report_unref);
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


ClReport *
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
  g_autoptr(cbor_item_t) item = NULL;
  ClValidation v = { 0 };
  ClManifest *binding;
  ClAssertion *a;
  DataHash dh = { NULL, NULL, FALSE };

  if (store == NULL)
    return NULL;
  v.store = store;
  binding = find_binding_manifest (&v, cl_manifest_store_get_active (store));
  a = binding != NULL ? find_hard_binding (binding, "c2pa.hash.data") : NULL;
  if (a == NULL) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_UNSUPPORTED,
                         _("The credentials are not bound to the image by a data hash"));
    return NULL;
  }
  item = cl_assertion_load_cbor (a, NULL);
  parse_data_hash (item, &dh);
  g_clear_pointer (&dh.hash, g_bytes_unref);
  if (dh.malformed) {
    g_array_unref (dh.exclusions);
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The data hash of the credentials is malformed"));
    return NULL;
  }
  return dh.exclusions;
}
