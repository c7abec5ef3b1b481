/* cl-history-detail.c: one proof of History in a window of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-history-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-history-detail.h"
#include "cl-history-row.h"

struct _ClHistoryDetail
{
  AdwWindow             parent_instance;

  GtkButton            *again_button;
  AdwActionRow         *verdict_row;
  GtkImage             *verdict_icon;
  AdwPreferencesGroup  *image_group;
  AdwPreferencesGroup  *signer_group;
  AdwPreferencesGroup  *history_group;
};

G_DEFINE_FINAL_TYPE (ClHistoryDetail, cl_history_detail, ADW_TYPE_WINDOW)

enum {
  VERIFY_AGAIN,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];


/* A fact as a row: its name as the title, the value below it, selectable so that it can
 * be copied (a hash, a subject). Nothing is added for a missing value. */
static void
add_fact (AdwPreferencesGroup *group,
          const char          *name,
          const char          *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
#endif
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}


static void
add_time (AdwPreferencesGroup *group,
          const char          *name,
          GDateTime           *time)
{
  g_autofree char *text = cl_history_format_time (time);

  add_fact (group, name, text);
}


static void
fill (ClHistoryDetail      *self,
      const ClHistoryEntry *entry)
{
  const ClProof *proof = entry->proof;
  ClBannerKind kind = cl_history_verdict_kind (proof->verdict);
  g_autofree char *store_size = proof->manifest_store_size > 0
                                ? g_format_size (proof->manifest_store_size) : NULL;
  const char *name = proof->source_name != NULL ? proof->source_name : _("Unnamed image");

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->verdict_row),
                                 cl_banner_kind_title (kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->verdict_row),
                               proof->kind == CL_PROOF_KIND_SIGNED
                               ? _("Signed with CredLink")
                               : _("Verdict of the last verification"));
  gtk_image_set_from_icon_name (self->verdict_icon, cl_banner_kind_icon_name (kind));
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), cl_banner_kind_style_class (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cl_banner_kind_title (kind), -1);

  add_fact (self->image_group, _("Name"), name);
  add_fact (self->image_group, _("Where it was"), entry->path);
  add_fact (self->image_group, _("SHA-256 of the image"), proof->content_hash);
  add_fact (self->image_group, _("Manifest"), proof->manifest_label);
  add_fact (self->image_group, _("Size of the credentials kept"), store_size);

  add_fact (self->signer_group, _("Name"), entry->signer_name);
  add_fact (self->signer_group, _("Certificate subject"), proof->signer_subject);
  add_fact (self->signer_group, _("Certificate SHA-256"), proof->signer_fingerprint);
  add_time (self->signer_group, _("Signed"), proof->signing_time);
  gtk_widget_set_visible (GTK_WIDGET (self->signer_group), proof->signer_subject != NULL ||
                                                           proof->signing_time != NULL);

  add_time (self->history_group, _("First seen"), proof->first_seen);
  add_time (self->history_group, _("Last verified"), proof->last_verified);
  add_time (self->history_group, _("Kept until"), proof->expires_at);

  gtk_widget_set_visible (GTK_WIDGET (self->again_button),
                          entry->path != NULL &&
                          g_file_test (entry->path, G_FILE_TEST_IS_REGULAR));
}


GtkWidget *
cl_history_detail_new (const ClHistoryEntry *entry)
{
  ClHistoryDetail *self = g_object_new (CL_TYPE_HISTORY_DETAIL, NULL);

  g_return_val_if_fail (entry != NULL, NULL);

  fill (self, entry);
  return GTK_WIDGET (self);
}


static void
again_clicked_cb (ClHistoryDetail *self)
{
  g_signal_emit (self, signals[VERIFY_AGAIN], 0);
  gtk_window_close (GTK_WINDOW (self));
}


static void
cl_history_detail_class_init (ClHistoryDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-history-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ClHistoryDetail, again_button);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryDetail, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryDetail, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryDetail, image_group);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryDetail, signer_group);
  gtk_widget_class_bind_template_child (widget_class, ClHistoryDetail, history_group);
  gtk_widget_class_bind_template_callback (widget_class, again_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /**
   * ClHistoryDetail::verify-again:
   *
   * The person asked to verify the image again where it was.
   */
  signals[VERIFY_AGAIN] = g_signal_new ("verify-again", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
}


static void
cl_history_detail_init (ClHistoryDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
