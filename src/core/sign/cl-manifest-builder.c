/* cl-manifest-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <cbor.h>
#include <json-glib/json-glib.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "cl-c2pa-ids.h"
#include "cl-cbor-writer.h"
#include "cl-error.h"
#include "cl-identity-assertion.h"
#include "cl-jumbf-writer.h"
#include "cl-manifest-actions.h"
#include "cl-manifest-bindings.h"
#include "cl-manifest-builder.h"
#include "cl-status-codes.h"
#include "cl-status.h"

#define SHA256_LEN 32

typedef struct {
  char   *label;
  guint8  hash[SHA256_LEN];
  gboolean created;
} AssertionRef;

struct _ClManifestBuilder {
  char     *label;              /* urn:c2pa:<uuid> */
  char     *instance_id;
  char     *title;
  char     *mime_type;
  char     *when;               /* RFC 3339, UTC */
  char     *digital_source_type;
  ClAiUse   ai_use;
  char     *metadata_edit;      /* what the privacy options removed, or NULL */
  char     *author;
  char     *work_title;
  gboolean  do_not_train;
  gboolean  bmff_hash;          /* the hard binding is c2pa.hash.bmff.v3, not .data */
  GBytes   *thumbnail;
  guint8    salts[9][CL_JUMBF_SALT_LEN];

  ClParentStore   *parent;
  ClParentBinding  parent_binding;
  ClValidationReport        *parent_report;
  GBytes          *parent_time_stamp;   /* DER TimeStampToken over the parent's signature */
  ClIdentityAssertion *identity;        /* the person named by a cawg.identity, or NULL */
};


ClManifestBuilder *
cl_manifest_builder_new (const char *title,
                         const char *mime_type)
{
  ClManifestBuilder *self = g_new0 (ClManifestBuilder, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *iid = g_uuid_string_random ();

  self->label = g_strconcat ("urn:c2pa:", uuid, NULL);
  self->instance_id = g_strconcat ("xmp:iid:", iid, NULL);
  self->title = g_strdup (title);
  self->mime_type = g_strdup (mime_type);
  self->when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  self->digital_source_type = g_strdup (CL_DIGITAL_SOURCE_TYPE_CAPTURE);
  if (RAND_bytes ((guint8 *) self->salts, sizeof self->salts) != 1)
    g_error ("%s: no random numbers", G_STRLOC);
  return self;
}


void
cl_manifest_builder_free (ClManifestBuilder *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->instance_id);
  g_free (self->title);
  g_free (self->mime_type);
  g_free (self->when);
  g_free (self->digital_source_type);
  g_free (self->metadata_edit);
  g_free (self->author);
  g_free (self->work_title);
  g_clear_pointer (&self->thumbnail, g_bytes_unref);
  g_clear_pointer (&self->parent, cl_parent_store_free);
  g_clear_pointer (&self->parent_report, cl_validation_report_unref);
  g_clear_pointer (&self->parent_time_stamp, g_bytes_unref);
  g_clear_pointer (&self->identity, cl_identity_assertion_free);
  g_free (self);
}


const char *
cl_manifest_builder_get_label (ClManifestBuilder *self)
{
  return self->label;
}


void
cl_manifest_builder_set_digital_source_type (ClManifestBuilder *self,
                                             const char        *uri)
{
  g_free (self->digital_source_type);
  self->digital_source_type = g_strdup (uri);
}


void
cl_manifest_builder_set_metadata_edit (ClManifestBuilder *self,
                                       const char        *description)
{
  g_free (self->metadata_edit);
  self->metadata_edit = g_strdup (description);
}


void
cl_manifest_builder_set_ai_use (ClManifestBuilder *self,
                                ClAiUse            ai_use)
{
  self->ai_use = ai_use;
}


void
cl_manifest_builder_set_creative_work (ClManifestBuilder *self,
                                       const char        *author,
                                       const char        *title)
{
  g_free (self->author);
  g_free (self->work_title);
  self->author = g_strdup (author);
  self->work_title = g_strdup (title);
}


void
cl_manifest_builder_set_do_not_train (ClManifestBuilder *self,
                                      gboolean           do_not_train)
{
  self->do_not_train = do_not_train;
}


void
cl_manifest_builder_set_identity (ClManifestBuilder *self,
                                  ClSigningProfile  *identity)
{
  g_clear_pointer (&self->identity, cl_identity_assertion_free);
  self->identity = identity != NULL ? cl_identity_assertion_new (identity) : NULL;
}


