/* cl-sign-privacy-group.c: runs the privacy preflight on the listed images and shows one
 * row per kind of disclosure: its value for one image, how many images have it for several,
 * and whether the switches remove it. Turning a switch checks again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-sign-privacy-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-privacy-preflight.h"
#include "cl-sign-privacy-group.h"
#include "cl-signing-profile-store.h"

struct _ClSignPrivacyGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  AdwActionRow        *placeholder_row;
  GtkSwitch           *remove_gps_switch;
  GtkSwitch           *remove_serials_switch;

  /* Owned references */
  GPtrArray           *rows;          /* of AdwActionRow, the ones added */
  GCancellable        *cancellable;   /* of the running check, or NULL */
  GPtrArray           *paths;         /* of char *, the images last given */
  char                *profile_name;
};

G_DEFINE_FINAL_TYPE (ClSignPrivacyGroup, cl_sign_privacy_group, ADW_TYPE_PREFERENCES_GROUP)

/* One row: a kind of disclosure and the images that have it. */
typedef struct {
  char     *what;
  char     *value;            /* of the first image that has it */
  gboolean  in_credentials;
  gboolean  removed;          /* the switches take it out of the signed copies */
  guint     n_images;
} Finding;

typedef struct {
  GPtrArray *paths;           /* of char * */
  char      *profile_name;
  gboolean   remove_gps;
  gboolean   remove_serials;
} CheckData;


static void
finding_free (Finding *finding)
{
  g_free (finding->what);
  g_free (finding->value);
  g_free (finding);
}


static void
check_data_free (CheckData *data)
{
  g_ptr_array_unref (data->paths);
  g_free (data->profile_name);
  g_free (data);
}


static char *
profile_subject (const char *profile_name)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GPtrArray) profiles = profile_name != NULL ? cl_signing_profile_store_list (root,
                                                                                       NULL)
                                                       : NULL;

  for (guint i = 0; profiles != NULL && i < profiles->len; i++) {
    ClSigningProfileSummary *summary = g_ptr_array_index (profiles, i);

    if (g_str_equal (summary->name, profile_name))
      return g_strdup (summary->subject);
  }
  return NULL;
}


static void
add_finding (GPtrArray    *findings,
             ClDisclosure *disclosure)
{
  Finding *finding;

  for (guint i = 0; i < findings->len; i++) {
    finding = g_ptr_array_index (findings, i);
    if (g_str_equal (finding->what, disclosure->what)) {
      finding->n_images++;
      return;
    }
  }
  finding = g_new0 (Finding, 1);
  finding->what = g_strdup (disclosure->what);
  finding->value = g_strdup (disclosure->value);
  finding->in_credentials = disclosure->in_credentials;
  finding->removed = disclosure->removed;
  finding->n_images = 1;
  g_ptr_array_add (findings, finding);
}


/* In the worker thread: the preflight of every image, gathered by kind. An image that
 * cannot be read is left to the signing to report. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autofree char *subject = profile_subject (data->profile_name);
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  ClSignOptions options = {
    .remove_gps = data->remove_gps,
    .remove_serials = data->remove_serials,
  };

  for (guint i = 0; i < data->paths->len && !g_cancellable_is_cancelled (cancellable); i++) {
    g_autoptr(GPtrArray) disclosures = cl_privacy_preflight (g_ptr_array_index (data->paths, i),
                                                             &options, subject, cancellable,
                                                             NULL);

    for (guint j = 0; disclosures != NULL && j < disclosures->len; j++)
      add_finding (findings, g_ptr_array_index (disclosures, j));
  }
  g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}


static void
clear_rows (ClSignPrivacyGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}


static void
add_row (ClSignPrivacyGroup *self,
         const Finding      *finding,
         guint               n_images)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *icon = finding->in_credentials ? "security-high-symbolic"
                                             : "image-x-generic-symbolic";

  if (n_images == 1 || finding->in_credentials)
    subtitle = g_strdup (finding->value);
  else
    subtitle = g_strdup_printf (ngettext ("In %u of %u image", "In %u of %u images", n_images),
                                finding->n_images, n_images);
  if (finding->removed) {
    char *removed = g_strdup_printf (_("Removed from the signed copy: %s"), subtitle);

    g_free (subtitle);
    subtitle = removed;
    icon = "edit-clear-symbolic";
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}


static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ClSignPrivacyGroup) self = user_data;
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) findings = g_task_propagate_pointer (G_TASK (result), NULL);

  if (findings == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;      /* cancelled: a newer check follows */
  g_clear_object (&self->cancellable);
  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_row), data->paths->len == 0);
  if (data->paths->len > 0 &&
      (findings->len == 0 || ((Finding *) g_ptr_array_index (findings, 0))->in_credentials)) {
    Finding nothing = { (char *) _("In the images’ metadata"),
                        (char *) _("Nothing personal found in their Exif or XMP"), FALSE, 1 };

    add_row (self, &nothing, data->paths->len);
  }
  for (guint i = 0; data->paths->len > 0 && i < findings->len; i++)
    add_row (self, g_ptr_array_index (findings, i), data->paths->len);
}


