/* test-cite-summary.c: the citeable summary of a verification, as plain text and in the
 * PDF report (read back with pdftotext when installed): for shared fixtures with signals,
 * a signer, CAWG identities, edits, camera data and ingredients (skipped when absent),
 * every section's facts; for a file signed here and then changed, "Invalid" first and
 * the warning that nothing below is verified; short lines; text from the file cleaned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cl-camera-data.h"
#include "cl-cite-summary.h"
#include "cl-edit-timeline.h"
#include "cl-pdf-report.h"
#include "cl-test-c2pa.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-x509.h"

static char *
fixture (const char *relative)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL
    ? g_build_filename (shared, "c2pa-fixtures", relative, NULL) : NULL;

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path)
                                                                     : NULL;
}


/* Text without white space: wrapped lines compare with the values they hold. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}


static void
assert_holds (const char *squeezed_text,
              const char *fact)
{
  g_autofree char *needle = squeeze (fact);

  if (strstr (squeezed_text, needle) == NULL)
    g_error ("the summary does not hold \"%s\"", fact);
}


/* Every fact the verification has, section by section, found in squeezed_text
 * (the summary's text, or the PDF's). */
static void
assert_facts (ClVerification *v,
              const char     *squeezed_text)
{
  ClManifestReport *active = cl_validation_report_get_active (v->report);
  g_autoptr(GPtrArray) steps = cl_edit_timeline_collect (active);
  g_autoptr(GPtrArray) facts = cl_camera_data_collect (active);
  g_autofree char *name = g_path_get_basename (v->path);
  GString *sha = g_string_new (NULL);
  g_autofree char *sha_text = NULL;
  JsonArray *ingredients = active->ingredients != NULL
                           ? json_node_get_array (active->ingredients) : NULL;

  for (gsize i = 0; i < sizeof v->report->file_sha256; i++)
    g_string_append_printf (sha, "%02x", v->report->file_sha256[i]);
  sha_text = g_string_free (sha, FALSE);
  assert_holds (squeezed_text, name);
  assert_holds (squeezed_text, sha_text);
  assert_holds (squeezed_text, "CredLink " PACKAGE_VERSION);
  assert_holds (squeezed_text, cl_verdict_describe (v->verdict));
  for (guint i = 0; i < v->signals->len; i++) {
    g_autofree char *signal = cl_signal_describe (g_ptr_array_index (v->signals, i));

    assert_holds (squeezed_text, signal);
  }
  if (v->trust != NULL && v->trust->certs->len > 0) {
    g_autofree char *signer = cl_x509_display_name (((ClCertReport *) g_ptr_array_index (v->trust->certs, 0))->cert);

    assert_holds (squeezed_text, "Signer");
    assert_holds (squeezed_text, signer);
  }
  if (active->sig_time != NULL) {
    assert_holds (squeezed_text, "Time evidence");
    assert_holds (squeezed_text, active->sig_time);
  }
  if (active->tsa_name != NULL)
    assert_holds (squeezed_text, active->tsa_name);
  for (guint i = 0; active->identities != NULL && i < active->identities->len; i++) {
    ClIdentityReport *identity = g_ptr_array_index (active->identities, i);

    assert_holds (squeezed_text, "Identities");
    for (guint a = 0; identity->verified_identities != NULL &&
                      a < identity->verified_identities->len; a++) {
      ClVerifiedIdentity *account = g_ptr_array_index (identity->verified_identities, a);

      if (account->username != NULL)
        assert_holds (squeezed_text, account->username);
      if (account->provider_name != NULL)
        assert_holds (squeezed_text, account->provider_name);
    }
  }
  for (guint i = 0; i < steps->len; i++) {
    ClEditStep *step = g_ptr_array_index (steps, i);

    assert_holds (squeezed_text, step->phrase != NULL ? step->phrase : step->action);
    if (step->app != NULL)
      assert_holds (squeezed_text, step->app);
  }
  for (guint i = 0; i < facts->len; i++) {
    ClCameraFact *fact = g_ptr_array_index (facts, i);

    assert_holds (squeezed_text, fact->name);
    assert_holds (squeezed_text, fact->value);
  }
  for (guint i = 0; ingredients != NULL && i < json_array_get_length (ingredients); i++) {
    JsonObject *ingredient = json_array_get_object_element (ingredients, i);
    const char *title = json_object_get_string_member_with_default (ingredient, "title", NULL);

    if (title != NULL)
      assert_holds (squeezed_text, title);
  }
  for (guint i = 0; i < v->report->statuses->len; i++)
    assert_holds (squeezed_text, ((ClStatus *) g_ptr_array_index (v->report->statuses, i))->code);
}


