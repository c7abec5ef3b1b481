/* cl-service-registry.h: the long-lived services the application owns, closed in reverse order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CL_TYPE_SERVICE_REGISTRY (cl_service_registry_get_type ())
G_DECLARE_FINAL_TYPE (ClServiceRegistry, cl_service_registry, CL, SERVICE_REGISTRY, GObject)

/* Closes @service. It may iterate the main context to wait for work in flight,
 * but not beyond @deadline (monotonic µs, as g_get_monotonic_time()). Returns
 * FALSE with @error set when it could not close cleanly in time. */
typedef gboolean (*ClServiceCloseFunc) (GObject  *service,
                                        gint64    deadline,
                                        GError  **error);

ClServiceRegistry *cl_service_registry_new       (void);
void               cl_service_registry_add       (ClServiceRegistry  *self,
                                                  const char         *name,
                                                  gpointer            service,
                                                  ClServiceCloseFunc  close_func);
gpointer           cl_service_registry_lookup    (ClServiceRegistry  *self,
                                                  const char         *name);
guint              cl_service_registry_get_size  (ClServiceRegistry  *self);
gboolean           cl_service_registry_close     (ClServiceRegistry  *self,
                                                  guint               deadline_ms);
gboolean           cl_service_registry_is_closed (ClServiceRegistry  *self);

G_END_DECLS
