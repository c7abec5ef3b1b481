/* cl-jumbf-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <openssl/evp.h>

#include "cl-c2pa-ids.h"
#include "cl-jumbf-writer.h"


static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint8 be[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, be, 4);
}


static void
patch_u32 (GByteArray *out,
           gsize       offset,
           guint32     value)
{
  out->data[offset] = value >> 24;
  out->data[offset + 1] = value >> 16;
  out->data[offset + 2] = value >> 8;
  out->data[offset + 3] = value;
}


guint32
cl_jumbf_read_u32 (const guint8 *data,
                   gsize         offset)
{
  return ((guint32) data[offset] << 24) | ((guint32) data[offset + 1] << 16) |
         ((guint32) data[offset + 2] << 8) | (guint32) data[offset + 3];
}


void
cl_jumbf_write_box (GByteArray   *out,
                    guint32       type,
                    const guint8 *payload,
                    gsize         payload_len)
{
  g_assert (payload_len <= G_MAXUINT32 - 8);
  put_u32 (out, (guint32) (payload_len + 8));
  put_u32 (out, type);
  if (payload_len > 0)
    g_byte_array_append (out, payload, payload_len);
}


gsize
cl_jumbf_superbox_begin (GByteArray   *out,
                         const guint8  type_uuid[16],
                         const char   *label,
                         const guint8 *salt)
{
  gsize offset = out->len;
  gsize jumd_offset;
  /* C2PA needs requestable + label on every jumd; 0x10 announces the salt box. */
  guint8 toggles = CL_JUMD_REQUESTABLE | CL_JUMD_LABEL | (salt != NULL ? CL_JUMD_PRIVATE : 0);

  put_u32 (out, 0);
  put_u32 (out, CL_BOX_JUMB);
  jumd_offset = out->len;
  put_u32 (out, 0);
  put_u32 (out, CL_BOX_JUMD);
  g_byte_array_append (out, type_uuid, 16);
  g_byte_array_append (out, &toggles, 1);
  g_byte_array_append (out, (const guint8 *) label, strlen (label) + 1);
  if (salt != NULL)
    cl_jumbf_write_box (out, CL_BOX_C2SH, salt, CL_JUMBF_SALT_LEN);
  patch_u32 (out, jumd_offset, (guint32) (out->len - jumd_offset));
  return offset;
}


void
cl_jumbf_superbox_end (GByteArray *out,
                       gsize       offset)
{
  g_assert (out->len - offset <= G_MAXUINT32);
  patch_u32 (out, offset, (guint32) (out->len - offset));
}


void
cl_jumbf_superbox_sha256 (const guint8 *data,
                          gsize         offset,
                          guint8       *digest)
{
  guint32 box_len = cl_jumbf_read_u32 (data, offset);
  unsigned int digest_len = 32;

  g_assert (box_len >= 8);
  EVP_Digest (data + offset + 8, box_len - 8, digest, &digest_len, EVP_sha256 (), NULL);
}


gsize
cl_jumbf_write_content_superbox (GByteArray   *out,
                                 const guint8  type_uuid[16],
                                 const char   *label,
                                 const guint8 *salt,
                                 guint32       content_type,
                                 const guint8 *content,
                                 gsize         content_len)
{
  gsize offset = cl_jumbf_superbox_begin (out, type_uuid, label, salt);

  cl_jumbf_write_box (out, content_type, content, content_len);
  cl_jumbf_superbox_end (out, offset);
  return offset;
}


gsize
cl_jumbf_write_embedded_file (GByteArray   *out,
                              const char   *label,
                              const guint8 *salt,
                              const char   *media_type,
                              const guint8 *data,
                              gsize         data_len)
{
  static const guint8 embedded_uuid[16] = CL_UUID_EMBEDDED_FILE;
  gsize offset = cl_jumbf_superbox_begin (out, embedded_uuid, label, salt);
  g_autoptr(GByteArray) description = g_byte_array_new ();
  guint8 toggles = 0;   /* no file name, not an external reference */

  g_byte_array_append (description, &toggles, 1);
  g_byte_array_append (description, (const guint8 *) media_type, strlen (media_type) + 1);
  cl_jumbf_write_box (out, CL_BOX_BFDB, description->data, description->len);
  cl_jumbf_write_box (out, CL_BOX_BIDB, data, data_len);
  cl_jumbf_superbox_end (out, offset);
  return offset;
}
