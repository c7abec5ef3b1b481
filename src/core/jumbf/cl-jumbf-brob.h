/* cl-jumbf-brob.h: the content of a brob box, Brotli-compressed JUMBF (C2PA 2.x,
 * compressed manifests), decompressed under a cap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-jumbf.h"

G_BEGIN_DECLS

/* The decompressed payload of the brob content box brob, at most max_len bytes. A stream
 * that would expand beyond max_len is refused as soon as it does, so a small box that
 * expands to gigabytes (a "Brotli bomb") costs no more than max_len of memory.
 * Errors: CL_JUMBF_ERROR_MALFORMED (not a Brotli stream, truncated, bytes after its end,
 * over the cap). */
GBytes *cl_jumbf_brob_decompress (const ClJumbfBox  *brob,
                                  gsize              max_len,
                                  GError           **error);

G_END_DECLS
