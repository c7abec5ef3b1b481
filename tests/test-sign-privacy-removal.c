/* test-sign-privacy-removal.c: the privacy options of signing (remove_gps,
 * remove_serials). A small TIFF structure made here, with an Artist, an Exif directory
 * (owner, body and lens serial numbers) and a GPS directory, is put in a JPEG (APP1), a
 * PNG (eXIf), a WebP (EXIF chunk, when gdk-pixbuf writes WebP) and used as a TIFF file of
 * its own; the JPEG also gets an XMP packet with GPS and serial properties as attributes
 * and as elements. Signed with the options, the copy holds neither the GPS position nor
 * a serial number (our reader finds none, the strings are gone), every other fact and
 * every pixel is kept, the source is untouched, the copy is valid here and in the
 * reference reader, and its actions say what was removed; without the options nothing
 * changes. exiftool, when installed, reads no GPS tag and no serial number in the copy
 * either. Formats not handled and Exif that cannot be read in full are refused with
 * words, and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-error.h"
#include "cl-exif-privacy.h"
#include "cl-xmp-privacy.h"
#include "cl-privacy-preflight.h"
#include "cl-signer.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"

#define REMOVED_BOTH "Removed the GPS position and the camera and lens serial numbers"
#define REMOVED_GPS "Removed the GPS position from the metadata"
#define GPS_IFD_AT 234   /* where make_tiff puts the GPS directory */

static char *work_dir;

static const char xmp_packet[] =
  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
  "<rdf:Description rdf:about=\"\" xmlns:aux=\"http://ns.adobe.com/exif/1.0/aux/\""
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
  " xmlns:exifEX=\"http://cipa.jp/exif/1.0/\""
  " aux:SerialNumber=\"XMP-SN-42\" exif:GPSLongitude = '2,17.67E'>"
  "<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>"
  "<exif:GPSLatitude>48,51.502N</exif:GPSLatitude>"
  "<exifEX:LensSerialNumber>XMP-LENS-7</exifEX:LensSerialNumber>"
  "<exif:GPSAltitude rdf:resource=\"\"/>"
  "</rdf:Description></rdf:RDF></x:xmpmeta>";

typedef struct {
  GByteArray *out;
  gboolean    big_endian;
} Tiff;


static void
put16 (Tiff  *tiff,
       guint  value)
{
  guint8 bytes[2] = { value & 0xFF, (value >> 8) & 0xFF };

  if (tiff->big_endian) {
    bytes[0] = (value >> 8) & 0xFF;
    bytes[1] = value & 0xFF;
  }
  g_byte_array_append (tiff->out, bytes, 2);
}


static void
put32 (Tiff    *tiff,
       guint32  value)
{
  put16 (tiff, tiff->big_endian ? value >> 16 : value & 0xFFFF);
  put16 (tiff, tiff->big_endian ? value & 0xFFFF : value >> 16);
}


static void
put_entry (Tiff    *tiff,
           guint    tag,
           guint    type,
           guint32  count,
           guint32  value)
{
  put16 (tiff, tag);
  put16 (tiff, type);
  put32 (tiff, count);
  if (type == 3) {                                /* a SHORT sits in the field's first bytes */
    put16 (tiff, value);
    put16 (tiff, 0);
  } else {
    put32 (tiff, value);
  }
}


static void
put_text_entry (Tiff       *tiff,
                guint       tag,
                const char  inline_text[4])
{
  put16 (tiff, tag);
  put16 (tiff, 2);
  put32 (tiff, 2);
  g_byte_array_append (tiff->out, (const guint8 *) inline_text, 4);
}


static void
put_bytes (Tiff       *tiff,
           const char *bytes,
           gsize       len)
{
  g_byte_array_append (tiff->out, (const guint8 *) bytes, len);
}


/* A 4 × 2 grey TIFF image whose IFD0 also points to an Exif directory (owner, body and lens
 * serial numbers) and a GPS directory (48°51'30.13" N, 2°17'40.2" E): a TIFF file, and an
 * Exif block for the other formats. Offsets laid out by hand, as a camera writes them. */
