/* cl-crjson-claim.h: a crJSON manifest's claim ("claim" for v1, "claim.v2" for v2) and its
 * map of assertions (C2PA 2.4, the JSON serialisation of a manifest store).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-manifest-store.h"

G_BEGIN_DECLS

/* The claim of manifest (which must have a decoded claim), with its hashed URIs; those and
 * the redactions are taken from *budget (a hashed URI counts for HASHED_URI_VALUES), and a
 * list over it is replaced by a note. */
JsonNode *cl_crjson_claim      (ClManifest      *manifest,
                                guint           *budget);

/* label → value of every assertion the claim references, in the claim's order: those of
 * the manifest's assertion store, and gathered ones of other manifests of store (a
 * reference to them when they cannot be found). Decoded values are taken from *budget. */
JsonNode *cl_crjson_assertions (ClManifestStore *store,
                                ClManifest      *manifest,
                                guint           *budget);

G_END_DECLS
