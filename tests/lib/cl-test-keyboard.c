/* cl-test-keyboard.c: the main window opened on two signed files, and the keys a user
 * presses in it, for the GUI tests that walk the window with the keyboard alone (verify →
 * detail → Export PDF here, the Sign page in cl-test-keyboard-sign.c). After every key
 * that moves the focus, the focused widget must show its focus ring where the user sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-keyboard.h"
#include "cl-test-tmp.h"

void
cl_test_wait_until_verified (ClWindow *window,
                             guint     n_files)
{
  ClVerifyPage *page = cl_window_get_verify_page (window);
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, cl_test_timeout_cb, &timed_out);

  while ((g_list_model_get_n_items (cl_window_get_files (window)) < n_files ||
          cl_verify_page_is_busy (page)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}


/* A correctly signed JPEG and a tampered copy, opened as the command line opens files. */
ClWindow *
cl_test_window_with_signed_files (int width)
{
  g_autoptr(ClTestSigner) signer = cl_test_signer_new (1, 30);
  g_autoptr(ClTestSignedJpeg) jpeg = cl_test_signed_jpeg_new (signer);
  g_autoptr(GBytes) tampered = cl_test_flip_byte (jpeg->file, jpeg->pixel_offset, 0x01);
  g_autofree char *valid_path = cl_test_write_temp (jpeg->file, "signed.jpg");
  g_autofree char *tampered_path = cl_test_write_temp (tampered, "tampered.jpg");
  g_autoptr(GFile) valid = g_file_new_for_path (valid_path);
  g_autoptr(GFile) broken = g_file_new_for_path (tampered_path);
  GFile *files[] = { valid, broken };
  ClWindow *window = cl_window_new (NULL);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_files (window, files, G_N_ELEMENTS (files));
  cl_test_wait_until_verified (window, G_N_ELEMENTS (files));
  return window;
}

guint
cl_test_position_of (GListModel *items,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    if (g_strcmp0 (cl_verify_item_get_name (item), name) == 0)
      return i;
  }
  g_assert_not_reached ();
}


void
cl_test_select_file (ClWindow   *window,
                     const char *name)
{
  cl_verify_page_select (cl_window_get_verify_page (window),
                         cl_test_position_of (cl_window_get_files (window), name));
  cl_test_wait_until_verified (window, 0);
}


static gboolean
is_file_list (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}


GtkListBox *
cl_test_file_list (ClWindow *window)
{
  GtkWidget *list = cl_test_find_widget (GTK_WIDGET (window), is_file_list, NULL);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}


void
cl_test_open_file (ClWindow   *window,
                   const char *name)
{
  GtkListBox *list = cl_test_file_list (window);
  guint position = cl_test_position_of (cl_window_get_files (window), name);

  cl_test_select_file (window, name);
  /* As Enter or a click does: in a narrow window the detail takes the list's place. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, (int) position));
  g_assert_true (cl_verify_page_shows_detail (cl_window_get_verify_page (window)));
}


void
cl_test_wait_for_offer (ClTrustOffer *offer)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, cl_test_timeout_cb, &timed_out);

  while (!cl_trust_offer_get_revealed (offer) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

void
cl_test_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0) {
    g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

    gtk_window_destroy (window);
  }
  cl_test_drain_main_context ();
}

/* Activates the shortcut of controller that key would trigger: a key binding or shortcut
 * (keyval with exactly mods), or with Alt a mnemonic, as GTK matches them. */
static gboolean
activate_shortcut (GtkShortcutController *controller,
                   guint                  keyval,
                   GdkModifierType        mods)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++) {
    g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
    GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
    gboolean matches = FALSE;

    if (GTK_IS_KEYVAL_TRIGGER (trigger))
      matches = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
    else if (GTK_IS_MNEMONIC_TRIGGER (trigger))
      matches = mods == GDK_ALT_MASK &&
                gdk_keyval_to_lower (gtk_mnemonic_trigger_get_keyval (GTK_MNEMONIC_TRIGGER (trigger))) ==
                gdk_keyval_to_lower (keyval);
    if (matches && gtk_widget_is_sensitive (widget) &&
        gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                      GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                      gtk_shortcut_get_arguments (shortcut)))
      return TRUE;
  }
  return FALSE;
}

