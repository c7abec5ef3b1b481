/* test-limits-report.c: what keeps verifying hostile credentials cheap once they are
 * parsed: the report shows assertion data only up to CL_LIMIT_REPORT_VALUES values, the
 * content of assertions is checked without building it, and a claim signature larger than
 * CL_LIMIT_COSE_BYTES is refused before it is decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-cbor-util.h"
#include "cl-cose.h"
#include "cl-error.h"
#include "cl-limits.h"
#include "cl-status-codes.h"
#include "cl-test-c2pa.h"
#include "cl-test-crowded.h"
#include "cl-validator.h"

static ClTestSigner *signer;


static ClValidationReport *
verify_crowd (const ClTestCrowd *crowd)
{
  g_autoptr(GBytes) store = cl_test_crowded_store_new (signer, crowd);
  g_autoptr(GBytes) jpeg = cl_test_crowded_jpeg_new (store);
  g_autofree char *path = cl_test_write_temp (jpeg, "crowded.jpg");
  g_autoptr(GError) error = NULL;
  ClValidationReport *report = cl_validator_verify_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}


/* How many of the active manifest's assertions the report shows with their data, and how
 * many with the note that replaces data past the budget. */
static void
count_shown (ClValidationReport *report,
             guint              *with_data,
             guint              *with_note)
{
  ClManifestReport *active = cl_validation_report_get_active (report);
  JsonArray *assertions = json_node_get_array (active->assertions);

  *with_data = *with_note = 0;
  for (guint i = 0; i < json_array_get_length (assertions); i++) {
    JsonObject *o = json_array_get_object_element (assertions, i);
    JsonNode *data = json_object_get_member (o, "data");

    if (JSON_NODE_HOLDS_VALUE (data) && json_node_get_value_type (data) == G_TYPE_STRING) {
      g_assert_nonnull (strstr (json_node_get_string (data), "more data than a report keeps"));
      (*with_note)++;
    } else {
      /* Once the budget is spent, no later assertion is shown. */
      g_assert_cmpuint (*with_note, ==, 0);
      (*with_data)++;
    }
  }
}


/* Twelve assertions of 10,000 integers: the report keeps those that fit in its budget. */
static void
test_report_budget (void)
{
  ClTestCrowd over = { .n_items = 12, .n_references = 12, .item_ints = 10000 };
  ClTestCrowd under = { .n_items = 9, .n_references = 9, .item_ints = 10000 };
  g_autoptr(ClValidationReport) report = verify_crowd (&over);
  g_autoptr(ClValidationReport) whole = NULL;
  guint with_data, with_note;

  G_STATIC_ASSERT (9 * 10000 < CL_LIMIT_REPORT_VALUES);
  G_STATIC_ASSERT (12 * 10000 > CL_LIMIT_REPORT_VALUES);
  count_shown (report, &with_data, &with_note);
  g_assert_cmpuint (with_note, >=, 1);
  g_assert_cmpuint (with_data + with_note, ==, 13);    /* the actions, then the items */
  /* The budget concerns the report only: every assertion was still checked. */
  g_assert_false (cl_test_report_has_code (report, CL_CODE_ASSERTION_CBOR_INVALID));
  g_assert_false (cl_test_report_has_code (report, CL_CODE_ASSERTION_MISSING));

  whole = verify_crowd (&under);
  count_shown (whole, &with_data, &with_note);
  g_assert_cmpuint (with_note, ==, 0);
  g_assert_cmpuint (with_data, ==, 10);
}


static gboolean
well_formed (const char *hex,
             guint       max_items)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(cbor_item_t) item = NULL;
  gboolean ok;

  for (const char *p = hex; p[0] != '\0' && p[1] != '\0'; p += 2) {
    guint8 b = (guint8) ((g_ascii_xdigit_value (p[0]) << 4) | g_ascii_xdigit_value (p[1]));

    g_byte_array_append (bytes, &b, 1);
  }
  ok = cl_cbor_check (bytes->data, bytes->len, max_items, &error);
  item = cl_cbor_load_limited (bytes->data, bytes->len, max_items, &load_error);

  /* The same answer as decoding it, with the same reason. */
  g_assert_true (ok == (error == NULL));
  g_assert_true (ok == (item != NULL));
  if (!ok)
    g_assert_cmpstr (error->message, ==, load_error->message);
  return ok;
}


