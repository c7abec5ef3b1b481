/* cl-window.c: the main window: the Verify page (files that arrive by drop,
 * Open… or the command line, and their verification) and the History page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-file-list.h"
#include "cl-app-services.h"
#include "cl-history-page.h"
#include "cl-preferences-window.h"
#include "cl-sign-page.h"
#include "cl-trust-offer.h"
#include "cl-verify-file-filter.h"
#include "cl-verify-page.h"
#include "cl-window.h"

struct _ClWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  ClVerifyPage         *verify_page;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *drop_revealer;
  AdwViewStack         *view_stack;
  ClSignPage           *sign_page;
  ClHistoryPage        *history_page;
  ClTrustOffer         *trust_offer;

  /* Owned references */
  GtkFileChooserNative *chooser;

  /* Not owned: the application closes its services at shutdown, and then they are gone. */
  ClServiceRegistry    *services;
};

enum {
  PROP_0,
  PROP_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ClWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW)


/* Adds files the way a drop does: folders are walked, and a file already in the
 * list is not added twice. The single entry for drops, Open… and the command line. */
void
cl_window_open_files (ClWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (CL_IS_WINDOW (self));

  if (n_files <= 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "verify");
  cl_verify_page_add_files (self->verify_page, files, (guint) n_files);
}


ClVerifyPage *
cl_window_get_verify_page (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);

  return self->verify_page;
}


ClTrustOffer *
cl_window_get_trust_offer (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);

  return self->trust_offer;
}


ClSignPage *
cl_window_get_sign_page (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);

  return self->sign_page;
}


ClHistoryPage *
cl_window_get_history_page (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);

  return self->history_page;
}


GListModel *
cl_window_get_files (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);

  return cl_verify_page_get_items (self->verify_page);
}


static void
files_dropped_cb (GFile    **files,
                  int        n_files,
                  gpointer   user_data)
{
  cl_window_open_files (CL_WINDOW (user_data), files, n_files);
}


static void
current_drop_cb (ClWindow      *self,
                 GParamSpec    *pspec,
                 GtkDropTarget *target)
{
  gtk_revealer_set_reveal_child (self->drop_revealer,
                                 gtk_drop_target_get_current_drop (target) != NULL);
}


/* Only external drags: dragging a row of our own list onto the window is not a drop. */
static gboolean
accept_cb (GtkDropTarget *target,
           GdkDrop       *drop,
           gpointer       user_data)
{
  return gdk_drop_get_drag (drop) == NULL &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), GDK_TYPE_FILE_LIST);
}


static void
chooser_response_cb (ClWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr(GPtrArray) files = cl_file_list_from_chooser (GTK_FILE_CHOOSER (chooser));

    cl_window_open_files (self, (GFile **) files->pdata, (int) files->len);
  }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}


static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  g_autoptr(GtkFileFilter) images = cl_verify_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL) {
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
    return;
  }

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Open Images"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}


static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  cl_verify_page_clear (self->verify_page);
}


static void
remove_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "verify") == 0)
    cl_verify_page_remove_selected (self->verify_page);
}


/* Alt+Down and Alt+Up: the next or previous file, wherever the focus is on the Verify page. */
static void
select_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "verify") == 0)
    cl_verify_page_select_next (self->verify_page,
                                g_str_equal (action_name, "win.next-file") ? 1 : -1);
}


/* Alt+1, Alt+2, Alt+3: the Verify, Sign or History page, whatever the language of their
 * titles (and so of their mnemonics). */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}


static void
problem_cb (ClWindow     *self,
            const char   *message,
            ClVerifyPage *page)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}


static void
show_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);
  ClPreferencesWindow *preferences = cl_preferences_window_new (GTK_WINDOW (widget));

  if (self->services != NULL) {
    cl_preferences_window_set_scheduler (preferences,
                                         cl_service_registry_lookup (self->services,
                                                                     CL_SERVICE_SCHEDULER));
    cl_preferences_window_set_watch_folder (preferences,
                                            cl_service_registry_lookup (self->services,
                                                                        CL_SERVICE_WATCH_FOLDER));
  }

  gtk_window_present (GTK_WINDOW (preferences));
}


