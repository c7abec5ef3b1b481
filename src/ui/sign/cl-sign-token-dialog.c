/* cl-sign-token-dialog.c: a token profile chosen step by step — the module (the first
 * installed in a usual place, or a file chosen), its tokens listed in a thread, the PIN,
 * then the token's keys listed in a thread once logged in, the certificate chain (the
 * token's own certificate unless a PEM file is chosen), and a name. What the token
 * says (no token, wrong PIN, locked PIN) is shown under the rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-token-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-error.h"
#include "cl-pkcs11-key.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-token-dialog.h"
#include "cl-sign-token-tasks.h"

struct _ClSignTokenDialog
{
  AdwMessageDialog      parent_instance;

  /* Template widgets */
  AdwComboRow          *module_row;
  GtkStringList        *module_names;
  GtkButton            *choose_button;
  AdwComboRow          *token_row;
  GtkStringList        *token_names;
  AdwPasswordEntryRow  *pin_row;
  AdwComboRow          *key_row;
  GtkStringList        *key_names;
  AdwActionRow         *chain_row;
  GtkButton            *chain_button;
  AdwEntryRow          *name_row;
  GtkLabel             *status_label;

  /* Owned references */
  GtkFileChooserNative *chooser;
  gboolean              choosing_chain;
  char                 *chain_path;  /* NULL: the token's own certificate */
  GCancellable         *listing;     /* the listing under way, cancelled by the next */
  guint                 n_busy;
  ClSigningProfileRequestFunc func;  /* NULL once called */
  gpointer              user_data;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClSignTokenDialog, cl_sign_token_dialog, ADW_TYPE_MESSAGE_DIALOG)


gboolean
cl_sign_token_dialog_get_busy (ClSignTokenDialog *self)
{
  g_return_val_if_fail (CL_IS_SIGN_TOKEN_DIALOG (self), FALSE);

  return self->n_busy > 0;
}


static const char *
selected_string (AdwComboRow   *row,
                 GtkStringList *names)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected >= g_list_model_get_n_items (G_LIST_MODEL (names)))
    return NULL;
  return gtk_string_list_get_string (names, selected);
}


static void
update_dialog (ClSignTokenDialog *self)
{
  gboolean ready = self->n_busy == 0 &&
                   selected_string (self->key_row, self->key_names) != NULL &&
                   gtk_editable_get_text (GTK_EDITABLE (self->pin_row))[0] != '\0' &&
                   cl_signing_profile_store_name_is_valid (
                     gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", ready);
}


static void
set_status (ClSignTokenDialog *self,
            const char        *message,
            gboolean           is_error)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}


static void
set_names (GtkStringList *names,
           GPtrArray     *strings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) array = NULL;

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (strings, i));
  array = g_strv_builder_end (builder);
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *) array);
}


/* A new listing starts: the one under way is of no use any more. */
static GCancellable *
begin_listing (ClSignTokenDialog *self)
{
  if (self->listing != NULL)
    g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  self->listing = g_cancellable_new ();
  self->n_busy++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_dialog (self);
  return self->listing;
}


static void
end_listing (ClSignTokenDialog *self)
{
  self->n_busy--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_dialog (self);
}


static void
keys_listed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ClSignTokenDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = cl_sign_task_list_labels_finish (result, &error);

  end_listing (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_names (self->key_names, keys);
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_row), keys != NULL && keys->len > 0);
  if (keys == NULL) {
    if (g_error_matches (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE))
      gtk_widget_add_css_class (GTK_WIDGET (self->pin_row), "error");
    set_status (self, error->message, TRUE);
  } else {
    gtk_widget_remove_css_class (GTK_WIDGET (self->pin_row), "error");
    set_status (self, keys->len > 0 ? NULL : _("The token holds no private key with a label."),
                keys->len == 0);
  }
  update_dialog (self);
}


