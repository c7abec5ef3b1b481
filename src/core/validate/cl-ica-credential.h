/* cl-ica-credential.h: the W3C verifiable credential 2.0 of an identity claims
 * aggregation identity (CAWG identity 1.x §8.1), read as c2pa-rs 0.91 reads it: what it
 * must hold to be a credential at all, and what the checks and the report use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  JsonNode   *root;
  const char *issuer;               /* borrowed from root */
  const char *valid_from;           /* as written, or NULL */
  const char *valid_until;
  gint64      valid_from_time;      /* seconds since the epoch, when valid_from is set */
  gint64      valid_until_time;
  JsonArray  *verified_identities;  /* of the first credentialSubject, borrowed */
  JsonObject *c2pa_asset;           /* its c2paAsset: the signer payload, borrowed */
} ClIcaCredential;

/* The credential in the JSON text data, or NULL with an explanation (words for people)
 * when it is not JSON (within CL_LIMIT_ICA_CREDENTIAL_BYTES and CL_LIMIT_JSON_DEPTH) or
 * lacks what c2pa-rs requires of one. */
ClIcaCredential *cl_ica_credential_parse (const guint8     *data,
                                          gsize             len,
                                          char            **explanation);
void             cl_ica_credential_free  (ClIcaCredential  *credential);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIcaCredential, cl_ica_credential_free)

G_END_DECLS
