/* cl-parent-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <cbor.h>

#include "cl-c2pa-ids.h"
#include "cl-cbor-util.h"
#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-jumbf-writer.h"
#include "cl-parent-store.h"

#define MAX_PARENT_MANIFESTS 256
#define MAX_EXCLUSIONS 64


static void
parent_manifest_clear (gpointer data)
{
  g_free (((ClParentManifest *) data)->label);
}


void
cl_parent_store_free (ClParentStore *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->bytes);
  g_free (self->title);
  g_array_unref (self->manifests);
  g_free (self);
}


const ClParentManifest *
cl_parent_store_get_active (ClParentStore *self)
{
  return &g_array_index (self->manifests, ClParentManifest, self->manifests->len - 1);
}


/* Reads the box header at offset inside [offset, end): its length (8-byte headers
 * only, as every C2PA writer produces) and type. */
static gboolean
read_box (const guint8 *data,
          gsize         offset,
          gsize         end,
          gsize        *length,
          guint32      *type)
{
  guint32 lbox;

  if (end < offset || end - offset < 8)
    return FALSE;
  lbox = cl_jumbf_read_u32 (data, offset);
  if (lbox < 8 || lbox > end - offset)
    return FALSE;
  *length = lbox;
  *type = cl_jumbf_read_u32 (data, offset + 4);
  return TRUE;
}


/* Reads the jumd at the start of the superbox at offset: type UUID and label, and
 * where the content after the jumd starts. */
static gboolean
read_superbox_description (const guint8  *data,
                           gsize          offset,
                           gsize          length,
                           guint8         uuid[16],
                           char         **label,
                           gsize         *content_offset)
{
  gsize jumd_len;
  guint32 type;
  const guint8 *label_start;
  const guint8 *nul;

  if (!read_box (data, offset + 8, offset + length, &jumd_len, &type) ||
      type != CL_BOX_JUMD || jumd_len < 8 + 16 + 1 + 1)
    return FALSE;
  memcpy (uuid, data + offset + 16, 16);
  if ((data[offset + 32] & CL_JUMD_LABEL) == 0)
    return FALSE;
  label_start = data + offset + 33;
  nul = memchr (label_start, 0, jumd_len - 25);
  if (nul == NULL || !g_utf8_validate ((const char *) label_start, nul - label_start, NULL))
    return FALSE;
  *label = g_strndup ((const char *) label_start, nul - label_start);
  *content_offset = offset + 8 + jumd_len;
  return TRUE;
}


/* The child superbox of [offset, offset + length) labelled label (first match). */
static gboolean
find_child (const guint8 *data,
            gsize         offset,
            gsize         length,
            const char   *label,
            gsize        *child_offset,
            gsize        *child_length)
{
  guint8 uuid[16];
  g_autofree char *own_label = NULL;
  gsize child, child_len, content;
  guint32 type;

  if (!read_superbox_description (data, offset, length, uuid, &own_label, &content))
    return FALSE;
  for (child = content; read_box (data, child, offset + length, &child_len, &type);
       child += child_len) {
    g_autofree char *child_label = NULL;
    gsize ignored;

    if (type == CL_BOX_JUMB &&
        read_superbox_description (data, child, child_len, uuid, &child_label, &ignored) &&
        g_str_equal (child_label, label)) {
      *child_offset = child;
      *child_length = child_len;
      return TRUE;
    }
  }
  return FALSE;
}


