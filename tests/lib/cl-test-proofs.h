/* cl-test-proofs.h: what the proof cache tests share — a scratch database path for each
 * test case, proofs made up from a word, and a direct look into the SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-proof-cache.h"

G_BEGIN_DECLS

/* 2026-01-01T00:00:00Z: a fixed "now" so expiry is exact. */
#define CL_TEST_T0 G_GINT64_CONSTANT (1767225600)
#define CL_TEST_DAY (24 * 60 * 60)

/* A scratch folder of the test case's own (removed when it ends) and a database path in a
 * subfolder of it that does not exist yet (the cache makes it). */
typedef struct {
  char *dir;
  char *path;
} ClTestProofCacheFixture;

typedef void (*ClTestProofCacheFunc) (ClTestProofCacheFixture *fixture,
                                      gconstpointer            data);

/* Adds the test case path, which runs func on a fixture of its own. */
void      cl_test_proof_cache_add       (const char               *path,
                                         ClTestProofCacheFunc      func);

/* SHA-256 of text, lower-case hex. */
char     *cl_test_sha256_of             (const char               *text);

/* A verified proof of an image whose bytes the word content stands for (its hash is the
 * content hash, "<content>.jpg" the file name): valid with manifest label, no_manifest
 * without (label NULL); signed a day before CL_TEST_T0, last verified at when (0: not set). */
ClProof  *cl_test_proof_verified        (const char               *content,
                                         const char               *label,
                                         gint64                    when);
/* The same as a signed, trusted proof with a small manifest store. */
ClProof  *cl_test_proof_signed          (const char               *content,
                                         const char               *label,
                                         gint64                    when);

/* Stores proof and asserts it went in with the expected outcome and got an id. */
void      cl_test_proof_store_ok        (ClProofCache             *cache,
                                         ClProof                  *proof,
                                         guint                     retention_days,
                                         ClProofCacheStoreOutcome  expected);

/* The integer in the first column of the first row sql returns, read through a read-only
 * connection of its own. */
gint64    cl_test_sqlite_int            (const char               *path,
                                         const char               *sql);

G_END_DECLS
