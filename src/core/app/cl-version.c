/* cl-version.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cbor.h>
#include <json-glib/json-glib.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

#include "cl-http.h"
#include "cl-version.h"

const char *
cl_version_string (void)
{
  return PACKAGE_VERSION;
}

/* A multi-line list of the libraries this build runs on, for bug reports. libsoup is
 * in CredLink's network component, loaded here to ask it; when it cannot be loaded,
 * the line says why. */
char *
cl_version_libraries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *http = cl_http_library_version (&error);

  if (http == NULL)
    http = g_strdup_printf ("libsoup: %s", error->message);
  return g_strdup_printf ("GLib %u.%u.%u\n"
                          "OpenSSL %s\n"
                          "libcbor %d.%d.%d\n"
                          "json-glib %d.%d.%d\n"
                          "%s\n"
                          "SQLite %s\n",
                          glib_major_version, glib_minor_version, glib_micro_version,
                          OpenSSL_version (OPENSSL_VERSION_STRING),
                          CBOR_MAJOR_VERSION, CBOR_MINOR_VERSION, CBOR_PATCH_VERSION,
                          JSON_MAJOR_VERSION, JSON_MINOR_VERSION, JSON_MICRO_VERSION,
                          http,
                          sqlite3_libversion ());
}
