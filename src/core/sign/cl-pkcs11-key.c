/* cl-pkcs11-key.c: keys on PKCS#11 tokens through libp11 — opening one to sign, and
 * listing the tokens a module sees and the keys a token holds, so a profile can be
 * made by choosing rather than typing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libp11.h declares functions on RSA_METHOD and EC_KEY_METHOD, which OpenSSL 3 only
 * declares when deprecated APIs are not hidden; none of them is called here. */
#undef OPENSSL_NO_DEPRECATED
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libp11.h>
#include <openssl/err.h>

#include "cl-error.h"
#include "cl-pkcs11-key.h"

/* PKCS#11 v2.40 §5.1 return values that libp11 leaves as the reason of its error. */
#define PKCS11_PIN_INCORRECT  0xA0
#define PKCS11_PIN_INVALID    0xA1
#define PKCS11_PIN_LEN_RANGE  0xA2
#define PKCS11_PIN_LOCKED     0xA4

/* Where distributions install the common modules; p11-kit's proxy, which reaches every
 * module the system registers, first. */
static const char *const module_candidates[] = {
  "/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so",
  "/usr/lib/aarch64-linux-gnu/p11-kit-proxy.so",
  "/usr/lib64/p11-kit-proxy.so",
  "/usr/lib/p11-kit-proxy.so",
  "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
  "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
  "/usr/lib64/opensc-pkcs11.so",
  "/usr/lib/x86_64-linux-gnu/libykcs11.so",
  "/usr/lib/aarch64-linux-gnu/libykcs11.so",
  "/usr/lib64/libykcs11.so",
  "/usr/lib/softhsm/libsofthsm2.so",
  "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
  "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
  "/usr/lib64/pkcs11/libsofthsm2.so",
};

struct _ClPkcs11Session {
  PKCS11_CTX    *ctx;
  PKCS11_SLOT   *slots;
  unsigned int   n_slots;
  PKCS11_SLOT   *slot;
  PKCS11_KEY    *key_object;
  EVP_PKEY      *key;
};


ClPkcs11KeyRef *
cl_pkcs11_key_ref_new (const char *module,
                       const char *token,
                       const char *key_label,
                       const char *key_id)
{
  ClPkcs11KeyRef *ref = g_new0 (ClPkcs11KeyRef, 1);

  ref->module = g_strdup (module);
  ref->token = g_strdup (token);
  ref->key_label = g_strdup (key_label);
  ref->key_id = g_strdup (key_id);
  return ref;
}


ClPkcs11KeyRef *
cl_pkcs11_key_ref_copy (const ClPkcs11KeyRef *ref)
{
  return cl_pkcs11_key_ref_new (ref->module, ref->token, ref->key_label, ref->key_id);
}


void
cl_pkcs11_key_ref_free (ClPkcs11KeyRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->module);
  g_free (ref->token);
  g_free (ref->key_label);
  g_free (ref->key_id);
  g_free (ref);
}


void
cl_pkcs11_session_free (ClPkcs11Session *self)
{
  if (self == NULL)
    return;
  /* The key refers to the slot, and the slots to the module: freed in that order. */
  EVP_PKEY_free (self->key);
  if (self->slots != NULL)
    PKCS11_release_all_slots (self->ctx, self->slots, self->n_slots);
  if (self->ctx != NULL) {
    PKCS11_CTX_unload (self->ctx);
    PKCS11_CTX_free (self->ctx);
  }
  ERR_clear_error ();
  g_free (self);
}


static gboolean
token_matches (PKCS11_TOKEN *token,
               const char   *wanted)
{
  return g_strcmp0 (token->label, wanted) == 0 || g_strcmp0 (token->serialnr, wanted) == 0;
}


/* The slot holding the token called (or numbered) ref->token; an error that names the
 * tokens present when it is absent. */
static PKCS11_SLOT *
find_slot (ClPkcs11Session      *self,
           const ClPkcs11KeyRef *ref,
           GError              **error)
{
  g_autoptr(GString) present = g_string_new (NULL);

  for (unsigned int i = 0; i < self->n_slots; i++) {
    PKCS11_TOKEN *token = self->slots[i].token;

    if (token == NULL || !token->initialized)
      continue;
    if (token_matches (token, ref->token))
      return &self->slots[i];
    g_string_append_printf (present, "%s“%s”", present->len > 0 ? ", " : "", token->label);
  }
  if (present->len == 0)
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("The token “%s” is not present: no token is inserted (plug it in and "
                   "try again)"), ref->token);
  else
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("The token “%s” is not present (the tokens inserted are %s)"),
                 ref->token, present->str);
  return NULL;
}


