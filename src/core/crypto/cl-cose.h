/* cl-cose.h: parsing the claim signature, a COSE_Sign1_Tagged structure (RFC 9052,
 * C2PA 2.2 §13.2, §14.5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  cbor_item_t *item;
  GBytes      *protected_bytes;   /* exact bytes of the protected-header bstr */
  cbor_item_t *protected_map;     /* decoded protected header (NULL when empty) */
  cbor_item_t *unprotected;       /* borrowed from item */
  gint64       alg;               /* 0 when absent */
  GPtrArray   *x5chain;           /* GBytes DER certificates, leaf first */
  GBytes      *signature;
  /* RFC 3161 time-stamp: sigTst2 (v2, TimeStampToken) or sigTst (v1, TimeStampResp). */
  int          tst_version;       /* 0 none, 1, 2 */
  guint        n_tst_tokens;
  GBytes      *tst_token;         /* the first token's "val" */
  cbor_item_t *rvals;             /* stapled OCSP responses, borrowed, for the trust engine */
  gboolean     has_iat;
  char        *iat;
} ClCoseSign1;

/* Errors: CL_COSE_ERROR_MALFORMED with the reason. An absent or unsupported alg is
 * not an error here (alg is then 0 or the unknown value). */
ClCoseSign1 *cl_cose_sign1_parse (const guint8  *data,
                                  gsize          len,
                                  GError       **error);
void         cl_cose_sign1_free  (ClCoseSign1   *sign1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCoseSign1, cl_cose_sign1_free)

G_END_DECLS
