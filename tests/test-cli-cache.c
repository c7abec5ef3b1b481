/* test-cli-cache.c: `credlink-cli cache` (found through $CREDLINK_CLI) on a database this
 * test fills with the core API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include "cl-proof-cache.h"
#include "cl-test-tmp.h"

typedef struct {
  char  *dir;
  char  *db_path;
  char  *signed_id;
  char  *verified_id;
  char  *expired_id;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;


static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)


static ClProof *
make_proof (ClProofKind  kind,
            const char  *content,
            const char  *label,
            gint64       when)
{
  ClProof *proof = cl_proof_new (kind);

  proof->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  proof->manifest_label = g_strdup (label);
  proof->verdict = kind == CL_PROOF_KIND_SIGNED ? CL_PROOF_VERDICT_TRUSTED
                                                : CL_PROOF_VERDICT_VALID;
  proof->signer_subject = g_strdup ("CN=CLI Test Signer");
  proof->report_json = g_strdup ("{\"validation_state\": \"Trusted\", \"codes\": []}");
  proof->source_name = g_strdup_printf ("%s.jpg", content);
  proof->last_verified = g_date_time_new_from_unix_utc (when);
  if (kind == CL_PROOF_KIND_SIGNED)
    proof->manifest_store = g_bytes_new_static ("c2pa-store", 10);

  return proof;
}


static char *
store (ClProofCache *cache,
       ClProof      *proof,
       guint         days)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cl_proof_cache_store (cache, proof, days, NULL, &error));
  g_assert_no_error (error);

  return g_strdup (proof->id);
}


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClProofCache) cache = NULL;
  g_autoptr(ClProof) signed_proof = NULL;
  g_autoptr(ClProof) verified = NULL;
  g_autoptr(ClProof) expired = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  fixture->dir = cl_test_tmp_dir_new ("credlink-cli-cache", CL_TEST_TMP_UNTIL_CASE_ENDS);
  fixture->db_path = g_build_filename (fixture->dir, "proofs.db", NULL);

  cache = cl_proof_cache_open (fixture->db_path, &error);
  g_assert_no_error (error);
  signed_proof = make_proof (CL_PROOF_KIND_SIGNED, "meadow", "urn:c2pa:meadow", now - 30);
  verified = make_proof (CL_PROOF_KIND_VERIFIED, "river", "urn:c2pa:river", now - 20);
  expired = make_proof (CL_PROOF_KIND_VERIFIED, "ancient", "urn:c2pa:ancient",
                        now - 10 * 24 * 3600);
  fixture->signed_id = store (cache, signed_proof, 365);
  fixture->verified_id = store (cache, verified, 365);
  fixture->expired_id = store (cache, expired, 2);
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->signed_id);
  g_free (fixture->verified_id);
  g_free (fixture->expired_id);
}


/* Runs credlink-cli with @args; $CREDLINK_PROOF_DB is @env_db (unset when NULL). */
static void
run_cli (Run               *run,
         const char        *env_db,
         const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  g_strv_builder_add (argv_builder, g_getenv ("CREDLINK_CLI"));
  g_strv_builder_addv (argv_builder, (const char **) args);
  argv = g_strv_builder_end (argv_builder);
  envp = env_db != NULL ? g_environ_setenv (envp, "CREDLINK_PROOF_DB", env_db, TRUE)
                        : g_environ_unsetenv (envp, "CREDLINK_PROOF_DB");

  g_assert_true (g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}


static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}


static gboolean
skip_without_cli (void)
{
  if (g_getenv ("CREDLINK_CLI") == NULL) {
    g_test_skip ("CREDLINK_CLI is not set");
    return TRUE;
  }

  return FALSE;
}


static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) plain = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) bad_kind = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  if (skip_without_cli ())
    return;

  run_cli (&plain, NULL, (const char *[]) { "cache", "list", "--db", fixture->db_path, NULL });
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, fixture->signed_id));
  g_assert_nonnull (strstr (plain.out, fixture->verified_id));
  g_assert_nonnull (strstr (plain.out, "meadow.jpg"));
  /* Most recently verified first. */
  g_assert_true (strstr (plain.out, "river.jpg") < strstr (plain.out, "meadow.jpg"));

  /* --kind and --json; the database named by the environment. */
  run_cli (&json, fixture->db_path,
           (const char *[]) { "cache", "list", "--kind", "signed", "--json", NULL });
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "id"), ==, fixture->signed_id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "kind"), ==, "signed");

  run_cli (&bad_kind, NULL,
           (const char *[]) { "cache", "list", "--db", fixture->db_path, "--kind", "x", NULL });
  g_assert_cmpint (bad_kind.status, ==, 64);

  run_cli (&missing, NULL,
           (const char *[]) { "cache", "list", "--db", "/nonexistent/proofs.db", NULL });
  g_assert_cmpint (missing.status, ==, 70);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/proofs.db"));
  g_assert_false (g_file_test ("/nonexistent/proofs.db", G_FILE_TEST_EXISTS));
}


