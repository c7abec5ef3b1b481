/* cl-asset-svg.c: finds the C2PA manifest store in an SVG file.
 *
 * The store is base64 text in <svg><metadata><c2pa:manifest> (C2PA 2.2 §A.3.7), matched
 * as c2pa-rs matches it: by the element names as written, the three outermost elements.
 * The data hash excludes the base64 text and nothing else: not the tags around it. An XMP
 * packet (between its xpacket instructions) may name a remote manifest.
 *
 * The file is parsed with GMarkup, fed piece by piece, each piece ending after a '>'
 * (or at the end of a read): a start tag is reported while its last piece is parsed, so
 * the text after it begins where that piece ends, and the text ends at the first '<' of
 * the piece during which it is reported. Text that is not plain base64 (an entity, a
 * comment, white space) is refused, as c2pa-rs refuses it. The same walk notes where a
 * writer (cl-asset-svg-writer.c) puts a new store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-asset-svg.h"
#include "cl-error.h"

#define READ_SIZE (64 * 1024)
#define MAX_XMP_LEN (4 * 1024 * 1024)
/* The id of an XMP packet's xpacket begin instruction. */
#define XMP_PACKET_ID "W5M0MpCehiHzreSzNTczkc9d"

typedef struct {
  ClAssetInfo  *info;
  ClSvgPlaces  *places;
  guint         depth;
  gboolean      path_ok[4];       /* depth 1..3 match svg / metadata / c2pa:manifest */
  /* The piece being parsed, where it starts in the file. */
  const char   *piece;
  gsize         piece_len;
  guint64       piece_start;
  guint64       text_start;       /* after the manifest's start tag */
  gboolean      in_manifest;
  /* The XMP packet: from its xpacket begin instruction to the end of its end one. */
  guint64       xmp_start;
  guint64       xmp_end;
} SvgScan;


/* Where a writer puts a store: the root's start tag ends at the '>' that ends the piece;
 * the first svg/metadata that is not empty (<metadata/>) takes the store first. */
static void
note_place (SvgScan     *scan,
            const char **attribute_names)
{
  guint64 tag_end = scan->piece_start + scan->piece_len;
  gboolean empty = scan->piece_len >= 2 && scan->piece[scan->piece_len - 2] == '/';

  if (scan->depth == 1) {
    scan->places->svg_tag_end = empty ? 0 : tag_end;
    scan->places->has_c2pa_namespace = g_strv_contains (attribute_names, "xmlns:c2pa");
  } else if (scan->places->metadata_tag_end == 0 && !empty) {
    scan->places->metadata_tag_end = tag_end;
  }
}


static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  static const char *const path[] = { NULL, "svg", "metadata", "c2pa:manifest" };
  SvgScan *scan = user_data;

  if (++scan->depth > CL_LIMIT_SVG_DEPTH) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The SVG elements nest more than %u deep"), (guint) CL_LIMIT_SVG_DEPTH);
    return;
  }
  if (scan->depth <= 3)
    scan->path_ok[scan->depth] = (scan->depth == 1 || scan->path_ok[scan->depth - 1]) &&
                                 g_str_equal (element_name, path[scan->depth]);
  if (scan->depth <= 2 && scan->path_ok[scan->depth])
    note_place (scan, attribute_names);
  if (scan->depth == 3 && scan->path_ok[3]) {
    if (scan->info->store != NULL) {
      g_set_error_literal (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MULTIPLE_STORES,
                           _("The image carries more than one set of Content Credentials, "
                             "which the C2PA specification does not allow"));
      return;
    }
    scan->in_manifest = TRUE;
    scan->text_start = scan->piece_start + scan->piece_len;
  }
}


static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  SvgScan *scan = user_data;

  scan->in_manifest = FALSE;
  scan->depth--;
}


static gboolean
is_base64 (const char *text,
           gsize       len)
{
  gsize padding = 0;

  if (len % 4 != 0)
    return FALSE;
  while (padding < 2 && padding < len && text[len - 1 - padding] == '=')
    padding++;
  for (gsize i = 0; i < len - padding; i++) {
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/')
      return FALSE;
  }
  return TRUE;
}


static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  SvgScan *scan = user_data;
  const char *lt = memchr (scan->piece, '<', scan->piece_len);
  guint64 raw_len;
  gsize store_len = 0;
  guchar *store;

  if (!scan->in_manifest || text_len == 0)
    return;
  scan->in_manifest = FALSE;
  raw_len = lt != NULL ? scan->piece_start + (guint64) (lt - scan->piece) - scan->text_start : 0;
  if (text_len > CL_LIMIT_SVG_BASE64) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The Content Credentials at byte %llu are larger than "
                   "CredLink accepts"), (unsigned long long) scan->text_start);
    return;
  }
  if (raw_len != text_len || !is_base64 (text, text_len)) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The Content Credentials at byte %llu are not valid "
                   "base64 text"), (unsigned long long) scan->text_start);
    return;
  }
  {
    g_autofree char *copy = g_strndup (text, text_len);

    store = g_base64_decode (copy, &store_len);
  }
  scan->info->store = g_bytes_new_take (store, store_len);
  cl_asset_info_add_store_range (scan->info, scan->text_start, text_len);
}


