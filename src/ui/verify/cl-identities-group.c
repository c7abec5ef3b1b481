/* cl-identities-group.c: one expander row per CAWG identity assertion: who it names
 * (title), its own status in words (subtitle), and under it the credential's kind and
 * issuer and each verified claim (social account and its provider, verification time).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-identities-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-a11y.h"
#include "cl-detail-rows.h"
#include "cl-identities-group.h"
#include "cl-status-text.h"
#include "cl-x509.h"

struct _ClIdentitiesGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;   /* AdwExpanderRow, borrowed: the group owns them */
};

G_DEFINE_FINAL_TYPE (ClIdentitiesGroup, cl_identities_group, ADW_TYPE_PREFERENCES_GROUP)

/* The rows under an expander row, for lookups (GPtrArray of borrowed rows). */
#define CHILD_ROWS_KEY "cl-child-rows"


/* A time as written in the credential (RFC 3339), for people; NULL when absent. */
static char *
format_time (const char *text)
{
  gint64 when;

  if (text == NULL || *text == '\0')
    return NULL;
  if (!cl_unix_from_string (text, &when))
    return g_strdup (text);
  return cl_detail_format_time (when);
}


static char *
describe_status (ClIdentityReport *identity)
{
  const char *failure_code = NULL;

  switch (cl_identity_report_get_state (identity, &failure_code)) {
  case CL_IDENTITY_STATE_INVALID:
    /* Translators: %s says what is wrong, "The identity signature does not match" */
    return g_strdup_printf (_("Not valid: %s"), cl_status_text_describe (failure_code));
  case CL_IDENTITY_STATE_UNTRUSTED_ISSUER:
    return g_strdup (_("Signature valid, but its issuer is not on your trust lists"));
  case CL_IDENTITY_STATE_VERIFIED:
    return g_strdup (_("Verified"));
  case CL_IDENTITY_STATE_NOT_CHECKED:
  default:
    return g_strdup (_("Not checked"));
  }
}


/* The most telling name of one verified claim: the person's name, the account, the
 * address or the page. */
static const char *
verified_display_name (const ClVerifiedIdentity *verified)
{
  if (verified->name != NULL)
    return verified->name;
  if (verified->username != NULL)
    return verified->username;
  if (verified->address != NULL)
    return verified->address;
  return verified->uri;
}


static char *
identity_title (ClIdentityReport *identity)
{
  guint n = identity->verified_identities != NULL ? identity->verified_identities->len : 0;
  const char *first = NULL;

  for (guint i = 0; i < n && first == NULL; i++)
    first = verified_display_name (g_ptr_array_index (identity->verified_identities, i));
  if (first != NULL && n > 1)
    /* Translators: a name and how many more identities the same credential verifies */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other",
                                         "%s and %u others", n - 1), first, n - 1);
  if (first != NULL)
    return g_strdup (first);
  if (identity->cert_organization != NULL)
    return g_strdup (identity->cert_organization);
  if (identity->cert_common_name != NULL)
    return g_strdup (identity->cert_common_name);
  return g_strdup (_("Unknown identity"));
}


static const char *
verified_type_label (const char *type)
{
  static const struct { const char *type; const char *label; } labels[] = {
    { "cawg.social_media", N_("Social media account") },
    { "cawg.document_verification", N_("Verified document") },
    { "cawg.web_site", N_("Web site") },
    { "cawg.affiliation", N_("Affiliation") },
    { "cawg.crypto_wallet", N_("Crypto wallet") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++) {
    if (g_strcmp0 (type, labels[i].type) == 0)
      return _(labels[i].label);
  }
  return _("Verified identity");
}


/* "Jane Doe · @jane · https://example.com/jane — verified by Instagram on 3 May 2025". */
static char *
describe_verified (const ClVerifiedIdentity *verified)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *provider = verified->provider_name != NULL ? verified->provider_name
                                                         : verified->provider_id;
  g_autofree char *when = format_time (verified->verified_at);
  g_autofree char *details = NULL;

  if (verified->name != NULL)
    g_ptr_array_add (parts, verified->name);
  if (verified->username != NULL)
    g_ptr_array_add (parts, verified->username);
  if (verified->address != NULL)
    g_ptr_array_add (parts, verified->address);
  if (verified->uri != NULL)
    g_ptr_array_add (parts, verified->uri);
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **) parts->pdata);
  if (provider != NULL && when != NULL)
    /* Translators: what was verified, by which provider, and when */
    return g_strdup_printf (_("%s — verified by %s on %s"), details, provider, when);
  if (provider != NULL)
    /* Translators: what was verified and by which provider */
    return g_strdup_printf (_("%s — verified by %s"), details, provider);
  if (when != NULL)
    /* Translators: what was verified and when */
    return g_strdup_printf (_("%s — verified on %s"), details, when);
  return g_steal_pointer (&details);
}


