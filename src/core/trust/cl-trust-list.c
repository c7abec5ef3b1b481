/* cl-trust-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include "cl-atomic-file.h"
#include "cl-crypto-init.h"
#include "cl-error.h"
#include "cl-trust-list.h"
#include "cl-trust-meta.h"
#include "cl-x509.h"

struct _ClTrustList {
  gatomicrefcount  ref_count;
  char            *name;
  ClTrustListKind  kind;
  char            *source;
  gint64           snapshot;
  GPtrArray       *anchors;       /* X509 * */
  char            *allowed_text;
  GHashTable      *allowed;       /* base64 SHA-256 of DER → NULL */
  char            *eku_config;
  GStrv            ekus;
  char            *lote_json;
  GHashTable      *entities;      /* base64 SHA-256 → ClTrustEntity, or NULL */
  X509_STORE      *store;
};

static const struct {
  ClTrustListKind kind;
  const char *id;
  const char *label;
} kinds[] = {
  { CL_TRUST_LIST_KIND_USER, "user", N_("User trust list") },
  { CL_TRUST_LIST_KIND_C2PA, "c2pa", N_("Official C2PA trust list") },
  { CL_TRUST_LIST_KIND_C2PA_TSA, "c2pa-tsa", N_("Official C2PA time-stamping trust list") },
  { CL_TRUST_LIST_KIND_LEGACY, "legacy", N_("Legacy interim trust list") },
  { CL_TRUST_LIST_KIND_USER_TSA, "user-tsa", N_("User time-stamping trust list") },
};


const char *
cl_trust_list_kind_to_string (ClTrustListKind kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++) {
    if (kinds[i].kind == kind)
      return kinds[i].id;
  }
  return "user";
}


gboolean
cl_trust_list_kind_from_string (const char      *text,
                                ClTrustListKind *kind)
{
  for (gsize i = 0; text != NULL && i < G_N_ELEMENTS (kinds); i++) {
    if (g_str_equal (text, kinds[i].id)) {
      *kind = kinds[i].kind;
      return TRUE;
    }
  }
  return FALSE;
}


const char *
cl_trust_list_kind_describe (ClTrustListKind kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++) {
    if (kinds[i].kind == kind)
      return _(kinds[i].label);
  }
  return "";
}


gboolean
cl_trust_list_name_is_valid (const char *name)
{
  gsize len;

  if (name == NULL || name[0] == '.' || name[0] == '\0')
    return FALSE;
  len = strlen (name);
  if (len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++) {
    if (!g_ascii_isalnum (name[i]) && name[i] != '.' && name[i] != '_' && name[i] != '-')
      return FALSE;
  }
  return TRUE;
}


static gboolean
is_dotted_oid (const char *text)
{
  guint arcs = 0;
  gboolean digit = FALSE;

  for (const char *p = text; *p != '\0'; p++) {
    if (g_ascii_isdigit (*p)) {
      digit = TRUE;
    } else if (*p == '.' && digit) {
      digit = FALSE;
      arcs++;
    } else {
      return FALSE;
    }
  }
  return digit && arcs >= 1;
}


GStrv
cl_trust_parse_eku_config (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return g_strv_builder_end (g_steal_pointer (&builder));
  lines = g_strsplit (text, "\n", -1);
  for (GStrv line = lines; *line != NULL; line++) {
    g_strstrip (*line);
    if (is_dotted_oid (*line))
      g_strv_builder_add (builder, *line);
  }
  return g_strv_builder_end (builder);
}


/* Allowed lists (c2pa-rs `allowed_list`, the interim `allowed.sha256.txt`):
 * PEM end-entity certificates and/or lines holding the base64 SHA-256 of a
 * certificate's DER. Other lines are ignored. */
