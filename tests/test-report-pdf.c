/* test-report-pdf.c: the PDF report of a real verification (a file signed
 * here): a valid PDF whose page count matches its page tree, and whose text
 * (pdftotext, when installed) holds the verdict, the file's SHA-256, the chain
 * fingerprint and the CredLink version; the report of the shared sample1.jxl shows its
 * picture. Also the action / source-type words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-action-text.h"
#include "cl-pdf-report.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-version.h"
#include "cl-x509.h"

static ClVerification *
verify_signed (ClTestPki **out_pki, ClTestSignedJpeg **out_jpeg)
{
  ClTestPki *pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestSigner) signer = g_new0 (ClTestSigner, 1);
  g_autoptr(ClTrustStore) store = cl_trust_store_new (NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClTestSignedJpeg *jpeg;
  g_autofree char *path = NULL;

  signer->key = pki->signer->key;
  EVP_PKEY_up_ref (signer->key);
  signer->cert = X509_dup (pki->signer->cert);
  signer->cert_der = cl_test_cred_der (pki->signer);
  jpeg = cl_test_signed_jpeg_new (signer);
  path = cl_test_write_temp (jpeg->file, "report.jpg");
  options.trust_store = store;
  *out_pki = pki;
  *out_jpeg = jpeg;
  return cl_verify_file (path, &options, NULL);
}

static guint
count (const char *haystack, gsize len, const char *needle)
{
  guint n = 0;
  gsize needle_len = strlen (needle);

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      n++;
  return n;
}

static void
test_pdf_report (void)
{
  ClTestPki *pki = NULL;
  ClTestSignedJpeg *jpeg = NULL;
  g_autoptr(ClVerification) v = verify_signed (&pki, &jpeg);
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-pdf", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize len;
  guint n_pages;
  g_autofree char *count_marker = NULL;

  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  g_assert_true (cl_pdf_report_write (v, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Page objects ("/Type /Page" not followed by "s") and the page tree's count agree. */
  n_pages = count (contents, len, "/Type /Page\n") + count (contents, len, "/Type /Page ") +
            count (contents, len, "/Type /Page/") + count (contents, len, "/Type /Page>");
  g_assert_cmpuint (n_pages, >=, 1);
  count_marker = g_strdup_printf ("/Count %u", n_pages);
  g_assert_cmpuint (count (contents, len, count_marker), >=, 1);

  if (pdftotext != NULL) {
    const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_autofree char *flat = NULL;
    g_autofree char *fingerprint = cl_x509_sha256_hex (pki->signer->cert);
    g_autofree char *version = g_strdup_printf ("CredLink %s", cl_version_string ());
    GString *sha = g_string_new (NULL);
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    /* Long hex strings wrap: compare without white space. */
    flat = g_strdup (text);
    {
      char *out = flat;

      for (const char *in = text; *in != '\0'; in++)
        if (!g_ascii_isspace (*in))
          *out++ = *in;
      *out = '\0';
    }
    for (gsize i = 0; i < sizeof v->report->file_sha256; i++)
      g_string_append_printf (sha, "%02x", v->report->file_sha256[i]);
    g_assert_nonnull (strstr (text, "Content Credentials report"));
    g_assert_nonnull (strstr (text, cl_verdict_describe (v->verdict)));
    {
      g_autofree char *reason = g_strdup (v->reason);
      char *out = reason;

      for (const char *in = v->reason; *in != '\0'; in++)
        if (!g_ascii_isspace (*in))
          *out++ = *in;
      *out = '\0';
      g_assert_nonnull (strstr (flat, reason));
    }
    g_assert_nonnull (strstr (text, version));
    g_assert_nonnull (strstr (flat, sha->str));
    g_assert_nonnull (strstr (flat, fingerprint));
    g_assert_nonnull (strstr (text, "claimSignature.validated"));
    /* The provenance signal of its c2pa.created action (digitalCapture). */
    g_assert_nonnull (strstr (text, "Captured with a camera"));
    /* The edits: its one action, numbered. */
    g_assert_nonnull (strstr (text, "Edits"));
    g_assert_nonnull (strstr (text, "1. Created"));
    g_assert_null (strstr (text, "Unverified"));
    g_string_free (sha, TRUE);
  } else {
    g_test_message ("pdftotext not installed: text not checked");
  }

  cl_test_signed_jpeg_free (jpeg);
  cl_test_pki_free (pki);
}

