/* cl-test-pki.h: a throw-away PKI made with the OpenSSL API in test set-up
 * (root, intermediate, claim signer, TSA, OCSP responder), plus OCSP
 * responses and CRLs signed by it. Shared by the trust, time-stamp and
 * signing tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/x509.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

typedef struct {
  EVP_PKEY *key;
  X509     *cert;
} ClTestCred;

typedef struct {
  const char       *cn;
  const char       *org;            /* NULL = "CredLink Test" */
  const ClTestCred *issuer;         /* NULL = self-signed */
  gboolean          ca;
  /* OpenSSL config syntax, e.g. "critical,digitalSignature"; NULL = extension absent. */
  const char       *key_usage;
  const char       *ext_key_usage;  /* e.g. "emailProtection,1.3.6.1.4.1.62558.2.1" */
  gint64            not_before;     /* seconds; 0 = one day ago */
  gint64            not_after;      /* seconds; 0 = in one year */
  const char       *ocsp_url;       /* AIA OCSP responder, or NULL */
  const char       *crl_url;        /* CRL distribution point, or NULL */
  const char       *key_type;       /* "P-256" (default), "P-384", "RSA-2048", "RSA-1024", "ED25519", "secp256k1" */
  long              serial;         /* 0 = random */
  gboolean          no_aki;         /* leave out the authority key identifier */
  const char       *cpl_record;     /* c2pa-cpl-record extension (a CPL record UUID), or NULL */
} ClTestCertSpec;

ClTestCred *cl_test_cred_new  (const ClTestCertSpec *spec);
void        cl_test_cred_free (ClTestCred           *cred);
GBytes     *cl_test_cred_der  (const ClTestCred     *cred);

typedef struct {
  ClTestCred *root;          /* CA, self-signed */
  ClTestCred *intermediate;  /* CA, issued by root */
  ClTestCred *signer;        /* claim signer (emailProtection + c2pa claimSigning), by intermediate */
  ClTestCred *tsa;           /* time-stamping (critical timeStamping only), by intermediate */
  ClTestCred *responder;     /* delegated OCSP responder (OCSPSigning), by intermediate */
} ClTestPki;

/* The signer carries ocsp_url / crl_url when given (may be NULL). */
ClTestPki  *cl_test_pki_new   (const char *ocsp_url,
                               const char *crl_url);
void        cl_test_pki_free  (ClTestPki  *pki);

/* GPtrArray of GBytes (DER), in the order given, NULL-terminated arguments. */
GPtrArray  *cl_test_chain_der (const ClTestCred *first,
                               ...) G_GNUC_NULL_TERMINATED;
/* A signing profile named name: the PKI's signer key, chain signer, intermediate, root. */
ClSigningProfile  *cl_test_pki_profile (const ClTestPki *pki,
                                 const char      *name);
/* Writes the certificates as PEM into path; NULL-terminated arguments. */
void        cl_test_write_pem (const char       *path,
                               const ClTestCred *first,
                               ...) G_GNUC_NULL_TERMINATED;

/* A DER OCSPResponse about cert (issued by issuer) signed by signer
 * (the issuer itself or a delegated responder). status is
 * V_OCSP_CERTSTATUS_GOOD / _REVOKED / _UNKNOWN. request may be NULL; its
 * nonce is copied when present. next_update 0 = none. */
GBytes     *cl_test_ocsp_response (X509             *cert,
                                   X509             *issuer,
                                   const ClTestCred *signer,
                                   int               status,
                                   gint64            revoked_at,
                                   int               reason,
                                   gint64            this_update,
                                   gint64            next_update,
                                   OCSP_REQUEST     *request);

/* A DER CRL of issuer listing revoked (may be NULL) at revoked_at with reason. */
GBytes     *cl_test_crl           (const ClTestCred *issuer,
                                   X509             *revoked,
                                   gint64            revoked_at,
                                   int               reason,
                                   gint64            this_update,
                                   gint64            next_update);

/* An RFC 3161 TimeStampResp (DER) answering request (a DER TimeStampReq)
 * from the PKI's TSA (chain: TSA, intermediate), with genTime gen_time.
 * NULL when the request cannot be parsed. */
GBytes     *cl_test_tsa_response  (const ClTestPki  *pki,
                                   GBytes           *request,
                                   gint64            gen_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTestCred, cl_test_cred_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTestPki, cl_test_pki_free)

G_END_DECLS
