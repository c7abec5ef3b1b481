/* test-signals.c: the provenance signals of the C2PA Asset Rubrics 1.0 (signals rubric), each
 * on a JPEG whose manifests are built and signed here with the test PKI, checked against the
 * rubric's statements: which signals a manifest's actions give, and only those; the tool or
 * camera named; signals of an ingredient's manifest; a tampered file's signals marked
 * unverified; the XMP digital source type of a file without credentials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-test-c2pa.h"
#include "cl-test-manifests.h"
#include "cl-test-pki.h"
#include "cl-test-tmp.h"
#include "cl-verification.h"

#define IPTC "http://cv.iptc.org/newscodes/digitalsourcetype/"
#define LABEL_ACTIVE "urn:c2pa:1d2c3b4a-5e6f-4a7b-8c9d-0a1b2c3d4e5f"
#define LABEL_COMPONENT "urn:c2pa:2e3d4c5b-6f7a-4b8c-9d0e-1b2c3d4e5f6a"

/* One action: name, digital source type (or NULL), software agent (or NULL). */
typedef struct {
  const char *action;
  const char *source_type;
  const char *agent;
} Act;

typedef struct {
  const ClTestPki *pki;
  const Act       *acts;            /* ended by a NULL action */
  gboolean         all_included;    /* allActionsIncluded: true */
  const char      *make, *model;    /* an stds.exif assertion, when set */
  gboolean         ai_disclosure;   /* a c2pa.ai-disclosure assertion */
  gboolean         bare_ingredient; /* an ingredient that brings no manifest */
  GBytes          *component;       /* an ingredient's manifest, or NULL */
} Spec;

static GBytes *
actions_cbor (const Act *acts,
              gboolean   all_included)
{
  cbor_item_t *map = cbor_new_definite_map (all_included ? 2 : 1);
  cbor_item_t *list = cbor_new_indefinite_array ();

  for (const Act *a = acts; a->action != NULL; a++) {
    cbor_item_t *action = cbor_new_definite_map (1 + (a->source_type != NULL) + (a->agent != NULL));

    cl_test_cbor_map_put (action, "action", cbor_build_string (a->action));
    if (a->source_type != NULL)
      cl_test_cbor_map_put (action, "digitalSourceType", cbor_build_string (a->source_type));
    if (a->agent != NULL)
      cl_test_cbor_map_put (action, "softwareAgent", cbor_build_string (a->agent));
    g_assert_true (cbor_array_push (list, cbor_move (action)));
  }
  cl_test_cbor_map_put (map, "actions", list);
  if (all_included)
    cl_test_cbor_map_put (map, "allActionsIncluded", cbor_build_bool (true));
  return cl_test_cbor_serialize (map);
}


static GBytes *
string_map_cbor (const char *key1, const char *value1,
                 const char *key2, const char *value2)
{
  cbor_item_t *map = cbor_new_definite_map (2);

  cl_test_cbor_map_put (map, key1, cbor_build_string (value1));
  cl_test_cbor_map_put (map, key2, cbor_build_string (value2));
  return cl_test_cbor_serialize (map);
}


