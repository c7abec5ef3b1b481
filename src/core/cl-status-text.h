/* cl-status-text.h: the one table that turns C2PA status codes into plain
 * language. The UI, the CLI summary, the PDF report and the confidence
 * breakdown all take their sentences from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CL_STATUS_KIND_SUCCESS,
  CL_STATUS_KIND_INFORMATIONAL,
  CL_STATUS_KIND_FAILURE,
} ClStatusKind;

/* A one-line sentence for a person, translated; for an unknown code a generic
 * sentence naming it. Never NULL. */
const char   *cl_status_text_describe      (const char *code);

/* The kind the C2PA specification gives the code (failure for unknown codes
 * except namespaced custom ones, which are informational). */
ClStatusKind  cl_status_text_kind          (const char *code);

/* For a failure code, the reason to put in a verdict banner ("The image was
 * changed after it was signed"); NULL when the code is not a failure. */
const char   *cl_status_text_failure_reason (const char *code);

G_END_DECLS
