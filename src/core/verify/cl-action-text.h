/* cl-action-text.h: readable, translated phrases for C2PA action names
 * (c2pa.created, c2pa.edited…) and IPTC digital source types, with the
 * "AI-generated" and "captured with a camera" facts people look for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CL_SOURCE_OTHER,
  CL_SOURCE_CAMERA,         /* digitalCapture */
  CL_SOURCE_AI_GENERATED,   /* trainedAlgorithmicMedia, algorithmicMedia */
  CL_SOURCE_CONTAINS_AI,    /* compositeWithTrainedAlgorithmicMedia */
} ClSourceFlag;

/* The phrase for an action name ("c2pa.color_adjustments" → "Adjusted colours"),
 * translated. Unknown names give NULL: show the name itself. */
const char   *cl_action_text_describe      (const char *action);
/* The phrase for an IPTC digitalSourceType URI (or its last path segment),
 * translated, or NULL when unknown. */
const char   *cl_action_text_source_type   (const char *source_type);
ClSourceFlag  cl_action_text_source_flag   (const char *source_type);
/* A short label for a flag ("AI-generated", "Contains AI", "Captured with a camera"),
 * translated; NULL for CL_SOURCE_OTHER. */
const char   *cl_action_text_flag_label    (ClSourceFlag flag);
/* Ingredient relationship (parentOf, componentOf, inputTo) as a phrase, or NULL. */
const char   *cl_action_text_relationship  (const char *relationship);

G_END_DECLS
