/* cl-edit-timeline.h: what was done to the content, step by step: the actions of a
 * manifest in the order it lists them, each with the app that did it, when, and the
 * ingredient it used (by title), for the detail page, the report and the CLI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-validation-report.h"

G_BEGIN_DECLS

typedef struct {
  char       *action;        /* as written, "c2pa.placed" */
  const char *phrase;        /* in words, translated ("Placed another image into it"), or NULL */
  char       *app;           /* softwareAgent (name and version), or NULL */
  char       *when;          /* as written (RFC 3339), or NULL */
  char       *source_type;   /* digitalSourceType in words, or as written; or NULL */
  char       *ingredients;   /* titles of the ingredients it refers to, joined; or NULL */
} ClEditStep;

void       cl_edit_step_free         (ClEditStep       *step);

/* The steps of manifest's actions assertions, in order (empty without actions). */
GPtrArray *cl_edit_timeline_collect  (ClManifestReport *manifest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClEditStep, cl_edit_step_free)

G_END_DECLS
