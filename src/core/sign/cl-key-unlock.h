/* cl-key-unlock.h: a private key being unlocked on a thread of its own (the passphrase's
 * scrypt takes tens of milliseconds), so that signing reads, hashes and decodes the source
 * meanwhile and waits for the key only when it signs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

typedef struct _ClKeyUnlock ClKeyUnlock;

/* Returns the key (a new reference) or NULL with error set. Runs on the unlock's thread. */
typedef EVP_PKEY *(*ClKeyUnlockFunc) (gpointer   data,
                                      GError   **error);

/* Starts unlock (data) on a thread (or runs it at once when no thread can be made). */
ClKeyUnlock *cl_key_unlock_start (ClKeyUnlockFunc  unlock,
                                  gpointer         data,
                                  GDestroyNotify   data_free);
/* Waits for the key; thread-safe, any number of times. The key is owned by self (NULL
 * with error when the unlock failed). */
EVP_PKEY    *cl_key_unlock_get   (ClKeyUnlock     *self,
                                  GError         **error);
/* Waits for the thread and frees the key. */
void         cl_key_unlock_free  (ClKeyUnlock     *self);

G_END_DECLS
