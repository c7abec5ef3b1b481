/* cl-box-map-jpeg.c: a JPEG file as c2pa-rs names its boxes for c2pa.hash.boxes.
 *
 * c2pa-rs (jpeg_io.rs get_box_map) walks the segments with the jfifdump reader and names
 * each one after its marker ("SOI", "APP0".."APP15", "DQT", "DHT", "DAC", "SOF0".."SOF2",
 * "DRI", "SOS", "RST0".."RST7", "COM", "JPG0".."JPG13", "EOI"); the APP11 segments of the
 * manifest store are one box, "C2PA". What this means, byte for byte:
 *  - a box starts at its marker (after any 0xFF fill bytes) and covers the marker and the
 *    segment its length field counts; "JPGn" segments count as two bytes only;
 *  - "SOS" also covers the entropy-coded data up to the first 0xFF that is not followed by
 *    0x00 or a restart marker, so the restart markers inside it are boxes of their own that
 *    lie inside the SOS box;
 *  - an APP11 segment with at most 16 payload bytes is no box at all; one that repeats the
 *    JPEG-XT box instance (En) of the store continues the C2PA box; otherwise payload
 *    bytes 24..27 "c2pa" (the store's description box UUID) start a C2PA box;
 *  - other frame types (lossless, arithmetic, hierarchical) and unknown markers have no
 *    name: c2pa-rs then refuses to make a box map, and so do we;
 *  - a segment the reader cannot finish (bad length, end of file) ends the box list
 *    without an error, except inside a scan, where c2pa-rs fails.
 * Segments are read after EOI as well, as jfifdump does.
 *
 * This scanner does not use the segment walk of the asset reader and the completeness
 * check (cl-jpeg-segments.c): that walk pulls bytes from a stream, while this is pushed
 * the file in pieces of any size by the hash pass that digests it (a marker, a length
 * field or a run of fill bytes may be split between two pieces) and must place each box
 * event between those bytes, holding some back until it knows what they start; and it
 * reads the file as jfifdump does where that departs from the standard (a TEM marker read
 * with a length, a 0x00 after 0xFF ending the walk, segments after EOI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cl-box-map-jpeg.h"

#define NO_BOX G_MAXUINT

typedef enum {
  J_SOI,          /* the first two bytes: FF D8 */
  J_SEARCH,       /* between segments: skipping to the next FF */
  J_MARKER,       /* an FF at marker_pos is held; the next byte says what it starts */
  J_HEADER,       /* collecting a segment's length (and an APP11's first payload bytes) */
  J_SKIP,         /* the rest of a segment */
  J_SCAN,         /* entropy-coded data after SOS or RSTn */
  J_SCAN_FF,      /* a run of FFs in entropy-coded data; the last one is held */
  J_DONE,         /* no more boxes */
} JpegState;

typedef struct {
  JpegState state;
  gboolean  has_store;
  guint64   marker_pos;            /* of the held FF */
  guint8    header[4 + 28];        /* FF, marker, length, first payload bytes */
  gsize     header_len;
  guint64   seg_end;
  guint64   skip_left;
  guint     seg_box;               /* box of the segment being read, NO_BOX if none */
  gboolean  seg_is_c2pa;           /* the segment being read is (part of) the store's box */
  guint64   seg_box_end;
  gboolean  seg_box_ended;
  /* The scan. */
  guint     scan_unit;             /* SOS or RSTn box whose scan data is being read */
  gboolean  sos_open;
  guint     sos_box;
  guint64   ff_first;              /* first FF of a run in the scan */
  guint     ff_run;
  /* The manifest store's box. */
  gboolean  c2pa_open;
  guint     c2pa_box;
  guint64   c2pa_end;              /* of its last segment read to the end */
  gboolean  cai_seen;
  guint8    cai_en[2];
  /* No store: an empty C2PA box goes after an APP0 right after SOI, else after SOI. */
  gboolean  after_soi;
  gboolean  synthetic_after_app0;
  guint     app0_box;
} JpegScanner;


static gpointer
jpeg_state_new (gboolean has_store)
{
  JpegScanner *j = g_new0 (JpegScanner, 1);

  j->state = J_SOI;
  j->has_store = has_store;
  j->seg_box = NO_BOX;
  j->app0_box = NO_BOX;
  return j;
}


static void
jpeg_free (gpointer state)
{
  g_free (state);
}


static void
synthetic_c2pa (ClBoxMapScanner *self,
                guint64          at)
{
  guint index = cl_box_map_begin (self, CL_BOX_MAP_C2PA, at);

  cl_box_map_end (self, index, at);
}