ClParentStore *
cl_parent_store_parse (GBytes      *store,
                       const char  *title,
                       GError     **error)
{
  static const guint8 store_uuid[16] = CL_UUID_STORE;
  static const guint8 manifest_uuid[16] = CL_UUID_MANIFEST;
  static const guint8 update_uuid[16] = CL_UUID_UPDATE_MANIFEST;
  static const guint8 legacy_uuid[16] = CL_UUID_LEGACY_MANIFEST;
  gsize size;
  const guint8 *data = g_bytes_get_data (store, &size);
  g_autoptr(ClParentStore) self = g_new0 (ClParentStore, 1);
  gsize store_len, child, child_len, content, signature_len;
  guint32 type;
  guint8 uuid[16];
  g_autofree char *store_label = NULL;
  const ClParentManifest *active;

  self->bytes = g_bytes_ref (store);
  self->title = g_strdup (title);
  self->manifests = g_array_new (FALSE, TRUE, sizeof (ClParentManifest));
  g_array_set_clear_func (self->manifests, parent_manifest_clear);

  if (!read_box (data, 0, size, &store_len, &type) || type != CL_BOX_JUMB ||
      !read_superbox_description (data, 0, store_len, uuid, &store_label, &content) ||
      memcmp (uuid, store_uuid, 16) != 0) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The existing Content Credentials of “%s” are not a C2PA manifest store "
                   "(at offset 0 of the store)"), title);
    return NULL;
  }

  for (child = content; child < store_len; child += child_len) {
    ClParentManifest manifest = { 0, };
    gsize ignored;

    if (!read_box (data, child, store_len, &child_len, &type)) {
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                   _("The existing Content Credentials of “%s” are damaged "
                     "(bad box at offset %lu of the store)"), title, (gulong) child);
      return NULL;
    }
    if (type != CL_BOX_JUMB ||
        !read_superbox_description (data, child, child_len, uuid, &manifest.label, &ignored))
      continue;
    /* Compressed manifests cannot serve as a parent we reference (their signature
     * box is inside the brob); other boxes are not manifests. */
    if (memcmp (uuid, manifest_uuid, 16) != 0 && memcmp (uuid, update_uuid, 16) != 0 &&
        memcmp (uuid, legacy_uuid, 16) != 0) {
      g_free (manifest.label);
      continue;
    }
    if (self->manifests->len >= MAX_PARENT_MANIFESTS) {
      g_free (manifest.label);
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                   _("The existing Content Credentials of “%s” hold too many manifests"), title);
      return NULL;
    }
    manifest.offset = child;
    manifest.length = child_len;
    g_array_append_val (self->manifests, manifest);
  }
  if (self->manifests->len == 0) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The existing Content Credentials of “%s” hold no manifest this version "
                   "can keep"), title);
    return NULL;
  }

  active = cl_parent_store_get_active (self);
  if (!find_child (data, active->offset, active->length, "c2pa.signature",
                   &self->signature_offset, &signature_len)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                 _("The active manifest of “%s” has no signature (manifest at offset %lu"
                   " of the store)"), title, (gulong) active->offset);
    return NULL;
  }
  return g_steal_pointer (&self);
}


/* The CBOR item in the cbor box of the superbox at [offset, offset + length). */
static cbor_item_t *
load_cbor_content (const guint8 *data,
                   gsize         offset,
                   gsize         length)
{
  guint8 uuid[16];
  g_autofree char *label = NULL;
  gsize content, box_len;
  guint32 type;

  if (!read_superbox_description (data, offset, length, uuid, &label, &content) ||
      !read_box (data, content, offset + length, &box_len, &type) || type != CL_BOX_CBOR)
    return NULL;
  /* The source's own store is as untrusted as any file: the same caps as the validator. */
  return cl_cbor_load (data + content + 8, box_len - 8, NULL);
}


static cbor_item_t *
map_get (cbor_item_t *map,
         const char  *key)
{
  gsize key_len = strlen (key);

  if (map == NULL || !cbor_isa_map (map))
    return NULL;
  for (gsize i = 0; i < cbor_map_size (map); i++) {
    struct cbor_pair pair = cbor_map_handle (map)[i];

    if (cbor_isa_string (pair.key) && cbor_string_is_definite (pair.key) &&
        cbor_string_length (pair.key) == key_len &&
        memcmp (cbor_string_handle (pair.key), key, key_len) == 0)
      return pair.value;
  }
  return NULL;
}


