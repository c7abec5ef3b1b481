/* cl-jobs-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-jobs-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-jobs-group.h"
#include "cl-scheduler-settings.h"

typedef struct {
  const char *name;
  const char *title;         /* N_() */
  const char *description;   /* N_() */
} JobInfo;

static const JobInfo jobs[] = {
  { CL_JOB_PROOF_CLEANUP, N_("Clean Up the Proof Cache"),
    N_("Remove proofs older than the retention period") },
  { CL_JOB_CERT_EXPIRY, N_("Warn About Expiring Certificates"),
    N_("Notify when a signing profile expires within 30 days") },
  { CL_JOB_TRUST_REFRESH, N_("Refresh Trust Lists"),
    N_("Download the official lists; needs “Refresh Trust Lists” under Network") },
  { CL_JOB_REVOCATION_PRUNE, N_("Prune Revocation Answers"),
    N_("Forget certificate status answers that are out of date") },
  { CL_JOB_HEALTH, N_("Measure Storage"),
    N_("Record the size of the proof cache and trust lists") },
};

struct _ClJobsGroup
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GSettings           *settings;
  ClScheduler         *scheduler;
  GHashTable          *status_rows;   /* job name → AdwActionRow */
  GHashTable          *status_texts;  /* job name → char* */
  gulong               finished_id;
};

G_DEFINE_FINAL_TYPE (ClJobsGroup, cl_jobs_group, ADW_TYPE_BIN)


static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = usec > 0 ? g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC)
                                       : NULL;

  return time != NULL ? g_date_time_format (time, "%x %X") : NULL;
}


static void
update_status (ClJobsGroup *self,
               const char  *name)
{
  AdwActionRow *row = g_hash_table_lookup (self->status_rows, name);
  g_autoptr(ClSchedulerJobStatus) status = NULL;
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  char *text;

  if (row == NULL)
    return;
  if (self->scheduler != NULL)
    status = cl_scheduler_get_job_status (self->scheduler, name);

  if (status == NULL) {
    text = g_strdup (_("Not scheduled in this session"));
  } else {
    last = format_time (status->last_run);
    next = status->enabled ? format_time (status->next_run) : NULL;
    /* Translators: background job status: "Last run: …  ·  Next run: …" */
    text = g_strdup_printf (_("Last run: %s · Next run: %s%s%s"),
                            status->running ? _("running now") : last != NULL ? last : _("never"),
                            next != NULL ? next : status->enabled ? _("not planned") : _("off"),
                            status->last_error != NULL ? _(" · Last error: ") : "",
                            status->last_error != NULL ? status->last_error : "");
  }
  adw_action_row_set_subtitle (row, text);
  g_hash_table_replace (self->status_texts, g_strdup (name), text);
}


static void
job_finished_cb (ClScheduler *scheduler,
                 const char  *name,
                 gboolean     success,
                 ClJobsGroup *self)
{
  update_status (self, name);
}


static gboolean
seconds_to_minutes (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 60.0);
  return TRUE;
}


static GVariant *
minutes_to_seconds (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 60.0 + 0.5));
}


static void
add_job_row (ClJobsGroup   *self,
             const JobInfo *job)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *enabled = gtk_switch_new ();
  GtkWidget *interval_row = adw_action_row_new ();
  GtkWidget *interval = gtk_spin_button_new_with_range (1, 43200, 1);
  GtkWidget *status_row = adw_action_row_new ();
  g_autofree char *enabled_key = g_strdup_printf ("job-%s-enabled", job->name);
  g_autofree char *interval_key = g_strdup_printf ("job-%s-interval", job->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(job->title));
  cl_a11y_name_expander_row (ADW_EXPANDER_ROW (expander));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _(job->description));
  gtk_widget_set_valign (enabled, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (enabled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(job->title), -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), enabled);
  g_settings_bind (self->settings, enabled_key, enabled, "active", G_SETTINGS_BIND_DEFAULT);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (interval_row), _("Every (minutes)"));
  gtk_widget_set_valign (interval, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (interval), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes between two runs"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (interval_row), interval);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (interval_row), interval);
  g_settings_bind_with_mapping (self->settings, interval_key, interval, "value",
                                G_SETTINGS_BIND_DEFAULT, seconds_to_minutes, minutes_to_seconds,
                                NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), interval_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status_row), _("Status"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), status_row);
  g_hash_table_insert (self->status_rows, (gpointer) job->name, status_row);

  adw_preferences_group_add (self->group, expander);
  update_status (self, job->name);
}


void
cl_jobs_group_set_scheduler (ClJobsGroup *self,
                             ClScheduler *scheduler)
{
  g_return_if_fail (CL_IS_JOBS_GROUP (self));

  if (self->scheduler != NULL)
    g_clear_signal_handler (&self->finished_id, self->scheduler);
  g_set_object (&self->scheduler, scheduler);
  if (scheduler != NULL)
    self->finished_id = g_signal_connect (scheduler, "job-finished",
                                          G_CALLBACK (job_finished_cb), self);
  for (gsize i = 0; i < G_N_ELEMENTS (jobs); i++)
    update_status (self, jobs[i].name);
}


const char *
cl_jobs_group_get_status_text (ClJobsGroup *self,
                               const char  *job_name)
{
  g_return_val_if_fail (CL_IS_JOBS_GROUP (self), NULL);

  return g_hash_table_lookup (self->status_texts, job_name);
}


static void
cl_jobs_group_dispose (GObject *object)
{
  ClJobsGroup *self = CL_JOBS_GROUP (object);

  if (self->scheduler != NULL)
    g_clear_signal_handler (&self->finished_id, self->scheduler);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->status_rows, g_hash_table_unref);
  g_clear_pointer (&self->status_texts, g_hash_table_unref);

  G_OBJECT_CLASS (cl_jobs_group_parent_class)->dispose (object);
}


static void
cl_jobs_group_class_init (ClJobsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cl_jobs_group_dispose;
}


static void
cl_jobs_group_init (ClJobsGroup *self)
{
  self->settings = g_settings_new (APP_ID);
  self->status_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->status_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Background Jobs"));
  adw_preferences_group_set_description (self->group,
                                         _("Small tasks CredLink runs while it is open"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  for (gsize i = 0; i < G_N_ELEMENTS (jobs); i++)
    add_job_row (self, &jobs[i]);
}


GtkWidget *
cl_jobs_group_new (void)
{
  return g_object_new (CL_TYPE_JOBS_GROUP, NULL);
}
