/* cl-signals-xmp.c: the provenance signal of a file without credentials, read from the IPTC
 * digital source type of its XMP packet (Iptc4xmpExt:DigitalSourceType). Nothing signed
 * vouches for XMP, so the signal is always unverified.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1   /* memmem */
#define G_LOG_DOMAIN "cl-signals"

#include "config.h"

#include <string.h>

#include "cl-file-stream.h"
#include "cl-limits.h"
#include "cl-signals.h"

#define XMP_START "<x:xmpmeta"
#define XMP_END "</x:xmpmeta>"
#define SOURCE_TYPE "Iptc4xmpExt:DigitalSourceType"

typedef struct {
  char     *source_type;
  gboolean  in_element;
} XmpScan;


/* The property may be an attribute of rdf:Description, an element with the URI as its text,
 * or an element with an rdf:resource attribute. */
static void
xmp_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  XmpScan *scan = user_data;

  for (guint i = 0; scan->source_type == NULL && names[i] != NULL; i++) {
    if (g_str_equal (names[i], SOURCE_TYPE) ||
        (g_str_equal (element, SOURCE_TYPE) && g_str_equal (names[i], "rdf:resource")))
      scan->source_type = g_strdup (values[i]);
  }
  scan->in_element = g_str_equal (element, SOURCE_TYPE);
}


static void
xmp_end_element (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  ((XmpScan *) user_data)->in_element = FALSE;
}


static void
xmp_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  XmpScan *scan = user_data;

  if (scan->in_element && scan->source_type == NULL) {
    scan->source_type = g_strstrip (g_strndup (text, len));
    if (scan->source_type[0] == '\0')
      g_clear_pointer (&scan->source_type, g_free);
  }
}


/* The digital source type of the first XMP packet in data, or NULL. */
static char *
xmp_source_type (const guint8 *data,
                 gsize         len)
{
  static const GMarkupParser parser = { xmp_start_element, xmp_end_element, xmp_text, NULL, NULL };
  const guint8 *start = memmem (data, len, XMP_START, strlen (XMP_START));
  const guint8 *end;
  g_autoptr(GMarkupParseContext) context = NULL;
  XmpScan scan = { NULL, FALSE };

  if (start == NULL)
    return NULL;
  end = memmem (start, len - (gsize) (start - data), XMP_END, strlen (XMP_END));
  if (end == NULL)
    return NULL;
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  /* A malformed packet still gives what was read before the fault. */
  if (!g_markup_parse_context_parse (context, (const char *) start,
                                     (gssize) (end - start) + (gssize) strlen (XMP_END), NULL))
    g_debug ("The XMP packet is not well-formed");
  return scan.source_type;
}


GPtrArray *
cl_signals_from_xmp_file (const char   *path,
                          GCancellable *cancellable)
{
  GPtrArray *signals = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_signal_free);
  g_autoptr(GInputStream) stream = cl_file_stream_open (path, cancellable, NULL);
  g_autofree guint8 *data = NULL;
  g_autofree char *source_type = NULL;
  gsize len = 0;
  ClSignal *signal;

  if (stream == NULL)
    return signals;
  data = g_malloc (CL_LIMIT_XMP_SCAN_SIZE);
  if (!g_input_stream_read_all (stream, data, CL_LIMIT_XMP_SCAN_SIZE, &len, cancellable, NULL))
    return signals;
  source_type = xmp_source_type (data, len);
  signal = source_type != NULL
           ? cl_signal_from_source_type (source_type, "XMP " SOURCE_TYPE " (not signed)")
           : NULL;
  if (signal != NULL)
    g_ptr_array_add (signals, signal);
  return signals;
}
