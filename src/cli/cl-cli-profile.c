/* cl-cli-profile.c: credlink-cli profile — managing signing profiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "cl-cli-common.h"
#include "cl-cli-passphrase.h"
#include "cl-cli-profile.h"
#include "cl-error.h"
#include "cl-signing-profile-store.h"
#include "cl-test-identity.h"
#include "cl-token-profile.h"


static int
fail (GError *error)
{
  fprintf (stderr, "credlink-cli profile: %s\n", error->message);
  return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) ||
         g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION)
         ? CL_CLI_EXIT_USAGE : CL_CLI_EXIT_FAILURE;
}


static int
usage (const char *message)
{
  fprintf (stderr, "credlink-cli profile: %s\n", message);
  fprintf (stderr, "%s\n", _("Usage:\n"
    "  credlink-cli profile import --name NAME (--p12 FILE | --cert CHAIN.pem --key KEY.pem)\n"
    "  credlink-cli profile create-test --name NAME [--alg es256|es384|ps256|ed25519]\n"
    "  credlink-cli profile create --name NAME --pkcs11-module MODULE.so --token LABEL\n"
    "                              (--key-label LABEL | --key-id HEX) [--cert CHAIN.pem]\n"
    "  credlink-cli profile list\n"
    "  credlink-cli profile check NAME\n"
    "  credlink-cli profile remove NAME\n"
    "  credlink-cli profile export-ca NAME FILE"));
  return CL_CLI_EXIT_USAGE;
}


void
cl_cli_print_profile_problems (ClSigningProfile *profile)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) problems = NULL;
  gboolean usable;

  problems = cl_signing_profile_check (profile, now, &usable);
  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    fprintf (stderr, "  %s %s\n",
             problem->level == CL_SIGNING_PROFILE_PROBLEM_FATAL ? _("error:") : _("warning:"),
             problem->message);
  }
}


/* The passphrase that will protect the new profile's key, checked before anything is
 * made with it. NULL (with an error) when there is none or it is too short. */
static char *
new_profile_passphrase (GError **error)
{
  g_autoptr(ClCliPassphrase) passphrase = NULL;

  passphrase = cl_cli_passphrase_get (CL_CLI_PASSPHRASE_ENV,
                                      _("New passphrase for the profile's key: "), TRUE, error);
  if (passphrase == NULL || !cl_signing_profile_store_check_passphrase (passphrase, error))
    return NULL;
  return g_steal_pointer (&passphrase);
}


static int
save_new_profile (ClSigningProfile *profile,
                  const char       *passphrase)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GError) error = NULL;

  if (!cl_signing_profile_store_save (root, profile, passphrase, &error))
    return fail (error);
  printf (_("Saved signing profile “%s” (%s)\n"), cl_signing_profile_get_name (profile),
          cl_cose_alg_to_string (cl_signing_profile_get_alg (profile)));
  cl_cli_print_profile_problems (profile);
  return CL_CLI_EXIT_OK;
}


static int
run_import (int    argc,
            char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *p12 = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the new profile"), "NAME" },
    { "p12", 0, 0, G_OPTION_ARG_FILENAME, &p12, N_("PKCS#12 bundle"), "FILE" },
    { "cert", 0, 0, G_OPTION_ARG_FILENAME, &cert, N_("PEM certificate chain, signer first"),
      "CHAIN.pem" },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key, N_("PEM private key"), "KEY.pem" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(ClCliPassphrase) source_passphrase = NULL;
  g_autoptr(ClCliPassphrase) passphrase = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (name == NULL || (p12 == NULL) == (cert == NULL || key == NULL) ||
      (p12 != NULL && (cert != NULL || key != NULL)))
    return usage (_("import needs --name and either --p12 or both --cert and --key"));
  if (!cl_signing_profile_store_name_is_valid (name))
    return usage (_("profile names use letters, digits, spaces, “.”, “_” and “-”"));

  if (cert != NULL) {
    /* An unencrypted key needs no passphrase; ask only when it is encrypted. */
    profile = cl_signing_profile_new_from_pem (name, cert, key, NULL, &error);
    if (profile == NULL && g_error_matches (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE)) {
      g_clear_error (&error);
      source_passphrase = cl_cli_passphrase_get (CL_CLI_IMPORT_PASSPHRASE_ENV,
                                                 _("Passphrase of the private key: "), FALSE,
                                                 &error);
      if (source_passphrase != NULL)
        profile = cl_signing_profile_new_from_pem (name, cert, key, source_passphrase, &error);
    }
  } else {
    source_passphrase = cl_cli_passphrase_get (CL_CLI_IMPORT_PASSPHRASE_ENV,
                                               _("Passphrase of the PKCS#12 bundle: "), FALSE,
                                               &error);
    if (source_passphrase != NULL)
      profile = cl_signing_profile_new_from_pkcs12 (name, p12, source_passphrase, &error);
  }
  if (profile == NULL)
    return fail (error);
  passphrase = new_profile_passphrase (&error);
  if (passphrase == NULL)
    return fail (error);
  return save_new_profile (profile, passphrase);
}