static GBytes *
active_manifest (guint32       start,
                 guint32       length,
                 const guint8  hash[32],
                 gpointer      user_data)
{
  const Spec *spec = user_data;
  g_autoptr(GPtrArray) chain = cl_test_chain_der (spec->pki->signer, spec->pki->intermediate, NULL);
  g_autoptr(GBytes) actions = actions_cbor (spec->acts, spec->all_included);
  g_autoptr(GBytes) binding = cl_test_data_hash_cbor (start, length, hash);
  g_autoptr(GBytes) exif = spec->make != NULL
                           ? string_map_cbor ("exif:Make", spec->make, "exif:Model", spec->model)
                           : NULL;
  g_autoptr(GBytes) disclosure = spec->ai_disclosure
                                 ? string_map_cbor ("generator", "Test Model", "use", "generated")
                                 : NULL;
  g_autoptr(GBytes) bare = spec->bare_ingredient
                           ? string_map_cbor ("relationship", "componentOf", "dc:title", "found.jpg")
                           : NULL;
  g_autoptr(GBytes) ingredient = spec->component != NULL
                                 ? cl_test_ingredient_v3_cbor (LABEL_COMPONENT, spec->component,
                                                               NULL, NULL)
                                 : NULL;
  ClTestAssertion assertions[6];
  guint n = 0;

  assertions[n++] = (ClTestAssertion) { "c2pa.actions.v2", actions, FALSE };
  if (exif != NULL)
    assertions[n++] = (ClTestAssertion) { "stds.exif", exif, FALSE };
  if (disclosure != NULL)
    assertions[n++] = (ClTestAssertion) { "c2pa.ai-disclosure", disclosure, FALSE };
  if (bare != NULL)
    assertions[n++] = (ClTestAssertion) { "c2pa.ingredient.v3", bare, FALSE };
  if (ingredient != NULL)
    assertions[n++] = (ClTestAssertion) { "c2pa.ingredient.v3", ingredient, FALSE };
  assertions[n++] = (ClTestAssertion) { "c2pa.hash.data", binding, FALSE };
  return cl_test_manifest_new (spec->pki->signer->key, chain, LABEL_ACTIVE, assertions, n,
                               NULL, NULL);
}


static ClVerification *
verify_bytes (GBytes *jpeg)
{
  g_autofree char *dir = cl_test_tmp_dir_new ("credlink-signals", CL_TEST_TMP_UNTIL_CASE_ENDS);
  g_autofree char *path = g_build_filename (dir, "image.jpg", NULL);
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  ClVerification *v;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL),
                                      (gssize) g_bytes_get_size (jpeg), NULL));
  v = cl_verify_file (path, &options, NULL);
  g_assert_no_error (v->error);
  g_assert_nonnull (v->signals);
  return v;
}


static ClVerification *
verify_spec (const Spec *spec)
{
  GBytes *others[] = { spec->component };
  g_autoptr(GBytes) jpeg = cl_test_manifests_jpeg_new (others, spec->component != NULL ? 1 : 0,
                                                       active_manifest, (gpointer) spec);

  return verify_bytes (jpeg);
}


static const ClSignal *
find_signal (ClVerification *v,
             const char     *id)
{
  for (guint i = 0; i < v->signals->len; i++) {
    const ClSignal *signal = g_ptr_array_index (v->signals, i);

    if (g_str_equal (signal->id, id))
      return signal;
  }
  return NULL;
}


/* The signals are exactly expected (ids, NULL-ended), in any order, all verified. */
static void
assert_signals (ClVerification     *v,
                const char * const *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < v->signals->len; i++) {
    const ClSignal *signal = g_ptr_array_index (v->signals, i);

    g_string_append_printf (got, "%s ", signal->id);
    g_assert_true (signal->verified);
    g_assert_nonnull (signal->evidence);
  }
  for (guint i = 0; expected[i] != NULL; i++) {
    if (find_signal (v, expected[i]) == NULL)
      g_error ("missing %s; got %s", expected[i], got->str);
  }
  if (v->signals->len != g_strv_length ((char **) expected))
    g_error ("expected %u signals; got %s", g_strv_length ((char **) expected), got->str);
}


/* One statement of the rubric per case: the actions of a manifest, and the signals the
 * rubric's expressions give for them (every other statement false). */
typedef struct {
  const char *name;
  Act         acts[3];
  gboolean    all_included;
  const char *expected[4];
} RubricCase;

