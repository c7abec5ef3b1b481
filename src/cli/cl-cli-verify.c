/* cl-cli-verify.c: credlink-cli verify FILE|DIR… — verifies the Content Credentials of
 * each file (folders are walked) on a thread pool: the C2PA validator, the trust lists,
 * the proof cache and the confidence breakdown (cl-verification).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "cl-cli-common.h"
#include "cl-cli-verify.h"
#include "cl-cli-verify-details.h"
#include "cl-cite-summary.h"
#include "cl-cose-crypto.h"
#include "cl-crypto-init.h"
#include "cl-error.h"
#include "cl-file-collector.h"
#include "cl-i18n.h"
#include "cl-ica-issuers.h"
#include "cl-status-text.h"
#include "cl-trust-list.h"
#include "cl-verification-crjson.h"
#include "cl-verification.h"

typedef struct {
  char           *path;
  ClVerification *verification;
} VerifyJob;


static void
verify_job_free (VerifyJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->verification, cl_verification_unref);
  g_free (job);
}


static void
verify_worker (gpointer data,
               gpointer user_data)
{
  VerifyJob *job = data;

  job->verification = cl_verify_file (job->path, user_data, NULL);
  /* Pool threads outlive their jobs: release OpenSSL's per-thread state now. */
  OPENSSL_thread_stop ();
}


static int
job_exit_status (VerifyJob *job)
{
  switch (job->verification->verdict) {
  case CL_VERDICT_TRUSTED:
  case CL_VERDICT_VALID:
    return CL_CLI_EXIT_OK;
  case CL_VERDICT_INVALID:
    return CL_CLI_EXIT_INVALID;
  case CL_VERDICT_NO_CREDENTIALS:
  case CL_VERDICT_ERROR:
  default:
    return CL_CLI_EXIT_NO_CREDENTIALS;
  }
}


/* One word for the summary table. */
static const char *
job_verdict (VerifyJob *job)
{
  GError *error = job->verification->error;

  if (error != NULL)
    return g_error_matches (error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT) ?
           _("unsupported") :
           g_error_matches (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE) ?
           _("remote") : _("error");
  switch (job->verification->verdict) {
  case CL_VERDICT_TRUSTED: return _("trusted");
  case CL_VERDICT_VALID: return _("valid");
  case CL_VERDICT_INVALID: return _("invalid");
  case CL_VERDICT_NO_CREDENTIALS:
  default:
    return _("no credentials");
  }
}


