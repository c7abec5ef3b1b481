/* cl-validator-ica.h: identity assertions of sig_type "cawg.identity_claims_aggregation"
 * (CAWG identity 1.x §8.1) checked as c2pa-rs 0.91 checks them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cbor.h>

#include "cl-identity-report.h"
#include "cl-validation.h"

G_BEGIN_DECLS

/* Checks the COSE_Sign1 signature (sig_bytes) of an identity assertion at uri whose
 * signer payload is payload, logging cawg.ica.* statuses; what the credential names goes
 * into identity. */
void cl_validation_check_ica (ClValidation     *v,
                              cbor_item_t      *payload,
                              const guint8     *sig_bytes,
                              gsize             sig_len,
                              const char       *uri,
                              ClIdentityReport *identity);

G_END_DECLS
