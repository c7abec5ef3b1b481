/* cl-test-c2pa.h: test-only builders for JUMBF boxes, C2PA manifest stores and small
 * signed JPEGs, made from scratch with libcbor and OpenSSL (no fixture files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>
#include <glib.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "cl-validation-report.h"

G_BEGIN_DECLS

/* map[key] = value (value's reference moves into the map). */
void     cl_test_cbor_map_put   (cbor_item_t  *map,
                                 const char   *key,
                                 cbor_item_t  *value);
/* The CBOR encoding of item, which it takes (and frees). */
GBytes      *cl_test_cbor_serialize  (cbor_item_t  *item);
/* A hashed URI {url, hash} with a SHA-256 hash. */
cbor_item_t *cl_test_hashed_uri      (const char   *url,
                                      const guint8 *hash);
/* SHA-256 of a superbox's payload (everything after its 8-byte header): what a hashed URI
 * to an assertion or a manifest covers. */
void         cl_test_superbox_digest (GBytes       *box,
                                      guint8        digest[32]);
/* The assertion superbox of label with CBOR content, and in hash_out what a hashed URI to
 * it records. */
GBytes      *cl_test_assertion_box   (const char   *label,
                                      GBytes       *cbor_content,
                                      guint8        hash_out[32]);
/* A c2pa.hash.data assertion's CBOR excluding [start, start + length), with 32-bit widths
 * so that a placeholder and the final assertion have the same size. */
GBytes      *cl_test_data_hash_cbor  (guint32       start,
                                      guint32       length,
                                      const guint8 *hash);
/* A c2pa.actions.v2 map with one c2pa.created action (digitalCapture). */
cbor_item_t *cl_test_actions_item    (void);
/* Whether the report has a status with this code, of any kind. */
gboolean cl_test_report_has_code (ClValidationReport *report,
                                  const char         *code);
/* A copy of bytes with the byte at offset XORed with mask. */
GBytes  *cl_test_flip_byte      (GBytes       *bytes,
                                 gsize         offset,
                                 guint8        mask);

/* A box: u32 length | type | payload. */
GBytes  *cl_test_box       (const char   *type,
                            const guint8 *payload,
                            gsize         len);
/* A superbox with a jumd (type UUID, toggles 0x03, label) and the given child boxes. */
GBytes  *cl_test_superbox  (const guint8  uuid[16],
                            const char   *label,
                            GBytes      **children,
                            guint         n_children);

typedef struct {
  EVP_PKEY *key;
  X509     *cert;
  GBytes   *cert_der;
} ClTestSigner;

/* A self-signed P-256 certificate with O and CN; valid from now-days_before to
 * now+days_after (days_after negative: already expired). */
ClTestSigner *cl_test_signer_new  (int           days_before,
                                   int           days_after);
void          cl_test_signer_free (ClTestSigner *signer);

/* A manifest store with one manifest (c2pa.actions.v2 and the hard binding given as
 * binding_label + its CBOR), its claim signed with ES256 by key; chain: the x5chain
 * (GBytes DER, leaf first). */
GBytes  *cl_test_store_new  (EVP_PKEY     *key,
                             GPtrArray    *chain,
                             const char   *label,
                             const char   *binding_label,
                             GBytes       *binding_cbor);
/* The same whose claim generator has an icon at icon_url; when that names the actions
 * assertion ("self#jumbf=c2pa.assertions/c2pa.actions.v2"), its hash is the claim's
 * (icon_hash_wrong: one bit off). */
GBytes  *cl_test_store_new_with_icon (EVP_PKEY   *key,
                                      GPtrArray  *chain,
                                      const char *label,
                                      const char *binding_label,
                                      GBytes     *binding_cbor,
                                      const char *icon_url,
                                      gboolean    icon_hash_wrong);
/* plain with store in one APP11 segment at offset (after SOI and APP0: 20 for
 * cl_test_plain_jpeg()). */
GBytes  *cl_test_embed_jpeg (GBytes       *plain,
                             gsize         offset,
                             GBytes       *store);
/* plain (a PNG) with store in a caBX chunk after IHDR. */
GBytes  *cl_test_embed_png  (GBytes       *plain,
                             GBytes       *store);

/* A small baseline JPEG (SOI, APP0, DQT, SOF0, SOS + entropy bytes, EOI). */
GBytes  *cl_test_plain_jpeg (void);

/* A JPEG carrying a complete, correctly signed C2PA v2 manifest store (actions + data
 * hash) in APP11 after APP0. The offsets of interesting bytes are returned for tampering:
 * the first byte of the entropy data, of the actions CBOR, of the claim CBOR. */
typedef struct {
  GBytes *file;
  gsize   store_offset;     /* of the APP11 marker */
  gsize   store_length;     /* APP11 segment incl. marker */
  gsize   pixel_offset;
  gsize   actions_offset;
  gsize   claim_offset;
  gsize   jumd_offset;      /* the first description box of the store */
  char   *manifest_label;
} ClTestSignedJpeg;

ClTestSignedJpeg *cl_test_signed_jpeg_new  (ClTestSigner     *signer);
/* A store that binds cl_test_plain_jpeg() (with the store after its APP0, offset 20) by a
 * box hash; icon as in cl_test_store_new_with_icon(). */
GBytes           *cl_test_box_hash_store_for_plain (EVP_PKEY   *key,
                                                    GPtrArray  *chain,
                                                    const char *icon_url,
                                                    gboolean    icon_hash_wrong);
/* The same small JPEG bound by a box hash (c2pa.hash.boxes) instead of a data hash. */
GBytes           *cl_test_box_hashed_jpeg_new (ClTestSigner   *signer);
void              cl_test_signed_jpeg_free (ClTestSignedJpeg *jpeg);
/* Writes bytes as name in a new directory, removed when the current test case ends. */
char             *cl_test_write_temp       (GBytes           *bytes,
                                            const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTestSigner, cl_test_signer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTestSignedJpeg, cl_test_signed_jpeg_free)

G_END_DECLS
