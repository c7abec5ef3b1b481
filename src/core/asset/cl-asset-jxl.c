/* cl-asset-jxl.c: finds the C2PA manifest store in a JPEG XL file.
 *
 * Only the container form (ISO/IEC 18181-2: a 12-byte "JXL " signature box, then ftyp,
 * codestream boxes jxlc/jxlp and metadata boxes) can carry a store: a top-level jumb box
 * whose first box is a jumd labelled "c2pa" (C2PA 2.2 §A.3.9). Other jumb boxes (Exif
 * in JUMBF, say) are not the store; two labelled "c2pa" are. The data hash excludes the
 * whole box, header included. As c2pa-rs, a jumb compressed in a brob box is not read as
 * a store: compressed bytes cannot be hashed box by box, and writers never make one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-asset-jxl.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"

#define SIGNATURE_BOX_LEN 12
#define MAX_XMP_LEN (4 * 1024 * 1024)
/* size, "jumd", UUID (16), toggles, then the label "c2pa" and its NUL. */
#define LABEL_PEEK_LEN 30

#define BOX_FTYP CL_FOURCC ('f', 't', 'y', 'p')
#define BOX_JXLC CL_FOURCC ('j', 'x', 'l', 'c')
#define BOX_JXLP CL_FOURCC ('j', 'x', 'l', 'p')
#define BOX_XML  CL_FOURCC ('x', 'm', 'l', ' ')

typedef struct {
  guint64 offset;
  guint64 header_len;
  guint64 size;        /* header included */
  guint32 type;
} JxlBox;


static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}


/* The box at offset: its size from the 32-bit field, the 64-bit one after the type when
 * that is 1, or the rest of the file when it is 0. */
static gboolean
read_box (GInputStream  *stream,
          guint64        offset,
          guint64        file_size,
          JxlBox        *box,
          GCancellable  *cancellable,
          GError       **error)
{
  guint8 header[16];
  guint64 size;

  if (!cl_asset_read_at (stream, offset, header, 8, _("a JPEG XL box header"), cancellable,
                         error))
    return FALSE;
  box->offset = offset;
  box->type = be32 (header + 4);
  box->header_len = 8;
  size = be32 (header);
  if (size == 1) {
    if (!cl_asset_read_at (stream, offset + 8, header + 8, 8, _("a JPEG XL box header"),
                           cancellable, error))
      return FALSE;
    size = ((guint64) be32 (header + 8) << 32) | be32 (header + 12);
    box->header_len = 16;
  } else if (size == 0) {
    size = file_size - offset;
  }
  if (size < box->header_len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The JPEG XL structure is broken: the box at byte %llu"
                   " is shorter than its header"), (unsigned long long) offset);
    return FALSE;
  }
  if (size > file_size - offset) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The JPEG XL box at byte %llu claims %llu"
                   " bytes but the file is shorter"),
                 (unsigned long long) offset, (unsigned long long) size);
    return FALSE;
  }
  box->size = size;
  return TRUE;
}


/* Whether a jumb box is the manifest store: its first box is a jumd with a label, and
 * the label is "c2pa". */
static gboolean
is_store_box (GInputStream  *stream,
              const JxlBox  *box,
              gboolean      *is_store,
              GCancellable  *cancellable,
              GError       **error)
{
  guint8 peek[LABEL_PEEK_LEN];
  guint64 len = MIN (box->size - box->header_len, (guint64) LABEL_PEEK_LEN);

  *is_store = FALSE;
  if (len < 25)
    return TRUE;
  if (!cl_asset_read_at (stream, box->offset + box->header_len, peek, (gsize) len,
                         _("a JUMBF box"), cancellable, error))
    return FALSE;
  if (be32 (peek + 4) != CL_BOX_JUMD ||
      (peek[24] & (CL_JUMD_REQUESTABLE | CL_JUMD_LABEL)) != (CL_JUMD_REQUESTABLE | CL_JUMD_LABEL))
    return TRUE;
  *is_store = len == LABEL_PEEK_LEN ? memcmp (peek + 25, "c2pa", 5) == 0
                                    : len == 29 && memcmp (peek + 25, "c2pa", 4) == 0;
  return TRUE;
}


