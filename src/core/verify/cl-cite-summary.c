/* cl-cite-summary.c: the citeable summary of one verification (see the header): the
 * file, the check, the verdict and its warning, and one section per kind of fact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-action-text.h"
#include "cl-camera-data.h"
#include "cl-cite-summary.h"
#include "cl-edit-timeline.h"
#include "cl-ingredient-tree.h"
#include "cl-limits.h"
#include "cl-status-text.h"
#include "cl-x509.h"


/* Text from the file as one clean line: valid UTF-8, no control characters (a title
 * could hold a line break or an escape sequence), at most CL_LIMIT_CITE_VALUE_CHARS. */
static char *
clean_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *line = g_string_sized_new (strlen (valid));
  glong n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (n_chars == CL_LIMIT_CITE_VALUE_CHARS) {
      g_string_append (line, "\u2026");
      break;
    }
    if (g_unichar_iscntrl (c))
      c = ' ';
    g_string_append_unichar (line, c);
    n_chars++;
  }
  return g_string_free (line, FALSE);
}


static void
cite_item_free (ClCiteItem *item)
{
  g_free (item->label);
  g_free (item->value);
  g_free (item);
}


static void
cite_section_free (ClCiteSection *section)
{
  g_free (section->title);
  g_ptr_array_unref (section->items);
  g_free (section);
}


static ClCiteSection *
section_new (const char *title)
{
  ClCiteSection *section = g_new0 (ClCiteSection, 1);

  section->title = g_strdup (title);
  section->items = g_ptr_array_new_with_free_func ((GDestroyNotify) cite_item_free);
  return section;
}


/* Adds "label: value" (label NULL: value alone); nothing when value is NULL or empty. */
static void
add (ClCiteSection *section,
     const char    *label,
     const char    *value)
{
  ClCiteItem *item;

  if (value == NULL || *value == '\0')
    return;
  item = g_new0 (ClCiteItem, 1);
  item->label = g_strdup (label);
  item->value = clean_line (value);
  g_ptr_array_add (section->items, item);
}


/* Keeps section in the summary when it says something. */
static void
keep (ClCiteSummary *summary,
      ClCiteSection *section)
{
  if (section->items->len > 0)
    g_ptr_array_add (summary->sections, section);
  else
    cite_section_free (section);
}


static ClManifestReport *
active_manifest (ClVerification *verification)
{
  if (verification->report == NULL || !verification->report->has_manifest)
    return NULL;
  return cl_validation_report_get_active (verification->report);
}


static void
add_signals (ClCiteSummary  *summary,
             ClVerification *verification)
{
  ClCiteSection *section = section_new (_("Provenance signals"));

  for (guint i = 0; verification->signals != NULL && i < verification->signals->len; i++) {
    const ClSignal *signal = g_ptr_array_index (verification->signals, i);
    g_autofree char *text = cl_signal_describe (signal);
    const char *warning = cl_signal_warning (signal);
    g_autofree char *line = warning != NULL ? g_strdup_printf ("%s (%s)", text, warning) : NULL;

    add (section, NULL, line != NULL ? line : text);
  }
  keep (summary, section);
}


static void
add_signer (ClCiteSummary  *summary,
            ClVerification *verification)
{
  ClCiteSection *section = section_new (_("Signer"));
  ClManifestReport *manifest = active_manifest (verification);
  ClTrustResult *trust = verification->trust;
  X509 *signer = trust != NULL && trust->certs->len > 0
                 ? ((ClCertReport *) g_ptr_array_index (trust->certs, 0))->cert : NULL;
  g_autofree char *name = signer != NULL ? cl_x509_display_name (signer) : NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *issuer = NULL;

  if (signer != NULL) {
    organisation = cl_x509_name_get (X509_get_subject_name (signer), NID_organizationName);
    issuer = cl_x509_name_get (X509_get_issuer_name (signer), NID_commonName);
    if (issuer == NULL)
      issuer = cl_x509_name_get (X509_get_issuer_name (signer), NID_organizationName);
  }
  add (section, _("Name"), name != NULL ? name : manifest != NULL ? manifest->sig_common_name
                                                                  : NULL);
  add (section, _("Organisation"), organisation != NULL ? organisation
                                   : manifest != NULL ? manifest->sig_issuer : NULL);
  add (section, _("Issued by"), issuer);
  if (verification->test_certificate)
    add (section, _("Certificate"), _("Test certificate (made for testing, not a real signer)"));
  if (trust != NULL)
    add (section, _("Trust"), trust->summary);
  keep (summary, section);
}


