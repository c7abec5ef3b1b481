/* cl-sign-profile-group.c: the Sign page's signing profile — the list of
 * stored profiles, the chosen one's certificate and check, the passphrase, and
 * Import…, Create Test Identity…, Add Token Key… and Remove. The store is only touched from
 * GTask threads (cl-sign-tasks.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-profile-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-error.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-profile-dialogs.h"
#include "cl-sign-profile-group.h"
#include "cl-sign-tasks.h"
#include "cl-sign-token-dialog.h"
#include "cl-sign-token-tasks.h"

struct _ClSignProfileGroup
{
  AdwPreferencesGroup   parent_instance;

  /* Template widgets */
  AdwComboRow          *profile_row;
  GtkStringList        *profile_names;
  AdwActionRow         *certificate_row;
  AdwActionRow         *problems_row;
  GtkImage             *problems_icon;
  AdwPasswordEntryRow  *passphrase_row;

  /* Owned references */
  char                 *root;              /* the profile store */
  GPtrArray            *summaries;         /* ClSigningProfileSummary, as listed */
  ClSigningProfile     *checked_profile;   /* the chosen profile, key locked */
  char                 *problems;
  gboolean              usable;
  char                 *pending_selection; /* select once listed */
  GCancellable         *cancellable;       /* the group's lifetime */
  guint                 n_loading;
};

enum {
  PROP_0,
  PROP_SELECTED_PROFILE,
  PROP_BUSY,
  N_PROPS
};

enum {
  ERROR,
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClSignProfileGroup, cl_sign_profile_group, ADW_TYPE_PREFERENCES_GROUP)


gboolean
cl_sign_profile_group_get_busy (ClSignProfileGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PROFILE_GROUP (self), FALSE);

  return self->n_loading > 0;
}


GListModel *
cl_sign_profile_group_get_names (ClSignProfileGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PROFILE_GROUP (self), NULL);

  return G_LIST_MODEL (self->profile_names);
}


static void
begin_loading (ClSignProfileGroup *self)
{
  self->n_loading++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


static void
end_loading (ClSignProfileGroup *self)
{
  g_return_if_fail (self->n_loading > 0);

  self->n_loading--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}


static ClSigningProfileSummary *
selected_summary (ClSignProfileGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (self->summaries == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= self->summaries->len)
    return NULL;
  return g_ptr_array_index (self->summaries, selected);
}


const char *
cl_sign_profile_group_get_selected (ClSignProfileGroup *self)
{
  ClSigningProfileSummary *summary;

  g_return_val_if_fail (CL_IS_SIGN_PROFILE_GROUP (self), NULL);

  summary = selected_summary (self);
  return summary != NULL ? summary->name : NULL;
}


const char *
cl_sign_profile_group_get_problems (ClSignProfileGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PROFILE_GROUP (self), NULL);

  return self->problems != NULL ? self->problems : "";
}


