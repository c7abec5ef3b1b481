/* cl-asset-bmff.c: finds the C2PA manifest store in an ISO BMFF file (HEIF, HEIC, AVIF,
 * MP4, MOV).
 *
 * The store is in a top-level uuid box with the C2PA extended type, a FullBox (C2PA 2.2
 * §A.5): version and flags, a NUL-terminated purpose ("manifest"), an 8-byte offset to
 * the first Merkle uuid box (0 when there is none), then the store. The BMFF hash
 * excludes the whole box; so does the content hash. Other purposes: "merkle" boxes carry
 * Merkle proofs for the hash; "original" and "update" carry a store and its update
 * manifest, which CredLink does not read yet. The file type box names the format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-bmff.h"
#include "cl-asset-info.h"
#include "cl-bmff-tree.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

/* Longest purpose read: the known ones are short. */
#define MAX_PURPOSE 64
#define MAX_XMP_LEN (4 * 1024 * 1024)
/* Compatible brands looked at: a real ftyp lists a handful. */
#define MAX_BRANDS 64


static gboolean
brand_is (guint32     brand,
          const char *list)
{
  for (gsize i = 0; list[i] != '\0'; i += 4) {
    if (brand == CL_FOURCC (list[i], list[i + 1], list[i + 2], list[i + 3]))
      return TRUE;
  }
  return FALSE;
}


/* The media type of the brand, or NULL when it names none of these. */
static const char *
mime_of_brand (guint32 brand)
{
  if (brand_is (brand, "avifavis"))
    return "image/avif";
  if (brand_is (brand, "heicheixhevchevxheimheishevmhevs"))
    return "image/heic";
  if (brand_is (brand, "mif1msf1heif"))
    return "image/heif";
  if (brand_is (brand, "qt  "))
    return "video/quicktime";
  return NULL;
}


/* The major brand decides; a generic one (mif1, isom…) lets a compatible brand be more
 * precise (a mif1 file compatible with heic is HEIC). */
static gboolean
read_mime_type (GInputStream  *stream,
                ClAssetInfo   *info,
                const ClBmffBox *ftyp,
                GCancellable  *cancellable,
                GError       **error)
{
  guint8 brands[8 + 4 * MAX_BRANDS];
  guint64 len = ftyp->size - ftyp->header_len;
  const char *mime = NULL;

  info->mime_type = "video/mp4";
  if (len < 8)
    return TRUE;
  len = MIN (len, (guint64) sizeof brands);
  if (!cl_asset_read_at (stream, ftyp->offset + ftyp->header_len, brands, (gsize) len,
                         _("the file type box"), cancellable, error))
    return FALSE;
  mime = mime_of_brand (CL_FOURCC (brands[0], brands[1], brands[2], brands[3]));
  for (gsize i = 8; i + 4 <= len && (mime == NULL || g_str_equal (mime, "image/heif")); i += 4) {
    const char *compatible = mime_of_brand (CL_FOURCC (brands[i], brands[i + 1],
                                                       brands[i + 2], brands[i + 3]));

    if (compatible != NULL && !g_str_equal (compatible, "video/quicktime"))
      mime = compatible;
  }
  if (mime != NULL)
    info->mime_type = mime;
  return TRUE;
}


/* The purpose of a C2PA uuid box and where what follows it starts; NULL purpose when it
 * is not one CredLink knows. */
static gboolean
read_purpose (GInputStream    *stream,
              const ClBmffBox *box,
              char           **purpose,
              guint64         *after,
              GCancellable    *cancellable,
              GError         **error)
{
  guint64 start = box->offset + box->header_len + 20;
  guint64 room = box->offset + box->size - start;
  char text[MAX_PURPOSE + 1] = { 0 };
  gsize len = (gsize) MIN (room, (guint64) MAX_PURPOSE);
  const char *nul;

  *purpose = NULL;
  if (!box->has_version) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The Content Credentials box at byte %llu is too short"),
                 (unsigned long long) box->offset);
    return FALSE;
  }
  if (!cl_asset_read_at (stream, start, (guint8 *) text, len, _("the Content Credentials box"),
                         cancellable, error))
    return FALSE;
  nul = memchr (text, 0, len);
  if (nul == NULL && len == room) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The Content Credentials box at byte %llu has no purpose"),
                 (unsigned long long) box->offset);
    return FALSE;
  }
  if (nul != NULL) {
    *purpose = g_strdup (text);
    *after = start + (guint64) (nul - text) + 1;
  }
  return TRUE;
}


