/* test-preferences.c: every preference written through the real window is
 * read back from GSettings, and a GSettings change shows in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-jobs-group.h"
#include "cl-preferences-window.h"
#include "cl-scheduler-settings.h"
#include "cl-signing-profile-store.h"
#include "cl-test-identity.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-trust-lists-group.h"
#include "cl-trust-store.h"
#include "cl-watch-folder-group.h"

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *row_title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (ADW_IS_PREFERENCES_ROW (child) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), row_title)) {
      GtkWidget *activatable = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (child));

      if (activatable != NULL && G_TYPE_CHECK_INSTANCE_TYPE (activatable, type))
        return activatable;
    }
    found = find_widget (child, type, row_title);
    if (found != NULL)
      return found;
  }
  return NULL;
}

static void
test_switches (void)
{
  static const struct { const char *row; const char *key; } switches[] = {
    { "Check _Revocation Online", "online-revocation" },
    { "Refresh _Trust Lists", "trust-list-refresh" },
    { "Fetch Remote _Manifests", "remote-manifests" },
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = GTK_WIDGET (cl_preferences_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  for (gsize i = 0; i < G_N_ELEMENTS (switches); i++) {
    GtkWidget *sw = find_widget (window, GTK_TYPE_SWITCH, switches[i].row);

    g_assert_nonnull (sw);
    /* Network use is off by default. */
    g_assert_false (g_settings_get_boolean (settings, switches[i].key));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));

    gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
    g_assert_true (g_settings_get_boolean (settings, switches[i].key));
    gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
    g_assert_false (g_settings_get_boolean (settings, switches[i].key));

    g_settings_set_boolean (settings, switches[i].key, TRUE);
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
    g_settings_reset (settings, switches[i].key);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_retention (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = GTK_WIDGET (cl_preferences_window_new (NULL));
  GtkWidget *spin = find_widget (window, GTK_TYPE_SPIN_BUTTON, "Keep Proofs For (_Days)");

  g_assert_nonnull (spin);
  g_assert_cmpuint (g_settings_get_uint (settings, "proof-retention-days"), ==, 365);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 365);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "proof-retention-days"), ==, 30);
  g_settings_reset (settings, "proof-retention-days");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
quick_job (GTask *task, GCancellable *cancellable, gpointer user_data)
{
  g_task_return_boolean (task, TRUE);
}

static void
finished_cb (ClScheduler *scheduler, const char *name, gboolean ok, gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
    if ((found = find_type (child, type)) != NULL)
      return found;
  }
  return NULL;
}

/* Each job's switch writes its GSettings key; the status line follows the scheduler. */
static void
test_jobs (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ClPreferencesWindow *window = cl_preferences_window_new (NULL);
  g_autoptr(ClScheduler) scheduler = cl_scheduler_new (NULL);
  ClJobsGroup *group = CL_JOBS_GROUP (find_type (GTK_WIDGET (window), CL_TYPE_JOBS_GROUP));
  GtkWidget *expander;
  GtkWidget *sw;
  gboolean finished = FALSE;

  g_assert_nonnull (group);
  g_assert_cmpstr (cl_jobs_group_get_status_text (group, CL_JOB_HEALTH), ==,
                   "Not scheduled in this session");

  /* The first job row's switch is the proof clean-up's. */
  expander = find_type (GTK_WIDGET (group), ADW_TYPE_EXPANDER_ROW);
  sw = find_type (expander, GTK_TYPE_SWITCH);
  g_assert_true (g_settings_get_boolean (settings, "job-proof-cleanup-enabled"));
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "job-proof-cleanup-enabled"));
  g_settings_reset (settings, "job-proof-cleanup-enabled");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));

  g_assert_true (cl_scheduler_add_job (scheduler, CL_JOB_HEALTH, 3600 * 1000, 0,
                                       CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START,
                                       quick_job, NULL, NULL, NULL));
  g_signal_connect (scheduler, "job-finished", G_CALLBACK (finished_cb), &finished);
  cl_preferences_window_set_scheduler (window, scheduler);
  cl_scheduler_start (scheduler);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (cl_jobs_group_get_status_text (group, CL_JOB_HEALTH),
                                   "Last run: "));
  g_assert_null (strstr (cl_jobs_group_get_status_text (group, CL_JOB_HEALTH), "never"));
  g_assert_true (cl_scheduler_stop (scheduler, 1000));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_idle (ClTrustListsGroup *group)
{
  do {
    g_main_context_iteration (NULL, TRUE);
  } while (cl_trust_lists_group_is_busy (group));
}