/* The failure codes come before every other code in the text. */
static void
assert_failures_first (ClVerification *v,
                       const char     *text)
{
  const char *last_failure = text, *first_other = NULL;

  for (guint i = 0; i < v->report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (v->report->statuses, i);
    g_autofree char *line = g_strdup_printf ("%s %s", status->kind == CL_STATUS_FAILURE
                                             ? "Failure:" : status->kind == CL_STATUS_SUCCESS
                                             ? "Success:" : "Information:", status->code);
    const char *at = strstr (text, line);

    g_assert_nonnull (at);
    if (status->kind == CL_STATUS_FAILURE)
      last_failure = MAX (last_failure, at);
    else if (first_other == NULL || at < first_other)
      first_other = at;
  }
  if (first_other != NULL)
    g_assert_true (last_failure < first_other);
}


static void
assert_short_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++) {
    /* Only a line of one long word (a digest, an address) may pass the width. */
    if (g_utf8_strlen (lines[i], -1) > CL_CITE_TEXT_WIDTH) {
      g_autofree char *stripped = g_strstrip (g_strdup (lines[i]));
      const char *space = strrchr (stripped, ' ');

      g_assert_nonnull (space);
      g_assert_cmpint (g_utf8_strlen (stripped, space - stripped), <=, CL_CITE_TEXT_WIDTH);
      g_assert_null (strchr (space + 1, ' '));
    }
  }
}


static char *
pdf_text (ClVerification *v)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-cite", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  const char *argv[] = { pdftotext, "-raw", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_assert_true (cl_pdf_report_write (v, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return text;
}


static void
test_shared_fixtures (void)
{
  const char *names[] = {
    "images/ocsp.jpg", "images/adobe-20220124-E-clm-CAICAI.jpg", "images/C_with_CAWG_data.jpg",
  };
  g_autofree char *anchors = fixture ("certs/trust/test_cert_root_bundle.pem");
  g_autofree char *ekus = fixture ("certs/trust/store.cfg");
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  g_autoptr(ClTrustStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  gboolean any_ingredients = FALSE, any_edits = FALSE, any_identities = FALSE;

  if (anchors == NULL || ekus == NULL) {
    g_test_skip ("the shared C2PA fixtures are not available");
    return;
  }
  g_ptr_array_add (lists, cl_trust_list_new_from_files ("c2pa-rs-test-roots",
                                                        CL_TRUST_LIST_KIND_USER, anchors, NULL,
                                                        ekus, &error));
  g_assert_no_error (error);
  store = cl_trust_store_new (lists);
  options.trust_store = store;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    g_autofree char *path = fixture (names[i]);
    g_autoptr(ClVerification) v = NULL;
    g_autoptr(ClCiteSummary) summary = NULL;
    g_autofree char *text = NULL, *squeezed = NULL, *pdf = NULL;
    ClManifestReport *active;
    g_autoptr(GPtrArray) steps = NULL;

    if (path == NULL) {
      g_test_message ("%s is not there: skipped", names[i]);
      continue;
    }
    v = cl_verify_file (path, &options, NULL);
    g_assert_nonnull (v->report);
    active = cl_validation_report_get_active (v->report);
    g_assert_nonnull (active);
    summary = cl_cite_summary_new (v, NULL);
    text = cl_cite_summary_to_text (summary);
    g_test_message ("%s", text);
    squeezed = squeeze (text);
    assert_facts (v, squeezed);
    assert_failures_first (v, text);
    assert_short_lines (text);
    g_assert_true (g_str_has_prefix (text, "Content Credentials: "));
    /* The date of the check, locale-independent, with its zone. */
    g_assert_true (g_regex_match_simple ("Checked: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
                                         "[+-]\\d\\d:\\d\\d by CredLink ", text, 0, 0));
    if (v->trust != NULL && v->trust->list_name != NULL)
      assert_holds (squeezed, v->trust->list_label != NULL ? v->trust->list_label
                                                           : v->trust->list_name);
    steps = cl_edit_timeline_collect (active);
    any_edits |= steps->len > 0;
    any_ingredients |= active->ingredients != NULL &&
                       json_array_get_length (json_node_get_array (active->ingredients)) > 0;
    any_identities |= active->identities != NULL && active->identities->len > 0;

    pdf = pdf_text (v);
    if (pdf != NULL) {
      g_autofree char *pdf_squeezed = squeeze (pdf);

      assert_facts (v, pdf_squeezed);
      assert_holds (pdf_squeezed, summary->verdict_text);
    }
  }
  if (any_edits)
    g_test_message ("edits, ingredients %d, identities %d", any_ingredients, any_identities);
}


