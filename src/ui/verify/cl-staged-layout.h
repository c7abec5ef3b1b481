/* cl-staged-layout.h: widgets of a page that join the layout one per frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ClStagedLayout ClStagedLayout;

/* Takes the n widgets (children of GtkBoxes, in the order they should appear) and puts
 * each in a slot of its own at its place: a slot is shown when its widget is shown and
 * its turn has come, so each widget still decides by itself whether it is visible.
 * owner (an ancestor) gives the frames. Every widget's turn has come to begin with. */
ClStagedLayout *cl_staged_layout_new        (GtkWidget       *owner,
                                             GtkWidget      **widgets,
                                             guint            n);
void            cl_staged_layout_free       (ClStagedLayout  *staged);
/* Hides them all, then shows one more each frame from the second frame on (one whose
 * widget is hidden does not use up a frame). When owner is not mapped, no frames come:
 * all are shown at once. */
void            cl_staged_layout_start      (ClStagedLayout  *staged);
/* Shows them all now. */
void            cl_staged_layout_finish     (ClStagedLayout  *staged);
/* TRUE while some still wait for their turn. */
gboolean        cl_staged_layout_is_running (ClStagedLayout  *staged);

G_END_DECLS
