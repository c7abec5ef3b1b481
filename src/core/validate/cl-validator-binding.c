/* cl-validator-binding.c: the hard binding (c2pa.hash.data, c2pa.hash.boxes or
 * c2pa.hash.bmff.v3/.v2, C2PA 2.2 §15.12) and the report's own hashes, in one pass over
 * the file.
 *
 * The pass is planned on the validating thread (which assertion, which exclusions,
 * digests set up) and then runs on a helper thread while that thread verifies signatures
 * and certificates; its statuses are logged when it is joined, after the claim's and the
 * ingredients', as c2pa-rs orders them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-assertion-ingredient.h"
#include "cl-box-hash.h"
#include "cl-bmff-hash.h"
#include "cl-cbor-util.h"
#include "cl-data-hash.h"
#include "cl-error.h"
#include "cl-status-codes.h"
#include "cl-validator-binding.h"

typedef enum {
  BINDING_NONE,
  BINDING_DATA,
  BINDING_BOXES,
  BINDING_BMFF,
} BindingKind;

typedef struct {
  GArray     *exclusions;     /* ClByteRange */
  GBytes     *hash;
  gboolean    malformed;
} DataHash;

struct _ClHashPass {
  GInputStream   *stream;
  GCancellable   *cancellable;
  ClValidationReport       *report;
  GArray         *store_runs;       /* the store's ranges, merged */

  ClDataHasher   *content;          /* SHA-256 outside the store: the report's content hash */
  ClDataHasher   *binding;          /* the data hash's own, when it is not the content hash */
  ClBoxHashCheck *boxes;
  ClBoxHash      *box_hash;
  ClBmffHash     *bmff_hash;
  ClBmffHashCheck *bmff;
  gboolean        whole;            /* the report wants the whole-file SHA-256 */

  /* What to log at the end. */
  BindingKind     kind;
  char           *missing_uri;      /* claim.hardBindings.missing */
  char           *uri;              /* the binding assertion */
  DataHash        dh;
  const EVP_MD   *md;
  char           *box_problem;      /* found before the pass */
  gboolean        box_malformed;

  /* The pass. */
  GThread        *thread;
  gboolean        ok;
  GError         *error;
  guint64         file_size;
  guint8          whole_sha256[32];
};


/* An update manifest binds through the first standard manifest up its parentOf chain. */
ClManifest *
cl_validation_find_binding_manifest (ClManifestStore *store,
                                     ClManifest      *m)
{
  for (guint depth = 0; m != NULL && depth < CL_LIMIT_INGREDIENT_DEPTH; depth++) {
    ClManifest *parent = NULL;

    if (!m->is_update)
      return m;
    for (guint i = 0; i < m->assertions->len && parent == NULL; i++) {
      ClAssertion *a = g_ptr_array_index (m->assertions, i);
      g_autoptr(ClIngredient) ing = NULL;

      if (!cl_assertion_label_is_ingredient (a->base_label))
        continue;
      ing = cl_ingredient_parse (a, NULL);
      if (ing != NULL && ing->manifest != NULL && g_strcmp0 (ing->relationship, "parentOf") == 0) {
        g_autofree char *label = cl_jumbf_uri_manifest_label (ing->manifest->url);

        parent = cl_manifest_store_lookup (store, label);
      }
    }
    m = parent;
  }
  return NULL;
}


static ClAssertion *
find_hard_binding (ClManifest *m,
                   const char *base_label)
{
  if (m->claim == NULL)
    return NULL;
  for (guint i = 0; i < m->claim->created_assertions->len; i++) {
    ClHashedUri *uri = g_ptr_array_index (m->claim->created_assertions, i);
    g_autofree char *label = cl_jumbf_uri_last_segment (uri->url);
    ClAssertion *a = label != NULL ? cl_manifest_find_assertion (m, label) : NULL;

    if (a != NULL && g_str_equal (a->base_label, base_label))
      return a;
  }
  return NULL;
}


