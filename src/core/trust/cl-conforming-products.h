/* cl-conforming-products.h: the C2PA Conforming Products List (CPL): the generator and
 * validator products the conformance program has evaluated, each with the name its
 * claim-signing certificates carry, its status and its assurance level.
 *
 * A signer is matched to a record by the record's UUID in the certificate's
 * c2pa-cpl-record extension (1.3.6.1.4.1.62558.4) when it carries one, else by the
 * subject's CN, O, OU and C equal to the record's DN. The list says what a product is
 * and how far it is trusted to tell the truth; it never makes a signer trusted (only a
 * trust list does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

/* The file in the trust folder that holds the installed list. */
#define CL_CONFORMING_PRODUCTS_FILE "conforming-products-list.json"

typedef struct {
  gatomicrefcount  ref_count;
  char            *record_id;
  char            *applicant;
  char            *status;              /* "conformant", or what the program says instead */
  char            *product_type;        /* "generatorProduct" / "validatorProduct" */
  char            *name;                /* DN CN */
  char            *organisation;        /* DN O */
  char            *unit;                /* DN OU, or NULL */
  char            *country;             /* DN C */
  int              max_assurance_level; /* 1 or 2; 0 when none is given */
  GStrv            attestation_methods;
  GStrv            spec_versions;
  GStrv            disallowed_signals;  /* inception signals it may not claim */
  char            *conformance_date;    /* "2025-06-27", or NULL */
} ClConformingProduct;

ClConformingProduct *cl_conforming_product_ref    (ClConformingProduct *product);
void                 cl_conforming_product_unref  (ClConformingProduct *product);
gboolean             cl_conforming_product_is_conformant (const ClConformingProduct *product);
/* Whether the record forbids its product to claim the signal of this id ("capturedMedia"). */
gboolean             cl_conforming_product_disallows (const ClConformingProduct *product,
                                                      const char                *signal_id);
JsonNode            *cl_conforming_product_to_json (const ClConformingProduct *product);
/* "Pixel Camera (Google LLC), conformant since 2025-06-27, assurance level 2" */
char                *cl_conforming_product_describe (const ClConformingProduct *product);

/* The records of a CPL file (ClConformingProduct *), or NULL with an error in words. */
GPtrArray           *cl_conforming_products_load  (const char          *path,
                                                   GError             **error);
/* The record for the signer's certificate, a new reference, or NULL. */
ClConformingProduct *cl_conforming_products_find  (GPtrArray           *products,
                                                   X509                *cert);
/* Checks the list at path and puts a copy in trust_dir (atomically); the number of records
 * in out_n_records. */
gboolean             cl_conforming_products_install (const char        *path,
                                                     const char        *trust_dir,
                                                     guint             *out_n_records,
                                                     GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClConformingProduct, cl_conforming_product_unref)

G_END_DECLS
