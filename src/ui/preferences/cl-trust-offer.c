/* cl-trust-offer.c
 *
 * The offer is shown when no trust list is installed and the user has not
 * answered it yet (the trust-offer-answered key). Reading the folder and the
 * download run in GTask threads; a download that ends reloads the default store
 * so the next verification uses the new lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-trust-offer"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-trust-offer.h"
#include "cl-trust-store.h"

struct _ClTrustOffer
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkRevealer   *revealer;
  GtkLabel      *message;
  GtkWidget     *decline_button;
  GtkWidget     *accept_button;
  GtkWidget     *close_button;

  GSettings     *settings;
  GCancellable  *cancellable;
  GPtrArray     *sources;     /* const ClTrustListSource *, not owned */
  char          *trust_dir;
  guint          busy;
};

G_DEFINE_FINAL_TYPE (ClTrustOffer, cl_trust_offer, ADW_TYPE_BIN)

typedef struct {
  char      *trust_dir;
  GPtrArray *sources;        /* NULL: only count the installed lists */
  guint      n_installed;
  GPtrArray *lists;          /* ClTrustList *, the downloaded ones */
  GString   *failures;
} Work;


static void
work_free (gpointer data)
{
  Work *work = data;

  g_free (work->trust_dir);
  g_clear_pointer (&work->sources, g_ptr_array_unref);
  g_clear_pointer (&work->lists, g_ptr_array_unref);
  g_string_free (work->failures, TRUE);
  g_free (work);
}


static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustStore) store = NULL;

  for (guint i = 0; work->sources != NULL && i < work->sources->len; i++) {
    const ClTrustListSource *source = g_ptr_array_index (work->sources, i);
    g_autoptr(GError) fetch_error = NULL;
    ClTrustList *list = cl_trust_list_fetch (source, work->trust_dir, NULL, cancellable,
                                             &fetch_error);

    if (g_error_matches (fetch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_task_return_error (task, g_steal_pointer (&fetch_error));
      return;
    }
    if (list != NULL)
      g_ptr_array_add (work->lists, list);
    else
      g_string_append_printf (work->failures, "\n%s: %s",
                              cl_trust_list_kind_describe (source->kind), fetch_error->message);
  }

  store = cl_trust_store_load (work->trust_dir, &error);
  if (store == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  work->n_installed = cl_trust_store_get_lists (store)->len;
  g_task_return_boolean (task, TRUE);
}


/* "C2PA trust list of 2025-01-02 · C2PA TSA trust list of 2025-01-02": an
 * unambiguous date, whatever the locale. */
static char *
describe_lists (GPtrArray *lists)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lists->len; i++) {
    ClTrustList *list = g_ptr_array_index (lists, i);
    gint64 snapshot = cl_trust_list_get_snapshot (list);
    g_autoptr(GDateTime) date = snapshot > 0 ? g_date_time_new_from_unix_utc (snapshot) : NULL;
    g_autofree char *when = date != NULL ? g_date_time_format (date, "%x")
                                         : g_strdup (_("unknown date"));

    if (i > 0)
      g_string_append (text, " · ");
    /* Translators: an installed trust list and its date in the locale's format, e.g.
     * "C2PA trust list of 01/02/25" */
    g_string_append_printf (text, _("%s of %s"),
                            cl_trust_list_kind_describe (cl_trust_list_get_kind (list)), when);
  }
  return g_string_free (text, FALSE);
}


static void
show_outcome (ClTrustOffer *self,
              Work         *work)
{
  g_autofree char *installed = describe_lists (work->lists);
  g_autofree char *text = NULL;

  if (work->lists->len > 0 && work->failures->len == 0)
    /* Translators: %s lists the installed trust lists and their dates */
    text = g_strdup_printf (_("Installed: %s"), installed);
  else if (work->lists->len > 0)
    text = g_strdup_printf (_("Installed: %s. Not installed:%s"), installed, work->failures->str);
  else
    text = g_strdup_printf (_("The trust lists could not be downloaded; try again in "
                              "Preferences.%s"), work->failures->str);
  gtk_label_set_label (self->message, text);
  gtk_widget_set_visible (self->close_button, TRUE);
}


static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ClTrustOffer) self = user_data;
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error)) {
    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      return;
    g_warning ("Cannot read the trust lists: %s", error->message);
    if (work->sources == NULL)
      return;
  }

  if (work->sources == NULL) {
    gtk_revealer_set_reveal_child (self->revealer,
                                   work->n_installed == 0 &&
                                   !g_settings_get_boolean (self->settings,
                                                            "trust-offer-answered"));
    return;
  }
  /* Verifications from now on use the new lists. */
  if (work->lists->len > 0)
    cl_trust_store_set_default (NULL);
  show_outcome (self, work);
}