static void
print_human (VerifyJob *job)
{
  ClVerification *v = job->verification;
  ClManifestReport *active;

  printf ("%s\n", job->path);
  if (v->error != NULL) {
    printf ("  %s\n", v->error->message);
    return;
  }
  cl_cli_print_label ("  ", _("Verdict:"), 14);
  printf ("%s%s\n", cl_verdict_describe (v->verdict),
          v->recovered ? _(" (recovered from the proof cache)") : "");
  cl_cli_print_label ("  ", "", 14);
  printf ("%s\n", v->reason);
  if (v->manifest_file != NULL) {
    cl_cli_print_label ("  ", _("Manifest file:"), 14);
    printf ("%s%s\n", v->manifest_file,
            v->manifest_file_is_sidecar ? _(" (found next to the image)") : "");
  }
  for (guint i = 0; v->signals != NULL && i < v->signals->len; i++) {
    const ClSignal *signal = g_ptr_array_index (v->signals, i);
    g_autofree char *text = cl_signal_describe (signal);
    const char *warning = cl_signal_warning (signal);

    cl_cli_print_label ("  ", i == 0 ? _("Signals:") : "", 14);
    printf ("%s%s%s\n", text,
            warning != NULL ? " — " : "", warning != NULL ? warning : "");
  }
  if (!v->report->has_manifest)
    return;
  active = cl_validation_report_get_active (v->report);
  if (active != NULL) {
    if (active->title != NULL) {
      cl_cli_print_label ("  ", _("Title:"), 14);
      printf ("%s\n", active->title);
    }
    if (active->sig_issuer != NULL || active->sig_common_name != NULL) {
      cl_cli_print_label ("  ", _("Signed by:"), 14);
      printf ("%s%s%s\n",
              active->sig_issuer ? active->sig_issuer : "",
              active->sig_issuer && active->sig_common_name ? " / " : "",
              active->sig_common_name ? active->sig_common_name : "");
    }
    if (v->test_certificate) {
      cl_cli_print_label ("  ", "", 14);
      printf ("%s\n", _("Test certificate: made for testing, not a real signer"));
    }
    if (active->sig_alg != NULL) {
      const char *alg = cl_cose_alg_describe (cl_cose_alg_from_string (active->sig_alg));

      cl_cli_print_label ("  ", _("Algorithm:"), 14);
      printf ("%s\n", alg != NULL ? alg : active->sig_alg);
    }
    cl_cli_print_label ("  ", _("Signed at:"), 14);
    printf ("%s\n",
            active->sig_time != NULL ? active->sig_time : _("no time-stamp"));
  }
  if (v->trust != NULL) {
    cl_cli_print_label ("  ", _("Trust:"), 14);
    printf ("%s\n", v->trust->summary != NULL ? v->trust->summary : "");
  }
  cl_cli_print_label ("  ", _("Confidence:"), 14);
  printf ("%u / 100 (%s)\n", v->confidence->score,
          cl_confidence_level_describe (v->confidence->level));
  cl_cli_print_label ("  ", _("Manifests:"), 14);
  printf ("%u\n", v->report->manifests->len);
  if (active != NULL) {
    cl_cli_print_manifest_details (v->report, active);
  }
  {
    gboolean header = FALSE;

    for (guint i = 0; i < v->report->statuses->len; i++) {
      ClStatus *s = g_ptr_array_index (v->report->statuses, i);
      const char *text;

      if (s->kind != CL_STATUS_FAILURE)
        continue;
      if (!header)
        printf ("  %s\n", _("Problems:"));
      header = TRUE;
      /* The sentence for people, then the validator's own words where they add some
       * (which assertion, which certificate). */
      text = cl_status_text_describe (s->code);
      if (s->explanation == NULL || g_str_equal (s->explanation, text))
        printf ("    %s%s — %s\n", s->code, s->ingredient_uri ? _(" (ingredient)") : "", text);
      else
        printf ("    %s%s — %s (%s)\n", s->code, s->ingredient_uri ? _(" (ingredient)") : "",
                text, s->explanation);
    }
  }
}


/* --trust-anchors / --allowed-list / --trust-config: a store of just those lists, as
 * c2patool's trust options do; without them NULL, and cl_verify_file() reads the user's
 * installed trust lists when it first judges a signer. */
static ClTrustStore *
command_line_store (const char  *anchors,
                    const char  *allowed,
                    const char  *eku_config,
                    GError     **error)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  ClTrustList *list;

  if (anchors == NULL && allowed == NULL)
    return NULL;   /* the default lists, read when the first signer is judged */
  list = cl_trust_list_new_from_files ("command-line", CL_TRUST_LIST_KIND_USER, anchors, allowed,
                                       eku_config, error);
  if (list == NULL)
    return NULL;
  g_ptr_array_add (lists, list);
  return cl_trust_store_new (lists);
}


/* --tsa-anchors: a time-stamping list of just those anchors, judging time-stamp
 * authorities instead of the trust lists' own (C2PA 2.2 §14.4.2); without it NULL. */
static ClTrustStore *
command_line_tsa_store (const char  *tsa_anchors,
                        GError     **error)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  ClTrustList *list;

  if (tsa_anchors == NULL)
    return NULL;
  list = cl_trust_list_new_from_files ("command-line-tsa", CL_TRUST_LIST_KIND_USER_TSA,
                                       tsa_anchors, NULL, NULL, error);
  if (list == NULL)
    return NULL;
  g_ptr_array_add (lists, list);
  return cl_trust_store_new (lists);
}


/* The command line of verify: the option entries point into it. */
typedef struct {
  gboolean   json;
  gboolean   crjson;
  gboolean   summary;
  gboolean   online;
  gboolean   no_proof_cache;
  gboolean   remote;
  char      *anchors;
  char      *allowed;
  char      *eku_config;
  char      *tsa_anchors;
  char      *ica_issuers;
  char      *validation_time;
  char      *db;
  char      *manifest;
  gboolean   no_sidecar;
  char     **paths;
} VerifyArguments;


static void
verify_arguments_clear (VerifyArguments *args)
{
  g_free (args->anchors);
  g_free (args->allowed);
  g_free (args->eku_config);
  g_free (args->tsa_anchors);
  g_free (args->ica_issuers);
  g_free (args->validation_time);
  g_free (args->db);
  g_free (args->manifest);
  g_strfreev (args->paths);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VerifyArguments, verify_arguments_clear)


