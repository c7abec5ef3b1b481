/* cl-cli-sign.c: credlink-cli sign — sign images with a signing profile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cl-cli-common.h"
#include "cl-cli-passphrase.h"
#include "cl-cli-profile.h"
#include "cl-cli-sign.h"
#include "cl-error.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-record.h"
#include "cl-signer.h"


#define IPTC_SOURCE_TYPE_PREFIX "http://cv.iptc.org/newscodes/digitalsourcetype/"

/* The IPTC digital source types a photographer's export can honestly claim. */
static const char * const source_types[] = {
  "digitalCapture", "computationalCapture", "negativeFilm", "positiveFilm", "print",
  "compositeCapture", "minorHumanEdits", "algorithmicallyEnhanced", "digitalArt",
  "compositeSynthetic", "trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia",
  "algorithmicMedia", "screenCapture", "virtualRecording", "dataDrivenMedia",
  NULL
};


/* The command line of sign: the option entries point into it. */
typedef struct {
  char      *profile_name;
  char      *output;
  char      *author;
  char      *title;
  char      *tsa_url;
  char      *source_type;
  char     **inputs;
  gboolean   do_not_train;
  gboolean   staple_ocsp;
  gboolean   force;
  gboolean   no_proof_cache;
} SignArguments;


static void
sign_arguments_clear (SignArguments *args)
{
  g_free (args->profile_name);
  g_free (args->output);
  g_free (args->author);
  g_free (args->title);
  g_free (args->tsa_url);
  g_free (args->source_type);
  g_strfreev (args->inputs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SignArguments, sign_arguments_clear)


static GOptionContext *
new_option_context (SignArguments *args)
{
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &args->profile_name, N_("Signing profile"),
      "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("Output file (one input) or folder (several inputs)"), "OUT" },
    { "author", 0, 0, G_OPTION_ARG_STRING, &args->author, N_("Author name (CreativeWork)"),
      "NAME" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args->title, N_("Title of the work"), "TITLE" },
    { "do-not-train", 0, 0, G_OPTION_ARG_NONE, &args->do_not_train,
      N_("Ask that the image not be used to train AI or for data mining"), NULL },
    { "tsa", 0, 0, G_OPTION_ARG_STRING, &args->tsa_url, N_("RFC 3161 time-stamp server URL"),
      "URL" },
    { "ocsp", 0, 0, G_OPTION_ARG_NONE, &args->staple_ocsp,
      N_("Staple the signing certificate's OCSP response (needs --tsa)"), NULL },
    { "source-type", 0, 0, G_OPTION_ARG_STRING, &args->source_type,
      N_("IPTC digital source type of a new image (default digitalCapture)"), "TERM" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &args->force, N_("Replace existing output files"),
      NULL },
    { "no-proof-cache", 0, 0, G_OPTION_ARG_NONE, &args->no_proof_cache,
      N_("Do not record the signed images in the local proof cache"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->inputs, NULL, N_("IN…") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context, _("Sign images with C2PA Content Credentials."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}


/* Checks what the options ask for together, and turns --source-type into its IPTC URI
 * (*source_type_uri, left NULL without it). FALSE (and said on stderr) on a bad command
 * line. */
static gboolean
check_arguments (const SignArguments  *args,
                 char                **source_type_uri)
{
  if (args->profile_name == NULL || args->output == NULL ||
      args->inputs == NULL || args->inputs[0] == NULL) {
    fprintf (stderr, "%s\n", _("Usage: credlink-cli sign --profile NAME -o OUT [--author NAME] "
                               "[--title TITLE] [--do-not-train] [--tsa URL [--ocsp]] [--source-type TERM] "
                               "[--force] IN…"));
    return FALSE;
  }
  if (args->staple_ocsp && args->tsa_url == NULL) {
    fprintf (stderr, "%s\n", _("credlink-cli sign: --ocsp needs --tsa (a stapled OCSP response "
                               "is only meaningful with a trusted time-stamp)"));
    return FALSE;
  }
  if (args->source_type != NULL) {
    if (!g_strv_contains (source_types, args->source_type)) {
      g_autofree char *known = g_strjoinv (", ", (char **) source_types);

      fprintf (stderr, _("credlink-cli sign: unknown --source-type “%s” (known: %s)\n"),
               args->source_type, known);
      return FALSE;
    }
    *source_type_uri = g_strconcat (IPTC_SOURCE_TYPE_PREFIX, args->source_type, NULL);
  }
  return TRUE;
}


/* The signing profile, unlocked with the passphrase and checked; its problems are said on
 * stderr. NULL when it cannot be loaded or used. */
static ClSigningProfile *
load_profile (const char *profile_name)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCliPassphrase) passphrase = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(GArray) problems = NULL;
  gboolean usable;

  passphrase = cl_cli_profile_unlock_secret (root, profile_name, &error);
  if (passphrase != NULL)
    profile = cl_signing_profile_store_load (root, profile_name, passphrase, &error);
  if (profile == NULL) {
    fprintf (stderr, "credlink-cli sign: %s\n", error->message);
    return NULL;
  }
  problems = cl_signing_profile_check (profile, now, &usable);
  if (problems->len > 0) {
    fprintf (stderr, _("Signing profile “%s”:\n"), profile_name);
    cl_cli_print_profile_problems (profile);
  }
  if (!usable) {
    fprintf (stderr, "%s\n", _("credlink-cli sign: the signing profile cannot be used"));
    return NULL;
  }
  return g_steal_pointer (&profile);
}


/* Every signed image leaves a proof, so stripped copies can be recognised later. NULL
 * (said on stderr) when the cache cannot be opened: the images are still signed. */
static ClProofCache *
open_proof_cache (void)
{
  g_autoptr(GError) error = NULL;
  ClProofCache *cache = cl_proof_cache_open (g_getenv ("CREDLINK_PROOF_DB"), &error);

  if (cache == NULL)
    fprintf (stderr, _("credlink-cli sign: the proof cache cannot be used (%s); the signed "
                       "images are not recorded\n"), error->message);
  return cache;
}


/* Signs one input (number i + 1 of n_inputs) into target, says so, and records its proof
 * in cache (when there is one). FALSE when it could not be signed. */
static gboolean
sign_one (ClSigningProfile    *profile,
          const ClSignOptions *options,
          ClProofCache        *cache,
          const char          *input,
          const char          *target,
          guint                i,
          guint                n_inputs)
{
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = cl_signer_sign_file (profile, options, input, target, NULL, &error);
  if (result == NULL) {
    fprintf (stderr, "[%u/%u] %s: %s\n", i + 1, n_inputs, input, error->message);
    return FALSE;
  }
  printf ("[%u/%u] %s → %s: %s %s%s%s\n", i + 1, n_inputs, input, target, _("signed"),
          result->manifest_label,
          result->parent_label != NULL ? _(", parent ") : "",
          result->parent_label != NULL ? result->parent_label : "");
  if (cache != NULL) {
    g_autoptr(GError) proof_error = NULL;

    if (!cl_sign_record_proof (cache, target, result, profile, 0, &proof_error))
      fprintf (stderr, _("  note: not recorded in the proof cache: %s\n"),
               proof_error->message);
  }
  if (options->staple_ocsp && !result->ocsp_stapled)
    fprintf (stderr, _("  note: the signing certificate names no OCSP responder; nothing "
                       "was stapled\n"));
  if (result->parent_binding == CL_PARENT_BINDING_MISMATCH)
    fprintf (stderr, _("  warning: %s was changed after its existing Content Credentials "
                       "were made; the new manifest records that they no longer match\n"),
             input);
  fflush (stdout);
  return TRUE;
}


int
cl_cli_sign_run (int    argc,
                 char **argv)
{
  g_auto(SignArguments) args = { 0, };
  g_autoptr(GOptionContext) context = new_option_context (&args);
  g_autoptr(GError) error = NULL;
  g_autofree char *source_type_uri = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  ClSignOptions options = { 0, };
  guint n_inputs, n_failed = 0;
  gboolean to_folder;

  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    fprintf (stderr, "credlink-cli sign: %s\n", error->message);
    return CL_CLI_EXIT_USAGE;
  }
  if (!check_arguments (&args, &source_type_uri))
    return CL_CLI_EXIT_USAGE;
  n_inputs = g_strv_length (args.inputs);
  to_folder = n_inputs > 1 || g_file_test (args.output, G_FILE_TEST_IS_DIR);
  if (n_inputs > 1 && !g_file_test (args.output, G_FILE_TEST_IS_DIR) &&
      g_mkdir_with_parents (args.output, 0755) != 0) {
    fprintf (stderr, _("credlink-cli sign: cannot create the output folder “%s”\n"),
             args.output);
    return CL_CLI_EXIT_FAILURE;
  }

  profile = load_profile (args.profile_name);
  if (profile == NULL)
    return CL_CLI_EXIT_FAILURE;

  options.author = args.author;
  options.title = args.title;
  options.do_not_train = args.do_not_train;
  options.tsa_url = args.tsa_url;
  options.staple_ocsp = args.staple_ocsp;
  options.force = args.force;
  options.digital_source_type = source_type_uri;
  if (!args.no_proof_cache)
    cache = open_proof_cache ();

  for (guint i = 0; i < n_inputs; i++) {
    g_autofree char *base = g_path_get_basename (args.inputs[i]);
    g_autofree char *target = to_folder ? g_build_filename (args.output, base, NULL)
                                        : g_strdup (args.output);

    if (!sign_one (profile, &options, cache, args.inputs[i], target, i, n_inputs))
      n_failed++;
  }
  if (n_failed > 0) {
    fprintf (stderr, _("credlink-cli sign: %u of %u files could not be signed\n"), n_failed,
             n_inputs);
    return CL_CLI_EXIT_FAILURE;
  }
  return CL_CLI_EXIT_OK;
}
