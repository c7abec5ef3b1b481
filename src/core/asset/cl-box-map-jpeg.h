/* cl-box-map-jpeg.h: the JPEG box scanner (see cl-box-map-jpeg.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-box-map-scanner.h"

G_BEGIN_DECLS

extern const ClBoxMapFormat cl_box_map_jpeg;

G_END_DECLS