static GOptionContext *
new_option_context (VerifyArguments *args)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &args->json, N_("Print the report as JSON"), NULL },
    { "crjson", 0, 0, G_OPTION_ARG_NONE, &args->crjson,
      N_("Print the Content Credentials and their validation as crJSON (C2PA 2.4)"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &args->summary,
      N_("Print a plain-text summary to cite or paste into an email"), NULL },
    { "trust-anchors", 0, 0, G_OPTION_ARG_FILENAME, &args->anchors,
      N_("Trust only the anchors in this PEM file (instead of your trust lists)"), N_("PEM") },
    { "allowed-list", 0, 0, G_OPTION_ARG_FILENAME, &args->allowed,
      N_("Allowed end-entity certificates (PEM, or base64 SHA-256 lines)"), N_("PEM") },
    { "trust-config", 0, 0, G_OPTION_ARG_FILENAME, &args->eku_config,
      N_("Extra accepted EKU OIDs, one per line (store.cfg)"), N_("FILE") },
    { "tsa-anchors", 0, 0, G_OPTION_ARG_FILENAME, &args->tsa_anchors,
      N_("Trust only these time-stamp authorities (PEM; instead of your TSA lists)"),
      N_("PEM") },
    { "ica-issuers", 0, 0, G_OPTION_ARG_FILENAME, &args->ica_issuers,
      N_("Trust these CAWG identity issuers: a file of DIDs, one per line"), N_("FILE") },
    { "validation-time", 0, 0, G_OPTION_ARG_STRING, &args->validation_time,
      N_("Judge certificates as of this time instead of now (ISO 8601, UTC unless a "
         "zone is given)"), N_("TIME") },
    { "online", 0, 0, G_OPTION_ARG_NONE, &args->online,
      N_("Ask OCSP responders and CRL servers whether certificates were revoked"), NULL },
    { "remote-manifests", 0, 0, G_OPTION_ARG_NONE, &args->remote,
      N_("Download Content Credentials that an image only links to"), NULL },
    { "manifest", 'm', 0, G_OPTION_ARG_FILENAME, &args->manifest,
      N_("Check the image against this detached manifest store (.c2pa) instead of what it "
         "carries"), N_("FILE") },
    { "no-sidecar", 0, 0, G_OPTION_ARG_NONE, &args->no_sidecar,
      N_("Do not read the .c2pa file of the same name next to an image without credentials"),
      NULL },
    { "no-proof-cache", 0, 0, G_OPTION_ARG_NONE, &args->no_proof_cache,
      N_("Neither consult nor update the local proof cache"), NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &args->db,
      N_("The proof cache database (default: $CREDLINK_PROOF_DB, else your data folder)"),
      N_("PATH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->paths, NULL,
      N_("FILE|DIR…") },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Verify the Content Credentials (C2PA) of images. Folders are walked.\n"
      "Signers are judged against your trust lists (credlink-cli trust), or only\n"
      "against --trust-anchors/--allowed-list when given. Verification is offline\n"
      "unless --online or --remote-manifests is given."));
  g_option_context_set_description (context,
    _("Exit status: 0 all valid or trusted, 1 some credentials invalid,\n"
      "2 a file has no credentials or could not be read (when none is invalid)."));
  return context;
}


/* The trust the files are judged against: *store holds the command line's lists, or stays
 * NULL for the user's lists, to which --trust-config then adds *ekus; *tsa_store holds
 * --tsa-anchors, or stays NULL. FALSE (and said on stderr) when a file cannot be read. */
static gboolean
load_trust (const VerifyArguments  *args,
            ClTrustStore          **store,
            ClTrustStore          **tsa_store,
            GStrv                  *ekus)
{
  g_autoptr(GError) error = NULL;

  *store = command_line_store (args->anchors, args->allowed, args->eku_config, &error);
  if (error == NULL)
    *tsa_store = command_line_tsa_store (args->tsa_anchors, &error);
  if (error != NULL) {
    fprintf (stderr, "credlink-cli verify: %s\n", error->message);
    return FALSE;
  }
  /* With the user's lists, --trust-config adds EKUs to theirs. */
  if (args->eku_config != NULL && args->anchors == NULL && args->allowed == NULL) {
    g_autofree char *text = NULL;

    if (!g_file_get_contents (args->eku_config, &text, NULL, &error)) {
      fprintf (stderr, "credlink-cli verify: %s\n", error->message);
      return FALSE;
    }
    *ekus = cl_trust_parse_eku_config (text);
  }
  return TRUE;
}


