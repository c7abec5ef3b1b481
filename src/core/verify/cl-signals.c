/* cl-signals.c
 *
 * Each statement of the C2PA Asset Rubrics 1.0 signals rubric (asset-rubric-signals-local,
 * composables/signal-*) evaluated over one decoded manifest, as the rubric's evaluator does
 * "per manifest". Two departures, both so that older files are read too: the rubric reads
 * only c2pa.actions.v2 and c2pa.ingredient.v3; here every version of the actions and
 * ingredient assertions counts (their fields are the same). The clause of ambiguousActions
 * about gathered actions assertions is not evaluated: the report does not keep which
 * assertions the claim gathered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-signals"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-signals.h"
#include "cl-status.h"

#define IPTC "http://cv.iptc.org/newscodes/digitalsourcetype/"
#define C2PA_DST "http://c2pa.org/digitalsourcetype/"

#define ID_FULLY_GENAI       "inception:signal_fullyGenAIMedia"
#define ID_PARTLY_GENAI      "inception:signal_partlyGenAICreation"
#define ID_COMPOSITION       "inception:signal_compositionMayContainGenAI"
#define ID_SCREEN_CAPTURE    "inception:signal_screenCaptureMayContainGenAI"
#define ID_CAPTURED          "inception:signal_capturedMedia"
#define ID_STITCHED          "inception:signal_capturedMediaStitched"
#define ID_NON_GENAI         "inception:signal_nonGenAIDigitalCreation"
#define ID_BLANK_CANVAS      "inception:signal_blankCanvas"
#define ID_UNKNOWN_ORIGIN    "inception:signal_mediaUnknownProvenance"
#define ID_PERCEPTIBLE_GENAI "transformation:signal_perceptibleGenAI"
#define ID_POSSIBLY_GENAI    "transformation:signal_perceptiblePossiblyGenAI"
#define ID_PERCEPTIBLE_OTHER "transformation:signal_perceptibleNonGenAI"
#define ID_NON_EDITORIAL     "transformation:signal_nonEditorial"
#define ID_AMBIGUOUS         "transformation:signal_ambiguousActions"
/* Not a rubric statement: the C2PA 2.4 assertion that discloses AI use. */
#define ID_AI_DISCLOSURE     "disclosure:c2pa.ai-disclosure"
#define AI_DISCLOSURE_LABEL  "c2pa.ai-disclosure"

/* Inception: a c2pa.created or c2pa.opened action with one of these source types. */
typedef struct {
  const char       *id;
  const char       *label;
  ClSignalCategory  category;
  const char       *source_types[3];
} InceptionRule;

static const InceptionRule inception_rules[] = {
  { ID_FULLY_GENAI, N_("Made with AI"), CL_SIGNAL_CATEGORY_AI,
    { IPTC "trainedAlgorithmicMedia", NULL } },
  { ID_PARTLY_GENAI, N_("Made in part with AI"), CL_SIGNAL_CATEGORY_AI,
    { IPTC "compositeWithTrainedAlgorithmicMedia", NULL } },
  { ID_COMPOSITION, N_("Composite that may contain AI"), CL_SIGNAL_CATEGORY_POSSIBLY_AI,
    { IPTC "composite", NULL } },
  { ID_SCREEN_CAPTURE, N_("Screen capture that may contain AI"), CL_SIGNAL_CATEGORY_POSSIBLY_AI,
    { IPTC "screenCapture", NULL } },
  { ID_CAPTURED, N_("Captured with a camera"), CL_SIGNAL_CATEGORY_CAPTURE,
    { IPTC "digitalCapture", IPTC "computationalCapture", NULL } },
  { ID_STITCHED, N_("Stitched from camera captures"), CL_SIGNAL_CATEGORY_CAPTURE,
    { IPTC "compositeCapture", NULL } },
  { ID_NON_GENAI, N_("Digital creation without AI"), CL_SIGNAL_CATEGORY_OTHER,
    { IPTC "digitalCreation", NULL } },
  { ID_BLANK_CANVAS, N_("Started from a blank canvas"), CL_SIGNAL_CATEGORY_OTHER,
    { C2PA_DST "empty", NULL } },
};

