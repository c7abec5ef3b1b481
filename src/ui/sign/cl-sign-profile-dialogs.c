/* cl-sign-profile-dialogs.c: AdwMessageDialogs with entry rows for a new
 * profile's name, files and passphrases. "create" stays disabled until the
 * name is valid and the new passphrase is long enough and confirmed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-profile-dialogs"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "cl-signing-profile-store.h"
#include "cl-sign-profile-dialogs.h"

typedef struct {
  GtkEditable          *name;
  GtkEditable          *source_passphrase;
  GtkEditable          *passphrase;
  GtkEditable          *confirm;
  AdwActionRow         *file_row;
  AdwActionRow         *key_row;
  GFile                *file;
  GFile                *key;
  GtkFileChooserNative *chooser;
  gboolean              choosing_key;
  ClSigningProfileRequestFunc  func;
  gpointer              user_data;
  gboolean              import;
} DialogState;


static void
wipe_free (char *secret)
{
  if (secret != NULL)
    OPENSSL_cleanse (secret, strlen (secret));
  g_free (secret);
}


void
cl_signing_profile_request_free (ClSigningProfileRequest *request)
{
  g_free (request->name);
  g_free (request->path);
  g_free (request->key_path);
  wipe_free (request->source_passphrase);
  wipe_free (request->passphrase);
  g_free (request->module);
  g_free (request->token);
  g_free (request->key_label);
  g_free (request);
}


static void
dialog_state_free (DialogState *state)
{
  /* Closed without an answer (its parent went away): that is a cancel. */
  if (state->func != NULL)
    state->func (NULL, state->user_data);
  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  g_clear_object (&state->file);
  g_clear_object (&state->key);
  g_free (state);
}


static gboolean
is_pkcs12 (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".p12") || g_str_has_suffix (lower, ".pfx");
}


static void
update_dialog (AdwMessageDialog *dialog)
{
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "cl-state");
  const char *passphrase;
  gboolean ok;

  if (state->passphrase == NULL || state->confirm == NULL)   /* still being built */
    return;
  passphrase = gtk_editable_get_text (state->passphrase);
  ok = cl_signing_profile_store_name_is_valid (gtk_editable_get_text (state->name)) &&
       strlen (passphrase) >= CL_SIGNING_PROFILE_STORE_MIN_PASSPHRASE &&
       g_strcmp0 (passphrase, gtk_editable_get_text (state->confirm)) == 0;

  if (state->import) {
    ok = ok && state->file != NULL && (is_pkcs12 (state->file) || state->key != NULL);
    gtk_widget_set_sensitive (GTK_WIDGET (state->key_row),
                              state->file == NULL || !is_pkcs12 (state->file));
  }
  adw_message_dialog_set_response_enabled (dialog, "create", ok);
}


static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "cl-state");
  g_autoptr(ClSigningProfileRequest) request = NULL;
  ClSigningProfileRequestFunc func = state->func;

  /* Called once, whatever else emits a response afterwards. */
  if (func == NULL)
    return;
  state->func = NULL;
  if (g_strcmp0 (response, "create") == 0) {
    const char *source = state->import ? gtk_editable_get_text (state->source_passphrase) : "";

    request = g_new0 (ClSigningProfileRequest, 1);
    request->name = g_strdup (gtk_editable_get_text (state->name));
    request->passphrase = g_strdup (gtk_editable_get_text (state->passphrase));
    if (state->import) {
      request->path = g_file_get_path (state->file);
      if (!is_pkcs12 (state->file) && state->key != NULL)
        request->key_path = g_file_get_path (state->key);
      request->source_passphrase = source[0] != '\0' ? g_strdup (source) : NULL;
    }
  }
  /* Do not leave passphrases in the entries' buffers. */
  gtk_editable_set_text (state->passphrase, "");
  gtk_editable_set_text (state->confirm, "");
  if (state->source_passphrase != NULL)
    gtk_editable_set_text (state->source_passphrase, "");
  func (request, state->user_data);
}


static GtkEditable *
add_entry (AdwPreferencesGroup *group,
           AdwMessageDialog    *dialog,
           gboolean             password,
           const char          *title)
{
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect_object (row, "changed", G_CALLBACK (update_dialog), dialog,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return GTK_EDITABLE (row);
}


static AdwMessageDialog *
new_dialog (GtkWindow                  *parent,
            const char                 *heading,
            const char                 *body,
            const char                 *create_label,
            gboolean                    import,
            ClSigningProfileRequestFunc func,
            gpointer                    user_data,
            AdwPreferencesGroup       **group)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  DialogState *state = g_new0 (DialogState, 1);

  state->func = func;
  state->user_data = user_data;
  state->import = import;
  g_object_set_data_full (G_OBJECT (dialog), "cl-state", state,
                          (GDestroyNotify) dialog_state_free);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", create_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);

  *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (*group));
  return dialog;
}


