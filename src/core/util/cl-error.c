/* cl-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-error.h"

G_DEFINE_QUARK (cl-asset-error-quark, cl_asset_error)
G_DEFINE_QUARK (cl-jumbf-error-quark, cl_jumbf_error)
G_DEFINE_QUARK (cl-manifest-error-quark, cl_manifest_error)
G_DEFINE_QUARK (cl-cose-error-quark, cl_cose_error)
G_DEFINE_QUARK (cl-trust-error-quark, cl_trust_error)
G_DEFINE_QUARK (cl-sign-error-quark, cl_sign_error)
G_DEFINE_QUARK (cl-proof-cache-error-quark, cl_proof_cache_error)
G_DEFINE_QUARK (cl-scheduler-error-quark, cl_scheduler_error)
G_DEFINE_QUARK (cl-trust-refresh-error-quark, cl_trust_refresh_error)
G_DEFINE_QUARK (cl-http-error-quark, cl_http_error)
