/* cl-privacy-preflight.h: what signing a file will disclose, said before signing — in
 * the file (its Exif and XMP, which the signed copy keeps: GPS position, camera and lens
 * serial numbers, owner and author names, the XMP edit history) and in the new Content
 * Credentials (the signer certificate's subject, the author given, earlier credentials
 * kept as the parent). What the privacy options (remove_gps, remove_serials) will take
 * out of the signed copy is marked as removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-signer.h"

G_BEGIN_DECLS

typedef enum {
  CL_DISCLOSURE_GPS,
  CL_DISCLOSURE_SERIAL_NUMBER,
  CL_DISCLOSURE_NAME,
  CL_DISCLOSURE_EDIT_HISTORY,
  CL_DISCLOSURE_SIGNER,
  CL_DISCLOSURE_EARLIER_CREDENTIALS,
} ClDisclosureKind;

typedef struct {
  ClDisclosureKind kind;
  gboolean         in_credentials;  /* FALSE: in the file's own metadata, kept as it is */
  char            *what;            /* translated, e.g. "GPS position (Exif)" */
  char            *value;           /* what is disclosed, as found */
  gboolean         removed;         /* the options remove it from the signed copy */
} ClDisclosure;

void       cl_disclosure_free   (ClDisclosure *disclosure);

/* The disclosures of signing input with options by a signer whose certificate subject is
 * signer_subject (or NULL), file first, then credentials; an empty array when nothing
 * personal was found. Reads the metadata where cl-privacy-metadata.h finds it; never
 * writes. NULL (and error) when input cannot be read or is not an image
 * CredLink can sign. */
GPtrArray *cl_privacy_preflight (const char           *input,
                                 const ClSignOptions  *options,
                                 const char           *signer_subject,
                                 GCancellable         *cancellable,
                                 GError              **error);

G_END_DECLS