static const RubricCase rubric_cases[] = {
  { "fullyGenAIMedia", { { "c2pa.created", IPTC "trainedAlgorithmicMedia", "Adobe Firefly" } }, TRUE,
    { "inception:signal_fullyGenAIMedia" } },
  { "partlyGenAICreation", { { "c2pa.created", IPTC "compositeWithTrainedAlgorithmicMedia" } }, TRUE,
    { "inception:signal_partlyGenAICreation" } },
  { "compositionMayContainGenAI", { { "c2pa.created", IPTC "composite" } }, TRUE,
    { "inception:signal_compositionMayContainGenAI" } },
  { "screenCaptureMayContainGenAI", { { "c2pa.created", IPTC "screenCapture" } }, TRUE,
    { "inception:signal_screenCaptureMayContainGenAI" } },
  { "capturedMedia", { { "c2pa.created", IPTC "digitalCapture" } }, TRUE,
    { "inception:signal_capturedMedia" } },
  { "capturedMedia-computational", { { "c2pa.created", IPTC "computationalCapture" } }, TRUE,
    { "inception:signal_capturedMedia" } },
  { "capturedMediaStitched", { { "c2pa.created", IPTC "compositeCapture" } }, TRUE,
    { "inception:signal_capturedMediaStitched" } },
  { "nonGenAIDigitalCreation", { { "c2pa.created", IPTC "digitalCreation" } }, TRUE,
    { "inception:signal_nonGenAIDigitalCreation" } },
  { "blankCanvas", { { "c2pa.created", "http://c2pa.org/digitalsourcetype/empty" } }, TRUE,
    { "inception:signal_blankCanvas" } },
  /* A source type on any action but created/opened is no inception. */
  { "inception-needs-created", { { "c2pa.created" }, { "c2pa.edited", IPTC "digitalCapture" } }, TRUE,
    { "transformation:signal_perceptibleNonGenAI" } },
  { "perceptibleGenAI", { { "c2pa.created", IPTC "digitalCapture" },
                          { "c2pa.edited", IPTC "trainedAlgorithmicMedia", "Generative Fill" } }, TRUE,
    { "inception:signal_capturedMedia", "transformation:signal_perceptibleGenAI" } },
  /* digitalArt is both "possibly GenAI" and not in the GenAI list. */
  { "perceptiblePossiblyGenAI", { { "c2pa.created", IPTC "digitalCapture" },
                                  { "c2pa.color_adjustments", IPTC "digitalArt" } }, TRUE,
    { "inception:signal_capturedMedia", "transformation:signal_perceptiblePossiblyGenAI",
      "transformation:signal_perceptibleNonGenAI" } },
  { "nonEditorial", { { "c2pa.created", IPTC "digitalCapture" },
                      { "c2pa.resized.proportional" } }, TRUE,
    { "inception:signal_capturedMedia", "transformation:signal_nonEditorial" } },
  /* A non-editorial action with a GenAI source type is not a perceptible transformation. */
  { "nonEditorial-genai", { { "c2pa.created", IPTC "digitalCapture" },
                            { "c2pa.converted", IPTC "trainedAlgorithmicMedia" } }, TRUE,
    { "inception:signal_capturedMedia", "transformation:signal_nonEditorial" } },
  { "ambiguous-custom", { { "c2pa.created", IPTC "digitalCapture" }, { "com.example.filter" } }, TRUE,
    { "inception:signal_capturedMedia", "transformation:signal_ambiguousActions" } },
  { "ambiguous-unknown", { { "c2pa.created", IPTC "digitalCapture" }, { "c2pa.unknown" } }, TRUE,
    { "inception:signal_capturedMedia", "transformation:signal_ambiguousActions" } },
  { "ambiguous-incomplete", { { "c2pa.created", IPTC "digitalCapture" } }, FALSE,
    { "inception:signal_capturedMedia", "transformation:signal_ambiguousActions" } },
};


static void
test_rubric_case (gconstpointer data)
{
  const RubricCase *rubric = data;
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  Spec spec = { pki, rubric->acts, rubric->all_included };
  g_autoptr(ClVerification) v = verify_spec (&spec);

  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  assert_signals (v, rubric->expected);
}


