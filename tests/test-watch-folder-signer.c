/* test-watch-folder-signer.c: the watch folder decides who signed a file before: one
 * another signer (a camera, another profile) signed is signed again with its manifest as
 * our parent, an output another profile signed is replaced, and nothing this profile
 * signed is signed twice — also after the watching process was killed mid-batch. Real
 * folders, real signatures, a real proof cache, a real second process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "cl-asset.h"
#include "cl-job-watch-folder.h"
#include "cl-manifest-store.h"
#include "cl-signing-profile-store.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-watch.h"
#include "cl-x509.h"

#define PROFILE_NAME CL_TEST_WATCH_PROFILE
#define PASSPHRASE CL_TEST_WATCH_PASSPHRASE
/* The test program run as the watching process that the SIGKILL test kills. */
#define CHILD_ARG "--watch-until-killed"

typedef ClTestWatch Fixture;

static const char *test_program;


/* How many manifests output's store holds; *signer: the active one's certificate. */
static guint
read_manifests (const char  *output,
                GBytes     **signer)
{
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (output, NULL, NULL);
  g_autoptr(ClManifestStore) store = NULL;
  g_autoptr(ClCoseSign1) signature = NULL;

  g_assert_nonnull (info);
  g_assert_nonnull (info->store);
  store = cl_manifest_store_parse (info->store, NULL);
  g_assert_nonnull (store);
  signature = cl_manifest_parse_signature (cl_manifest_store_get_active (store));
  g_assert_nonnull (signature);
  *signer = g_bytes_ref (g_ptr_array_index (signature->x5chain, 0));
  return store->manifests->len;
}


static void
assert_signed_by (const char       *output,
                  ClSigningProfile *profile,
                  guint             n_manifests)
{
  g_autoptr(GBytes) signer = NULL;
  g_autoptr(GBytes) expected = cl_x509_to_der (cl_signing_profile_get_leaf (profile));

  g_assert_cmpuint (read_manifests (output, &signer), ==, n_manifests);
  g_assert_true (g_bytes_equal (signer, expected));
}


/* A copy of a test image signed by profile, made outside the watched folder. */
static char *
make_signed_image (Fixture          *fixture,
                   ClSigningProfile *profile,
                   const char       *name)
{
  g_autofree char *plain_name = g_strconcat ("plain-", name, NULL);
  g_autofree char *plain = cl_test_make_image (fixture->images, plain_name, "jpeg", 320, 240);
  char *path = g_build_filename (fixture->images, name, NULL);
  ClSignOptions options = { 0, };
  g_autoptr(ClSignResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = cl_signer_sign_file (profile, &options, plain, path, NULL, &error);
  g_assert_no_error (error);
  return path;
}


static void
copy_into (const char *path,
           const char *dir)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (target, contents, len, NULL));
}


static ClSigningProfile *
load_watcher (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ClSigningProfile *profile = cl_signing_profile_store_load (fixture->profiles, PROFILE_NAME,
                                                             PASSPHRASE, &error);

  g_assert_no_error (error);
  return profile;
}


/* A file another signer (a camera, another profile) signed is signed again, its
 * manifest the parent of ours; one this profile signed already is not signed twice. */
static void
test_signed_by_whom (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ClSigningProfile) camera = cl_test_signing_profile_new ("Test camera",
                                                                    CL_COSE_ALG_ES256);
  g_autoptr(ClSigningProfile) watcher = load_watcher (fixture);
  g_autofree char *from_camera = make_signed_image (fixture, camera, "camera.jpg");
  g_autofree char *ours = make_signed_image (fixture, watcher, "ours.jpg");
  g_autofree char *camera_out = cl_watch_folder_output_path (fixture->out, from_camera);
  g_autofree char *ours_out = cl_watch_folder_output_path (fixture->out, ours);

  cl_test_watch_start_unlocked (fixture);
  copy_into (ours, fixture->in);
  copy_into (from_camera, fixture->in);
  cl_test_watch_iterate_until (&fixture->n_signed, 1, 10000);
  cl_test_watch_iterate_until (NULL, 0, 3 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  g_assert_cmpuint (fixture->n_failed, ==, 0);
  assert_signed_by (camera_out, watcher, 2);
  cl_test_assert_valid_untrusted (camera_out, "assertion.dataHash.match");
  g_assert_false (g_file_test (ours_out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fixture->skipped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->skipped, 0), ==, "ours.jpg");
}


/* An output another profile signed (a watch that used it before) is signed again by this
 * profile and replaced; after a restart it is not signed a third time. */