static GByteArray *
make_tiff (gboolean big_endian)
{
  Tiff tiff = { g_byte_array_new (), big_endian };
  static const guint32 rationals[] = { 48, 1, 51, 1, 3013, 100, 2, 1, 17, 1, 402, 10 };

  put_bytes (&tiff, big_endian ? "MM" : "II", 2);
  put16 (&tiff, 42);
  put32 (&tiff, 8);
  put16 (&tiff, 12);                                   /* IFD0 at 8 */
  put_entry (&tiff, 256, 3, 1, 4);                     /* ImageWidth */
  put_entry (&tiff, 257, 3, 1, 2);                     /* ImageLength */
  put_entry (&tiff, 258, 3, 1, 8);                     /* BitsPerSample */
  put_entry (&tiff, 259, 3, 1, 1);                     /* no compression */
  put_entry (&tiff, 262, 3, 1, 1);                     /* BlackIsZero */
  put_entry (&tiff, 273, 4, 1, 336);                   /* StripOffsets */
  put_entry (&tiff, 277, 3, 1, 1);                     /* SamplesPerPixel */
  put_entry (&tiff, 278, 3, 1, 2);                     /* RowsPerStrip */
  put_entry (&tiff, 279, 4, 1, 8);                     /* StripByteCounts */
  put_entry (&tiff, 0x013B, 2, 9, 158);                /* Artist */
  put_entry (&tiff, 0x8769, 4, 1, 168);                /* Exif IFD */
  put_entry (&tiff, 0x8825, 4, 1, GPS_IFD_AT);         /* GPS IFD */
  put32 (&tiff, 0);
  put_bytes (&tiff, "Jane Doe\0\0", 10);               /* 158 */
  put16 (&tiff, 3);                                    /* Exif IFD at 168 */
  put_entry (&tiff, 0xA430, 2, 9, 210);                /* CameraOwnerName */
  put_entry (&tiff, 0xA431, 2, 9, 219);                /* BodySerialNumber */
  put_entry (&tiff, 0xA435, 2, 6, 228);                /* LensSerialNumber */
  put32 (&tiff, 0);
  put_bytes (&tiff, "Jane Doe\0SN123456\0LS987\0", 24); /* 210, 219, 228 */
  put16 (&tiff, 4);                                    /* GPS IFD at 234 */
  put_text_entry (&tiff, 0x0001, "N\0\0\0");           /* GPSLatitudeRef */
  put_entry (&tiff, 0x0002, 5, 3, 288);                /* GPSLatitude */
  put_text_entry (&tiff, 0x0003, "E\0\0\0");
  put_entry (&tiff, 0x0004, 5, 3, 312);
  put32 (&tiff, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (rationals); i++)  /* 288, 312 */
    put32 (&tiff, rationals[i]);
  put_bytes (&tiff, "\x10\x40\x80\xC0\xF0\xB0\x70\x30", 8);   /* the strip, at 336 */
  g_assert_cmpuint (tiff.out->len, ==, 344);
  return tiff.out;
}


static void
put_app1 (GByteArray   *out,
          const char   *header,
          gsize         header_len,
          const guint8 *payload,
          gsize         payload_len)
{
  gsize len = 2 + header_len + payload_len;
  guint8 marker[4] = { 0xFF, 0xE1, (len >> 8) & 0xFF, len & 0xFF };

  g_byte_array_append (out, marker, 4);
  g_byte_array_append (out, (const guint8 *) header, header_len);
  g_byte_array_append (out, payload, payload_len);
}


static char *
write_file (const char *name,
            GByteArray *bytes)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
  return path;
}


/* A JPEG made with gdk-pixbuf, an Exif APP1 (big-endian) and an XMP APP1 after its SOI. */
static char *
make_jpeg (const char *name)
{
  g_autofree char *plain = cl_test_make_image (work_dir, "plain.jpg", "jpeg", 48, 32);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) tiff = make_tiff (TRUE);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  static const char xmp_header[] = "http://ns.adobe.com/xap/1.0/";
  gsize len;

  g_assert_true (g_file_get_contents (plain, &contents, &len, NULL));
  g_byte_array_append (out, (const guint8 *) contents, 2);
  put_app1 (out, "Exif\0\0", 6, tiff->data, tiff->len);
  put_app1 (out, xmp_header, sizeof xmp_header, (const guint8 *) xmp_packet,
            strlen (xmp_packet));
  g_byte_array_append (out, (const guint8 *) contents + 2, len - 2);
  return write_file (name, out);
}


