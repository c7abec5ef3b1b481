/* cl-status-text.c
 *
 * Codes as c2pa-rs spells them (C2PA 2.2 §15.2.2 tables plus the extra codes
 * c2pa-rs emits, e.g. signingCredential.expired).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-status-text.h"

/* The kinds live in cl-status.c (as c2pa-rs classifies them); this is only the text. */
typedef struct {
  const char   *code;
  const char   *text;     /* N_(): translated when returned */
} StatusText;

static const StatusText table[] = {
  /* Claim signature and credential */
  { "claimSignature.validated", N_("The signature over the manifest is intact") },
  { "claimSignature.insideValidity", N_("The signing certificate was valid when the manifest was signed") },
  { "claimSignature.outsideValidity", N_("The signing certificate was not valid when the manifest was signed") },
  { "claimSignature.missing", N_("The manifest has no signature") },
  { "claimSignature.mismatch", N_("The signature does not match the manifest: the credentials were altered or forged") },
  { "signingCredential.trusted", N_("The signer’s certificate chains to one of your trust lists") },
  { "signingCredential.untrusted", N_("The signer’s certificate is not on any of your trust lists") },
  { "signingCredential.invalid", N_("The signer’s certificate is not allowed to sign Content Credentials") },
  { "signingCredential.expired", N_("The signer’s certificate had expired") },
  { "signingCredential.revoked", N_("The signer’s certificate has been revoked") },
  { "signingCredential.ocsp.notRevoked", N_("The certificate authority confirmed the certificate was not revoked") },
  { "signingCredential.ocsp.revoked", N_("The certificate authority says the signer’s certificate was revoked") },
  { "signingCredential.ocsp.unknown", N_("The certificate authority does not know the signer’s certificate") },
  { "signingCredential.ocsp.skipped", N_("Revocation was not checked (online checks are off)") },
  { "signingCredential.ocsp.inaccessible", N_("Revocation could not be checked: the certificate authority did not answer") },
  { "algorithm.unsupported", N_("The credentials use an algorithm C2PA does not allow") },
  { "algorithm.deprecated", N_("The credentials use a deprecated algorithm") },
  /* Time-stamps */
  { "timeStamp.validated", N_("The time-stamp is intact") },
  { "timeStamp.trusted", N_("The time-stamp comes from a trusted time-stamping authority") },
  { "timeStamp.untrusted", N_("The time-stamping authority is not on your trust lists") },
  { "timeStamp.mismatch", N_("The time-stamp does not match the signature and was ignored") },
  { "timeStamp.malformed", N_("The time-stamp is damaged and was ignored") },
  { "timeStamp.outsideValidity", N_("The time-stamp was made outside its authority’s validity and was ignored") },
  { "timeOfSigning.insideValidity", N_("The claimed signing time lies within the certificate’s validity") },
  { "timeOfSigning.outsideValidity", N_("The claimed signing time lies outside the certificate’s validity") },
  /* Claim */
  { "claim.missing", N_("The manifest has no claim") },
  { "claim.multiple", N_("The manifest has more than one claim") },
  { "claim.cbor.invalid", N_("The claim cannot be decoded") },
  { "claim.malformed", N_("The claim is missing required information") },
  { "claim.hardBindings.missing", N_("The credentials are not bound to the image’s content") },
  /* Assertions */
  { "assertion.hashedURI.match", N_("An assertion is intact") },
  { "assertion.hashedURI.mismatch", N_("An assertion was altered after signing") },
  { "assertion.missing", N_("An assertion the claim lists is missing") },
  { "assertion.undeclared", N_("The manifest holds an assertion the claim does not list") },
  { "assertion.outsideManifest", N_("The claim points to an assertion outside its manifest") },
  { "assertion.inaccessible", N_("A remote assertion could not be fetched") },
  { "assertion.accessible", N_("A remote assertion was fetched") },
  { "assertion.cbor.invalid", N_("An assertion cannot be decoded") },
  { "assertion.json.invalid", N_("An assertion cannot be decoded") },
  { "assertion.notRedacted", N_("An assertion marked as removed is still present") },
  { "assertion.selfRedacted", N_("The manifest removes one of its own assertions") },
  { "assertion.multipleHardBindings", N_("The manifest binds to the content more than once") },
  { "assertion.timestamp.malformed", N_("A time-stamp assertion is damaged") },
  { "assertion.metadata.disallowed", N_("A metadata assertion contains fields C2PA does not allow") },
  { "assertion.action.malformed", N_("The list of edits is malformed") },
  { "assertion.action.ingredientMismatch", N_("An edit refers to an ingredient that does not match") },
  { "assertion.action.redacted", N_("The list of edits was removed") },
  { "assertion.action.redactionMismatch", N_("A removal is not recorded as an edit") },
  { "assertion.ingredient.malformed", N_("An ingredient record is malformed") },
  { "assertion.cloud-data.malformed", N_("A cloud-data assertion is malformed") },
  { "assertion.cloud-data.hardBinding", N_("A hard binding is stored as cloud data") },
  { "assertion.cloud-data.actions", N_("The list of edits is stored as cloud data") },
  { "hashedURI.missing", N_("A referenced part of the manifest is missing") },
  { "hashedURI.mismatch", N_("A referenced part of the manifest was altered") },
  /* Content bindings */
  { "assertion.dataHash.match", N_("The image content matches what was signed") },
  { "assertion.dataHash.mismatch", N_("The image was changed after it was signed") },
  { "assertion.dataHash.malformed", N_("The content binding is malformed") },
  { "assertion.dataHash.redacted", N_("The content binding was removed") },
  { "assertion.dataHash.additionalExclusionsPresent", N_("Some metadata is not covered by the content binding") },
  { "assertion.boxesHash.match", N_("The image content matches what was signed") },
  { "assertion.boxesHash.mismatch", N_("The image was changed after it was signed") },
  { "assertion.boxesHash.malformed", N_("The content binding is malformed") },
  { "assertion.boxesHash.unknownBox", N_("The image contains data the content binding does not cover") },
  { "assertion.bmffHash.match", N_("The media content matches what was signed") },
  { "assertion.bmffHash.mismatch", N_("The media was changed after it was signed") },
  { "assertion.bmffHash.additionalExclusionsPresent", N_("Some data is not covered by the content binding") },
  { "assertion.bmffHash.malformed", N_("The content binding is malformed") },
  { "assertion.collectionHash.match", N_("The files of the collection match what was signed") },
  { "assertion.collectionHash.mismatch", N_("A file of the collection was changed after signing") },
  { "assertion.collectionHash.malformed", N_("The content binding is malformed") },
  { "assertion.collectionHash.incorrectFileCount", N_("The collection has a different number of files than signed") },
  { "assertion.collectionHash.invalidURI", N_("The collection names a file it may not name") },
  { "assertion.multiAssetHash.match", N_("All parts of the asset match what was signed") },
  { "assertion.multiAssetHash.mismatch", N_("A part of the asset was changed after signing") },
  { "assertion.multiAssetHash.malformed", N_("The content binding is malformed") },
  { "assertion.multiAssetHash.missingPart", N_("A part of the asset is missing") },
  /* Ingredients */
  { "ingredient.manifest.validated", N_("An ingredient’s credentials are intact") },
  { "ingredient.manifest.mismatch", N_("An ingredient’s credentials were altered") },
  { "ingredient.manifest.missing", N_("An ingredient’s credentials are missing") },
  { "ingredient.claimSignature.validated", N_("An ingredient’s signature is intact") },
  { "ingredient.claimSignature.mismatch", N_("An ingredient’s signature was altered") },
  { "ingredient.claimSignature.missing", N_("An ingredient’s signature is missing") },
  { "ingredient.unknownProvenance", N_("An ingredient has no Content Credentials of its own") },
  { "manifest.unknownProvenance", N_("Part of the history has no Content Credentials") },
  /* Manifest */
  { "manifest.inaccessible", N_("The credentials are stored online and could not be fetched") },
  { "manifest.multipleParents", N_("The manifest claims more than one parent") },
  { "manifest.update.invalid", N_("An update manifest contains changes it may not make") },
  { "manifest.update.wrongParents", N_("An update manifest does not have exactly one parent") },
  { "manifest.compressed.invalid", N_("A compressed manifest cannot be decompressed") },
  { "manifest.timestamp.invalid", N_("A time-stamp manifest is invalid") },
  { "manifest.timestamp.wrongParents", N_("A time-stamp manifest has the wrong parents") },
  { "manifest.unreferenced", N_("The store holds a manifest nothing refers to") },
  { "general.error", N_("The credentials could not be checked") },
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
