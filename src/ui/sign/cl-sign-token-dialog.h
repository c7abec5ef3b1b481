/* cl-sign-token-dialog.h: the dialog that makes a signing profile whose key stays on a
 * PKCS#11 token (smart card, YubiKey, HSM): the module, the token and the key are chosen
 * from what the module and the token list, the PIN is asked but never stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-sign-profile-dialogs.h"

G_BEGIN_DECLS

#define CL_TYPE_SIGN_TOKEN_DIALOG (cl_sign_token_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ClSignTokenDialog, cl_sign_token_dialog, CL, SIGN_TOKEN_DIALOG,
                      AdwMessageDialog)

/* Modal to parent; calls func once with user_data and the request (name, module, token,
 * key_label, the PIN as passphrase and a PEM chain as path, or NULL: the token's own
 * certificate), or NULL when cancelled. It starts on the first
 * module installed in a usual place. */
GtkWidget *cl_sign_token_dialog_new        (GtkWindow                  *parent,
                                            ClSigningProfileRequestFunc func,
                                            gpointer                    user_data);
/* Lists the tokens of module (a file chosen in the dialog's chooser does the same). */
void       cl_sign_token_dialog_set_module (ClSignTokenDialog          *self,
                                            const char                 *module);
/* The key's certificate chain, leaf first, from a PEM file instead of the certificate
 * the token holds (a file chosen in the dialog's chooser does the same). */
void       cl_sign_token_dialog_set_chain  (ClSignTokenDialog          *self,
                                            const char                 *chain_path);
/* Property "busy": tokens or keys are being listed. */
gboolean   cl_sign_token_dialog_get_busy   (ClSignTokenDialog          *self);

G_END_DECLS
