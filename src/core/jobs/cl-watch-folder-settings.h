/* cl-watch-folder-settings.h: starts and stops the watch folder as its GSettings keys say
 * (job-watch-folder-enabled, watch-folder-path, watch-folder-output,
 * watch-folder-profile).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-job-watch-folder.h"

G_BEGIN_DECLS

#define CL_TYPE_WATCH_FOLDER_SETTINGS (cl_watch_folder_settings_get_type ())
G_DECLARE_FINAL_TYPE (ClWatchFolderSettings, cl_watch_folder_settings, CL, WATCH_FOLDER_SETTINGS,
                      GObject)

/* Applies the settings to job now and whenever one of its keys changes. */
ClWatchFolderSettings *cl_watch_folder_settings_new    (ClWatchFolderJob      *job,
                                                        GSettings             *settings);
/* Stops following the settings; the job keeps its state. */
void                   cl_watch_folder_settings_unbind (ClWatchFolderSettings *self);

G_END_DECLS
