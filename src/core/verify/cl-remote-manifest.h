/* cl-remote-manifest.h: downloading a manifest store that an image only links to
 * (XMP dcterms:provenance, C2PA 2.2 §15.5.3). Only ever called when the person
 * allowed it: verification is offline by default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The seconds a fetch may take before it counts as unreachable. */
#define CL_REMOTE_MANIFEST_TIMEOUT 15

/* GETs url (http or https only) and returns the manifest store: a JUMBF superbox of at
 * most CL_ASSET_MAX_STORE_SIZE bytes. Blocking (call it from a worker thread).
 * Errors (CL_MANIFEST_ERROR_REMOTE) name the URL and say what went wrong. */
GBytes *cl_remote_manifest_fetch (const char    *url,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
