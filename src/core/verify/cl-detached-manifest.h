/* cl-detached-manifest.h: a manifest store kept in a file of its own next to the image
 * (a .c2pa sidecar, C2PA 2.2 §15.5.3: the image's path with the extension .c2pa), or
 * named by the person (c2patool's --external-manifest). Validated against the image as
 * a remote manifest is: nothing in the image is excluded from its hash unless a store
 * really sits there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset-info.h"

G_BEGIN_DECLS

/* The sidecar of image_path (the same path with the extension .c2pa) when that is a
 * regular file, else NULL. Never image_path itself. */
char     *cl_detached_manifest_find_sidecar (const char   *image_path);

/* Puts the detached store that applies into info: the one in manifest_path when given,
 * else the sidecar of image_path when info has no store of its own and find_sidecar.
 * *used_path is the file it came from, or NULL when none applies (info unchanged).
 * FALSE when that file cannot be read or holds no manifest store (the error names it). */
gboolean  cl_detached_manifest_attach       (const char    *image_path,
                                             ClAssetInfo   *info,
                                             const char    *manifest_path,
                                             gboolean       find_sidecar,
                                             char         **used_path,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* reason, after a sentence that says where the credentials came from: manifest_file (a
 * sidecar or not); when that is NULL, a .c2pa file verified on its own, which a sentence
 * of its own explains instead of reason. */
char     *cl_detached_manifest_explain      (const char    *reason,
                                             const char    *manifest_file,
                                             gboolean       sidecar);

G_END_DECLS
