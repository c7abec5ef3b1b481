/* cl-trust-snapshot.c: the local copy of a trust list, $XDG_DATA_HOME/credlink/trust/<list>/.
 *
 * A snapshot is a directory holding anchors.pem (the list as downloaded) and
 * meta.json (cl-trust-meta.h: source URL, snapshot date, certificate count…). A
 * new snapshot is written complete into a sibling directory and then swapped in
 * with one exchange (cl_atomic_dir_replace()), so that readers see either the old
 * pair of files or the new one, never a mix and never a half-written file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-trust-snapshot"

#include "config.h"

#include <errno.h>
#include <limits.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "cl-atomic-file.h"
#include "cl-crypto-init.h"
#include "cl-error.h"
#include "cl-trust-list.h"
#include "cl-trust-meta.h"
#include "cl-trust-snapshot.h"


/* Lower-case letters, digits and dashes: the name becomes a directory name. */
gboolean
cl_trust_snapshot_is_valid_name (const char *list_name)
{
  if (list_name == NULL || list_name[0] == '\0' || strlen (list_name) > 64)
    return FALSE;
  for (const char *p = list_name; *p != '\0'; p++) {
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  }
  return TRUE;
}


/**
 * cl_trust_snapshot_verify_pem:
 * @n_certificates: (out): how many certificates it holds
 *
 * Checks that @pem is a sequence of PEM certificates that OpenSSL parses, with
 * at least one. Text between the blocks (the C2PA lists put a "Subject" line
 * before each) is allowed, as PEM allows it.
 */
gboolean
cl_trust_snapshot_verify_pem (GBytes  *pem,
                              guint   *n_certificates,
                              GError **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pem, &size);
  g_autofree char *reason = NULL;
  unsigned long last_error;
  gsize offset;
  guint count = 0;
  BIO *bio;
  X509 *certificate;

  if (size > INT_MAX) {
    g_set_error (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_TOO_LARGE,
                 _("The trust list is too large (%lu bytes)"), (gulong) size);
    return FALSE;
  }

  cl_crypto_init ();
  ERR_clear_error ();
  bio = BIO_new_mem_buf (size > 0 ? data : (const guint8 *) "", (int) size);
  if (bio == NULL) {
    g_set_error_literal (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_IO,
                         _("Out of memory while reading the trust list"));
    return FALSE;
  }
  while ((certificate = PEM_read_bio_X509 (bio, NULL, NULL, NULL)) != NULL) {
    X509_free (certificate);
    count++;
  }
  offset = size - (gsize) BIO_ctrl_pending (bio);
  BIO_free (bio);

  /* Running out of input shows as "no start line": that is the normal end. */
  last_error = ERR_peek_last_error ();
  if (last_error != 0 &&
      !(ERR_GET_LIB (last_error) == ERR_LIB_PEM &&
        ERR_GET_REASON (last_error) == PEM_R_NO_START_LINE)) {
    reason = g_malloc0 (256);
    ERR_error_string_n (last_error, reason, 256);
    ERR_clear_error ();
    g_set_error (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_BAD_PEM,
                 _("Certificate %u of the trust list is not valid PEM, before byte %lu"
                   " (%s)"), count + 1, (gulong) offset, reason);
    return FALSE;
  }
  ERR_clear_error ();

  if (count == 0) {
    g_set_error_literal (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_EMPTY,
                         _("The trust list holds no certificate"));
    return FALSE;
  }
  if (n_certificates != NULL)
    *n_certificates = count;
  return TRUE;
}


/* @what: a translated phrase such as "Could not create the folder" */
static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *what,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_IO,
               /* Translators: "Could not create the folder" “/path”: "No space left" */
               _("%s “%s”: %s"), what, display, g_strerror (saved_errno));
}


/* meta.json in the one vocabulary of every list folder (cl-trust-meta.h): a list
 * from the job reads the same as one imported by hand. */
static gboolean
write_meta (const char  *dir,
            const char  *list_name,
            GBytes      *pem,
            guint        n_certificates,
            const char  *source_url,
            GDateTime   *snapshot_date,
            GError     **error)
{
  ClTrustListKind kind = cl_trust_list_kind_for_name (list_name);
  g_autoptr(ClTrustMeta) meta = NULL;

  meta = cl_trust_meta_new (list_name, cl_trust_list_kind_to_string (kind), source_url,
                            g_date_time_to_unix (snapshot_date), pem, n_certificates, 0);
  return cl_trust_meta_save (meta, dir, error);
}


