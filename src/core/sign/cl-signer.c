/* cl-signer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "cl-crypto-init.h"
#include "cl-asset.h"
#include "cl-asset-writer.h"
#include "cl-cose-sign1-builder.h"
#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-image-check.h"
#include "cl-manifest-builder.h"
#include "cl-ocsp-staple.h"
#include "cl-parent-time-stamp.h"
#include "cl-signer.h"
#include "cl-status-codes.h"
#include "cl-status.h"
#include "cl-thumbnail.h"
#include "cl-tsa-client.h"
#include "cl-validator.h"

#define COPY_BUFFER_SIZE (256 * 1024)
#define SHA256_LEN 32


void
cl_sign_result_free (ClSignResult *result)
{
  if (result == NULL)
    return;
  g_free (result->manifest_label);
  g_free (result->parent_label);
  g_free (result);
}


static gboolean
check_profile (ClSigningProfile  *profile,
               GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GString) fatal = g_string_new (NULL);
  g_autoptr(GArray) problems = NULL;
  gboolean usable;

  problems = cl_signing_profile_check (profile, now, &usable);
  if (usable)
    return TRUE;
  for (guint i = 0; i < problems->len; i++) {
    ClSigningProfileProblem *problem = &g_array_index (problems, ClSigningProfileProblem, i);

    if (problem->level == CL_SIGNING_PROFILE_PROBLEM_FATAL)
      g_string_append_printf (fatal, "%s%s", fatal->len > 0 ? "; " : "", problem->message);
  }
  g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
               _("The signing profile “%s” cannot sign: %s"), cl_signing_profile_get_name (profile),
               fatal->str);
  return FALSE;
}


static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}


typedef struct {
  const char    *tsa_url;
} TimestampData;


static GBytes *
timestamp_cb (const guint8  *data,
              gsize          data_len,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  TimestampData *ts = user_data;

  return cl_tsa_client_timestamp (ts->tsa_url, data, data_len, cancellable, error);
}


/* Copies the bytes of [from, to) that lie outside every range of skip. */
static gboolean
copy_kept (GInputStream   *in,
           GOutputStream  *out,
           guint64         from,
           guint64         to,
           GArray         *skip,
           guint8         *buffer,
           GCancellable   *cancellable,
           GError        **error)
{
  guint64 position = from;

  while (position < to) {
    guint64 end = to;
    gboolean skipped = FALSE;

    for (guint i = 0; i < skip->len; i++) {
      ClByteRange *range = &g_array_index (skip, ClByteRange, i);

      if (position >= range->start && position < range->start + range->length) {
        position = MIN (to, range->start + range->length);
        skipped = TRUE;
        break;
      }
      if (range->start > position && range->start < end)
        end = range->start;
    }
    if (skipped)
      continue;

    if (!g_seekable_seek (G_SEEKABLE (in), (goffset) position, G_SEEK_SET, cancellable, error))
      return FALSE;
    while (position < end) {
      gsize want = (gsize) MIN (end - position, COPY_BUFFER_SIZE);
      gsize got = 0;

      if (!g_input_stream_read_all (in, buffer, want, &got, cancellable, error))
        return FALSE;
      if (got != want) {
        g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_INPUT,
                             _("The source file changed while it was being signed"));
        return FALSE;
      }
      if (!g_output_stream_write_all (out, buffer, got, NULL, cancellable, error))
        return FALSE;
      position += got;
    }
  }
  return TRUE;
}


static gboolean
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}


/* Writes source[0, insert_at) + carrier + source[insert_at, end), leaving out the
 * old store ranges, into a new temporary file next to output, synced to disk.
 * Returns its path; nothing is left behind on failure. */
