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


/* The properties the privacy options remove: every exif:GPS… property, and the serial
 * numbers. */
static const char *const gps_prefix = "exif:GPS";
static const char *const serial_names[] = {
  "aux:SerialNumber", "exifEX:BodySerialNumber", "aux:LensSerialNumber",
  "exifEX:LensSerialNumber",
};


static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == ':' || c == '_' || c == '-' || c == '.';
}


static gboolean
is_removed (const char *name,
            gsize       len,
            gboolean    gps,
            gboolean    serials)
{
  if (gps && len > strlen (gps_prefix) && strncmp (name, gps_prefix, strlen (gps_prefix)) == 0)
    return TRUE;
  for (gsize i = 0; serials && i < G_N_ELEMENTS (serial_names); i++) {
    if (strlen (serial_names[i]) == len && strncmp (name, serial_names[i], len) == 0)
      return TRUE;
  }
  return FALSE;
}


/* Where the tag that opens at `at` ends (after its '>'), quoted values skipped; 0 when the
 * packet ends first. */
static gsize
tag_end (const char *packet,
         gsize       len,
         gsize       at)
{
  char quote = 0;

  for (gsize i = at; i < len; i++) {
    if (quote != 0) {
      if (packet[i] == quote)
        quote = 0;
    } else if (packet[i] == '"' || packet[i] == '\'') {
      quote = packet[i];
    } else if (packet[i] == '>') {
      return i + 1;
    }
  }
  return 0;
}


/* The end of the property named name (name_len bytes) whose name starts at name_at: for an
 * attribute, after its closing quote; for an element, after its end tag (or after the
 * start tag when it is empty, "/>"). 0 when it is neither, or unterminated. */
static gsize
property_end (const char *packet,
              gsize       len,
              gsize       name_at,
              gsize       name_len)
{
  gsize at = name_at + name_len;

  if (name_at > 0 && packet[name_at - 1] == '<') {
    g_autofree char *end_tag = g_strdup_printf ("</%.*s", (int) name_len, packet + name_at);
    gsize start_end = tag_end (packet, len, at);
    const char *close;

    if (start_end == 0 || packet[start_end - 2] == '/')
      return start_end;
    close = memmem (packet + start_end, len - start_end, end_tag, strlen (end_tag));
    return close != NULL ? tag_end (packet, len, (gsize) (close - packet)) : 0;
  }
  if (name_at == 0 || !g_ascii_isspace (packet[name_at - 1]))
    return 0;
  while (at < len && g_ascii_isspace (packet[at]))
    at++;
  if (at >= len || packet[at] != '=')
    return 0;
  at++;
  while (at < len && g_ascii_isspace (packet[at]))
    at++;
  if (at >= len || (packet[at] != '"' && packet[at] != '\''))
    return 0;
  {
    const char *close = memchr (packet + at + 1, packet[at], len - at - 1);

    return close != NULL ? (gsize) (close - packet) + 1 : 0;
  }
}


/* Whether packet parses as XML. */
static gboolean
is_well_formed (const char *packet,
                gsize       len)
{
  static const GMarkupParser nothing = { NULL, };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&nothing, 0, NULL, NULL);

  return g_markup_parse_context_parse (context, packet, (gssize) len, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}


gboolean
cl_xmp_privacy_remove (guint8   *data,
                       gsize     len,
                       gboolean  gps,
                       gboolean  serials)
{
  char *start = len > 0 ? memmem (data, len, XMP_START, strlen (XMP_START)) : NULL;
  const char *end;
  gsize packet_len;
  gboolean well_formed;

  if (start == NULL)
    return TRUE;
  end = memmem (start, len - (gsize) (start - (char *) data), XMP_END, strlen (XMP_END));
  if (end == NULL)
    return FALSE;
  packet_len = (gsize) (end - start) + strlen (XMP_END);
  if (packet_len > CL_LIMIT_XMP_PACKET_SIZE)
    return FALSE;
  well_formed = is_well_formed (start, packet_len);
  for (gsize at = 1; at < packet_len; at++) {
    gsize name_len = 0, property_stop;

    if (is_name_char (start[at - 1]))
      continue;
    while (at + name_len < packet_len && is_name_char (start[at + name_len]))
      name_len++;
    if (name_len == 0 || !is_removed (start + at, name_len, gps, serials))
      continue;
    property_stop = property_end (start, packet_len, at, name_len);
    if (property_stop == 0)
      continue;
    /* Spaces in place of the property: XML white space, the packet's length kept. */
    if (start[at - 1] == '<')
      at--;
    memset (start + at, ' ', property_stop - at);
    at = property_stop;
  }
  /* A packet that was XML stays XML; the reader must then find none of it. */
  if (well_formed && !is_well_formed (start, packet_len))
    return FALSE;
  return TRUE;
}
