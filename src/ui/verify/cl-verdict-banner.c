/* cl-verdict-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-verdict-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-verdict-banner.h"
#include "cl-verification.h"

struct _ClVerdictBanner
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkWidget    *box;
  GtkImage     *icon;
  GtkLabel     *title_label;
  GtkLabel     *reason_label;
  GtkLabel     *signal_warning;
  GtkLabel     *signal_badge;
  GtkWidget    *test_certificate_badge;

  ClBannerKind  kind;
};

G_DEFINE_FINAL_TYPE (ClVerdictBanner, cl_verdict_banner, GTK_TYPE_WIDGET)

static const char *const kind_classes[] = {
  "verifying", "trusted", "valid", "invalid", "no-credentials", "recovered", "error",
  "store-only",
};


const char *
cl_banner_kind_icon_name (ClBannerKind kind)
{
  switch (kind) {
  case CL_BANNER_TRUSTED: return "emblem-ok-symbolic";
  case CL_BANNER_VALID: return "dialog-information-symbolic";
  case CL_BANNER_INVALID: return "dialog-error-symbolic";
  case CL_BANNER_NO_CREDENTIALS: return "action-unavailable-symbolic";
  case CL_BANNER_RECOVERED: return "document-revert-symbolic";
  case CL_BANNER_ERROR: return "dialog-warning-symbolic";
  case CL_BANNER_STORE_ONLY: return "document-properties-symbolic";
  case CL_BANNER_VERIFYING:
  default:
    return "content-loading-symbolic";
  }
}


/* The style class that colours a status icon of this kind (style.css: .file-status). */
const char *
cl_banner_kind_style_class (ClBannerKind kind)
{
  if ((gsize) kind >= G_N_ELEMENTS (kind_classes))
    return kind_classes[CL_BANNER_ERROR];
  return kind_classes[kind];
}


ClBannerKind
cl_banner_kind_for_verdict (ClVerdict verdict)
{
  switch (verdict) {
  case CL_VERDICT_TRUSTED: return CL_BANNER_TRUSTED;
  case CL_VERDICT_VALID: return CL_BANNER_VALID;
  case CL_VERDICT_INVALID: return CL_BANNER_INVALID;
  case CL_VERDICT_NO_CREDENTIALS: return CL_BANNER_NO_CREDENTIALS;
  case CL_VERDICT_ERROR:
  default:
    return CL_BANNER_ERROR;
  }
}


const char *
cl_banner_kind_title (ClBannerKind kind)
{
  /* The verdict words come from core, like the verdicts themselves. */
  switch (kind) {
  case CL_BANNER_TRUSTED: return cl_verdict_describe (CL_VERDICT_TRUSTED);
  case CL_BANNER_VALID: return cl_verdict_describe (CL_VERDICT_VALID);
  case CL_BANNER_INVALID: return cl_verdict_describe (CL_VERDICT_INVALID);
  case CL_BANNER_NO_CREDENTIALS: return cl_verdict_describe (CL_VERDICT_NO_CREDENTIALS);
  case CL_BANNER_RECOVERED: return _("Credentials recovered from your proof cache");
  case CL_BANNER_ERROR: return cl_verdict_describe (CL_VERDICT_ERROR);
  case CL_BANNER_STORE_ONLY: return _("Content Credentials without their image");
  case CL_BANNER_VERIFYING:
  default:
    return _("Verifying…");
  }
}


