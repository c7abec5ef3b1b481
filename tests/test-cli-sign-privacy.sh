#!/bin/sh
# credlink-cli sign --dry-run: what signing would disclose — GPS position, serial numbers
# and names from the source's Exif and XMP, the signer certificate and the author in the
# credentials — printed without unlocking the key or writing anything; --remove-gps and
# --remove-serials take them out of the signed copy (said by --dry-run first).
cli="${CREDLINK_CLI:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDLINK_DATA_DIR="$tmp/data"
export CREDLINK_PASSPHRASE="correct horse"
export CREDLINK_PROOF_DB="$tmp/proofs.db"
echo "1..7"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# A 16×16 JPEG (gdk-pixbuf), then a copy with an Exif APP1 (GPS 48°51'30.13" N
# 2°17'40.2" E, body serial SN123456) and an XMP APP1 (a creator) put after its SOI.
echo "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDNooor0DhP/9k=" | base64 -d > "$tmp/plain.jpg"
python3 - "$tmp/plain.jpg" "$tmp/gps.jpg" <<'PY'
import struct, sys
def entry(tag, typ, count, value):
    return struct.pack("<HHII", tag, typ, count, value)
tiff = b"II" + struct.pack("<HI", 42, 8)
tiff += struct.pack("<H", 2) + entry(0x8769, 4, 1, 38) + entry(0x8825, 4, 1, 65) + struct.pack("<I", 0)
tiff += struct.pack("<H", 1) + entry(0xA431, 2, 9, 56) + struct.pack("<I", 0) + b"SN123456\0"
tiff += struct.pack("<H", 4) + entry(1, 2, 2, ord("N")) + entry(2, 5, 3, 119) + \
        entry(3, 2, 2, ord("E")) + entry(4, 5, 3, 143) + struct.pack("<I", 0)
tiff += struct.pack("<6I", 48, 1, 51, 1, 3013, 100) + struct.pack("<6I", 2, 1, 17, 1, 402, 10)
assert len(tiff) == 167
xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
       b'<dc:creator><rdf:Seq><rdf:li>Ann Example</rdf:li></rdf:Seq></dc:creator>'
       b'</rdf:Description></rdf:RDF></x:xmpmeta>')
def app1(payload):
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
src = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(src[:2] + app1(b"Exif\0\0" + tiff) +
                              app1(b"http://ns.adobe.com/xap/1.0/\0" + xmp) + src[2:])
PY

"$cli" profile create-test --name "Jane Doe" >/dev/null 2>&1
sum_before=$(sha256sum "$tmp/gps.jpg")

env -u CREDLINK_PASSPHRASE "$cli" sign --dry-run --profile "Jane Doe" --author "Jane Doe" \
  -o "$tmp/out" "$tmp/gps.jpg" </dev/null >"$tmp/log" 2>&1; rc=$?
[ $rc = 0 ] && grep -q "GPS position (Exif): 48.858369° N, 2.294500° E" "$tmp/log" &&
  grep -q "Camera serial number (Exif): SN123456" "$tmp/log" &&
  grep -q "Creator (XMP): Ann Example" "$tmp/log" &&
  grep -q "Signer certificate: .*CN=Jane Doe" "$tmp/log" && grep -q "    Author: Jane Doe" "$tmp/log"
check $? "--dry-run lists the GPS position, serial number and names, and the signer, without the passphrase"

[ ! -e "$tmp/out" ] && [ ! -e "$CREDLINK_PROOF_DB" ] && [ "$(sha256sum "$tmp/gps.jpg")" = "$sum_before" ] &&
  grep -q "nothing was signed or written" "$tmp/log"
check $? "--dry-run writes nothing: no output, no proof, the source unchanged"

"$cli" sign --dry-run --profile "Jane Doe" "$tmp/plain.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 0 ] && grep -q "nothing personal found in its Exif or XMP" "$tmp/log" &&
  grep -q "Signer certificate" "$tmp/log"
check $? "a file without personal metadata: only the signer is disclosed, and no -o is needed"

"$cli" sign --dry-run --profile nobody "$tmp/plain.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && grep -q "no signing profile" "$tmp/log"
check $? "--dry-run with an unknown profile fails"

printf 'not an image' > "$tmp/junk.jpg"
"$cli" sign --dry-run --profile "Jane Doe" "$tmp/junk.jpg" "$tmp/plain.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && grep -q "junk.jpg: " "$tmp/log" && grep -q "plain.jpg: signing would disclose" "$tmp/log"
check $? "an unreadable input fails, the others are still reported"

"$cli" sign --dry-run --remove-gps --remove-serials --profile "Jane Doe" "$tmp/gps.jpg" \
  >"$tmp/log" 2>&1; rc=$?
[ $rc = 0 ] && grep -A2 "Removed from the signed copy" "$tmp/log" | grep -q "GPS position (Exif)" &&
  grep -A2 "Removed from the signed copy" "$tmp/log" | grep -q "Camera serial number (Exif): SN123456" &&
  grep -A1 "kept as it is" "$tmp/log" | grep -q "Creator (XMP): Ann Example"
check $? "--dry-run with --remove-gps --remove-serials says what the signed copy will not hold"

"$cli" sign --remove-gps --remove-serials --profile "Jane Doe" --no-proof-cache \
  -o "$tmp/clean.jpg" "$tmp/gps.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 0 ] && ! grep -q "SN123456" "$tmp/clean.jpg" && grep -q "c2pa.edited.metadata" "$tmp/clean.jpg" &&
  [ "$(sha256sum "$tmp/gps.jpg")" = "$sum_before" ] &&
  "$cli" sign --dry-run --profile "Jane Doe" "$tmp/clean.jpg" >"$tmp/log" 2>&1 &&
  ! grep -q "GPS position" "$tmp/log" && ! grep -q "serial number" "$tmp/log"
check $? "sign --remove-gps --remove-serials: the signed copy has neither, the source is unchanged"