/* A PNG made with gdk-pixbuf with an eXIf chunk (little-endian) after IHDR. */
static char *
make_png (const char *name)
{
  g_autofree char *plain = cl_test_make_image (work_dir, "plain.png", "png", 48, 32);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) tiff = make_tiff (FALSE);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 head[8] = { tiff->len >> 24, tiff->len >> 16, tiff->len >> 8, tiff->len,
                     'e', 'X', 'I', 'f' };
  uLong crc = crc32 (crc32 (0L, head + 4, 4), tiff->data, tiff->len);
  guint8 tail[4] = { crc >> 24, crc >> 16, crc >> 8, crc };
  gsize len;

  g_assert_true (g_file_get_contents (plain, &contents, &len, NULL));
  g_byte_array_append (out, (const guint8 *) contents, 8 + 25);   /* signature, IHDR */
  g_byte_array_append (out, head, 8);
  g_byte_array_append (out, tiff->data, tiff->len);
  g_byte_array_append (out, tail, 4);
  g_byte_array_append (out, (const guint8 *) contents + 33, len - 33);
  return write_file (name, out);
}


static void
put_le32 (guint8  *p,
          guint32  value)
{
  p[0] = value;
  p[1] = value >> 8;
  p[2] = value >> 16;
  p[3] = value >> 24;
}


/* A WebP made with gdk-pixbuf (simple format, one VP8 or VP8L chunk) turned into the
 * extended format: a VP8X chunk saying it has Exif, the image chunk, an EXIF chunk. NULL
 * when gdk-pixbuf cannot write WebP. */
static char *
make_webp (const char *name)
{
  g_autofree char *plain = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) tiff = make_tiff (FALSE);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 vp8x[18] = { 'V', 'P', '8', 'X', 10, 0, 0, 0, 0x08, 0, 0, 0, 47, 0, 0, 31, 0, 0 };
  guint8 exif_head[8] = { 'E', 'X', 'I', 'F' };
  gsize len;
  gboolean writable = FALSE;
  GSList *formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next) {
    g_autofree char *format_name = gdk_pixbuf_format_get_name (l->data);

    writable |= g_str_equal (format_name, "webp") && gdk_pixbuf_format_is_writable (l->data);
  }
  g_slist_free (formats);
  if (!writable)
    return NULL;
  plain = cl_test_make_image (work_dir, "plain.webp", "webp", 48, 32);
  g_assert_true (g_file_get_contents (plain, &contents, &len, NULL));
  g_assert_true (memcmp (contents + 12, "VP8", 3) == 0);
  g_byte_array_append (out, (const guint8 *) contents, 12);
  g_byte_array_append (out, vp8x, sizeof vp8x);
  g_byte_array_append (out, (const guint8 *) contents + 12, len - 12);
  if (out->len % 2 == 1)
    g_byte_array_append (out, (const guint8 *) "", 1);
  put_le32 (exif_head + 4, tiff->len);
  g_byte_array_append (out, exif_head, 8);
  g_byte_array_append (out, tiff->data, tiff->len);
  put_le32 (out->data + 4, out->len - 8);
  return write_file (name, out);
}


static char *
make_tiff_file (const char *name)
{
  g_autoptr(GByteArray) tiff = make_tiff (TRUE);

  return write_file (name, tiff);
}


static const char *
find (GPtrArray  *disclosures,
      const char *what)
{
  for (guint i = 0; i < disclosures->len; i++) {
    ClDisclosure *disclosure = g_ptr_array_index (disclosures, i);

    if (g_str_equal (disclosure->what, what))
      return disclosure->value;
  }
  return NULL;
}


static GPtrArray *
preflight (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *disclosures = cl_privacy_preflight (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return disclosures;
}


/* What exiftool, when installed, still reads of the GPS and serial tags (values only,
 * white space trimmed), or NULL without it. */
static char *
exiftool_leftovers (const char *path)
{
  g_autofree char *exiftool = g_find_program_in_path ("exiftool");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { exiftool, "-q", "-q", "-s3", "-n", "-GPS:all", "-XMP-exif:GPS*",
                         "-SerialNumber", "-LensSerialNumber", "-XMP:all:SerialNumber", path,
                         NULL };

  if (exiftool == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                NULL, &error);
  g_assert_no_error (error);
  return g_strdup (g_strstrip (out));
}


static ClSignResult *
sign (const char  *input,
      const char  *output,
      gboolean     remove_gps,
      gboolean     remove_serials,
      GError     **error)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  ClSignOptions options = { .remove_gps = remove_gps, .remove_serials = remove_serials };

  return cl_signer_sign_file (id->profile, &options, input, output, NULL, error);
}


