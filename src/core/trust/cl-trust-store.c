/* cl-trust-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <openssl/err.h>

#include "cl-conforming-products.h"
#include "cl-error.h"
#include "cl-trust-meta.h"
#include "cl-trust-store.h"
#include "cl-watch-list.h"

struct _ClTrustStore {
  GObject    parent_instance;
  GPtrArray *lists;     /* ClTrustList * */
  GStrv      problems;
  GStrv      ekus;
  GPtrArray *products;  /* ClConformingProduct *: the installed CPL, or NULL */
};

G_DEFINE_FINAL_TYPE (ClTrustStore, cl_trust_store, G_TYPE_OBJECT)

/* Lists are reported by the first one that trusts a signer: official first. */
static int
kind_rank (ClTrustListKind kind)
{
  switch (kind) {
  case CL_TRUST_LIST_KIND_C2PA: return 0;
  case CL_TRUST_LIST_KIND_USER: return 1;
  case CL_TRUST_LIST_KIND_LEGACY: return 2;
  case CL_TRUST_LIST_KIND_C2PA_TSA: return 3;
  case CL_TRUST_LIST_KIND_USER_TSA:
  default:
    return 4;
  }
}


static int
compare_lists (gconstpointer a,
               gconstpointer b)
{
  ClTrustList *la = *(ClTrustList **) a;
  ClTrustList *lb = *(ClTrustList **) b;
  int ra = kind_rank (cl_trust_list_get_kind (la));
  int rb = kind_rank (cl_trust_list_get_kind (lb));

  if (ra != rb)
    return ra - rb;
  return g_strcmp0 (cl_trust_list_get_name (la), cl_trust_list_get_name (lb));
}


static void
cl_trust_store_finalize (GObject *object)
{
  ClTrustStore *self = CL_TRUST_STORE (object);

  g_ptr_array_unref (self->lists);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_strfreev (self->problems);
  g_strfreev (self->ekus);
  G_OBJECT_CLASS (cl_trust_store_parent_class)->finalize (object);
}


static void
cl_trust_store_class_init (ClTrustStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_trust_store_finalize;
}


static void
cl_trust_store_init (ClTrustStore *self)
{
  self->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);
}


static ClTrustStore *
store_new (GPtrArray *lists,
           GStrv      problems)
{
  ClTrustStore *self = g_object_new (CL_TYPE_TRUST_STORE, NULL);
  g_autoptr(GStrvBuilder) ekus = g_strv_builder_new ();

  for (guint i = 0; lists != NULL && i < lists->len; i++) {
    ClTrustList *list = g_ptr_array_index (lists, i);

    g_ptr_array_add (self->lists, cl_trust_list_ref (list));
    for (const char * const *oid = cl_trust_list_get_ekus (list); *oid != NULL; oid++)
      g_strv_builder_add (ekus, *oid);
  }
  g_ptr_array_sort (self->lists, compare_lists);
  self->problems = problems != NULL ? problems : g_new0 (char *, 1);
  self->ekus = g_strv_builder_end (ekus);
  return self;
}


ClTrustStore *
cl_trust_store_new (GPtrArray *lists)
{
  return store_new (lists, NULL);
}


char *
cl_trust_store_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "credlink", "trust", NULL);
}


/* The conforming products list installed beside the lists, if any; a list that cannot be
 * read is one more problem. */
static GPtrArray *
load_products (const char  *trust_dir,
               GStrv       *problems)
{
  g_autofree char *path = g_build_filename (trust_dir, CL_CONFORMING_PRODUCTS_FILE, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *products;
  guint n;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  products = cl_conforming_products_load (path, &error);
  if (products != NULL)
    return products;
  n = g_strv_length (*problems);
  *problems = g_renew (char *, *problems, n + 2);
  (*problems)[n] = g_strdup (error->message);
  (*problems)[n + 1] = NULL;
  return NULL;
}


GPtrArray *
cl_trust_store_get_conforming_products (ClTrustStore *self)
{
  g_return_val_if_fail (CL_IS_TRUST_STORE (self), NULL);

  return self->products;
}


ClTrustStore *
cl_trust_store_load (const char  *trust_dir,
                     GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  ClTrustStore *store;

  if (trust_dir == NULL)
    trust_dir = default_dir = cl_trust_store_default_dir ();
  lists = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_trust_list_unref);

  dir = g_dir_open (trust_dir, 0, &local_error);
  if (dir == NULL) {
    if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
      return store_new (NULL, NULL);
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return NULL;
  }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++) {
    const char *entry = g_ptr_array_index (names, i);
    g_autofree char *path = g_build_filename (trust_dir, entry, NULL);
    ClTrustList *list;

    /* Staging folders (".name.new-PID") and stray files are not lists. */
    if (!g_file_test (path, G_FILE_TEST_IS_DIR) || !cl_trust_list_name_is_valid (entry))
      continue;
    g_clear_error (&local_error);
    list = cl_trust_list_load_dir (path, &local_error);
    if (list == NULL)
      g_strv_builder_add (problems, local_error->message);
    else
      g_ptr_array_add (lists, list);
  }
  store = store_new (lists, g_strv_builder_end (problems));
  store->products = load_products (trust_dir, &store->problems);
  return store;
}


G_LOCK_DEFINE_STATIC (default_store);
static ClTrustStore *default_store;


