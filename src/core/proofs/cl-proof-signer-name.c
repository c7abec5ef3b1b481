/* cl-proof-signer-name.c: the name a person knows a proof's signer by, read from the
 * subject the proof keeps (an RFC 2253 string such as "CN=Jane Doe,O=Agency\, Inc.,C=FR").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-proof.h"

/* The value of the first attribute named @type ("CN", "O") in @dn, unescaped, or NULL.
 * RFC 2253 escapes a special character with a backslash, or writes a byte as two hex
 * digits after one; attributes are separated by "," (and "+" inside one RDN). */
static char *
rfc2253_attribute (const char *dn,
                   const char *type)
{
  gsize type_len = strlen (type);
  const char *p = dn;

  while (*p != '\0') {
    gboolean wanted = g_ascii_strncasecmp (p, type, type_len) == 0 && p[type_len] == '=';
    g_autoptr(GString) value = g_string_new (NULL);

    while (*p != '\0' && *p != '=')
      p++;
    if (*p == '=')
      p++;
    while (*p != '\0' && *p != ',' && *p != '+') {
      if (*p == '\\' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2])) {
        g_string_append_c (value, (char) (g_ascii_xdigit_value (p[1]) * 16 +
                                          g_ascii_xdigit_value (p[2])));
        p += 3;
      } else if (*p == '\\' && p[1] != '\0') {
        g_string_append_c (value, p[1]);
        p += 2;
      } else {
        g_string_append_c (value, *p++);
      }
    }
    if (*p != '\0')
      p++;
    if (wanted && value->len > 0 && g_utf8_validate (value->str, value->len, NULL))
      return g_string_free (g_steal_pointer (&value), FALSE);
  }
  return NULL;
}


/* The signer's common name, else its organisation, else the whole subject; NULL when
 * the proof has no signer. */
char *
cl_proof_dup_signer_name (const ClProof *proof)
{
  char *name;

  g_return_val_if_fail (proof != NULL, NULL);

  if (proof->signer_subject == NULL || proof->signer_subject[0] == '\0')
    return NULL;
  name = rfc2253_attribute (proof->signer_subject, "CN");
  if (name == NULL)
    name = rfc2253_attribute (proof->signer_subject, "O");
  return name != NULL ? name : g_strdup (proof->signer_subject);
}
