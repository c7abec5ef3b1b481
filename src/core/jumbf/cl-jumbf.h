/* cl-jumbf.h: a bounded parser for JUMBF (ISO/IEC 19566-5) as C2PA uses it, and
 * JUMBF URI resolution (C2PA 2.2 §8.4, §11.1).
 *
 * Every box keeps its offset, header length and total length inside the store
 * bytes, so hashed URIs can hash the raw bytes (never re-serialised).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-limits.h"

G_BEGIN_DECLS

/* The parser's caps: CL_LIMIT_JUMBF_DEPTH and CL_LIMIT_JUMBF_BOXES (cl-limits.h). */
#define CL_JUMBF_MAX_DEPTH CL_LIMIT_JUMBF_DEPTH

typedef struct _ClJumbfBox ClJumbfBox;

/* Every box of a store is one of these (at most CL_LIMIT_JUMBF_BOXES), so the fields are
 * ordered to leave no padding. */
struct _ClJumbfBox {
  guint32      type;          /* TBox */
  guint32      id;            /* superboxes: see has_id */
  gsize        offset;        /* of the box header inside the store bytes */
  gsize        header_len;    /* 8, or 16 with XLBox */
  gsize        total_len;     /* header + payload */

  /* For superboxes (type jumb) only: the description box. */
  guint8       uuid[16];
  guint8       toggles;
  gboolean     has_id;
  char        *label;         /* NULL when the label toggle is off */
  gsize        salt_offset;   /* c2sh private box payload, 0 when absent */
  gsize        salt_len;

  ClJumbfBox  *parent;        /* not owned */
  GPtrArray   *children;      /* owned ClJumbfBox*: every box after the jumd; NULL for content boxes */
  GHashTable  *label_index;   /* child label → child, built on first need in a large superbox */
  GBytes      *bytes;         /* the whole store (a reference held by every box) */
};

/* Parses the store bytes: exactly one superbox spanning them, of at most
 * CL_LIMIT_JUMBF_BOXES boxes. Errors: CL_JUMBF_ERROR. */
ClJumbfBox   *cl_jumbf_parse              (GBytes            *store,
                                           GError           **error);
void          cl_jumbf_box_free           (ClJumbfBox        *box);

gboolean      cl_jumbf_box_is_superbox    (const ClJumbfBox  *box);
gboolean      cl_jumbf_box_has_uuid       (const ClJumbfBox  *box,
                                           const guint8       uuid[16]);
/* The payload of a box (after its header). For a superbox that is what a hashed
 * URI hashes: the jumd with its header followed by every child box. */
const guint8 *cl_jumbf_box_payload        (const ClJumbfBox  *box,
                                           gsize             *len);
/* The whole box including its header. */
const guint8 *cl_jumbf_box_raw            (const ClJumbfBox  *box,
                                           gsize             *len);
/* The first child box of a given type (content boxes), or NULL. */
ClJumbfBox   *cl_jumbf_box_find_child_type (const ClJumbfBox *box,
                                            guint32           type);
/* Child superboxes labelled label; NULL when there is none or more than one
 * (an ambiguous path segment is unresolved, C2PA 2.2 §8.4.1). */
ClJumbfBox   *cl_jumbf_box_find_child_label (const ClJumbfBox *box,
                                             const char       *label);
/* The boxes of the tree under box, box included. */
guint         cl_jumbf_box_count          (const ClJumbfBox  *box);
/* Puts child (a tree of its own, taken) in place of the index-th child of box, which is
 * freed. For a compressed manifest, replaced by the manifest it holds. */
void          cl_jumbf_box_replace_child  (ClJumbfBox        *box,
                                           guint              index,
                                           ClJumbfBox        *child);
/* The path of a superbox from the root, e.g. "self#jumbf=/c2pa/urn:…/c2pa.signature". */
char         *cl_jumbf_box_uri            (const ClJumbfBox  *box);

/* Resolves a JUMBF URI ("self#jumbf=/c2pa/…" absolute, "self#jumbf=c2pa.assertions/x"
 * relative to the manifest superbox current_manifest, legacy "self#jumbf=c2pa/…").
 * Returns NULL when it does not resolve or is not a self#jumbf URI. */
ClJumbfBox   *cl_jumbf_resolve_uri        (ClJumbfBox        *root,
                                           ClJumbfBox        *current_manifest,
                                           const char        *uri);

/* URI helpers (pure string functions). */
/* The path after "self#jumbf=", normalised to an absolute path when it names the
 * store ("c2pa/…" → "/c2pa/…"); NULL for anything else. */
char         *cl_jumbf_uri_path           (const char        *uri);
/* The manifest label of an absolute URI ("/c2pa/<label>/…"), or NULL. */
char         *cl_jumbf_uri_manifest_label (const char        *uri);
/* The last path segment of a URI (an assertion label), or NULL. */
char         *cl_jumbf_uri_last_segment   (const char        *uri);
/* "self#jumbf=/c2pa/<manifest>/<relative>" for a relative URI; other URIs are returned as is. */
char         *cl_jumbf_uri_make_absolute  (const char        *manifest_label,
                                           const char        *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClJumbfBox, cl_jumbf_box_free)

G_END_DECLS