static gboolean
parse_allowed (const char  *text,
               GHashTable  *allowed,
               GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean inside_pem = FALSE;
  BIO *bio;
  X509 *cert;
  unsigned long err;

  for (GStrv line = lines; *line != NULL; line++) {
    g_strstrip (*line);
    if (strstr (*line, "-----BEGIN") != NULL)
      inside_pem = TRUE;
    if (!inside_pem && strlen (*line) == 44) {
      gsize len = 0;
      /* A base64 SHA-256 of a certificate: 44 characters that decode to 32 bytes. */
      g_free (g_base64_decode (*line, &len));
      if (len == 32)
        g_hash_table_add (allowed, g_strdup (*line));
    }
    if (strstr (*line, "-----END") != NULL)
      inside_pem = FALSE;
  }

  cl_crypto_init ();
  bio = BIO_new_mem_buf (text, -1);
  while ((cert = PEM_read_bio_X509 (bio, NULL, NULL, NULL)) != NULL) {
    g_hash_table_add (allowed, cl_x509_sha256_base64 (cert));
    X509_free (cert);
  }
  BIO_free (bio);
  err = ERR_peek_last_error ();
  ERR_clear_error ();
  if (err != 0 && ERR_GET_REASON (err) != PEM_R_NO_START_LINE) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("A certificate of the allowed list cannot be decoded"));
    return FALSE;
  }
  return TRUE;
}


ClTrustList *
cl_trust_list_new (const char       *name,
                   ClTrustListKind   kind,
                   const char       *source,
                   gint64            snapshot,
                   GPtrArray        *anchors,
                   const char       *allowed_text,
                   const char       *eku_config,
                   GError          **error)
{
  return cl_trust_list_new_with_lote (name, kind, source, snapshot, anchors, allowed_text,
                                      eku_config, NULL, error);
}


ClTrustList *
cl_trust_list_new_with_lote (const char       *name,
                             ClTrustListKind   kind,
                             const char       *source,
                             gint64            snapshot,
                             GPtrArray        *anchors,
                             const char       *allowed_text,
                             const char       *eku_config,
                             const char       *lote_json,
                             GError          **error)
{
  ClTrustList *list;
  g_autoptr(GHashTable) entities = NULL;
  gint64 issued = 0;

  if (lote_json != NULL) {
    entities = cl_trust_lote_parse (lote_json, &issued, error);
    if (entities == NULL)
      return NULL;
    if (snapshot == 0)
      snapshot = issued;
  }

  if (!cl_trust_list_name_is_valid (name)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("“%s” is not a valid trust list name (use letters, digits, “.”, “_” and “-”)"),
                 name != NULL ? name : "");
    return NULL;
  }

  list = g_new0 (ClTrustList, 1);
  g_atomic_ref_count_init (&list->ref_count);
  list->name = g_strdup (name);
  list->kind = kind;
  list->source = g_strdup (source != NULL ? source : "");
  list->snapshot = snapshot;
  list->anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) X509_free);
  list->allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list->allowed_text = g_strdup (allowed_text);
  list->eku_config = g_strdup (eku_config);
  list->ekus = cl_trust_parse_eku_config (eku_config);
  list->lote_json = g_strdup (lote_json);
  list->entities = g_steal_pointer (&entities);

  if (allowed_text != NULL && !parse_allowed (allowed_text, list->allowed, error)) {
    cl_trust_list_unref (list);
    return NULL;
  }

  if (anchors != NULL && anchors->len > 0) {
    list->store = X509_STORE_new ();
    for (guint i = 0; i < anchors->len; i++) {
      X509 *cert = g_ptr_array_index (anchors, i);
      const ClTrustEntity *entity = cl_trust_list_lookup_entity (list, cert);

      /* The JSON form can withdraw an anchor the PEM form still carries. */
      if (entity != NULL && g_strcmp0 (entity->status, CL_LOTE_STATUS_TRUSTED) != 0)
        continue;
      X509_up_ref (cert);
      g_ptr_array_add (list->anchors, cert);
      /* Duplicates in a list are harmless; OpenSSL reports them as errors. */
      X509_STORE_add_cert (list->store, cert);
    }
    ERR_clear_error ();
  }
  return list;
}


ClTrustList *
cl_trust_list_ref (ClTrustList *list)
{
  g_atomic_ref_count_inc (&list->ref_count);
  return list;
}


void
cl_trust_list_unref (ClTrustList *list)
{
  if (list == NULL || !g_atomic_ref_count_dec (&list->ref_count))
    return;
  g_free (list->name);
  g_free (list->source);
  g_ptr_array_unref (list->anchors);
  g_hash_table_unref (list->allowed);
  g_free (list->allowed_text);
  g_free (list->eku_config);
  g_strfreev (list->ekus);
  g_free (list->lote_json);
  g_clear_pointer (&list->entities, g_hash_table_unref);
  X509_STORE_free (list->store);
  g_free (list);
}


