#!/bin/bash
# bench-verify.sh: wall time and peak RSS of `credlink-cli verify` on a ~25 MB signed JPEG
# (or TIFF, or HEIC), next to `openssl dgst -sha256` on the same file. Not a test: run it by hand.
#
#   tests/bench/bench-verify.sh [BUILD_DIR] [SIZE_MB] [LAYOUT] [RUNS]
#
# LAYOUT: "scan" (default) grows the image's entropy-coded data, as a large photo is: a few
# segments, then one long scan; "segments" pads with ~400 COM segments of 64 KB instead
# (many small headers to walk); "tiff" makes a one-page grey TIFF whose one strip is
# ~SIZE_MB, signed by CredLink itself (a test profile in a scratch folder); "heic" grows the
# media data (mdat, the last box) of the shared sample1.heic, whose item locations (iloc) point
# before the growth, so the file stays valid (the reference signer then inserts its store and
# moves the offsets). RUNS (default 30): the commands run alternately, each RUNS
# times, and the medians are compared, so a noisy machine slows both alike.
#
# Needs: the reference signer (node + ~/.cache/credlink-oracle/sign.mjs, see
# ../shared/oracle/README.md), the shared test certificates, python3, /usr/bin/time
# (Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
size_mb="${2:-25}"
layout="${3:-scan}"
runs="${4:-30}"
shared="${CREDLINK_SHARED_DIR:-$PWD/../shared}"
oracle="${CREDLINK_ORACLE_DIR:-$HOME/.cache/credlink-oracle}"
cli="$build/src/cli/credlink-cli"
certs="$shared/c2pa-fixtures/certs"
base="$shared/c2pa-fixtures/images/no_manifest.jpg"

