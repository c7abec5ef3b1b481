/* cl-box-map-png.c: a PNG file as c2pa-rs names its boxes for c2pa.hash.boxes.
 *
 * c2pa-rs (png_io.rs get_box_map): the 8-byte signature is a box "PNGh"; every chunk up
 * to IEND is a box named by its type and covers length, type, data and CRC; the caBX
 * chunk is the box "C2PA". A chunk cut off by the end of the file, a missing IEND or a
 * chunk type that is not UTF-8 make c2pa-rs refuse the file, and so do we. Bytes after
 * IEND are in no box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-box-map-png.h"
#include "cl-c2pa-ids.h"

typedef enum {
  P_SIGNATURE,
  P_HEADER,      /* a chunk's length and type (held) */
  P_SKIP,        /* its data and CRC */
  P_DONE,        /* after IEND */
} PngState;

typedef struct {
  PngState state;
  gboolean has_store;
  guint8   header[8];
  gsize    header_len;
  guint64  chunk_start;
  guint64  chunk_end;
  guint64  skip_left;
  guint    box;
  gboolean is_ihdr;
  gboolean is_iend;
} PngScanner;


static gpointer
png_state_new (gboolean has_store)
{
  PngScanner *p = g_new0 (PngScanner, 1);

  p->has_store = has_store;
  return p;
}


static void
png_free (gpointer state)
{
  g_free (state);
}


static void
chunk_done (ClBoxMapScanner *self,
            PngScanner      *p)
{
  cl_box_map_end (self, p->box, p->chunk_end);
  if (p->is_ihdr && !p->has_store) {
    /* No store: c2pa-rs puts an empty C2PA box where writers put caBX. */
    guint index = cl_box_map_begin (self, CL_BOX_MAP_C2PA, p->chunk_end);

    cl_box_map_end (self, index, p->chunk_end);
  }
  p->state = p->is_iend ? P_DONE : P_HEADER;
  p->header_len = 0;
}


static void
header_done (ClBoxMapScanner *self,
             PngScanner      *p)
{
  guint32 length = ((guint32) p->header[0] << 24) | ((guint32) p->header[1] << 16) |
                   ((guint32) p->header[2] << 8) | p->header[3];
  char type[5];

  memcpy (type, p->header + 4, 4);
  type[4] = '\0';
  if (!g_utf8_validate_len (type, 4, NULL)) {
    cl_box_map_fail (self, _("a PNG chunk type is not text"));
    return;
  }
  p->is_ihdr = g_str_equal (type, "IHDR");
  p->is_iend = g_str_equal (type, "IEND");
  p->box = cl_box_map_begin (self, memcmp (type, CL_PNG_CHUNK_CABX, 4) == 0 ? CL_BOX_MAP_C2PA
                                                                             : type,
                             p->chunk_start);
  cl_box_map_release (self);
  p->skip_left = (guint64) length + 4;
  p->chunk_end = p->chunk_start + 8 + p->skip_left;
  p->state = P_SKIP;
}


static void
png_process (ClBoxMapScanner *self)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  PngScanner *p = self->state;

  while (self->pos < self->buf_len && !self->failed) {
    guint8 b = self->buf[self->pos];
    guint64 here = cl_box_map_offset (self);
    gsize avail = self->buf_len - self->pos;

    switch (p->state) {
    case P_SIGNATURE:
      if (b != signature[here]) {
        cl_box_map_fail (self, _("the file does not start like a PNG image"));
        return;
      }
      if (here == 0)
        p->box = cl_box_map_begin (self, "PNGh", 0);
      if (here == 7) {
        cl_box_map_end (self, p->box, 8);
        p->state = P_HEADER;
      }
      self->pos++;
      break;

    case P_HEADER:
      if (p->header_len == 0) {
        p->chunk_start = here;
        cl_box_map_hold (self, here);
      }
      p->header[p->header_len++] = b;
      self->pos++;
      if (p->header_len == 8)
        header_done (self, p);
      break;

    case P_SKIP: {
      gsize n = (gsize) MIN ((guint64) avail, p->skip_left);

      self->pos += n;
      p->skip_left -= n;
      if (p->skip_left == 0)
        chunk_done (self, p);
      break;
    }

    case P_DONE:
    default:
      self->pos = self->buf_len;
      break;
    }
  }
}


static void
png_finish (ClBoxMapScanner *self)
{
  PngScanner *p = self->state;

  if (p->state != P_DONE)
    cl_box_map_fail (self, p->state == P_HEADER && p->header_len == 0
                           ? _("the PNG file ends without an IEND chunk")
                           : _("the PNG file ends inside a chunk"));
}


const ClBoxMapFormat cl_box_map_png = {
  png_state_new,
  png_process,
  png_finish,
  png_free,
};
