/* test-a11y.c: what assistive technology and a keyboard user get from the main window.
 *
 * The accessibility tree is read the way a screen reader reads it: over AT-SPI, from the
 * accessibility bus of the test's own D-Bus session, walking the application GTK
 * registered there. Every button, toggle, image and row that is not hidden must have a
 * name. Then the verify → detail → Export PDF flow is walked with what the keys do (focus
 * moved as Tab moves it, the Alt+Down binding, Return on the focused row, Alt+E). Files
 * are signed here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "cl-test-c2pa.h"
#include "cl-test-gui.h"
#include "cl-test-tmp.h"
#include "cl-window.h"

#define ATSPI_ROOT_PATH  "/org/a11y/atspi/accessible/root"
#define ATSPI_ACCESSIBLE "org.a11y.atspi.Accessible"
/* AtspiStateType: the widget is not hidden. (GTK 4.8 says "showing" of windows only.) */
#define ATSPI_STATE_VISIBLE 30

/* The roles, as AT-SPI names them, that must never be read out without a name. */
static const char *const named_roles[] = {
  "button", "toggle button", "check box", "radio button", "switch", "combo box", "tab",
  "menu item", "image", "list item", "table row", "tree item", NULL,
};

typedef struct {
  GDBusConnection *bus;        /* the accessibility bus */
  char            *app_name;   /* this process's name on it */
  GPtrArray       *problems;   /* what is unnamed, and where */
  GHashTable      *seen;       /* "role: name" of everything not hidden */
  guint            n_checked;
  gboolean         done;
} Walk;

static GVariant *
atspi_call (Walk       *walk,
            const char *bus_name,
            const char *path,
            const char *interface,
            const char *method,
            GVariant   *parameters,
            const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (walk->bus, bus_name, path, interface, method,
                                                 parameters, G_VARIANT_TYPE (reply_type),
                                                 G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

static char *
accessible_name (Walk       *walk,
                 const char *path)
{
  g_autoptr(GVariant) reply = atspi_call (walk, walk->app_name, path,
                                          "org.freedesktop.DBus.Properties", "Get",
                                          g_variant_new ("(ss)", ATSPI_ACCESSIBLE, "Name"),
                                          "(v)");
  g_autoptr(GVariant) value = NULL;

  g_variant_get (reply, "(v)", &value);
  return g_variant_dup_string (value, NULL);
}

static gboolean
is_visible (Walk       *walk,
            const char *path)
{
  g_autoptr(GVariant) reply = atspi_call (walk, walk->app_name, path, ATSPI_ACCESSIBLE,
                                          "GetState", NULL, "(au)");
  g_autoptr(GVariant) states = g_variant_get_child_value (reply, 0);
  gsize n = 0;
  const guint32 *words = g_variant_get_fixed_array (states, &n, sizeof (guint32));

  return n > 0 && (words[0] & (1u << ATSPI_STATE_VISIBLE)) != 0;
}

/* What a named control reads out for the parts inside it. */
static const char *const covering_roles[] = {
  "button", "toggle button", "tab", "list item", "combo box", "text box", NULL,
};
static const char *const part_roles[] = { "image", "list item", NULL };

/* covered: inside a named control (a button, a row), whose name a screen reader reads for
 * the icons and parts in it, libadwaita's own among them. */
static void
walk_node (Walk       *walk,
           const char *path,
           const char *parent_name,
           gboolean    covered,
           guint       depth)
{
  g_autoptr(GVariant) role_reply = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autofree char *name = NULL;
  const char *role;
  gboolean named;
  GVariantIter iter;
  const char *child_bus, *child_path;

  g_assert_cmpuint (depth, <, 64);
  /* The application itself is no widget: only its windows can be hidden. */
  if (depth > 0 && !is_visible (walk, path)) {
    return;
  }
  role_reply = atspi_call (walk, walk->app_name, path, ATSPI_ACCESSIBLE, "GetRoleName", NULL,
                           "(s)");
  g_variant_get (role_reply, "(&s)", &role);
  name = accessible_name (walk, path);
  walk->n_checked++;
  g_hash_table_add (walk->seen, g_strdup_printf ("%s: %s", role, name));
  if (g_test_verbose ())
    g_test_message ("%*s%s: %s", (int) depth, "", role, name);
  /* GTK 4.8 names what has no name of its own after its type. */
  named = g_strstrip (name)[0] != '\0' && g_type_from_name (name) == 0;
  if (g_strv_contains (named_roles, role) && !named &&
      !(covered && g_strv_contains (part_roles, role)))
    g_ptr_array_add (walk->problems, g_strdup_printf ("unnamed %s (%s) in “%s”", role, name,
                                                      parent_name));

  children = atspi_call (walk, walk->app_name, path, ATSPI_ACCESSIBLE, "GetChildren", NULL,
                         "(a(so))");
  list = g_variant_get_child_value (children, 0);
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "(&s&o)", &child_bus, &child_path))
    walk_node (walk, child_path, named ? name : parent_name,
               covered || (named && g_strv_contains (covering_roles, role)), depth + 1);
}

