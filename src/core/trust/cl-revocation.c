/* cl-revocation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "cl-error.h"
#include "cl-http.h"
#include "cl-ocsp.h"
#include "cl-revocation.h"
#include "cl-x509.h"

#define DEFAULT_TIMEOUT_SECONDS 5
#define MAX_OCSP_RESPONSE_BYTES (256 * 1024)
#define MAX_CRL_BYTES (32 * 1024 * 1024)
#define MAX_URLS_TRIED 4
#define CRL_SKEW_SECONDS 300


/* --- cache ------------------------------------------------------------ */

struct _ClRevocationCache {
  GMutex                          lock;
  GHashTable                     *entries;   /* sha256 hex → ClRevocationInfo */
  GHashTable                     *known;     /* sha256 hex → KnownStatus, never expires */
  const ClRevocationCacheBacking *backing;
  gpointer                        backing_data;
};


ClRevocationCache *
cl_revocation_cache_new (void)
{
  ClRevocationCache *cache = g_new0 (ClRevocationCache, 1);

  g_mutex_init (&cache->lock);
  cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cl_revocation_info_free);
  cache->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return cache;
}


ClRevocationCache *
cl_revocation_cache_get_default (void)
{
  static gsize initialised = 0;
  static ClRevocationCache *cache;

  if (g_once_init_enter (&initialised)) {
    cache = cl_revocation_cache_new ();
    g_once_init_leave (&initialised, 1);
  }
  return cache;
}


void
cl_revocation_cache_free (ClRevocationCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->entries);
  g_hash_table_unref (cache->known);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}


void
cl_revocation_cache_set_backing (ClRevocationCache              *cache,
                                 const ClRevocationCacheBacking *backing,
                                 gpointer                        user_data)
{
  g_mutex_lock (&cache->lock);
  cache->backing = backing;
  cache->backing_data = user_data;
  g_mutex_unlock (&cache->lock);
}


ClRevocationInfo *
cl_revocation_cache_lookup (ClRevocationCache *cache,
                            const char        *cert_sha256,
                            gint64             now)
{
  ClRevocationInfo *found;
  ClRevocationInfo *copy = NULL;

  g_mutex_lock (&cache->lock);
  found = g_hash_table_lookup (cache->entries, cert_sha256);
  if (found != NULL && found->next_update > now)
    copy = cl_revocation_info_copy (found);
  else if (found != NULL)
    g_hash_table_remove (cache->entries, cert_sha256);
  if (copy == NULL && cache->backing != NULL && cache->backing->lookup != NULL) {
    copy = cache->backing->lookup (cache->backing_data, cert_sha256, now);
    if (copy != NULL)
      g_hash_table_replace (cache->entries, g_strdup (cert_sha256), cl_revocation_info_copy (copy));
  }
  g_mutex_unlock (&cache->lock);
  return copy;
}


/* What a live answer said of a certificate, whatever the time it was judged at. */
typedef enum {
  KNOWN_NOTHING,
  KNOWN_GOOD,
  KNOWN_REVOKED,
  KNOWN_UNKNOWN,
} KnownStatus;

/* Told when a live answer changes what was known of a certificate. */
static ClWatchList change_watches = CL_WATCH_LIST_INIT;


static KnownStatus
known_status (const ClRevocationInfo *info)
{
  if (info->revoked_at != 0 || info->state == CL_REVOCATION_REVOKED ||
      info->state == CL_REVOCATION_REVOKED_LATER)
    return KNOWN_REVOKED;
  return info->state == CL_REVOCATION_GOOD ? KNOWN_GOOD : KNOWN_UNKNOWN;
}


