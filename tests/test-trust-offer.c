/* test-trust-offer.c: the first-run offer to download the official trust lists,
 * in the real main window, against a SoupServer on 127.0.0.1 that stands for
 * the published lists and counts the requests it gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-test-gui.h"
#include "cl-test-pki.h"
#include "cl-test-server.h"
#include "cl-test-tmp.h"
#include "cl-trust-lists-group.h"
#include "cl-trust-offer.h"
#include "cl-trust-store.h"
#include "cl-preferences-window.h"
#include "cl-window.h"

/* The server's Last-Modified, which dates a list without a JSON form. */
#define PUBLISHED_HTTP_DATE "Thu, 02 Jan 2025 03:04:05 GMT"

typedef struct {
  ClTestServer      *server;
  GBytes            *pem;
  gint               requests;
  char              *urls[2];
  ClTrustListSource  sources[3];
  char              *trust_dir;
  ClWindow          *window;
  ClTrustOffer      *offer;
} Fixture;


static void
serve_list_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *fixture = user_data;

  g_atomic_int_inc (&fixture->requests);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Last-Modified", PUBLISHED_HTTP_DATE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/x-pem-file", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (fixture->pem, NULL),
                                    g_bytes_get_size (fixture->pem));
}


static GBytes *
root_pem (const char *dir)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "root.pem", NULL);
  char *text = NULL;
  gsize len = 0;

  cl_test_write_pem (path, pki->root, NULL);
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  return g_bytes_new_take (text, len);
}


static void
wait_idle (ClTrustOffer *offer)
{
  do {
    g_main_context_iteration (NULL, TRUE);
  } while (cl_trust_offer_is_busy (offer));
  cl_test_drain_main_context ();
}


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust-offer",
                                              CL_TEST_TMP_UNTIL_CASE_ENDS);
  const ClTestRoute routes[] = {
    { "/c2pa.pem", serve_list_cb, fixture },
    { "/c2pa-tsa.pem", serve_list_cb, fixture },
    { NULL, NULL, NULL },
  };

  fixture->pem = root_pem (dir);
  fixture->server = cl_test_server_new (routes);
  fixture->urls[0] = cl_test_server_url (fixture->server, "/c2pa.pem");
  fixture->urls[1] = cl_test_server_url (fixture->server, "/c2pa-tsa.pem");
  fixture->sources[0] = (ClTrustListSource) { "c2pa", CL_TRUST_LIST_KIND_C2PA,
                                              fixture->urls[0], NULL, NULL, NULL };
  fixture->sources[1] = (ClTrustListSource) { "c2pa-tsa", CL_TRUST_LIST_KIND_C2PA_TSA,
                                              fixture->urls[1], NULL, NULL, NULL };
  fixture->trust_dir = g_build_filename (dir, "trust", NULL);

  fixture->window = cl_window_new (NULL);
  fixture->offer = cl_window_get_trust_offer (fixture->window);
  cl_trust_offer_set_sources (fixture->offer, fixture->sources);
  cl_trust_offer_set_trust_dir (fixture->offer, fixture->trust_dir);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_idle (fixture->offer);
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cl_test_drain_main_context ();
  cl_test_server_free (fixture->server);
  g_bytes_unref (fixture->pem);
  g_free (fixture->urls[0]);
  g_free (fixture->urls[1]);
  g_free (fixture->trust_dir);
  g_settings_reset (settings, "trust-offer-answered");
  g_settings_reset (settings, "trust-list-refresh");
  cl_trust_store_set_default (NULL);
}


static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
      return child;
    if ((found = find_button (child, label)) != NULL)
      return found;
  }
  return NULL;
}


static guint
n_installed (const char *trust_dir)
{
  g_autoptr(ClTrustStore) store = cl_trust_store_load (trust_dir, NULL);

  g_assert_nonnull (store);
  return cl_trust_store_get_lists (store)->len;
}


/* Declining hides the offer for good and sends nothing. */
static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *decline = find_button (GTK_WIDGET (fixture->offer), "_Not Now");
  ClWindow *again;

  g_assert_true (cl_trust_offer_get_revealed (fixture->offer));
  g_assert_nonnull (decline);
  g_signal_emit_by_name (decline, "clicked");
  wait_idle (fixture->offer);

  g_assert_false (cl_trust_offer_get_revealed (fixture->offer));
  g_assert_true (g_settings_get_boolean (settings, "trust-offer-answered"));
  g_assert_false (g_settings_get_boolean (settings, "trust-list-refresh"));
  g_assert_cmpint (g_atomic_int_get (&fixture->requests), ==, 0);
  g_assert_cmpuint (n_installed (fixture->trust_dir), ==, 0);

  /* Answered: the next window does not ask again. */
  again = cl_window_new (NULL);
  cl_trust_offer_set_sources (cl_window_get_trust_offer (again), fixture->sources);
  cl_trust_offer_set_trust_dir (cl_window_get_trust_offer (again), fixture->trust_dir);
  wait_idle (cl_window_get_trust_offer (again));
  g_assert_false (cl_trust_offer_get_revealed (cl_window_get_trust_offer (again)));
  gtk_window_destroy (GTK_WINDOW (again));
  g_assert_cmpint (g_atomic_int_get (&fixture->requests), ==, 0);
}


