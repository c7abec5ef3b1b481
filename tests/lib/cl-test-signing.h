/* cl-test-signing.h: the test identities the signing tests sign with — a fresh one, or
 * one per algorithm made once — and the check that what the signer embedded in a file is
 * whole: the store's structure, the claim thumbnail, the data hash and the claim signature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-signer.h"
#include "cl-signing-profile.h"

G_BEGIN_DECLS

/* A fresh test identity (cl_test_identity_create()) called cn, with its own key and test
 * CA; the test fails if it cannot be made. */
ClSigningProfile       *cl_test_signing_profile_new       (const char *cn,
                                                           ClCoseAlg   alg);

typedef struct {
  ClCoseAlg         alg;
  const char       *name;      /* "es256", "ps256", "ed25519", "es384", "es512" */
  ClSigningProfile *profile;   /* "Test signer <name>" */
  char             *ca_pem;    /* its test CA, PEM: the reference reader's anchor */
} ClTestSigningIdentity;

/* The identity for alg, made on first use with its test CA written into dir; the same one
 * on every later call, until cl_test_signing_identities_free(). */
ClTestSigningIdentity  *cl_test_signing_identity          (ClCoseAlg   alg,
                                                           const char *dir);
void                    cl_test_signing_identities_free   (void);

/* Checks the store the signer embedded in output (result: what it said it did): its
 * structure, the claim thumbnail, the data hash recomputed over the output, and the claim
 * signature verified with id's certificate. */
void                    cl_test_assert_signed_store       (const char                  *output,
                                                           const ClSignResult          *result,
                                                           const ClTestSigningIdentity *id);

G_END_DECLS
