/* cl-a11y.h: accessible names for the parts of GTK and libadwaita widgets that have none
 * of their own in the versions the app supports (a screen reader would read them as an
 * unnamed button or row).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The row itself (only its header is named by libadwaita 1.2) and its enable switch read
 * as the row's title, now and whenever the title changes. */
void cl_a11y_name_expander_row  (AdwExpanderRow      *row);
/* The button that shows or hides the text. */
void cl_a11y_name_password_peek (AdwPasswordEntryRow *row);
/* The button that opens the list, which is what takes the focus. */
void cl_a11y_name_drop_down     (GtkDropDown         *drop_down,
                                 const char          *name);

G_END_DECLS