/* Import a PEM as a user list, see it listed with its anchors, remove it. */
static void
test_trust_lists (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-trust-ui", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *trust_dir = g_build_filename (dir, "trust", NULL);
  g_autofree char *pem_path = g_build_filename (dir, "Newsroom Roots.pem", NULL);
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(GFile) pem = g_file_new_for_path (pem_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/roots.pem");
  ClPreferencesWindow *window = cl_preferences_window_new (NULL);
  ClTrustListsGroup *group = CL_TRUST_LISTS_GROUP (find_type (GTK_WIDGET (window),
                                                              CL_TYPE_TRUST_LISTS_GROUP));
  g_autoptr(ClTrustStore) store = NULL;
  GtkWidget *trash = NULL;

  cl_test_write_pem (pem_path, pki->root, NULL);
  g_assert_nonnull (group);

  /* No network use unless allowed: Refresh Now follows the trust-list-refresh switch. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    GtkWidget *refresh = NULL;

    for (GtkWidget *b = find_type (GTK_WIDGET (group), GTK_TYPE_BUTTON); b != NULL;
         b = gtk_widget_get_next_sibling (b)) {
      if (GTK_IS_BUTTON (b) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), "_Refresh Now") == 0)
        refresh = b;
    }
    g_assert_nonnull (refresh);
    g_assert_false (gtk_widget_get_sensitive (refresh));
    g_settings_set_boolean (settings, "trust-list-refresh", TRUE);
    g_assert_true (gtk_widget_get_sensitive (refresh));
    g_settings_reset (settings, "trust-list-refresh");
    g_assert_false (gtk_widget_get_sensitive (refresh));
  }
  cl_trust_lists_group_set_trust_dir (group, trust_dir);
  wait_idle (group);
  g_assert_cmpuint (cl_trust_lists_group_get_n_lists (group), ==, 0);

  cl_trust_lists_group_import_file (group, pem);
  wait_idle (group);
  g_assert_cmpuint (cl_trust_lists_group_get_n_lists (group), ==, 1);
  g_assert_cmpstr (cl_trust_lists_group_get_message (group), ==,
                   "Imported “newsroom-roots” with 1 anchor");
  store = cl_trust_store_load (trust_dir, NULL);
  g_assert_nonnull (cl_trust_store_lookup (store, "newsroom-roots"));

  /* A file that cannot be read leaves the lists as they were and says why. */
  cl_trust_lists_group_import_file (group, missing);
  wait_idle (group);
  g_assert_cmpuint (cl_trust_lists_group_get_n_lists (group), ==, 1);

  /* The list's row carries its own remove button. */
  trash = find_type (find_type (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW), GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (trash)), ==, "user-trash-symbolic");
  g_assert_nonnull (trash);
  g_signal_emit_by_name (trash, "clicked");
  wait_idle (group);
  g_assert_cmpuint (cl_trust_lists_group_get_n_lists (group), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
unlock_and_wait (ClWatchFolderGroup *group,
                 GtkWidget          *row,
                 const char         *passphrase)
{
  gtk_editable_set_text (GTK_EDITABLE (row), passphrase);
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_get_sensitive (row));
  while (!gtk_widget_get_sensitive (row))
    g_main_context_iteration (NULL, TRUE);
}

/* The watch folder's switch and profile write their keys; a locked key is said so, and a
 * passphrase typed in the group unlocks it (a wrong one is said so). */
static void
test_watch_folder (void)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-watch-ui", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *out = g_build_filename (dir, "signed", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ClSigningProfile) profile = cl_test_identity_create ("watcher", CL_COSE_ALG_ES256,
                                                                 NULL, NULL, NULL);
  g_autoptr(ClWatchFolderJob) job = cl_watch_folder_job_new (profiles, NULL);
  ClPreferencesWindow *window = cl_preferences_window_new (NULL);
  ClWatchFolderGroup *group = CL_WATCH_FOLDER_GROUP (find_type (GTK_WIDGET (window),
                                                                CL_TYPE_WATCH_FOLDER_GROUP));
  GtkWidget *sw = find_widget (GTK_WIDGET (group), GTK_TYPE_SWITCH,
                               "Sign New Images _Automatically");
  GtkWidget *passphrase = find_type (GTK_WIDGET (group), ADW_TYPE_PASSWORD_ENTRY_ROW);
  AdwComboRow *profile_row = ADW_COMBO_ROW (find_type (GTK_WIDGET (group), ADW_TYPE_COMBO_ROW));
  g_autofree char *chosen = NULL;

  g_assert_nonnull (group);
  g_assert_nonnull (sw);
  g_assert_cmpstr (cl_watch_folder_group_get_status_text (group), ==,
                   "Not running in this session");
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "job-watch-folder-enabled"));
  g_settings_reset (settings, "job-watch-folder-enabled");

  g_assert_nonnull (profile);
  g_assert_true (cl_signing_profile_store_save (profiles, profile, "secret words", NULL));
  g_assert_true (cl_watch_folder_job_start (job, dir, out, "watcher", NULL));
  g_assert_false (gtk_widget_get_visible (passphrase));
  cl_preferences_window_set_watch_folder (window, job);
  g_assert_nonnull (strstr (cl_watch_folder_group_get_status_text (group), "locked"));
  g_assert_true (gtk_widget_get_visible (passphrase));

  unlock_and_wait (group, passphrase, "wrong words");
  g_assert_cmpint (cl_watch_folder_job_get_state (job), ==, CL_WATCH_FOLDER_LOCKED);
  g_assert_true (gtk_widget_has_css_class (passphrase, "error"));
  unlock_and_wait (group, passphrase, "secret words");
  g_assert_cmpint (cl_watch_folder_job_get_state (job), ==, CL_WATCH_FOLDER_WATCHING);
  g_assert_false (gtk_widget_get_visible (passphrase));
  g_assert_true (g_str_has_prefix (cl_watch_folder_group_get_status_text (group),
                                   "Signing new images"));

  /* The profiles are listed in a thread; choosing one writes its key. */
  while (g_list_model_get_n_items (adw_combo_row_get_model (profile_row)) == 0)
    g_main_context_iteration (NULL, TRUE);
  adw_combo_row_set_selected (profile_row, 0);
  chosen = g_settings_get_string (settings, "watch-folder-profile");
  g_assert_cmpstr (chosen, ==, "watcher");
  g_settings_reset (settings, "watch-folder-profile");

  g_assert_true (cl_watch_folder_job_stop (job, 5000));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preferences/network-switches", test_switches);
  g_test_add_func ("/preferences/retention", test_retention);
  g_test_add_func ("/preferences/jobs", test_jobs);
  g_test_add_func ("/preferences/trust-lists", test_trust_lists);
  g_test_add_func ("/preferences/watch-folder", test_watch_folder);

  return g_test_run ();
}
