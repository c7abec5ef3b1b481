/* cl-asset-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-error.h"


gboolean
cl_asset_read_at (GInputStream  *stream,
                  guint64        offset,
                  guint8        *buffer,
                  gsize          len,
                  const char    *what,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gsize got = 0;

  if (offset > G_MAXINT64 ||
      !g_seekable_seek (G_SEEKABLE (stream), (goffset) offset, G_SEEK_SET, cancellable, error))
    return FALSE;
  if (!g_input_stream_read_all (stream, buffer, len, &got, cancellable, error))
    return FALSE;
  if (got != len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TRUNCATED,
                 _("The file ends in the middle of %s (at byte %llu)"),
                 what, (unsigned long long) (offset + got));
    return FALSE;
  }
  return TRUE;
}


char *
cl_asset_xmp_find_provenance (const char *xmp,
                              gsize       len)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  g_autofree char *url = NULL;

  if (len == 0 || g_strstr_len (xmp, (gssize) len, "dcterms:provenance") == NULL)
    return NULL;

  /* Either an attribute of rdf:Description or an element of its own. */
  text = g_strndup (xmp, len);
  regex = g_regex_new ("dcterms:provenance\\s*=\\s*[\"']([^\"'<>]*)[\"']"
                       "|<dcterms:provenance>\\s*([^<\\s]*)\\s*</dcterms:provenance>",
                       G_REGEX_RAW, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  url = g_match_info_fetch (match, 1);
  if (url == NULL || *url == '\0') {
    g_free (url);
    url = g_match_info_fetch (match, 2);
  }
  /* 1.x writers also put self#jumbf= references to embedded stores here. */
  if (url == NULL ||
      !(g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")))
    return NULL;
  return g_steal_pointer (&url);
}


void
cl_asset_info_add_store_range (ClAssetInfo *info,
                               guint64      start,
                               guint64      length)
{
  ClByteRange range = { start, length };

  if (info->store_ranges->len > 0) {
    ClByteRange *last = &g_array_index (info->store_ranges, ClByteRange,
                                        info->store_ranges->len - 1);

    if (last->start + last->length == start) {
      last->length += length;
      return;
    }
  }
  g_array_append_val (info->store_ranges, range);
}


void
cl_asset_info_free (ClAssetInfo *info)
{
  if (info == NULL)
    return;
  g_clear_pointer (&info->store, g_bytes_unref);
  g_clear_pointer (&info->store_ranges, g_array_unref);
  g_free (info->remote_url);
  g_free (info);
}
