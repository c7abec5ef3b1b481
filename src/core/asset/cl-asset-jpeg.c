/* cl-asset-jpeg.c: finds the C2PA manifest store in a JPEG file.
 *
 * The store is carried in APP11 segments in the JPEG-XT box format
 * (ISO 19566-5 Annex D.2; C2PA 2.2 §A.3.1): after the marker and length,
 * CI "JP", En (the box instance), Z (sequence number from 1), then box bytes.
 * Segments after the first repeat the box header (LBox, TBox[, XLBox]).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-asset-jpeg.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-jpeg-segments.h"

#define XMP_NAMESPACE "http://ns.adobe.com/xap/1.0/"

typedef struct {
  guint16     instance;       /* En */
  guint32     next_sequence;  /* the Z we expect next */
  guint64     declared_len;   /* LBox (or XLBox) of the store */
  gsize       header_len;     /* 8 or 16: repeated in every later segment */
  GByteArray *bytes;
} StoreAssembly;

/* The walk over the segments before the first scan. */
typedef struct {
  ClAssetInfo    *info;
  ClJpegSegments *segments;
  GPtrArray      *stores;        /* StoreAssembly, one per JPEG-XT box instance */
  guint8         *payload;       /* a segment's payload (at most 65533 bytes) */
  gboolean        leading_app0;  /* only APP0 segments so far */
} JpegRead;


static guint16
be16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}


static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}


static guint64
be64 (const guint8 *p)
{
  return ((guint64) be32 (p) << 32) | be32 (p + 4);
}


/* Is this the first segment of a C2PA store: a 'jumb' whose 'jumd' has the c2pa UUID? */
static gboolean
starts_c2pa_store (const guint8 *box,
                   gsize         len)
{
  static const guint8 store_uuid[16] = CL_UUID_STORE;
  gsize header = 8;

  if (len < 8 || be32 (box + 4) != CL_BOX_JUMB)
    return FALSE;
  if (be32 (box) == 1)
    header = 16;
  if (len < header + 8 + 16)
    return FALSE;
  return be32 (box + header + 4) == CL_BOX_JUMD &&
         memcmp (box + header + 8, store_uuid, 16) == 0;
}


static gboolean
add_app11 (GPtrArray     *stores,
           const guint8  *payload,
           gsize          len,
           guint64        segment_offset,
           gboolean      *joined_store,
           GError       **error)
{
  StoreAssembly *store = NULL;
  guint16 instance;
  guint32 sequence;
  const guint8 *box = payload + 8;
  gsize box_len;

  /* CI "JP" + En + Z, then at least a box header. Other APP11 uses are not ours. */
  if (len < 16 || payload[0] != 'J' || payload[1] != 'P')
    return TRUE;
  instance = be16 (payload + 2);
  sequence = be32 (payload + 4);
  box_len = len - 8;

  for (guint i = 0; i < stores->len; i++) {
    StoreAssembly *candidate = g_ptr_array_index (stores, i);

    if (candidate->instance == instance)
      store = candidate;
  }

  if (store == NULL) {
    if (sequence != 1 || !starts_c2pa_store (box, box_len))
      return TRUE;   /* JUMBF of some other kind (JPEG 360, privacy…): hashed, not ours */
    store = g_new0 (StoreAssembly, 1);
    store->instance = instance;
    store->next_sequence = 2;
    store->header_len = be32 (box) == 1 ? 16 : 8;
    store->declared_len = store->header_len == 16 ? be64 (box + 8) : be32 (box);
    if (store->declared_len > CL_ASSET_MAX_STORE_SIZE) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                   _("The Content Credentials at byte %llu declare %llu"
                     " bytes, more than CredLink accepts"),
                   (unsigned long long) segment_offset, (unsigned long long) store->declared_len);
      g_free (store);
      return FALSE;
    }
    /* Sized for the whole store at once (its box says how long it is, within the cap):
     * grown piece by piece, a large store would take twice its size while it is copied. */
    store->bytes = g_byte_array_sized_new ((guint) MAX (store->declared_len, box_len));
    g_byte_array_append (store->bytes, box, (guint) box_len);
    g_ptr_array_add (stores, store);
    *joined_store = TRUE;
    return TRUE;
  }

  if (sequence != store->next_sequence || box_len < store->header_len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The Content Credentials segments are out of order (segment %u found where %u "
                   "was expected, at byte %llu)"),
                 sequence, store->next_sequence, (unsigned long long) segment_offset);
    return FALSE;
  }
  store->next_sequence++;
  if (store->bytes->len + (box_len - store->header_len) > CL_ASSET_MAX_STORE_SIZE) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The Content Credentials are larger than CredLink accepts"));
    return FALSE;
  }
  g_byte_array_append (store->bytes, box + store->header_len,
                       (guint) (box_len - store->header_len));
  *joined_store = TRUE;
  return TRUE;
}


