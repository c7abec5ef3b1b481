/* fuzz-cbor.c: the CBOR entry points of a manifest, each over the same bytes and under the
 * caps of cl-limits.h: a claim, a claim signature (COSE_Sign1) and a CBOR assertion, as
 * the report converts it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-cbor-util.h"
#include "cl-claim.h"
#include "cl-cose.h"
#include "cl-limits.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *status = NULL;
  ClClaim *claim = cl_claim_parse (data, size, &status, NULL);
  ClCoseSign1 *sign1 = cl_cose_sign1_parse (data, size, NULL);
  g_autoptr(cbor_item_t) assertion = cl_cbor_load (data, size, NULL);

  g_assert_true (claim != NULL || status != NULL);
  g_clear_pointer (&claim, cl_claim_free);
  if (sign1 != NULL)
    g_assert_cmpuint (sign1->x5chain->len, <=, CL_LIMIT_X5CHAIN_CERTS);
  g_clear_pointer (&sign1, cl_cose_sign1_free);
  if (assertion != NULL) {
    /* Converted only to run the converter over hostile data; NULL when it refuses. */
    JsonNode *node = cl_cbor_to_json (assertion);

    g_clear_pointer (&node, json_node_unref);
  }
  return 0;
}
