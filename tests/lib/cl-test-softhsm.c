/* cl-test-softhsm.c: a SoftHSM2 token for the token tests, made with softhsm2-util (the
 * token and its key) and libp11 (the certificate).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libp11.h declares functions on RSA_METHOD and EC_KEY_METHOD, which OpenSSL 3 hides with
 * its deprecated APIs. */
#undef OPENSSL_NO_DEPRECATED
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libp11.h>
#include <openssl/pem.h>

#include "cl-test-softhsm.h"

static const char *const module_candidates[] = {
  "/usr/lib/softhsm/libsofthsm2.so",
  "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
  "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
  "/usr/lib64/pkcs11/libsofthsm2.so",
};


char *
cl_test_softhsm_find_module (void)
{
  g_autofree char *util = g_find_program_in_path ("softhsm2-util");

  if (util == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (module_candidates); i++) {
    if (g_file_test (module_candidates[i], G_FILE_TEST_IS_REGULAR))
      return g_strdup (module_candidates[i]);
  }
  return NULL;
}


static gboolean
run_softhsm_util (const char *const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *err = NULL;
  int status;

  g_strv_builder_add (builder, "softhsm2-util");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                     NULL, NULL, &err, &status, NULL) || !g_spawn_check_wait_status (status, NULL)) {
    g_printerr ("softhsm2-util failed: %s\n", err != NULL ? err : "");
    return FALSE;
  }
  return TRUE;
}


/* Stores the certificate on the token under the key's id and label. */
static void
store_certificate (const char            *module,
                   const ClTestTokenSpec *spec,
                   X509                  *cert)
{
  PKCS11_CTX *ctx = PKCS11_CTX_new ();
  PKCS11_SLOT *slots = NULL, *slot;
  unsigned int n_slots = 0;
  g_autofree guint8 *id = NULL;
  gsize id_len = strlen (spec->key_id) / 2;

  id = g_malloc (id_len);
  for (gsize i = 0; i < id_len; i++)
    id[i] = (guint8) ((g_ascii_xdigit_value (spec->key_id[2 * i]) << 4) |
                      g_ascii_xdigit_value (spec->key_id[2 * i + 1]));
  g_assert_cmpint (PKCS11_CTX_load (ctx, module), ==, 0);
  g_assert_cmpint (PKCS11_enumerate_slots (ctx, &slots, &n_slots), ==, 0);
  slot = PKCS11_find_token (ctx, slots, n_slots);
  g_assert_nonnull (slot);
  g_assert_cmpint (PKCS11_open_session (slot, 1), ==, 0);
  g_assert_cmpint (PKCS11_login (slot, 0, spec->user_pin), ==, 0);
  g_assert_cmpint (PKCS11_store_certificate (slot->token, cert, (char *) spec->key_label,
                                             id, id_len, NULL), ==, 0);
  PKCS11_release_all_slots (ctx, slots, n_slots);
  PKCS11_CTX_unload (ctx);
  PKCS11_CTX_free (ctx);
}


gboolean
cl_test_softhsm_make_token (const char            *module,
                            const char            *dir,
                            const ClTestTokenSpec *spec,
                            const ClTestCred      *cred,
                            gboolean               with_certificate)
{
  g_autofree char *tokens = g_build_filename (dir, "tokens", NULL);
  g_autofree char *conf = g_build_filename (dir, "softhsm2.conf", NULL);
  g_autofree char *conf_text = g_strdup_printf ("directories.tokendir = %s\n"
                                                "objectstore.backend = file\n"
                                                "log.level = ERROR\n", tokens);
  g_autofree char *key_path = g_build_filename (dir, "token-key.p8", NULL);
  const char *init[] = { "--init-token", "--free", "--label", spec->token_label,
                         "--pin", spec->user_pin, "--so-pin", spec->so_pin, NULL };
  const char *import[] = { "--import", key_path, "--token", spec->token_label,
                           "--label", spec->key_label, "--id", spec->key_id,
                           "--pin", spec->user_pin, NULL };
  gboolean made;
  FILE *file;

  g_assert_cmpint (g_mkdir_with_parents (tokens, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);

  file = g_fopen (key_path, "w");
  g_assert_nonnull (file);
  g_assert_true (PEM_write_PrivateKey (file, cred->key, NULL, NULL, 0, NULL, NULL));
  fclose (file);
  made = run_softhsm_util (init) && run_softhsm_util (import);
  g_unlink (key_path);
  if (made && with_certificate)
    store_certificate (module, spec, cred->cert);
  return made;
}
