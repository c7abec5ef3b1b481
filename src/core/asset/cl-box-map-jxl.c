/* cl-box-map-jxl.c: a JPEG XL container as c2pa-rs names its boxes for c2pa.hash.boxes.
 *
 * c2pa-rs (jpegxl_io.rs get_box_map): every top-level box is a box named by its type, the
 * 12-byte signature box included ("JXL "); every jumb box is "C2PA" (c2pa-rs names them
 * all so, not only the one labelled c2pa); a type that is not UTF-8 is named with U+FFFD
 * in place of the bad bytes. A box of size 0 runs to the end of the file. A file that
 * does not start with the signature box, a box that runs past the end of the file and
 * more than CL_LIMIT_JXL_BOXES boxes make c2pa-rs refuse the file, and so do we; so does
 * a size shorter than the box's header. Without a store, an empty C2PA box stands right
 * after ftyp, where a writer puts one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-box-map-jxl.h"
#include "cl-limits.h"

typedef enum {
  J_HEADER,      /* a box's size and type, and a 64-bit size (held) */
  J_SKIP,        /* its payload */
  J_TO_END,      /* a payload that runs to the end of the file */
} JxlState;

typedef struct {
  JxlState state;
  gboolean has_store;
  guint8   header[16];
  gsize    header_len;
  gsize    header_want;
  guint64  box_start;
  guint64  skip_left;
  guint    box;
  guint    count;
  gboolean is_ftyp;
} JxlScanner;

static const guint8 jxl_signature[12] = { 0, 0, 0, 12, 'J', 'X', 'L', ' ',
                                          0x0D, 0x0A, 0x87, 0x0A };


static gpointer
jxl_state_new (gboolean has_store)
{
  JxlScanner *j = g_new0 (JxlScanner, 1);

  j->has_store = has_store;
  j->header_want = 8;
  return j;
}


static void
jxl_free (gpointer state)
{
  g_free (state);
}


static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}


static void
box_done (ClBoxMapScanner *self,
          JxlScanner      *j,
          guint64          end)
{
  cl_box_map_end (self, j->box, end);
  if (j->is_ftyp && !j->has_store) {
    guint index = cl_box_map_begin (self, CL_BOX_MAP_C2PA, end);

    cl_box_map_end (self, index, end);
    j->has_store = TRUE;   /* one, after the first ftyp */
  }
  j->state = J_HEADER;
  j->header_len = 0;
  j->header_want = 8;
}


/* The header is complete: name the box and learn its size. */
static void
header_done (ClBoxMapScanner *self,
             JxlScanner      *j)
{
  guint64 size = be32 (j->header);
  g_autofree char *name = NULL;

  if (j->count == 0 && memcmp (j->header, jxl_signature, 8) != 0) {
    cl_box_map_fail (self, _("the file does not start like a JPEG XL container"));
    return;
  }
  if (++j->count > CL_LIMIT_JXL_BOXES) {
    cl_box_map_fail (self, _("the JPEG XL file has too many boxes"));
    return;
  }
  if (size == 1) {
    size = ((guint64) be32 (j->header + 8) << 32) | be32 (j->header + 12);
  }
  if (size != 0 && size < j->header_want) {
    cl_box_map_fail (self, _("a JPEG XL box is shorter than its header"));
    return;
  }
  j->is_ftyp = memcmp (j->header + 4, "ftyp", 4) == 0;
  name = memcmp (j->header + 4, "jumb", 4) == 0 ? g_strdup (CL_BOX_MAP_C2PA)
                                                 : g_utf8_make_valid ((const char *) j->header + 4, 4);
  j->box = cl_box_map_begin (self, name, j->box_start);
  cl_box_map_release (self);
  if (size == 0) {
    j->state = J_TO_END;
  } else {
    j->skip_left = size - j->header_want;
    j->state = J_SKIP;
    if (j->skip_left == 0)
      box_done (self, j, j->box_start + size);
  }
}


static void
jxl_process (ClBoxMapScanner *self)
{
  JxlScanner *j = self->state;

  while (self->pos < self->buf_len && !self->failed) {
    gsize avail = self->buf_len - self->pos;

    switch (j->state) {
    case J_HEADER:
      if (j->header_len == 0) {
        j->box_start = cl_box_map_offset (self);
        cl_box_map_hold (self, j->box_start);
      }
      j->header[j->header_len++] = self->buf[self->pos++];
      if (j->header_len == 8 && be32 (j->header) == 1)
        j->header_want = 16;
      if (j->header_len == j->header_want)
        header_done (self, j);
      break;

    case J_SKIP: {
      gsize n = (gsize) MIN ((guint64) avail, j->skip_left);

      self->pos += n;
      j->skip_left -= n;
      if (j->skip_left == 0)
        box_done (self, j, cl_box_map_offset (self));
      break;
    }

    case J_TO_END:
    default:
      self->pos = self->buf_len;
      break;
    }
  }
}


static void
jxl_finish (ClBoxMapScanner *self)
{
  JxlScanner *j = self->state;

  if (j->state == J_TO_END)
    box_done (self, j, cl_box_map_offset (self));
  else if (j->state == J_SKIP)
    cl_box_map_fail (self, _("a JPEG XL box runs past the end of the file"));
  else if (j->header_len != 0)
    cl_box_map_fail (self, _("the JPEG XL file ends inside a box header"));
  else if (j->count == 0)
    cl_box_map_fail (self, _("the file does not start like a JPEG XL container"));
}


const ClBoxMapFormat cl_box_map_jxl = {
  jxl_state_new,
  jxl_process,
  jxl_finish,
  jxl_free,
};
