/* cl-signer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <openssl/evp.h>

#include "cl-crypto-init.h"
#include "cl-asset.h"
#include "cl-asset-writer.h"
#include "cl-bmff-sign-hash.h"
#include "cl-cose-sign1-builder.h"
#include "cl-error.h"
#include "cl-file-stream.h"
#include "cl-image-check.h"
#include "cl-manifest-builder.h"
#include "cl-ocsp-staple.h"
#include "cl-parent-time-stamp.h"
#include "cl-privacy-removal.h"
#include "cl-sign-checks.h"
#include "cl-signed-file.h"
#include "cl-signer.h"
#include "cl-status.h"
#include "cl-status-codes.h"
#include "cl-thumbnail.h"
#include "cl-tsa-client.h"
#include "cl-validator.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)

#define SHA256_LEN 32


void
cl_sign_result_free (ClSignResult *result)
{
  if (result == NULL)
    return;
  g_free (result->manifest_label);
  g_free (result->parent_label);
  g_clear_pointer (&result->store, g_bytes_unref);
  g_free (result->proof_error);
  g_free (result);
}


typedef struct {
  const char    *tsa_url;
} TimestampData;


static GBytes *
timestamp_cb (const guint8  *data,
              gsize          data_len,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  TimestampData *ts = user_data;

  return cl_tsa_client_timestamp (ts->tsa_url, data, data_len, cancellable, error);
}


/* What one signing carries from step to step. */
typedef struct {
  ClSigningProfile    *profile;
  const ClSignOptions *options;
  const char          *input;
  const char          *output;
  char                *input_name;
  GInputStream        *source;           /* the input, open from reading to writing */
  ClThumbnailJob      *thumbnail;        /* decoding beside the other steps */
  ClAssetInfo         *info;
  ClAssetLayout       *layout;           /* the new file, once the carrier's size is known */
  ClAssetLayout       *ahead_layout;     /* data_hash is its hash (hash_ahead), or NULL */
  ClPrivacyRemoval    *privacy;          /* the privacy options' changes, or NULL */
  ClManifestBuilder   *builder;
  ClParentBinding      parent_binding;
  GBytes              *ocsp_response;    /* to staple, or NULL */
  guint8               data_hash[EVP_MAX_MD_SIZE];
  ClByteRange          exclusion;        /* where our carrier goes in the new file */
  GBytes              *store;            /* the signed manifest store */
} Signing;


static void
signing_clear (Signing *signing)
{
  g_free (signing->input_name);
  g_clear_object (&signing->source);
  g_clear_pointer (&signing->thumbnail, cl_thumbnail_job_abandon);
  g_clear_pointer (&signing->info, cl_asset_info_free);
  g_clear_pointer (&signing->layout, cl_asset_layout_free);
  g_clear_pointer (&signing->ahead_layout, cl_asset_layout_free);
  g_clear_pointer (&signing->privacy, cl_privacy_removal_free);
  g_clear_pointer (&signing->builder, cl_manifest_builder_free);
  g_clear_pointer (&signing->ocsp_response, g_bytes_unref);
  g_clear_pointer (&signing->store, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Signing, signing_clear)


static gboolean
read_source (Signing       *signing,
             GCancellable  *cancellable,
             GError       **error)
{
  /* Only a regular file is opened: a pipe named like an image would block the signer. */
  signing->source = cl_file_stream_open (signing->input, cancellable, error);
  if (signing->source != NULL)
    signing->info = cl_asset_read (signing->source, cancellable, error);
  if (signing->info == NULL) {
    g_prefix_error (error, _("Cannot sign “%s”: "), signing->input_name);
    return FALSE;
  }
  if (!cl_asset_format_is_writable (signing->info->format)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                 _("Cannot sign “%s”: signing %s files is not supported yet"),
                 signing->input_name, cl_asset_format_to_string (signing->info->format));
    return FALSE;
  }
  if (!cl_asset_name_is_writable (signing->input_name)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                 _("Cannot sign “%s”: camera raw files (ARW, NEF) are read but not signed"),
                 signing->input_name);
    return FALSE;
  }
  /* Walking the structure to its end and decoding the whole image (for the
   * thumbnail, from now on beside the other steps) catch truncated and corrupt files
   * before anything is written. */
  if (cl_thumbnail_can_decode (signing->info->mime_type))
    signing->thumbnail = cl_thumbnail_job_start (signing->input, cancellable);
  if (!cl_image_check_complete (signing->input, signing->info->format, cancellable, error)) {
    g_prefix_error (error, _("Cannot sign “%s”: "), signing->input_name);
    return FALSE;
  }
  if (signing->options->remove_gps || signing->options->remove_serials) {
    signing->privacy = cl_privacy_removal_new (signing->source, signing->info,
                                               signing->options->remove_gps,
                                               signing->options->remove_serials,
                                               cancellable, error);
    if (signing->privacy == NULL) {
      g_prefix_error (error, _("Cannot sign “%s”: "), signing->input_name);
      return FALSE;
    }
  }
  return TRUE;
}


