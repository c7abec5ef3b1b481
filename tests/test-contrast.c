/* test-contrast.c: the verdicts read by more than their colour, in every style.
 *
 * Four files are signed and verified here (trusted against a trust list of the test's
 * own, valid, tampered, unsigned). The verdict banner of each is drawn with the cairo
 * renderer as the application draws it (an AdwApplication loads the app's style sheets
 * from its resource base path, style-hc.css among them), and its title's contrast with
 * the background behind it is measured with WCAG's formula: at least 4.5:1, and 7:1 in
 * high contrast; the icon at least 3:1 (WCAG's figure for what is not text). Each
 * verdict has its own words and its own icon, in the banner and in the file list. Run
 * once per style (tests/meson.build sets ADW_DEBUG_HIGH_CONTRAST and
 * ADW_DEBUG_COLOR_SCHEME).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "cl-compare-window.h"
#include "cl-history-page.h"
#include "cl-test-gui.h"
#include "cl-test-history.h"
#include "cl-test-keyboard.h"
#include "cl-test-tmp.h"
#include "cl-trust-list.h"
#include "cl-trust-store.h"
#include "cl-verdict-banner.h"
#include "cl-verify-detail.h"
#include "cl-verify-page.h"
#include "cl-verify-row.h"
#include "cl-window.h"

/* WCAG 2.1 relative luminance of an sRGB colour given as 0xRRGGBB. */
static double
luminance (guint32 rgb)
{
  double channels[3] = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff };
  double linear[3];

  for (guint i = 0; i < 3; i++) {
    double c = channels[i] / 255.0;

    linear[i] = c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

static double
contrast_ratio (guint32 a,
                guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The window as drawn, by the cairo renderer: 0xRRGGBB per pixel, width × height. */
typedef struct {
  guint32 *pixels;
  int      width;
  int      height;
} Image;

static void
render_window (GtkWidget *window,
               Image     *image)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *bytes = NULL;
  gsize stride;

  cl_test_wait_for_frames (window);
  image->width = gdk_paintable_get_intrinsic_width (paintable);
  image->height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (image->width, >, 0);
  g_assert_cmpint (image->height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, image->width, image->height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, gtk_native_get_surface (GTK_NATIVE (window)),
                                       &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, image->width,
                                                              image->height));
  gsk_renderer_unrealize (renderer);

  /* gdk_texture_download(): cairo's ARGB32, premultiplied, native endian. The window is
   * opaque: the colour channels are the colour. */
  stride = (gsize) image->width * 4;
  bytes = g_malloc ((gsize) image->height * stride);
  gdk_texture_download (texture, bytes, stride);
  image->pixels = g_new (guint32, (gsize) image->width * (gsize) image->height);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++) {
      guint32 argb;

      memcpy (&argb, bytes + (gsize) y * stride + (gsize) x * 4, sizeof argb);
      image->pixels[(gsize) y * (gsize) image->width + (gsize) x] = argb & 0xffffff;
    }
}

/* The colour most pixels of widget's area have (its background), and the one that stands
 * out most from it (the text's or the icon's own colour, where a glyph covers whole
 * pixels); their contrast ratio. */
static double
widget_contrast (const Image *image,
                 GtkWidget   *window,
                 GtkWidget   *widget,
                 const char  *what)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  GHashTableIter iter;
  gpointer key, value;
  guint best_count = 0;
  guint32 background = 0, ink = 0;
  double best_ratio = 1.0;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  x0 = MAX (0, (int) floor (bounds.origin.x));
  y0 = MAX (0, (int) floor (bounds.origin.y));
  x1 = MIN (image->width, (int) ceil (bounds.origin.x + bounds.size.width));
  y1 = MIN (image->height, (int) ceil (bounds.origin.y + bounds.size.height));
  g_assert_cmpint (x1 - x0, >, 4);
  g_assert_cmpint (y1 - y0, >, 4);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++) {
      gpointer pixel = GUINT_TO_POINTER (image->pixels[(gsize) y * (gsize) image->width + (gsize) x]);

      g_hash_table_insert (counts, pixel,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pixel)) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count) {
      best_count = GPOINTER_TO_UINT (value);
      background = GPOINTER_TO_UINT (key);
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (contrast_ratio (GPOINTER_TO_UINT (key), background) > best_ratio) {
      best_ratio = contrast_ratio (GPOINTER_TO_UINT (key), background);
      ink = GPOINTER_TO_UINT (key);
    }
  g_test_message ("%s: #%06x on #%06x, %.2f:1", what, ink, background, best_ratio);
  return best_ratio;
}

