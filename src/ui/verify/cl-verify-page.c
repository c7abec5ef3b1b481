/* cl-verify-page.c
 *
 * Threads: folders are walked by the file collector, thumbnails are decoded and
 * files verified in GTask threads; the main loop only moves results into widgets.
 * At most CL_VERIFY_PAGE_MAX_RUNNING verifications run at once, so a drop of
 * fifty files does not start fifty threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-verify-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-file-collector.h"
#include "cl-batch-summary.h"
#include "cl-compare-window.h"
#include "cl-issuers-setting.h"
#include "cl-list-rows.h"
#include "cl-picture-loader.h"
#include "cl-skipped-files.h"
#include "cl-verify-page.h"
#include "cl-verify-row.h"

#define THUMBNAIL_SIZE 96

struct _ClVerifyPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkListBox     *file_list;
  ClBatchSummary *summary;
  ClVerifyDetail *detail;
  GtkStack       *detail_stack;
  GtkScrolledWindow *detail_scroller;
  GtkWidget      *leaflet;

  GListStore     *items;
  ClListRows     *rows;           /* the file list's rows, made a few per frame */
  GHashTable     *listed;         /* GFile of every item: a drop of thousands stays linear */
  GQueue          pending;        /* ClVerifyItem *, owned */
  guint           n_running;
  guint           n_collecting;
  GCancellable   *cancellable;    /* folder walks; cancelled on clear and dispose */
  ClIssuersSetting *issuers;      /* the trusted identity issuers of the Preferences */
};

G_DEFINE_FINAL_TYPE (ClVerifyPage, cl_verify_page, ADW_TYPE_BIN)

enum {
  SIGNAL_PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_pending (ClVerifyPage *self);


/* Callbacks hold the page weakly: a verification may finish after the window closed. */
typedef struct {
  GWeakRef      page;
  ClVerifyItem *item;
} Job;


static Job *
job_new (ClVerifyPage *self,
         ClVerifyItem *item)
{
  Job *job = g_new0 (Job, 1);

  g_weak_ref_init (&job->page, self);
  job->item = g_object_ref (item);
  return job;
}


static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->page);
  g_object_unref (job->item);
  g_free (job);
}


static void
thumbnail_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ClVerifyItem) item = user_data;
  g_autoptr(GdkTexture) texture = cl_picture_loader_load_finish (result, NULL);

  /* A file no decoder reads keeps its generic icon. */
  if (texture != NULL)
    cl_verify_item_set_thumbnail (item, texture);
}


/* Decoded in a thread, small and upright; cancelled with the item. */
static void
load_thumbnail (ClVerifyItem *item)
{
  g_autofree char *path = g_file_get_path (cl_verify_item_get_file (item));

  if (path != NULL)
    cl_picture_loader_load_file_async (path, THUMBNAIL_SIZE, cl_verify_item_get_cancellable (item),
                                       thumbnail_loaded_cb, g_object_ref (item));
}


static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(ClVerifyPage) self = g_weak_ref_get (&job->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVerification) verification = cl_verify_file_finish (result, &error);

  if (verification != NULL)
    cl_verify_item_set_verification (job->item, verification);
  if (self != NULL) {
    self->n_running--;
    start_pending (self);
  }
  job_free (job);
}


/* A network switch of the preferences (off when the schema is not installed). */
static gboolean
network_allowed (const char *key)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return FALSE;
  settings = g_settings_new (APP_ID);
  return g_settings_get_boolean (settings, key);
}


