/* test-trust-refresh.c: the trust-list refresh job against a SoupServer on 127.0.0.1.
 * Success replaces the snapshot; 500, timeout, garbage and empty answers retry
 * with backoff and keep the previous snapshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-job-trust-refresh.h"
#include "cl-scheduler-settings.h"
#include "cl-test-tmp.h"
#include "cl-trust-snapshot.h"

#define GARBAGE "<html>Rate limit exceeded</html>\n"
#define BROKEN_PEM "-----BEGIN CERTIFICATE-----\nMIIBnot*base64!!\n-----END CERTIFICATE-----\n"

typedef enum {
  SERVE_PEM,
  SERVE_OTHER_PEM,
  SERVE_500,
  SERVE_SILENCE,       /* accept the request, never answer */
  SERVE_GARBAGE,
  SERVE_BROKEN_PEM,
  SERVE_EMPTY,
  SERVE_TOO_LARGE,
  SERVE_500_THEN_PEM,
} Mode;

typedef struct
{
  GMainContext  *context;
  char          *dir;
  char          *trust_dir;
  SoupServer    *server;
  char          *base_url;
  ClHttpSession *session;
  ClScheduler   *scheduler;
  GBytes        *pem;          /* 3 certificates */
  GBytes        *other_pem;    /* 2 certificates */
  GBytes        *old_pem;      /* 1 certificate, the snapshot before the run */
  Mode           modes[2];     /* per list: /list/0, /list/1 */
  guint          requests[2];
  GPtrArray     *paused;       /* SoupServerMessage */
  GArray        *retry_delays;
  GPtrArray     *updated;      /* list names from ::list-updated */
} Fixture;


/* PEM with @n self-signed P-256 certificates, each after a "Subject" line as
 * in the published C2PA lists. */
static GBytes *
make_pem (guint       n,
          const char *prefix)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++) {
    g_autofree char *common_name = g_strdup_printf ("%s anchor %u", prefix, i);
    EVP_PKEY *key = EVP_EC_gen ("P-256");
    X509 *certificate = X509_new ();
    X509_NAME *name;
    BIO *bio = BIO_new (BIO_s_mem ());
    char *data;
    long size;

    g_assert_nonnull (key);
    X509_set_version (certificate, 2);
    ASN1_INTEGER_set (X509_get_serialNumber (certificate), (long) i + 1);
    X509_gmtime_adj (X509_getm_notBefore (certificate), 0);
    X509_gmtime_adj (X509_getm_notAfter (certificate), 3600L * 24 * 365);
    name = X509_get_subject_name (certificate);
    X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_UTF8, (const guchar *) common_name, -1,
                                -1, 0);
    X509_set_issuer_name (certificate, name);
    X509_set_pubkey (certificate, key);
    g_assert_cmpint (X509_sign (certificate, key, EVP_sha256 ()), >, 0);
    g_assert_cmpint (PEM_write_bio_X509 (bio, certificate), ==, 1);
    size = BIO_get_mem_data (bio, &data);
    g_string_append_printf (text, "Subject\tCN=%s\n", common_name);
    g_string_append_len (text, data, size);
    BIO_free (bio);
    X509_free (certificate);
    EVP_PKEY_free (key);
  }
  return g_string_free_to_bytes (g_steal_pointer (&text));
}


static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  guint index = g_str_has_suffix (path, "/1") ? 1 : 0;
  Mode mode = fixture->modes[index];
  GBytes *body = NULL;
  g_autofree char *large = NULL;

  fixture->requests[index]++;
  if (mode == SERVE_500_THEN_PEM)
    mode = fixture->requests[index] == 1 ? SERVE_500 : SERVE_PEM;

  switch (mode) {
  case SERVE_PEM:
    body = fixture->pem;
    break;
  case SERVE_OTHER_PEM:
    body = fixture->other_pem;
    break;
  case SERVE_500:
    soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
    return;
  case SERVE_SILENCE:
    soup_server_message_pause (message);
    g_ptr_array_add (fixture->paused, g_object_ref (message));
    return;
  case SERVE_GARBAGE:
    soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (message, "application/x-pem-file", SOUP_MEMORY_STATIC,
                                      GARBAGE, strlen (GARBAGE));
    return;
  case SERVE_BROKEN_PEM:
    soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (message, "application/x-pem-file", SOUP_MEMORY_STATIC,
                                      BROKEN_PEM, strlen (BROKEN_PEM));
    return;
  case SERVE_EMPTY:
    soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (message, "application/x-pem-file", SOUP_MEMORY_STATIC,
                                      "", 0);
    return;
  case SERVE_TOO_LARGE:
    large = g_malloc0 (CL_TRUST_REFRESH_MAX_SIZE + 1);
    memset (large, 'A', CL_TRUST_REFRESH_MAX_SIZE + 1);
    soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (message, "application/x-pem-file", SOUP_MEMORY_TAKE,
                                      g_steal_pointer (&large), CL_TRUST_REFRESH_MAX_SIZE + 1);
    return;
  case SERVE_500_THEN_PEM:
  default:
    g_assert_not_reached ();
  }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/x-pem-file", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}


