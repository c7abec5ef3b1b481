/* cl-pkcs11-key.h: a private key that stays on a PKCS#11 token (smart card, YubiKey
 * PIV, HSM), reached through libp11: where it is (module, token, key), and a logged-in
 * session that hands it out as an EVP_PKEY whose signing runs on the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

G_BEGIN_DECLS

/* Where a key lives; never its PIN. */
typedef struct {
  char *module;      /* file name of the PKCS#11 module */
  char *token;       /* token label or serial number */
  char *key_label;   /* the key's CKA_LABEL, or NULL */
  char *key_id;      /* the key's CKA_ID in hex, or NULL (one of the two is set) */
} ClPkcs11KeyRef;

ClPkcs11KeyRef  *cl_pkcs11_key_ref_new   (const char            *module,
                                          const char            *token,
                                          const char            *key_label,
                                          const char            *key_id);
ClPkcs11KeyRef  *cl_pkcs11_key_ref_copy  (const ClPkcs11KeyRef  *ref);
void             cl_pkcs11_key_ref_free  (ClPkcs11KeyRef        *ref);

typedef struct _ClPkcs11Session ClPkcs11Session;

/* Loads the module, finds the token, logs in with pin and finds the private key.
 * Errors in words: module not loadable, token absent, wrong PIN
 * (CL_SIGN_ERROR_PASSPHRASE, with what the token says of the tries left), PIN locked,
 * key not found. */
ClPkcs11Session *cl_pkcs11_session_open  (const ClPkcs11KeyRef  *ref,
                                          const char            *pin,
                                          GError               **error);
/* The token's key; valid as long as the session. */
EVP_PKEY        *cl_pkcs11_session_get_key         (ClPkcs11Session *self);
/* A new reference to the certificate stored on the token with the key's id (or
 * label), NULL when there is none. */
X509            *cl_pkcs11_session_dup_certificate (ClPkcs11Session *self);
void             cl_pkcs11_session_free            (ClPkcs11Session *self);

/* The PKCS#11 modules installed in the usual places (file names; p11-kit's proxy,
 * which reaches every module the system registers, first when it is there). */
GPtrArray       *cl_pkcs11_default_modules  (void);
/* The labels of the initialized tokens module sees (empty when none is inserted). */
GPtrArray       *cl_pkcs11_list_tokens      (const char            *module,
                                             GError               **error);
/* The labels of the private keys on ref's token (its key label and id are not used),
 * once logged in with pin; the errors are those of cl_pkcs11_session_open. */
GPtrArray       *cl_pkcs11_list_key_labels  (const ClPkcs11KeyRef  *ref,
                                             const char            *pin,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClPkcs11KeyRef, cl_pkcs11_key_ref_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClPkcs11Session, cl_pkcs11_session_free)

G_END_DECLS
