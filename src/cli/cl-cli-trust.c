/* cl-cli-trust.c: credlink-cli trust list|import|remove|refresh|check-chain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-cli-common.h"
#include "cl-cli-trust.h"
#include "cl-conforming-products.h"
#include "cl-i18n.h"
#include "cl-trust-chain.h"
#include "cl-trust-list-fetch.h"
#include "cl-trust-store.h"
#include "cl-x509.h"

static char *opt_trust_dir;


static const char *
trust_dir (char **owned)
{
  if (opt_trust_dir != NULL)
    return opt_trust_dir;
  return *owned = cl_trust_store_default_dir ();
}


static GOptionContext *
new_context (const char         *parameters,
             const char         *summary,
             const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);
  const GOptionEntry common[] = {
    { "trust-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_trust_dir,
      N_("Folder of the trust lists (default: $XDG_DATA_HOME/credlink/trust)"), N_("DIR") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}


static gboolean
parse (GOptionContext  *context,
       int             *argc,
       char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error)) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return FALSE;
  }
  return TRUE;
}


/* A trust list's counts in words, such as "12 anchors, 1 allowed certificate". */
static char *
format_list_counts (ClTrustList *list)
{
  guint n_anchors = cl_trust_list_get_anchors (list)->len;
  guint n_allowed = cl_trust_list_get_n_allowed (list);
  g_autofree char *anchors = g_strdup_printf (ngettext ("%u anchor", "%u anchors", n_anchors),
                                              n_anchors);
  g_autofree char *allowed = g_strdup_printf (ngettext ("%u allowed certificate",
                                                        "%u allowed certificates", n_allowed),
                                              n_allowed);

  /* Translators: a trust list's counts: "12 anchors, 1 allowed certificate" */
  return g_strdup_printf (_("%s, %s"), anchors, allowed);
}

static int
run_list (int    argc,
          char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = new_context ("", _("List the installed trust lists."), entries);
  g_autofree char *owned = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *lists;

  if (!parse (context, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  /* Output for programs stays English, whatever the user's language. */
  if (json)
    cl_i18n_use_untranslated ();
  store = cl_trust_store_load (trust_dir (&owned), &error);
  if (store == NULL) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }
  lists = cl_trust_store_get_lists (store);

  json_builder_begin_array (builder);
  for (guint i = 0; i < lists->len; i++) {
    ClTrustList *list = g_ptr_array_index (lists, i);
    g_autofree char *snapshot = cl_trust_list_get_snapshot (list) != 0
                                ? cl_unix_to_iso8601 (cl_trust_list_get_snapshot (list))
                                : g_strdup (_("unknown"));
    g_autofree char *label = cl_trust_list_dup_label (list);

    if (json) {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cl_trust_list_get_name (list));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     cl_trust_list_kind_to_string (cl_trust_list_get_kind (list)));
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, label);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, cl_trust_list_get_source (list));
      json_builder_set_member_name (builder, "snapshot");
      json_builder_add_string_value (builder, snapshot);
      json_builder_set_member_name (builder, "anchors");
      json_builder_add_int_value (builder, cl_trust_list_get_anchors (list)->len);
      json_builder_set_member_name (builder, "allowed");
      json_builder_add_int_value (builder, cl_trust_list_get_n_allowed (list));
      json_builder_end_object (builder);
    } else {
      g_autofree char *counts = format_list_counts (list);

      printf ("%s\t%s\n", cl_trust_list_get_name (list), label);
      /* Translators: the counts of a trust list ("12 anchors, 0 allowed certificates"),
       * then the date of its snapshot */
      printf (_("\t%s, snapshot %s\n"), counts, snapshot);
      printf (_("\tsource: %s\n"), cl_trust_list_get_source (list));
    }
  }
  json_builder_end_array (builder);

  if (json) {
    g_autoptr(JsonNode) root = json_builder_get_root (builder);

    cl_cli_print_json (root, TRUE);
  } else if (lists->len == 0) {
    printf ("%s\n", _("No trust lists are installed. Run “credlink-cli trust refresh” to download the official C2PA lists, or “credlink-cli trust import” to add your own."));
  }
  for (const char * const *p = cl_trust_store_get_problems (store); *p != NULL; p++)
    fprintf (stderr, _("credlink-cli trust: skipped a list: %s\n"), *p);
  return CL_CLI_EXIT_OK;
}


