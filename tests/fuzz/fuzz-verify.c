/* fuzz-verify.c: the whole verify path — asset reader, JUMBF, claim, COSE, time-stamp,
 * assertions, ingredients, hard binding, report and its JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-validator.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(ClAssetInfo) info = cl_asset_read (stream, NULL, NULL);
  g_autoptr(ClValidationReport) report = NULL;
  g_autofree char *json = NULL;

  if (info == NULL)
    return 0;
  report = cl_validator_verify_stream (stream, info, NULL, NULL, NULL);
  if (report != NULL)
    json = cl_validation_report_to_json_string (report, FALSE);
  return 0;
}
