/* cl-asset-tiff.c: the manifest store of a TIFF file is the value of the C2PA tag
 * (0xCD41, type UNDEFINED) in the last page's directory, or in IFD0 as C2PA 1.x and
 * single-page files have it (C2PA 2.2 §A.3.5; c2pa-rs looks in that order). The data hash
 * excludes the value's bytes; c2pa-rs also excludes the entry's count field, which the
 * validator accepts as an additional exclusion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-tiff.h"
#include "cl-error.h"
#include "cl-tiff-ifd.h"

#define MAX_XMP_LEN (4 * 1024 * 1024)


static gboolean
read_store (GInputStream       *stream,
            ClAssetInfo        *info,
            const ClTiffEntry  *entry,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autofree guint8 *data = NULL;

  if (entry->type != CL_TIFF_TYPE_UNDEFINED) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The Content Credentials tag at byte %llu has the wrong "
                   "type (%u, not UNDEFINED)"),
                 (unsigned long long) entry->entry_offset, entry->type);
    return FALSE;
  }
  if (entry->count > CL_ASSET_MAX_STORE_SIZE) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The Content Credentials at byte %llu are %llu"
                   " bytes, more than CredLink accepts"),
                 (unsigned long long) entry->value, (unsigned long long) entry->count);
    return FALSE;
  }
  if (entry->value > info->file_size || info->file_size - entry->value < entry->count) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The Content Credentials at byte %llu claim %llu"
                   " bytes but the file is shorter"),
                 (unsigned long long) entry->value, (unsigned long long) entry->count);
    return FALSE;
  }
  data = g_malloc (entry->count > 0 ? entry->count : 1);
  if (!cl_asset_read_at (stream, entry->value, data, entry->count,
                         _("the Content Credentials"), cancellable, error))
    return FALSE;
  info->store = g_bytes_new_take (g_steal_pointer (&data), entry->count);
  cl_asset_info_add_store_range (info, entry->value, entry->count);
  return TRUE;
}


/* IFD0's XMP packet, when it is where c2pa-rs reads it: type BYTE, inside the file. */
static gboolean
read_remote_url (GInputStream       *stream,
                 ClAssetInfo        *info,
                 const ClTiffEntry  *xmp,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autofree guint8 *data = NULL;

  if (xmp->type != CL_TIFF_TYPE_BYTE || xmp->count == 0 || xmp->count > MAX_XMP_LEN ||
      xmp->value > info->file_size || info->file_size - xmp->value < xmp->count)
    return TRUE;
  data = g_malloc (xmp->count);
  if (!cl_asset_read_at (stream, xmp->value, data, xmp->count, _("the XMP metadata"),
                         cancellable, error))
    return FALSE;
  info->remote_url = cl_asset_xmp_find_provenance ((const char *) data, xmp->count);
  return TRUE;
}


gboolean
cl_asset_tiff_read (GInputStream  *stream,
                    ClAssetInfo   *info,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ClTiffMap map;
  const ClTiffEntry *entry;

  if (!cl_tiff_map (stream, info->file_size, &map, cancellable, error))
    return FALSE;
  entry = cl_tiff_map_store_entry (&map);
  if (entry != NULL && !read_store (stream, info, entry, cancellable, error))
    return FALSE;
  if (map.first.has_xmp && !read_remote_url (stream, info, &map.first.xmp, cancellable, error))
    return FALSE;
  /* A new store goes at the end, after a new directory (cl-asset-tiff-writer.c). */
  info->insert_offset = info->file_size;
  return TRUE;
}
