/* cl-status-codes.h: the C2PA validation status codes (C2PA 2.2 §15.2.2, CAWG identity
 * assertion §8), spelled exactly as c2pa-rs 0.91 spells them, one name each. Every file that
 * logs, classifies or explains a code takes it from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* algorithm */
#define CL_CODE_ALGORITHM_DEPRECATED  "algorithm.deprecated"
#define CL_CODE_ALGORITHM_UNSUPPORTED "algorithm.unsupported"

/* assertion */
#define CL_CODE_ASSERTION_ACCESSIBLE                 "assertion.accessible"
#define CL_CODE_ASSERTION_ACTION_INGREDIENT_MISMATCH "assertion.action.ingredientMismatch"
#define CL_CODE_ASSERTION_ACTION_MALFORMED           "assertion.action.malformed"
#define CL_CODE_ASSERTION_ACTION_REDACTED            "assertion.action.redacted"
#define CL_CODE_ASSERTION_ACTION_REDACTION_MISMATCH  "assertion.action.redactionMismatch"

#define CL_CODE_ASSERTION_BMFF_HASH_ADDITIONAL_EXCLUSIONS_PRESENT "assertion.bmffHash.additionalExclusionsPresent"
#define CL_CODE_ASSERTION_BMFF_HASH_MALFORMED                     "assertion.bmffHash.malformed"
#define CL_CODE_ASSERTION_BMFF_HASH_MATCH                         "assertion.bmffHash.match"
#define CL_CODE_ASSERTION_BMFF_HASH_MISMATCH                      "assertion.bmffHash.mismatch"

#define CL_CODE_ASSERTION_BOXES_HASH_MALFORMED   "assertion.boxesHash.malformed"
#define CL_CODE_ASSERTION_BOXES_HASH_MATCH       "assertion.boxesHash.match"
#define CL_CODE_ASSERTION_BOXES_HASH_MISMATCH    "assertion.boxesHash.mismatch"
#define CL_CODE_ASSERTION_BOXES_HASH_UNKNOWN_BOX "assertion.boxesHash.unknownBox"
#define CL_CODE_ASSERTION_CBOR_INVALID           "assertion.cbor.invalid"

#define CL_CODE_ASSERTION_COLLECTION_HASH_INCORRECT_FILE_COUNT "assertion.collectionHash.incorrectFileCount"
#define CL_CODE_ASSERTION_COLLECTION_HASH_INVALID_URI          "assertion.collectionHash.invalidURI"
#define CL_CODE_ASSERTION_COLLECTION_HASH_MALFORMED            "assertion.collectionHash.malformed"
#define CL_CODE_ASSERTION_COLLECTION_HASH_MATCH                "assertion.collectionHash.match"
#define CL_CODE_ASSERTION_COLLECTION_HASH_MISMATCH             "assertion.collectionHash.mismatch"

#define CL_CODE_ASSERTION_DATA_HASH_ADDITIONAL_EXCLUSIONS_PRESENT "assertion.dataHash.additionalExclusionsPresent"
#define CL_CODE_ASSERTION_DATA_HASH_MALFORMED                     "assertion.dataHash.malformed"
#define CL_CODE_ASSERTION_DATA_HASH_MATCH                         "assertion.dataHash.match"
#define CL_CODE_ASSERTION_DATA_HASH_MISMATCH                      "assertion.dataHash.mismatch"
#define CL_CODE_ASSERTION_DATA_HASH_REDACTED                      "assertion.dataHash.redacted"

#define CL_CODE_ASSERTION_HASHED_URI_MATCH     "assertion.hashedURI.match"
#define CL_CODE_ASSERTION_HASHED_URI_MISMATCH  "assertion.hashedURI.mismatch"
#define CL_CODE_ASSERTION_INACCESSIBLE         "assertion.inaccessible"
#define CL_CODE_ASSERTION_INGREDIENT_MALFORMED "assertion.ingredient.malformed"
#define CL_CODE_ASSERTION_JSON_INVALID         "assertion.json.invalid"
#define CL_CODE_ASSERTION_METADATA_DISALLOWED  "assertion.metadata.disallowed"
#define CL_CODE_ASSERTION_MISSING              "assertion.missing"

#define CL_CODE_ASSERTION_MULTI_ASSET_HASH_MALFORMED    "assertion.multiAssetHash.malformed"
#define CL_CODE_ASSERTION_MULTI_ASSET_HASH_MATCH        "assertion.multiAssetHash.match"
#define CL_CODE_ASSERTION_MULTI_ASSET_HASH_MISMATCH     "assertion.multiAssetHash.mismatch"
#define CL_CODE_ASSERTION_MULTI_ASSET_HASH_MISSING_PART "assertion.multiAssetHash.missingPart"

