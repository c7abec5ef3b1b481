/* cl-trust-offer.h: the banner that offers, once, to download the official
 * C2PA trust lists (claim signers and time-stamping authorities) when none is
 * installed. Nothing goes on the network unless the user accepts; accepting
 * turns on “Refresh Trust Lists” (the switch every trust download obeys) and
 * downloads the lists, then names each installed list with its date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-trust-list-fetch.h"

G_BEGIN_DECLS

#define CL_TYPE_TRUST_OFFER (cl_trust_offer_get_type ())
G_DECLARE_FINAL_TYPE (ClTrustOffer, cl_trust_offer, CL, TRUST_OFFER, AdwBin)

GtkWidget  *cl_trust_offer_new             (void);
/* The folder of the lists; NULL: $XDG_DATA_HOME/credlink/trust. Checks again
 * whether to show the offer. */
void        cl_trust_offer_set_trust_dir   (ClTrustOffer            *self,
                                            const char              *trust_dir);
/* The lists to download, terminated by an entry whose name is NULL; they must
 * stay valid while the offer lives. Default: the official C2PA claim-signer and
 * time-stamping lists of cl_trust_list_sources(). */
void        cl_trust_offer_set_sources     (ClTrustOffer            *self,
                                            const ClTrustListSource *sources);
/* Whether the banner is shown, whether work is running, and what it says. */
gboolean    cl_trust_offer_get_revealed    (ClTrustOffer            *self);
gboolean    cl_trust_offer_is_busy         (ClTrustOffer            *self);
const char *cl_trust_offer_get_message     (ClTrustOffer            *self);

G_END_DECLS
