/* cl-asset-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-layout.h"
#include "cl-error.h"

#define EMIT_BUFFER_SIZE (256 * 1024)

typedef enum {
  PIECE_SOURCE,
  PIECE_BYTES,
  PIECE_CARRIER,
} PieceKind;

typedef struct {
  PieceKind  kind;
  guint64    offset;     /* in the source, for PIECE_SOURCE */
  guint64    length;
  GBytes    *bytes;      /* for PIECE_BYTES */
} Piece;

struct _ClAssetLayout {
  GArray     *pieces;    /* of Piece */
  guint64     size;
  gboolean    has_carrier;
  ClByteRange carrier;
};


static void
piece_clear (Piece *piece)
{
  g_clear_pointer (&piece->bytes, g_bytes_unref);
}


ClAssetLayout *
cl_asset_layout_new (void)
{
  ClAssetLayout *layout = g_new0 (ClAssetLayout, 1);

  layout->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (layout->pieces, (GDestroyNotify) piece_clear);
  return layout;
}


void
cl_asset_layout_free (ClAssetLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->pieces);
  g_free (layout);
}


void
cl_asset_layout_add_source (ClAssetLayout *layout,
                            guint64        offset,
                            guint64        length)
{
  Piece piece = { PIECE_SOURCE, offset, length, NULL };

  if (length == 0)
    return;
  g_array_append_val (layout->pieces, piece);
  layout->size += length;
}


void
cl_asset_layout_add_source_except (ClAssetLayout *layout,
                                   guint64        from,
                                   guint64        to,
                                   GArray        *skip)
{
  guint64 position = from;

  for (guint i = 0; skip != NULL && i < skip->len && position < to; i++) {
    ClByteRange *range = &g_array_index (skip, ClByteRange, i);
    guint64 range_end = range->start + range->length;

    if (range_end <= position)
      continue;
    if (range->start >= to)
      break;
    if (range->start > position)
      cl_asset_layout_add_source (layout, position, range->start - position);
    position = MIN (range_end, to);
  }
  if (position < to)
    cl_asset_layout_add_source (layout, position, to - position);
}


void
cl_asset_layout_add_bytes (ClAssetLayout *layout,
                           GBytes        *bytes)
{
  Piece piece = { PIECE_BYTES, 0, g_bytes_get_size (bytes), g_bytes_ref (bytes) };

  if (piece.length == 0) {
    g_bytes_unref (piece.bytes);
    return;
  }
  g_array_append_val (layout->pieces, piece);
  layout->size += piece.length;
}


static void
append_piece (GArray    *pieces,
              PieceKind  kind,
              guint64    offset,
              guint64    length,
              GBytes    *bytes)
{
  Piece piece = { kind, offset, length, bytes != NULL ? g_bytes_ref (bytes) : NULL };

  if (length > 0)
    g_array_append_val (pieces, piece);
  else
    piece_clear (&piece);
}


gboolean
cl_asset_layout_replace_source (ClAssetLayout *layout,
                                guint64        offset,
                                GBytes        *bytes)
{
  guint64 len = g_bytes_get_size (bytes);
  guint64 end, replaced = 0;
  GArray *pieces;

  if (len == 0 || len > G_MAXUINT64 - offset)
    return len == 0;
  end = offset + len;
  pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (pieces, (GDestroyNotify) piece_clear);
  for (guint i = 0; i < layout->pieces->len; i++) {
    const Piece *piece = &g_array_index (layout->pieces, Piece, i);
    guint64 piece_end = piece->offset + piece->length;
    g_autoptr(GBytes) part = NULL;
    guint64 from, to;

    if (piece->kind != PIECE_SOURCE || piece_end <= offset || piece->offset >= end) {
      Piece copy = *piece;

      if (copy.bytes != NULL)
        g_bytes_ref (copy.bytes);
      g_array_append_val (pieces, copy);
      continue;
    }
    from = MAX (piece->offset, offset);
    to = MIN (piece_end, end);
    part = g_bytes_new_from_bytes (bytes, from - offset, to - from);
    append_piece (pieces, PIECE_SOURCE, piece->offset, from - piece->offset, NULL);
    append_piece (pieces, PIECE_BYTES, 0, to - from, part);
    append_piece (pieces, PIECE_SOURCE, to, piece_end - to, NULL);
    replaced += to - from;
  }
  if (replaced != len) {
    g_array_unref (pieces);
    return FALSE;
  }
  g_array_unref (layout->pieces);
  layout->pieces = pieces;
  return TRUE;
}


