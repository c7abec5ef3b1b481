/* cl-test-boxes.h: JPEG and PNG files built box by box for the box-hash tests, each box
 * written down where it stands (as c2pa-rs measures it), and signed with a
 * c2pa.hash.boxes binding computed from that layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-test-pki.h"

G_BEGIN_DECLS

/* The label of the manifests the box-hash tests sign. */
#define CL_TEST_BOXES_LABEL "urn:c2pa:5b0e4c1a-9d2f-4e3b-8a71-3c6d2e1f0a9b:credlink"

/* A box of the plain file (before the store goes in), as c2pa-rs measures it. */
typedef struct {
  char  name[8];
  gsize start;
  gsize len;
} ClTestBox;

typedef struct {
  GByteArray *bytes;
  GArray     *boxes;     /* ClTestBox */
} ClTestBoxAsset;

void    cl_test_box_asset_init       (ClTestBoxAsset *a);
void    cl_test_box_asset_clear      (ClTestBoxAsset *a);

/* SOI, APP0, APP1, a short APP11 (no box), a JUMBF APP11 that is not C2PA, COM, DQT, SOF0,
 * DHT, DRI, SOS with stuffed bytes and three restart markers, fill bytes, EOI. The store
 * goes at offset 20, after APP0. */
void    cl_test_box_asset_build_jpeg (ClTestBoxAsset *a);
/* A 2 × 2 grey PNG: signature, IHDR, tEXt, IDAT, IEND (and three bytes after IEND). */
void    cl_test_box_asset_build_png  (ClTestBoxAsset *a);

/* The index of the box called name (which must be there). */
guint   cl_test_box_index            (ClTestBoxAsset *a,
                                      const char     *name);

typedef struct {
  const char *first;       /* box names first..last of the plain file, in order */
  const char *last;
  gboolean    excluded;
  gboolean    store;       /* the C2PA box (first/last unused) */
} ClTestBoxGroup;

/* The file with a store whose c2pa.hash.boxes hashes these groups of its boxes, signed by
 * the signer of pki (x5chain: signer, intermediate), embedded at offset 20 of a JPEG or
 * after IHDR of a PNG. */
/* The c2pa.hash.boxes CBOR for groups of the plain file's boxes (for a format the
 * signing below cannot embed in). */
GBytes *cl_test_box_hash_cbor        (ClTestBoxAsset       *a,
                                      const ClTestBoxGroup *groups,
                                      guint                 n_groups);
GBytes *cl_test_box_asset_sign       (ClTestBoxAsset       *a,
                                      gboolean              png,
                                      const ClTestBoxGroup *groups,
                                      guint                 n_groups,
                                      const ClTestPki      *pki);

G_END_DECLS