static const char *
identity_state (const ClIdentityReport *identity)
{
  switch (cl_identity_report_get_state (identity, NULL)) {
  case CL_IDENTITY_STATE_INVALID:
    return _("not valid");
  case CL_IDENTITY_STATE_UNTRUSTED_ISSUER:
    return _("signature valid, issuer not on your trust lists");
  case CL_IDENTITY_STATE_VERIFIED:
    return _("verified");
  case CL_IDENTITY_STATE_NOT_CHECKED:
  default:
    return _("not checked");
  }
}


/* "Jane Doe · @jane · https://example.com/jane (Instagram, 2025-05-03T10:00:00Z)". */
static char *
describe_account (const ClVerifiedIdentity *account)
{
  const char *parts[] = { account->name, account->username, account->address, account->uri };
  const char *provider = account->provider_name != NULL ? account->provider_name
                                                        : account->provider_id;
  g_autoptr(GString) text = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++) {
    if (parts[i] == NULL)
      continue;
    if (text->len > 0)
      g_string_append (text, " · ");
    g_string_append (text, parts[i]);
  }
  if (provider != NULL && account->verified_at != NULL)
    /* Translators: an account, who verified it and when */
    return g_strdup_printf (_("%s, verified by %s at %s"), text->str, provider,
                            account->verified_at);
  if (provider != NULL)
    /* Translators: an account and who verified it */
    return g_strdup_printf (_("%s, verified by %s"), text->str, provider);
  return g_string_free (g_steal_pointer (&text), FALSE);
}


static void
add_identities (ClCiteSummary  *summary,
                ClVerification *verification)
{
  ClCiteSection *section = section_new (_("Identities (CAWG)"));
  ClManifestReport *manifest = active_manifest (verification);

  for (guint i = 0; manifest != NULL && manifest->identities != NULL &&
                    i < manifest->identities->len; i++) {
    const ClIdentityReport *identity = g_ptr_array_index (manifest->identities, i);
    const char *who = identity->cert_organization != NULL ? identity->cert_organization
                      : identity->cert_common_name != NULL ? identity->cert_common_name
                      : identity->issuer_did != NULL ? identity->issuer_did : identity->sig_type;
    /* Translators: who an identity assertion names (or who issued it), and its state */
    g_autofree char *line = g_strdup_printf (_("%s (%s)"), who != NULL ? who : _("unknown"),
                                             identity_state (identity));

    add (section, _("Identity"), line);
    if (identity->cert_common_name != NULL && identity->cert_organization != NULL)
      add (section, _("Name"), identity->cert_common_name);
    add (section, _("Issued by"), identity->cert_issuer);
    for (guint a = 0; identity->verified_identities != NULL &&
                      a < identity->verified_identities->len; a++) {
      g_autofree char *account = describe_account (g_ptr_array_index (identity->verified_identities, a));

      add (section, _("Verified account"), account);
    }
  }
  keep (summary, section);
}


static void
add_time (ClCiteSummary  *summary,
          ClVerification *verification)
{
  ClCiteSection *section = section_new (_("Time evidence"));
  ClManifestReport *manifest = active_manifest (verification);
  gboolean trusted = verification->trust != NULL && verification->trust->time_is_trusted;

  if (manifest == NULL) {
    cite_section_free (section);
    return;
  }
  if (manifest->sig_time == NULL) {
    add (section, NULL, _("No time-stamp: nothing proves when it was signed"));
  } else {
    add (section, _("Claimed time"), manifest->sig_time);
    add (section, _("Time-stamp authority"), manifest->tsa_name != NULL ? manifest->tsa_name
                                                                         : _("not named"));
    add (section, _("Time-stamp"), trusted ? _("trusted") : _("not trusted"));
  }
  keep (summary, section);
}


static void
add_edits (ClCiteSummary  *summary,
           ClVerification *verification)
{
  ClCiteSection *section = section_new (_("Edits"));
  ClManifestReport *manifest = active_manifest (verification);
  g_autoptr(GPtrArray) steps = manifest != NULL ? cl_edit_timeline_collect (manifest) : NULL;

  section->numbered = TRUE;

  for (guint i = 0; steps != NULL && i < steps->len; i++) {
    ClEditStep *step = g_ptr_array_index (steps, i);
    const char *extras[] = { step->app, step->when };
    g_autoptr(GString) line = g_string_new (NULL);

    g_string_append (line, step->phrase != NULL ? step->phrase : step->action);
    if (step->ingredients != NULL)
      /* Translators: after an edit, the ingredient it used: ": “photo.jpg”"; use the
       * quotation marks of your language */
      g_string_append_printf (line, _(": \u201c%s\u201d"), step->ingredients);
    for (gsize e = 0; e < G_N_ELEMENTS (extras); e++)
      if (extras[e] != NULL)
        g_string_append_printf (line, " · %s", extras[e]);
    add (section, NULL, line->str);
  }
  keep (summary, section);
}