static void
record_delay_cb (ClScheduler *scheduler,
                 const char  *name,
                 gboolean     success,
                 gpointer     user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(ClSchedulerJobStatus) status = cl_scheduler_get_job_status (scheduler, name);

  g_array_append_val (fixture->retry_delays, status->retry_delay_ms);
}


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) then = g_date_time_new_utc (2025, 1, 2, 3, 4, 5);
  GSList *uris;

  fixture->context = g_main_context_new ();
  g_main_context_push_thread_default (fixture->context);
  /* Removed by the tear-down, which checks that nothing else was left behind. */
  fixture->dir = cl_test_tmp_dir_new ("credlink-trust", CL_TEST_TMP_UNTIL_REMOVED);
  fixture->trust_dir = g_build_filename (fixture->dir, "trust", NULL);
  fixture->pem = make_pem (3, "New");
  fixture->other_pem = make_pem (2, "Other");
  fixture->old_pem = make_pem (1, "Old");
  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->retry_delays = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->updated = g_ptr_array_new_with_free_func (g_free);

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/list", server_cb, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fixture->session = cl_http_session_new (30);

  fixture->scheduler = cl_scheduler_new (fixture->context);
  cl_scheduler_set_backoff (fixture->scheduler, 5, 10, 0.0);
  g_signal_connect (fixture->scheduler, "job-finished", G_CALLBACK (record_delay_cb), fixture);

  /* The snapshot a failing refresh must keep. */
  g_assert_true (cl_trust_snapshot_replace (fixture->trust_dir, "c2pa", fixture->old_pem, 1,
                                            "https://example.invalid/old.pem", then, &error));
  g_assert_no_error (error);
}


static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;

  g_assert_true (cl_scheduler_stop (fixture->scheduler, 5000));
  g_signal_handlers_disconnect_by_data (fixture->scheduler, fixture);
  g_clear_object (&fixture->scheduler);
  for (guint i = 0; i < fixture->paused->len; i++) {
    SoupServerMessage *message = g_ptr_array_index (fixture->paused, i);

    soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
    soup_server_message_unpause (message);
  }
  cl_http_session_abort (fixture->session);
  g_clear_object (&fixture->session);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  while (g_main_context_iteration (fixture->context, FALSE))
    ;
  g_ptr_array_unref (fixture->paused);
  g_array_unref (fixture->retry_delays);
  g_ptr_array_unref (fixture->updated);

  /* Remove what the test wrote: trust/<list>/{anchors.pem, meta.json}. */
  dir = g_dir_open (fixture->trust_dir, 0, NULL);
  if (dir != NULL) {
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL) {
      g_autofree char *path = g_build_filename (fixture->trust_dir, name, NULL);
      g_autofree char *anchors = g_build_filename (path, CL_TRUST_SNAPSHOT_ANCHORS, NULL);
      g_autofree char *meta = g_build_filename (path, CL_TRUST_SNAPSHOT_META, NULL);

      g_unlink (anchors);
      g_unlink (meta);
      g_rmdir (path);
    }
  }
  g_rmdir (fixture->trust_dir);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);

  g_free (fixture->base_url);
  g_free (fixture->trust_dir);
  g_free (fixture->dir);
  g_bytes_unref (fixture->pem);
  g_bytes_unref (fixture->other_pem);
  g_bytes_unref (fixture->old_pem);
  g_main_context_pop_thread_default (fixture->context);
  g_main_context_unref (fixture->context);
}