/* The thumbnail of the source, once decoded: the last thing the manifest's size
 * waits for. None when no image loader for its format is installed, or gdk-pixbuf has
 * no decoder for it after all (NULL, no error). */
static gboolean
add_thumbnail (Signing  *signing,
               GError  **error)
{
  g_autoptr(GError) thumbnail_error = NULL;
  g_autoptr(GBytes) thumbnail = NULL;

  if (signing->thumbnail == NULL)
    return TRUE;
  thumbnail = cl_thumbnail_job_finish (g_steal_pointer (&signing->thumbnail), &thumbnail_error);

  /* A TIFF the decoder cannot read (BigTIFF, a DNG's raw data) is signed without one
   * too, as c2pa-rs signs what it cannot make one of (it makes none of DNG): its
   * structure and where its image data lies were checked already. */
  if (thumbnail_error != NULL && signing->info->format == CL_ASSET_FORMAT_TIFF &&
      !g_error_matches (thumbnail_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_clear_error (&thumbnail_error);
  if (thumbnail_error != NULL) {
    g_propagate_prefixed_error (error, g_steal_pointer (&thumbnail_error),
                                _("Cannot sign “%s”: "), signing->input_name);
    return FALSE;
  }
  if (thumbnail != NULL)
    cl_manifest_builder_set_thumbnail (signing->builder, thumbnail);
  return TRUE;
}


/* The new manifest with what the options ask for. */
static void
start_manifest (Signing *signing)
{
  const ClSignOptions *options = signing->options;
  g_autofree char *output_name = g_path_get_basename (signing->output);
  ClManifestBuilder *builder;

  builder = signing->builder = cl_manifest_builder_new (output_name, signing->info->mime_type);
  if (options->author != NULL || options->title != NULL)
    cl_manifest_builder_set_creative_work (builder, options->author, options->title);
  cl_manifest_builder_set_do_not_train (builder, options->do_not_train);
  if (options->digital_source_type != NULL)
    cl_manifest_builder_set_digital_source_type (builder, options->digital_source_type);
  cl_manifest_builder_set_ai_use (builder, options->ai_use);
  if (signing->privacy != NULL)
    cl_manifest_builder_set_metadata_edit (builder,
                                           cl_privacy_removal_get_description (signing->privacy));
  cl_manifest_builder_set_identity (builder, options->identity_profile);
  /* The hard binding of an ISO BMFF image is a BMFF hash, as c2pa-rs writes it. */
  cl_manifest_builder_set_bmff_hash (builder, signing->info->format == CL_ASSET_FORMAT_BMFF);
}


static gboolean
add_parent_time_stamp (Signing       *signing,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) parent_token = NULL;
  g_autoptr(GError) tsa_error = NULL;

  parent_token = cl_parent_time_stamp_fetch (signing->info->store,
                                             cl_manifest_builder_get_parent_label (signing->builder),
                                             signing->options->tsa_url, cancellable, &tsa_error);
  if (tsa_error != NULL) {
    g_propagate_prefixed_error (error, g_steal_pointer (&tsa_error),
                                _("Cannot sign “%s”: "), signing->input_name);
    return FALSE;
  }
  if (parent_token != NULL)
    cl_manifest_builder_set_parent_time_stamp (signing->builder, parent_token);
  return TRUE;
}


/* What the validator finds on the source goes into the ingredient, as c2pa-rs
 * records it; a store it cannot read keeps the hard-binding-only record. *kept: the
 * report kept, or NULL. */
static gboolean
add_parent_report (Signing             *signing,
                   ClValidationReport **kept,
                   GCancellable        *cancellable,
                   GError             **error)
{
  ClValidatorOptions validator_options = { .skip_file_sha256 = TRUE };
  g_autoptr(ClValidationReport) parent_report = NULL;
  g_autoptr(GError) validator_error = NULL;

  parent_report = cl_validator_verify_file (signing->input, &validator_options, cancellable,
                                            &validator_error);
  if (parent_report == NULL &&
      g_error_matches (validator_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
    g_propagate_error (error, g_steal_pointer (&validator_error));
    return FALSE;
  }
  if (parent_report != NULL && parent_report->has_manifest &&
      g_strcmp0 (parent_report->active_label,
                 cl_manifest_builder_get_parent_label (signing->builder)) == 0) {
    cl_manifest_builder_set_parent_report (signing->builder, parent_report);
    *kept = g_steal_pointer (&parent_report);
  }
  return TRUE;
}


/* Whether the source still matches its active manifest's own c2pa.hash.data, as the
 * validator just found it: UNKNOWN unless it says one thing only about that assertion
 * (none, an update manifest bound through its parent, or a match next to a misplaced
 * exclusion are left to cl_parent_store_check_binding). */
static ClParentBinding
binding_from_report (ClValidationReport *report)
{
  g_autofree char *uri = NULL;
  gboolean match = FALSE, mismatch = FALSE;

  if (report == NULL)
    return CL_PARENT_BINDING_UNKNOWN;
  uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/c2pa.hash.data",
                         report->active_label);
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (status->ingredient_uri != NULL || g_strcmp0 (status->url, uri) != 0)
      continue;
    match |= g_strcmp0 (status->code, CL_CODE_ASSERTION_DATA_HASH_MATCH) == 0;
    mismatch |= g_strcmp0 (status->code, CL_CODE_ASSERTION_DATA_HASH_MISMATCH) == 0;
  }
  if (match == mismatch)
    return CL_PARENT_BINDING_UNKNOWN;
  return match ? CL_PARENT_BINDING_MATCH : CL_PARENT_BINDING_MISMATCH;
}