/* A remembered image verified again goes through the same path as a drop. */
static void
verify_again_cb (ClWindow      *self,
                 GFile         *file,
                 ClHistoryPage *page)
{
  cl_window_open_files (self, &file, 1);
  adw_view_stack_set_visible_child_name (self->view_stack, "verify");
}


/* Verdicts flipped after a trust list change: a toast here, and a desktop
 * notification for when the window is not in front. */
static void
verdicts_changed_cb (ClWindow      *self,
                     const char    *summary,
                     ClHistoryPage *page)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  AdwToast *toast = adw_toast_new (summary);

  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-changed");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  if (application != NULL) {
    g_autoptr(GNotification) notification = g_notification_new (_("History Changed"));

    g_notification_set_body (notification, summary);
    g_application_send_notification (G_APPLICATION (application), "history-changed",
                                     notification);
  }
}


static void
show_changed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ClWindow *self = CL_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "history");
  cl_history_page_show_changed (self->history_page);
}


/* The history is read when it is shown, so it is never stale and costs nothing before. */
static void
visible_page_cb (ClWindow   *self,
                 GParamSpec *pspec,
                 AdwViewStack *stack)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "history") == 0)
    cl_history_page_reload (self->history_page);
}


static void
cl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClWindow *self = CL_WINDOW (object);

  switch (prop_id) {
  case PROP_SERVICES:
    self->services = g_value_get_object (value);
    if (self->services != NULL)
      g_object_add_weak_pointer (G_OBJECT (self->services), (gpointer *) &self->services);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}


static void
cl_window_dispose (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  if (self->services != NULL) {
    g_object_remove_weak_pointer (G_OBJECT (self->services), (gpointer *) &self->services);
    self->services = NULL;
  }
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    g_clear_object (&self->chooser);
  }
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WINDOW);

  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}


static void
cl_window_class_init (ClWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = cl_window_set_property;
  object_class->dispose = cl_window_dispose;

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", "Services",
                         "The application's services (scheduler…), or NULL",
                         CL_TYPE_SERVICE_REGISTRY,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWindow, verify_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sign_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, trust_offer);
  gtk_widget_class_bind_template_callback (widget_class, problem_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", NULL,
                                   show_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.remove-file", NULL, remove_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-changed", NULL, show_changed_action);
  /* Bubble phase: a text entry with focus keeps its own Delete. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.remove-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.remove-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.show-preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.next-file", NULL, select_file_action);
  gtk_widget_class_install_action (widget_class, "win.previous-file", NULL, select_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "win.next-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "win.next-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "win.previous-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "win.previous-file", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "verify");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "sign");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "history");
}


static void
cl_window_init (ClWindow *self)
{
  GtkDropTarget *target;

  g_type_ensure (CL_TYPE_HISTORY_PAGE);
  g_type_ensure (CL_TYPE_SIGN_PAGE);
  g_type_ensure (CL_TYPE_TRUST_OFFER);
  g_type_ensure (CL_TYPE_VERIFY_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_page, "verify-again",
                           G_CALLBACK (verify_again_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_page, "verdicts-changed",
                           G_CALLBACK (verdicts_changed_cb), self, G_CONNECT_SWAPPED);

  target = cl_file_list_add_drop_target (GTK_WIDGET (self), files_dropped_cb, self);
  g_signal_connect_object (target, "accept", G_CALLBACK (accept_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (target, "notify::current-drop",
                           G_CALLBACK (current_drop_cb), self, G_CONNECT_SWAPPED);
}


ClWindow *
cl_window_new (GtkApplication *application)
{
  return g_object_new (CL_TYPE_WINDOW, "application", application, NULL);
}
