/* cl-cli-verify.c: credlink-cli verify FILE|DIR… — validates the Content Credentials
 * of each file (folders are walked) on a thread pool.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <openssl/crypto.h>

#include "cl-cli-commands.h"
#include "cl-error.h"
#include "cl-file-collector.h"
#include "cl-validator.h"

typedef struct {
  char     *path;
  ClReport *report;
  GError   *error;
} VerifyJob;


static void
verify_job_free (VerifyJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->report, cl_report_unref);
  g_clear_error (&job->error);
  g_free (job);
}


static void
verify_worker (gpointer data,
               gpointer user_data)
{
  VerifyJob *job = data;

  job->report = cl_validator_verify_file (job->path, user_data, NULL, &job->error);
  /* Pool threads outlive their jobs: release OpenSSL's per-thread state now. */
  OPENSSL_thread_stop ();
}


static int
job_exit_status (VerifyJob *job)
{
  if (job->report == NULL || !job->report->has_manifest)
    return CL_CLI_EXIT_NO_CREDENTIALS;
  return cl_report_is_valid (job->report) ? CL_CLI_EXIT_OK : CL_CLI_EXIT_INVALID;
}


static const char *
job_verdict (VerifyJob *job)
{
  if (job->error != NULL)
    return g_error_matches (job->error, CL_ASSET_ERROR, CL_ASSET_ERROR_UNSUPPORTED_FORMAT) ?
           _("unsupported") :
           g_error_matches (job->error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_REMOTE) ?
           _("remote") : _("error");
  if (!job->report->has_manifest)
    return _("no credentials");
  switch (job->report->state) {
  case CL_VALIDATION_STATE_TRUSTED: return _("trusted");
  case CL_VALIDATION_STATE_VALID: return _("valid");
  case CL_VALIDATION_STATE_INVALID:
  default:
    return _("invalid");
  }
}


static void
print_human (VerifyJob *job)
{
  ClReportManifest *active;
  g_auto(GStrv) failures = NULL;

  printf ("%s\n", job->path);
  if (job->error != NULL) {
    printf ("  %s\n", job->error->message);
    return;
  }
  if (!job->report->has_manifest) {
    printf ("  %s\n", _("No Content Credentials in this file."));
    return;
  }
  active = cl_report_get_active (job->report);
  printf ("  %-14s %s\n", _("State:"), cl_validation_state_to_string (job->report->state));
  if (active != NULL) {
    if (active->title != NULL)
      printf ("  %-14s %s\n", _("Title:"), active->title);
    if (active->sig_issuer != NULL || active->sig_common_name != NULL)
      printf ("  %-14s %s%s%s\n", _("Signed by:"),
              active->sig_issuer ? active->sig_issuer : "",
              active->sig_issuer && active->sig_common_name ? " / " : "",
              active->sig_common_name ? active->sig_common_name : "");
    if (active->sig_alg != NULL)
      printf ("  %-14s %s\n", _("Algorithm:"), active->sig_alg);
    printf ("  %-14s %s\n", _("Signed at:"),
            active->sig_time != NULL ? active->sig_time : _("no time-stamp"));
    printf ("  %-14s %u\n", _("Manifests:"), job->report->manifests->len);
  }
  failures = cl_report_dup_failure_codes (job->report);
  if (failures[0] != NULL) {
    printf ("  %s\n", _("Problems:"));
    for (guint i = 0; i < job->report->statuses->len; i++) {
      ClStatus *s = g_ptr_array_index (job->report->statuses, i);

      if (s->kind == CL_STATUS_FAILURE)
        printf ("    %s%s — %s\n", s->code, s->ingredient_uri ? _(" (ingredient)") : "",
                s->explanation);
    }
  }
}


static void
print_json (VerifyJob *job,
            gboolean   pretty)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *o;

  if (job->report != NULL) {
    root = cl_report_to_json (job->report);
  } else {
    root = json_node_new (JSON_NODE_OBJECT);
    json_node_take_object (root, json_object_new ());
    json_object_set_string_member (json_node_get_object (root), "error", job->error->message);
  }
  o = json_node_get_object (root);
  json_object_set_string_member (o, "path", job->path);
  text = json_to_string (root, pretty);
  printf ("%s\n", text);
}


static int
run_verify (int    argc,
            char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("FILE|DIR…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) verify_job_free);
  GThreadPool *pool;
  ClValidatorOptions options = { NULL, NULL, NULL, FALSE };
  int status = CL_CLI_EXIT_OK;
  gboolean any_invalid = FALSE, any_missing = FALSE;

  g_set_prgname ("credlink-cli verify");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Verify the Content Credentials (C2PA) of images. Folders are walked."));
  g_option_context_set_description (context,
    _("Exit status: 0 all valid or trusted, 1 some credentials invalid,\n"
      "2 a file has no credentials or could not be read (when none is invalid)."));
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    fprintf (stderr, "credlink-cli verify: %s\n", error->message);
    return CL_CLI_EXIT_USAGE;
  }
  if (paths == NULL || paths[0] == NULL) {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

    fprintf (stderr, "%s", help);
    return CL_CLI_EXIT_USAGE;
  }
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (paths[i]));
  files = cl_file_collector_collect ((GFile **) inputs->pdata, inputs->len, NULL, &error);
  if (files == NULL) {
    fprintf (stderr, "credlink-cli verify: %s\n", error->message);
    return CL_CLI_EXIT_NO_CREDENTIALS;
  }

  /* The human summary does not show the file's SHA-256: skip that second digest. */
  options.skip_file_sha256 = !json;
  pool = g_thread_pool_new (verify_worker, &options, (gint) MAX (1, g_get_num_processors ()),
                            FALSE, NULL);
  for (guint i = 0; i < files->len; i++) {
    VerifyJob *job = g_new0 (VerifyJob, 1);

    job->path = g_file_get_path (g_ptr_array_index (files, i));
    if (job->path == NULL)
      job->path = g_file_get_uri (g_ptr_array_index (files, i));
    g_ptr_array_add (jobs, job);
    g_thread_pool_push (pool, job, NULL);
  }
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < jobs->len; i++) {
    VerifyJob *job = g_ptr_array_index (jobs, i);
    int s = job_exit_status (job);

    any_invalid |= s == CL_CLI_EXIT_INVALID;
    any_missing |= s == CL_CLI_EXIT_NO_CREDENTIALS;
    if (json)
      print_json (job, jobs->len == 1);
    else
      print_human (job);
  }
  if (!json && jobs->len > 1) {
    printf ("\n%-14s %s\n", _("Verdict"), _("File"));
    for (guint i = 0; i < jobs->len; i++) {
      VerifyJob *job = g_ptr_array_index (jobs, i);

      printf ("%-14s %s\n", job_verdict (job), job->path);
    }
  }
  if (any_invalid)
    status = CL_CLI_EXIT_INVALID;
  else if (any_missing)
    status = CL_CLI_EXIT_NO_CREDENTIALS;
  return status;
}


int cl_cli_verify (int argc, char **argv);

int
cl_cli_verify (int    argc,
               char **argv)
{
  return run_verify (argc, argv);
}
