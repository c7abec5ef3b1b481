/* cl-box-map-jxl.h: the JPEG XL box scanner (see cl-box-map-jxl.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-box-map-scanner.h"

G_BEGIN_DECLS

extern const ClBoxMapFormat cl_box_map_jxl;

G_END_DECLS
