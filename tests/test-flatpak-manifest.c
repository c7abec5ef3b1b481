/* test-flatpak-manifest.c: the Flatpak manifest cannot be built here, so check
 * that it is valid JSON and says what we ship: the app id, the command, the
 * network permission and no host filesystem, libcbor built before the app, the WebP
 * and HEIF loaders for gdk-pixbuf built too and found through the loaders cache they
 * write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

static void
test_manifest (void)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "..", "flatpak",
                                            APP_ID ".json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *args, *modules;
  gboolean network = FALSE;
  gboolean loaders_cache = FALSE;
  gboolean webp_loader = FALSE;
  gboolean heif_loader = FALSE;
  guint n_modules;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (root, "command"), ==, "credlink");
  g_assert_cmpstr (json_object_get_string_member (root, "runtime"), ==, "org.gnome.Platform");

  args = json_object_get_array_member (root, "finish-args");
  for (guint i = 0; i < json_array_get_length (args); i++) {
    const char *arg = json_array_get_string_element (args, i);

    network |= g_str_equal (arg, "--share=network");
    loaders_cache |= g_str_has_prefix (arg, "--env=GDK_PIXBUF_MODULE_FILE=/app/");
    g_assert_false (g_str_has_prefix (arg, "--filesystem=host"));
    g_assert_false (g_str_has_prefix (arg, "--filesystem=home"));
  }
  g_assert_true (network);

  modules = json_object_get_array_member (root, "modules");
  n_modules = json_array_get_length (modules);
  g_assert_cmpuint (n_modules, >=, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (modules, 0),
                                                  "name"), ==, "libcbor");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (modules,
                                                                                 n_modules - 1),
                                                  "buildsystem"), ==, "meson");
  for (guint i = 0; i < n_modules - 1; i++) {
    JsonObject *module = json_array_get_object_element (modules, i);
    const char *name = json_object_get_string_member (module, "name");
    g_autofree char *options = json_object_has_member (module, "config-opts")
      ? json_to_string (json_object_get_member (module, "config-opts"), FALSE) : NULL;

    webp_loader |= g_str_equal (name, "webp-pixbuf-loader");
    /* libheif with its gdk-pixbuf plugin, after the WebP loader has begun the cache. */
    heif_loader |= webp_loader && g_str_equal (name, "libheif") && options != NULL &&
                   strstr (options, "-DWITH_GDK_PIXBUF=ON") != NULL;
  }
  g_assert_true (webp_loader);
  g_assert_true (heif_loader);
  g_assert_true (loaders_cache);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flatpak/manifest", test_manifest);
  return g_test_run ();
}
