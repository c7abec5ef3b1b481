/* cl-camera-group.c: every EXIF assertion of the active manifest, as the core's
 * camera facts (cl-camera-data), one row each; the place links to a map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-camera-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-camera-data.h"
#include "cl-camera-group.h"
#include "cl-detail-rows.h"

struct _ClCameraGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;       /* borrowed: the group owns them */
  GtkWidget           *map_link;   /* borrowed, in a row, or NULL */
};

G_DEFINE_FINAL_TYPE (ClCameraGroup, cl_camera_group, ADW_TYPE_PREFERENCES_GROUP)


static void
add_fact (ClCameraGroup *self,
          ClCameraFact  *fact)
{
  GtkWidget *row = cl_detail_add_row (ADW_PREFERENCES_GROUP (self), self->rows,
                                      fact->name, fact->value);

  if (row == NULL || fact->uri == NULL)
    return;
  self->map_link = gtk_link_button_new_with_label (fact->uri, _("Show on Map"));
  gtk_widget_set_valign (self->map_link, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->map_link, _("Open this place in a map application"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->map_link);
}


void
cl_camera_group_set_verification (ClCameraGroup  *self,
                                  ClVerification *verification)
{
  ClManifestReport *manifest;
  g_autoptr(GPtrArray) facts = NULL;

  g_return_if_fail (CL_IS_CAMERA_GROUP (self));

  cl_detail_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  self->map_link = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (verification == NULL || verification->report == NULL)
    return;
  manifest = cl_validation_report_get_active (verification->report);
  if (manifest == NULL)
    return;
  facts = cl_camera_data_collect (manifest);
  for (guint i = 0; i < facts->len; i++)
    add_fact (self, g_ptr_array_index (facts, i));
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


guint
cl_camera_group_get_n_rows (ClCameraGroup *self)
{
  g_return_val_if_fail (CL_IS_CAMERA_GROUP (self), 0);
  return self->rows->len;
}


const char *
cl_camera_group_get_value (ClCameraGroup *self,
                           const char    *name)
{
  g_return_val_if_fail (CL_IS_CAMERA_GROUP (self), NULL);
  return cl_detail_rows_lookup (self->rows, name);
}


GtkLinkButton *
cl_camera_group_get_map_link (ClCameraGroup *self)
{
  g_return_val_if_fail (CL_IS_CAMERA_GROUP (self), NULL);
  return self->map_link != NULL ? GTK_LINK_BUTTON (self->map_link) : NULL;
}


static void
cl_camera_group_finalize (GObject *object)
{
  ClCameraGroup *self = CL_CAMERA_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_camera_group_parent_class)->finalize (object);
}


static void
cl_camera_group_class_init (ClCameraGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_camera_group_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-camera-group.ui");
}


static void
cl_camera_group_init (ClCameraGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