/* Signs input with both options and checks the copy as the file's header says. */
static void
assert_removed (const char *input)
{
  g_autofree char *output = g_strconcat (input, ".signed", NULL);
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) source_facts = preflight (input);
  g_autofree char *exif_before = NULL;
  g_autofree char *exif_after = NULL;

  g_assert_nonnull (find (source_facts, "GPS position (Exif)"));
  g_assert_cmpstr (find (source_facts, "Camera serial number (Exif)"), ==, "SN123456");
  result = sign (input, output, TRUE, TRUE, &error);
  g_assert_no_error (error);

  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
  kept = preflight (output);
  g_assert_null (find (kept, "GPS position (Exif)"));
  g_assert_null (find (kept, "GPS position (XMP)"));
  g_assert_null (find (kept, "Camera serial number (Exif)"));
  g_assert_null (find (kept, "Lens serial number (Exif)"));
  g_assert_null (find (kept, "Camera serial number (XMP)"));
  g_assert_null (find (kept, "Lens serial number (XMP)"));
  g_assert_cmpstr (find (kept, "Camera owner (Exif)"), ==, "Jane Doe");
  g_assert_cmpstr (find (kept, "Artist (Exif)"), ==, "Jane Doe");
  g_assert_false (cl_test_file_contains (output, "SN123456"));
  g_assert_false (cl_test_file_contains (output, "LS987"));
  exif_before = exiftool_leftovers (input);
  exif_after = exiftool_leftovers (output);
  if (exif_before != NULL) {
    g_assert_nonnull (strstr (exif_before, "SN123456"));
    g_assert_cmpstr (exif_after, ==, "");
  }
  g_assert_true (cl_test_file_contains (output, "c2pa.edited.metadata"));
  g_assert_true (cl_test_file_contains (output, REMOVED_BOTH));
  cl_test_assert_same_pixels (input, output);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
}


static void
test_jpeg (void)
{
  g_autofree char *input = make_jpeg ("private.jpg");
  g_autofree char *output = g_build_filename (work_dir, "private.jpg.signed", NULL);
  g_autoptr(GPtrArray) kept = NULL;

  assert_removed (input);
  /* The XMP packet: its other properties still read, the removed ones gone. */
  kept = preflight (output);
  g_assert_cmpstr (find (kept, "Creator (XMP)"), ==, "Jane Doe");
  g_assert_false (cl_test_file_contains (output, "XMP-SN-42"));
  g_assert_false (cl_test_file_contains (output, "XMP-LENS-7"));
  g_assert_false (cl_test_file_contains (output, "exif:GPS"));
  g_assert_false (cl_test_file_contains (output, "48,51.502N"));
}


static void
test_png (void)
{
  g_autofree char *input = make_png ("private.png");

  assert_removed (input);
}


static void
test_webp (void)
{
  g_autofree char *input = make_webp ("private.webp");

  if (input == NULL) {
    g_test_skip ("gdk-pixbuf cannot write WebP here");
    return;
  }
  assert_removed (input);
}


