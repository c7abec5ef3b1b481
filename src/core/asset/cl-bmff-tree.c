/* cl-bmff-tree.c: walks the boxes of an ISO BMFF file (ISO/IEC 14496-12 §4.2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-asset-info.h"
#include "cl-bmff-tree.h"
#include "cl-c2pa-ids.h"
#include "cl-error.h"
#include "cl-limits.h"

/* The boxes c2pa-rs descends into. */
static const char container_types[] =
  "moovtrakmdiaminfstblmooftrafedtsudtadinftreftregmvexmframetaschi";

/* The FullBoxes of ISO/IEC 14496-12:2022, whose version and flags follow the header. */
static const char full_box_types[] =
  "pdinmvhdtkhdmdhdhdlrnmhdelngstsdstdpsttscttscslgstssstshelstdrefstszstz2stscstcoco64"
  "padbsubssaizsaiomehdtrexmfhdtfhdtruntframfrotfdtlevatrepasspsbgpsgpdcsgpcprttselkind"
  "metaxml bxmlilocpitmiproinfeiinfirefipmaschmfiinfparfecrgitnfirestristsgstvicschsidx"
  "ssixprftsrppvmhdsmhdsratchnldmixtxtCmimeuri uriIhmhdsthdvvhdmedc";

/* A header, a largesize, an extended type and a FullBox version and flags. */
#define HEAD_READ 40
/* Headers are read through a window of the file, so that many small boxes cost few reads. */
#define WINDOW (64 * 1024)

typedef struct {
  GInputStream *stream;
  guint64       file_size;
  guint8       *window;
  guint64       window_start;
  gsize         window_len;
} Reader;


static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}


static guint64
be64 (const guint8 *p)
{
  return ((guint64) be32 (p) << 32) | be32 (p + 4);
}


static gboolean
type_in (guint32     type,
         const char *list)
{
  gsize n = strlen (list) / 4;

  for (gsize i = 0; i < n; i++) {
    if (be32 ((const guint8 *) list + 4 * i) == type)
      return TRUE;
  }
  return FALSE;
}


/* Version and flags after the header, where c2pa-rs reads them. A QuickTime meta box is
 * a plain box: its first child (hdlr) follows the header directly. Returns the bytes
 * they take. */
static guint
read_extension (ClBmffBox    *box,
                const guint8 *head,
                gsize         head_len)
{
  const guint8 *p = head + box->header_len;
  gsize avail = head_len - box->header_len;
  guint64 content = box->size - box->header_len;

  if (box->type == CL_BOX_UUID) {
    if (content < 16 || avail < 16)
      return 0;
    box->has_uuid = TRUE;
    memcpy (box->uuid, p, 16);
    if (memcmp (box->uuid, (guint8[]) CL_BMFF_C2PA_UUID, 16) != 0 || content < 20 || avail < 20)
      return 16;
    p += 16;
  } else if (!type_in (box->type, full_box_types) || content < 4 || avail < 4) {
    return 0;
  } else if (box->type == CL_FOURCC ('m', 'e', 't', 'a') && content >= 8 && avail >= 8 &&
             memcmp (p + 4, "hdlr", 4) == 0) {
    return 0;
  }
  box->has_version = TRUE;
  box->version = p[0];
  box->flags = be32 (p) & 0xFFFFFF;
  return box->type == CL_BOX_UUID ? 20 : 4;
}


/* len bytes at offset (within the file), from the window or after moving it there. */
static gboolean
reader_get (Reader        *r,
            guint64        offset,
            guint8        *out,
            gsize          len,
            GCancellable  *cancellable,
            GError       **error)
{
  if (offset < r->window_start || offset + len > r->window_start + r->window_len) {
    gsize n = (gsize) MIN ((guint64) WINDOW, r->file_size - offset);

    r->window_len = 0;
    if (!cl_asset_read_at (r->stream, offset, r->window, n, _("a box header"), cancellable,
                           error))
      return FALSE;
    r->window_start = offset;
    r->window_len = n;
  }
  memcpy (out, r->window + (offset - r->window_start), len);
  return TRUE;
}


/* Reads the header of the box at offset, which must end by end. FALSE with error when it
 * is broken; *stop when there is no box (trailing bytes, as c2pa-rs ignores them). */
static gboolean
read_box (Reader        *reader,
          guint64        offset,
          guint64        end,
          ClBmffBox     *box,
          guint         *ext_len,
          gboolean      *stop,
          GCancellable  *cancellable,
          GError       **error)
{
  guint64 file_size = reader->file_size;
  guint8 head[HEAD_READ];
  gsize head_len = (gsize) MIN ((guint64) HEAD_READ, file_size - offset);
  guint64 size;

  *stop = FALSE;
  if (end - offset < 8) {
    *stop = TRUE;
    return TRUE;
  }
  if (!reader_get (reader, offset, head, head_len, cancellable, error))
    return FALSE;
  box->offset = offset;
  box->type = be32 (head + 4);
  box->header_len = 8;
  size = be32 (head);
  if (size == 1) {
    if (end - offset < 16) {
      *stop = TRUE;
      return TRUE;
    }
    box->header_len = 16;
    size = be64 (head + 8);
    if (size == 0) {
      *stop = TRUE;
      return TRUE;
    }
  } else if (size == 0) {
    size = file_size - offset;   /* to the end of the file */
  }
  if (size < box->header_len) {
    g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                 _("The box at byte %llu is shorter than its own header"),
                 (unsigned long long) offset);
    return FALSE;
  }
  if (size > end - offset) {
    if (box->type != CL_FOURCC ('m', 'd', 'a', 't')) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                   _("The box at byte %llu runs past the end of the file or "
                     "of the box that holds it"), (unsigned long long) offset);
      return FALSE;
    }
    size = end - offset;   /* media data cut short: hashed as far as it goes */
  }
  box->size = size;
  *ext_len = read_extension (box, head, head_len);
  return TRUE;
}