/* The rubric's $inception_actions, $non_editorial_actions, $genai_dst_types and
 * $possibly_genai_dst_types. */
static const char *const inception_actions[] = { "c2pa.created", "c2pa.opened", NULL };
static const char *const non_editorial_actions[] = {
  "c2pa.converted", "c2pa.published", "c2pa.repackaged", "c2pa.transcoded",
  "c2pa.resized.proportional", "c2pa.enhanced", "c2pa.edited.metadata", "c2pa.watermarked",
  "c2pa.watermarked.bound", "c2pa.watermarked.unbound", "c2pa.redacted", NULL,
};
static const char *const genai_source_types[] = {
  IPTC "trainedAlgorithmicMedia", IPTC "compositeWithTrainedAlgorithmicMedia",
  IPTC "compositeSynthetic", C2PA_DST "trainedAlgorithmicData", NULL,
};
static const char *const possibly_genai_source_types[] = {
  IPTC "digitalArt", IPTC "composite", NULL,
};

/* Most telling first: what the banner and the file list show is the first signal. */
static const char *const signal_order[] = {
  ID_FULLY_GENAI, ID_PARTLY_GENAI, ID_PERCEPTIBLE_GENAI, ID_AI_DISCLOSURE, ID_COMPOSITION,
  ID_SCREEN_CAPTURE, ID_POSSIBLY_GENAI, ID_CAPTURED, ID_STITCHED, ID_NON_GENAI,
  ID_BLANK_CANVAS, ID_PERCEPTIBLE_OTHER, ID_NON_EDITORIAL, ID_UNKNOWN_ORIGIN, ID_AMBIGUOUS,
};

/* One action of an actions assertion. */
typedef struct {
  const char *assertion;   /* the assertion's label */
  guint       index;
  const char *action;
  const char *source_type;
  const char *agent;       /* softwareAgent (a string, or the name of a generator info) */
} Action;

typedef struct {
  ClManifestReport *manifest;
  ClSignalSource    source;
  gboolean          verified;
  GArray           *actions;         /* Action */
  JsonObject       *actions_v2;      /* the data of c2pa.actions.v2, or NULL */
  GPtrArray        *out;
} Eval;


static gboolean
in_list (const char *const *list,
         const char        *value)
{
  return value != NULL && g_strv_contains (list, value);
}


/* "c2pa.actions.v2__1" → does its base label equal base? */
static gboolean
label_has_base (const char *label,
                const char *base)
{
  gsize len = strlen (base);

  return label != NULL && strncmp (label, base, len) == 0 &&
         (label[len] == '\0' || g_str_has_prefix (label + len, "__"));
}


static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}


static JsonObject *
object_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}


static JsonArray *
object_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}


static const char *
action_agent (JsonObject *action)
{
  const char *agent = object_string (action, "softwareAgent");

  return agent != NULL ? agent : object_string (object_object (action, "softwareAgent"), "name");
}


/* Every action of every actions assertion of the manifest, in store order. */
static void
collect_actions (Eval *eval)
{
  JsonArray *assertions = eval->manifest->assertions != NULL &&
                          JSON_NODE_HOLDS_ARRAY (eval->manifest->assertions)
                          ? json_node_get_array (eval->manifest->assertions) : NULL;

  for (guint i = 0; assertions != NULL && i < json_array_get_length (assertions); i++) {
    JsonObject *assertion = json_array_get_object_element (assertions, i);
    const char *label = object_string (assertion, "label");
    JsonObject *data = object_object (assertion, "data");
    JsonArray *actions;

    if (!label_has_base (label, "c2pa.actions") && !label_has_base (label, "c2pa.actions.v2"))
      continue;
    if (label_has_base (label, "c2pa.actions.v2") && eval->actions_v2 == NULL)
      eval->actions_v2 = data;
    actions = object_array (data, "actions");
    for (guint j = 0; actions != NULL && j < json_array_get_length (actions); j++) {
      JsonNode *node = json_array_get_element (actions, j);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      Action action = {
        label, j, object_string (object, "action"), object_string (object, "digitalSourceType"),
        action_agent (object),
      };

      if (object != NULL)
        g_array_append_val (eval->actions, action);
    }
  }
}


