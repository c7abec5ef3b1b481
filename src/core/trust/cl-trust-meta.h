/* cl-trust-meta.h: a trust list folder's meta.json — what the list is, where it came
 * from and when — written and read the same way by every path that installs a list
 * (import, download, the background refresh job).
 *
 * The file is a JSON object:
 *   "list"               the list's name (its folder's name)
 *   "kind"               "user", "c2pa", "c2pa-tsa", "legacy" or "user-tsa"
 *   "source_url"         where the list came from ("" when unknown)
 *   "snapshot_date"      when the list was published or copied, ISO 8601 UTC
 *                        (left out when unknown)
 *   "certificate_count"  anchors in anchors.pem
 *   "allowed_count"      entries of allowed.pem
 *   "size", "sha256"     the length and SHA-256 (hex) of anchors.pem (left out when
 *                        there is no anchors.pem)
 * Files written by earlier versions are read too: "name", "source", "snapshot",
 * "anchors" and "allowed" stand for "list", "source_url", "snapshot_date",
 * "certificate_count" and "allowed_count"; a file without "kind" leaves it to the
 * folder's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_TRUST_META_FILE "meta.json"

typedef struct {
  char    *list;               /* NULL when the file names none */
  char    *kind;               /* NULL when the file records none */
  char    *source_url;         /* never NULL */
  gint64   snapshot;           /* seconds since the epoch, 0 = unknown */
  guint    certificate_count;
  guint    allowed_count;
  guint64  size;               /* of anchors.pem, 0 when there is none */
  char    *sha256;             /* of anchors.pem, NULL when there is none */
} ClTrustMeta;

/* The facts of a list about to be written; anchors_pem: the exact bytes of its
 * anchors.pem, or NULL when it has none. */
ClTrustMeta *cl_trust_meta_new  (const char         *list,
                                 const char         *kind,
                                 const char         *source_url,
                                 gint64              snapshot,
                                 GBytes             *anchors_pem,
                                 guint               certificate_count,
                                 guint               allowed_count);
/* Reads <list_dir>/meta.json. CL_TRUST_ERROR_INVALID when it is missing or not a
 * JSON object. */
ClTrustMeta *cl_trust_meta_load (const char         *list_dir,
                                 GError            **error);
/* Writes <list_dir>/meta.json, replacing it atomically (errors: G_FILE_ERROR). */
gboolean     cl_trust_meta_save (const ClTrustMeta  *meta,
                                 const char         *list_dir,
                                 GError            **error);
void         cl_trust_meta_free (ClTrustMeta        *meta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTrustMeta, cl_trust_meta_free)

G_END_DECLS