GArray *
cl_bmff_tree_read (GInputStream  *stream,
                   guint64        file_size,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (ClBmffBox));
  g_autofree guint8 *window = g_malloc (WINDOW);
  Reader reader = { stream, file_size, window, 0, 0 };
  guint64 ends[CL_LIMIT_BMFF_DEPTH + 1];
  gint32 parents[CL_LIMIT_BMFF_DEPTH + 1];
  guint level = 0;
  guint64 pos = 0;

  ends[0] = file_size;
  parents[0] = -1;
  for (;;) {
    ClBmffBox box = { 0 };
    guint ext_len = 0;
    gboolean stop = FALSE;

    while (level > 0 && pos >= ends[level])
      pos = ends[level--];
    if (level == 0 && pos >= file_size)
      break;
    if (!read_box (&reader, pos, ends[level], &box, &ext_len, &stop, cancellable, error))
      return NULL;
    if (stop) {
      if (level == 0)
        break;
      pos = ends[level];
      continue;
    }
    if (boxes->len >= CL_LIMIT_BMFF_BOXES) {
      g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_TOO_LARGE,
                   _("The file has more than %u boxes, more than CredLink reads"),
                   (guint) CL_LIMIT_BMFF_BOXES);
      return NULL;
    }
    box.parent = parents[level];
    box.depth = (guint8) (level + 1);
    g_array_append_val (boxes, box);

    if (type_in (box.type, container_types) && box.header_len + ext_len < box.size) {
      if (level + 1 >= CL_LIMIT_BMFF_DEPTH) {
        g_set_error (error, CL_ASSET_ERROR, CL_ASSET_ERROR_MALFORMED,
                     _("The boxes of the file are nested more than %u deep"),
                     (guint) CL_LIMIT_BMFF_DEPTH);
        return NULL;
      }
      level++;
      ends[level] = box.offset + box.size;
      parents[level] = (gint32) boxes->len - 1;
      pos = box.offset + box.header_len + ext_len;
    } else {
      pos = box.offset + box.size;
    }
  }
  return g_steal_pointer (&boxes);
}


/* One step of a box path: its type and 1-based index (0: every box of the type). */
static gboolean
parse_step (const char *step,
            guint32    *type,
            guint      *index)
{
  const char *bracket = strchr (step, '[');
  gsize name_len = bracket != NULL ? (gsize) (bracket - step) : strlen (step);
  guint64 n = 0;
  char *end = NULL;

  *index = 0;
  if (strlen (step) < 4 || name_len != 4)
    return name_len >= 4 && bracket == NULL ? (*type = 0, TRUE) : FALSE;
  *type = be32 ((const guint8 *) step);
  if (bracket == NULL)
    return TRUE;
  n = g_ascii_strtoull (bracket + 1, &end, 10);
  if (end == bracket + 1 || n == 0 || n > G_MAXUINT || *end != ']' || end[1] != '\0')
    return FALSE;
  *index = (guint) n;
  return TRUE;
}


gboolean
cl_bmff_tree_lookup (GArray     *boxes,
                     const char *xpath,
                     GArray     *matches)
{
  g_auto(GStrv) steps = NULL;
  g_autofree guint8 *in_set = g_malloc0 (boxes->len > 0 ? boxes->len : 1);
  g_autoptr(GArray) current = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean first = TRUE;

  while (*xpath == '/')
    xpath++;
  steps = g_strsplit (xpath, "/", CL_LIMIT_BMFF_DEPTH + 1);
  for (guint s = 0; steps[s] != NULL; s++) {
    guint32 type;
    guint index, seen = 0;
    g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

    /* A step that is not a four-character code matches nothing (0). */
    if (!parse_step (steps[s], &type, &index))
      return FALSE;
    for (guint i = 0; i < boxes->len; i++) {
      ClBmffBox *b = &g_array_index (boxes, ClBmffBox, i);
      gboolean child = first ? b->parent < 0 : b->parent >= 0 && in_set[b->parent];

      if (!child || type == 0 || b->type != type)
        continue;
      seen++;
      if (index == 0 || seen == index)
        g_array_append_val (next, i);
    }
    for (guint i = 0; i < current->len; i++)
      in_set[g_array_index (current, guint, i)] = 0;
    for (guint i = 0; i < next->len; i++)
      in_set[g_array_index (next, guint, i)] = 1;
    g_array_unref (current);
    current = g_steal_pointer (&next);
    first = FALSE;
  }
  if (steps[0] == NULL)
    return FALSE;
  g_array_append_vals (matches, current->data, current->len);
  return TRUE;
}


const ClBmffBox *
cl_bmff_tree_first_top (GArray  *boxes,
                        guint32  type)
{
  for (guint i = 0; i < boxes->len; i++) {
    ClBmffBox *b = &g_array_index (boxes, ClBmffBox, i);

    if (b->parent < 0 && b->type == type)
      return b;
  }
  return NULL;
}
