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
# Measure verification itself, without touching the user's proof cache.
cache_flag=()
certs="$shared/c2pa-fixtures/certs"
base="$shared/c2pa-fixtures/images/no_manifest.jpg"

for need in "$cli" "$oracle/sign.mjs" "$certs/es256.pub" "$base" /usr/bin/time; do
  [ -e "$need" ] || { echo "bench-verify: missing $need" >&2; exit 2; }
done

if "$cli" verify --help 2>/dev/null | grep -q -- '--no-proof-cache'; then
  cache_flag=(--no-proof-cache)
fi

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

# Wall time: mean of 10 runs (after one warm-up), measured with nanosecond clocks;
# peak RSS: the largest of the runs under /usr/bin/time.
mean_wall () {
  local t0 t1
  "$@" >/dev/null 2>&1 || true
  t0=$(date +%s.%N)
  for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s.%N)
  echo "($t1 - $t0) / 10" | bc -l
}
cat "$work/signed.jpg" >/dev/null
cl_best=$(mean_wall "$cli" verify "${cache_flag[@]}" "$work/signed.jpg")
os_best=$(mean_wall openssl dgst -sha256 "$work/signed.jpg")
# CPU time (user + sys, best of 5) is steadier than wall time on a shared machine.
cpu_best () {
  local best=999 t
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>&1 || true
    t=$(awk '{print $1 + $2}' "$work/t")
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  echo "$best"
}
rss_max=0
for args in "" "--json"; do
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o "$work/t" "$cli" verify "${cache_flag[@]}" $args "$work/signed.jpg" >/dev/null 2>&1 || true
    rss=$(cat "$work/t")
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
done
cl_cpu=$(cpu_best "$cli" verify "${cache_flag[@]}" "$work/signed.jpg")
json_wall=$(mean_wall "$cli" verify "${cache_flag[@]}" --json "$work/signed.jpg")
json_cpu=$(cpu_best "$cli" verify "${cache_flag[@]}" --json "$work/signed.jpg")
os_cpu=$(cpu_best openssl dgst -sha256 "$work/signed.jpg")

"$cli" verify "${cache_flag[@]}" "$work/signed.jpg" | sed -n '2p'
printf 'file: %s bytes (%.1f MB)\n' "$bytes" "$(echo "$bytes / 1048576" | bc -l)"
printf 'credlink-cli verify: %.4f s wall (mean of 10), peak RSS %s KB (%.1f MB)\n' \
  "$cl_best" "$rss_max" "$(echo "$rss_max / 1024" | bc -l)"
printf 'openssl dgst -sha256: %.4f s wall (mean of 10)\n' "$os_best"
printf 'credlink-cli verify --json (adds the whole-file SHA-256): %.4f s wall\n' "$json_wall"
printf 'CPU (user+sys, best of 5): verify %s s, verify --json %s s, openssl %s s\n' \
  "$cl_cpu" "$json_cpu" "$os_cpu"
printf 'wall ratio: %.2fx (target <= 1.15x); peak RSS target < 32 MB\n' \
  "$(echo "$cl_best / $os_best" | bc -l)"
