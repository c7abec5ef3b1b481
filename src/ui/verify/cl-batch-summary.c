/* cl-batch-summary.c: the verdicts of the file list, counted, and a filter by verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-batch-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-batch-summary.h"

/* The entries of filter_dropdown, in order. */
enum {
  FILTER_ALL,
  FILTER_TRUSTED,
  FILTER_VALID,
  FILTER_INVALID,
  FILTER_NO_CREDENTIALS,
  FILTER_UNREADABLE,
  N_FILTERS
};

struct _ClBatchSummary
{
  GtkBox        parent_instance;

  GtkLabel     *counts_label;
  GtkDropDown  *filter_dropdown;

  GListModel   *items;
  guint         update_source;
};

G_DEFINE_FINAL_TYPE (ClBatchSummary, cl_batch_summary, GTK_TYPE_BOX)

enum {
  FILTER_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];


/* The filter entry an item's verdict falls under; N_FILTERS while it is being verified. */
static guint
filter_of (ClVerifyItem *item)
{
  switch (cl_verify_item_get_kind (item)) {
  case CL_BANNER_TRUSTED: return FILTER_TRUSTED;
  /* Recovered from the proof cache: valid credentials, not in the file itself. */
  case CL_BANNER_VALID:
  case CL_BANNER_RECOVERED: return FILTER_VALID;
  case CL_BANNER_INVALID: return FILTER_INVALID;
  case CL_BANNER_NO_CREDENTIALS:
  case CL_BANNER_STORE_ONLY: return FILTER_NO_CREDENTIALS;
  case CL_BANNER_ERROR: return FILTER_UNREADABLE;
  case CL_BANNER_VERIFYING:
  default:
    return N_FILTERS;
  }
}


static void
update_counts (ClBatchSummary *self)
{
  guint counts[N_FILTERS + 1] = { 0, };
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  /* The words of each count, in the dropdown's order (translated there). */
  const char *names[N_FILTERS] = {
    NULL, _("Trusted"), _("Valid"), _("Invalid"), _("No credentials"), _("Unreadable"),
  };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (self->items, i);

    counts[filter_of (item)]++;
  }
  /* Translators: the start of the file list's summary: "12 files" */
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u file", "%u files", n), n));
  for (guint f = FILTER_TRUSTED; f < N_FILTERS; f++) {
    if (counts[f] > 0)
      /* Translators: one verdict's count in the file list's summary: "Trusted: 3" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s: %u"), names[f], counts[f]));
  }
  if (counts[N_FILTERS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u being verified",
                                                       "%u being verified",
                                                       counts[N_FILTERS]),
                                             counts[N_FILTERS]));
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_label (self->counts_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}


static gboolean
update_cb (gpointer user_data)
{
  ClBatchSummary *self = user_data;

  self->update_source = 0;
  update_counts (self);
  /* A verdict arrived: a filtered list may show the file now, or no longer. */
  if (gtk_drop_down_get_selected (self->filter_dropdown) != FILTER_ALL)
    g_signal_emit (self, signals[FILTER_CHANGED], 0);
  return G_SOURCE_REMOVE;
}


/* Verdicts arrive in bursts (a folder): count once per main-loop turn. */
static void
queue_update (ClBatchSummary *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_cb, self);
}


static void
items_changed_cb (GListModel     *items,
                  guint           position,
                  guint           removed,
                  guint           added,
                  ClBatchSummary *self)
{
  for (guint i = position; i < position + added; i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    g_signal_connect_object (item, "notify::verification", G_CALLBACK (queue_update), self,
                             G_CONNECT_SWAPPED);
  }
  queue_update (self);
}


void
cl_batch_summary_set_items (ClBatchSummary *self,
                            GListModel     *items)
{
  g_return_if_fail (CL_IS_BATCH_SUMMARY (self));

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_set_object (&self->items, items);
  if (items != NULL) {
    g_signal_connect_object (items, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
    items_changed_cb (items, 0, 0, g_list_model_get_n_items (items), self);
  }
  update_counts (self);
}


gboolean
cl_batch_summary_shows (ClBatchSummary *self,
                        ClVerifyItem   *item)
{
  guint filter;

  g_return_val_if_fail (CL_IS_BATCH_SUMMARY (self), TRUE);

  filter = gtk_drop_down_get_selected (self->filter_dropdown);
  return filter == FILTER_ALL || filter >= N_FILTERS || filter_of (item) == filter;
}


const char *
cl_batch_summary_get_text (ClBatchSummary *self)
{
  g_return_val_if_fail (CL_IS_BATCH_SUMMARY (self), NULL);

  return gtk_label_get_label (self->counts_label);
}


void
cl_batch_summary_set_filter (ClBatchSummary *self,
                             guint           filter)
{
  g_return_if_fail (CL_IS_BATCH_SUMMARY (self));
  g_return_if_fail (filter < N_FILTERS);

  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}


static void
filter_changed_cb (ClBatchSummary *self)
{
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}


static void
cl_batch_summary_dispose (GObject *object)
{
  ClBatchSummary *self = CL_BATCH_SUMMARY (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (cl_batch_summary_parent_class)->dispose (object);
}


static void
cl_batch_summary_class_init (ClBatchSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_batch_summary_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-batch-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, ClBatchSummary, counts_label);
  gtk_widget_class_bind_template_child (widget_class, ClBatchSummary, filter_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  /**
   * ClBatchSummary::filter-changed:
   *
   * Which files the filter shows may have changed: filter the list again.
   */
  signals[FILTER_CHANGED] = g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}


static void
cl_batch_summary_init (ClBatchSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The drop-down's own button, as well as the drop-down, says what it chooses. */
  cl_a11y_name_drop_down (self->filter_dropdown, _("Show only the files with this verdict"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
