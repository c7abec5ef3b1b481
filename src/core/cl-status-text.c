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

typedef struct {
  const char   *code;
  ClStatusKind  kind;
  const char   *text;     /* N_(): translated when returned */
} StatusText;

#define S CL_STATUS_KIND_SUCCESS
#define I CL_STATUS_KIND_INFORMATIONAL
#define F CL_STATUS_KIND_FAILURE

static const StatusText table[] = {
  /* Claim signature and credential */
  { "claimSignature.validated", S, N_("The signature over the manifest is intact") },
  { "claimSignature.insideValidity", S, N_("The signing certificate was valid when the manifest was signed") },
  { "claimSignature.outsideValidity", F, N_("The signing certificate was not valid when the manifest was signed") },
  { "claimSignature.missing", F, N_("The manifest has no signature") },
  { "claimSignature.mismatch", F, N_("The signature does not match the manifest: the credentials were altered or forged") },
  { "signingCredential.trusted", S, N_("The signer’s certificate chains to one of your trust lists") },
  { "signingCredential.untrusted", F, N_("The signer’s certificate is not on any of your trust lists") },
  { "signingCredential.invalid", F, N_("The signer’s certificate is not allowed to sign Content Credentials") },
  { "signingCredential.expired", F, N_("The signer’s certificate had expired") },
  { "signingCredential.revoked", F, N_("The signer’s certificate has been revoked") },
  { "signingCredential.ocsp.notRevoked", S, N_("The certificate authority confirmed the certificate was not revoked") },
  { "signingCredential.ocsp.revoked", F, N_("The certificate authority says the signer’s certificate was revoked") },
  { "signingCredential.ocsp.unknown", F, N_("The certificate authority does not know the signer’s certificate") },
  { "signingCredential.ocsp.skipped", I, N_("Revocation was not checked (online checks are off)") },
  { "signingCredential.ocsp.inaccessible", I, N_("Revocation could not be checked: the certificate authority did not answer") },
  { "algorithm.unsupported", F, N_("The credentials use an algorithm C2PA does not allow") },
  { "algorithm.deprecated", I, N_("The credentials use a deprecated algorithm") },
  /* Time-stamps */
  { "timeStamp.validated", S, N_("The time-stamp is intact") },
  { "timeStamp.trusted", S, N_("The time-stamp comes from a trusted time-stamping authority") },
  { "timeStamp.untrusted", I, N_("The time-stamping authority is not on your trust lists") },
  { "timeStamp.mismatch", I, N_("The time-stamp does not match the signature and was ignored") },
  { "timeStamp.malformed", I, N_("The time-stamp is damaged and was ignored") },
  { "timeStamp.outsideValidity", I, N_("The time-stamp was made outside its authority’s validity and was ignored") },
  { "timeOfSigning.insideValidity", I, N_("The claimed signing time lies within the certificate’s validity") },
  { "timeOfSigning.outsideValidity", I, N_("The claimed signing time lies outside the certificate’s validity") },
  /* Claim */
  { "claim.missing", F, N_("The manifest has no claim") },
  { "claim.multiple", F, N_("The manifest has more than one claim") },
  { "claim.cbor.invalid", F, N_("The claim cannot be decoded") },
  { "claim.malformed", F, N_("The claim is missing required information") },
  { "claim.hardBindings.missing", F, N_("The credentials are not bound to the image’s content") },
  /* Assertions */
  { "assertion.hashedURI.match", S, N_("An assertion is intact") },
  { "assertion.hashedURI.mismatch", F, N_("An assertion was altered after signing") },
  { "assertion.missing", F, N_("An assertion the claim lists is missing") },
  { "assertion.undeclared", F, N_("The manifest holds an assertion the claim does not list") },
  { "assertion.outsideManifest", F, N_("The claim points to an assertion outside its manifest") },
  { "assertion.inaccessible", F, N_("A remote assertion could not be fetched") },
  { "assertion.accessible", S, N_("A remote assertion was fetched") },
  { "assertion.cbor.invalid", F, N_("An assertion cannot be decoded") },
  { "assertion.json.invalid", F, N_("An assertion cannot be decoded") },
  { "assertion.notRedacted", F, N_("An assertion marked as removed is still present") },
  { "assertion.selfRedacted", F, N_("The manifest removes one of its own assertions") },
  { "assertion.multipleHardBindings", F, N_("The manifest binds to the content more than once") },
  { "assertion.timestamp.malformed", F, N_("A time-stamp assertion is damaged") },
  { "assertion.metadata.disallowed", F, N_("A metadata assertion contains fields C2PA does not allow") },
  { "assertion.action.malformed", F, N_("The list of edits is malformed") },
  { "assertion.action.ingredientMismatch", F, N_("An edit refers to an ingredient that does not match") },
  { "assertion.action.redacted", F, N_("The list of edits was removed") },
  { "assertion.action.redactionMismatch", F, N_("A removal is not recorded as an edit") },
  { "assertion.ingredient.malformed", F, N_("An ingredient record is malformed") },
  { "assertion.cloud-data.malformed", F, N_("A cloud-data assertion is malformed") },
  { "assertion.cloud-data.hardBinding", F, N_("A hard binding is stored as cloud data") },
  { "assertion.cloud-data.actions", F, N_("The list of edits is stored as cloud data") },
  { "hashedURI.missing", F, N_("A referenced part of the manifest is missing") },
  { "hashedURI.mismatch", F, N_("A referenced part of the manifest was altered") },
  /* Content bindings */
  { "assertion.dataHash.match", S, N_("The image content matches what was signed") },
  { "assertion.dataHash.mismatch", F, N_("The image was changed after it was signed") },
  { "assertion.dataHash.malformed", F, N_("The content binding is malformed") },
  { "assertion.dataHash.redacted", F, N_("The content binding was removed") },
  { "assertion.dataHash.additionalExclusionsPresent", I, N_("Some metadata is not covered by the content binding") },
  { "assertion.boxesHash.match", S, N_("The image content matches what was signed") },
  { "assertion.boxesHash.mismatch", F, N_("The image was changed after it was signed") },
  { "assertion.boxesHash.malformed", F, N_("The content binding is malformed") },
  { "assertion.boxesHash.unknownBox", F, N_("The image contains data the content binding does not cover") },
  { "assertion.bmffHash.match", S, N_("The media content matches what was signed") },
  { "assertion.bmffHash.mismatch", F, N_("The media was changed after it was signed") },
  { "assertion.bmffHash.additionalExclusionsPresent", I, N_("Some data is not covered by the content binding") },
  { "assertion.bmffHash.malformed", F, N_("The content binding is malformed") },
  { "assertion.collectionHash.match", S, N_("The files of the collection match what was signed") },
  { "assertion.collectionHash.mismatch", F, N_("A file of the collection was changed after signing") },
  { "assertion.collectionHash.malformed", F, N_("The content binding is malformed") },
  { "assertion.collectionHash.incorrectFileCount", F, N_("The collection has a different number of files than signed") },
  { "assertion.collectionHash.invalidURI", F, N_("The collection names a file it may not name") },
  { "assertion.multiAssetHash.match", S, N_("All parts of the asset match what was signed") },
  { "assertion.multiAssetHash.mismatch", F, N_("A part of the asset was changed after signing") },
  { "assertion.multiAssetHash.malformed", F, N_("The content binding is malformed") },
  { "assertion.multiAssetHash.missingPart", F, N_("A part of the asset is missing") },
  /* Ingredients */
  { "ingredient.manifest.validated", S, N_("An ingredient’s credentials are intact") },
  { "ingredient.manifest.mismatch", F, N_("An ingredient’s credentials were altered") },
  { "ingredient.manifest.missing", F, N_("An ingredient’s credentials are missing") },
  { "ingredient.claimSignature.validated", S, N_("An ingredient’s signature is intact") },
  { "ingredient.claimSignature.mismatch", F, N_("An ingredient’s signature was altered") },
  { "ingredient.claimSignature.missing", F, N_("An ingredient’s signature is missing") },
  { "ingredient.unknownProvenance", I, N_("An ingredient has no Content Credentials of its own") },
  { "manifest.unknownProvenance", I, N_("Part of the history has no Content Credentials") },
  /* Manifest */
  { "manifest.inaccessible", F, N_("The credentials are stored online and could not be fetched") },
  { "manifest.multipleParents", F, N_("The manifest claims more than one parent") },
  { "manifest.update.invalid", F, N_("An update manifest contains changes it may not make") },
  { "manifest.update.wrongParents", F, N_("An update manifest does not have exactly one parent") },
  { "manifest.compressed.invalid", F, N_("A compressed manifest cannot be decompressed") },
  { "manifest.timestamp.invalid", F, N_("A time-stamp manifest is invalid") },
  { "manifest.timestamp.wrongParents", F, N_("A time-stamp manifest has the wrong parents") },
  { "manifest.unreferenced", I, N_("The store holds a manifest nothing refers to") },
  { "general.error", F, N_("The credentials could not be checked") },
};

