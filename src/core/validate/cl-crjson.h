/* cl-crjson.h: the crJSON document of a validated file (C2PA 2.4: the JSON serialisation
 * of a manifest store with its validation results), shaped field for field as c2pa-rs
 * writes it: the active manifest first, then the others newest first, each with its
 * assertions, claim, signature and the validation results that concern it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-validation-report.h"

G_BEGIN_DECLS

/* The document of store_bytes, validated into report, as of validation_time (NULL: now).
 * The assertions' decoded values are capped together at CL_LIMIT_REPORT_VALUES, as in the
 * report. NULL with an error when the store cannot be read (CL_JUMBF_ERROR,
 * CL_MANIFEST_ERROR). */
JsonNode *cl_crjson_new (GBytes              *store_bytes,
                         ClValidationReport  *report,
                         GDateTime           *validation_time,
                         GError             **error);

G_END_DECLS