static const char *
claim_generator_name (ClManifestReport *manifest)
{
  JsonArray *info = manifest->claim_generator_info != NULL &&
                    JSON_NODE_HOLDS_ARRAY (manifest->claim_generator_info)
                    ? json_node_get_array (manifest->claim_generator_info) : NULL;

  if (info != NULL && json_array_get_length (info) > 0) {
    JsonNode *first = json_array_get_element (info, 0);

    if (JSON_NODE_HOLDS_OBJECT (first))
      return object_string (json_node_get_object (first), "name");
  }
  return NULL;
}


/* The Make and Model fields of an EXIF or metadata assertion ("exif:Make", "tiff:Model"…). */
static char *
camera_name (ClManifestReport *manifest)
{
  JsonArray *assertions = manifest->assertions != NULL &&
                          JSON_NODE_HOLDS_ARRAY (manifest->assertions)
                          ? json_node_get_array (manifest->assertions) : NULL;

  for (guint i = 0; assertions != NULL && i < json_array_get_length (assertions); i++) {
    JsonObject *assertion = json_array_get_object_element (assertions, i);
    const char *label = object_string (assertion, "label");
    JsonObject *data = object_object (assertion, "data");
    const char *make = NULL, *model = NULL;
    JsonObjectIter iter;
    const char *name;
    JsonNode *value;

    if (data == NULL || (!label_has_base (label, "stds.exif") &&
                         !label_has_base (label, "c2pa.metadata")))
      continue;
    json_object_iter_init (&iter, data);
    while (json_object_iter_next (&iter, &name, &value)) {
      const char *field = strchr (name, ':') != NULL ? strchr (name, ':') + 1 : name;

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      if (g_ascii_strcasecmp (field, "Make") == 0)
        make = json_node_get_string (value);
      else if (g_ascii_strcasecmp (field, "Model") == 0)
        model = json_node_get_string (value);
    }
    /* Most models already begin with the make ("Canon" "Canon EOS R5"). */
    if (model != NULL && make != NULL &&
        g_ascii_strncasecmp (model, make, strcspn (make, " ")) != 0)
      return g_strdup_printf ("%s %s", make, model);
    if (model != NULL || make != NULL)
      return g_strdup (model != NULL ? model : make);
  }
  return NULL;
}


/* The tool behind a signal: for a capture the camera (EXIF make and model); the action's
 * own software agent; for AI signals that of an action that used generative AI; else, but
 * for a capture, the claim generator. */
static char *
signal_detail (Eval             *eval,
               const Action     *action,
               ClSignalCategory  category)
{
  if (category == CL_SIGNAL_CATEGORY_CAPTURE) {
    char *camera = camera_name (eval->manifest);

    if (camera != NULL)
      return camera;
  }
  /* The signing app recording a capture as its own action is still no camera. */
  if (action != NULL && action->agent != NULL &&
      !(category == CL_SIGNAL_CATEGORY_CAPTURE &&
        g_strcmp0 (action->agent, claim_generator_name (eval->manifest)) == 0))
    return g_strdup (action->agent);
  for (guint i = 0; category == CL_SIGNAL_CATEGORY_AI && i < eval->actions->len; i++) {
    const Action *other = &g_array_index (eval->actions, Action, i);

    if (other->agent != NULL && in_list (genai_source_types, other->source_type))
      return g_strdup (other->agent);
  }
  /* The app that signed is no camera: a capture names only the camera, or its own agent. */
  if (category == CL_SIGNAL_CATEGORY_CAPTURE)
    return NULL;
  return g_strdup (claim_generator_name (eval->manifest));
}