/* The store's box ends where its last segment did, unless the segment at hand goes on. */
static void
close_c2pa (ClBoxMapScanner *self,
            JpegScanner     *j)
{
  if (j->c2pa_open)
    cl_box_map_end (self, j->c2pa_box, j->c2pa_end);
  j->c2pa_open = FALSE;
}


static guint
begin_box (ClBoxMapScanner *self,
           JpegScanner     *j,
           const char      *name,
           guint64          start)
{
  guint index;

  close_c2pa (self, j);
  if (j->after_soi) {
    j->after_soi = FALSE;
    /* c2pa-rs puts it at byte 2, right after SOI; we put it right before the next box, after
     * any stray bytes (an empty box: only its place among the boxes matters). */
    if (!j->has_store && !g_str_equal (name, "APP0"))
      synthetic_c2pa (self, start);
    j->synthetic_after_app0 = !j->has_store && g_str_equal (name, "APP0");
  }
  index = cl_box_map_begin (self, name, start);
  if (j->synthetic_after_app0 && j->app0_box == NO_BOX)
    j->app0_box = index;
  return index;
}


static void
end_box (ClBoxMapScanner *self,
         JpegScanner     *j,
         guint            index,
         guint64          end)
{
  cl_box_map_end (self, index, end);
  if (index == j->app0_box && j->synthetic_after_app0) {
    j->synthetic_after_app0 = FALSE;
    synthetic_c2pa (self, end);
  }
}


/* A box without a length: the marker's two bytes (held until now). */
static guint
marker_box (ClBoxMapScanner *self,
            JpegScanner     *j,
            const char      *name)
{
  guint index = begin_box (self, j, name, j->marker_pos);

  cl_box_map_release (self);
  end_box (self, j, index, j->marker_pos + 2);
  return index;
}


static const char *
segment_name (guint8  marker,
              char    buffer[8],
              guint  *box_len_kind)
{
  static const char *const fixed[][2] = {
    { "\xDB", "DQT" }, { "\xC4", "DHT" }, { "\xCC", "DAC" }, { "\xDD", "DRI" },
    { "\xFE", "COM" }, { "\xDA", "SOS" }, { "\xC0", "SOF0" }, { "\xC1", "SOF1" },
    { "\xC2", "SOF2" },
  };

  *box_len_kind = 0;   /* marker + length field's count */
  if (marker >= 0xE0 && marker <= 0xEF) {
    g_snprintf (buffer, 8, "APP%u", marker - 0xE0);
    return buffer;
  }
  if (marker >= 0xF0 && marker <= 0xFD) {
    *box_len_kind = 1;   /* c2pa-rs measures these as a bare marker */
    g_snprintf (buffer, 8, "JPG%u", marker - 0xF0);
    return buffer;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (fixed); i++) {
    if ((guint8) fixed[i][0][0] == marker)
      return fixed[i][1];
  }
  return NULL;
}


static void segment_done (ClBoxMapScanner *self,
                          JpegScanner     *j);