/* The source's own credentials, kept as the parent ingredient. */
static gboolean
add_parent (Signing       *signing,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(ClValidationReport) report = NULL;
  g_autoptr(GError) binding_error = NULL;

  if (!cl_manifest_builder_set_parent (signing->builder, signing->info->store,
                                       signing->input_name, error) ||
      !add_parent_report (signing, &report, cancellable, error))
    return FALSE;
  /* Whether the source still matches its own credentials is recorded in the
   * ingredient, so that a tampered parent is not hidden by our new signature. The
   * validator's pass has hashed the source already; only when it leaves the answer
   * open is the source hashed again. */
  signing->parent_binding = binding_from_report (report);
  if (signing->parent_binding == CL_PARENT_BINDING_UNKNOWN)
    signing->parent_binding =
      cl_parent_store_check_binding (cl_manifest_builder_get_parent (signing->builder),
                                     signing->input, cancellable, &binding_error);
  if (binding_error != NULL) {
    g_propagate_prefixed_error (error, g_steal_pointer (&binding_error),
                                _("Cannot sign “%s”: "), signing->input_name);
    return FALSE;
  }
  cl_manifest_builder_set_parent_binding (signing->builder, signing->parent_binding);

  if (signing->options->tsa_url != NULL && !add_parent_time_stamp (signing, cancellable, error))
    return FALSE;
  return TRUE;
}