/* What the token says of the tries left, read again (into a list of its own) after the
 * failed login. */
static const char *
tries_left (ClPkcs11Session      *self,
            const ClPkcs11KeyRef *ref)
{
  PKCS11_SLOT *slots = NULL;
  unsigned int n_slots = 0;
  const char *said = "";

  if (PKCS11_enumerate_slots (self->ctx, &slots, &n_slots) != 0) {
    ERR_clear_error ();
    return "";
  }
  for (unsigned int i = 0; i < n_slots; i++) {
    PKCS11_TOKEN *token = slots[i].token;

    if (token == NULL || !token_matches (token, ref->token))
      continue;
    if (token->userPinLocked)
      said = _(" The PIN is now locked: unblock it with the token's own tool.");
    else if (token->userPinFinalTry)
      said = _(" One try is left before the PIN locks.");
    else if (token->userPinCountLow)
      said = _(" Few tries are left before the PIN locks.");
    break;
  }
  PKCS11_release_all_slots (self->ctx, slots, n_slots);
  return said;
}


static gboolean
log_in (ClPkcs11Session      *self,
        const ClPkcs11KeyRef *ref,
        const char           *pin,
        GError              **error)
{
  unsigned long reason;

  if (self->slot->token->userPinLocked) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                 _("The PIN of the token “%s” is locked: unblock it with the token's own "
                   "tool"), ref->token);
    return FALSE;
  }
  if (PKCS11_open_session (self->slot, 0) == 0 && PKCS11_login (self->slot, 0, pin) == 0)
    return TRUE;
  reason = ERR_GET_REASON (ERR_peek_last_error ());
  ERR_clear_error ();
  switch (reason) {
  case PKCS11_PIN_INCORRECT:
  case PKCS11_PIN_INVALID:
  case PKCS11_PIN_LEN_RANGE:
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                 _("Wrong PIN for the token “%s”.%s"), ref->token, tries_left (self, ref));
    break;
  case PKCS11_PIN_LOCKED:
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PASSPHRASE,
                 _("The PIN of the token “%s” is locked: unblock it with the token's own "
                   "tool"), ref->token);
    break;
  default:
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("Could not log in to the token “%s” (PKCS#11 error 0x%lx)"), ref->token,
                 reason);
  }
  return FALSE;
}


static gboolean
id_matches (const unsigned char *id,
            size_t               id_len,
            const char          *wanted_hex)
{
  g_autoptr(GString) hex = g_string_new (NULL);

  for (size_t i = 0; i < id_len; i++)
    g_string_append_printf (hex, "%02x", id[i]);
  return g_ascii_strcasecmp (hex->str, wanted_hex) == 0;
}


static gboolean
object_matches (const char          *label,
                const unsigned char *id,
                size_t               id_len,
                const ClPkcs11KeyRef *ref)
{
  if (ref->key_id != NULL)
    return id_matches (id, id_len, ref->key_id);
  return g_strcmp0 (label, ref->key_label) == 0;
}


static gboolean
find_key (ClPkcs11Session      *self,
          const ClPkcs11KeyRef *ref,
          GError              **error)
{
  PKCS11_KEY *keys = NULL;
  unsigned int n_keys = 0;

  if (PKCS11_enumerate_keys (self->slot->token, &keys, &n_keys) != 0)
    n_keys = 0;
  for (unsigned int i = 0; i < n_keys; i++) {
    if (keys[i].isPrivate && object_matches (keys[i].label, keys[i].id, keys[i].id_len, ref)) {
      self->key_object = &keys[i];
      break;
    }
  }
  if (self->key_object != NULL)
    self->key = PKCS11_get_private_key (self->key_object);
  ERR_clear_error ();
  if (self->key == NULL) {
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 ref->key_id != NULL
                 ? _("The token “%s” holds no private key with the id %s")
                 : _("The token “%s” holds no private key labelled “%s”"),
                 ref->token, ref->key_id != NULL ? ref->key_id : ref->key_label);
    return FALSE;
  }
  return TRUE;
}