void
cl_revocation_cache_store (ClRevocationCache      *cache,
                           const char             *cert_sha256,
                           const ClRevocationInfo *info)
{
  KnownStatus status = known_status (info);
  KnownStatus before;
  gboolean changed;

  g_mutex_lock (&cache->lock);
  before = GPOINTER_TO_INT (g_hash_table_lookup (cache->known, cert_sha256));
  g_hash_table_replace (cache->known, g_strdup (cert_sha256), GINT_TO_POINTER (status));
  /* A revocation learned for the first time changes what earlier verifications,
   * made offline or before it, concluded; so does any answer that differs. */
  changed = before == KNOWN_NOTHING ? status == KNOWN_REVOKED : before != status;
  /* Only answers with a known end of validity can be reused. */
  if (info->next_update != 0) {
    g_hash_table_replace (cache->entries, g_strdup (cert_sha256), cl_revocation_info_copy (info));
    if (cache->backing != NULL && cache->backing->store != NULL)
      cache->backing->store (cache->backing_data, cert_sha256, info);
  }
  g_mutex_unlock (&cache->lock);
  if (changed)
    cl_watch_list_notify (&change_watches);
}


guint
cl_revocation_watch_changes (ClWatchFunc func,
                             gpointer    user_data)
{
  return cl_watch_list_add (&change_watches, func, user_data);
}


void
cl_revocation_unwatch_changes (guint watch_id)
{
  cl_watch_list_remove (&change_watches, watch_id);
}


/* --- HTTP --------------------------------------------------------------- */

/* POST (body != NULL) or GET url; the body of a 200 answer, at most max_bytes. */
static GBytes *
http_exchange (ClHttpSession *session,
               const char    *url,
               const char    *content_type,
               GBytes        *body,
               gsize          max_bytes,
               GCancellable  *cancellable,
               GError       **error)
{
  ClHttpRequest request = {
    .method = body != NULL ? CL_HTTP_POST : CL_HTTP_GET,
    .url = url,
    .content_type = content_type,
    .body = body,
    .max_bytes = max_bytes,
  };
  g_autoptr(GError) local_error = NULL;
  GBytes *answer;

  answer = cl_http_session_send (session, &request, NULL, cancellable, &local_error);
  if (answer != NULL)
    return answer;
  /* cl-http's sentences are this file's: only the domain changes. */
  if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_INVALID_URL) ||
      g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_TOO_LARGE))
    g_set_error_literal (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID, local_error->message);
  else if (g_error_matches (local_error, CL_HTTP_ERROR, CL_HTTP_ERROR_STATUS))
    g_set_error_literal (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}


/* --- CRL ---------------------------------------------------------------- */

static X509_CRL *
parse_crl (GBytes *bytes)
{
  gsize len;
  const unsigned char *p = g_bytes_get_data (bytes, &len);
  X509_CRL *crl = NULL;

  if (len > 0 && len <= G_MAXINT32)
    crl = d2i_X509_CRL (NULL, &p, (long) len);
  if (crl == NULL && len > 0 && len <= G_MAXINT32) {
    BIO *bio = BIO_new_mem_buf (g_bytes_get_data (bytes, NULL), (int) len);

    crl = PEM_read_bio_X509_CRL (bio, NULL, NULL, NULL);
    BIO_free (bio);
  }
  ERR_clear_error ();
  return crl;
}