/* When asked for: the signer's OCSP response, to staple into the signature. */
static gboolean
fetch_ocsp_staple (Signing       *signing,
                   GCancellable  *cancellable,
                   GError       **error)
{
  STACK_OF (X509) *certs = cl_signing_profile_get_chain (signing->profile);
  g_autoptr(GError) ocsp_error = NULL;

  if (!signing->options->staple_ocsp)
    return TRUE;
  /* A stapled response is only worth something next to a trusted time-stamp
   * (C2PA 2.2 §10.3.2.6), and it needs the issuer to name the certificate. */
  if (signing->options->tsa_url == NULL) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("Stapling an OCSP response needs a time-stamp server too"));
    return FALSE;
  }
  if (sk_X509_num (certs) < 2) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                         _("Stapling an OCSP response needs the issuer of the signing "
                           "certificate in the profile's chain"));
    return FALSE;
  }
  signing->ocsp_response = cl_ocsp_staple_fetch (sk_X509_value (certs, 0),
                                                 sk_X509_value (certs, 1),
                                                 cancellable, &ocsp_error);
  if (ocsp_error != NULL) {
    g_propagate_prefixed_error (error, g_steal_pointer (&ocsp_error),
                                _("Cannot sign “%s”: "), signing->input_name);
    return FALSE;
  }
  return TRUE;
}


static gboolean
digest_update (const guint8  *data,
               gsize          len,
               gpointer       user_data,
               GError       **error)
{
  EVP_DigestUpdate (user_data, data, len);
  return TRUE;
}


/* The SHA-256 of every byte of layout but its carrier's. */
static gboolean
hash_layout (Signing       *signing,
             ClAssetLayout *layout,
             guint8        *digest,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(EVP_MD_CTX) ctx = EVP_MD_CTX_new ();
  guint digest_len = 0;

  return ctx != NULL && EVP_DigestInit_ex (ctx, EVP_sha256 (), NULL) &&
         cl_asset_layout_emit (layout, signing->source, NULL, digest_update, ctx, cancellable,
                               error) &&
         EVP_DigestFinal_ex (ctx, digest, &digest_len);
}


/* The data hash taken while the thumbnail is still decoded, for the formats whose new
 * file changes only in its carrier when the carrier's size does (a JPEG's or PNG's carrier
 * is inserted, nothing else moves; two trial sizes tell). lay_out_file keeps it when the
 * final layout is the same but for the carrier, and says what went wrong here if anything. */
static void
hash_ahead (Signing      *signing,
            GCancellable *cancellable)
{
  ClAssetFormat format = signing->info->format;
  g_autoptr(ClAssetLayout) small = NULL;
  g_autoptr(ClAssetLayout) large = NULL;

  if (signing->thumbnail == NULL || format == CL_ASSET_FORMAT_BMFF)
    return;
  small = cl_asset_lay_out (signing->source, signing->info, cl_asset_carrier_size (format, 4096),
                            cancellable, NULL);
  large = cl_asset_lay_out (signing->source, signing->info,
                            cl_asset_carrier_size (format, 256 * 1024), cancellable, NULL);
  /* The privacy options' changes are part of the new file the hash is of. */
  if (signing->privacy != NULL && small != NULL && large != NULL &&
      (!cl_privacy_removal_apply (signing->privacy, small, NULL) ||
       !cl_privacy_removal_apply (signing->privacy, large, NULL)))
    return;
  if (small != NULL && large != NULL && cl_asset_layout_same_but_carrier (small, large) &&
      hash_layout (signing, small, signing->data_hash, cancellable, NULL))
    signing->ahead_layout = g_steal_pointer (&small);
}


/* The new file for a carrier of carrier_length bytes, and its data hash: every byte
 * of it but the carrier's (for an ISO BMFF image, its BMFF hash). Kept while the carrier's
 * size stays the same. */
