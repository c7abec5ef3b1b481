/* cl-cose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-cbor-util.h"
#include "cl-cose.h"
#include "cl-error.h"
#include "cl-limits.h"

#define COSE_SIGN1_TAG 18
#define COSE_HEADER_ALG 1
#define COSE_HEADER_X5CHAIN 33


void
cl_cose_sign1_free (ClCoseSign1 *sign1)
{
  if (sign1 == NULL)
    return;
  if (sign1->item != NULL)
    cbor_decref (&sign1->item);
  if (sign1->protected_map != NULL)
    cbor_decref (&sign1->protected_map);
  g_clear_pointer (&sign1->protected_bytes, g_bytes_unref);
  g_clear_pointer (&sign1->x5chain, g_ptr_array_unref);
  g_clear_pointer (&sign1->signature, g_bytes_unref);
  g_clear_pointer (&sign1->tst_token, g_bytes_unref);
  g_free (sign1->iat);
  g_free (sign1);
}


/* x5chain: one bstr, or an array of bstr (leaf first). */
static gboolean
parse_x5chain (cbor_item_t *value,
               GPtrArray   *out)
{
  if (cbor_isa_bytestring (value)) {
    GBytes *der = cl_cbor_dup_bytes (value);

    g_ptr_array_add (out, der);
    return TRUE;
  }
  if (cbor_isa_array (value) && cbor_array_size (value) > 0) {
    cbor_item_t **items = cbor_array_handle (value);

    for (gsize i = 0; i < cbor_array_size (value); i++) {
      GBytes *der = cl_cbor_dup_bytes (items[i]);

      if (der == NULL)
        return FALSE;
      g_ptr_array_add (out, der);
    }
    return TRUE;
  }
  return FALSE;
}


static cbor_item_t *
find_x5chain (cbor_item_t *map,
              gboolean    *both)
{
  cbor_item_t *by_int = cl_cbor_map_get_int (map, COSE_HEADER_X5CHAIN);
  cbor_item_t *by_text = cl_cbor_map_get (map, "x5chain");

  *both = by_int != NULL && by_text != NULL;
  return by_int != NULL ? by_int : by_text;
}


/* The number of elements of an array item, 0 for anything else. */
static gsize
array_size (cbor_item_t *item)
{
  return item != NULL && cbor_isa_array (item) ? cbor_array_size (item) : 0;
}


/* The lists of the headers, counted before any of their elements is read. */
static gboolean
headers_within_limits (ClCoseSign1  *sign1,
                       cbor_item_t  *x5chain,
                       GError      **error)
{
  cbor_item_t *rvals = cl_cbor_map_get (sign1->unprotected, "rVals");

  if (array_size (x5chain) > CL_LIMIT_X5CHAIN_CERTS) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                 _("The claim signature’s certificate chain holds more than %d certificates"),
                 CL_LIMIT_X5CHAIN_CERTS);
    return FALSE;
  }
  for (guint i = 0; i < 2; i++) {
    const char *key = i == 0 ? "sigTst" : "sigTst2";
    cbor_item_t *container = cl_cbor_map_get (sign1->unprotected, key);

    if (array_size (cl_cbor_map_get (container, "tstTokens")) > CL_LIMIT_TST_TOKENS) {
      g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                   _("The claim signature holds more than %d time-stamp tokens"),
                   CL_LIMIT_TST_TOKENS);
      return FALSE;
    }
  }
  if (array_size (cl_cbor_map_get (rvals, "ocspVals")) > CL_LIMIT_OCSP_RESPONSES) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                 _("The claim signature holds more than %d OCSP responses"),
                 CL_LIMIT_OCSP_RESPONSES);
    return FALSE;
  }
  return TRUE;
}


static void
parse_timestamp (ClCoseSign1 *sign1)
{
  cbor_item_t *container = cl_cbor_map_get (sign1->unprotected, "sigTst2");
  cbor_item_t *tokens;

  sign1->tst_version = 2;
  if (container == NULL) {
    container = cl_cbor_map_get (sign1->unprotected, "sigTst");
    sign1->tst_version = 1;
  }
  if (container == NULL) {
    sign1->tst_version = 0;
    return;
  }
  tokens = cl_cbor_map_get (container, "tstTokens");
  if (tokens == NULL || !cbor_isa_array (tokens) || cbor_array_size (tokens) == 0)
    return;   /* present but unusable: n_tst_tokens = 0 tells the validator */
  sign1->n_tst_tokens = cbor_array_size (tokens);
  sign1->tst_token = cl_cbor_dup_bytes (cl_cbor_map_get (cbor_array_handle (tokens)[0], "val"));
}


