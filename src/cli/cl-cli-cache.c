/* cl-cli-cache.c: `credlink-cli cache`, the local proof cache from the command line.
 *
 *   cache list [--kind signed|verified] [--search TEXT] [--limit N] [--json]
 *   cache show ID [--json]
 *   cache remove ID
 *   cache purge --expired
 *   cache export FILE.json
 *   cache stats [--json]
 *
 * Every subcommand takes --db PATH; the environment variable CREDLINK_PROOF_DB does the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "cl-cli-cache.h"
#include "cl-cli-common.h"
#include "cl-i18n.h"
#include "cl-proof-cache.h"

typedef struct {
  char     *db_path;
  char     *kind;
  char     *search;
  int       limit;
  gboolean  json;
  gboolean  expired;
} CacheOptions;

typedef int (*CacheCommandFunc) (ClProofCache  *cache,
                                 CacheOptions  *options,
                                 char         **args);

typedef struct {
  const char       *name;
  const char       *arguments;   /* untranslated, e.g. "ID"; NULL for none */
  const char       *summary;     /* untranslated */
  guint             n_args;
  CacheCommandFunc  run;
  const GOptionEntry *entries;
} CacheCommand;


static void
cache_options_clear (CacheOptions *options)
{
  g_free (options->db_path);
  g_free (options->kind);
  g_free (options->search);
}


static char *
format_time (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M:%SZ") : g_strdup ("—");
}


static int
run_list (ClProofCache  *cache,
          CacheOptions  *options,
          char         **args)
{
  ClProofFilter filter = CL_PROOF_FILTER_INIT;
  g_autoptr(GPtrArray) proofs = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  if (options->kind != NULL) {
    if (!cl_proof_kind_from_string (options->kind, &filter.kind)) {
      g_printerr (_("credlink-cli cache list: --kind is “signed” or “verified”, not “%s”\n"),
                  options->kind);
      return CL_CLI_EXIT_USAGE;
    }
    filter.any_kind = FALSE;
  }
  if (options->limit < 0) {
    g_printerr (_("credlink-cli cache list: --limit cannot be negative\n"));
    return CL_CLI_EXIT_USAGE;
  }
  filter.limit = (guint) options->limit;
  filter.search = options->search;

  proofs = cl_proof_cache_list (cache, &filter, &error);
  if (proofs == NULL) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }

  if (options->json) {
    g_autoptr(JsonArray) array = json_array_sized_new (proofs->len);
    g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

    for (i = 0; i < proofs->len; i++)
      json_array_add_element (array, cl_proof_to_json (g_ptr_array_index (proofs, i), FALSE));
    json_node_set_array (root, array);
    cl_cli_print_json (root, TRUE);
    return CL_CLI_EXIT_OK;
  }

  if (proofs->len == 0) {
    printf ("%s\n", _("No proofs."));
    return CL_CLI_EXIT_OK;
  }

  printf ("%-36s  %-8s  %-11s  %-20s  %s\n",
          _("ID"), _("KIND"), _("VERDICT"), _("LAST VERIFIED"), _("SOURCE"));
  for (i = 0; i < proofs->len; i++) {
    ClProof *proof = g_ptr_array_index (proofs, i);
    g_autofree char *when = format_time (proof->last_verified);

    printf ("%-36s  %-8s  %-11s  %-20s  %s\n", proof->id,
            cl_proof_kind_to_string (proof->kind), cl_proof_verdict_to_string (proof->verdict),
            when, proof->source_name != NULL ? proof->source_name : "—");
  }

  return CL_CLI_EXIT_OK;
}


static void
print_field (const char *name,
             const char *value)
{
  printf ("%-22s %s\n", name, value != NULL ? value : "—");
}


static int
run_show (ClProofCache  *cache,
          CacheOptions  *options,
          char         **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProof) proof = cl_proof_cache_get (cache, args[0], &error);
  g_autofree char *signing_time = NULL;
  g_autofree char *first_seen = NULL;
  g_autofree char *last_verified = NULL;
  g_autofree char *expires_at = NULL;
  g_autofree char *store_size = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (proof == NULL) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }

  node = cl_proof_to_json (proof, FALSE);
  if (options->json) {
    cl_cli_print_json (node, TRUE);
    return CL_CLI_EXIT_OK;
  }

  signing_time = format_time (proof->signing_time);
  first_seen = format_time (proof->first_seen);
  last_verified = format_time (proof->last_verified);
  expires_at = format_time (proof->expires_at);
  store_size = g_format_size_full (proof->manifest_store_size, G_FORMAT_SIZE_LONG_FORMAT);

  print_field (_("ID"), proof->id);
  print_field (_("Kind"), cl_proof_kind_to_string (proof->kind));
  print_field (_("Verdict"), cl_proof_verdict_to_string (proof->verdict));
  print_field (_("Source"), proof->source_name);
  print_field (_("Content hash"), proof->content_hash);
  print_field (_("Manifest"), proof->manifest_label);
  print_field (_("Claim signature hash"), proof->claim_signature_hash);
  print_field (_("Signer"), proof->signer_subject);
  print_field (_("Signer fingerprint"), proof->signer_fingerprint);
  print_field (_("Signed at"), signing_time);
  print_field (_("First seen"), first_seen);
  print_field (_("Last verified"), last_verified);
  print_field (_("Expires"), expires_at);
  if (proof->kind == CL_PROOF_KIND_SIGNED)
    print_field (_("Manifest store"), store_size);

  if (proof->report_json != NULL) {
    JsonNode *report = json_object_get_member (json_node_get_object (node), "report");

    printf ("\n%s\n", _("Report:"));
    cl_cli_print_json (report, TRUE);
  }

  return CL_CLI_EXIT_OK;
}


