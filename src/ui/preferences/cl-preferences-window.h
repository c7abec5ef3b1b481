/* cl-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-job-watch-folder.h"
#include "cl-scheduler.h"

G_BEGIN_DECLS

#define CL_TYPE_PREFERENCES_WINDOW (cl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, CL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

ClPreferencesWindow *cl_preferences_window_new           (GtkWindow           *parent);
/* Shows the status of the scheduler's jobs on the Background Jobs page. */
void                 cl_preferences_window_set_scheduler (ClPreferencesWindow *self,
                                                          ClScheduler         *scheduler);
/* The app's watch folder, whose state (and locked key) the Background Jobs page shows. */
void                 cl_preferences_window_set_watch_folder (ClPreferencesWindow *self,
                                                             ClWatchFolderJob    *job);

G_END_DECLS
