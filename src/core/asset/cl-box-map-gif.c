/* cl-box-map-gif.c: a GIF file as c2pa-rs names its boxes for c2pa.hash.boxes.
 *
 * c2pa-rs (gif_io.rs get_box_map): the 6-byte header is a box "GIF89a" (whatever the
 * version), the logical screen descriptor "LSD" with the global colour table in it, then
 * every block to the trailer: extensions "21F9" (graphic control), "21FE" (comment),
 * "2101" (plain text), "21FF" (application) or "C2PA" (the C2PA_GIF application
 * extension), an image descriptor "2C" with its local colour table, its LZW code size and
 * data sub-blocks "TBID", the trailer "3B". A file without a store gets an empty "C2PA"
 * box where the writers insert one, after the colour table. A file that ends before the
 * trailer, or a block it does not know, makes c2pa-rs refuse the file, and so do we.
 * Bytes after the trailer are in no box.
 *
 * c2pa-rs reads a graphic control extension as 6 bytes after its label, and a plain text
 * extension as 11 bytes then data sub-blocks (one byte short of its 12-byte header): the
 * boxes follow what it reads, so that hashes made by it match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-box-map-gif.h"
#include "cl-c2pa-ids.h"

#define HEADER_LEN 6
#define SCREEN_DESCRIPTOR_LEN 7
#define IMAGE_DESCRIPTOR_LEN 9     /* after the 0x2C */
#define APP_HEAD_LEN 13            /* label, block size 11, identifier, authentication code */

typedef enum {
  G_HEADER,
  G_SCREEN,
  G_BLOCK,          /* the first byte of a block */
  G_EXTENSION,      /* an extension's label (and an application extension's id), held */
  G_IMAGE,          /* an image descriptor's fields */
  G_SUB_BLOCK,      /* a data sub-block's length byte */
  G_SKIP,           /* skip_left bytes, then what `then` says */
  G_DONE,           /* after the trailer */
} GifState;

typedef enum {
  THEN_SCREEN_DONE,     /* the global colour table */
  THEN_IMAGE_DONE,      /* a local colour table */
  THEN_SUB_BLOCKS,      /* the LZW code size, a sub-block's data, a plain text header */
  THEN_BLOCK_DONE,      /* a graphic control extension */
} GifThen;

typedef struct {
  GifState state;
  GifThen  then;
  gboolean has_store;
  guint8   head[APP_HEAD_LEN];
  gsize    head_len;
  guint64  block_start;
  guint64  skip_left;
  guint    box;
} GifScanner;


static gpointer
gif_state_new (gboolean has_store)
{
  GifScanner *g = g_new0 (GifScanner, 1);

  g->has_store = has_store;
  return g;
}


static void
gif_free (gpointer state)
{
  g_free (state);
}


static void
skip (GifScanner *g,
      guint64     len,
      GifThen     then)
{
  g->skip_left = len;
  g->then = then;
  g->state = G_SKIP;
}


static void
screen_done (ClBoxMapScanner *self,
             GifScanner      *g,
             guint64          end)
{
  cl_box_map_end (self, g->box, end);
  if (!g->has_store) {
    /* No store: c2pa-rs puts an empty C2PA box where writers insert one. */
    guint index = cl_box_map_begin (self, CL_BOX_MAP_C2PA, end);

    cl_box_map_end (self, index, end);
  }
  g->state = G_BLOCK;
}


/* The image descriptor (and its colour table) ends; its data begins. */
static void
image_done (ClBoxMapScanner *self,
            GifScanner      *g,
            guint64          end)
{
  cl_box_map_end (self, g->box, end);
  g->box = cl_box_map_begin (self, "TBID", end);
  skip (g, 1, THEN_SUB_BLOCKS);   /* the LZW minimum code size */
}


static void
header_byte (ClBoxMapScanner *self,
             GifScanner      *g,
             guint8           b,
             guint64          here)
{
  static const char *const versions = "87a89a";

  gboolean expected = here < 3 ? b == (guint8) "GIF"[here]
                                : b == (guint8) versions[here - 3] || b == (guint8) versions[here];

  if (!expected) {
    cl_box_map_fail (self, _("the file does not start like a GIF image"));
    return;
  }
  if (here == 0)
    g->box = cl_box_map_begin (self, "GIF89a", 0);
  if (here == HEADER_LEN - 1) {
    cl_box_map_end (self, g->box, HEADER_LEN);
    g->box = cl_box_map_begin (self, "LSD", HEADER_LEN);
    g->head_len = 0;
    g->state = G_SCREEN;
  }
}