for need in "$cli" "$oracle/sign.mjs" "$certs/es256.pub" "$base" /usr/bin/time; do
  [ -e "$need" ] || { echo "bench-verify: missing $need" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ext=jpg
if [ "$layout" = heic ]; then
  base="$shared/c2pa-fixtures/images/sample1.heic"
  ext=heic
fi
signed="$work/signed.$ext"
if [ "$layout" = tiff ]; then
  signed="$work/signed.tif"
  python3 - "$work/big.tif" "$size_mb" <<'PY'
import random, struct, sys
dst, mb = sys.argv[1], int(sys.argv[2])
side = 1024
rows = max(1, mb * 1024 * 1024 // side)
strip = random.Random(25).randbytes(side * rows)
entries = [(256, 4, 1, side), (257, 4, 1, rows), (258, 3, 1, 8), (259, 3, 1, 1),
           (262, 3, 1, 1), (273, 4, 1, 8), (277, 3, 1, 1), (278, 4, 1, rows),
           (279, 4, 1, len(strip))]
with open(dst, 'wb') as out:
    out.write(b'II*\0' + struct.pack('<I', 8 + len(strip)))
    out.write(strip)
    out.write(struct.pack('<H', len(entries)))
    for tag, typ, count, value in entries:
        out.write(struct.pack('<HHI', tag, typ, count) +
                  (struct.pack('<HH', value, 0) if typ == 3 else struct.pack('<I', value)))
    out.write(struct.pack('<I', 0))
PY
  CREDLINK_DATA_DIR="$work/data" CREDLINK_PASSPHRASE="bench pass" \
    "$cli" profile create-test --name bench --alg es256 >/dev/null 2>&1
  CREDLINK_DATA_DIR="$work/data" CREDLINK_PASSPHRASE="bench pass" \
    "$cli" sign --profile bench -o "$signed" "$work/big.tif" >/dev/null
else
python3 - "$base" "$work/big.$ext" "$size_mb" "$layout" <<'PY'
import random, struct, sys
src, dst, mb, layout = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
data = open(src, 'rb').read()
target = mb * 1024 * 1024
if layout == 'heic':
    # The last top-level box must be mdat with a 32-bit size: grow it to ~SIZE_MB.
    pos = last = 0
    while pos + 8 <= len(data):
        last = pos
        pos += struct.unpack('>I', data[pos:pos + 4])[0]
    assert data[last + 4:last + 8] == b'mdat' and pos == len(data)
    noise = random.Random(25).randbytes(max(0, target - len(data)))
    size = len(data) - last + len(noise)
    assert size < 1 << 32
    with open(dst, 'wb') as out:
        out.write(data[:last] + struct.pack('>I', size) + data[last + 4:] + noise)
    sys.exit(0)
assert data[:2] == b'\xff\xd8'
if layout == 'segments':
    # ~SIZE_MB of COM segments after the first segment (all covered by the data hash).
    seg_len = struct.unpack('>H', data[4:6])[0]
    head, tail = data[:4 + seg_len], data[4 + seg_len:]
    payload = bytes((i * 7 + 3) & 0xFF for i in range(65533))
    with open(dst, 'wb') as out:
        out.write(head)
        for _ in range(target // (65533 + 4)):
            out.write(b'\xff\xfe' + struct.pack('>H', 65535) + payload)
        out.write(tail)
else:
    # Walk to the first SOS and put ~SIZE_MB of entropy-coded bytes (0xFF stuffed) after
    # its header: the layout of a large photo, whose pixels no decoder is asked for here.
    pos = 2
    while data[pos] == 0xFF and data[pos + 1] != 0xDA:
        pos += 2 + struct.unpack('>H', data[pos + 2:pos + 4])[0]
    sos_end = pos + 2 + struct.unpack('>H', data[pos + 2:pos + 4])[0]
    rng = random.Random(25)
    noise = rng.randbytes(1 << 20).replace(b'\xff', b'\xff\x00')
    with open(dst, 'wb') as out:
        out.write(data[:sos_end])
        written = sos_end
        while written < target:
            out.write(noise)
            written += len(noise)
        out.write(data[sos_end:])
PY

node "$oracle/sign.mjs" --no-thumbnail "$work/big.$ext" "$signed" \
  "$certs/es256.pub" "$certs/es256.pem" es256 >/dev/null
fi
bytes=$(stat -c %s "$signed")
cat "$signed" >/dev/null

# Medians of alternating runs (after one warm-up run each).
python3 - "$runs" "$signed" "$cli" <<'PY'
import statistics, subprocess, sys, time
runs, f, cli = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cmds = {
    'verify': [cli, 'verify', '--no-proof-cache', f],
    'verify --json': [cli, 'verify', '--no-proof-cache', '--json', f],
    'openssl': ['openssl', 'dgst', '-sha256', f],
}
times = {k: [] for k in cmds}
for c in cmds.values():
    subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(runs):
    for k, c in cmds.items():
        t = time.perf_counter_ns()
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[k].append((time.perf_counter_ns() - t) / 1e6)
med = {k: statistics.median(v) for k, v in times.items()}
for k in cmds:
    print(f"{k:14s} median {med[k]:7.2f} ms   min {min(times[k]):7.2f} ms   ({runs} runs)")
print(f"wall ratio verify / openssl: {med['verify'] / med['openssl']:.3f}x (target <= 1.15x)")
print(f"wall ratio verify --json / openssl: {med['verify --json'] / med['openssl']:.3f}x")
PY

rss_max=0
for args in "" "--json"; do
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o "$work/t" "$cli" verify --no-proof-cache $args "$signed" \
      >/dev/null 2>&1 || true
    rss=$(cat "$work/t")
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
done
"$cli" verify --no-proof-cache "$signed" | sed -n '2p'
printf 'file: %s bytes (%.1f MB), layout %s\n' "$bytes" "$(echo "$bytes / 1048576" | bc -l)" "$layout"
printf 'peak RSS: %s KB (%.1f MB; target < 32 MB)\n' "$rss_max" "$(echo "$rss_max / 1024" | bc -l)"