static gboolean
activate_shortcuts_of (GtkWidget       *widget,
                       guint            keyval,
                       GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++) {
    g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

    if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
        activate_shortcut (GTK_SHORTCUT_CONTROLLER (controller), keyval, mods))
      return TRUE;
  }
  return FALSE;
}

/* Mnemonics are looked up among everything mapped in the window (their scope). */
static guint
activate_mnemonics_under (GtkWidget *widget,
                          guint      keyval)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += activate_mnemonics_under (child, keyval);
  /* The label keeps the letter as written, the trigger and the key in lower case. */
  if (GTK_IS_LABEL (widget) &&
      gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget))) == keyval &&
      activate_shortcuts_of (widget, keyval, GDK_ALT_MASK))
    n++;
  return n;
}

static void
count_click_cb (GtkButton *button,
                gpointer   data)
{
  (*(guint *) data)++;
}

/* Activates widget with take (a binding's signal or gtk_widget_activate), and for a
 * button waits for what that ends in: GtkButton shows itself pressed for a moment and
 * only then is clicked (and runs its action). FALSE if widget did not take it. */
static gboolean
activate_and_wait (GtkWidget *widget,
                   gboolean (*take) (GtkWidget *widget))
{
  gboolean timed_out = FALSE;
  guint n_clicks = 0;
  gulong handler = 0;
  gboolean taken;
  guint id;

  if (GTK_IS_BUTTON (widget))
    handler = g_signal_connect (widget, "clicked", G_CALLBACK (count_click_cb), &n_clicks);
  taken = take (widget);
  if (taken && handler != 0) {
    id = g_timeout_add_seconds (10, cl_test_timeout_cb, &timed_out);
    while (n_clicks == 0 && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }
  if (handler != 0)
    g_signal_handler_disconnect (widget, handler);
  return taken;
}

/* Return as bound on widget or an ancestor below the window (a button's or an entry's
 * "activate"); GtkWindow's own binding comes last. */
static gboolean
take_return_binding (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (root); w = gtk_widget_get_parent (w))
    if (activate_shortcuts_of (w, GDK_KEY_Return, 0))
      return TRUE;
  return FALSE;
}

/* Return: the bindings of the focus widget and its ancestors, else GtkWindow's
 * activate-focus; what does not take it, the window's default widget. */
static void
press_return (GtkWindow *window,
              GtkWidget *focus)
{
  GtkWidget *fallback;

  if (focus != NULL && (activate_and_wait (focus, take_return_binding) ||
                        activate_and_wait (focus, gtk_widget_activate)))
    return;
  fallback = gtk_window_get_default_widget (window);
  g_test_message ("Return: %s does not activate, the default %s does",
                  focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                  fallback != NULL ? G_OBJECT_TYPE_NAME (fallback) : "(none)");
  g_assert_nonnull (fallback);
  g_assert_true (activate_and_wait (fallback, gtk_widget_activate));
}

/* Keys go to the active window, and GTK moves the focus of that one only (a Tab in a
 * window that is not active starts again from its first control). The GUI tests share a
 * display: another test's window may have taken the keyboard, as another application's
 * could, and the user would bring this one back first. */