static gboolean
read_store (GInputStream  *stream,
            ClAssetInfo   *info,
            const JxlBox  *box,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree guint8 *data = NULL;

  if (info->store != NULL) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES,
                         _("The image carries more than one set of Content Credentials, "
                           "which the C2PA specification does not allow"));
    return FALSE;
  }
  if (box->size > CL_ASSET_MAX_STORE_SIZE) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The Content Credentials at byte %llu are %llu"
                   " bytes, more than CredLink accepts"),
                 (unsigned long long) box->offset, (unsigned long long) box->size);
    return FALSE;
  }
  data = g_malloc ((gsize) box->size);
  if (!cl_asset_read_at (stream, box->offset, data, (gsize) box->size,
                         _("the Content Credentials box"), cancellable, error))
    return FALSE;
  info->store = g_bytes_new_take (g_steal_pointer (&data), (gsize) box->size);
  cl_asset_info_add_store_range (info, box->offset, box->size);
  return TRUE;
}


/* XMP in an uncompressed xml box may name a remote manifest. */
static gboolean
read_xmp (GInputStream  *stream,
          ClAssetInfo   *info,
          const JxlBox  *box,
          GCancellable  *cancellable,
          GError       **error)
{
  guint64 len = box->size - box->header_len;
  g_autofree char *xmp = NULL;

  if (len > MAX_XMP_LEN || info->remote_url != NULL)
    return TRUE;
  xmp = g_malloc (len > 0 ? (gsize) len : 1);
  if (!cl_asset_read_at (stream, box->offset + box->header_len, (guint8 *) xmp, (gsize) len,
                         _("a JPEG XL XMP box"), cancellable, error))
    return FALSE;
  info->remote_url = cl_asset_xmp_find_provenance (xmp, (gsize) len);
  return TRUE;
}


gboolean
cl_asset_jxl_read (GInputStream  *stream,
                   ClAssetInfo   *info,
                   GCancellable  *cancellable,
                   GError       **error)
{
  guint64 offset = SIGNATURE_BOX_LEN;
  gboolean follows_ftyp = FALSE;
  guint count = 1;
  guint8 head[2];

  if (!cl_asset_read_at (stream, 0, head, 2, _("the JPEG XL signature"), cancellable, error))
    return FALSE;
  if (head[0] == 0xFF && head[1] == 0x0A) {
    g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT,
                         _("This JPEG XL file is a bare codestream, which has no place for "
                           "Content Credentials: only the container form of JPEG XL can "
                           "carry them"));
    return FALSE;
  }

  while (offset < info->file_size) {
    JxlBox box;
    gboolean is_store = FALSE;

    if (++count > CL_LIMIT_JXL_BOXES) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The JPEG XL file has more than %u boxes"), (guint) CL_LIMIT_JXL_BOXES);
      return FALSE;
    }
    if (!read_box (stream, offset, info->file_size, &box, cancellable, error))
      return FALSE;
    /* A new store goes right after ftyp, and in any case before the codestream. */
    if (info->insert_offset == 0 &&
        (follows_ftyp || box.type == BOX_JXLC || box.type == BOX_JXLP))
      info->insert_offset = offset;
    follows_ftyp = box.type == BOX_FTYP;
    if (box.type == CL_BOX_JUMB &&
        (!is_store_box (stream, &box, &is_store, cancellable, error) ||
         (is_store && !read_store (stream, info, &box, cancellable, error))))
      return FALSE;
    if (box.type == BOX_XML && !read_xmp (stream, info, &box, cancellable, error))
      return FALSE;
    offset += box.size;
  }

  if (info->insert_offset == 0)
    info->insert_offset = SIGNATURE_BOX_LEN;
  return TRUE;
}
