/* cl-manifest-store.h: the C2PA manifest store (the outermost c2pa superbox) and
 * its manifests; the active manifest is the last one (C2PA 2.2 §11.1.4.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-jumbf.h"
#include "cl-manifest.h"

G_BEGIN_DECLS

typedef struct {
  gint         ref_count;
  GBytes      *bytes;
  ClJumbfBox  *root;
  GPtrArray   *manifests;   /* ClManifest, store order */
  GHashTable  *by_label;    /* label → its ClManifest, or NULL when several carry it */
} ClManifestStore;

/* Parses store bytes; a compressed manifest is decompressed (at most
 * CL_LIMIT_DECOMPRESSED_SIZE bytes) and stands in the tree as the manifest it holds.
 * Errors: CL_JUMBF_ERROR (structure, a compressed manifest that cannot be decompressed),
 * CL_MANIFEST_ERROR (not a C2PA store, no manifest). */
ClManifestStore *cl_manifest_store_parse   (GBytes          *bytes,
                                            GError         **error);
ClManifestStore *cl_manifest_store_ref     (ClManifestStore *store);
void             cl_manifest_store_unref   (ClManifestStore *store);
ClManifest      *cl_manifest_store_get_active (ClManifestStore *store);
ClManifest      *cl_manifest_store_lookup  (ClManifestStore *store,
                                            const char      *label);
/* The manifest whose superbox contains box (or is box), or NULL. */
ClManifest      *cl_manifest_store_manifest_of (ClManifestStore *store,
                                                ClJumbfBox      *box);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClManifestStore, cl_manifest_store_unref)

G_END_DECLS
