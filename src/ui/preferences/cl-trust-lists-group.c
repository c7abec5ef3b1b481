/* cl-trust-lists-group.c
 *
 * Every change runs in a GTask thread and ends with a reload of the store and
 * cl_trust_store_set_default (NULL), so the next verification uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-trust-lists-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-trust-list-fetch.h"
#include "cl-trust-lists-group.h"
#include "cl-trust-store.h"

struct _ClTrustListsGroup
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *group;
  GtkWidget            *refresh_button;
  GtkLabel             *message;
  GtkLabel             *refresh_hint;
  GPtrArray            *rows;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *trust_dir;
  guint                 busy;
};

G_DEFINE_FINAL_TYPE (ClTrustListsGroup, cl_trust_lists_group, ADW_TYPE_BIN)

typedef enum { WORK_LOAD, WORK_IMPORT, WORK_REMOVE, WORK_REFRESH } WorkKind;

typedef struct {
  WorkKind  kind;
  char     *trust_dir;
  char     *argument;   /* the PEM path to import, or the list to remove */
  char     *outcome;    /* a sentence for the user */
} Work;


static void
work_free (gpointer data)
{
  Work *work = data;

  g_free (work->trust_dir);
  g_free (work->argument);
  g_free (work->outcome);
  g_free (work);
}


/* A list name from a file name: "Newsroom Roots.pem" → "newsroom-roots". */
static char *
name_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  GString *name = g_string_new (NULL);

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (const char *p = base; *p != '\0' && name->len < 48; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '-');
  if (name->len == 0)
    g_string_append (name, "imported");
  return g_string_free (name, FALSE);
}


static gboolean
refresh_all (const char    *trust_dir,
             GCancellable  *cancellable,
             GString       *failures)
{
  gboolean any = FALSE;

  for (const ClTrustListSource *source = cl_trust_list_sources (); source->name != NULL;
       source++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(ClTrustList) list = cl_trust_list_fetch (source, trust_dir, NULL, cancellable,
                                                       &error);

    if (list == NULL)
      g_string_append_printf (failures, "%s: %s\n", source->name, error->message);
    else
      any = TRUE;
  }
  return any;
}


static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(GError) error = NULL;
  ClTrustStore *store;

  switch (work->kind) {
  case WORK_IMPORT:
    {
      g_autofree char *name = name_from_path (work->argument);
      g_autoptr(ClTrustList) list = cl_trust_list_new_from_files (name, CL_TRUST_LIST_KIND_USER,
                                                                  work->argument, NULL, NULL,
                                                                  &error);
      guint n_anchors;

      if (list == NULL || !cl_trust_list_install (list, work->trust_dir, &error)) {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
      n_anchors = cl_trust_list_get_anchors (list)->len;
      work->outcome = g_strdup_printf (ngettext ("Imported “%s” with %u anchor",
                                                 "Imported “%s” with %u anchors", n_anchors),
                                       name, n_anchors);
    }
    break;
  case WORK_REMOVE:
    if (!cl_trust_store_remove_list (work->trust_dir, work->argument, &error)) {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
    work->outcome = g_strdup_printf (_("Removed “%s”"), work->argument);
    break;
  case WORK_REFRESH:
    {
      g_autoptr(GString) failures = g_string_new (NULL);

      refresh_all (work->trust_dir, cancellable, failures);
      work->outcome = failures->len > 0
                      ? g_strdup_printf (_("Some lists could not be refreshed:\n%s"), failures->str)
                      : g_strdup (_("Trust lists refreshed"));
    }
    break;
  case WORK_LOAD:
  default:
    break;
  }

  store = cl_trust_store_load (work->trust_dir, &error);
  if (store == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  /* Verifications from now on use the new lists. */
  if (work->kind != WORK_LOAD)
    cl_trust_store_set_default (NULL);
  g_task_return_pointer (task, store, g_object_unref);
}


static void remove_clicked_cb (GtkButton *button, ClTrustListsGroup *self);


static GtkWidget *
list_row (ClTrustListsGroup *self,
          ClTrustList       *list)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gint64 snapshot = cl_trust_list_get_snapshot (list);
  g_autoptr(GDateTime) date = snapshot > 0 ? g_date_time_new_from_unix_utc (snapshot) : NULL;
  g_autofree char *when = date != NULL ? g_date_time_format (date, "%x") : g_strdup (_("unknown"));
  const char *source = cl_trust_list_get_source (list);
  g_autofree char *label = cl_trust_list_dup_label (list);

  guint n_anchors = cl_trust_list_get_anchors (list)->len;
  g_autofree char *subtitle = NULL;

  /* Translators: trust list row: kind · anchors · snapshot date · source */
  subtitle = g_strdup_printf (ngettext ("%s · %u anchor · snapshot of %s%s%s",
                                        "%s · %u anchors · snapshot of %s%s%s", n_anchors),
                              label, n_anchors, when,
                              source != NULL && *source != '\0' ? " · " : "",
                              source != NULL ? source : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_trust_list_get_name (list));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Trust List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove trust list"), -1);
  g_object_set_data_full (G_OBJECT (remove), "list-name",
                          g_strdup (cl_trust_list_get_name (list)), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self,
                           G_CONNECT_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}


static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ClTrustListsGroup) self = user_data;
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  GPtrArray *lists;

  self->busy--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL) {
    gtk_label_set_label (self->message, error->message);
    gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
    return;
  }
  gtk_label_set_label (self->message, work->outcome != NULL ? work->outcome : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), work->outcome != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  lists = cl_trust_store_get_lists (store);
  for (guint i = 0; i < lists->len; i++) {
    GtkWidget *row = list_row (self, g_ptr_array_index (lists, i));

    adw_preferences_group_add (self->group, row);
    g_ptr_array_add (self->rows, row);
  }
}