static void
make_active (GtkWindow *window)
{
  gboolean timed_out = FALSE;
  guint id;

  if (gtk_window_is_active (window))
    return;
  id = g_timeout_add_seconds (10, cl_test_timeout_cb, &timed_out);
  gtk_window_present (window);
  while (!gtk_window_is_active (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}

/* What a key press does in window. There is no public way to make a key event in GTK 4
 * (and no XTest here), so each key takes the path GTK's own handling of it ends in: Tab
 * moves the focus as GtkWindow's move-focus binding does, Return activates the focus
 * widget as activate-focus does, Alt+letter the one mnemonic for it, other keys (and Alt
 * with a key no mnemonic uses) the shortcut or key binding that matches them on the focus
 * widget or an ancestor. Then, as GtkWindow does when the key is released, the focus ring
 * is shown if the key moved the focus. */
void
cl_test_press_key (GtkWindow       *window,
           guint            keyval,
           GdkModifierType  mods)
{
  GtkWidget *focus;
  guint n_mnemonics = 0;

  make_active (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));

  if (mods == GDK_ALT_MASK && gdk_keyval_to_unicode (keyval) != 0)
    n_mnemonics = activate_mnemonics_under (GTK_WIDGET (window), keyval);
  if (keyval == GDK_KEY_Tab && mods == 0) {
    if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  } else if (keyval == GDK_KEY_Return && mods == 0) {
    press_return (window, focus);
  } else if (n_mnemonics > 0) {
    /* More than one would make the key cycle between them rather than activate. */
    g_assert_cmpuint (n_mnemonics, ==, 1);
  } else {
    gboolean handled = FALSE;

    for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL && !handled;
         w = gtk_widget_get_parent (w))
      handled = activate_shortcuts_of (w, keyval, mods);
    if (!handled)
      handled = activate_shortcuts_of (GTK_WIDGET (window), keyval, mods);
    g_assert_true (handled);
  }
  cl_test_drain_main_context ();
  if (gtk_root_get_focus (GTK_ROOT (window)) != focus) {
    gtk_window_set_focus_visible (window, TRUE);
    cl_test_drain_main_context ();
  }
}

/* What a screen reader calls widget, as far as a test can tell: GTK 4.8 has no getter
 * for the accessible name, so this is the label, title or tooltip it is made from, of the
 * widget or of the nearest ancestor that has one (a row's title for the entry inside it). */
static const char *
readable_name (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w)) {
    const char *name = NULL;

    if (ADW_IS_PREFERENCES_ROW (w))
      name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
    else if (GTK_IS_BUTTON (w))
      name = gtk_button_get_label (GTK_BUTTON (w));
    else if (GTK_IS_LABEL (w))
      name = gtk_label_get_text (GTK_LABEL (w));
    if (name == NULL || name[0] == '\0')
      name = gtk_widget_get_tooltip_text (w);
    if (name != NULL && name[0] != '\0')
      return name;
  }
  return "(no name)";
}

/* Whether bounds (in within's coordinates) show at least a strip of the widget in within. */
static gboolean
shows_in (const graphene_rect_t *bounds,
          GtkWidget             *within)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (within),
                                             gtk_widget_get_height (within));
  graphene_rect_t shown;

  return graphene_rect_intersection (bounds, &area, &shown) &&
         shown.size.width >= 1 && shown.size.height >= 1;
}

static void
count_frame_cb (GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
}

static gboolean
is_leaflet (GtkWidget     *widget,
            gconstpointer  data)
{
  return ADW_IS_LEAFLET (widget);
}


/* Whether the Verify page's list and detail are still sliding (through the property:
 * AdwLeaflet's functions are deprecated in newer libadwaita). */
static gboolean
leaflet_sliding (GtkWidget *window)
{
  GtkWidget *leaflet = cl_test_find_widget (window, is_leaflet, NULL);
  gboolean running = FALSE;

  if (leaflet != NULL)
    g_object_get (leaflet, "child-transition-running", &running, NULL);
  return running;
}


void
cl_test_wait_for_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean timed_out = FALSE;
  guint n_frames = 0;
  guint id = g_timeout_add_seconds (30, cl_test_timeout_cb, &timed_out);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb),
                                     &n_frames);

  /* The Verify page lays a file's detail out over several frames, and in a narrow window
   * slides it in over the list. */
  while (CL_IS_WINDOW (window) && !timed_out &&
         (cl_verify_page_is_busy (cl_window_get_verify_page (CL_WINDOW (window))) ||
          leaflet_sliding (window)))
    g_main_context_iteration (NULL, TRUE);
  /* Two: the frame that lays out what changed, and one after any relayout it asked for. */
  n_frames = 0;
  while (n_frames < 2 && !timed_out) {
    gtk_widget_queue_draw (window);
    g_main_context_iteration (NULL, TRUE);
  }
  g_signal_handler_disconnect (clock, handler);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}