static gboolean
check_crl (GBytes            *bytes,
           X509              *cert,
           X509              *issuer,
           gint64             judged_time,
           gboolean           time_is_trusted,
           ClRevocationInfo  *info,
           GError           **error)
{
  X509_CRL *crl = parse_crl (bytes);
  X509_REVOKED *entry = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok = FALSE;

  if (crl == NULL) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID, _("The CRL cannot be decoded"));
    return FALSE;
  }
  if (X509_NAME_cmp (X509_CRL_get_issuer (crl), X509_get_issuer_name (cert)) != 0 ||
      X509_CRL_verify (crl, X509_get0_pubkey (issuer)) != 1) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("The CRL is not signed by the certificate’s issuer"));
    goto out;
  }
  info->this_update = 0;
  info->next_update = 0;
  if (!cl_asn1_time_to_unix (X509_CRL_get0_lastUpdate (crl), &info->this_update) ||
      info->this_update > now + CRL_SKEW_SECONDS ||
      !cl_asn1_time_to_unix (X509_CRL_get0_nextUpdate (crl), &info->next_update) ||
      info->next_update < now - CRL_SKEW_SECONDS) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID, _("The CRL is out of date"));
    goto out;
  }

  if (X509_CRL_get0_by_cert (crl, &entry, cert) == 1 && entry != NULL) {
    ASN1_ENUMERATED *reason = X509_REVOKED_get_ext_d2i (entry, NID_crl_reason, NULL, NULL);

    info->reason = reason != NULL ? (int) ASN1_ENUMERATED_get (reason) : -1;
    ASN1_ENUMERATED_free (reason);
    if (!cl_asn1_time_to_unix (X509_REVOKED_get0_revocationDate (entry), &info->revoked_at)) {
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                   _("The CRL entry has no valid revocation date"));
      goto out;
    }
    cl_revocation_judge (info, TRUE, judged_time, time_is_trusted);
  } else {
    cl_revocation_judge (info, FALSE, judged_time, time_is_trusted);
  }
  ok = TRUE;

out:
  ERR_clear_error ();
  X509_CRL_free (crl);
  return ok;
}


/* --- the check ------------------------------------------------------------ */

static void
describe (ClRevocationInfo *info,
          const char       *why)
{
  g_autofree char *when = NULL;
  const char *how;

  g_clear_pointer (&info->detail, g_free);
  switch (info->source) {
  case CL_REVOCATION_SOURCE_STAPLED_OCSP: how = _("stapled OCSP response"); break;
  case CL_REVOCATION_SOURCE_LIVE_OCSP: how = _("live OCSP query"); break;
  case CL_REVOCATION_SOURCE_CRL: how = _("revocation list (CRL)"); break;
  case CL_REVOCATION_SOURCE_NONE:
  default: how = ""; break;
  }

  switch (info->state) {
  case CL_REVOCATION_GOOD:
    when = cl_unix_to_iso8601 (info->this_update);
    info->detail = g_strdup_printf (_("Not revoked (%s of %s)"), how, when);
    break;
  case CL_REVOCATION_REVOKED:
  case CL_REVOCATION_REVOKED_LATER:
    when = cl_unix_to_iso8601 (info->revoked_at);
    info->detail = g_strdup_printf (info->state == CL_REVOCATION_REVOKED
                                      ? _("Revoked on %s, reason: %s (%s)")
                                      : _("Revoked on %s, after the trusted signing time; reason: %s (%s)"),
                                    when,
                                    info->reason >= 0 ? cl_revocation_reason_name (info->reason)
                                                      : _("none given"),
                                    how);
    break;
  case CL_REVOCATION_UNKNOWN:
    info->detail = g_strdup_printf (_("The responder does not know this certificate (%s)"), how);
    break;
  case CL_REVOCATION_NOT_CHECKED:
  default:
    info->detail = g_strdup_printf (_("Not checked: %s"), why);
    break;
  }
}


static ClRevocationInfo *
not_checked (ClRevocationSkip  skip,
             const char       *why)
{
  ClRevocationInfo *info = cl_revocation_info_new ();

  info->state = CL_REVOCATION_NOT_CHECKED;
  info->skip = skip;
  describe (info, why);
  return info;
}


static ClRevocationInfo *
try_stapled (X509         *cert,
             X509         *issuer,
             GPtrArray    *stapled,
             gint64        judged_time,
             gboolean      time_is_trusted,
             char        **problem)
{
  for (guint i = 0; stapled != NULL && i < stapled->len; i++) {
    g_autoptr(ClRevocationInfo) info = cl_revocation_info_new ();
    g_autoptr(GError) error = NULL;

    if (cl_ocsp_check_response (g_ptr_array_index (stapled, i), cert, issuer, NULL,
                                judged_time, time_is_trusted, info, &error)) {
      info->source = CL_REVOCATION_SOURCE_STAPLED_OCSP;
      describe (info, NULL);
      return g_steal_pointer (&info);
    }
    /* Responses about other certificates of the chain are not a problem. */
    if (*problem == NULL && !g_error_matches (error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND))
      *problem = g_strdup (error->message);
  }
  return NULL;
}