static void
store_assembly_free (gpointer data)
{
  StoreAssembly *store = data;

  g_byte_array_unref (store->bytes);
  g_free (store);
}


static void
set_truncated (GError     **error,
               const char  *what,
               guint64      offset)
{
  g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
               _("The file ends in the middle of %s (at byte %llu)"),
               what, (unsigned long long) offset);
}


/* The next marker; FALSE with an error when there is none. */
static gboolean
next_marker (JpegRead      *r,
             guint8        *marker,
             guint64       *offset,
             GCancellable  *cancellable,
             GError       **error)
{
  ClJpegWalk walk = cl_jpeg_segments_next_marker (r->segments, marker, offset, cancellable,
                                                  error);

  /* A marker takes two bytes: fewer left is a truncation, whatever they are. */
  if (walk == CL_JPEG_WALK_END ||
      (walk == CL_JPEG_WALK_NOT_MARKER && r->info->file_size - *offset < 2)) {
    set_truncated (error, _("a JPEG marker"), *offset);
    return FALSE;
  }
  if (walk == CL_JPEG_WALK_NOT_MARKER) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The JPEG structure is broken: no marker at byte %llu"),
                 (unsigned long long) (*offset));
    return FALSE;
  }
  return walk == CL_JPEG_WALK_OK;
}


/* The length of the segment whose marker is at offset, checked against the file. */
static gboolean
segment_length (JpegRead      *r,
                guint64        offset,
                guint         *seg_len,
                GCancellable  *cancellable,
                GError       **error)
{
  ClJpegWalk walk = cl_jpeg_segments_read_length (r->segments, seg_len, cancellable, error);

  if (walk == CL_JPEG_WALK_END)
    set_truncated (error, _("a JPEG segment length"), offset + 2);
  if (walk != CL_JPEG_WALK_OK)
    return FALSE;
  /* The length counts its own two bytes: less is a broken segment, not a short file. */
  if (*seg_len < 2) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The JPEG segment at byte %llu declares a length of %u, "
                   "less than the two bytes of the length itself"),
                 (unsigned long long) offset, *seg_len);
    return FALSE;
  }
  if (offset + 2 + *seg_len > r->info->file_size) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The JPEG segment at byte %llu claims %u bytes but the "
                   "file is shorter"), (unsigned long long) offset, *seg_len);
    return FALSE;
  }
  return TRUE;
}


static gboolean
read_payload (JpegRead      *r,
              gsize          len,
              GCancellable  *cancellable,
              GError       **error)
{
  ClJpegWalk walk = cl_jpeg_segments_read (r->segments, r->payload, len, cancellable, error);

  if (walk == CL_JPEG_WALK_END)
    set_truncated (error, _("a JPEG segment"), cl_jpeg_segments_offset (r->segments));
  return walk == CL_JPEG_WALK_OK;
}


/* An APP11 segment: a piece of the store, or of some other JUMBF. */
static gboolean
read_app11 (JpegRead      *r,
            guint64        offset,
            guint          seg_len,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean joined_store = FALSE;

  if (!read_payload (r, seg_len - 2, cancellable, error) ||
      !add_app11 (r->stores, r->payload, seg_len - 2, offset, &joined_store, error))
    return FALSE;
  /* C2PA 2.2 §A.3.1 wants the segments of the store one after the other. Like c2pa-rs,
   * the store is still read when other segments sit between them: its ranges then form
   * several runs, which no data hash exclusion can hold without the bytes between, so
   * the validator reports the binding as a mismatch (c2pa-rs 0.91, #2610/#2653). */
  if (joined_store)
    cl_asset_info_add_store_range (r->info, offset, 2 + (guint64) seg_len);
  return TRUE;
}


