/* test-edit-timeline.c: a manifest's actions as steps in order, each with its app, its
 * time and the ingredient it used, found by each way C2PA lets an action name one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-edit-timeline.h"

static ClManifestReport *
manifest_with (const char *actions_json,
               const char *ingredients_json)
{
  ClManifestReport *manifest = cl_manifest_report_new ();
  g_autoptr(GError) error = NULL;

  manifest->actions = json_from_string (actions_json, &error);
  g_assert_no_error (error);
  manifest->ingredients = json_from_string (ingredients_json, &error);
  g_assert_no_error (error);
  return manifest;
}


static void
test_steps (void)
{
  ClManifestReport *manifest = manifest_with (
    "[{\"action\": \"c2pa.opened\", \"parameters\": {\"instanceId\": \"xmp:iid:parent\"},"
    "  \"softwareAgent\": \"Adobe Photoshop 26.0\", \"when\": \"2025-08-13T16:28:47Z\"},"
    " {\"action\": \"c2pa.placed\", \"softwareAgent\": {\"name\": \"Editor\", \"version\": \"2.1\"},"
    "  \"parameters\": {\"ingredients\": [{\"url\": \"self#jumbf=c2pa.assertions/c2pa.ingredient.v3__1\","
    "  \"hash\": \"AAAA\"}]}},"
    " {\"action\": \"c2pa.placed\", \"parameters\": {\"ingredient\": {\"url\":"
    "  \"self#jumbf=/c2pa/urn:c2pa:x/c2pa.assertions/c2pa.ingredient.v3__2\"}}},"
    " {\"action\": \"c2pa.placed\", \"instanceId\": \"xmp:iid:third\"},"
    " {\"action\": \"c2pa.edited\", \"digitalSourceType\":"
    "  \"http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia\"},"
    " {\"action\": \"com.example.sharpened\", \"parameters\": {\"ingredients\": [{\"url\": \"nowhere\"}]}},"
    " {\"softwareAgent\": \"no action name\"}]",
    "[{\"title\": \"parent.jpg\", \"instance_id\": \"xmp:iid:parent\", \"label\": \"c2pa.ingredient.v3\"},"
    " {\"title\": \"sky.jpg\", \"instance_id\": \"xmp:iid:sky\", \"label\": \"c2pa.ingredient.v3__1\"},"
    " {\"title\": \"bird.png\", \"label\": \"c2pa.ingredient.v3__2\"},"
    " {\"title\": \"tree.jpg\", \"instance_id\": \"xmp:iid:third\", \"label\": \"c2pa.ingredient.v3__3\"}]");
  g_autoptr(GPtrArray) steps = cl_edit_timeline_collect (manifest);
  ClEditStep *step;

  g_assert_cmpuint (steps->len, ==, 6);
  step = g_ptr_array_index (steps, 0);
  g_assert_cmpstr (step->phrase, ==, "Opened an existing file");
  g_assert_cmpstr (step->app, ==, "Adobe Photoshop 26.0");
  g_assert_cmpstr (step->when, ==, "2025-08-13T16:28:47Z");
  g_assert_cmpstr (step->ingredients, ==, "parent.jpg");
  step = g_ptr_array_index (steps, 1);
  g_assert_cmpstr (step->action, ==, "c2pa.placed");
  g_assert_cmpstr (step->app, ==, "Editor 2.1");
  g_assert_cmpstr (step->ingredients, ==, "sky.jpg");
  g_assert_null (step->when);
  step = g_ptr_array_index (steps, 2);
  g_assert_cmpstr (step->ingredients, ==, "bird.png");
  g_assert_null (step->app);
  step = g_ptr_array_index (steps, 3);
  g_assert_cmpstr (step->ingredients, ==, "tree.jpg");
  step = g_ptr_array_index (steps, 4);
  g_assert_cmpstr (step->phrase, ==, "Edited");
  g_assert_nonnull (step->source_type);
  g_assert_null (g_strrstr (step->source_type, "http"));
  g_assert_null (step->ingredients);
  /* An unknown action keeps its name; a reference to no ingredient names none. */
  step = g_ptr_array_index (steps, 5);
  g_assert_null (step->phrase);
  g_assert_cmpstr (step->action, ==, "com.example.sharpened");
  g_assert_null (step->ingredients);
  cl_manifest_report_free (manifest);
}


static void
test_no_actions (void)
{
  ClManifestReport *manifest = cl_manifest_report_new ();
  g_autoptr(GPtrArray) steps = cl_edit_timeline_collect (manifest);

  g_assert_cmpuint (steps->len, ==, 0);
  cl_manifest_report_free (manifest);
}


int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edit-timeline/steps", test_steps);
  g_test_add_func ("/edit-timeline/no-actions", test_no_actions);
  return g_test_run ();
}
