/* cl-crypto-init.h: one-time OpenSSL set-up before threads use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes one public key of every type C2PA allows (RSA, EC P-256/384/521, Ed25519)
 * and fetches the digests, once per process. OpenSSL 3.0 fills its decoder caches on
 * first use, and two threads doing that first use at the same time can get a spurious
 * "decode error" (a certificate whose key cannot be read, seen as a broken signer).
 * Every entry point that may run in parallel threads calls this first; it is cheap
 * after the first call. */
void cl_crypto_init (void);

/* Only OpenSSL's configuration and SHA-256, once per process: what a file's hashing needs
 * first. Cheap; lets the hashing start on a helper thread while the caller goes on to
 * cl_crypto_init() (which includes it) and the certificates. */
void cl_crypto_init_digests (void);

/* cl_crypto_init() on a helper thread, so that OpenSSL's set-up (its configuration, the
 * digests, the decoder warm-up) overlaps what the caller does meanwhile (parsing options,
 * reading files); whoever needs OpenSSL first waits for it in cl_crypto_init(). The
 * thread must be joined, with cl_crypto_init_wait(), before the process exits. */
typedef struct _ClCryptoInit ClCryptoInit;

ClCryptoInit *cl_crypto_init_start (void);
void          cl_crypto_init_wait  (ClCryptoInit *init);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCryptoInit, cl_crypto_init_wait)

G_END_DECLS