/* An APP1 segment: XMP may name a remote manifest. */
static gboolean
read_app1 (JpegRead      *r,
           guint          seg_len,
           GCancellable  *cancellable,
           GError       **error)
{
  gsize payload_len = seg_len - 2;

  if (payload_len <= sizeof XMP_NAMESPACE || r->info->remote_url != NULL)
    return TRUE;
  if (!read_payload (r, payload_len, cancellable, error))
    return FALSE;
  if (memcmp (r->payload, XMP_NAMESPACE, sizeof XMP_NAMESPACE) == 0)
    r->info->remote_url = cl_asset_xmp_find_provenance (
      (const char *) r->payload + sizeof XMP_NAMESPACE, payload_len - sizeof XMP_NAMESPACE);
  return TRUE;
}


/* One segment with a length: where a new store would go, the store, XMP; then its end. */
static gboolean
read_segment (JpegRead      *r,
              guint8         marker,
              guint64        offset,
              GCancellable  *cancellable,
              GError       **error)
{
  guint seg_len;
  guint64 seg_end;
  gboolean ok = TRUE;
  ClJpegWalk walk;

  if (!segment_length (r, offset, &seg_len, cancellable, error))
    return FALSE;
  seg_end = offset + 2 + seg_len;

  if (marker == CL_JPEG_APP0 && r->leading_app0)
    r->info->insert_offset = seg_end;
  else
    r->leading_app0 = FALSE;

  if (marker == CL_JPEG_APP11) {
    ok = read_app11 (r, offset, seg_len, cancellable, error);
  } else if (marker == CL_JPEG_APP1) {
    ok = read_app1 (r, seg_len, cancellable, error);
  }
  if (!ok)
    return FALSE;

  walk = cl_jpeg_segments_skip (r->segments, seg_end - cl_jpeg_segments_offset (r->segments),
                                cancellable, error);
  if (walk == CL_JPEG_WALK_END)
    set_truncated (error, _("a JPEG segment"), cl_jpeg_segments_offset (r->segments));
  return walk == CL_JPEG_WALK_OK;
}


/* The store the segments held: one at most, and complete. */
static gboolean
take_store (JpegRead  *r,
            GError   **error)
{
  StoreAssembly *store;

  if (r->stores->len > 1) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES,
                         _("The image carries more than one set of Content Credentials, "
                           "which the C2PA specification does not allow"));
    return FALSE;
  }
  if (r->stores->len == 0)
    return TRUE;

  store = g_ptr_array_index (r->stores, 0);
  if (store->declared_len != 0 && store->bytes->len != store->declared_len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The Content Credentials are incomplete: %u of %llu"
                   " bytes are present"),
                 store->bytes->len, (unsigned long long) store->declared_len);
    return FALSE;
  }
  r->info->store = g_byte_array_free_to_bytes (g_byte_array_ref (store->bytes));
  return TRUE;
}


gboolean
cl_asset_jpeg_read (GInputStream  *stream,
                    ClAssetInfo   *info,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(ClJpegSegments) segments = cl_jpeg_segments_new (stream, 2, cancellable, error);
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (store_assembly_free);
  g_autofree guint8 *payload = g_malloc (65536);
  JpegRead r = { info, segments, stores, payload, TRUE };

  if (segments == NULL)
    return FALSE;
  info->insert_offset = 2;   /* after SOI */

  /* The segments up to the first scan (or EOI); the store comes before the image data. */
  for (;;) {
    guint8 marker;
    guint64 offset;

    if (!next_marker (&r, &marker, &offset, cancellable, error))
      return FALSE;
    if (marker == CL_JPEG_EOI || marker == CL_JPEG_SOS)
      break;
    if (cl_jpeg_marker_has_length (marker) &&
        !read_segment (&r, marker, offset, cancellable, error))
      return FALSE;
  }
  return take_store (&r, error);
}