static void
add_camera (ClCiteSummary  *summary,
            ClVerification *verification)
{
  ClCiteSection *section = section_new (_("Camera and place"));
  ClManifestReport *manifest = active_manifest (verification);
  g_autoptr(GPtrArray) facts = manifest != NULL ? cl_camera_data_collect (manifest) : NULL;

  for (guint i = 0; facts != NULL && i < facts->len; i++) {
    ClCameraFact *fact = g_ptr_array_index (facts, i);
    g_autofree char *value = fact->uri != NULL
      ? g_strdup_printf ("%s (%s)", fact->value, fact->uri) : g_strdup (fact->value);

    add (section, fact->name, value);
  }
  keep (summary, section);
}


/* The ingredient's own verdict, as the ingredient tree decides it: its first failure,
 * else whether it has credentials of its own. */
static char *
ingredient_verdict (ClIngredientNode *node)
{
  g_auto(GStrv) failures = cl_ingredient_node_dup_failures (node);

  if (failures[0] != NULL)
    return g_strdup (cl_status_text_describe (failures[0]) != NULL
                     ? cl_status_text_describe (failures[0]) : failures[0]);
  if (node->manifest_label != NULL)
    return g_strdup (_("its credentials are valid"));
  return g_strdup (_("no Content Credentials of its own"));
}


static void
add_ingredients (ClCiteSummary  *summary,
                 ClVerification *verification)
{
  ClCiteSection *section = section_new (_("Ingredients"));
  g_autoptr(ClIngredientTree) tree = active_manifest (verification) != NULL
    ? cl_ingredient_tree_new (verification->report) : NULL;

  for (guint i = 0; tree != NULL && i < tree->roots->len; i++) {
    ClIngredientNode *node = g_ptr_array_index (tree->roots, i);
    const char *how = cl_action_text_relationship (node->relationship);
    g_autofree char *verdict = ingredient_verdict (node);
    g_autofree char *line = NULL;

    if (how == NULL)
      how = node->relationship != NULL ? node->relationship : _("relationship not given");
    /* Translators: an ingredient in the summary: its title in quotation marks, how it was
     * used, its own verdict */
    line = g_strdup_printf (_("\u201c%s\u201d · %s · %s"),
                            node->title != NULL ? node->title : _("untitled"), how, verdict);
    add (section, NULL, line);
  }
  keep (summary, section);
}


static const char *
kind_label (ClStatusKind kind)
{
  switch (kind) {
  case CL_STATUS_FAILURE:
    return _("Failure");
  case CL_STATUS_INFORMATIONAL:
    return _("Information");
  case CL_STATUS_SUCCESS:
  default:
    return _("Success");
  }
}


/* Every status the validator logged, failures first, then the informational, then the
 * successes, each in the order logged. */
static void
add_codes (ClCiteSummary  *summary,
           ClVerification *verification)
{
  static const ClStatusKind order[] = {
    CL_STATUS_FAILURE, CL_STATUS_INFORMATIONAL, CL_STATUS_SUCCESS,
  };
  ClCiteSection *section = section_new (_("Validation codes"));
  GPtrArray *statuses = verification->report != NULL ? verification->report->statuses : NULL;

  for (gsize k = 0; statuses != NULL && k < G_N_ELEMENTS (order); k++) {
    for (guint i = 0; i < statuses->len; i++) {
      ClStatus *status = g_ptr_array_index (statuses, i);
      const char *sentence = cl_status_text_describe (status->code);
      g_autofree char *line = NULL;

      if (status->kind != order[k])
        continue;
      if (sentence == NULL)
        sentence = status->explanation;
      line = g_strdup_printf ("%s%s%s%s", status->code,
                              status->ingredient_uri != NULL ? _(" (ingredient)") : "",
                              sentence != NULL ? ": " : "", sentence != NULL ? sentence : "");
      add (section, kind_label (status->kind), line);
    }
  }
  keep (summary, section);
}


