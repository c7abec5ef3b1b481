/* cl-cli-sign.c: credlink-cli sign — sign images with a signing profile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "cl-cli-common.h"
#include "cl-cli-passphrase.h"
#include "cl-cli-profile.h"
#include "cl-cli-sign.h"
#include "cl-error.h"
#include "cl-privacy-preflight.h"
#include "cl-signing-profile-store.h"
#include "cl-sign-queue.h"
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
  char      *identity_profile_name;
  char      *output;
  char     **authors;       /* once: every image; once per input: each image, in order */
  char     **titles;
  char      *tsa_url;
  char      *source_type;
  char      *ai_use;
  char     **inputs;
  gboolean   do_not_train;
  gboolean   staple_ocsp;
  gboolean   force;
  gboolean   no_proof_cache;
  gboolean   dry_run;
  gboolean   remove_gps;
  gboolean   remove_serials;
  int        jobs;
} SignArguments;


static void
sign_arguments_clear (SignArguments *args)
{
  g_free (args->profile_name);
  g_free (args->identity_profile_name);
  g_free (args->output);
  g_strfreev (args->authors);
  g_strfreev (args->titles);
  g_free (args->tsa_url);
  g_free (args->source_type);
  g_free (args->ai_use);
  g_strfreev (args->inputs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SignArguments, sign_arguments_clear)


static GOptionContext *
new_option_context (SignArguments *args)
{
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &args->profile_name, N_("Signing profile"),
      "NAME" },
    { "identity-profile", 0, 0, G_OPTION_ARG_STRING, &args->identity_profile_name,
      N_("Profile with the photographer's own certificate: a CAWG identity assertion names "
         "them next to the signer"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("Output file (one input) or folder (several inputs)"), "OUT" },
    { "author", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->authors,
      N_("Author name (CreativeWork); once for every image, or once per image in order"),
      "NAME" },
    { "title", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->titles,
      N_("Title of the work; once for every image, or once per image in order"), "TITLE" },
    { "do-not-train", 0, 0, G_OPTION_ARG_NONE, &args->do_not_train,
      N_("Ask that the image not be used to train AI or for data mining"), NULL },
    { "tsa", 0, 0, G_OPTION_ARG_STRING, &args->tsa_url, N_("RFC 3161 time-stamp server URL"),
      "URL" },
    { "ocsp", 0, 0, G_OPTION_ARG_NONE, &args->staple_ocsp,
      N_("Staple the signing certificate's OCSP response (needs --tsa)"), NULL },
    { "source-type", 0, 0, G_OPTION_ARG_STRING, &args->source_type,
      N_("IPTC digital source type of a new image (default digitalCapture)"), "TERM" },
    { "ai", 0, 0, G_OPTION_ARG_STRING, &args->ai_use,
      N_("generated: the image was generated with AI; edited: it was edited with AI tools"),
      "USE" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &args->force, N_("Replace existing output files"),
      NULL },
    { "no-proof-cache", 0, 0, G_OPTION_ARG_NONE, &args->no_proof_cache,
      N_("Do not record the signed images in the local proof cache"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &args->dry_run,
      N_("Say what signing would disclose (GPS, serial numbers, names, edit history, the "
         "signer) and write nothing"), NULL },
    { "remove-gps", 0, 0, G_OPTION_ARG_NONE, &args->remove_gps,
      N_("Remove the GPS position from the signed copy's Exif and XMP (the source is not "
         "changed)"), NULL },
    { "remove-serials", 0, 0, G_OPTION_ARG_NONE, &args->remove_serials,
      N_("Remove the camera and lens serial numbers from the signed copy's Exif and XMP"),
      NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &args->jobs,
      N_("Images signed at once (default: one per processor core)"), "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->inputs, NULL, N_("IN…") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context, _("Sign images with C2PA Content Credentials."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}


/* --author or --title: given once, or once per input. */
static gboolean
check_per_image (char       **values,
                 guint        n_inputs,
                 const char  *flag)
{
  guint n = values != NULL ? g_strv_length (values) : 0;
  g_autofree char *images = NULL;

  if (n <= 1 || n == n_inputs)
    return TRUE;
  images = g_strdup_printf (ngettext ("%u image", "%u images", n_inputs), n_inputs);
  /* Translators: the second %s is a count of images, "3 images" */
  fprintf (stderr, ngettext ("credlink-cli sign: %s was given %u time for %s (give it once, "
                             "or once per image)\n",
                             "credlink-cli sign: %s was given %u times for %s (give it once, "
                             "or once per image)\n", n), flag, n, images);
  return FALSE;
}


/* The value of a --author or --title for image i, or NULL. */
static const char *
per_image (char **values,
           guint  i)
{
  if (values == NULL || values[0] == NULL)
    return NULL;
  return values[1] == NULL ? values[0] : values[i];
}


static gboolean
parse_ai_use (const char *text,
              ClAiUse    *ai_use)
{
  if (text == NULL)
    *ai_use = CL_AI_USE_NONE;
  else if (g_str_equal (text, "generated"))
    *ai_use = CL_AI_USE_GENERATED;
  else if (g_str_equal (text, "edited"))
    *ai_use = CL_AI_USE_EDITED;
  else {
    fprintf (stderr, _("credlink-cli sign: unknown --ai “%s” (known: generated, edited)\n"),
             text);
    return FALSE;
  }
  return TRUE;
}


/* Checks what the options ask for together, and turns --source-type into its IPTC URI
 * (*source_type_uri, left NULL without it) and --ai into *ai_use. FALSE (and said on
 * stderr) on a bad command line. */
static gboolean
check_arguments (const SignArguments  *args,
                 char                **source_type_uri,
                 ClAiUse              *ai_use)
{
  if (args->profile_name == NULL || (args->output == NULL && !args->dry_run) ||
      args->inputs == NULL || args->inputs[0] == NULL) {
    fprintf (stderr, "%s\n", _("Usage: credlink-cli sign --profile NAME -o OUT [--identity-profile NAME] [--author NAME] "
                               "[--title TITLE] [--do-not-train] [--tsa URL [--ocsp]] [--source-type TERM] "
                               "[--ai generated|edited] [--remove-gps] [--remove-serials] [--force] [--dry-run] "
                               "[--jobs N] IN…"));
    return FALSE;
  }
  if (args->jobs < 0) {
    fprintf (stderr, "%s\n", _("credlink-cli sign: --jobs needs a number of at least 1"));
    return FALSE;
  }
  if (!check_per_image (args->authors, g_strv_length (args->inputs), "--author") ||
      !check_per_image (args->titles, g_strv_length (args->inputs), "--title") ||
      !parse_ai_use (args->ai_use, ai_use))
    return FALSE;
  if (args->source_type != NULL && *ai_use == CL_AI_USE_GENERATED) {
    fprintf (stderr, "%s\n", _("credlink-cli sign: --ai generated says the source type "
                               "itself (trainedAlgorithmicMedia); leave out --source-type"));
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


/* The signing profile, checked, its key being unlocked with the passphrase on a thread
 * while the first image is read (a wrong passphrase is said by the signing); its problems
 * are said on stderr. NULL when it cannot be loaded or used. */
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
    profile = cl_signing_profile_store_load_unlocking (root, profile_name, passphrase, &error);
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


/* A run of the queue: what the outcomes are told against. */
typedef struct {
  const ClSignOptions  *options;
  char                **inputs;
  char                **targets;
  char                **authors;      /* --author once or per image, or NULL */
  char                **titles;
  guint                 n_inputs;
  guint                 n_reported;
  guint                 n_failed;
  GMainLoop            *loop;
} SignRun;


/* Says how one input went ([k/n] in the order they finish): signed, its proof
 * recorded or why not, and what the signer noticed. */
static void
file_done_cb (ClSignQueue  *queue,
              guint         index,
              ClSignResult *result,
              GError       *error,
              SignRun      *run)
{
  const char *input = run->inputs[index];
  guint k = ++run->n_reported;

  if (result == NULL) {
    run->n_failed++;
    fprintf (stderr, "[%u/%u] %s: %s\n", k, run->n_inputs, input, error->message);
    return;
  }
  printf ("[%u/%u] %s → %s: %s %s%s%s\n", k, run->n_inputs, input, run->targets[index],
          _("signed"), result->manifest_label,
          result->parent_label != NULL ? _(", parent ") : "",
          result->parent_label != NULL ? result->parent_label : "");
  if (result->proof_error != NULL)
    fprintf (stderr, _("  note: not recorded in the proof cache: %s\n"), result->proof_error);
  if (run->options->staple_ocsp && !result->ocsp_stapled)
    fprintf (stderr, _("  note: the signing certificate names no OCSP responder; nothing "
                       "was stapled\n"));
  if (result->parent_binding == CL_PARENT_BINDING_MISMATCH)
    fprintf (stderr, _("  warning: %s was changed after its existing Content Credentials "
                       "were made; the new manifest records that they no longer match\n"),
             input);
  fflush (stdout);
}


static void
queue_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SignRun *run = user_data;

  cl_sign_queue_run_finish (CL_SIGN_QUEUE (source), result, NULL);
  g_main_loop_quit (run->loop);
}


/* Ctrl+C or a TERM signal: the images not started are left alone and the one being
 * signed leaves no file. */
static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}


/* Signs every input into its target on the queue's threads; the number that failed. */
static guint
sign_all (ClSignQueue *queue,
          SignRun     *run)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint sigint = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
  guint sigterm = g_unix_signal_add (SIGTERM, interrupted_cb, cancellable);

  run->loop = loop;
  for (guint i = 0; i < run->n_inputs; i++)
    cl_sign_queue_add_with_work (queue, run->inputs[i], run->targets[i],
                                 per_image (run->authors, i), per_image (run->titles, i));
  g_signal_connect (queue, "file-done", G_CALLBACK (file_done_cb), run);
  cl_sign_queue_run_async (queue, cancellable, queue_done_cb, run);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  return run->n_failed;
}


/* The certificate subject of a profile, read without its key (no passphrase), or NULL
 * (said on stderr) when there is no such profile. */
static char *
profile_subject (const char *profile_name)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = cl_signing_profile_store_list (root, &error);

  for (guint i = 0; profiles != NULL && i < profiles->len; i++) {
    ClSigningProfileSummary *summary = g_ptr_array_index (profiles, i);

    if (g_str_equal (summary->name, profile_name))
      return g_strdup (summary->subject);
  }
  fprintf (stderr, _("credlink-cli sign: no signing profile “%s”%s%s\n"), profile_name,
           error != NULL ? ": " : "", error != NULL ? error->message : "");
  return NULL;
}


/* Prints the disclosures in the file's metadata (or in the credentials) that the privacy
 * options keep (or remove); how many. */
static guint
print_disclosures (GPtrArray *disclosures,
                   gboolean   in_credentials,
                   gboolean   removed)
{
  guint n = 0;

  for (guint i = 0; i < disclosures->len; i++) {
    ClDisclosure *disclosure = g_ptr_array_index (disclosures, i);

    if (disclosure->in_credentials == in_credentials && disclosure->removed == removed) {
      printf ("    %s: %s\n", disclosure->what, disclosure->value);
      n++;
    }
  }
  return n;
}


/* sign --dry-run: for each input, what the signed copy would disclose; nothing is written
 * and no key is unlocked. */
static int
dry_run (const SignArguments *args)
{
  g_autofree char *subject = profile_subject (args->profile_name);
  guint n_inputs = g_strv_length (args->inputs), n_failed = 0;

  if (subject == NULL)
    return CL_CLI_EXIT_FAILURE;
  for (guint i = 0; i < n_inputs; i++) {
    ClSignOptions options = {
      .author = per_image (args->authors, i),
      .remove_gps = args->remove_gps,
      .remove_serials = args->remove_serials,
    };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) disclosures = cl_privacy_preflight (args->inputs[i], &options,
                                                             subject, NULL, &error);

    if (disclosures == NULL) {
      fprintf (stderr, "%s: %s\n", args->inputs[i], error->message);
      n_failed++;
      continue;
    }
    printf (_("%s: signing would disclose\n"), args->inputs[i]);
    printf ("  %s\n", _("In the file (kept as it is in the signed copy):"));
    if (print_disclosures (disclosures, FALSE, FALSE) == 0)
      printf ("    %s\n", _("nothing personal found in its Exif or XMP"));
    if (args->remove_gps || args->remove_serials) {
      printf ("  %s\n", _("Removed from the signed copy (the source is not changed):"));
      if (print_disclosures (disclosures, FALSE, TRUE) == 0)
        printf ("    %s\n", _("nothing: the file holds none of it"));
    }
    printf ("  %s\n", _("In the Content Credentials:"));
    if (print_disclosures (disclosures, TRUE, FALSE) == 0)
      printf ("    %s\n", _("nothing personal"));
  }
  printf ("%s\n", _("Dry run: nothing was signed or written."));
  return n_failed > 0 ? CL_CLI_EXIT_FAILURE : CL_CLI_EXIT_OK;
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
  g_autoptr(ClSigningProfile) identity_profile = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClSignQueue) queue = NULL;
  g_auto(GStrv) targets = NULL;
  ClSignOptions options = { 0, };
  SignRun run = { &options, };
  guint n_inputs, n_failed = 0;
  gboolean to_folder;

  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    fprintf (stderr, "credlink-cli sign: %s\n", error->message);
    return CL_CLI_EXIT_USAGE;
  }
  if (!check_arguments (&args, &source_type_uri, &options.ai_use))
    return CL_CLI_EXIT_USAGE;
  if (args.dry_run)
    return dry_run (&args);
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
  if (args.identity_profile_name != NULL) {
    identity_profile = load_profile (args.identity_profile_name);
    if (identity_profile == NULL)
      return CL_CLI_EXIT_FAILURE;
  }

  options.identity_profile = identity_profile;
  options.do_not_train = args.do_not_train;
  options.tsa_url = args.tsa_url;
  options.staple_ocsp = args.staple_ocsp;
  options.force = args.force;
  options.remove_gps = args.remove_gps;
  options.remove_serials = args.remove_serials;
  options.digital_source_type = source_type_uri;
  queue = cl_sign_queue_new (profile, &options, (guint) args.jobs);
  if (!args.no_proof_cache) {
    cache = open_proof_cache ();
    cl_sign_queue_set_proof_cache (queue, cache);
  }

  targets = g_new0 (char *, n_inputs + 1);
  for (guint i = 0; i < n_inputs; i++) {
    g_autofree char *base = g_path_get_basename (args.inputs[i]);

    targets[i] = to_folder ? g_build_filename (args.output, base, NULL)
                           : g_strdup (args.output);
  }
  run.inputs = args.inputs;
  run.targets = targets;
  run.authors = args.authors;
  run.titles = args.titles;
  run.n_inputs = n_inputs;
  n_failed = sign_all (queue, &run);
  if (n_failed > 0) {
    fprintf (stderr, ngettext ("credlink-cli sign: %u of %u file could not be signed\n",
                               "credlink-cli sign: %u of %u files could not be signed\n",
                               n_inputs), n_failed, n_inputs);
    return CL_CLI_EXIT_FAILURE;
  }
  return CL_CLI_EXIT_OK;
}
