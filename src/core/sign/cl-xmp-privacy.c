/* cl-xmp-privacy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1   /* memmem */
#define G_LOG_DOMAIN "cl-privacy"

#include "config.h"

#include <string.h>

#include "cl-limits.h"
#include "cl-xmp-privacy.h"

#define XMP_START "<x:xmpmeta"
#define XMP_END "</x:xmpmeta>"
#define HISTORY "xmpMM:History"

/* The properties read, and the field each fills. */
static const struct {
  const char *name;
  gsize       field;
} properties[] = {
  { "dc:creator",               G_STRUCT_OFFSET (ClXmpPrivacy, creators) },
  { "aux:OwnerName",            G_STRUCT_OFFSET (ClXmpPrivacy, owner) },
  { "exifEX:CameraOwnerName",   G_STRUCT_OFFSET (ClXmpPrivacy, owner) },
  { "aux:SerialNumber",         G_STRUCT_OFFSET (ClXmpPrivacy, body_serial) },
  { "exifEX:BodySerialNumber",  G_STRUCT_OFFSET (ClXmpPrivacy, body_serial) },
  { "aux:LensSerialNumber",     G_STRUCT_OFFSET (ClXmpPrivacy, lens_serial) },
  { "exifEX:LensSerialNumber",  G_STRUCT_OFFSET (ClXmpPrivacy, lens_serial) },
  { "exif:GPSLatitude",         G_STRUCT_OFFSET (ClXmpPrivacy, gps_latitude) },
  { "exif:GPSLongitude",        G_STRUCT_OFFSET (ClXmpPrivacy, gps_longitude) },
};

typedef struct {
  ClXmpPrivacy *facts;
  guint         depth;
  char        **property;       /* the field of the property element we are in, or NULL */
  guint         property_depth;
  guint         history_depth;  /* depth of xmpMM:History, or 0 outside it */
} Scan;


void
cl_xmp_privacy_free (ClXmpPrivacy *facts)
{
  if (facts == NULL)
    return;
  g_free (facts->creators);
  g_free (facts->owner);
  g_free (facts->body_serial);
  g_free (facts->lens_serial);
  g_free (facts->gps_latitude);
  g_free (facts->gps_longitude);
  g_free (facts);
}


static char **
field_of (ClXmpPrivacy *facts,
          const char   *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (properties); i++) {
    if (g_str_equal (properties[i].name, name))
      return G_STRUCT_MEMBER_P (facts, properties[i].field);
  }
  return NULL;
}


/* Adds a value to a field; several (the creators of a dc:creator Seq) are joined. */
static void
add_value (char       **field,
           const char  *text,
           gsize        len)
{
  g_autofree char *value = g_strstrip (g_strndup (text, len));
  char *joined;

  if (value[0] == '\0')
    return;
  joined = *field == NULL ? g_strdup (value) : g_strconcat (*field, ", ", value, NULL);
  g_free (*field);
  *field = joined;
}


/* A property may be an attribute of rdf:Description or an element whose text (or whose
 * rdf:li items' text) is its value. */
static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Scan *scan = user_data;
  char **field;

  scan->depth++;
  for (guint i = 0; names[i] != NULL; i++) {
    field = field_of (scan->facts, names[i]);
    if (field != NULL && *field == NULL)
      add_value (field, values[i], strlen (values[i]));
  }
  if (scan->history_depth > 0 && scan->depth == scan->history_depth + 2 &&
      g_str_equal (element, "rdf:li"))
    scan->facts->history_steps++;
  if (g_str_equal (element, HISTORY) && scan->history_depth == 0)
    scan->history_depth = scan->depth;
  field = field_of (scan->facts, element);
  if (field != NULL && scan->property == NULL && *field == NULL) {
    scan->property = field;
    scan->property_depth = scan->depth;
  }
}


static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Scan *scan = user_data;

  if (scan->property != NULL && scan->depth == scan->property_depth)
    scan->property = NULL;
  if (scan->depth == scan->history_depth)
    scan->history_depth = 0;
  scan->depth--;
}


static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  Scan *scan = user_data;

  if (scan->property != NULL)
    add_value (scan->property, text, len);
}


ClXmpPrivacy *
cl_xmp_privacy_read (const guint8 *data,
                     gsize         len)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  const guint8 *start = len > 0 ? memmem (data, len, XMP_START, strlen (XMP_START)) : NULL;
  const guint8 *end;
  g_autoptr(GMarkupParseContext) context = NULL;
  Scan scan = { NULL, };
  gsize packet_len;

  if (start == NULL)
    return NULL;
  end = memmem (start, len - (gsize) (start - data), XMP_END, strlen (XMP_END));
  if (end == NULL)
    return NULL;
  packet_len = (gsize) (end - start) + strlen (XMP_END);
  if (packet_len > CL_LIMIT_XMP_PACKET_SIZE)
    packet_len = CL_LIMIT_XMP_PACKET_SIZE;
  scan.facts = g_new0 (ClXmpPrivacy, 1);
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  if (!g_markup_parse_context_parse (context, (const char *) start, (gssize) packet_len, NULL))
    g_debug ("The XMP packet is not well-formed");
  return scan.facts;
}
