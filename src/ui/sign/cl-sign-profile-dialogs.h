/* cl-sign-profile-dialogs.h: the dialogs that ask for what a new signing
 * profile needs — Create Test Identity… and Import….
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *path;               /* import: PKCS#12 bundle or PEM chain; token: PEM chain or NULL */
  char *key_path;           /* import: PEM key, NULL for PKCS#12 */
  char *source_passphrase;  /* import: of the file, may be NULL */
  char *passphrase;         /* protects the stored key; a token profile: its PIN */
  char *module;             /* token profile: PKCS#11 module, else NULL */
  char *token;              /* token profile: token label */
  char *key_label;          /* token profile: the key's label */
} ClSigningProfileRequest;

void cl_signing_profile_request_free (ClSigningProfileRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSigningProfileRequest, cl_signing_profile_request_free)

/* Called once with the request (owned by the dialog; NULL when cancelled). */
typedef void (*ClSigningProfileRequestFunc) (ClSigningProfileRequest *request,
                                      gpointer          user_data);

/* The dialogs are modal to parent and call func with user_data. */
GtkWidget *cl_sign_test_identity_dialog_new (GtkWindow                  *parent,
                                             ClSigningProfileRequestFunc func,
                                             gpointer                    user_data);
GtkWidget *cl_sign_import_dialog_new        (GtkWindow                  *parent,
                                             ClSigningProfileRequestFunc func,
                                             gpointer                    user_data);

G_END_DECLS