static void
list_updated_cb (ClTrustRefreshJob *job,
                 const char        *list_name,
                 gpointer           user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->updated, g_strdup (list_name));
}


static void
register_job (Fixture *fixture,
              guint    n_lists,
              guint    max_retries,
              guint    timeout_ms)
{
  g_autoptr(ClTrustRefreshJob) job = cl_trust_refresh_job_new (fixture->session,
                                                               fixture->trust_dir);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "c2pa", "c2pa-tsa" };

  for (guint i = 0; i < n_lists; i++) {
    g_autofree char *url = g_strdup_printf ("%slist/%u", fixture->base_url, i);

    g_assert_true (cl_trust_refresh_job_add_list (job, names[i], url));
  }
  g_assert_false (cl_trust_refresh_job_add_list (job, "../escape", "http://127.0.0.1/"));
  g_assert_false (cl_trust_refresh_job_add_list (job, "c2pa", "http://127.0.0.1/"));
  cl_trust_refresh_job_set_timeout (job, timeout_ms);
  g_signal_connect (job, "list-updated", G_CALLBACK (list_updated_cb), fixture);
  g_assert_true (cl_trust_refresh_job_register (job, fixture->scheduler, 0, max_retries,
                                                CL_SCHEDULER_JOB_ENABLED, &error));
  g_assert_no_error (error);
}


static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}


/* Runs the job once and iterates until it has finished with all its retries. */
static ClSchedulerJobStatus *
run_to_rest (Fixture *fixture)
{
  gboolean timed_out = FALSE;
  GSource *guard = g_timeout_source_new (20000);

  g_source_set_callback (guard, flag_cb, &timed_out, NULL);
  g_source_attach (guard, fixture->context);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, CL_JOB_TRUST_REFRESH);
  while (!timed_out) {
    g_autoptr(ClSchedulerJobStatus) status =
      cl_scheduler_get_job_status (fixture->scheduler, CL_JOB_TRUST_REFRESH);

    if (status->runs > 0 && !status->running && status->retry_source_id == 0)
      break;
    g_main_context_iteration (fixture->context, TRUE);
  }
  g_source_destroy (guard);
  g_source_unref (guard);
  g_assert_false (timed_out);
  return cl_scheduler_get_job_status (fixture->scheduler, CL_JOB_TRUST_REFRESH);
}


static GBytes *
read_snapshot_file (Fixture    *fixture,
                    const char *list,
                    const char *name)
{
  g_autofree char *path = g_build_filename (fixture->trust_dir, list, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}


static JsonObject *
read_meta (Fixture    *fixture,
           const char *list)
{
  g_autoptr(GBytes) bytes = read_snapshot_file (fixture, list, CL_TRUST_SNAPSHOT_META);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}


/* Only snapshot folders are left, no .<list>.new or .<list>.old. */
static void
assert_no_leftovers (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->trust_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (cl_trust_snapshot_is_valid_name (name));
}


static void
assert_snapshot (Fixture    *fixture,
                 const char *list,
                 GBytes     *pem,
                 guint       n_certificates,
                 const char *source_url)
{
  g_autoptr(GBytes) anchors = read_snapshot_file (fixture, list, CL_TRUST_SNAPSHOT_ANCHORS);
  g_autoptr(JsonObject) meta = read_meta (fixture, list);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pem);

  g_assert_true (g_bytes_equal (anchors, pem));
  g_assert_cmpstr (json_object_get_string_member (meta, "source_url"), ==, source_url);
  g_assert_cmpint (json_object_get_int_member (meta, "certificate_count"), ==, n_certificates);
  g_assert_cmpstr (json_object_get_string_member (meta, "sha256"), ==, sha256);
  date = g_date_time_new_from_iso8601 (json_object_get_string_member (meta, "snapshot_date"),
                                       NULL);
  g_assert_nonnull (date);
}


static void
assert_old_snapshot_kept (Fixture *fixture)
{
  g_autoptr(JsonObject) meta = read_meta (fixture, "c2pa");

  assert_snapshot (fixture, "c2pa", fixture->old_pem, 1, "https://example.invalid/old.pem");
  g_assert_cmpstr (json_object_get_string_member (meta, "snapshot_date"), ==,
                   "2025-01-02T03:04:05Z");
}


