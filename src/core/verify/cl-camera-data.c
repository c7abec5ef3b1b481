/* cl-camera-data.c
 *
 * EXIF in a manifest: the stds.exif assertion (C2PA 2.2 §18.11, JSON-LD with exif:,
 * tiff: and exifEX: fields) and c2pa.metadata. GPS coordinates follow XMP's
 * GPSCoordinate type, "DDD,MM,SSk" or "DDD,MM.mmk"; numbers may be written as
 * rationals ("1/100", "100963/29890").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cl-camera-data.h"
#include "cl-limits.h"

/* The fields of every EXIF assertion, by name without prefix ("Make"), first writer wins. */
typedef struct {
  GHashTable *nodes;      /* field → JsonNode (borrowed) */
  GPtrArray  *order;      /* field names (borrowed from the JSON), in order of appearance */
  GHashTable *used;       /* fields already shown in a summary fact */
} Fields;


void
cl_camera_fact_free (ClCameraFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->name);
  g_free (fact->value);
  g_free (fact->uri);
  g_free (fact);
}


static gboolean
label_has_base (const char *label,
                const char *base)
{
  gsize len = strlen (base);

  return label != NULL && strncmp (label, base, len) == 0 &&
         (label[len] == '\0' || g_str_has_prefix (label + len, "__"));
}


static void
fields_add_assertion (Fields     *fields,
                      JsonObject *data)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, data);
  while (json_object_iter_next (&iter, &name, &value)) {
    const char *colon = strchr (name, ':');
    const char *field = colon != NULL ? colon + 1 : name;

    if (*field == '\0' || *field == '@' || g_hash_table_contains (fields->nodes, field))
      continue;
    if (fields->order->len >= CL_LIMIT_CAMERA_FACTS)
      return;
    g_hash_table_insert (fields->nodes, (gpointer) field, value);
    g_ptr_array_add (fields->order, (gpointer) field);
  }
}


static void
fields_collect (Fields           *fields,
                ClManifestReport *manifest)
{
  JsonArray *assertions;

  if (manifest->assertions == NULL || !JSON_NODE_HOLDS_ARRAY (manifest->assertions))
    return;
  assertions = json_node_get_array (manifest->assertions);
  for (guint i = 0; i < json_array_get_length (assertions); i++) {
    JsonNode *node = json_array_get_element (assertions, i);
    JsonObject *assertion = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    JsonNode *data = assertion != NULL ? json_object_get_member (assertion, "data") : NULL;
    const char *label = assertion != NULL
      ? json_object_get_string_member_with_default (assertion, "label", NULL) : NULL;

    if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data) ||
        (!label_has_base (label, "stds.exif") && !label_has_base (label, "c2pa.metadata")))
      continue;
    fields_add_assertion (fields, json_node_get_object (data));
  }
}


/* The field's node, marked as shown; NULL when no assertion wrote it. */
static JsonNode *
fields_take (Fields     *fields,
             const char *field)
{
  JsonNode *node = g_hash_table_lookup (fields->nodes, field);

  if (node != NULL)
    g_hash_table_add (fields->used, (gpointer) field);
  return node;
}


/* A decimal or a rational ("1117/100") as a number; FALSE for anything else. */
static gboolean
parse_number_text (const char *text,
                   double     *number)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *slash = strchr (copy, '/');
  char *end = NULL;
  double numerator, denominator = 1.0;

  if (slash != NULL)
    *slash = '\0';
  numerator = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0')
    return FALSE;
  if (slash != NULL) {
    denominator = g_ascii_strtod (slash + 1, &end);
    if (end == slash + 1 || *end != '\0' || denominator == 0.0)
      return FALSE;
  }
  *number = numerator / denominator;
  return isfinite (*number);
}


static gboolean
node_number (JsonNode *node,
             double   *number)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *number = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *number = json_node_get_double (node);
  else if (type == G_TYPE_STRING)
    return parse_number_text (json_node_get_string (node), number);
  else
    return FALSE;
  return isfinite (*number);
}


/* A number with at most decimals digits after the point, trailing zeros dropped. */
static char *
format_decimal (double number,
                int    decimals)
{
  char format[8];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 6));
  g_ascii_formatd (buffer, sizeof buffer, format, number);
  if (strchr (buffer, '.') != NULL) {
    end = buffer + strlen (buffer) - 1;
    while (*end == '0')
      *end-- = '\0';
    if (*end == '.')
      *end = '\0';
  }
  return g_strdup (buffer);
}


