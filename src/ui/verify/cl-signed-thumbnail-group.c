/* cl-signed-thumbnail-group.c: the claim thumbnail beside the file's own pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-signed-thumbnail"

#include "config.h"

#include "cl-picture-loader.h"
#include "cl-signed-thumbnail-group.h"

/* Pixels on the longer side of both pictures. */
#define PREVIEW_SIZE 320

struct _ClSignedThumbnailGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkPicture          *signed_picture;
  GtkPicture          *current_picture;

  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (ClSignedThumbnailGroup, cl_signed_thumbnail_group, ADW_TYPE_PREFERENCES_GROUP)


static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = cl_picture_loader_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    g_debug ("No picture to compare: %s", error->message);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}


void
cl_signed_thumbnail_group_set_verification (ClSignedThumbnailGroup *self,
                                            ClVerification         *verification)
{
  ClManifestReport *manifest = NULL;

  g_return_if_fail (CL_IS_SIGNED_THUMBNAIL_GROUP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->signed_picture, NULL);
  gtk_picture_set_paintable (self->current_picture, NULL);
  if (verification != NULL && verification->report != NULL && verification->report->has_manifest)
    manifest = cl_validation_report_get_active (verification->report);
  gtk_widget_set_visible (GTK_WIDGET (self), manifest != NULL && manifest->thumbnail != NULL);
  if (manifest == NULL || manifest->thumbnail == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  cl_picture_loader_load_bytes_async (manifest->thumbnail, PREVIEW_SIZE, self->cancellable,
                                     loaded_cb, g_object_ref (self->signed_picture));
  cl_picture_loader_load_file_async (verification->path, PREVIEW_SIZE, self->cancellable,
                                    loaded_cb, g_object_ref (self->current_picture));
}


gboolean
cl_signed_thumbnail_group_is_complete (ClSignedThumbnailGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGNED_THUMBNAIL_GROUP (self), FALSE);

  return gtk_picture_get_paintable (self->signed_picture) != NULL &&
         gtk_picture_get_paintable (self->current_picture) != NULL;
}


static void
cl_signed_thumbnail_group_dispose (GObject *object)
{
  ClSignedThumbnailGroup *self = CL_SIGNED_THUMBNAIL_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cl_signed_thumbnail_group_parent_class)->dispose (object);
}


static void
cl_signed_thumbnail_group_class_init (ClSignedThumbnailGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_signed_thumbnail_group_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-signed-thumbnail-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignedThumbnailGroup, signed_picture);
  gtk_widget_class_bind_template_child (widget_class, ClSignedThumbnailGroup, current_picture);
}


static void
cl_signed_thumbnail_group_init (ClSignedThumbnailGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