#undef S
#undef I
#undef F


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


/* Custom codes are namespaced by a reverse domain (com.example.x); cawg.* are
 * CAWG identity codes, reported apart from the C2PA verdict. */
static gboolean
is_custom (const char *code)
{
  return g_str_has_prefix (code, "com.") || g_str_has_prefix (code, "org.") ||
         g_str_has_prefix (code, "cawg.") || g_str_has_prefix (code, "io.") ||
         g_str_has_prefix (code, "net.");
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


ClStatusKind
cl_status_text_kind (const char *code)
{
  const StatusText *entry = lookup (code);

  if (entry != NULL)
    return entry->kind;
  if (code != NULL && is_custom (code)) {
    if (g_str_has_suffix (code, ".validated") || g_str_has_suffix (code, ".match") ||
        g_str_has_suffix (code, "_valid"))
      return CL_STATUS_KIND_SUCCESS;
    return CL_STATUS_KIND_INFORMATIONAL;
  }
  return CL_STATUS_KIND_FAILURE;
}


const char *
cl_status_text_failure_reason (const char *code)
{
  const StatusText *entry = lookup (code);

  if (entry != NULL)
    return entry->kind == CL_STATUS_KIND_FAILURE ? _(entry->text) : NULL;
  return cl_status_text_kind (code) == CL_STATUS_KIND_FAILURE ? cl_status_text_describe (code)
                                                              : NULL;
}