static char *
action_evidence (const Action *action)
{
  if (action->source_type != NULL)
    return g_strdup_printf ("%s: actions[%u] %s, digitalSourceType %s", action->assertion,
                            action->index, action->action != NULL ? action->action : "?",
                            action->source_type);
  return g_strdup_printf ("%s: actions[%u] %s", action->assertion, action->index,
                          action->action != NULL ? action->action : "?");
}


static void
set_detail (ClSignal   *signal,
            const char *detail)
{
  g_free (signal->detail);
  signal->detail = g_strdup (detail);
}


static void
emit (Eval             *eval,
      const char       *id,
      const char       *label,
      ClSignalCategory  category,
      const Action     *action,
      char             *evidence)
{
  ClSignal *signal = g_new0 (ClSignal, 1);

  signal->id = id;
  signal->label = _(label);
  signal->category = category;
  signal->source = eval->source;
  signal->detail = signal_detail (eval, action, category);
  signal->evidence = evidence != NULL ? evidence : action_evidence (action);
  signal->manifest_label = g_strdup (eval->manifest->label);
  signal->verified = eval->verified;
  g_ptr_array_add (eval->out, signal);
}


static void
evaluate_inception (Eval *eval)
{
  for (gsize r = 0; r < G_N_ELEMENTS (inception_rules); r++) {
    const InceptionRule *rule = &inception_rules[r];

    for (guint i = 0; i < eval->actions->len; i++) {
      const Action *action = &g_array_index (eval->actions, Action, i);

      if (in_list (inception_actions, action->action) &&
          in_list (rule->source_types, action->source_type)) {
        emit (eval, rule->id, rule->label, rule->category, action, NULL);
        break;
      }
    }
  }
}


typedef enum {
  TRANSFORM_GENAI,
  TRANSFORM_POSSIBLY_GENAI,
  TRANSFORM_NON_GENAI,
} TransformKind;


/* A perceptible transformation: neither an inception nor a non-editorial action. */
static gboolean
transform_matches (const Action  *action,
                   TransformKind  kind)
{
  if (action->action == NULL || in_list (inception_actions, action->action) ||
      in_list (non_editorial_actions, action->action))
    return FALSE;
  switch (kind) {
  case TRANSFORM_GENAI:
    return in_list (genai_source_types, action->source_type);
  case TRANSFORM_POSSIBLY_GENAI:
    return in_list (possibly_genai_source_types, action->source_type);
  case TRANSFORM_NON_GENAI:
  default:
    return action->source_type != NULL && !in_list (genai_source_types, action->source_type);
  }
}


static void
evaluate_transformations (Eval *eval)
{
  static const struct {
    const char *id, *label;
    ClSignalCategory category;
    TransformKind kind;
  } rules[] = {
    { ID_PERCEPTIBLE_GENAI, N_("Edited with AI"), CL_SIGNAL_CATEGORY_AI, TRANSFORM_GENAI },
    { ID_POSSIBLY_GENAI, N_("Edited, possibly with AI"), CL_SIGNAL_CATEGORY_POSSIBLY_AI,
      TRANSFORM_POSSIBLY_GENAI },
    { ID_PERCEPTIBLE_OTHER, N_("Edited without AI"), CL_SIGNAL_CATEGORY_OTHER,
      TRANSFORM_NON_GENAI },
  };

  for (gsize r = 0; r < G_N_ELEMENTS (rules); r++) {
    for (guint i = 0; i < eval->actions->len; i++) {
      const Action *action = &g_array_index (eval->actions, Action, i);

      if (transform_matches (action, rules[r].kind)) {
        emit (eval, rules[r].id, rules[r].label, rules[r].category, action, NULL);
        break;
      }
    }
  }
  for (guint i = 0; i < eval->actions->len; i++) {
    const Action *action = &g_array_index (eval->actions, Action, i);

    if (in_list (non_editorial_actions, action->action)) {
      emit (eval, ID_NON_EDITORIAL, N_("Non-editorial changes"), CL_SIGNAL_CATEGORY_OTHER,
            action, NULL);
      break;
    }
  }
}


