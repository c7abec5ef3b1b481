/* cl-raw-data-group.h: every status code with its sentence, and the JSON
 * report (copy, save as JSON).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-verification.h"

G_BEGIN_DECLS

#define CL_TYPE_RAW_DATA_GROUP (cl_raw_data_group_get_type ())
G_DECLARE_FINAL_TYPE (ClRawDataGroup, cl_raw_data_group, CL, RAW_DATA_GROUP, AdwPreferencesGroup)

void        cl_raw_data_group_set_verification (ClRawDataGroup *self,
                                                ClVerification *verification);
/* The number of status codes; and of code rows, built now if the row was not expanded. */
guint       cl_raw_data_group_get_n_codes      (ClRawDataGroup *self);
guint       cl_raw_data_group_get_n_code_rows  (ClRawDataGroup *self);
/* The JSON report as shown (pretty-printed), or NULL. */
const char *cl_raw_data_group_get_json         (ClRawDataGroup *self);

G_END_DECLS
