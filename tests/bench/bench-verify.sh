#!/bin/bash
# bench-verify.sh: wall time and peak RSS of `credlink-cli verify` on a ~25 MB signed JPEG,
# next to `openssl dgst -sha256` on the same file. Not a test: run it by hand.
#
#   tests/bench/bench-verify.sh [BUILD_DIR] [SIZE_MB]
#
# Needs: the reference signer (node + ~/.cache/credlink-oracle/sign.mjs, see
# ../shared/oracle/README.md), the shared test certificates, python3, /usr/bin/time
# (Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
size_mb="${2:-25}"
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

# A big JPEG: the base image with ~SIZE_MB of COM segments after its first segment
# (every byte of them is covered by the data hash, like pixel data).
python3 - "$base" "$work/big.jpg" "$size_mb" <<'PY'
import struct, sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
assert data[:2] == b'\xff\xd8'
seg_len = struct.unpack('>H', data[4:6])[0]
head, tail = data[:4 + seg_len], data[4 + seg_len:]
payload = bytes((i * 7 + 3) & 0xFF for i in range(65533))
count = (mb * 1024 * 1024) // (65533 + 4)
with open(dst, 'wb') as out:
    out.write(head)
    for _ in range(count):
        out.write(b'\xff\xfe' + struct.pack('>H', 65535) + payload)
    out.write(tail)
PY

node "$oracle/sign.mjs" --no-thumbnail "$work/big.jpg" "$work/signed.jpg" \
  "$certs/es256.pub" "$certs/es256.pem" es256 >/dev/null
bytes=$(stat -c %s "$work/signed.jpg")

best () { sort -n | head -1; }
measure () {  # prints "seconds max_rss_kb" for the command
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
  cat "$work/t"
}

# Warm the page cache, then best of 5 for each.
cat "$work/signed.jpg" >/dev/null
"$cli" verify "$work/signed.jpg" >/dev/null || true
cl_t=""; cl_rss=""; os_t=""
for _ in 1 2 3 4 5; do
  read -r t rss < <(measure "$cli" verify "$work/signed.jpg")
  cl_t+="$t"$'\n'; cl_rss+="$rss"$'\n'
  read -r t _ < <(measure openssl dgst -sha256 "$work/signed.jpg")
  os_t+="$t"$'\n'
done
cl_best=$(printf '%s' "$cl_t" | best)
os_best=$(printf '%s' "$os_t" | best)
rss_max=$(printf '%s' "$cl_rss" | sort -n | tail -1)

"$cli" verify "$work/signed.jpg" | sed -n '2p'
printf 'file: %s bytes (%.1f MB)\n' "$bytes" "$(echo "$bytes / 1048576" | bc -l)"
printf 'credlink-cli verify: %s s wall (best of 5), peak RSS %s KB (%.1f MB)\n' \
  "$cl_best" "$rss_max" "$(echo "$rss_max / 1024" | bc -l)"
printf 'openssl dgst -sha256: %s s wall (best of 5)\n' "$os_best"
printf 'ratio: %.2fx (target <= 1.15x), RSS target < 32 MB\n' \
  "$(echo "$cl_best / ($os_best + 0.000001)" | bc -l)"
