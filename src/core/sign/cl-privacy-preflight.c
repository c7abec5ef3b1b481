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
#include "cl-limits.h"
#include "cl-privacy-preflight.h"
#include "cl-xmp-privacy.h"

#define EXIF_HEADER "Exif\0\0"
#define EXIF_HEADER_LEN 6


void
cl_disclosure_free (ClDisclosure *disclosure)
{
  if (disclosure == NULL)
    return;
  g_free (disclosure->what);
  g_free (disclosure->value);
  g_free (disclosure);
}


static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}


/* The Exif TIFF block of a JPEG (APP1 "Exif\0\0") among the segments before the scan. */
static gboolean
jpeg_exif (const guint8  *data,
           gsize          len,
           const guint8 **tiff,
           gsize         *tiff_len)
{
  guint64 at = 2;

  while (at + 4 <= len && data[at] == 0xFF) {
    guint8 marker = data[at + 1];
    guint64 segment_len;

    if (marker == 0xFF) {               /* fill byte */
      at++;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9)
      break;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
      at += 2;
      continue;
    }
    segment_len = (guint64) data[at + 2] << 8 | data[at + 3];
    if (segment_len < 2 || at + 2 + segment_len > len)
      break;
    if (marker == 0xE1 && segment_len - 2 > EXIF_HEADER_LEN &&
        memcmp (data + at + 4, EXIF_HEADER, EXIF_HEADER_LEN) == 0) {
      *tiff = data + at + 4 + EXIF_HEADER_LEN;
      *tiff_len = segment_len - 2 - EXIF_HEADER_LEN;
      return TRUE;
    }
    at += 2 + segment_len;
  }
  return FALSE;
}


/* The eXIf chunk of a PNG, among the chunks before the image data. */
static gboolean
png_exif (const guint8  *data,
          gsize          len,
          const guint8 **tiff,
          gsize         *tiff_len)
{
  guint64 at = 8;

  while (at + 12 <= len) {
    guint64 chunk_len = be32 (data + at);
    const guint8 *type = data + at + 4;

    if (memcmp (type, "IDAT", 4) == 0 || memcmp (type, "IEND", 4) == 0 ||
        at + 12 + chunk_len > len)
      break;
    if (memcmp (type, "eXIf", 4) == 0) {
      *tiff = data + at + 8;
      *tiff_len = chunk_len;
      return TRUE;
    }
    at += 12 + chunk_len;
  }
  return FALSE;
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
          ClAssetFormat    format,
          const guint8    *head,
          gsize            head_len)
{
  const guint8 *tiff = NULL;
  gsize tiff_len = 0;
  g_autoptr(ClExifPrivacy) exif = NULL;
  gboolean found;

  found = format == CL_ASSET_FORMAT_JPEG ? jpeg_exif (head, head_len, &tiff, &tiff_len)
        : format == CL_ASSET_FORMAT_PNG ? png_exif (head, head_len, &tiff, &tiff_len)
        : FALSE;
  if (!found)
    return;
  exif = cl_exif_privacy_read (tiff, tiff_len);
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


static void
add_xmp (GPtrArray    *disclosures,
         const guint8 *head,
         gsize         head_len)
{
  g_autoptr(ClXmpPrivacy) xmp = cl_xmp_privacy_read (head, head_len);

  if (xmp == NULL)
    return;
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
}


/* The file's first bytes, where JPEG and PNG writers put Exif and XMP. */
static GBytes *
read_head (const char    *input,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GInputStream) stream = cl_file_stream_open (input, cancellable, error);
  g_autofree guint8 *data = NULL;
  gsize len = 0;

  if (stream == NULL)
    return NULL;
  data = g_malloc (CL_LIMIT_XMP_SCAN_SIZE);
  if (!g_input_stream_read_all (stream, data, CL_LIMIT_XMP_SCAN_SIZE, &len, cancellable, error))
    return NULL;
  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (len, 1)), len);
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
  g_autoptr(GBytes) head = NULL;
  const guint8 *data;
  gsize len;

  if (info == NULL)
    return NULL;
  head = read_head (input, cancellable, error);
  if (head == NULL)
    return NULL;
  data = g_bytes_get_data (head, &len);
  add_exif (disclosures, info->format, data, len);
  add_xmp (disclosures, data, len);

  add (disclosures, CL_DISCLOSURE_SIGNER, TRUE, _("Signer certificate"), signer_subject);
  if (options != NULL)
    add (disclosures, CL_DISCLOSURE_NAME, TRUE, _("Author"), options->author);
  if (info->store != NULL)
    add (disclosures, CL_DISCLOSURE_EARLIER_CREDENTIALS, TRUE, _("Earlier Content Credentials"),
         _("kept as the parent, with their signers and edit history"));
  return g_steal_pointer (&disclosures);
}
