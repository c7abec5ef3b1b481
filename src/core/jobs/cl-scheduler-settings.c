/* cl-scheduler-settings.c: applies the job-<name>-enabled/-interval settings to scheduler jobs.
 *
 * Each known job has two keys: job-<name>-enabled and job-<name>-interval (in
 * seconds). The trust-list refresh also needs the user's permission to use
 * the network (trust-list-refresh). Settings apply when a job is registered,
 * even after this binder was created, and whenever a key changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-scheduler"

#include "config.h"

#include "cl-scheduler-settings.h"

struct _ClSchedulerSettings
{
  GObject      parent_instance;

  ClScheduler *scheduler;
  GSettings   *settings;
  gulong       changed_id;
  gulong       job_added_id;
};

G_DEFINE_FINAL_TYPE (ClSchedulerSettings, cl_scheduler_settings, G_TYPE_OBJECT)

typedef struct
{
  const char *name;
  const char *permission_key;   /* another boolean key that must be on too, or NULL */
} KnownJob;

static const KnownJob known_jobs[] = {
  { CL_JOB_PROOF_CLEANUP, NULL },
  { CL_JOB_CERT_EXPIRY, NULL },
  { CL_JOB_TRUST_REFRESH, "trust-list-refresh" },
  { CL_JOB_REVOCATION_PRUNE, NULL },
  { CL_JOB_HEALTH, NULL },
};


static const KnownJob *
find_known_job (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_jobs); i++) {
    if (g_strcmp0 (known_jobs[i].name, name) == 0)
      return &known_jobs[i];
  }
  return NULL;
}


gboolean
cl_scheduler_settings_knows_job (const char *name)
{
  return find_known_job (name) != NULL;
}


/**
 * cl_scheduler_settings_job_wanted:
 *
 * Returns: whether the settings have the job @name on (its own switch and,
 *   for jobs that use the network, the permission to do so)
 */
gboolean
cl_scheduler_settings_job_wanted (ClSchedulerSettings *self,
                                  const char          *name)
{
  const KnownJob *known = find_known_job (name);
  g_autofree char *key = NULL;

  g_return_val_if_fail (CL_IS_SCHEDULER_SETTINGS (self), FALSE);
  g_return_val_if_fail (known != NULL, FALSE);

  key = g_strdup_printf ("job-%s-enabled", name);
  if (!g_settings_get_boolean (self->settings, key))
    return FALSE;
  return known->permission_key == NULL ||
         g_settings_get_boolean (self->settings, known->permission_key);
}


guint
cl_scheduler_settings_job_interval_ms (ClSchedulerSettings *self,
                                       const char          *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CL_IS_SCHEDULER_SETTINGS (self), 0);
  g_return_val_if_fail (find_known_job (name) != NULL, 0);

  /* The schema caps the interval at 30 days, which fits in milliseconds. */
  key = g_strdup_printf ("job-%s-interval", name);
  return g_settings_get_uint (self->settings, key) * 1000;
}


static void
apply (ClSchedulerSettings *self,
       const char          *name)
{
  if (!cl_scheduler_has_job (self->scheduler, name))
    return;
  cl_scheduler_set_job_interval (self->scheduler, name,
                                 cl_scheduler_settings_job_interval_ms (self, name));
  cl_scheduler_set_job_enabled (self->scheduler, name,
                                cl_scheduler_settings_job_wanted (self, name));
}


static void
settings_changed_cb (GSettings           *settings,
                     const char          *key,
                     ClSchedulerSettings *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_jobs); i++) {
    const KnownJob *known = &known_jobs[i];
    g_autofree char *enabled_key = g_strdup_printf ("job-%s-enabled", known->name);
    g_autofree char *interval_key = g_strdup_printf ("job-%s-interval", known->name);

    if (g_strcmp0 (key, enabled_key) == 0 || g_strcmp0 (key, interval_key) == 0 ||
        g_strcmp0 (key, known->permission_key) == 0)
      apply (self, known->name);
  }
}


static void
job_added_cb (ClScheduler         *scheduler,
              const char          *name,
              ClSchedulerSettings *self)
{
  if (find_known_job (name) != NULL)
    apply (self, name);
}


/**
 * cl_scheduler_settings_unbind:
 *
 * Stops following the settings; jobs keep their current state.
 */
void
cl_scheduler_settings_unbind (ClSchedulerSettings *self)
{
  g_return_if_fail (CL_IS_SCHEDULER_SETTINGS (self));

  g_clear_signal_handler (&self->changed_id, self->settings);
  g_clear_signal_handler (&self->job_added_id, self->scheduler);
}


static void
cl_scheduler_settings_dispose (GObject *object)
{
  ClSchedulerSettings *self = CL_SCHEDULER_SETTINGS (object);

  if (self->settings != NULL && self->scheduler != NULL)
    cl_scheduler_settings_unbind (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (cl_scheduler_settings_parent_class)->dispose (object);
}


static void
cl_scheduler_settings_class_init (ClSchedulerSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_scheduler_settings_dispose;
}


static void
cl_scheduler_settings_init (ClSchedulerSettings *self)
{
}


/**
 * cl_scheduler_settings_new:
 * @settings: a #GSettings of the io.github.credlink.CredLink schema
 *
 * Applies the settings to the jobs @scheduler already has, to the jobs it
 * gets later, and again whenever a key changes.
 */
ClSchedulerSettings *
cl_scheduler_settings_new (ClScheduler *scheduler,
                           GSettings   *settings)
{
  ClSchedulerSettings *self;

  g_return_val_if_fail (CL_IS_SCHEDULER (scheduler), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CL_TYPE_SCHEDULER_SETTINGS, NULL);
  self->scheduler = g_object_ref (scheduler);
  self->settings = g_object_ref (settings);
  self->changed_id = g_signal_connect (settings, "changed",
                                       G_CALLBACK (settings_changed_cb), self);
  self->job_added_id = g_signal_connect (scheduler, "job-added",
                                         G_CALLBACK (job_added_cb), self);
  /* Reading every key also makes GSettings report its changes. */
  for (guint i = 0; i < G_N_ELEMENTS (known_jobs); i++) {
    g_autofree char *enabled_key = g_strdup_printf ("job-%s-enabled", known_jobs[i].name);

    (void) g_settings_get_boolean (settings, enabled_key);
    if (known_jobs[i].permission_key != NULL)
      (void) g_settings_get_boolean (settings, known_jobs[i].permission_key);
    (void) cl_scheduler_settings_job_interval_ms (self, known_jobs[i].name);
    apply (self, known_jobs[i].name);
  }
  return self;
}