void
cl_manifest_builder_set_bmff_hash (ClManifestBuilder *self,
                                   gboolean           bmff_hash)
{
  self->bmff_hash = bmff_hash;
}


void
cl_manifest_builder_set_thumbnail (ClManifestBuilder *self,
                                   GBytes            *jpeg)
{
  g_clear_pointer (&self->thumbnail, g_bytes_unref);
  self->thumbnail = jpeg != NULL ? g_bytes_ref (jpeg) : NULL;
}


const char *
cl_manifest_builder_get_parent_label (ClManifestBuilder *self)
{
  return self->parent != NULL ? cl_parent_store_get_active (self->parent)->label : NULL;
}


void
cl_manifest_builder_set_parent_time_stamp (ClManifestBuilder *self,
                                           GBytes            *token)
{
  g_return_if_fail (self->parent != NULL);
  g_clear_pointer (&self->parent_time_stamp, g_bytes_unref);
  self->parent_time_stamp = token != NULL ? g_bytes_ref (token) : NULL;
}


ClParentStore *
cl_manifest_builder_get_parent (ClManifestBuilder *self)
{
  return self->parent;
}


gboolean
cl_manifest_builder_set_parent (ClManifestBuilder  *self,
                                GBytes             *parent_store,
                                const char         *parent_title,
                                GError            **error)
{
  ClParentStore *parent = cl_parent_store_parse (parent_store, parent_title, error);

  if (parent == NULL)
    return FALSE;
  g_clear_pointer (&self->parent, cl_parent_store_free);
  self->parent = parent;
  self->parent_binding = CL_PARENT_BINDING_UNKNOWN;
  return TRUE;
}


void
cl_manifest_builder_set_parent_report (ClManifestBuilder  *self,
                                       ClValidationReport *report)
{
  g_clear_pointer (&self->parent_report, cl_validation_report_unref);
  self->parent_report = report != NULL ? cl_validation_report_ref (report) : NULL;
}


void
cl_manifest_builder_set_parent_binding (ClManifestBuilder *self,
                                        ClParentBinding    binding)
{
  self->parent_binding = binding;
}


static void
add_assertion_ref (GArray       *refs,
                   const char   *label,
                   const guint8 *data,
                   gsize         offset,
                   gboolean      created)
{
  AssertionRef ref = { g_strdup (label), { 0, }, created };

  cl_jumbf_superbox_sha256 (data, offset, ref.hash);
  g_array_append_val (refs, ref);
}


static void
assertion_ref_clear (gpointer data)
{
  g_free (((AssertionRef *) data)->label);
}


static void
write_cbor_assertion (GByteArray   *out,
                      GArray       *refs,
                      const char   *label,
                      const guint8 *salt,
                      cbor_item_t  *item,
                      gboolean      created)
{
  static const guint8 cbor_uuid[16] = CL_UUID_CBOR;
  g_autoptr(GBytes) encoded = cl_cbor_encode (item);
  gsize offset;

  offset = cl_jumbf_write_content_superbox (out, cbor_uuid, label, salt, CL_BOX_CBOR,
                                            g_bytes_get_data (encoded, NULL),
                                            g_bytes_get_size (encoded));
  add_assertion_ref (refs, label, out->data, offset, created);
}


static cbor_item_t *
status_entry (const char *code,
              const char *url,
              const char *explanation)
{
  cbor_item_t *entry = cl_cbor_map_new ();

  cl_cbor_map_put (entry, "code", cl_cbor_tstr (code));
  cl_cbor_map_put (entry, "url", cl_cbor_tstr (url));
  cl_cbor_map_put (entry, "explanation", cl_cbor_tstr (explanation));
  return entry;
}


/* {"success": […], "informational": […], "failure": […]} of the statuses whose
 * ingredient_uri equals uri (NULL: the parent's own active manifest). */
