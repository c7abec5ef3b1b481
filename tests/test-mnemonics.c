/* test-mnemonics.c: no two controls in sight together share a mnemonic (the underlined
 * letter that Alt+letter acts on), on each main page of the real window: Verify with two
 * files verified and the first-run trust offer shown, the detail of each; Sign with a
 * profile and an image; History; each page of Preferences. What is collected is every
 * mapped label with a mnemonic in the window itself (its header bar, view switcher, page,
 * buttons and rows; popovers are windows of their own), sensitive or not: a control greyed
 * out now is enabled by what the user does next. Collapsed expander rows are expanded
 * first, as a user may. tests/meson.build runs it in English and in each language of
 * po/LINGUAS (LANGUAGE, the catalogues of $CREDLINK_LOCALE_DIR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "cl-i18n.h"
#include "cl-preferences-window.h"
#include "cl-test-gui.h"
#include "cl-test-keyboard.h"
#include "cl-test-sign-page.h"
#include "cl-test-tmp.h"
#include "cl-trust-offer.h"
#include "cl-verify-page.h"
#include "cl-window.h"

#define SIGNER     "Mnemonic Signer"
#define PASSPHRASE "mnemonic passphrase"

/* The control a mnemonic label belongs to: its button or row, else the label itself. */
static GtkWidget *
control_of (GtkWidget *label)
{
  GtkWidget *owner = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);

  if (owner == NULL)
    owner = gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_ROW);
  return owner != NULL ? owner : label;
}

/* label's mnemonic added to by_keyval (keyval → array of labels, one per control: an entry
 * row has two labels for its title, one shown while it is empty and one above the text),
 * by its key, the letter whatever its case. */
static void
add_mnemonic (GHashTable *by_keyval,
              GtkWidget  *label)
{
  guint keyval = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)));
  GPtrArray *labels;

  if (keyval == GDK_KEY_VoidSymbol)
    return;
  labels = g_hash_table_lookup (by_keyval, GUINT_TO_POINTER (keyval));
  if (labels == NULL) {
    labels = g_ptr_array_new ();
    g_hash_table_insert (by_keyval, GUINT_TO_POINTER (keyval), labels);
  }
  for (guint i = 0; i < labels->len; i++) {
    if (control_of (g_ptr_array_index (labels, i)) == control_of (label))
      return;
  }
  g_ptr_array_add (labels, label);
}

/* Every mapped label with a mnemonic under widget in native, into by_keyval. */
static void
collect_mnemonics (GtkWidget  *widget,
                   GtkNative  *native,
                   GHashTable *by_keyval)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_native (widget) != native)
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    add_mnemonic (by_keyval, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, native, by_keyval);
}

/* The controls labels belong to, by their type and their labels' text (with the
 * underline, as written in the .ui file or the catalogue). */
static char *
describe_controls (GPtrArray *labels)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++) {
    GtkWidget *label = g_ptr_array_index (labels, i);

    g_string_append_printf (text, "%s%s “%s”", i > 0 ? ", " : "",
                            G_OBJECT_TYPE_NAME (control_of (label)),
                            gtk_label_get_label (GTK_LABEL (label)));
  }
  return g_string_free (text, FALSE);
}

/* Every expander row in sight under widget switched on and expanded, as a user may. */
static void
expand_rows (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget) && gtk_widget_get_mapped (widget)) {
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (widget), TRUE);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_rows (child);
}

/* Adds to problems each key that two or more controls in sight in window share, naming
 * them; view says what the window shows. */
static void
check_mnemonics (GtkWidget  *window,
                 const char *view,
                 GPtrArray  *problems)
{
  g_autoptr(GHashTable) by_keyval = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer keyval, value;
  g_autoptr(GString) listed = g_string_new (NULL);
  guint count = 0;

  cl_test_drain_main_context ();
  expand_rows (window);
  cl_test_drain_main_context ();
  collect_mnemonics (window, GTK_NATIVE (window), by_keyval);
  g_hash_table_iter_init (&iter, by_keyval);
  while (g_hash_table_iter_next (&iter, &keyval, &value)) {
    GPtrArray *labels = value;

    count += labels->len;
    for (guint i = 0; i < labels->len; i++)
      g_string_append_printf (listed, " “%s”", gtk_label_get_label (g_ptr_array_index (labels, i)));
    if (labels->len > 1) {
      g_autofree char *controls = describe_controls (labels);
      char *problem = g_strdup_printf ("%s: Alt+%s is shared by %s", view,
                                       gdk_keyval_name (gdk_keyval_to_upper (
                                         GPOINTER_TO_UINT (keyval))),
                                       controls);

      g_test_message ("%s", problem);
      g_ptr_array_add (problems, problem);
    }
  }
  g_test_message ("%s: %u mnemonics:%s", view, count, listed->str);
  /* A page without a single mnemonic would mean the walk found nothing. */
  g_assert_cmpuint (count, >, 0);
}