static void
test_other_profile_output_replaced (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(ClSigningProfile) other = cl_test_signing_profile_new ("Other profile",
                                                                   CL_COSE_ALG_ES256);
  g_autoptr(ClSigningProfile) watcher = load_watcher (fixture);
  g_autofree char *made = cl_test_make_image (fixture->images, "street.jpg", "jpeg", 320, 240);
  g_autofree char *input = g_build_filename (fixture->in, "street.jpg", NULL);
  g_autofree char *output = cl_watch_folder_output_path (fixture->out, input);
  g_autofree char *replaced_sha = NULL;
  g_autoptr(ClSignResult) result = NULL;
  ClSignOptions options = { 0, };
  g_autoptr(GError) error = NULL;

  copy_into (made, fixture->in);
  g_assert_cmpint (g_mkdir (fixture->out, 0700), ==, 0);
  result = cl_signer_sign_file (other, &options, input, output, NULL, &error);
  g_assert_no_error (error);
  assert_signed_by (output, other, 1);

  cl_test_watch_start_unlocked (fixture);
  cl_test_watch_iterate_until (&fixture->n_signed, 1, 10000);
  g_assert_cmpuint (fixture->n_signed, ==, 1);
  assert_signed_by (output, watcher, 1);
  cl_test_assert_valid_untrusted (output, "assertion.dataHash.match");
  replaced_sha = cl_test_file_sha256 (output);

  cl_test_watch_new_job (fixture);
  cl_test_watch_start_unlocked (fixture);
  cl_test_watch_iterate_until (NULL, 0, 4 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, 0);
  {
    g_autofree char *sha = cl_test_file_sha256 (output);

    g_assert_cmpstr (sha, ==, replaced_sha);
  }
  g_assert_cmpuint (fixture->n_failed, ==, 0);
}


/* The watching process of test_killed_no_double: signs until it is killed. */
static int
watch_until_killed (const char *dir)
{
  Fixture fixture = { 0, };

  cl_test_watch_init_at (&fixture, dir);
  cl_test_watch_start_unlocked (&fixture);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 1;
}


static guint
count_outputs (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += name[0] != '.';
  return n;
}


/* The process killed (SIGKILL) in the middle of a batch: a restart signs only the files
 * without an output, leaves every whole output as it was, and signs nothing twice. */
static void
test_killed_no_double (Fixture       *fixture,
                       gconstpointer  data)
{
  const guint n_files = 6;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_before;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (guint i = 0; i < n_files; i++) {
    g_autofree char *file_name = g_strdup_printf ("batch-%u.jpg", i);

    g_free (cl_test_watch_drop_image (fixture, file_name, 1600, 1200));
  }
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, test_program, CHILD_ARG,
                            fixture->dir, NULL);
  g_assert_no_error (error);
  while (count_outputs (fixture->out) < 2 && g_get_monotonic_time () < deadline)
    g_usleep (5000);
  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  dir = g_dir_open (fixture->out, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = g_build_filename (fixture->out, name, NULL);

    if (name[0] != '.')
      g_hash_table_insert (before, g_strdup (path), cl_test_file_sha256 (path));
  }
  n_before = g_hash_table_size (before);
  g_test_message ("%u of %u signed before the kill", n_before, n_files);
  g_assert_cmpuint (n_before, >=, 2);

  cl_test_watch_start_unlocked (fixture);
  cl_test_watch_iterate_until (&fixture->n_signed, n_files - n_before, 30000);
  cl_test_watch_iterate_until (NULL, 0, 3 * CL_WATCH_FOLDER_STABLE_MS);
  g_assert_cmpuint (fixture->n_signed, ==, n_files - n_before);
  g_assert_cmpuint (fixture->n_failed, ==, 0);
  g_assert_cmpuint (count_outputs (fixture->out), ==, n_files);
  {
    GHashTableIter iter;
    gpointer path, sha;

    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &path, &sha)) {
      g_autofree char *now = cl_test_file_sha256 (path);

      g_assert_cmpstr (now, ==, sha);
    }
  }
}


int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_strcmp0 (argv[1], CHILD_ARG) == 0)
    return watch_until_killed (argv[2]);
  test_program = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/watch-folder/signed-by-whom", Fixture, NULL, cl_test_watch_set_up,
              test_signed_by_whom, cl_test_watch_tear_down);
  g_test_add ("/watch-folder/other-profile-output-replaced", Fixture, NULL,
              cl_test_watch_set_up, test_other_profile_output_replaced,
              cl_test_watch_tear_down);
  g_test_add ("/watch-folder/killed-no-double", Fixture, NULL, cl_test_watch_set_up,
              test_killed_no_double, cl_test_watch_tear_down);
  return g_test_run ();
}
