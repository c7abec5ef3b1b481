/* cl-signal.c: one provenance signal — its words for people, its warning when nothing
 * vouches for it, and the JSON form of a list of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-signals"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "cl-signals.h"


void
cl_signal_free (ClSignal *signal)
{
  if (signal == NULL)
    return;
  g_free (signal->detail);
  g_free (signal->evidence);
  g_free (signal->manifest_label);
  g_free (signal);
}


char *
cl_signal_describe (const ClSignal *signal)
{
  g_autofree char *text = NULL;

  if (signal->detail == NULL || signal->detail[0] == '\0')
    text = g_strdup (signal->label);
  else
    /* TRANSLATORS: a provenance signal and the tool or camera behind it,
     * "Made with AI · Adobe Firefly". */
    text = g_strdup_printf (_("%s · %s"), signal->label, signal->detail);
  if (signal->source == CL_SIGNAL_SOURCE_INGREDIENT)
    /* TRANSLATORS: a provenance signal read from an ingredient's own credentials. */
    return g_strdup_printf (_("In an ingredient: %s"), text);
  return g_steal_pointer (&text);
}


const char *
cl_signal_warning (const ClSignal *signal)
{
  if (signal->verified)
    return NULL;
  if (signal->source == CL_SIGNAL_SOURCE_XMP)
    return _("Unverified: read from the file’s metadata, which nothing signs");
  return _("Unverified: these credentials failed validation, so what they say may be false");
}


const char *
cl_signal_source_to_string (ClSignalSource source)
{
  switch (source) {
  case CL_SIGNAL_SOURCE_INGREDIENT: return "ingredient";
  case CL_SIGNAL_SOURCE_XMP: return "xmp";
  case CL_SIGNAL_SOURCE_ACTIVE:
  default:
    return "active_manifest";
  }
}


const char *
cl_signal_category_to_string (ClSignalCategory category)
{
  switch (category) {
  case CL_SIGNAL_CATEGORY_AI: return "ai";
  case CL_SIGNAL_CATEGORY_POSSIBLY_AI: return "possibly_ai";
  case CL_SIGNAL_CATEGORY_CAPTURE: return "capture";
  case CL_SIGNAL_CATEGORY_OTHER:
  default:
    return "other";
  }
}


JsonNode *
cl_signals_to_json (GPtrArray *signals)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; signals != NULL && i < signals->len; i++) {
    const ClSignal *signal = g_ptr_array_index (signals, i);
    JsonObject *object = json_object_new ();

    json_object_set_string_member (object, "id", signal->id);
    json_object_set_string_member (object, "label", signal->label);
    json_object_set_string_member (object, "category",
                                   cl_signal_category_to_string (signal->category));
    if (signal->detail != NULL)
      json_object_set_string_member (object, "detail", signal->detail);
    else
      json_object_set_null_member (object, "detail");
    json_object_set_string_member (object, "evidence", signal->evidence);
    if (signal->manifest_label != NULL)
      json_object_set_string_member (object, "manifest", signal->manifest_label);
    else
      json_object_set_null_member (object, "manifest");
    json_object_set_string_member (object, "source", cl_signal_source_to_string (signal->source));
    json_object_set_boolean_member (object, "verified", signal->verified);
    json_array_add_object_element (array, object);
  }
  return json_node_init_array (json_node_alloc (), array);
}


/* The CPL names inception signals without their rubric prefix ("capturedMedia"). */
#define INCEPTION_PREFIX "inception:signal_"

const ClSignal *
cl_signals_find_disallowed (GPtrArray                 *signals,
                            const ClConformingProduct *product)
{
  for (guint i = 0; signals != NULL && product != NULL && i < signals->len; i++) {
    const ClSignal *signal = g_ptr_array_index (signals, i);

    /* Only the claim the product signed: the active manifest's. */
    if (signal->source == CL_SIGNAL_SOURCE_ACTIVE && g_str_has_prefix (signal->id, INCEPTION_PREFIX) &&
        cl_conforming_product_disallows (product, signal->id + strlen (INCEPTION_PREFIX)))
      return signal;
  }
  return NULL;
}
