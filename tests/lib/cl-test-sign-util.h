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
/* The same with implementation impl (NULL: the default, c2pa-rs 0.91 native;
 * "c2pa-wasm": c2pa-rs 0.92, which has the fixes of 0.91.1). */
JsonObject *cl_test_oracle_read_impl (const char    *oracle,
                                      const char    *impl,
                                      const char    *file,
                                      const char    *trust_pem);
/* Whether the report lists code under list_name: a list of its own (e.g.
 * "ingredient_failure_codes"), or one of codes{success, informational, failure}. */
gboolean    cl_test_oracle_has       (JsonObject    *report,
                                      const char    *list_name,
                                      const char    *code);
/* Runs node with args (the reference signer's sign.mjs, its options, input, output,
 * chain, key…; NULL-terminated). FALSE when it refused: the test is failed with what it
 * said. */
gboolean    cl_test_run_reference_signer (const char * const *args);
/* Signs input into output with the reference signer (sign.mjs beside oracle) and the
 * shared ES256 test certificate. FALSE when it did not: the test is skipped when the
 * signer or the certificates are absent, failed when the signer refused. */
gboolean    cl_test_oracle_sign_es256 (const char *oracle,
                                       const char *input,
                                       const char *output);
/* Our validation state on path is the reference reader's, and both report
 * expected_failure. */
void        cl_test_assert_same_verdict (const char *oracle,
                                         const char *path,
                                         const char *expected_failure);
/* Validates path and asserts it is Valid with the claim signature and binding_code
 * (e.g. "assertion.dataHash.match") and no failure but signingCredential.untrusted; the
 * reference reader, when installed, must find it valid too, in the same state. */
void        cl_test_assert_valid_untrusted (const char *path,
                                            const char *binding_code);
/* Asserts the reader found no failure other than signingCredential.untrusted,
 * in the active manifest and in the ingredients. */
void        cl_test_oracle_assert_valid (JsonObject *report,
                                         const char *file);

/* Asserts the reader re-validated the parent ingredient: its manifest hash
 * (ingredient.manifest.validated) and its claim signature. Needs a --raw report. */
void        cl_test_oracle_assert_ingredient_validated (JsonObject *report,
                                                        const char *file);

G_END_DECLS
