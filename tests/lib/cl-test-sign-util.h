/* cl-test-sign-util.h: helpers for the signing tests — fixture images made with
 * gdk-pixbuf, a small JUMBF walker to look inside what the signer wrote, and the
 * reference reader (c2pa-rs via node) when it is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes a width × height test image (a gradient with a pattern) as "jpeg" or "png". */
char       *cl_test_make_image       (const char    *dir,
                                      const char    *name,
                                      const char    *type,
                                      int            width,
                                      int            height);
/* SHA-256 of a file, hex. */
char       *cl_test_file_sha256      (const char    *path);
/* Asserts both files decode (gdk-pixbuf) to identical pixels. */
void        cl_test_assert_same_pixels (const char  *a,
                                        const char  *b);

/* Finds the child superbox labelled label inside the superbox at [offset, offset+len)
 * of data; returns its offset (and length), or G_MAXSIZE. */
gsize       cl_test_jumbf_find       (const guint8  *data,
                                      gsize          offset,
                                      gsize          len,
                                      const char    *label,
                                      gsize         *child_len);
/* Label of the last child superbox of the store (the active manifest). */
char       *cl_test_jumbf_last_label (GBytes        *store,
                                      gsize         *offset,
                                      gsize         *len);
/* Payload of the last content box of the superbox at offset. */
GBytes     *cl_test_jumbf_content    (const guint8  *data,
                                      gsize          offset,
                                      gsize          len);

/* Whether the file's bytes contain text anywhere. */
gboolean    cl_test_file_contains    (const char    *path,
                                      const char    *text);

/* Path of read.mjs when node and the reference reader are installed, else NULL. */
char       *cl_test_oracle_path      (void);
/* Runs the reference reader on file (with trust anchors when trust_pem is set). */
JsonObject *cl_test_oracle_read      (const char    *oracle,
                                      const char    *file,
                                      const char    *trust_pem);
/* Asserts the reader found no failure other than signingCredential.untrusted,
 * in the active manifest and in the ingredients. */
void        cl_test_oracle_assert_valid (JsonObject *report,
                                         const char *file);

/* Asserts the reader re-validated the parent ingredient: its manifest hash
 * (ingredient.manifest.validated) and its claim signature. Needs a --raw report. */
void        cl_test_oracle_assert_ingredient_validated (JsonObject *report,
                                                        const char *file);

G_END_DECLS
