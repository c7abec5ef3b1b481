/* cl-test-crowded.h: test-only builders for crowded C2PA credentials — one signed manifest
 * with many assertions, many references to them, many redactions or many ingredients —
 * to check that the validator stays linear in what the credentials list, and to make the
 * files that show it (tests/craft-crowded.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-test-c2pa.h"

G_BEGIN_DECLS

typedef struct {
  guint n_items;        /* assertions "cl.test.item__N", after a c2pa.actions.v2 */
  guint n_references;   /* claim references to the items, reference i naming item i mod n_items */
  guint n_redactions;   /* redactions of assertions of another manifest, which is not there */
  guint n_ingredients;  /* c2pa.ingredient.v2 assertions (input, no provenance), all referenced */
  gsize item_size;      /* bytes of padding in each item's CBOR */
  guint item_ints;      /* small integers in each item's CBOR (each one decoded on its own) */
} ClTestCrowd;

/* The manifest label of every crowded store. */
#define CL_TEST_CROWD_LABEL "urn:c2pa:5b8c0a6e-3c1d-4e2f-9a7b-1c2d3e4f5a6b"

/* A manifest store with one manifest as crowd says, its claim signed with ES256 by signer
 * (the actions assertion is referenced first; there is no hard binding). */
GBytes *cl_test_crowded_store_new (ClTestSigner      *signer,
                                   const ClTestCrowd *crowd);
/* cl_test_plain_jpeg() with store in as many APP11 segments as it needs. */
GBytes *cl_test_crowded_jpeg_new  (GBytes            *store);

G_END_DECLS
