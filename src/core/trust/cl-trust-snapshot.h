/* cl-trust-snapshot.h: the local copy of a trust list, $XDG_DATA_HOME/credlink/trust/<list>/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-trust-meta.h"

G_BEGIN_DECLS

#define CL_TRUST_SNAPSHOT_ANCHORS "anchors.pem"
#define CL_TRUST_SNAPSHOT_META    CL_TRUST_META_FILE

gboolean cl_trust_snapshot_verify_pem    (GBytes      *pem,
                                          guint       *n_certificates,
                                          GError     **error);
gboolean cl_trust_snapshot_replace       (const char  *trust_dir,
                                          const char  *list_name,
                                          GBytes      *pem,
                                          guint        n_certificates,
                                          const char  *source_url,
                                          GDateTime   *snapshot_date,
                                          GError     **error);
gint64   cl_trust_snapshot_age           (const char  *trust_dir,
                                          const char  *list_name);
gboolean cl_trust_snapshot_is_valid_name (const char  *list_name);

G_END_DECLS
