/* cl-privacy-preflight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-exif-privacy.h"
#include "cl-file-stream.h"
#include "cl-privacy-metadata.h"
#include "cl-privacy-preflight.h"
#include "cl-privacy-removal.h"
#include "cl-xmp-privacy.h"

void
cl_disclosure_free (ClDisclosure *disclosure)
{
  if (disclosure == NULL)
    return;
  g_free (disclosure->what);
  g_free (disclosure->value);
  g_free (disclosure);
}


/* What the privacy options of options will remove from a file of format
 * (cl-privacy-removal.h; signing refuses them for other formats). */
static gboolean
will_remove (const ClSignOptions *options,
             ClAssetFormat        format,
             ClDisclosureKind     kind)
{
  return options != NULL && cl_privacy_removal_supports (format) &&
         ((kind == CL_DISCLOSURE_GPS && options->remove_gps) ||
          (kind == CL_DISCLOSURE_SERIAL_NUMBER && options->remove_serials));
}


static void
add (GPtrArray        *disclosures,
     ClDisclosureKind  kind,
     gboolean          in_credentials,
     const char       *what,
     const char       *value)
{
  ClDisclosure *disclosure;

  if (value == NULL)
    return;
  disclosure = g_new0 (ClDisclosure, 1);
  disclosure->kind = kind;
  disclosure->in_credentials = in_credentials;
  disclosure->what = g_strdup (what);
  disclosure->value = g_strdup (value);
  g_ptr_array_add (disclosures, disclosure);
}


static void
add_exif (GPtrArray       *disclosures,
          const guint8    *tiff,
          gsize            tiff_len)
{
  g_autoptr(ClExifPrivacy) exif = cl_exif_privacy_read (tiff, tiff_len);

  if (exif->has_gps)
    add (disclosures, CL_DISCLOSURE_GPS, FALSE, _("GPS position (Exif)"),
         exif->gps_position != NULL ? exif->gps_position : _("present, not readable"));
  add (disclosures, CL_DISCLOSURE_SERIAL_NUMBER, FALSE, _("Camera serial number (Exif)"),
       exif->body_serial);
  add (disclosures, CL_DISCLOSURE_SERIAL_NUMBER, FALSE, _("Lens serial number (Exif)"),
       exif->lens_serial);
  add (disclosures, CL_DISCLOSURE_NAME, FALSE, _("Camera owner (Exif)"), exif->owner);
  add (disclosures, CL_DISCLOSURE_NAME, FALSE, _("Artist (Exif)"), exif->artist);
  add (disclosures, CL_DISCLOSURE_NAME, FALSE, _("Copyright (Exif)"), exif->copyright);
}


/* FALSE when data holds no XMP packet. */
static gboolean
add_xmp (GPtrArray    *disclosures,
         const guint8 *data,
         gsize         len)
{
  g_autoptr(ClXmpPrivacy) xmp = cl_xmp_privacy_read (data, len);

  if (xmp == NULL)
    return FALSE;
  if (xmp->gps_latitude != NULL || xmp->gps_longitude != NULL) {
    g_autofree char *position = g_strdup_printf ("%s, %s",
                                                 xmp->gps_latitude ? xmp->gps_latitude : "?",
                                                 xmp->gps_longitude ? xmp->gps_longitude : "?");

    add (disclosures, CL_DISCLOSURE_GPS, FALSE, _("GPS position (XMP)"), position);
  }
  add (disclosures, CL_DISCLOSURE_SERIAL_NUMBER, FALSE, _("Camera serial number (XMP)"),
       xmp->body_serial);
  add (disclosures, CL_DISCLOSURE_SERIAL_NUMBER, FALSE, _("Lens serial number (XMP)"),
       xmp->lens_serial);
  add (disclosures, CL_DISCLOSURE_NAME, FALSE, _("Camera owner (XMP)"), xmp->owner);
  add (disclosures, CL_DISCLOSURE_NAME, FALSE, _("Creator (XMP)"), xmp->creators);
  if (xmp->history_steps > 0) {
    g_autofree char *steps = g_strdup_printf (ngettext ("%u step", "%u steps",
                                                        xmp->history_steps),
                                              xmp->history_steps);

    add (disclosures, CL_DISCLOSURE_EDIT_HISTORY, FALSE, _("Edit history (XMP)"), steps);
  }
  return TRUE;
}


/* The Exif and XMP of the file. */
static gboolean
add_metadata (GPtrArray          *disclosures,
              const char         *input,
              const ClAssetInfo  *info,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GInputStream) stream = cl_file_stream_open (input, cancellable, error);
  g_autoptr(GArray) regions = NULL;
  guint unread = 0;
  gboolean xmp_found = FALSE;

  if (stream == NULL)
    return FALSE;
  regions = cl_privacy_metadata_read (stream, info, &unread, cancellable, error);
  if (regions == NULL)
    return FALSE;
  for (guint i = 0; i < regions->len; i++) {
    const ClMetadataRegion *region = &g_array_index (regions, ClMetadataRegion, i);
    gsize len;
    const guint8 *data = g_bytes_get_data (region->bytes, &len);

    if (region->exif_len > 0)
      add_exif (disclosures, data + region->exif_start, region->exif_len);
  }
  for (guint i = 0; i < regions->len && !xmp_found; i++) {
    const ClMetadataRegion *region = &g_array_index (regions, ClMetadataRegion, i);
    gsize len;
    const guint8 *data = g_bytes_get_data (region->bytes, &len);

    if (region->may_hold_xmp)
      xmp_found = add_xmp (disclosures, data, len);
  }
  return TRUE;
}


GPtrArray *
cl_privacy_preflight (const char           *input,
                      const ClSignOptions  *options,
                      const char           *signer_subject,
                      GCancellable         *cancellable,
                      GError              **error)
{
  g_autoptr(GPtrArray) disclosures =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cl_disclosure_free);
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (input, cancellable, error);

  if (info == NULL || !add_metadata (disclosures, input, info, cancellable, error))
    return NULL;
  for (guint i = 0; i < disclosures->len; i++) {
    ClDisclosure *disclosure = g_ptr_array_index (disclosures, i);

    disclosure->removed = will_remove (options, info->format, disclosure->kind);
  }

  add (disclosures, CL_DISCLOSURE_SIGNER, TRUE, _("Signer certificate"), signer_subject);
  if (options != NULL)
    add (disclosures, CL_DISCLOSURE_NAME, TRUE, _("Author"), options->author);
  if (info->store != NULL)
    add (disclosures, CL_DISCLOSURE_EARLIER_CREDENTIALS, TRUE, _("Earlier Content Credentials"),
         _("kept as the parent, with their signers and edit history"));
  return g_steal_pointer (&disclosures);
}