void
cl_verdict_banner_set_verdict (ClVerdictBanner *self,
                               ClBannerKind     kind,
                               const char      *reason)
{
  g_return_if_fail (CL_IS_VERDICT_BANNER (self));

  gtk_widget_remove_css_class (self->box, kind_classes[self->kind]);
  self->kind = kind;
  gtk_widget_add_css_class (self->box, kind_classes[kind]);
  gtk_image_set_from_icon_name (self->icon, cl_banner_kind_icon_name (kind));
  gtk_label_set_label (self->title_label, cl_banner_kind_title (kind));
  gtk_label_set_label (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL && *reason != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cl_banner_kind_title (kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason != NULL ? reason : "",
                                  -1);
  /* The status role already has a screen reader read the new name; GTK 4.14 can also say
   * it outright, for the verdict of the file in view. */
#if GTK_CHECK_VERSION (4, 14, 0)
  /* Newer than the API level the build asks for: allowed here, behind the check. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (kind != CL_BANNER_VERIFYING && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_accessible_announce (GTK_ACCESSIBLE (self), cl_banner_kind_title (kind),
                             GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}


static const char *const signal_classes[] = { "ai", "possibly-ai", "capture", "other" };


void
cl_verdict_banner_set_signals (ClVerdictBanner *self,
                               GPtrArray       *signals,
                               gboolean         test_certificate)
{
  const ClSignal *headline = signals != NULL && signals->len > 0
                             ? g_ptr_array_index (signals, 0) : NULL;
  g_autofree char *text = headline != NULL ? cl_signal_describe (headline) : NULL;
  const char *warning = headline != NULL ? cl_signal_warning (headline) : NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  g_return_if_fail (CL_IS_VERDICT_BANNER (self));

  for (gsize i = 0; i < G_N_ELEMENTS (signal_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->signal_badge), signal_classes[i]);
  gtk_widget_remove_css_class (GTK_WIDGET (self->signal_badge), "unverified");
  /* The most telling signal on the badge; every one in its tooltip. */
  for (guint i = 0; signals != NULL && i < signals->len; i++) {
    g_autofree char *line = cl_signal_describe (g_ptr_array_index (signals, i));

    g_string_append_printf (all, "%s%s", all->len > 0 ? "\n" : "", line);
  }
  gtk_label_set_label (self->signal_badge, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->signal_badge), all->str);
  gtk_widget_set_visible (GTK_WIDGET (self->signal_badge), headline != NULL);
  if (headline != NULL) {
    gtk_widget_add_css_class (GTK_WIDGET (self->signal_badge),
                              signal_classes[headline->category]);
    if (warning != NULL)
      gtk_widget_add_css_class (GTK_WIDGET (self->signal_badge), "unverified");
  }
  gtk_label_set_label (self->signal_warning, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->signal_warning), warning != NULL);
  gtk_widget_set_visible (self->test_certificate_badge, test_certificate);
}


const char *
cl_verdict_banner_get_signal_text (ClVerdictBanner *self)
{
  g_return_val_if_fail (CL_IS_VERDICT_BANNER (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->signal_badge))
         ? gtk_label_get_label (self->signal_badge) : NULL;
}


GtkWidget *
cl_verdict_banner_get_signal_badge (ClVerdictBanner *self)
{
  g_return_val_if_fail (CL_IS_VERDICT_BANNER (self), NULL);

  return GTK_WIDGET (self->signal_badge);
}


gboolean
cl_verdict_banner_shows_test_certificate (ClVerdictBanner *self)
{
  g_return_val_if_fail (CL_IS_VERDICT_BANNER (self), FALSE);

  return gtk_widget_get_visible (self->test_certificate_badge);
}


const char *
cl_verdict_banner_get_signal_warning (ClVerdictBanner *self)
{
  g_return_val_if_fail (CL_IS_VERDICT_BANNER (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->signal_warning))
         ? gtk_label_get_label (self->signal_warning) : NULL;
}


ClBannerKind
cl_verdict_banner_get_kind (ClVerdictBanner *self)
{
  g_return_val_if_fail (CL_IS_VERDICT_BANNER (self), CL_BANNER_VERIFYING);

  return self->kind;
}


const char *
cl_verdict_banner_get_title (ClVerdictBanner *self)
{
  g_return_val_if_fail (CL_IS_VERDICT_BANNER (self), NULL);

  return gtk_label_get_label (self->title_label);
}


static void
cl_verdict_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CL_TYPE_VERDICT_BANNER);

  G_OBJECT_CLASS (cl_verdict_banner_parent_class)->dispose (object);
}


static void
cl_verdict_banner_class_init (ClVerdictBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_verdict_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "verdict-banner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-verdict-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVerdictBanner, box);
  gtk_widget_class_bind_template_child (widget_class, ClVerdictBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, ClVerdictBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, ClVerdictBanner, reason_label);
  gtk_widget_class_bind_template_child (widget_class, ClVerdictBanner, signal_warning);
  gtk_widget_class_bind_template_child (widget_class, ClVerdictBanner, signal_badge);
  gtk_widget_class_bind_template_child (widget_class, ClVerdictBanner, test_certificate_badge);
}


static void
cl_verdict_banner_init (ClVerdictBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind = CL_BANNER_VERIFYING;
  cl_verdict_banner_set_verdict (self, CL_BANNER_VERIFYING, NULL);
}


GtkWidget *
cl_verdict_banner_new (void)
{
  return g_object_new (CL_TYPE_VERDICT_BANNER, NULL);
}
