/* cl-conforming-products.c: the C2PA Conforming Products List, read with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <openssl/asn1.h>
#include <openssl/objects.h>

#include "cl-atomic-file.h"
#include "cl-conforming-products.h"
#include "cl-error.h"
#include "cl-json-util.h"
#include "cl-limits.h"
#include "cl-x509.h"

/* c2pa-cpl-record: a UTF8String holding the UUID of the product's CPL record. */
#define CPL_RECORD_OID "1.3.6.1.4.1.62558.4"


ClConformingProduct *
cl_conforming_product_ref (ClConformingProduct *product)
{
  g_atomic_ref_count_inc (&product->ref_count);
  return product;
}


void
cl_conforming_product_unref (ClConformingProduct *product)
{
  if (product == NULL || !g_atomic_ref_count_dec (&product->ref_count))
    return;
  g_free (product->record_id);
  g_free (product->applicant);
  g_free (product->status);
  g_free (product->product_type);
  g_free (product->name);
  g_free (product->organisation);
  g_free (product->unit);
  g_free (product->country);
  g_strfreev (product->attestation_methods);
  g_strfreev (product->spec_versions);
  g_strfreev (product->disallowed_signals);
  g_free (product->conformance_date);
  g_free (product);
}


gboolean
cl_conforming_product_is_conformant (const ClConformingProduct *product)
{
  return g_strcmp0 (product->status, "conformant") == 0;
}


gboolean
cl_conforming_product_disallows (const ClConformingProduct *product,
                                 const char                *signal_id)
{
  return product->disallowed_signals != NULL &&
         g_strv_contains ((const char * const *) product->disallowed_signals, signal_id);
}


/* A string member, NULL when absent, not a string or empty. */
static char *
dup_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  const char *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}


static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}


/* The strings of an array member; NULL when there is none. */
static GStrv
dup_strings (JsonObject *object,
             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonNode *element = json_array_get_element (array, i);

    if (json_node_get_value_type (element) == G_TYPE_STRING)
      g_strv_builder_add (builder, json_node_get_string (element));
  }
  return g_strv_builder_end (builder);
}


/* One record, or NULL when it lacks what identifies a product (its id and DN). */
static ClConformingProduct *
product_from_json (JsonObject *record)
{
  JsonObject *product = get_object (record, "product");
  JsonObject *dn = get_object (product, "DN");
  JsonObject *assurance = get_object (product, "assurance");
  JsonNode *level = assurance != NULL ? json_object_get_member (assurance, "maxAssuranceLevel")
                                      : NULL;
  g_autoptr(ClConformingProduct) self = g_new0 (ClConformingProduct, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->record_id = dup_string (record, "recordId");
  self->name = dup_string (dn, "CN");
  self->organisation = dup_string (dn, "O");
  if (self->record_id == NULL || self->name == NULL || self->organisation == NULL)
    return NULL;
  self->applicant = dup_string (record, "applicant");
  self->status = dup_string (record, "status");
  self->product_type = dup_string (product, "productType");
  self->unit = dup_string (dn, "OU");
  self->country = dup_string (dn, "C");
  if (level != NULL && json_node_get_value_type (level) == G_TYPE_INT64)
    self->max_assurance_level = (int) CLAMP (json_node_get_int (level), 0, 9);
  self->attestation_methods = dup_strings (assurance, "attestationMethods");
  self->spec_versions = dup_strings (record, "specVersion");
  self->disallowed_signals = dup_strings (get_object (product, "disallowedSignals"),
                                          "inception");
  self->conformance_date = dup_string (get_object (record, "dates"), "conformance");
  return g_steal_pointer (&self);
}


GPtrArray *
cl_conforming_products_load (const char  *path,
                             GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  JsonNode *root;
  JsonArray *records;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return NULL;
  }
  if (g_file_info_get_size (info) > CL_LIMIT_CPL_BYTES) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("“%s” is too large to be a conforming products list"), name);
    return NULL;
  }
  if (!g_file_get_contents (path, &data, &length, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return NULL;
  }
  if (length > CL_LIMIT_CPL_BYTES ||
      !cl_json_depth_ok ((const guint8 *) data, length, CL_LIMIT_JSON_DEPTH) ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("“%s” is not a C2PA conforming products list (a JSON array of product "
                   "records)"), name);
    return NULL;
  }
  records = json_node_get_array (root);
  if (json_array_get_length (records) > CL_LIMIT_CPL_RECORDS) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("“%s” holds more product records than a conforming products list does"),
                 name);
    return NULL;
  }
  products = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_conforming_product_unref);
  for (guint i = 0; i < json_array_get_length (records); i++) {
    JsonNode *element = json_array_get_element (records, i);
    ClConformingProduct *product = JSON_NODE_HOLDS_OBJECT (element)
                                   ? product_from_json (json_node_get_object (element)) : NULL;

    if (product != NULL)
      g_ptr_array_add (products, product);
  }
  if (products->len == 0) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("“%s” names no product: it is not a C2PA conforming products list"), name);
    return NULL;
  }
  return g_steal_pointer (&products);
}