static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) plain = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_id = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "meadow", -1);
  JsonObject *object;

  if (skip_without_cli ())
    return;

  run_cli (&plain, fixture->db_path, (const char *[]) { "cache", "show", fixture->signed_id,
                                                        NULL });
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, hash));
  g_assert_nonnull (strstr (plain.out, "urn:c2pa:meadow"));
  g_assert_nonnull (strstr (plain.out, "CN=CLI Test Signer"));
  g_assert_nonnull (strstr (plain.out, "\"validation_state\" : \"Trusted\""));

  run_cli (&json, fixture->db_path, (const char *[]) { "cache", "show", fixture->signed_id,
                                                       "--json", NULL });
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "content_hash"), ==, hash);
  g_assert_cmpint (json_object_get_int_member (object, "manifest_store_size"), ==, 10);

  run_cli (&unknown, fixture->db_path,
           (const char *[]) { "cache", "show", "00000000-0000-4000-8000-000000000000", NULL });
  g_assert_cmpint (unknown.status, ==, 70);
  g_assert_nonnull (strstr (unknown.err, "00000000-0000-4000-8000-000000000000"));

  run_cli (&no_id, fixture->db_path, (const char *[]) { "cache", "show", NULL });
  g_assert_cmpint (no_id.status, ==, 64);
}


static void
test_purge (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) no_what = { 0 };
  g_auto(Run) purge = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) list = { 0 };

  if (skip_without_cli ())
    return;

  run_cli (&no_what, fixture->db_path, (const char *[]) { "cache", "purge", NULL });
  g_assert_cmpint (no_what.status, ==, 64);

  run_cli (&purge, NULL, (const char *[]) { "cache", "purge", "--expired", "--db",
                                            fixture->db_path, NULL });
  g_assert_cmpint (purge.status, ==, 0);
  g_assert_nonnull (strstr (purge.out, "Removed 1 expired proof."));

  run_cli (&again, fixture->db_path, (const char *[]) { "cache", "purge", "--expired", NULL });
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Removed 0 expired proofs."));

  run_cli (&list, fixture->db_path, (const char *[]) { "cache", "list", NULL });
  g_assert_null (strstr (list.out, fixture->expired_id));
  g_assert_nonnull (strstr (list.out, fixture->verified_id));
}


static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) export = { 0 };
  g_auto(Run) no_file = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, "all.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *proofs;
  guint i;

  if (skip_without_cli ())
    return;

  run_cli (&export, fixture->db_path, (const char *[]) { "cache", "export", path, NULL });
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "Exported 3 proofs"));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  root = parse_json (contents);
  proofs = json_object_get_array_member (json_node_get_object (root), "proofs");
  g_assert_cmpuint (json_array_get_length (proofs), ==, 3);
  for (i = 0; i < 3; i++) {
    JsonObject *proof = json_array_get_object_element (proofs, i);

    if (g_str_equal (json_object_get_string_member (proof, "id"), fixture->signed_id))
      g_assert_cmpstr (json_object_get_string_member (proof, "manifest_store"), ==,
                       "YzJwYS1zdG9yZQ=="); /* base64 of "c2pa-store" */
    else
      g_assert_true (json_object_get_null_member (proof, "manifest_store"));
  }

  run_cli (&no_file, fixture->db_path, (const char *[]) { "cache", "export", NULL });
  g_assert_cmpint (no_file.status, ==, 64);
}


static void
test_stats_and_remove (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) stats = { 0 };
  g_auto(Run) remove = { 0 };
  g_auto(Run) remove_again = { 0 };
  g_auto(Run) after = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  JsonObject *object;

  if (skip_without_cli ())
    return;

  /* --db may also come before the command. */
  run_cli (&stats, NULL, (const char *[]) { "cache", "--db", fixture->db_path, "stats",
                                            "--json", NULL });
  g_assert_cmpint (stats.status, ==, 0);
  root = parse_json (stats.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "signed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "verified"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "expired"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "database_bytes"), >, 0);

  run_cli (&remove, fixture->db_path, (const char *[]) { "cache", "remove",
                                                         fixture->verified_id, NULL });
  g_assert_cmpint (remove.status, ==, 0);
  run_cli (&remove_again, fixture->db_path, (const char *[]) { "cache", "remove",
                                                               fixture->verified_id, NULL });
  g_assert_cmpint (remove_again.status, ==, 70);

  run_cli (&after, fixture->db_path, (const char *[]) { "cache", "stats", "--json", NULL });
  after_root = parse_json (after.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after_root), "verified"),
                   ==, 1);
}


static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *commands[] = { "list", "show", "remove", "purge", "export", "stats" };
  g_auto(Run) top = { 0 };
  g_auto(Run) unknown = { 0 };
  guint i;

  if (skip_without_cli ())
    return;

  run_cli (&top, NULL, (const char *[]) { "cache", "--help", NULL });
  g_assert_cmpint (top.status, ==, 0);
  for (i = 0; i < G_N_ELEMENTS (commands); i++) {
    g_auto(Run) help = { 0 };

    g_assert_nonnull (strstr (top.out, commands[i]));
    run_cli (&help, NULL, (const char *[]) { "cache", commands[i], "--help", NULL });
    g_assert_cmpint (help.status, ==, 0);
    g_assert_nonnull (strstr (help.out, "--db"));
  }

  run_cli (&unknown, NULL, (const char *[]) { "cache", "frobnicate", NULL });
  g_assert_cmpint (unknown.status, ==, 64);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-cache/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_list);
  ADD ("show", test_show);
  ADD ("purge", test_purge);
  ADD ("export", test_export);
  ADD ("stats-and-remove", test_stats_and_remove);
  ADD ("help", test_help);

#undef ADD

  return g_test_run ();
}