/* --validation-time: TRUE with *when NULL when not given; FALSE (and said on stderr)
 * when it is not an ISO 8601 date and time. A time without a zone is taken as UTC. */
static gboolean
parse_validation_time (const char  *text,
                       GDateTime  **when)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  *when = NULL;
  if (text == NULL)
    return TRUE;
  *when = g_date_time_new_from_iso8601 (text, utc);
  if (*when == NULL) {
    fprintf (stderr, _("credlink-cli verify: --validation-time: “%s” is not an ISO 8601 date "
                       "and time (such as 2024-06-01T12:00:00Z)\n"), text);
    return FALSE;
  }
  return TRUE;
}


/* Says which pipes, sockets and devices named like images the folder walk left out. */
static void
print_skipped (GPtrArray *skipped)
{
  if (skipped->len == 0)
    return;
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE,
                                "credlink-cli verify: %u special file skipped (not a regular "
                                "file):\n",
                                "credlink-cli verify: %u special files skipped (not regular "
                                "files):\n", skipped->len), skipped->len);
  for (guint i = 0; i < skipped->len; i++) {
    g_autofree char *name = g_file_get_parse_name (g_ptr_array_index (skipped, i));

    fprintf (stderr, "  %s\n", name);
  }
}


/* One job for each file named, folders walked. NULL (and said on stderr) when a file or
 * folder cannot be read, or when there is no image to verify. */
static GPtrArray *
collect_jobs (char **paths)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *jobs;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (paths[i]));
  files = cl_file_collector_collect ((GFile **) inputs->pdata, inputs->len, &skipped, NULL,
                                     &error);
  if (files == NULL) {
    fprintf (stderr, "credlink-cli verify: %s\n", error->message);
    return NULL;
  }
  print_skipped (skipped);
  if (files->len == 0) {
    fprintf (stderr, "%s\n", _("credlink-cli verify: no images found"));
    return NULL;
  }

  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) verify_job_free);
  for (guint i = 0; i < files->len; i++) {
    VerifyJob *job = g_new0 (VerifyJob, 1);

    job->path = g_file_get_path (g_ptr_array_index (files, i));
    if (job->path == NULL)
      job->path = g_file_get_uri (g_ptr_array_index (files, i));
    g_ptr_array_add (jobs, job);
  }
  return jobs;
}


/* One connection for the whole batch; the pool's threads take turns on it. A cache that
 * cannot be opened is said, and the files are verified without it. */
static ClProofCache *
open_proof_cache (ClVerifyOptions *options)
{
  g_autoptr(GError) error = NULL;

  if (!options->use_proof_cache)
    return NULL;
  options->proof_cache = cl_proof_cache_open (options->proof_db, &error);
  if (options->proof_cache == NULL) {
    fprintf (stderr, _("credlink-cli verify: the proof cache cannot be used (%s); "
                       "verifying without it\n"), error->message);
    options->use_proof_cache = FALSE;
  }
  return options->proof_cache;
}