/* The UUID of the certificate's c2pa-cpl-record extension, or NULL. */
static char *
cpl_record_of (X509 *cert)
{
  ASN1_OBJECT *oid = OBJ_txt2obj (CPL_RECORD_OID, 1);
  int index = oid != NULL ? X509_get_ext_by_OBJ (cert, oid, -1) : -1;
  X509_EXTENSION *extension;
  ASN1_OCTET_STRING *value;
  const unsigned char *der;
  ASN1_UTF8STRING *text;
  char *uuid = NULL;

  ASN1_OBJECT_free (oid);
  if (index < 0 || (extension = X509_get_ext (cert, index)) == NULL ||
      (value = X509_EXTENSION_get_data (extension)) == NULL)
    return NULL;
  der = ASN1_STRING_get0_data (value);
  text = d2i_ASN1_UTF8STRING (NULL, &der, ASN1_STRING_length (value));
  if (text != NULL)
    uuid = g_ascii_strdown ((const char *) ASN1_STRING_get0_data (text), ASN1_STRING_length (text));
  ASN1_UTF8STRING_free (text);
  return uuid;
}


static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}


ClConformingProduct *
cl_conforming_products_find (GPtrArray *products,
                             X509      *cert)
{
  X509_NAME *subject;
  g_autofree char *record = NULL;
  g_autofree char *cn = NULL, *o = NULL, *ou = NULL, *c = NULL;
  ClConformingProduct *found = NULL;

  if (products == NULL || cert == NULL)
    return NULL;
  record = cpl_record_of (cert);
  subject = X509_get_subject_name (cert);
  cn = cl_x509_name_get (subject, NID_commonName);
  o = cl_x509_name_get (subject, NID_organizationName);
  ou = cl_x509_name_get (subject, NID_organizationalUnitName);
  c = cl_x509_name_get (subject, NID_countryName);

  for (guint i = 0; i < products->len; i++) {
    ClConformingProduct *product = g_ptr_array_index (products, i);
    gboolean matches = record != NULL
                       ? g_ascii_strcasecmp (record, product->record_id) == 0
                       : same_text (cn, product->name) && same_text (o, product->organisation) &&
                         same_text (ou, product->unit) && same_text (c, product->country);

    /* A conformant record wins over an older one of the same name. */
    if (matches && (found == NULL || cl_conforming_product_is_conformant (product)))
      found = product;
  }
  return found != NULL ? cl_conforming_product_ref (found) : NULL;
}


static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}


JsonNode *
cl_conforming_product_to_json (const ClConformingProduct *product)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  cl_json_builder_add_string (builder, "recordId", product->record_id);
  cl_json_builder_add_string (builder, "status", product->status);
  cl_json_builder_add_string (builder, "productType", product->product_type);
  cl_json_builder_add_string (builder, "name", product->name);
  cl_json_builder_add_string (builder, "organization", product->organisation);
  cl_json_builder_add_string (builder, "applicant", product->applicant);
  if (product->max_assurance_level > 0) {
    json_builder_set_member_name (builder, "maxAssuranceLevel");
    json_builder_add_int_value (builder, product->max_assurance_level);
  }
  add_strings (builder, "attestationMethods", (const char * const *) product->attestation_methods);
  add_strings (builder, "specVersion", (const char * const *) product->spec_versions);
  add_strings (builder, "disallowedSignals", (const char * const *) product->disallowed_signals);
  cl_json_builder_add_string (builder, "conformanceDate", product->conformance_date);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}


char *
cl_conforming_product_describe (const ClConformingProduct *product)
{
  GString *text = g_string_new (NULL);

  /* Translators: a product on the C2PA conforming products list: "Pixel Camera (Google LLC)" */
  g_string_printf (text, _("%s (%s)"), product->name, product->organisation);
  g_string_append (text, ", ");
  if (cl_conforming_product_is_conformant (product) && product->conformance_date != NULL)
    g_string_append_printf (text, _("conformant since %s"), product->conformance_date);
  else if (cl_conforming_product_is_conformant (product))
    g_string_append (text, _("conformant"));
  else
    /* Translators: %s is the record's status as the conformance program publishes it */
    g_string_append_printf (text, _("listed as “%s”, not conformant"),
                            product->status != NULL ? product->status : _("no status"));
  if (product->max_assurance_level > 0) {
    g_string_append (text, ", ");
    g_string_append_printf (text, _("assurance level %d"), product->max_assurance_level);
  }
  return g_string_free (text, FALSE);
}


gboolean
cl_conforming_products_install (const char  *path,
                                const char  *trust_dir,
                                guint       *out_n_records,
                                GError     **error)
{
  g_autoptr(GPtrArray) products = cl_conforming_products_load (path, error);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autofree char *target = NULL;

  if (products == NULL || !g_file_get_contents (path, &data, &length, error))
    return FALSE;
  if (g_mkdir_with_parents (trust_dir, 0700) != 0) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO,
                 _("Could not create the trust folder “%s”"), trust_dir);
    return FALSE;
  }
  target = g_build_filename (trust_dir, CL_CONFORMING_PRODUCTS_FILE, NULL);
  if (!cl_atomic_file_set_contents (target, data, (gssize) length, 0644, error))
    return FALSE;
  if (out_n_records != NULL)
    *out_n_records = products->len;
  return TRUE;
}
