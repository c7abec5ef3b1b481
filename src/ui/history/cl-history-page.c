/* cl-history-page.c: every proof the cache holds (signed and verified images),
 * searchable, filterable by kind or by a verdict the last re-check changed; a row opens
 * its detail, and removal can be undone until its toast goes. All database work runs in
 * GTask threads. When the trust lists change or a revocation answer does, the history is
 * verified again in the background (cl-history-recheck.h) and the page says which
 * verdicts flipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include <json-glib/json-glib.h>

#include "cl-a11y.h"
#include "cl-history-detail.h"
#include "cl-history-entry.h"
#include "cl-history-page.h"
#include "cl-history-row.h"
#include "cl-proof-cache.h"
#include "cl-revocation.h"
#include "cl-trust-store.h"

struct _ClHistoryPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *kind_dropdown;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkLabel        *error_label;

  /* Owned references */
  char            *database;
  GCancellable    *cancellable;
  GHashTable      *changed;   /* proof id → the verdict before the last re-check */
  GCancellable    *recheck_cancellable;
  guint            trust_watch;
  guint            revocation_watch;
  guint            recheck_source;
  guint            rechecks_running;

  guint            n_shown;
  guint            loads_running;

  /* A removal the person can still undo: the row is hidden, the proof still stored. */
  char            *pending_removal;
  GtkWidget       *pending_row;
  AdwToast        *undo_toast;
};

G_DEFINE_FINAL_TYPE (ClHistoryPage, cl_history_page, ADW_TYPE_BIN)

/* The entries of kind_dropdown. */
enum { FILTER_ALL, FILTER_SIGNED, FILTER_VERIFIED, FILTER_CHANGED };

/* Trust lists change in bursts (a refresh replaces them one by one): wait for quiet. */
#define RECHECK_DELAY_MS 500

enum {
  VERIFY_AGAIN,
  VERDICTS_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef struct {
  char         *database;
  ClProofFilter filter;
  char         *search;
  char         *remove_id;   /* when set, removed before listing */
} LoadRequest;


static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->database);
  g_free (request->search);
  g_free (request->remove_id);
  g_free (request);
}


static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (request->database, &error);
  GPtrArray *proofs;
  GPtrArray *entries;

  if (cache == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  if (request->remove_id != NULL &&
      !cl_proof_cache_remove (cache, request->remove_id, &error)) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  request->filter.search = request->search;
  proofs = cl_proof_cache_list (cache, &request->filter, &error);
  if (proofs == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  /* The stored reports are read here, not on the main loop. */
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_history_entry_free);
  for (guint i = 0; i < proofs->len; i++)
    g_ptr_array_add (entries, cl_history_entry_new (g_ptr_array_index (proofs, i)));
  g_ptr_array_unref (proofs);
  g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}


static void row_activated_cb (ClHistoryRow *row, ClHistoryPage *self);
static void row_verify_again_cb (ClHistoryRow *row, ClHistoryPage *self);
static void row_remove_cb (ClHistoryRow *row, ClHistoryPage *self);


static GtkWidget *
proof_row (ClHistoryPage  *self,
           ClHistoryEntry *entry)
{
  gpointer before = NULL;
  gboolean changed = g_hash_table_lookup_extended (self->changed, entry->proof->id, NULL,
                                                   &before);
  ClProofVerdict verdict_before = GPOINTER_TO_INT (before);
  GtkWidget *row = cl_history_row_new (entry, changed ? &verdict_before : NULL);

  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (row, "verify-again", G_CALLBACK (row_verify_again_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self,
                           G_CONNECT_DEFAULT);
  return row;
}


static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *child;

  self->loads_running--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;

  self->pending_row = NULL;
  if (entries == NULL) {
    gtk_label_set_label (self->error_label, error->message);
    gtk_stack_set_visible_child_name (self->stack, "error");
    return;
  }
  for (guint i = 0; i < entries->len; i++) {
    ClHistoryEntry *entry = g_ptr_array_index (entries, i);

    if (gtk_drop_down_get_selected (self->kind_dropdown) == FILTER_CHANGED &&
        !g_hash_table_contains (self->changed, entry->proof->id))
      continue;
    /* A removal waiting for its undo stays out of view. */
    if (g_strcmp0 (entry->proof->id, self->pending_removal) == 0)
      continue;
    g_ptr_array_index (entries, i) = NULL;
    gtk_list_box_append (self->list, proof_row (self, entry));
    self->n_shown++;
  }
  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "list" : "empty");
}


