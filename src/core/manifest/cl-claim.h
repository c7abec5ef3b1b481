/* cl-claim.h: the C2PA claim (v1 "c2pa.claim" and v2 "c2pa.claim.v2", C2PA 2.2 §10)
 * and hashed URIs (§8.4.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  char   *url;
  char   *alg;     /* NULL: inherited from the claim */
  GBytes *hash;
} ClHashedUri;

ClHashedUri *cl_hashed_uri_parse (cbor_item_t *item);
void         cl_hashed_uri_free  (ClHashedUri *uri);

typedef struct {
  int          version;              /* 1 or 2 */
  GBytes      *raw;                  /* the exact bytes of the cbor box (what is signed) */
  cbor_item_t *item;
  char        *instance_id;
  char        *title;
  char        *format;               /* v1 dc:format */
  char        *claim_generator;      /* v1 */
  char        *signature_uri;
  char        *alg;                  /* NULL when absent */
  JsonNode    *generator_info;       /* always an array for the report, or NULL */
  GPtrArray   *created_assertions;   /* ClHashedUri; v1: all of "assertions" */
  GPtrArray   *gathered_assertions;  /* ClHashedUri */
  GPtrArray   *redacted_assertions;  /* char* URIs */
} ClClaim;

/* Decodes claim bytes. On failure returns NULL, sets error and *status_code to
 * "claim.cbor.invalid" (not CBOR) or "claim.malformed" (missing/mistyped fields). */
ClClaim     *cl_claim_parse      (const guint8  *data,
                                  gsize          len,
                                  const char   **status_code,
                                  GError       **error);
void         cl_claim_free       (ClClaim       *claim);
/* Every referenced assertion: created then gathered (borrowed ClHashedUri*). */
GPtrArray   *cl_claim_all_assertions (ClClaim   *claim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClClaim, cl_claim_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClHashedUri, cl_hashed_uri_free)

G_END_DECLS
