/* bench-ui-drop.c: drops N files on the real window and measures how long the
 * main loop stalls while they are collected, thumbnailed and verified: a 10 ms
 * timer records how late it fires. Not a test (run tests/bench/bench-ui-drop.sh).
 *
 * Usage: bench-ui-drop N [IMAGE…]   (images are copied round-robin into N files;
 * without images, JPEGs signed here are used)
 *        bench-ui-drop first IMAGE  (warm start: after a first drop of the image, the time
 * from dropping a copy of it until its verdict is in the detail's banner, five times)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <adwaita.h>

#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-tmp.h"
#include "cl-trust-store.h"
#include "cl-verify-detail.h"
#include "cl-window.h"

#define TICK_MS 10

static gint64 last_tick;
static gint64 drop_start;   /* BENCH_TRACE: times are printed from the drop */
static gint64 worst_lateness;
static guint n_ticks;
static guint n_stalls_over_50;
static guint n_stalls_over_100;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - last_tick - TICK_MS * 1000;

  if (late > worst_lateness)
    worst_lateness = late;
  n_stalls_over_50 += late > 50000;
  n_stalls_over_100 += late > 100000;
  if (g_getenv ("BENCH_TRACE") != NULL && late > 30000)
    g_printerr ("stall %.1f ms at %.0f ms [%ld]\n", late / 1000.0, (now - drop_start) / 1000.0,
                (long) (now / 1000 % 100000));
  last_tick = now;
  n_ticks++;
  return G_SOURCE_CONTINUE;
}

/* BENCH_TRACE: each frame over 8 ms, with its phases: update and layout (animations,
 * tick callbacks, measuring and allocating: up to the end of GTK's own layout handler,
 * which runs before ours), then paint (GTK's rendering), then the rest. Times are from
 * the drop; [n] is the monotonic clock in ms modulo 100 s, to match other traces. */
static gint64 frame_start, layout_end, paint_end;
/* Always: the longest update-and-layout phase (the application's own work in a frame,
 * whatever renders it) and the longest paint (the renderer's) of the round. */
static gint64 worst_layout, worst_paint;
static GtkWidget *traced_detail;   /* its width is printed when it changes */

static void
before_paint_cb (GdkFrameClock *clock, gpointer data)
{
  frame_start = layout_end = paint_end = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock, gpointer data)
{
  layout_end = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock, gpointer data)
{
  paint_end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  static int detail_width;

  /* A new width means every wrapping label of the detail is measured again. */
  if (g_getenv ("BENCH_TRACE") != NULL && traced_detail != NULL && gtk_widget_get_width (traced_detail) != detail_width) {
    detail_width = gtk_widget_get_width (traced_detail);
    g_printerr ("detail width %d px at %.0f ms\n", detail_width, (now - drop_start) / 1000.0);
  }
  worst_layout = MAX (worst_layout, layout_end - frame_start);
  worst_paint = MAX (worst_paint, paint_end - layout_end);
  if (g_getenv ("BENCH_TRACE") == NULL)
    return;
  if (now - frame_start > 8000)
    g_printerr ("frame %.1f ms at %.0f ms [%ld] (update and layout %.1f, paint %.1f, rest %.1f)\n",
                (now - frame_start) / 1000.0, (frame_start - drop_start) / 1000.0,
                (long) (frame_start / 1000 % 100000), (layout_end - frame_start) / 1000.0,
                (paint_end - layout_end) / 1000.0, (now - paint_end) / 1000.0);
}

/* Takes files. */
static void
drop_files (GtkDropTarget *target,
            GSList        *files)
{
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free_full (files, g_object_unref);
}


/* The selected file's verdict is in the banner (the first file of a drop is selected). */
static gboolean
verdict_shown (ClVerifyPage *page)
{
  ClVerdictBanner *banner = cl_verify_detail_get_banner (cl_verify_page_get_detail (page));

  return cl_verify_page_get_selected (page) != NULL &&
         cl_verdict_banner_get_kind (banner) != CL_BANNER_VERIFYING;
}


/* One image dropped on a window that has verified it once already (warm start): the
 * milliseconds until its verdict is on screen, measured five times. */
