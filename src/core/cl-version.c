/* cl-version.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cbor.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

#include "cl-version.h"

const char *
cl_version_string (void)
{
  return PACKAGE_VERSION;
}

/* A multi-line list of the libraries this build runs on, for bug reports. */
char *
cl_version_libraries (void)
{
  return g_strdup_printf ("GLib %u.%u.%u\n"
                          "OpenSSL %s\n"
                          "libcbor %d.%d.%d\n"
                          "json-glib %d.%d.%d\n"
                          "libsoup %u.%u.%u\n"
                          "SQLite %s\n",
                          glib_major_version, glib_minor_version, glib_micro_version,
                          OpenSSL_version (OPENSSL_VERSION_STRING),
                          CBOR_MAJOR_VERSION, CBOR_MINOR_VERSION, CBOR_PATCH_VERSION,
                          JSON_MAJOR_VERSION, JSON_MINOR_VERSION, JSON_MICRO_VERSION,
                          soup_get_major_version (), soup_get_minor_version (),
                          soup_get_micro_version (),
                          sqlite3_libversion ());
}
