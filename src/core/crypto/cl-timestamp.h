/* cl-timestamp.h: RFC 3161 time-stamps on claim signatures (C2PA 2.2 §10.3.2.5, §15.8):
 * sigTst (v1, TimeStampResp over the claim bytes) and sigTst2 (v2, TimeStampToken over
 * the CBOR of the signature bstr), both inside a "CounterSignature" Sig_structure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509_vfy.h>

G_BEGIN_DECLS

typedef struct {
  gboolean    validated;    /* CMS signature good, imprint matches, TSA cert valid at genTime */
  gboolean    trusted;
  gint64      gen_time;     /* seconds since the epoch, from the signed signingTime attribute
                             * when there is one, else genTime; meaningful when validated */
  char       *tsa_name;     /* the TSA certificate's common name, or NULL */
  GPtrArray  *statuses;     /* ClStatus (url NULL): timeStamp.* codes */
} ClTimestampResult;

/* The bytes the time-stamp imprint covers for a claim signature:
 * CBOR ["CounterSignature", protected, h'', payload] with payload = the claim bytes (v1)
 * or the CBOR encoding of the signature bstr (v2). */
GBytes            *cl_timestamp_countersign_data (int            tst_version,
                                                  GBytes        *protected_bytes,
                                                  GBytes        *claim_bytes,
                                                  GBytes        *signature);

/* Verifies one token (a TimeStampToken or a TimeStampResp, either is accepted) over data.
 * check_trust FALSE skips the TSA chain (c2pa-rs does that for v1 claims); with
 * check_trust TRUE and tsa_anchors NULL the time-stamp is untrusted. Never fails:
 * problems are informational statuses in the result. */
ClTimestampResult *cl_timestamp_verify    (const guint8  *token,
                                           gsize          token_len,
                                           const guint8  *data,
                                           gsize          data_len,
                                           gboolean       check_trust,
                                           X509_STORE    *tsa_anchors);
void               cl_timestamp_result_free (ClTimestampResult *result);

/* The certificate of the authority that signed a token (a TimeStampToken or a
 * TimeStampResp), found among the token's certificates by the signer's issuer and serial,
 * without verifying anything; NULL when the token cannot be read or does not carry it. */
X509              *cl_timestamp_dup_signer  (const guint8  *token,
                                             gsize          token_len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTimestampResult, cl_timestamp_result_free)

G_END_DECLS
