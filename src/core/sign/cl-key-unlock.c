/* cl-key-unlock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-key-unlock.h"

struct _ClKeyUnlock {
  GMutex           lock;        /* guards thread: the first caller of get joins it */
  GThread         *thread;
  ClKeyUnlockFunc  unlock;
  gpointer         data;
  GDestroyNotify   data_free;
  EVP_PKEY        *key;
  GError          *error;
};


static gpointer
unlock_thread (gpointer user_data)
{
  ClKeyUnlock *self = user_data;

  self->key = self->unlock (self->data, &self->error);
  if (self->data_free != NULL)
    g_clear_pointer (&self->data, self->data_free);
  return NULL;
}


ClKeyUnlock *
cl_key_unlock_start (ClKeyUnlockFunc unlock,
                     gpointer        data,
                     GDestroyNotify  data_free)
{
  ClKeyUnlock *self = g_new0 (ClKeyUnlock, 1);

  g_mutex_init (&self->lock);
  self->unlock = unlock;
  self->data = data;
  self->data_free = data_free;
  self->thread = g_thread_try_new ("cl-key-unlock", unlock_thread, self, NULL);
  if (self->thread == NULL)
    unlock_thread (self);       /* no thread to spare: unlock now */
  return self;
}


EVP_PKEY *
cl_key_unlock_get (ClKeyUnlock  *self,
                   GError      **error)
{
  g_mutex_lock (&self->lock);
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
  g_mutex_unlock (&self->lock);
  if (self->key == NULL && self->error != NULL && error != NULL)
    *error = g_error_copy (self->error);
  return self->key;
}


void
cl_key_unlock_free (ClKeyUnlock *self)
{
  if (self == NULL)
    return;
  cl_key_unlock_get (self, NULL);
  EVP_PKEY_free (self->key);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_free (self);
}
