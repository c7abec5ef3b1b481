/* cl-privacy-removal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-error.h"
#include "cl-exif-privacy.h"
#include "cl-privacy-metadata.h"
#include "cl-privacy-removal.h"
#include "cl-xmp-privacy.h"

typedef struct {
  guint64  offset;        /* in the source */
  GBytes  *bytes;         /* what goes there instead, as many bytes */
} Change;

struct _ClPrivacyRemoval {
  GArray *changes;        /* of Change, in file order */
  char   *description;
};


static void
change_clear (Change *change)
{
  g_clear_pointer (&change->bytes, g_bytes_unref);
}


void
cl_privacy_removal_free (ClPrivacyRemoval *removal)
{
  if (removal == NULL)
    return;
  g_array_unref (removal->changes);
  g_free (removal->description);
  g_free (removal);
}


gboolean
cl_privacy_removal_supports (ClAssetFormat format)
{
  return format == CL_ASSET_FORMAT_JPEG || format == CL_ASSET_FORMAT_PNG ||
         format == CL_ASSET_FORMAT_WEBP || format == CL_ASSET_FORMAT_TIFF;
}


/* The bytes of edited that differ from original, one change per run. */
static void
add_changes (GArray       *changes,
             guint64       offset,
             const guint8 *original,
             const guint8 *edited,
             gsize         len)
{
  for (gsize at = 0; at < len; at++) {
    gsize run = 0;
    Change change;

    while (at + run < len && original[at + run] != edited[at + run])
      run++;
    if (run == 0)
      continue;
    change.offset = offset + at;
    change.bytes = g_bytes_new (edited + at, run);
    g_array_append_val (changes, change);
    at += run;
  }
}


static gsize
count_changed (const guint8 *original,
               const guint8 *edited,
               gsize         len)
{
  gsize changed = 0;

  for (gsize i = 0; i < len; i++)
    changed += original[i] != edited[i];
  return changed;
}


/* Whether a GPS position or a serial number (of those asked to be removed) is still
 * readable in region's bytes. */
static gboolean
still_readable (const ClMetadataRegion *region,
                const guint8           *data,
                gsize                   len,
                gboolean                gps,
                gboolean                serials)
{
  g_autoptr(ClXmpPrivacy) xmp = region->may_hold_xmp ? cl_xmp_privacy_read (data, len) : NULL;

  if (region->exif_len > 0) {
    g_autoptr(ClExifPrivacy) exif = cl_exif_privacy_read (data + region->exif_start,
                                                          region->exif_len);

    if ((gps && exif->has_gps) ||
        (serials && (exif->body_serial != NULL || exif->lens_serial != NULL)))
      return TRUE;
  }
  return xmp != NULL &&
         ((gps && (xmp->gps_latitude != NULL || xmp->gps_longitude != NULL)) ||
          (serials && (xmp->body_serial != NULL || xmp->lens_serial != NULL)));
}


/* Removes from one region in a copy of its bytes: the GPS data first, then the serial
 * numbers, noting what each changed. */
static gboolean
remove_from_region (const ClMetadataRegion  *region,
                    gboolean                 gps,
                    gboolean                 serials,
                    GArray                  *changes,
                    gboolean                *removed_gps,
                    gboolean                *removed_serials,
                    GError                 **error)
{
  gsize len;
  const guint8 *original = g_bytes_get_data (region->bytes, &len);
  g_autofree guint8 *edited = NULL;
  gsize changed_by_gps = 0;

  if (len == 0)
    return TRUE;
  edited = g_memdup2 (original, len);

  for (guint pass = 0; pass < 2; pass++) {
    gboolean pass_gps = pass == 0 && gps, pass_serials = pass == 1 && serials;

    if (!pass_gps && !pass_serials)
      continue;
    if (region->exif_len > 0 &&
        !cl_exif_privacy_remove (edited + region->exif_start, region->exif_len, pass_gps,
                                 pass_serials)) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                           _("its Exif metadata cannot be read in full, so the GPS position "
                             "and serial numbers cannot be removed from it"));
      return FALSE;
    }
    if (region->may_hold_xmp && !cl_xmp_privacy_remove (edited, len, pass_gps, pass_serials)) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                           _("its XMP metadata cannot be changed without breaking it, so the "
                             "GPS position and serial numbers cannot be removed from it"));
      return FALSE;
    }
    if (pass == 0) {
      changed_by_gps = count_changed (original, edited, len);
      *removed_gps |= changed_by_gps > 0;
    } else {
      *removed_serials |= count_changed (original, edited, len) > changed_by_gps;
    }
  }
  if (still_readable (region, edited, len, gps, serials)) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                         _("its metadata holds the GPS position or a serial number in a form "
                           "CredLink cannot remove without moving other bytes"));
    return FALSE;
  }
  add_changes (changes, region->offset, original, edited, len);
  return TRUE;
}


static char *
describe (gboolean removed_gps,
          gboolean removed_serials)
{
  /* English, as the rest of the manifest. */
  if (removed_gps && removed_serials)
    return g_strdup ("Removed the GPS position and the camera and lens serial numbers from "
                     "the metadata; the pixels are unchanged");
  if (removed_gps)
    return g_strdup ("Removed the GPS position from the metadata; the pixels are unchanged");
  if (removed_serials)
    return g_strdup ("Removed the camera and lens serial numbers from the metadata; the "
                     "pixels are unchanged");
  return NULL;
}


ClPrivacyRemoval *
cl_privacy_removal_new (GInputStream       *stream,
                        const ClAssetInfo  *info,
                        gboolean            gps,
                        gboolean            serials,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(ClPrivacyRemoval) removal = g_new0 (ClPrivacyRemoval, 1);
  g_autoptr(GArray) regions = NULL;
  gboolean removed_gps = FALSE, removed_serials = FALSE;
  guint unread = 0;

  removal->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (removal->changes, (GDestroyNotify) change_clear);
  if (!cl_privacy_removal_supports (info->format)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                 _("removing the GPS position and serial numbers from %s files is not "
                   "supported yet"), cl_asset_format_to_string (info->format));
    return NULL;
  }
  regions = cl_privacy_metadata_read (stream, info, &unread, cancellable, error);
  if (regions == NULL)
    return NULL;
  if (unread > 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                         _("its metadata is too large to be checked for the GPS position and "
                           "serial numbers"));
    return NULL;
  }
  for (guint i = 0; i < regions->len; i++) {
    if (!remove_from_region (&g_array_index (regions, ClMetadataRegion, i), gps, serials,
                             removal->changes, &removed_gps, &removed_serials, error))
      return NULL;
  }
  removal->description = describe (removed_gps, removed_serials);
  return g_steal_pointer (&removal);
}


const char *
cl_privacy_removal_get_description (ClPrivacyRemoval *removal)
{
  return removal->description;
}


gboolean
cl_privacy_removal_apply (ClPrivacyRemoval  *removal,
                          ClAssetLayout     *layout,
                          GError           **error)
{
  for (guint i = 0; i < removal->changes->len; i++) {
    const Change *change = &g_array_index (removal->changes, Change, i);

    if (!cl_asset_layout_replace_source (layout, change->offset, change->bytes)) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                           _("the metadata to remove is not copied from the source as it is"));
      return FALSE;
    }
  }
  return TRUE;
}
