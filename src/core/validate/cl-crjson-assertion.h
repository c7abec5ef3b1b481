/* cl-crjson-assertion.h: one assertion as a crJSON manifest shows it (C2PA 2.4, the JSON
 * serialisation of a manifest store), and CBOR values as crJSON writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <json-glib/json-glib.h>

#include "cl-manifest.h"

G_BEGIN_DECLS

/* A CBOR value in crJSON form: byte strings as "b64'<base64>'", a "signature" byte string
 * that holds a COSE_Sign1 (a CAWG identity assertion's) as its algorithm and certificate,
 * every hashed URI with a "pad" (empty when it has none), as c2pa-rs writes them. */
JsonNode *cl_crjson_from_cbor      (cbor_item_t  *item);

/* The value of assertion (of manifest) under the manifest's "assertions": its CBOR or JSON
 * content in crJSON form, a thumbnail as its type and media type, other binary content as
 * a reference to it (ref_hash: the hash the claim gives it, or NULL). The values decoded
 * are taken from *budget (CL_LIMIT_REPORT_VALUES for a document); past it, a note stands
 * for the content. NULL when the content cannot be read. */
JsonNode *cl_crjson_assertion      (ClManifest   *manifest,
                                    ClAssertion  *assertion,
                                    GBytes       *ref_hash,
                                    guint        *budget);

/* The note that stands for what is over the budget. */
JsonNode *cl_crjson_omitted        (void);

/* "b64'<base64>'" */
char     *cl_crjson_bytes_string   (const guint8 *data,
                                    gsize         len);

G_END_DECLS
