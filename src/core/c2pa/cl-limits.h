/* cl-limits.h: every cap on what a manifest store may hold, in one place.
 *
 * A store comes from a file anyone can make. Each cap bounds the time and memory one
 * part of it may take, far above what real files hold, so that a hostile file gets a
 * verdict that names the limit instead of exhausting the machine. Each parser refuses
 * at the cap before it allocates what lies beyond it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* --- the store ---------------------------------------------------------------------- */

/* Bytes of one manifest store: c2pa-rs caps decompressed manifests at 32 MB; embedded
 * stores with large ingredient thumbnails stay far below. */
#define CL_LIMIT_STORE_SIZE (64 * 1024 * 1024)

/* Bytes one compressed manifest may expand to, as in c2pa-rs (32 MB): a Brotli stream
 * can expand a thousandfold and more, so it is cut off there, whatever its declared
 * size. All the compressed manifests of a store expand to at most CL_LIMIT_STORE_SIZE
 * together, and their boxes count against CL_LIMIT_JUMBF_BOXES with the store's. */
#define CL_LIMIT_DECOMPRESSED_SIZE (32 * 1024 * 1024)

/* --- JUMBF (jumbf/) -------------------------------------------------------------------- */

/* Boxes of any kind in one store, empty ones included (about 130 bytes of memory each, so
 * at most some 13 MB): a manifest has a few dozen, a store with many ingredients a few
 * thousand. */
#define CL_LIMIT_JUMBF_BOXES 100000

/* Superbox nesting: c2pa-rs caps it at 32 (MAX_JUMB_DEPTH); C2PA itself nests five deep. */
#define CL_LIMIT_JUMBF_DEPTH 32

/* --- manifests and assertions (manifest/) --------------------------------------------- */

/* Manifests in one store: one per ingredient that had credentials, plus the active one;
 * real stores hold a handful. */
#define CL_LIMIT_MANIFESTS 1000

/* Assertion boxes in one manifest's assertion store: c2pa-rs refuses more than about as
 * many; real manifests hold fewer than twenty. */
#define CL_LIMIT_ASSERTIONS 10000

/* Nesting of a JSON assertion: json-glib parses recursively; real ones nest a few levels. */
#define CL_LIMIT_JSON_DEPTH 64

/* --- CBOR (util/cl-cbor-util.c) --------------------------------------------------------- */

/* Nesting of any CBOR structure: C2PA data is flat (a claim nests four levels); the cap
 * keeps recursive frees and conversions off the stack's edge. */
#define CL_LIMIT_CBOR_DEPTH 64

/* CBOR items (every value, key and container counts) of one assertion, and of any other
 * CBOR data: libcbor takes some 70 bytes per item, so at most some 70 MB. Real assertions
 * hold tens to hundreds; the largest, a BMFF Merkle tree, one hash per fragment. */
#define CL_LIMIT_CBOR_ITEMS 1000000

/* CBOR items of one claim: its lists of hashed URIs (seven items each) for up to
 * CL_LIMIT_ASSERTIONS assertions, several times over; real claims hold a few hundred. */
#define CL_LIMIT_CBOR_ITEMS_CLAIM 200000

/* CBOR items of one claim signature (COSE_Sign1 and its protected header): headers, a
 * chain, time-stamp tokens and OCSP responses, each a byte string; real ones hold fewer
 * than a hundred. */
#define CL_LIMIT_CBOR_ITEMS_COSE 10000

/* Bytes of one claim signature (COSE_Sign1 with its headers and padding): decoding copies
 * its byte strings, so it is refused before. A chain of CL_LIMIT_X5CHAIN_CERTS large
 * certificates, time-stamp tokens, OCSP responses and c2pa-rs's padding take well under a
 * megabyte; real signatures take a few tens of kilobytes. */
#define CL_LIMIT_COSE_BYTES (4 * 1024 * 1024)

