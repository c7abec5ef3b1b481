/* test-validator-limits.c: the validator on crowded credentials (tests/lib/cl-test-crowded.c):
 * many references and redactions are checked in one pass, each assertion hashed once; the
 * counts it walks are capped (cl-validation.h); a cancelled validation stops at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cl-error.h"
#include "cl-status-codes.h"
#include "cl-test-crowded.h"
#include "cl-validation.h"
#include "cl-validator.h"
#include "cl-validator-claim.h"

static ClTestSigner *signer;


static guint
count_code (GPtrArray  *statuses,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < statuses->len; i++)
    n += g_str_equal (((ClStatus *) g_ptr_array_index (statuses, i))->code, code) ? 1 : 0;
  return n;
}


/* The statuses of the claim of the crowded store, and how many boxes were hashed. */
static GPtrArray *
claim_statuses (const ClTestCrowd *crowd,
                guint             *n_hashes)
{
  static const ClValidatorOptions no_options = { NULL, NULL, NULL, NULL, FALSE };
  g_autoptr(GBytes) bytes = cl_test_crowded_store_new (signer, crowd);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClManifestStore) store = cl_manifest_store_parse (bytes, &error);
  GPtrArray *log;
  ClValidation v;

  g_assert_no_error (error);
  cl_validation_init (&v, store, &no_options, NULL);
  cl_validation_verify_claim (&v, cl_manifest_store_get_active (store));
  *n_hashes = v.n_box_hashes;
  log = g_ptr_array_ref (v.log);
  cl_validation_clear (&v);
  return log;
}


/* 5000 assertions, each referenced four times: a match per reference, one hash each. */
static void
test_many_references (void)
{
  ClTestCrowd crowd = { .n_items = 5000, .n_references = 20000 };
  guint n_hashes;
  g_autoptr(GPtrArray) log = claim_statuses (&crowd, &n_hashes);

  g_assert_cmpuint (count_code (log, CL_CODE_ASSERTION_HASHED_URI_MATCH), ==, 20001);
  g_assert_cmpuint (count_code (log, CL_CODE_ASSERTION_MISSING), ==, 0);
  g_assert_cmpuint (count_code (log, CL_CODE_ASSERTION_UNDECLARED), ==, 0);
  g_assert_cmpuint (count_code (log, CL_CODE_CLAIM_SIGNATURE_VALIDATED), ==, 1);
  g_assert_cmpuint (n_hashes, ==, 5001);
}


/* 20000 redactions of another manifest's assertions change nothing about this claim. */
static void
test_many_redactions (void)
{
  ClTestCrowd plain = { .n_items = 2000, .n_references = 2000 };
  ClTestCrowd redacting = { .n_items = 2000, .n_references = 2000, .n_redactions = 20000 };
  guint plain_hashes, redacting_hashes;
  g_autoptr(GPtrArray) expected = claim_statuses (&plain, &plain_hashes);
  g_autoptr(GPtrArray) log = claim_statuses (&redacting, &redacting_hashes);

  g_assert_cmpuint (count_code (log, CL_CODE_ASSERTION_HASHED_URI_MATCH), ==, 2001);
  g_assert_cmpuint (log->len, ==, expected->len);
  for (guint i = 0; i < log->len; i++) {
    ClStatus *s = g_ptr_array_index (log, i), *e = g_ptr_array_index (expected, i);

    g_assert_cmpstr (s->code, ==, e->code);
    g_assert_cmpstr (s->url, ==, e->url);
  }
  g_assert_cmpuint (redacting_hashes, ==, 2001);
  g_assert_cmpuint (plain_hashes, ==, 2001);
}


/* The crowd in a JPEG, verified from a file. */
static ClValidationReport *
verify_crowd (const ClTestCrowd *crowd,
              GCancellable      *cancellable,
              char             **path_out,
              GError           **error)
{
  g_autoptr(GBytes) store = cl_test_crowded_store_new (signer, crowd);
  g_autoptr(GBytes) jpeg = cl_test_crowded_jpeg_new (store);
  g_autofree char *path = cl_test_write_temp (jpeg, "crowded.jpg");

  if (path_out != NULL)
    *path_out = g_strdup (path);
  return cl_validator_verify_file (path, NULL, cancellable, error);
}


