/* cl-sign-identity-row.c: the identity row — switched on, it names a stored profile
 * whose certificate is the photographer's own and asks for its passphrase (or its
 * token's PIN); the Sign page unlocks it after the signing profile and the signer adds a
 * CAWG X.509 identity assertion made with it. The passphrase is never stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-identity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-error.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-identity-row.h"
#include "cl-sign-tasks.h"

struct _ClSignIdentityRow
{
  AdwExpanderRow        parent_instance;

  /* Template widgets */
  AdwComboRow          *profile_row;
  AdwPasswordEntryRow  *passphrase_row;

  /* Owned references */
  GListModel           *names;
  char                 *chosen;     /* the profile last chosen, kept across reloads */
  char                 *root;       /* the profile store */
};

G_DEFINE_FINAL_TYPE (ClSignIdentityRow, cl_sign_identity_row, ADW_TYPE_EXPANDER_ROW)


static const char *
name_at (ClSignIdentityRow *self,
         guint              position)
{
  if (self->names == NULL || position >= g_list_model_get_n_items (self->names))
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (self->names), position);
}


static void
selected_cb (ClSignIdentityRow *self)
{
  const char *name = name_at (self, adw_combo_row_get_selected (self->profile_row));

  if (name == NULL)
    return;
  if (g_strcmp0 (name, self->chosen) != 0)
    /* A passphrase belongs to the profile it was typed for. */
    gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  g_free (self->chosen);
  self->chosen = g_strdup (name);
}


/* Chooses name in the list; FALSE when it is not listed. */
static gboolean
choose (ClSignIdentityRow *self,
        const char        *name)
{
  for (guint i = 0; name != NULL && name_at (self, i) != NULL; i++) {
    if (g_strcmp0 (name_at (self, i), name) == 0) {
      adw_combo_row_set_selected (self->profile_row, i);
      return TRUE;
    }
  }
  return FALSE;
}


/* The profiles were listed again: the same one stays chosen while it exists. */
static void
names_changed_cb (ClSignIdentityRow *self)
{
  g_autofree char *chosen = g_strdup (self->chosen);

  if (!choose (self, chosen))
    selected_cb (self);
}


void
cl_sign_identity_row_set_profiles (ClSignIdentityRow *self,
                                   GListModel        *names)
{
  g_return_if_fail (CL_IS_SIGN_IDENTITY_ROW (self));
  g_return_if_fail (GTK_IS_STRING_LIST (names));

  if (self->names != NULL)
    g_signal_handlers_disconnect_by_data (self->names, self);
  g_set_object (&self->names, names);
  adw_combo_row_set_model (self->profile_row, names);
  g_signal_connect_object (names, "items-changed", G_CALLBACK (names_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  names_changed_cb (self);
}


gboolean
cl_sign_identity_row_select (ClSignIdentityRow *self,
                             const char        *name)
{
  g_return_val_if_fail (CL_IS_SIGN_IDENTITY_ROW (self), FALSE);

  if (!choose (self, name))
    return FALSE;
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), TRUE);
  return TRUE;
}


const char *
cl_sign_identity_row_get_selected (ClSignIdentityRow *self)
{
  g_return_val_if_fail (CL_IS_SIGN_IDENTITY_ROW (self), NULL);

  if (!adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self)))
    return NULL;
  return name_at (self, adw_combo_row_get_selected (self->profile_row));
}


static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClSignIdentityRow *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(ClSigningProfile) profile =
    cl_sign_task_load_profile_finish_checked (result, &problem, &error);

  if (profile == NULL) {
    if (g_error_matches (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE))
      gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
    g_task_return_error (task, error);
    return;
  }
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
  if (problem != NULL) {
    g_task_return_new_error (task, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                             _("The identity “%s” cannot be used: %s"),
                             cl_signing_profile_get_name (profile), problem);
    return;
  }
  g_task_return_pointer (task, g_steal_pointer (&profile),
                         (GDestroyNotify) cl_signing_profile_unref);
}


void
cl_sign_identity_row_unlock_async (ClSignIdentityRow   *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *name;
  const char *passphrase;

  g_return_if_fail (CL_IS_SIGN_IDENTITY_ROW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cl_sign_identity_row_unlock_async);
  name = cl_sign_identity_row_get_selected (self);
  passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  if (!adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self))) {
    g_task_return_pointer (task, NULL, NULL);
    return;
  }
  /* Switched on, it must name someone: signing without the identity asked for would
   * leave the photographer out unsaid. */
  if (name == NULL) {
    g_task_return_new_error (task, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE, "%s",
                             _("Choose the profile of the photographer’s identity, or switch "
                               "the identity off."));
    return;
  }
  if (passphrase[0] == '\0') {
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
    g_task_return_new_error (task, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                             _("Enter the passphrase or PIN of the identity “%s”."), name);
    return;
  }
  cl_sign_task_load_profile (self->root, name, passphrase, FALSE, cancellable, unlocked_cb,
                             g_steal_pointer (&task));
}


ClSigningProfile *
cl_sign_identity_row_unlock_finish (ClSignIdentityRow  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


static void
cl_sign_identity_row_dispose (GObject *object)
{
  ClSignIdentityRow *self = CL_SIGN_IDENTITY_ROW (object);

  if (self->names != NULL)
    g_signal_handlers_disconnect_by_data (self->names, self);
  g_clear_object (&self->names);
  /* The passphrase lives only as long as the page. */
  if (self->passphrase_row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  G_OBJECT_CLASS (cl_sign_identity_row_parent_class)->dispose (object);
}


static void
cl_sign_identity_row_finalize (GObject *object)
{
  ClSignIdentityRow *self = CL_SIGN_IDENTITY_ROW (object);

  g_clear_pointer (&self->chosen, g_free);
  g_clear_pointer (&self->root, g_free);
  G_OBJECT_CLASS (cl_sign_identity_row_parent_class)->finalize (object);
}


static void
cl_sign_identity_row_class_init (ClSignIdentityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_sign_identity_row_dispose;
  object_class->finalize = cl_sign_identity_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-identity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignIdentityRow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignIdentityRow, passphrase_row);
}


static void
cl_sign_identity_row_init (ClSignIdentityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_a11y_name_expander_row (ADW_EXPANDER_ROW (self));
  cl_a11y_name_password_peek (self->passphrase_row);
  self->root = cl_signing_profile_store_default_root ();
  g_signal_connect_object (self->profile_row, "notify::selected",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
}