static cbor_item_t *
status_codes_map (ClValidationReport *report,
                  const char         *uri)
{
  static const struct { ClStatusKind kind; const char *name; } kinds[] = {
    { CL_STATUS_SUCCESS, "success" },
    { CL_STATUS_INFORMATIONAL, "informational" },
    { CL_STATUS_FAILURE, "failure" },
  };
  cbor_item_t *map = cl_cbor_map_new ();

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++) {
    gsize count = 0;
    cbor_item_t *list;

    for (guint i = 0; i < report->statuses->len; i++) {
      ClStatus *status = g_ptr_array_index (report->statuses, i);

      count += status->kind == kinds[k].kind && g_strcmp0 (status->ingredient_uri, uri) == 0;
    }
    list = cl_cbor_array_new_sized (count);
    for (guint i = 0; i < report->statuses->len; i++) {
      ClStatus *status = g_ptr_array_index (report->statuses, i);

      if (status->kind == kinds[k].kind && g_strcmp0 (status->ingredient_uri, uri) == 0)
        cl_cbor_array_add (list, status_entry (status->code, status->url != NULL ? status->url : "",
                                               status->explanation != NULL
                                               ? status->explanation : ""));
    }
    cl_cbor_map_put (map, kinds[k].name, list);
  }
  return map;
}


/* validationResults from the validator's report on the source. */
static cbor_item_t *
report_results (ClValidationReport *report)
{
  cbor_item_t *results = cl_cbor_map_new ();
  g_autoptr(GPtrArray) uris = g_ptr_array_new ();
  cbor_item_t *deltas;

  cl_cbor_map_put (results, "activeManifest", status_codes_map (report, NULL));
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (status->ingredient_uri != NULL &&
        !g_ptr_array_find_with_equal_func (uris, status->ingredient_uri, g_str_equal, NULL))
      g_ptr_array_add (uris, status->ingredient_uri);
  }
  if (uris->len > 0) {
    deltas = cl_cbor_array_new_sized (uris->len);
    for (guint i = 0; i < uris->len; i++) {
      cbor_item_t *delta = cl_cbor_map_new ();

      cl_cbor_map_put (delta, "ingredientAssertionURI",
                       cl_cbor_tstr (g_ptr_array_index (uris, i)));
      cl_cbor_map_put (delta, "validationDeltas",
                       status_codes_map (report, g_ptr_array_index (uris, i)));
      cl_cbor_array_add (deltas, delta);
    }
    cl_cbor_map_put (results, "ingredientDeltas", deltas);
  }
  return results;
}


static void
write_ingredient (ClManifestBuilder *self,
                  GByteArray        *out,
                  GArray            *refs,
                  const guint8      *thumbnail_hash)
{
  const guint8 *parent = g_bytes_get_data (self->parent->bytes, NULL);
  const ClParentManifest *active = cl_parent_store_get_active (self->parent);
  cbor_item_t *ingredient = cl_cbor_map_new ();
  cbor_item_t *results = cl_cbor_map_new ();
  cbor_item_t *active_results = cl_cbor_map_new ();
  cbor_item_t *success, *failure;
  guint8 hash[SHA256_LEN];
  g_autofree char *manifest_url = g_strconcat ("self#jumbf=/c2pa/", active->label, NULL);
  g_autofree char *signature_url = g_strconcat (manifest_url, "/c2pa.signature", NULL);

  cl_cbor_map_put (ingredient, "dc:title", cl_cbor_tstr (self->parent->title));
  cl_cbor_map_put (ingredient, "dc:format", cl_cbor_tstr (self->mime_type));
  cl_cbor_map_put (ingredient, "relationship", cl_cbor_tstr ("parentOf"));
  cl_jumbf_superbox_sha256 (parent, active->offset, hash);
  cl_cbor_map_put (ingredient, "activeManifest", cl_cbor_hashed_uri (manifest_url, hash,
                                                                      SHA256_LEN));
  cl_jumbf_superbox_sha256 (parent, self->parent->signature_offset, hash);
  cl_cbor_map_put (ingredient, "claimSignature", cl_cbor_hashed_uri (signature_url, hash,
                                                                      SHA256_LEN));
  /* validationResults is required next to activeManifest (C2PA 2.2 §18.15.3). What
   * validators cannot re-derive later is whether the parent's hard binding matched
   * the source: record that (as c2pa-rs does); the rest they re-derive themselves. */
  success = cl_cbor_array_new ();
  failure = cl_cbor_array_new ();
  if (self->parent_binding != CL_PARENT_BINDING_UNKNOWN) {
    g_autofree char *hash_url = g_strconcat (manifest_url, "/c2pa.assertions/c2pa.hash.data",
                                             NULL);
    gboolean match = self->parent_binding == CL_PARENT_BINDING_MATCH;

    cl_cbor_array_add (match ? success : failure,
                       status_entry (match ? CL_CODE_ASSERTION_DATA_HASH_MATCH
                                           : CL_CODE_ASSERTION_DATA_HASH_MISMATCH,
                                     hash_url,
                                     match ? "data hash valid"
                                           : "the source file does not match the data hash "
                                             "of its own manifest"));
  }
  cl_cbor_map_put (active_results, "success", success);
  cl_cbor_map_put (active_results, "informational", cl_cbor_array_new ());
  cl_cbor_map_put (active_results, "failure", failure);
  cl_cbor_map_put (results, "activeManifest", active_results);
  if (self->parent_report != NULL) {
    /* The validator's full findings replace the hard-binding-only record. */
    cbor_decref (&results);
    results = report_results (self->parent_report);
  }
  cl_cbor_map_put (ingredient, "validationResults", results);
  if (thumbnail_hash != NULL)
    cl_cbor_map_put (ingredient, "thumbnail",
                     cl_cbor_hashed_uri ("self#jumbf=c2pa.assertions/c2pa.thumbnail.ingredient",
                                         thumbnail_hash, SHA256_LEN));

  write_cbor_assertion (out, refs, "c2pa.ingredient.v3", self->salts[0], ingredient, TRUE);
  cbor_decref (&ingredient);
}