static gboolean
read_store (GInputStream    *stream,
            ClAssetInfo     *info,
            const ClBmffBox *box,
            guint64          after_purpose,
            GCancellable    *cancellable,
            GError         **error)
{
  guint64 end = box->offset + box->size;
  guint64 start = after_purpose + 8;   /* past the offset of the first Merkle box */
  g_autofree guint8 *data = NULL;
  gsize len;

  if (info->store != NULL) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES,
                         _("The file carries more than one set of Content Credentials, "
                           "which the C2PA specification does not allow"));
    return FALSE;
  }
  if (start > end) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The Content Credentials box at byte %llu is too short"),
                 (unsigned long long) box->offset);
    return FALSE;
  }
  if (end - start > CL_ASSET_MAX_STORE_SIZE) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The Content Credentials at byte %llu are larger than "
                   "CredLink accepts"), (unsigned long long) box->offset);
    return FALSE;
  }
  len = (gsize) (end - start);
  data = g_malloc (len > 0 ? len : 1);
  if (!cl_asset_read_at (stream, start, data, len, _("the Content Credentials box"),
                         cancellable, error))
    return FALSE;
  info->store = g_bytes_new_take (g_steal_pointer (&data), len);
  cl_asset_info_add_store_range (info, box->offset, box->size);
  return TRUE;
}


static gboolean
read_xmp (GInputStream    *stream,
          ClAssetInfo     *info,
          const ClBmffBox *box,
          GCancellable    *cancellable,
          GError         **error)
{
  guint64 len = box->size - box->header_len - 16;
  g_autofree guint8 *xmp = NULL;

  if (info->remote_url != NULL || len == 0 || len > MAX_XMP_LEN)
    return TRUE;
  xmp = g_malloc ((gsize) len);
  if (!cl_asset_read_at (stream, box->offset + box->header_len + 16, xmp, (gsize) len,
                         _("the XMP box"), cancellable, error))
    return FALSE;
  info->remote_url = cl_asset_xmp_find_provenance ((const char *) xmp, (gsize) len);
  return TRUE;
}


static gboolean
read_uuid_box (GInputStream    *stream,
               ClAssetInfo     *info,
               const ClBmffBox *box,
               GCancellable    *cancellable,
               GError         **error)
{
  static const guint8 c2pa_uuid[16] = CL_BMFF_C2PA_UUID;
  static const guint8 xmp_uuid[16] = CL_BMFF_XMP_UUID;
  g_autofree char *purpose = NULL;
  guint64 after = 0;

  if (!box->has_uuid)
    return TRUE;
  if (memcmp (box->uuid, xmp_uuid, 16) == 0)
    return read_xmp (stream, info, box, cancellable, error);
  if (memcmp (box->uuid, c2pa_uuid, 16) != 0)
    return TRUE;
  if (!read_purpose (stream, box, &purpose, &after, cancellable, error))
    return FALSE;
  if (g_strcmp0 (purpose, "manifest") == 0)
    return read_store (stream, info, box, after, cancellable, error);
  if (g_strcmp0 (purpose, "original") == 0 || g_strcmp0 (purpose, "update") == 0) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT,
                         _("The file keeps its Content Credentials apart from an update to "
                           "them, which CredLink does not read yet"));
    return FALSE;
  }
  return TRUE;   /* merkle: read by the BMFF hash */
}


gboolean
cl_asset_bmff_read (GInputStream  *stream,
                    ClAssetInfo   *info,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GArray) boxes = cl_bmff_tree_read (stream, info->file_size, cancellable, error);
  const ClBmffBox *ftyp;

  if (boxes == NULL)
    return FALSE;
  ftyp = cl_bmff_tree_first_top (boxes, CL_FOURCC ('f', 't', 'y', 'p'));
  if (ftyp != NULL && (ftyp->size < 16 || ftyp->size % 4 != 0)) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                         _("The file type box is broken"));
    return FALSE;
  }
  if (ftyp != NULL && !read_mime_type (stream, info, ftyp, cancellable, error))
    return FALSE;
  for (guint i = 0; i < boxes->len; i++) {
    ClBmffBox *box = &g_array_index (boxes, ClBmffBox, i);

    if (box->parent < 0 && box->type == CL_BOX_UUID &&
        !read_uuid_box (stream, info, box, cancellable, error))
      return FALSE;
  }
  return TRUE;
}