static int
run_import (int    argc,
            char **argv)
{
  char *kind_text = NULL;
  char *allowed = NULL;
  char *eku_config = NULL;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("user (default), user-tsa, c2pa, c2pa-tsa or legacy"), N_("KIND") },
    { "allowed", 0, 0, G_OPTION_ARG_FILENAME, &allowed,
      N_("Allowed end-entity certificates (PEM, or base64 SHA-256 lines)"), N_("FILE") },
    { "trust-config", 0, 0, G_OPTION_ARG_FILENAME, &eku_config,
      N_("Extra accepted EKU OIDs, one per line (store.cfg)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = new_context (_("NAME [ANCHORS.pem]"),
                                                   _("Import a trust list from PEM files."), entries);
  g_autofree char *owned = NULL;
  g_autoptr(ClTrustList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *counts = NULL;
  ClTrustListKind kind = CL_TRUST_LIST_KIND_USER;
  int status = CL_CLI_EXIT_OK;

  if (!parse (context, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc < 2 || argc > 3 || (argc == 2 && allowed == NULL) ||
      (kind_text != NULL && !cl_trust_list_kind_from_string (kind_text, &kind))) {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

    fprintf (stderr, "%s", help);
    status = CL_CLI_EXIT_USAGE;
    goto out;
  }
  list = cl_trust_list_new_from_files (argv[1], kind, argc == 3 ? argv[2] : NULL, allowed,
                                       eku_config, &error);
  if (list == NULL || !cl_trust_list_install (list, trust_dir (&owned), &error)) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    status = CL_CLI_EXIT_FAILURE;
    goto out;
  }
  label = cl_trust_list_dup_label (list);
  counts = format_list_counts (list);
  /* Translators: the file, the counts of the list ("12 anchors, 0 allowed certificates"),
   * then its kind */
  printf (_("Imported “%s”: %s (%s)\n"), argv[1], counts, label);

out:
  g_free (kind_text);
  g_free (allowed);
  g_free (eku_config);
  return status;
}


static int
run_remove (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = new_context (_("NAME"), _("Remove a trust list."), NULL);
  g_autofree char *owned = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse (context, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc != 2) {
    fprintf (stderr, "%s\n", _("Usage: credlink-cli trust remove NAME"));
    return CL_CLI_EXIT_USAGE;
  }
  if (!cl_trust_store_remove_list (trust_dir (&owned), argv[1], &error)) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }
  printf (_("Removed “%s”\n"), argv[1]);
  return CL_CLI_EXIT_OK;
}


static int
run_refresh (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = new_context (_("[c2pa] [c2pa-tsa] [legacy]"),
                                                   _("Download the published trust lists (default: the official C2PA lists). This is the only command that goes online for trust lists."),
                                                   NULL);
  g_autofree char *owned = NULL;
  const char *defaults[] = { "c2pa", "c2pa-tsa", NULL };
  int status = CL_CLI_EXIT_OK;

  if (!parse (context, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  for (int i = 1; i < argc; i++) {
    if (cl_trust_list_source_lookup (argv[i]) == NULL) {
      fprintf (stderr, _("credlink-cli trust: no published list is called “%s”\n"), argv[i]);
      return CL_CLI_EXIT_USAGE;
    }
  }
  for (int i = 0; argc > 1 ? i < argc - 1 : defaults[i] != NULL; i++) {
    const char *name = argc > 1 ? argv[i + 1] : defaults[i];
    const ClTrustListSource *source = cl_trust_list_source_lookup (name);
    g_autoptr(GError) error = NULL;
    g_autoptr(ClTrustList) list = NULL;
    guint n_anchors;

    printf (_("Downloading %s from %s…\n"), name, source->anchors_url);
    list = cl_trust_list_fetch (source, trust_dir (&owned), NULL, NULL, &error);
    if (list == NULL) {
      fprintf (stderr, "credlink-cli trust: %s: %s\n", name, error->message);
      status = CL_CLI_EXIT_FAILURE;
      continue;
    }
    n_anchors = cl_trust_list_get_anchors (list)->len;
    printf (ngettext ("Installed “%s”: %u anchor\n", "Installed “%s”: %u anchors\n",
                      n_anchors), name, n_anchors);
  }
  return status;
}


/* The chain in a PEM file, signer first, as DER. NULL (and said on stderr) when it cannot
 * be read. */
static GPtrArray *
load_chain (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certs = cl_x509_load_pem_file (path, &error);
  GPtrArray *chain;

  if (certs == NULL) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return NULL;
  }
  chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < certs->len; i++)
    g_ptr_array_add (chain, cl_x509_to_der (g_ptr_array_index (certs, i)));
  return chain;
}