static char *
write_temporary (const char     *input,
                 const char     *output,
                 guint64         input_size,
                 GArray         *old_ranges,
                 guint64         insert_at,
                 GBytes         *carrier,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (output);
  g_autofree char *base = g_path_get_basename (output);
  g_autofree char *template_name = g_strdup_printf (".%s.credlink-XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, template_name, NULL);
  g_autofree guint8 *buffer = g_malloc (COPY_BUFFER_SIZE);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  int fd;
  gboolean ok;

  in = g_file_read (input_file, cancellable, error);
  if (in == NULL)
    return NULL;
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0) {
    int saved_errno = errno;

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _("Cannot create a file in “%s”: %s"), dir, g_strerror (saved_errno));
    return NULL;
  }
  out = g_unix_output_stream_new (fd, FALSE);

  ok = copy_kept (G_INPUT_STREAM (in), out, 0, insert_at, old_ranges, buffer, cancellable,
                  error) &&
       g_output_stream_write_all (out, g_bytes_get_data (carrier, NULL),
                                  g_bytes_get_size (carrier), NULL, cancellable, error) &&
       copy_kept (G_INPUT_STREAM (in), out, insert_at, input_size, old_ranges, buffer,
                  cancellable, error) &&
       g_output_stream_flush (out, cancellable, error);
  if (ok && fsync (fd) != 0) {
    int saved_errno = errno;

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _("Cannot write “%s”: %s"), output, g_strerror (saved_errno));
    ok = FALSE;
  }
  if (close (fd) != 0 && ok) {
    int saved_errno = errno;

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _("Cannot write “%s”: %s"), output, g_strerror (saved_errno));
    ok = FALSE;
  }
  if (!ok) {
    g_unlink (tmp_path);
    return NULL;
  }
  return g_steal_pointer (&tmp_path);
}


/* Moves the finished temporary file to output: link() fails when the output
 * exists, so a file that appeared meanwhile is never overwritten; rename()
 * replaces atomically when force asks for it. The temporary file is gone after. */
static gboolean
commit_output (const char  *tmp_path,
               const char  *output,
               gboolean     force,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (output);
  int rc = force ? g_rename (tmp_path, output) : link (tmp_path, output);
  int saved_errno = errno;

  if (rc != 0) {
    if (saved_errno == EEXIST)
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS,
                   _("“%s” already exists (use --force to replace it)"), output);
    else
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create “%s”: %s"), output, g_strerror (saved_errno));
  }
  if (rc != 0 || !force)
    g_unlink (tmp_path);
  if (rc == 0)
    sync_directory (dir);
  return rc == 0;
}


/* Reads back what was written: the readers must find exactly our store at the
 * exclusion, and the data hash over the new file must be the one we signed. */
static gboolean
verify_output (const char        *output,
               GBytes            *store,
               const ClByteRange *exclusion,
               const guint8      *data_hash,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 digest[EVP_MAX_MD_SIZE];
  guint digest_len = 0;
  guint64 first = 0, total = 0;

  info = cl_asset_read_file (output, cancellable, &local_error);
  if (info != NULL) {
    for (guint i = 0; i < info->store_ranges->len; i++) {
      ClByteRange *range = &g_array_index (info->store_ranges, ClByteRange, i);

      if (i == 0)
        first = range->start;
      total += range->length;
    }
  }
  if (info == NULL || info->store == NULL || !g_bytes_equal (info->store, store) ||
      first != exclusion->start || total != exclusion->length) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The signed file does not read back as written%s%s"),
                 local_error != NULL ? ": " : "",
                 local_error != NULL ? local_error->message : "");
    return FALSE;
  }
  if (!cl_data_hash_file (output, EVP_sha256 (), exclusion, 1, digest, &digest_len, NULL, NULL,
                          cancellable, error))
    return FALSE;
  if (digest_len != SHA256_LEN || memcmp (digest, data_hash, SHA256_LEN) != 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The data hash of the signed file does not match what was signed"));
    return FALSE;
  }
  return TRUE;
}


/* Runs the validator on the new file, as any reader will: the active manifest must
 * be ours and have no failure other than the signer not being on a trust list
 * (the validator here has none). Ingredient findings are the parent's, not ours. */
static gboolean
validate_output (const char    *path,
                 const char    *label,
                 GCancellable  *cancellable,
                 GError       **error)
{
  ClValidatorOptions options = { .skip_file_sha256 = TRUE };
  g_autoptr(ClValidationReport) report = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);

  report = cl_validator_verify_file (path, &options, cancellable, error);
  if (report == NULL) {
    g_prefix_error (error, _("The signed file does not validate: "));
    return FALSE;
  }
  if (!report->has_manifest || g_strcmp0 (report->active_label, label) != 0) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The signed file does not validate: its active manifest is not "
                           "the new one"));
    return FALSE;
  }
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (status->ingredient_uri == NULL && status->kind == CL_STATUS_FAILURE &&
        !g_str_equal (status->code, CL_CODE_SIGNING_CREDENTIAL_UNTRUSTED))
      g_string_append_printf (failures, "%s%s", failures->len > 0 ? ", " : "", status->code);
  }
  if (failures->len > 0) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The signed file does not validate: %s"), failures->str);
    return FALSE;
  }
  return TRUE;
}


