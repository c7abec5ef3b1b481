/* test-sign-privacy.c: the privacy preflight before signing — a JPEG given Exif (GPS
 * position, camera and lens serial numbers, owner, artist) and XMP (creators, a serial
 * number, a GPS latitude, a three-step edit history) here, byte by byte, is reported
 * with each of them and with what the credentials add (signer certificate, author,
 * earlier credentials); the preflight writes nothing and signing leaves the source as it
 * was (the signed copy validates). Damaged Exif (every truncation, absurd counts and
 * offsets) gives what was readable and never reads out of bounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-exif-privacy.h"
#include "cl-privacy-preflight.h"
#include "cl-signer.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"

#define SIGNER_SUBJECT "/C=XX/O=CredLink test/CN=Jane Doe"

static char *work_dir;

static const char xmp_packet[] =
  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
  "<rdf:Description rdf:about=\"\" xmlns:aux=\"http://ns.adobe.com/exif/1.0/aux/\""
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
  " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\""
  " xmlns:stEvt=\"http://ns.adobe.com/xap/1.0/sType/ResourceEvent#\""
  " aux:SerialNumber=\"XMP-SN-42\">"
  "<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li><rdf:li>John Roe</rdf:li></rdf:Seq></dc:creator>"
  "<exif:GPSLatitude>48,51.502N</exif:GPSLatitude>"
  "<xmpMM:History><rdf:Seq>"
  "<rdf:li stEvt:action=\"created\"/><rdf:li stEvt:action=\"saved\"/>"
  "<rdf:li rdf:parseType=\"Resource\"><stEvt:action>saved</stEvt:action></rdf:li>"
  "</rdf:Seq></xmpMM:History>"
  "</rdf:Description></rdf:RDF></x:xmpmeta>";


static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xFF, (value >> 8) & 0xFF };

  g_byte_array_append (out, bytes, 2);
}


static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF, value >> 24 };

  g_byte_array_append (out, bytes, 4);
}


static void
put_entry (GByteArray *out,
           guint       tag,
           guint       type,
           guint32     count,
           guint32     value)
{
  put16 (out, tag);
  put16 (out, type);
  put32 (out, count);
  put32 (out, value);
}


static void
put_rational (GByteArray *out,
              guint32     numerator,
              guint32     denominator)
{
  put32 (out, numerator);
  put32 (out, denominator);
}


/* A little-endian TIFF block: IFD0 (Artist, Exif and GPS pointers), the Exif IFD (owner,
 * body and lens serial numbers) and the GPS IFD (48°51'30.13" N, 2°17'40.2" E). The
 * offsets are laid out by hand as a camera writes them. */
static GByteArray *
make_tiff (void)
{
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) "II", 2);
  put16 (out, 42);
  put32 (out, 8);
  put16 (out, 3);                                 /* IFD0 at 8 */
  put_entry (out, 0x013B, 2, 9, 50);              /* Artist */
  put_entry (out, 0x8769, 4, 1, 60);              /* Exif IFD */
  put_entry (out, 0x8825, 4, 1, 128);             /* GPS IFD */
  put32 (out, 0);
  g_byte_array_append (out, (const guint8 *) "Jane Doe\0\0", 10);   /* 50 */
  put16 (out, 3);                                 /* Exif IFD at 60 */
  put_entry (out, 0xA430, 2, 9, 102);             /* CameraOwnerName */
  put_entry (out, 0xA431, 2, 9, 111);             /* BodySerialNumber */
  put_entry (out, 0xA435, 2, 6, 120);             /* LensSerialNumber */
  put32 (out, 0);
  g_byte_array_append (out, (const guint8 *) "Jane Doe\0", 9);      /* 102 */
  g_byte_array_append (out, (const guint8 *) "SN123456\0", 9);      /* 111 */
  g_byte_array_append (out, (const guint8 *) "LS987\0\0\0", 8);     /* 120 */
  put16 (out, 4);                                 /* GPS IFD at 128 */
  put_entry (out, 0x0001, 2, 2, 'N');             /* GPSLatitudeRef, inline */
  put_entry (out, 0x0002, 5, 3, 182);             /* GPSLatitude */
  put_entry (out, 0x0003, 2, 2, 'E');
  put_entry (out, 0x0004, 5, 3, 206);
  put32 (out, 0);
  put_rational (out, 48, 1);                      /* 182 */
  put_rational (out, 51, 1);
  put_rational (out, 3013, 100);
  put_rational (out, 2, 1);                       /* 206 */
  put_rational (out, 17, 1);
  put_rational (out, 402, 10);
  g_assert_cmpuint (out->len, ==, 230);
  return out;
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

  g_assert_cmpuint (len, <=, 0xFFFF);
  g_byte_array_append (out, marker, 4);
  g_byte_array_append (out, (const guint8 *) header, header_len);
  g_byte_array_append (out, payload, payload_len);
}