static void
start_pending (ClVerifyPage *self)
{
  /* Files wait while the list of trusted identity issuers is read. */
  if (self->issuers == NULL || cl_issuers_setting_is_loading (self->issuers))
    return;
  while (self->n_running < CL_VERIFY_PAGE_MAX_RUNNING && !g_queue_is_empty (&self->pending)) {
    g_autoptr(ClVerifyItem) item = g_queue_pop_head (&self->pending);
    g_autofree char *path = g_file_get_path (cl_verify_item_get_file (item));
    ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

    if (g_cancellable_is_cancelled (cl_verify_item_get_cancellable (item)))
      continue;
    if (path == NULL) {
      /* Not a local file (e.g. a remote URI): nothing core can read. */
      g_autofree char *name = g_file_get_parse_name (cl_verify_item_get_file (item));
      g_autofree char *message = g_strdup_printf (_("“%s” is not on this computer and cannot be verified"),
                                                  name);

      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
      continue;
    }
    options.use_proof_cache = TRUE;
    options.online = network_allowed ("online-revocation");
    options.fetch_remote_manifests = network_allowed ("remote-manifests");
    options.ica_issuers = cl_issuers_setting_get_dids (self->issuers);
    self->n_running++;
    load_thumbnail (item);
    cl_verify_file_async (path, &options, cl_verify_item_get_cancellable (item),
                          verified_cb, job_new (self, item));
  }
}


static void
issuers_loading_cb (ClIssuersSetting *issuers,
                    GParamSpec       *pspec,
                    ClVerifyPage     *self)
{
  start_pending (self);
}


/* Keeps the set of listed files in step with the items. */
static void
listed_items_changed_cb (ClVerifyPage *self,
                         guint         position,
                         guint         removed,
                         guint         added,
                         GListModel   *items)
{
  guint n = g_list_model_get_n_items (items);

  g_hash_table_remove_all (self->listed);
  for (guint i = 0; i < n; i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (items, i);

    g_hash_table_add (self->listed, g_object_ref (cl_verify_item_get_file (item)));
  }
}


static void
update_page (ClVerifyPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "files");
}


static void
append_files (ClVerifyPage *self,
              GPtrArray    *files)
{
  guint first_added = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++) {
    GFile *file = g_ptr_array_index (files, i);

    /* Listed once, even when dropped twice in the same drop. */
    if (!g_hash_table_add (self->listed, g_object_ref (file)))
      continue;
    g_ptr_array_add (added, cl_verify_item_new (file));
  }
  if (added->len == 0)
    return;
  /* The list is in view before it fills, so that its rows are made over the next frames. */
  gtk_stack_set_visible_child_name (self->stack, "files");
  /* One splice: one change for the list's rows and the batch summary. */
  g_list_store_splice (self->items, first_added, 0, added->pdata, added->len);
  for (guint i = 0; i < added->len; i++)
    g_queue_push_tail (&self->pending, g_object_ref (g_ptr_array_index (added, i)));
  update_page (self);
  /* The first new file is shown at once (its verdict fills in when ready); the ones
   * after it wait in the list. A file already shown stays shown. */
  if (gtk_list_box_get_selected_row (self->file_list) == NULL)
    cl_verify_page_select (self, first_added);
  start_pending (self);
}


static void
collected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(ClVerifyPage) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GPtrArray) unreadable = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_auto(GStrv) messages = NULL;
  g_autoptr(GPtrArray) files =
    cl_file_collector_collect_finish_full (result, &skipped, &unreadable, &empty, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;
  self->n_collecting--;
  if (files == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, error->message);
    return;
  }
  messages = cl_skipped_files_describe (skipped, unreadable, empty);
  for (guint i = 0; messages[i] != NULL; i++)
    g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, messages[i]);
  append_files (self, files);
}


void
cl_verify_page_add_files (ClVerifyPage  *self,
                          GFile        **files,
                          guint          n_files)
{
  GWeakRef *ref;

  g_return_if_fail (CL_IS_VERIFY_PAGE (self));

  if (n_files == 0)
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->n_collecting++;
  cl_file_collector_collect_async (files, n_files, self->cancellable, collected_cb, ref);
}


GListModel *
cl_verify_page_get_items (ClVerifyPage *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), NULL);
  return G_LIST_MODEL (self->items);
}


static void
cancel_all (ClVerifyPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++) {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

    g_cancellable_cancel (cl_verify_item_get_cancellable (item));
  }
  g_queue_clear_full (&self->pending, g_object_unref);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}


void
cl_verify_page_clear (ClVerifyPage *self)
{
  g_return_if_fail (CL_IS_VERIFY_PAGE (self));

  cancel_all (self);
  g_list_store_remove_all (self->items);
  update_page (self);
}