/* Accepting turns on the network switch, downloads both lists and shows their date. */
static void
test_accept (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *accept = find_button (GTK_WIDGET (fixture->offer), "Do_wnload");
  g_autoptr(ClTrustStore) store = NULL;
  /* The list's date as the locale writes dates (PUBLISHED_HTTP_DATE's day). */
  g_autoptr(GDateTime) published = g_date_time_new_utc (2025, 1, 2, 3, 4, 5);
  g_autofree char *day = g_date_time_format (published, "%x");
  g_autofree char *expected = g_strdup_printf ("Installed: Official C2PA trust list of %s"
                                               " · Official C2PA time-stamping trust list of %s",
                                               day, day);
  const char *message;

  g_assert_true (cl_trust_offer_get_revealed (fixture->offer));
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  g_assert_true (cl_trust_offer_is_busy (fixture->offer));
  wait_idle (fixture->offer);

  g_assert_cmpint (g_atomic_int_get (&fixture->requests), ==, 2);
  g_assert_true (g_settings_get_boolean (settings, "trust-list-refresh"));
  g_assert_true (g_settings_get_boolean (settings, "trust-offer-answered"));
  store = cl_trust_store_load (fixture->trust_dir, NULL);
  g_assert_nonnull (cl_trust_store_lookup (store, "c2pa"));
  g_assert_nonnull (cl_trust_store_lookup (store, "c2pa-tsa"));

  message = cl_trust_offer_get_message (fixture->offer);
  g_test_message ("%s", message);
  g_assert_true (cl_trust_offer_get_revealed (fixture->offer));
  g_assert_cmpstr (message, ==, expected);
}


/* A list already installed: nothing to offer. */
static void
test_installed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->trust_dir);
  g_autofree char *pem_path = g_build_filename (dir, "mine.pem", NULL);
  g_autoptr(ClTrustList) list = NULL;

  g_assert_true (g_file_set_contents (pem_path, g_bytes_get_data (fixture->pem, NULL),
                                      g_bytes_get_size (fixture->pem), NULL));
  list = cl_trust_list_new_from_files ("mine", CL_TRUST_LIST_KIND_USER, pem_path, NULL, NULL,
                                       NULL);
  g_assert_nonnull (list);
  g_assert_true (cl_trust_list_install (list, fixture->trust_dir, NULL));

  cl_trust_offer_set_trust_dir (fixture->offer, fixture->trust_dir);
  wait_idle (fixture->offer);
  g_assert_false (cl_trust_offer_get_revealed (fixture->offer));
  g_assert_cmpint (g_atomic_int_get (&fixture->requests), ==, 0);
}


/* Preferences say why “Refresh Now” is greyed, and stop saying it once it is not. */
static void
test_refresh_hint (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ClPreferencesWindow *window = cl_preferences_window_new (NULL);
  GtkWidget *refresh = find_button (GTK_WIDGET (window), "_Refresh Now");
  ClTrustListsGroup *group = NULL;

  for (GtkWidget *w = refresh; w != NULL; w = gtk_widget_get_parent (w)) {
    if (CL_IS_TRUST_LISTS_GROUP (w))
      group = CL_TRUST_LISTS_GROUP (w);
  }
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_sensitive (refresh));
  g_assert_nonnull (strstr (cl_trust_lists_group_get_refresh_hint (group),
                            "turn on “Refresh Trust Lists” under Network"));
  g_settings_set_boolean (settings, "trust-list-refresh", TRUE);
  g_assert_true (gtk_widget_get_sensitive (refresh));
  g_assert_null (cl_trust_lists_group_get_refresh_hint (group));
  g_settings_reset (settings, "trust-list-refresh");
  gtk_window_destroy (GTK_WINDOW (window));
}


int
main (int   argc,
      char *argv[])
{
  int rc;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/trust-offer/decline", Fixture, NULL, fixture_set_up, test_decline,
              fixture_tear_down);
  g_test_add ("/trust-offer/accept", Fixture, NULL, fixture_set_up, test_accept,
              fixture_tear_down);
  g_test_add ("/trust-offer/installed", Fixture, NULL, fixture_set_up, test_installed,
              fixture_tear_down);
  g_test_add_func ("/trust-offer/refresh-hint", test_refresh_hint);

  rc = g_test_run ();
  cl_test_end_worker_threads ();
  return rc;
}
