/* cl-issuers-setting.c
 *
 * Without the schema installed (tests, an uninstalled run) no issuer is trusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-issuers-setting"

#include "config.h"

#include "cl-ica-issuers.h"
#include "cl-issuers-setting.h"

#define SETTINGS_KEY "ica-issuers-file"

struct _ClIssuersSetting
{
  GObject       parent_instance;

  GSettings    *settings;   /* NULL without the schema */
  GCancellable *loading;
  GStrv         dids;
};

G_DEFINE_FINAL_TYPE (ClIssuersSetting, cl_issuers_setting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClIssuersSetting) self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv dids = cl_ica_issuers_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Preferences says why the list cannot be used; here it trusts no one. */
  if (dids == NULL)
    g_debug ("%s", error->message);
  g_strfreev (self->dids);
  self->dids = dids;
  g_clear_object (&self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}


static void
settings_changed_cb (GSettings        *settings,
                     const char       *key,
                     ClIssuersSetting *self)
{
  g_autofree char *path = g_settings_get_string (settings, SETTINGS_KEY);
  gboolean was_loading = self->loading != NULL;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->dids, g_strfreev);
  if (*path != '\0') {
    self->loading = g_cancellable_new ();
    cl_ica_issuers_load_async (path, self->loading, loaded_cb, g_object_ref (self));
  }
  if (was_loading != (self->loading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}


static void
cl_issuers_setting_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClIssuersSetting *self = CL_ISSUERS_SETTING (object);

  switch (prop_id) {
  case PROP_LOADING:
    g_value_set_boolean (value, self->loading != NULL);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_issuers_setting_dispose (GObject *object)
{
  ClIssuersSetting *self = CL_ISSUERS_SETTING (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->dids, g_strfreev);

  G_OBJECT_CLASS (cl_issuers_setting_parent_class)->dispose (object);
}


static void
cl_issuers_setting_class_init (ClIssuersSettingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_issuers_setting_dispose;
  object_class->get_property = cl_issuers_setting_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}


static void
cl_issuers_setting_init (ClIssuersSetting *self)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

  if (schema == NULL || !g_settings_schema_has_key (schema, SETTINGS_KEY))
    return;
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::" SETTINGS_KEY,
                           G_CALLBACK (settings_changed_cb), self, 0);
  settings_changed_cb (self->settings, SETTINGS_KEY, self);
}


ClIssuersSetting *
cl_issuers_setting_new (void)
{
  return g_object_new (CL_TYPE_ISSUERS_SETTING, NULL);
}


GStrv
cl_issuers_setting_get_dids (ClIssuersSetting *self)
{
  g_return_val_if_fail (CL_IS_ISSUERS_SETTING (self), NULL);

  return self->dids;
}


gboolean
cl_issuers_setting_is_loading (ClIssuersSetting *self)
{
  g_return_val_if_fail (CL_IS_ISSUERS_SETTING (self), FALSE);

  return self->loading != NULL;
}
