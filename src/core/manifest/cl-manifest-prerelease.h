/* cl-manifest-prerelease.h: recognising manifests written before C2PA 1.0, which no
 * current reader can check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-manifest-store.h"

G_BEGIN_DECLS

/* Whether the active manifest of store is in a pre-release format: its claim (a v1 claim)
 * references an assertion by the hash of the assertion's content alone, where C2PA 1.0
 * and later hash the assertion's superbox (§8.4.2.3). c2pa-rs tells pre-release content
 * the same way, and refuses it. */
gboolean cl_manifest_store_is_prerelease (ClManifestStore *store);

G_END_DECLS