static void
add_child (GtkWidget  *expander,
           const char *title,
           const char *value)
{
  GPtrArray *children = g_object_get_data (G_OBJECT (expander), CHILD_ROWS_KEY);
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = cl_detail_row_new (title, value);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_ptr_array_add (children, row);
}


static void
add_credential_rows (GtkWidget        *expander,
                     ClIdentityReport *identity)
{
  g_autofree char *valid_from = format_time (identity->valid_from);
  g_autofree char *valid_until = format_time (identity->valid_until);

  if (g_strcmp0 (identity->sig_type, "cawg.x509.cose") == 0) {
    add_child (expander, _("Credential"), _("X.509 certificate"));
    add_child (expander, _("Name"), identity->cert_common_name);
    add_child (expander, _("Organisation"), identity->cert_organization);
    add_child (expander, _("Issued by"), identity->cert_issuer);
  } else if (g_strcmp0 (identity->sig_type, "cawg.identity_claims_aggregation") == 0) {
    add_child (expander, _("Credential"), _("Identity claims aggregation"));
    add_child (expander, _("Issued by"), identity->issuer_did);
  } else {
    add_child (expander, _("Credential"), identity->sig_type);
  }
  add_child (expander, _("Valid from"), valid_from);
  add_child (expander, _("Valid until"), valid_until);
}


static GtkWidget *
identity_row_new (ClIdentityReport *identity)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = identity_title (identity);
  g_autofree char *status = describe_status (identity);

  cl_a11y_name_expander_row (ADW_EXPANDER_ROW (expander));
  g_object_set_data_full (G_OBJECT (expander), CHILD_ROWS_KEY, g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), status);
  add_credential_rows (expander, identity);
  for (guint i = 0; identity->verified_identities != NULL &&
                    i < identity->verified_identities->len; i++) {
    const ClVerifiedIdentity *verified = g_ptr_array_index (identity->verified_identities, i);
    g_autofree char *text = describe_verified (verified);

    add_child (expander, verified_type_label (verified->type), text);
  }
  for (guint i = 0; identity->statuses != NULL && i < identity->statuses->len; i++) {
    const ClStatus *status_entry = g_ptr_array_index (identity->statuses, i);

    if (status_entry->kind == CL_STATUS_FAILURE)
      add_child (expander, _("Problem"), cl_status_text_describe (status_entry->code));
  }
  return expander;
}


void
cl_identities_group_set_identities (ClIdentitiesGroup *self,
                                    GPtrArray         *identities)
{
  g_return_if_fail (CL_IS_IDENTITIES_GROUP (self));

  cl_detail_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  for (guint i = 0; identities != NULL && i < identities->len; i++) {
    GtkWidget *row = identity_row_new (g_ptr_array_index (identities, i));

    /* A few identities are read at a glance; many are opened one by one. */
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), identities->len <= 2);
    cl_detail_add (ADW_PREFERENCES_GROUP (self), self->rows, row);
  }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}


guint
cl_identities_group_get_n_identities (ClIdentitiesGroup *self)
{
  g_return_val_if_fail (CL_IS_IDENTITIES_GROUP (self), 0);
  return self->rows->len;
}


const char *
cl_identities_group_get_title (ClIdentitiesGroup *self,
                               guint              index)
{
  g_return_val_if_fail (CL_IS_IDENTITIES_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return adw_preferences_row_get_title (g_ptr_array_index (self->rows, index));
}


const char *
cl_identities_group_get_status (ClIdentitiesGroup *self,
                                guint              index)
{
  g_return_val_if_fail (CL_IS_IDENTITIES_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return adw_expander_row_get_subtitle (g_ptr_array_index (self->rows, index));
}


const char *
cl_identities_group_get_value (ClIdentitiesGroup *self,
                               guint              index,
                               const char        *title)
{
  g_return_val_if_fail (CL_IS_IDENTITIES_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return cl_detail_rows_lookup (g_object_get_data (g_ptr_array_index (self->rows, index),
                                                   CHILD_ROWS_KEY), title);
}


static void
cl_identities_group_finalize (GObject *object)
{
  ClIdentitiesGroup *self = CL_IDENTITIES_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cl_identities_group_parent_class)->finalize (object);
}


static void
cl_identities_group_class_init (ClIdentitiesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_identities_group_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/credlink/CredLink/cl-identities-group.ui");
}


static void
cl_identities_group_init (ClIdentitiesGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
