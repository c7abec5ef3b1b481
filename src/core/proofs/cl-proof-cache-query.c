/* cl-proof-cache-query.c: reading proofs by id, content hash or manifest label, and lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-proof-cache-private.h"


/* The whole proof @id, with its manifest store; NULL and CL_PROOF_CACHE_ERROR_NOT_FOUND when
 * there is none. */
ClProof *
cl_proof_cache_get (ClProofCache  *self,
                    const char    *id,
                    GError       **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS_WITH_STORE " FROM proofs WHERE id = ?1";
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  cl_proof_cache_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return cl_proof_cache_read_row (stmt, TRUE);

  if (rc == SQLITE_DONE)
    g_set_error (error, CL_PROOF_CACHE_ERROR, CL_PROOF_CACHE_ERROR_NOT_FOUND,
                 _("No proof with the id “%s” in the proof cache"), id);
  else
    cl_proof_cache_set_sqlite_error (error, sqlite3_db_handle (stmt), rc, _("read a proof"));

  return NULL;
}


/* Steps @stmt to the end, collecting its rows (without the manifest store). */
static GPtrArray *
collect_rows (ClProofCache  *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) proofs = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_proof_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (proofs, cl_proof_cache_read_row (stmt, FALSE));

  if (rc != SQLITE_DONE) {
    cl_proof_cache_set_sqlite_error (error, sqlite3_db_handle (stmt), rc, _("read its proofs"));
    return NULL;
  }

  return g_steal_pointer (&proofs);
}


static GPtrArray *
lookup_by (ClProofCache  *self,
           const char    *sql,
           const char    *value,
           GError       **error)
{
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = cl_proof_cache_lock (self);
  g_autoptr(ClProofCacheStatement) stmt = cl_proof_cache_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  cl_proof_cache_bind_text (stmt, 1, value);

  return collect_rows (self, stmt, error);
}


/* Every proof of the image content @content_hash (both kinds, all manifests), most recently
 * verified first, without manifest stores. An empty array when there is none. */
GPtrArray *
cl_proof_cache_lookup_content_hash (ClProofCache  *self,
                                    const char    *content_hash,
                                    GError       **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS " FROM proofs WHERE content_hash = ?1"
    " ORDER BY last_verified DESC, rowid DESC";

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);
  g_return_val_if_fail (content_hash != NULL, NULL);

  return lookup_by (self, sql, content_hash, error);
}


/* Every proof whose active manifest is @manifest_label, most recently verified first. */
GPtrArray *
cl_proof_cache_lookup_manifest_label (ClProofCache  *self,
                                      const char    *manifest_label,
                                      GError       **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS " FROM proofs WHERE manifest_label = ?1"
    " ORDER BY last_verified DESC, rowid DESC";

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);
  g_return_val_if_fail (manifest_label != NULL, NULL);

  return lookup_by (self, sql, manifest_label, error);
}


/* A LIKE pattern matching @text anywhere, with its own % _ and \ taken literally. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");
  const char *p;

  for (p = text; *p != '\0'; p++) {
    if (*p == '%' || *p == '_' || *p == '\\')
      g_string_append_c (pattern, '\\');
    g_string_append_c (pattern, *p);
  }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}


/* Proofs matching @filter (NULL: all), most recently verified first, without manifest
 * stores. The search is a case-insensitive (ASCII) substring of the id, source name, signer
 * subject, manifest label or content hash. */
GPtrArray *
cl_proof_cache_list (ClProofCache         *self,
                     const ClProofFilter  *filter,
                     GError              **error)
{
  static const char sql[] =
    "SELECT " CL_PROOF_CACHE_COLUMNS " FROM proofs"
    " WHERE (?1 IS NULL OR kind = ?1)"
    " AND (?2 IS NULL OR id LIKE ?2 ESCAPE '\\' OR source_name LIKE ?2 ESCAPE '\\'"
    "      OR signer_subject LIKE ?2 ESCAPE '\\' OR manifest_label LIKE ?2 ESCAPE '\\'"
    "      OR content_hash LIKE ?2 ESCAPE '\\')"
    " ORDER BY last_verified DESC, rowid DESC LIMIT ?3 OFFSET ?4";
  static const ClProofFilter all = CL_PROOF_FILTER_INIT;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(ClProofCacheStatement) stmt = NULL;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (CL_IS_PROOF_CACHE (self), NULL);

  if (filter == NULL)
    filter = &all;
  if (filter->search != NULL && filter->search[0] != '\0')
    pattern = like_pattern (filter->search);

  locker = cl_proof_cache_lock (self);
  stmt = cl_proof_cache_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  cl_proof_cache_bind_text (stmt, 1,
                            filter->any_kind ? NULL : cl_proof_kind_to_string (filter->kind));
  cl_proof_cache_bind_text (stmt, 2, pattern);
  sqlite3_bind_int64 (stmt, 3, filter->limit > 0 ? (gint64) filter->limit : -1);
  sqlite3_bind_int64 (stmt, 4, filter->offset);

  return collect_rows (self, stmt, error);
}
