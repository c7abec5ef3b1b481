/* cl-verification-compare.c: two verified files side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-edit-timeline.h"
#include "cl-json-util.h"
#include "cl-signals.h"
#include "cl-status-codes.h"
#include "cl-verification-compare.h"
#include "cl-x509.h"

/* The most lines a list fact (edits, ingredients, codes) shows on one side. */
#define MAX_LIST_LINES 40


void
cl_compare_row_free (ClCompareRow *row)
{
  if (row == NULL)
    return;
  g_free (row->left);
  g_free (row->right);
  g_free (row);
}


char *
cl_manifest_generator_text (ClManifestReport *manifest)
{
  JsonArray *info;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (manifest->claim_generator_info == NULL ||
      !JSON_NODE_HOLDS_ARRAY (manifest->claim_generator_info))
    return g_strdup (manifest->claim_generator);
  info = json_node_get_array (manifest->claim_generator_info);
  for (guint i = 0; i < json_array_get_length (info); i++) {
    JsonNode *node = json_array_get_element (info, i);
    g_autofree char *name = NULL;
    g_autofree char *version = NULL;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    name = cl_json_member_text (json_node_get_object (node), "name");
    version = cl_json_member_text (json_node_get_object (node), "version");
    if (name != NULL)
      g_ptr_array_add (parts, version != NULL ? g_strdup_printf ("%s %s", name, version)
                                              : g_strdup (name));
  }
  if (parts->len == 0)
    return g_strdup (manifest->claim_generator);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}


static ClManifestReport *
active_manifest (ClVerification *verification)
{
  if (verification->report == NULL || !verification->report->has_manifest)
    return NULL;
  return cl_validation_report_get_active (verification->report);
}


static X509 *
signer_cert (ClVerification *verification)
{
  if (verification->trust == NULL || verification->trust->certs->len == 0)
    return NULL;
  return ((ClCertReport *) g_ptr_array_index (verification->trust->certs, 0))->cert;
}


static char *
signer_text (ClVerification *verification)
{
  X509 *cert = signer_cert (verification);
  ClManifestReport *manifest = active_manifest (verification);

  if (cert != NULL)
    return cl_x509_display_name (cert);
  return manifest != NULL ? g_strdup (manifest->sig_common_name) : NULL;
}


static char *
organisation_text (ClVerification *verification)
{
  X509 *cert = signer_cert (verification);

  return cert != NULL ? cl_x509_name_get (X509_get_subject_name (cert), NID_organizationName)
                      : NULL;
}


/* Lines joined with newlines, at most MAX_LIST_LINES of them; NULL for none. */
static char *
join_lines (GPtrArray *lines)
{
  GString *text;

  if (lines->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < lines->len && i < MAX_LIST_LINES; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (lines, i));
  if (lines->len > MAX_LIST_LINES)
    g_string_append (text, "\n…");
  return g_string_free (text, FALSE);
}


static char *
signals_text (ClVerification *verification)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; verification->signals != NULL && i < verification->signals->len; i++)
    g_ptr_array_add (lines, cl_signal_describe (g_ptr_array_index (verification->signals, i)));
  return join_lines (lines);
}


static char *
edits_text (ClVerification *verification)
{
  ClManifestReport *manifest = active_manifest (verification);
  g_autoptr(GPtrArray) steps = manifest != NULL ? cl_edit_timeline_collect (manifest) : NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; steps != NULL && i < steps->len; i++) {
    ClEditStep *step = g_ptr_array_index (steps, i);
    const char *what = step->phrase != NULL ? step->phrase : step->action;

    g_ptr_array_add (lines, step->app != NULL ? g_strdup_printf ("%s (%s)", what, step->app)
                                              : g_strdup (what));
  }
  return join_lines (lines);
}


static char *
ingredients_text (ClVerification *verification)
{
  ClManifestReport *manifest = active_manifest (verification);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  JsonArray *ingredients;

  if (manifest == NULL || manifest->ingredients == NULL ||
      !JSON_NODE_HOLDS_ARRAY (manifest->ingredients))
    return NULL;
  ingredients = json_node_get_array (manifest->ingredients);
  for (guint i = 0; i < json_array_get_length (ingredients); i++) {
    JsonNode *node = json_array_get_element (ingredients, i);
    char *title = JSON_NODE_HOLDS_OBJECT (node) ? cl_json_member_text (json_node_get_object (node), "title")
                                                : NULL;

    g_ptr_array_add (lines, title != NULL ? title : g_strdup (_("Untitled ingredient")));
  }
  return join_lines (lines);
}