static void
test_tiff (void)
{
  g_autofree char *input = make_tiff_file ("private.tif");
  g_autofree char *output = g_build_filename (work_dir, "private.tif.signed", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  assert_removed (input);
  /* The strip is where it was, byte for byte; the GPS directory is empty. */
  g_assert_true (g_file_get_contents (output, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 344);
  g_assert_true (memcmp (contents + 336, "\x10\x40\x80\xC0\xF0\xB0\x70\x30", 8) == 0);
  g_assert_cmpint (contents[GPS_IFD_AT], ==, 0);
  g_assert_cmpint (contents[GPS_IFD_AT + 1], ==, 0);
}


/* Only what is asked for goes; without the options nothing does, and no action says so. */
static void
test_each_option_alone (void)
{
  g_autofree char *input = make_jpeg ("choices.jpg");
  g_autofree char *gps_only = g_build_filename (work_dir, "gps-only.jpg", NULL);
  g_autofree char *neither = g_build_filename (work_dir, "neither.jpg", NULL);
  g_autoptr(ClSignResult) first = NULL;
  g_autoptr(ClSignResult) second = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GError) error = NULL;

  first = sign (input, gps_only, TRUE, FALSE, &error);
  g_assert_no_error (error);
  facts = preflight (gps_only);
  g_assert_null (find (facts, "GPS position (Exif)"));
  g_assert_cmpstr (find (facts, "Camera serial number (Exif)"), ==, "SN123456");
  g_assert_cmpstr (find (facts, "Camera serial number (XMP)"), ==, "XMP-SN-42");
  g_assert_true (cl_test_file_contains (gps_only, REMOVED_GPS));
  cl_test_assert_valid_untrusted (gps_only, "assertion.dataHash.match");

  second = sign (input, neither, FALSE, FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&facts, g_ptr_array_unref);
  facts = preflight (neither);
  g_assert_nonnull (find (facts, "GPS position (Exif)"));
  g_assert_nonnull (find (facts, "GPS position (XMP)"));
  g_assert_cmpstr (find (facts, "Lens serial number (XMP)"), ==, "XMP-LENS-7");
  g_assert_false (cl_test_file_contains (neither, "c2pa.edited.metadata"));
}


/* A source with credentials of its own: they become the parent ingredient, whose data hash
 * is the source's and still matches it, and the actions are opened, then
 * edited.metadata. */
static void
test_parent (void)
{
  g_autofree char *input = make_jpeg ("parent.jpg");
  g_autofree char *first = g_build_filename (work_dir, "parent-signed.jpg", NULL);
  g_autofree char *second = g_build_filename (work_dir, "parent-removed.jpg", NULL);
  g_autofree char *oracle = cl_test_oracle_path ();
  g_autoptr(ClSignResult) r1 = NULL;
  g_autoptr(ClSignResult) r2 = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GError) error = NULL;

  r1 = sign (input, first, FALSE, FALSE, &error);
  g_assert_no_error (error);
  r2 = sign (first, second, TRUE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r2->parent_label, ==, r1->manifest_label);
  g_assert_cmpint (r2->parent_binding, ==, CL_PARENT_BINDING_MATCH);
  facts = preflight (second);
  g_assert_null (find (facts, "GPS position (Exif)"));
  g_assert_null (find (facts, "Camera serial number (XMP)"));
  g_assert_nonnull (find (facts, "Earlier Content Credentials"));
  g_assert_true (cl_test_file_contains (second, "c2pa.opened"));
  g_assert_true (cl_test_file_contains (second, REMOVED_BOTH));
  cl_test_assert_same_pixels (input, second);
  cl_test_assert_valid_untrusted (second, "assertion.dataHash.match");
  if (oracle != NULL) {
    g_autoptr(JsonObject) report = cl_test_oracle_read (oracle, second, NULL);

    cl_test_oracle_assert_valid (report, second);
    cl_test_oracle_assert_ingredient_validated (report, second);
  }
}


/* A file with nothing to remove is signed as it is, with no action about it. */
static void
test_nothing_to_remove (void)
{
  g_autofree char *input = cl_test_make_image (work_dir, "clean.jpg", "jpeg", 40, 30);
  g_autofree char *output = g_build_filename (work_dir, "clean-signed.jpg", NULL);
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = sign (input, output, TRUE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (cl_test_file_contains (output, "c2pa.edited.metadata"));
}


/* The preflight marks what the options will remove. */
static void
test_preflight_says_removed (void)
{
  g_autofree char *input = make_jpeg ("preflight.jpg");
  ClSignOptions options = { .remove_gps = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) disclosures = cl_privacy_preflight (input, &options, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < disclosures->len; i++) {
    ClDisclosure *disclosure = g_ptr_array_index (disclosures, i);

    g_assert_true (disclosure->removed == (disclosure->kind == CL_DISCLOSURE_GPS));
  }
  g_assert_nonnull (find (disclosures, "GPS position (XMP)"));
}


/* A GPS directory past the end of the Exif block cannot be cleared: refused, nothing
 * written. So is a format the options do not handle. */
static void
test_refused (void)
{
  g_autofree char *input = make_jpeg ("broken-gps.jpg");
  g_autofree char *output = g_build_filename (work_dir, "broken-gps-signed.jpg", NULL);
  g_autofree char *svg = g_build_filename (work_dir, "drawing.svg", NULL);
  g_autofree char *svg_output = g_build_filename (work_dir, "drawing-signed.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  guint8 *gps_pointer;

  g_assert_true (g_file_get_contents (input, &contents, &len, NULL));
  /* The big-endian GPS IFD offset of IFD0's last entry: 2 + 4 (APP1) + 6 (Exif) + 8 + 2 +
   * 11 × 12 + 8. */
  gps_pointer = (guint8 *) contents + 2 + 4 + 6 + 8 + 2 + 11 * 12 + 8;
  g_assert_cmpint (gps_pointer[3], ==, GPS_IFD_AT & 0xFF);
  gps_pointer[2] = 0x40;
  g_assert_true (g_file_set_contents (input, contents, len, NULL));
  result = sign (input, output, TRUE, FALSE, &error);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "Exif"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                      "width=\"4\" height=\"4\"/>", -1, NULL));
  result = sign (svg, svg_output, FALSE, TRUE, &error);
  g_assert_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED);
  g_assert_false (g_file_test (svg_output, G_FILE_TEST_EXISTS));
}


