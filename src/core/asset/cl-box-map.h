/* cl-box-map.h: an asset seen as the sequence of named boxes that a C2PA box hash
 * (c2pa.hash.boxes, C2PA 2.2 §9.3) refers to, found while the file streams by.
 *
 * A box hash lists box names ("SOI", "APP0", "C2PA", "SOS", "IDAT", …) in file order and
 * the hash of each group of consecutive boxes. What counts as a box and what it is called
 * is not in the specification: it is what c2pa-rs's asset handlers report (get_box_map),
 * so these scanners follow c2pa-rs, quirks included (see cl-box-map-jpeg.c).
 *
 * A scanner is fed the file in order and passes every byte on to its sink exactly once,
 * with box events placed between the bytes at their exact offsets: begin() before the
 * first byte of a box, end() after its last. Boxes may nest (a JPEG restart marker lies
 * inside its scan). Box indices count from 0 in order of their start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-asset-info.h"
#include "cl-box-map-sink.h"

G_BEGIN_DECLS


/* NULL when the format has no box map (JPEG, PNG, GIF and JPEG XL have one, as in c2pa-rs).
 * has_store: whether the file carries its manifest store; without one (a remote
 * manifest) an empty C2PA box stands where a writer would have put it, as c2pa-rs does. */
ClBoxMapScanner *cl_box_map_scanner_new    (ClAssetFormat        format,
                                            gboolean             has_store,
                                            const ClBoxMapSink  *sink,
                                            gpointer             user_data);
void             cl_box_map_scanner_free   (ClBoxMapScanner     *self);
/* The next len bytes of the file. */
void             cl_box_map_scanner_feed   (ClBoxMapScanner     *self,
                                            const guint8        *data,
                                            gsize                len);
/* The end of the file. */
void             cl_box_map_scanner_finish (ClBoxMapScanner     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClBoxMapScanner, cl_box_map_scanner_free)

G_END_DECLS