/* --- the claim signature (crypto/cl-cose.c) --------------------------------------------- */

/* Certificates in an x5chain, leaf first: real chains hold two to four (a leaf, one or two
 * intermediates, sometimes the root). */
#define CL_LIMIT_X5CHAIN_CERTS 32

/* Time-stamp tokens in a sigTst or sigTst2 header: C2PA expects one, and the validator
 * reports more than one; this only bounds how many are counted. */
#define CL_LIMIT_TST_TOKENS 16

/* Stapled OCSP responses in rVals: at most one per certificate of the chain. */
#define CL_LIMIT_OCSP_RESPONSES CL_LIMIT_X5CHAIN_CERTS

/* --- the validator (validate/) -------------------------------------------------------- */
/* So that the validator is linear and its work bounded: credentials over a count are
 * refused as malformed before anything is checked. Real claims reference tens of
 * assertions and redact few: a claim may reference every assertion of its manifest
 * (CL_LIMIT_ASSERTIONS) twice over, and redact as many. Both lists are in the claim, so
 * they must fit in CL_LIMIT_CBOR_ITEMS_CLAIM (checked below), or the claim's item cap
 * would refuse them first with another message. c2pa-rs cuts the ingredient chain at its
 * depth, without a status, and so does CredLink. */
#define CL_LIMIT_REFERENCES       (2 * CL_LIMIT_ASSERTIONS)  /* assertion references of one claim */
#define CL_LIMIT_REDACTIONS       (2 * CL_LIMIT_ASSERTIONS)  /* redacted assertions of one claim */
#define CL_LIMIT_INGREDIENTS      1000     /* ingredient assertions of one manifest */
#define CL_LIMIT_INGREDIENT_DEPTH 16       /* nested ingredient manifests followed */

/* Values (CBOR items) of assertion content the validator decodes for one file, over every
 * manifest: actions, ingredients (each parsed once, and kept while the file is validated),
 * identity and time-stamp assertions. Each is bounded by CL_LIMIT_CBOR_ITEMS, but a store of
 * many large ones would otherwise take seconds and hundreds of megabytes: a decoded value
 * takes some 80 bytes, so this keeps them to about 20 MB. Real credentials decode a few
 * thousand values. Past it, what is left is malformed. */
#define CL_LIMIT_DECODED_VALUES 250000

/* Values (CBOR items, JSON values) of assertion data that one report shows, over every
 * manifest: the report is a tree of JSON nodes, some 80 bytes each, so a store of tiny
 * values would otherwise take tens of times its size. The largest real reports hold a few
 * thousand; past the cap an assertion's data is replaced by a note. */
#define CL_LIMIT_REPORT_VALUES 100000

/* A hashed URI is a map of url, alg and hash (seven items); a redaction one text string. */
G_STATIC_ASSERT (7 * CL_LIMIT_REFERENCES + CL_LIMIT_REDACTIONS + 10000 <= CL_LIMIT_CBOR_ITEMS_CLAIM);

/* --- JPEG XL containers (asset/) ------------------------------------------------------- */

/* Top-level boxes of a JPEG XL container, as c2pa-rs (1024): a real file has a handful
 * (signature, ftyp, metadata, one or a few codestream parts). */
#define CL_LIMIT_JXL_BOXES 1024

/* --- SVG (asset/) ---------------------------------------------------------------------- */

/* Bytes of an SVG file CredLink reads: the XML parser holds a text node whole, and the
 * store sits in one, base64 (a third larger than the store). */
#define CL_LIMIT_SVG_SIZE (128 * 1024 * 1024)
/* Characters of the base64 text that holds the store: the largest store, encoded. */
#define CL_LIMIT_SVG_BASE64 ((CL_LIMIT_STORE_SIZE + 2) / 3 * 4)
/* Nesting of SVG elements: real drawings nest a few dozen groups deep. */
#define CL_LIMIT_SVG_DEPTH 1024
