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

/* --- CAWG identity claims aggregation (validate/cl-validator-ica.c) --------------------- */

/* The verifiable credential of one identity assertion (JSON): real ones are a few KB. */
#define CL_LIMIT_ICA_CREDENTIAL_BYTES (256 * 1024)
/* A did:web DID document fetched over HTTPS: c2pa-rs refuses more than 1 MiB. */
#define CL_LIMIT_DID_DOCUMENT_BYTES (1024 * 1024)
/* A DID (the credential's issuer) and the https:// address a did:web becomes. */
#define CL_LIMIT_DID_CHARS 2048
/* Seconds a did:web server has to answer (connecting, or the next bytes). */
#define CL_LIMIT_DID_WEB_TIMEOUT_SECONDS 5
/* Verified identities of one credential kept for the report (real ones hold a few). */
#define CL_LIMIT_ICA_IDENTITIES 64
/* Trusted ICA issuer DIDs read from a list file. */
#define CL_LIMIT_ICA_ISSUERS 10000
/* The C2PA Conforming Products List (trust/cl-conforming-products.c): the published one is
 * about 200 KB with 174 records (2026). */
#define CL_LIMIT_CPL_BYTES (16 * 1024 * 1024)
#define CL_LIMIT_CPL_RECORDS 20000

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

/* Decoded certificates kept for reuse (crypto/cl-x509-cache.c), and the largest kept: a
 * verification reads its signer's chain three times; a batch meets the same few signers
 * again and again. Real certificates take one or two kilobytes. */
#define CL_LIMIT_X509_CACHE_CERTS      16
#define CL_LIMIT_X509_CACHE_CERT_BYTES (64 * 1024)

/* Time-stamp tokens in a sigTst or sigTst2 header: C2PA expects one, and the validator
 * reports more than one; this only bounds how many are counted. */
#define CL_LIMIT_TST_TOKENS 16

/* Stapled OCSP responses in rVals: at most one per certificate of the chain. */
#define CL_LIMIT_OCSP_RESPONSES CL_LIMIT_X5CHAIN_CERTS

/* --- the containers (asset/) --------------------------------------------------------- */
/* Top-level chunks of a RIFF (WebP) file and blocks of a GIF file walked when looking
 * for the store: each is at least a few bytes long, so the file size bounds them too;
 * real files have a handful (WebP) or one per frame (GIF). Past the cap the file is
 * refused as malformed. */
#define CL_LIMIT_RIFF_CHUNKS 100000
#define CL_LIMIT_GIF_BLOCKS  1000000

/* --- ISO BMFF (asset/cl-bmff-tree.c, hash/cl-bmff-hash.c) ------------------------------ */
/* Box nesting: c2pa-rs refuses a file nested deeper than 32 ("too deeply nested"); real
 * files nest eight deep. Boxes walked in one file: a fragmented two-hour video with
 * one-second fragments has some 50000; each costs about 48 bytes. Exclusions of one BMFF
 * hash: c2pa-rs writes five to eight. Merkle maps, their leaf hashes and the merkle uuid
 * boxes (one per fragment) of one file. */
#define CL_LIMIT_BMFF_DEPTH         32
#define CL_LIMIT_BMFF_BOXES         200000
#define CL_LIMIT_BMFF_EXCLUSIONS    256
#define CL_LIMIT_BMFF_MERKLE_MAPS   64
#define CL_LIMIT_BMFF_MERKLE_HASHES 100000
/* Leaves of one Merkle tree over an mdat's blocks: c2pa-rs allows 32 MB of SHA-256 leaves. */
#define CL_LIMIT_BMFF_MERKLE_LEAVES 1000000
#define CL_LIMIT_BMFF_MERKLE_BOX_SIZE (64 * 1024)
/* A box whose offsets the signer moves (iloc, stco, co64), read whole: an image's iloc is
 * a few hundred bytes, a two-hour video's chunk offsets a few megabytes. */
#define CL_LIMIT_BMFF_OFFSET_BOX_SIZE (64 * 1024 * 1024)

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

/* The ingredient tree shown for a file (verify/cl-ingredient-tree): as deep as the validator
 * follows ingredients, and so many ingredients in all that a screen or a report stays usable
 * (real files show a handful). A manifest reached twice is shown once, never followed again. */
#define CL_LIMIT_INGREDIENT_TREE_DEPTH CL_LIMIT_INGREDIENT_DEPTH
#define CL_LIMIT_INGREDIENT_TREE_NODES 500

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

/* TIFF directories (C2PA 2.2 §A.3.5). Pages and the sub-images of one page are capped as
 * c2pa-rs caps them (more is an error there too); the entries of one page's directory at
 * what a classic TIFF can count; and the page entries read over the whole file, so that
 * thousands of overlapping directories cannot make a small file take long to read. */
