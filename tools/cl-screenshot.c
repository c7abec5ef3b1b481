/* cl-screenshot.c: renders the real CredLink window to a PNG, for the
 * screenshots in data/screenshots/ (run by tools/take-screenshots.sh under Xvfb).
 *
 * Usage: cl-screenshot OUTPUT.png WIDTH HEIGHT [--select=NAME] [FILE…]
 *
 * The files are opened the way a drop opens them; the window is rendered once
 * every verification has finished, with the file called NAME selected.
 * With CL_SCREENSHOT_PAGE=NAME the view-stack page NAME is shown; for "sign" the
 * files go to the Sign page instead of the Verify list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "cl-i18n.h"
#include "cl-preferences-window.h"
#include "cl-sign-page.h"
#include "cl-window.h"

static gboolean done;

/* The first descendant of widget of type type (depth first), or NULL. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_descendant (child, type);

    if (found != NULL)
      return found;
  }
  return NULL;
}

static gboolean
quit_cb (gpointer data)
{
  done = TRUE;
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  ClWindow *window;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *select = NULL;
  int width, height;
  const char *page = g_getenv ("CL_SCREENSHOT_PAGE");
  GtkWindow *shown;

  if (argc < 4) {
    g_printerr ("usage: %s OUTPUT.png WIDTH HEIGHT [--select=NAME] [FILE…]\n", argv[0]);
    return 2;
  }
  width = atoi (argv[2]);
  height = atoi (argv[3]);

  /* In the language of LANGUAGE, as the app is: a translated screenshot is one command. */
  cl_i18n_init ();
  adw_init ();
  /* What GtkApplication does for the app: icons from our resources. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/credlink/CredLink/icons");
  /* …and our style sheets, which AdwApplication loads from the resource base path: the
   * high-contrast one over the other in high contrast (ADW_DEBUG_HIGH_CONTRAST=1). */
  for (guint i = 0; i < 2; i++) {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    if (i == 1 && !adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
      break;
    gtk_css_provider_load_from_resource (css, i == 0 ? "/io/github/credlink/CredLink/style.css"
                                                     : "/io/github/credlink/CredLink/style-hc.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  window = cl_window_new (NULL);
  shown = GTK_WINDOW (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (int i = 4; i < argc; i++) {
    if (g_str_has_prefix (argv[i], "--select="))
      select = argv[i] + strlen ("--select=");
    else
      g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
  }
  if (page != NULL) {
    GtkWidget *stack = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), page);
  }
  if (g_strcmp0 (page, "sign") == 0)
    cl_sign_page_add_files (CL_SIGN_PAGE (find_descendant (GTK_WIDGET (window),
                                                           CL_TYPE_SIGN_PAGE)),
                            (GFile **) files->pdata, (int) files->len);
  else
    cl_window_open_files (window, (GFile **) files->pdata, (int) files->len);
  gtk_window_present (GTK_WINDOW (window));

  /* Wait for the files to arrive and every verification to finish. */
  if (files->len > 0 && g_strcmp0 (page, "sign") != 0) {
    ClVerifyPage *verify_page = cl_window_get_verify_page (window);
    GListModel *items = cl_verify_page_get_items (verify_page);

    while (g_list_model_get_n_items (items) == 0 || cl_verify_page_is_busy (verify_page))
      g_main_context_iteration (NULL, TRUE);
    for (guint i = 0; select != NULL && i < g_list_model_get_n_items (items); i++) {
      g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (cl_verify_item_get_name (item), select) == 0)
        cl_verify_page_select (verify_page, i);
    }
  }

  /* CL_SCREENSHOT_PAGE=preferences: the Preferences window over the main one. */
  if (g_strcmp0 (page, "preferences") == 0) {
    shown = GTK_WINDOW (cl_preferences_window_new (GTK_WINDOW (window)));
    gtk_window_set_default_size (shown, width, height);
    gtk_window_present (shown);
  }

  /* Let the window map, lay out and finish its transitions. */
  g_timeout_add (1500, quit_cb, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (shown));
  width = gtk_widget_get_width (GTK_WIDGET (shown));
  height = gtk_widget_get_height (GTK_WIDGET (shown));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shown)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, argv[1])) {
    g_printerr ("could not write %s\n", argv[1]);
    return 1;
  }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
