/* test-format-thumbnails.c: previews of the formats gdk-pixbuf does not read by itself on
 * Debian 12, and the claim thumbnail of those formats when signing.
 *
 * A JPEG XL made here with libjxl's encoder is decoded small with its colour; a JPEG XL
 * header claiming 20000 × 20000 pixels is refused in words before anything is decoded,
 * quickly and without the memory such an image would take; a truncated one is an error,
 * not a crash. The shared sample1.heic is previewed through libheif, a HEIF
 * whose size property claims 20000 × 20000 is refused before libheif sees it, and signing
 * sample1.heic and sample1.jxl writes the claim thumbnail c2pa-rs writes for them, which
 * is none (checked against the reference signer when it is installed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <jxl/encode.h>

#include "cl-error.h"
#include "cl-image-preview.h"
#include "cl-signer.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"

#define PREVIEW_SIZE 96

static char *work_dir;


/* A width × height JPEG XL of one colour (RGB), encoded lossily here. */
static GBytes *
encode_jxl (guint  width,
            guint  height,
            guint8 red,
            guint8 green,
            guint8 blue)
{
  JxlEncoder *encoder = JxlEncoderCreate (NULL);
  JxlEncoderFrameSettings *settings;
  JxlPixelFormat format = { 3, JXL_TYPE_UINT8, JXL_NATIVE_ENDIAN, 0 };
  JxlBasicInfo info;
  JxlColorEncoding colour;
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height * 3);
  g_autoptr(GByteArray) out = g_byte_array_sized_new (4096);
  JxlEncoderStatus status = JXL_ENC_NEED_MORE_OUTPUT;

  for (gsize i = 0; i < (gsize) width * height; i++) {
    pixels[3 * i] = red;
    pixels[3 * i + 1] = green;
    pixels[3 * i + 2] = blue;
  }
  JxlEncoderInitBasicInfo (&info);
  info.xsize = width;
  info.ysize = height;
  info.bits_per_sample = 8;
  g_assert_cmpint (JxlEncoderSetBasicInfo (encoder, &info), ==, JXL_ENC_SUCCESS);
  JxlColorEncodingSetToSRGB (&colour, FALSE);
  g_assert_cmpint (JxlEncoderSetColorEncoding (encoder, &colour), ==, JXL_ENC_SUCCESS);
  settings = JxlEncoderFrameSettingsCreate (encoder, NULL);
  JxlEncoderFrameSettingsSetOption (settings, JXL_ENC_FRAME_SETTING_EFFORT, 3);
  g_assert_cmpint (JxlEncoderAddImageFrame (settings, &format, pixels,
                                            (gsize) width * height * 3), ==, JXL_ENC_SUCCESS);
  JxlEncoderCloseInput (encoder);
  while (status == JXL_ENC_NEED_MORE_OUTPUT) {
    guint used = out->len;
    guint8 *next;
    gsize avail = 4096;

    g_byte_array_set_size (out, used + 4096);
    next = out->data + used;
    status = JxlEncoderProcessOutput (encoder, &next, &avail);
    g_byte_array_set_size (out, (guint) (next - out->data));
  }
  g_assert_cmpint (status, ==, JXL_ENC_SUCCESS);
  JxlEncoderDestroy (encoder);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}


static char *
write_file (const char   *name,
            const guint8 *data,
            gsize         len)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) len, NULL));
  return path;
}


/* Bits written least significant first, as JPEG XL's headers are. */
typedef struct {
  guint8 bytes[32];
  guint  bit;
} Bits;


static void
put_bits (Bits    *bits,
          guint32  value,
          guint    count)
{
  for (guint i = 0; i < count; i++, bits->bit++) {
    if (value & (1u << i))
      bits->bytes[bits->bit / 8] |= (guint8) (1u << (bits->bit % 8));
  }
}


static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}


static void
test_jxl_preview (void)
{
  g_autoptr(GBytes) jxl = encode_jxl (300, 200, 0x20, 0x80, 0xE0);
  g_autofree char *path = write_file ("made.jxl", g_bytes_get_data (jxl, NULL),
                                      g_bytes_get_size (jxl));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  const guint8 *middle;

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  g_assert_cmpint (gdk_pixbuf_get_width (preview), ==, 96);
  g_assert_cmpint (gdk_pixbuf_get_height (preview), ==, 64);
  middle = gdk_pixbuf_read_pixels (preview) + 32 * gdk_pixbuf_get_rowstride (preview) +
           48 * gdk_pixbuf_get_n_channels (preview);
  g_assert_cmpint (ABS (middle[0] - 0x20), <, 8);
  g_assert_cmpint (ABS (middle[1] - 0x80), <, 8);
  g_assert_cmpint (ABS (middle[2] - 0xE0), <, 8);
}


/* A codestream whose size header says 20000 × 20000 and whose metadata are the
 * defaults, then nothing: refused by its size, not by its missing data. */
static void
test_jxl_hostile_header (void)
{
  Bits bits = { { 0xFF, 0x0A }, 16 };
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;
  gint64 start;
  glong rss_before;

  put_bits (&bits, 0, 1);            /* not a multiple of 8 */
  put_bits (&bits, 2, 2);            /* height: 1 + 18 bits */
  put_bits (&bits, 20000 - 1, 18);
  put_bits (&bits, 0, 3);            /* no ratio: the width follows */
  put_bits (&bits, 2, 2);
  put_bits (&bits, 20000 - 1, 18);
  put_bits (&bits, 1, 1);            /* image metadata: all default */
  path = write_file ("huge.jxl", bits.bytes, sizeof bits.bytes);
  rss_before = peak_rss_kb ();
  start = g_get_monotonic_time ();
  preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20000 × 20000"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpint (peak_rss_kb () - rss_before, <, 64 * 1024);
}


