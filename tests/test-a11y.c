/* test-a11y.c: what assistive technology and a keyboard user get from the main window.
 *
 * The accessibility tree is read the way a screen reader reads it: over AT-SPI, from the
 * accessibility bus of the test's own D-Bus session, walking the application GTK
 * registered there. Every button, toggle, image and row that is not hidden must have a
 * name. Then the verify → detail → Export PDF flow is walked with what the keys do (focus
 * moved as Tab moves it, the Alt+Down binding, Return on the focused row, Alt+E:
 * tests/lib/cl-test-keyboard.c), and the Sign page's flow from Alt+2 to a signed copy, the
 * focus ring in sight after every move. Files are signed here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "cl-test-gui.h"
#include "cl-test-keyboard.h"
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

  window = cl_test_window_with_signed_files (0);
  cl_test_select_file (window, "signed.jpg");
  assert_all_named (&walk, "Verify page, a signed file's detail");
  /* The verdict is a status whose name is the verdict, so that its change is read out;
   * each confidence row reads as one sentence. */
  assert_seen (&walk, "status",
               cl_verdict_banner_get_title (cl_verify_detail_get_banner (
                 cl_verify_page_get_detail (cl_window_get_verify_page (window)))));
  assert_seen (&walk, "list item", "Claim signature valid, 20 of 20");
  cl_test_select_file (window, "tampered.jpg");
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

  cl_test_destroy_all_windows ();
  g_free (walk.app_name);
  g_ptr_array_unref (walk.problems);
  g_hash_table_unref (walk.seen);
}

/* verify → open the detail → Export PDF… with keys alone, in a narrow window where the
 * detail takes the place of the list. */
static void
test_keyboard (void)
{
  cl_test_keyboard_export_pdf (360, TRUE);
}

/* Alt+2 → the profile chosen from its list → Sign → the passphrase it asks for, Return:
 * the image is signed, with the keys alone, in the same narrow window. */
static void
test_keyboard_sign (void)
{
  cl_test_keyboard_sign (360);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  /* The other GUI tests run without an accessibility backend; this one reads it. */
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  cl_test_keyboard_use_scratch_data ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/a11y/names", test_names);
  g_test_add_func ("/a11y/keyboard", test_keyboard);
  g_test_add_func ("/a11y/keyboard-sign", test_keyboard_sign);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
