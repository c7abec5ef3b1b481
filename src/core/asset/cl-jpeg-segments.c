/* cl-jpeg-segments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-jpeg-segments.h"

/* A JPEG's leading segments fit in one block, most of the time; a scan is read in many. */
#define BLOCK_SIZE (64 * 1024)

struct _ClJpegSegments {
  GInputStream *stream;
  guint64       offset;       /* of block[pos] */
  gsize         pos;
  gsize         len;          /* bytes in the block; the stream stands after them */
  guint8        block[BLOCK_SIZE];
};


ClJpegSegments *
cl_jpeg_segments_new (GInputStream  *stream,
                      guint64        offset,
                      GCancellable  *cancellable,
                      GError       **error)
{
  ClJpegSegments *self;

  if (offset > G_MAXINT64 ||
      !g_seekable_seek (G_SEEKABLE (stream), (goffset) offset, G_SEEK_SET, cancellable, error))
    return NULL;
  self = g_malloc (sizeof *self);
  self->stream = g_object_ref (stream);
  self->offset = offset;
  self->pos = 0;
  self->len = 0;
  return self;
}


void
cl_jpeg_segments_free (ClJpegSegments *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_free (self);
}


guint64
cl_jpeg_segments_offset (ClJpegSegments *self)
{
  return self->offset;
}


static void
advance (ClJpegSegments *self,
         gsize           count)
{
  self->pos += count;
  self->offset += count;
}


/* Makes sure the block holds at least one unread byte. */
static ClJpegWalk
fill (ClJpegSegments  *self,
      GCancellable    *cancellable,
      GError         **error)
{
  gsize got = 0;

  if (self->pos < self->len)
    return CL_JPEG_WALK_OK;
  if (!g_input_stream_read_all (self->stream, self->block, sizeof self->block, &got,
                                cancellable, error))
    return CL_JPEG_WALK_ERROR;
  self->pos = 0;
  self->len = got;
  return got > 0 ? CL_JPEG_WALK_OK : CL_JPEG_WALK_END;
}


/* Skips the bytes before the next 0xFF, at most CL_JPEG_MAX_STRAY_BYTES of them. Files
 * from some cameras carry a few between two segments; libjpeg skips them (next_marker,
 * with a warning) and so does c2pa-rs, so they are no reason to call the file broken. */
static ClJpegWalk
skip_stray_bytes (ClJpegSegments  *self,
                  GCancellable    *cancellable,
                  GError         **error)
{
  gsize left = CL_JPEG_MAX_STRAY_BYTES;

  for (;;) {
    ClJpegWalk walk = fill (self, cancellable, error);
    const guint8 *start, *ff;
    gsize n;

    if (walk != CL_JPEG_WALK_OK)
      return walk;
    start = self->block + self->pos;
    n = MIN (self->len - self->pos, left + 1);
    ff = memchr (start, 0xFF, n);
    if (ff != NULL) {
      advance (self, (gsize) (ff - start));
      return CL_JPEG_WALK_OK;
    }
    if (n > left)
      return CL_JPEG_WALK_NOT_MARKER;   /* too many: this is not a JPEG stream here */
    advance (self, n);
    left -= n;
  }
}


ClJpegWalk
cl_jpeg_segments_next_marker (ClJpegSegments  *self,
                              guint8          *marker,
                              guint64         *marker_offset,
                              GCancellable    *cancellable,
                              GError         **error)
{
  ClJpegWalk walk;

  *marker_offset = self->offset;
  if ((walk = fill (self, cancellable, error)) != CL_JPEG_WALK_OK)
    return walk;
  if (self->block[self->pos] != 0xFF) {
    /* On failure marker_offset stays where the stray bytes start. */
    if ((walk = skip_stray_bytes (self, cancellable, error)) != CL_JPEG_WALK_OK)
      return walk;
  }
  /* Any number of 0xFF fill bytes may come before the code (ISO 10918-1 B.1.1.2). */
  do {
    *marker_offset = self->offset;
    advance (self, 1);
    if ((walk = fill (self, cancellable, error)) != CL_JPEG_WALK_OK)
      return walk;
  } while (self->block[self->pos] == 0xFF);
  *marker = self->block[self->pos];
  advance (self, 1);
  return CL_JPEG_WALK_OK;
}


ClJpegWalk
cl_jpeg_segments_read (ClJpegSegments  *self,
                       guint8          *buffer,
                       gsize            len,
                       GCancellable    *cancellable,
                       GError         **error)
{
  while (len > 0) {
    ClJpegWalk walk = fill (self, cancellable, error);
    gsize n;

    if (walk != CL_JPEG_WALK_OK)
      return walk;
    n = MIN (len, self->len - self->pos);
    memcpy (buffer, self->block + self->pos, n);
    advance (self, n);
    buffer += n;
    len -= n;
  }
  return CL_JPEG_WALK_OK;
}


ClJpegWalk
cl_jpeg_segments_read_length (ClJpegSegments  *self,
                              guint           *length,
                              GCancellable    *cancellable,
                              GError         **error)
{
  guint8 bytes[2];
  ClJpegWalk walk = cl_jpeg_segments_read (self, bytes, sizeof bytes, cancellable, error);

  if (walk == CL_JPEG_WALK_OK)
    *length = ((guint) bytes[0] << 8) | bytes[1];
  return walk;
}


ClJpegWalk
cl_jpeg_segments_skip (ClJpegSegments  *self,
                       guint64          len,
                       GCancellable    *cancellable,
                       GError         **error)
{
  gsize in_block = (gsize) MIN (len, (guint64) (self->len - self->pos));

  advance (self, in_block);
  len -= in_block;
  /* Beyond the block: the stream skips (a file seeks) instead of reading. */
  while (len > 0) {
    gssize skipped = g_input_stream_skip (self->stream, (gsize) MIN (len, G_MAXSSIZE),
                                          cancellable, error);

    if (skipped < 0)
      return CL_JPEG_WALK_ERROR;
    if (skipped == 0)
      return CL_JPEG_WALK_END;
    self->offset += (guint64) skipped;
    len -= (guint64) skipped;
  }
  return CL_JPEG_WALK_OK;
}


ClJpegWalk
cl_jpeg_segments_skip_entropy_data (ClJpegSegments  *self,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  for (;;) {
    ClJpegWalk walk = fill (self, cancellable, error);
    const guint8 *start, *ff;

    if (walk != CL_JPEG_WALK_OK)
      return walk;
    start = self->block + self->pos;
    ff = memchr (start, 0xFF, self->len - self->pos);
    if (ff != NULL) {
      advance (self, (gsize) (ff - start));
      return CL_JPEG_WALK_OK;
    }
    advance (self, self->len - self->pos);
  }
}


gboolean
cl_jpeg_marker_has_length (guint8 marker)
{
  /* ISO 10918-1 Table B.1: SOI, EOI, RST0..RST7 and TEM stand alone. */
  return !(marker == CL_JPEG_SOI || marker == CL_JPEG_EOI ||
           (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01);
}