static void
start_load (ClHistoryPage *self,
            const char    *remove_id)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request = g_new0 (LoadRequest, 1);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  /* A newer load replaces one still running. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request->database = g_strdup (self->database);
  request->filter = (ClProofFilter) CL_PROOF_FILTER_INIT;
  request->filter.any_kind = kind == FILTER_ALL;
  request->filter.kind = kind == FILTER_SIGNED ? CL_PROOF_KIND_SIGNED : CL_PROOF_KIND_VERIFIED;
  request->filter.limit = 1000;
  request->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (request->search[0] == '\0')
    g_clear_pointer (&request->search, g_free);
  request->remove_id = g_strdup (remove_id);

  self->loads_running++;
  task = g_task_new (self, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_load);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, load_thread);
}


static void
row_verify_again_cb (ClHistoryRow  *row,
                     ClHistoryPage *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (cl_history_row_get_entry (row)->path);

  g_signal_emit (self, signals[VERIFY_AGAIN], 0, file);
}


static void
detail_verify_again_cb (GtkWidget     *detail,
                        ClHistoryPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (detail), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_signal_emit (self, signals[VERIFY_AGAIN], 0, file);
}


static void
row_activated_cb (ClHistoryRow  *row,
                  ClHistoryPage *self)
{
  const ClHistoryEntry *entry = cl_history_row_get_entry (row);
  GtkWidget *detail = cl_history_detail_new (entry);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (detail), GTK_WINDOW (root));
  g_object_set_data_full (G_OBJECT (detail), "path", g_strdup (entry->path), g_free);
  g_signal_connect_object (detail, "verify-again", G_CALLBACK (detail_verify_again_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (detail));
}


/* The toast belongs to the overlay; the page only watches it (a weak pointer), so that no
 * path can release it twice. */
static void
forget_toast (ClHistoryPage *self)
{
  if (self->undo_toast == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
}


/* The removal waiting for its undo is carried out: its toast went (dismiss_toast FALSE: it
 * is being dismissed already, and dismissing it again from its own "dismissed" handler
 * would release it twice), or another removal came (TRUE). */
static void
commit_removal (ClHistoryPage *self,
                gboolean       dismiss_toast)
{
  g_autofree char *id = g_steal_pointer (&self->pending_removal);

  self->pending_row = NULL;
  if (self->undo_toast != NULL) {
    AdwToast *toast = self->undo_toast;

    forget_toast (self);
    if (dismiss_toast)
      adw_toast_dismiss (toast);
  }
  if (id != NULL)
    start_load (self, id);
}


static void
undo_toast_dismissed_cb (AdwToast      *toast,
                         ClHistoryPage *self)
{
  commit_removal (self, FALSE);
}


static void
undo_clicked_cb (AdwToast      *toast,
                 ClHistoryPage *self)
{
  forget_toast (self);
  g_clear_pointer (&self->pending_removal, g_free);
  if (self->pending_row != NULL) {
    gtk_widget_set_visible (self->pending_row, TRUE);
    self->n_shown++;
    gtk_stack_set_visible_child_name (self->stack, "list");
  }
  self->pending_row = NULL;
}


static void
row_remove_cb (ClHistoryRow  *row,
               ClHistoryPage *self)
{
  const ClHistoryEntry *entry = cl_history_row_get_entry (row);
  const char *name = entry->proof->source_name != NULL ? entry->proof->source_name
                                                       : _("Unnamed image");
  g_autofree char *title = NULL;

  commit_removal (self, TRUE);
  self->pending_removal = g_strdup (entry->proof->id);
  self->pending_row = GTK_WIDGET (row);
  gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
  self->n_shown--;
  if (self->n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");

  /* Translators: a toast after removing an image from History; %s is its file name */
  title = g_strdup_printf (_("“%s” removed from History"), name);
  self->undo_toast = adw_toast_new (title);
  g_object_add_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->undo_toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                           self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                           self, G_CONNECT_DEFAULT);
  adw_toast_overlay_add_toast (self->toast_overlay, self->undo_toast);
}


static void
filter_changed_cb (ClHistoryPage *self)
{
  start_load (self, NULL);
}


void
cl_history_page_reload (ClHistoryPage *self)
{
  g_return_if_fail (CL_IS_HISTORY_PAGE (self));

  start_load (self, NULL);
}


void
cl_history_page_set_changes (ClHistoryPage          *self,
                             const ClHistoryRecheck *recheck)
{
  g_return_if_fail (CL_IS_HISTORY_PAGE (self));
  g_return_if_fail (recheck != NULL);

  g_hash_table_remove_all (self->changed);
  for (guint i = 0; i < recheck->changes->len; i++) {
    const ClHistoryChange *change = g_ptr_array_index (recheck->changes, i);

    g_hash_table_insert (self->changed, g_strdup (change->proof_id),
                         GINT_TO_POINTER (change->before));
  }
  start_load (self, NULL);
}


void
cl_history_page_show_changed (ClHistoryPage *self)
{
  g_return_if_fail (CL_IS_HISTORY_PAGE (self));

  /* Selecting the entry reloads through filter_changed_cb. */
  if (gtk_drop_down_get_selected (self->kind_dropdown) == FILTER_CHANGED)
    start_load (self, NULL);
  else
    gtk_drop_down_set_selected (self->kind_dropdown, FILTER_CHANGED);
}


void
cl_history_page_set_database (ClHistoryPage *self,
                              const char    *path)
{
  g_return_if_fail (CL_IS_HISTORY_PAGE (self));

  g_free (self->database);
  self->database = g_strdup (path);
  start_load (self, NULL);
}


static void
recheck_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ClHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClHistoryRecheck) recheck = cl_history_recheck_finish (result, &error);
  g_autofree char *summary = NULL;

  self->rechecks_running--;
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
  if (recheck == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_warning ("Could not verify the history again: %s", error->message);
    return;
  }
  summary = cl_history_recheck_describe (recheck);
  if (summary == NULL)
    return;
  cl_history_page_set_changes (self, recheck);
  g_signal_emit (self, signals[VERDICTS_CHANGED], 0, summary);
}


