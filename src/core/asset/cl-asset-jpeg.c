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

#define XMP_NAMESPACE "http://ns.adobe.com/xap/1.0/"

typedef struct {
  guint16     instance;       /* En */
  guint32     next_sequence;  /* the Z we expect next */
  guint64     declared_len;   /* LBox (or XLBox) of the store */
  gsize       header_len;     /* 8 or 16: repeated in every later segment */
  GByteArray *bytes;
} StoreAssembly;


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
                   _("The Content Credentials at byte %" G_GUINT64_FORMAT " declare %"
                     G_GUINT64_FORMAT " bytes, more than CredLink accepts"),
                   segment_offset, store->declared_len);
      g_free (store);
      return FALSE;
    }
    store->bytes = g_byte_array_new ();
    g_byte_array_append (store->bytes, box, (guint) box_len);
    g_ptr_array_add (stores, store);
    *joined_store = TRUE;
    return TRUE;
  }

  if (sequence != store->next_sequence || box_len < store->header_len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The Content Credentials segments are out of order (segment %u found where %u "
                   "was expected, at byte %" G_GUINT64_FORMAT ")"),
                 sequence, store->next_sequence, segment_offset);
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


gboolean
cl_asset_jpeg_read (GInputStream  *stream,
                    ClAssetInfo   *info,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (store_assembly_free);
  g_autofree guint8 *payload = g_malloc (65536);
  guint64 offset = 2;   /* after SOI */
  gboolean leading_app0 = TRUE;
  gboolean in_c2pa_run = FALSE;
  StoreAssembly *store;

  info->insert_offset = 2;

  for (;;) {
    guint8 marker[4];
    guint16 seg_len;
    gsize payload_len;

    /* Marker and length in one read (a marker without a length needs only two bytes). */
    if (!cl_asset_read_at (stream, offset, marker, MIN (4, info->file_size - offset),
                           _("a JPEG marker"), cancellable, error))
      return FALSE;
    if (info->file_size - offset < 2) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                   _("The file ends in the middle of %s (at byte %" G_GUINT64_FORMAT ")"),
                   _("a JPEG marker"), offset);
      return FALSE;
    }
    if (marker[0] != 0xFF) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The JPEG structure is broken: no marker at byte %" G_GUINT64_FORMAT),
                   offset);
      return FALSE;
    }
    if (marker[1] == 0xFF) {   /* fill byte before a marker */
      offset++;
      continue;
    }
    if (marker[1] == 0xD9 || marker[1] == 0xDA)   /* EOI, or SOS: image data follows */
      break;
    if ((marker[1] >= 0xD0 && marker[1] <= 0xD7) || marker[1] == 0x01 || marker[1] == 0xD8) {
      offset += 2;   /* markers without a length */
      continue;
    }

    if (info->file_size - offset < 4) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                   _("The file ends in the middle of %s (at byte %" G_GUINT64_FORMAT ")"),
                   _("a JPEG segment length"), offset + 2);
      return FALSE;
    }
    seg_len = be16 (marker + 2);
    if (seg_len < 2 || offset + 2 + seg_len > info->file_size) {
      g_set_error (error, CL_ASSET_ERROR,
                   seg_len < 2 ? CL_ASSET_ERROR_MALFORMED : CL_ASSET_ERROR_TRUNCATED,
                   _("The JPEG segment at byte %" G_GUINT64_FORMAT " claims %u bytes but the "
                     "file is shorter"), offset, seg_len);
      return FALSE;
    }
    payload_len = seg_len - 2;

    if (marker[1] == 0xE0 && leading_app0)
      info->insert_offset = offset + 2 + seg_len;
    else
      leading_app0 = FALSE;

    if (marker[1] == CL_JPEG_APP11) {
      gboolean joined_store = FALSE;

      if (!cl_asset_read_at (stream, offset + 4, payload, payload_len, _("a JPEG segment"),
                             cancellable, error) ||
          !add_app11 (stores, payload, payload_len, offset, &joined_store, error))
        return FALSE;
      if (joined_store) {
        /* C2PA 2.2 §A.3.1: the segments of the store follow each other directly. */
        if (info->store_ranges->len > 0 && !in_c2pa_run && stores->len == 1) {
          g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                       _("The Content Credentials segments are not contiguous (byte %"
                         G_GUINT64_FORMAT ")"), offset);
          return FALSE;
        }
        cl_asset_info_add_store_range (info, offset, 2 + (guint64) seg_len);
      }
      in_c2pa_run = joined_store;
    } else {
      in_c2pa_run = FALSE;
      if (marker[1] == 0xE1 && payload_len > sizeof XMP_NAMESPACE && info->remote_url == NULL) {
        if (!cl_asset_read_at (stream, offset + 4, payload, payload_len, _("a JPEG segment"),
                               cancellable, error))
          return FALSE;
        if (memcmp (payload, XMP_NAMESPACE, sizeof XMP_NAMESPACE) == 0)
          info->remote_url = cl_asset_xmp_find_provenance (
            (const char *) payload + sizeof XMP_NAMESPACE, payload_len - sizeof XMP_NAMESPACE);
      }
    }
    offset += 2 + (guint64) seg_len;
  }

  if (stores->len > 1) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES,
                         _("The image carries more than one set of Content Credentials, "
                           "which the C2PA specification does not allow"));
    return FALSE;
  }
  if (stores->len == 0)
    return TRUE;

  store = g_ptr_array_index (stores, 0);
  if (store->declared_len != 0 && store->bytes->len != store->declared_len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The Content Credentials are incomplete: %u of %" G_GUINT64_FORMAT
                   " bytes are present"), store->bytes->len, store->declared_len);
    return FALSE;
  }
  info->store = g_byte_array_free_to_bytes (g_byte_array_ref (store->bytes));
  return TRUE;
}
