/* cl-status-text.c
 *
 * Codes as c2pa-rs spells them (C2PA 2.2 §15.2.2 tables plus the extra codes
 * c2pa-rs emits, e.g. signingCredential.expired).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-status-codes.h"
#include "cl-status-text.h"

/* The kinds live in cl-status.c (as c2pa-rs classifies them); this is only the text. */
typedef struct {
  const char   *code;
  const char   *text;     /* N_(): translated when returned */
} StatusText;

static const StatusText table[] = {
  /* Claim signature and credential */
  { CL_CODE_CLAIM_SIGNATURE_VALIDATED, N_("The signature over the manifest is intact") },
  { CL_CODE_CLAIM_SIGNATURE_INSIDE_VALIDITY,
    N_("The signing certificate was valid when the manifest was signed") },
  { CL_CODE_CLAIM_SIGNATURE_OUTSIDE_VALIDITY,
    N_("The signing certificate was not valid when the manifest was signed") },
  { CL_CODE_CLAIM_SIGNATURE_MISSING, N_("The manifest has no signature") },
  { CL_CODE_CLAIM_SIGNATURE_MISMATCH,
    N_("The signature does not match the manifest: the credentials were altered or forged") },
  { CL_CODE_SIGNING_CREDENTIAL_TRUSTED,
    N_("The signer’s certificate chains to one of your trust lists") },
  { CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED,
    N_("The signer’s certificate is not on any of your trust lists") },
  { CL_CODE_SIGNING_CREDENTIAL_INVALID,
    N_("The signer’s certificate is not allowed to sign Content Credentials") },
  { CL_CODE_SIGNING_CREDENTIAL_EXPIRED, N_("The signer’s certificate had expired") },
  { CL_CODE_SIGNING_CREDENTIAL_REVOKED, N_("The signer’s certificate has been revoked") },
  { CL_CODE_SIGNING_CREDENTIAL_OCSP_NOT_REVOKED,
    N_("The certificate authority confirmed the certificate was not revoked") },
  { CL_CODE_SIGNING_CREDENTIAL_OCSP_REVOKED,
    N_("The certificate authority says the signer’s certificate was revoked") },
  { CL_CODE_SIGNING_CREDENTIAL_OCSP_UNKNOWN,
    N_("The certificate authority does not know the signer’s certificate") },
  { CL_CODE_SIGNING_CREDENTIAL_OCSP_SKIPPED,
    N_("Revocation was not checked (online checks are off)") },
  { CL_CODE_SIGNING_CREDENTIAL_OCSP_INACCESSIBLE,
    N_("Revocation could not be checked: the certificate authority did not answer") },
  { CL_CODE_ALGORITHM_UNSUPPORTED, N_("The credentials use an algorithm C2PA does not allow") },
  { CL_CODE_ALGORITHM_DEPRECATED, N_("The credentials use a deprecated algorithm") },
  /* Time-stamps */
  { CL_CODE_TIME_STAMP_VALIDATED, N_("The time-stamp is intact") },
  { CL_CODE_TIME_STAMP_TRUSTED, N_("The time-stamp comes from a trusted time-stamping authority") },
  { CL_CODE_TIME_STAMP_UNTRUSTED, N_("The time-stamping authority is not on your trust lists") },
  { CL_CODE_TIME_STAMP_MISMATCH,
    N_("The time-stamp does not match the signature and was ignored") },
  { CL_CODE_TIME_STAMP_MALFORMED, N_("The time-stamp is damaged and was ignored") },
  { CL_CODE_TIME_STAMP_OUTSIDE_VALIDITY,
    N_("The time-stamp was made outside its authority’s validity and was ignored") },
  { "timeOfSigning.insideValidity", N_("The claimed signing time lies within the certificate’s validity") },
  { "timeOfSigning.outsideValidity", N_("The claimed signing time lies outside the certificate’s validity") },
  /* Claim */
  { CL_CODE_CLAIM_MISSING, N_("The manifest has no claim") },
  { CL_CODE_CLAIM_MULTIPLE, N_("The manifest has more than one claim") },
  { CL_CODE_CLAIM_CBOR_INVALID, N_("The claim cannot be decoded") },
  { CL_CODE_CLAIM_MALFORMED, N_("The claim is missing required information") },
  { CL_CODE_CLAIM_HARD_BINDINGS_MISSING,
    N_("The credentials are not bound to the image’s content") },
  /* Assertions */
  { CL_CODE_ASSERTION_HASHED_URI_MATCH, N_("An assertion is intact") },
  { CL_CODE_ASSERTION_HASHED_URI_MISMATCH, N_("An assertion was altered after signing") },
  { CL_CODE_ASSERTION_MISSING, N_("An assertion the claim lists is missing") },
  { CL_CODE_ASSERTION_UNDECLARED, N_("The manifest holds an assertion the claim does not list") },
  { CL_CODE_ASSERTION_OUTSIDE_MANIFEST,
    N_("The claim points to an assertion outside its manifest") },
  { CL_CODE_ASSERTION_INACCESSIBLE, N_("A remote assertion could not be fetched") },
  { CL_CODE_ASSERTION_ACCESSIBLE, N_("A remote assertion was fetched") },
  { CL_CODE_ASSERTION_CBOR_INVALID, N_("An assertion cannot be decoded") },
  { CL_CODE_ASSERTION_JSON_INVALID, N_("An assertion cannot be decoded") },
  { CL_CODE_ASSERTION_NOT_REDACTED, N_("An assertion marked as removed is still present") },
  { CL_CODE_ASSERTION_SELF_REDACTED, N_("The manifest removes one of its own assertions") },
  { CL_CODE_ASSERTION_MULTIPLE_HARD_BINDINGS,
    N_("The manifest binds to the content more than once") },
  { CL_CODE_ASSERTION_TIMESTAMP_MALFORMED, N_("A time-stamp assertion is damaged") },
  { CL_CODE_ASSERTION_METADATA_DISALLOWED,
    N_("A metadata assertion contains fields C2PA does not allow") },
  { CL_CODE_ASSERTION_ACTION_MALFORMED, N_("The list of edits is malformed") },
  { CL_CODE_ASSERTION_ACTION_INGREDIENT_MISMATCH,
    N_("An edit refers to an ingredient that does not match") },
  { CL_CODE_ASSERTION_ACTION_REDACTED, N_("The list of edits was removed") },
  { CL_CODE_ASSERTION_ACTION_REDACTION_MISMATCH, N_("A removal is not recorded as an edit") },
  { CL_CODE_ASSERTION_INGREDIENT_MALFORMED, N_("An ingredient record is malformed") },
  { "assertion.cloud-data.malformed", N_("A cloud-data assertion is malformed") },
  { "assertion.cloud-data.hardBinding", N_("A hard binding is stored as cloud data") },
  { "assertion.cloud-data.actions", N_("The list of edits is stored as cloud data") },
  { "hashedURI.missing", N_("A referenced part of the manifest is missing") },
  { "hashedURI.mismatch", N_("A referenced part of the manifest was altered") },
  /* Content bindings */
  { CL_CODE_ASSERTION_DATA_HASH_MATCH, N_("The image content matches what was signed") },
  { CL_CODE_ASSERTION_DATA_HASH_MISMATCH, N_("The image was changed after it was signed") },
  { CL_CODE_ASSERTION_DATA_HASH_MALFORMED, N_("The content binding is malformed") },
  { CL_CODE_ASSERTION_DATA_HASH_REDACTED, N_("The content binding was removed") },
  { CL_CODE_ASSERTION_DATA_HASH_ADDITIONAL_EXCLUSIONS_PRESENT,
    N_("Some metadata is not covered by the content binding") },
  { CL_CODE_ASSERTION_BOXES_HASH_MATCH, N_("The image content matches what was signed") },
  { CL_CODE_ASSERTION_BOXES_HASH_MISMATCH, N_("The image was changed after it was signed") },
  { CL_CODE_ASSERTION_BOXES_HASH_MALFORMED, N_("The content binding is malformed") },
  { CL_CODE_ASSERTION_BOXES_HASH_UNKNOWN_BOX,
    N_("The image contains data the content binding does not cover") },
  { CL_CODE_ASSERTION_BMFF_HASH_MATCH, N_("The media content matches what was signed") },
  { CL_CODE_ASSERTION_BMFF_HASH_MISMATCH, N_("The media was changed after it was signed") },
  { CL_CODE_ASSERTION_BMFF_HASH_ADDITIONAL_EXCLUSIONS_PRESENT,
    N_("Some data is not covered by the content binding") },
  { CL_CODE_ASSERTION_BMFF_HASH_MALFORMED, N_("The content binding is malformed") },
  { CL_CODE_ASSERTION_COLLECTION_HASH_MATCH,
    N_("The files of the collection match what was signed") },
  { CL_CODE_ASSERTION_COLLECTION_HASH_MISMATCH,
    N_("A file of the collection was changed after signing") },
  { CL_CODE_ASSERTION_COLLECTION_HASH_MALFORMED, N_("The content binding is malformed") },
  { CL_CODE_ASSERTION_COLLECTION_HASH_INCORRECT_FILE_COUNT,
    N_("The collection has a different number of files than signed") },
  { CL_CODE_ASSERTION_COLLECTION_HASH_INVALID_URI,
    N_("The collection names a file it may not name") },
  { CL_CODE_ASSERTION_MULTI_ASSET_HASH_MATCH, N_("All parts of the asset match what was signed") },
  { CL_CODE_ASSERTION_MULTI_ASSET_HASH_MISMATCH,
    N_("A part of the asset was changed after signing") },
  { CL_CODE_ASSERTION_MULTI_ASSET_HASH_MALFORMED, N_("The content binding is malformed") },
  { CL_CODE_ASSERTION_MULTI_ASSET_HASH_MISSING_PART, N_("A part of the asset is missing") },
  /* Ingredients */
  { CL_CODE_INGREDIENT_MANIFEST_VALIDATED, N_("An ingredient’s credentials are intact") },
  { CL_CODE_INGREDIENT_MANIFEST_MISMATCH, N_("An ingredient’s credentials were altered") },
  { CL_CODE_INGREDIENT_MANIFEST_MISSING, N_("An ingredient’s credentials are missing") },
  { CL_CODE_INGREDIENT_CLAIM_SIGNATURE_VALIDATED, N_("An ingredient’s signature is intact") },
  { CL_CODE_INGREDIENT_CLAIM_SIGNATURE_MISMATCH, N_("An ingredient’s signature was altered") },
  { CL_CODE_INGREDIENT_CLAIM_SIGNATURE_MISSING, N_("An ingredient’s signature is missing") },
  { CL_CODE_INGREDIENT_UNKNOWN_PROVENANCE,
    N_("An ingredient has no Content Credentials of its own") },
  { CL_CODE_MANIFEST_UNKNOWN_PROVENANCE, N_("Part of the history has no Content Credentials") },
  /* Manifest */
  { CL_CODE_MANIFEST_INACCESSIBLE,
    N_("The credentials are stored online and could not be fetched") },
  { CL_CODE_MANIFEST_MULTIPLE_PARENTS, N_("The manifest claims more than one parent") },
  { CL_CODE_MANIFEST_UPDATE_INVALID, N_("An update manifest contains changes it may not make") },
  { CL_CODE_MANIFEST_UPDATE_WRONG_PARENTS,
    N_("An update manifest does not have exactly one parent") },
  { CL_CODE_MANIFEST_COMPRESSED_INVALID, N_("A compressed manifest cannot be decompressed") },
  { CL_CODE_MANIFEST_TIMESTAMP_INVALID, N_("A time-stamp manifest is invalid") },
  { CL_CODE_MANIFEST_TIMESTAMP_WRONG_PARENTS, N_("A time-stamp manifest has the wrong parents") },
  { CL_CODE_MANIFEST_UNREFERENCED, N_("The store holds a manifest nothing refers to") },
  { CL_CODE_GENERAL_ERROR, N_("The credentials could not be checked") },
  /* CAWG identity claims aggregation */
  { CL_CODE_CAWG_ICA_CREDENTIAL_VALID, N_("The identity credential is valid and its issuer trusted") },
  { CL_CODE_CAWG_ICA_UNTRUSTED_ISSUER, N_("The identity credential’s issuer is not one you trust") },
  { CL_CODE_CAWG_ICA_DID_UNAVAILABLE, N_("The identity issuer’s key could not be fetched") },
  { CL_CODE_CAWG_ICA_INVALID_ALG, N_("The identity credential is signed with an unsupported algorithm") },
  { CL_CODE_CAWG_ICA_INVALID_CONTENT_TYPE, N_("The identity credential has the wrong content type") },
  { CL_CODE_CAWG_ICA_INVALID_COSE_SIGN1, N_("The identity credential’s signature cannot be read") },
  { CL_CODE_CAWG_ICA_INVALID_DID_DOCUMENT, N_("The identity issuer’s DID gives no usable key") },
  { CL_CODE_CAWG_ICA_INVALID_ISSUER, N_("The identity credential’s issuer is not a DID CredLink can resolve") },
  { CL_CODE_CAWG_ICA_INVALID_VC, N_("The identity credential is not a verifiable credential") },
  { CL_CODE_CAWG_ICA_SIGNATURE_MISMATCH, N_("The identity credential was altered or forged") },
  { CL_CODE_CAWG_ICA_SIGNER_PAYLOAD_MISMATCH, N_("The identity credential was issued for other content") },
  { CL_CODE_CAWG_ICA_TIME_STAMP_INVALID, N_("The identity credential’s time-stamp does not match it") },
  { CL_CODE_CAWG_ICA_TIME_STAMP_VALIDATED, N_("The identity credential’s time-stamp is valid") },
  { CL_CODE_CAWG_ICA_VALID_FROM_INVALID, N_("The identity credential was not yet valid") },
  { CL_CODE_CAWG_ICA_VALID_FROM_MISSING, N_("The identity credential does not say from when it is valid") },
  { CL_CODE_CAWG_ICA_VALID_UNTIL_INVALID, N_("The identity credential has expired") },
};



static const StatusText *
lookup (const char *code)
{
  static GHashTable *index;
  static gsize initialised;

  if (g_once_init_enter (&initialised)) {
    index = g_hash_table_new (g_str_hash, g_str_equal);
    for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
      g_hash_table_insert (index, (gpointer) table[i].code, (gpointer) &table[i]);
    g_once_init_leave (&initialised, 1);
  }
  return code != NULL ? g_hash_table_lookup (index, code) : NULL;
}


const char *
cl_status_text_describe (const char *code)
{
  const StatusText *entry = lookup (code);

  if (entry != NULL)
    return _(entry->text);
  if (code != NULL && g_str_has_prefix (code, "cawg."))
    return _("A CAWG identity check reported this result");
  return _("A check reported a result CredLink does not know");
}


const char *
cl_status_text_failure_reason (const char *code)
{
  if (code == NULL || cl_status_kind_for_code (code) != CL_STATUS_FAILURE)
    return NULL;
  return cl_status_text_describe (code);
}
