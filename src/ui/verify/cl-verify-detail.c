/* cl-verify-detail.c: one verified file's detail; an ingredient opened from its
 * Ingredients tree is shown as a detail of its own (nested here, in place of the
 * file's own) until "Back".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-verify-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cite-summary.h"
#include "cl-detail-rows.h"
#include "cl-ingredient-page.h"
#include "cl-ingredient-verification.h"
#include "cl-pdf-report.h"
#include "cl-signed-thumbnail-group.h"
#include "cl-staged-layout.h"
#include "cl-verify-detail.h"

struct _ClVerifyDetail
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkWidget            *main_page;
  GtkWidget            *header;
  ClIngredientPage     *ingredient_page;
  GtkImage             *thumbnail;
  GtkLabel             *name_label;
  GtkLabel             *folder_label;
  ClVerdictBanner      *banner;
  ClConfidenceView     *confidence;
  ClSignerGroup        *signer;
  ClIdentitiesGroup    *identities;
  ClChainGroup         *chain;
  ClManifestGroup      *manifest;
  ClSignedThumbnailGroup *signed_thumbnail;
  ClTimelineGroup      *timeline;
  ClCameraGroup        *camera;
  ClIngredientsGroup   *ingredients;
  ClRawDataGroup       *raw_data;

  ClVerifyItem         *item;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;   /* a PDF export under way */
  /* This detail shows an ingredient of another: no confidence, so no PDF of its own. */
  gboolean              nested;
  GtkWidget            *compare_button;

  /* The groups after the verdict banner (see lay_out_later_groups). */
  ClStagedLayout       *later_groups;
};

G_DEFINE_FINAL_TYPE (ClVerifyDetail, cl_verify_detail, ADW_TYPE_BIN)


static void
update_thumbnail (ClVerifyDetail *self)
{
  GdkTexture *texture = self->item != NULL ? cl_verify_item_get_thumbnail (self->item) : NULL;

  if (texture != NULL)
    gtk_image_set_from_paintable (self->thumbnail, GDK_PAINTABLE (texture));
  else
    gtk_image_set_from_icon_name (self->thumbnail, "image-x-generic-symbolic");
}


/* The CAWG identities of the active manifest, or NULL. */
static GPtrArray *
active_identities (ClVerification *verification)
{
  ClManifestReport *manifest;

  if (verification == NULL || verification->report == NULL ||
      !verification->report->has_manifest)
    return NULL;
  manifest = cl_validation_report_get_active (verification->report);
  return manifest != NULL ? manifest->identities : NULL;
}


/* The groups after the verdict banner are filled at once but join the layout one per
 * frame: measured all in one frame (hundreds of wrapping labels), they froze the window
 * for 60–140 ms while a batch was verified. Ten frames, about 170 ms, for the whole
 * detail. A detail with nothing verified has nothing to lay out. */
static void
lay_out_later_groups (ClVerifyDetail *self)
{
  if (self->item == NULL || cl_verify_item_get_verification (self->item) == NULL)
    cl_staged_layout_finish (self->later_groups);
  else
    cl_staged_layout_start (self->later_groups);
}


gboolean
cl_verify_detail_is_laying_out (ClVerifyDetail *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_DETAIL (self), FALSE);
  return self->later_groups != NULL && cl_staged_layout_is_running (self->later_groups);
}


static void
update_verification (ClVerifyDetail *self)
{
  ClVerification *verification = self->item != NULL
                                 ? cl_verify_item_get_verification (self->item) : NULL;
  ClBannerKind kind = cl_banner_kind_for_verification (verification);
  const char *reason = NULL;

  if (verification != NULL)
    reason = verification->error != NULL && verification->reason == NULL
             ? verification->error->message : verification->reason;
  cl_verdict_banner_set_verdict (self->banner, kind, reason);
  cl_verdict_banner_set_signals (self->banner,
                                 verification != NULL ? verification->signals : NULL,
                                 verification != NULL && verification->test_certificate);
  cl_confidence_view_set_confidence (self->confidence,
                                     verification != NULL ? verification->confidence : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->confidence),
                          verification != NULL && verification->confidence != NULL &&
                          verification->verdict != CL_VERDICT_ERROR);
  cl_signer_group_set_verification (self->signer, verification);
  cl_identities_group_set_identities (self->identities, active_identities (verification));
  cl_chain_group_set_verification (self->chain, verification);
  cl_manifest_group_set_verification (self->manifest, verification);
  cl_signed_thumbnail_group_set_verification (self->signed_thumbnail, verification);
  cl_timeline_group_set_verification (self->timeline, verification);
  cl_camera_group_set_verification (self->camera, verification);
  cl_ingredients_group_set_verification (self->ingredients, verification);
  cl_raw_data_group_set_verification (self->raw_data, verification);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.export-pdf",
                                 verification != NULL && !self->nested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-summary",
                                 verification != NULL && !self->nested);
  /* Compare puts the file of the list beside another: not an ingredient inside it. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->compare_button), !self->nested);
  cl_detail_settle_labels (GTK_WIDGET (self));
  lay_out_later_groups (self);
}


static void
ingredient_back_cb (ClVerifyDetail *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->ingredient_page), FALSE);
  gtk_widget_set_visible (self->main_page, TRUE);
  cl_ingredient_page_set_content (self->ingredient_page, NULL, NULL);
}


/* The ingredient of row as a detail of its own: its manifest's verdict, signer, edits and
 * ingredients, under its title; the page scrolled back to its top. */