/* Every truncation of the Exif block and every byte set to 0xFF in turn: the removal
 * reads and writes inside the block only (ASan checks that in CI), and either clears what
 * it found or says it cannot. */
static void
test_damaged_exif (void)
{
  g_autoptr(GByteArray) tiff = make_tiff (FALSE);

  for (guint len = 0; len <= tiff->len; len++) {
    g_autofree guint8 *copy = g_memdup2 (tiff->data, MAX (len, 1));
    gboolean removed = cl_exif_privacy_remove (copy, len, TRUE, TRUE);

    if (len < 16)
      g_assert_false (removed);
    if (removed) {
      g_autoptr(ClExifPrivacy) facts = cl_exif_privacy_read (copy, len);

      g_assert_false (facts->has_gps);
      g_assert_null (facts->body_serial);
    }
  }
  for (guint at = 0; at < tiff->len; at++) {
    g_autofree guint8 *copy = g_memdup2 (tiff->data, tiff->len);

    copy[at] = 0xFF;
    if (cl_exif_privacy_remove (copy, tiff->len, TRUE, TRUE)) {
      g_autoptr(ClExifPrivacy) facts = cl_exif_privacy_read (copy, tiff->len);

      g_assert_false (facts->has_gps);
      g_assert_null (facts->lens_serial);
    }
  }
}


/* XMP: the packet keeps its length and stays well-formed; one that cannot (unterminated)
 * is refused, and every truncation is handled. */
static void
test_xmp (void)
{
  gsize len = strlen (xmp_packet);
  g_autofree char *copy = g_strdup (xmp_packet);
  g_autoptr(ClXmpPrivacy) facts = NULL;
  static const char unterminated[] =
    "<x:xmpmeta><rdf:Description exif:GPSLatitude=\"48,51N></x:xmpmeta>";
  g_autofree char *broken = g_strdup (unterminated);

  g_assert_true (cl_xmp_privacy_remove ((guint8 *) copy, len, TRUE, TRUE));
  g_assert_cmpuint (strlen (copy), ==, len);
  facts = cl_xmp_privacy_read ((const guint8 *) copy, len);
  g_assert_nonnull (facts);
  g_assert_null (facts->gps_latitude);
  g_assert_null (facts->gps_longitude);
  g_assert_null (facts->body_serial);
  g_assert_null (facts->lens_serial);
  g_assert_cmpstr (facts->creators, ==, "Jane Doe");
  g_assert_null (strstr (copy, "GPS"));

  cl_xmp_privacy_remove ((guint8 *) broken, strlen (broken), TRUE, TRUE);
  g_clear_pointer (&facts, cl_xmp_privacy_free);
  facts = cl_xmp_privacy_read ((const guint8 *) broken, strlen (broken));
  g_assert_null (facts != NULL ? facts->gps_latitude : NULL);

  for (gsize cut = 0; cut < len; cut++) {
    g_autofree guint8 *part = g_memdup2 (xmp_packet, MAX (cut, 1));

    cl_xmp_privacy_remove (part, cut, TRUE, TRUE);
  }
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-privacy-removal", CL_TEST_TMP_UNTIL_EXIT);

  g_test_add_func ("/sign-privacy-removal/jpeg", test_jpeg);
  g_test_add_func ("/sign-privacy-removal/png", test_png);
  g_test_add_func ("/sign-privacy-removal/webp", test_webp);
  g_test_add_func ("/sign-privacy-removal/tiff", test_tiff);
  g_test_add_func ("/sign-privacy-removal/each-option-alone", test_each_option_alone);
  g_test_add_func ("/sign-privacy-removal/parent", test_parent);
  g_test_add_func ("/sign-privacy-removal/nothing-to-remove", test_nothing_to_remove);
  g_test_add_func ("/sign-privacy-removal/preflight-says-removed", test_preflight_says_removed);
  g_test_add_func ("/sign-privacy-removal/refused", test_refused);
  g_test_add_func ("/sign-privacy-removal/damaged-exif", test_damaged_exif);
  g_test_add_func ("/sign-privacy-removal/xmp", test_xmp);
  status = g_test_run ();

  cl_test_signing_identities_free ();
  g_free (work_dir);
  return status;
}