/* A file signed here with one pixel byte changed after. */
static ClVerification *
verify_tampered (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(ClTestSigner) signer = g_new0 (ClTestSigner, 1);
  g_autoptr(ClTrustStore) store = cl_trust_store_new (NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClTestSignedJpeg *jpeg;
  g_autofree guint8 *bytes = NULL;
  g_autoptr(GBytes) tampered = NULL;
  g_autofree char *path = NULL;
  gsize len;

  signer->key = pki->signer->key;
  EVP_PKEY_up_ref (signer->key);
  signer->cert = X509_dup (pki->signer->cert);
  signer->cert_der = cl_test_cred_der (pki->signer);
  jpeg = cl_test_signed_jpeg_new (signer);
  len = g_bytes_get_size (jpeg->file);
  bytes = g_memdup2 (g_bytes_get_data (jpeg->file, NULL), len);
  bytes[jpeg->pixel_offset] ^= 0x01;
  tampered = g_bytes_new (bytes, len);
  path = cl_test_write_temp (tampered, "changed after signing.jpg");
  cl_test_signed_jpeg_free (jpeg);
  options.trust_store = store;
  options.use_proof_cache = FALSE;
  return cl_verify_file (path, &options, NULL);
}


static void
test_invalid (void)
{
  g_autoptr(ClVerification) v = verify_tampered ();
  g_autoptr(ClCiteSummary) summary = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  summary = cl_cite_summary_new (v, NULL);
  g_assert_cmpint (summary->tone, ==, CL_CITE_TONE_BAD);
  text = cl_cite_summary_to_text (summary);
  g_test_message ("%s", text);
  lines = g_strsplit (text, "\n", -1);
  /* The verdict first, then why, then the warning before any fact. */
  g_assert_cmpstr (lines[0], ==, "Content Credentials: Invalid");
  g_assert_nonnull (strstr (text, "Warning: these Content Credentials did not validate"));
  g_assert_true (strstr (text, "Nothing below is") < strstr (text, "File: "));
  g_assert_true (strstr (text, "Warning:") < strstr (text, "Provenance signals"));
  g_assert_nonnull (strstr (text, "File: changed after signing.jpg"));
  /* The failure that made it invalid is listed first among the codes. */
  g_assert_nonnull (strstr (text, "Validation codes\n  Failure: "));
  assert_failures_first (v, text);
  assert_short_lines (text);

  pdf = pdf_text (v);
  if (pdf != NULL) {
    g_autofree char *squeezed = squeeze (pdf);

    assert_holds (squeezed, "Invalid");
    assert_holds (squeezed, summary->warning);
    assert_facts (v, squeezed);
  }
}


/* Text from the file cannot break the lines or grow without bound. */
static void
test_hostile_text (void)
{
  g_autoptr(ClVerification) v = verify_tampered ();
  g_autoptr(ClCiteSummary) summary = NULL;
  g_autofree char *text = NULL;
  GString *title = g_string_new ("Line\nbreak\x1b[31m ");
  ClManifestReport *active = cl_validation_report_get_active (v->report);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (title, 'x');
  /* An ingredient titled so: the ingredients section shows titles. */
  {
    JsonObject *ingredient = json_object_new ();
    JsonArray *list = json_array_new ();

    json_object_set_string_member (ingredient, "title", title->str);
    json_object_set_string_member (ingredient, "relationship", "parentOf");
    json_array_add_object_element (list, ingredient);
    if (active->ingredients != NULL)
      json_node_unref (active->ingredients);
    active->ingredients = json_node_init_array (json_node_alloc (), list);
    json_array_unref (list);
  }
  g_string_free (title, TRUE);
  summary = cl_cite_summary_new (v, NULL);
  text = cl_cite_summary_to_text (summary);
  g_assert_null (strstr (text, "\x1b"));
  g_assert_nonnull (strstr (text, "Line break"));
  g_assert_cmpuint (strlen (text), <, 20000);
}


/* A 64 × 32 JPEG stored turned a quarter to the left, with an EXIF APP1 after its SOI
 * whose Orientation (0x0112) 6 says to show it turned right: taller than wide. */
static char *
write_turned_jpeg (void)
{
  static const guint8 app1[] = {
    0xFF, 0xE1, 0, 34,
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,
    0, 1,
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
    0, 0, 0, 0,
  };
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 32);
  g_autofree char *jpeg = NULL;
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize jpeg_len = 0;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", &error,
                                            "quality", "90", NULL));
  g_assert_no_error (error);
  g_byte_array_append (file, (const guint8 *) jpeg, 2);
  g_byte_array_append (file, app1, sizeof app1);
  g_byte_array_append (file, (const guint8 *) jpeg + 2, jpeg_len - 2);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&file));
  return cl_test_write_temp (bytes, "turned.jpg");
}