static void
open_ingredient_cb (ClVerifyDetail  *self,
                    ClIngredientRow *row)
{
  ClVerification *verification = self->item != NULL
                                 ? cl_verify_item_get_verification (self->item) : NULL;
  ClIngredientNode *node = cl_ingredient_row_get_node (row);
  GdkTexture *texture = cl_ingredient_row_get_thumbnail (row);
  g_autoptr(ClVerification) own = NULL;
  g_autoptr(ClVerifyItem) item = NULL;
  GtkWidget *scroller;
  ClVerifyDetail *detail;

  if (verification == NULL || verification->report == NULL || node->manifest == NULL)
    return;
  own = cl_ingredient_node_dup_verification (node, verification);
  item = cl_verify_item_new_named (cl_verify_item_get_file (self->item),
                                   node->title != NULL ? node->title : _("Untitled"));
  cl_verify_item_set_verification (item, own);
  if (texture != NULL)
    cl_verify_item_set_thumbnail (item, texture);
  detail = g_object_new (CL_TYPE_VERIFY_DETAIL, NULL);
  detail->nested = TRUE;
  cl_verify_detail_set_item (detail, item);
  cl_ingredient_page_set_content (self->ingredient_page, cl_verify_item_get_name (self->item),
                                  GTK_WIDGET (detail));
  gtk_widget_set_visible (self->main_page, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ingredient_page), TRUE);
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
}


void
cl_verify_detail_set_item (ClVerifyDetail *self,
                           ClVerifyItem   *item)
{
  g_return_if_fail (CL_IS_VERIFY_DETAIL (self));
  g_return_if_fail (item == NULL || CL_IS_VERIFY_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item != NULL) {
    GFile *file = cl_verify_item_get_file (item);
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

    gtk_label_set_label (self->name_label, cl_verify_item_get_name (item));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), cl_verify_item_get_name (item));
    gtk_label_set_label (self->folder_label, folder != NULL ? folder : "");
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_label), folder);
    g_signal_connect_swapped (item, "notify::verification",
                              G_CALLBACK (update_verification), self);
    g_signal_connect_swapped (item, "notify::thumbnail", G_CALLBACK (update_thumbnail), self);
  }
  gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), item != NULL);
  ingredient_back_cb (self);
  update_thumbnail (self);
  update_verification (self);
}


ClVerifyItem *
cl_verify_detail_get_item (ClVerifyDetail *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_DETAIL (self), NULL);
  return self->item;
}

#define GETTER(Type, name) \
  Type * \
  cl_verify_detail_get_##name (ClVerifyDetail *self) \
  { \
    g_return_val_if_fail (CL_IS_VERIFY_DETAIL (self), NULL); \
    return self->name; \
  }

GETTER (GtkLabel, name_label)
GETTER (ClVerdictBanner, banner)
GETTER (ClConfidenceView, confidence)
GETTER (ClSignerGroup, signer)
GETTER (ClIdentitiesGroup, identities)
GETTER (ClChainGroup, chain)
GETTER (ClManifestGroup, manifest)
GETTER (ClTimelineGroup, timeline)
GETTER (ClCameraGroup, camera)
GETTER (ClIngredientsGroup, ingredients)
GETTER (ClRawDataGroup, raw_data)

#undef GETTER


ClVerifyDetail *
cl_verify_detail_get_ingredient_detail (ClVerifyDetail *self)
{
  GtkWidget *content;

  g_return_val_if_fail (CL_IS_VERIFY_DETAIL (self), NULL);
  content = cl_ingredient_page_get_content (self->ingredient_page);
  return content != NULL ? CL_VERIFY_DETAIL (content) : NULL;
}


