/* cl-http-foreign.c: a stand-in for a network component built for another CredLink:
 * it has the entry point, but its table is of another interface version. test-http
 * checks that the core refuses it with an error instead of calling into it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "cl-http-backend.h"

G_MODULE_EXPORT const ClHttpBackend *cl_http_backend_get (void);

static const ClHttpBackend foreign = {
  .abi_version = CL_HTTP_BACKEND_ABI_VERSION + 1,
  .table_size = sizeof (ClHttpBackend),
};


const ClHttpBackend *
cl_http_backend_get (void)
{
  return &foreign;
}
