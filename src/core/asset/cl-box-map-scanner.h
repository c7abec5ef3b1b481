/* cl-box-map-scanner.h: a box-map scanner, as the per-format scanners (cl-box-map-jpeg.c,
 * cl-box-map-png.c) see it, and the hand-over to the sink they stand on
 * (cl-box-map-scanner.c). cl-box-map.c picks a format and feeds its scanner.
 *
 * A scanner may hold bytes back (at most CL_BOX_MAP_HOLD_MAX, across feed calls) while it
 * decides whether they start a box and what it is called, so that begin() still comes
 * before the box's first byte. Everything else goes to the sink as soon as it is seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-box-map-sink.h"

G_BEGIN_DECLS

#define CL_BOX_MAP_HOLD_MAX 64

typedef struct {
  gpointer (*state_new) (gboolean has_store);
  /* Consumes the bytes of the current buffer from self->pos on; advances self->pos. */
  void (*process) (ClBoxMapScanner *self);
  void (*finish)  (ClBoxMapScanner *self);
  void (*free)    (gpointer         state);
} ClBoxMapFormat;

struct _ClBoxMapScanner {
  const ClBoxMapFormat *format;
  gpointer              state;
  const ClBoxMapSink   *sink;
  gpointer              user_data;
  gboolean              has_store;

  /* The buffer being fed: bytes [buf_offset, buf_offset + buf_len); pos is the index of
   * the next one to look at (so its offset is buf_offset + pos). */
  const guint8         *buf;
  guint64               buf_offset;
  gsize                 buf_len;
  gsize                 pos;

  guint64               emitted;      /* bytes before this offset went to the sink */
  guint64               hold_from;    /* G_MAXUINT64: nothing held */
  guint8                hold[CL_BOX_MAP_HOLD_MAX];
  guint64               hold_start;   /* offset of hold[0] */
  gsize                 hold_len;

  guint                 next_index;
  gboolean              failed;
};

static inline guint64
cl_box_map_offset (ClBoxMapScanner *self)
{
  return self->buf_offset + self->pos;
}

/* Passes every byte before upto on to the sink (never beyond a hold). */
void  cl_box_map_flush_to (ClBoxMapScanner *self,
                           guint64          upto);
/* Holds bytes from offset from (not yet passed on) until cl_box_map_release(). */
void  cl_box_map_hold     (ClBoxMapScanner *self,
                           guint64          from);
void  cl_box_map_release  (ClBoxMapScanner *self);
/* A box starting at start (the bytes before it are passed on first). Returns its index. */
guint cl_box_map_begin    (ClBoxMapScanner *self,
                           const char      *name,
                           guint64          start);
void  cl_box_map_end      (ClBoxMapScanner *self,
                           guint            index,
                           guint64          end);
void  cl_box_map_discard  (ClBoxMapScanner *self,
                           guint            first_index);
void  cl_box_map_fail     (ClBoxMapScanner *self,
                           const char      *why);

G_END_DECLS