static guint32
pixel_at (const Image *image,
          int          x,
          int          y)
{
  g_assert_true (x >= 0 && x < image->width && y >= 0 && y < image->height);
  return image->pixels[(gsize) y * (gsize) image->width + (gsize) x];
}

/* How well widget's edge stands out from what is around it: the most contrasting of the
 * pixels along the inside of its left edge, half-way down (its bounds take in its CSS
 * margin: a few pixels in), against the window beside it. */
static double
edge_contrast (const Image *image,
               GtkWidget   *window,
               GtkWidget   *widget)
{
  graphene_rect_t bounds;
  double best_ratio = 1.0;
  guint32 outside;
  int x, y;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  x = (int) floor (bounds.origin.x);
  y = (int) (bounds.origin.y + bounds.size.height / 2);
  outside = pixel_at (image, x - 4, y);
  for (int i = 0; i < 8; i++)
    best_ratio = MAX (best_ratio, contrast_ratio (pixel_at (image, x + i, y), outside));
  g_test_message ("the banner's edge: %.2f:1 against #%06x", best_ratio, outside);
  return best_ratio;
}

/* Every label in view under widget stands out from its background at least minimum:1. */
static void
assert_labels_readable (const Image *image,
                        GtkWidget   *window,
                        GtkWidget   *widget,
                        double       minimum)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    g_assert_cmpfloat (widget_contrast (image, window, widget,
                                        gtk_label_get_text (GTK_LABEL (widget))), >=, minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_readable (image, window, child, minimum);
}

static gboolean
is_verdict_box (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "verdict-box");
}

static gboolean
is_title (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-2");
}

static gboolean
is_image (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_IMAGE (widget);
}

static const struct {
  const char   *file;
  ClBannerKind  kind;
} verdicts[] = {
  { "trusted.jpg", CL_BANNER_TRUSTED },
  { "valid.jpg", CL_BANNER_VALID },
  { "tampered.jpg", CL_BANNER_INVALID },
  { "unsigned.jpg", CL_BANNER_NO_CREDENTIALS },
};

/* A copy of the file at from, a byte of its entropy-coded image data changed (well after
 * any manifest, before the end marker), written at to. */
static void
write_changed_copy (const char *from,
                    const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 64);
  contents[length - 16] ^= 0x01;
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, &error));
  g_assert_no_error (error);
}

/* trusted.jpg signed by a PKI on the default trust store, valid.jpg by one that is not,
 * tampered.jpg a copy of it changed after signing, and unsigned.jpg a changed copy of the
 * image valid.jpg was signed from (changed: the same pixels as a file verified before
 * would be recovered from the proof cache). The trust store, also the default. */
static ClTrustStore *
make_files (const char *dir,
            ClTestPki  *newsroom,
            ClTestPki  *stranger)
{
  g_autofree char *root_pem = g_build_filename (dir, "newsroom.pem", NULL);
  g_autofree char *trusted = cl_test_history_sign_image (newsroom, "newsroom", dir, "trusted.jpg");
  g_autofree char *valid = cl_test_history_sign_image (stranger, "stranger", dir, "valid.jpg");
  g_autofree char *tampered = g_build_filename (dir, "tampered.jpg", NULL);
  g_autofree char *plain = g_build_filename (dir, "unsigned-valid.jpg", NULL);
  g_autofree char *changed_plain = g_build_filename (dir, "unsigned.jpg", NULL);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
  ClTrustStore *store;
  g_autoptr(GError) error = NULL;

  write_changed_copy (valid, tampered);
  write_changed_copy (plain, changed_plain);
  cl_test_write_pem (root_pem, newsroom->root, NULL);
  g_ptr_array_add (lists, cl_trust_list_new_from_files ("newsroom", CL_TRUST_LIST_KIND_USER,
                                                        root_pem, NULL, NULL, &error));
  g_assert_no_error (error);
  store = cl_trust_store_new (lists);
  cl_trust_store_set_default (store);
  return store;
}

typedef struct {
  char            *dir;
  ClTestPki       *newsroom;
  ClTestPki       *stranger;
  ClTrustStore    *store;
  ClWindow        *window;
  gboolean         high_contrast;
  double           text_minimum;   /* contrast ratios */
  double           icon_minimum;
} Fixture;

