/* cl-signer.h: signing one image — the whole pipeline from a source file to a
 * new signed file: profile check, manifest (with the source's own credentials
 * kept as parent), sizing, data hash with the exclusion of our own bytes, COSE
 * signature (+ optional RFC 3161 time-stamp), embedding without re-encoding,
 * atomic write, after a read-back check of what was written (store, data hash)
 * and a run of the validator over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-manifest-actions.h"
#include "cl-parent-store.h"
#include "cl-signing-profile.h"

G_BEGIN_DECLS

typedef struct {
  const char *author;               /* stds.schema-org.CreativeWork author, or NULL */
  const char *title;                /* CreativeWork name and dc:title, or NULL */
  gboolean    do_not_train;         /* cawg.training-mining: notAllowed */
  const char *tsa_url;              /* RFC 3161 server, or NULL */
  gboolean    staple_ocsp;          /* staple the signer's OCSP response (needs tsa_url) */
  const char *digital_source_type;  /* for new captures; NULL: digitalCapture */
  ClAiUse     ai_use;               /* generated or edited with AI, said in the actions */
  gboolean    force;                /* replace an existing output file */
  /* Take the GPS position and the camera and lens serial numbers out of the signed copy's
   * Exif and XMP (cl-privacy-removal.h); off by default. */
  gboolean    remove_gps;
  gboolean    remove_serials;
  /* The person's own certificate and key: a CAWG X.509 identity assertion names them
   * next to the signer of the claim. NULL: none. */
  ClSigningProfile *identity_profile;
} ClSignOptions;

typedef struct {
  char    *manifest_label;          /* urn:c2pa:… of the new manifest */
  char    *parent_label;            /* the source's active manifest, or NULL */
  guint64  store_offset;            /* where our segments/chunk start in the output */
  guint64  store_length;            /* their total size (the data-hash exclusion) */
  guint8   data_hash[32];           /* SHA-256 in c2pa.hash.data */
  /* Whether the source matched its own credentials (MISMATCH: it was changed after
   * it was signed; the new manifest records that in its ingredient). */
  ClParentBinding parent_binding;
  /* An OCSP response was stapled (FALSE when asked for but the certificate names
   * no responder). */
  gboolean ocsp_stapled;
  GBytes  *store;                   /* the signed manifest store, as embedded */
  /* Why no proof was recorded (cl_sign_record_sign_file with a cache), or NULL. */
  char    *proof_error;
} ClSignResult;

void          cl_sign_result_free   (ClSignResult        *result);

/* A copy of options that owns its strings. */
ClSignOptions *cl_sign_options_copy (const ClSignOptions *options);
void          cl_sign_options_free  (ClSignOptions       *options);

/* Signs input into a new file output (input is never modified; output must not
 * be input). On any error no output file is left behind. */
ClSignResult *cl_signer_sign_file   (ClSigningProfile    *profile,
                                     const ClSignOptions *options,
                                     const char          *input,
                                     const char          *output,
                                     GCancellable        *cancellable,
                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSignResult, cl_sign_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSignOptions, cl_sign_options_free)

G_END_DECLS