static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) status = NULL;
  g_autofree char *url0 = g_strdup_printf ("%slist/0", fixture->base_url);
  g_autofree char *url1 = g_strdup_printf ("%slist/1", fixture->base_url);
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  fixture->modes[0] = SERVE_PEM;
  fixture->modes[1] = SERVE_OTHER_PEM;
  register_job (fixture, 2, 3, 5000);
  status = run_to_rest (fixture);

  g_assert_cmpstr (status->last_error, ==, NULL);
  g_assert_cmpuint (status->runs, ==, 1);
  g_assert_cmpuint (status->failures, ==, 0);
  g_assert_cmpuint (fixture->requests[0], ==, 1);
  g_assert_cmpuint (fixture->requests[1], ==, 1);
  assert_snapshot (fixture, "c2pa", fixture->pem, 3, url0);
  assert_snapshot (fixture, "c2pa-tsa", fixture->other_pem, 2, url1);
  assert_no_leftovers (fixture);
  g_assert_cmpuint (fixture->updated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->updated, 0), ==, "c2pa");
  g_assert_cmpstr (g_ptr_array_index (fixture->updated, 1), ==, "c2pa-tsa");

  meta = read_meta (fixture, "c2pa");
  date = g_date_time_new_from_iso8601 (json_object_get_string_member (meta, "snapshot_date"),
                                       NULL);
  g_assert_cmpint (g_date_time_difference (now, date), <, 600 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (cl_trust_snapshot_age (fixture->trust_dir, "c2pa"), <, 600);
  g_assert_cmpint (cl_trust_snapshot_age (fixture->trust_dir, "missing"), ==, -1);
}


typedef struct
{
  Mode        mode;
  const char *message_part;
} FailureCase;

static const FailureCase failure_500 = {
  SERVE_500, "500 Internal Server Error"
};
static const FailureCase failure_timeout = {
  SERVE_SILENCE, "took longer than 100 ms"
};
static const FailureCase failure_garbage = {
  SERVE_GARBAGE, "holds no certificate"
};
static const FailureCase failure_broken = {
  SERVE_BROKEN_PEM, "Certificate 1 of the trust list is not valid"
};
static const FailureCase failure_empty = {
  SERVE_EMPTY, "holds no certificate"
};
static const FailureCase failure_too_large = {
  SERVE_TOO_LARGE, "is larger than"
};


static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  const FailureCase *failure = data;
  g_autoptr(ClSchedulerJobStatus) status = NULL;
  const guint expected_delays[] = { 5, 10, 0 };

  fixture->modes[0] = failure->mode;
  register_job (fixture, 1, 2, 100);
  status = run_to_rest (fixture);

  /* One run and two retries with backoff 5 ms, 10 ms; then it waits for its interval. */
  g_assert_cmpuint (fixture->requests[0], ==, 3);
  g_assert_cmpuint (status->runs, ==, 3);
  g_assert_cmpuint (status->failures, ==, 3);
  g_assert_cmpuint (status->retries, ==, 2);
  g_assert_cmpuint (fixture->retry_delays->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (g_array_index (fixture->retry_delays, guint, i), ==, expected_delays[i]);
  g_assert_nonnull (status->last_error);
  g_test_message ("error: %s", status->last_error);
  g_assert_nonnull (strstr (status->last_error, failure->message_part));
  g_assert_true (g_str_has_prefix (status->last_error, "c2pa: "));

  assert_old_snapshot_kept (fixture);
  assert_no_leftovers (fixture);
  g_assert_cmpuint (fixture->updated->len, ==, 0);
}


/* One list fails, the other is replaced; the run fails and is retried. */
static void
test_partial (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) status = NULL;
  g_autofree char *url1 = g_strdup_printf ("%slist/1", fixture->base_url);

  fixture->modes[0] = SERVE_500;
  fixture->modes[1] = SERVE_OTHER_PEM;
  register_job (fixture, 2, 1, 5000);
  status = run_to_rest (fixture);

  g_assert_cmpuint (status->failures, ==, 2);
  g_assert_cmpuint (fixture->requests[1], ==, 2);
  assert_old_snapshot_kept (fixture);
  assert_snapshot (fixture, "c2pa-tsa", fixture->other_pem, 2, url1);
  assert_no_leftovers (fixture);
  /* Replaced by the run and again by its retry. */
  g_assert_cmpuint (fixture->updated->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->updated, 1), ==, "c2pa-tsa");
}