/* The tool and the camera are named; the most telling signal comes first; JSON. */
static void
test_details (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  const Act firefly[] = { { "c2pa.created", IPTC "trainedAlgorithmicMedia", "Adobe Firefly" },
                          { "c2pa.resized.proportional" }, { NULL } };
  const Act camera[] = { { "c2pa.created", IPTC "digitalCapture" }, { NULL } };
  Spec ai = { pki, firefly, TRUE };
  Spec leica = { pki, camera, TRUE, "Leica Camera AG", "LEICA M11-P" };
  g_autoptr(ClVerification) made = verify_spec (&ai);
  g_autoptr(ClVerification) captured = verify_spec (&leica);
  const ClSignal *first = g_ptr_array_index (made->signals, 0);
  g_autofree char *text = cl_signal_describe (first);
  g_autoptr(JsonNode) json = cl_verification_to_json (made);
  JsonArray *signals = json_object_get_array_member (json_node_get_object (json), "signals");
  JsonObject *entry = json_array_get_object_element (signals, 0);

  g_assert_cmpstr (first->id, ==, "inception:signal_fullyGenAIMedia");
  g_assert_cmpint (first->category, ==, CL_SIGNAL_CATEGORY_AI);
  g_assert_cmpstr (text, ==, "Made with AI · Adobe Firefly");
  g_assert_cmpstr (first->manifest_label, ==, LABEL_ACTIVE);
  g_assert_nonnull (strstr (first->evidence, "trainedAlgorithmicMedia"));
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, first->id);
  g_assert_cmpstr (json_object_get_string_member (entry, "detail"), ==, "Adobe Firefly");
  g_assert_cmpstr (json_object_get_string_member (entry, "source"), ==, "active_manifest");
  g_assert_true (json_object_get_boolean_member (entry, "verified"));
  g_assert_cmpstr (find_signal (captured, "inception:signal_capturedMedia")->detail, ==,
                   "LEICA M11-P");
}


/* The C2PA 2.4 AI-disclosure assertion and an ingredient of unknown origin. */
static void
test_disclosure_and_unknown_origin (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  const Act camera[] = { { "c2pa.created", IPTC "digitalCapture" }, { NULL } };
  Spec disclosed = { pki, camera, TRUE, .ai_disclosure = TRUE };
  Spec bare = { pki, camera, TRUE, .bare_ingredient = TRUE };
  g_autoptr(ClVerification) d = verify_spec (&disclosed);
  g_autoptr(ClVerification) b = verify_spec (&bare);
  const ClSignal *unknown = find_signal (b, "inception:signal_mediaUnknownProvenance");

  g_assert_nonnull (find_signal (d, "disclosure:c2pa.ai-disclosure"));
  g_assert_cmpint (find_signal (d, "disclosure:c2pa.ai-disclosure")->category, ==,
                   CL_SIGNAL_CATEGORY_AI);
  g_assert_nonnull (unknown);
  g_assert_cmpstr (unknown->detail, ==, "found.jpg");
  g_assert_null (find_signal (d, "inception:signal_mediaUnknownProvenance"));
}