/* The four files, verified in a new window. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  AdwStyleManager *style = adw_style_manager_get_default ();

  fixture->dir = cl_test_tmp_dir_new ("credlink-contrast", CL_TEST_TMP_UNTIL_CASE_ENDS);
  fixture->newsroom = cl_test_pki_new (NULL, NULL);
  fixture->stranger = cl_test_pki_new (NULL, NULL);
  /* WCAG's AA figures for text and for what is not text; in high contrast AAA's for text
   * and 4.5:1 for the icons, and the banner framed: a border, not a tint. */
  fixture->high_contrast = adw_style_manager_get_high_contrast (style);
  fixture->text_minimum = fixture->high_contrast ? 7.0 : 4.5;
  fixture->icon_minimum = fixture->high_contrast ? 4.5 : 3.0;
  g_test_message ("high contrast: %s, dark: %s", fixture->high_contrast ? "yes" : "no",
                  adw_style_manager_get_dark (style) ? "yes" : "no");

  fixture->store = make_files (fixture->dir, fixture->newsroom, fixture->stranger);
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    g_ptr_array_add (files, g_file_new_build_filename (fixture->dir, verdicts[i].file, NULL));
  fixture->window = cl_window_new (GTK_APPLICATION (g_application_get_default ()));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cl_window_open_files (fixture->window, (GFile **) files->pdata, files->len);
  cl_test_wait_until_verified (fixture->window, files->len);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cl_test_destroy_all_windows ();
  cl_trust_store_set_default (NULL);
  g_object_unref (fixture->store);
  cl_test_pki_free (fixture->newsroom);
  cl_test_pki_free (fixture->stranger);
  g_free (fixture->dir);
}

static void
test_verdicts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  ClWindow *window = fixture->window;
  ClVerifyPage *page = cl_window_get_verify_page (window);
  ClVerdictBanner *banner = cl_verify_detail_get_banner (cl_verify_page_get_detail (page));
  GtkListBox *list = cl_test_file_list (window);

  g_assert_nonnull (list);
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++) {
    guint position = cl_test_position_of (cl_window_get_files (window), verdicts[i].file);
    ClVerifyRow *row = CL_VERIFY_ROW (gtk_list_box_get_row_at_index (list, (int) position));
    GtkImage *status = cl_verify_row_get_status_icon (row);
    const char *title_text = cl_banner_kind_title (verdicts[i].kind);
    GtkWidget *title, *icon;
    Image image = { NULL, 0, 0 };
    const char *icon_name;

    cl_verify_page_select (page, position);
    cl_test_drain_main_context ();
    g_assert_cmpint (cl_verdict_banner_get_kind (banner), ==, verdicts[i].kind);

    /* Told by words and by an icon of its own, not by colour alone: in the banner, and
     * in the list, where the icon's tooltip (and accessible name) is the verdict. */
    icon = cl_test_find_widget (GTK_WIDGET (banner), is_image, NULL);
    title = cl_test_find_widget (GTK_WIDGET (banner), is_title, NULL);
    icon_name = gtk_image_get_icon_name (GTK_IMAGE (icon));
    g_assert_nonnull (icon_name);
    g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (
                                              gtk_widget_get_display (icon)), icon_name));
    g_assert_false (g_hash_table_contains (icons, icon_name));
    g_hash_table_add (icons, (gpointer) icon_name);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, title_text);
    g_assert_false (g_hash_table_contains (titles, (gpointer) title_text));
    g_hash_table_add (titles, (gpointer) title_text);
    g_assert_cmpstr (gtk_image_get_icon_name (status), ==, icon_name);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (status)), ==, title_text);

    render_window (GTK_WIDGET (window), &image);
    g_assert_cmpfloat (widget_contrast (&image, GTK_WIDGET (window), title, verdicts[i].file),
                       >=, fixture->text_minimum);
    g_assert_cmpfloat (widget_contrast (&image, GTK_WIDGET (window), icon, icon_name), >=,
                       fixture->icon_minimum);
    assert_labels_readable (&image, GTK_WIDGET (window), GTK_WIDGET (banner), fixture->text_minimum);
    g_assert_cmpfloat (widget_contrast (&image, GTK_WIDGET (window), GTK_WIDGET (status),
                                        "the list's icon"), >=, fixture->icon_minimum);
    if (fixture->high_contrast)
      g_assert_cmpfloat (edge_contrast (&image, GTK_WIDGET (window),
                                        cl_test_find_widget (GTK_WIDGET (banner), is_verdict_box,
                                                             NULL)), >=, 3.0);
    g_free (image.pixels);
  }
}