static void
write_actions (ClManifestBuilder *self,
               GByteArray        *out,
               GArray            *refs)
{
  const guint8 *ingredient_hash = NULL;
  cbor_item_t *actions;

  /* The ingredient is the assertion written just before. */
  if (self->parent != NULL)
    ingredient_hash = g_array_index (refs, AssertionRef, refs->len - 1).hash;
  actions = cl_manifest_actions_new (self->when, self->digital_source_type, self->ai_use,
                                     ingredient_hash);
  if (self->metadata_edit != NULL)
    cl_manifest_actions_add_metadata_edit (actions, self->when, self->metadata_edit);
  write_cbor_assertion (out, refs, "c2pa.actions.v2", self->salts[1], actions, TRUE);
  cbor_decref (&actions);
}


static void
write_creative_work (ClManifestBuilder *self,
                     GByteArray        *out,
                     GArray            *refs)
{
  static const guint8 json_uuid[16] = CL_UUID_JSON;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  gsize offset;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_string_value (builder, "https://schema.org");
  json_builder_set_member_name (builder, "@type");
  json_builder_add_string_value (builder, "CreativeWork");
  if (self->work_title != NULL) {
    json_builder_set_member_name (builder, "name");
    json_builder_add_string_value (builder, self->work_title);
  }
  if (self->author != NULL) {
    json_builder_set_member_name (builder, "author");
    json_builder_begin_array (builder);
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "@type");
    json_builder_add_string_value (builder, "Person");
    json_builder_set_member_name (builder, "name");
    json_builder_add_string_value (builder, self->author);
    json_builder_end_object (builder);
    json_builder_end_array (builder);
  }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  offset = cl_jumbf_write_content_superbox (out, json_uuid, "stds.schema-org.CreativeWork",
                                            self->salts[3], CL_BOX_JSON,
                                            (const guint8 *) json, strlen (json));
  add_assertion_ref (refs, "stds.schema-org.CreativeWork", out->data, offset, FALSE);
}


static void
write_training_mining (ClManifestBuilder *self,
                       GByteArray        *out,
                       GArray            *refs)
{
  /* CAWG training-and-data-mining assertion, the form current c2pa-rs reads. */
  static const char *const uses[] = {
    "cawg.ai_training", "cawg.ai_generative_training", "cawg.data_mining",
  };
  cbor_item_t *assertion = cl_cbor_map_new ();
  cbor_item_t *entries = cl_cbor_map_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (uses); i++) {
    cbor_item_t *entry = cl_cbor_map_new ();

    cl_cbor_map_put (entry, "use", cl_cbor_tstr ("notAllowed"));
    cl_cbor_map_put (entries, uses[i], entry);
  }
  cl_cbor_map_put (assertion, "entries", entries);
  write_cbor_assertion (out, refs, "cawg.training-mining", self->salts[4], assertion, FALSE);
  cbor_decref (&assertion);
}


