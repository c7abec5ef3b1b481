/* cl-timeline-group.c: the core's edit timeline (cl-edit-timeline), one numbered
 * row per action: what was done and to which ingredient, then the app, when and
 * the kind of source in the subtitle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-timeline-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-detail-rows.h"
#include "cl-edit-timeline.h"
#include "cl-timeline-group.h"

struct _ClTimelineGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* borrowed: the group owns them */
};

G_DEFINE_FINAL_TYPE (ClTimelineGroup, cl_timeline_group, ADW_TYPE_PREFERENCES_GROUP)


/* An RFC 3339 time in the detail's words; as written when it is no such time. */
static char *
when_text (const char *when)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (when == NULL)
    return NULL;
  time = g_date_time_new_from_iso8601 (when, utc);
  if (time == NULL)
    return g_strdup (when);
  return cl_detail_format_time (g_date_time_to_unix (time));
}


static GtkWidget *
step_row (ClEditStep *step,
          guint       number)
{
  g_autofree char *title = NULL;
  g_autofree char *when = when_text (step->when);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *what = step->phrase != NULL ? step->phrase : step->action;
  const char *parts[] = { step->app, when, step->source_type };
  GtkWidget *row;
  GtkWidget *label;

  if (step->ingredients != NULL)
    /* Translators: an action in words and the titles of the ingredients it used,
     * e.g. "Placed another image into it: “sky.jpg”" */
    title = g_strdup_printf (_("%s: “%s”"), what, step->ingredients);
  else
    title = g_strdup (what);
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", parts[i]);
  row = cl_detail_row_new (title, details->len > 0 ? details->str : NULL);
  label = gtk_label_new (number_text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
  return row;
}


void
cl_timeline_group_set_verification (ClTimelineGroup *self,
                                    ClVerification  *verification)
{
  ClManifestReport *manifest;
  g_autoptr(GPtrArray) steps = NULL;

  g_return_if_fail (CL_IS_TIMELINE_GROUP (self));

  cl_detail_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (verification == NULL || verification->report == NULL)
    return;
  manifest = cl_validation_report_get_active (verification->report);
  if (manifest == NULL)
    return;
  steps = cl_edit_timeline_collect (manifest);
  for (guint i = 0; i < steps->len; i++)
    cl_detail_add (ADW_PREFERENCES_GROUP (self), self->rows,
                   step_row (g_ptr_array_index (steps, i), i + 1));
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


guint
cl_timeline_group_get_n_steps (ClTimelineGroup *self)
{
  g_return_val_if_fail (CL_IS_TIMELINE_GROUP (self), 0);
  return self->rows->len;
}


const char *
cl_timeline_group_get_title (ClTimelineGroup *self,
                             guint            index)
{
  g_return_val_if_fail (CL_IS_TIMELINE_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return adw_preferences_row_get_title (g_ptr_array_index (self->rows, index));
}


const char *
cl_timeline_group_get_subtitle (ClTimelineGroup *self,
                                guint            index)
{
  g_return_val_if_fail (CL_IS_TIMELINE_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return adw_action_row_get_subtitle (g_ptr_array_index (self->rows, index));
}


static void
cl_timeline_group_finalize (GObject *object)
{
  ClTimelineGroup *self = CL_TIMELINE_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_timeline_group_parent_class)->finalize (object);
}


static void
cl_timeline_group_class_init (ClTimelineGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_timeline_group_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-timeline-group.ui");
}


static void
cl_timeline_group_init (ClTimelineGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
