/* cl-ica-did.c: issuer DIDs of identity claims aggregation credentials to Ed25519 keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-ica-did.h"
#include "cl-json-util.h"
#include "cl-limits.h"

#define FAIL(kind, ...) \
  G_STMT_START { *problem = (kind); *explanation = g_strdup_printf (__VA_ARGS__); return NULL; } G_STMT_END


char *
cl_ica_did_primary (const char *issuer)
{
  g_autofree char *primary = g_strndup (issuer, strcspn (issuer, "#"));
  const char *method = primary + strlen ("did:");
  const char *id;

  if (strlen (issuer) > CL_LIMIT_DID_CHARS || !g_str_has_prefix (primary, "did:"))
    return NULL;
  for (id = method; g_ascii_islower (*id) || g_ascii_isdigit (*id); id++)
    ;
  if (id == method || *id != ':' || id[1] == '\0')
    return NULL;
  for (const char *c = id + 1; *c != '\0'; c++) {
    if (!g_ascii_isalnum (*c) && strchr (".-_:%", *c) == NULL)
      return NULL;
  }
  return g_steal_pointer (&primary);
}


/* base64url without padding (RFC 7515 §2), as JWK members are written; NULL for anything
 * else. whole_quanta: only text that would need no padding, which is how c2pa-rs reads a
 * did:jwk (it decodes with padding required, and a DID cannot hold "="). */
static GBytes *
base64url_decode (const char *text,
                  gboolean    whole_quanta)
{
  gsize len = strlen (text), out_len = 0;
  g_autofree char *standard = NULL;
  guchar *decoded;

  if (len == 0 || len % 4 == 1 || (whole_quanta && len % 4 != 0) || len > CL_LIMIT_DID_CHARS)
    return NULL;
  standard = g_malloc0 (len + 4);
  for (gsize i = 0; i < len; i++) {
    char c = text[i];

    if (!g_ascii_isalnum (c) && c != '-' && c != '_')
      return NULL;
    standard[i] = c == '-' ? '+' : c == '_' ? '/' : c;
  }
  for (gsize i = len; i % 4 != 0; i++)
    standard[i] = '=';
  decoded = g_base64_decode (standard, &out_len);
  return g_bytes_new_take (decoded, out_len);
}


static JsonNode *
parse_json (const guint8 *data,
            gsize         len)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (len > G_MAXSSIZE || !cl_json_depth_ok (data, len, CL_LIMIT_JSON_DEPTH) ||
      !g_utf8_validate ((const char *) data, (gssize) len, NULL) ||
      !json_parser_load_from_data (parser, (const char *) data, (gssize) len, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_copy (root) : NULL;
}


static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}


/* The Ed25519 key a JWK holds (kty OKP, crv Ed25519, x the 32-byte key in base64url). */
static EVP_PKEY *
jwk_key (JsonObject       *jwk,
         ClIcaDidProblem  *problem,
         char            **explanation)
{
  const char *kty = member_string (jwk, "kty"), *crv = member_string (jwk, "crv");
  const char *x = member_string (jwk, "x");
  g_autoptr(GBytes) raw = NULL;
  EVP_PKEY *key;

  if (g_strcmp0 (kty, "OKP") != 0 || g_strcmp0 (crv, "Ed25519") != 0)
    FAIL (CL_ICA_DID_INVALID_DOCUMENT, _("The issuer’s key is not an Ed25519 key (key type %s, curve %s)"),
          kty != NULL ? kty : "-", crv != NULL ? crv : "-");
  raw = x != NULL ? base64url_decode (x, FALSE) : NULL;
  key = raw != NULL && g_bytes_get_size (raw) == 32 ?
        EVP_PKEY_new_raw_public_key (EVP_PKEY_ED25519, NULL, g_bytes_get_data (raw, NULL), 32) : NULL;
  if (key == NULL)
    FAIL (CL_ICA_DID_INVALID_DOCUMENT, "%s", _("The issuer’s Ed25519 key cannot be read"));
  *problem = CL_ICA_DID_OK;
  return key;
}


static EVP_PKEY *
resolve_jwk (const char       *id,
             ClIcaDidProblem  *problem,
             char            **explanation)
{
  g_autoptr(GBytes) json = base64url_decode (id, TRUE);
  g_autoptr(JsonNode) jwk = json != NULL ?
    parse_json (g_bytes_get_data (json, NULL), g_bytes_get_size (json)) : NULL;

  if (jwk == NULL)
    FAIL (CL_ICA_DID_INVALID_DOCUMENT, "%s", _("The issuer’s did:jwk does not hold a JSON Web Key"));
  return jwk_key (json_node_get_object (jwk), problem, explanation);
}


/* The did:web method's address: https://host[:port]/path/did.json, or the domain's
 * /.well-known/did.json. c2pa-rs refuses IP addresses and names that lead to local or
 * chosen addresses (localhost, nip.io, sslip.io), so do we. */
