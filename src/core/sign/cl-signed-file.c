/* cl-signed-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-writer.h"
#include "cl-atomic-file.h"
#include "cl-error.h"
#include "cl-file-stream.h"
#include "cl-signed-file.h"
#include "cl-status.h"
#include "cl-status-codes.h"
#include "cl-validator.h"

#define SHA256_LEN 32


/* A signing interrupted (the process killed) leaves its temporary file next to the
 * output. The first signing into a folder in this process removes the ones nobody has
 * written to for a minute. */
static void
remove_stale_temporaries_once (const char *output)
{
  static GMutex lock;
  static GHashTable *cleaned;   /* folder → itself, for the life of the process */
  g_autofree char *folder = g_path_get_dirname (output);
  gboolean first;

  g_mutex_lock (&lock);
  if (cleaned == NULL)
    cleaned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first = g_hash_table_add (cleaned, g_strdup (folder));
  g_mutex_unlock (&lock);
  if (first)
    cl_atomic_file_remove_stale (folder, CL_ATOMIC_FILE_STALE_AGE);
}


static gboolean
write_piece (const guint8  *data,
             gsize          len,
             gpointer       user_data,
             GError       **error)
{
  return g_output_stream_write_all (user_data, data, len, NULL, NULL, error);
}


/* Writes the layout, with carrier in its place, into a new temporary file next to
 * output, synced to disk. Nothing is left behind on failure, nor when the file
 * returned is freed uncommitted. */
static ClAtomicFile *
write_temporary (const ClSignedFile  *file,
                 const char          *output,
                 GBytes              *carrier,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(ClAtomicFile) temporary = NULL;
  guint mode = CL_IS_FILE_STREAM (file->source)
               ? cl_file_stream_get_mode (CL_FILE_STREAM (file->source)) : 0644;

  /* The signed copy keeps who may read and write the source (less the umask). */
  temporary = cl_atomic_file_new (output, (int) mode, error);
  if (temporary == NULL ||
      !cl_asset_layout_emit (file->layout, file->source, carrier, write_piece,
                             cl_atomic_file_get_stream (temporary), cancellable, error) ||
      !cl_atomic_file_finish (temporary, cancellable, error))
    return NULL;
  return g_steal_pointer (&temporary);
}


/* Whether the validator found our store exactly where the layout put it and the
 * bytes around it hashing to what was signed (its content hash covers every byte
 * outside the store, which is our exclusion). */
static gboolean
reads_back_as_written (ClValidationReport *report,
                       const ClByteRange  *exclusion,
                       const guint8       *data_hash,
                       gboolean            bmff)
{
  guint64 first = 0, total = 0;

  for (guint i = 0; i < report->store_ranges->len; i++) {
    ClByteRange *range = &g_array_index (report->store_ranges, ClByteRange, i);

    if (i == 0)
      first = range->start;
    total += range->length;
  }
  return report->store_ranges->len > 0 && first == exclusion->start &&
         total == exclusion->length &&
         (bmff || memcmp (report->content_sha256, data_hash, SHA256_LEN) == 0);
}


/* Reads what was written once, as any reader will: the validator over the new file
 * (its hash pass re-hashes every byte). The store must sit at the exclusion with the
 * signed data hash around it, the active manifest must be ours, its data hash must
 * match, and it must have no failure other than the signer not being on a trust list
 * (the validator here has none). Ingredient findings are the parent's, not ours. */
static gboolean
validate_output (const char         *path,
                 const char         *label,
                 const ClByteRange  *exclusion,
                 const guint8       *data_hash,
                 gboolean            bmff,
                 GCancellable       *cancellable,
                 GError            **error)
{
  ClValidatorOptions options = { .skip_file_sha256 = TRUE };
  g_autoptr(ClValidationReport) report = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  gboolean hash_matched = FALSE;

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
  /* A BMFF hash is not the plain hash of the bytes around the store: its match, below,
   * is what says the file was written as hashed. */
  if (!reads_back_as_written (report, exclusion, data_hash, bmff)) {
    g_set_error_literal (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                         _("The signed file does not read back as written"));
    return FALSE;
  }
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (status->ingredient_uri != NULL)
      continue;
    hash_matched |= g_strcmp0 (status->code, bmff ? CL_CODE_ASSERTION_BMFF_HASH_MATCH
                                                  : CL_CODE_ASSERTION_DATA_HASH_MATCH) == 0;
    if (status->kind == CL_STATUS_FAILURE && !cl_status_failure_is_tolerated (status->code))
      g_string_append_printf (failures, "%s%s", failures->len > 0 ? ", " : "", status->code);
  }
  if (failures->len > 0 || !hash_matched) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_FAILED,
                 _("The signed file does not validate: %s"),
                 failures->len > 0 ? failures->str
                                   : _("the data hash of the signed file was not checked"));
    return FALSE;
  }
  return TRUE;
}


gboolean
cl_signed_file_write (const ClSignedFile  *file,
                      const char          *output,
                      gboolean             force,
                      GCancellable        *cancellable,
                      GError             **error)
{
  ClByteRange exclusion = cl_asset_layout_get_carrier (file->layout);
  g_autoptr(GBytes) carrier = NULL;
  g_autoptr(ClAtomicFile) temporary = NULL;
  g_autoptr(GError) commit_error = NULL;
  const char *written;

  carrier = cl_asset_wrap_store (file->info->format, file->store, error);
  if (carrier == NULL)
    return FALSE;
  g_assert (g_bytes_get_size (carrier) == exclusion.length);

  remove_stale_temporaries_once (output);
  /* The new file is checked before it takes the output's name, so a failure never
   * leaves a partial file nor replaces an existing one. */
  temporary = write_temporary (file, output, carrier, cancellable, error);
  if (temporary == NULL)
    return FALSE;
  written = cl_atomic_file_get_temp_path (temporary);
  if (!validate_output (written, file->label, &exclusion, file->data_hash,
                        file->info->format == CL_ASSET_FORMAT_BMFF, cancellable,
                        error))
    return FALSE;
  /* Without force, a file that appeared meanwhile is never overwritten. */
  if (!cl_atomic_file_commit (temporary, force ? CL_ATOMIC_FILE_REPLACE
                                               : CL_ATOMIC_FILE_NO_REPLACE,
                              &commit_error)) {
    if (g_error_matches (commit_error, G_FILE_ERROR, G_FILE_ERROR_EXIST))
      g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_OUTPUT_EXISTS,
                   _("“%s” already exists (use --force to replace it)"), output);
    else
      g_propagate_error (error, g_steal_pointer (&commit_error));
    return FALSE;
  }
  return TRUE;
}