/* One OCSP exchange with the responder at url about cert: the verified answer
 * (and, if response is not NULL, its DER bytes), or NULL with error. */
static ClRevocationInfo *
ask_ocsp_responder (ClHttpSession  *session,
                    const char     *url,
                    X509           *cert,
                    X509           *issuer,
                    gint64          judged_time,
                    gboolean        time_is_trusted,
                    GBytes        **response,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(ClRevocationInfo) info = cl_revocation_info_new ();
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) answer = NULL;

  request = cl_ocsp_request_new (cert, issuer, error);
  if (request == NULL)
    return NULL;
  answer = http_exchange (session, url, "application/ocsp-request", request,
                          MAX_OCSP_RESPONSE_BYTES, cancellable, error);
  if (answer == NULL ||
      !cl_ocsp_check_response (answer, cert, issuer, request, judged_time, time_is_trusted,
                               info, error))
    return NULL;
  info->source = CL_REVOCATION_SOURCE_LIVE_OCSP;
  info->url = g_strdup (url);
  describe (info, NULL);
  if (response != NULL)
    *response = g_steal_pointer (&answer);
  return g_steal_pointer (&info);
}


static ClRevocationInfo *
query_online (X509           *cert,
              X509           *issuer,
              ClHttpSession  *session,
              gint64          judged_time,
              gboolean        time_is_trusted,
              GCancellable   *cancellable,
              gboolean       *any_service)
{
  g_auto(GStrv) ocsp_urls = cl_x509_ocsp_urls (cert);
  g_auto(GStrv) crl_urls = cl_x509_crl_urls (cert);
  g_autoptr(GError) last_error = NULL;
  guint tried = 0;

  *any_service = (ocsp_urls[0] != NULL || crl_urls[0] != NULL);

  for (GStrv url = ocsp_urls; *url != NULL && tried < MAX_URLS_TRIED; url++, tried++) {
    ClRevocationInfo *info;

    g_clear_error (&last_error);
    info = ask_ocsp_responder (session, *url, cert, issuer, judged_time, time_is_trusted, NULL,
                               cancellable, &last_error);
    if (info != NULL)
      return info;
    if (g_cancellable_is_cancelled (cancellable))
      break;
  }

  for (GStrv url = crl_urls; *url != NULL && tried < MAX_URLS_TRIED; url++, tried++) {
    g_autoptr(GBytes) crl = NULL;
    g_autoptr(ClRevocationInfo) info = cl_revocation_info_new ();

    g_clear_error (&last_error);
    crl = http_exchange (session, *url, NULL, NULL, MAX_CRL_BYTES, cancellable, &last_error);
    if (crl != NULL &&
        check_crl (crl, cert, issuer, judged_time, time_is_trusted, info, &last_error)) {
      info->source = CL_REVOCATION_SOURCE_CRL;
      info->url = g_strdup (*url);
      describe (info, NULL);
      return g_steal_pointer (&info);
    }
    if (g_cancellable_is_cancelled (cancellable))
      break;
  }

  if (!*any_service)
    return NULL;
  {
    g_autofree char *why = g_strdup_printf (_("no usable answer from the revocation service (%s)"),
                                            last_error != NULL ? last_error->message : "?");

    return not_checked (CL_REVOCATION_SKIP_UNREACHABLE, why);
  }
}


static ClHttpSession *
new_session (guint timeout_seconds)
{
  return cl_http_session_new (timeout_seconds != 0 ? timeout_seconds : DEFAULT_TIMEOUT_SECONDS);
}