static gboolean
ranges_equal (GArray *a,
              GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++) {
    ClByteRange *ra = &g_array_index (a, ClByteRange, i), *rb = &g_array_index (b, ClByteRange, i);

    if (ra->start != rb->start || ra->length != rb->length)
      return FALSE;
  }
  return TRUE;
}


/* The store ranges merged into contiguous runs. */
static GArray *
merged_store_ranges (GArray *ranges)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (ClByteRange));

  for (guint i = 0; i < ranges->len; i++) {
    ClByteRange r = g_array_index (ranges, ClByteRange, i);
    ClByteRange *last = out->len > 0 ? &g_array_index (out, ClByteRange, out->len - 1) : NULL;

    if (last != NULL && last->start + last->length == r.start)
      last->length += r.length;
    else
      g_array_append_val (out, r);
  }
  return out;
}


static void
parse_data_hash (cbor_item_t *item,
                 DataHash    *dh)
{
  cbor_item_t *excl = cl_cbor_map_get (item, "exclusions");
  guint64 prev_end = 0;

  dh->exclusions = g_array_new (FALSE, FALSE, sizeof (ClByteRange));
  dh->hash = cl_cbor_dup_bytes (cl_cbor_map_get (item, "hash"));
  if (item == NULL || !cbor_isa_map (item) || (excl != NULL && !cbor_isa_array (excl))) {
    dh->malformed = TRUE;
    return;
  }
  for (gsize i = 0; excl != NULL && i < cbor_array_size (excl); i++) {
    cbor_item_t *e = cbor_array_handle (excl)[i];
    gint64 start, length;
    ClByteRange r;

    if (!cl_cbor_get_int (cl_cbor_map_get (e, "start"), &start) ||
        !cl_cbor_get_int (cl_cbor_map_get (e, "length"), &length) ||
        start < 0 || length < 0 || (guint64) start < prev_end ||
        (guint64) start > G_MAXUINT64 - (guint64) length) {
      dh->malformed = TRUE;
      return;
    }
    r.start = (guint64) start;
    r.length = (guint64) length;
    prev_end = r.start + r.length;
    g_array_append_val (dh->exclusions, r);
  }
}


static gboolean
range_covered (ClByteRange *r,
               GArray      *exclusions)
{
  for (guint i = 0; i < exclusions->len; i++) {
    ClByteRange *e = &g_array_index (exclusions, ClByteRange, i);

    if (r->start >= e->start && r->start + r->length <= e->start + e->length)
      return TRUE;
  }
  return FALSE;
}


/* What the exclusions may hide (C2PA 2.2 §15.12.1): the manifest store and nothing else,
 * checked as c2pa-rs 0.91 does (#2653, #2643). When any exclusion is not empty, one of
 * them must be exactly where the store sits in this file: its APP11 segments or its caBX
 * chunk. When other segments sit between the store's segments (C2PA 2.2 §A.3.1 forbids
 * it; c2pa-rs then checks nothing, #2646), each run of them must have an exclusion of
 * its own: one exclusion over them all would hide the segments between. A manifest with
 * no store in the file (fetched from a remote URL) leaves nothing such an exclusion could
 * hold. Other exclusions are metadata the spec allows. */
static gboolean
exclusions_hold_only_the_store (ClHashPass *pass)
{
  gboolean any = FALSE;

  for (guint i = 0; i < pass->dh.exclusions->len; i++)
    any |= g_array_index (pass->dh.exclusions, ClByteRange, i).length > 0;
  if (!any)
    return TRUE;
  if (pass->store_runs->len == 0)
    return FALSE;
  for (guint r = 0; r < pass->store_runs->len; r++) {
    ClByteRange *run = &g_array_index (pass->store_runs, ClByteRange, r);
    gboolean held = FALSE;

    for (guint i = 0; i < pass->dh.exclusions->len && !held; i++) {
      ClByteRange *e = &g_array_index (pass->dh.exclusions, ClByteRange, i);

      held = e->start == run->start && e->length == run->length;
    }
    if (!held)
      return FALSE;
  }
  return TRUE;
}