/* A value as text: strings as written, numbers, and lists ("@list" or arrays) joined. */
static char *
node_text (JsonNode *node)
{
  JsonArray *list = NULL;
  g_autoptr(GPtrArray) parts = NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node)) {
    GType type = json_node_get_value_type (node);

    if (type == G_TYPE_STRING)
      return g_strdup (json_node_get_string (node));
    if (type == G_TYPE_INT64)
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    if (type == G_TYPE_DOUBLE)
      return format_decimal (json_node_get_double (node), 4);
    if (type == G_TYPE_BOOLEAN)
      return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
    return NULL;
  }
  if (JSON_NODE_HOLDS_ARRAY (node))
    list = json_node_get_array (node);
  else if (JSON_NODE_HOLDS_OBJECT (node)) {
    JsonNode *inner = json_object_get_member (json_node_get_object (node), "@list");

    if (inner != NULL && JSON_NODE_HOLDS_ARRAY (inner))
      list = json_node_get_array (inner);
  }
  if (list == NULL)
    return NULL;
  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (list) && i < CL_LIMIT_CAMERA_FACTS; i++) {
    JsonNode *element = json_array_get_element (list, i);
    char *text = JSON_NODE_HOLDS_VALUE (element) ? node_text (element) : NULL;

    if (text != NULL)
      g_ptr_array_add (parts, text);
  }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}


gboolean
cl_camera_parse_coordinate (const char *text,
                            const char *ref,
                            double     *degrees)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  char direction = ref != NULL ? g_ascii_toupper (ref[0]) : '\0';
  gsize len;
  double value = 0.0;
  double sign = 1.0;
  guint n_parts;

  g_return_val_if_fail (degrees != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len > 0 && strchr ("NSEWnsew", copy[len - 1]) != NULL) {
    direction = g_ascii_toupper (copy[len - 1]);
    copy[len - 1] = '\0';
  }
  parts = g_strsplit (copy, ",", 4);
  n_parts = g_strv_length (parts);
  if (n_parts == 0 || n_parts > 3)
    return FALSE;
  for (guint i = 0; i < n_parts; i++) {
    double part;

    if (!parse_number_text (parts[i], &part))
      return FALSE;
    /* Minutes and seconds below 60; only the degrees carry a sign, for the whole. */
    if (i > 0 && (part < 0.0 || part >= 60.0))
      return FALSE;
    if (i == 0 && part < 0.0) {
      sign = -1.0;
      part = -part;
    }
    value += i == 0 ? part : part / (i == 1 ? 60.0 : 3600.0);
  }
  if (direction != '\0' && strchr ("NSEW", direction) == NULL)
    return FALSE;
  if (fabs (value) > 180.0)
    return FALSE;
  *degrees = direction == 'S' || direction == 'W' ? -value : sign * value;
  return TRUE;
}


char *
cl_camera_format_location (double latitude,
                           double longitude)
{
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE];
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE];

  /* Four decimals always, so that coordinates line up ("73.9960"). */
  g_ascii_formatd (lat_text, sizeof lat_text, "%.4f", fabs (latitude));
  g_ascii_formatd (lon_text, sizeof lon_text, "%.4f", fabs (longitude));
  /* Translators: a place in degrees, e.g. "40.7365° N, 73.9960° W"; the
   * second and fourth %s are compass letters translated below. */
  return g_strdup_printf (_("%s° %s, %s° %s"),
                          lat_text, latitude < 0 ? C_("compass", "S") : C_("compass", "N"),
                          lon_text, longitude < 0 ? C_("compass", "W") : C_("compass", "E"));
}


char *
cl_camera_geo_uri (double latitude,
                   double longitude)
{
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE];
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE];

  /* RFC 5870: decimal degrees, WGS 84, a point always. */
  g_ascii_formatd (lat_text, sizeof lat_text, "%.6f", latitude);
  g_ascii_formatd (lon_text, sizeof lon_text, "%.6f", longitude);
  return g_strdup_printf ("geo:%s,%s", lat_text, lon_text);
}