/* The length (and for APP11 the start of the payload) is known: what box is this? */
static void
decide_segment (ClBoxMapScanner *self,
                JpegScanner     *j)
{
  guint8 marker = j->header[1];
  guint length = ((guint) j->header[2] << 8) | j->header[3];
  guint64 here = cl_box_map_offset (self) + 1;   /* after the byte being looked at */
  char buffer[8];
  const char *name;
  guint box_len_kind;

  j->seg_end = j->marker_pos + 2 + length;
  j->seg_box = NO_BOX;
  j->seg_box_ended = FALSE;
  j->seg_is_c2pa = FALSE;

  if (marker == 0xEB) {
    gsize payload_len = length - 2;
    const guint8 *payload = j->header + 4;

    if (payload_len <= 16) {
      close_c2pa (self, j);
    } else if (j->cai_seen && memcmp (payload + 2, j->cai_en, 2) == 0) {
      /* The store goes on (the same JPEG-XT box instance). */
      if (j->c2pa_open && j->marker_pos == j->c2pa_end)
        j->seg_is_c2pa = TRUE;
      else
        close_c2pa (self, j);
    } else if (payload_len < 28) {
      cl_box_map_fail (self, _("an APP11 segment is too short to tell whether it holds "
                               "Content Credentials"));
      return;
    } else if (memcmp (payload + 24, "c2pa", 4) == 0) {
      j->c2pa_box = begin_box (self, j, CL_BOX_MAP_C2PA, j->marker_pos);
      j->c2pa_open = TRUE;
      j->c2pa_end = j->marker_pos;
      j->seg_is_c2pa = TRUE;
      j->cai_seen = TRUE;
      memcpy (j->cai_en, payload + 2, 2);
    } else {
      j->seg_box = begin_box (self, j, "APP11", j->marker_pos);
      j->seg_box_end = j->seg_end;
    }
  } else {
    name = segment_name (marker, buffer, &box_len_kind);
    if (name == NULL) {
      g_autofree char *why = g_strdup_printf (_("the image has a segment (marker 0x%02X) that "
                                                "box hashes cannot name"), marker);

      cl_box_map_fail (self, why);
      return;
    }
    j->seg_box = begin_box (self, j, name, j->marker_pos);
    j->seg_box_end = box_len_kind == 1 ? j->marker_pos + 2 : j->seg_end;
    if (marker == 0xDA) {
      j->sos_box = j->seg_box;
      j->seg_box = NO_BOX;   /* its end is found in the scan */
    }
  }
  cl_box_map_release (self);
  /* A box shorter than its segment ("JPGn") ends in the bytes already read. */
  if (j->seg_box != NO_BOX && j->seg_box_end < j->seg_end) {
    end_box (self, j, j->seg_box, j->seg_box_end);
    j->seg_box_ended = TRUE;
  }
  j->skip_left = j->seg_end - here;
  j->state = J_SKIP;
  if (j->skip_left == 0)
    segment_done (self, j);
}


static void
segment_done (ClBoxMapScanner *self,
              JpegScanner     *j)
{
  if (j->seg_box != NO_BOX && !j->seg_box_ended)
    end_box (self, j, j->seg_box, j->seg_box_end);
  j->seg_box = NO_BOX;
  if (j->seg_is_c2pa)
    j->c2pa_end = j->seg_end;
  j->seg_is_c2pa = FALSE;
  if (j->header[1] == 0xDA) {
    j->sos_open = TRUE;
    j->scan_unit = j->sos_box;
    j->state = J_SCAN;
  } else {
    j->state = J_SEARCH;
  }
}


/* The byte after the FF at marker_pos, which is not another FF. */
static void
marker_byte (ClBoxMapScanner *self,
             JpegScanner     *j,
             guint8           marker)
{
  char name[8];

  if (marker == 0x00) {
    /* jfifdump stops at a marker 0x00: no more boxes. */
    close_c2pa (self, j);
    cl_box_map_release (self);
    j->state = J_DONE;
  } else if (marker == 0xD8 || marker == 0xD9) {
    marker_box (self, j, marker == 0xD8 ? "SOI" : "EOI");
    j->state = J_SEARCH;
  } else if (marker >= 0xD0 && marker <= 0xD7) {
    g_snprintf (name, sizeof name, "RST%u", marker - 0xD0);
    j->scan_unit = marker_box (self, j, name);
    j->state = J_SCAN;   /* jfifdump reads scan data after a restart marker */
  } else {
    j->header[0] = 0xFF;
    j->header[1] = marker;
    j->header_len = 2;
    j->state = J_HEADER;
  }
}


static void
header_byte (ClBoxMapScanner *self,
             JpegScanner     *j,
             guint8           b)
{
  guint length;

  j->header[j->header_len++] = b;
  if (j->header_len < 4)
    return;
  length = ((guint) j->header[2] << 8) | j->header[3];
  if (length < 2) {
    /* jfifdump refuses the length: the list ends here. */
    close_c2pa (self, j);
    cl_box_map_release (self);
    j->state = J_DONE;
    return;
  }
  if (j->header[1] == 0xEB && j->header_len < 4 + MIN ((gsize) length - 2, 28))
    return;
  decide_segment (self, j);
}


static void
scan_ff_byte (ClBoxMapScanner *self,
              JpegScanner     *j,
              guint8           b)
{
  guint64 here = cl_box_map_offset (self);
  gboolean in_entropy = b == 0x00 || (b >= 0xD0 && b <= 0xD7);

  /* c2pa-rs ends the SOS box at the first FF that neither a stuffed 0x00 nor a restart
   * marker follows (an FF FF pair ends it too). */
  if (j->ff_run == 1 && j->sos_open && !in_entropy) {
    cl_box_map_end (self, j->sos_box, j->ff_first);
    j->sos_open = FALSE;
  }
  if (b == 0xFF) {
    /* The FF before is fill; this one may start a marker. */
    cl_box_map_release (self);
    cl_box_map_hold (self, here);
    j->ff_run++;
    return;
  }
  if (b == 0x00) {
    cl_box_map_release (self);
    j->state = J_SCAN;
    return;
  }
  /* A marker: the scan data ends at the last FF (jfifdump). */
  j->marker_pos = here - 1;
  marker_byte (self, j, b);
}