static int
run_create_test (int    argc,
                 char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *alg_name = NULL;
  gint days = 365;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the new profile"), "NAME" },
    { "alg", 0, 0, G_OPTION_ARG_STRING, &alg_name,
      N_("Signature algorithm: es256 (default), es384, es512, ps256, ed25519"), "ALG" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Validity in days (default 365)"), "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) not_after = NULL;
  g_autoptr(ClCliPassphrase) passphrase = NULL;
  ClCoseAlg alg = CL_COSE_ALG_ES256;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (name == NULL || !cl_signing_profile_store_name_is_valid (name))
    return usage (_("create-test needs --name NAME (letters, digits, spaces, “.”, “_”, “-”; it becomes the signer’s name validators show)"));
  if (alg_name != NULL) {
    alg = g_ascii_strcasecmp (alg_name, "ed25519") == 0 ? CL_COSE_ALG_EDDSA
                                                         : cl_cose_alg_from_string (alg_name);
    if (alg == CL_COSE_ALG_NONE || alg == CL_COSE_ALG_PS384 || alg == CL_COSE_ALG_PS512)
      return usage (_("--alg must be es256, es384, es512, ps256 or ed25519"));
  }
  if (days < 1 || days > 3650)
    return usage (_("--days must be between 1 and 3650"));
  not_after = g_date_time_add_days (now, days);

  /* Asked (and checked) first: nothing is said to be created that cannot be saved. */
  passphrase = new_profile_passphrase (&error);
  if (passphrase == NULL)
    return fail (error);
  profile = cl_test_identity_create (name, alg, not_before, not_after, &error);
  if (profile == NULL)
    return fail (error);
  printf ("%s\n", _("Created a local test identity. It is NOT publicly trusted: validators "
                    "will call its signatures untrusted unless they add its CA "
                    "(credlink-cli profile export-ca) to their trust list."));
  return save_new_profile (profile, passphrase);
}


char *
cl_cli_profile_unlock_secret (const char  *root,
                              const char  *name,
                              GError     **error)
{
  g_autofree char *prompt = NULL;

  /* Named: sign --identity-profile asks for two in turn. */
  if (cl_signing_profile_store_is_token (root, name)) {
    prompt = g_strdup_printf (_("PIN of the token of “%s”: "), name);
    return cl_cli_passphrase_get (CL_CLI_PIN_ENV, prompt, FALSE, error);
  }
  prompt = g_strdup_printf (_("Passphrase of the signing profile “%s”: "), name);
  return cl_cli_passphrase_get (CL_CLI_PASSPHRASE_ENV, prompt, FALSE, error);
}


/* A profile whose key stays on a PKCS#11 token: the token is opened with its PIN to find
 * the key (and its certificate when no chain is given); only where the key is is saved. */
