/* cl-trust-list.h: one named trust list (anchors, allowed end-entity
 * certificates, accepted EKUs) with where it came from and when.
 *
 * A list is immutable once built, so any thread may read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/x509.h>

#include "cl-trust-lote.h"

G_BEGIN_DECLS

typedef enum {
  CL_TRUST_LIST_KIND_USER,       /* imported by the user or a newsroom: claim signers */
  CL_TRUST_LIST_KIND_C2PA,       /* the official C2PA trust list: claim signers */
  CL_TRUST_LIST_KIND_C2PA_TSA,   /* the official C2PA TSA trust list: time-stamping */
  CL_TRUST_LIST_KIND_LEGACY,     /* the frozen interim list (anchors + allowed list) */
  CL_TRUST_LIST_KIND_USER_TSA,   /* user-imported time-stamping authorities */
} ClTrustListKind;

typedef struct _ClTrustList ClTrustList;

/* Builds a list. anchors: X509 * (borrowed, referenced); allowed_text: PEM
 * certificates and/or lines of base64 SHA-256 of end-entity DER (may be NULL);
 * eku_config: one dotted OID per line, other lines ignored (may be NULL).
 * snapshot: when the list was published or copied (seconds, 0 = unknown). */
ClTrustList     *cl_trust_list_new            (const char       *name,
                                               ClTrustListKind   kind,
                                               const char       *source,
                                               gint64            snapshot,
                                               GPtrArray        *anchors,
                                               const char       *allowed_text,
                                               const char       *eku_config,
                                               GError          **error);
/* The same, with the list's LoTE JSON text (lote_json, may be NULL): it names
 * the organisation behind each anchor, dates the snapshot when snapshot is 0,
 * and anchors whose service status is not "trusted" are left out. */
ClTrustList     *cl_trust_list_new_with_lote  (const char       *name,
                                               ClTrustListKind   kind,
                                               const char       *source,
                                               gint64            snapshot,
                                               GPtrArray        *anchors,
                                               const char       *allowed_text,
                                               const char       *eku_config,
                                               const char       *lote_json,
                                               GError          **error);
/* Builds a list from files: anchors_path (PEM, may be NULL when allowed_path
 * is given), allowed_path (PEM and/or base64 SHA-256 lines, may be NULL),
 * eku_path (store.cfg, may be NULL). The snapshot date is the ListIssueDateTime
 * of a C2PA JSON list next to the PEM (same name, .json) if there is one
 * (its entity names are kept, see cl_trust_list_new_with_lote()), else the
 * file's modification time. */
ClTrustList     *cl_trust_list_new_from_files (const char       *name,
                                               ClTrustListKind   kind,
                                               const char       *anchors_path,
                                               const char       *allowed_path,
                                               const char       *eku_path,
                                               GError          **error);
/* Reads <dir>/{meta.json, anchors.pem, allowed.pem, store.cfg, list.json}
 * (meta.json: see cl-trust-meta.h). */
ClTrustList     *cl_trust_list_load_dir       (const char       *dir,
                                               GError          **error);
/* Writes the list into dir (created 0700), each file replaced atomically. */
gboolean         cl_trust_list_save_dir       (ClTrustList      *list,
                                               const char       *dir,
                                               GError          **error);

ClTrustList     *cl_trust_list_ref            (ClTrustList      *list);
void             cl_trust_list_unref          (ClTrustList      *list);

const char      *cl_trust_list_get_name       (ClTrustList      *list);
ClTrustListKind  cl_trust_list_get_kind       (ClTrustList      *list);
const char      *cl_trust_list_get_source     (ClTrustList      *list);
gint64           cl_trust_list_get_snapshot   (ClTrustList      *list);
/* X509 * anchors, borrowed. */
GPtrArray       *cl_trust_list_get_anchors    (ClTrustList      *list);
guint            cl_trust_list_get_n_allowed  (ClTrustList      *list);
/* Extra EKU OIDs of the list's store.cfg (may be empty, never NULL). */
const char * const *cl_trust_list_get_ekus    (ClTrustList      *list);
/* An X509_STORE of the anchors (borrowed; NULL when the list has none). */
X509_STORE      *cl_trust_list_get_x509_store (ClTrustList      *list);
/* What the list's JSON says about an anchor (NULL when nothing). */
const ClTrustEntity *cl_trust_list_lookup_entity (ClTrustList   *list,
                                               X509             *anchor);
/* TRUE when the end-entity certificate is on the list's allowed list. */
gboolean         cl_trust_list_allows         (ClTrustList      *list,
                                               X509             *cert);
/* TRUE for lists of time-stamping authorities, FALSE for claim-signer lists. */
gboolean         cl_trust_list_is_tsa         (ClTrustList      *list);

const char      *cl_trust_list_kind_to_string (ClTrustListKind   kind);
gboolean         cl_trust_list_kind_from_string (const char     *text,
                                               ClTrustListKind  *kind);
/* The kind of a list whose meta.json records none, from its name: "c2pa",
 * "c2pa-tsa", "legacy", "user-tsa"; anything else is a user list. */
ClTrustListKind  cl_trust_list_kind_for_name  (const char       *name);
/* A human label: "Official C2PA trust list", "Legacy interim list"… (translated). */
const char      *cl_trust_list_kind_describe  (ClTrustListKind   kind);
/* List names: 1–64 of [A-Za-z0-9._-], not starting with a dot. */
gboolean         cl_trust_list_name_is_valid  (const char       *name);
/* The dotted OIDs of an EKU config text (c2pa-rs trust_config / store.cfg). */
GStrv            cl_trust_parse_eku_config    (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTrustList, cl_trust_list_unref)

G_END_DECLS