static void
plan_data_hash (ClValidation *v,
                ClHashPass   *pass,
                ClManifest   *binding,
                ClAssertion  *a)
{
  g_autoptr(cbor_item_t) item = cl_assertion_load_cbor (a, NULL);
  g_autofree char *alg = cl_cbor_map_dup_string (item, "alg");

  pass->kind = BINDING_DATA;
  parse_data_hash (item, &pass->dh);
  pass->md = cl_data_hash_md_from_name (alg != NULL ? alg :
                                        binding->claim != NULL ? binding->claim->alg : NULL);

  /* An update manifest's store grew after its parent bound the asset: the exclusion
   * that starts at the store covers the current store (C2PA 2.2 §15.12.1). */
  if (binding != cl_manifest_store_get_active (v->store) && pass->store_runs->len > 0) {
    ClByteRange *run = &g_array_index (pass->store_runs, ClByteRange, 0);

    for (guint i = 0; i < pass->dh.exclusions->len; i++) {
      ClByteRange *e = &g_array_index (pass->dh.exclusions, ClByteRange, i);

      if (e->start == run->start)
        e->length = run->length;
    }
  }
  if (pass->dh.malformed)
    pass->md = NULL;
  /* The usual layout (SHA-256, the store excluded and nothing else) is the content hash. */
  if (pass->md != NULL && (pass->md != EVP_sha256 () ||
                           !ranges_equal (pass->dh.exclusions, pass->store_runs))) {
    pass->binding = cl_data_hasher_new (pass->md, (ClByteRange *) pass->dh.exclusions->data,
                                        pass->dh.exclusions->len, NULL);
    if (pass->binding == NULL)
      pass->md = NULL;
  }
}


static void
plan_box_hash (ClHashPass  *pass,
               ClManifest  *binding,
               ClAssertion *a)
{
  g_autoptr(cbor_item_t) item = cl_assertion_load_cbor (a, NULL);

  pass->kind = BINDING_BOXES;
  pass->box_hash = cl_box_hash_parse (item, &pass->box_problem);
  if (pass->box_hash == NULL) {
    pass->box_malformed = TRUE;
    return;
  }
  pass->boxes = cl_box_hash_check_new (pass->box_hash, pass->report->format,
                                       pass->store_runs->len > 0,
                                       binding->claim != NULL ? binding->claim->alg : NULL,
                                       &pass->box_problem);
}


/* The BMFF hash's version is in its label; the 1.x label (no version) is 1. */
static void
plan_bmff_hash (ClHashPass   *pass,
                ClManifest   *binding,
                ClAssertion  *a,
                guint         version)
{
  g_autoptr(cbor_item_t) item = cl_assertion_load_cbor (a, NULL);
  goffset size;

  pass->kind = BINDING_BMFF;
  pass->bmff_hash = cl_bmff_hash_parse (item, version, &pass->box_problem);
  if (pass->bmff_hash == NULL ||
      !g_seekable_seek (G_SEEKABLE (pass->stream), 0, G_SEEK_END, pass->cancellable, NULL))
    return;
  size = g_seekable_tell (G_SEEKABLE (pass->stream));
  pass->bmff = cl_bmff_hash_check_new (pass->bmff_hash, pass->stream, size > 0 ? (guint64) size : 0,
                                       binding->claim != NULL ? binding->claim->alg : NULL,
                                       pass->cancellable);
}


/* Every digest (and the whole-file SHA-256) reads the same buffers on a thread of its own
 * when there is a spare core: the reading thread then only reads, so copying the next
 * buffer out of the page cache overlaps hashing the last one, and several digests cost
 * the wall time of one. On one core the first digest is fed between reads instead. */
static void
add_consumer (ClStreamConsumer    *consumers,
              guint               *n,
              ClStreamConsumeFunc  consume,
              gpointer             consumer)
{
  consumers[*n] = (ClStreamConsumer) { consume, consumer, *n > 0 || g_get_num_processors () > 1 };
  (*n)++;
}


