/* cl-job-watch-folder.h: the watch folder — a background job that signs every new
 * image that appears, complete, in a folder (a photo editor's export folder) into an
 * output folder with one signing profile, and records each in the proof cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-watch-check.h"

G_BEGIN_DECLS

/* How long a file's size and modification time must stay the same, after it was closed
 * for writing, before it is taken as complete. */
#define CL_WATCH_FOLDER_STABLE_MS 400
/* At most this many files wait (to become complete or to be signed); more are found
 * again by a scan of the folder once the queue has room. */
#define CL_WATCH_FOLDER_MAX_QUEUED 256

typedef enum {
  CL_WATCH_FOLDER_STOPPED,
  CL_WATCH_FOLDER_WATCHING,
  CL_WATCH_FOLDER_LOCKED,     /* the profile's key needs its passphrase: nothing is signed */
  CL_WATCH_FOLDER_FAILED,     /* the folders or the profile cannot be used */
} ClWatchFolderState;

#define CL_TYPE_WATCH_FOLDER_JOB (cl_watch_folder_job_get_type ())
G_DECLARE_FINAL_TYPE (ClWatchFolderJob, cl_watch_folder_job, CL, WATCH_FOLDER_JOB, GObject)

/* profiles_root NULL: the default profile store. proof_db: the proof cache's file, where
 * each signed file is recorded (NULL: nowhere). */
ClWatchFolderJob  *cl_watch_folder_job_new          (const char        *profiles_root,
                                                     const char        *proof_db);
/* Watches folder, signing into output_folder (made if missing) with the stored profile
 * profile_name. Files already there are considered too. Stops a previous watch first.
 * On error the state is FAILED with the same message. */
gboolean           cl_watch_folder_job_start        (ClWatchFolderJob  *self,
                                                     const char        *folder,
                                                     const char        *output_folder,
                                                     const char        *profile_name,
                                                     GError           **error);
/* Stops watching and cancels the signing in progress, then iterates the thread-default
 * main context until it has ended (a cancelled signing leaves no output) or deadline_ms
 * has passed. TRUE when nothing was left running. */
gboolean           cl_watch_folder_job_stop         (ClWatchFolderJob  *self,
                                                     guint              deadline_ms);
/* Unlocks the profile's key with passphrase (in a thread: the key derivation is slow)
 * and resumes signing. */
void               cl_watch_folder_job_unlock_async (ClWatchFolderJob  *self,
                                                     const char        *passphrase,
                                                     GCancellable      *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);
gboolean           cl_watch_folder_job_unlock_finish (ClWatchFolderJob *self,
                                                      GAsyncResult     *result,
                                                      GError          **error);

ClWatchFolderState cl_watch_folder_job_get_state    (ClWatchFolderJob  *self);
/* A sentence for people about the state, translated. */
const char        *cl_watch_folder_job_get_status   (ClWatchFolderJob  *self);
/* Where the job's signing profiles are stored. */
const char        *cl_watch_folder_job_get_profiles_root (ClWatchFolderJob *self);
/* Whether a file is being checked, signed or recorded right now. */
gboolean           cl_watch_folder_job_is_busy      (ClWatchFolderJob  *self);

G_END_DECLS