/* The crowd at a cap is validated; one more is refused as malformed, naming the cap. */
static void
check_cap (ClTestCrowd *at_cap,
           guint       *count,
           guint        cap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClValidationReport) report = verify_crowd (at_cap, NULL, NULL, &error);
  g_autoptr(ClValidationReport) refused = NULL;
  g_autofree char *number = g_strdup_printf ("%u", cap);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (report->has_manifest);
  (*count)++;
  refused = verify_crowd (at_cap, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, number));
}


static void
test_cap_references (void)
{
  /* The actions assertion is referenced too. */
  ClTestCrowd crowd = { .n_items = 1, .n_references = CL_LIMIT_REFERENCES - 1 };

  check_cap (&crowd, &crowd.n_references, CL_LIMIT_REFERENCES);
}


static void
test_cap_redactions (void)
{
  ClTestCrowd crowd = { .n_items = 1, .n_references = 1,
                        .n_redactions = CL_LIMIT_REDACTIONS };

  check_cap (&crowd, &crowd.n_redactions, CL_LIMIT_REDACTIONS);
}


static void
test_cap_ingredients (void)
{
  ClTestCrowd crowd = { .n_ingredients = CL_LIMIT_INGREDIENTS };

  check_cap (&crowd, &crowd.n_ingredients, CL_LIMIT_INGREDIENTS);
}


typedef struct {
  const char   *path;
  GCancellable *cancellable;
  GError       *error;
  gint64        finished;
} Run;


static gpointer
run_validation (gpointer data)
{
  Run *run = data;
  ClValidationReport *report = cl_validator_verify_file (run->path, NULL, run->cancellable,
                                                         &run->error);

  run->finished = g_get_monotonic_time ();
  g_clear_pointer (&report, cl_validation_report_unref);
  return NULL;
}


/* Microseconds from the cancel to the return of a validation cancelled after delay_ms. */
static gint64
cancel_after (const char *path,
              guint       delay_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { path, cancellable, NULL, 0 };
  GThread *thread = g_thread_new ("validate", run_validation, &run);
  gint64 cancelled;

  g_usleep (delay_ms * 1000);
  cancelled = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  return MAX (run.finished - cancelled, 0);
}


static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}


/* 3000 assertions whose content takes a while to decode: cancelled half-way through, the
 * validation returns CANCELLED within 100 ms (the median of three). */
static void
test_cancel (void)
{
  ClTestCrowd crowd = { .n_items = 3000, .n_references = 3000, .item_ints = 300 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ClValidationReport) built = verify_crowd (&crowd, NULL, &path, &error);
  g_autoptr(ClValidationReport) report = NULL;
  gint64 started, whole, latency[3];

  g_assert_no_error (error);
  g_assert_nonnull (built);
  started = g_get_monotonic_time ();
  report = cl_validator_verify_file (path, NULL, NULL, &error);
  whole = g_get_monotonic_time () - started;
  g_assert_no_error (error);
  g_test_message ("validated in %" G_GINT64_FORMAT " ms", whole / 1000);
  for (guint i = 0; i < G_N_ELEMENTS (latency); i++) {
    latency[i] = cancel_after (path, (guint) (whole / 2000));
    g_test_message ("returned %" G_GINT64_FORMAT " ms after the cancel", latency[i] / 1000);
  }
  qsort (latency, G_N_ELEMENTS (latency), sizeof latency[0], compare_gint64);
  g_assert_cmpint (latency[1], <, 100 * 1000);
}


int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  signer = cl_test_signer_new (1, 365);
  g_test_add_func ("/validator-limits/many-references", test_many_references);
  g_test_add_func ("/validator-limits/many-redactions", test_many_redactions);
  g_test_add_func ("/validator-limits/cap-references", test_cap_references);
  g_test_add_func ("/validator-limits/cap-redactions", test_cap_redactions);
  g_test_add_func ("/validator-limits/cap-ingredients", test_cap_ingredients);
  g_test_add_func ("/validator-limits/cancel", test_cancel);
  status = g_test_run ();
  cl_test_signer_free (signer);
  return status;
}