/* The installed trust lists, with the lists of --anchors and --allowed before them for this
 * run. NULL (and said on stderr) when a list cannot be read. */
static ClTrustStore *
load_store (const char *anchors,
            const char *allowed)
{
  g_autofree char *owned = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTrustStore) loaded = cl_trust_store_load (trust_dir (&owned), &error);
  g_autoptr(GPtrArray) lists = NULL;
  GPtrArray *installed;
  ClTrustList *extra;

  if (loaded == NULL) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return NULL;
  }
  if (anchors == NULL && allowed == NULL)
    return g_steal_pointer (&loaded);

  extra = cl_trust_list_new_from_files ("command-line", CL_TRUST_LIST_KIND_USER,
                                        anchors, allowed, NULL, &error);
  if (extra == NULL) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return NULL;
  }
  lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_ptr_array_add (lists, extra);
  installed = cl_trust_store_get_lists (loaded);
  for (guint i = 0; i < installed->len; i++)
    g_ptr_array_add (lists, cl_trust_list_ref (g_ptr_array_index (installed, i)));
  return cl_trust_store_new (lists);
}


/* The extra EKU OIDs of a store.cfg file into *ekus. FALSE (and said on stderr) when it
 * cannot be read. */
static gboolean
load_eku_config (const char  *path,
                 GStrv       *ekus)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error)) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return FALSE;
  }
  *ekus = cl_trust_parse_eku_config (text);
  return TRUE;
}


static void
print_trust_result (ClTrustResult *result,
                    gboolean       json)
{
  if (json) {
    g_autoptr(JsonNode) node = cl_trust_result_to_json (result);

    cl_cli_print_json (node, TRUE);
  } else {
    g_autofree char *text = cl_trust_result_to_text (result);

    printf ("%s", text);
  }
}


