/* cl-box-hash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <openssl/evp.h>

#include "cl-box-hash.h"
#include "cl-box-map.h"
#include "cl-cbor-util.h"

/* Far more than any file has boxes; bounds what a hostile assertion can make us allocate. */
#define MAX_NAMES (1u << 20)
#define NO_BOX G_MAXUINT

typedef struct {
  char   **names;
  guint    n_names;
  char    *alg;
  GBytes  *hash;
  gboolean excluded;
} BoxGroup;

struct _ClBoxHash {
  GPtrArray *groups;     /* BoxGroup */
  guint      n_names;
};


static void
box_group_free (gpointer data)
{
  BoxGroup *g = data;

  g_strfreev (g->names);
  g_free (g->alg);
  g_clear_pointer (&g->hash, g_bytes_unref);
  g_free (g);
}


void
cl_box_hash_free (ClBoxHash *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->groups);
  g_free (self);
}


static gboolean
is_bytes (cbor_item_t *item)
{
  return item != NULL && cbor_isa_bytestring (item);
}


/* The fields c2pa-rs requires (names, hash, pad) and the optional ones (alg, excluded),
 * each of its type. */
static BoxGroup *
parse_group (cbor_item_t  *entry,
             guint        *n_names,
             char        **why)
{
  cbor_item_t *names = cl_cbor_map_get (entry, "names");
  cbor_item_t *alg = cl_cbor_map_get (entry, "alg");
  cbor_item_t *excluded = cl_cbor_map_get (entry, "excluded");
  g_autoptr(GPtrArray) list = NULL;
  BoxGroup *group;

  if (!cbor_isa_map (entry) || names == NULL || !cbor_isa_array (names)) {
    *why = g_strdup (_("a box entry has no list of names"));
    return NULL;
  }
  if (!is_bytes (cl_cbor_map_get (entry, "hash")) || !is_bytes (cl_cbor_map_get (entry, "pad"))) {
    *why = g_strdup (_("a box entry has no hash or no padding"));
    return NULL;
  }
  if ((alg != NULL && !cbor_isa_string (alg)) ||
      (excluded != NULL && !(cbor_isa_float_ctrl (excluded) && cbor_is_bool (excluded)))) {
    *why = g_strdup (_("a box entry has an algorithm or an “excluded” flag of the wrong type"));
    return NULL;
  }
  if (cbor_array_size (names) > MAX_NAMES - *n_names) {
    *why = g_strdup (_("the box hash lists more boxes than CredLink accepts"));
    return NULL;
  }

  list = g_ptr_array_new_full ((guint) cbor_array_size (names) + 1, g_free);
  for (gsize i = 0; i < cbor_array_size (names); i++) {
    char *name = cl_cbor_dup_string (cbor_array_handle (names)[i]);

    if (name == NULL) {
      *why = g_strdup (_("a box name is not text"));
      return NULL;
    }
    g_ptr_array_add (list, name);
  }
  *n_names += list->len;

  group = g_new0 (BoxGroup, 1);
  group->n_names = list->len;
  g_ptr_array_add (list, NULL);
  group->names = (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
  group->alg = alg != NULL ? cl_cbor_dup_string (alg) : NULL;
  group->hash = cl_cbor_dup_bytes (cl_cbor_map_get (entry, "hash"));
  group->excluded = excluded != NULL && cbor_get_bool (excluded);
  return group;
}


ClBoxHash *
cl_box_hash_parse (cbor_item_t  *item,
                   char        **why)
{
  g_autoptr(ClBoxHash) self = g_new0 (ClBoxHash, 1);
  cbor_item_t *boxes = cl_cbor_map_get (item, "boxes");

  self->groups = g_ptr_array_new_with_free_func (box_group_free);
  if (boxes == NULL || !cbor_isa_array (boxes)) {
    *why = g_strdup (_("the box hash has no list of boxes"));
    return NULL;
  }
  for (gsize i = 0; i < cbor_array_size (boxes); i++) {
    BoxGroup *group = parse_group (cbor_array_handle (boxes)[i], &self->n_names, why);

    if (group == NULL)
      return NULL;
    if (group->hash == NULL) {
      box_group_free (group);
      *why = g_strdup (_("a box hash is not a plain byte string"));
      return NULL;
    }
    g_ptr_array_add (self->groups, group);
  }
  return g_steal_pointer (&self);
}


/* --- The check ---------------------------------------------------------------- */

typedef struct {
  const char *name;
  guint       group;
  gboolean    first;
  gboolean    last;
} Expected;

typedef struct {
  EVP_MD     *md;          /* NULL: no usable algorithm */
  EVP_MD_CTX *ctx;         /* while the group's bytes stream by */
  gboolean    skip;        /* the store alone, or excluded: not hashed */
  guint       last_box;    /* the file's box that ends the group, NO_BOX until known */
} GroupState;

struct _ClBoxHashCheck {
  const ClBoxHash *box_hash;
  ClBoxMapScanner *scanner;
  Expected        *expected;
  guint            n_expected;
  guint            next;          /* the next expected box */
  guint            skip_source;   /* 1 when the file's PNGh is not listed */
  gboolean         stop_matching;
  GroupState      *groups;
  GPtrArray       *active;        /* GroupState being hashed */
  guint            n_boxes;       /* boxes the file has shown so far */
  char            *problem;
  guint            problem_group;
  char            *map_problem;
};


/* c2pa-rs checks the groups in order and stops at the first problem: keep that one. */
static void
set_problem (ClBoxHashCheck *self,
             guint           group,
             char           *why)
{
  if (self->problem == NULL || group < self->problem_group) {
    g_free (self->problem);
    self->problem = why;
    self->problem_group = group;
  } else {
    g_free (why);
  }
}


static void
stop_group (ClBoxHashCheck *self,
            GroupState     *state)
{
  g_ptr_array_remove (self->active, state);
  g_clear_pointer (&state->ctx, EVP_MD_CTX_free);
}


static void
sink_data (const guint8 *data,
           gsize         len,
           gpointer      user_data)
{
  ClBoxHashCheck *self = user_data;

  for (guint i = 0; i < self->active->len; i++) {
    GroupState *state = g_ptr_array_index (self->active, i);

    EVP_DigestUpdate (state->ctx, data, len);
  }
}


static void
start_group (ClBoxHashCheck *self,
             guint           g,
             const char     *name)
{
  const BoxGroup *group = g_ptr_array_index (self->box_hash->groups, g);
  GroupState *state = &self->groups[g];

  if (g_str_equal (name, CL_BOX_MAP_C2PA)) {
    state->skip = TRUE;
    if (group->n_names != 1)
      set_problem (self, g, g_strdup (_("the manifest store’s box is grouped with other boxes")));
  }
  if (state->skip)
    return;
  if (state->md == NULL) {
    set_problem (self, g, g_strdup_printf (_("boxes are hashed with an algorithm CredLink "
                                             "does not know (%s)"),
                                           group->alg != NULL ? group->alg : "?"));
    state->skip = TRUE;
    return;
  }
  state->ctx = EVP_MD_CTX_new ();
  if (state->ctx == NULL || EVP_DigestInit_ex (state->ctx, state->md, NULL) != 1) {
    g_clear_pointer (&state->ctx, EVP_MD_CTX_free);
    set_problem (self, g, g_strdup (_("the hash function could not be started")));
    state->skip = TRUE;
    return;
  }
  g_ptr_array_add (self->active, state);
}


static void
sink_begin (guint       index,
            const char *name,
            guint64     start,
            gpointer    user_data)
{
  ClBoxHashCheck *self = user_data;
  const Expected *e;
  guint j;

  self->n_boxes = index + 1;
  if (index == 0 && g_str_equal (name, "PNGh") &&
      (self->n_expected == 0 || !g_str_equal (self->expected[0].name, "PNGh"))) {
    self->skip_source = 1;   /* c2pa-rs lets a PNG box hash leave out the signature */
    return;
  }
  j = index - self->skip_source;
  if (self->stop_matching || j >= self->n_expected || j != self->next)
    return;
  e = &self->expected[j];
  if (!g_str_equal (e->name, name)) {
    set_problem (self, e->group,
                 g_strdup_printf (_("the image has a “%s” box where the box hash lists “%s”"),
                                  name, e->name));
    self->stop_matching = TRUE;
    while (self->active->len > 0)
      stop_group (self, g_ptr_array_index (self->active, 0));
    return;
  }
  self->next = j + 1;
  if (e->first)
    start_group (self, e->group, name);
  if (e->last)
    self->groups[e->group].last_box = index;
}


static void
sink_end (guint    index,
          guint64  end,
          gpointer user_data)
{
  ClBoxHashCheck *self = user_data;

  for (guint i = 0; i < self->active->len;) {
    GroupState *state = g_ptr_array_index (self->active, i);
    guint g = (guint) (state - self->groups);
    const BoxGroup *group = g_ptr_array_index (self->box_hash->groups, g);
    guint8 digest[EVP_MAX_MD_SIZE];
    guint len = 0;
    gsize expected_len;
    const guint8 *expected;

    if (state->last_box != index) {
      i++;
      continue;
    }
    EVP_DigestFinal_ex (state->ctx, digest, &len);
    expected = g_bytes_get_data (group->hash, &expected_len);
    if (expected_len != len || memcmp (expected, digest, len) != 0)
      set_problem (self, g, g_strdup_printf (_("the bytes of the boxes from “%s” to “%s” "
                                               "changed"),
                                             group->names[0], group->names[group->n_names - 1]));
    stop_group (self, state);
  }
}


static void
sink_discard (guint    first_index,
              gpointer user_data)
{
  ClBoxHashCheck *self = user_data;

  /* Expected boxes were matched one to one with the file's boxes, in order. */
  if (self->next > 0 && self->next - 1 + self->skip_source >= first_index) {
    guint j = first_index >= self->skip_source ? first_index - self->skip_source : 0;

    set_problem (self, self->expected[j].group,
                 g_strdup_printf (_("the file ends inside its “%s” box"), self->expected[j].name));
    self->stop_matching = TRUE;
  }
}


static void
sink_fail (const char *why,
           gpointer    user_data)
{
  ClBoxHashCheck *self = user_data;

  if (self->map_problem == NULL)
    self->map_problem = g_strdup (why);
}


static const ClBoxMapSink sink = {
  sink_data, sink_begin, sink_end, sink_discard, sink_fail,
};


static EVP_MD *
fetch_md (const char *alg)
{
  static const char *const known[][2] = {
    { "sha256", "SHA2-256" }, { "sha384", "SHA2-384" }, { "sha512", "SHA2-512" },
  };

  for (gsize i = 0; alg != NULL && i < G_N_ELEMENTS (known); i++) {
    if (g_str_equal (alg, known[i][0]))
      return EVP_MD_fetch (NULL, known[i][1], NULL);
  }
  return NULL;
}


ClBoxHashCheck *
cl_box_hash_check_new (const ClBoxHash  *box_hash,
                       ClAssetFormat     format,
                       gboolean          has_store,
                       const char       *claim_alg,
                       char            **why)
{
  g_autoptr(ClBoxHashCheck) self = g_new0 (ClBoxHashCheck, 1);
  guint k = 0;

  self->box_hash = box_hash;
  self->scanner = cl_box_map_scanner_new (format, has_store, &sink, self);
  if (self->scanner == NULL) {
    *why = g_strdup_printf (_("box hashes of %s files are not supported"),
                            cl_asset_format_to_string (format));
    return NULL;
  }
  self->active = g_ptr_array_new ();
  self->groups = g_new0 (GroupState, box_hash->groups->len);
  self->n_expected = box_hash->n_names;
  self->expected = g_new0 (Expected, MAX (self->n_expected, 1));

  for (guint g = 0; g < box_hash->groups->len; g++) {
    const BoxGroup *group = g_ptr_array_index (box_hash->groups, g);
    GroupState *state = &self->groups[g];

    /* The digest is looked up here, on the calling thread; the pass may run on another. */
    state->md = fetch_md (group->alg != NULL ? group->alg : claim_alg);
    state->skip = group->excluded;
    state->last_box = NO_BOX;
    for (guint n = 0; n < group->n_names; n++, k++) {
      self->expected[k].name = group->names[n];
      self->expected[k].group = g;
      self->expected[k].first = n == 0;
      self->expected[k].last = n + 1 == group->n_names;
    }
    /* A group without boxes covers no bytes (c2pa-rs hashes an empty range). */
    if (group->n_names == 0 && !group->excluded) {
      guint8 digest[EVP_MAX_MD_SIZE];
      guint len = 0;
      gsize expected_len;
      const guint8 *expected = g_bytes_get_data (group->hash, &expected_len);

      if (state->md == NULL || EVP_Digest ("", 0, digest, &len, state->md, NULL) != 1 ||
          len != expected_len || memcmp (digest, expected, len) != 0)
        set_problem (self, g, g_strdup (_("an empty group of boxes has the wrong hash")));
    }
  }
  return g_steal_pointer (&self);
}


void
cl_box_hash_check_free (ClBoxHashCheck *self)
{
  if (self == NULL)
    return;
  cl_box_map_scanner_free (self->scanner);
  for (guint g = 0; self->groups != NULL && g < self->box_hash->groups->len; g++) {
    EVP_MD_CTX_free (self->groups[g].ctx);
    EVP_MD_free (self->groups[g].md);
  }
  g_free (self->groups);
  g_clear_pointer (&self->active, g_ptr_array_unref);
  g_free (self->expected);
  g_free (self->problem);
  g_free (self->map_problem);
  g_free (self);
}


void
cl_box_hash_check_consume (gpointer      self,
                           guint64       offset,
                           const guint8 *data,
                           gsize         len)
{
  cl_box_map_scanner_feed (((ClBoxHashCheck *) self)->scanner, data, len);
}


gboolean
cl_box_hash_check_finish (ClBoxHashCheck  *self,
                          char           **why)
{
  cl_box_map_scanner_finish (self->scanner);

  if (self->map_problem != NULL) {
    *why = g_strdup (self->map_problem);
    return FALSE;
  }
  if (self->box_hash->groups->len == 0) {
    *why = g_strdup (_("the box hash lists no boxes"));
    return FALSE;
  }
  if (self->n_boxes == 0) {
    *why = g_strdup (_("the file has no boxes"));
    return FALSE;
  }
  if (!self->stop_matching && self->next < self->n_expected)
    set_problem (self, self->expected[self->next].group,
                 g_strdup_printf (_("the image has no “%s” box where the box hash lists one"),
                                  self->expected[self->next].name));
  while (self->active->len > 0) {
    GroupState *state = g_ptr_array_index (self->active, 0);

    set_problem (self, (guint) (state - self->groups),
                 g_strdup (_("the file ends inside a group of boxes")));
    stop_group (self, state);
  }
  if (self->problem != NULL) {
    *why = g_strdup (self->problem);
    return FALSE;
  }
  return TRUE;
}