static void
start_work (ClTrustListsGroup *self,
            WorkKind           kind,
            const char        *argument)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, work_done_cb, g_object_ref (self));
  Work *work = g_new0 (Work, 1);

  work->kind = kind;
  work->trust_dir = self->trust_dir != NULL ? g_strdup (self->trust_dir)
                                            : cl_trust_store_default_dir ();
  work->argument = g_strdup (argument);
  self->busy++;
  g_task_set_source_tag (task, start_work);
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, work_thread);
}


static void
remove_clicked_cb (GtkButton         *button,
                   ClTrustListsGroup *self)
{
  start_work (self, WORK_REMOVE, g_object_get_data (G_OBJECT (button), "list-name"));
}


void
cl_trust_lists_group_import_file (ClTrustListsGroup *self,
                                  GFile             *pem)
{
  g_autofree char *path = g_file_get_path (pem);

  g_return_if_fail (CL_IS_TRUST_LISTS_GROUP (self));
  if (path != NULL)
    start_work (self, WORK_IMPORT, path);
}


static void
chooser_response_cb (ClTrustListsGroup    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    cl_trust_lists_group_import_file (self, file);
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
import_clicked_cb (ClTrustListsGroup *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("PEM Certificates"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  self->chooser = gtk_file_chooser_native_new (_("Import Trust Anchors"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
refresh_clicked_cb (ClTrustListsGroup *self)
{
  start_work (self, WORK_REFRESH, NULL);
}


void
cl_trust_lists_group_set_trust_dir (ClTrustListsGroup *self,
                                    const char        *trust_dir)
{
  g_return_if_fail (CL_IS_TRUST_LISTS_GROUP (self));

  g_free (self->trust_dir);
  self->trust_dir = g_strdup (trust_dir);
  start_work (self, WORK_LOAD, NULL);
}


guint
cl_trust_lists_group_get_n_lists (ClTrustListsGroup *self)
{
  return self->rows->len;
}


gboolean
cl_trust_lists_group_is_busy (ClTrustListsGroup *self)
{
  return self->busy > 0;
}


const char *
cl_trust_lists_group_get_message (ClTrustListsGroup *self)
{
  return gtk_label_get_label (self->message);
}


const char *
cl_trust_lists_group_get_refresh_hint (ClTrustListsGroup *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->refresh_hint))
         ? gtk_label_get_label (self->refresh_hint) : NULL;
}


static void
cl_trust_lists_group_dispose (GObject *object)
{
  ClTrustListsGroup *self = CL_TRUST_LISTS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->trust_dir, g_free);

  G_OBJECT_CLASS (cl_trust_lists_group_parent_class)->dispose (object);
}


static void
cl_trust_lists_group_class_init (ClTrustListsGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cl_trust_lists_group_dispose;
}


static void
cl_trust_lists_group_init (ClTrustListsGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import PEM…"));

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Trust Lists"));
  adw_preferences_group_set_description (self->group,
    _("A signer is shown as trusted only when its certificate chains to one of these lists"));

  g_signal_connect_object (import, "clicked", G_CALLBACK (import_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  self->refresh_button = gtk_button_new_with_mnemonic (_("_Refresh Now"));
  gtk_widget_set_tooltip_text (self->refresh_button,
                               _("Download the official C2PA lists (needs “Refresh Trust Lists” "
                                 "under Network)"));
  g_signal_connect_object (self->refresh_button, "clicked", G_CALLBACK (refresh_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  /* Network use only where the user enabled it. */
  g_settings_bind (self->settings, "trust-list-refresh", self->refresh_button, "sensitive",
                   G_SETTINGS_BIND_GET);
  gtk_box_append (GTK_BOX (buttons), import);
  gtk_box_append (GTK_BOX (buttons), self->refresh_button);
  adw_preferences_group_set_header_suffix (self->group, buttons);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);

  /* A greyed button says nothing by itself: name the switch that enables it. */
  self->refresh_hint = GTK_LABEL (gtk_label_new (
    _("“Refresh Now” is greyed out because CredLink stays offline: turn on “Refresh Trust "
      "Lists” under Network to download the official C2PA trust lists")));
  gtk_label_set_wrap (self->refresh_hint, TRUE);
  gtk_label_set_xalign (self->refresh_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->refresh_hint), "dim-label");
  g_settings_bind (self->settings, "trust-list-refresh", self->refresh_hint, "visible",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->refresh_hint));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  adw_bin_set_child (ADW_BIN (self), box);
  start_work (self, WORK_LOAD, NULL);
}


GtkWidget *
cl_trust_lists_group_new (void)
{
  return g_object_new (CL_TYPE_TRUST_LISTS_GROUP, NULL);
}
