/* cl-staged-layout.c: widgets of a page that join the layout one per frame.
 *
 * Measuring a large page for the first time (hundreds of wrapping labels, each laid out
 * by Pango at several widths) took one frame 60–140 ms. Shown a few at a time, after the
 * part a person reads first, no frame carries more than one group.
 *
 * Hidden slots, not hidden widgets or child visibility: a hidden widget is not measured
 * (GTK 4.8 still measures a child whose child visibility is off), and the widget's own
 * visibility stays its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-staged-layout"

#include "config.h"

#include <adwaita.h>

#include "cl-staged-layout.h"

struct _ClStagedLayout {
  GtkWidget  *owner;
  GPtrArray  *widgets;      /* GtkWidget, owned */
  GPtrArray  *slots;        /* AdwBin around each */
  guint       n_shown;      /* the first n_shown have had their turn */
  guint       tick_id;
  gboolean    first_frame;
};


static void
sync_slots (ClStagedLayout *staged)
{
  for (guint i = 0; i < staged->slots->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (staged->slots, i),
                            i < staged->n_shown &&
                            gtk_widget_get_visible (g_ptr_array_index (staged->widgets, i)));
}


ClStagedLayout *
cl_staged_layout_new (GtkWidget  *owner,
                      GtkWidget **widgets,
                      guint       n)
{
  ClStagedLayout *staged = g_new0 (ClStagedLayout, 1);

  staged->owner = owner;
  staged->widgets = g_ptr_array_new_with_free_func (g_object_unref);
  staged->slots = g_ptr_array_new ();
  for (guint i = 0; i < n; i++) {
    GtkWidget *widget = widgets[i];
    GtkWidget *box = gtk_widget_get_parent (widget);
    GtkWidget *slot = adw_bin_new ();

    g_return_val_if_fail (GTK_IS_BOX (box), staged);
    g_ptr_array_add (staged->widgets, g_object_ref (widget));
    gtk_box_insert_child_after (GTK_BOX (box), slot, widget);
    gtk_box_remove (GTK_BOX (box), widget);
    adw_bin_set_child (ADW_BIN (slot), widget);
    g_ptr_array_add (staged->slots, slot);
    g_signal_connect_swapped (widget, "notify::visible", G_CALLBACK (sync_slots), staged);
  }
  staged->n_shown = n;
  sync_slots (staged);
  return staged;
}


void
cl_staged_layout_free (ClStagedLayout *staged)
{
  if (staged == NULL)
    return;
  if (staged->tick_id != 0)
    gtk_widget_remove_tick_callback (staged->owner, staged->tick_id);
  for (guint i = 0; i < staged->widgets->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (staged->widgets, i), staged);
  g_ptr_array_unref (staged->widgets);
  g_ptr_array_unref (staged->slots);
  g_free (staged);
}


static gboolean
tick_cb (GtkWidget     *owner,
         GdkFrameClock *clock,
         gpointer       data)
{
  ClStagedLayout *staged = data;

  /* The first frame lays out what comes before them. */
  if (staged->first_frame) {
    staged->first_frame = FALSE;
    return G_SOURCE_CONTINUE;
  }
  while (staged->n_shown < staged->widgets->len &&
         !gtk_widget_get_visible (g_ptr_array_index (staged->widgets, staged->n_shown++)))
    ;
  sync_slots (staged);
  if (staged->n_shown < staged->widgets->len)
    return G_SOURCE_CONTINUE;
  staged->tick_id = 0;
  return G_SOURCE_REMOVE;
}


void
cl_staged_layout_finish (ClStagedLayout *staged)
{
  g_return_if_fail (staged != NULL);

  if (staged->tick_id != 0)
    gtk_widget_remove_tick_callback (staged->owner, staged->tick_id);
  staged->tick_id = 0;
  staged->n_shown = staged->widgets->len;
  sync_slots (staged);
}


void
cl_staged_layout_start (ClStagedLayout *staged)
{
  g_return_if_fail (staged != NULL);

  cl_staged_layout_finish (staged);
  if (!gtk_widget_get_mapped (staged->owner))
    return;
  staged->n_shown = 0;
  staged->first_frame = TRUE;
  sync_slots (staged);
  staged->tick_id = gtk_widget_add_tick_callback (staged->owner, tick_cb, staged, NULL);
}


gboolean
cl_staged_layout_is_running (ClStagedLayout *staged)
{
  g_return_val_if_fail (staged != NULL, FALSE);
  return staged->tick_id != 0;
}