static gboolean
recheck_cb (gpointer user_data)
{
  ClHistoryPage *self = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  self->recheck_source = 0;
  g_cancellable_cancel (self->recheck_cancellable);
  g_clear_object (&self->recheck_cancellable);
  self->recheck_cancellable = g_cancellable_new ();
  self->rechecks_running++;
  /* The application does not end while the thread still verifies (closing the window
   * cancels it): OpenSSL is torn down at exit. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  /* Online only where the user allowed it, as for the first verification. */
  cl_history_recheck_async (self->database, NULL,
                            g_settings_get_boolean (settings, "online-revocation"),
                            CL_HISTORY_RECHECK_MAX_ENTRIES,
                            self->recheck_cancellable, recheck_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}


static void
trust_changed_cb (gpointer user_data)
{
  ClHistoryPage *self = user_data;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  self->recheck_source = g_timeout_add (RECHECK_DELAY_MS, recheck_cb, self);
}


gboolean
cl_history_page_is_rechecking (ClHistoryPage *self)
{
  g_return_val_if_fail (CL_IS_HISTORY_PAGE (self), FALSE);

  return self->recheck_source != 0 || self->rechecks_running > 0;
}


guint
cl_history_page_get_n_shown (ClHistoryPage *self)
{
  g_return_val_if_fail (CL_IS_HISTORY_PAGE (self), 0);

  return self->n_shown;
}


gboolean
cl_history_page_is_loading (ClHistoryPage *self)
{
  g_return_val_if_fail (CL_IS_HISTORY_PAGE (self), FALSE);

  return self->loads_running > 0;
}


static void
removed_at_exit_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not remove a proof from the history: %s", error->message);
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
}


static void
remove_at_exit_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = cl_proof_cache_open (request->database, &error);

  if (cache == NULL || !cl_proof_cache_remove (cache, request->remove_id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}


/* The page goes while a removal waits for its undo: the person did not undo it. */
static void
remove_at_exit (ClHistoryPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  if (self->pending_removal == NULL)
    return;
  request = g_new0 (LoadRequest, 1);
  request->database = g_strdup (self->database);
  request->remove_id = g_steal_pointer (&self->pending_removal);
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  task = g_task_new (NULL, NULL, removed_at_exit_cb, NULL);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, remove_at_exit_thread);
}


static void
cl_history_page_dispose (GObject *object)
{
  ClHistoryPage *self = CL_HISTORY_PAGE (object);

  forget_toast (self);
  remove_at_exit (self);
  self->pending_row = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->recheck_cancellable);
  g_clear_object (&self->recheck_cancellable);
  if (self->trust_watch != 0) {
    cl_trust_store_unwatch_default (self->trust_watch);
    self->trust_watch = 0;
  }
  if (self->revocation_watch != 0) {
    cl_revocation_unwatch_changes (self->revocation_watch);
    self->revocation_watch = 0;
  }
  g_clear_handle_id (&self->recheck_source, g_source_remove);

  G_OBJECT_CLASS (cl_history_page_parent_class)->dispose (object);
}


static void
cl_history_page_finalize (GObject *object)
{
  ClHistoryPage *self = CL_HISTORY_PAGE (object);

  g_free (self->database);
  g_free (self->pending_removal);
  g_hash_table_unref (self->changed);

  G_OBJECT_CLASS (cl_history_page_parent_class)->finalize (object);
}


static void
cl_history_page_class_init (ClHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_history_page_dispose;
  object_class->finalize = cl_history_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClHistoryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryPage, list);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  /**
   * ClHistoryPage::verify-again:
   * @file: the image, where it was when it was verified
   *
   * The person asked to verify a remembered image again.
   */
  signals[VERIFY_AGAIN] = g_signal_new ("verify-again", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * ClHistoryPage::verdicts-changed:
   * @summary: what flipped, in one sentence ("2 images changed: …")
   *
   * The trust lists or a revocation answer changed and verifying the history again
   * flipped some verdicts;
   * the "Changed" filter shows them.
   */
  signals[VERDICTS_CHANGED] = g_signal_new ("verdicts-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
}


static void
cl_history_page_init (ClHistoryPage *self)
{
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_a11y_name_drop_down (self->kind_dropdown, _("Show signed, verified or changed images"));
  self->trust_watch = cl_trust_store_watch_default (trust_changed_cb, self);
  self->revocation_watch = cl_revocation_watch_changes (trust_changed_cb, self);
}


GtkWidget *
cl_history_page_new (void)
{
  return g_object_new (CL_TYPE_HISTORY_PAGE, NULL);
}
