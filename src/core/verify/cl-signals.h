/* cl-signals.h: provenance signals — "Made with AI", "Captured with a camera"… — read from
 * the validated manifests as the C2PA Asset Rubrics 1.0 define them (signals rubric, one
 * statement per signal), from the C2PA 2.4 AI-disclosure assertion, and, for a file without
 * credentials, from the IPTC digital source type in its XMP (unverified evidence).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cl-conforming-products.h"
#include "cl-validation-report.h"

G_BEGIN_DECLS

/* What a signal says about generative AI, for how it is shown. */
typedef enum {
  CL_SIGNAL_CATEGORY_AI,            /* generative AI made or changed it */
  CL_SIGNAL_CATEGORY_POSSIBLY_AI,   /* the declared source type leaves AI possible */
  CL_SIGNAL_CATEGORY_CAPTURE,       /* a camera (or screen) captured it */
  CL_SIGNAL_CATEGORY_OTHER,
} ClSignalCategory;

typedef enum {
  CL_SIGNAL_SOURCE_ACTIVE,          /* the active manifest */
  CL_SIGNAL_SOURCE_INGREDIENT,      /* the manifest of an ingredient */
  CL_SIGNAL_SOURCE_XMP,             /* XMP metadata: nothing signed vouches for it */
} ClSignalSource;

typedef struct {
  const char       *id;              /* the rubric's statement id, "inception:signal_fullyGenAIMedia" */
  const char       *label;           /* translated: "Made with AI" */
  ClSignalCategory  category;
  ClSignalSource    source;
  char             *detail;          /* the tool or camera: "Adobe Firefly", or NULL */
  char             *evidence;        /* the assertion and field it was read from */
  char             *manifest_label;  /* the manifest it was read from, or NULL (XMP) */
  /* Read from a manifest that validated; FALSE for an invalid one and for XMP. */
  gboolean          verified;
} ClSignal;

void       cl_signal_free            (ClSignal           *signal);

/* The signals of the active manifest, then those about generative AI of the ingredients'
 * manifests, most telling first; an empty array without credentials. */
GPtrArray *cl_signals_from_report    (ClValidationReport *report);
/* For a file without credentials: the signal of the IPTC digital source type in its XMP
 * packet (within the first CL_LIMIT_XMP_SCAN_SIZE bytes), unverified; an empty array when
 * there is none or the file cannot be read. */
GPtrArray *cl_signals_from_xmp_file  (const char         *path,
                                      GCancellable       *cancellable);
/* The signal an IPTC digital source type URI stands for (as if a manifest had recorded it
 * on a c2pa.created action), unverified, or NULL when it stands for none. */
ClSignal  *cl_signal_from_source_type (const char        *digital_source_type,
                                       const char        *evidence);
/* "Made with AI · Adobe Firefly" (translated); "In an ingredient: …" for an ingredient's. */
char      *cl_signal_describe        (const ClSignal     *signal);
/* Why an unverified signal may be false (translated), or NULL when it is verified. */
const char *cl_signal_warning        (const ClSignal     *signal);
const char *cl_signal_source_to_string (ClSignalSource    source);
const char *cl_signal_category_to_string (ClSignalCategory category);
/* [{id, label, category, detail, evidence, manifest, source, verified}] */
JsonNode  *cl_signals_to_json        (GPtrArray          *signals);
/* The first signal read from a manifest that the signer's product may not claim by its
 * record on the conforming products list (an AI tool claiming a camera capture), or NULL. */
const ClSignal *cl_signals_find_disallowed (GPtrArray                 *signals,
                                            const ClConformingProduct *product);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSignal, cl_signal_free)

G_END_DECLS
