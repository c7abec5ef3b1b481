/* cl-trust-list-fetch.h: downloading the published trust lists (the official
 * C2PA lists, the legacy interim list) and replacing the local copy
 * atomically. Only ever run when the user asks (credlink-cli trust refresh,
 * or the background job when the user enabled it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "cl-http.h"
#include "cl-trust-list.h"

G_BEGIN_DECLS

typedef struct {
  const char      *name;          /* the local list name: "c2pa", "c2pa-tsa", "legacy" */
  ClTrustListKind  kind;
  const char      *anchors_url;   /* PEM anchors */
  const char      *allowed_url;   /* allowed end-entity list, or NULL */
  const char      *eku_url;       /* EKU config (store.cfg), or NULL */
  const char      *lote_url;      /* the JSON (LoTE) form naming the organisations, or NULL */
} ClTrustListSource;

/* The published lists, terminated by an entry whose name is NULL. */
const ClTrustListSource *cl_trust_list_sources       (void);
const ClTrustListSource *cl_trust_list_source_lookup (const char              *name);

/* TRUE when list is a copy of a published list as cl_trust_list_fetch() makes it: the
 * kind and the address of one of cl_trust_list_sources(). A file imported with an official
 * kind is not one, whatever it holds. */
gboolean     cl_trust_list_is_published  (ClTrustList             *list);
/* What to call the list for people (translated): the kind's description for a published
 * list and for the user's own kinds; "Imported: <file name>" for a list that claims an
 * official kind but was read from a file. */
char        *cl_trust_list_dup_label     (ClTrustList             *list);

/* Downloads the source's files over HTTPS, checks that they parse (at least
 * one anchor), and replaces trust_dir/<name>/ in one atomic rename. The
 * JSON form, when the source has one, is optional: it adds the organisations'
 * names and the list's issue date (the snapshot date, else the server's
 * Last-Modified, else now). session may be NULL
 * (one with a 30 s timeout is made). Blocks: call from a worker thread.
 * Returns the new list. */
ClTrustList *cl_trust_list_fetch (const ClTrustListSource *source,
                                  const char              *trust_dir,
                                  ClHttpSession           *session,
                                  GCancellable            *cancellable,
                                  GError                 **error);

/* The same in a GTask thread (for the UI's "Refresh now"); the result is the
 * new ClTrustList. source must stay valid until the callback (the entries of
 * cl_trust_list_sources() do). */
void         cl_trust_list_fetch_async  (const ClTrustListSource *source,
                                         const char              *trust_dir,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data);
ClTrustList *cl_trust_list_fetch_finish (GAsyncResult            *result,
                                         GError                 **error);

/* Writes list into trust_dir/<name>/ through a temporary folder and one
 * atomic exchange, so readers see the old list or the new one, never a mix. */
gboolean     cl_trust_list_install (ClTrustList  *list,
                                    const char   *trust_dir,
                                    GError      **error);

G_END_DECLS
