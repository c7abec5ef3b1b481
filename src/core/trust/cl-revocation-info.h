/* cl-revocation-info.h: what is known about a certificate's revocation (state,
 * source, times, reason) and the verdict those facts lead to at the time judged,
 * the same for an OCSP response and for a CRL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CL_REVOCATION_NOT_CHECKED,       /* nothing answered: see detail for why */
  CL_REVOCATION_GOOD,              /* a verified response says not revoked */
  CL_REVOCATION_REVOKED,           /* revoked at or before the time judged */
  CL_REVOCATION_REVOKED_LATER,     /* revoked, but after the trusted signing time */
  CL_REVOCATION_UNKNOWN,           /* the responder does not know the certificate */
} ClRevocationState;

typedef enum {
  CL_REVOCATION_SOURCE_NONE,
  CL_REVOCATION_SOURCE_STAPLED_OCSP,
  CL_REVOCATION_SOURCE_LIVE_OCSP,
  CL_REVOCATION_SOURCE_CRL,
} ClRevocationSource;

/* Why a certificate was not checked (with CL_REVOCATION_NOT_CHECKED). */
typedef enum {
  CL_REVOCATION_SKIP_NONE,
  CL_REVOCATION_SKIP_OFFLINE,         /* online checks not allowed */
  CL_REVOCATION_SKIP_NO_SERVICE,      /* no OCSP responder and no CRL in the certificate */
  CL_REVOCATION_SKIP_UNREACHABLE,     /* queried, no usable answer */
  CL_REVOCATION_SKIP_NO_ISSUER,       /* the issuer certificate is not known */
  CL_REVOCATION_SKIP_STAPLED_UNUSABLE,/* a stapled response exists but could not be used */
  CL_REVOCATION_SKIP_ANCHOR,          /* trust anchors are not revocation-checked */
} ClRevocationSkip;

typedef struct {
  ClRevocationState  state;
  ClRevocationSource source;
  ClRevocationSkip   skip;
  gint64             this_update;   /* of the response / CRL, 0 if none */
  gint64             next_update;   /* 0 if none */
  gint64             produced_at;   /* OCSP producedAt, 0 if none */
  gint64             revoked_at;    /* 0 unless revoked */
  int                reason;        /* CRL reason code, -1 when none */
  char              *url;           /* responder / CRL queried, or NULL */
  char              *detail;        /* one line for people (translated) */
} ClRevocationInfo;

ClRevocationInfo *cl_revocation_info_new     (void);
ClRevocationInfo *cl_revocation_info_copy    (const ClRevocationInfo *info);
void              cl_revocation_info_free    (ClRevocationInfo       *info);
/* "keyCompromise", "cessationOfOperation"…; NULL for -1. */
const char       *cl_revocation_reason_name  (int                     reason);
/* "good", "revoked", "revoked-after-signing", "unknown", "not-checked" */
const char       *cl_revocation_state_to_string (ClRevocationState    state);
const char       *cl_revocation_source_to_string (ClRevocationSource  source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRevocationInfo, cl_revocation_info_free)

/* Sets info->state from the facts in info (revoked_at, reason) and the time
 * judged: listed_revoked says whether the response or the CRL lists the
 * certificate as revoked. */
void              cl_revocation_judge        (ClRevocationInfo       *info,
                                              gboolean                listed_revoked,
                                              gint64                  judged_time,
                                              gboolean                time_is_trusted);

G_END_DECLS