/* c2pa.time-stamp: { parent label: TimeStampToken }, so that the parent's signature has a
 * trusted time even though it was made without one. */
static void
write_parent_time_stamp (ClManifestBuilder *self,
                         GByteArray        *out,
                         GArray            *refs)
{
  cbor_item_t *assertion = cl_cbor_map_new ();

  cl_cbor_map_put (assertion, cl_manifest_builder_get_parent_label (self),
                   cl_cbor_bstr (g_bytes_get_data (self->parent_time_stamp, NULL),
                                 g_bytes_get_size (self->parent_time_stamp)));
  write_cbor_assertion (out, refs, "c2pa.time-stamp", self->salts[7], assertion, TRUE);
  cbor_decref (&assertion);
}


/* cawg.identity over every assertion written before it, the hard binding included. */
static gboolean
write_identity (ClManifestBuilder  *self,
                GByteArray         *out,
                GArray             *refs,
                GError            **error)
{
  static const guint8 cbor_uuid[16] = CL_UUID_CBOR;
  cbor_item_t *referenced = cl_cbor_array_new_sized (refs->len);
  g_autoptr(GBytes) encoded = NULL;
  gsize offset;

  for (guint i = 0; i < refs->len; i++) {
    AssertionRef *ref = &g_array_index (refs, AssertionRef, i);
    g_autofree char *url = g_strconcat ("self#jumbf=c2pa.assertions/", ref->label, NULL);

    cl_cbor_array_add (referenced, cl_cbor_hashed_uri (url, ref->hash, SHA256_LEN));
  }
  encoded = cl_identity_assertion_encode (self->identity, referenced, error);
  if (encoded == NULL)
    return FALSE;
  offset = cl_jumbf_write_content_superbox (out, cbor_uuid, CL_IDENTITY_ASSERTION_LABEL,
                                            self->salts[8], CL_BOX_CBOR,
                                            g_bytes_get_data (encoded, NULL),
                                            g_bytes_get_size (encoded));
  add_assertion_ref (refs, CL_IDENTITY_ASSERTION_LABEL, out->data, offset, TRUE);
  return TRUE;
}


static GBytes *
encode_claim (ClManifestBuilder *self,
              GArray            *refs)
{
  cbor_item_t *claim = cl_cbor_map_new ();
  cbor_item_t *created = cl_cbor_array_new ();
  cbor_item_t *gathered = cl_cbor_array_new ();
  cbor_item_t *generator = cl_manifest_software_agent ();
  g_autofree char *signature_url = g_strconcat ("self#jumbf=/c2pa/", self->label,
                                                "/c2pa.signature", NULL);
  GBytes *encoded;

  for (guint i = 0; i < refs->len; i++) {
    AssertionRef *ref = &g_array_index (refs, AssertionRef, i);
    g_autofree char *url = g_strconcat ("self#jumbf=c2pa.assertions/", ref->label, NULL);

    cl_cbor_array_add (ref->created ? created : gathered,
                       cl_cbor_hashed_uri (url, ref->hash, SHA256_LEN));
  }
  /* C2PA 2.4 moved specVersion into claim_generator_info (the claim-level one is
   * deprecated). */
  cl_cbor_map_put (generator, "specVersion", cl_cbor_tstr (CL_MANIFEST_SPEC_VERSION));
  cl_cbor_map_put (claim, "instanceID", cl_cbor_tstr (self->instance_id));
  cl_cbor_map_put (claim, "claim_generator_info", generator);
  cl_cbor_map_put (claim, "signature", cl_cbor_tstr (signature_url));
  cl_cbor_map_put (claim, "created_assertions", created);
  if (cbor_array_size (gathered) > 0)
    cl_cbor_map_put (claim, "gathered_assertions", gathered);
  else
    cbor_decref (&gathered);
  cl_cbor_map_put (claim, "dc:title", cl_cbor_tstr (self->work_title != NULL ?
                                                    self->work_title : self->title));
  cl_cbor_map_put (claim, "alg", cl_cbor_tstr ("sha256"));
  encoded = cl_cbor_encode (claim);
  cbor_decref (&claim);
  return encoded;
}


