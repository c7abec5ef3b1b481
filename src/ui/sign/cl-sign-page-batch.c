/* cl-sign-page-batch.c: signing the Sign page's images — unlock the chosen
 * profile with the passphrase (a GTask thread: scrypt is slow on purpose),
 * then sign the images one after another with cl_signer_sign_file_async. A
 * failure is shown on its row and the batch goes on; Cancel stops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-error.h"
#include "cl-signer.h"
#include "cl-sign-page-private.h"
#include "cl-sign-tasks.h"

#define IPTC_SOURCE_TYPE_PREFIX "http://cv.iptc.org/newscodes/digitalsourcetype/"

/* The Action row's choices, in its order. */
static const char * const source_types[] = {
  "digitalCapture", "minorHumanEdits", "digitalArt",
};


gboolean
cl_sign_page_batch_is_running (ClSignPage *self)
{
  return self->batch_cancellable != NULL;
}


/* As the CLI names batch outputs (<folder>/<name of the image>); when that is
 * the image itself (signing next to it) the copy is <stem>-signed<.ext>. */
char *
cl_sign_page_output_path (GFile *input,
                          GFile *folder)
{
  g_autofree char *base = g_file_get_basename (input);
  g_autoptr(GFile) parent = g_file_get_parent (input);
  g_autoptr(GFile) target = NULL;
  const char *dot;
  g_autofree char *signed_name = NULL;

  if (folder == NULL)
    folder = parent;
  target = g_file_get_child (folder, base);
  if (!g_file_equal (target, input))
    return g_file_get_path (target);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    signed_name = g_strdup_printf ("%.*s-signed%s", (int) (dot - base), base, dot);
  else
    signed_name = g_strconcat (base, "-signed", NULL);
  g_clear_object (&target);
  target = g_file_get_child (folder, signed_name);
  return g_file_get_path (target);
}


static void
update_progress (ClSignPage *self)
{
  guint total = self->batch_rows->len;
  guint done = self->batch_signed + self->batch_failed;
  g_autofree char *text = NULL;

  /* TRANSLATORS: "3 of 12 images signed" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u image signed",
                                       "%u of %u images signed", total),
                          self->batch_signed, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
}


static void
clear_batch (ClSignPage *self)
{
  g_clear_object (&self->batch_cancellable);
  g_clear_pointer (&self->batch_profile, cl_signing_profile_unref);
  g_clear_pointer (&self->batch_rows, g_ptr_array_unref);
  g_clear_pointer (&self->batch_author, g_free);
  g_clear_pointer (&self->batch_title, g_free);
  g_clear_pointer (&self->batch_tsa_url, g_free);
  g_clear_pointer (&self->batch_source_type, g_free);
  g_clear_object (&self->batch_shown_folder);
}


static void
finish_batch (ClSignPage *self)
{
  gboolean cancelled = g_cancellable_is_cancelled (self->batch_cancellable);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (cancelled)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped: %u image signed",
                                            "Stopped: %u images signed", self->batch_signed),
                               self->batch_signed);
  else if (self->batch_failed > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image signed, %u failed",
                                            "%u images signed, %u failed", self->batch_signed),
                               self->batch_signed, self->batch_failed);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image signed",
                                            "%u images signed", self->batch_signed),
                               self->batch_signed);
  toast = adw_toast_new (message);
  if (self->batch_shown_folder != NULL) {
    g_autofree char *uri = g_file_get_uri (self->batch_shown_folder);

    adw_toast_set_button_label (toast, _("Show in Files"));
    adw_toast_set_action_name (toast, "sign.show-folder");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  clear_batch (self);
  cl_sign_page_update_actions (self);
}


static void sign_next (ClSignPage *self);


static void
signed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClSignPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSignResult) sign_result = cl_signer_sign_file_finish (result, &error);
  ClSignFileRow *row;
  const char *output;

  if (self->batch_rows == NULL)   /* the page went away */
    return;
  row = g_ptr_array_index (self->batch_rows, self->batch_next - 1);
  output = g_object_get_data (G_OBJECT (row), "cl-output");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_PENDING, NULL);
  } else if (sign_result == NULL) {
    self->batch_failed++;
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_FAILED, error->message);
  } else {
    g_autoptr(GFile) file = g_file_new_for_path (output);

    self->batch_signed++;
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_DONE, output);
    if (self->batch_shown_folder == NULL)
      self->batch_shown_folder = g_file_get_parent (file);
  }
  update_progress (self);
  sign_next (self);
}