/* An ingredient's manifest made with AI: the image says so, after its own signals. */
static void
test_ingredient_signals (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  g_autoptr(GPtrArray) chain = cl_test_chain_der (pki->signer, pki->intermediate, NULL);
  const Act generated[] = { { "c2pa.created", IPTC "trainedAlgorithmicMedia", "Image Model" }, { NULL } };
  const Act placed[] = { { "c2pa.created", IPTC "digitalCapture" }, { NULL } };
  g_autoptr(GBytes) component_actions = actions_cbor (generated, TRUE);
  const ClTestAssertion component_assertions[] = { { "c2pa.actions.v2", component_actions } };
  g_autoptr(GBytes) component = cl_test_manifest_new (pki->signer->key, chain, LABEL_COMPONENT,
                                                      component_assertions, 1, NULL, NULL);
  Spec spec = { pki, placed, TRUE, .component = component };
  g_autoptr(ClVerification) v = verify_spec (&spec);
  const ClSignal *first = g_ptr_array_index (v->signals, 0);
  const ClSignal *from_ingredient = find_signal (v, "inception:signal_fullyGenAIMedia");

  g_assert_cmpint (v->verdict, ==, CL_VERDICT_VALID);
  g_assert_cmpstr (first->id, ==, "inception:signal_capturedMedia");
  g_assert_nonnull (from_ingredient);
  g_assert_cmpint (from_ingredient->source, ==, CL_SIGNAL_SOURCE_INGREDIENT);
  g_assert_cmpstr (from_ingredient->manifest_label, ==, LABEL_COMPONENT);
  g_assert_cmpstr (from_ingredient->detail, ==, "Image Model");
  g_assert_true (from_ingredient->verified);
}


/* A file whose content was changed after signing: the signals are still read, unverified. */
static void
test_tampered_unverified (void)
{
  g_autoptr(ClTestPki) pki = cl_test_pki_new (NULL, NULL);
  const Act firefly[] = { { "c2pa.created", IPTC "trainedAlgorithmicMedia", "Adobe Firefly" }, { NULL } };
  Spec spec = { pki, firefly, TRUE };
  g_autoptr(GBytes) jpeg = cl_test_manifests_jpeg_new (NULL, 0, active_manifest, &spec);
  /* The byte before EOI is entropy-coded image data. */
  g_autoptr(GBytes) tampered = cl_test_flip_byte (jpeg, g_bytes_get_size (jpeg) - 3, 0x01);
  g_autoptr(ClVerification) v = verify_bytes (tampered);
  const ClSignal *signal = find_signal (v, "inception:signal_fullyGenAIMedia");

  g_assert_cmpint (v->verdict, ==, CL_VERDICT_INVALID);
  g_assert_nonnull (signal);
  g_assert_false (signal->verified);
}


/* The plain JPEG with an XMP packet (APP1) after SOI. */
static GBytes *
jpeg_with_xmp (const char *packet)
{
  static const char xmp_id[] = "http://ns.adobe.com/xap/1.0/";
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  gsize plain_len;
  const guint8 *plain_data = g_bytes_get_data (plain, &plain_len);
  GByteArray *out = g_byte_array_new ();
  gsize segment_len = 2 + sizeof xmp_id + strlen (packet);
  guint8 header[4] = { 0xFF, 0xE1, (guint8) (segment_len >> 8), (guint8) segment_len };

  g_byte_array_append (out, plain_data, 2);
  g_byte_array_append (out, header, 4);
  g_byte_array_append (out, (const guint8 *) xmp_id, sizeof xmp_id);
  g_byte_array_append (out, (const guint8 *) packet, strlen (packet));
  g_byte_array_append (out, plain_data + 2, plain_len - 2);
  return g_byte_array_free_to_bytes (out);
}


/* Without credentials, the IPTC source type of the XMP, as an attribute or an element. */
static void
test_xmp_source_type (void)
{
  static const char *const packets[] = {
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
    "<rdf:Description xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\" "
    "Iptc4xmpExt:DigitalSourceType=\"" IPTC "trainedAlgorithmicMedia\"/></rdf:RDF></x:xmpmeta>",
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
    "<rdf:Description xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">"
    "<Iptc4xmpExt:DigitalSourceType>" IPTC "trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (packets); i++) {
    g_autoptr(GBytes) jpeg = jpeg_with_xmp (packets[i]);
    g_autoptr(ClVerification) v = verify_bytes (jpeg);
    const ClSignal *signal;

    g_assert_cmpint (v->verdict, ==, CL_VERDICT_NO_CREDENTIALS);
    g_assert_cmpuint (v->signals->len, ==, 1);
    signal = g_ptr_array_index (v->signals, 0);
    g_assert_cmpstr (signal->id, ==, "inception:signal_fullyGenAIMedia");
    g_assert_cmpint (signal->source, ==, CL_SIGNAL_SOURCE_XMP);
    g_assert_false (signal->verified);
    g_assert_null (signal->manifest_label);
  }
}


