/* cl-ica-issuers-group.c
 *
 * The row writes the GSettings key ica-issuers-file, which the Verify page follows; the
 * file is read in a thread each time the key changes, so the row can say how many
 * issuers it lists or why it cannot be used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-ica-issuers-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-ica-issuers-group.h"
#include "cl-ica-issuers.h"

#define SETTINGS_KEY "ica-issuers-file"

struct _ClIcaIssuersGroup
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwActionRow         *file_row;
  GtkButton            *clear_button;

  /* Owned references */
  GSettings            *settings;
  GCancellable         *loading;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ClIcaIssuersGroup, cl_ica_issuers_group, ADW_TYPE_BIN)


static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClIcaIssuersGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dids = cl_ica_issuers_load_finish (result, &error);
  g_autofree char *path = NULL, *name = NULL, *summary = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  path = g_settings_get_string (self->settings, SETTINGS_KEY);
  name = g_path_get_basename (path);
  if (dids == NULL) {
    summary = g_strdup_printf (_("%s cannot be used: %s"), name, error->message);
  } else {
    guint n = g_strv_length (dids);

    summary = g_strdup_printf (ngettext ("%s: %u issuer", "%s: %u issuers", n), name, n);
  }
  adw_action_row_set_subtitle (self->file_row, summary);
}


static void
settings_changed_cb (GSettings         *settings,
                     const char        *key,
                     ClIcaIssuersGroup *self)
{
  g_autofree char *path = g_settings_get_string (settings, SETTINGS_KEY);
  gboolean chosen = *path != '\0';

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), chosen);
  if (!chosen) {
    adw_action_row_set_subtitle (self->file_row,
                                 _("None: every identity issuer is reported as untrusted"));
    return;
  }
  adw_action_row_set_subtitle (self->file_row, _("Reading the list…"));
  self->loading = g_cancellable_new ();
  cl_ica_issuers_load_async (path, self->loading, loaded_cb, g_object_ref (self));
}


static void
chooser_response_cb (ClIcaIssuersGroup    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

    if (path != NULL)
      g_settings_set_string (self->settings, SETTINGS_KEY, path);
  }
  g_clear_object (&self->chooser);
}


static void
choose_cb (ClIcaIssuersGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Trusted Identity Issuers"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
clear_cb (ClIcaIssuersGroup *self)
{
  g_settings_reset (self->settings, SETTINGS_KEY);
}


static void
cl_ica_issuers_group_dispose (GObject *object)
{
  ClIcaIssuersGroup *self = CL_ICA_ISSUERS_GROUP (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_ICA_ISSUERS_GROUP);

  G_OBJECT_CLASS (cl_ica_issuers_group_parent_class)->dispose (object);
}


static void
cl_ica_issuers_group_class_init (ClIcaIssuersGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_ica_issuers_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-ica-issuers-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClIcaIssuersGroup, file_row);
  gtk_widget_class_bind_template_child (widget_class, ClIcaIssuersGroup, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
}


static void
cl_ica_issuers_group_init (ClIcaIssuersGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::" SETTINGS_KEY,
                           G_CALLBACK (settings_changed_cb), self, 0);
  settings_changed_cb (self->settings, SETTINGS_KEY, self);
}


const char *
cl_ica_issuers_group_get_summary (ClIcaIssuersGroup *self)
{
  g_return_val_if_fail (CL_IS_ICA_ISSUERS_GROUP (self), NULL);

  return adw_action_row_get_subtitle (self->file_row);
}


gboolean
cl_ica_issuers_group_is_loading (ClIcaIssuersGroup *self)
{
  g_return_val_if_fail (CL_IS_ICA_ISSUERS_GROUP (self), FALSE);

  return self->loading != NULL;
}