static char *
web_url (const char *id)
{
  g_auto(GStrv) parts = g_strsplit (id, ":", -1);
  const char *port = strstr (parts[0], "%3A");
  g_autofree char *host = port != NULL ? g_strndup (parts[0], port - parts[0]) : g_strdup (parts[0]);
  g_autofree char *lower = NULL, *authority = NULL, *path = NULL;
  const char *const refused[] = { "localhost", "nip.io", "sslip.io" };

  g_strstrip (g_strdelimit (host, "[]", ' '));
  lower = g_ascii_strdown (host, -1);
  if (*host == '\0' || g_hostname_is_ip_address (host))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++) {
    g_autofree char *suffix = g_strconcat (".", refused[i], NULL);

    if (g_str_equal (lower, refused[i]) || g_str_has_suffix (lower, suffix))
      return NULL;
  }
  authority = port != NULL ? g_strdup_printf ("%s:%s", lower, port + strlen ("%3A")) :
                             g_strdup (lower);
  path = parts[1] != NULL ? g_strjoinv ("/", parts + 1) : g_strdup (".well-known");
  return g_strdup_printf ("https://%s/%s/did.json", authority, path);
}


/* The key of the DID document's first assertionMethod, which must be a verification
 * method written out (not a reference) with a publicKeyJwk. */
static EVP_PKEY *
document_key (JsonObject       *doc,
              const char       *did,
              ClIcaDidProblem  *problem,
              char            **explanation)
{
  JsonNode *methods = json_object_get_member (doc, "assertionMethod");
  JsonNode *first = methods != NULL && JSON_NODE_HOLDS_ARRAY (methods) &&
                    json_array_get_length (json_node_get_array (methods)) > 0 ?
                    json_array_get_element (json_node_get_array (methods), 0) : NULL;
  JsonNode *jwk;

  if (g_strcmp0 (member_string (doc, "id"), did) != 0)
    FAIL (CL_ICA_DID_INVALID_DOCUMENT, _("The DID document fetched for %s is the document of another DID"), did);
  if (first == NULL)
    FAIL (CL_ICA_DID_INVALID_DOCUMENT, "%s", _("The issuer’s DID document has no assertion method"));
  if (!JSON_NODE_HOLDS_OBJECT (first))
    FAIL (CL_ICA_DID_INVALID_DOCUMENT, "%s", _("The issuer’s DID document names its assertion method without giving it"));
  jwk = json_object_get_member (json_node_get_object (first), "publicKeyJwk");
  if (jwk == NULL || !JSON_NODE_HOLDS_OBJECT (jwk))
    FAIL (CL_ICA_DID_INVALID_DOCUMENT, "%s", _("The issuer’s assertion method has no JSON Web Key"));
  return jwk_key (json_node_get_object (jwk), problem, explanation);
}


static EVP_PKEY *
resolve_web (const char       *did,
             const char       *id,
             gboolean          online,
             GCancellable     *cancellable,
             ClIcaDidProblem  *problem,
             char            **explanation)
{
  g_autofree char *url = web_url (id);
  g_autoptr(ClHttpSession) session = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GError) error = NULL;
  ClHttpRequest request = { CL_HTTP_GET, NULL, NULL, NULL, "application/did+json",
                            CL_LIMIT_DID_DOCUMENT_BYTES };

  if (url == NULL || strlen (url) > CL_LIMIT_DID_CHARS)
    FAIL (CL_ICA_DID_UNAVAILABLE, _("%s does not name a web server that may be asked"), did);
  if (!online)
    FAIL (CL_ICA_DID_UNAVAILABLE, _("Resolving %s needs the network, and network use is off"), did);
  session = cl_http_session_new (CL_LIMIT_DID_WEB_TIMEOUT_SECONDS);
  request.url = url;
  body = cl_http_session_send (session, &request, NULL, cancellable, &error);
  if (body == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    FAIL (CL_ICA_DID_UNAVAILABLE, ngettext ("The server of %s did not answer within %d second",
                                            "The server of %s did not answer within %d seconds",
                                            CL_LIMIT_DID_WEB_TIMEOUT_SECONDS),
          did, CL_LIMIT_DID_WEB_TIMEOUT_SECONDS);
  if (body == NULL)
    FAIL (CL_ICA_DID_UNAVAILABLE, _("The DID document of %s could not be fetched: %s"), did, error->message);
  doc = parse_json (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  if (doc == NULL)
    FAIL (CL_ICA_DID_UNAVAILABLE, _("What %s answered is not a DID document"), url);
  return document_key (json_node_get_object (doc), did, problem, explanation);
}


EVP_PKEY *
cl_ica_did_resolve (const char       *issuer,
                    gboolean          online,
                    GCancellable     *cancellable,
                    ClIcaDidProblem  *problem,
                    char            **explanation)
{
  g_autofree char *did = cl_ica_did_primary (issuer);
  const char *method, *id;

  *problem = CL_ICA_DID_OK;
  *explanation = NULL;
  if (did == NULL)
    FAIL (CL_ICA_DID_INVALID_ISSUER, "%s", _("The credential’s issuer is not a DID"));
  method = did + strlen ("did:");
  id = strchr (method, ':') + 1;
  if (g_str_has_prefix (method, "jwk:"))
    return resolve_jwk (id, problem, explanation);
  if (g_str_has_prefix (method, "web:"))
    return resolve_web (did, id, online, cancellable, problem, explanation);
  FAIL (CL_ICA_DID_INVALID_ISSUER, _("The issuer’s DID method “%.*s” is not supported"),
        (int) (id - 1 - method), method);
}