#define CL_LIMIT_TIFF_PAGES       2000
#define CL_LIMIT_TIFF_SUBIFDS     1000
#define CL_LIMIT_TIFF_IFD_ENTRIES 65535
#define CL_LIMIT_TIFF_ENTRIES     1000000
/* Strips or tiles of one page whose place is checked before signing: a 100-megapixel image
 * in 256-pixel tiles has some 1500. */
#define CL_LIMIT_TIFF_DATA_PIECES 1000000

/* A hashed URI is a map of url, alg and hash (seven items); a redaction one text string. */
G_STATIC_ASSERT (7 * CL_LIMIT_REFERENCES + CL_LIMIT_REDACTIONS + 10000 <= CL_LIMIT_CBOR_ITEMS_CLAIM);

/* --- XMP of a file without credentials (verify/cl-signals-xmp.c) ---------------------- */

/* Bytes read from the start of a file to find its XMP packet: JPEG, PNG and WebP writers put
 * it before the image data, within the first few hundred kilobytes. */
#define CL_LIMIT_XMP_SCAN_SIZE (4 * 1024 * 1024)

/* --- What a source discloses, read before signing (sign/cl-privacy-preflight.c) -------- */

/* Entries of one Exif IFD (a 16-bit count; cameras write a few hundred at most). */
#define CL_LIMIT_EXIF_ENTRIES 1000
/* XMP packet of a source, in bytes (a JPEG's packet fits in one 64 KB segment; PNG iTXt
 * has no limit of its own). */
#define CL_LIMIT_XMP_PACKET_SIZE (2 * 1024 * 1024)
/* Bytes of a TIFF file read for its Exif directories and values (the privacy options
 * refuse a file whose GPS or Exif directory lies beyond them). */
#define CL_LIMIT_TIFF_METADATA_SCAN_SIZE (32 * 1024 * 1024)

/* --- JPEG XL containers (asset/) ------------------------------------------------------- */

/* Top-level boxes of a JPEG XL container, as c2pa-rs (1024): a real file has a handful
 * (signature, ftyp, metadata, one or a few codestream parts). */
#define CL_LIMIT_JXL_BOXES 1024

/* --- Decoding an image for its preview (asset/cl-image-preview, cl-jxl-decode) ---------- */

/* Pixels an image's header may claim before it is decoded at all: the JPEG XL and HEIF
 * decoders hold the whole frame (8-bit RGBA out, 4 bytes a pixel, plus their own planes),
 * and a header of a few bytes can claim gigapixels, so one that claims more is refused
 * before any of that is allocated. A medium-format camera's 102-megapixel photo fits. */
#define CL_LIMIT_DECODE_PIXELS (120 * 1000 * 1000)
/* Bytes of a file read but not yet taken by the decoder, held at once. */
#define CL_LIMIT_DECODE_HELD_INPUT (64 * 1024 * 1024)
/* Bytes of a HEIF's item properties box (iprp) read to find the image sizes it claims
 * (a real one holds a few kilobytes). */
#define CL_LIMIT_HEIF_PROPERTIES_SIZE (1024 * 1024)
/* Pixels of a HEIF primary image decoded for a preview when the file has no thumbnail
 * as large as the preview (one such decode at a time in the program). libheif holds the
 * whole image: 51-megapixel sample1.heic, a grid of tiles, peaks at 4.5 bytes a pixel
 * (230 MB), and a rotated or mirrored image is copied once more at 3 bytes a pixel while
 * the first is held: some 6 bytes a pixel, 390 MB at this cap, at the worst. A phone's
 * 48- or 50-megapixel photo fits. */
#define CL_LIMIT_HEIF_DECODE_PIXELS (64 * 1000 * 1000)

/* --- SVG (asset/) ---------------------------------------------------------------------- */

/* Bytes of an SVG file CredLink reads: the XML parser holds a text node whole, and the
 * store sits in one, base64 (a third larger than the store). */
#define CL_LIMIT_SVG_SIZE (128 * 1024 * 1024)
/* Characters of the base64 text that holds the store: the largest store, encoded. */
#define CL_LIMIT_SVG_BASE64 ((CL_LIMIT_STORE_SIZE + 2) / 3 * 4)
/* Nesting of SVG elements: real drawings nest a few dozen groups deep. */
#define CL_LIMIT_SVG_DEPTH 1024
/* Camera facts listed from a manifest's EXIF assertions (cameras write a few dozen). */
#define CL_LIMIT_CAMERA_FACTS 200
/* Characters of one value in a citeable summary (a title, a name): longer text from the
 * file is cut, so a hostile title cannot make a report of megabytes. */
#define CL_LIMIT_CITE_VALUE_CHARS 1000
