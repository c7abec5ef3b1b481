/* cl-jumbf-writer.h: writing JUMBF boxes (ISO 19566-5) as C2PA uses them.
 *
 * Superboxes are written into a GByteArray with begin/end pairs; end patches
 * the LBox once the content is known. Only 32-bit LBox is written (like c2pa-rs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_JUMBF_SALT_LEN 16

/* Appends a plain box: LBox, TBox, payload. */
void     cl_jumbf_write_box        (GByteArray   *out,
                                    guint32       type,
                                    const guint8 *payload,
                                    gsize         payload_len);

/* Opens a superbox: writes the jumb header and its jumd (type uuid, toggles
 * requestable + label, the label, and the c2sh salt when salt is not NULL).
 * Returns the offset of the superbox in out, for cl_jumbf_superbox_end(). */
gsize    cl_jumbf_superbox_begin   (GByteArray   *out,
                                    const guint8  type_uuid[16],
                                    const char   *label,
                                    const guint8 *salt);

/* Closes the superbox opened at offset: fills in its LBox. */
void     cl_jumbf_superbox_end     (GByteArray   *out,
                                    gsize         offset);

/* SHA-256 of the superbox at offset without its 8-byte header — what a C2PA
 * hashed_uri to that box holds (C2PA 2.2 §8.4.2.3). digest: 32 bytes. */
void     cl_jumbf_superbox_sha256  (const guint8 *data,
                                    gsize         offset,
                                    guint8       *digest);

/* A superbox holding one content box (cbor or json) — an assertion. */
gsize    cl_jumbf_write_content_superbox (GByteArray   *out,
                                          const guint8  type_uuid[16],
                                          const char   *label,
                                          const guint8 *salt,
                                          guint32       content_type,
                                          const guint8 *content,
                                          gsize         content_len);

/* An embedded-file superbox (bfdb media type + bidb bytes), e.g. a thumbnail. */
gsize    cl_jumbf_write_embedded_file (GByteArray   *out,
                                       const char   *label,
                                       const guint8 *salt,
                                       const char   *media_type,
                                       const guint8 *data,
                                       gsize         data_len);

/* Reads the big-endian u32 at data[offset]. */
guint32  cl_jumbf_read_u32         (const guint8 *data,
                                    gsize         offset);

G_END_DECLS