/* A 32 × 24 JPEG for the Sign page, in dir. */
static GFile *
write_image (const char *dir)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 32, 24);
  g_autofree char *path = g_build_filename (dir, "pier.jpg", NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GtkWidget *
preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
    g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

    if (CL_IS_PREFERENCES_WINDOW (window))
      return window;
  }
  return NULL;
}

/* The preferences window's own pages under widget (the children of its view stack), in
 * order, into pages. */
static void
find_preferences_pages (GtkWidget *widget,
                        GPtrArray *pages)
{
  if (ADW_IS_PREFERENCES_PAGE (widget) && ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget))) {
    g_ptr_array_add (pages, widget);
    return;
  }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_preferences_pages (child, pages);
}

static void
check_preferences (ClWindow  *window,
                   GPtrArray *problems)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWidget *preferences;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preferences", NULL));
  cl_test_drain_main_context ();
  preferences = preferences_window ();
  g_assert_nonnull (preferences);
  find_preferences_pages (preferences, pages);
  g_assert_cmpuint (pages->len, >, 1);
  for (guint i = 0; i < pages->len; i++) {
    AdwPreferencesPage *page = g_ptr_array_index (pages, i);
    g_autofree char *view = g_strdup_printf ("Preferences, %s",
                                             adw_preferences_page_get_title (page));

    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
    check_mnemonics (preferences, view, problems);
  }
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_pages (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-mnemonics", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *trust_dir = g_build_filename (dir, "trust", NULL);
  g_autoptr(GFile) image = write_image (dir);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  ClWindow *window;
  ClSignPage *sign_page;
  GtkWidget *stack;

  cl_test_sign_page_store_identity (SIGNER, PASSPHRASE, -1, 365);
  window = cl_test_window_with_signed_files (1100);
  /* No trust list in this folder: the first-run offer shows above the page. */
  cl_trust_offer_set_trust_dir (cl_window_get_trust_offer (window), trust_dir);
  cl_test_wait_for_offer (cl_window_get_trust_offer (window));
  check_mnemonics (GTK_WIDGET (window), "Verify, the list", problems);
  cl_test_open_file (window, "signed.jpg");
  check_mnemonics (GTK_WIDGET (window), "Verify, a signed file’s detail", problems);
  cl_test_open_file (window, "tampered.jpg");
  check_mnemonics (GTK_WIDGET (window), "Verify, a tampered file’s detail", problems);

  sign_page = cl_window_get_sign_page (window);
  cl_sign_page_add_files (sign_page, &image, 1);
  cl_test_sign_page_wait_idle (sign_page);
  g_assert_cmpstr (cl_sign_page_get_selected_profile (sign_page), ==, SIGNER);
  stack = gtk_widget_get_ancestor (GTK_WIDGET (sign_page), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "sign");
  check_mnemonics (GTK_WIDGET (window), "Sign", problems);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "history");
  check_mnemonics (GTK_WIDGET (window), "History", problems);

  check_preferences (window, problems);
  cl_test_destroy_all_windows ();
  if (problems->len > 0) {
    g_autofree char *shared = NULL;
    guint n_problems = problems->len;

    g_ptr_array_add (problems, NULL);
    shared = g_strjoinv ("; ", (char **) problems->pdata);
    g_test_fail_printf ("%u mnemonics shared: %s", n_problems, shared);
  }
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  /* As the application's main() does: the locale, and the catalogues of CREDLINK_LOCALE_DIR. */
  cl_i18n_init ();
  cl_test_keyboard_use_scratch_data ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Rows expanded without a transition: their rows are in sight at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/mnemonics/pages", test_pages);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
