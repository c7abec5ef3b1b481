/* cl-issuers-setting.h: the trusted identity issuers the Preferences name (the GSettings
 * key ica-issuers-file), read in a thread whenever the key changes, for the Verify page's
 * validator options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_TYPE_ISSUERS_SETTING (cl_issuers_setting_get_type ())
G_DECLARE_FINAL_TYPE (ClIssuersSetting, cl_issuers_setting, CL, ISSUERS_SETTING, GObject)

ClIssuersSetting *cl_issuers_setting_new        (void);
/* The DIDs of the list (NULL-ended), or NULL: none chosen, or the file cannot be used. */
GStrv             cl_issuers_setting_get_dids   (ClIssuersSetting *self);
/* Whether the file is being read (the "loading" property; FALSE once it has been). */
gboolean          cl_issuers_setting_is_loading (ClIssuersSetting *self);

G_END_DECLS
