/* cl-status-text.h: the one table that turns C2PA status codes into plain
 * language. The UI, the CLI summary, the PDF report and the confidence
 * breakdown all take their sentences from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-status.h"

G_BEGIN_DECLS

/* A one-line sentence for a person, translated; for an unknown code a generic
 * sentence naming it. Never NULL. */
const char   *cl_status_text_describe      (const char *code);

/* For a failure code (cl_status_kind_for_code), the reason to put in a verdict
 * banner ("The image was changed after it was signed"); NULL otherwise. */
const char   *cl_status_text_failure_reason (const char *code);

G_END_DECLS