static void
jpeg_process (ClBoxMapScanner *self)
{
  JpegScanner *j = self->state;

  while (self->pos < self->buf_len && !self->failed) {
    const guint8 *p = self->buf + self->pos;
    gsize avail = self->buf_len - self->pos;
    guint64 here = cl_box_map_offset (self);

    switch (j->state) {
    case J_SOI:
      if ((here == 0 && p[0] != 0xFF) || (here == 1 && p[0] != 0xD8)) {
        cl_box_map_fail (self, _("the file does not start like a JPEG image"));
        return;
      }
      if (here == 0)
        cl_box_map_hold (self, 0);
      if (here == 1) {
        guint index = cl_box_map_begin (self, "SOI", 0);

        cl_box_map_release (self);
        cl_box_map_end (self, index, 2);
        j->after_soi = TRUE;
        j->state = J_SEARCH;
      }
      self->pos++;
      break;

    case J_SEARCH:
      if (p[0] != 0xFF) {
        const guint8 *ff = memchr (p, 0xFF, avail);

        close_c2pa (self, j);
        self->pos += ff != NULL ? (gsize) (ff - p) : avail;
        break;
      }
      j->marker_pos = here;
      cl_box_map_hold (self, here);
      j->state = J_MARKER;
      self->pos++;
      break;

    case J_MARKER:
      if (p[0] == 0xFF) {
        close_c2pa (self, j);
        cl_box_map_release (self);
        cl_box_map_hold (self, here);
        j->marker_pos = here;
      } else {
        marker_byte (self, j, p[0]);
      }
      self->pos++;
      break;

    case J_HEADER:
      header_byte (self, j, p[0]);
      self->pos++;
      break;

    case J_SKIP: {
      gsize n = (gsize) MIN ((guint64) avail, j->skip_left);

      self->pos += n;
      j->skip_left -= n;
      if (j->skip_left == 0)
        segment_done (self, j);
      break;
    }

    case J_SCAN: {
      const guint8 *ff = memchr (p, 0xFF, avail);

      if (ff == NULL) {
        self->pos += avail;
        break;
      }
      self->pos += (gsize) (ff - p);
      j->ff_first = cl_box_map_offset (self);
      j->ff_run = 1;
      cl_box_map_hold (self, j->ff_first);
      j->state = J_SCAN_FF;
      self->pos++;
      break;
    }

    case J_SCAN_FF:
      scan_ff_byte (self, j, p[0]);
      self->pos++;
      break;

    case J_DONE:
    default:
      self->pos = self->buf_len;
      break;
    }
  }
}


static void
jpeg_finish (ClBoxMapScanner *self)
{
  JpegScanner *j = self->state;

  switch (j->state) {
  case J_SOI:
    cl_box_map_fail (self, _("the file does not start like a JPEG image"));
    return;
  case J_SKIP:
    /* A segment cut off by the end of the file is no box. */
    if (j->header[1] == 0xDA) {
      cl_box_map_discard (self, j->sos_box);
    } else if (j->seg_box != NO_BOX) {
      cl_box_map_discard (self, j->seg_box);
    } else if (j->seg_is_c2pa) {
      /* A store cut off is no box either (c2pa-rs would keep its first segments, but
       * such a file has no readable store to verify in the first place). */
      cl_box_map_discard (self, j->c2pa_box);
      j->c2pa_open = FALSE;
    }
    break;
  case J_SCAN:
  case J_SCAN_FF:
    if (j->sos_open) {
      cl_box_map_fail (self, _("the image data ends before the image does"));
      return;
    }
    cl_box_map_discard (self, j->scan_unit);
    break;
  case J_SEARCH:
  case J_MARKER:
  case J_HEADER:
  case J_DONE:
  default:
    break;
  }
  close_c2pa (self, j);
  if (j->after_soi && !j->has_store)
    cl_box_map_fail (self, _("the JPEG image has no segments"));
}


const ClBoxMapFormat cl_box_map_jpeg = {
  jpeg_state_new,
  jpeg_process,
  jpeg_finish,
  jpeg_free,
};
