/* cl-history-row.c: one proof in the History list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-history-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-history-row.h"
#include "cl-verdict-banner.h"

struct _ClHistoryRow
{
  AdwActionRow     parent_instance;

  GtkImage        *status_icon;
  GtkButton       *again_button;
  GtkButton       *remove_button;

  ClHistoryEntry  *entry;
};

G_DEFINE_FINAL_TYPE (ClHistoryRow, cl_history_row, ADW_TYPE_ACTION_ROW)

enum {
  VERIFY_AGAIN,
  REMOVE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];


ClBannerKind
cl_history_verdict_kind (ClProofVerdict verdict)
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


/* "Signed · Trusted · 6 Dec 2026, 14:05 · Jane Doe", and what it was before a re-check
 * flipped it. */
static char *
describe (const ClHistoryEntry *entry,
          const ClProofVerdict *changed_from)
{
  const ClProof *proof = entry->proof;
  GString *text = g_string_new (proof->kind == CL_PROOF_KIND_SIGNED ? _("Signed")
                                                                   : _("Verified"));
  g_autofree char *when = cl_history_format_time (proof->last_verified);

  g_string_append_printf (text, " · %s", cl_banner_kind_title (cl_history_verdict_kind (proof->verdict)));
  if (when != NULL)
    g_string_append_printf (text, " · %s", when);
  if (entry->signer_name != NULL)
    g_string_append_printf (text, " · %s", entry->signer_name);
  if (changed_from != NULL) {
    /* Translators: a history row whose verdict changed when the trust lists or a
     * revocation answer did; %s is the verdict before */
    g_string_append (text, " · ");
    g_string_append_printf (text, _("changed, was %s"),
                            cl_banner_kind_title (cl_history_verdict_kind (*changed_from)));
  }
  return g_string_free (text, FALSE);
}


GtkWidget *
cl_history_row_new (ClHistoryEntry       *entry,
                    const ClProofVerdict *changed_from)
{
  ClHistoryRow *self = g_object_new (CL_TYPE_HISTORY_ROW, NULL);
  ClBannerKind kind = cl_history_verdict_kind (entry->proof->verdict);
  g_autofree char *subtitle = describe (entry, changed_from);
  const char *name = entry->proof->source_name != NULL ? entry->proof->source_name
                                                       : _("Unnamed image");

  self->entry = entry;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->status_icon, cl_banner_kind_icon_name (kind));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), cl_banner_kind_style_class (kind));
  /* Not by colour alone: the icon's shape, and its tooltip and name in words. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_icon), cl_banner_kind_title (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cl_banner_kind_title (kind), -1);
  /* Verify again, while the file is still where it was verified. */
  gtk_widget_set_visible (GTK_WIDGET (self->again_button),
                          entry->path != NULL &&
                          g_file_test (entry->path, G_FILE_TEST_IS_REGULAR));
  return GTK_WIDGET (self);
}


const ClHistoryEntry *
cl_history_row_get_entry (ClHistoryRow *self)
{
  g_return_val_if_fail (CL_IS_HISTORY_ROW (self), NULL);

  return self->entry;
}


static void
again_clicked_cb (ClHistoryRow *self)
{
  g_signal_emit (self, signals[VERIFY_AGAIN], 0);
}


static void
remove_clicked_cb (ClHistoryRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}


static void
cl_history_row_finalize (GObject *object)
{
  ClHistoryRow *self = CL_HISTORY_ROW (object);

  g_clear_pointer (&self->entry, cl_history_entry_free);

  G_OBJECT_CLASS (cl_history_row_parent_class)->finalize (object);
}


static void
cl_history_row_class_init (ClHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_history_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClHistoryRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryRow, again_button);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, again_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  /**
   * ClHistoryRow::verify-again:
   *
   * The person asked to verify the image again where it was.
   */
  signals[VERIFY_AGAIN] = g_signal_new ("verify-again", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /**
   * ClHistoryRow::remove:
   *
   * The person asked to remove the proof from History.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}


static void
cl_history_row_init (ClHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