#define CL_CODE_ASSERTION_MULTIPLE_HARD_BINDINGS "assertion.multipleHardBindings"
#define CL_CODE_ASSERTION_NOT_REDACTED           "assertion.notRedacted"
#define CL_CODE_ASSERTION_OUTSIDE_MANIFEST       "assertion.outsideManifest"
#define CL_CODE_ASSERTION_SELF_REDACTED          "assertion.selfRedacted"
#define CL_CODE_ASSERTION_TIMESTAMP_MALFORMED    "assertion.timestamp.malformed"
#define CL_CODE_ASSERTION_UNDECLARED             "assertion.undeclared"

/* cawg */
#define CL_CODE_CAWG_ICA_CREDENTIAL_VALID          "cawg.ica.credential_valid"
#define CL_CODE_CAWG_ICA_DID_UNAVAILABLE           "cawg.ica.did_unavailable"
#define CL_CODE_CAWG_ICA_INVALID_ALG               "cawg.ica.invalid_alg"
#define CL_CODE_CAWG_ICA_INVALID_CONTENT_TYPE      "cawg.ica.invalid_content_type"
#define CL_CODE_CAWG_ICA_INVALID_COSE_SIGN1        "cawg.ica.invalid_cose_sign1"
#define CL_CODE_CAWG_ICA_INVALID_DID_DOCUMENT      "cawg.ica.invalid_did_document"
#define CL_CODE_CAWG_ICA_INVALID_ISSUER            "cawg.ica.invalid_issuer"
#define CL_CODE_CAWG_ICA_INVALID_VC                "cawg.ica.invalid_verifiable_credential"
#define CL_CODE_CAWG_ICA_SIGNATURE_MISMATCH        "cawg.ica.signature_mismatch"
#define CL_CODE_CAWG_ICA_SIGNER_PAYLOAD_MISMATCH   "cawg.ica.signer_payload.mismatch"
#define CL_CODE_CAWG_ICA_TIME_STAMP_INVALID        "cawg.ica.time_stamp.invalid"
#define CL_CODE_CAWG_ICA_TIME_STAMP_VALIDATED      "cawg.ica.time_stamp.validated"
#define CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER          "cawg.ica.untrusted_issuer"
#define CL_CODE_CAWG_ICA_VALID_FROM_INVALID        "cawg.ica.valid_from.invalid"
#define CL_CODE_CAWG_ICA_VALID_FROM_MISSING        "cawg.ica.valid_from.missing"
#define CL_CODE_CAWG_ICA_VALID_UNTIL_INVALID       "cawg.ica.valid_until.invalid"
#define CL_CODE_CAWG_IDENTITY_ASSERTION_DUPLICATE  "cawg.identity.assertion.duplicate"
#define CL_CODE_CAWG_IDENTITY_ASSERTION_MISMATCH   "cawg.identity.assertion.mismatch"
#define CL_CODE_CAWG_IDENTITY_CBOR_INVALID         "cawg.identity.cbor.invalid"
#define CL_CODE_CAWG_IDENTITY_HARD_BINDING_MISSING "cawg.identity.hard_binding_missing"
#define CL_CODE_CAWG_IDENTITY_PAD_INVALID          "cawg.identity.pad.invalid"
#define CL_CODE_CAWG_IDENTITY_SIG_TYPE_UNKNOWN     "cawg.identity.sig_type.unknown"
#define CL_CODE_CAWG_IDENTITY_WELL_FORMED          "cawg.identity.well-formed"

#define CL_CODE_CAWG_X509_ALGORITHM_UNSUPPORTED "cawg.x509.algorithm.unsupported"
#define CL_CODE_CAWG_X509_CREDENTIAL_INVALID    "cawg.x509.credential.invalid"
#define CL_CODE_CAWG_X509_CREDENTIAL_TRUSTED    "cawg.x509.credential.trusted"
#define CL_CODE_CAWG_X509_CREDENTIAL_UNTRUSTED  "cawg.x509.credential.untrusted"
#define CL_CODE_CAWG_X509_SIGNATURE_MISMATCH    "cawg.x509.signature.mismatch"
#define CL_CODE_CAWG_X509_SIGNATURE_VALIDATED   "cawg.x509.signature.validated"