/* A JPEG made with gdk-pixbuf, with an Exif APP1 and an XMP APP1 put after its SOI. */
static char *
make_jpeg_with_metadata (const char *name)
{
  g_autofree char *plain = cl_test_make_image (work_dir, "plain-for-metadata.jpg", "jpeg", 48, 32);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) tiff = make_tiff ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  static const char xmp_header[] = "http://ns.adobe.com/xap/1.0/";
  char *path = g_build_filename (work_dir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (plain, &contents, &len, NULL));
  g_byte_array_append (out, (const guint8 *) contents, 2);
  put_app1 (out, "Exif\0\0", 6, tiff->data, tiff->len);
  put_app1 (out, xmp_header, sizeof xmp_header, (const guint8 *) xmp_packet,
            strlen (xmp_packet));
  g_byte_array_append (out, (const guint8 *) contents + 2, len - 2);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
  return path;
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


static void
test_reports_metadata (void)
{
  g_autofree char *input = make_jpeg_with_metadata ("private.jpg");
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  ClSignOptions options = { .author = "Jane Doe" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) disclosures = cl_privacy_preflight (input, &options, SIGNER_SUBJECT,
                                                           NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (find (disclosures, "GPS position (Exif)"), ==,
                   "48.858369° N, 2.294500° E");
  g_assert_cmpstr (find (disclosures, "Camera serial number (Exif)"), ==, "SN123456");
  g_assert_cmpstr (find (disclosures, "Lens serial number (Exif)"), ==, "LS987");
  g_assert_cmpstr (find (disclosures, "Camera owner (Exif)"), ==, "Jane Doe");
  g_assert_cmpstr (find (disclosures, "Artist (Exif)"), ==, "Jane Doe");
  g_assert_cmpstr (find (disclosures, "Camera serial number (XMP)"), ==, "XMP-SN-42");
  g_assert_cmpstr (find (disclosures, "Creator (XMP)"), ==, "Jane Doe, John Roe");
  g_assert_cmpstr (find (disclosures, "GPS position (XMP)"), ==, "48,51.502N, ?");
  g_assert_cmpstr (find (disclosures, "Edit history (XMP)"), ==, "3 steps");
  g_assert_cmpstr (find (disclosures, "Signer certificate"), ==, SIGNER_SUBJECT);
  g_assert_cmpstr (find (disclosures, "Author"), ==, "Jane Doe");
  g_assert_null (find (disclosures, "Earlier Content Credentials"));
  for (guint i = 0; i < disclosures->len; i++) {
    ClDisclosure *disclosure = g_ptr_array_index (disclosures, i);

    g_assert_true (disclosure->in_credentials ==
                   (disclosure->kind == CL_DISCLOSURE_SIGNER ||
                    g_str_equal (disclosure->what, "Author")));
  }
  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
}


/* Signing keeps the metadata as the preflight said (nothing is removed) and never
 * touches the source; the signed copy has earlier credentials for the next signing. */
static void
test_signing_keeps_what_was_reported (void)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
  g_autofree char *input = make_jpeg_with_metadata ("kept.jpg");
  g_autofree char *output = g_build_filename (work_dir, "kept-signed.jpg", NULL);
  g_autofree char *before = cl_test_file_sha256 (input);
  g_autofree char *after = NULL;
  ClSignOptions options = { 0, };
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GPtrArray) disclosures = NULL;
  g_autoptr(GError) error = NULL;

  result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  after = cl_test_file_sha256 (input);
  g_assert_cmpstr (before, ==, after);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");

  disclosures = cl_privacy_preflight (output, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find (disclosures, "GPS position (Exif)"), ==,
                   "48.858369° N, 2.294500° E");
  g_assert_cmpstr (find (disclosures, "Edit history (XMP)"), ==, "3 steps");
  g_assert_nonnull (find (disclosures, "Earlier Content Credentials"));
  g_assert_null (find (disclosures, "Signer certificate"));
  g_assert_null (find (disclosures, "Author"));
}