static gpointer
run_pass (gpointer data)
{
  ClHashPass *pass = data;
  ClStreamConsumer consumers[4];
  guint n = 0;

  if (pass->content != NULL)
    add_consumer (consumers, &n, cl_data_hasher_consume, pass->content);
  if (pass->binding != NULL)
    add_consumer (consumers, &n, cl_data_hasher_consume, pass->binding);
  if (pass->boxes != NULL)
    add_consumer (consumers, &n, cl_box_hash_check_consume, pass->boxes);
  if (pass->bmff != NULL)
    add_consumer (consumers, &n, cl_bmff_hash_check_consume, pass->bmff);

  pass->ok = g_seekable_seek (G_SEEKABLE (pass->stream), 0, G_SEEK_SET, pass->cancellable,
                              &pass->error) &&
             cl_data_hash_pass (pass->stream, consumers, n,
                                pass->whole ? pass->whole_sha256 : NULL, &pass->file_size,
                                pass->cancellable, &pass->error);
  return NULL;
}


static void
hash_pass_free (ClHashPass *pass)
{
  g_clear_object (&pass->stream);
  g_clear_object (&pass->cancellable);
  g_clear_pointer (&pass->store_runs, g_array_unref);
  g_clear_pointer (&pass->content, cl_data_hasher_free);
  g_clear_pointer (&pass->binding, cl_data_hasher_free);
  g_clear_pointer (&pass->boxes, cl_box_hash_check_free);
  g_clear_pointer (&pass->box_hash, cl_box_hash_free);
  g_clear_pointer (&pass->bmff, cl_bmff_hash_check_free);
  g_clear_pointer (&pass->bmff_hash, cl_bmff_hash_free);
  g_free (pass->missing_uri);
  g_free (pass->uri);
  g_clear_pointer (&pass->dh.exclusions, g_array_unref);
  g_clear_pointer (&pass->dh.hash, g_bytes_unref);
  g_free (pass->box_problem);
  g_clear_error (&pass->error);
  g_free (pass);
}


ClHashPass *
cl_validation_hash_pass_start (ClValidation       *v,
                               ClValidationReport *report,
                               GInputStream       *stream,
                               ClManifest         *binding,
                               GCancellable       *cancellable,
                               GError            **error)
{
  ClHashPass *pass = g_new0 (ClHashPass, 1);
  ClAssertion *a = NULL;

  pass->stream = g_object_ref (stream);
  pass->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  pass->report = report;
  pass->whole = !v->options->skip_file_sha256;
  pass->store_runs = merged_store_ranges (report->store_ranges);

  if (binding != NULL && (a = find_hard_binding (binding, "c2pa.hash.data")) != NULL)
    plan_data_hash (v, pass, binding, a);
  else if (binding != NULL && (a = find_hard_binding (binding, "c2pa.hash.boxes")) != NULL)
    plan_box_hash (pass, binding, a);
  else if (binding != NULL && (a = find_hard_binding (binding, "c2pa.hash.bmff.v3")) != NULL)
    plan_bmff_hash (pass, binding, a, 3);
  else if (binding != NULL && (a = find_hard_binding (binding, "c2pa.hash.bmff.v2")) != NULL)
    plan_bmff_hash (pass, binding, a, 2);
  else if (binding != NULL && (a = find_hard_binding (binding, "c2pa.hash.bmff")) != NULL)
    plan_bmff_hash (pass, binding, a, 1);
  else if (binding != NULL)
    pass->missing_uri = cl_manifest_uri (binding, NULL);
  if (a != NULL)
    pass->uri = g_strdup_printf ("self#jumbf=/c2pa/%s/c2pa.assertions/%s", binding->label,
                                 a->label);

  /* The content hash is the data hash in the usual layout; otherwise only the report's
   * readers that show it or look it up (JSON, the proof cache) need this digest. */
  if (!v->options->skip_content_sha256 ||
      (pass->kind == BINDING_DATA && pass->md != NULL && pass->binding == NULL)) {
    pass->content = cl_data_hasher_new (EVP_sha256 (), (ClByteRange *) pass->store_runs->data,
                                        pass->store_runs->len, error);
    if (pass->content == NULL) {
      hash_pass_free (pass);
      return NULL;
    }
  }

  pass->thread = g_thread_try_new ("cl-hash-pass", run_pass, pass, NULL);
  if (pass->thread == NULL)
    run_pass (pass);
  return pass;
}


