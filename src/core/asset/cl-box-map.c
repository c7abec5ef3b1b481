/* cl-box-map.c: the box-map scanner's front: it picks the format's scanner and feeds it
 * (the hand-over to the sink that the scanners share is cl-box-map-scanner.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-box-map.h"
#include "cl-box-map-gif.h"
#include "cl-box-map-jpeg.h"
#include "cl-box-map-jxl.h"
#include "cl-box-map-png.h"
#include "cl-box-map-scanner.h"


ClBoxMapScanner *
cl_box_map_scanner_new (ClAssetFormat        format,
                        gboolean             has_store,
                        const ClBoxMapSink  *sink,
                        gpointer             user_data)
{
  ClBoxMapScanner *self;
  const ClBoxMapFormat *scanner;

  switch (format) {
  case CL_ASSET_FORMAT_JPEG: scanner = &cl_box_map_jpeg; break;
  case CL_ASSET_FORMAT_PNG: scanner = &cl_box_map_png; break;
  case CL_ASSET_FORMAT_GIF: scanner = &cl_box_map_gif; break;
  case CL_ASSET_FORMAT_JXL: scanner = &cl_box_map_jxl; break;
  default:
    return NULL;   /* c2pa-rs has no box hash for the others */
  }
  self = g_new0 (ClBoxMapScanner, 1);
  self->format = scanner;
  self->state = self->format->state_new (has_store);
  self->sink = sink;
  self->user_data = user_data;
  self->has_store = has_store;
  self->hold_from = G_MAXUINT64;
  return self;
}


void
cl_box_map_scanner_free (ClBoxMapScanner *self)
{
  if (self == NULL)
    return;
  self->format->free (self->state);
  g_free (self);
}


void
cl_box_map_scanner_feed (ClBoxMapScanner *self,
                         const guint8    *data,
                         gsize            len)
{
  guint64 end;

  self->buf = data;
  self->buf_offset += self->buf_len;
  self->buf_len = len;
  self->pos = 0;
  end = self->buf_offset + len;

  if (!self->failed)
    self->format->process (self);

  /* Pass on what is decided; keep what is held for the next buffer. */
  cl_box_map_flush_to (self, end);
  if (self->hold_from < end) {
    guint64 from = MAX (self->emitted, self->buf_offset);
    gsize n = (gsize) (end - from);

    if (self->hold_len == 0)
      self->hold_start = from;
    g_assert (self->hold_start + self->hold_len == from);
    g_assert (self->hold_len + n <= CL_BOX_MAP_HOLD_MAX);
    memcpy (self->hold + self->hold_len, data + (from - self->buf_offset), n);
    self->hold_len += n;
  }
  self->buf = NULL;
}


void
cl_box_map_scanner_finish (ClBoxMapScanner *self)
{
  if (!self->failed)
    self->format->finish (self);
  cl_box_map_release (self);
  cl_box_map_flush_to (self, self->buf_offset + self->buf_len);
}
