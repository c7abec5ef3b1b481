/* cl-signed-file.h: the last step of signing — the new file, written from the
 * source's bytes with the new manifest store in place of the old one (no
 * re-encoding), into a temporary file next to the output; read back once by the
 * validator (store, data hash, signature); only then given the output's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-asset.h"
#include "cl-asset-layout.h"

G_BEGIN_DECLS

typedef struct {
  GInputStream      *source;      /* the source file, seekable */
  ClAssetInfo       *info;        /* what was read from it */
  ClAssetLayout     *layout;      /* the new file, its carrier the data hash's exclusion */
  GBytes            *store;       /* the signed manifest store */
  const guint8      *data_hash;   /* the SHA-256 in c2pa.hash.data */
  const char        *label;       /* the new manifest's label */
} ClSignedFile;

/* Writes file into output. force: replace an existing output, else
 * CL_SIGN_ERROR_OUTPUT_EXISTS (also when one appeared while signing). On any
 * error nothing is left behind and an existing output is untouched. */
gboolean cl_signed_file_write (const ClSignedFile  *file,
                               const char          *output,
                               gboolean             force,
                               GCancellable        *cancellable,
                               GError             **error);

G_END_DECLS
