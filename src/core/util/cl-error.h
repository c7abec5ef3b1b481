/* cl-error.h: the error domains of the core, one per concern.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading image files and locating the manifest store inside them. */
#define CL_ASSET_ERROR (cl_asset_error_quark ())
typedef enum {
  CL_ASSET_ERROR_UNSUPPORTED_FORMAT,
  CL_ASSET_ERROR_TRUNCATED,
  CL_ASSET_ERROR_MALFORMED,
  CL_ASSET_ERROR_TOO_LARGE,
  CL_ASSET_ERROR_MULTIPLE_STORES,
} ClAssetError;

/* Parsing JUMBF boxes. */
#define CL_JUMBF_ERROR (cl_jumbf_error_quark ())
typedef enum {
  CL_JUMBF_ERROR_MALFORMED,
  CL_JUMBF_ERROR_TOO_DEEP,
  CL_JUMBF_ERROR_NOT_FOUND,
} ClJumbfError;

/* Decoding the manifest store (claims, assertions). */
#define CL_MANIFEST_ERROR (cl_manifest_error_quark ())
typedef enum {
  CL_MANIFEST_ERROR_MALFORMED,
  CL_MANIFEST_ERROR_UNSUPPORTED,
  CL_MANIFEST_ERROR_REMOTE,
} ClManifestError;

/* COSE signatures. */
#define CL_COSE_ERROR (cl_cose_error_quark ())
typedef enum {
  CL_COSE_ERROR_MALFORMED,
  CL_COSE_ERROR_UNSUPPORTED_ALGORITHM,
  CL_COSE_ERROR_MISMATCH,
  CL_COSE_ERROR_KEY,
} ClCoseError;

/* Certificates and trust lists. */
#define CL_TRUST_ERROR (cl_trust_error_quark ())
typedef enum {
  CL_TRUST_ERROR_INVALID,
  CL_TRUST_ERROR_NOT_FOUND,
  CL_TRUST_ERROR_IO,
} ClTrustError;

/* Signing. */
#define CL_SIGN_ERROR (cl_sign_error_quark ())
typedef enum {
  CL_SIGN_ERROR_PROFILE,
  CL_SIGN_ERROR_PASSPHRASE,
  CL_SIGN_ERROR_INPUT,
  CL_SIGN_ERROR_OUTPUT_EXISTS,
  CL_SIGN_ERROR_FAILED,
  CL_SIGN_ERROR_TIMESTAMP,
  CL_SIGN_ERROR_UNSUPPORTED,
} ClSignError;

/* The local proof cache. */
#define CL_PROOF_CACHE_ERROR (cl_proof_cache_error_quark ())
typedef enum {
  CL_PROOF_CACHE_ERROR_OPEN,
  CL_PROOF_CACHE_ERROR_SQL,
  CL_PROOF_CACHE_ERROR_NOT_FOUND,
  CL_PROOF_CACHE_ERROR_SCHEMA,
  CL_PROOF_CACHE_ERROR_INVALID,  /* a proof or argument the cache refuses to store */
  CL_PROOF_CACHE_ERROR_CLOSED,   /* the cache was closed */
} ClProofCacheError;

/* Background jobs (cl-scheduler) and the services the application owns. */
#define CL_SCHEDULER_ERROR (cl_scheduler_error_quark ())
typedef enum {
  CL_SCHEDULER_ERROR_DUPLICATE_JOB,
  CL_SCHEDULER_ERROR_NO_SUCH_JOB,
  CL_SCHEDULER_ERROR_INVALID,
  CL_SCHEDULER_ERROR_DEADLINE,
} ClSchedulerError;

/* Downloading the C2PA trust lists and replacing their local snapshot. */
#define CL_TRUST_REFRESH_ERROR (cl_trust_refresh_error_quark ())
typedef enum {
  CL_TRUST_REFRESH_ERROR_HTTP,
  CL_TRUST_REFRESH_ERROR_TIMED_OUT,
  CL_TRUST_REFRESH_ERROR_TOO_LARGE,
  CL_TRUST_REFRESH_ERROR_BAD_PEM,
  CL_TRUST_REFRESH_ERROR_EMPTY,
  CL_TRUST_REFRESH_ERROR_IO,
} ClTrustRefreshError;

/* HTTP (cl-http): what went wrong besides the connection itself. */
#define CL_HTTP_ERROR (cl_http_error_quark ())
typedef enum {
  CL_HTTP_ERROR_INVALID_URL,   /* not an http:// or https:// address */
  CL_HTTP_ERROR_STATUS,        /* the server answered, but not 200 OK */
  CL_HTTP_ERROR_TOO_LARGE,     /* the body is larger than the caller accepts */
  CL_HTTP_ERROR_UNAVAILABLE,   /* CredLink's network component cannot be loaded */
} ClHttpError;

GQuark cl_asset_error_quark (void);
GQuark cl_jumbf_error_quark (void);
GQuark cl_manifest_error_quark (void);
GQuark cl_cose_error_quark (void);
GQuark cl_trust_error_quark (void);
GQuark cl_sign_error_quark (void);
GQuark cl_proof_cache_error_quark (void);
GQuark cl_scheduler_error_quark (void);
GQuark cl_trust_refresh_error_quark (void);
GQuark cl_http_error_quark (void);

G_END_DECLS