static void
log_data_hash (ClValidation *v,
               ClHashPass   *pass,
               const guint8 *content_digest)
{
  guint8 digest[EVP_MAX_MD_SIZE];
  guint digest_len = 32;
  g_autoptr(GError) hash_error = NULL;
  gboolean ok = TRUE, covered = TRUE;
  gsize exp_len = pass->dh.hash != NULL ? g_bytes_get_size (pass->dh.hash) : 0;

  if (pass->dh.malformed) {
    cl_validation_log (v, CL_CODE_ASSERTION_DATA_HASH_MALFORMED, pass->uri, _("data hash malformed"));
    return;
  }
  if (pass->md == NULL) {
    cl_validation_log (v, CL_CODE_ALGORITHM_UNSUPPORTED, pass->uri, _("unsupported data hash algorithm"));
    return;
  }
  /* Whatever the hash then says (c2pa-rs reports it too): the bytes an exclusion hides
   * could be anything. */
  if (!exclusions_hold_only_the_store (pass))
    cl_validation_log (v, CL_CODE_ASSERTION_DATA_HASH_MISMATCH, pass->uri,
                       _("data hash exclusion does not match the manifest location in the asset"));
  if (pass->binding != NULL)
    ok = cl_data_hasher_finish (pass->binding, pass->file_size, digest, &digest_len, &hash_error);
  else
    memcpy (digest, content_digest, digest_len);

  for (guint i = 0; i < pass->store_runs->len; i++)
    covered &= range_covered (&g_array_index (pass->store_runs, ClByteRange, i),
                              pass->dh.exclusions);
  if (ok && covered && exp_len == digest_len &&
      memcmp (g_bytes_get_data (pass->dh.hash, NULL), digest, digest_len) == 0) {
    /* c2pa-rs counts exclusions: more than one is more than the store's. */
    if (pass->dh.exclusions->len > 1)
      cl_validation_log (v, CL_CODE_ASSERTION_DATA_HASH_ADDITIONAL_EXCLUSIONS_PRESENT, pass->uri,
                         _("data hash has exclusions beyond the manifest store"));
    cl_validation_log (v, CL_CODE_ASSERTION_DATA_HASH_MATCH, pass->uri, _("data hash valid"));
  } else {
    cl_validation_log (v, CL_CODE_ASSERTION_DATA_HASH_MISMATCH, pass->uri,
                       !covered ? _("the data hash exclusions do not cover the manifest store")
                       : hash_error != NULL ? hash_error->message
                       : _("asset hash error"));
  }
}


static void
log_box_hash (ClValidation *v,
              ClHashPass   *pass)
{
  g_autofree char *why = NULL;

  if (pass->box_malformed) {
    cl_validation_log (v, CL_CODE_ASSERTION_BOXES_HASH_MALFORMED, pass->uri, pass->box_problem);
  } else if (pass->boxes == NULL) {
    cl_validation_log (v, CL_CODE_ASSERTION_BOXES_HASH_MISMATCH, pass->uri, pass->box_problem);
  } else if (cl_box_hash_check_finish (pass->boxes, &why)) {
    cl_validation_log (v, CL_CODE_ASSERTION_BOXES_HASH_MATCH, pass->uri, _("boxes hash valid"));
  } else {
    g_autofree char *explanation = g_strdup_printf (_("asset hash error: %s"), why);

    cl_validation_log (v, CL_CODE_ASSERTION_BOXES_HASH_MISMATCH, pass->uri, explanation);
  }
}


