/* cl-verification-crjson.c: a verified file as a crJSON document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-crjson.h"
#include "cl-error.h"
#include "cl-verification-crjson.h"
#include "cl-x509.h"


/* The list that decided a Trusted verdict, under the extras prefix crJSON's context
 * declares for what the specification does not define. */
static void
add_trust_list (JsonObject    *document,
                ClTrustResult *trust)
{
  JsonObject *o;

  if (trust == NULL || trust->list_name == NULL)
    return;
  o = json_object_new ();
  json_object_set_string_member (o, "name", trust->list_name);
  if (trust->list_source != NULL)
    json_object_set_string_member (o, "trustListUri", trust->list_source);
  else
    json_object_set_null_member (o, "trustListUri");
  if (trust->list_snapshot != 0) {
    g_autofree char *snapshot = cl_unix_to_iso8601 (trust->list_snapshot);

    json_object_set_string_member (o, "snapshot", snapshot);
  } else {
    json_object_set_null_member (o, "snapshot");
  }
  json_object_set_object_member (document, "extras:trustList", o);
}


JsonNode *
cl_verification_to_crjson (ClVerification  *verification,
                           GDateTime       *validation_time,
                           GError         **error)
{
  ClValidationReport *report = verification->report;
  JsonNode *document;

  if (verification->error != NULL) {
    g_propagate_error (error, g_error_copy (verification->error));
    return NULL;
  }
  if (report == NULL || !report->has_manifest || report->manifest_store == NULL) {
    g_set_error_literal (error, CL_JUMBF_ERROR, CL_JUMBF_ERROR_NOT_FOUND,
                         _("The file has no Content Credentials"));
    return NULL;
  }
  /* Pre-release credentials are not C2PA: crJSON has nothing to say of them (c2pa-rs
   * refuses to read them). */
  if (verification->prerelease) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_UNSUPPORTED,
                         _("The credentials are in a pre-release format of C2PA, which crJSON "
                           "does not describe"));
    return NULL;
  }
  document = cl_crjson_new (report->manifest_store, report, validation_time, error);
  if (document != NULL)
    add_trust_list (json_node_get_object (document), verification->trust);
  return document;
}