static gboolean
lay_out_file (Signing       *signing,
              guint64        carrier_length,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(ClAssetLayout) layout = NULL;
  ClByteRange carrier;

  if (signing->layout != NULL &&
      cl_asset_layout_get_carrier (signing->layout).length == carrier_length)
    return TRUE;
  layout = cl_asset_lay_out (signing->source, signing->info, carrier_length, cancellable, error);
  if (layout == NULL ||
      (signing->privacy != NULL && !cl_privacy_removal_apply (signing->privacy, layout, error)))
    goto failed;
  carrier = cl_asset_layout_get_carrier (layout);
  if (carrier.start != signing->exclusion.start || carrier.length != carrier_length) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("the Content Credentials moved when their size became known"));
    goto failed;
  }
  if (signing->info->format == CL_ASSET_FORMAT_BMFF) {
    if (!cl_bmff_sign_hash (signing->source, signing->info, layout, signing->data_hash,
                            cancellable, error))
      goto failed;
  } else if (signing->ahead_layout == NULL ||
             !cl_asset_layout_same_but_carrier (layout, signing->ahead_layout)) {
    g_clear_pointer (&signing->ahead_layout, cl_asset_layout_free);
    if (!hash_layout (signing, layout, signing->data_hash, cancellable, error))
      goto failed;
  }
  g_clear_pointer (&signing->layout, cl_asset_layout_free);
  signing->layout = g_steal_pointer (&layout);
  return TRUE;

failed:
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED, _("Hashing failed"));
  g_prefix_error (error, _("Cannot sign “%s”: "), signing->input_name);
  return FALSE;
}


/* One layout of the store with room for a signature of reserve bytes. NULL with
 * *needed > reserve when the signature turned out larger. */
static GBytes *
lay_out_store (Signing       *signing,
               GPtrArray     *chain,
               gsize          reserve,
               gsize         *needed,
               GCancellable  *cancellable,
               GError       **error)
{
  static const guint8 zero_hash[SHA256_LEN] = { 0, };
  TimestampData ts = { signing->options->tsa_url };
  g_autoptr(GBytes) placeholder = NULL;
  g_autoptr(GBytes) sizing_store = NULL;
  g_autoptr(GBytes) unsigned_store = NULL;
  g_autoptr(GBytes) claim = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) store = NULL;
  guint64 store_size;

  /* Pass 1: lay the store out with placeholders to learn its size, which fixes
   * the carrier size and so the exclusion (C2PA 2.2 §10.4). */
  placeholder = cl_cose_sign1_placeholder (reserve, error);
  if (placeholder == NULL)
    return NULL;
  sizing_store = cl_manifest_builder_build_store (signing->builder, &signing->exclusion,
                                                  zero_hash, placeholder, NULL, error);
  if (sizing_store == NULL)
    return NULL;
  store_size = g_bytes_get_size (sizing_store);
  signing->exclusion.length = cl_asset_carrier_size (signing->info->format, store_size);
  if (signing->exclusion.length == 0 ||
      signing->exclusion.start + signing->exclusion.length > G_MAXUINT32) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("Cannot sign “%s”: the Content Credentials would be too large"),
                 signing->input_name);
    return NULL;
  }
  if (!lay_out_file (signing, signing->exclusion.length, cancellable, error))
    return NULL;

  /* Pass 2: the real data hash, the claim, its signature — same sizes. */
  unsigned_store = cl_manifest_builder_build_store (signing->builder, &signing->exclusion,
                                                    signing->data_hash, placeholder, &claim,
                                                    error);
  if (unsigned_store == NULL)
    return NULL;
  /* The key may still be being unlocked (cl_signing_profile_unlock_later): only now
   * is it needed. */
  if (!cl_signing_profile_wait_key (signing->profile, error)) {
    g_prefix_error (error, _("Cannot sign “%s”: "), signing->input_name);
    return NULL;
  }
  signature = cl_cose_sign1_build (cl_signing_profile_get_alg (signing->profile),
                                   cl_signing_profile_get_key (signing->profile), chain, claim,
                                   signing->ocsp_response,
                                   signing->options->tsa_url != NULL ? timestamp_cb : NULL, &ts,
                                   reserve, needed, cancellable, error);
  if (signature == NULL) {
    g_prefix_error (error, _("Cannot sign “%s”: "), signing->input_name);
    return NULL;
  }
  store = cl_manifest_builder_build_store (signing->builder, &signing->exclusion,
                                           signing->data_hash, signature, NULL, error);
  if (store == NULL)
    return NULL;
  if (g_bytes_get_size (store) != store_size || g_bytes_get_size (unsigned_store) != store_size) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("Cannot sign “%s”: the manifest store changed size between passes"),
                 signing->input_name);
    return NULL;
  }
  return g_steal_pointer (&store);
}