ClSignResult *
cl_signer_sign_file (ClSigningProfile    *profile,
                     const ClSignOptions *options,
                     const char          *input,
                     const char          *output,
                     GCancellable        *cancellable,
                     GError             **error)
{
  static const guint8 zero_hash[SHA256_LEN] = { 0, };
  g_autoptr(ClAssetInfo) info = NULL;
  g_autoptr(GBytes) thumbnail = NULL;
  g_autoptr(ClManifestBuilder) builder = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GBytes) store = NULL;
  g_autoptr(GBytes) carrier = NULL;
  g_autofree char *input_name = g_path_get_basename (input);
  g_autofree char *output_name = g_path_get_basename (output);
  g_autofree char *tmp_path = NULL;
  g_autoptr(GBytes) ocsp_response = NULL;
  ClByteRange exclusion = { 0, 0 };
  guint8 data_hash[EVP_MAX_MD_SIZE];
  guint data_hash_len = 0;
  TimestampData ts = { options->tsa_url };
  ClCoseAlg alg;
  gsize reserve;
  guint64 store_size;
  ClParentBinding parent_binding = CL_PARENT_BINDING_UNKNOWN;
  ClSignResult *result;

  cl_crypto_init ();

  if (!check_profile (profile, error))
    return NULL;
  if (is_same_file (input, output)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS,
                 _("The output “%s” is the source itself; the source is never modified"),
                 output);
    return NULL;
  }
  if (!options->force && g_file_test (output, G_FILE_TEST_EXISTS)) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS,
                 _("“%s” already exists (use --force to replace it)"), output);
    return NULL;
  }

  info = cl_asset_read_file (input, cancellable, error);
  if (info == NULL) {
    g_prefix_error (error, _("Cannot sign “%s”: "), input_name);
    return NULL;
  }
  if (info->format != CL_ASSET_FORMAT_JPEG && info->format != CL_ASSET_FORMAT_PNG) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_UNSUPPORTED,
                 _("Cannot sign “%s”: signing %s files is not supported yet (JPEG and PNG are)"),
                 input_name, cl_asset_format_to_string (info->format));
    return NULL;
  }
  /* Walking the structure to its end and decoding the whole image catch truncated
   * and corrupt files before anything is written. */
  if (!cl_image_check_complete (input, info->format, cancellable, error)) {
    g_prefix_error (error, _("Cannot sign “%s”: "), input_name);
    return NULL;
  }
  thumbnail = cl_thumbnail_create_jpeg (input, cancellable, error);
  if (thumbnail == NULL) {
    g_prefix_error (error, _("Cannot sign “%s”: "), input_name);
    return NULL;
  }

  builder = cl_manifest_builder_new (output_name, info->mime_type);
  cl_manifest_builder_set_thumbnail (builder, thumbnail);
  if (options->author != NULL || options->title != NULL)
    cl_manifest_builder_set_creative_work (builder, options->author, options->title);
  cl_manifest_builder_set_do_not_train (builder, options->do_not_train);
  if (options->digital_source_type != NULL)
    cl_manifest_builder_set_digital_source_type (builder, options->digital_source_type);
  if (info->store != NULL) {
    g_autoptr(GError) binding_error = NULL;

    if (!cl_manifest_builder_set_parent (builder, info->store, input_name, error))
      return NULL;
    /* Whether the source still matches its own credentials is recorded in the
     * ingredient, so that a tampered parent is not hidden by our new signature. */
    parent_binding = cl_parent_store_check_binding (cl_manifest_builder_get_parent (builder),
                                                    input, cancellable, &binding_error);
    if (binding_error != NULL) {
      g_propagate_prefixed_error (error, g_steal_pointer (&binding_error),
                                  _("Cannot sign “%s”: "), input_name);
      return NULL;
    }
    cl_manifest_builder_set_parent_binding (builder, parent_binding);

    if (options->tsa_url != NULL) {
      g_autoptr(GBytes) parent_token = NULL;
      g_autoptr(GError) tsa_error = NULL;

      parent_token = cl_parent_time_stamp_fetch (info->store,
                                                 cl_manifest_builder_get_parent_label (builder),
                                                 options->tsa_url, cancellable, &tsa_error);
      if (tsa_error != NULL) {
        g_propagate_prefixed_error (error, g_steal_pointer (&tsa_error),
                                    _("Cannot sign “%s”: "), input_name);
        return NULL;
      }
      if (parent_token != NULL)
        cl_manifest_builder_set_parent_time_stamp (builder, parent_token);
    }

    /* What the validator finds on the source goes into the ingredient, as c2pa-rs
     * records it; a store it cannot read keeps the hard-binding-only record. */
    {
      ClValidatorOptions validator_options = { .skip_file_sha256 = TRUE };
      g_autoptr(ClValidationReport) parent_report = NULL;
      g_autoptr(GError) validator_error = NULL;

      parent_report = cl_validator_verify_file (input, &validator_options, cancellable,
                                                &validator_error);
      if (parent_report == NULL &&
          g_error_matches (validator_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
        g_propagate_error (error, g_steal_pointer (&validator_error));
        return NULL;
      }
      if (parent_report != NULL && parent_report->has_manifest &&
          g_strcmp0 (parent_report->active_label,
                     cl_manifest_builder_get_parent_label (builder)) == 0)
        cl_manifest_builder_set_parent_report (builder, parent_report);
    }
  }

  exclusion.start = info->store_ranges->len > 0
                    ? g_array_index (info->store_ranges, ClByteRange, 0).start
                    : info->insert_offset;
  chain = cl_signing_profile_dup_x5chain (profile);
  alg = cl_signing_profile_get_alg (profile);
  if (options->staple_ocsp) {
    STACK_OF (X509) *certs = cl_signing_profile_get_chain (profile);
    g_autoptr(GError) ocsp_error = NULL;

    /* A stapled response is only worth something next to a trusted time-stamp
     * (C2PA 2.2 §10.3.2.6), and it needs the issuer to name the certificate. */
    if (options->tsa_url == NULL) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                           _("Stapling an OCSP response needs a time-stamp server too"));
      return NULL;
    }
    if (sk_X509_num (certs) < 2) {
      g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                           _("Stapling an OCSP response needs the issuer of the signing "
                             "certificate in the profile's chain"));
      return NULL;
    }
    ocsp_response = cl_ocsp_staple_fetch (sk_X509_value (certs, 0), sk_X509_value (certs, 1),
                                          cancellable, &ocsp_error);
    if (ocsp_error != NULL) {
      g_propagate_prefixed_error (error, g_steal_pointer (&ocsp_error),
                                  _("Cannot sign “%s”: "), input_name);
      return NULL;
    }
  }
  reserve = cl_cose_sign1_reserve_size (alg, cl_signing_profile_get_key (profile), chain,
                                        options->tsa_url != NULL,
                                        ocsp_response != NULL
                                        ? g_bytes_get_size (ocsp_response) : 0);

  /* The new file minus our carrier is the source minus its old store. */
  if (!cl_data_hash_file (input, EVP_sha256 (),
                          (const ClByteRange *) info->store_ranges->data,
                          info->store_ranges->len, data_hash, &data_hash_len, NULL, NULL,
                          cancellable, error)) {
    g_prefix_error (error, _("Cannot sign “%s”: "), input_name);
    return NULL;
  }

  for (guint attempt = 0; store == NULL; attempt++) {
    g_autoptr(GBytes) placeholder = NULL;
    g_autoptr(GBytes) sizing_store = NULL;
    g_autoptr(GBytes) unsigned_store = NULL;
    g_autoptr(GBytes) claim = NULL;
    g_autoptr(GBytes) signature = NULL;
    g_autoptr(GError) local_error = NULL;
    gsize needed = 0;

    /* Pass 1: lay the store out with placeholders to learn its size, which fixes
     * the carrier size and so the exclusion (C2PA 2.2 §10.4). */
    placeholder = cl_cose_sign1_placeholder (reserve, error);
    if (placeholder == NULL)
      return NULL;
    sizing_store = cl_manifest_builder_build_store (builder, &exclusion, zero_hash, placeholder,
                                                    NULL);
    store_size = g_bytes_get_size (sizing_store);
    exclusion.length = cl_asset_carrier_size (info->format, store_size);
    if (exclusion.length == 0 || exclusion.start + exclusion.length > G_MAXUINT32) {
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                   _("Cannot sign “%s”: the Content Credentials would be too large"),
                   input_name);
      return NULL;
    }

    /* Pass 2: the real data hash, the claim, its signature — same sizes. */
    unsigned_store = cl_manifest_builder_build_store (builder, &exclusion, data_hash,
                                                      placeholder, &claim);
    signature = cl_cose_sign1_build (alg, cl_signing_profile_get_key (profile), chain, claim,
                                     ocsp_response, options->tsa_url != NULL ? timestamp_cb : NULL, &ts,
                                     reserve, &needed, cancellable, &local_error);
    if (signature == NULL) {
      /* A time-stamp token larger than foreseen: reserve more and lay out again
       * (which asks for a new token, as the signature covers the new claim). */
      if (needed > reserve && attempt < 2) {
        reserve = needed + 2048;
        continue;
      }
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot sign “%s”: "), input_name);
      return NULL;
    }
    store = cl_manifest_builder_build_store (builder, &exclusion, data_hash, signature, NULL);
    if (g_bytes_get_size (store) != store_size ||
        g_bytes_get_size (unsigned_store) != store_size) {
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                   _("Cannot sign “%s”: the manifest store changed size between passes"),
                   input_name);
      return NULL;
    }
  }
  carrier = cl_asset_wrap_store (info->format, store, error);
  if (carrier == NULL)
    return NULL;
  g_assert (g_bytes_get_size (carrier) == exclusion.length);

  /* The new file is checked before it takes the output's name, so a failure never
   * leaves a partial file nor replaces an existing one. */
  tmp_path = write_temporary (input, output, info->file_size, info->store_ranges,
                              exclusion.start, carrier, cancellable, error);
  if (tmp_path == NULL)
    return NULL;
  if (!verify_output (tmp_path, store, &exclusion, data_hash, cancellable, error) ||
      !validate_output (tmp_path, cl_manifest_builder_get_label (builder), cancellable, error)) {
    g_unlink (tmp_path);
    return NULL;
  }
  if (!commit_output (tmp_path, output, options->force, error))
    return NULL;

  result = g_new0 (ClSignResult, 1);
  result->manifest_label = g_strdup (cl_manifest_builder_get_label (builder));
  result->parent_label = g_strdup (cl_manifest_builder_get_parent_label (builder));
  result->store_offset = exclusion.start;
  result->store_length = exclusion.length;
  result->parent_binding = parent_binding;
  result->ocsp_stapled = ocsp_response != NULL;
  memcpy (result->data_hash, data_hash, SHA256_LEN);
  return result;
}


