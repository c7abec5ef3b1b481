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


int
cl_cli_sign_run (int    argc,
                 char **argv)
{
  g_autofree char *profile_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *author = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tsa_url = NULL;
  g_autofree char *source_type = NULL;
  g_autofree char *source_type_uri = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean do_not_train = FALSE;
  gboolean staple_ocsp = FALSE;
  gboolean force = FALSE;
  gboolean no_proof_cache = FALSE;
  g_autoptr(ClProofCache) cache = NULL;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_name, N_("Signing profile"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Output file (one input) or folder (several inputs)"), "OUT" },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Author name (CreativeWork)"), "NAME" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the work"), "TITLE" },
    { "do-not-train", 0, 0, G_OPTION_ARG_NONE, &do_not_train,
      N_("Ask that the image not be used to train AI or for data mining"), NULL },
    { "tsa", 0, 0, G_OPTION_ARG_STRING, &tsa_url, N_("RFC 3161 time-stamp server URL"), "URL" },
    { "ocsp", 0, 0, G_OPTION_ARG_NONE, &staple_ocsp,
      N_("Staple the signing certificate's OCSP response (needs --tsa)"), NULL },
    { "source-type", 0, 0, G_OPTION_ARG_STRING, &source_type,
      N_("IPTC digital source type of a new image (default digitalCapture)"), "TERM" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace existing output files"), NULL },
    { "no-proof-cache", 0, 0, G_OPTION_ARG_NONE, &no_proof_cache,
      N_("Do not record the signed images in the local proof cache"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, N_("IN…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCliPassphrase) passphrase = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) problems = NULL;
  ClSignOptions options = { 0, };
  guint n_inputs, n_failed = 0;
  gboolean usable, to_folder;

  g_option_context_set_summary (context, _("Sign images with C2PA Content Credentials."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    fprintf (stderr, "credlink-cli sign: %s\n", error->message);
    return CL_CLI_EXIT_USAGE;
  }
  n_inputs = inputs != NULL ? g_strv_length (inputs) : 0;
  if (profile_name == NULL || output == NULL || n_inputs == 0) {
    fprintf (stderr, "%s\n", _("Usage: credlink-cli sign --profile NAME -o OUT [--author NAME] "
                               "[--title TITLE] [--do-not-train] [--tsa URL [--ocsp]] [--source-type TERM] "
                               "[--force] IN…"));
    return CL_CLI_EXIT_USAGE;
  }
  if (staple_ocsp && tsa_url == NULL) {
    fprintf (stderr, "%s\n", _("credlink-cli sign: --ocsp needs --tsa (a stapled OCSP response "
                               "is only meaningful with a trusted time-stamp)"));
    return CL_CLI_EXIT_USAGE;
  }
  if (source_type != NULL) {
    if (!g_strv_contains (source_types, source_type)) {
      g_autofree char *known = g_strjoinv (", ", (char **) source_types);

      fprintf (stderr, _("credlink-cli sign: unknown --source-type “%s” (known: %s)\n"),
               source_type, known);
      return CL_CLI_EXIT_USAGE;
    }
    source_type_uri = g_strconcat (IPTC_SOURCE_TYPE_PREFIX, source_type, NULL);
  }
  to_folder = n_inputs > 1 || g_file_test (output, G_FILE_TEST_IS_DIR);
  if (n_inputs > 1 && !g_file_test (output, G_FILE_TEST_IS_DIR) &&
      g_mkdir_with_parents (output, 0755) != 0) {
    fprintf (stderr, _("credlink-cli sign: cannot create the output folder “%s”\n"), output);
    return CL_CLI_EXIT_FAILURE;
  }

  passphrase = cl_cli_passphrase_get (CL_CLI_PASSPHRASE_ENV,
                                      _("Passphrase of the signing profile: "), FALSE, &error);
  if (passphrase != NULL)
    profile = cl_signing_profile_store_load (root, profile_name, passphrase, &error);
  if (profile == NULL) {
    fprintf (stderr, "credlink-cli sign: %s\n", error->message);
    return CL_CLI_EXIT_FAILURE;
  }
  problems = cl_signing_profile_check (profile, now, &usable);
  if (problems->len > 0) {
    fprintf (stderr, _("Signing profile “%s”:\n"), profile_name);
    cl_cli_print_profile_problems (profile);
  }
  if (!usable) {
    fprintf (stderr, "%s\n", _("credlink-cli sign: the signing profile cannot be used"));
    return CL_CLI_EXIT_FAILURE;
  }

  options.author = author;
  options.title = title;
  options.do_not_train = do_not_train;
  options.tsa_url = tsa_url;
  options.staple_ocsp = staple_ocsp;
  options.force = force;
  options.digital_source_type = source_type_uri;

  /* Every signed image leaves a proof, so stripped copies can be recognised later. */
  if (!no_proof_cache) {
    g_autoptr(GError) cache_error = NULL;

    cache = cl_proof_cache_open (g_getenv ("CREDLINK_PROOF_DB"), &cache_error);
    if (cache == NULL)
      fprintf (stderr, _("credlink-cli sign: the proof cache cannot be used (%s); the signed "
                         "images are not recorded\n"), cache_error->message);
  }

  for (guint i = 0; i < n_inputs; i++) {
    g_autofree char *base = g_path_get_basename (inputs[i]);
    g_autofree char *target = to_folder ? g_build_filename (output, base, NULL)
                                        : g_strdup (output);
    g_autoptr(ClSignResult) result = NULL;
    g_autoptr(GError) sign_error = NULL;

    result = cl_signer_sign_file (profile, &options, inputs[i], target, NULL, &sign_error);
    if (result == NULL) {
      n_failed++;
      fprintf (stderr, "[%u/%u] %s: %s\n", i + 1, n_inputs, inputs[i], sign_error->message);
      continue;
    }
    printf ("[%u/%u] %s → %s: %s %s%s%s\n", i + 1, n_inputs, inputs[i], target, _("signed"),
            result->manifest_label,
            result->parent_label != NULL ? _(", parent ") : "",
            result->parent_label != NULL ? result->parent_label : "");
    if (cache != NULL) {
      g_autoptr(GError) proof_error = NULL;

      if (!cl_sign_record_proof (cache, target, result, profile, 0, &proof_error))
        fprintf (stderr, _("  note: not recorded in the proof cache: %s\n"),
                 proof_error->message);
    }
    if (staple_ocsp && !result->ocsp_stapled)
      fprintf (stderr, _("  note: the signing certificate names no OCSP responder; nothing "
                         "was stapled\n"));
    if (result->parent_binding == CL_PARENT_BINDING_MISMATCH)
      fprintf (stderr, _("  warning: %s was changed after its existing Content Credentials "
                         "were made; the new manifest records that they no longer match\n"),
               inputs[i]);
    fflush (stdout);
  }
  if (n_failed > 0) {
    fprintf (stderr, _("credlink-cli sign: %u of %u files could not be signed\n"), n_failed,
             n_inputs);
    return CL_CLI_EXIT_FAILURE;
  }
  return CL_CLI_EXIT_OK;
}