const char *
cl_trust_list_get_name (ClTrustList *list)
{
  return list->name;
}


ClTrustListKind
cl_trust_list_get_kind (ClTrustList *list)
{
  return list->kind;
}


const char *
cl_trust_list_get_source (ClTrustList *list)
{
  return list->source;
}


gint64
cl_trust_list_get_snapshot (ClTrustList *list)
{
  return list->snapshot;
}


GPtrArray *
cl_trust_list_get_anchors (ClTrustList *list)
{
  return list->anchors;
}


guint
cl_trust_list_get_n_allowed (ClTrustList *list)
{
  return g_hash_table_size (list->allowed);
}


const char * const *
cl_trust_list_get_ekus (ClTrustList *list)
{
  return (const char * const *) list->ekus;
}


X509_STORE *
cl_trust_list_get_x509_store (ClTrustList *list)
{
  return list->store;
}


const ClTrustEntity *
cl_trust_list_lookup_entity (ClTrustList *list,
                             X509        *anchor)
{
  g_autofree char *hash = NULL;

  if (list->entities == NULL)
    return NULL;
  hash = cl_x509_sha256_base64 (anchor);
  return hash != NULL ? g_hash_table_lookup (list->entities, hash) : NULL;
}


gboolean
cl_trust_list_allows (ClTrustList *list,
                      X509        *cert)
{
  g_autofree char *hash = NULL;

  if (g_hash_table_size (list->allowed) == 0)
    return FALSE;
  hash = cl_x509_sha256_base64 (cert);
  return hash != NULL && g_hash_table_contains (list->allowed, hash);
}


gboolean
cl_trust_list_is_tsa (ClTrustList *list)
{
  return list->kind == CL_TRUST_LIST_KIND_C2PA_TSA || list->kind == CL_TRUST_LIST_KIND_USER_TSA;
}


ClTrustListKind
cl_trust_list_kind_for_name (const char *name)
{
  ClTrustListKind kind;

  if (g_strcmp0 (name, "user") != 0 && cl_trust_list_kind_from_string (name, &kind))
    return kind;
  return CL_TRUST_LIST_KIND_USER;
}


static char *
read_optional (const char  *dir,
               const char  *file,
               GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error)) {
    if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return NULL;
  }
  return contents;
}


ClTrustList *
cl_trust_list_load_dir (const char  *dir,
                        GError     **error)
{
  g_autoptr(ClTrustMeta) meta = NULL;
  g_autofree char *anchors_text = NULL;
  g_autofree char *allowed_text = NULL;
  g_autofree char *eku_text = NULL;
  g_autofree char *lote_text = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GError) local_error = NULL;
  /* The folder name is the list's name (what lookup and remove use). */
  g_autofree char *name = g_path_get_basename (dir);
  ClTrustListKind kind;

  meta = cl_trust_meta_load (dir, error);
  if (meta == NULL)
    return NULL;
  /* Without a recorded kind (the refresh job wrote none before) the folder name
   * says what the list is for — above all, "c2pa-tsa" must never vouch for claim
   * signers. */
  if (!cl_trust_list_kind_from_string (meta->kind, &kind))
    kind = cl_trust_list_kind_for_name (name);

  anchors_text = read_optional (dir, "anchors.pem", error);
  if (anchors_text == NULL && error != NULL && *error != NULL)
    return NULL;
  allowed_text = read_optional (dir, "allowed.pem", error);
  if (allowed_text == NULL && error != NULL && *error != NULL)
    return NULL;
  eku_text = read_optional (dir, "store.cfg", error);
  if (eku_text == NULL && error != NULL && *error != NULL)
    return NULL;
  lote_text = read_optional (dir, "list.json", error);
  if (lote_text == NULL && error != NULL && *error != NULL)
    return NULL;

  if (anchors_text != NULL && strstr (anchors_text, "-----BEGIN") != NULL) {
    anchors = cl_x509_parse_pem (anchors_text, strlen (anchors_text), &local_error);
    if (anchors == NULL) {
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                   _("Trust list “%s”: %s"), name, local_error->message);
      return NULL;
    }
  }

  return cl_trust_list_new_with_lote (name, kind, meta->source_url, meta->snapshot, anchors,
                                      allowed_text, eku_text, lote_text, error);
}