static int
run_remove (ClProofCache  *cache,
            CacheOptions  *options,
            char         **args)
{
  g_autoptr(GError) error = NULL;

  if (!cl_proof_cache_remove (cache, args[0], &error)) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }
  printf (_("Removed proof %s.\n"), args[0]);

  return CL_CLI_EXIT_OK;
}


static int
run_purge (ClProofCache  *cache,
           CacheOptions  *options,
           char         **args)
{
  g_autoptr(GError) error = NULL;
  guint64 removed = 0;

  if (!options->expired) {
    g_printerr ("%s\n", _("credlink-cli cache purge: say what to purge: --expired"));
    return CL_CLI_EXIT_USAGE;
  }

  if (!cl_proof_cache_purge_expired (cache, NULL, &removed, &error)) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }
  printf (g_dngettext (GETTEXT_PACKAGE, "Removed %llu expired proof.\n",
                       "Removed %llu expired proofs.\n", removed), (unsigned long long) removed);

  return CL_CLI_EXIT_OK;
}


static int
run_export (ClProofCache  *cache,
            CacheOptions  *options,
            char         **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[0]);
  guint64 n = 0;

  if (!cl_proof_cache_export (cache, file, NULL, &n, &error)) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }
  printf (g_dngettext (GETTEXT_PACKAGE, "Exported %llu proof to %s.\n",
                       "Exported %llu proofs to %s.\n", n), (unsigned long long) n, args[0]);

  return CL_CLI_EXIT_OK;
}


static int
run_stats (ClProofCache  *cache,
           CacheOptions  *options,
           char         **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  ClProofCacheStats stats;

  if (!cl_proof_cache_get_stats (cache, &stats, &error)) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }

  if (options->json) {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "path");
    json_builder_add_string_value (builder, cl_proof_cache_get_path (cache));
    json_builder_set_member_name (builder, "signed");
    json_builder_add_int_value (builder, (gint64) stats.n_signed);
    json_builder_set_member_name (builder, "verified");
    json_builder_add_int_value (builder, (gint64) stats.n_verified);
    json_builder_set_member_name (builder, "expired");
    json_builder_add_int_value (builder, (gint64) stats.n_expired);
    json_builder_set_member_name (builder, "revocation_responses");
    json_builder_add_int_value (builder, (gint64) stats.n_revocation_responses);
    json_builder_set_member_name (builder, "database_bytes");
    json_builder_add_int_value (builder, (gint64) stats.database_bytes);
    json_builder_set_member_name (builder, "schema_version");
    json_builder_add_int_value (builder, stats.schema_version);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    cl_cli_print_json (root, TRUE);
    return CL_CLI_EXIT_OK;
  }

  size = g_format_size (stats.database_bytes);
  printf ("%-22s %s\n", _("Database"), cl_proof_cache_get_path (cache));
  printf ("%-22s %" G_GUINT64_FORMAT "\n", _("Signed proofs"), stats.n_signed);
  printf ("%-22s %" G_GUINT64_FORMAT "\n", _("Verified proofs"), stats.n_verified);
  printf ("%-22s %" G_GUINT64_FORMAT "\n", _("Expired"), stats.n_expired);
  printf ("%-22s %" G_GUINT64_FORMAT "\n", _("Revocation responses"),
          stats.n_revocation_responses);
  printf ("%-22s %s\n", _("Size on disk"), size);
  printf ("%-22s %u\n", _("Schema version"), stats.schema_version);

  return CL_CLI_EXIT_OK;
}


/* The option tables point into one CacheOptions, filled by GOptionContext. */
static CacheOptions opts;

static const GOptionEntry db_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opts.db_path,
    N_("The proof cache database (default: $CREDLINK_PROOF_DB, else "
       "$XDG_DATA_HOME/credlink/proofs.db)"), N_("PATH") },
  { NULL }
};

static const GOptionEntry list_entries[] = {
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opts.kind,
    N_("Only proofs of this kind"), "signed|verified" },
  { "search", 0, 0, G_OPTION_ARG_STRING, &opts.search,
    N_("Only proofs whose id, file, signer, manifest or hash contains TEXT"), N_("TEXT") },
  { "limit", 0, 0, G_OPTION_ARG_INT, &opts.limit, N_("At most N proofs"), "N" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, N_("Print JSON"), NULL },
  { NULL }
};