void
cl_verify_page_select (ClVerifyPage *self,
                       guint         position)
{
  GtkListBoxRow *row;

  g_return_if_fail (CL_IS_VERIFY_PAGE (self));

  row = cl_list_rows_get_row (self->rows, position);
  if (row != NULL)
    gtk_list_box_select_row (self->file_list, row);
}


gboolean
cl_verify_page_select_next (ClVerifyPage *self,
                            int           step)
{
  GtkListBoxRow *row;
  guint n;
  int index;

  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n == 0)
    return FALSE;
  row = gtk_list_box_get_selected_row (self->file_list);
  index = row != NULL ? gtk_list_box_row_get_index (row) + step : (step > 0 ? 0 : (int) n - 1);
  /* Files the verdict filter hides are stepped over. */
  while (index >= 0 && index < (int) n &&
         !gtk_widget_get_visible (GTK_WIDGET (cl_list_rows_get_row (self->rows, (guint) index))))
    index += step;
  if (index < 0 || index >= (int) n)
    return FALSE;
  row = cl_list_rows_get_row (self->rows, (guint) index);
  gtk_list_box_select_row (self->file_list, row);
  /* The row keeps up with the selection, so that Up and Down in the list go on from it. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->file_list)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}


ClVerifyItem *
cl_verify_page_get_selected (ClVerifyPage *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), NULL);

  row = gtk_list_box_get_selected_row (self->file_list);
  return row != NULL ? cl_verify_row_get_item (CL_VERIFY_ROW (row)) : NULL;
}


gboolean
cl_verify_page_remove_selected (ClVerifyPage *self)
{
  GtkListBoxRow *row;
  int index;
  guint n;

  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), FALSE);

  row = gtk_list_box_get_selected_row (self->file_list);
  if (row == NULL)
    return FALSE;
  index = gtk_list_box_row_get_index (row);
  {
    g_autoptr(ClVerifyItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), index);

    g_cancellable_cancel (cl_verify_item_get_cancellable (item));
  }
  g_list_store_remove (self->items, index);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n > 0) {
    row = cl_list_rows_get_row (self->rows, MIN ((guint) index, n - 1));
    gtk_list_box_select_row (self->file_list, row);
    gtk_widget_grab_focus (GTK_WIDGET (row));
  }
  update_page (self);
  return TRUE;
}


gboolean
cl_verify_page_is_busy (ClVerifyPage *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), FALSE);
  return self->n_collecting > 0 || self->n_running > 0 || !g_queue_is_empty (&self->pending) ||
         (self->issuers != NULL && cl_issuers_setting_is_loading (self->issuers)) ||
         (self->rows != NULL && cl_list_rows_is_filling (self->rows)) ||
         (self->detail != NULL && cl_verify_detail_is_laying_out (self->detail));
}


GtkScrolledWindow *
cl_verify_page_get_detail_scroller (ClVerifyPage *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), NULL);
  return self->detail_scroller;
}


ClVerifyDetail *
cl_verify_page_get_detail (ClVerifyPage *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), NULL);
  return self->detail;
}


const char *
cl_verify_page_get_row_subtitle (ClVerifyPage *self,
                                 guint         position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), NULL);
  row = cl_list_rows_get_row (self->rows, position);
  return row != NULL ? cl_verify_row_get_subtitle (CL_VERIFY_ROW (row)) : NULL;
}


/* The batch summary's verdict filter: the rows it hides are made invisible (the rows
 * still to be made are filtered as they are made). */
static void
filter_rows (ClVerifyPage *self)
{
  guint n = cl_list_rows_get_n_made (self->rows);

  for (guint i = 0; i < n; i++) {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->file_list, (int) i);

    gtk_widget_set_visible (GTK_WIDGET (row),
                            cl_batch_summary_shows (self->summary,
                                                    cl_verify_row_get_item (CL_VERIFY_ROW (row))));
  }
}


static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  ClVerifyPage *self = user_data;
  GtkWidget *row = cl_verify_row_new (CL_VERIFY_ITEM (object));

  gtk_widget_set_visible (row, cl_batch_summary_shows (self->summary, CL_VERIFY_ITEM (object)));
  return row;
}