static int
run_create (int    argc,
            char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *module = NULL;
  g_autofree char *token = NULL;
  g_autofree char *key_label = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *cert = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the new profile"), "NAME" },
    { "pkcs11-module", 0, 0, G_OPTION_ARG_FILENAME, &module,
      N_("The token's PKCS#11 module (a shared library)"), "MODULE.so" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, N_("Label or serial number of the token"),
      "LABEL" },
    { "key-label", 0, 0, G_OPTION_ARG_STRING, &key_label, N_("Label of the private key"),
      "LABEL" },
    { "key-id", 0, 0, G_OPTION_ARG_STRING, &key_id, N_("Id of the private key, in hex"), "HEX" },
    { "cert", 0, 0, G_OPTION_ARG_FILENAME, &cert,
      N_("PEM certificate chain, signer first (default: the token's certificate for the key)"),
      "CHAIN.pem" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(ClCliPassphrase) pin = NULL;
  g_autoptr(ClPkcs11KeyRef) ref = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (name == NULL || module == NULL || token == NULL || (key_label == NULL) == (key_id == NULL))
    return usage (_("create needs --name, --pkcs11-module, --token and one of --key-label "
                    "or --key-id"));
  if (!cl_signing_profile_store_name_is_valid (name))
    return usage (_("profile names use letters, digits, “.”, “_” and “-”"));

  ref = cl_pkcs11_key_ref_new (module, token, key_label, key_id);
  pin = cl_cli_passphrase_get (CL_CLI_PIN_ENV, _("PIN of the token: "), FALSE, &error);
  if (pin != NULL)
    profile = cl_token_profile_open (name, cert, ref, pin, &error);
  if (profile == NULL)
    return fail (error);
  return save_new_profile (profile, NULL);
}


static int
run_list (void)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = cl_signing_profile_store_list (root, &error);

  if (profiles == NULL)
    return fail (error);
  if (profiles->len == 0) {
    printf ("%s\n", _("No signing profiles yet (credlink-cli profile import or create-test)."));
    return CL_CLI_EXIT_OK;
  }
  for (guint i = 0; i < profiles->len; i++) {
    ClSigningProfileSummary *summary = g_ptr_array_index (profiles, i);

    printf ("%s\t%s\t%s %s\t%s%s", summary->name, summary->algorithm, _("until"),
            summary->not_after, summary->subject,
            summary->test_identity ? _("\t(test identity, not publicly trusted)") : "");
    if (summary->token != NULL)
      printf (_("\t(token profile: the key stays on the token “%s”)"), summary->token);
    printf ("\n");
  }
  return CL_CLI_EXIT_OK;
}


int
cl_cli_profile_run (int    argc,
                    char **argv)
{
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return usage (_("missing subcommand"));
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")) {
    usage (_("manage signing profiles"));
    return CL_CLI_EXIT_OK;
  }
  if (g_str_equal (argv[1], "import"))
    return run_import (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "create"))
    return run_create (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "create-test"))
    return run_create_test (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return argc == 2 ? run_list () : usage (_("list takes no arguments"));
  if (g_str_equal (argv[1], "check")) {
    g_autoptr(ClCliPassphrase) passphrase = NULL;
    g_autoptr(ClSigningProfile) profile = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GArray) problems = NULL;
    gboolean usable;

    if (argc != 3)
      return usage (_("check needs NAME"));
    passphrase = cl_cli_profile_unlock_secret (root, argv[2], &error);
    if (passphrase != NULL)
      profile = cl_signing_profile_store_load (root, argv[2], passphrase, &error);
    if (profile == NULL)
      return fail (error);
    problems = cl_signing_profile_check (profile, now, &usable);
    printf (usable ? _("“%s” can sign (%s)\n") : _("“%s” cannot sign (%s)\n"), argv[2],
            cl_cose_alg_to_string (cl_signing_profile_get_alg (profile)));
    cl_cli_print_profile_problems (profile);
    return usable ? CL_CLI_EXIT_OK : CL_CLI_EXIT_FAILURE;
  }
  if (g_str_equal (argv[1], "remove")) {
    if (argc != 3)
      return usage (_("remove needs NAME"));
    if (!cl_signing_profile_store_remove (root, argv[2], &error))
      return fail (error);
    printf (_("Removed signing profile “%s”\n"), argv[2]);
    return CL_CLI_EXIT_OK;
  }
  if (g_str_equal (argv[1], "export-ca")) {
    if (argc != 4)
      return usage (_("export-ca needs NAME and FILE"));
    if (!cl_signing_profile_store_export_ca (root, argv[2], argv[3], &error))
      return fail (error);
    printf (_("Wrote the test CA of “%s” to %s\n"), argv[2], argv[3]);
    return CL_CLI_EXIT_OK;
  }
  return usage (_("unknown subcommand"));
}