/* claim */
#define CL_CODE_CLAIM_CBOR_INVALID          "claim.cbor.invalid"
#define CL_CODE_CLAIM_HARD_BINDINGS_MISSING "claim.hardBindings.missing"

#define CL_CODE_CLAIM_MALFORMED "claim.malformed"
#define CL_CODE_CLAIM_MISSING   "claim.missing"
#define CL_CODE_CLAIM_MULTIPLE  "claim.multiple"

/* claimSignature */
#define CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY  "claimSignature.insideValidity"
#define CL_CODE_CLAIM_SIGNATURE_MISMATCH         "claimSignature.mismatch"
#define CL_CODE_CLAIM_SIGNATURE_MISSING          "claimSignature.missing"
#define CL_CODE_CLAIM_SIGNATURE_OUTSIDE_VALIDITY "claimSignature.outsideValidity"
#define CL_CODE_CLAIM_SIGNATURE_VALIDATED        "claimSignature.validated"

/* general */
#define CL_CODE_GENERAL_ERROR "general.error"

/* ingredient */
#define CL_CODE_INGREDIENT_CLAIM_SIGNATURE_MISMATCH  "ingredient.claimSignature.mismatch"
#define CL_CODE_INGREDIENT_CLAIM_SIGNATURE_MISSING   "ingredient.claimSignature.missing"
#define CL_CODE_INGREDIENT_CLAIM_SIGNATURE_VALIDATED "ingredient.claimSignature.validated"

#define CL_CODE_INGREDIENT_MANIFEST_MISMATCH  "ingredient.manifest.mismatch"
#define CL_CODE_INGREDIENT_MANIFEST_MISSING   "ingredient.manifest.missing"
#define CL_CODE_INGREDIENT_MANIFEST_VALIDATED "ingredient.manifest.validated"
#define CL_CODE_INGREDIENT_UNKNOWN_PROVENANCE "ingredient.unknownProvenance"

/* manifest */
#define CL_CODE_MANIFEST_COMPRESSED_INVALID "manifest.compressed.invalid"
#define CL_CODE_MANIFEST_INACCESSIBLE       "manifest.inaccessible"
#define CL_CODE_MANIFEST_MULTIPLE_PARENTS   "manifest.multipleParents"

#define CL_CODE_MANIFEST_TIMESTAMP_INVALID       "manifest.timestamp.invalid"
#define CL_CODE_MANIFEST_TIMESTAMP_WRONG_PARENTS "manifest.timestamp.wrongParents"

#define CL_CODE_MANIFEST_UNKNOWN_PROVENANCE "manifest.unknownProvenance"
#define CL_CODE_MANIFEST_UNREFERENCED       "manifest.unreferenced"

#define CL_CODE_MANIFEST_UPDATE_INVALID       "manifest.update.invalid"
#define CL_CODE_MANIFEST_UPDATE_WRONG_PARENTS "manifest.update.wrongParents"

/* signingCredential */
#define CL_CODE_SIGNING_CREDENTIAL_EXPIRED "signingCredential.expired"
#define CL_CODE_SIGNING_CREDENTIAL_INVALID "signingCredential.invalid"

#define CL_CODE_SIGNING_CREDENTIAL_OCSP_INACCESSIBLE "signingCredential.ocsp.inaccessible"
#define CL_CODE_SIGNING_CREDENTIAL_OCSP_NOT_REVOKED  "signingCredential.ocsp.notRevoked"
#define CL_CODE_SIGNING_CREDENTIAL_OCSP_REVOKED      "signingCredential.ocsp.revoked"
#define CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED      "signingCredential.ocsp.skipped"
#define CL_CODE_SIGNING_CREDENTIAL_OCSP_UNKNOWN      "signingCredential.ocsp.unknown"

#define CL_CODE_SIGNING_CREDENTIAL_REVOKED   "signingCredential.revoked"
#define CL_CODE_SIGNING_CREDENTIAL_TRUSTED   "signingCredential.trusted"
#define CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED "signingCredential.untrusted"

/* timeStamp */
#define CL_CODE_TIME_STAMP_MALFORMED        "timeStamp.malformed"
#define CL_CODE_TIME_STAMP_MISMATCH         "timeStamp.mismatch"
#define CL_CODE_TIME_STAMP_OUTSIDE_VALIDITY "timeStamp.outsideValidity"
#define CL_CODE_TIME_STAMP_TRUSTED          "timeStamp.trusted"
#define CL_CODE_TIME_STAMP_UNTRUSTED        "timeStamp.untrusted"
#define CL_CODE_TIME_STAMP_VALIDATED        "timeStamp.validated"
