/* bench-sign.c: how long signing a large photo takes and how much memory it needs.
 * Built, never run by `meson test`. Run by hand:
 *   ./build/tests/bench-sign [WIDTH HEIGHT [RUNS]]      (default 6000 4000 3)
 *   ./build/tests/bench-sign --file PHOTO [RUNS]
 * It makes a WIDTH × HEIGHT JPEG with gdk-pixbuf (or takes PHOTO), signs it RUNS times
 * with an ES256 test identity and prints the time per run (median too) and the peak
 * RSS. The key is unlocked once, before the runs: this is the signing alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-signer.h"
#include "cl-test-identity.h"
#include "cl-test-tmp.h"

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}


int
main (int   argc,
      char *argv[])
{
  gboolean given = argc > 2 && g_str_equal (argv[1], "--file");
  int width = given ? 1 : argc > 2 ? atoi (argv[1]) : 6000;
  int height = given ? 1 : argc > 2 ? atoi (argv[2]) : 4000;
  int runs = given ? (argc > 3 ? atoi (argv[3]) : 3) : argc > 3 ? atoi (argv[3]) : 3;
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-bench-sign", CL_TEST_TMP_UNTIL_EXIT);
  g_autofree char *input = given ? g_strdup (argv[2]) : g_build_filename (dir, "photo.jpg", NULL);
  g_autofree char *output = g_build_filename (dir, "signed.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_test_identity_create ("bench", CL_COSE_ALG_ES256, NULL, NULL,
                                                          &error);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  ClSignOptions options = { .force = TRUE };
  struct rusage usage;
  GStatBuf st;
  gint64 total = 0;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (profile == NULL || width < 1 || height < 1 || runs < 1) {
    fprintf (stderr, "usage: bench-sign [WIDTH HEIGHT [RUNS]]\n");
    return 64;
  }
  for (int y = 0; !given && y < height; y++) {
    for (int x = 0; x < width; x++) {
      guint8 *p = pixels + y * rowstride + x * 3;

      p[0] = (guint8) (x * 7 + y);
      p[1] = (guint8) (x ^ y);
      p[2] = (guint8) (y * 3);
    }
  }
  if (!given && !gdk_pixbuf_save (pixbuf, input, "jpeg", &error, "quality", "92", NULL)) {
    fprintf (stderr, "%s\n", error->message);
    return 1;
  }
  g_clear_object (&pixbuf);
  g_stat (input, &st);

  for (int i = 0; i < runs; i++) {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(ClSignResult) result = cl_signer_sign_file (profile, &options, input, output, NULL,
                                                          &error);

    if (result == NULL) {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
    start = g_get_monotonic_time () - start;
    total += start;
    g_array_append_val (times, start);
  }
  g_array_sort (times, compare_times);
  getrusage (RUSAGE_SELF, &usage);
  if (given)
    printf ("%s, %.1f MB: %.0f ms per signature, median %.0f ms (%d runs), peak RSS %.1f MB\n",
            input, st.st_size / 1e6, total / 1000.0 / runs,
            g_array_index (times, gint64, runs / 2) / 1000.0, runs, usage.ru_maxrss / 1024.0);
  else
    printf ("%d×%d JPEG, %.1f MB: %.0f ms per signature, median %.0f ms (%d runs), peak RSS "
            "%.1f MB (includes making the test image)\n",
            width, height, st.st_size / 1e6, total / 1000.0 / runs,
            g_array_index (times, gint64, runs / 2) / 1000.0, runs, usage.ru_maxrss / 1024.0);
  return 0;
}