/* This process's name on the accessibility bus: the registry's child whose connection
 * belongs to our pid (GTK registers a moment after the first window appears). */
static char *
find_own_application (Walk *walk)
{
  for (guint attempt = 0; attempt < 100; attempt++) {
    g_autoptr(GVariant) reply = atspi_call (walk, "org.a11y.atspi.Registry", ATSPI_ROOT_PATH,
                                            ATSPI_ACCESSIBLE, "GetChildren", NULL, "(a(so))");
    g_autoptr(GVariant) apps = g_variant_get_child_value (reply, 0);
    GVariantIter iter;
    const char *bus_name, *path;

    g_variant_iter_init (&iter, apps);
    while (g_variant_iter_next (&iter, "(&s&o)", &bus_name, &path)) {
      g_autoptr(GVariant) pid = atspi_call (walk, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                            "org.freedesktop.DBus",
                                            "GetConnectionUnixProcessID",
                                            g_variant_new ("(s)", bus_name), "(u)");
      guint32 value;

      g_variant_get (pid, "(u)", &value);
      if (value == (guint32) getpid ())
        return g_strdup (bus_name);
    }
    g_usleep (50 * 1000);
  }
  return NULL;
}

/* In a thread: the main thread keeps answering GTK's side of the calls meanwhile. */
static gpointer
walk_thread (gpointer data)
{
  Walk *walk = data;

  if (walk->app_name == NULL)
    walk->app_name = find_own_application (walk);
  if (walk->app_name != NULL)
    walk_node (walk, ATSPI_ROOT_PATH, "application", FALSE, 0);
  g_atomic_int_set (&walk->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Walks everything not hidden and fails on the first unnamed control, listing them all. */
static void
assert_all_named (Walk       *walk,
                  const char *view)
{
  GThread *thread;

  cl_test_drain_main_context ();
  walk->done = FALSE;
  walk->n_checked = 0;
  g_ptr_array_set_size (walk->problems, 0);
  g_hash_table_remove_all (walk->seen);
  thread = g_thread_new ("atspi-walk", walk_thread, walk);
  while (!g_atomic_int_get (&walk->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  g_assert_nonnull (walk->app_name);
  g_test_message ("%s: %u accessible objects not hidden", view, walk->n_checked);
  g_assert_cmpuint (walk->n_checked, >, 10);
  for (guint i = 0; i < walk->problems->len; i++)
    g_test_message ("%s: %s", view, (char *) g_ptr_array_index (walk->problems, i));
  g_assert_cmpuint (walk->problems->len, ==, 0);
}

static void
assert_seen (Walk       *walk,
             const char *role,
             const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s: %s", role, name);

  if (!g_hash_table_contains (walk->seen, key))
    g_error ("nothing not hidden reads as “%s”", key);
}

/* The accessibility bus of this session, its socket in a directory of the test's own
 * (at-spi-bus-launcher puts it under XDG_RUNTIME_DIR, else in a path every session on the
 * machine shares). NULL when it cannot be started. */
static GDBusConnection *
accessibility_bus (const char *runtime_dir)
{
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantBuilder) env = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  const char *address;

  if (session == NULL)
    return NULL;
  g_variant_builder_add (env, "{ss}", "XDG_RUNTIME_DIR", runtime_dir);
  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (session, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "UpdateActivationEnvironment",
                                       g_variant_new ("(a{ss})", env), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, NULL);
  if (reply == NULL)
    return NULL;
  g_variant_get (reply, "(&s)", &address);
  return g_dbus_connection_new_for_address_sync (address,
                                                 G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                 G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                 NULL, NULL, NULL);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until_verified (ClWindow *window,
                     guint     n_files)
{
  ClVerifyPage *page = cl_window_get_verify_page (window);
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while ((g_list_model_get_n_items (cl_window_get_files (window)) < n_files ||
          cl_verify_page_is_busy (page)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}

/* A correctly signed JPEG and a tampered copy, opened as the command line opens files. */
static ClWindow *
window_with_signed_files (int width)
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
  wait_until_verified (window, G_N_ELEMENTS (files));
  return window;
}

static guint
position_of (GListModel *items,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    if (g_strcmp0 (cl_verify_item_get_name (item), name) == 0)
      return i;
  }
  g_assert_not_reached ();
}

static void
destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0) {
    g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

    gtk_window_destroy (window);
  }
  cl_test_drain_main_context ();
}

static void
test_names (void)
{
  g_autofree char *runtime_dir = cl_test_tmp_dir_new ("credlink-a11y", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autoptr(GDBusConnection) bus = accessibility_bus (runtime_dir);
  Walk walk = { .bus = bus, .problems = g_ptr_array_new_with_free_func (g_free),
                .seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  ClWindow *window;
  GtkWidget *stack;

  if (bus == NULL) {
    g_test_skip ("the accessibility bus (at-spi2-core) could not be started");
    g_ptr_array_unref (walk.problems);
    g_hash_table_unref (walk.seen);
    return;
  }

  window = cl_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  assert_all_named (&walk, "Verify page, empty");
  gtk_window_destroy (GTK_WINDOW (window));

  window = window_with_signed_files (0);
  cl_verify_page_select (cl_window_get_verify_page (window),
                         position_of (cl_window_get_files (window), "signed.jpg"));
  assert_all_named (&walk, "Verify page, a signed file's detail");
  /* The verdict is a status whose name is the verdict, so that its change is read out;
   * each confidence row reads as one sentence. */
  assert_seen (&walk, "status",
               cl_verdict_banner_get_title (cl_verify_detail_get_banner (
                 cl_verify_page_get_detail (cl_window_get_verify_page (window)))));
  assert_seen (&walk, "list item", "Claim signature valid, 20 of 20");
  cl_verify_page_select (cl_window_get_verify_page (window),
                         position_of (cl_window_get_files (window), "tampered.jpg"));
  assert_all_named (&walk, "Verify page, a tampered file's detail");

  stack = GTK_WIDGET (gtk_widget_get_ancestor (GTK_WIDGET (cl_window_get_history_page (window)),
                                               ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "sign");
  assert_all_named (&walk, "Sign page");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "history");
  assert_all_named (&walk, "History page");

  /* Preferences: a window of its own, walked with the main window behind it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preferences", NULL));
  assert_all_named (&walk, "Preferences");

  destroy_all_windows ();
  g_free (walk.app_name);
  g_ptr_array_unref (walk.problems);
  g_hash_table_unref (walk.seen);
}

/* --- the keyboard ------------------------------------------------------------------- */

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

/* What a key press does in window. There is no public way to make a key event in GTK 4
 * (and no XTest here), so each key takes the path GTK's own handling of it ends in: Tab
 * moves the focus as GtkWindow's move-focus binding does, Return activates the focus
 * widget as activate-focus does, other keys run the shortcut or key binding that matches
 * them on the focus widget or an ancestor, and Alt+letter the one mnemonic for it. */
static void
press_key (GtkWindow       *window,
           guint            keyval,
           GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (keyval == GDK_KEY_Tab && mods == 0) {
    if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  } else if (keyval == GDK_KEY_Return && mods == 0) {
    /* The focus widget first; what does not take Return activates the window's default. */
    if (focus == NULL || !gtk_widget_activate (focus)) {
      GtkWidget *fallback = gtk_window_get_default_widget (window);

      g_test_message ("Return: %s does not activate, the default %s does",
                      focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                      fallback != NULL ? G_OBJECT_TYPE_NAME (fallback) : "(none)");
      g_assert_nonnull (fallback);
      g_assert_true (gtk_widget_activate (fallback));
    }
  } else if (mods == GDK_ALT_MASK && gdk_keyval_to_unicode (keyval) != 0) {
    /* More than one would make the key cycle between them rather than activate. */
    g_assert_cmpuint (activate_mnemonics_under (GTK_WIDGET (window), keyval), ==, 1);
  } else {
    gboolean handled = FALSE;

    for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL && !handled;
         w = gtk_widget_get_parent (w))
      handled = activate_shortcuts_of (w, keyval, mods);
    g_assert_true (handled);
  }
  cl_test_drain_main_context ();
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
  guint id = g_timeout_add_seconds (10, timed_out_cb, &timed_out);

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
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);
  gint64 last_press = g_get_monotonic_time ();

  while (!pdf_is_whole (path) && !timed_out) {
    g_main_context_iteration (NULL, FALSE);
    g_usleep (20 * 1000);
    if (gtk_widget_get_mapped (GTK_WIDGET (chooser)) &&
        g_get_monotonic_time () - last_press > 3 * G_USEC_PER_SEC) {
      press_key (chooser, GDK_KEY_Return, 0);
      last_press = g_get_monotonic_time ();
    }
  }
  g_assert_false (timed_out);
  g_source_remove (id);
  cl_test_drain_main_context ();
}

/* verify → open the detail → Export PDF… with keys alone, in a narrow window where the
 * detail takes the place of the list. */
static void
test_keyboard (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-a11y-pdf", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  ClWindow *window = window_with_signed_files (360);
  ClVerifyPage *page = cl_window_get_verify_page (window);
  GListModel *files = cl_window_get_files (window);
  ClVerifyItem *second;
  GtkWidget *detail = GTK_WIDGET (cl_verify_page_get_detail (page));
  GtkWidget *list = NULL;
  GtkWindow *chooser;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint presses;

  /* Narrow: the list, not the detail, until a file is opened. */
  g_assert_false (cl_verify_page_shows_detail (page));

  /* Tab into the file list. */
  for (presses = 0; presses < 30; presses++) {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    list = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) : NULL;
    if (list != NULL && gtk_widget_has_css_class (list, "navigation-sidebar"))
      break;
    press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
  }
  g_assert_cmpuint (presses, <, 30);

  /* Home to the first file, Alt+Down to the second; Enter opens it. */
  press_key (GTK_WINDOW (window), GDK_KEY_Home, 0);
  g_assert_true (cl_verify_page_get_selected (page) == item_at (files, 0));
  press_key (GTK_WINDOW (window), GDK_KEY_Down, GDK_ALT_MASK);
  second = item_at (files, 1);
  g_assert_true (cl_verify_page_get_selected (page) == second);
  pdf = g_strconcat (dir, G_DIR_SEPARATOR_S, cl_verify_item_get_name (second), ".pdf", NULL);
  press_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  g_assert_true (cl_verify_page_shows_detail (page));
  g_assert_true (gtk_widget_get_mapped (detail));
  /* The focus follows the file into its detail, not left behind on the hidden list. */
  g_assert_true (focus_is_inside (GTK_WINDOW (window), detail));

  /* Alt+E: Export PDF…; the save dialog is answered with Return (the folder it opens in
   * is set as a user would type it). */
  press_key (GTK_WINDOW (window), GDK_KEY_e, GDK_ALT_MASK);
  chooser = wait_for_file_chooser ();
  if (chooser == NULL) {
    g_test_skip ("the save dialog is not GTK's own here (a portal answers it)");
    destroy_all_windows ();
    return;
  }
  g_object_ref (chooser);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  G_GNUC_END_IGNORE_DEPRECATIONS
  cl_test_drain_main_context ();
  press_key (chooser, GDK_KEY_Return, 0);
  wait_for_pdf (chooser, pdf);
  g_object_unref (chooser);

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  /* The other GUI tests run without an accessibility backend; this one reads it. */
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/a11y/names", test_names);
  g_test_add_func ("/a11y/keyboard", test_keyboard);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
