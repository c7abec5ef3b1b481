/* cl-box-map-png.h: the PNG box scanner (see cl-box-map-png.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-box-map-scanner.h"

G_BEGIN_DECLS

extern const ClBoxMapFormat cl_box_map_png;

G_END_DECLS