static void
test_jxl_truncated (void)
{
  g_autoptr(GBytes) jxl = encode_jxl (256, 256, 0x10, 0x20, 0x30);
  g_autofree char *path = write_file ("cut.jxl", g_bytes_get_data (jxl, NULL),
                                      g_bytes_get_size (jxl) / 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);

  g_assert_null (preview);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED);
}


static char *
shared_image (const char *name)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  char *path = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", name, NULL) : NULL;

  if (path != NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}


static void
test_heif_preview (void)
{
  g_autofree char *path = shared_image ("sample1.heic");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;

  if (path == NULL) {
    g_test_skip ("the shared sample1.heic is not here");
    return;
  }
  preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (MAX (gdk_pixbuf_get_width (preview), gdk_pixbuf_get_height (preview)), ==,
                   PREVIEW_SIZE);
}


static void
put_box (GByteArray *out,
         const char *type,
         guint32     size)
{
  guint8 b[4] = { size >> 24, size >> 16, size >> 8, size };

  g_byte_array_append (out, b, 4);
  g_byte_array_append (out, (const guint8 *) type, 4);
}


/* A HEIF whose image size property says 20000 × 20000: refused before libheif decodes. */
static void
test_heif_hostile_size (void)
{
  static const guint8 ispe[] = { 0, 0, 0, 0, 0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20 };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;

  put_box (out, "ftyp", 24);
  g_byte_array_append (out, (const guint8 *) "heic\0\0\0\0mif1heic", 16);
  put_box (out, "meta", 12 + 8 + 8 + 8 + sizeof ispe);
  g_byte_array_append (out, (const guint8 *) "\0\0\0\0", 4);
  put_box (out, "iprp", 8 + 8 + 8 + sizeof ispe);
  put_box (out, "ipco", 8 + 8 + sizeof ispe);
  put_box (out, "ispe", 8 + sizeof ispe);
  g_byte_array_append (out, ispe, sizeof ispe);
  put_box (out, "mdat", 12);
  g_byte_array_append (out, (const guint8 *) "\0\0\0\0", 4);
  path = write_file ("huge.heic", out->data, out->len);
  preview = cl_image_preview_load (path, PREVIEW_SIZE, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20000 × 20000"));
}


/* Whether the reference signer writes a claim thumbnail into its copy of input; -1 when
 * it is not installed. */
static int
reference_thumbnail (const char *input,
                     const char *name)
{
  g_autofree char *oracle = cl_test_oracle_path ();
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *dir = NULL, *script = NULL, *chain = NULL, *key = NULL, *err = NULL;
  g_autofree char *output = g_strdup_printf ("%s/reference-%s", work_dir, name);
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (oracle == NULL || shared == NULL)
    return -1;
  dir = g_path_get_dirname (oracle);
  script = g_build_filename (dir, "sign.mjs", NULL);
  chain = g_build_filename (shared, "c2pa-fixtures", "certs", "es256.pub", NULL);
  key = g_build_filename (shared, "c2pa-fixtures", "certs", "es256.pem", NULL);
  if (!g_file_test (script, G_FILE_TEST_EXISTS) || !g_file_test (key, G_FILE_TEST_EXISTS))
    return -1;
  {
    const char *argv[] = { "node", script, input, output, chain, key, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                                 G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                                 &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sign.mjs failed on %s: %s", name, err);
  return cl_test_file_contains (output, "c2pa.thumbnail.claim") ? 1 : 0;
}


static void
test_sign_like_reference (void)
{
  const char *names[] = { "sample1.heic", "sample1.jxl" };
  guint signed_count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *input = shared_image (names[i]);
    g_autofree char *output = g_strdup_printf ("%s/signed-%s", work_dir, names[i]);
    ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, work_dir);
    ClSignOptions options = { 0 };
    g_autoptr(ClSignResult) result = NULL;
    g_autoptr(GError) error = NULL;
    int reference;

    if (input == NULL)
      continue;
    result = cl_signer_sign_file (id->profile, &options, input, output, NULL, &error);
    g_assert_no_error (error);
    /* c2pa-rs 0.91 makes no thumbnail of these formats. */
    g_assert_false (cl_test_file_contains (output, "c2pa.thumbnail.claim"));
    reference = reference_thumbnail (input, names[i]);
    if (reference >= 0)
      g_assert_cmpint (reference, ==, 0);
    signed_count++;
  }
  if (signed_count == 0)
    g_test_skip ("the shared sample1.heic and sample1.jxl are not here");
}


int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = cl_test_tmp_dir_new ("credlink-format-thumbnails", CL_TEST_TMP_UNTIL_EXIT);
  g_test_add_func ("/format-thumbnails/jxl-preview", test_jxl_preview);
  g_test_add_func ("/format-thumbnails/jxl-hostile-header", test_jxl_hostile_header);
  g_test_add_func ("/format-thumbnails/jxl-truncated", test_jxl_truncated);
  g_test_add_func ("/format-thumbnails/heif-preview", test_heif_preview);
  g_test_add_func ("/format-thumbnails/heif-hostile-size", test_heif_hostile_size);
  g_test_add_func ("/format-thumbnails/sign-like-reference", test_sign_like_reference);
  status = g_test_run ();
  cl_test_signing_identities_free ();
  return status;
}