ClCoseSign1 *
cl_cose_sign1_parse (const guint8  *data,
                     gsize          len,
                     GError       **error)
{
  g_autoptr(ClCoseSign1) sign1 = g_new0 (ClCoseSign1, 1);
  g_autoptr(GError) local_error = NULL;
  cbor_item_t *array, **parts, *x5_protected, *x5_unprotected, *alg, *iat;
  gboolean both_p = FALSE, both_u = FALSE;
  const guint8 *pdata;
  gsize plen;

  sign1->x5chain = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  if (len > CL_LIMIT_COSE_BYTES) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                 _("The claim signature takes %lu bytes, more than the %d a signature may"),
                 (unsigned long) len, CL_LIMIT_COSE_BYTES);
    return NULL;
  }
  /* libcbor 0.8 refuses the one-byte head of tags 6–20 (0xC6–0xD4) as "unassigned",
   * and COSE_Sign1_Tagged is tag 18 (0xD2): take the tag off before decoding. */
  if (len > 0 && data[0] == 0xC0 + COSE_SIGN1_TAG) {
    data++;
    len--;
  }
  sign1->item = cl_cbor_load_limited (data, len, CL_LIMIT_CBOR_ITEMS_COSE, &local_error);
  if (sign1->item == NULL) {
    g_set_error (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                 _("The claim signature is not valid CBOR: %s"), local_error->message);
    return NULL;
  }
  array = sign1->item;
  if (cbor_isa_tag (array)) {
    if (cbor_tag_value (array) != COSE_SIGN1_TAG) {
      g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                           _("The claim signature is not a COSE_Sign1 structure"));
      return NULL;
    }
    array = cl_cbor_untag (array);
  }
  if (!cbor_isa_array (array) || cbor_array_size (array) != 4) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The claim signature is not a four-element COSE_Sign1 array"));
    return NULL;
  }
  parts = cbor_array_handle (array);
  if (!cl_cbor_get_bytes (parts[0], &pdata, &plen) || !cbor_isa_map (parts[1]) ||
      !(cbor_is_null (parts[2]) || cbor_isa_bytestring (parts[2])) ||
      (sign1->signature = cl_cbor_dup_bytes (parts[3])) == NULL) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The claim signature’s COSE_Sign1 fields have the wrong types"));
    return NULL;
  }
  sign1->protected_bytes = g_bytes_new (pdata, plen);
  sign1->unprotected = parts[1];
  if (plen > 0) {
    sign1->protected_map = cl_cbor_load_limited (pdata, plen, CL_LIMIT_CBOR_ITEMS_COSE,
                                                 NULL);
    if (sign1->protected_map == NULL || !cbor_isa_map (sign1->protected_map)) {
      g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                           _("The claim signature’s protected header is not a CBOR map"));
      return NULL;
    }
  }

  alg = cl_cbor_map_get_int (sign1->protected_map, COSE_HEADER_ALG);
  if (alg != NULL && !cl_cbor_get_int (alg, &sign1->alg))
    sign1->alg = 0;

  /* The signing credential: label 33 (or the legacy text label) in either bucket,
   * but only once (C2PA 2.2 §14.2). */
  x5_protected = find_x5chain (sign1->protected_map, &both_p);
  x5_unprotected = find_x5chain (sign1->unprotected, &both_u);
  if (x5_protected != NULL && x5_unprotected != NULL) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The claim signature carries two certificate chains"));
    return NULL;
  }
  if (x5_protected == NULL && x5_unprotected == NULL) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The claim signature has no certificate chain"));
    return NULL;
  }
  if (!headers_within_limits (sign1, x5_protected != NULL ? x5_protected : x5_unprotected,
                              error))
    return NULL;
  if (!parse_x5chain (x5_protected != NULL ? x5_protected : x5_unprotected, sign1->x5chain)) {
    g_set_error_literal (error, CL_COSE_ERROR, CL_COSE_ERROR_MALFORMED,
                         _("The claim signature’s certificate chain is malformed"));
    return NULL;
  }

  iat = cl_cbor_map_get (sign1->protected_map, "iat");
  if (iat != NULL) {
    sign1->has_iat = TRUE;
    sign1->iat = cl_cbor_dup_string (cl_cbor_untag (iat));
  }
  sign1->rvals = cl_cbor_map_get (sign1->unprotected, "rVals");
  parse_timestamp (sign1);
  return g_steal_pointer (&sign1);
}
