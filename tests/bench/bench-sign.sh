#!/bin/bash
# bench-sign.sh: wall time and peak RSS of `credlink-cli sign`, next to `openssl dgst -sha256`
# on the same file, and the throughput of a batch on all cores against one core. Not a test:
# run it by hand.
#
#   tests/bench/bench-sign.sh [BUILD_DIR] [RUNS] [BIG_MB] [BATCH]
#
# 1. A 24-megapixel JPEG (6000 × 4000, quality 95, a noisy gradient): medians of RUNS
#    (default 15) alternating runs of sign and of openssl, and their ratio (target <= 12x).
# 2. Peak RSS signing that photo and a BIG_MB (default 390) JPEG: the same photo after that
#    many megabytes of COM segments (target <= 48 MB at any size).
# 3. A folder of BATCH (default 200) 1-megapixel JPEGs signed in one run, on one core
#    (--jobs 1) and on all, and the ratio of the throughputs (target >= 1.7x
#    on 2 cores).
#
# BASE_BUILD=DIR (another build, e.g. of main) adds its credlink-cli to each comparison: the
# same runs, interleaved, so that a loaded machine slows both alike (its batch is run as it
# runs it, without --jobs).
#
# Needs: the build's credlink-cli, bench-sign and bench-sign-gen, openssl, python3, /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
runs="${2:-15}"
big_mb="${3:-390}"
batch="${4:-200}"
cli="$build/src/cli/credlink-cli"
gen="$build/tests/bench-sign-gen"
base_cli="${BASE_BUILD:+$BASE_BUILD/src/cli/credlink-cli}"

for need in "$cli" "$gen" "$build/tests/bench-sign" /usr/bin/time; do
  [ -e "$need" ] || { echo "bench-sign: missing $need" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CREDLINK_DATA_DIR="$work/data"
export CREDLINK_PASSPHRASE="bench passphrase"
"$cli" profile create-test --name bench --alg es256 >/dev/null 2>&1

"$gen" "$work/photo.jpg" 6000 4000
"$gen" "$work/big.jpg" 6000 4000 "$big_mb"
mkdir "$work/batch" "$work/out1" "$work/outn"
"$gen" "$work/batch/img.jpg" 1200 800 0 "$batch"
cat "$work/photo.jpg" "$work/big.jpg" >/dev/null

python3 - "$runs" "$work" "$cli" "$base_cli" <<'PY'
import resource, statistics, subprocess, sys, time
runs, work, cli, base = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
photo = f"{work}/photo.jpg"
cmds = {
    'sign': [cli, 'sign', '--no-proof-cache', '--force', '--profile', 'bench',
             '-o', f"{work}/signed.jpg", photo],
    'openssl': ['openssl', 'dgst', '-sha256', photo],
}
if base:
    cmds['base'] = [base] + cmds['sign'][1:]
times = {k: [] for k in cmds}
cpus = {k: [] for k in cmds}
for c in cmds.values():
    subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(runs):
    for k, c in cmds.items():
        t, u = time.perf_counter_ns(), cpu()
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[k].append((time.perf_counter_ns() - t) / 1e6)
        cpus[k].append((cpu() - u) * 1e3)
med = {k: statistics.median(v) for k, v in times.items()}
cmed = {k: statistics.median(v) for k, v in cpus.items()}
for k in cmds:
    print(f"{k:8s} median {med[k]:8.2f} ms   min {min(times[k]):8.2f} ms   "
          f"CPU (user+sys) median {cmed[k]:7.1f} ms   ({runs} runs)")
print(f"wall ratio sign / openssl: {med['sign'] / med['openssl']:.2f}x (target <= 12x)")
print(f"wall ratio of the fastest runs: {min(times['sign']) / min(times['openssl']):.2f}x")
if base:
    print(f"wall ratio base / openssl: {med['base'] / med['openssl']:.2f}x; "
          f"sign / base: {med['sign'] / med['base']:.2f}")
PY
# The same photo signed in one process with the key unlocked once (what each image of a
# batch costs; the command above also pays the scrypt unlocking of the profile's key).
"$build/tests/bench-sign" --file "$work/photo.jpg" "$runs"

for f in photo big; do
  for c in $cli $base_cli; do
    /usr/bin/time -f '%M %e' -o "$work/t" "$c" sign --no-proof-cache --force --profile bench \
      -o "$work/signed-$f.jpg" "$work/$f.jpg" >/dev/null 2>&1
    read -r rss secs <"$work/t"
    printf '%-6s %6.1f MB file: peak RSS %s KB (%.1f MB; target <= 48 MB), %s s  [%s]\n' "$f" \
      "$(echo "$(stat -c %s "$work/$f.jpg") / 1048576" | bc -l)" "$rss" \
      "$(echo "$rss / 1024" | bc -l)" "$secs" "$c"
  done
done

batch_run () {
  local threads=$1 out=$2 start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu-$threads" "$cli" sign --no-proof-cache --force --profile bench --jobs "$threads" \
    -o "$out" "$work"/batch/*.jpg >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
t1=$(batch_run 1 "$work/out1")
tn=$(batch_run "$(nproc)" "$work/outn")
printf 'batch CPU (user+sys): 1 thread %s s, %s threads %s s\n' \
  "$(awk '{print $1 + $2}' "$work/cpu-1")" "$(nproc)" "$(awk '{print $1 + $2}' "$work/cpu-$(nproc)")"
printf 'load average while measuring: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$base_cli" ]; then
  mkdir "$work/outb"
  start=$(date +%s.%N)
  "$base_cli" sign --no-proof-cache --force --profile bench -o "$work/outb" "$work"/batch/*.jpg \
    >/dev/null 2>&1
  end=$(date +%s.%N)
  printf 'base batch of %s: %.2f s (%.1f files/s)\n' "$batch" "$(echo "$end - $start" | bc -l)" \
    "$(echo "$batch / ($end - $start)" | bc -l)"
fi
printf 'batch of %s: 1 thread %.2f s (%.1f files/s), all %s cores %.2f s (%.1f files/s): %.2fx (target >= 1.7x on 2 cores)\n' \
  "$batch" "$t1" "$(echo "$batch / $t1" | bc -l)" "$(nproc)" "$tn" \
  "$(echo "$batch / $tn" | bc -l)" "$(echo "$t1 / $tn" | bc -l)"