void
cl_verify_detail_focus_start (ClVerifyDetail *self)
{
  g_return_if_fail (CL_IS_VERIFY_DETAIL (self));

  /* Tab order follows where the children are allocated, and the groups below the header
   * join the layout one per frame (ClStagedLayout): a Tab into the whole detail can land
   * on a row far below the first screen, out of sight. The header is laid out at once. */
  if (!gtk_widget_child_focus (self->header, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}


GtkButton *
cl_verify_detail_get_back_button (ClVerifyDetail *self)
{
  g_return_val_if_fail (CL_IS_VERIFY_DETAIL (self), NULL);
  return cl_ingredient_page_get_back_button (self->ingredient_page);
}


static void
pdf_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cl_pdf_report_write_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("%s", error->message);
}


static void
export_response_cb (ClVerifyDetail       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  ClVerification *verification = self->item != NULL
                                 ? cl_verify_item_get_verification (self->item) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && verification != NULL) {
    g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *path = g_file_get_path (file);

    if (path != NULL)
      cl_pdf_report_write_async (verification, path, self->cancellable, pdf_written_cb, NULL);
  }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClVerifyDetail *self = CL_VERIFY_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->item == NULL || self->chooser != NULL)
    return;
  name = g_strconcat (cl_verify_item_get_name (self->item), ".pdf", NULL);
  self->chooser = gtk_file_chooser_native_new (_("Export Report as PDF"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


/* The citeable summary as plain text on the clipboard, and a toast in the window that
 * says so. */
static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClVerifyDetail *self = CL_VERIFY_DETAIL (widget);
  ClVerification *verification = self->item != NULL
                                 ? cl_verify_item_get_verification (self->item) : NULL;
  g_autoptr(ClCiteSummary) summary = NULL;
  g_autofree char *text = NULL;
  GtkWidget *overlay;

  if (verification == NULL)
    return;
  summary = cl_cite_summary_new (verification, NULL);
  text = cl_cite_summary_to_text (summary);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Summary copied")));
}


static void
cl_verify_detail_dispose (GObject *object)
{
  ClVerifyDetail *self = CL_VERIFY_DETAIL (object);

  g_clear_pointer (&self->later_groups, cl_staged_layout_free);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cl_verify_detail_parent_class)->dispose (object);
}


static void
cl_verify_detail_class_init (ClVerifyDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_verify_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-verify-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, main_page);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, header);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, ingredient_page);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, folder_label);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, banner);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, confidence);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, signer);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, identities);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, chain);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, manifest);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, signed_thumbnail);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, compare_button);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, timeline);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, camera);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, ingredients);
  gtk_widget_class_bind_template_child (widget_class, ClVerifyDetail, raw_data);
  gtk_widget_class_bind_template_callback (widget_class, ingredient_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_ingredient_cb);
  gtk_widget_class_install_action (widget_class, "detail.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "detail.copy-summary", NULL, copy_summary_action);
}


static void
cl_verify_detail_init (ClVerifyDetail *self)
{
  g_type_ensure (CL_TYPE_VERDICT_BANNER);
  g_type_ensure (CL_TYPE_CONFIDENCE_VIEW);
  g_type_ensure (CL_TYPE_SIGNER_GROUP);
  g_type_ensure (CL_TYPE_IDENTITIES_GROUP);
  g_type_ensure (CL_TYPE_CHAIN_GROUP);
  g_type_ensure (CL_TYPE_MANIFEST_GROUP);
  g_type_ensure (CL_TYPE_SIGNED_THUMBNAIL_GROUP);
  g_type_ensure (CL_TYPE_TIMELINE_GROUP);
  g_type_ensure (CL_TYPE_CAMERA_GROUP);
  g_type_ensure (CL_TYPE_INGREDIENTS_GROUP);
  g_type_ensure (CL_TYPE_RAW_DATA_GROUP);
  g_type_ensure (CL_TYPE_INGREDIENT_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkWidget *later[] = {
      GTK_WIDGET (self->confidence), GTK_WIDGET (self->signer), GTK_WIDGET (self->identities),
      GTK_WIDGET (self->chain), GTK_WIDGET (self->manifest), GTK_WIDGET (self->signed_thumbnail),
      GTK_WIDGET (self->timeline), GTK_WIDGET (self->camera), GTK_WIDGET (self->ingredients),
      GTK_WIDGET (self->raw_data),
    };

    self->later_groups = cl_staged_layout_new (GTK_WIDGET (self), later, G_N_ELEMENTS (later));
  }
  self->cancellable = g_cancellable_new ();
  update_thumbnail (self);
  update_verification (self);
  gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), FALSE);
}
