/* cl-app-services.h: the services the CredLink application owns, in one registry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-service-registry.h"

G_BEGIN_DECLS

/* Names in the registry, in the order they are registered. */
#define CL_SERVICE_HTTP_SESSION       "http-session"
#define CL_SERVICE_TRUST_REFRESH      "trust-refresh"
#define CL_SERVICE_HEALTH             "health"
#define CL_SERVICE_SCHEDULER          "scheduler"
#define CL_SERVICE_SCHEDULER_SETTINGS "scheduler-settings"
#define CL_SERVICE_WATCH_FOLDER       "watch-folder"
#define CL_SERVICE_WATCH_FOLDER_SETTINGS "watch-folder-settings"

/* How long shutdown waits for cancelled background jobs. */
#define CL_SHUTDOWN_DEADLINE_MS 5000

/* Test hook: with CREDLINK_TEST_HOLD_JOB=1 in the environment, a job of this
 * name starts with the scheduler and finishes only when it is cancelled. */
#define CL_JOB_TEST_HOLD "test-hold"

char              *cl_app_services_default_data_dir (void);
ClServiceRegistry *cl_app_services_new              (GSettings  *settings,
                                                     const char *data_dir);

G_END_DECLS