char *
cl_camera_field_name (const char *key)
{
  const char *colon;
  const char *field;
  g_autoptr(GString) words = g_string_new (NULL);
  gsize len;

  g_return_val_if_fail (key != NULL, NULL);
  colon = strchr (key, ':');
  field = colon != NULL ? colon + 1 : key;
  len = strlen (field);
  for (gsize i = 0; i < len; i++) {
    char c = field[i];
    gboolean upper = g_ascii_isupper (c);
    gboolean after_lower = i > 0 && g_ascii_islower (field[i - 1]);
    gboolean starts_number = i > 0 && g_ascii_isdigit (c) && g_ascii_isalpha (field[i - 1]);
    gboolean ends_acronym = i > 0 && g_ascii_isupper (field[i - 1]) && i + 1 < len &&
                            g_ascii_islower (field[i + 1]);
    /* A capital that starts a word ("Zoom" in "DigitalZoom") is lowered; acronyms
     * ("ISO", "GPS") stay as written. */
    gboolean starts_word = upper && i + 1 < len && g_ascii_islower (field[i + 1]);

    if ((upper && (after_lower || ends_acronym)) || starts_number)
      g_string_append_c (words, ' ');
    if (c == '_') {
      g_string_append_c (words, ' ');
      continue;
    }
    g_string_append_c (words, starts_word && words->len > 0 ? g_ascii_tolower (c) : c);
  }
  if (words->len > 0)
    words->str[0] = g_ascii_toupper (words->str[0]);
  return g_string_free (g_steal_pointer (&words), FALSE);
}


static void
add_fact (GPtrArray  *facts,
          const char *name,
          char       *value,
          char       *uri)
{
  ClCameraFact *fact;

  if (value == NULL || *value == '\0') {
    g_free (value);
    g_free (uri);
    return;
  }
  fact = g_new0 (ClCameraFact, 1);
  fact->name = g_strdup (name);
  fact->value = value;
  fact->uri = uri;
  g_ptr_array_add (facts, fact);
}


/* "Make Model", without the make twice ("Canon" "Canon EOS R5"). */
static char *
joined_name (Fields     *fields,
             const char *make_field,
             const char *model_field)
{
  g_autofree char *make = node_text (fields_take (fields, make_field));
  g_autofree char *model = node_text (fields_take (fields, model_field));

  if (make != NULL && model != NULL &&
      g_ascii_strncasecmp (model, make, strlen (make)) != 0)
    return g_strdup_printf ("%s %s", make, model);
  return g_strdup (model != NULL ? model : make);
}


/* "1/100 s": an exposure below a second as a fraction, however it was written. */
static char *
exposure_time_text (JsonNode *node)
{
  double seconds;
  g_autofree char *number = NULL;

  if (!node_number (node, &seconds) || seconds <= 0.0)
    return node_text (node);
  if (seconds < 1.0)
    number = g_strdup_printf ("1/%.0f", 1.0 / seconds);
  else
    number = format_decimal (seconds, 1);
  /* Translators: an exposure time in seconds, e.g. "1/100 s" */
  return g_strdup_printf (_("%s s"), number);
}


static char *
exposure_text (Fields *fields)
{
  JsonNode *fnumber = fields_take (fields, "FNumber");
  JsonNode *time = fields_take (fields, "ExposureTime");
  JsonNode *iso = fields_take (fields, "PhotographicSensitivity");
  JsonNode *iso_old = fields_take (fields, "ISOSpeedRatings");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  double number;

  if (node_number (fnumber, &number) && number > 0.0) {
    g_autofree char *text = format_decimal (number, 1);

    /* Translators: an aperture, e.g. "f/2.8" */
    g_ptr_array_add (parts, g_strdup_printf (_("f/%s"), text));
  }
  if (time != NULL)
    g_ptr_array_add (parts, exposure_time_text (time));
  if (iso != NULL || iso_old != NULL) {
    g_autofree char *text = node_text (iso != NULL ? iso : iso_old);

    /* Translators: a sensitivity, e.g. "ISO 200" */
    if (text != NULL)
      g_ptr_array_add (parts, g_strdup_printf (_("ISO %s"), text));
  }
  g_ptr_array_remove (parts, NULL);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}


