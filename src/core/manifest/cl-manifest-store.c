/* cl-manifest-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-jumbf-brob.h"
#include "cl-limits.h"
#include "cl-manifest-store.h"

static const guint8 uuid_store[16] = CL_UUID_STORE;
static const guint8 uuid_manifest[16] = CL_UUID_MANIFEST;
static const guint8 uuid_update[16] = CL_UUID_UPDATE_MANIFEST;
static const guint8 uuid_legacy[16] = CL_UUID_LEGACY_MANIFEST;
static const guint8 uuid_compressed[16] = CL_UUID_COMPRESSED;
static const guint8 uuid_assertions[16] = CL_UUID_ASSERTION_STORE;


/* The assertions of a manifest are the superboxes of its (first) assertion store. */
static gboolean
assertions_within_limit (ClJumbfBox  *manifest,
                         GError     **error)
{
  ClJumbfBox *assertion_store = NULL;
  guint n = 0;

  for (guint i = 0; i < manifest->children->len && assertion_store == NULL; i++) {
    ClJumbfBox *child = g_ptr_array_index (manifest->children, i);

    if (cl_jumbf_box_has_uuid (child, uuid_assertions))
      assertion_store = child;
  }
  if (assertion_store == NULL)
    return TRUE;
  for (guint i = 0; i < assertion_store->children->len; i++)
    if (cl_jumbf_box_is_superbox (g_ptr_array_index (assertion_store->children, i)))
      n++;
  if (n <= CL_LIMIT_ASSERTIONS)
    return TRUE;
  g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
               _("The manifest “%s” holds more than %d assertions"),
               manifest->label != NULL ? manifest->label : "", CL_LIMIT_ASSERTIONS);
  return FALSE;
}


/* A compressed manifest (c2cm) holds a brob box whose content is the whole manifest
 * superbox (c2ma or c2um) compressed with Brotli. budget holds what the store's compressed
 * manifests may still expand to, n_boxes the boxes of the store so far. */
static ClJumbfBox *
decompress_manifest (ClJumbfBox  *compressed,
                     gsize       *budget,
                     guint       *n_boxes,
                     GError     **error)
{
  ClJumbfBox *brob = cl_jumbf_box_find_child_type (compressed, CL_BOX_BROB);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ClJumbfBox) manifest = NULL;

  if (brob == NULL) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The compressed manifest at offset %lu"
                   " holds no compressed data"), (gulong) compressed->offset);
    return NULL;
  }
  bytes = cl_jumbf_brob_decompress (brob, MIN (*budget, CL_LIMIT_DECOMPRESSED_SIZE), error);
  if (bytes == NULL)
    return NULL;
  *budget -= g_bytes_get_size (bytes);
  manifest = cl_jumbf_parse (bytes, error);
  if (manifest == NULL) {
    g_prefix_error (error, _("In the compressed manifest at offset %lu: "),
                    (gulong) compressed->offset);
    return NULL;
  }
  *n_boxes += cl_jumbf_box_count (manifest);
  if (*n_boxes > CL_LIMIT_JUMBF_BOXES) {
    g_set_error (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_MALFORMED,
                 _("The manifest store holds more than %d boxes once decompressed"),
                 CL_LIMIT_JUMBF_BOXES);
    return NULL;
  }
  if (!cl_jumbf_box_has_uuid (manifest, uuid_manifest) &&
      !cl_jumbf_box_has_uuid (manifest, uuid_update)) {
    g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                 _("The compressed manifest at offset %lu"
                   " does not hold a manifest"), (gulong) compressed->offset);
    return NULL;
  }
  return g_steal_pointer (&manifest);
}


/* Every compressed manifest of the store is replaced in its tree by the manifest it
 * holds, so that URIs, labels and hashes inside it resolve as in any other. */
static gboolean
decompress_manifests (ClJumbfBox  *root,
                      GError     **error)
{
  gsize budget = CL_LIMIT_STORE_SIZE;
  guint n_boxes = cl_jumbf_box_count (root);

  for (guint i = 0; i < root->children->len; i++) {
    ClJumbfBox *child = g_ptr_array_index (root->children, i);
    ClJumbfBox *manifest;

    if (!cl_jumbf_box_has_uuid (child, uuid_compressed))
      continue;
    manifest = decompress_manifest (child, &budget, &n_boxes, error);
    if (manifest == NULL)
      return FALSE;
    cl_jumbf_box_replace_child (root, i, manifest);
  }
  return TRUE;
}


static void
add_manifest (ClManifestStore *store,
              ClManifest      *m)
{
  g_ptr_array_add (store->manifests, m);
  /* A label that two manifests carry names neither. */
  if (g_hash_table_contains (store->by_label, m->label))
    g_hash_table_insert (store->by_label, m->label, NULL);
  else
    g_hash_table_insert (store->by_label, m->label, m);
}


ClManifestStore *
cl_manifest_store_parse (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(ClManifestStore) store = g_new0 (ClManifestStore, 1);

  store->ref_count = 1;
  store->bytes = g_bytes_ref (bytes);
  store->manifests = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_manifest_free);
  store->by_label = g_hash_table_new (g_str_hash, g_str_equal);
  store->root = cl_jumbf_parse (bytes, error);
  if (store->root == NULL)
    return NULL;
  if (!cl_jumbf_box_has_uuid (store->root, uuid_store)) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The JUMBF data is not a C2PA manifest store"));
    return NULL;
  }
  if (!decompress_manifests (store->root, error))
    return NULL;
  for (guint i = 0; i < store->root->children->len; i++) {
    ClJumbfBox *child = g_ptr_array_index (store->root->children, i);

    if (cl_jumbf_box_has_uuid (child, uuid_manifest) ||
        cl_jumbf_box_has_uuid (child, uuid_update) ||
        cl_jumbf_box_has_uuid (child, uuid_legacy)) {
      if (store->manifests->len >= CL_LIMIT_MANIFESTS) {
        g_set_error (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                     _("The manifest store holds more than %d manifests"), CL_LIMIT_MANIFESTS);
        return NULL;
      }
      if (!assertions_within_limit (child, error))
        return NULL;
      add_manifest (store, cl_manifest_new (child));
    }
  }
  if (store->manifests->len == 0) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The manifest store holds no manifest"));
    return NULL;
  }
  return g_steal_pointer (&store);
}


ClManifestStore *
cl_manifest_store_ref (ClManifestStore *store)
{
  g_atomic_int_inc (&store->ref_count);
  return store;
}


void
cl_manifest_store_unref (ClManifestStore *store)
{
  if (store == NULL || !g_atomic_int_dec_and_test (&store->ref_count))
    return;
  g_hash_table_unref (store->by_label);
  g_ptr_array_unref (store->manifests);
  cl_jumbf_box_free (store->root);
  g_bytes_unref (store->bytes);
  g_free (store);
}


ClManifest *
cl_manifest_store_get_active (ClManifestStore *store)
{
  return g_ptr_array_index (store->manifests, store->manifests->len - 1);
}


ClManifest *
cl_manifest_store_lookup (ClManifestStore *store,
                          const char      *label)
{
  return label != NULL ? g_hash_table_lookup (store->by_label, label) : NULL;
}


ClManifest *
cl_manifest_store_manifest_of (ClManifestStore *store,
                               ClJumbfBox      *box)
{
  for (; box != NULL; box = box->parent) {
    for (guint i = 0; i < store->manifests->len; i++) {
      ClManifest *m = g_ptr_array_index (store->manifests, i);

      if (m->box == box)
        return m;
    }
  }
  return NULL;
}
