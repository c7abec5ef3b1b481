/* cl-manifest-prerelease.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-manifest-prerelease.h"


static GChecksumType
checksum_type (const char *alg)
{
  if (alg == NULL || g_str_equal (alg, "sha256"))
    return G_CHECKSUM_SHA256;
  if (g_str_equal (alg, "sha384"))
    return G_CHECKSUM_SHA384;
  if (g_str_equal (alg, "sha512"))
    return G_CHECKSUM_SHA512;
  return (GChecksumType) -1;
}


/* Whether hash is the digest of the payload of one of the content boxes of the assertion
 * superbox box (the old way of hashing an assertion). */
static gboolean
hashes_content_only (ClJumbfBox *box,
                     const char *alg,
                     GBytes     *hash)
{
  GChecksumType type = checksum_type (alg);

  if (box == NULL || box->children == NULL || (int) type < 0 ||
      g_bytes_get_size (hash) != (gsize) g_checksum_type_get_length (type))
    return FALSE;
  for (guint i = 0; i < box->children->len; i++) {
    ClJumbfBox *content = g_ptr_array_index (box->children, i);
    g_autoptr(GChecksum) checksum = NULL;
    guint8 digest[64];
    gsize digest_len = sizeof digest;
    const guint8 *payload;
    gsize len;

    if (cl_jumbf_box_is_superbox (content))
      continue;
    payload = cl_jumbf_box_payload (content, &len);
    checksum = g_checksum_new (type);
    g_checksum_update (checksum, payload, (gssize) len);
    g_checksum_get_digest (checksum, digest, &digest_len);
    if (memcmp (digest, g_bytes_get_data (hash, NULL), digest_len) == 0)
      return TRUE;
  }
  return FALSE;
}


gboolean
cl_manifest_store_is_prerelease (ClManifestStore *store)
{
  ClManifest *m = cl_manifest_store_get_active (store);
  g_autoptr(GPtrArray) references = NULL;

  if (m->claim == NULL || m->claim->version != 1)
    return FALSE;
  references = cl_claim_all_assertions (m->claim);
  for (guint i = 0; i < references->len; i++) {
    ClHashedUri *uri = g_ptr_array_index (references, i);
    g_autofree char *abs_uri = cl_jumbf_uri_make_absolute (m->label, uri->url);
    ClJumbfBox *box = cl_jumbf_resolve_uri (store->root, m->box, abs_uri);

    if (uri->hash != NULL &&
        hashes_content_only (box, uri->alg != NULL ? uri->alg : m->claim->alg, uri->hash))
      return TRUE;
  }
  return FALSE;
}