/* Whether GTK draws the ring of focus: GTK_STATE_FLAG_FOCUS_VISIBLE, which GtkWindow sets
 * on the focus widget of the active window while its focus-visible is on. The GUI tests
 * share a display and another test's window may hold the keyboard for a moment: then the
 * window's own focus-visible is what the flag will be once it is active again. */
static gboolean
draws_focus_ring (GtkWindow *window,
                  GtkWidget *focus)
{
  if (gtk_window_is_active (window))
    return (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0;
  return gtk_window_get_focus_visible (window);
}

/* What keeps focus from being seen, or NULL: it must be shown, drawn inside its window
 * (or popover) and inside every scrolled view around it. */
static const char *
focus_place_problem (GtkWindow *window,
                     GtkWidget *focus)
{
  GtkWidget *surface = GTK_WIDGET (gtk_widget_get_native (focus));
  graphene_rect_t bounds;

  if (!gtk_widget_is_visible (focus) || !gtk_widget_get_mapped (focus))
    return "is hidden";
  if (gtk_widget_get_root (focus) != GTK_ROOT (window) ||
      !gtk_widget_compute_bounds (focus, surface, &bounds) || !shows_in (&bounds, surface))
    return "lies outside the window";
  for (GtkWidget *w = gtk_widget_get_parent (focus); w != surface && w != NULL;
       w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w) &&
        (!gtk_widget_compute_bounds (focus, w, &bounds) || !shows_in (&bounds, w)))
      return "is scrolled out of view";
  return NULL;
}

/* The ring is checked at once (GtkWindow hides it again a few seconds after the last
 * key); the place once the window has settled: a view scrolls to the new focus in an
 * animation of a few frames (2 s at most here, on a loaded machine). */
void
cl_test_assert_focus_visible (GtkWindow  *window,
                              const char *after)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  const char *problem;

  if (focus == NULL)
    g_error ("after %s nothing has the focus", after);
  if (!draws_focus_ring (window, focus))
    g_error ("after %s the focus widget %s '%s' has no focus ring", after,
             G_OBJECT_TYPE_NAME (focus), readable_name (focus));
  do {
    cl_test_wait_for_frames (GTK_WIDGET (window));
    focus = gtk_root_get_focus (GTK_ROOT (window));
    if (focus == NULL)
      g_error ("after %s nothing has the focus", after);
    problem = focus_place_problem (window, focus);
  } while (problem != NULL && g_get_monotonic_time () < deadline);
  if (problem != NULL)
    g_error ("after %s the focus widget %s '%s' %s", after, G_OBJECT_TYPE_NAME (focus),
             readable_name (focus), problem);
}

void
cl_test_move_focus (GtkWindow       *window,
                    guint            keyval,
                    GdkModifierType  mods)
{
  g_autofree char *name = gtk_accelerator_name (keyval, mods);

  cl_test_press_key (window, keyval, mods);
  cl_test_assert_focus_visible (window, name);
}

GtkWidget *
cl_test_tab_to (GtkWindow *window,
                gboolean (*found) (GtkWidget *focus))
{
  for (guint presses = 0; presses < 80; presses++) {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    if (focus != NULL && found (focus))
      return focus;
    cl_test_move_focus (window, GDK_KEY_Tab, 0);
  }
  g_error ("80 presses of Tab did not reach the control");
}

/* The item at position, still held by the list. */
static ClVerifyItem *
item_at (GListModel *items,
         guint       position)
{
  g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, position);

  return item;
}

static gboolean
focus_is_inside (GtkWindow *window,
                 GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* GTK's own save dialog, once the native chooser has found no portal to ask instead. */
static GtkWindow *
wait_for_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, cl_test_timeout_cb, &timed_out);

  while (!timed_out) {
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_mapped (GTK_WIDGET (window))) {
        g_source_remove (id);
        cl_test_drain_main_context ();
        return window;
      }
    }
    g_main_context_iteration (NULL, TRUE);
  }
  return NULL;
}

