/* cl-service-registry.c: the long-lived services the application owns, closed in reverse order.
 *
 * The application registers each service once (HTTP session, scheduler, and
 * the stores) and closes them all at shutdown, last registered first: a
 * service is registered after those it uses, so it closes before them. One
 * deadline covers the whole close; a service that misses it is logged and
 * shutdown goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-service-registry"

#include "config.h"

#include "cl-service-registry.h"

typedef struct
{
  char               *name;
  GObject            *service;
  ClServiceCloseFunc  close_func;
} Entry;

struct _ClServiceRegistry
{
  GObject  parent_instance;

  GArray  *entries;   /* of Entry, in registration order */
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (ClServiceRegistry, cl_service_registry, G_TYPE_OBJECT)


static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->name, g_free);
  g_clear_object (&entry->service);
}


/* Drops the services, last registered first. */
static void
release_entries (ClServiceRegistry *self)
{
  while (self->entries->len > 0)
    g_array_remove_index (self->entries, self->entries->len - 1);
}


static void
cl_service_registry_dispose (GObject *object)
{
  ClServiceRegistry *self = CL_SERVICE_REGISTRY (object);

  if (!self->closed && self->entries->len > 0)
    cl_service_registry_close (self, 0);
  release_entries (self);

  G_OBJECT_CLASS (cl_service_registry_parent_class)->dispose (object);
}


static void
cl_service_registry_finalize (GObject *object)
{
  ClServiceRegistry *self = CL_SERVICE_REGISTRY (object);

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (cl_service_registry_parent_class)->finalize (object);
}


static void
cl_service_registry_class_init (ClServiceRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_service_registry_dispose;
  object_class->finalize = cl_service_registry_finalize;
}


static void
cl_service_registry_init (ClServiceRegistry *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}


ClServiceRegistry *
cl_service_registry_new (void)
{
  return g_object_new (CL_TYPE_SERVICE_REGISTRY, NULL);
}


/**
 * cl_service_registry_add:
 * @name: unique name to look the service up by
 * @service: (type GObject): the service; the registry takes a reference
 * @close_func: (nullable): closes it at shutdown; %NULL when dropping the
 *   reference is enough
 */
void
cl_service_registry_add (ClServiceRegistry  *self,
                         const char         *name,
                         gpointer            service,
                         ClServiceCloseFunc  close_func)
{
  Entry entry;

  g_return_if_fail (CL_IS_SERVICE_REGISTRY (self));
  g_return_if_fail (name != NULL && G_IS_OBJECT (service));
  g_return_if_fail (!self->closed);
  g_return_if_fail (cl_service_registry_lookup (self, name) == NULL);

  entry.name = g_strdup (name);
  entry.service = g_object_ref (service);
  entry.close_func = close_func;
  g_array_append_val (self->entries, entry);
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_DEBUG,
                    "CREDLINK_SERVICE", name,
                    "MESSAGE", "Registered service %s", name);
}


/**
 * cl_service_registry_lookup:
 *
 * Returns: (transfer none) (nullable): the service registered as @name
 */
gpointer
cl_service_registry_lookup (ClServiceRegistry *self,
                            const char        *name)
{
  g_return_val_if_fail (CL_IS_SERVICE_REGISTRY (self), NULL);

  for (guint i = 0; i < self->entries->len; i++) {
    Entry *entry = &g_array_index (self->entries, Entry, i);

    if (g_strcmp0 (entry->name, name) == 0)
      return entry->service;
  }
  return NULL;
}


guint
cl_service_registry_get_size (ClServiceRegistry *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_REGISTRY (self), 0);

  return self->entries->len;
}


/**
 * cl_service_registry_close:
 * @deadline_ms: time all services together may take to finish their work
 *
 * Closes every service, last registered first, then drops them. Each service
 * gets what is left of the deadline; one that misses it or fails is logged
 * and the others are closed anyway. Calling it again does nothing.
 *
 * Returns: %TRUE if every service closed cleanly in time
 */
gboolean
cl_service_registry_close (ClServiceRegistry *self,
                           guint              deadline_ms)
{
  gint64 started = g_get_monotonic_time ();
  gint64 deadline = started + (gint64) deadline_ms * 1000;
  guint n_failed = 0;

  g_return_val_if_fail (CL_IS_SERVICE_REGISTRY (self), FALSE);

  if (self->closed)
    return TRUE;
  self->closed = TRUE;

  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "MESSAGE", "Closing services (%u) within %u ms",
                    self->entries->len, deadline_ms);
  for (guint i = self->entries->len; i > 0; i--) {
    Entry *entry = &g_array_index (self->entries, Entry, i - 1);
    g_autoptr(GError) error = NULL;

    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                      "CREDLINK_SERVICE", entry->name,
                      "MESSAGE", "Closing service %s", entry->name);
    if (entry->close_func != NULL && !entry->close_func (entry->service, deadline, &error)) {
      n_failed++;
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                        "CREDLINK_SERVICE", entry->name,
                        "MESSAGE", "Service %s did not close cleanly: %s; shutting down anyway",
                        entry->name, error != NULL ? error->message : "no reason given");
    }
  }
  release_entries (self);

  if (n_failed > 0) {
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                      "MESSAGE", "Services closed in %.1f ms; not cleanly: %u",
                      (g_get_monotonic_time () - started) / 1000.0, n_failed);
    return FALSE;
  }
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "MESSAGE", "All services closed in %.1f ms",
                    (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}


gboolean
cl_service_registry_is_closed (ClServiceRegistry *self)
{
  g_return_val_if_fail (CL_IS_SERVICE_REGISTRY (self), FALSE);

  return self->closed;
}
