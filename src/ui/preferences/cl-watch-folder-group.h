/* cl-watch-folder-group.h: the watch folder in Preferences — its switch, the watched
 * and output folders, the signing profile, what it is doing, and the passphrase it
 * waits for when the profile's key is locked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-job-watch-folder.h"

G_BEGIN_DECLS

#define CL_TYPE_WATCH_FOLDER_GROUP (cl_watch_folder_group_get_type ())
G_DECLARE_FINAL_TYPE (ClWatchFolderGroup, cl_watch_folder_group, CL, WATCH_FOLDER_GROUP, AdwBin)

/* The running job whose state to show and unlock; NULL shows the settings only. */
void        cl_watch_folder_group_set_job        (ClWatchFolderGroup *self,
                                                  ClWatchFolderJob   *job);
/* The status line shown (for tests). */
const char *cl_watch_folder_group_get_status_text (ClWatchFolderGroup *self);

G_END_DECLS
