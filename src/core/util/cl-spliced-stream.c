/* cl-spliced-stream.c
 *
 * Offsets in the view: [0, at) are base[0, at), [at, at + gap) are zeros,
 * [at + gap, size + gap) are base[at, size).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-spliced-stream.h"

struct _ClSplicedStream
{
  GInputStream  parent_instance;

  GInputStream *base;
  guint64       at;
  guint64       gap;
  guint64       base_size;
  guint64       position;   /* in the view */
};

static void cl_spliced_stream_seekable_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ClSplicedStream, cl_spliced_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE,
                                                      cl_spliced_stream_seekable_init))


static gssize
cl_spliced_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  ClSplicedStream *self = CL_SPLICED_STREAM (stream);
  guint64 total = self->base_size + self->gap;
  guint64 pos = self->position;
  gssize n;

  if (pos >= total || count == 0)
    return 0;
  count = (gsize) MIN ((guint64) count, total - pos);

  if (pos >= self->at && pos < self->at + self->gap) {
    /* Inside the inserted zeros. */
    n = (gssize) MIN ((guint64) count, self->at + self->gap - pos);
    memset (buffer, 0, (gsize) n);
  } else {
    guint64 base_pos = pos < self->at ? pos : pos - self->gap;
    guint64 limit = pos < self->at ? self->at - pos : count;

    if (!g_seekable_seek (G_SEEKABLE (self->base), (goffset) base_pos, G_SEEK_SET,
                          cancellable, error))
      return -1;
    n = g_input_stream_read (self->base, buffer, (gsize) MIN ((guint64) count, limit),
                             cancellable, error);
    if (n < 0)
      return -1;
  }
  self->position += (guint64) n;
  return n;
}


static goffset
cl_spliced_stream_tell (GSeekable *seekable)
{
  return (goffset) CL_SPLICED_STREAM (seekable)->position;
}


static gboolean
cl_spliced_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}


static gboolean
cl_spliced_stream_seek (GSeekable     *seekable,
                        goffset        offset,
                        GSeekType      type,
                        GCancellable  *cancellable,
                        GError       **error)
{
  ClSplicedStream *self = CL_SPLICED_STREAM (seekable);
  gint64 total = (gint64) (self->base_size + self->gap);
  gint64 target = type == G_SEEK_SET ? offset
                : type == G_SEEK_CUR ? (gint64) self->position + offset
                : total + offset;

  if (target < 0 || target > total) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Seek outside the stream"));
    return FALSE;
  }
  self->position = (guint64) target;
  return TRUE;
}


static gboolean
cl_spliced_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}


static gboolean
cl_spliced_stream_truncate (GSeekable     *seekable,
                            goffset        offset,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This stream is read-only"));
  return FALSE;
}


static void
cl_spliced_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = cl_spliced_stream_tell;
  iface->can_seek = cl_spliced_stream_can_seek;
  iface->seek = cl_spliced_stream_seek;
  iface->can_truncate = cl_spliced_stream_can_truncate;
  iface->truncate_fn = cl_spliced_stream_truncate;
}


static void
cl_spliced_stream_finalize (GObject *object)
{
  g_clear_object (&CL_SPLICED_STREAM (object)->base);

  G_OBJECT_CLASS (cl_spliced_stream_parent_class)->finalize (object);
}


static void
cl_spliced_stream_class_init (ClSplicedStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_spliced_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = cl_spliced_stream_read;
}


static void
cl_spliced_stream_init (ClSplicedStream *self)
{
}


GInputStream *
cl_spliced_stream_new (GInputStream  *base,
                       guint64        at,
                       guint64        gap_length,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(ClSplicedStream) self = NULL;
  goffset end;

  g_return_val_if_fail (G_IS_SEEKABLE (base), NULL);

  if (!g_seekable_seek (G_SEEKABLE (base), 0, G_SEEK_END, cancellable, error))
    return NULL;
  end = g_seekable_tell (G_SEEKABLE (base));
  if (end < 0 || at > (guint64) end || gap_length > G_MAXINT64 - (guint64) end) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("The insertion point lies past the end of the file"));
    return NULL;
  }
  self = g_object_new (CL_TYPE_SPLICED_STREAM, NULL);
  self->base = g_object_ref (base);
  self->at = at;
  self->gap = gap_length;
  self->base_size = (guint64) end;
  return G_INPUT_STREAM (g_steal_pointer (&self));
}