void
cl_asset_layout_add_carrier (ClAssetLayout *layout,
                             guint64        carrier_length)
{
  Piece piece = { PIECE_CARRIER, 0, carrier_length, NULL };

  g_return_if_fail (!layout->has_carrier);
  layout->has_carrier = TRUE;
  layout->carrier.start = layout->size;
  layout->carrier.length = carrier_length;
  g_array_append_val (layout->pieces, piece);
  layout->size += carrier_length;
}


ClByteRange
cl_asset_layout_get_carrier (ClAssetLayout *layout)
{
  return layout->carrier;
}


guint64
cl_asset_layout_get_size (ClAssetLayout *layout)
{
  return layout->size;
}


gboolean
cl_asset_layout_same_but_carrier (ClAssetLayout *a,
                                  ClAssetLayout *b)
{
  if (a->pieces->len != b->pieces->len || a->carrier.start != b->carrier.start)
    return FALSE;
  for (guint i = 0; i < a->pieces->len; i++) {
    const Piece *piece_a = &g_array_index (a->pieces, Piece, i);
    const Piece *piece_b = &g_array_index (b->pieces, Piece, i);

    if (piece_a->kind != piece_b->kind)
      return FALSE;
    if (piece_a->kind == PIECE_SOURCE &&
        (piece_a->offset != piece_b->offset || piece_a->length != piece_b->length))
      return FALSE;
    if (piece_a->kind == PIECE_BYTES && !g_bytes_equal (piece_a->bytes, piece_b->bytes))
      return FALSE;
  }
  return TRUE;
}


static gboolean
emit_source (GInputStream           *source,
             const Piece            *piece,
             guint8                 *buffer,
             ClAssetLayoutEmitFunc   emit,
             gpointer                user_data,
             GCancellable           *cancellable,
             GError                **error)
{
  guint64 done = 0;

  if (!g_seekable_seek (G_SEEKABLE (source), (goffset) piece->offset, G_SEEK_SET, cancellable,
                        error))
    return FALSE;
  while (done < piece->length) {
    gsize want = (gsize) MIN (piece->length - done, (guint64) EMIT_BUFFER_SIZE);
    gsize got = 0;

    if (!g_input_stream_read_all (source, buffer, want, &got, cancellable, error))
      return FALSE;
    if (got != want) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                           _("The source file changed while it was being signed"));
      return FALSE;
    }
    if (!emit (buffer, got, user_data, error))
      return FALSE;
    done += got;
  }
  return TRUE;
}


static gboolean
emit_bytes (GBytes                 *bytes,
            ClAssetLayoutEmitFunc   emit,
            gpointer                user_data,
            GError                **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  for (gsize done = 0; done < len; done += EMIT_BUFFER_SIZE) {
    if (!emit (data + done, MIN (len - done, (gsize) EMIT_BUFFER_SIZE), user_data, error))
      return FALSE;
  }
  return TRUE;
}


gboolean
cl_asset_layout_emit (ClAssetLayout          *layout,
                      GInputStream           *source,
                      GBytes                 *carrier,
                      ClAssetLayoutEmitFunc   emit,
                      gpointer                user_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autofree guint8 *buffer = g_malloc (EMIT_BUFFER_SIZE);

  g_return_val_if_fail (carrier == NULL || g_bytes_get_size (carrier) == layout->carrier.length,
                        FALSE);

  for (guint i = 0; i < layout->pieces->len; i++) {
    const Piece *piece = &g_array_index (layout->pieces, Piece, i);
    gboolean ok = TRUE;

    switch (piece->kind) {
    case PIECE_SOURCE:
      ok = emit_source (source, piece, buffer, emit, user_data, cancellable, error);
      break;
    case PIECE_BYTES:
      ok = emit_bytes (piece->bytes, emit, user_data, error);
      break;
    case PIECE_CARRIER:
      if (carrier != NULL)
        ok = emit_bytes (carrier, emit, user_data, error);
      break;
    default:
      g_assert_not_reached ();
    }
    if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
      return FALSE;
  }
  return TRUE;
}


ClAssetLayout *
cl_asset_layout_insert_carrier (const ClAssetInfo *info,
                                guint64            carrier_length)
{
  ClAssetLayout *layout = cl_asset_layout_new ();
  guint64 insert_at = info->store_ranges->len > 0
                      ? g_array_index (info->store_ranges, ClByteRange, 0).start
                      : info->insert_offset;

  cl_asset_layout_add_source_except (layout, 0, insert_at, info->store_ranges);
  cl_asset_layout_add_carrier (layout, carrier_length);
  cl_asset_layout_add_source_except (layout, insert_at, info->file_size, info->store_ranges);
  return layout;
}
