/* cl-verification-crjson.h: a verified file as a crJSON document (C2PA 2.4), with which
 * trust list decided that its signer is trusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-verification.h"

G_BEGIN_DECLS

/* The crJSON document of the credentials verification validated (verified with
 * keep_manifest_store), as of validation_time (NULL: now). When a trust list trusts the
 * signer, "extras:trustList" names it: {name, trustListUri (where it was downloaded from, or
 * the file it was read from), snapshot}. NULL with an error when the file has no
 * credentials, they could not be read, or they are in a pre-release format of C2PA. */
JsonNode *cl_verification_to_crjson (ClVerification  *verification,
                                     GDateTime       *validation_time,
                                     GError         **error);

G_END_DECLS