static void
show_problems (ClSignProfileGroup *self)
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
  g_autoptr(ClSignProfileGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = cl_sign_task_load_profile_finish (result, &error);
  const char *selected = cl_sign_profile_group_get_selected (self);

  end_loading (self);
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
selection_changed_cb (ClSignProfileGroup *self)
{
  ClSigningProfileSummary *summary = selected_summary (self);
  g_autoptr(GString) text = g_string_new (NULL);

  g_clear_pointer (&self->checked_profile, cl_signing_profile_unref);
  g_clear_pointer (&self->problems, g_free);
  self->usable = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->problems_row), FALSE);
  /* A passphrase belongs to the profile it was typed for. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  /* A token profile is unlocked by the token's PIN, asked in the same row. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->passphrase_row),
                                 summary != NULL && summary->token != NULL
                                 ? _("_PIN of the token") : _("_Passphrase"));

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
    if (summary->token != NULL) {
      g_string_append (text, "\n");
      g_string_append_printf (text, _("The key stays on the token “%s”"), summary->token);
    }
    adw_action_row_set_subtitle (self->certificate_row, text->str);
    begin_loading (self);
    cl_sign_task_load_profile (self->root, summary->name, NULL, FALSE, self->cancellable,
                               checked_profile_cb, g_object_ref (self));
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROFILE]);
}


gboolean
cl_sign_profile_group_select (ClSignProfileGroup *self,
                              const char         *name)
{
  g_return_val_if_fail (CL_IS_SIGN_PROFILE_GROUP (self), FALSE);

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
  g_autoptr(ClSignProfileGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = cl_sign_task_list_profiles_finish (result, &error);
  g_autofree char *previous = g_strdup (cl_sign_profile_group_get_selected (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  const char *wanted;

  end_loading (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (summaries == NULL) {
    g_signal_emit (self, signals[ERROR], 0, error->message);
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
  if (wanted == NULL || !cl_sign_profile_group_select (self, wanted)) {
    g_signal_handlers_block_by_func (self->profile_row, selection_changed_cb, self);
    if (self->summaries->len > 0)
      adw_combo_row_set_selected (self->profile_row, 0);
    g_signal_handlers_unblock_by_func (self->profile_row, selection_changed_cb, self);
    selection_changed_cb (self);
  }
  g_clear_pointer (&self->pending_selection, g_free);
}


void
cl_sign_profile_group_reload (ClSignProfileGroup *self)
{
  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  begin_loading (self);
  cl_sign_task_list_profiles (self->root, self->cancellable, listed_cb, g_object_ref (self));
}


static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClSignProfileGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  end_loading (self);
  if (!cl_sign_task_finish (result, &error)) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_clear_pointer (&self->pending_selection, g_free);
      g_signal_emit (self, signals[PROBLEM], 0, error->message);
    }
    return;
  }
  cl_sign_profile_group_reload (self);
}


static void
profile_request_cb (ClSigningProfileRequest *request,
                    gpointer                 user_data)
{
  ClSignProfileGroup *self = CL_SIGN_PROFILE_GROUP (user_data);

  if (request != NULL) {
    g_free (self->pending_selection);
    self->pending_selection = g_strdup (request->name);
    begin_loading (self);
    if (request->module != NULL)
      cl_sign_task_create_token_profile (self->root, request->name, request->path,
                                         request->module, request->token, request->key_label,
                                         request->passphrase, self->cancellable, stored_cb,
                                         g_object_ref (self));
    else if (request->path == NULL)
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
parent_window (ClSignProfileGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}


void
cl_sign_profile_group_create_identity (ClSignProfileGroup *self)
{
  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  gtk_window_present (GTK_WINDOW (cl_sign_test_identity_dialog_new (parent_window (self),
                                                                    profile_request_cb,
                                                                    g_object_ref (self))));
}


void
cl_sign_profile_group_add_token (ClSignProfileGroup *self)
{
  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  gtk_window_present (GTK_WINDOW (cl_sign_token_dialog_new (parent_window (self),
                                                            profile_request_cb,
                                                            g_object_ref (self))));
}


void
cl_sign_profile_group_import (ClSignProfileGroup *self)
{
  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  gtk_window_present (GTK_WINDOW (cl_sign_import_dialog_new (parent_window (self),
                                                             profile_request_cb,
                                                             g_object_ref (self))));
}


static void
remove_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    ClSignProfileGroup *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "cl-signing-profile");

  if (g_strcmp0 (response, "remove") == 0) {
    begin_loading (self);
    cl_sign_task_remove_profile (self->root, name, self->cancellable, stored_cb,
                                 g_object_ref (self));
  }
}


void
cl_sign_profile_group_remove_selected (ClSignProfileGroup *self)
{
  const char *name;
  GtkWidget *dialog;

  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  name = cl_sign_profile_group_get_selected (self);
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


/* Enter in the passphrase signs, as the Sign button does: the page asks for the passphrase
 * by moving the focus there, and a keyboard user answers and confirms in one place. */
static void
passphrase_activated_cb (ClSignProfileGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign.sign", NULL);
}