static char *
dup_text (cbor_item_t *item)
{
  if (item == NULL || !cbor_isa_string (item) || !cbor_string_is_definite (item))
    return NULL;
  return g_strndup ((const char *) cbor_string_handle (item), cbor_string_length (item));
}


static gboolean
read_uint (cbor_item_t *item,
           guint64     *value)
{
  if (item == NULL || !cbor_isa_uint (item))
    return FALSE;
  *value = cbor_get_int (item);
  return TRUE;
}


ClParentBinding
cl_parent_store_check_binding (ClParentStore  *self,
                               const char     *source_path,
                               GCancellable   *cancellable,
                               GError        **error)
{
  const guint8 *data = g_bytes_get_data (self->bytes, NULL);
  const ClParentManifest *active = cl_parent_store_get_active (self);
  g_autoptr(GArray) exclusions = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  g_autofree char *alg = NULL;
  gsize assertions, assertions_len, box, box_len;
  cbor_item_t *hash_data = NULL;
  cbor_item_t *claim = NULL;
  cbor_item_t *list, *expected;
  const EVP_MD *md;
  guint8 digest[EVP_MAX_MD_SIZE];
  guint digest_len = 0;
  ClParentBinding binding = CL_PARENT_BINDING_UNKNOWN;
  g_autoptr(GError) local_error = NULL;

  if (!find_child (data, active->offset, active->length, "c2pa.assertions", &assertions,
                   &assertions_len) ||
      !find_child (data, assertions, assertions_len, "c2pa.hash.data", &box, &box_len) ||
      (hash_data = load_cbor_content (data, box, box_len)) == NULL)
    goto out;

  /* The algorithm: the assertion's own, else the claim's (C2PA 2.2 §15.4). */
  alg = dup_text (map_get (hash_data, "alg"));
  if (alg == NULL &&
      (find_child (data, active->offset, active->length, "c2pa.claim.v2", &box, &box_len) ||
       find_child (data, active->offset, active->length, "c2pa.claim", &box, &box_len)) &&
      (claim = load_cbor_content (data, box, box_len)) != NULL)
    alg = dup_text (map_get (claim, "alg"));
  md = alg != NULL ? cl_data_hash_md_from_name (alg) : NULL;
  expected = map_get (hash_data, "hash");
  if (md == NULL || expected == NULL || !cbor_isa_bytestring (expected) ||
      !cbor_bytestring_is_definite (expected))
    goto out;

  list = map_get (hash_data, "exclusions");
  if (list != NULL) {
    if (!cbor_isa_array (list) || cbor_array_size (list) > MAX_EXCLUSIONS)
      goto out;
    for (gsize i = 0; i < cbor_array_size (list); i++) {
      cbor_item_t *entry = cbor_array_handle (list)[i];
      ClByteRange range;

      if (!read_uint (map_get (entry, "start"), &range.start) ||
          !read_uint (map_get (entry, "length"), &range.length))
        goto out;
      g_array_append_val (exclusions, range);
    }
  }

  if (!cl_data_hash_file (source_path, md, (const ClByteRange *) exclusions->data,
                          exclusions->len, digest, &digest_len, NULL, NULL, cancellable,
                          &local_error)) {
    /* An exclusion past the end of the file cannot match; other errors are errors. */
    if (g_error_matches (local_error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED))
      binding = CL_PARENT_BINDING_MISMATCH;
    else
      g_propagate_error (error, g_steal_pointer (&local_error));
    goto out;
  }
  binding = cbor_bytestring_length (expected) == digest_len &&
            memcmp (cbor_bytestring_handle (expected), digest, digest_len) == 0
            ? CL_PARENT_BINDING_MATCH : CL_PARENT_BINDING_MISMATCH;

out:
  if (hash_data != NULL)
    cbor_decref (&hash_data);
  if (claim != NULL)
    cbor_decref (&claim);
  return binding;
}