static gboolean
says_it_differs (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), " (differs)");
}

static guint
count_widgets (GtkWidget *root,
               gboolean (*match) (GtkWidget *widget, gconstpointer data))
{
  guint n = match (root, NULL) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, match);
  return n;
}

/* The compare window marks a fact that differs in words, readable in every style. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *files = cl_window_get_files (fixture->window);
  g_autoptr(ClVerifyItem) trusted = g_list_model_get_item (
    files, cl_test_position_of (files, "trusted.jpg"));
  g_autoptr(ClVerifyItem) valid = g_list_model_get_item (
    files, cl_test_position_of (files, "valid.jpg"));
  GtkWidget *compare = cl_compare_window_new (files, trusted);
  GtkWidget *marked;
  Image image = { NULL, 0, 0 };

  g_assert_nonnull (compare);
  gtk_window_set_default_size (GTK_WINDOW (compare), 900, 700);
  gtk_window_present (GTK_WINDOW (compare));
  cl_compare_window_select (CL_COMPARE_WINDOW (compare), trusted, valid);
  cl_test_drain_main_context ();
  /* Signed by two signers, one of them trusted: the signer and the verdict at least. */
  g_assert_cmpuint (cl_compare_window_get_n_differences (CL_COMPARE_WINDOW (compare)), >=, 2);
  g_assert_cmpuint (count_widgets (compare, says_it_differs), ==,
                    cl_compare_window_get_n_differences (CL_COMPARE_WINDOW (compare)));
  marked = cl_test_find_widget (compare, says_it_differs, NULL);
  render_window (compare, &image);
  g_assert_cmpfloat (widget_contrast (&image, compare, marked, gtk_label_get_label (
                                        GTK_LABEL (marked))), >=, fixture->text_minimum);
  g_free (image.pixels);
}

/* A list's status icon whose tooltip is data. */
static gboolean
is_status_icon_saying (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "file-status") &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* The history's rows: each verdict with an icon of its own, named in words. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "proofs.db", NULL);
  g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);
  ClHistoryPage *page = cl_window_get_history_page (fixture->window);
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  Image image = { NULL, 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++) {
    g_autofree char *path = g_build_filename (fixture->dir, verdicts[i].file, NULL);

    cl_test_history_verify_into (path, db, fixture->store);
  }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "history");
  cl_history_page_set_database (page, db);
  do
    g_main_context_iteration (NULL, TRUE);
  while (cl_history_page_is_loading (page) || cl_history_page_is_rechecking (page));
  g_assert_cmpuint (cl_history_page_get_n_shown (page), ==, G_N_ELEMENTS (verdicts));

  render_window (window, &image);
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++) {
    const char *title_text = cl_banner_kind_title (verdicts[i].kind);
    const char *icon_name = cl_banner_kind_icon_name (verdicts[i].kind);
    /* The row of this verdict: its icon says it in words. */
    GtkWidget *icon = cl_test_find_widget (GTK_WIDGET (page), is_status_icon_saying, title_text);

    g_assert_nonnull (icon);
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, icon_name);
    g_assert_false (g_hash_table_contains (icons, icon_name));
    g_hash_table_add (icons, (gpointer) icon_name);
    g_assert_cmpfloat (widget_contrast (&image, window, icon, title_text), >=,
                       fixture->icon_minimum);
  }
  g_free (image.pixels);
}

static int test_status;

static void
run_tests (GApplication *app)
{
  /* The application's life is the tests': held while they run. */
  g_application_hold (app);
  g_test_add ("/contrast/verdicts", Fixture, NULL, fixture_set_up, test_verdicts,
              fixture_tear_down);
  g_test_add ("/contrast/compare", Fixture, NULL, fixture_set_up, test_compare,
              fixture_tear_down);
  g_test_add ("/contrast/history", Fixture, NULL, fixture_set_up, test_history,
              fixture_tear_down);
  test_status = g_test_run ();
  g_application_release (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  /* An application with CredLink's resource base path: libadwaita loads style.css from it,
   * and style-dark.css, style-hc.css and style-hc-dark.css as the style asks. */
  app = adw_application_new ("io.github.credlink.CredLink.TestContrast",
                             G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), "/io/github/credlink/CredLink");
  g_signal_connect (app, "activate", G_CALLBACK (run_tests), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  cl_test_end_worker_threads ();
  return test_status;
}