/* cairo writes the PDF in place: it is whole once it ends in its trailer (the streams
 * before hold NUL bytes: no string functions). */
static gboolean
pdf_is_whole (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 6 &&
         memcmp (contents + length - 6, "%%EOF\n", 6) == 0;
}

/* Waits for the PDF; Return again while the dialog is still up (it may not have taken the
 * first one yet on a loaded machine), as a user would. */
static void
wait_for_pdf (GtkWindow  *chooser,
              const char *path)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, cl_test_timeout_cb, &timed_out);
  gint64 last_press = g_get_monotonic_time ();

  while (!pdf_is_whole (path) && !timed_out) {
    g_main_context_iteration (NULL, FALSE);
    g_usleep (20 * 1000);
    if (gtk_widget_get_mapped (GTK_WIDGET (chooser)) &&
        g_get_monotonic_time () - last_press > 3 * G_USEC_PER_SEC) {
      cl_test_press_key (chooser, GDK_KEY_Return, 0);
      last_press = g_get_monotonic_time ();
    }
  }
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}

void
cl_test_keyboard_export_pdf (int      width,
                             gboolean narrow)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-a11y-pdf", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  ClWindow *window = cl_test_window_with_signed_files (width);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  GListModel *files = cl_window_get_files (window);
  ClVerifyItem *second;
  GtkWidget *detail = GTK_WIDGET (cl_verify_page_get_detail (page));
  GtkWidget *list = NULL;
  GtkWindow *chooser;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint presses;

  /* Narrow: the list, not the detail, until a file is opened; else side by side. */
  g_assert_true (cl_verify_page_shows_detail (page) == !narrow);

  /* Tab into the file list. */
  for (presses = 0; presses < 30; presses++) {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    list = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) : NULL;
    if (list != NULL && gtk_widget_has_css_class (list, "navigation-sidebar"))
      break;
    cl_test_move_focus (GTK_WINDOW (window), GDK_KEY_Tab, 0);
  }
  g_assert_cmpuint (presses, <, 30);

  /* Home to the first file, Alt+Down to the second; Enter opens it. */
  cl_test_move_focus (GTK_WINDOW (window), GDK_KEY_Home, 0);
  g_assert_true (cl_verify_page_get_selected (page) == item_at (files, 0));
  cl_test_move_focus (GTK_WINDOW (window), GDK_KEY_Down, GDK_ALT_MASK);
  second = item_at (files, 1);
  g_assert_true (cl_verify_page_get_selected (page) == second);
  pdf = g_strconcat (dir, G_DIR_SEPARATOR_S, cl_verify_item_get_name (second), ".pdf", NULL);
  cl_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  g_assert_true (cl_verify_page_shows_detail (page));
  g_assert_true (gtk_widget_get_mapped (detail));
  /* The focus follows the file into its detail, not left behind on the hidden list. */
  if (narrow) {
    g_assert_true (focus_is_inside (GTK_WINDOW (window), detail));
    cl_test_assert_focus_visible (GTK_WINDOW (window), "Return");
  }

  /* Alt+E: Export PDF…; the save dialog is answered with Return (the folder it opens in
   * is set as a user would type it). */
  cl_test_press_key (GTK_WINDOW (window), GDK_KEY_e, GDK_ALT_MASK);
  chooser = wait_for_file_chooser ();
  if (chooser == NULL) {
    g_test_skip ("the save dialog is not GTK's own here (a portal answers it)");
    cl_test_destroy_all_windows ();
    return;
  }
  g_object_ref (chooser);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  G_GNUC_END_IGNORE_DEPRECATIONS
  cl_test_drain_main_context ();
  cl_test_press_key (chooser, GDK_KEY_Return, 0);
  wait_for_pdf (chooser, pdf);
  g_object_unref (chooser);

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  cl_test_destroy_all_windows ();
}