/* One file is verified right here; several in parallel on a pool. */
static void
verify_jobs (GPtrArray       *jobs,
             ClVerifyOptions *options)
{
  GThreadPool *pool;

  if (jobs->len == 1) {
    verify_worker (g_ptr_array_index (jobs, 0), options);
    return;
  }
  pool = g_thread_pool_new (verify_worker, options, (gint) MAX (1, g_get_num_processors ()),
                            FALSE, NULL);
  for (guint i = 0; i < jobs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (jobs, i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}


/* A file's crJSON document; a file without one is said on stderr. */
static void
print_crjson (VerifyJob *job,
              GDateTime *validation_time,
              gboolean   pretty)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = cl_verification_to_crjson (job->verification, validation_time,
                                                        &error);

  if (root == NULL)
    fprintf (stderr, "credlink-cli verify: %s: %s\n", job->path, error->message);
  else
    cl_cli_print_json (root, pretty);
}


/* Prints each file's report, then (in words, for several files) a table of verdicts, and
 * returns the exit status: invalid credentials outweigh missing ones. */
static int
print_reports (GPtrArray *jobs,
               gboolean   json,
               gboolean   crjson,
               gboolean   summary,
               GDateTime *validation_time)
{
  gboolean any_invalid = FALSE, any_missing = FALSE;

  for (guint i = 0; i < jobs->len; i++) {
    VerifyJob *job = g_ptr_array_index (jobs, i);
    int s = job_exit_status (job);

    any_invalid |= s == CL_CLI_EXIT_INVALID;
    any_missing |= s == CL_CLI_EXIT_NO_CREDENTIALS;
    if (crjson) {
      print_crjson (job, validation_time, jobs->len == 1);
    } else if (json) {
      g_autoptr(JsonNode) root = cl_verification_to_json (job->verification);

      cl_cli_print_json (root, jobs->len == 1);
    } else if (summary) {
      g_autoptr(ClCiteSummary) cite = cl_cite_summary_new (job->verification, NULL);
      g_autofree char *text = cl_cite_summary_to_text (cite);

      printf ("%s%s", i > 0 ? "\n" : "", text);
    } else {
      print_human (job);
    }
  }
  if (!json && !crjson && !summary && jobs->len > 1) {
    cl_cli_print_label ("\n", _("Verdict"), 14);
    printf ("%s\n", _("File"));
    for (guint i = 0; i < jobs->len; i++) {
      VerifyJob *job = g_ptr_array_index (jobs, i);

      cl_cli_print_label ("", job_verdict (job), 14);
      printf ("%s\n", job->path);
    }
  }
  if (any_invalid)
    return CL_CLI_EXIT_INVALID;
  if (any_missing)
    return CL_CLI_EXIT_NO_CREDENTIALS;
  return CL_CLI_EXIT_OK;
}


int
cl_cli_verify_run (int    argc,
                   char **argv)
{
  g_auto(VerifyArguments) args = { 0, };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ClCryptoInit) crypto_init = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClTrustStore) tsa_store = NULL;
  g_autoptr(GDateTime) validation_time = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_auto(GStrv) ekus = NULL;
  g_auto(GStrv) ica_issuers = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;

  g_set_prgname ("credlink-cli verify");
  context = new_option_context (&args);
  /* --help prints and exits inside the parse: no thread may be running then. */
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    fprintf (stderr, "credlink-cli verify: %s\n", error->message);
    return CL_CLI_EXIT_USAGE;
  }
  /* Output for programs stays English, whatever the user's language. */
  if (args.json || args.crjson)
    cl_i18n_use_untranslated ();
  if (args.paths == NULL || args.paths[0] == NULL) {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

    fprintf (stderr, "%s", help);
    return CL_CLI_EXIT_USAGE;
  }
  if (args.manifest != NULL && args.paths[1] != NULL) {
    fprintf (stderr, "credlink-cli verify: %s\n", _("--manifest checks one image"));
    return CL_CLI_EXIT_USAGE;
  }
  if (!parse_validation_time (args.validation_time, &validation_time))
    return CL_CLI_EXIT_USAGE;
  /* OpenSSL sets itself up while the trust lists are read and the files found and opened;
   * every return below joins it (g_autoptr). */
  crypto_init = cl_crypto_init_start ();
  if (!load_trust (&args, &store, &tsa_store, &ekus))
    return CL_CLI_EXIT_USAGE;
  if (args.ica_issuers != NULL) {
    ica_issuers = cl_ica_issuers_load (args.ica_issuers, &error);
    if (ica_issuers == NULL) {
      fprintf (stderr, "credlink-cli verify: %s\n", error->message);
      return CL_CLI_EXIT_USAGE;
    }
  }
  jobs = collect_jobs (args.paths);
  if (jobs == NULL)
    return CL_CLI_EXIT_NO_CREDENTIALS;

  options.trust_store = store;
  options.tsa_store = tsa_store;
  options.validation_time = validation_time;
  options.online = args.online;
  options.fetch_remote_manifests = args.remote;
  options.manifest_path = args.manifest;
  options.no_sidecar = args.no_sidecar;
  options.extra_ekus = ekus;
  options.ica_issuers = ica_issuers;
  options.use_proof_cache = !args.no_proof_cache;
  options.proof_db = args.db != NULL ? args.db : g_getenv ("CREDLINK_PROOF_DB");
  cache = open_proof_cache (&options);
  /* The human report shows neither the file's SHA-256 nor its content hash (the citeable
   * summary shows the first): skip the digests that are not also the data hash. */
  options.skip_file_sha256 = !args.json && !args.summary;
  options.skip_content_sha256 = !args.json && !args.crjson && !args.summary;
  options.keep_manifest_store = args.crjson;
  verify_jobs (jobs, &options);
  return print_reports (jobs, args.json, args.crjson, args.summary, validation_time);
}
