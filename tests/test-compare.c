/* test-compare.c: two verified files side by side — the facts that differ, whether the
 * image content is the same — and the claim thumbnail beside a file's own pixels, on
 * JPEGs signed in set-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cl-compare-window.h"
#include "cl-signed-thumbnail-group.h"
#include "cl-test-gui.h"
#include "cl-test-sign-util.h"
#include "cl-test-signing.h"
#include "cl-test-tmp.h"
#include "cl-verification-compare.h"

typedef struct {
  char           *dir;
  ClVerification *first;      /* signed, title "Harbour" */
  ClVerification *retitled;   /* the same source signed again, title "Harbour at dawn" */
  ClVerification *other;      /* another picture */
} Fixture;

static Fixture fx;


static ClVerification *
sign_and_verify (const char *source,
                 const char *name,
                 const char *title)
{
  ClTestSigningIdentity *id = cl_test_signing_identity (CL_COSE_ALG_ES256, fx.dir);
  g_autofree char *output = g_build_filename (fx.dir, name, NULL);
  ClSignOptions options = { .title = title };
  ClVerifyOptions verify = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  ClSignResult *result = cl_signer_sign_file (id->profile, &options, source, output, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  cl_sign_result_free (result);
  verify.use_proof_cache = FALSE;
  return cl_verify_file (output, &verify, NULL);
}


static const ClCompareRow *
row_named (GPtrArray  *rows,
           const char *fact)
{
  for (guint i = 0; i < rows->len; i++) {
    const ClCompareRow *row = g_ptr_array_index (rows, i);

    if (g_str_equal (row->fact, fact))
      return row;
  }
  g_assert_not_reached ();
}


static void
test_compare_facts (void)
{
  g_autoptr(GPtrArray) rows = cl_verification_compare (fx.first, fx.retitled);
  g_autoptr(GPtrArray) others = cl_verification_compare (fx.first, fx.other);
  g_autofree char *same = cl_verification_compare_summary (fx.first, fx.retitled);
  g_autofree char *different = cl_verification_compare_summary (fx.first, fx.other);
  g_autofree char *itself = cl_verification_compare_summary (fx.first, fx.first);
  const ClCompareRow *title = row_named (rows, "Title");

  g_assert_true (title->differs);
  g_assert_cmpstr (title->left, ==, "Harbour");
  g_assert_cmpstr (title->right, ==, "Harbour at dawn");
  g_assert_false (row_named (rows, "Signer")->differs);
  g_assert_false (row_named (rows, "Verdict")->differs);
  /* Each signing is a manifest of its own; the pixels are the same. */
  g_assert_true (row_named (rows, "Manifest")->differs);
  g_assert_false (row_named (rows, "Image content (SHA-256, credentials left out)")->differs);
  g_assert_cmpstr (same, ==, "The same image content: only the credentials differ");

  g_assert_true (row_named (others, "Image content (SHA-256, credentials left out)")->differs);
  g_assert_cmpstr (different, ==, "Different image content: the pixels or metadata changed");
  g_assert_cmpstr (itself, ==, "The same file, byte for byte");
}


static ClVerifyItem *
item_for (ClVerification *verification)
{
  g_autoptr(GFile) file = g_file_new_for_path (verification->path);
  ClVerifyItem *item = cl_verify_item_new (file);

  cl_verify_item_set_verification (item, verification);
  return item;
}


/* The window offers the verified files only, starts with the chosen one beside the next,
 * and follows a new choice. */
static void
test_compare_window (void)
{
  g_autoptr(GListStore) items = g_list_store_new (CL_TYPE_VERIFY_ITEM);
  g_autoptr(ClVerifyItem) first = item_for (fx.first);
  g_autoptr(ClVerifyItem) retitled = item_for (fx.retitled);
  g_autoptr(ClVerifyItem) other = item_for (fx.other);
  g_autoptr(GFile) pending_file = g_file_new_for_path ("/nonexistent/still-verifying.jpg");
  g_autoptr(ClVerifyItem) pending = cl_verify_item_new (pending_file);
  GtkWidget *window;
  guint first_differences;

  g_list_store_append (items, first);
  g_list_store_append (items, pending);
  /* One verified file: nothing to compare. */
  g_assert_null (cl_compare_window_new (G_LIST_MODEL (items), first));

  g_list_store_append (items, retitled);
  g_list_store_append (items, other);
  window = cl_compare_window_new (G_LIST_MODEL (items), first);
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (cl_compare_window_get_summary (CL_COMPARE_WINDOW (window)), ==,
                   "The same image content: only the credentials differ");
  first_differences = cl_compare_window_get_n_differences (CL_COMPARE_WINDOW (window));
  g_assert_cmpuint (first_differences, >=, 2);   /* title and manifest at least */

  cl_compare_window_select (CL_COMPARE_WINDOW (window), first, other);
  g_assert_cmpstr (cl_compare_window_get_summary (CL_COMPARE_WINDOW (window)), ==,
                   "Different image content: the pixels or metadata changed");
  g_assert_cmpuint (cl_compare_window_get_n_differences (CL_COMPARE_WINDOW (window)), >,
                    first_differences - 1);
  cl_test_drain_main_context ();
  gtk_window_destroy (GTK_WINDOW (window));
}


/* The claim thumbnail our signer made and the file's pixels both appear; a file without
 * credentials hides the group. */
static void
test_signed_thumbnail (void)
{
  GtkWidget *window = gtk_window_new ();
  ClSignedThumbnailGroup *group = g_object_new (CL_TYPE_SIGNED_THUMBNAIL_GROUP, NULL);
  g_autofree char *plain = cl_test_make_image (fx.dir, "plain", "jpeg", 64, 48);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) unsigned_file = NULL;
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (group));
  gtk_window_present (GTK_WINDOW (window));
  cl_signed_thumbnail_group_set_verification (group, fx.first);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  while (!cl_signed_thumbnail_group_is_complete (group) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (cl_signed_thumbnail_group_is_complete (group));

  options.use_proof_cache = FALSE;
  unsigned_file = cl_verify_file (plain, &options, NULL);
  cl_signed_thumbnail_group_set_verification (group, unsigned_file);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  gtk_window_destroy (GTK_WINDOW (window));
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *source = NULL;
  g_autofree char *another = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fx.dir = cl_test_tmp_dir_new ("credlink-compare", CL_TEST_TMP_UNTIL_EXIT);
  source = cl_test_make_image (fx.dir, "harbour", "jpeg", 320, 240);
  another = cl_test_make_image (fx.dir, "square", "jpeg", 200, 200);
  fx.first = sign_and_verify (source, "harbour-1.jpg", "Harbour");
  fx.retitled = sign_and_verify (source, "harbour-2.jpg", "Harbour at dawn");
  fx.other = sign_and_verify (another, "square-1.jpg", "Square");

  g_test_add_func ("/compare/facts", test_compare_facts);
  g_test_add_func ("/compare/window", test_compare_window);
  g_test_add_func ("/compare/signed-thumbnail", test_signed_thumbnail);
  status = g_test_run ();

  cl_verification_unref (fx.first);
  cl_verification_unref (fx.retitled);
  cl_verification_unref (fx.other);
  cl_test_signing_identities_free ();
  cl_test_end_worker_threads ();
  g_free (fx.dir);
  return status;
}