static void
test_plain_image (void)
{
  g_autofree char *jpeg = cl_test_make_image (work_dir, "plain.jpg", "jpeg", 40, 30);
  g_autofree char *png = cl_test_make_image (work_dir, "plain.png", "png", 40, 30);
  const char *inputs[] = { jpeg, png };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) disclosures = cl_privacy_preflight (inputs[i], NULL, SIGNER_SUBJECT,
                                                             NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (disclosures->len, ==, 1);
    g_assert_cmpstr (find (disclosures, "Signer certificate"), ==, SIGNER_SUBJECT);
  }
}


static void
test_not_an_image (void)
{
  g_autofree char *path = g_build_filename (work_dir, "notes.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) disclosures = NULL;

  g_assert_true (g_file_set_contents (path, "not an image", -1, NULL));
  disclosures = cl_privacy_preflight (path, NULL, NULL, NULL, &error);
  g_assert_null (disclosures);
  g_assert_nonnull (error);
}


/* Every truncation of the block, and counts and offsets that point anywhere: what is
 * readable is read, nothing outside the block is (ASan checks that in CI). */
static void
test_damaged_exif (void)
{
  g_autoptr(GByteArray) tiff = make_tiff ();

  for (guint len = 0; len <= tiff->len; len++) {
    /* A copy of exactly len bytes, so that reading past it is an error the sanitizers see. */
    g_autofree guint8 *copy = g_memdup2 (tiff->data, MAX (len, 1));
    g_autoptr(ClExifPrivacy) facts = cl_exif_privacy_read (copy, len);

    if (len == tiff->len) {
      g_assert_cmpstr (facts->gps_position, ==, "48.858369° N, 2.294500° E");
      g_assert_cmpstr (facts->lens_serial, ==, "LS987");
    }
    if (len < 200)
      g_assert_null (facts->gps_position);
  }

  /* IFD0 claims 65535 entries; then an offset past the end; then a pointer loop. */
  {
    g_autoptr(ClExifPrivacy) many = NULL;
    g_autoptr(ClExifPrivacy) far = NULL;
    g_autoptr(ClExifPrivacy) loop = NULL;

    tiff->data[8] = 0xFF;
    tiff->data[9] = 0xFF;
    many = cl_exif_privacy_read (tiff->data, tiff->len);
    g_assert_null (many->artist);
    tiff->data[8] = 3;
    tiff->data[9] = 0;
    tiff->data[10 + 8] = 0xF0;                     /* Artist's offset: 0xF0 + 50 > 230 */
    far = cl_exif_privacy_read (tiff->data, tiff->len);
    g_assert_null (far->artist);
    g_assert_cmpstr (far->body_serial, ==, "SN123456");
    tiff->data[10 + 8] = 50;
    tiff->data[22 + 8] = 8;                        /* the Exif IFD is IFD0 itself */
    loop = cl_exif_privacy_read (tiff->data, tiff->len);
    g_assert_cmpstr (loop->artist, ==, "Jane Doe");
    g_assert_null (loop->body_serial);
  }
}


int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-sign-privacy", CL_TEST_TMP_UNTIL_EXIT);

  g_test_add_func ("/sign-privacy/reports-metadata", test_reports_metadata);
  g_test_add_func ("/sign-privacy/signing-keeps-what-was-reported",
                   test_signing_keeps_what_was_reported);
  g_test_add_func ("/sign-privacy/plain-image", test_plain_image);
  g_test_add_func ("/sign-privacy/not-an-image", test_not_an_image);
  g_test_add_func ("/sign-privacy/damaged-exif", test_damaged_exif);
  status = g_test_run ();

  cl_test_signing_identities_free ();
  g_free (work_dir);
  return status;
}
