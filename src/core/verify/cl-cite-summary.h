/* cl-cite-summary.h: one verification as a summary an editor can cite: the file (name,
 * SHA-256), when and by what it was checked, the verdict in words and the list that
 * decided it, then sections of facts (signals, signer, identities, time evidence, edits,
 * camera and place, ingredients, codes). Built once; the PDF report and the plain text
 * of "Copy summary" and `credlink-cli verify --summary` both show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-verification.h"

G_BEGIN_DECLS

/* How the verdict should look: the colour of its band in the PDF. */
typedef enum {
  CL_CITE_TONE_GOOD,       /* Trusted */
  CL_CITE_TONE_NEUTRAL,    /* Valid, or no credentials */
  CL_CITE_TONE_BAD,        /* Invalid, or the file could not be read */
} ClCiteTone;

typedef struct {
  char *label;   /* "Name" (translated), or NULL for a line of its own */
  char *value;
} ClCiteItem;

typedef struct {
  char      *title;      /* "Signer" (translated) */
  GPtrArray *items;      /* ClCiteItem */
  /* The order of the items matters (the edits): shown "1.", "2."… rather than bulleted. */
  gboolean   numbered;
} ClCiteSection;

typedef struct {
  char       *file_name;
  char       *file_sha256;   /* lower-case hex, or NULL when it was not computed */
  char       *checked_at;    /* ISO 8601 with its zone, "2026-03-01T10:15:00+01:00" */
  char       *made_by;       /* "CredLink 1.2.0" */
  ClVerdict   verdict;
  ClCiteTone  tone;
  const char *verdict_text;  /* "Invalid" (translated) */
  char       *reason;        /* why, one sentence */
  char       *decided_by;    /* the trust list that decided, or why none did */
  /* Said right after the verdict when what follows is not vouched for (invalid
   * credentials, unverified signals, a test certificate), else NULL. */
  char       *warning;
  GPtrArray  *sections;      /* ClCiteSection, empty ones left out */
} ClCiteSummary;

/* The summary of verification. checked_at: when it was checked (NULL: when the
 * verification was made). Reads no file: fast enough for the main loop. */
ClCiteSummary *cl_cite_summary_new      (ClVerification      *verification,
                                         GDateTime           *checked_at);
void           cl_cite_summary_free     (ClCiteSummary       *summary);

/* Plain text, lines of at most CL_CITE_TEXT_WIDTH columns where words allow: the verdict
 * and its warning first, then the file and each section. No markup. */
#define CL_CITE_TEXT_WIDTH 72
char          *cl_cite_summary_to_text  (const ClCiteSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCiteSummary, cl_cite_summary_free)

G_END_DECLS