gboolean
cl_sign_profile_group_has_passphrase (ClSignProfileGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PROFILE_GROUP (self), FALSE);

  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row))[0] != '\0';
}


void
cl_sign_profile_group_focus_passphrase (ClSignProfileGroup *self)
{
  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}


void
cl_sign_profile_group_show_wrong_passphrase (ClSignProfileGroup *self)
{
  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
}


static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClSignProfileGroup *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(ClSigningProfile) profile =
    cl_sign_task_load_profile_finish_checked (result, &problem, &error);

  if (profile == NULL) {
    if (g_error_matches (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE))
      gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
    g_task_return_error (task, error);
    return;
  }
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
  /* Checked again at signing time, as the CLI does: it may have expired since. */
  if (problem != NULL) {
    g_task_return_new_error (task, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                             _("The profile “%s” cannot sign: %s"),
                             cl_signing_profile_get_name (profile), problem);
    return;
  }
  g_task_return_pointer (task, g_steal_pointer (&profile),
                         (GDestroyNotify) cl_signing_profile_unref);
}


void
cl_sign_profile_group_unlock_async (ClSignProfileGroup  *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CL_IS_SIGN_PROFILE_GROUP (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_sign_profile_group_unlock_async);
  /* The key is unlocked beside the first images' reading: a wrong passphrase comes back
   * from the batch (cl_sign_profile_group_show_wrong_passphrase). */
  cl_sign_task_load_profile (self->root, cl_sign_profile_group_get_selected (self),
                             gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)), TRUE,
                             cancellable, unlocked_cb, task);
}


ClSigningProfile *
cl_sign_profile_group_unlock_finish (ClSignProfileGroup  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


static void
cl_sign_profile_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ClSignProfileGroup *self = CL_SIGN_PROFILE_GROUP (object);

  switch (prop_id) {
  case PROP_SELECTED_PROFILE:
    g_value_set_string (value, cl_sign_profile_group_get_selected (self));
    break;
  case PROP_BUSY:
    g_value_set_boolean (value, cl_sign_profile_group_get_busy (self));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_sign_profile_group_dispose (GObject *object)
{
  ClSignProfileGroup *self = CL_SIGN_PROFILE_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  /* The passphrase lives only as long as the page (the window's session). */
  if (self->passphrase_row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  G_OBJECT_CLASS (cl_sign_profile_group_parent_class)->dispose (object);
}


static void
cl_sign_profile_group_finalize (GObject *object)
{
  ClSignProfileGroup *self = CL_SIGN_PROFILE_GROUP (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->checked_profile, cl_signing_profile_unref);
  g_clear_pointer (&self->problems, g_free);
  g_clear_pointer (&self->pending_selection, g_free);
  g_clear_pointer (&self->root, g_free);
  G_OBJECT_CLASS (cl_sign_profile_group_parent_class)->finalize (object);
}


static void
cl_sign_profile_group_class_init (ClSignProfileGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cl_sign_profile_group_get_property;
  object_class->dispose = cl_sign_profile_group_dispose;
  object_class->finalize = cl_sign_profile_group_finalize;

  properties[PROP_SELECTED_PROFILE] =
    g_param_spec_string ("selected-profile", "Selected Profile", "The chosen profile's name",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", "Busy", "Whether profiles are listed, checked or stored",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The profile store could not be listed. */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A profile could not be stored or removed. */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-profile-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignProfileGroup, profile_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignProfileGroup, profile_names);
  gtk_widget_class_bind_template_child (widget_class, ClSignProfileGroup, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignProfileGroup, problems_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignProfileGroup, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, ClSignProfileGroup, passphrase_row);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);
}


static void
cl_sign_profile_group_init (ClSignProfileGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_a11y_name_password_peek (self->passphrase_row);
  self->cancellable = g_cancellable_new ();
  self->root = cl_signing_profile_store_default_root ();
  g_signal_connect_object (self->profile_row, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  cl_sign_profile_group_reload (self);
}
