/* cl-test-history.h: what the history tests set up: JPEGs signed with a profile of the
 * test PKI, and verifications recorded in a proof cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-test-pki.h"
#include "cl-verification.h"

G_BEGIN_DECLS

/* A 64 × 48 JPEG written as "unsigned-<name>" in dir, signed into dir/name with the PKI's
 * profile named profile_name; the signed file's path. */
char      *cl_test_history_sign_image  (const ClTestPki *pki,
                                        const char      *profile_name,
                                        const char      *dir,
                                        const char      *name);
/* Verifies path against store, recording the proof in the cache at db; the verdict. */
ClVerdict  cl_test_history_verify_into (const char      *path,
                                        const char      *db,
                                        ClTrustStore    *store);

G_END_DECLS
