/* cl-proof.h: one record of the local proof cache.
 *
 * A proof is what CredLink remembers about an image it signed or verified: the hash of the
 * image content (the bytes outside every C2PA segment), the active manifest, the signer, the
 * verdict and the JSON report (summarised when it is too large). It is a plain reference-counted struct: the fields are
 * public, owned by the struct, and freed by cl_proof_unref().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The largest report, in bytes of JSON, that the proof cache keeps whole. A hostile file can
 * make a report of tens of megabytes; a larger report is kept as a summary (verdict,
 * validation state, status codes, signer, active manifest, content hash) with a note that
 * says so and how large the full report was (cl-proof-report.c). */
#define CL_PROOF_REPORT_MAX_BYTES (1024 * 1024)

typedef enum {
  CL_PROOF_KIND_SIGNED,
  CL_PROOF_KIND_VERIFIED,
} ClProofKind;

/* The verdict shown to people, derived by the validator from validation_state. */
typedef enum {
  CL_PROOF_VERDICT_TRUSTED,
  CL_PROOF_VERDICT_VALID,
  CL_PROOF_VERDICT_INVALID,
  CL_PROOF_VERDICT_NO_MANIFEST,
} ClProofVerdict;

#define CL_TYPE_PROOF (cl_proof_get_type ())

typedef struct _ClProof ClProof;

struct _ClProof {
  char           *id;                   /* UUID; set by the cache when NULL on insert */
  ClProofKind     kind;
  char           *content_hash;         /* SHA-256, 64 lowercase hex digits (cl-content-hash.h) */
  char           *manifest_label;       /* active manifest label; NULL for no_manifest */
  char           *claim_signature_hash; /* SHA-256 hex of the claim signature, or NULL */
  char           *signer_subject;       /* subject DN of the signing certificate, or NULL */
  char           *signer_fingerprint;   /* SHA-256 hex of its DER, or NULL */
  GDateTime      *signing_time;         /* time-stamp or claim time, or NULL */
  ClProofVerdict  verdict;
  char           *report_json;          /* the JSON report, or NULL; summarised when the
                                         * full one is over CL_PROOF_REPORT_MAX_BYTES */
  char           *source_name;          /* file name the image came from, or NULL */
  GDateTime      *first_seen;           /* UTC; filled by the cache */
  GDateTime      *last_verified;        /* UTC; on insert, the moment of the verification
                                         * (NULL: now); then filled by the cache */
  GDateTime      *expires_at;           /* last_verified + retention; filled by the cache */
  GBytes         *manifest_store;       /* signed proofs only: the embedded manifest store;
                                         * loaded by cl_proof_cache_get() only */
  gsize           manifest_store_size;  /* size of the stored manifest store, always loaded */

  /*< private >*/
  gatomicrefcount ref_count;
};

GType           cl_proof_get_type              (void) G_GNUC_CONST;
ClProof        *cl_proof_new                   (ClProofKind      kind);
ClProof        *cl_proof_ref                   (ClProof         *proof);
void            cl_proof_unref                 (ClProof         *proof);

gboolean        cl_proof_check                 (const ClProof   *proof,
                                                GError         **error);
JsonNode       *cl_proof_to_json               (const ClProof   *proof,
                                                gboolean         include_manifest_store);

void            cl_proof_set_report            (ClProof         *proof,
                                                JsonNode        *report);
gboolean        cl_proof_limit_report          (ClProof         *proof);
gboolean        cl_proof_report_is_summarised  (const ClProof   *proof,
                                                guint64         *out_full_size);

const char     *cl_proof_kind_to_string        (ClProofKind      kind);
gboolean        cl_proof_kind_from_string      (const char      *text,
                                                ClProofKind     *out_kind);
const char     *cl_proof_verdict_to_string     (ClProofVerdict   verdict);
gboolean        cl_proof_verdict_from_string   (const char      *text,
                                                ClProofVerdict  *out_verdict);

gboolean        cl_proof_is_sha256_hex         (const char      *text);

/* The name a person knows the signer by: the common name of the subject, else its
 * organisation, else the whole subject; NULL without a signer (cl-proof-signer-name.c). */
char           *cl_proof_dup_signer_name       (const ClProof   *proof);
/* Where the image was when it was verified: the "path" of the stored report, or NULL. */
char           *cl_proof_dup_report_path       (const ClProof   *proof);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClProof, cl_proof_unref)

G_END_DECLS
