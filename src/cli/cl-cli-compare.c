/* cl-cli-compare.c: `credlink-cli compare A B`: two files verified (offline, against the
 * installed trust lists) and put side by side: whether their image content is the same,
 * and each fact of their credentials that differs (every fact with --all).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-cli-common.h"
#include "cl-cli-compare.h"
#include "cl-crypto-init.h"
#include "cl-i18n.h"
#include "cl-json-util.h"
#include "cl-verification-compare.h"


static JsonNode *
compare_to_json (ClVerification *left,
                 ClVerification *right,
                 GPtrArray      *rows,
                 const char     *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  cl_json_builder_add_string (builder, "left", left->path);
  cl_json_builder_add_string (builder, "right", right->path);
  cl_json_builder_add_string (builder, "left_verdict", cl_verdict_to_string (left->verdict));
  cl_json_builder_add_string (builder, "right_verdict", cl_verdict_to_string (right->verdict));
  cl_json_builder_add_string (builder, "summary", summary);
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++) {
    const ClCompareRow *row = g_ptr_array_index (rows, i);

    json_builder_begin_object (builder);
    cl_json_builder_add_string (builder, "fact", row->key);
    cl_json_builder_add_string_or_null (builder, "left", row->left);
    cl_json_builder_add_string_or_null (builder, "right", row->right);
    json_builder_set_member_name (builder, "differs");
    json_builder_add_boolean_value (builder, row->differs);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}


/* A value on its own indented lines. */
static void
print_value (const char *mark,
             const char *value)
{
  g_auto(GStrv) lines = g_strsplit (value != NULL ? value : "—", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    printf ("    %s %s\n", i == 0 ? mark : " ", lines[i]);
}


static void
print_text (ClVerification *left,
            ClVerification *right,
            GPtrArray      *rows,
            const char     *summary,
            gboolean        all)
{
  guint n_differ = 0;

  printf ("A: %s\nB: %s\n%s\n", left->path, right->path, summary);
  for (guint i = 0; i < rows->len; i++) {
    const ClCompareRow *row = g_ptr_array_index (rows, i);

    if (row->differs)
      n_differ++;
    if (!row->differs && !all)
      continue;
    printf ("\n%s%s\n", row->fact, row->differs ? _(" (differs)") : "");
    print_value ("A", row->left);
    print_value ("B", row->right);
  }
  if (n_differ == 0)
    printf ("\n%s\n", _("Their credentials say the same."));
}


int
cl_cli_compare_run (int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  gboolean all = FALSE;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as JSON"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Show the facts that are the same too"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("A B") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("A B"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCryptoInit) crypto_init = NULL;
  g_autoptr(ClVerification) left = NULL;
  g_autoptr(ClVerification) right = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *summary = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  g_set_prgname ("credlink-cli compare");
  g_option_context_set_summary (context, _("Verify two files and say how their image content "
                                           "and their credentials differ."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    fprintf (stderr, "credlink-cli compare: %s\n", error->message);
    return CL_CLI_EXIT_USAGE;
  }
  /* Output for programs stays English, whatever the user's language. */
  if (json)
    cl_i18n_use_untranslated ();
  if (paths == NULL || g_strv_length (paths) != 2) {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

    fprintf (stderr, "%s", help);
    return CL_CLI_EXIT_USAGE;
  }
  crypto_init = cl_crypto_init_start ();
  options.use_proof_cache = FALSE;
  left = cl_verify_file (paths[0], &options, NULL);
  right = cl_verify_file (paths[1], &options, NULL);
  if (left->report == NULL || right->report == NULL) {
    ClVerification *failed = left->report == NULL ? left : right;

    fprintf (stderr, "credlink-cli compare: %s: %s\n", failed->path,
             failed->error != NULL ? failed->error->message : _("could not be read"));
    return CL_CLI_EXIT_NO_CREDENTIALS;
  }
  rows = cl_verification_compare (left, right);
  summary = cl_verification_compare_summary (left, right);
  if (json) {
    g_autoptr(JsonNode) root = compare_to_json (left, right, rows, summary);

    cl_cli_print_json (root, TRUE);
  } else {
    print_text (left, right, rows, summary, all);
  }
  return CL_CLI_EXIT_OK;
}