static void
sign_next (ClSignPage *self)
{
  ClSignOptions options = { 0, };
  ClSignFileRow *row;
  g_autofree char *input = NULL;
  char *output;

  if (self->batch_next >= self->batch_rows->len ||
      g_cancellable_is_cancelled (self->batch_cancellable)) {
    /* Rows not reached stay pending. */
    for (guint i = self->batch_next; i < self->batch_rows->len; i++)
      cl_sign_file_row_set_state (g_ptr_array_index (self->batch_rows, i),
                                  CL_SIGN_FILE_PENDING, NULL);
    finish_batch (self);
    return;
  }
  row = g_ptr_array_index (self->batch_rows, self->batch_next++);
  input = g_file_get_path (cl_sign_file_row_get_file (row));
  output = cl_sign_page_output_path (cl_sign_file_row_get_file (row), self->output_folder);
  g_object_set_data_full (G_OBJECT (row), "cl-output", output, g_free);
  cl_sign_file_row_set_state (row, CL_SIGN_FILE_SIGNING, NULL);

  options.author = self->batch_author;
  options.title = self->batch_title;
  /* RFC 3161 time-stamp: the only network use of signing, and only when a server is given. */
  options.tsa_url = self->batch_tsa_url;
  options.staple_ocsp = self->batch_staple_ocsp;
  options.do_not_train = self->batch_do_not_train;
  options.digital_source_type = self->batch_source_type;
  options.force = self->batch_force;
  cl_signer_sign_file_async (self->batch_profile, &options, input, output,
                             self->batch_cancellable, signed_cb, g_object_ref (self));
}


static char *
field_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}


static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClSignPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_sign_task_load_profile_finish (result, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) problems = NULL;
  guint selected;
  gboolean usable;

  if (self->batch_rows == NULL)
    return;
  if (profile == NULL) {
    if (g_error_matches (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE))
      gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      cl_sign_page_set_error (self, error->message);
    clear_batch (self);
    cl_sign_page_update_actions (self);
    return;
  }
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
  /* Checked again at signing time, as the CLI does: it may have expired since. */
  problems = cl_signing_profile_check (profile, now, &usable);
  if (!usable) {
    g_autofree char *message = g_strdup_printf (_("The profile “%s” cannot sign: %s"),
                                                cl_signing_profile_get_name (profile),
                                                problems->len > 0
                                                ? g_array_index (problems, ClSigningProfileProblem,
                                                                 0).message
                                                : "");

    cl_sign_page_set_error (self, message);
    clear_batch (self);
    cl_sign_page_update_actions (self);
    return;
  }
  self->batch_profile = g_steal_pointer (&profile);
  self->batch_author = field_text (self->author_row);
  self->batch_title = field_text (self->title_row);
  self->batch_tsa_url = field_text (self->tsa_row);
  /* With a time-stamp, staple the certificate's OCSP answer too, when the person allows
   * CredLink to ask certificate authorities (Preferences ▸ Network). */
  {
    g_autoptr(GSettingsSchema) schema =
      g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

    if (self->batch_tsa_url != NULL && schema != NULL &&
        g_settings_schema_has_key (schema, "online-revocation")) {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      self->batch_staple_ocsp = g_settings_get_boolean (settings, "online-revocation");
    } else {
      self->batch_staple_ocsp = FALSE;
    }
  }
  self->batch_do_not_train = gtk_switch_get_active (self->do_not_train_switch);
  self->batch_force = gtk_switch_get_active (self->replace_switch);
  selected = adw_combo_row_get_selected (self->source_row);
  if (selected >= G_N_ELEMENTS (source_types))
    selected = 0;
  self->batch_source_type = g_strconcat (IPTC_SOURCE_TYPE_PREFIX, source_types[selected], NULL);
  update_progress (self);
  sign_next (self);
}


static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);
  const char *name = cl_sign_page_get_selected_profile (self);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  guint n_files = cl_sign_page_get_n_files (self);

  if (cl_sign_page_batch_is_running (self) || name == NULL || n_files == 0)
    return;
  cl_sign_page_set_error (self, NULL);
  if (passphrase[0] == '\0') {
    cl_sign_page_set_error (self, _("Enter the passphrase of the signing profile."));
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
    return;
  }

  self->batch_cancellable = g_cancellable_new ();
  self->batch_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->batch_next = self->batch_signed = self->batch_failed = 0;
  for (guint i = 0; i < n_files; i++) {
    ClSignFileRow *row = cl_sign_page_get_file_row (self, i);

    g_ptr_array_add (self->batch_rows, g_object_ref (row));
    cl_sign_file_row_set_state (row, CL_SIGN_FILE_PENDING, NULL);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  cl_sign_page_update_actions (self);
  cl_sign_task_load_profile (self->root, name, passphrase, self->batch_cancellable,
                             unlocked_cb, g_object_ref (self));
}


static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);

  if (self->batch_cancellable != NULL)
    g_cancellable_cancel (self->batch_cancellable);
}


static void
show_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}


void
cl_sign_page_batch_dispose (ClSignPage *self)
{
  if (self->batch_cancellable != NULL)
    g_cancellable_cancel (self->batch_cancellable);
  clear_batch (self);
}


void
cl_sign_page_batch_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sign.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "sign.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sign.show-folder", "s", show_folder_action);
}
