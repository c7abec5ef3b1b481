/* cl-confidence-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-confidence-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-confidence-view.h"
#include "cl-detail-rows.h"
#include "cl-status-text.h"

struct _ClConfidenceView
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *group;
  GtkLabel             *score_label;
  GtkLevelBar          *level_bar;
  GtkLabel             *cap_label;

  GPtrArray            *rows;     /* the component rows we added to group */
  guint                 score;
};

G_DEFINE_FINAL_TYPE (ClConfidenceView, cl_confidence_view, ADW_TYPE_BIN)


/* The status codes behind a component, added when its row is first opened: a collapsed
 * expander row still has its rows measured, and with every code of every component that
 * was most of the detail's first layout. */
static void
component_expanded_cb (AdwExpanderRow *row,
                       GParamSpec     *pspec,
                       gpointer        data)
{
  g_auto(GStrv) codes = g_object_steal_data (G_OBJECT (row), "cl-codes");

  if (!adw_expander_row_get_expanded (row)) {
    g_object_set_data_full (G_OBJECT (row), "cl-codes", g_steal_pointer (&codes),
                            (GDestroyNotify) g_strfreev);
    return;
  }
  for (char **code = codes; code != NULL && *code != NULL; code++) {
    GtkWidget *code_row = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code_row), *code);
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (code_row), FALSE);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (code_row), cl_status_text_describe (*code));
    gtk_widget_add_css_class (code_row, "monospace-title");
    adw_expander_row_add_row (row, code_row);
  }
  cl_detail_settle_labels (GTK_WIDGET (row));
}


static GtkWidget *
component_row (const ClConfidenceComponent *component)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *points = g_strdup_printf (_("%u / %u"), component->points, component->weight);
  GtkWidget *suffix = gtk_label_new (points);
  GtkWidget *icon = gtk_image_new_from_icon_name (component->points == component->weight
                                                  ? "emblem-ok-symbolic"
                                                  : component->points == 0
                                                  ? "window-close-symbolic"
                                                  : "dialog-warning-symbolic");
  g_autofree char *sentence = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), component->reason);
  /* Read out as one sentence rather than the title, then a bare "20 / 20". */
  /* Translators: a confidence component and its points, e.g. "Claim signature valid, 20 of 20" */
  sentence = g_strdup_printf (_("%s, %u of %u"), component->title, component->points,
                              component->weight);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  component->reason != NULL ? component->reason : "", -1);
  gtk_widget_add_css_class (suffix, "numeric");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), suffix);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  gtk_widget_add_css_class (icon, component->points == component->weight ? "success"
                                  : component->points == 0 ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  component->points == component->weight ? _("Passed")
                                  : component->points == 0 ? _("Not earned") : _("Partly earned"),
                                  -1);

  if (component->codes == NULL || component->codes[0] == NULL) {
    gtk_widget_set_sensitive (row, TRUE);
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
    return row;
  }
  g_object_set_data_full (G_OBJECT (row), "cl-codes", g_strdupv (component->codes),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (component_expanded_cb), NULL);
  return row;
}


void
cl_confidence_view_set_confidence (ClConfidenceView   *self,
                                   const ClConfidence *confidence)
{
  g_return_if_fail (CL_IS_CONFIDENCE_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (confidence == NULL) {
    self->score = 0;
    gtk_label_set_label (self->score_label, "");
    gtk_level_bar_set_value (self->level_bar, 0);
    gtk_widget_set_visible (GTK_WIDGET (self->cap_label), FALSE);
    return;
  }

  {
    /* Translators: the confidence score and its level, e.g. "75 / 100 · High" */
    g_autofree char *score = g_strdup_printf (_("%u / 100 · %s"), confidence->score,
                                              cl_confidence_level_describe (confidence->level));

    gtk_label_set_label (self->score_label, score);
  }
  self->score = confidence->score;
  gtk_level_bar_set_value (self->level_bar, confidence->score);
  gtk_label_set_label (self->cap_label, confidence->cap_reason ? confidence->cap_reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cap_label), confidence->cap_reason != NULL);

  for (guint i = 0; i < confidence->components->len; i++) {
    GtkWidget *row = component_row (g_ptr_array_index (confidence->components, i));

    adw_preferences_group_add (self->group, row);
    g_ptr_array_add (self->rows, row);
  }
}


guint
cl_confidence_view_get_score (ClConfidenceView *self)
{
  g_return_val_if_fail (CL_IS_CONFIDENCE_VIEW (self), 0);

  return self->score;
}


guint
cl_confidence_view_get_n_rows (ClConfidenceView *self)
{
  g_return_val_if_fail (CL_IS_CONFIDENCE_VIEW (self), 0);

  return self->rows->len;
}


static void
cl_confidence_view_dispose (GObject *object)
{
  ClConfidenceView *self = CL_CONFIDENCE_VIEW (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template here. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_confidence_view_parent_class)->dispose (object);
}


static void
cl_confidence_view_class_init (ClConfidenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_confidence_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-confidence-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClConfidenceView, group);
  gtk_widget_class_bind_template_child (widget_class, ClConfidenceView, score_label);
  gtk_widget_class_bind_template_child (widget_class, ClConfidenceView, level_bar);
  gtk_widget_class_bind_template_child (widget_class, ClConfidenceView, cap_label);
}


static void
cl_confidence_view_init (ClConfidenceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW, 40);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 65);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL, 85);
}


GtkWidget *
cl_confidence_view_new (void)
{
  return g_object_new (CL_TYPE_CONFIDENCE_VIEW, NULL);
}