/* ambiguousActions: no actions, allActionsIncluded not true, a custom or c2pa.unknown action. */
static void
evaluate_ambiguous (Eval *eval)
{
  JsonNode *all = eval->actions_v2 != NULL
                  ? json_object_get_member (eval->actions_v2, "allActionsIncluded") : NULL;
  const Action *culprit = NULL;
  char *evidence = NULL;

  for (guint i = 0; culprit == NULL && i < eval->actions->len; i++) {
    const Action *action = &g_array_index (eval->actions, Action, i);

    if (action->action != NULL && (!g_str_has_prefix (action->action, "c2pa.") ||
                                   g_str_equal (action->action, "c2pa.unknown")))
      culprit = action;
  }
  if (eval->actions->len == 0)
    evidence = g_strdup ("no actions");
  else if (culprit == NULL && (all == NULL || !JSON_NODE_HOLDS_VALUE (all) ||
                               json_node_get_value_type (all) != G_TYPE_BOOLEAN ||
                               !json_node_get_boolean (all)))
    evidence = g_strdup ("c2pa.actions.v2: allActionsIncluded is not true");
  else if (culprit == NULL)
    return;
  emit (eval, ID_AMBIGUOUS, N_("Edit history incomplete or unclear"), CL_SIGNAL_CATEGORY_OTHER,
        culprit, evidence);
  /* Only a culprit action has a tool to name: the claim generator did nothing unclear. */
  if (culprit == NULL)
    set_detail (g_ptr_array_index (eval->out, eval->out->len - 1), NULL);
}


/* mediaUnknownProvenance: an ingredient that brings no manifest of its own. */
static void
evaluate_ingredients (Eval *eval)
{
  JsonArray *ingredients = eval->manifest->ingredients != NULL &&
                           JSON_NODE_HOLDS_ARRAY (eval->manifest->ingredients)
                           ? json_node_get_array (eval->manifest->ingredients) : NULL;

  for (guint i = 0; ingredients != NULL && i < json_array_get_length (ingredients); i++) {
    JsonNode *node = json_array_get_element (ingredients, i);
    JsonObject *ingredient = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    const char *title = object_string (ingredient, "title");

    if (ingredient == NULL || json_object_has_member (ingredient, "active_manifest"))
      continue;
    emit (eval, ID_UNKNOWN_ORIGIN, N_("Includes media of unknown origin"),
          CL_SIGNAL_CATEGORY_OTHER, NULL,
          g_strdup_printf ("%s: ingredients[%u] has no active manifest",
                           object_string (ingredient, "label") != NULL
                           ? object_string (ingredient, "label") : "c2pa.ingredient", i));
    /* The detail names the ingredient rather than a tool. */
    set_detail (g_ptr_array_index (eval->out, eval->out->len - 1), title);
    return;
  }
}


static void
evaluate_disclosure (Eval *eval)
{
  JsonArray *assertions = eval->manifest->assertions != NULL &&
                          JSON_NODE_HOLDS_ARRAY (eval->manifest->assertions)
                          ? json_node_get_array (eval->manifest->assertions) : NULL;

  for (guint i = 0; assertions != NULL && i < json_array_get_length (assertions); i++) {
    const char *label = object_string (json_array_get_object_element (assertions, i), "label");

    if (label != NULL && g_str_has_prefix (label, AI_DISCLOSURE_LABEL)) {
      emit (eval, ID_AI_DISCLOSURE, N_("Discloses AI use"), CL_SIGNAL_CATEGORY_AI, NULL,
            g_strdup (label));
      return;
    }
  }
}


static guint
signal_rank (const ClSignal *signal)
{
  for (guint i = 0; i < G_N_ELEMENTS (signal_order); i++) {
    if (g_str_equal (signal_order[i], signal->id))
      return i;
  }
  return G_N_ELEMENTS (signal_order);
}


