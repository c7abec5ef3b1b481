/* cl-status.h: one validation status entry (C2PA 2.2 §15.2.2): a code spelled as
 * c2pa-rs spells it, the JUMBF URI it concerns, an explanation, and its kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CL_STATUS_SUCCESS,
  CL_STATUS_INFORMATIONAL,
  CL_STATUS_FAILURE,
} ClStatusKind;

typedef struct {
  char         *code;
  char         *url;             /* may be NULL */
  char         *explanation;
  ClStatusKind  kind;
  char         *ingredient_uri;  /* set for statuses found while validating an ingredient */
} ClStatus;

/* The kind c2pa-rs gives a code (validation_results.rs log_kind): a few codes that the
 * specification lists as failures are classed differently there, and we follow it. */
ClStatusKind  cl_status_kind_for_code (const char   *code);
/* The kind c2pa-rs gives a code read back from a recorded ingredient status. */
ClStatusKind  cl_status_recorded_kind (const char   *code);
/* Whether a failure leaves a manifest valid: c2pa-rs logs an untrusted signer and the
 * results of CAWG X.509 identity checks as failures, yet the manifest stays Valid. Every
 * other failure code makes it Invalid. */
gboolean      cl_status_failure_is_tolerated (const char *code);
ClStatus     *cl_status_new           (const char   *code,
                                       const char   *url,
                                       const char   *explanation);
ClStatus     *cl_status_copy          (const ClStatus *status);
void          cl_status_free          (ClStatus     *status);
const char   *cl_status_kind_to_string (ClStatusKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStatus, cl_status_free)

G_END_DECLS
