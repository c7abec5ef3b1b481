/* cl-box-map.c: the box-map scanner's plumbing: format dispatch and the ordered
 * hand-over of bytes and box events to the sink.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-box-map-private.h"


ClBoxMapScanner *
cl_box_map_scanner_new (ClAssetFormat        format,
                        gboolean             has_store,
                        const ClBoxMapSink  *sink,
                        gpointer             user_data)
{
  ClBoxMapScanner *self;

  if (format != CL_ASSET_FORMAT_JPEG && format != CL_ASSET_FORMAT_PNG)
    return NULL;
  self = g_new0 (ClBoxMapScanner, 1);
  self->format = format == CL_ASSET_FORMAT_JPEG ? &cl_box_map_jpeg : &cl_box_map_png;
  self->state = format == CL_ASSET_FORMAT_JPEG ? cl_box_map_jpeg_state_new (has_store)
                                               : cl_box_map_png_state_new (has_store);
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
cl_box_map_flush_to (ClBoxMapScanner *self,
                     guint64          upto)
{
  upto = MIN (upto, self->hold_from);
  while (self->emitted < upto) {
    const guint8 *from;
    gsize n;

    if (self->hold_len > 0 && self->emitted < self->hold_start + self->hold_len) {
      g_assert (self->emitted >= self->hold_start);
      n = (gsize) (MIN (upto, self->hold_start + self->hold_len) - self->emitted);
      from = self->hold + (self->emitted - self->hold_start);
    } else {
      g_assert (self->emitted >= self->buf_offset);
      n = (gsize) (MIN (upto, self->buf_offset + self->buf_len) - self->emitted);
      if (n == 0)
        break;
      from = self->buf + (self->emitted - self->buf_offset);
    }
    self->sink->data (from, n, self->user_data);
    self->emitted += n;
  }
  if (self->hold_len > 0 && self->emitted >= self->hold_start + self->hold_len)
    self->hold_len = 0;
}


void
cl_box_map_hold (ClBoxMapScanner *self,
                 guint64          from)
{
  g_assert (from >= self->emitted);
  if (self->hold_from == G_MAXUINT64)
    self->hold_from = from;
}


void
cl_box_map_release (ClBoxMapScanner *self)
{
  self->hold_from = G_MAXUINT64;
}


guint
cl_box_map_begin (ClBoxMapScanner *self,
                  const char      *name,
                  guint64          start)
{
  cl_box_map_flush_to (self, start);
  self->sink->begin (self->next_index, name, start, self->user_data);
  return self->next_index++;
}


void
cl_box_map_end (ClBoxMapScanner *self,
                guint            index,
                guint64          end)
{
  cl_box_map_flush_to (self, end);
  self->sink->end (index, end, self->user_data);
}


void
cl_box_map_discard (ClBoxMapScanner *self,
                    guint            first_index)
{
  if (first_index < self->next_index)
    self->sink->discard (first_index, self->user_data);
}


void
cl_box_map_fail (ClBoxMapScanner *self,
                 const char      *why)
{
  if (!self->failed)
    self->sink->fail (why, self->user_data);
  self->failed = TRUE;
  /* Nothing more is decided: every byte passes straight on. */
  cl_box_map_release (self);
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
