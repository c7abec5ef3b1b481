/* test-file-filters.c: the Open dialogs' filters, matched as the file chooser matches
 * them (by media type, else by name). The Sign page's filter takes every media type and
 * suffix of the writers table, so a JPEG XL or HEIC whose type the system does not know
 * is offered by its name, and no camera raw file or other file is; the Verify page's
 * filter takes detached manifest stores (.c2pa) beside the images.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-asset-writer.h"
#include "cl-sign-image-filter.h"
#include "cl-verify-file-filter.h"


static gboolean
matches (GtkFileFilter *filter,
         const char    *name,
         const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}


static void
test_sign_filter (void)
{
  g_autoptr(GtkFileFilter) filter = cl_sign_image_filter_new ();
  g_auto(GStrv) media_types = cl_asset_writable_media_types ();
  g_auto(GStrv) suffixes = cl_asset_writable_suffixes ();
  const char *unknown = "application/octet-stream";

  for (guint i = 0; media_types[i] != NULL; i++)
    g_assert_true (matches (filter, "image", media_types[i]));
  for (guint i = 0; suffixes[i] != NULL; i++) {
    g_autofree char *name = g_strconcat ("image.", suffixes[i], NULL);

    g_assert_true (matches (filter, name, unknown));
  }
  /* Every format the signer writes, HEIF and JPEG XL among them. */
  g_assert_true (g_strv_contains ((const char * const *) media_types, "image/heic"));
  g_assert_true (g_strv_contains ((const char * const *) media_types, "image/avif"));
  g_assert_true (g_strv_contains ((const char * const *) media_types, "image/jxl"));
  g_assert_true (matches (filter, "photo.JXL", unknown));
  g_assert_true (matches (filter, "photo.heic", unknown));
  /* Camera raw files are read, not signed; videos and other files are neither. */
  g_assert_false (matches (filter, "photo.arw", unknown));
  g_assert_false (matches (filter, "photo.nef", unknown));
  g_assert_false (matches (filter, "clip.mp4", "video/mp4"));
  g_assert_false (matches (filter, "store.c2pa", unknown));
  g_assert_false (matches (filter, "notes.txt", "text/plain"));
}


static void
test_verify_filter (void)
{
  g_autoptr(GtkFileFilter) filter = cl_verify_file_filter_new ();

  g_assert_true (matches (filter, "store.c2pa", "application/octet-stream"));
  g_assert_true (matches (filter, "store", "application/c2pa"));
  g_assert_true (matches (filter, "photo.heic", "image/heic"));
  g_assert_true (matches (filter, "photo.jxl", "image/jxl"));
  g_assert_true (matches (filter, "photo.arw", "image/x-sony-arw"));
  g_assert_false (matches (filter, "notes.txt", "text/plain"));
}


int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/file-filters/sign", test_sign_filter);
  g_test_add_func ("/file-filters/verify", test_verify_filter);
  return g_test_run ();
}
