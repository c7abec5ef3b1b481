/* cl-signing-profile-store.h: signing profiles on disk,
 * <root>/<name>/{chain.pem, key.p8 or token.json, profile.json[, ca.pem]} with root
 * $CREDLINK_DATA_DIR/profiles or $XDG_DATA_HOME/credlink/profiles. Folders are
 * 0700, files 0600; the private key is only ever stored encrypted (PKCS#8,
 * AES-256-CBC with a key derived from the passphrase by scrypt).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-signing-profile.h"

G_BEGIN_DECLS

/* The minimum passphrase length for a stored key. */
#define CL_SIGNING_PROFILE_STORE_MIN_PASSPHRASE 4

typedef struct {
  char     *name;
  char     *subject;       /* leaf subject, one line */
  char     *algorithm;     /* "Es256", "Ps256", "Ed25519" */
  char     *not_after;     /* ISO 8601 */
  gboolean  test_identity;
  char     *token;         /* label or serial of the token holding the key, or NULL */
} ClSigningProfileSummary;

void       cl_signing_profile_summary_free        (ClSigningProfileSummary *summary);

/* Newly allocated root folder of the profiles. */
char      *cl_signing_profile_store_default_root  (void);

/* Profile names: UTF-8 letters, digits, spaces, '.', '_', '-', not starting with '.' nor
 * starting or ending with a space, ≤ 64 bytes. */
gboolean   cl_signing_profile_store_name_is_valid (const char  *name);

/* Whether passphrase may protect a stored key (at least
 * CL_SIGNING_PROFILE_STORE_MIN_PASSPHRASE characters); CL_SIGN_ERROR_PASSPHRASE if not. */
gboolean   cl_signing_profile_store_check_passphrase (const char  *passphrase,
                                                      GError     **error);

/* Saves a profile with its key encrypted under passphrase (a token profile: only where
 * its key is, in token.json; passphrase unused). Fails if a profile
 * of that name exists. Nothing is left behind on failure. */
gboolean   cl_signing_profile_store_save          (const char  *root,
                                           ClSigningProfile   *profile,
                                           const char  *passphrase,
                                           GError     **error);
/* Loads a profile; with passphrase NULL the key stays locked. A wrong passphrase
 * is CL_SIGN_ERROR_PASSPHRASE. For a token profile the passphrase is the token's PIN. */
ClSigningProfile *cl_signing_profile_store_load          (const char  *root,
                                           const char  *name,
                                           const char  *passphrase,
                                           GError     **error);
/* The same, but the key is unlocked on a thread of its own (the passphrase's scrypt takes
 * tens of milliseconds) while the caller goes on: signing waits for it only when it signs,
 * and a wrong passphrase is then the signing's error (cl_signing_profile_wait_key). A
 * token profile, or no passphrase: as cl_signing_profile_store_load. */
ClSigningProfile *cl_signing_profile_store_load_unlocking (const char  *root,
                                                          const char  *name,
                                                          const char  *passphrase,
                                                          GError     **error);
/* The profiles, sorted by name (ClSigningProfileSummary). Listing (and loading) also
 * removes the temporary files an interrupted save left in a profile's folder. */
GPtrArray *cl_signing_profile_store_list          (const char  *root,
                                           GError     **error);
/* Whether the profile's key stays on a PKCS#11 token (unlocked with a PIN). */
gboolean   cl_signing_profile_store_is_token      (const char  *root,
                                           const char  *name);
gboolean   cl_signing_profile_store_remove        (const char  *root,
                                           const char  *name,
                                           GError     **error);
/* Writes the test identity's CA certificate as PEM to path (not for imported
 * profiles, whose CA is not ours to hand out). */
gboolean   cl_signing_profile_store_export_ca     (const char  *root,
                                           const char  *name,
                                           const char  *path,
                                           GError     **error);

G_END_DECLS
