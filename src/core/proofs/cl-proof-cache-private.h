/* cl-proof-cache-private.h: what the files of the proof cache share, and tests reach.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* The newest schema this build knows (PRAGMA user_version). */
#define CL_PROOF_CACHE_SCHEMA_VERSION 2

/* PRAGMA application_id of a CredLink proof cache: "CLNK". */
#define CL_PROOF_CACHE_APPLICATION_ID 0x434c4e4b

/* Brings @db forward from its user_version to @target_version, one migration per version,
 * all in one IMMEDIATE transaction. Refuses a database newer than this build or one that
 * belongs to another application. */
gboolean cl_proof_cache_schema_migrate (sqlite3  *db,
                                        guint     target_version,
                                        GError  **error);

/* Sets an error of CL_PROOF_CACHE_ERROR from the last error of @db. */
void     cl_proof_cache_set_sqlite_error (GError     **error,
                                          sqlite3     *db,
                                          int          code,
                                          const char  *what);

G_END_DECLS

/* Between the files of ClProofCache (cl-proof-cache*.c). */
#include "cl-proof-cache.h"

G_BEGIN_DECLS

/* A statement from the per-connection cache; the cleanup resets it for the next use. */
typedef sqlite3_stmt ClProofCacheStatement;
void cl_proof_cache_statement_release (ClProofCacheStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClProofCacheStatement, cl_proof_cache_statement_release)

/* The columns cl_proof_cache_read_row() reads, in order; with the store, one more. */
#define CL_PROOF_CACHE_COLUMNS                                                           \
  "id, kind, content_hash, manifest_label, claim_signature_hash, signer_subject, "       \
  "signer_fingerprint, signing_time, verdict, report_json, source_name, first_seen, "    \
  "last_verified, expires_at, length (manifest_store)"
#define CL_PROOF_CACHE_COLUMNS_WITH_STORE CL_PROOF_CACHE_COLUMNS ", manifest_store"

/* Both must be called with the object locked (cl_proof_cache_lock). */
sqlite3               *cl_proof_cache_get_db       (ClProofCache  *self,
                                                    GError       **error);
ClProofCacheStatement *cl_proof_cache_prepare      (ClProofCache  *self,
                                                    const char    *sql,
                                                    GError       **error);
GMutexLocker          *cl_proof_cache_lock         (ClProofCache  *self);
ClProof               *cl_proof_cache_read_row     (sqlite3_stmt  *stmt,
                                                    gboolean       with_store);
gboolean               cl_proof_cache_step_done    (sqlite3       *db,
                                                    sqlite3_stmt  *stmt,
                                                    const char    *what,
                                                    GError       **error);
void                   cl_proof_cache_bind_text    (sqlite3_stmt  *stmt,
                                                    int            index,
                                                    const char    *text);
void                   cl_proof_cache_bind_time    (sqlite3_stmt  *stmt,
                                                    int            index,
                                                    GDateTime     *time);
char                  *cl_proof_cache_column_strdup (sqlite3_stmt *stmt,
                                                     int           column);
GDateTime             *cl_proof_cache_column_time  (sqlite3_stmt  *stmt,
                                                    int            column);
gboolean               cl_proof_cache_begin_write  (sqlite3       *db,
                                                    GError       **error);
gboolean               cl_proof_cache_commit       (sqlite3       *db,
                                                    GError       **error);
void                   cl_proof_cache_rollback     (sqlite3       *db);

G_END_DECLS
