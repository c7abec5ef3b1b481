/* craft-crowded.c: writes a signed JPEG with crowded credentials (tests/lib/cl-test-crowded.c),
 * to time the validator on them by hand, e.g.
 *
 *   craft-crowded --items 40000 --references 40000 refs.jpg
 *   craft-crowded --items 10000 --references 10000 --redactions 100000 redactions.jpg
 *   craft-crowded --items 1 --references 200000 duplicates.jpg
 *   credlink-cli verify --no-proof-cache refs.jpg
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "cl-test-crowded.h"


int
main (int    argc,
      char **argv)
{
  ClTestCrowd crowd = { 0 };
  gint items = 0, references = 0, redactions = 0, ingredients = 0, size = 0, ints = 0;
  GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_INT, &items, "Assertions besides the actions", "N" },
    { "references", 0, 0, G_OPTION_ARG_INT, &references, "Claim references to them", "N" },
    { "redactions", 0, 0, G_OPTION_ARG_INT, &redactions, "Redactions in the claim", "N" },
    { "ingredients", 0, 0, G_OPTION_ARG_INT, &ingredients, "Ingredient assertions", "N" },
    { "item-size", 0, 0, G_OPTION_ARG_INT, &size, "Bytes of padding in each item", "N" },
    { "item-ints", 0, 0, G_OPTION_ARG_INT, &ints, "Small integers in each item", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClTestSigner) signer = NULL;
  g_autoptr(GBytes) store = NULL, jpeg = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      items < 0 || references < 0 || redactions < 0 || ingredients < 0 || size < 0 || ints < 0) {
    g_printerr ("%s\n", error != NULL ? error->message
                                       : "usage: craft-crowded [OPTION…] OUTPUT.jpg");
    return EXIT_FAILURE;
  }
  crowd.n_items = items;
  crowd.n_references = references;
  crowd.n_redactions = redactions;
  crowd.n_ingredients = ingredients;
  crowd.item_size = size;
  crowd.item_ints = ints;
  signer = cl_test_signer_new (1, 365);
  store = cl_test_crowded_store_new (signer, &crowd);
  jpeg = cl_test_crowded_jpeg_new (store);
  if (!g_file_set_contents (argv[1], g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg),
                            &error)) {
    g_printerr ("%s\n", error->message);
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
