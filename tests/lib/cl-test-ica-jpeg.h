/* cl-test-ica-jpeg.h: a test JPEG signed by a test PKI's signer whose active manifest
 * holds c2pa.actions.v2, the data hash and a cawg.identity assertion of sig_type
 * cawg.identity_claims_aggregation over both, its credential issued by issuer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

#include "cl-test-ica.h"
#include "cl-test-pki.h"

G_BEGIN_DECLS

#define CL_TEST_ICA_LABEL_ACTIVE "urn:c2pa:3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a"
#define CL_TEST_ICA_SIG_TYPE     "cawg.identity_claims_aggregation"

/* The JPEG; its credential is signed by issuer_key for issuer, with flaw. */
GBytes *cl_test_ica_jpeg_new (const ClTestPki *pki,
                              EVP_PKEY        *issuer_key,
                              const char      *issuer,
                              ClTestIcaFlaw    flaw);

G_END_DECLS
