/* cl-http-module.h: finding and loading CredLink's network component (the libsoup
 * implementation of cl-http), once per process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-http-backend.h"

G_BEGIN_DECLS

/* Where the component is looked for: $CREDLINK_HTTP_MODULE_DIR when set (the build tree,
 * for tests and `meson devenv`), else the folder it is installed to. */
#define CL_HTTP_MODULE_DIR_ENV "CREDLINK_HTTP_MODULE_DIR"

/* The component's table, loading it the first time (thread-safe; it then stays loaded).
 * NULL with CL_HTTP_ERROR_UNAVAILABLE when it is missing or built for another CredLink;
 * every later call gives the same answer. */
const ClHttpBackend *cl_http_module_get (GError **error);

G_END_DECLS
