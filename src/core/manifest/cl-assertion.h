/* cl-assertion.h: one assertion superbox of a manifest's assertion store and
 * its content (CBOR, JSON, embedded file, uuid), C2PA 2.2 §6, §11.1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <json-glib/json-glib.h>

#include "cl-jumbf.h"

G_BEGIN_DECLS

typedef enum {
  CL_ASSERTION_CBOR,
  CL_ASSERTION_JSON,
  CL_ASSERTION_EMBEDDED_FILE,
  CL_ASSERTION_UUID,
  CL_ASSERTION_OTHER,
} ClAssertionKind;

typedef struct {
  char            *label;       /* as in the jumd, e.g. "c2pa.ingredient.v3__2" */
  char            *base_label;  /* without the "__N" instance suffix */
  guint            instance;    /* 1 for the first, N+1 for "__N" */
  ClAssertionKind  kind;
  ClJumbfBox      *box;         /* borrowed from the store tree */
} ClAssertion;

ClAssertion  *cl_assertion_new            (ClJumbfBox     *box);
void          cl_assertion_free           (ClAssertion    *assertion);

/* The CBOR item of a cbor assertion (new reference), or NULL with error. */
cbor_item_t  *cl_assertion_load_cbor      (ClAssertion    *assertion,
                                           GError        **error);
/* The JSON of a json assertion, or NULL with error. */
JsonNode     *cl_assertion_load_json      (ClAssertion    *assertion,
                                           GError        **error);
/* The media type and bytes of an embedded-file assertion (thumbnails, icons). */
gboolean      cl_assertion_get_embedded   (ClAssertion    *assertion,
                                           char          **media_type,
                                           GBytes        **data);
/* TRUE when cl_assertion_load_cbor would succeed, checked without decoding the content
 * where it can be (cl_cbor_check); FALSE with the error it would give. */
gboolean      cl_assertion_check_cbor     (ClAssertion    *assertion,
                                           GError        **error);
/* TRUE when the assertion's content bytes are all zeros (a redacted assertion). */
gboolean      cl_assertion_is_zeroed      (ClAssertion    *assertion);
/* The data for the report (CBOR/JSON → JSON); NULL for other kinds or bad content. */
JsonNode     *cl_assertion_to_json        (ClAssertion    *assertion);
/* Takes the values (CBOR items) of a CBOR assertion's content from *budget, counted without
 * decoding them; FALSE with an error naming the cap, and *budget emptied, when they are more
 * than it has left. Other kinds of assertion cost nothing. */
gboolean      cl_assertion_charge         (ClAssertion    *assertion,
                                           guint          *budget,
                                           GError        **error);
/* The same, when it takes at most *budget values (CBOR items, or for JSON text one per two
 * bytes, an upper bound): *budget is then reduced by what it took. Over it, NULL with
 * *over_budget TRUE, and nothing is decoded. */
JsonNode     *cl_assertion_to_json_within (ClAssertion    *assertion,
                                           guint          *budget,
                                           gboolean       *over_budget);

/* Label tests that accept every version and instance ("c2pa.actions", "c2pa.actions.v2"…). */
gboolean      cl_assertion_label_is_actions    (const char *base_label);
gboolean      cl_assertion_label_is_ingredient (const char *base_label);
gboolean      cl_assertion_label_is_hard_binding (const char *base_label);
gboolean      cl_assertion_label_is_claim_thumbnail (const char *base_label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAssertion, cl_assertion_free)

G_END_DECLS
