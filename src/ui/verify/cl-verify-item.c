/* cl-verify-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-verify-item"

#include "config.h"

#include "cl-verify-item.h"

struct _ClVerifyItem
{
  GObject         parent_instance;

  GFile          *file;
  char           *name;
  GCancellable   *cancellable;
  ClVerification *verification;
  GdkTexture     *thumbnail;
};

G_DEFINE_FINAL_TYPE (ClVerifyItem, cl_verify_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERIFICATION,
  PROP_THUMBNAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


ClBannerKind
cl_banner_kind_for_verification (ClVerification *verification)
{
  if (verification == NULL)
    return CL_BANNER_VERIFYING;
  if (verification->recovered && verification->verdict != CL_VERDICT_INVALID &&
      verification->verdict != CL_VERDICT_ERROR)
    return CL_BANNER_RECOVERED;
  /* Its hard binding cannot match (there is no image): the reason says so. */
  if (verification->report != NULL && verification->report->format == CL_ASSET_FORMAT_C2PA)
    return CL_BANNER_STORE_ONLY;
  return cl_banner_kind_for_verdict (verification->verdict);
}


ClVerifyItem *
cl_verify_item_new (GFile *file)
{
  ClVerifyItem *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CL_TYPE_VERIFY_ITEM, NULL);
  self->file = g_object_ref (file);
  self->name = g_file_get_basename (file);
  if (self->name == NULL || !g_utf8_validate (self->name, -1, NULL)) {
    g_free (self->name);
    self->name = g_file_get_parse_name (file);
  }
  return self;
}


ClVerifyItem *
cl_verify_item_new_named (GFile      *file,
                          const char *name)
{
  ClVerifyItem *self = cl_verify_item_new (file);

  g_return_val_if_fail (name != NULL, self);
  g_free (self->name);
  self->name = g_strdup (name);
  return self;
}


GFile *
cl_verify_item_get_file (ClVerifyItem *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ITEM (self), NULL);
  return self->file;
}


const char *
cl_verify_item_get_name (ClVerifyItem *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ITEM (self), NULL);
  return self->name;
}


GCancellable *
cl_verify_item_get_cancellable (ClVerifyItem *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ITEM (self), NULL);
  return self->cancellable;
}


ClVerification *
cl_verify_item_get_verification (ClVerifyItem *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ITEM (self), NULL);
  return self->verification;
}


void
cl_verify_item_set_verification (ClVerifyItem   *self,
                                 ClVerification *verification)
{
  g_return_if_fail (CL_IS_VERIFY_ITEM (self));

  if (verification == self->verification)
    return;
  g_clear_pointer (&self->verification, cl_verification_unref);
  if (verification != NULL)
    self->verification = cl_verification_ref (verification);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFICATION]);
}


GdkTexture *
cl_verify_item_get_thumbnail (ClVerifyItem *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ITEM (self), NULL);
  return self->thumbnail;
}


void
cl_verify_item_set_thumbnail (ClVerifyItem *self,
                              GdkTexture   *thumbnail)
{
  g_return_if_fail (CL_IS_VERIFY_ITEM (self));

  if (g_set_object (&self->thumbnail, thumbnail))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THUMBNAIL]);
}


ClBannerKind
cl_verify_item_get_kind (ClVerifyItem *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ITEM (self), CL_BANNER_VERIFYING);
  return cl_banner_kind_for_verification (self->verification);
}


static void
cl_verify_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClVerifyItem *self = CL_VERIFY_ITEM (object);

  switch (prop_id) {
  case PROP_VERIFICATION:
    g_value_set_pointer (value, self->verification);
    break;
  case PROP_THUMBNAIL:
    g_value_set_object (value, self->thumbnail);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_verify_item_finalize (GObject *object)
{
  ClVerifyItem *self = CL_VERIFY_ITEM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->verification, cl_verification_unref);
  g_clear_object (&self->thumbnail);

  G_OBJECT_CLASS (cl_verify_item_parent_class)->finalize (object);
}


static void
cl_verify_item_class_init (ClVerifyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cl_verify_item_get_property;
  object_class->finalize = cl_verify_item_finalize;

  properties[PROP_VERIFICATION] =
    g_param_spec_pointer ("verification", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THUMBNAIL] =
    g_param_spec_object ("thumbnail", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}


static void
cl_verify_item_init (ClVerifyItem *self)
{
  self->cancellable = g_cancellable_new ();
}
