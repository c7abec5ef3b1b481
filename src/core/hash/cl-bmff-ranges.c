/* cl-bmff-ranges.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-bmff-ranges.h"

struct _ClBmffRanges {
  const EVP_MD *md;
  EVP_MD_CTX   *ctx;
  GArray       *exclusions;   /* ClByteRange, borrowed */
  GArray       *offsets;      /* guint64, borrowed */
  guint64       start, end;   /* the window */
  guint64       first, last;  /* the first and last byte hashed */
  guint         next_exclusion;
  guint         next_offset;
};


#define EXCLUSION(self, i) (&g_array_index ((self)->exclusions, ClByteRange, (i)))


/* The first exclusion that ends after pos. */
static guint
exclusion_after (GArray  *exclusions,
                 guint64  pos)
{
  guint lo = 0, hi = exclusions->len;

  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    ClByteRange *e = &g_array_index (exclusions, ClByteRange, mid);

    if (e->start + e->length <= pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}


static gboolean
excluded (GArray  *exclusions,
          guint64  pos,
          guint64 *run_start,
          guint64 *run_end)
{
  guint i = exclusion_after (exclusions, pos);
  ClByteRange *e = i < exclusions->len ? &g_array_index (exclusions, ClByteRange, i) : NULL;

  if (e == NULL || e->start > pos)
    return FALSE;
  *run_start = e->start;
  *run_end = e->start + e->length;
  return TRUE;
}


ClBmffRanges *
cl_bmff_ranges_new (const EVP_MD *md,
                    GArray       *exclusions,
                    GArray       *offsets)
{
  ClBmffRanges *self = g_new0 (ClBmffRanges, 1);

  self->md = md;
  self->ctx = EVP_MD_CTX_new ();
  self->exclusions = exclusions;
  self->offsets = offsets;
  return self;
}


void
cl_bmff_ranges_free (ClBmffRanges *self)
{
  if (self == NULL)
    return;
  EVP_MD_CTX_free (self->ctx);
  g_free (self);
}


void
cl_bmff_ranges_reset (ClBmffRanges *self,
                      guint64       start,
                      guint64       end)
{
  guint64 run_start, run_end;
  guint lo = 0, hi = self->offsets->len;

  EVP_DigestInit_ex (self->ctx, self->md, NULL);
  self->start = start;
  self->end = end;
  self->first = start;
  if (start < end && excluded (self->exclusions, start, &run_start, &run_end))
    self->first = run_end;
  self->last = end > 0 ? end - 1 : 0;
  if (start < end && excluded (self->exclusions, self->last, &run_start, &run_end))
    self->last = run_start > 0 ? run_start - 1 : 0;
  /* Nothing hashed: c2pa-rs then takes the whole window as the span. */
  if (self->first >= end || self->last < self->first || self->last < start) {
    self->first = start;
    self->last = end > 0 ? end - 1 : 0;
  }
  self->next_exclusion = exclusion_after (self->exclusions, start);
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;

    if (g_array_index (self->offsets, guint64, mid) < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  self->next_offset = lo;
}


/* The offset of the box starting at pos, when it is to be hashed there. */
static void
hash_box_offset (ClBmffRanges *self,
                 guint64       pos,
                 gboolean      pos_excluded)
{
  guint8 be[8];

  if (pos_excluded && !(pos > self->first && pos < self->last))
    return;
  for (int i = 0; i < 8; i++)
    be[i] = (guint8) (pos >> (56 - 8 * i));
  EVP_DigestUpdate (self->ctx, be, sizeof be);
}


void
cl_bmff_ranges_consume (ClBmffRanges *self,
                        guint64       offset,
                        const guint8 *data,
                        gsize         len)
{
  guint64 pos = MAX (offset, self->start);
  guint64 stop = MIN (offset + len, self->end);

  while (pos < stop) {
    ClByteRange *e;
    gboolean in_exclusion;
    guint64 run_end;

    while (self->next_exclusion < self->exclusions->len &&
           EXCLUSION (self, self->next_exclusion)->start +
           EXCLUSION (self, self->next_exclusion)->length <= pos)
      self->next_exclusion++;
    e = self->next_exclusion < self->exclusions->len ? EXCLUSION (self, self->next_exclusion) : NULL;
    in_exclusion = e != NULL && e->start <= pos;
    run_end = in_exclusion ? MIN (e->start + e->length, stop) : e != NULL ? MIN (e->start, stop) : stop;

    while (self->next_offset < self->offsets->len &&
           g_array_index (self->offsets, guint64, self->next_offset) < pos)
      self->next_offset++;
    if (self->next_offset < self->offsets->len) {
      guint64 box = g_array_index (self->offsets, guint64, self->next_offset);

      if (box == pos) {
        hash_box_offset (self, pos, in_exclusion);
        self->next_offset++;
        continue;
      }
      run_end = MIN (run_end, box);
    }
    if (!in_exclusion)
      EVP_DigestUpdate (self->ctx, data + (pos - offset), (gsize) (run_end - pos));
    pos = run_end;
  }
}


void
cl_bmff_ranges_finish (ClBmffRanges *self,
                       guint8       *digest,
                       guint        *len)
{
  EVP_DigestFinal_ex (self->ctx, digest, len);
}