/* Loads module and lists its slots. */
static gboolean
load_module (ClPkcs11Session  *self,
             const char       *module,
             GError          **error)
{
  self->ctx = PKCS11_CTX_new ();
  if (PKCS11_CTX_load (self->ctx, module) != 0) {
    ERR_clear_error ();
    PKCS11_CTX_free (self->ctx);
    self->ctx = NULL;
    g_set_error (error, CL_SIGN_ERROR, CL_SIGN_ERROR_PROFILE,
                 _("The PKCS#11 module “%s” could not be loaded (is the token's driver "
                   "installed?)"), module);
    return FALSE;
  }
  if (PKCS11_enumerate_slots (self->ctx, &self->slots, &self->n_slots) != 0) {
    ERR_clear_error ();
    self->slots = NULL;
    self->n_slots = 0;
  }
  return TRUE;
}


ClPkcs11Session *
cl_pkcs11_session_open (const ClPkcs11KeyRef *ref,
                        const char           *pin,
                        GError              **error)
{
  g_autoptr(ClPkcs11Session) self = g_new0 (ClPkcs11Session, 1);

  if (!load_module (self, ref->module, error))
    return NULL;
  self->slot = find_slot (self, ref, error);
  if (self->slot == NULL || !log_in (self, ref, pin, error) || !find_key (self, ref, error))
    return NULL;
  return g_steal_pointer (&self);
}


EVP_PKEY *
cl_pkcs11_session_get_key (ClPkcs11Session *self)
{
  return self->key;
}


X509 *
cl_pkcs11_session_dup_certificate (ClPkcs11Session *self)
{
  PKCS11_CERT *certs = NULL;
  unsigned int n_certs = 0;

  if (PKCS11_enumerate_certs (self->slot->token, &certs, &n_certs) != 0)
    n_certs = 0;
  ERR_clear_error ();
  for (unsigned int i = 0; i < n_certs; i++) {
    gboolean same_id = self->key_object->id_len > 0 &&
                       certs[i].id_len == self->key_object->id_len &&
                       memcmp (certs[i].id, self->key_object->id, certs[i].id_len) == 0;

    if (certs[i].x509 != NULL && (same_id || (self->key_object->id_len == 0 &&
                                              g_strcmp0 (certs[i].label,
                                                         self->key_object->label) == 0))) {
      X509_up_ref (certs[i].x509);
      return certs[i].x509;
    }
  }
  return NULL;
}


GPtrArray *
cl_pkcs11_default_modules (void)
{
  GPtrArray *modules = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < G_N_ELEMENTS (module_candidates); i++) {
    if (g_file_test (module_candidates[i], G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add (modules, g_strdup (module_candidates[i]));
  }
  return modules;
}


GPtrArray *
cl_pkcs11_list_tokens (const char  *module,
                       GError     **error)
{
  g_autoptr(ClPkcs11Session) self = g_new0 (ClPkcs11Session, 1);
  GPtrArray *labels;

  if (!load_module (self, module, error))
    return NULL;
  labels = g_ptr_array_new_with_free_func (g_free);
  for (unsigned int i = 0; i < self->n_slots; i++) {
    PKCS11_TOKEN *token = self->slots[i].token;

    /* An uninitialized token has no PIN and no keys yet. */
    if (token != NULL && token->initialized && token->label != NULL)
      g_ptr_array_add (labels, g_strdup (token->label));
  }
  return labels;
}


GPtrArray *
cl_pkcs11_list_key_labels (const ClPkcs11KeyRef  *ref,
                           const char            *pin,
                           GError               **error)
{
  g_autoptr(ClPkcs11Session) self = g_new0 (ClPkcs11Session, 1);
  PKCS11_KEY *keys = NULL;
  unsigned int n_keys = 0;
  GPtrArray *labels;

  if (!load_module (self, ref->module, error))
    return NULL;
  self->slot = find_slot (self, ref, error);
  if (self->slot == NULL || !log_in (self, ref, pin, error))
    return NULL;
  if (PKCS11_enumerate_keys (self->slot->token, &keys, &n_keys) != 0)
    n_keys = 0;
  ERR_clear_error ();
  labels = g_ptr_array_new_with_free_func (g_free);
  for (unsigned int i = 0; i < n_keys; i++) {
    if (keys[i].isPrivate && keys[i].label != NULL && keys[i].label[0] != '\0' &&
        !g_ptr_array_find_with_equal_func (labels, keys[i].label, g_str_equal, NULL))
      g_ptr_array_add (labels, g_strdup (keys[i].label));
  }
  return labels;
}