/* The PIN was entered: the chosen token's keys are listed, logged in with it. */
static void
pin_applied_cb (ClSignTokenDialog *self)
{
  const char *module = selected_string (self->module_row, self->module_names);
  const char *token = selected_string (self->token_row, self->token_names);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  if (module == NULL || token == NULL || pin[0] == '\0')
    return;
  set_status (self, _("Opening the token…"), FALSE);
  cl_sign_task_list_keys (module, token, pin, begin_listing (self), keys_listed_cb,
                          g_object_ref (self));
}


/* Another token (or none): its keys are listed once its PIN is given. */
static void
token_selected_cb (ClSignTokenDialog *self)
{
  set_names (self->key_names, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_row), FALSE);
  if (gtk_editable_get_text (GTK_EDITABLE (self->pin_row))[0] != '\0')
    pin_applied_cb (self);
  update_dialog (self);
}


static void
tokens_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ClSignTokenDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tokens = cl_sign_task_list_labels_finish (result, &error);

  end_listing (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_signal_handlers_block_by_func (self->token_row, token_selected_cb, self);
  set_names (self->token_names, tokens);
  g_signal_handlers_unblock_by_func (self->token_row, token_selected_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), tokens != NULL && tokens->len > 0);
  if (tokens == NULL)
    set_status (self, error->message, TRUE);
  else if (tokens->len == 0)
    set_status (self, _("No token is inserted: plug it in, then choose the driver again."),
                TRUE);
  else
    set_status (self, _("Enter the PIN of the token to list its keys."), FALSE);
  token_selected_cb (self);
}


static void
module_selected_cb (ClSignTokenDialog *self)
{
  const char *module = selected_string (self->module_row, self->module_names);

  set_names (self->token_names, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), FALSE);
  token_selected_cb (self);
  if (module == NULL) {
    set_status (self, _("No token driver was found: choose the module file of your token."),
                FALSE);
    return;
  }
  set_status (self, _("Looking for tokens…"), FALSE);
  cl_sign_task_list_tokens (module, begin_listing (self), tokens_listed_cb,
                            g_object_ref (self));
}


void
cl_sign_token_dialog_set_module (ClSignTokenDialog *self,
                                 const char        *module)
{
  guint n;

  g_return_if_fail (CL_IS_SIGN_TOKEN_DIALOG (self));
  g_return_if_fail (module != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->module_names));
  for (guint i = 0; i < n; i++) {
    if (g_strcmp0 (gtk_string_list_get_string (self->module_names, i), module) == 0) {
      if (adw_combo_row_get_selected (self->module_row) == i)
        module_selected_cb (self);
      else
        adw_combo_row_set_selected (self->module_row, i);
      return;
    }
  }
  gtk_string_list_append (self->module_names, module);
  adw_combo_row_set_selected (self->module_row, n);
}


void
cl_sign_token_dialog_set_chain (ClSignTokenDialog *self,
                                const char        *chain_path)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *where = NULL;

  g_return_if_fail (CL_IS_SIGN_TOKEN_DIALOG (self));
  g_return_if_fail (chain_path != NULL);

  g_free (self->chain_path);
  self->chain_path = g_strdup (chain_path);
  file = g_file_new_for_path (chain_path);
  where = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->chain_row, where);
}