/* Why the facts after the verdict should not be taken as proven, or NULL. */
static char *
verdict_warning (ClVerification *verification)
{
  switch (verification->verdict) {
  case CL_VERDICT_INVALID:
    return g_strdup (_("Warning: these Content Credentials did not validate. Nothing below is "
                       "verified: it is only what the file claims."));
  case CL_VERDICT_NO_CREDENTIALS:
    if (verification->signals != NULL && verification->signals->len > 0)
      return g_strdup (_("Warning: no Content Credentials vouch for the signals below: they "
                         "come from the file's metadata and are unverified."));
    return NULL;
  case CL_VERDICT_TRUSTED:
  case CL_VERDICT_VALID:
    if (verification->test_certificate)
      return g_strdup (_("Warning: signed with a test certificate, which says nothing about "
                         "who made the image."));
    if (verification->verdict == CL_VERDICT_VALID)
      return g_strdup (_("Note: the credentials are intact, but none of your trust lists "
                         "vouches for the signer: who signed is not verified."));
    return NULL;
  case CL_VERDICT_ERROR:
  default:
    return NULL;
  }
}


/* The trust list that decided the verdict, with the date of the copy used. */
static char *
decided_by (ClVerification *verification)
{
  ClTrustResult *trust = verification->trust;
  const char *list;
  g_autofree char *date = NULL;

  if (trust == NULL)
    return NULL;
  if (trust->list_name == NULL)
    return g_strdup (_("none of your trust lists vouches for the signer"));
  list = trust->list_label != NULL ? trust->list_label : trust->list_name;
  date = trust->list_snapshot > 0 ? cl_unix_to_iso8601 (trust->list_snapshot) : NULL;
  if (date != NULL && trust->anchor_entity != NULL)
    /* Translators: a trust list, the date of the copy used, and who it names for the signer */
    return g_strdup_printf (_("%s (copy of %s), which names %s"), list, date,
                            trust->anchor_entity);
  if (date != NULL)
    /* Translators: a trust list and the date of the copy used */
    return g_strdup_printf (_("%s (copy of %s)"), list, date);
  return g_strdup (list);
}


static ClCiteTone
verdict_tone (ClVerdict verdict)
{
  switch (verdict) {
  case CL_VERDICT_TRUSTED:
    return CL_CITE_TONE_GOOD;
  case CL_VERDICT_INVALID:
  case CL_VERDICT_ERROR:
    return CL_CITE_TONE_BAD;
  case CL_VERDICT_VALID:
  case CL_VERDICT_NO_CREDENTIALS:
  default:
    return CL_CITE_TONE_NEUTRAL;
  }
}


static char *
file_sha256_hex (ClValidationReport *report)
{
  gboolean computed = FALSE;
  GString *text;

  if (report == NULL)
    return NULL;
  for (gsize i = 0; i < sizeof report->file_sha256; i++)
    computed |= report->file_sha256[i] != 0;
  if (!computed)
    return NULL;   /* skipped (skip_file_sha256): all zero */
  text = g_string_sized_new (2 * sizeof report->file_sha256);
  for (gsize i = 0; i < sizeof report->file_sha256; i++)
    g_string_append_printf (text, "%02x", report->file_sha256[i]);
  return g_string_free (text, FALSE);
}


ClCiteSummary *
cl_cite_summary_new (ClVerification *verification,
                     GDateTime      *checked_at)
{
  ClCiteSummary *summary;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (verification != NULL, NULL);

  summary = g_new0 (ClCiteSummary, 1);
  name = g_path_get_basename (verification->path);
  summary->file_name = clean_line (name);
  summary->file_sha256 = file_sha256_hex (verification->report);
  if (checked_at != NULL)
    when = g_date_time_to_local (checked_at);
  else
    when = g_date_time_new_from_unix_local (verification->checked_at / G_USEC_PER_SEC);
  /* Numbers only, whatever the locale: "%:z" is "+01:00". */
  summary->checked_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
  summary->made_by = g_strdup_printf ("CredLink %s", PACKAGE_VERSION);
  summary->verdict = verification->verdict;
  summary->tone = verdict_tone (verification->verdict);
  summary->verdict_text = cl_verdict_describe (verification->verdict);
  summary->reason = clean_line (verification->reason != NULL ? verification->reason
                                : verification->error != NULL ? verification->error->message
                                : "");
  summary->decided_by = decided_by (verification);
  summary->warning = verdict_warning (verification);
  summary->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) cite_section_free);
  add_signals (summary, verification);
  if (verification->trust != NULL || active_manifest (verification) != NULL)
    add_signer (summary, verification);
  add_identities (summary, verification);
  add_time (summary, verification);
  add_edits (summary, verification);
  add_camera (summary, verification);
  add_ingredients (summary, verification);
  add_codes (summary, verification);
  return summary;
}


void
cl_cite_summary_free (ClCiteSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->file_name);
  g_free (summary->file_sha256);
  g_free (summary->checked_at);
  g_free (summary->made_by);
  g_free (summary->reason);
  g_free (summary->decided_by);
  g_free (summary->warning);
  g_ptr_array_unref (summary->sections);
  g_free (summary);
}
