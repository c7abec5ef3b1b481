/* cl-history-recheck.c
 *
 * The verdict before is the history row as listed; the verdict after is the same
 * row read back once the verification recorded itself. A file whose content
 * changed since is recorded as a new row of its own and leaves the old row (and so
 * the verdict compared) as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-history-recheck"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-history-recheck.h"
#include "cl-proof-cache.h"
#include "cl-verdict.h"
#include "cl-verification.h"


static void
change_free (gpointer data)
{
  ClHistoryChange *change = data;

  g_free (change->proof_id);
  g_free (change->path);
  g_free (change);
}


void
cl_history_recheck_free (ClHistoryRecheck *recheck)
{
  if (recheck == NULL)
    return;
  g_ptr_array_unref (recheck->changes);
  g_free (recheck);
}


/* Verifies one entry again; TRUE when it was (its file is still there and readable). */
static gboolean
recheck_one (ClProofCache      *cache,
             ClTrustStore      *trust_store,
             gboolean           online,
             const ClProof     *proof,
             ClHistoryRecheck  *recheck,
             GCancellable      *cancellable)
{
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autofree char *path = cl_proof_dup_report_path (proof);
  g_autoptr(ClVerification) verification = NULL;
  g_autoptr(ClProof) after = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  options.trust_store = trust_store;
  options.online = online;
  options.use_proof_cache = TRUE;
  options.proof_cache = cache;
  options.skip_file_sha256 = TRUE;
  verification = cl_verify_file (path, &options, cancellable);
  if (verification->verdict == CL_VERDICT_ERROR)
    return FALSE;

  after = cl_proof_cache_get (cache, proof->id, NULL);
  if (after != NULL && after->verdict != proof->verdict) {
    ClHistoryChange *change = g_new0 (ClHistoryChange, 1);

    change->proof_id = g_strdup (proof->id);
    change->path = g_steal_pointer (&path);
    change->before = proof->verdict;
    change->after = after->verdict;
    g_ptr_array_add (recheck->changes, change);
  }
  return TRUE;
}


ClHistoryRecheck *
cl_history_recheck (const char    *proof_db,
                    ClTrustStore  *trust_store,
                    gboolean       online,
                    guint          max_entries,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ClProofFilter filter = CL_PROOF_FILTER_INIT;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(GPtrArray) proofs = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClHistoryRecheck) recheck = g_new0 (ClHistoryRecheck, 1);

  recheck->changes = g_ptr_array_new_with_free_func (change_free);
  cache = cl_proof_cache_open (proof_db, error);
  if (cache == NULL)
    return NULL;
  /* One store for the whole pass, so every entry is judged by the same lists. */
  store = trust_store != NULL ? g_object_ref (trust_store) : cl_trust_store_dup_default ();

  filter.any_kind = FALSE;
  filter.kind = CL_PROOF_KIND_VERIFIED;
  filter.limit = MIN (max_entries, CL_HISTORY_RECHECK_MAX_ENTRIES);
  proofs = cl_proof_cache_list (cache, &filter, error);
  if (proofs == NULL)
    return NULL;

  for (guint i = 0; i < proofs->len; i++) {
    const ClProof *proof = g_ptr_array_index (proofs, i);

    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      return NULL;
    /* Without credentials there is nothing a trust list could change. */
    if (proof->manifest_label == NULL)
      continue;
    if (recheck_one (cache, store, online, proof, recheck, cancellable))
      recheck->n_checked++;
    else
      recheck->n_missing++;
  }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&recheck);
}


typedef struct {
  char         *proof_db;
  ClTrustStore *trust_store;
  gboolean      online;
  guint         max_entries;
} RecheckData;


static void
recheck_data_free (gpointer data)
{
  RecheckData *recheck_data = data;

  g_free (recheck_data->proof_db);
  g_clear_object (&recheck_data->trust_store);
  g_free (recheck_data);
}


static void
recheck_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RecheckData *data = task_data;
  GError *error = NULL;
  ClHistoryRecheck *recheck = cl_history_recheck (data->proof_db, data->trust_store,
                                                  data->online, data->max_entries,
                                                  cancellable, &error);

  if (recheck == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, recheck, (GDestroyNotify) cl_history_recheck_free);
}


void
cl_history_recheck_async (const char          *proof_db,
                          ClTrustStore        *trust_store,
                          gboolean             online,
                          guint                max_entries,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RecheckData *data = g_new0 (RecheckData, 1);

  data->proof_db = g_strdup (proof_db);
  data->trust_store = trust_store != NULL ? g_object_ref (trust_store) : NULL;
  data->online = online;
  data->max_entries = max_entries;
  g_task_set_source_tag (task, cl_history_recheck_async);
  g_task_set_task_data (task, data, recheck_data_free);
  g_task_run_in_thread (task, recheck_thread);
}


ClHistoryRecheck *
cl_history_recheck_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}


static const char *
verdict_word (ClProofVerdict verdict)
{
  switch (verdict) {
  case CL_PROOF_VERDICT_TRUSTED: return cl_verdict_describe (CL_VERDICT_TRUSTED);
  case CL_PROOF_VERDICT_VALID: return cl_verdict_describe (CL_VERDICT_VALID);
  case CL_PROOF_VERDICT_INVALID: return cl_verdict_describe (CL_VERDICT_INVALID);
  case CL_PROOF_VERDICT_NO_MANIFEST:
  default:
    return cl_verdict_describe (CL_VERDICT_NO_CREDENTIALS);
  }
}


char *
cl_history_recheck_describe (const ClHistoryRecheck *recheck)
{
  g_autoptr(GString) items = g_string_new (NULL);
  guint n = recheck->changes->len;
  g_autofree char *text = NULL;

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++) {
    const ClHistoryChange *change = g_ptr_array_index (recheck->changes, i);
    g_autofree char *name = g_path_get_basename (change->path);

    if (i > 0)
      g_string_append (items, ", ");
    /* Translators: one changed image: its file name, its verdict before and after */
    g_string_append_printf (items, _("%s (%s → %s)"), name, verdict_word (change->before),
                            verdict_word (change->after));
  }
  /* Translators: %u is the number of images, %s lists them */
  text = g_strdup_printf (ngettext ("%u image changed: %s", "%u images changed: %s", n),
                          n, items->str);
  if (recheck->n_missing == 0)
    return g_steal_pointer (&text);
  /* Translators: %u files of the history are no longer where they were verified */
  return g_strdup_printf (ngettext ("%s. %u file is gone and was left as it was",
                                    "%s. %u files are gone and were left as they were",
                                    recheck->n_missing),
                          text, recheck->n_missing);
}
