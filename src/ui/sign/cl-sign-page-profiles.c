/* cl-sign-page-profiles.c: the Sign page's signing profile — the list of
 * stored profiles, the chosen one's certificate and check, and the Import…,
 * Create Test Identity… and Remove actions. The store is only touched from
 * GTask threads (cl-sign-tasks.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-signing-profile-store.h"
#include "cl-sign-page-private.h"
#include "cl-sign-profile-dialogs.h"
#include "cl-sign-tasks.h"


static ClSigningProfileSummary *
selected_summary (ClSignPage *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (self->summaries == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= self->summaries->len)
    return NULL;
  return g_ptr_array_index (self->summaries, selected);
}


const char *
cl_sign_page_get_selected_profile (ClSignPage *self)
{
  ClSigningProfileSummary *summary = selected_summary (self);

  return summary != NULL ? summary->name : NULL;
}


const char *
cl_sign_page_get_problems (ClSignPage *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), NULL);

  return self->problems != NULL ? self->problems : "";
}


static void
show_problems (ClSignPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) problems = cl_signing_profile_check (self->checked_profile, now, &self->usable);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_shown = 0;

  self->usable = TRUE;
  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    /* The key stays locked until signing starts (the passphrase is asked for then). */
    if (problem->key_locked)
      continue;
    n_shown++;
    if (problem->level == CL_SIGNING_PROFILE_PROBLEM_FATAL)
      self->usable = FALSE;
    if (text->len > 0)
      g_string_append_c (text, '\n');
    g_string_append (text, problem->message);
  }
  if (!self->usable) {
    g_string_append_c (text, '\n');
    g_string_append (text, _("Signing with this profile is refused."));
  }
  g_free (self->problems);
  self->problems = g_string_free (g_steal_pointer (&text), FALSE);
  adw_action_row_set_subtitle (self->problems_row, self->problems);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problems_row),
                                 self->usable ? _("Warnings") : _("Cannot Sign"));
  gtk_image_set_from_icon_name (self->problems_icon,
                                self->usable ? "dialog-warning-symbolic"
                                             : "dialog-error-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_icon), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_icon),
                            self->usable ? "warning" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_row), n_shown > 0);
}


static void
checked_profile_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ClSignPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_sign_task_load_profile_finish (result, &error);
  const char *selected = cl_sign_page_get_selected_profile (self);

  cl_sign_page_end_loading (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Another profile was chosen meanwhile: its own check is on its way. */
  if (selected == NULL || (profile != NULL && g_strcmp0 (cl_signing_profile_get_name (profile),
                                                         selected) != 0))
    return;
  if (profile == NULL) {
    g_free (self->problems);
    self->problems = g_strdup (error->message);
    self->usable = FALSE;
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problems_row), _("Cannot Sign"));
    adw_action_row_set_subtitle (self->problems_row, error->message);
    gtk_widget_set_visible (GTK_WIDGET (self->problems_row), TRUE);
    return;
  }
  g_clear_pointer (&self->checked_profile, cl_signing_profile_unref);
  self->checked_profile = g_steal_pointer (&profile);
  show_problems (self);
}


static void
selection_changed_cb (ClSignPage *self)
{
  ClSigningProfileSummary *summary = selected_summary (self);
  g_autoptr(GString) text = g_string_new (NULL);

  g_clear_pointer (&self->checked_profile, cl_signing_profile_unref);
  g_clear_pointer (&self->problems, g_free);
  self->usable = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->problems_row), FALSE);
  /* A passphrase belongs to the profile it was typed for. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  cl_sign_page_set_error (self, NULL);

  if (summary == NULL) {
    adw_action_row_set_subtitle (self->certificate_row,
                                 _("No signing profile yet: import one or create a test identity"));
  } else {
    g_autoptr(GDateTime) expiry = g_date_time_new_from_iso8601 (summary->not_after, NULL);
    g_autofree char *date = expiry != NULL ? g_date_time_format (expiry, "%x")
                                           : g_strdup (summary->not_after);

    g_string_append_printf (text, "%s\n", summary->subject);
    /* TRANSLATORS: algorithm, then the expiry date */
    g_string_append_printf (text, _("%s, expires %s"), summary->algorithm, date);
    if (summary->test_identity) {
      g_string_append (text, "\n");
      g_string_append (text, _("Test identity: not publicly trusted"));
    }
    adw_action_row_set_subtitle (self->certificate_row, text->str);
    cl_sign_page_begin_loading (self);
    cl_sign_task_load_profile (self->root, summary->name, NULL, self->cancellable,
                               checked_profile_cb, g_object_ref (self));
  }
  cl_sign_page_update_actions (self);
}


