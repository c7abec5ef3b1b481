/* cl-raw-data-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-raw-data-group"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-detail-rows.h"
#include "cl-raw-data-group.h"
#include "cl-status-text.h"

struct _ClRawDataGroup
{
  AdwPreferencesGroup   parent_instance;

  /* Template widgets */
  AdwExpanderRow       *codes_row;
  AdwExpanderRow       *json_row;
  GtkTextView          *json_view;

  /* Codes and JSON are put in their rows when those are first expanded: collapsed,
   * they cost no layout. */
  ClVerification       *verification;
  gboolean              codes_built;
  gboolean              json_built;
  GPtrArray            *rows;   /* the code rows, borrowed */
  guint                 n_codes;
  char                 *json;
  char                 *file_name;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ClRawDataGroup, cl_raw_data_group, ADW_TYPE_PREFERENCES_GROUP)


static const char *
kind_icon (ClStatusKind kind)
{
  switch (kind) {
  case CL_STATUS_SUCCESS: return "emblem-ok-symbolic";
  case CL_STATUS_FAILURE: return "dialog-error-symbolic";
  case CL_STATUS_INFORMATIONAL:
  default:
    return "dialog-information-symbolic";
  }
}


static const char *
kind_text (ClStatusKind kind)
{
  switch (kind) {
  case CL_STATUS_SUCCESS: return _("Success");
  case CL_STATUS_FAILURE: return _("Failure");
  case CL_STATUS_INFORMATIONAL:
  default:
    return _("Informational");
  }
}


static GtkWidget *
code_row_new (ClStatus *status)
{
  const char *sentence = cl_status_text_describe (status->code);
  g_autofree char *subtitle = status->ingredient_uri != NULL
    /* Translators: %s is a status code such as assertion.dataHash.mismatch */
    ? g_strdup_printf (_("%s (in an ingredient)"), status->code)
    : g_strdup (status->code);
  GtkWidget *row = cl_detail_row_new (sentence != NULL ? sentence
                                      : status->explanation != NULL ? status->explanation
                                      : status->code, subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (status->kind));

  gtk_widget_add_css_class (icon, status->kind == CL_STATUS_SUCCESS ? "success"
                                  : status->kind == CL_STATUS_FAILURE ? "error" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind_text (status->kind), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}


static void
build_codes (ClRawDataGroup *self)
{
  /* Failures first: they are what a person is looking for. */
  const ClStatusKind order[] = { CL_STATUS_FAILURE, CL_STATUS_INFORMATIONAL, CL_STATUS_SUCCESS };
  ClValidationReport *report = self->verification != NULL ? self->verification->report : NULL;

  self->codes_built = TRUE;
  if (report == NULL)
    return;
  for (gsize k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < report->statuses->len; i++) {
      ClStatus *status = g_ptr_array_index (report->statuses, i);

      if (status->kind == order[k]) {
        GtkWidget *row = code_row_new (status);

        adw_expander_row_add_row (self->codes_row, row);
        g_ptr_array_add (self->rows, row);
      }
    }
}


static void
expanded_cb (ClRawDataGroup *self,
             GParamSpec     *pspec,
             AdwExpanderRow *row)
{
  if (!adw_expander_row_get_expanded (row))
    return;
  if (row == self->codes_row && !self->codes_built)
    build_codes (self);
  if (row == self->json_row && !self->json_built && self->json != NULL) {
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->json_view), self->json, -1);
    self->json_built = TRUE;
  }
}