/* A retry that succeeds replaces the snapshot. */
static void
test_recovers (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) status = NULL;
  g_autofree char *url0 = g_strdup_printf ("%slist/0", fixture->base_url);

  fixture->modes[0] = SERVE_500_THEN_PEM;
  register_job (fixture, 1, 3, 5000);
  status = run_to_rest (fixture);

  g_assert_cmpuint (fixture->requests[0], ==, 2);
  g_assert_cmpuint (status->runs, ==, 2);
  g_assert_cmpuint (status->failures, ==, 1);
  g_assert_cmpuint (status->retries, ==, 1);
  g_assert_cmpuint (status->retry_attempt, ==, 0);
  assert_snapshot (fixture, "c2pa", fixture->pem, 3, url0);
}


static gboolean
request_arrived (Fixture *fixture)
{
  return fixture->requests[0] > 0;
}


/* Stopping the scheduler cancels a download in flight at once. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(ClSchedulerJobStatus) status = NULL;

  fixture->modes[0] = SERVE_SILENCE;
  register_job (fixture, 1, 3, 60000);
  cl_scheduler_start (fixture->scheduler);
  cl_scheduler_run_job_now (fixture->scheduler, CL_JOB_TRUST_REFRESH);
  while (!request_arrived (fixture))
    g_main_context_iteration (fixture->context, TRUE);

  g_assert_true (cl_scheduler_stop (fixture->scheduler, 5000));
  status = cl_scheduler_get_job_status (fixture->scheduler, CL_JOB_TRUST_REFRESH);
  g_assert_cmpuint (status->cancellations, ==, 1);
  g_assert_cmpuint (status->failures, ==, 0);
  g_assert_cmpuint (status->retry_source_id, ==, 0);
  assert_old_snapshot_kept (fixture);
}


static void
test_verify_published_lists (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  const struct { const char *file; guint count; } lists[] = {
    { "C2PA-TRUST-LIST.pem", 30 },
    { "C2PA-TSA-TRUST-LIST.pem", 22 },
  };

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR)) {
    g_test_skip ("CREDLINK_SHARED_DIR is not there");
    return;
  }
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++) {
    g_autofree char *path = g_build_filename (shared, "trust-lists", lists[i].file, NULL);
    g_autoptr(GBytes) pem = NULL;
    g_autoptr(GError) error = NULL;
    char *contents = NULL;
    gsize size = 0;
    guint count = 0;

    if (!g_file_get_contents (path, &contents, &size, NULL)) {
      g_test_skip ("The published trust lists are not in CREDLINK_SHARED_DIR");
      return;
    }
    pem = g_bytes_new_take (contents, size);
    g_assert_true (cl_trust_snapshot_verify_pem (pem, &count, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count, ==, lists[i].count);

    /* Cut in the middle of a certificate: rejected, with the position. */
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (pem, 0, size / 2);

      g_assert_false (cl_trust_snapshot_verify_pem (cut, &count, &error));
      g_assert_error (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_BAD_PEM);
      g_assert_nonnull (strstr (error->message, "before byte"));
    }
  }
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/trust-refresh/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("success", NULL, test_success);
  ADD ("failure/500", &failure_500, test_failure);
  ADD ("failure/timeout", &failure_timeout, test_failure);
  ADD ("failure/garbage", &failure_garbage, test_failure);
  ADD ("failure/broken-pem", &failure_broken, test_failure);
  ADD ("failure/empty", &failure_empty, test_failure);
  ADD ("failure/too-large", &failure_too_large, test_failure);
  ADD ("partial", NULL, test_partial);
  ADD ("recovers", NULL, test_recovers);
  ADD ("cancel", NULL, test_cancel);
  g_test_add_func ("/trust-refresh/verify-published-lists", test_verify_published_lists);

  return g_test_run ();
}