static gint
compare_signals (gconstpointer a,
                 gconstpointer b)
{
  const ClSignal *x = *(ClSignal *const *) a, *y = *(ClSignal *const *) b;

  if (x->source != y->source)
    return (gint) x->source - (gint) y->source;
  return (gint) signal_rank (x) - (gint) signal_rank (y);
}


static void
evaluate_manifest (ClManifestReport *manifest,
                   ClSignalSource    source,
                   gboolean          verified,
                   GPtrArray        *out)
{
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (Action));
  Eval eval = { manifest, source, verified, actions, NULL, out };

  collect_actions (&eval);
  evaluate_inception (&eval);
  evaluate_transformations (&eval);
  evaluate_disclosure (&eval);
  evaluate_ingredients (&eval);
  evaluate_ambiguous (&eval);
}


/* A manifest validated when the file did and no failure that counts names it. */
static gboolean
manifest_verified (ClValidationReport *report,
                   ClManifestReport   *manifest)
{
  if (!cl_validation_report_is_valid (report))
    return FALSE;
  for (guint i = 0; i < report->statuses->len; i++) {
    ClStatus *status = g_ptr_array_index (report->statuses, i);

    if (status->kind == CL_STATUS_FAILURE && !cl_status_failure_is_tolerated (status->code) &&
        manifest->label != NULL &&
        ((status->url != NULL && strstr (status->url, manifest->label) != NULL) ||
         (status->ingredient_uri != NULL && strstr (status->ingredient_uri, manifest->label) != NULL)))
      return FALSE;
  }
  return TRUE;
}


static gboolean
has_signal (GPtrArray  *signals,
            const char *id)
{
  for (guint i = 0; i < signals->len; i++) {
    if (g_str_equal (((ClSignal *) g_ptr_array_index (signals, i))->id, id))
      return TRUE;
  }
  return FALSE;
}


GPtrArray *
cl_signals_from_report (ClValidationReport *report)
{
  GPtrArray *signals = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_signal_free);
  g_autoptr(GPtrArray) from_ingredients = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_signal_free);
  ClManifestReport *active;

  g_return_val_if_fail (report != NULL, signals);

  active = report->has_manifest ? cl_validation_report_get_active (report) : NULL;
  if (active == NULL)
    return signals;
  evaluate_manifest (active, CL_SIGNAL_SOURCE_ACTIVE,
                     cl_validation_report_is_valid (report), signals);
  /* The ingredients' manifests: only what they say about generative AI, once per signal. */
  for (guint i = 0; i < report->manifests->len; i++) {
    ClManifestReport *manifest = g_ptr_array_index (report->manifests, i);

    if (manifest != active)
      evaluate_manifest (manifest, CL_SIGNAL_SOURCE_INGREDIENT,
                         manifest_verified (report, manifest), from_ingredients);
  }
  for (guint i = 0; i < from_ingredients->len; i++) {
    ClSignal *signal = g_ptr_array_index (from_ingredients, i);

    if ((signal->category == CL_SIGNAL_CATEGORY_AI ||
         signal->category == CL_SIGNAL_CATEGORY_POSSIBLY_AI) &&
        !has_signal (signals, signal->id))
      g_ptr_array_add (signals, g_ptr_array_steal_index (from_ingredients, i--));
  }
  g_ptr_array_sort (signals, compare_signals);
  return signals;
}


ClSignal *
cl_signal_from_source_type (const char *digital_source_type,
                            const char *evidence)
{
  for (gsize r = 0; r < G_N_ELEMENTS (inception_rules); r++) {
    if (in_list (inception_rules[r].source_types, digital_source_type)) {
      ClSignal *signal = g_new0 (ClSignal, 1);

      signal->id = inception_rules[r].id;
      signal->label = _(inception_rules[r].label);
      signal->category = inception_rules[r].category;
      signal->source = CL_SIGNAL_SOURCE_XMP;
      signal->evidence = g_strdup (evidence);
      signal->verified = FALSE;
      return signal;
    }
  }
  return NULL;
}