static void
start_work (ClTrustOffer *self,
            gboolean      download)
{
  g_autoptr(GTask) task = NULL;
  Work *work = g_new0 (Work, 1);

  /* A new check or download replaces whatever ran before. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  work->trust_dir = self->trust_dir != NULL ? g_strdup (self->trust_dir)
                                            : cl_trust_store_default_dir ();
  if (download)
    work->sources = g_ptr_array_copy (self->sources, NULL, NULL);
  work->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  work->failures = g_string_new (NULL);

  task = g_task_new (self, self->cancellable, work_done_cb, g_object_ref (self));
  self->busy++;
  g_task_set_source_tag (task, start_work);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, work_thread);
}


static void
decline_clicked_cb (ClTrustOffer *self)
{
  g_settings_set_boolean (self->settings, "trust-offer-answered", TRUE);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}


static void
accept_clicked_cb (ClTrustOffer *self)
{
  g_settings_set_boolean (self->settings, "trust-offer-answered", TRUE);
  gtk_widget_set_visible (self->decline_button, FALSE);
  gtk_widget_set_visible (self->accept_button, FALSE);

  /* The consent is the network switch: the download, and the refreshes after it,
   * happen only while it is on (an administrator may have locked it off). */
  g_settings_set_boolean (self->settings, "trust-list-refresh", TRUE);
  if (!g_settings_get_boolean (self->settings, "trust-list-refresh")) {
    gtk_label_set_label (self->message,
                         _("Downloads are turned off: “Refresh Trust Lists” under Network "
                           "in Preferences cannot be changed"));
    gtk_widget_set_visible (self->close_button, TRUE);
    return;
  }
  gtk_label_set_label (self->message, _("Downloading the official C2PA trust lists…"));
  start_work (self, TRUE);
}


static void
close_clicked_cb (ClTrustOffer *self)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}


void
cl_trust_offer_set_trust_dir (ClTrustOffer *self,
                              const char   *trust_dir)
{
  g_return_if_fail (CL_IS_TRUST_OFFER (self));

  g_free (self->trust_dir);
  self->trust_dir = g_strdup (trust_dir);
  start_work (self, FALSE);
}


void
cl_trust_offer_set_sources (ClTrustOffer            *self,
                            const ClTrustListSource *sources)
{
  g_return_if_fail (CL_IS_TRUST_OFFER (self));
  g_return_if_fail (sources != NULL);

  g_ptr_array_set_size (self->sources, 0);
  for (const ClTrustListSource *source = sources; source->name != NULL; source++)
    g_ptr_array_add (self->sources, (gpointer) source);
}


gboolean
cl_trust_offer_get_revealed (ClTrustOffer *self)
{
  g_return_val_if_fail (CL_IS_TRUST_OFFER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}


gboolean
cl_trust_offer_is_busy (ClTrustOffer *self)
{
  g_return_val_if_fail (CL_IS_TRUST_OFFER (self), FALSE);

  return self->busy > 0;
}


const char *
cl_trust_offer_get_message (ClTrustOffer *self)
{
  g_return_val_if_fail (CL_IS_TRUST_OFFER (self), NULL);

  return gtk_label_get_label (self->message);
}


static void
cl_trust_offer_dispose (GObject *object)
{
  ClTrustOffer *self = CL_TRUST_OFFER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->trust_dir, g_free);
  /* AdwBin unparents its child itself: no gtk_widget_dispose_template here. */

  G_OBJECT_CLASS (cl_trust_offer_parent_class)->dispose (object);
}


static void
cl_trust_offer_class_init (ClTrustOfferClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_trust_offer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-trust-offer.ui");
  gtk_widget_class_bind_template_child (widget_class, ClTrustOffer, revealer);
  gtk_widget_class_bind_template_child (widget_class, ClTrustOffer, message);
  gtk_widget_class_bind_template_child (widget_class, ClTrustOffer, decline_button);
  gtk_widget_class_bind_template_child (widget_class, ClTrustOffer, accept_button);
  gtk_widget_class_bind_template_child (widget_class, ClTrustOffer, close_button);
  gtk_widget_class_bind_template_callback (widget_class, decline_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}


static void
cl_trust_offer_init (ClTrustOffer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->sources = g_ptr_array_new ();
  /* The official lists only: the legacy interim list is for files of 2024 and earlier. */
  for (const ClTrustListSource *source = cl_trust_list_sources (); source->name != NULL;
       source++) {
    if (source->kind == CL_TRUST_LIST_KIND_C2PA || source->kind == CL_TRUST_LIST_KIND_C2PA_TSA)
      g_ptr_array_add (self->sources, (gpointer) source);
  }
  /* Not answered yet is the only case worth reading the folder for. */
  if (!g_settings_get_boolean (self->settings, "trust-offer-answered"))
    start_work (self, FALSE);
}


GtkWidget *
cl_trust_offer_new (void)
{
  return g_object_new (CL_TYPE_TRUST_OFFER, NULL);
}
