/* cl-verification-compare.h: two verified files side by side: for each fact a journalist
 * compares (verdict, signer, time, app, title, signals, edits, ingredients, codes,
 * content), what each says and whether they differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-verification.h"

G_BEGIN_DECLS

typedef struct {
  const char *key;       /* stable, for JSON: "signer" */
  const char *fact;      /* translated: "Signer" */
  char       *left;      /* in words, or NULL when the file says nothing of it */
  char       *right;
  gboolean    differs;
} ClCompareRow;

void       cl_compare_row_free        (ClCompareRow   *row);

/* The rows (ClCompareRow *), in the order they are shown. */
GPtrArray *cl_verification_compare    (ClVerification *left,
                                       ClVerification *right);
/* One sentence on what the two files share: "The same image content; only the credentials
 * differ", "Different images", "The same file". */
char      *cl_verification_compare_summary (ClVerification *left,
                                            ClVerification *right);
/* "Adobe Photoshop 25.0, Adobe Firefly" from claim_generator_info (or the v1 claim
 * generator); NULL when the manifest names none. */
char      *cl_manifest_generator_text (ClManifestReport *manifest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCompareRow, cl_compare_row_free)

G_END_DECLS