/* "35 mm"; as written when it is no number. */
static char *
focal_length_text (JsonNode *node)
{
  double number;
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;
  if (!node_number (node, &number))
    return node_text (node);
  text = format_decimal (number, 1);
  /* Translators: a focal length in millimetres, e.g. "35 mm" */
  return g_strdup_printf (_("%s mm"), text);
}


/* EXIF writes "2019:09:22 18:22:57", XMP "2019-09-22T18:22:57Z": both as "2019-09-22 18:22:57". */
static char *
date_text (JsonNode *node)
{
  char *text = node_text (node);

  if (text != NULL && strlen (text) >= 19 && text[4] == ':' && text[7] == ':') {
    text[4] = '-';
    text[7] = '-';
  }
  if (text != NULL && strlen (text) >= 11 && text[10] == 'T')
    text[10] = ' ';
  return text;
}


static void
add_location (GPtrArray *facts,
              Fields    *fields)
{
  JsonNode *lat_node = fields_take (fields, "GPSLatitude");
  JsonNode *lon_node = fields_take (fields, "GPSLongitude");
  g_autofree char *lat_ref = node_text (fields_take (fields, "GPSLatitudeRef"));
  g_autofree char *lon_ref = node_text (fields_take (fields, "GPSLongitudeRef"));
  g_autofree char *lat_text = node_text (lat_node);
  g_autofree char *lon_text = node_text (lon_node);
  JsonNode *altitude = fields_take (fields, "GPSAltitude");
  g_autofree char *altitude_ref = node_text (fields_take (fields, "GPSAltitudeRef"));
  double latitude, longitude, height;

  if (lat_text != NULL && lon_text != NULL &&
      cl_camera_parse_coordinate (lat_text, lat_ref, &latitude) &&
      cl_camera_parse_coordinate (lon_text, lon_ref, &longitude) &&
      fabs (latitude) <= 90.0) {
    add_fact (facts, _("Location"), cl_camera_format_location (latitude, longitude),
              cl_camera_geo_uri (latitude, longitude));
  } else if (lat_text != NULL || lon_text != NULL) {
    /* Unreadable coordinates are shown as written, never as a place. */
    add_fact (facts, _("Location"),
              g_strjoin (", ", lat_text != NULL ? lat_text : "?",
                         lon_text != NULL ? lon_text : "?", NULL), NULL);
  }
  if (node_number (altitude, &height)) {
    g_autofree char *text = NULL;

    /* GPSAltitudeRef 1: below sea level. */
    if (g_strcmp0 (altitude_ref, "1") == 0)
      height = -fabs (height);
    text = format_decimal (height, 1);
    /* Translators: a height above sea level in metres, e.g. "123.4 m" */
    add_fact (facts, _("Altitude"), g_strdup_printf (_("%s m"), text), NULL);
  }
}


GPtrArray *
cl_camera_data_collect (ClManifestReport *manifest)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_camera_fact_free);
  Fields fields = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_ptr_array_new (),
    g_hash_table_new (g_str_hash, g_str_equal),
  };

  g_return_val_if_fail (manifest != NULL, facts);
  fields_collect (&fields, manifest);
  if (fields.order->len > 0) {
    char *taken = date_text (fields_take (&fields, "DateTimeOriginal"));

    add_fact (facts, _("Camera"), joined_name (&fields, "Make", "Model"), NULL);
    add_fact (facts, _("Lens"), joined_name (&fields, "LensMake", "LensModel"), NULL);
    add_fact (facts, _("Exposure"), exposure_text (&fields), NULL);
    add_fact (facts, _("Focal length"),
              focal_length_text (fields_take (&fields, "FocalLength")), NULL);
    add_fact (facts, _("Taken"), taken, NULL);
    add_location (facts, &fields);
  }
  for (guint i = 0; i < fields.order->len; i++) {
    const char *field = g_ptr_array_index (fields.order, i);
    g_autofree char *name = NULL;

    if (g_hash_table_contains (fields.used, field))
      continue;
    name = cl_camera_field_name (field);
    add_fact (facts, name, node_text (g_hash_table_lookup (fields.nodes, field)), NULL);
  }
  g_hash_table_unref (fields.nodes);
  g_ptr_array_unref (fields.order);
  g_hash_table_unref (fields.used);
  return facts;
}
