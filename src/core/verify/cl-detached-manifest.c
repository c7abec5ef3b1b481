/* cl-detached-manifest.c: the .c2pa file next to an image, or the one the person names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset.h"
#include "cl-detached-manifest.h"
#include "cl-error.h"


char *
cl_detached_manifest_find_sidecar (const char *image_path)
{
  g_autofree char *dir = g_path_get_dirname (image_path);
  g_autofree char *base = g_path_get_basename (image_path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;
  g_autofree char *sidecar = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".c2pa", NULL);
  sidecar = g_build_filename (dir, name, NULL);
  if (g_str_equal (sidecar, image_path) || !g_file_test (sidecar, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&sidecar);
}


/* The store in path, which must be a .c2pa manifest store and nothing else. */
static GBytes *
load_store (const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ClAssetInfo) info = cl_asset_read_file (path, cancellable, &local_error);

  if (info == NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The manifest file “%s” cannot be read: %s"), path, local_error->message);
    return NULL;
  }
  if (info->format != CL_ASSET_FORMAT_C2PA) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("“%s” is not a C2PA manifest store (.c2pa) but a %s file"), path,
                 cl_asset_format_to_string (info->format));
    return NULL;
  }
  return g_bytes_ref (info->store);
}


gboolean
cl_detached_manifest_attach (const char    *image_path,
                             ClAssetInfo   *info,
                             const char    *manifest_path,
                             gboolean       find_sidecar,
                             char         **used_path,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *path = NULL;
  GBytes *store;

  *used_path = NULL;
  if (manifest_path != NULL)
    path = g_strdup (manifest_path);
  else if (find_sidecar && info->store == NULL && info->format != CL_ASSET_FORMAT_C2PA)
    path = cl_detached_manifest_find_sidecar (image_path);
  if (path == NULL)
    return TRUE;
  store = load_store (path, cancellable, error);
  if (store == NULL)
    return FALSE;
  /* Where a store sits in the image (if one does) stays what its hash may exclude. */
  g_clear_pointer (&info->store, g_bytes_unref);
  info->store = store;
  *used_path = g_steal_pointer (&path);
  return TRUE;
}


char *
cl_detached_manifest_explain (const char *reason,
                              const char *manifest_file,
                              gboolean    sidecar)
{
  /* The reason would speak of an image that changed: there is none. */
  if (manifest_file == NULL)
    return g_strdup (_("This is a manifest store on its own (.c2pa), without the image it "
                       "describes: its manifests and signature are checked, but its hard "
                       "binding has no image to match, so it is reported as not matching. "
                       "Verify the image with this file as its manifest"));
  return g_strdup_printf (sidecar ? _("Credentials read from %s, found next to the image. %s")
                                  : _("Credentials read from %s. %s"), manifest_file, reason);
}
