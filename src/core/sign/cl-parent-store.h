/* cl-parent-store.h: the manifest store a source image already carries, seen by
 * the signer. Its manifests are copied verbatim into the new store; its active
 * manifest becomes the parentOf ingredient. Only the top level and the active
 * manifest's direct children are walked (bounded by their containers); the full
 * parser and validator live in cl-jumbf / cl-validator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  gsize  offset;   /* of the manifest superbox in the store */
  gsize  length;
  char  *label;
} ClParentManifest;

typedef enum {
  CL_PARENT_BINDING_UNKNOWN,    /* no c2pa.hash.data we can recompute */
  CL_PARENT_BINDING_MATCH,
  CL_PARENT_BINDING_MISMATCH,   /* the source changed after it was signed */
} ClParentBinding;

typedef struct {
  GBytes *bytes;
  char   *title;                /* file name of the source, for messages */
  GArray *manifests;            /* of ClParentManifest, store order; the last is active */
  gsize   signature_offset;     /* the active manifest's c2pa.signature superbox */
} ClParentStore;

/* Walks store (the outermost JUMBF superbox). Fails with CL_SIGN_ERROR_INPUT (and
 * the offset) when it is damaged, holds no standard/update manifest, or the active
 * manifest has no signature box. */
ClParentStore          *cl_parent_store_parse          (GBytes         *store,
                                                        const char     *title,
                                                        GError        **error);
void                    cl_parent_store_free           (ClParentStore  *self);
const ClParentManifest *cl_parent_store_get_active     (ClParentStore  *self);

/* Recomputes the active manifest's c2pa.hash.data over source_path (the file the
 * store came from). UNKNOWN when the assertion or its algorithm cannot be read,
 * and (with error set) when the file cannot be read. */
ClParentBinding         cl_parent_store_check_binding  (ClParentStore  *self,
                                                        const char     *source_path,
                                                        GCancellable   *cancellable,
                                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClParentStore, cl_parent_store_free)

G_END_DECLS