/* c2pa-rs notes exclusions beyond the store's own box only once the hash matched. */
static void
log_bmff_hash (ClValidation *v,
               ClHashPass   *pass)
{
  g_autofree char *why = NULL;

  if (pass->bmff_hash == NULL) {
    cl_validation_log (v, CL_CODE_ASSERTION_BMFF_HASH_MALFORMED, pass->uri, pass->box_problem);
  } else if (pass->bmff == NULL) {
    cl_validation_log (v, CL_CODE_ASSERTION_BMFF_HASH_MISMATCH, pass->uri,
                       _("the file could not be read again"));
  } else if (cl_bmff_hash_check_finish (pass->bmff, &why)) {
    if (cl_bmff_hash_exclusion_count (pass->bmff_hash) > 1)
      cl_validation_log (v, CL_CODE_ASSERTION_BMFF_HASH_ADDITIONAL_EXCLUSIONS_PRESENT, pass->uri,
                         _("extra BMFF hash exclusions found"));
    cl_validation_log (v, CL_CODE_ASSERTION_BMFF_HASH_MATCH, pass->uri, _("BMFF hash valid"));
  } else {
    g_autofree char *explanation = g_strdup_printf (_("asset hash error: %s"), why);

    cl_validation_log (v, CL_CODE_ASSERTION_BMFF_HASH_MISMATCH, pass->uri, explanation);
  }
}


gboolean
cl_validation_hash_pass_finish (ClValidation  *v,
                                ClHashPass    *pass,
                                GError       **error)
{
  ClValidationReport *report = pass->report;
  guint8 content_digest[EVP_MAX_MD_SIZE] = { 0 };
  gboolean ok;

  if (pass->thread != NULL)
    g_thread_join (pass->thread);
  if (pass->content != NULL)
    ok = pass->ok &&
         cl_data_hasher_finish (pass->content, pass->file_size, content_digest, NULL,
                                &pass->error);
  else
    ok = pass->ok &&
         cl_data_hash_ranges_fit ((ClByteRange *) pass->store_runs->data, pass->store_runs->len,
                                  pass->file_size, &pass->error);
  if (!ok) {
    g_propagate_error (error, g_steal_pointer (&pass->error));
    hash_pass_free (pass);
    return FALSE;
  }

  if (pass->content != NULL)
    memcpy (report->content_sha256, content_digest, 32);
  report->file_size = pass->file_size;
  if (pass->whole)
    memcpy (report->file_sha256, pass->whole_sha256, 32);

  switch (pass->kind) {
  case BINDING_DATA:
    log_data_hash (v, pass, content_digest);
    break;
  case BINDING_BOXES:
    log_box_hash (v, pass);
    break;
  case BINDING_BMFF:
    log_bmff_hash (v, pass);
    break;
  case BINDING_NONE:
  default:
    if (pass->missing_uri != NULL)
      cl_validation_log (v, CL_CODE_CLAIM_HARD_BINDINGS_MISSING, pass->missing_uri,
                         _("could not find manifest with hard binding"));
    break;
  }
  hash_pass_free (pass);
  return TRUE;
}


GArray *
cl_validation_data_hash_exclusions (ClManifest  *binding,
                                    GError     **error)
{
  g_autoptr(cbor_item_t) item = NULL;
  ClAssertion *a = binding != NULL ? find_hard_binding (binding, "c2pa.hash.data") : NULL;
  DataHash dh = { NULL, NULL, FALSE };

  if (a == NULL) {
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_UNSUPPORTED,
                         _("The credentials are not bound to the image by a data hash"));
    return NULL;
  }
  item = cl_assertion_load_cbor (a, NULL);
  parse_data_hash (item, &dh);
  g_clear_pointer (&dh.hash, g_bytes_unref);
  if (dh.malformed) {
    g_array_unref (dh.exclusions);
    g_set_error_literal (error, CL_MANIFEST_ERROR, CL_MANIFEST_ERROR_MALFORMED,
                         _("The data hash of the credentials is malformed"));
    return NULL;
  }
  return dh.exclusions;
}