/* The signed manifest store, placed where the source's old store began (or where
 * a new one goes). */
static gboolean
build_signed_store (Signing       *signing,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) chain = cl_signing_profile_dup_x5chain (signing->profile);
  g_autoptr(ClAssetLayout) unsized = NULL;
  EVP_PKEY *public_key;
  gsize reserve;

  /* Where the carrier goes is recorded in the store, before the store's size is known. */
  unsized = cl_asset_lay_out (signing->source, signing->info, 0, cancellable, error);
  if (unsized == NULL) {
    g_prefix_error (error, _("Cannot sign “%s”: "), signing->input_name);
    return FALSE;
  }
  signing->exclusion.start = cl_asset_layout_get_carrier (unsized).start;
  /* Sized from the certificate's public key (the same size as the private key's), so
   * that a key still being unlocked is not waited for here. */
  public_key = X509_get0_pubkey (cl_signing_profile_get_leaf (signing->profile));
  reserve = cl_cose_sign1_reserve_size (cl_signing_profile_get_alg (signing->profile),
                                        public_key, chain,
                                        signing->options->tsa_url != NULL,
                                        signing->ocsp_response != NULL
                                        ? g_bytes_get_size (signing->ocsp_response) : 0);
  for (guint attempt = 0; ; attempt++) {
    g_autoptr(GError) local_error = NULL;
    gsize needed = 0;

    signing->store = lay_out_store (signing, chain, reserve, &needed, cancellable, &local_error);
    if (signing->store != NULL)
      return TRUE;
    /* A time-stamp token larger than foreseen: reserve more and lay out again
     * (which asks for a new token, as the signature covers the new claim). */
    if (needed > reserve && attempt < 2) {
      reserve = needed + 2048;
      continue;
    }
    g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }
}


static gboolean
write_output (Signing       *signing,
              GCancellable  *cancellable,
              GError       **error)
{
  ClSignedFile file = {
    .source = signing->source,
    .info = signing->info,
    .layout = signing->layout,
    .store = signing->store,
    .data_hash = signing->data_hash,
    .label = cl_manifest_builder_get_label (signing->builder),
  };

  return cl_signed_file_write (&file, signing->output, signing->options->force, cancellable,
                               error);
}


static ClSignResult *
sign_result_new (Signing *signing)
{
  ClSignResult *result = g_new0 (ClSignResult, 1);

  result->manifest_label = g_strdup (cl_manifest_builder_get_label (signing->builder));
  result->parent_label = g_strdup (cl_manifest_builder_get_parent_label (signing->builder));
  result->store_offset = signing->exclusion.start;
  result->store_length = signing->exclusion.length;
  result->parent_binding = signing->parent_binding;
  result->ocsp_stapled = signing->ocsp_response != NULL;
  result->store = g_bytes_ref (signing->store);
  memcpy (result->data_hash, signing->data_hash, SHA256_LEN);
  return result;
}


ClSignResult *
cl_signer_sign_file (ClSigningProfile    *profile,
                     const ClSignOptions *options,
                     const char          *input,
                     const char          *output,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_auto(Signing) signing = {
    .profile = profile,
    .options = options,
    .input = input,
    .output = output,
    .input_name = g_path_get_basename (input),
    .parent_binding = CL_PARENT_BINDING_UNKNOWN,
  };

  cl_crypto_init ();

  if (!cl_sign_check_profile (profile, error) ||
      (options->identity_profile != NULL && !cl_sign_check_profile (options->identity_profile, error)) ||
      !cl_sign_check_output (input, output, options->force, error) ||
      !read_source (&signing, cancellable, error))
    return NULL;
  start_manifest (&signing);
  if (signing.info->store != NULL && !add_parent (&signing, cancellable, error))
    return NULL;
  if (!fetch_ocsp_staple (&signing, cancellable, error))
    return NULL;
  hash_ahead (&signing, cancellable);
  if (!add_thumbnail (&signing, error) ||
      !build_signed_store (&signing, cancellable, error) ||
      !write_output (&signing, cancellable, error))
    return NULL;
  return sign_result_new (&signing);
}