/* A file changed after signing: its signals are still listed, under the warning. */
static void
test_pdf_unverified_signals (void)
{
  ClTestPki *pki = NULL;
  ClTestSignedJpeg *jpeg = NULL;
  /* Verified once as signed, to have the signed file and its offsets. */
  g_autoptr(ClVerification) signed_v = verify_signed (&pki, &jpeg);
  g_autoptr(GBytes) tampered = cl_test_flip_byte (jpeg->file, jpeg->pixel_offset, 0x40);
  g_autofree char *path = cl_test_write_temp (tampered, "tampered.jpg");
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-pdf", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pdf = g_build_filename (dir, "tampered.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(ClTrustStore) store = cl_trust_store_new (NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(GError) error = NULL;

  options.trust_store = store;
  v = cl_verify_file (path, &options, NULL);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  g_assert_true (cl_pdf_report_write (v, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext != NULL) {
    const char *argv[] = { pdftotext, pdf, "-", NULL };
    g_autofree char *text = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Unverified"));
    g_assert_nonnull (strstr (text, "Captured with a camera"));
  } else {
    g_test_skip ("pdftotext is not installed");
  }
  cl_test_signed_jpeg_free (jpeg);
  cl_test_pki_free (pki);
}

static void
test_pdf_unwritable (void)
{
  ClTestPki *pki = NULL;
  ClTestSignedJpeg *jpeg = NULL;
  g_autoptr(ClVerification) v = verify_signed (&pki, &jpeg);
  g_autoptr(GError) error = NULL;

  g_assert_false (cl_pdf_report_write (v, "/nonexistent-dir/report.pdf", &error));
  g_assert_nonnull (error);
  cl_test_signed_jpeg_free (jpeg);
  cl_test_pki_free (pki);
}

static void
test_action_text (void)
{
  g_assert_cmpstr (cl_action_text_describe ("c2pa.cropped"), ==, "Cropped");
  g_assert_null (cl_action_text_describe ("com.example.custom"));
  g_assert_cmpint (cl_action_text_source_flag (
                     "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"),
                   ==, CL_SOURCE_AI_GENERATED);
  g_assert_cmpint (cl_action_text_source_flag (
                     "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"),
                   ==, CL_SOURCE_CONTAINS_AI);
  g_assert_cmpint (cl_action_text_source_flag ("algorithmicMedia"), ==, CL_SOURCE_AI_GENERATED);
  g_assert_cmpint (cl_action_text_source_flag (
                     "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"),
                   ==, CL_SOURCE_CAMERA);
  g_assert_cmpint (cl_action_text_source_flag ("http://example.com/other"), ==, CL_SOURCE_OTHER);
  g_assert_cmpint (cl_action_text_source_flag (NULL), ==, CL_SOURCE_OTHER);
  g_assert_cmpstr (cl_action_text_flag_label (CL_SOURCE_AI_GENERATED), ==, "AI-generated");
  g_assert_cmpstr (cl_action_text_flag_label (CL_SOURCE_CAMERA), ==, "Captured with a camera");
  g_assert_cmpstr (cl_action_text_relationship ("parentOf"), ==, "Opened from");
  g_assert_cmpstr (cl_action_text_relationship ("componentOf"), ==, "Placed component");
  g_assert_cmpstr (cl_action_text_relationship ("inputTo"), ==, "Input to");
  g_assert_null (cl_action_text_relationship ("sibling"));
}

/* A JPEG XL without credentials (which gdk-pixbuf cannot read on Debian 12) still shows
 * its picture in the report: decoded as the verify list decodes it. */
static void
test_pdf_jxl_picture (void)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", "images", "sample1.jxl", NULL) : NULL;
  g_autofree char *dir = NULL, *pdf = NULL, *contents = NULL;
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(GError) error = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  gsize len;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_test_skip ("the shared sample1.jxl is not here");
    return;
  }
  dir = cl_test_tmp_dir_new ("credlink-pdf-jxl", CL_TEST_TMP_UNTIL_CASE_ENDS);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  store = cl_trust_store_new (NULL);
  options.trust_store = store;
  v = cl_verify_file (path, &options, NULL);
  g_assert_nonnull (v);
  g_assert_true (cl_pdf_report_write (v, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpuint (count (contents, len, "/Subtype /Image"), >=, 1);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-pdf/write", test_pdf_report);
  g_test_add_func ("/report-pdf/unwritable", test_pdf_unwritable);
  g_test_add_func ("/report-pdf/jxl-picture", test_pdf_jxl_picture);
  g_test_add_func ("/report-pdf/unverified-signals", test_pdf_unverified_signals);
  g_test_add_func ("/action-text/phrases", test_action_text);

  return g_test_run ();
}
