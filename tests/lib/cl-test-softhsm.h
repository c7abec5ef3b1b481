/* cl-test-softhsm.h: a SoftHSM2 token made in test set-up, in a folder of its own
 * (SOFTHSM2_CONF is set to it), holding a key of the test PKI and, when asked, its
 * certificate, as a card issuer stores them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-test-pki.h"

G_BEGIN_DECLS

typedef struct {
  const char *token_label;
  const char *user_pin;
  const char *so_pin;
  const char *key_label;
  const char *key_id;        /* hex */
} ClTestTokenSpec;

/* The SoftHSM2 module when softhsm2-util and its module are installed, else NULL. */
char    *cl_test_softhsm_find_module (void);
/* Initializes the token spec describes under dir with cred's key on it (and cred's
 * certificate, under the key's id and label, when with_certificate). FALSE (said on
 * stderr) when softhsm2-util fails. */
gboolean cl_test_softhsm_make_token  (const char            *module,
                                      const char            *dir,
                                      const ClTestTokenSpec *spec,
                                      const ClTestCred      *cred,
                                      gboolean               with_certificate);

G_END_DECLS