/* g_ptr_array_sort hands over pointers to the elements. */
static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}


/* The failure codes of the validation, sorted so that the same set compares equal. */
static char *
failures_text (ClVerification *verification)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; verification->report != NULL && i < verification->report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (verification->report->statuses, i);

    if (status->kind == CL_STATUS_FAILURE &&
        !g_ptr_array_find_with_equal_func (lines, status->code, g_str_equal, NULL))
      g_ptr_array_add (lines, g_strdup (status->code));
  }
  g_ptr_array_sort (lines, compare_codes);
  return join_lines (lines);
}


static char *
hex (const guint8 *digest)
{
  GString *text = g_string_sized_new (64);

  for (guint i = 0; i < 32; i++)
    g_string_append_printf (text, "%02x", digest[i]);
  return g_string_free (text, FALSE);
}


static void
add_row (GPtrArray  *rows,
         const char *key,
         const char *fact,
         char       *left,
         char       *right)
{
  ClCompareRow *row = g_new0 (ClCompareRow, 1);

  row->key = key;
  row->fact = fact;
  row->left = left;
  row->right = right;
  row->differs = g_strcmp0 (left, right) != 0;
  g_ptr_array_add (rows, row);
}


/* The two values of one fact: from each verification, or from each active manifest. */
#define BOTH(f) f (left), f (right)
#define MANIFEST_DUP(member) \
  manifest_l != NULL ? g_strdup (manifest_l->member) : NULL, \
  manifest_r != NULL ? g_strdup (manifest_r->member) : NULL

GPtrArray *
cl_verification_compare (ClVerification *left,
                         ClVerification *right)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_compare_row_free);
  ClManifestReport *manifest_l = active_manifest (left), *manifest_r = active_manifest (right);

  g_return_val_if_fail (left != NULL && right != NULL, rows);

  add_row (rows, "verdict", _("Verdict"), g_strdup (cl_verdict_describe (left->verdict)),
           g_strdup (cl_verdict_describe (right->verdict)));
  add_row (rows, "signer", _("Signer"), BOTH (signer_text));
  add_row (rows, "organization", _("Organisation"), BOTH (organisation_text));
  add_row (rows, "signed", _("Signed"), MANIFEST_DUP (sig_time));
  add_row (rows, "claim_generator", _("Made with"),
           manifest_l != NULL ? cl_manifest_generator_text (manifest_l) : NULL,
           manifest_r != NULL ? cl_manifest_generator_text (manifest_r) : NULL);
  add_row (rows, "title", _("Title"), MANIFEST_DUP (title));
  add_row (rows, "signals", _("What it is"), BOTH (signals_text));
  add_row (rows, "edits", _("Edits"), BOTH (edits_text));
  add_row (rows, "ingredients", _("Ingredients"), BOTH (ingredients_text));
  add_row (rows, "failures", _("Problems found"), BOTH (failures_text));
  add_row (rows, "manifest", _("Manifest"), MANIFEST_DUP (label));
  add_row (rows, "content_sha256", _("Image content (SHA-256, credentials left out)"),
           left->report != NULL ? hex (left->report->content_sha256) : NULL,
           right->report != NULL ? hex (right->report->content_sha256) : NULL);
  return rows;
}


/* A digest the verification did not compute is all zeros. */
static gboolean
computed (const guint8 *digest)
{
  for (guint i = 0; i < 32; i++)
    if (digest[i] != 0)
      return TRUE;
  return FALSE;
}


char *
cl_verification_compare_summary (ClVerification *left,
                                 ClVerification *right)
{
  if (left->report == NULL || right->report == NULL)
    return g_strdup (_("One of the files could not be read"));
  if (computed (left->report->file_sha256) &&
      memcmp (left->report->file_sha256, right->report->file_sha256, 32) == 0)
    return g_strdup (_("The same file, byte for byte"));
  if (memcmp (left->report->content_sha256, right->report->content_sha256, 32) == 0)
    return g_strdup (_("The same image content: only the credentials differ"));
  return g_strdup (_("Different image content: the pixels or metadata changed"));
}
