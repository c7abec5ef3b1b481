/* cl-verification.h: verifying one file end to end — the C2PA validator, the
 * trust engine, the proof cache and the confidence breakdown — into one result
 * that the UI and the CLI show and the proof cache stores.
 *
 * The validator decides validation_state and the codes; everything here is
 * derived from them (verdict, reason, confidence), never computed a second way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-confidence.h"
#include "cl-proof.h"
#include "cl-proof-cache.h"
#include "cl-signals.h"
#include "cl-validation-report.h"
#include "cl-trust-result.h"
#include "cl-trust-store.h"
#include "cl-verdict.h"

G_BEGIN_DECLS

typedef struct {
  /* Trust lists to judge signers with; NULL: the process-wide default store
   * (cl_trust_store_dup_default()). */
  ClTrustStore *trust_store;
  /* Ask OCSP responders / CRL servers (only when the user allowed network use). */
  gboolean      online;
  /* Extra accepted EKU OIDs (store.cfg), or NULL. */
  GStrv         extra_ekus;
  /* The proof cache: look the image up, recover stripped credentials, and record this
   * verification. proof_db NULL: the default database; use_proof_cache FALSE: no cache. */
  gboolean      use_proof_cache;
  const char   *proof_db;
  /* An open proof cache to use instead of opening proof_db (borrowed; ClProofCache
   * serialises threads, so a batch can share one connection). */
  ClProofCache *proof_cache;
  guint         retention_days;   /* 0: the GSettings value (default 365) */
  /* Skip the whole-file SHA-256 (a second digest) when nothing will show it. */
  gboolean      skip_file_sha256;
  /* Download credentials an image only links to (XMP dcterms:provenance); off by default. */
  gboolean      fetch_remote_manifests;
  /* Time-stamp authorities are judged against the time-stamping lists of this store
   * alone (a TSA trust list of its own, C2PA 2.2 §14.4.2); NULL: those of trust_store. */
  ClTrustStore *tsa_store;
  /* Judge as of this time instead of now (signer validity and chain when there is no
   * trusted time-stamp, stapled OCSP answers); NULL: now. Borrowed. */
  GDateTime    *validation_time;
  /* DIDs of the CAWG identity claims aggregation issuers to trust (NULL-ended), or NULL:
   * none. With online set, a did:web issuer is resolved over HTTPS. */
  GStrv         ica_issuers;
  /* Keep the validated manifest store in the report (report->manifest_store), for
   * cl_verification_to_crjson(). */
  gboolean      keep_manifest_store;
  /* A detached manifest store (.c2pa) to validate the file against instead of what it
   * carries, or NULL. Borrowed. */
  const char   *manifest_path;
  /* Do not look for a sidecar (the file's path with the extension .c2pa) when the file
   * carries no credentials of its own. */
  gboolean      no_sidecar;
  /* Skip the content hash (where it is not the data hash) when nothing will show it;
   * ignored with use_proof_cache, which looks images up by it. */
  gboolean      skip_content_sha256;
} ClVerifyOptions;

#define CL_VERIFY_OPTIONS_INIT { NULL, FALSE, NULL, FALSE, NULL, NULL, 0, FALSE, FALSE, NULL, NULL, NULL, FALSE, NULL, FALSE, FALSE }

typedef struct {
  gatomicrefcount    ref_count;
  char              *path;
  /* The validator's report, or NULL when the file could not be read (see error). */
  ClValidationReport          *report;
  GError            *error;
  /* The active signer judged against the trust lists (per-certificate checks,
   * revocation, the list that trusts it), or NULL without credentials. */
  ClTrustResult     *trust;
  ClVerdict          verdict;
  /* One plain sentence: why Invalid, or what the other verdicts mean. */
  char              *reason;
  ClConfidence      *confidence;
  /* The credentials came from the local proof cache: the file itself had none
   * (a platform stripped them) but its content matches an image signed here. */
  gboolean           recovered;
  /* What the proof cache knew about this image before this verification. */
  ClConfidenceProof  proof_state;
  ClProof           *earlier_proof;   /* the best earlier proof, or NULL */
  /* The same manifest is recorded as signed on this computer (not only seen before). */
  gboolean           proof_signed_here;
  /* The signer's certificate or its chain is marked for testing only (cl-cert-testing.h). */
  gboolean           test_certificate;
  /* The address the credentials were downloaded from (the file only links to them), or NULL. */
  char              *remote_url;
  /* The credentials are Invalid because they are in a pre-release format of C2PA, which
   * no current reader checks (the reason says so). */
  gboolean           prerelease;
  /* Provenance signals (ClSignal), most telling first: from the manifests, or without
   * credentials from the file's XMP (unverified). Empty when there is nothing to say. */
  GPtrArray         *signals;
  /* The detached manifest store the credentials came from (manifest_path, or the sidecar
   * found next to the file), or NULL when they came from the file. */
  char              *manifest_file;
  gboolean           manifest_file_is_sidecar;
  /* When the file was checked (g_get_real_time(), microseconds since 1970). */
  gint64             checked_at;
} ClVerification;

/* Verifies path. Never NULL: an unreadable file gives verdict ERROR with error set. */
ClVerification *cl_verify_file          (const char             *path,
                                         const ClVerifyOptions  *options,
                                         GCancellable           *cancellable);
/* The same in a GTask thread; options is copied. */
void            cl_verify_file_async    (const char             *path,
                                         const ClVerifyOptions  *options,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
/* NULL only when cancelled (error G_IO_ERROR_CANCELLED). */
ClVerification *cl_verify_file_finish   (GAsyncResult           *result,
                                         GError                **error);

ClVerification *cl_verification_ref     (ClVerification         *verification);
void            cl_verification_unref   (ClVerification         *verification);


/* The report's JSON (c2patool shape) plus "path", "verdict", "reason", "recovered",
 * "trust" (per-certificate detail), "confidence", "proof", "signals" and, when the
 * active manifest has ingredients, "ingredient_tree" (cl-ingredient-tree.h);
 * "detached_manifest" {"path", "sidecar"} when the credentials came from a .c2pa file,
 * "manifest_store_only" when path is such a file itself. For a file that could not be
 * read: {"path", "verdict": "error", "error"}. */
JsonNode       *cl_verification_to_json (ClVerification         *verification);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClVerification, cl_verification_unref)

G_END_DECLS