gboolean
cl_sign_page_select_profile (ClSignPage *self,
                             const char *name)
{
  g_return_val_if_fail (CL_IS_SIGN_PAGE (self), FALSE);

  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++) {
    ClSigningProfileSummary *summary = g_ptr_array_index (self->summaries, i);

    if (g_strcmp0 (summary->name, name) == 0) {
      if (adw_combo_row_get_selected (self->profile_row) == i)
        selection_changed_cb (self);
      else
        adw_combo_row_set_selected (self->profile_row, i);
      return TRUE;
    }
  }
  return FALSE;
}


static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClSignPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = cl_sign_task_list_profiles_finish (result, &error);
  g_autofree char *previous = g_strdup (cl_sign_page_get_selected_profile (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  const char *wanted;

  cl_sign_page_end_loading (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (summaries == NULL) {
    cl_sign_page_set_error (self, error->message);
    summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_signing_profile_summary_free);
  }
  for (guint i = 0; i < summaries->len; i++)
    g_strv_builder_add (builder, ((ClSigningProfileSummary *) g_ptr_array_index (summaries, i))->name);
  names = g_strv_builder_end (builder);

  g_signal_handlers_block_by_func (self->profile_row, selection_changed_cb, self);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  self->summaries = g_steal_pointer (&summaries);
  gtk_string_list_splice (self->profile_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->profile_names)),
                          (const char * const *) names);
  g_signal_handlers_unblock_by_func (self->profile_row, selection_changed_cb, self);

  wanted = self->pending_selection != NULL ? self->pending_selection : previous;
  if (wanted == NULL || !cl_sign_page_select_profile (self, wanted)) {
    g_signal_handlers_block_by_func (self->profile_row, selection_changed_cb, self);
    if (self->summaries->len > 0)
      adw_combo_row_set_selected (self->profile_row, 0);
    g_signal_handlers_unblock_by_func (self->profile_row, selection_changed_cb, self);
    selection_changed_cb (self);
  }
  g_clear_pointer (&self->pending_selection, g_free);
}


void
cl_sign_page_reload_profiles (ClSignPage *self)
{
  g_return_if_fail (CL_IS_SIGN_PAGE (self));

  cl_sign_page_begin_loading (self);
  cl_sign_task_list_profiles (self->root, self->cancellable, listed_cb, g_object_ref (self));
}


static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClSignPage) self = user_data;
  g_autoptr(GError) error = NULL;

  cl_sign_page_end_loading (self);
  if (!cl_sign_task_finish (result, &error)) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_clear_pointer (&self->pending_selection, g_free);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
    return;
  }
  cl_sign_page_reload_profiles (self);
}


static void
profile_request_cb (ClSigningProfileRequest *request,
                    gpointer          user_data)
{
  ClSignPage *self = CL_SIGN_PAGE (user_data);

  if (request != NULL) {
    g_free (self->pending_selection);
    self->pending_selection = g_strdup (request->name);
    cl_sign_page_begin_loading (self);
    if (request->path == NULL)
      cl_sign_task_create_test_identity (self->root, request->name, request->passphrase,
                                         self->cancellable, stored_cb, g_object_ref (self));
    else
      cl_sign_task_import_profile (self->root, request->name, request->path, request->key_path,
                                   request->source_passphrase, request->passphrase,
                                   self->cancellable, stored_cb, g_object_ref (self));
  }
  g_object_unref (self);
}


static GtkWindow *
parent_window (ClSignPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}


static void
create_identity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);

  gtk_window_present (GTK_WINDOW (cl_sign_test_identity_dialog_new (parent_window (self),
                                                                    profile_request_cb,
                                                                    g_object_ref (self))));
}


static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);

  gtk_window_present (GTK_WINDOW (cl_sign_import_dialog_new (parent_window (self),
                                                             profile_request_cb,
                                                             g_object_ref (self))));
}


static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ClSignPage *self = CL_SIGN_PAGE (user_data);
  const char *name = g_object_get_data (G_OBJECT (dialog), "cl-signing-profile");

  if (g_strcmp0 (response, "remove") == 0) {
    cl_sign_page_begin_loading (self);
    cl_sign_task_remove_profile (self->root, name, self->cancellable, stored_cb,
                                 g_object_ref (self));
  }
}


static void
remove_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ClSignPage *self = CL_SIGN_PAGE (widget);
  const char *name = cl_sign_page_get_selected_profile (self);
  GtkWidget *dialog;

  if (name == NULL)
    return;
  dialog = adw_message_dialog_new (parent_window (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove Profile “%s”?"),
                                     name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Its certificate and encrypted key are deleted. Images "
                                 "already signed with it stay valid."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cl-signing-profile", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}


void
cl_sign_page_profiles_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sign.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "sign.create-identity", NULL,
                                   create_identity_action);
  gtk_widget_class_install_action (widget_class, "sign.remove-profile", NULL,
                                   remove_profile_action);
}


void
cl_sign_page_profiles_init (ClSignPage *self)
{
  self->root = cl_signing_profile_store_default_root ();
  g_signal_connect_object (self->profile_row, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  cl_sign_page_reload_profiles (self);
}