static int
first_verdict (const char *image,
               const char *dir)
{
  ClWindow *window = cl_window_new (NULL);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  GtkDropTarget *target;
  char *contents;
  gsize len;

  if (!g_file_get_contents (image, &contents, &len, NULL)) {
    g_printerr ("bench-ui-drop: cannot read %s\n", image);
    return 2;
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_context ();
  target = cl_test_find_drop_target (GTK_WIDGET (window));
  for (guint round = 0; round < 6; round++) {
    g_autofree char *name = g_strdup_printf ("photo-%u.jpg", round);
    g_autofree char *path = g_build_filename (dir, name, NULL);
    gint64 start;

    g_file_set_contents (path, contents, (gssize) len, NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.clear", NULL);
    cl_test_drain_main_context ();
    start = g_get_monotonic_time ();
    drop_files (target, g_slist_append (NULL, g_file_new_for_path (path)));
    while (!verdict_shown (page))
      g_main_context_iteration (NULL, TRUE);
    /* Round 0 warms the caches (fonts, icons, loaders, OpenSSL): not counted. */
    if (round > 0)
      g_print ("verdict on screen after: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    while (cl_verify_page_is_busy (page))
      g_main_context_iteration (NULL, TRUE);
  }
  g_free (contents);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-bench-drop", CL_TEST_TMP_UNTIL_EXIT);
  g_autoptr(ClTrustStore) no_lists = cl_trust_store_new (NULL);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GSList *list = NULL;
  ClWindow *window;
  ClVerifyPage *page;
  GtkDropTarget *target;
  gint64 start, verified;
  guint n_files, id;

  if (argc < 2) {
    g_printerr ("usage: %s N [IMAGE…]\n", argv[0]);
    return 2;
  }
  gtk_init ();
  adw_init ();
  cl_trust_store_set_default (no_lists);
  if (g_str_equal (argv[1], "first"))
    return argc == 3 ? first_verdict (argv[2], dir) : 2;
  n_files = (guint) atoi (argv[1]);

  for (int i = 2; i < argc; i++) {
    char *contents;
    gsize len;

    if (g_file_get_contents (argv[i], &contents, &len, NULL))
      g_ptr_array_add (sources, g_bytes_new_take (contents, len));
  }
  if (sources->len == 0) {
    g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 365);
    g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);

    g_ptr_array_add (sources, g_bytes_ref (jpeg->file));
    g_ptr_array_add (sources, cl_test_plain_jpeg ());
  }
  for (guint i = 0; i < n_files; i++) {
    GBytes *bytes = g_ptr_array_index (sources, i % sources->len);
    g_autofree char *name = g_strdup_printf ("file-%03u.jpg", i);
    g_autofree char *path = g_build_filename (dir, name, NULL);

    g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                         NULL);
    list = g_slist_append (list, g_file_new_for_path (path));
  }

  window = cl_window_new (NULL);
  page = cl_window_get_verify_page (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  /* Let the window map before measuring. */
  for (guint i = 0; i < 50; i++) {
    g_main_context_iteration (NULL, FALSE);
    g_usleep (2000);
  }
  cl_test_drain_main_context ();
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

    traced_detail = GTK_WIDGET (cl_verify_page_get_detail (page));
    g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
    g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
    g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), NULL);
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  }

  target = cl_test_find_drop_target (GTK_WIDGET (window));
  for (guint round = 0; round < 2; round++) {
  GSList *round_list = NULL;

  /* Round 0: the first drop of the session (icons, fonts and loaders load for the first
   * time); round 1: the same number of other files dropped after clearing the list. */
  for (GSList *l = list; l != NULL; l = l->next) {
    g_autofree char *path = g_file_get_path (l->data);
    g_autofree char *copy = g_strdup_printf ("%s.%u.jpg", path, round);
    char *contents;
    gsize len;

    g_file_get_contents (path, &contents, &len, NULL);
    g_file_set_contents (copy, contents, (gssize) len, NULL);
    g_free (contents);
    round_list = g_slist_append (round_list, g_file_new_for_path (copy));
  }
  worst_lateness = worst_layout = worst_paint = 0;
  n_ticks = n_stalls_over_50 = n_stalls_over_100 = 0;
  last_tick = g_get_monotonic_time ();
  id = g_timeout_add (TICK_MS, tick_cb, NULL);
  start = drop_start = g_get_monotonic_time ();
  drop_files (target, g_steal_pointer (&round_list));
  while (g_list_model_get_n_items (cl_verify_page_get_items (page)) < n_files ||
         cl_verify_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  verified = g_get_monotonic_time ();
  g_source_remove (id);

  g_print ("%s drop\nfiles: %u\nall verified after: %.0f ms\nlongest main-loop stall: %.1f ms "
           "(timer every %d ms, %u ticks; %u stalls over 50 ms, %u over 100 ms)\n",
           round == 0 ? "first (cold)" : "second (warm)", n_files, (verified - start) / 1000.0, worst_lateness / 1000.0, TICK_MS, n_ticks,
           n_stalls_over_50, n_stalls_over_100);
  g_print ("longest frame phases: update and layout %.1f ms (the application's), paint %.1f ms "
           "(the renderer's)\n", worst_layout / 1000.0, worst_paint / 1000.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear", NULL);
  cl_test_drain_main_context ();
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_slist_free_full (list, g_object_unref);
  return 0;
}
