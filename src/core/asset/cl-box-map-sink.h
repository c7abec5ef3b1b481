/* cl-box-map-sink.h: what a box-map scanner reports and to whom: the name of the C2PA
 * box and the sink that receives the file's bytes and box events. Shared by the
 * dispatcher (cl-box-map.h) and the per-format scanners (cl-box-map-scanner.h), so that
 * neither includes the other's header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name c2pa-rs gives the manifest store's box in every format. */
#define CL_BOX_MAP_C2PA "C2PA"

typedef struct {
  void (*data)    (const guint8 *data,
                   gsize         len,
                   gpointer      user_data);
  void (*begin)   (guint         index,
                   const char   *name,
                   guint64       start,
                   gpointer      user_data);
  void (*end)     (guint         index,
                   guint64       end,
                   gpointer      user_data);
  /* Boxes from first_index on were cut off by the end of the file: they do not exist. */
  void (*discard) (guint         first_index,
                   gpointer      user_data);
  /* The file cannot be described as boxes (c2pa-rs refuses it): why, for a person. */
  void (*fail)    (const char   *why,
                   gpointer      user_data);
} ClBoxMapSink;

typedef struct _ClBoxMapScanner ClBoxMapScanner;

G_END_DECLS