static void
file_chosen_cb (ClSignTokenDialog    *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

    if (path != NULL && self->choosing_chain)
      cl_sign_token_dialog_set_chain (self, path);
    else if (path != NULL)
      cl_sign_token_dialog_set_module (self, path);
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
choose_file (ClSignTokenDialog *self,
             gboolean           chain)
{
  if (self->chooser != NULL)
    return;
  self->choosing_chain = chain;
  self->chooser = gtk_file_chooser_native_new (chain ? _("Choose the Certificate Chain")
                                                     : _("Choose the Token’s Module"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (file_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
choose_module_cb (ClSignTokenDialog *self)
{
  choose_file (self, FALSE);
}


static void
choose_chain_cb (ClSignTokenDialog *self)
{
  choose_file (self, TRUE);
}


/* Calls func once: with the request on "create", else with NULL. */
static void
answer (ClSignTokenDialog *self,
        gboolean           create)
{
  ClSigningProfileRequestFunc func = self->func;
  g_autoptr(ClSigningProfileRequest) request = NULL;

  if (func == NULL)
    return;
  self->func = NULL;
  if (create) {
    request = g_new0 (ClSigningProfileRequest, 1);
    request->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
    request->module = g_strdup (selected_string (self->module_row, self->module_names));
    request->token = g_strdup (selected_string (self->token_row, self->token_names));
    request->key_label = g_strdup (selected_string (self->key_row, self->key_names));
    request->path = g_strdup (self->chain_path);
    request->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_row)));
  }
  /* The PIN is not left in the entry's buffer. */
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  func (request, self->user_data);
}


static void
cl_sign_token_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  answer (CL_SIGN_TOKEN_DIALOG (dialog), g_strcmp0 (response, "create") == 0);
  if (ADW_MESSAGE_DIALOG_CLASS (cl_sign_token_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (cl_sign_token_dialog_parent_class)->response (dialog, response);
}


static void
cl_sign_token_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id) {
  case PROP_BUSY:
    g_value_set_boolean (value, cl_sign_token_dialog_get_busy (CL_SIGN_TOKEN_DIALOG (object)));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_sign_token_dialog_dispose (GObject *object)
{
  ClSignTokenDialog *self = CL_SIGN_TOKEN_DIALOG (object);

  /* Closed without an answer (its parent went away): that is a cancel. */
  if (self->pin_row != NULL)
    answer (self, FALSE);
  if (self->listing != NULL)
    g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (cl_sign_token_dialog_parent_class)->dispose (object);
}


static void
cl_sign_token_dialog_finalize (GObject *object)
{
  ClSignTokenDialog *self = CL_SIGN_TOKEN_DIALOG (object);

  g_clear_pointer (&self->chain_path, g_free);
  G_OBJECT_CLASS (cl_sign_token_dialog_parent_class)->finalize (object);
}


static void
cl_sign_token_dialog_class_init (ClSignTokenDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cl_sign_token_dialog_get_property;
  object_class->dispose = cl_sign_token_dialog_dispose;
  object_class->finalize = cl_sign_token_dialog_finalize;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = cl_sign_token_dialog_response;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", "Busy", "Whether tokens or keys are being listed",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-token-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, module_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, module_names);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, token_names);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, key_names);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, chain_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, chain_button);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignTokenDialog, status_label);
}


static void
cl_sign_token_dialog_init (ClSignTokenDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_a11y_name_password_peek (self->pin_row);
  g_signal_connect_object (self->choose_button, "clicked", G_CALLBACK (choose_module_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chain_button, "clicked", G_CALLBACK (choose_chain_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->token_row, "notify::selected", G_CALLBACK (token_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pin_row, "apply", G_CALLBACK (pin_applied_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pin_row, "entry-activated", G_CALLBACK (pin_applied_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pin_row, "changed", G_CALLBACK (update_dialog), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_row, "notify::selected", G_CALLBACK (update_dialog), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update_dialog), self,
                           G_CONNECT_SWAPPED);
}


GtkWidget *
cl_sign_token_dialog_new (GtkWindow                  *parent,
                          ClSigningProfileRequestFunc func,
                          gpointer                    user_data)
{
  ClSignTokenDialog *self = g_object_new (CL_TYPE_SIGN_TOKEN_DIALOG, "transient-for", parent,
                                          NULL);
  g_autoptr(GPtrArray) modules = cl_pkcs11_default_modules ();

  self->func = func;
  self->user_data = user_data;
  set_names (self->module_names, modules);
  /* Selecting the first module lists its tokens; none selected is said too. */
  g_signal_connect_object (self->module_row, "notify::selected",
                           G_CALLBACK (module_selected_cb), self, G_CONNECT_SWAPPED);
  module_selected_cb (self);
  update_dialog (self);
  return GTK_WIDGET (self);
}