void
cl_raw_data_group_set_verification (ClRawDataGroup *self,
                                    ClVerification *verification)
{
  guint counts[3] = { 0, 0, 0 };

  g_return_if_fail (CL_IS_RAW_DATA_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->codes_row, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->verification, cl_verification_unref);
  g_clear_pointer (&self->json, g_free);
  g_clear_pointer (&self->file_name, g_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->json_view), "", 0);
  self->codes_built = self->json_built = FALSE;
  self->n_codes = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), verification != NULL);
  if (verification == NULL)
    return;

  self->verification = cl_verification_ref (verification);
  if (verification->report != NULL) {
    self->n_codes = verification->report->statuses->len;
    for (guint i = 0; i < self->n_codes; i++) {
      ClStatus *status = g_ptr_array_index (verification->report->statuses, i);

      counts[status->kind]++;
    }
  }
  {
    guint n_failures = counts[CL_STATUS_FAILURE];
    guint n_informational = counts[CL_STATUS_INFORMATIONAL];
    guint n_successes = counts[CL_STATUS_SUCCESS];
    g_autofree char *failures = g_strdup_printf (ngettext ("%u failure", "%u failures",
                                                           n_failures), n_failures);
    /* Translators: a count of informational status codes */
    g_autofree char *informational = g_strdup_printf (ngettext ("%u informational",
                                                                "%u informational",
                                                                n_informational),
                                                      n_informational);
    g_autofree char *successes = g_strdup_printf (ngettext ("%u success", "%u successes",
                                                            n_successes), n_successes);
    /* Translators: the counts of failure, informational and success codes, such as
     * "2 failures, 1 informational, 14 successes" */
    g_autofree char *summary = g_strdup_printf (_("%s, %s, %s"), failures, informational,
                                                successes);

    adw_expander_row_set_subtitle (self->codes_row, summary);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->codes_row), self->n_codes > 0);
  {
    g_autoptr(JsonNode) json = cl_verification_to_json (verification);
    g_autofree char *base = g_path_get_basename (verification->path);

    self->json = json_to_string (json, TRUE);
    self->file_name = g_strconcat (base, ".json", NULL);
  }
  /* Rows left expanded from the previous file are filled again at once. */
  expanded_cb (self, NULL, self->codes_row);
  expanded_cb (self, NULL, self->json_row);
}


/* Fills the code rows now (as expanding the row does). */
guint
cl_raw_data_group_get_n_code_rows (ClRawDataGroup *self)
{
  g_return_val_if_fail (CL_IS_RAW_DATA_GROUP (self), 0);

  if (!self->codes_built)
    build_codes (self);
  return self->rows->len;
}


guint
cl_raw_data_group_get_n_codes (ClRawDataGroup *self)
{
  g_return_val_if_fail (CL_IS_RAW_DATA_GROUP (self), 0);
  return self->n_codes;
}


const char *
cl_raw_data_group_get_json (ClRawDataGroup *self)
{
  g_return_val_if_fail (CL_IS_RAW_DATA_GROUP (self), NULL);
  return self->json;
}


static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClRawDataGroup *self = CL_RAW_DATA_GROUP (widget);

  if (self->json != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->json);
}


static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing on screen to tell; the log keeps why a save failed. */
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_message ("Could not save the JSON report: %s", error->message);
}


static void
save_response_cb (ClRawDataGroup       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->json != NULL) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autoptr(GBytes) bytes = g_bytes_new (self->json, strlen (self->json));

    g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                         NULL, saved_cb, NULL);
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClRawDataGroup *self = CL_RAW_DATA_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->json == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Report as JSON"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), self->file_name);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (save_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
cl_raw_data_group_dispose (GObject *object)
{
  ClRawDataGroup *self = CL_RAW_DATA_GROUP (object);

  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }

  G_OBJECT_CLASS (cl_raw_data_group_parent_class)->dispose (object);
}


static void
cl_raw_data_group_finalize (GObject *object)
{
  ClRawDataGroup *self = CL_RAW_DATA_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->verification, cl_verification_unref);
  g_clear_pointer (&self->json, g_free);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (cl_raw_data_group_parent_class)->finalize (object);
}


static void
cl_raw_data_group_class_init (ClRawDataGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_raw_data_group_dispose;
  object_class->finalize = cl_raw_data_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-raw-data-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRawDataGroup, codes_row);
  gtk_widget_class_bind_template_child (widget_class, ClRawDataGroup, json_row);
  gtk_widget_class_bind_template_child (widget_class, ClRawDataGroup, json_view);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
  gtk_widget_class_install_action (widget_class, "raw.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "raw.save", NULL, save_action);
}


static void
cl_raw_data_group_init (ClRawDataGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_a11y_name_expander_row (self->codes_row);
  cl_a11y_name_expander_row (self->json_row);
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