static void start_check (ClSignPrivacyGroup *self);


void
cl_sign_privacy_group_update (ClSignPrivacyGroup *self,
                              GPtrArray          *files,
                              const char         *profile_name)
{
  g_return_if_fail (CL_IS_SIGN_PRIVACY_GROUP (self));

  g_ptr_array_set_size (self->paths, 0);
  for (guint i = 0; i < files->len; i++) {
    char *path = g_file_get_path (g_ptr_array_index (files, i));

    if (path != NULL)
      g_ptr_array_add (self->paths, path);
  }
  g_free (self->profile_name);
  self->profile_name = g_strdup (profile_name);
  start_check (self);
}


void
cl_sign_privacy_group_read_options (ClSignPrivacyGroup *self,
                                    ClSignOptions      *options)
{
  g_return_if_fail (CL_IS_SIGN_PRIVACY_GROUP (self));

  options->remove_gps = gtk_switch_get_active (self->remove_gps_switch);
  options->remove_serials = gtk_switch_get_active (self->remove_serials_switch);
}


static void
start_check (ClSignPrivacyGroup *self)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  data = g_new0 (CheckData, 1);
  data->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->paths->len; i++)
    g_ptr_array_add (data->paths, g_strdup (g_ptr_array_index (self->paths, i)));
  data->profile_name = g_strdup (self->profile_name);
  data->remove_gps = gtk_switch_get_active (self->remove_gps_switch);
  data->remove_serials = gtk_switch_get_active (self->remove_serials_switch);
  task = g_task_new (NULL, self->cancellable, check_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, cl_sign_privacy_group_update);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, check_thread);
}


gboolean
cl_sign_privacy_group_get_busy (ClSignPrivacyGroup *self)
{
  g_return_val_if_fail (CL_IS_SIGN_PRIVACY_GROUP (self), FALSE);

  return self->cancellable != NULL;
}


char *
cl_sign_privacy_group_dup_summary (ClSignPrivacyGroup *self)
{
  GString *summary = g_string_new (NULL);

  g_return_val_if_fail (CL_IS_SIGN_PRIVACY_GROUP (self), NULL);

  for (guint i = 0; i < self->rows->len; i++) {
    AdwActionRow *row = g_ptr_array_index (self->rows, i);

    g_string_append_printf (summary, "%s: %s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            adw_action_row_get_subtitle (row));
  }
  return g_string_free (summary, FALSE);
}


static void
cl_sign_privacy_group_dispose (GObject *object)
{
  ClSignPrivacyGroup *self = CL_SIGN_PRIVACY_GROUP (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cl_sign_privacy_group_parent_class)->dispose (object);
}


static void
cl_sign_privacy_group_finalize (GObject *object)
{
  ClSignPrivacyGroup *self = CL_SIGN_PRIVACY_GROUP (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->paths);
  g_free (self->profile_name);
  G_OBJECT_CLASS (cl_sign_privacy_group_parent_class)->finalize (object);
}


static void
cl_sign_privacy_group_class_init (ClSignPrivacyGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_sign_privacy_group_dispose;
  object_class->finalize = cl_sign_privacy_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-sign-privacy-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSignPrivacyGroup, placeholder_row);
  gtk_widget_class_bind_template_child (widget_class, ClSignPrivacyGroup, remove_gps_switch);
  gtk_widget_class_bind_template_child (widget_class, ClSignPrivacyGroup, remove_serials_switch);
  gtk_widget_class_bind_template_callback (widget_class, start_check);
}


static void
cl_sign_privacy_group_init (ClSignPrivacyGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->paths = g_ptr_array_new_with_free_func (g_free);
}
