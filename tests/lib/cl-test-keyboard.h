/* cl-test-keyboard.h: the main window opened on two signed files, and the keys a user
 * presses in it, for the GUI tests that walk the window with the keyboard alone
 * (cl-test-keyboard.c; the Sign page's walk in cl-test-keyboard-sign.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-window.h"

G_BEGIN_DECLS

/* Before gtk_test_init: profiles and proofs go to a scratch folder of the program's own
 * (CREDLINK_DATA_DIR, XDG_DATA_HOME), for cl_test_keyboard_sign. */
void      cl_test_keyboard_use_scratch_data (void);
/* A new window (width px wide, or its own size for 0) that has verified two JPEGs signed
 * here: "signed.jpg", whole, and "tampered.jpg", a pixel byte changed after signing. */
ClWindow *cl_test_window_with_signed_files (int              width);
/* Selects the file called name in window's Verify list and waits until its detail is laid
 * out (the groups after the verdict join over several frames). */
void      cl_test_select_file              (ClWindow        *window,
                                            const char      *name);
/* Opens the file called name as Enter does (selected, then activated: in a narrow window
 * the detail takes the list's place), its detail laid out. */
void      cl_test_open_file                (ClWindow        *window,
                                            const char      *name);
/* The Verify page's list of files. */
GtkListBox *cl_test_file_list              (ClWindow        *window);
/* Until window has n_files files and its Verify page is done with them (verified, rows
 * made, the detail laid out). */
void      cl_test_wait_until_verified      (ClWindow        *window,
                                            guint            n_files);
/* Until the first-run trust offer has slid in. */
void      cl_test_wait_for_offer           (ClTrustOffer    *offer);
/* Until window (a ClWindow: once its Verify page is done) has laid itself out and painted
 * what last changed. */
void      cl_test_wait_for_frames          (GtkWidget       *window);
/* The position in items of the file called name; fails when there is none. */
guint     cl_test_position_of              (GListModel      *items,
                                            const char      *name);
void      cl_test_destroy_all_windows      (void);
/* What the key does in window, by the path GTK's own handling of it ends in. */
void      cl_test_press_key                (GtkWindow       *window,
                                            guint            keyval,
                                            GdkModifierType  mods);
/* The focus ring can be seen once the window has settled (2 s at most): the focus widget
 * is shown, inside its window or popover and every scrolled view around it, with
 * GTK_STATE_FLAG_FOCUS_VISIBLE; else fails with its type and name. after names the key. */
void      cl_test_assert_focus_visible     (GtkWindow       *window,
                                            const char      *after);
/* A key that moves the focus (Tab, an arrow…), and the focus ring then in sight. */
void      cl_test_move_focus               (GtkWindow       *window,
                                            guint            keyval,
                                            GdkModifierType  mods);
/* Tab (each press checked as cl_test_move_focus does) until found (focus) is TRUE; returns
 * the focus widget then, fails after 80 presses. */
GtkWidget *cl_test_tab_to                  (GtkWindow       *window,
                                            gboolean       (*found) (GtkWidget *focus));
/* verify → open the detail → Export PDF… with keys alone, in a window width px wide:
 * narrow for its text (the detail takes the place of the list) or not (side by side). */
void      cl_test_keyboard_export_pdf      (int              width,
                                            gboolean         narrow);

/* Alt+2 to the Sign page → Tab to the profile, choose the second of two test identities
 * from its list → Tab to Sign, Return → type the passphrase it asks for, Return: the image
 * added through the page's API is signed, and the copy verifies as Valid. */
void      cl_test_keyboard_sign            (int              width);

G_END_DECLS