static void
test_no_xmp_no_signals (void)
{
  g_autoptr(GBytes) plain = cl_test_plain_jpeg ();
  g_autoptr(GBytes) broken = jpeg_with_xmp ("<x:xmpmeta><rdf:RDF><unclosed></x:xmpmeta>");
  g_autoptr(ClVerification) v = verify_bytes (plain);
  g_autoptr(ClVerification) b = verify_bytes (broken);

  g_assert_cmpuint (v->signals->len, ==, 0);
  g_assert_cmpuint (b->signals->len, ==, 0);
}


static char *
shared_image (const char *name)
{
  const char *shared = g_getenv ("CREDLINK_SHARED_DIR");
  g_autofree char *path = shared != NULL
                          ? g_build_filename (shared, "c2pa-fixtures", "images", name, NULL) : NULL;

  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}


/* Real files: ocsp.jpg (Photoshop opening a Firefly image, then Generative Fill) and
 * C_with_CAWG_data.jpg, whose source type has a leading space: the rubric compares the
 * URI exactly, so it gives no signal. */
static void
test_shared_fixtures (void)
{
  g_autofree char *ocsp = shared_image ("ocsp.jpg");
  g_autofree char *spaced = shared_image ("C_with_CAWG_data.jpg");
  const char *const expected[] = {
    "inception:signal_partlyGenAICreation", "transformation:signal_perceptibleGenAI",
    "transformation:signal_ambiguousActions", "inception:signal_fullyGenAIMedia", NULL,
  };
  ClVerifyOptions options = CL_VERIFY_OPTIONS_INIT;
  g_autoptr(ClVerification) v = NULL;
  g_autoptr(ClVerification) w = NULL;
  g_autofree char *headline = NULL;

  if (ocsp == NULL || spaced == NULL) {
    g_test_skip ("the shared C2PA fixtures are not available");
    return;
  }
  v = cl_verify_file (ocsp, &options, NULL);
  w = cl_verify_file (spaced, &options, NULL);
  g_assert_cmpuint (v->signals->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (((ClSignal *) g_ptr_array_index (v->signals, i))->id, ==, expected[i]);
  headline = cl_signal_describe (g_ptr_array_index (v->signals, 0));
  g_assert_cmpstr (headline, ==, "Made in part with AI · Adobe Firefly");
  g_assert_cmpint (((ClSignal *) g_ptr_array_index (v->signals, 3))->source, ==,
                   CL_SIGNAL_SOURCE_INGREDIENT);
  g_assert_null (((ClSignal *) g_ptr_array_index (v->signals, 2))->detail);
  g_assert_cmpuint (w->signals->len, ==, 0);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (rubric_cases); i++) {
    g_autofree char *path = g_strdup_printf ("/signals/rubric/%s", rubric_cases[i].name);

    g_test_add_data_func (path, &rubric_cases[i], test_rubric_case);
  }
  g_test_add_func ("/signals/details", test_details);
  g_test_add_func ("/signals/disclosure-and-unknown-origin", test_disclosure_and_unknown_origin);
  g_test_add_func ("/signals/ingredient", test_ingredient_signals);
  g_test_add_func ("/signals/tampered-unverified", test_tampered_unverified);
  g_test_add_func ("/signals/xmp", test_xmp_source_type);
  g_test_add_func ("/signals/no-xmp", test_no_xmp_no_signals);
  g_test_add_func ("/signals/shared-fixtures", test_shared_fixtures);
  return g_test_run ();
}
