/* cl-http-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-http"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gmodule.h>

#include "cl-error.h"
#include "cl-http-module.h"

static const ClHttpBackend *loaded_backend;
static char *load_problem;


static char *
module_path (void)
{
  const char *dir = g_getenv (CL_HTTP_MODULE_DIR_ENV);

  if (dir == NULL || *dir == '\0')
    dir = CREDLINK_HTTP_MODULE_DIR;
  return g_build_filename (dir, CL_HTTP_BACKEND_FILE_NAME, NULL);
}


/* The table, or NULL with *problem saying why (for people). */
static const ClHttpBackend *
load (const char  *path,
      char       **problem)
{
  GModule *module;
  gpointer symbol = NULL;
  const ClHttpBackend *backend;

  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL) {
    const char *why = g_module_error ();

    /* dlerror() starts with the path, which the message names already. */
    if (g_str_has_prefix (why, path) && g_str_has_prefix (why + strlen (path), ": "))
      why += strlen (path) + 2;
    *problem = g_strdup (why);
    return NULL;
  }
  if (!g_module_symbol (module, CL_HTTP_BACKEND_SYMBOL, &symbol) || symbol == NULL) {
    *problem = g_strdup_printf (_("it is not CredLink’s network component (%s is missing)"),
                                CL_HTTP_BACKEND_SYMBOL);
    g_module_close (module);
    return NULL;
  }
  backend = ((ClHttpBackendGetFunc) symbol) ();
  if (backend == NULL || backend->abi_version != CL_HTTP_BACKEND_ABI_VERSION ||
      backend->table_size < sizeof (ClHttpBackend)) {
    *problem = g_strdup_printf (_("it was built for another version of CredLink (interface "
                                  "%u, this CredLink needs %u)"),
                                backend != NULL ? backend->abi_version : 0,
                                CL_HTTP_BACKEND_ABI_VERSION);
    g_module_close (module);
    return NULL;
  }
  if (backend->library_version == NULL || backend->session_new == NULL ||
      backend->session_abort == NULL || backend->send == NULL ||
      backend->send_async == NULL || backend->send_finish == NULL) {
    *problem = g_strdup (_("its table of functions is incomplete"));
    g_module_close (module);
    return NULL;
  }
  /* Types and sessions of the component live as long as the process. */
  g_module_make_resident (module);
  return backend;
}


const ClHttpBackend *
cl_http_module_get (GError **error)
{
  static gsize once = 0;

  if (g_once_init_enter (&once)) {
    g_autofree char *path = module_path ();
    g_autofree char *problem = NULL;

    loaded_backend = load (path, &problem);
    if (loaded_backend == NULL) {
      load_problem = g_strdup_printf (_("CredLink’s network component (%s) cannot be loaded: "
                                        "%s"), path, problem);
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_DEBUG, "MESSAGE", "%s", load_problem);
    } else {
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_DEBUG,
                        "MESSAGE", "Loaded the network component %s", path);
    }
    g_once_init_leave (&once, 1);
  }
  if (loaded_backend == NULL)
    g_set_error_literal (error, CL_HTTP_ERROR, CL_HTTP_ERROR_UNAVAILABLE, load_problem);
  return loaded_backend;
}