static void
block_byte (ClBoxMapScanner *self,
            GifScanner      *g,
            guint8           b,
            guint64          here)
{
  g->block_start = here;
  g->head_len = 0;
  switch (b) {
  case 0x3B:
    g->box = cl_box_map_begin (self, "3B", here);
    cl_box_map_end (self, g->box, here + 1);
    g->state = G_DONE;
    break;
  case 0x2C:
    g->box = cl_box_map_begin (self, "2C", here);
    g->state = G_IMAGE;
    break;
  case 0x21:
    cl_box_map_hold (self, here);   /* named by what follows */
    g->state = G_EXTENSION;
    break;
  default:
    cl_box_map_fail (self, _("a GIF block of an unknown kind"));
    break;
  }
}


/* The label, and for an application extension its block size and identifier. */
static void
extension_byte (ClBoxMapScanner *self,
                GifScanner      *g,
                guint8           b)
{
  const char *name = NULL;

  g->head[g->head_len++] = b;
  if (g->head_len == 1) {
    switch (b) {
    case 0xFE: name = "21FE"; g->state = G_SUB_BLOCK; break;
    case 0xF9: name = "21F9"; skip (g, 6, THEN_BLOCK_DONE); break;
    case 0x01: name = "2101"; skip (g, 11, THEN_SUB_BLOCKS); break;
    case 0xFF: return;
    default:
      cl_box_map_fail (self, _("a GIF extension of an unknown kind"));
      return;
    }
  } else if (g->head_len == 2 && b != 0x0B) {
    cl_box_map_fail (self, _("a GIF application extension is broken"));
    return;
  } else if (g->head_len < APP_HEAD_LEN) {
    return;
  } else {
    name = memcmp (g->head + 2, CL_GIF_APP_C2PA, APP_HEAD_LEN - 2) == 0 ? CL_BOX_MAP_C2PA
                                                                         : "21FF";
    g->state = G_SUB_BLOCK;
  }
  g->box = cl_box_map_begin (self, name, g->block_start);
  cl_box_map_release (self);
}


static void
skip_done (ClBoxMapScanner *self,
           GifScanner      *g,
           guint64          here)
{
  switch (g->then) {
  case THEN_SCREEN_DONE:
    screen_done (self, g, here);
    break;
  case THEN_IMAGE_DONE:
    image_done (self, g, here);
    break;
  case THEN_BLOCK_DONE:
    cl_box_map_end (self, g->box, here);
    g->state = G_BLOCK;
    break;
  case THEN_SUB_BLOCKS:
  default:
    g->state = G_SUB_BLOCK;
    break;
  }
}


static void
gif_process (ClBoxMapScanner *self)
{
  GifScanner *g = self->state;

  while (self->pos < self->buf_len && !self->failed) {
    guint8 b = self->buf[self->pos];
    guint64 here = cl_box_map_offset (self);

    if (g->state == G_SKIP) {
      gsize n = (gsize) MIN ((guint64) (self->buf_len - self->pos), g->skip_left);

      self->pos += n;
      g->skip_left -= n;
      if (g->skip_left == 0)
        skip_done (self, g, cl_box_map_offset (self));
      continue;
    }
    if (g->state == G_DONE) {
      self->pos = self->buf_len;
      break;
    }
    self->pos++;
    switch (g->state) {
    case G_HEADER:
      header_byte (self, g, b, here);
      break;
    case G_SCREEN:
      g->head[g->head_len++] = b;
      if (g->head_len < SCREEN_DESCRIPTOR_LEN)
        break;
      if (g->head[4] & 0x80)
        skip (g, 3u << ((g->head[4] & 0x07) + 1), THEN_SCREEN_DONE);
      else
        screen_done (self, g, here + 1);
      break;
    case G_BLOCK:
      block_byte (self, g, b, here);
      break;
    case G_EXTENSION:
      extension_byte (self, g, b);
      break;
    case G_IMAGE:
      g->head[g->head_len++] = b;
      if (g->head_len < IMAGE_DESCRIPTOR_LEN)
        break;
      if (g->head[8] & 0x80)
        skip (g, 3u << ((g->head[8] & 0x07) + 1), THEN_IMAGE_DONE);
      else
        image_done (self, g, here + 1);
      break;
    case G_SUB_BLOCK:
      if (b == 0) {
        cl_box_map_end (self, g->box, here + 1);
        g->state = G_BLOCK;
      } else {
        skip (g, b, THEN_SUB_BLOCKS);
      }
      break;
    case G_SKIP:
    case G_DONE:
    default:
      break;
    }
  }
}


static void
gif_finish (ClBoxMapScanner *self)
{
  GifScanner *g = self->state;

  if (g->state != G_DONE)
    cl_box_map_fail (self, _("the GIF file ends before its trailer"));
}


const ClBoxMapFormat cl_box_map_gif = {
  gif_state_new,
  gif_process,
  gif_finish,
  gif_free,
};
