/* cl-sign-credentials-group.c: the fields that go into the credentials, read
 * into ClSignOptions when signing starts, and the output folder with its
 * chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-credentials-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-sign-credentials-group.h"

#define IPTC_SOURCE_TYPE_PREFIX "http://cv.iptc.org/newscodes/digitalsourcetype/"

/* The Action row's choices, in its order. */
static const char * const source_types[] = {
  "digitalCapture", "minorHumanEdits", "digitalArt",
};

/* The Generative AI row's choices, in its order. */
static const ClAiUse ai_uses[] = {
  CL_AI_USE_NONE, CL_AI_USE_GENERATED, CL_AI_USE_EDITED,
};

struct _ClSignCredentialsGroup
{
  AdwPreferencesGroup   parent_instance;

  /* Template widgets */
  AdwEntryRow          *author_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *tsa_row;
  GtkSwitch            *do_not_train_switch;
  AdwComboRow          *source_row;
  AdwComboRow          *ai_row;
  AdwActionRow         *output_row;
  GtkSwitch            *replace_switch;

  /* Owned references */
  GFile                *output_folder;     /* NULL: next to each image */
  GtkFileChooserNative *chooser;
  ClSignOptions         options;           /* as last read; its strings are the four below */
  char                 *author;
  char                 *title;
  char                 *tsa_url;
  char                 *source_type;
};

enum {
  PROP_0,
  PROP_OUTPUT_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClSignCredentialsGroup, cl_sign_credentials_group,
                     ADW_TYPE_PREFERENCES_GROUP)


static char *
field_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}


/* With a time-stamp, staple the certificate's OCSP answer too, when the person allows
 * CredLink to ask certificate authorities (Preferences ▸ Network). */
static gboolean
online_revocation_allowed (void)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "online-revocation"))
    return FALSE;
  settings = g_settings_new (APP_ID);
  return g_settings_get_boolean (settings, "online-revocation");
}


const ClSignOptions *
cl_sign_credentials_group_read_options (ClSignCredentialsGroup *self)
{
  guint selected;

  g_return_val_if_fail (CL_IS_SIGN_CREDENTIALS_GROUP (self), NULL);

  g_free (self->author);
  self->author = field_text (self->author_row);
  g_free (self->title);
  self->title = field_text (self->title_row);
  /* RFC 3161 time-stamp: the only network use of signing, and only when a server is given. */
  g_free (self->tsa_url);
  self->tsa_url = field_text (self->tsa_row);
  selected = adw_combo_row_get_selected (self->source_row);
  if (selected >= G_N_ELEMENTS (source_types))
    selected = 0;
  g_free (self->source_type);
  self->source_type = g_strconcat (IPTC_SOURCE_TYPE_PREFIX, source_types[selected], NULL);

  selected = adw_combo_row_get_selected (self->ai_row);
  if (selected >= G_N_ELEMENTS (ai_uses))
    selected = 0;

  self->options = (ClSignOptions) {
    .author = self->author,
    .title = self->title,
    .do_not_train = gtk_switch_get_active (self->do_not_train_switch),
    .tsa_url = self->tsa_url,
    .staple_ocsp = self->tsa_url != NULL && online_revocation_allowed (),
    .digital_source_type = self->source_type,
    .ai_use = ai_uses[selected],
    .force = gtk_switch_get_active (self->replace_switch),
  };
  return &self->options;
}


GFile *
cl_sign_credentials_group_get_output_folder (ClSignCredentialsGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGN_CREDENTIALS_GROUP (self), NULL);

  return self->output_folder;
}


void
cl_sign_credentials_group_set_output_folder (ClSignCredentialsGroup *self,
                                             GFile                  *folder)
{
  g_return_if_fail (CL_IS_SIGN_CREDENTIALS_GROUP (self));

  g_set_object (&self->output_folder, folder);
  if (folder != NULL) {
    g_autofree char *where = g_file_get_parse_name (folder);

    adw_action_row_set_subtitle (self->output_row, where);
  } else {
    adw_action_row_set_subtitle (self->output_row,
                                 _("Next to each image, named …-signed"));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.reset-folder", folder != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTPUT_FOLDER]);
}


static void
folder_chosen_cb (ClSignCredentialsGroup *self,
                  int                     response,
                  GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    cl_sign_credentials_group_set_output_folder (self, folder);
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ClSignCredentialsGroup *self = CL_SIGN_CREDENTIALS_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  self->chooser = gtk_file_chooser_native_new (_("Output Folder"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
reset_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cl_sign_credentials_group_set_output_folder (CL_SIGN_CREDENTIALS_GROUP (widget), NULL);
}


static void
cl_sign_credentials_group_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  ClSignCredentialsGroup *self = CL_SIGN_CREDENTIALS_GROUP (object);

  switch (prop_id) {
  case PROP_OUTPUT_FOLDER:
    g_value_set_object (value, self->output_folder);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_sign_credentials_group_dispose (GObject *object)
{
  ClSignCredentialsGroup *self = CL_SIGN_CREDENTIALS_GROUP (object);

  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  G_OBJECT_CLASS (cl_sign_credentials_group_parent_class)->dispose (object);
}


static void
cl_sign_credentials_group_finalize (GObject *object)
{
  ClSignCredentialsGroup *self = CL_SIGN_CREDENTIALS_GROUP (object);

  g_clear_object (&self->output_folder);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->tsa_url, g_free);
  g_clear_pointer (&self->source_type, g_free);
  G_OBJECT_CLASS (cl_sign_credentials_group_parent_class)->finalize (object);
}


static void
cl_sign_credentials_group_class_init (ClSignCredentialsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cl_sign_credentials_group_get_property;
  object_class->dispose = cl_sign_credentials_group_dispose;
  object_class->finalize = cl_sign_credentials_group_finalize;

  properties[PROP_OUTPUT_FOLDER] =
    g_param_spec_object ("output-folder", "Output Folder",
                         "Where the signed copies go (NULL: next to each image)",
                         G_TYPE_FILE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-credentials-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, author_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, title_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, tsa_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, do_not_train_switch);
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, source_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, ai_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, output_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignCredentialsGroup, replace_switch);

  gtk_widget_class_install_action (widget_class, "credentials.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "credentials.reset-folder", NULL,
                                   reset_folder_action);
}


/* An image generated with AI has that as its source type: the Action row has nothing
 * to say then. */
static void
ai_selected_cb (ClSignCredentialsGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->ai_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row),
                            selected >= G_N_ELEMENTS (ai_uses) ||
                            ai_uses[selected] != CL_AI_USE_GENERATED);
}


static void
cl_sign_credentials_group_init (ClSignCredentialsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->ai_row, "notify::selected", G_CALLBACK (ai_selected_cb), self,
                           G_CONNECT_SWAPPED);
  cl_sign_credentials_group_set_output_folder (self, NULL);
}