/* The PDF's thumbnail of a photo stored sideways is upright (pdfimages lists it). */
static void
test_pdf_thumbnail_upright (void)
{
  g_autofree char *pdfimages = g_find_program_in_path ("pdfimages");
  g_autofree char *path = write_turned_jpeg ();
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-cite", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClVerification) v = NULL;
  g_auto(GStrv) lines = NULL;
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  int status = 0, width = 0, height = 0;

  if (pdfimages == NULL) {
    g_test_skip ("pdfimages (poppler-utils) is not installed");
    return;
  }
  options.use_proof_cache = FALSE;
  v = cl_verify_file (path, &options, NULL);
  g_assert_cmpint (v->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
  g_assert_true (cl_pdf_report_write (v, pdf, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { pdfimages, "-list", pdf, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &listing, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* "page num type width height …", a rule, then one line per image. */
  lines = g_strsplit (listing, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  g_assert_cmpint (sscanf (lines[2], "%*d %*d %*s %d %d", &width, &height), ==, 2);
  /* Scaled to the thumbnail's 140 points, upright. */
  g_assert_cmpint (width, ==, 70);
  g_assert_cmpint (height, ==, 140);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cite-summary/shared-fixtures", test_shared_fixtures);
  g_test_add_func ("/cite-summary/invalid", test_invalid);
  g_test_add_func ("/cite-summary/hostile-text", test_hostile_text);
  g_test_add_func ("/cite-summary/pdf-thumbnail-upright", test_pdf_thumbnail_upright);
  return g_test_run ();
}
