/* cl-parent-time-stamp.h: when an image that already carries credentials is signed with
 * a time-stamp server, the parent's signature is time-stamped too if it has no time-stamp
 * of its own (a c2pa.time-stamp assertion, C2PA 2.2; c2pa-rs's auto_timestamp_assertion
 * for the parent). Its certificate may then expire without the parent losing its
 * signing time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A TimeStampToken from tsa_url over the raw signature bytes of the manifest labelled
 * parent_label in parent_store (the imprint c2pa-rs checks). NULL without an error when
 * that signature carries a time-stamp already or cannot be read (nothing to add).
 * Blocking: call from a worker thread. */
GBytes *cl_parent_time_stamp_fetch (GBytes        *parent_store,
                                    const char    *parent_label,
                                    const char    *tsa_url,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