GBytes *
cl_manifest_builder_build_store (ClManifestBuilder *self,
                                 const ClByteRange *exclusion,
                                 const guint8      *data_hash,
                                 GBytes            *signature,
                                 GBytes           **claim_out,
                                 GError           **error)
{
  static const guint8 store_uuid[16] = CL_UUID_STORE;
  static const guint8 manifest_uuid[16] = CL_UUID_MANIFEST;
  static const guint8 assertion_store_uuid[16] = CL_UUID_ASSERTION_STORE;
  static const guint8 claim_uuid[16] = CL_UUID_CLAIM;
  static const guint8 signature_uuid[16] = CL_UUID_SIGNATURE;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GArray) refs = g_array_new (FALSE, TRUE, sizeof (AssertionRef));
  g_autoptr(GBytes) claim = NULL;
  cbor_item_t *hard_binding;
  gsize store_offset, manifest_offset, assertions_offset;

  g_array_set_clear_func (refs, assertion_ref_clear);

  store_offset = cl_jumbf_superbox_begin (out, store_uuid, "c2pa", NULL);
  /* Ingredient manifests come first, verbatim; the active manifest is the last. */
  for (guint i = 0; self->parent != NULL && i < self->parent->manifests->len; i++) {
    ClParentManifest *parent = &g_array_index (self->parent->manifests, ClParentManifest, i);

    g_byte_array_append (out, (const guint8 *) g_bytes_get_data (self->parent->bytes, NULL) +
                         parent->offset, parent->length);
  }
  manifest_offset = cl_jumbf_superbox_begin (out, manifest_uuid, self->label, NULL);

  assertions_offset = cl_jumbf_superbox_begin (out, assertion_store_uuid, "c2pa.assertions",
                                               NULL);
  if (self->parent != NULL) {
    guint8 thumbnail_hash[SHA256_LEN];

    /* The source looked like the new file: the same thumbnail shows the ingredient. */
    if (self->thumbnail != NULL) {
      gsize offset = cl_jumbf_write_embedded_file (out, "c2pa.thumbnail.ingredient",
                                                   self->salts[6], "image/jpeg",
                                                   g_bytes_get_data (self->thumbnail, NULL),
                                                   g_bytes_get_size (self->thumbnail));

      add_assertion_ref (refs, "c2pa.thumbnail.ingredient", out->data, offset, TRUE);
      memcpy (thumbnail_hash, g_array_index (refs, AssertionRef, refs->len - 1).hash,
              SHA256_LEN);
    }
    write_ingredient (self, out, refs, self->thumbnail != NULL ? thumbnail_hash : NULL);
  }
  write_actions (self, out, refs);
  if (self->thumbnail != NULL) {
    gsize offset = cl_jumbf_write_embedded_file (out, "c2pa.thumbnail.claim", self->salts[2],
                                                 "image/jpeg",
                                                 g_bytes_get_data (self->thumbnail, NULL),
                                                 g_bytes_get_size (self->thumbnail));

    add_assertion_ref (refs, "c2pa.thumbnail.claim", out->data, offset, TRUE);
  }
  if (self->author != NULL || self->work_title != NULL)
    write_creative_work (self, out, refs);
  if (self->do_not_train)
    write_training_mining (self, out, refs);
  if (self->parent_time_stamp != NULL)
    write_parent_time_stamp (self, out, refs);
  hard_binding = self->bmff_hash ? cl_manifest_bmff_hash_new (data_hash)
                                 : cl_manifest_data_hash_new (exclusion, data_hash);
  write_cbor_assertion (out, refs, self->bmff_hash ? "c2pa.hash.bmff.v3" : "c2pa.hash.data",
                        self->salts[5], hard_binding, TRUE);
  cbor_decref (&hard_binding);
  if (self->identity != NULL && !write_identity (self, out, refs, error))
    return NULL;
  cl_jumbf_superbox_end (out, assertions_offset);

  claim = encode_claim (self, refs);
  cl_jumbf_write_content_superbox (out, claim_uuid, "c2pa.claim.v2", NULL, CL_BOX_CBOR,
                                   g_bytes_get_data (claim, NULL), g_bytes_get_size (claim));
  cl_jumbf_write_content_superbox (out, signature_uuid, "c2pa.signature", NULL, CL_BOX_CBOR,
                                   g_bytes_get_data (signature, NULL),
                                   g_bytes_get_size (signature));
  cl_jumbf_superbox_end (out, manifest_offset);
  cl_jumbf_superbox_end (out, store_offset);

  if (claim_out != NULL)
    *claim_out = g_steal_pointer (&claim);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
