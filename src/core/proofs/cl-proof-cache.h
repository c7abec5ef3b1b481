/* cl-proof-cache.h: the local proof cache, a SQLite database of signed and verified images.
 *
 * Threads: a ClProofCache owns one SQLite connection and serialises every call on it with a
 * mutex, so one object may be shared by GTask threads; calls then simply wait for each other.
 * Threads that should not wait for each other open their own ClProofCache on the same file:
 * the database is in WAL mode (readers never block), writers wait up to the busy timeout for
 * each other, and every write is one IMMEDIATE transaction, so SQLITE_BUSY never reaches the
 * caller in normal use. The same holds between processes (the app and credlink-cli).
 *
 * Every call blocks on disk I/O: call it from a GTask thread, never from the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-proof.h"

G_BEGIN_DECLS

#define CL_TYPE_PROOF_CACHE (cl_proof_cache_get_type ())

G_DECLARE_FINAL_TYPE (ClProofCache, cl_proof_cache, CL, PROOF_CACHE, GObject)

/* How long a writer waits for another one before giving up. */
#define CL_PROOF_CACHE_BUSY_TIMEOUT_MS 10000

/* Default retention when no setting is at hand (GSettings proof-retention-days). */
#define CL_PROOF_CACHE_DEFAULT_RETENTION_DAYS 365

typedef enum {
  CL_PROOF_CACHE_STORED_NEW,        /* a new row */
  CL_PROOF_CACHE_STORED_SEEN_AGAIN, /* a verified proof already known: last_verified updated */
} ClProofCacheStoreOutcome;

typedef struct {
  gboolean     any_kind;  /* TRUE: both kinds; FALSE: only @kind */
  ClProofKind  kind;
  const char  *search;    /* substring of id, source name, signer, label or hash; or NULL */
  guint        limit;     /* 0: no limit */
  guint        offset;
} ClProofFilter;

#define CL_PROOF_FILTER_INIT { TRUE, CL_PROOF_KIND_VERIFIED, NULL, 0, 0 }

typedef struct {
  guint64 n_signed;
  guint64 n_verified;
  guint64 n_expired;           /* due for cl_proof_cache_purge_expired() now */
  guint64 n_revocation_responses;
  guint64 database_bytes;      /* the database file plus its WAL, on disk */
  guint   schema_version;
} ClProofCacheStats;

char          *cl_proof_cache_default_path     (void);
guint          cl_proof_cache_retention_days_from_settings (void);

ClProofCache  *cl_proof_cache_open             (const char                *path,
                                                GError                   **error);
gboolean       cl_proof_cache_close            (ClProofCache              *self,
                                                GError                   **error);
const char    *cl_proof_cache_get_path         (ClProofCache              *self);

gboolean       cl_proof_cache_store            (ClProofCache              *self,
                                                ClProof                   *proof,
                                                guint                      retention_days,
                                                ClProofCacheStoreOutcome  *out_outcome,
                                                GError                   **error);
ClProof       *cl_proof_cache_get              (ClProofCache              *self,
                                                const char                *id,
                                                GError                   **error);
GPtrArray     *cl_proof_cache_lookup_content_hash (ClProofCache           *self,
                                                   const char             *content_hash,
                                                   GError                **error);
GPtrArray     *cl_proof_cache_lookup_manifest_label (ClProofCache         *self,
                                                     const char           *manifest_label,
                                                     GError              **error);
GPtrArray     *cl_proof_cache_list             (ClProofCache              *self,
                                                const ClProofFilter       *filter,
                                                GError                   **error);
gboolean       cl_proof_cache_remove           (ClProofCache              *self,
                                                const char                *id,
                                                GError                   **error);
gboolean       cl_proof_cache_purge_expired    (ClProofCache              *self,
                                                GDateTime                 *now,
                                                guint64                   *out_n_removed,
                                                GError                   **error);
gboolean       cl_proof_cache_export           (ClProofCache              *self,
                                                GFile                     *file,
                                                GCancellable              *cancellable,
                                                guint64                   *out_n_exported,
                                                GError                   **error);
gboolean       cl_proof_cache_get_stats        (ClProofCache              *self,
                                                ClProofCacheStats         *out_stats,
                                                GError                   **error);

G_END_DECLS
