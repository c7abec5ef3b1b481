/* cl-job-cert-expiry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-job-cert-expiry"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-job-cert-expiry.h"
#include "cl-job-thread.h"
#include "cl-signing-profile-store.h"
#include "cl-scheduler-settings.h"

typedef struct {
  char         *profiles_root;
  GMainContext *context;   /* where the notification is sent from */
} ExpiryJob;


static int
compare_expiry (gconstpointer a,
                gconstpointer b)
{
  const ClSigningProfileSummary *pa = *(ClSigningProfileSummary * const *) a;
  const ClSigningProfileSummary *pb = *(ClSigningProfileSummary * const *) b;

  /* ISO 8601 UTC strings sort by time. */
  return g_strcmp0 (pa->not_after, pb->not_after);
}


GPtrArray *
cl_cert_expiry_find (const char  *profiles_root,
                     GDateTime   *now,
                     guint        days,
                     GError     **error)
{
  g_autofree char *default_root = profiles_root == NULL ? cl_signing_profile_store_default_root () : NULL;
  g_autoptr(GPtrArray) profiles = cl_signing_profile_store_list (profiles_root != NULL ? profiles_root
                                                                               : default_root,
                                                         error);
  g_autoptr(GDateTime) limit = g_date_time_add_days (now, (gint) days);
  GPtrArray *expiring;

  if (profiles == NULL)
    return NULL;
  expiring = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_signing_profile_summary_free);
  for (guint i = 0; i < profiles->len; i++) {
    ClSigningProfileSummary *summary = g_ptr_array_index (profiles, i);
    g_autoptr(GDateTime) not_after = summary->not_after != NULL
                                     ? g_date_time_new_from_iso8601 (summary->not_after, NULL)
                                     : NULL;

    if (not_after != NULL && g_date_time_compare (not_after, limit) <= 0)
      g_ptr_array_add (expiring, g_ptr_array_steal_index (profiles, i--));
  }
  g_ptr_array_sort (expiring, compare_expiry);
  return expiring;
}


char *
cl_cert_expiry_describe (GPtrArray *expiring,
                         GDateTime *now)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < expiring->len; i++) {
    ClSigningProfileSummary *summary = g_ptr_array_index (expiring, i);
    g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 (summary->not_after, NULL);
    gint64 days = not_after != NULL ? g_date_time_difference (not_after, now) / G_TIME_SPAN_DAY
                                    : 0;

    if (i > 0)
      g_string_append (text, " ");
    if (not_after != NULL && g_date_time_compare (not_after, now) < 0)
      g_string_append_printf (text, _("The certificate of the signing profile “%s” has expired: "
                                      "images can no longer be signed with it."), summary->name);
    else
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "The certificate of the signing profile “%s” "
                                                 "expires in %lld day.",
                                                 "The certificate of the signing profile “%s” "
                                                 "expires in %lld days.",
                                                 (gulong) days),
                              summary->name, (long long) days);
  }
  return g_string_free (text, FALSE);
}


static gboolean
send_notification_cb (gpointer data)
{
  const char *body = data;
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;

  if (app == NULL)
    return G_SOURCE_REMOVE;
  notification = g_notification_new (_("Signing certificate expiring"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (app, "cert-expiry", notification);
  return G_SOURCE_REMOVE;
}


static gboolean
expiry_thread (gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  ExpiryJob *job = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) expiring = NULL;
  char *text;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  expiring = cl_cert_expiry_find (job->profiles_root, now, CL_SIGNING_PROFILE_EXPIRY_WARNING_DAYS,
                                  error);
  if (expiring == NULL)
    return FALSE;
  if (expiring->len == 0)
    return TRUE;
  text = cl_cert_expiry_describe (expiring, now);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "CREDLINK_JOB", CL_JOB_CERT_EXPIRY,
                    "MESSAGE", "%s", text);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, send_notification_cb, text,
                              g_free);
  return TRUE;
}


static void
expiry_job_free (gpointer data)
{
  ExpiryJob *job = data;

  g_free (job->profiles_root);
  g_main_context_unref (job->context);
  g_free (job);
}


gboolean
cl_cert_expiry_job_register (ClScheduler  *scheduler,
                             const char   *profiles_root,
                             guint         interval_ms,
                             GError      **error)
{
  ExpiryJob *job = g_new0 (ExpiryJob, 1);

  job->profiles_root = g_strdup (profiles_root);
  job->context = g_main_context_ref_thread_default ();
  return cl_scheduler_add_thread_job (scheduler, CL_JOB_CERT_EXPIRY, interval_ms, 1,
                                      CL_SCHEDULER_JOB_ENABLED | CL_SCHEDULER_JOB_RUN_ON_START,
                                      expiry_thread, job, expiry_job_free, error);
}