/* An xpacket instruction ends a piece: the piece's last '<' starts it. (GMarkup's
 * passthrough callback would report it too, but GLib 2.74 then sets an error twice on
 * some malformed instructions.) */
static void
note_xpacket (SvgScan *scan)
{
  const char *lt = scan->piece + scan->piece_len;
  gsize pi_len;

  if (scan->piece_len < 11 || memcmp (scan->piece + scan->piece_len - 2, "?>", 2) != 0)
    return;
  while (lt > scan->piece && lt[-1] != '<')
    lt--;
  if (lt == scan->piece)
    return;
  lt--;
  pi_len = scan->piece_len - (gsize) (lt - scan->piece);
  if (pi_len < 11 || memcmp (lt, "<?xpacket", 9) != 0)
    return;
  if (scan->xmp_start == 0 && g_strstr_len (lt, (gssize) pi_len, XMP_PACKET_ID) != NULL)
    scan->xmp_start = scan->piece_start + (guint64) (lt - scan->piece);
  else if (scan->xmp_start != 0 && scan->xmp_end == 0)
    scan->xmp_end = scan->piece_start + scan->piece_len;
}


static const GMarkupParser svg_parser = {
  start_element_cb, end_element_cb, text_cb, NULL, NULL,
};


/* Feeds one block to the parser, in pieces that end after each '>'. */
static gboolean
parse_block (GMarkupParseContext  *context,
             SvgScan              *scan,
             const char           *block,
             gsize                 len,
             guint64               offset,
             GError              **error)
{
  gsize at = 0;

  while (at < len) {
    const char *gt = memchr (block + at, '>', len - at);
    gsize end = gt != NULL ? (gsize) (gt - block) + 1 : len;

    scan->piece = block + at;
    scan->piece_len = end - at;
    scan->piece_start = offset + at;
    if (!g_markup_parse_context_parse (context, scan->piece, (gssize) scan->piece_len, error))
      return FALSE;
    note_xpacket (scan);
    at = end;
  }
  return TRUE;
}


/* The XMP packet may name a remote manifest (dcterms:provenance). */
static gboolean
read_provenance (GInputStream  *stream,
                 ClAssetInfo   *info,
                 SvgScan       *scan,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *xmp = NULL;
  guint64 len;

  if (scan->xmp_end <= scan->xmp_start || scan->xmp_end - scan->xmp_start > MAX_XMP_LEN)
    return TRUE;
  len = scan->xmp_end - scan->xmp_start;
  xmp = g_malloc ((gsize) len);
  if (!cl_asset_read_at (stream, scan->xmp_start, (guint8 *) xmp, (gsize) len,
                         _("the XMP packet"), cancellable, error))
    return FALSE;
  info->remote_url = cl_asset_xmp_find_provenance (xmp, (gsize) len);
  return TRUE;
}


gboolean
cl_asset_svg_scan (GInputStream  *stream,
                   ClAssetInfo   *info,
                   ClSvgPlaces   *places,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SvgScan scan = { info, places, };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *block = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 offset = 0;

  *places = (ClSvgPlaces) { 0, };
  if (info->file_size > CL_LIMIT_SVG_SIZE) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                 _("The SVG file is larger than CredLink reads (%u MB)"),
                 (guint) (CL_LIMIT_SVG_SIZE / (1024 * 1024)));
    return FALSE;
  }
  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    return FALSE;
  context = g_markup_parse_context_new (&svg_parser, 0, &scan, NULL);
  block = g_malloc (READ_SIZE);
  for (;;) {
    gssize n = g_input_stream_read (stream, block, READ_SIZE, cancellable, error);

    if (n < 0)
      return FALSE;
    if (n == 0)
      break;
    if (!parse_block (context, &scan, block, (gsize) n, offset, &local_error))
      break;
    offset += (guint64) n;
  }
  if (local_error == NULL)
    g_markup_parse_context_end_parse (context, &local_error);
  if (local_error != NULL) {
    if (local_error->domain == CL_ASSET_ERROR) {
      g_propagate_error (error, g_steal_pointer (&local_error));
    } else {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The SVG file is not well-formed XML: %s"), local_error->message);
    }
    g_clear_pointer (&info->store, g_bytes_unref);
    return FALSE;
  }
  if (info->store != NULL && g_bytes_get_size (info->store) == 0) {
    /* Empty text: no store (c2pa-rs: not found). */
    g_clear_pointer (&info->store, g_bytes_unref);
    g_array_set_size (info->store_ranges, 0);
  }
  return read_provenance (stream, info, &scan, cancellable, error);
}


gboolean
cl_asset_svg_read (GInputStream  *stream,
                   ClAssetInfo   *info,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ClSvgPlaces places;

  return cl_asset_svg_scan (stream, info, &places, cancellable, error);
}