/* Writes <new_dir>/{anchors.pem, meta.json}, in a fresh folder. */
static gboolean
write_snapshot (const char  *new_dir,
                const char  *list_name,
                GBytes      *pem,
                guint        n_certificates,
                const char  *source_url,
                GDateTime   *snapshot_date,
                GError     **error)
{
  g_autofree char *anchors = g_build_filename (new_dir, CL_TRUST_SNAPSHOT_ANCHORS, NULL);

  cl_atomic_dir_remove (new_dir, NULL);   /* left over from an interrupted refresh */
  if (g_mkdir (new_dir, 0700) != 0) {
    set_io_error (error, errno, _("Could not create the folder"), new_dir);
    return FALSE;
  }
  return cl_atomic_file_set_contents (anchors, g_bytes_get_data (pem, NULL),
                                      (gssize) g_bytes_get_size (pem), 0644, error) &&
         write_meta (new_dir, list_name, pem, n_certificates, source_url, snapshot_date, error);
}


/**
 * cl_trust_snapshot_replace:
 * @trust_dir: the folder of all lists, usually $XDG_DATA_HOME/credlink/trust
 * @list_name: the list's folder name, see cl_trust_snapshot_is_valid_name()
 * @pem: the list as downloaded, already checked by cl_trust_snapshot_verify_pem()
 *
 * Atomically replaces <trust_dir>/<list_name>/{anchors.pem, meta.json}. On
 * failure the previous snapshot stays as it was.
 */
gboolean
cl_trust_snapshot_replace (const char  *trust_dir,
                           const char  *list_name,
                           GBytes      *pem,
                           guint        n_certificates,
                           const char  *source_url,
                           GDateTime   *snapshot_date,
                           GError     **error)
{
  g_autofree char *list_dir = NULL;
  g_autofree char *new_dir = NULL;
  g_autofree char *old_dir = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *old_name = NULL;
  g_autoptr(GError) swap_error = NULL;

  g_return_val_if_fail (trust_dir != NULL && pem != NULL && snapshot_date != NULL, FALSE);

  if (!cl_trust_snapshot_is_valid_name (list_name)) {
    g_set_error (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_IO,
                 _("“%s” is not a valid trust list name"), list_name);
    return FALSE;
  }
  list_dir = g_build_filename (trust_dir, list_name, NULL);
  new_name = g_strdup_printf (".%s.new", list_name);
  old_name = g_strdup_printf (".%s.old", list_name);
  new_dir = g_build_filename (trust_dir, new_name, NULL);
  old_dir = g_build_filename (trust_dir, old_name, NULL);

  if (g_mkdir_with_parents (trust_dir, 0700) != 0) {
    set_io_error (error, errno, _("Could not create the folder"), trust_dir);
    return FALSE;
  }
  if (!write_snapshot (new_dir, list_name, pem, n_certificates, source_url, snapshot_date,
                       error)) {
    cl_atomic_dir_remove (new_dir, NULL);
    return FALSE;
  }
  /* Readers see the old pair of files or the new one; the previous snapshot ends
   * up in new_dir, or in old_dir on a file system that cannot exchange. */
  if (!cl_atomic_dir_replace (new_dir, list_dir, old_dir, &swap_error)) {
    g_set_error_literal (error, CL_TRUST_REFRESH_ERROR, CL_TRUST_REFRESH_ERROR_IO,
                         swap_error->message);
    cl_atomic_dir_remove (new_dir, NULL);
    return FALSE;
  }
  cl_atomic_dir_remove (new_dir, NULL);
  cl_atomic_dir_remove (old_dir, NULL);
  return TRUE;
}


/**
 * cl_trust_snapshot_age:
 *
 * Returns: seconds since the snapshot of @list_name was written, or -1 if
 *   there is none
 */
gint64
cl_trust_snapshot_age (const char *trust_dir,
                       const char *list_name)
{
  g_autofree char *path = NULL;
  GStatBuf info;

  if (!cl_trust_snapshot_is_valid_name (list_name))
    return -1;
  path = g_build_filename (trust_dir, list_name, CL_TRUST_SNAPSHOT_META, NULL);
  if (g_stat (path, &info) != 0)
    return -1;
  return MAX (0, g_get_real_time () / G_USEC_PER_SEC - (gint64) info.st_mtime);
}
