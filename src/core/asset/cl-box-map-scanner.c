/* cl-box-map-scanner.c: what the per-format box scanners stand on: the ordered hand-over
 * of bytes and box events to the sink, with the bytes a scanner holds back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-box-map-scanner.h"


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