typedef struct {
  ClSigningProfile     *profile;
  char          *author;
  char          *title;
  char          *tsa_url;
  char          *digital_source_type;
  gboolean       do_not_train;
  gboolean       force;
  gboolean       staple_ocsp;
  char          *input;
  char          *output;
} SignTaskData;


static void
sign_task_data_free (gpointer data)
{
  SignTaskData *task_data = data;

  cl_signing_profile_unref (task_data->profile);
  g_free (task_data->author);
  g_free (task_data->title);
  g_free (task_data->tsa_url);
  g_free (task_data->digital_source_type);
  g_free (task_data->input);
  g_free (task_data->output);
  g_free (task_data);
}


static void
sign_thread (GTask        *task,
             gpointer      source_object,
             gpointer      data,
             GCancellable *cancellable)
{
  SignTaskData *task_data = data;
  ClSignOptions options = {
    .author = task_data->author,
    .title = task_data->title,
    .do_not_train = task_data->do_not_train,
    .tsa_url = task_data->tsa_url,
    .staple_ocsp = task_data->staple_ocsp,
    .digital_source_type = task_data->digital_source_type,
    .force = task_data->force,
  };
  GError *error = NULL;
  ClSignResult *result;

  result = cl_signer_sign_file (task_data->profile, &options, task_data->input,
                                task_data->output, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) cl_sign_result_free);
}


void
cl_signer_sign_file_async (ClSigningProfile    *profile,
                           const ClSignOptions *options,
                           const char          *input,
                           const char          *output,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SignTaskData *task_data = g_new0 (SignTaskData, 1);

  task_data->profile = cl_signing_profile_ref (profile);
  task_data->author = g_strdup (options->author);
  task_data->title = g_strdup (options->title);
  task_data->tsa_url = g_strdup (options->tsa_url);
  task_data->digital_source_type = g_strdup (options->digital_source_type);
  task_data->do_not_train = options->do_not_train;
  task_data->force = options->force;
  task_data->staple_ocsp = options->staple_ocsp;
  task_data->input = g_strdup (input);
  task_data->output = g_strdup (output);
  g_task_set_source_tag (task, cl_signer_sign_file_async);
  g_task_set_task_data (task, task_data, sign_task_data_free);
  g_task_run_in_thread (task, sign_thread);
}


ClSignResult *
cl_signer_sign_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