static void
row_selected_cb (ClVerifyPage  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *box)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->detail_scroller);

  cl_verify_detail_set_item (self->detail,
                             row != NULL ? cl_verify_row_get_item (CL_VERIFY_ROW (row)) : NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, row != NULL ? "detail" : "none");
  /* Another file starts at its verdict, not where the previous one was scrolled to. */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}


/* The leaflet through its properties: AdwLeaflet's functions are deprecated in newer
 * libadwaita, and the build treats deprecations as errors. */
static gboolean
is_folded (ClVerifyPage *self)
{
  gboolean folded = FALSE;

  g_object_get (self->leaflet, "folded", &folded, NULL);
  return folded;
}


/* Opening a file (click, Enter) in a narrow window shows its detail instead of the list. */
static void
row_activated_cb (ClVerifyPage  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *box)
{
  if (is_folded (self)) {
    g_object_set (self->leaflet, "visible-child-name", "detail", NULL);
    /* The focus goes with the file: left on the hidden list, the next Tab would start
     * from nothing a keyboard user can see. */
    cl_verify_detail_focus_start (self->detail);
  }
}


static void
back_clicked_cb (ClVerifyPage *self,
                 GtkButton    *button)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->file_list);

  g_object_set (self->leaflet, "visible-child-name", "list", NULL);
  /* Back to the file the detail was of. */
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}


gboolean
cl_verify_page_shows_detail (ClVerifyPage *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CL_IS_VERIFY_PAGE (self), FALSE);

  if (!is_folded (self))
    return TRUE;
  g_object_get (self->leaflet, "visible-child-name", &name, NULL);
  return g_strcmp0 (name, "detail") == 0;
}


static void
cl_verify_page_dispose (GObject *object)
{
  ClVerifyPage *self = CL_VERIFY_PAGE (object);

  if (self->items != NULL)
    cancel_all (self);
  g_cancellable_cancel (self->cancellable);
  /* The detail goes with the template: no selection changes reach it any more. */
  if (self->file_list != NULL) {
    g_signal_handlers_disconnect_by_func (self->file_list, row_selected_cb, self);
    g_signal_handlers_disconnect_by_func (self->file_list, row_activated_cb, self);
  }
  g_clear_pointer (&self->rows, cl_list_rows_free);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, listed_items_changed_cb, self);
  g_clear_object (&self->items);
  g_clear_pointer (&self->listed, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->issuers);

  G_OBJECT_CLASS (cl_verify_page_parent_class)->dispose (object);
}


/* Puts the selected file beside another verified one (the detail's Compare button). */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ClVerifyPage *self = CL_VERIFY_PAGE (widget);
  GtkWidget *window = cl_compare_window_new (G_LIST_MODEL (self->items),
                                             cl_verify_page_get_selected (self));
  GtkRoot *root = gtk_widget_get_root (widget);

  if (window == NULL) {
    g_signal_emit (self, signals[SIGNAL_PROBLEM], 0,
                   _("Verify at least two files to compare them"));
    return;
  }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}


static void
cl_verify_page_class_init (ClVerifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_verify_page_dispose;

  signals[SIGNAL_PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-verify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVerifyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyPage, file_list);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyPage, summary);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyPage, detail_scroller);
  gtk_widget_class_install_action (widget_class, "verify.compare", NULL, compare_action);
}


static void
cl_verify_page_init (ClVerifyPage *self)
{
  g_type_ensure (CL_TYPE_VERIFY_DETAIL);
  g_type_ensure (CL_TYPE_BATCH_SUMMARY);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (CL_TYPE_VERIFY_ITEM);
  self->cancellable = g_cancellable_new ();
  self->issuers = cl_issuers_setting_new ();
  g_signal_connect_object (self->issuers, "notify::loading", G_CALLBACK (issuers_loading_cb),
                           self, 0);
  g_queue_init (&self->pending);
  self->listed = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref,
                                        NULL);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (listed_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->rows = cl_list_rows_new (self->file_list, G_LIST_MODEL (self->items), create_row, self);
  cl_batch_summary_set_items (self->summary, G_LIST_MODEL (self->items));
  g_signal_connect_object (self->summary, "filter-changed", G_CALLBACK (filter_rows), self,
                           G_CONNECT_SWAPPED);
  update_page (self);
}