static ClTrustStore *
load_default_or_empty (void)
{
  g_autoptr(GError) error = NULL;
  ClTrustStore *store = cl_trust_store_load (NULL, &error);

  if (store == NULL) {
    g_debug ("Trust lists not loaded: %s", error->message);
    store = cl_trust_store_new (NULL);
  }
  return store;
}


/* Told when the default store is replaced. */
static ClWatchList default_watches = CL_WATCH_LIST_INIT;


static void
notify_watches (void)
{
  cl_watch_list_notify (&default_watches);
}


guint
cl_trust_store_watch_default (ClTrustStoreChangedFunc func,
                              gpointer                user_data)
{
  return cl_watch_list_add (&default_watches, func, user_data);
}


void
cl_trust_store_unwatch_default (guint watch_id)
{
  cl_watch_list_remove (&default_watches, watch_id);
}


ClTrustStore *
cl_trust_store_dup_default (void)
{
  ClTrustStore *store;

  G_LOCK (default_store);
  if (default_store == NULL)
    default_store = load_default_or_empty ();
  store = g_object_ref (default_store);
  G_UNLOCK (default_store);
  return store;
}


void
cl_trust_store_set_default (ClTrustStore *store)
{
  ClTrustStore *replacement = store != NULL ? g_object_ref (store) : load_default_or_empty ();
  ClTrustStore *old;

  G_LOCK (default_store);
  old = default_store;
  default_store = replacement;
  G_UNLOCK (default_store);
  g_clear_object (&old);
  notify_watches ();
}


GPtrArray *
cl_trust_store_get_lists (ClTrustStore *self)
{
  g_return_val_if_fail (CL_IS_TRUST_STORE (self), NULL);
  return self->lists;
}


ClTrustList *
cl_trust_store_lookup (ClTrustStore *self,
                       const char   *name)
{
  g_return_val_if_fail (CL_IS_TRUST_STORE (self), NULL);
  for (guint i = 0; i < self->lists->len; i++) {
    ClTrustList *list = g_ptr_array_index (self->lists, i);

    if (g_strcmp0 (cl_trust_list_get_name (list), name) == 0)
      return list;
  }
  return NULL;
}


const char * const *
cl_trust_store_get_problems (ClTrustStore *self)
{
  g_return_val_if_fail (CL_IS_TRUST_STORE (self), NULL);
  return (const char * const *) self->problems;
}


const char * const *
cl_trust_store_get_ekus (ClTrustStore *self)
{
  g_return_val_if_fail (CL_IS_TRUST_STORE (self), NULL);
  return (const char * const *) self->ekus;
}


X509_STORE *
cl_trust_store_get_tsa_x509_store (ClTrustStore *self)
{
  X509_STORE *store;

  g_return_val_if_fail (CL_IS_TRUST_STORE (self), NULL);
  store = X509_STORE_new ();
  for (guint i = 0; i < self->lists->len; i++) {
    ClTrustList *list = g_ptr_array_index (self->lists, i);
    GPtrArray *anchors;

    if (!cl_trust_list_is_tsa (list))
      continue;
    anchors = cl_trust_list_get_anchors (list);
    for (guint j = 0; j < anchors->len; j++)
      X509_STORE_add_cert (store, g_ptr_array_index (anchors, j));
  }
  ERR_clear_error ();
  return store;
}


X509_STORE *
cl_trust_store_get_all_x509_store (ClTrustStore *self)
{
  X509_STORE *store;

  g_return_val_if_fail (CL_IS_TRUST_STORE (self), NULL);
  store = X509_STORE_new ();
  for (guint i = 0; i < self->lists->len; i++) {
    GPtrArray *anchors = cl_trust_list_get_anchors (g_ptr_array_index (self->lists, i));

    for (guint j = 0; j < anchors->len; j++)
      X509_STORE_add_cert (store, g_ptr_array_index (anchors, j));
  }
  ERR_clear_error ();
  return store;
}


gboolean
cl_trust_store_save_list (const char   *trust_dir,
                          ClTrustList  *list,
                          GError      **error)
{
  g_autofree char *path = g_build_filename (trust_dir, cl_trust_list_get_name (list), NULL);

  return cl_trust_list_save_dir (list, path, error);
}


static gboolean
remove_tree (GFile         *file,
             GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL) {
    g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

    g_object_unref (info);
    if (!g_file_delete (child, NULL, error))
      return FALSE;
  }
  return g_file_delete (file, NULL, error);
}


gboolean
cl_trust_store_remove_list (const char  *trust_dir,
                            const char  *name,
                            GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *meta = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!cl_trust_list_name_is_valid (name)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_INVALID,
                 _("“%s” is not a valid trust list name"), name);
    return FALSE;
  }
  path = g_build_filename (trust_dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_NOT_FOUND,
                 _("There is no trust list named “%s”"), name);
    return FALSE;
  }
  /* meta.json first: without it the folder is no longer a list to readers. */
  meta = g_build_filename (path, CL_TRUST_META_FILE, NULL);
  if (g_remove (meta) != 0 && errno != ENOENT) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s: %s", meta, g_strerror (errno));
    return FALSE;
  }
  file = g_file_new_for_path (path);
  if (!remove_tree (file, &local_error)) {
    g_set_error (error, CL_TRUST_ERROR, CL_TRUST_ERROR_IO, "%s", local_error->message);
    return FALSE;
  }
  return TRUE;
}
