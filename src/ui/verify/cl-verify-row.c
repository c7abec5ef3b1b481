/* cl-verify-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-verify-row.h"

struct _ClVerifyRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkImage      *thumbnail;
  GtkLabel      *name_label;
  GtkLabel      *subtitle_label;
  GtkImage      *status_icon;

  ClVerifyItem  *item;
};

G_DEFINE_FINAL_TYPE (ClVerifyRow, cl_verify_row, GTK_TYPE_LIST_BOX_ROW)

/* The status icon's colour, by ClBannerKind (style.css). */
static const char *const kind_classes[] = {
  "verifying", "trusted", "valid", "invalid", "no-credentials", "recovered", "error",
};


/* The most telling provenance signal and the verdict ("Made with AI · Valid"). */
static char *
describe (ClBannerKind    kind,
          ClVerification *verification)
{
  const ClSignal *headline = verification != NULL && verification->signals != NULL &&
                             verification->signals->len > 0
                             ? g_ptr_array_index (verification->signals, 0) : NULL;

  /* A file that could not be read says why (a pipe, not a regular file…). */
  if (kind == CL_BANNER_ERROR && verification != NULL && verification->error != NULL)
    return g_strdup (verification->error->message);
  if (headline == NULL)
    return g_strdup (cl_banner_kind_title (kind));
  /* The signal first: the verdict also shows as the row's icon, and a narrow list cuts the
   * end of the line. */
  return g_strdup_printf (headline->verified
                          /* TRANSLATORS: a provenance signal and the verdict,
                           * "Made with AI · Valid — signer not on your trust lists" */
                          ? _("%s · %s")
                          /* TRANSLATORS: a provenance signal that nothing vouches for and
                           * the verdict, "Made with AI (unverified) · Invalid" */
                          : _("%s (unverified) · %s"),
                          headline->label, cl_banner_kind_title (kind));
}


static void
update (ClVerifyRow *self)
{
  ClBannerKind kind = cl_verify_item_get_kind (self->item);
  GdkTexture *texture = cl_verify_item_get_thumbnail (self->item);
  g_autofree char *subtitle = describe (kind, cl_verify_item_get_verification (self->item));

  if (texture != NULL)
    gtk_image_set_from_paintable (self->thumbnail, GDK_PAINTABLE (texture));
  gtk_label_set_label (self->subtitle_label, subtitle);
  /* A still icon while waiting, not a spinner: fifty spinners would redraw the
   * window every frame while the files are verified. */
  gtk_image_set_from_icon_name (self->status_icon, cl_banner_kind_icon_name (kind));
  for (gsize i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), kind_classes[i]);
  if ((gsize) kind < G_N_ELEMENTS (kind_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), kind_classes[kind]);
  /* The colour is not the only cue: the icon says the verdict in words. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_icon), cl_banner_kind_title (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cl_banner_kind_title (kind), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cl_verify_item_get_name (self->item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
}


GtkWidget *
cl_verify_row_new (ClVerifyItem *item)
{
  ClVerifyRow *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CL_IS_VERIFY_ITEM (item), NULL);

  self = g_object_new (CL_TYPE_VERIFY_ROW, NULL);
  self->item = g_object_ref (item);
  gtk_label_set_label (self->name_label, cl_verify_item_get_name (item));
  /* The whole name, and where the file is, when the row is too narrow for it. */
  path = g_file_get_parse_name (cl_verify_item_get_file (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), path);
  g_signal_connect_object (item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}


ClVerifyItem *
cl_verify_row_get_item (ClVerifyRow *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ROW (self), NULL);
  return self->item;
}


const char *
cl_verify_row_get_subtitle (ClVerifyRow *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ROW (self), NULL);
  return gtk_label_get_label (self->subtitle_label);
}


GtkLabel *
cl_verify_row_get_name_label (ClVerifyRow *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ROW (self), NULL);
  return self->name_label;
}


GtkImage *
cl_verify_row_get_status_icon (ClVerifyRow *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_ROW (self), NULL);
  return self->status_icon;
}


static void
cl_verify_row_dispose (GObject *object)
{
  ClVerifyRow *self = CL_VERIFY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_VERIFY_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cl_verify_row_parent_class)->dispose (object);
}


static void
cl_verify_row_class_init (ClVerifyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_verify_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-verify-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVerifyRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyRow, status_icon);
}


static void
cl_verify_row_init (ClVerifyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
