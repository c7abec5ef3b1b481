/* cl-history-page.c: every proof the cache holds (signed and verified images),
 * searchable, filterable by kind or by a verdict the last re-check changed, with
 * removal. All database work runs in GTask threads. When the trust lists change,
 * the history is verified again in the background (cl-history-recheck.h) and the
 * page says which verdicts flipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include <json-glib/json-glib.h>

#include "cl-history-page.h"
#include "cl-proof-cache.h"
#include "cl-trust-store.h"
#include "cl-verdict-banner.h"

struct _ClHistoryPage
{
  AdwBin           parent_instance;

  /* Template widgets */
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
  guint            recheck_source;
  guint            rechecks_running;

  guint            n_shown;
  guint            loads_running;
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
  if (proofs == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, proofs, (GDestroyNotify) g_ptr_array_unref);
}


static ClBannerKind
verdict_kind (ClProofVerdict verdict)
{
  switch (verdict) {
  case CL_PROOF_VERDICT_TRUSTED: return CL_BANNER_TRUSTED;
  case CL_PROOF_VERDICT_VALID: return CL_BANNER_VALID;
  case CL_PROOF_VERDICT_INVALID: return CL_BANNER_INVALID;
  case CL_PROOF_VERDICT_NO_MANIFEST:
  default:
    return CL_BANNER_NO_CREDENTIALS;
  }
}


static void remove_clicked_cb (GtkButton *button, ClHistoryPage *self);
static void verify_again_clicked_cb (GtkButton *button, ClHistoryPage *self);


/* Where the image was when it was verified: the "path" of the stored report. */
static char *
proof_path (ClProof *proof)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (proof->report_json == NULL ||
      !json_parser_load_from_data (parser, proof->report_json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "path", NULL));
}


static GtkWidget *
proof_row (ClHistoryPage *self,
           ClProof       *proof)
{
  GtkWidget *row = adw_action_row_new ();
  ClBannerKind kind = verdict_kind (proof->verdict);
  GtkWidget *icon = gtk_image_new_from_icon_name (cl_banner_kind_icon_name (kind));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *when = proof->last_verified != NULL
                          ? g_date_time_format (proof->last_verified, "%x %H:%M") : NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: history row subtitle: "Signed · Trusted · 28/11/2026 20:10 · CN=Jane" */
  subtitle = g_strdup_printf (_("%s · %s · %s%s%s"),
                              proof->kind == CL_PROOF_KIND_SIGNED ? _("Signed") : _("Verified"),
                              cl_banner_kind_title (kind),
                              when != NULL ? when : "",
                              proof->signer_subject != NULL ? " · " : "",
                              proof->signer_subject != NULL ? proof->signer_subject : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 proof->source_name != NULL ? proof->source_name
                                                            : _("Unnamed image"));
  if (g_hash_table_contains (self->changed, proof->id)) {
    ClBannerKind before = verdict_kind (GPOINTER_TO_INT (g_hash_table_lookup (self->changed,
                                                                              proof->id)));
    g_autofree char *now = g_steal_pointer (&subtitle);

    /* Translators: a history row whose verdict changed when the trust lists did */
    subtitle = g_strdup_printf (_("%s · changed, was %s"), now, cl_banner_kind_title (before));
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cl_banner_kind_title (kind), -1);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From History"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from history"), -1);
  g_object_set_data_full (G_OBJECT (remove), "proof-id", g_strdup (proof->id), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self,
                           G_CONNECT_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  /* Verify again, while the file is still where it was verified. */
  {
    g_autofree char *path = proof_path (proof);

    if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
      GtkWidget *again = gtk_button_new_from_icon_name ("view-refresh-symbolic");

      gtk_widget_set_valign (again, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (again, "flat");
      gtk_widget_set_tooltip_text (again, _("Verify Again"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (again), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Verify again"), -1);
      g_object_set_data_full (G_OBJECT (again), "path", g_steal_pointer (&path), g_free);
      g_signal_connect_object (again, "clicked", G_CALLBACK (verify_again_clicked_cb), self,
                               G_CONNECT_DEFAULT);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), again);
    }
  }
  return row;
}


static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ClHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proofs = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *child;

  self->loads_running--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;

  if (proofs == NULL) {
    gtk_label_set_label (self->error_label, error->message);
    gtk_stack_set_visible_child_name (self->stack, "error");
    return;
  }
  for (guint i = 0; i < proofs->len; i++) {
    ClProof *proof = g_ptr_array_index (proofs, i);

    if (gtk_drop_down_get_selected (self->kind_dropdown) == FILTER_CHANGED &&
        !g_hash_table_contains (self->changed, proof->id))
      continue;
    gtk_list_box_append (self->list, proof_row (self, proof));
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
verify_again_clicked_cb (GtkButton     *button,
                         ClHistoryPage *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_object_get_data (G_OBJECT (button), "path"));

  g_signal_emit (self, signals[VERIFY_AGAIN], 0, file);
}


static void
remove_clicked_cb (GtkButton     *button,
                   ClHistoryPage *self)
{
  start_load (self, g_object_get_data (G_OBJECT (button), "proof-id"));
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
cl_history_page_dispose (GObject *object)
{
  ClHistoryPage *self = CL_HISTORY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->recheck_cancellable);
  g_clear_object (&self->recheck_cancellable);
  if (self->trust_watch != 0) {
    cl_trust_store_unwatch_default (self->trust_watch);
    self->trust_watch = 0;
  }
  g_clear_handle_id (&self->recheck_source, g_source_remove);

  G_OBJECT_CLASS (cl_history_page_parent_class)->dispose (object);
}


static void
cl_history_page_finalize (GObject *object)
{
  ClHistoryPage *self = CL_HISTORY_PAGE (object);

  g_free (self->database);
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
   * The trust lists changed and verifying the history again flipped some verdicts;
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
  self->trust_watch = cl_trust_store_watch_default (trust_changed_cb, self);
}


GtkWidget *
cl_history_page_new (void)
{
  return g_object_new (CL_TYPE_HISTORY_PAGE, NULL);
}
