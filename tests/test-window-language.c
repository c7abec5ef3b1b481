/* test-window-language.c: the main window in the language of LANGUAGE, from the catalogues
 * of $CREDLINK_LOCALE_DIR (the build tree's po/): the empty page and the verdict banner
 * show the catalogue's words, not the English ones. tests/meson.build runs it for German
 * once po/LINGUAS lists it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-i18n.h"
#include "cl-test-gui.h"
#include "cl-test-tmp.h"
#include "cl-verdict-banner.h"
#include "cl-verify-detail.h"
#include "cl-window.h"

/* The msgid's translation in the test's language, which must not be the English. */
static const char *
translated (const char *msgid)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, msgid);

  g_test_message ("“%s” is “%s” in %s", msgid, text, g_getenv ("LANGUAGE"));
  g_assert_cmpstr (text, !=, msgid);
  return text;
}

static AdwStatusPage *
find_status_page (GtkWidget  *widget,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    AdwStatusPage *found;

    if (ADW_IS_STATUS_PAGE (child) &&
        g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (child)), title) == 0)
      return ADW_STATUS_PAGE (child);
    found = find_status_page (child, title);
    if (found != NULL)
      return found;
  }
  return NULL;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_empty_page (void)
{
  ClWindow *window = cl_window_new (NULL);
  const char *title = translated ("Drop Images to Verify");

  gtk_window_present (GTK_WINDOW (window));
  cl_test_drain_main_context ();
  g_assert_nonnull (find_status_page (GTK_WIDGET (window), title));
  g_assert_null (find_status_page (GTK_WIDGET (window), "Drop Images to Verify"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A JPEG without credentials, opened in the window: its banner says so in the language. */
static void
test_verdict_banner (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-language", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *path = g_build_filename (dir, "plain.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ClWindow *window = cl_window_new (NULL);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  const char *title = translated ("No Content Credentials");
  gboolean timed_out = FALSE;
  guint timeout_id;
  ClVerdictBanner *banner;

  g_assert_true (g_file_set_contents (path, "\xff\xd8\xff\xd9", 4, NULL));
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_files (window, &file, 1);
  timeout_id = g_timeout_add_seconds (30, timed_out_cb, &timed_out);
  while ((g_list_model_get_n_items (cl_window_get_files (window)) < 1 ||
          cl_verify_page_is_busy (page)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  cl_test_drain_main_context ();

  banner = cl_verify_detail_get_banner (cl_verify_page_get_detail (page));
  g_assert_cmpint (cl_verdict_banner_get_kind (banner), ==, CL_BANNER_NO_CREDENTIALS);
  g_assert_cmpstr (cl_verdict_banner_get_title (banner), ==, title);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  int rc;

  /* As the application's main() does: the locale, and the catalogues of CREDLINK_LOCALE_DIR. */
  cl_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (language == NULL || *language == '\0' || g_str_equal (language, "C")) {
    g_test_skip ("LANGUAGE names no language to check");
    return g_test_run ();
  }
  g_test_add_func ("/window-language/empty-page", test_empty_page);
  g_test_add_func ("/window-language/verdict-banner", test_verdict_banner);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