GBytes *
cl_revocation_fetch_ocsp (X509              *cert,
                          X509              *issuer,
                          ClHttpSession     *session,
                          guint              timeout_seconds,
                          ClRevocationInfo  *info,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_auto(GStrv) urls = cl_x509_ocsp_urls (cert);
  g_autoptr(ClHttpSession) own_session = NULL;
  g_autoptr(GError) last_error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint tried = 0;

  if (urls[0] == NULL) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND,
                 _("The certificate names no OCSP responder"));
    return NULL;
  }
  if (session == NULL)
    session = own_session = new_session (timeout_seconds);

  for (GStrv url = urls; *url != NULL && tried < MAX_URLS_TRIED; url++, tried++) {
    g_autoptr(ClRevocationInfo) answer = NULL;
    GBytes *response = NULL;

    g_clear_error (&last_error);
    answer = ask_ocsp_responder (session, *url, cert, issuer, now, FALSE, &response,
                                 cancellable, &last_error);
    if (answer != NULL) {
      if (info != NULL) {
        g_free (info->url);
        g_free (info->detail);
        *info = *answer;
        answer->url = answer->detail = NULL;
      }
      return response;
    }
    if (g_cancellable_is_cancelled (cancellable))
      break;
    /* Several responders may be tried: say which one this was. */
    if (last_error != NULL && strstr (last_error->message, *url) == NULL)
      g_prefix_error (&last_error, "%s: ", *url);
  }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  g_propagate_error (error, g_steal_pointer (&last_error));
  return NULL;
}


ClRevocationInfo *
cl_revocation_check (X509                      *cert,
                     X509                      *issuer,
                     GPtrArray                 *stapled,
                     gint64                     judged_time,
                     gboolean                   time_is_trusted,
                     const ClRevocationOptions *options,
                     GCancellable              *cancellable)
{
  g_autofree char *stapled_problem = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr(ClHttpSession) own_session = NULL;
  ClRevocationInfo *info;
  ClHttpSession *session;
  gboolean any_service = FALSE;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (issuer == NULL)
    return not_checked (CL_REVOCATION_SKIP_NO_ISSUER,
                        _("the issuer’s certificate is not available"));

  info = try_stapled (cert, issuer, stapled, judged_time, time_is_trusted, &stapled_problem);
  if (info != NULL)
    return info;

  if (options == NULL || !options->online) {
    if (stapled_problem != NULL) {
      g_autofree char *why = g_strdup_printf (_("the stapled OCSP response cannot be used: %s"),
                                              stapled_problem);

      return not_checked (CL_REVOCATION_SKIP_STAPLED_UNUSABLE, why);
    }
    return not_checked (CL_REVOCATION_SKIP_OFFLINE, _("online revocation checks are off"));
  }

  fingerprint = cl_x509_sha256_hex (cert);
  if (options->cache != NULL && fingerprint != NULL) {
    info = cl_revocation_cache_lookup (options->cache, fingerprint, now);
    if (info != NULL) {
      /* The facts are cached; the verdict depends on the time judged. */
      if (info->state != CL_REVOCATION_UNKNOWN)
        cl_revocation_judge (info, info->revoked_at != 0, judged_time, time_is_trusted);
      describe (info, NULL);
      return info;
    }
  }

  session = options->session;
  if (session == NULL)
    session = own_session = new_session (options->timeout_seconds);

  info = query_online (cert, issuer, session, judged_time, time_is_trusted, cancellable,
                       &any_service);
  if (info == NULL)
    return not_checked (CL_REVOCATION_SKIP_NO_SERVICE,
                        _("the certificate names no OCSP responder and no CRL"));
  if (info->state != CL_REVOCATION_NOT_CHECKED && options->cache != NULL && fingerprint != NULL)
    cl_revocation_cache_store (options->cache, fingerprint, info);
  return info;
}