static gboolean
write_file (const char  *dir,
            const char  *file,
            const char  *contents,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) local_error = NULL;

  if (contents == NULL) {
    if (g_remove (path) != 0 && errno != ENOENT) {
      g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
    return TRUE;
  }
  if (!cl_atomic_file_set_contents (path, contents, -1, 0644, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return FALSE;
  }
  return TRUE;
}


static gboolean
write_meta (ClTrustList  *list,
            const char   *dir,
            const char   *anchors,
            GError      **error)
{
  g_autoptr(GBytes) anchors_pem = anchors != NULL ? g_bytes_new_static (anchors, strlen (anchors))
                                                  : NULL;
  g_autoptr(ClTrustMeta) meta = NULL;
  g_autoptr(GError) local_error = NULL;

  meta = cl_trust_meta_new (list->name, cl_trust_list_kind_to_string (list->kind), list->source,
                            list->snapshot, anchors_pem, list->anchors->len,
                            g_hash_table_size (list->allowed));
  if (!cl_trust_meta_save (meta, dir, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return FALSE;
  }
  return TRUE;
}


gboolean
cl_trust_list_save_dir (ClTrustList  *list,
                        const char   *dir,
                        GError      **error)
{
  g_autofree char *anchors = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO,
                 _("Cannot create the folder %s: %s"), dir, g_strerror (errno));
    return FALSE;
  }
  if (list->anchors->len > 0)
    anchors = cl_x509_to_pem (list->anchors);

  /* The certificates first, meta.json last: a list is complete once meta.json exists. */
  return write_file (dir, "anchors.pem", anchors, error) &&
         write_file (dir, "allowed.pem", list->allowed_text, error) &&
         write_file (dir, "list.json", list->lote_json, error) &&
         write_file (dir, "store.cfg", list->eku_config, error) &&
         write_meta (list, dir, anchors, error);
}


/* The official lists come as PEM and as JSON (LoTE) side by side. */
static char *
sibling_lote (const char *pem_path)
{
  g_autofree char *base = NULL;
  g_autofree char *json_path = NULL;
  char *text = NULL;

  if (!g_str_has_suffix (pem_path, ".pem"))
    return NULL;
  base = g_strndup (pem_path, strlen (pem_path) - 4);
  json_path = g_strconcat (base, ".json", NULL);
  if (!g_file_get_contents (json_path, &text, NULL, NULL) || strstr (text, "\"LoTE\"") == NULL)
    g_clear_pointer (&text, g_free);
  return text;
}


static char *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  if (path == NULL)
    return NULL;
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
  return contents;
}


ClTrustList *
cl_trust_list_new_from_files (const char       *name,
                              ClTrustListKind   kind,
                              const char       *anchors_path,
                              const char       *allowed_path,
                              const char       *eku_path,
                              GError          **error)
{
  g_autoptr(GPtrArray) anchors = NULL;
  g_autofree char *allowed_text = NULL;
  g_autofree char *eku_text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *lote_text = NULL;
  gint64 snapshot = 0;
  GStatBuf st;

  if (anchors_path == NULL && allowed_path == NULL) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("A trust list needs anchors or an allowed list"));
    return NULL;
  }
  if (anchors_path != NULL) {
    anchors = cl_x509_load_pem_file (anchors_path, error);
    if (anchors == NULL)
      return NULL;
  }
  if (allowed_path != NULL && (allowed_text = read_file (allowed_path, error)) == NULL)
    return NULL;
  if (eku_path != NULL && (eku_text = read_file (eku_path, error)) == NULL)
    return NULL;

  source = g_canonicalize_filename (anchors_path != NULL ? anchors_path : allowed_path, NULL);
  lote_text = sibling_lote (source);
  if (lote_text == NULL && g_stat (source, &st) == 0)
    snapshot = st.st_mtime;
  return cl_trust_list_new_with_lote (name, kind, source, snapshot, anchors, allowed_text, eku_text,
                                      lote_text, error);
}
