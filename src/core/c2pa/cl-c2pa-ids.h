/* cl-c2pa-ids.h: the JUMBF box types and superbox type UUIDs that C2PA uses
 * (C2PA 2.2 §11.1, ISO 19566-5). Shared by the reader and the writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_FOURCC(a, b, c, d) \
  ((guint32) (((guint32) (a) << 24) | ((guint32) (b) << 16) | ((guint32) (c) << 8) | (guint32) (d)))

/* Box types (TBox). */
#define CL_BOX_JUMB CL_FOURCC ('j', 'u', 'm', 'b')   /* superbox */
#define CL_BOX_JUMD CL_FOURCC ('j', 'u', 'm', 'd')   /* description box */
#define CL_BOX_CBOR CL_FOURCC ('c', 'b', 'o', 'r')
#define CL_BOX_JSON CL_FOURCC ('j', 's', 'o', 'n')
#define CL_BOX_UUID CL_FOURCC ('u', 'u', 'i', 'd')
#define CL_BOX_BFDB CL_FOURCC ('b', 'f', 'd', 'b')   /* embedded file description */
#define CL_BOX_BIDB CL_FOURCC ('b', 'i', 'd', 'b')   /* embedded file contents */
#define CL_BOX_BROB CL_FOURCC ('b', 'r', 'o', 'b')   /* brotli-compressed manifest */
#define CL_BOX_C2SH CL_FOURCC ('c', '2', 's', 'h')   /* salt, private box inside jumd */
#define CL_BOX_FREE CL_FOURCC ('f', 'r', 'e', 'e')

/* Every C2PA type UUID is <4CC>-0011-0010-8000-00AA00389B71. */
#define CL_C2PA_UUID_TAIL 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71
#define CL_C2PA_UUID(a, b, c, d) { (a), (b), (c), (d), CL_C2PA_UUID_TAIL }

/* Superbox types, from the jumd of each superbox. */
#define CL_UUID_STORE            CL_C2PA_UUID ('c', '2', 'p', 'a')   /* manifest store */
#define CL_UUID_MANIFEST         CL_C2PA_UUID ('c', '2', 'm', 'a')   /* standard manifest */
#define CL_UUID_UPDATE_MANIFEST  CL_C2PA_UUID ('c', '2', 'u', 'm')
#define CL_UUID_COMPRESSED       CL_C2PA_UUID ('c', '2', 'c', 'm')
#define CL_UUID_LEGACY_MANIFEST  CL_C2PA_UUID ('c', '2', 'm', 'd')   /* read, never write */
#define CL_UUID_ASSERTION_STORE  CL_C2PA_UUID ('c', '2', 'a', 's')
#define CL_UUID_CLAIM            CL_C2PA_UUID ('c', '2', 'c', 'l')
#define CL_UUID_SIGNATURE        CL_C2PA_UUID ('c', '2', 'c', 's')
#define CL_UUID_CREDENTIALS      CL_C2PA_UUID ('c', '2', 'v', 'c')
#define CL_UUID_DATABOXES        CL_C2PA_UUID ('c', '2', 'd', 'b')

/* Content types, from the jumd of an assertion superbox. */
#define CL_UUID_CBOR             CL_C2PA_UUID ('c', 'b', 'o', 'r')
#define CL_UUID_JSON             CL_C2PA_UUID ('j', 's', 'o', 'n')
#define CL_UUID_UUID             CL_C2PA_UUID ('u', 'u', 'i', 'd')
#define CL_UUID_EMBEDDED_FILE \
  { 0x40, 0xCB, 0x0C, 0x32, 0xBB, 0x8A, 0x48, 0x9D, 0xA7, 0x0B, 0x2A, 0xD6, 0xF4, 0x7F, 0x43, 0x69 }
/* The uuid-box payload of a redacted assertion (all its data zeros). */
#define CL_UUID_REDACTED \
  { 0xCA, 0xA9, 0x8E, 0xEE, 0x9D, 0x4D, 0xF8, 0x0E, 0x86, 0xAD, 0x4D, 0xFF, 0xCA, 0x26, 0x39, 0x73 }

/* jumd toggles. C2PA requires requestable + label (0x03); 0x10 adds the c2sh salt. */
#define CL_JUMD_REQUESTABLE 0x01
#define CL_JUMD_LABEL       0x02
#define CL_JUMD_ID          0x04
#define CL_JUMD_SIGNATURE   0x08
#define CL_JUMD_PRIVATE     0x10

/* JPEG APP11 (JPEG-XT) carrier: marker FFEB, CI "JP", En (box instance), Z (sequence). */
#define CL_JPEG_APP11 0xEB
/* PNG chunk that carries the manifest store. */
#define CL_PNG_CHUNK_CABX "caBX"
/* RIFF (WebP) chunk that carries the manifest store. */
#define CL_RIFF_CHUNK_C2PA "C2PA"
/* GIF application extension that carries it: identifier and authentication code. */
#define CL_GIF_APP_C2PA "C2PA_GIF\x01\x00\x00"

G_END_DECLS