static int
run_check_chain (int    argc,
                 char **argv)
{
  g_autofree char *at = NULL;
  g_autofree char *anchors = NULL;
  g_autofree char *allowed = NULL;
  g_autofree char *eku_config = NULL;
  gboolean online = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_("Judge at this trusted time (ISO 8601, or @SECONDS) instead of now"), N_("TIME") },
    { "online", 0, 0, G_OPTION_ARG_NONE, &online,
      N_("Ask OCSP responders and CRL servers named in the certificates"), NULL },
    { "anchors", 0, 0, G_OPTION_ARG_FILENAME, &anchors,
      N_("Also trust these anchors (PEM) for this run"), N_("FILE") },
    { "allowed", 0, 0, G_OPTION_ARG_FILENAME, &allowed,
      N_("Also trust these end-entity certificates (PEM, or base64 SHA-256 lines) for this run"),
      N_("FILE") },
    { "trust-config", 0, 0, G_OPTION_ARG_FILENAME, &eku_config,
      N_("Extra accepted EKU OIDs, one per line (store.cfg)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = new_context (_("CHAIN.pem"),
                                                   _("Judge a certificate chain (signer first) as CredLink judges a content-credential signer."),
                                                   entries);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustResult) result = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_auto(GStrv) ekus = NULL;
  ClTrustSettings settings = { 0 };
  gint64 at_unix;

  if (!parse (context, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  /* Output for programs stays English, whatever the user's language. */
  if (json)
    cl_i18n_use_untranslated ();
  if (argc != 2 || (at != NULL && !cl_unix_from_string (at, &at_unix))) {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

    fprintf (stderr, "%s", help);
    return CL_CLI_EXIT_USAGE;
  }
  if (at != NULL)
    when = g_date_time_new_from_unix_utc (at_unix);

  chain = load_chain (argv[1]);
  if (chain == NULL)
    return CL_CLI_EXIT_NO_CREDENTIALS;
  store = load_store (anchors, allowed);
  if (store == NULL)
    return CL_CLI_EXIT_FAILURE;
  if (eku_config != NULL) {
    if (!load_eku_config (eku_config, &ekus))
      return CL_CLI_EXIT_FAILURE;
    settings.extra_ekus = (const char * const *) ekus;
  }
  settings.online = online;
  settings.cache = cl_revocation_cache_get_default ();

  result = cl_trust_evaluate (store, chain, when, NULL, &settings, NULL);
  print_trust_result (result, json);
  return result->trusted ? CL_CLI_EXIT_OK : CL_CLI_EXIT_INVALID;
}


/* Installs the C2PA conforming products list, or says which one is installed. */
static int
run_products (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context =
    new_context (_("[LIST.json]"),
                 _("Install the C2PA conforming products list (JSON), or say which one is "
                   "installed. Signers are then named by the product they are."), NULL);
  g_autofree char *owned = NULL;
  g_autofree char *installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  guint n = 0;

  if (!parse (context, &argc, &argv))
    return CL_CLI_EXIT_USAGE;
  if (argc > 2) {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

    fprintf (stderr, "%s", help);
    return CL_CLI_EXIT_USAGE;
  }
  if (argc == 2) {
    if (!cl_conforming_products_install (argv[1], trust_dir (&owned), &n, &error)) {
      fprintf (stderr, "credlink-cli trust: %s\n", error->message);
      return CL_CLI_EXIT_FAILURE;
    }
    printf (ngettext ("Installed the conforming products list: %u product\n",
                      "Installed the conforming products list: %u products\n", n), n);
    return CL_CLI_EXIT_OK;
  }
  installed = g_build_filename (trust_dir (&owned), CL_CONFORMING_PRODUCTS_FILE, NULL);
  if (!g_file_test (installed, G_FILE_TEST_IS_REGULAR)) {
    printf ("%s\n", _("No conforming products list is installed. Install one with "
                      "“credlink-cli trust products FILE”."));
    return CL_CLI_EXIT_OK;
  }
  products = cl_conforming_products_load (installed, &error);
  if (products == NULL) {
    fprintf (stderr, "credlink-cli trust: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }
  printf (ngettext ("Conforming products list: %u product (%s)\n",
                    "Conforming products list: %u products (%s)\n", products->len),
          products->len, installed);
  return CL_CLI_EXIT_OK;
}


static const ClCliCommand trust_commands[] = {
  { "list", N_("List the installed trust lists"), run_list },
  { "import", N_("Import a trust list from PEM files"), run_import },
  { "remove", N_("Remove a trust list"), run_remove },
  { "refresh", N_("Download the published trust lists"), run_refresh },
  { "products", N_("Install the C2PA conforming products list"), run_products },
  { "check-chain", N_("Judge a PEM certificate chain"), run_check_chain },
  { NULL, NULL, NULL },
};


static void
print_trust_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: credlink-cli trust COMMAND [OPTIONS…]"));
  for (const ClCliCommand *cmd = trust_commands; cmd->name != NULL; cmd++)
    fprintf (out, "  %-12s %s\n", cmd->name, _(cmd->summary));
}


int
cl_cli_trust_run (int    argc,
                  char **argv)
{
  int status;

  if (argc < 2) {
    print_trust_usage (stderr);
    return CL_CLI_EXIT_USAGE;
  }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")) {
    print_trust_usage (stdout);
    return CL_CLI_EXIT_OK;
  }
  for (const ClCliCommand *cmd = trust_commands; cmd->name != NULL; cmd++) {
    if (g_str_equal (argv[1], cmd->name)) {
      g_autofree char *prgname = g_strdup_printf ("credlink-cli trust %s", cmd->name);

      /* So that --help reads "Usage: credlink-cli trust check-chain …". */
      g_set_prgname (prgname);
      status = cmd->run (argc - 1, argv + 1);
      g_clear_pointer (&opt_trust_dir, g_free);
      return status;
    }
  }
  fprintf (stderr, _("credlink-cli trust: unknown command “%s”\n"), argv[1]);
  print_trust_usage (stderr);
  return CL_CLI_EXIT_USAGE;
}