/* The check without building agrees with cl_cbor_load_limited on what it accepts and on why
 * it refuses; what the scan cannot judge (indefinite lengths) it leaves to libcbor. */
static void
test_well_formed (void)
{
  g_assert_true (well_formed ("a1616101", 10));            /* {"a": 1} */
  g_assert_true (well_formed ("83010203", 4));             /* [1, 2, 3]: four items */
  g_assert_false (well_formed ("83010203", 3));            /* over the cap */
  g_assert_false (well_formed ("a16161", 10));             /* a key without its value */
  g_assert_false (well_formed ("8301", 10));               /* truncated */
  g_assert_false (well_formed ("0102", 10));               /* two items */
  g_assert_false (well_formed ("01ff", 10));               /* a stray break */
  g_assert_true (well_formed ("9f0102ff", 10));            /* indefinite, judged by libcbor */
  g_assert_false (well_formed ("9f01", 10));               /* indefinite, never ended */
  g_assert_false (well_formed ("9bffffffffffffffff", 10)); /* declares more than it holds */
  g_assert_false (well_formed ("", 10));
  g_assert_true (well_formed ("c11a514b67b0", 10));        /* a tagged date */
}


/* An assertion whose CBOR is malformed is explained as cl_cbor_load explains it. */
static void
test_malformed_content_explained (void)
{
  static const guint8 truncated[] = { 0xa2, 0x63, 'a', 'l', 'g' };
  g_autoptr(GBytes) content = g_bytes_new_static (truncated, sizeof truncated);
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GBytes) store = NULL;
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) jpeg = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(ClValidationReport) report = NULL;
  ClStatus *found = NULL;

  g_ptr_array_add (chain, signer->cert_der);
  store = cl_test_store_new (signer->key, chain, "urn:c2pa:3a7c1e5b-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
                             "c2pa.hash.data", content);
  jpeg = cl_test_embed_jpeg (plain, 20, store);
  path = cl_test_write_temp (jpeg, "malformed-content.jpg");
  report = cl_validator_verify_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cl_cbor_load (truncated, sizeof truncated, &load_error));
  for (guint i = 0; i < report->statuses->len && found == NULL; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (g_str_equal (status->code, CL_CODE_ASSERTION_CBOR_INVALID))
      found = status;
  }
  g_assert_nonnull (found);
  g_assert_cmpstr (found->explanation, ==, load_error->message);
}


static void
test_signature_too_large (void)
{
  g_autofree guint8 *big = g_malloc0 (CL_LIMIT_COSE_BYTES + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClCoseSign1) over = cl_cose_sign1_parse (big, CL_LIMIT_COSE_BYTES + 1, &error);
  g_autoptr(ClCoseSign1) at = NULL;
  g_autofree char *limit = g_strdup_printf ("%d", CL_LIMIT_COSE_BYTES);

  g_assert_null (over);
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, limit));
  g_clear_error (&error);
  /* At the cap the bytes are decoded (and these zeros are no COSE_Sign1). */
  at = cl_cose_sign1_parse (big, CL_LIMIT_COSE_BYTES, &error);
  g_assert_null (at);
  g_assert_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED);
  g_assert_null (strstr (error->message, limit));
}


int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  signer = cl_test_signer_new (1, 365);
  g_test_add_func ("/limits-report/report-budget", test_report_budget);
  g_test_add_func ("/limits-report/well-formed", test_well_formed);
  g_test_add_func ("/limits-report/malformed-content-explained", test_malformed_content_explained);
  g_test_add_func ("/limits-report/signature-too-large", test_signature_too_large);
  status = g_test_run ();
  cl_test_signer_free (signer);
  return status;
}
