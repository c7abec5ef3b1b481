/* cl-chain-group.h: the "Chain" group of a file's detail page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_CHAIN_GROUP (cl_chain_group_get_type ())
G_DECLARE_FINAL_TYPE (ClChainGroup, cl_chain_group, CL, CHAIN_GROUP, AdwPreferencesGroup)

/* Shows what verification says (NULL clears); hides itself when there is nothing to show. */
void  cl_chain_group_set_verification (ClChainGroup    *self,
                                      ClVerification *verification);
void  cl_chain_group_expand          (ClChainGroup   *self,
                                      guint           index);
guint cl_chain_group_get_n_rows       (ClChainGroup    *self);
/* The subtitle of the certificate at index: its role ("Root authority") and any failures. */
const char *cl_chain_group_get_role   (ClChainGroup    *self,
                                       guint            index);

G_END_DECLS