static const GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, N_("Print JSON"), NULL },
  { NULL }
};

static const GOptionEntry purge_entries[] = {
  { "expired", 0, 0, G_OPTION_ARG_NONE, &opts.expired,
    N_("Remove the proofs past their retention"), NULL },
  { NULL }
};

static const CacheCommand cache_commands[] = {
  { "list", NULL, N_("List proofs, most recently verified first"), 0, run_list, list_entries },
  { "show", "ID", N_("Show one proof and its report"), 1, run_show, json_entries },
  { "remove", "ID", N_("Remove one proof"), 1, run_remove, NULL },
  { "purge", NULL, N_("Remove expired proofs"), 0, run_purge, purge_entries },
  { "export", "FILE.json", N_("Write every proof to a JSON file"), 1, run_export, NULL },
  { "stats", NULL, N_("Count the proofs and measure the database"), 0, run_stats, json_entries },
  { NULL }
};


static void
print_cache_usage (FILE *out)
{
  const CacheCommand *cmd;

  fprintf (out, "%s\n\n",
           _("Usage: credlink-cli cache [--db PATH] COMMAND [OPTIONS…] [ARGUMENTS…]"));
  fprintf (out, "%s\n\n", _("The local proof cache: every image signed or verified here."));
  fprintf (out, "%s\n", _("Commands:"));
  for (cmd = cache_commands; cmd->name != NULL; cmd++) {
    g_autofree char *synopsis = g_strjoin (" ", cmd->name, cmd->arguments, NULL);

    fprintf (out, "  %-18s %s\n", synopsis, _(cmd->summary));
  }
  fprintf (out, "\n%s\n", _("Run “credlink-cli cache COMMAND --help” for its options."));
}


static ClProofCache *
open_cache (const char  *explicit_path,
            GError     **error)
{
  const char *path = explicit_path;

  if (path == NULL || path[0] == '\0')
    path = g_getenv ("CREDLINK_PROOF_DB");
  if (path == NULL || path[0] == '\0')
    return cl_proof_cache_open (NULL, error);

  /* A path given by hand that does not exist is most likely a typo: say so rather than
   * create a new, empty cache there. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                 _("There is no proof cache at “%s”"), path);
    return NULL;
  }

  return cl_proof_cache_open (path, error);
}


static int
run_cache_command (const CacheCommand  *cmd,
                   int                  argc,
                   char               **argv,
                   const char          *leading_db)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autofree char *parameters = g_strjoin (" ", "cache", cmd->name, cmd->arguments, NULL);
  int status;

  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(cmd->summary));
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (cmd->entries != NULL)
    g_option_context_add_main_entries (context, cmd->entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    g_printerr ("credlink-cli cache %s: %s\n", cmd->name, error->message);
    return CL_CLI_EXIT_USAGE;
  }
  /* Output for programs stays English, whatever the user's language. */
  if (opts.json)
    cl_i18n_use_untranslated ();

  /* argv[0] is the command name; then exactly its arguments. */
  if ((guint) argc != cmd->n_args + 1) {
    g_printerr (_("Usage: credlink-cli cache %s %s\n"), cmd->name,
                cmd->arguments != NULL ? cmd->arguments : "[OPTIONS…]");
    return CL_CLI_EXIT_USAGE;
  }

  cache = open_cache (opts.db_path != NULL ? opts.db_path : leading_db, &error);
  if (cache == NULL) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }

  status = cmd->run (cache, &opts, argv + 1);
  if (status == CL_CLI_EXIT_OK && !cl_proof_cache_close (cache, &error)) {
    g_printerr ("credlink-cli: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }

  return status;
}


int
cl_cli_cache_run (int    argc,
                  char **argv)
{
  gboolean want_help = FALSE;
  const GOptionEntry leading_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &want_help, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *leading_db = NULL;
  const CacheCommand *cmd;
  int status = CL_CLI_EXIT_USAGE;

  /* Options before the command: --db and --help; the command's own options follow it. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, leading_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    g_printerr ("credlink-cli cache: %s\n\n", error->message);
    print_cache_usage (stderr);
    cache_options_clear (&opts);
    return CL_CLI_EXIT_USAGE;
  }
  leading_db = g_steal_pointer (&opts.db_path);

  if (want_help || (argc >= 2 && g_str_equal (argv[1], "help"))) {
    print_cache_usage (stdout);
    return CL_CLI_EXIT_OK;
  }
  if (argc < 2) {
    print_cache_usage (stderr);
    return CL_CLI_EXIT_USAGE;
  }

  for (cmd = cache_commands; cmd->name != NULL; cmd++) {
    if (g_str_equal (argv[1], cmd->name))
      break;
  }
  if (cmd->name == NULL) {
    g_printerr (_("credlink-cli cache: unknown command “%s”\n\n"), argv[1]);
    print_cache_usage (stderr);
    return CL_CLI_EXIT_USAGE;
  }

  status = run_cache_command (cmd, argc - 1, argv + 1, leading_db);
  cache_options_clear (&opts);

  return status;
}