static void
add_passphrase_rows (AdwMessageDialog    *dialog,
                     AdwPreferencesGroup *group)
{
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "cl-state");

  state->passphrase = add_entry (group, dialog, TRUE, _("New _Passphrase"));
  state->confirm = add_entry (group, dialog, TRUE, _("C_onfirm Passphrase"));
  update_dialog (dialog);
}


GtkWidget *
cl_sign_test_identity_dialog_new (GtkWindow                  *parent,
                                  ClSigningProfileRequestFunc func,
                                  gpointer                    user_data)
{
  AdwPreferencesGroup *group;
  AdwMessageDialog *dialog =
    new_dialog (parent, _("Create Test Identity"),
                _("A local certificate for trying out signing. Its name becomes the signer’s "
                  "name that verifiers show, so it may be a person’s name with spaces. "
                  "Verifiers will not trust it unless they add its CA to their own trust list."),
                _("C_reate"), FALSE, func, user_data, &group);
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "cl-state");

  state->name = add_entry (group, dialog, FALSE, _("_Name"));
  gtk_editable_set_text (state->name, "test-identity");
  add_passphrase_rows (dialog, group);
  return GTK_WIDGET (dialog);
}


static void
file_chosen_cb (AdwMessageDialog     *dialog,
                int                   response,
                GtkFileChooserNative *chooser)
{
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "cl-state");

  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *where = g_file_get_parse_name (file);

    g_set_object (state->choosing_key ? &state->key : &state->file, file);
    adw_action_row_set_subtitle (state->choosing_key ? state->key_row : state->file_row, where);
    if (!state->choosing_key && gtk_editable_get_text (state->name)[0] == '\0') {
      g_autofree char *base = g_file_get_basename (file);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      if (cl_signing_profile_store_name_is_valid (base))
        gtk_editable_set_text (state->name, base);
    }
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&state->chooser);
  update_dialog (dialog);
}


static void
choose_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (user_data);
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "cl-state");

  if (state->chooser != NULL)
    return;
  state->choosing_key = g_object_get_data (G_OBJECT (button), "cl-key") != NULL;
  state->chooser = gtk_file_chooser_native_new (state->choosing_key ? _("Private Key")
                                                                    : _("Certificate"),
                                                GTK_WINDOW (dialog),
                                                GTK_FILE_CHOOSER_ACTION_OPEN,
                                                _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (state->chooser), TRUE);
  g_signal_connect_object (state->chooser, "response", G_CALLBACK (file_chosen_cb), dialog,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (state->chooser));
}


static AdwActionRow *
add_file_row (AdwPreferencesGroup *group,
              AdwMessageDialog    *dialog,
              const char          *title,
              const char          *subtitle,
              gboolean             key)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  if (key)
    g_object_set_data (G_OBJECT (button), "cl-key", GINT_TO_POINTER (1));
  g_signal_connect (button, "clicked", G_CALLBACK (choose_clicked_cb), dialog);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}


GtkWidget *
cl_sign_import_dialog_new (GtkWindow                  *parent,
                           ClSigningProfileRequestFunc func,
                           gpointer                    user_data)
{
  AdwPreferencesGroup *group;
  AdwMessageDialog *dialog =
    new_dialog (parent, _("Import Signing Certificate"),
                _("A PKCS#12 file (.p12, .pfx), or a PEM certificate chain and its private key. "
                  "The key is stored encrypted under a new passphrase."),
                _("_Import"), TRUE, func, user_data, &group);
  DialogState *state = g_object_get_data (G_OBJECT (dialog), "cl-state");

  state->file_row = add_file_row (group, dialog, _("Certificate"),
                                  _("PKCS#12 bundle or PEM chain"), FALSE);
  state->key_row = add_file_row (group, dialog, _("Private Key"),
                                 _("PEM key, for a PEM chain only"), TRUE);
  state->source_passphrase = add_entry (group, dialog, TRUE, _("_File Passphrase"));
  state->name = add_entry (group, dialog, FALSE, _("_Name"));
  add_passphrase_rows (dialog, group);
  return GTK_WIDGET (dialog);
}
