/* cl-test-keyboard.h: the main window opened on two signed files, and the keys a user
 * presses in it, for the GUI tests that walk the window with the keyboard alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-window.h"

G_BEGIN_DECLS

/* A new window (width px wide, or its own size for 0) that has verified two JPEGs signed
 * here: "signed.jpg", whole, and "tampered.jpg", a pixel byte changed after signing. */
ClWindow *cl_test_window_with_signed_files (int              width);
/* The position in items of the file called name; fails when there is none. */
guint     cl_test_position_of              (GListModel      *items,
                                            const char      *name);
void      cl_test_destroy_all_windows      (void);
/* What the key does in window, by the path GTK's own handling of it ends in. */
void      cl_test_press_key                (GtkWindow       *window,
                                            guint            keyval,
                                            GdkModifierType  mods);
/* verify → open the detail → Export PDF… with keys alone, in a window width px wide:
 * narrow for its text (the detail takes the place of the list) or not (side by side). */
void      cl_test_keyboard_export_pdf      (int              width,
                                            gboolean         narrow);

G_END_DECLS
