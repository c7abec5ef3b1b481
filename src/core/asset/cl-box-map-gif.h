/* cl-box-map-gif.h: the GIF box scanner (see cl-box-map-gif.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-box-map-scanner.h"

G_BEGIN_DECLS

extern const ClBoxMapFormat cl_box_map_gif;

G_END_DECLS
