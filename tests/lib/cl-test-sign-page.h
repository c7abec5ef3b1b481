/* cl-test-sign-page.h: what the Sign page's tests set up: a page in a window, an
 * identity stored under a passphrase, and waiting until the page is idle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-sign-page.h"
#include "cl-signing-profile-store.h"
#include "cl-test-gui.h"
#include "cl-test-identity.h"

static inline gboolean
cl_test_sign_page_busy (gpointer page)
{
  return cl_sign_page_get_busy (page);
}

/* Spins the main loop until the page is idle (files read, identities loaded, a batch
 * finished); fails after 60 s. */
static inline void
cl_test_sign_page_wait_idle (ClSignPage *page)
{
  cl_test_wait_while (cl_test_sign_page_busy, page);
}

/* A new page, shown in a window of its own, once it is idle. */
static inline ClSignPage *
cl_test_sign_page_new (GtkWidget **window)
{
  ClSignPage *page = CL_SIGN_PAGE (cl_sign_page_new ());

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (*window));
  cl_test_sign_page_wait_idle (page);
  return page;
}

/* An ES256 test identity named name, valid from days_from to days_to days from now,
 * stored in the default profile folder under passphrase. */
static inline void
cl_test_sign_page_store_identity (const char *name,
                                  const char *passphrase,
                                  int         days_from,
                                  int         days_to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, days_from);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, days_to);
  g_autofree char *root = cl_signing_profile_store_default_root ();
  g_autoptr(ClSigningProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = cl_test_identity_create (name, CL_COSE_ALG_ES256, from, to, &error);
  g_assert_no_error (error);
  cl_signing_profile_store_save (root, profile, passphrase, &error);
  g_assert_no_error (error);
}
