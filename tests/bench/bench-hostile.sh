#!/bin/bash
# bench-hostile.sh: wall time and peak RSS of `credlink-cli verify --no-proof-cache FILE` on
# crafted hostile files, one row per file, next to the budget each must meet: verify within
# 1 s, peak RSS within 2 × store size + 32 MB. Not a test: run it by hand.
#
#   tests/bench/bench-hostile.sh [-b BUILD_DIR] [-o OUT_DIR] [-t SECONDS] [-m MAX_MB] [CASE…]
#
# CASE: a name that `BUILD_DIR/tests/bench-hostile-gen --list` prints (40,000 or 100,000
# assertions; 10,000 assertions with 100,000 redactions; a 63 MB claim that is one CBOR array;
# 7.8 million empty boxes; an x5chain of 100,000 certificates; 200,000 references to one
# assertion; a ~17 MB file whose report is ~49 MB; an MP4 of a million empty boxes), or
# "fifo": a FIFO named photo.jpg, which
# must be refused at once (it runs under `timeout 5`). No CASE: all of them. large-report
# runs a second time with the proof cache on (a scratch database), as the row
# large-report+cache.
#
# Each run is stopped after SECONDS (default 120), shown as "timeout", or when its address
# space would pass MAX_MB (default 4096, by `ulimit -v`), shown as "over MAX_MB MB" (also
# when the peak RSS came within 5 % of it: a failed allocation can come back as a verdict).
# OUT_DIR keeps the files and each run's output (NAME.out, NAME.err); by default they go to a
# scratch folder removed at exit. BUILD_DIR defaults to build. The runs never see your trust
# lists or proof cache: XDG_DATA_HOME and friends point into the scratch folder.
#
# Needs: /usr/bin/time (Debian package "time"), timeout (coreutils), mkfifo.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=build
out=
limit_s=120
max_mb=4096
while getopts "b:o:t:m:h" option; do
  case "$option" in
    b) build="$OPTARG" ;;
    o) out="$OPTARG" ;;
    t) limit_s="$OPTARG" ;;
    m) max_mb="$OPTARG" ;;
    *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
cli="$build/src/cli/credlink-cli"
gen="$build/tests/bench-hostile-gen"
for need in "$cli" "$gen" /usr/bin/time; do
  [ -x "$need" ] || { echo "bench-hostile: missing $need (meson compile -C $build)" >&2; exit 2; }
done

if [ -z "$out" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out/home"
out=$(cd "$out" && pwd)
export XDG_DATA_HOME="$out/home/data" XDG_CONFIG_HOME="$out/home/config"
export XDG_CACHE_HOME="$out/home/cache" CREDLINK_PROOF_DB="$out/home/proofs.db"

if [ $# -eq 0 ]; then
  mapfile -t cases < <("$gen" --list | cut -f1)
  cases+=(fifo)
else
  cases=("$@")
fi

# run NAME FILE STORE_BYTES SECONDS [VERIFY OPTION…]: one row of the table.
run() {
  local name="$1" file="$2" store="$3" seconds="$4"
  shift 4
  local budget_mb=$(( (2 * store + 1048575) / 1048576 + 32 ))
  local status=0 wall rss_kb result verdict

  /usr/bin/time -f "%e %M" -o "$out/$name.time" \
    timeout --foreground -s KILL "$seconds" bash -c 'ulimit -v "$1"; shift; exec "$@"' _ \
    $((max_mb * 1024)) "$cli" verify "$@" "$file" >"$out/$name.out" 2>"$out/$name.err" ||
    status=$?
  read -r wall rss_kb < <(grep -E '^[0-9.]+ [0-9]+$' "$out/$name.time" | tail -n 1)
  verdict=$(sed -n 's/^ *Verdict: *//p' "$out/$name.out" | head -n 1)
  if [ "$status" -ne 0 ] && awk -v w="$wall" -v s="$seconds" 'BEGIN { exit !(w >= s) }'; then
    result="timeout"
  elif grep -qiE 'failed to allocate|cannot allocate|out of memory' "$out/$name.err" ||
       [ $((rss_kb / 1024)) -ge $((max_mb * 95 / 100)) ]; then
    # A failed allocation may also come back as a verdict (libcbor's "malformed CBOR").
    result="over $max_mb MB${verdict:+ (then: $verdict)}"
  elif [ -n "$verdict" ]; then
    result="exit $status: $verdict"
  else
    # No verdict: the reason the file was refused, under its path in the summary.
    result="exit $status: $(cat "$out/$name.out" "$out/$name.err" | grep -vF "$file" |
                            sed 's/^ *//' | grep -m 1 . | cut -c1-70)"
  fi
  local meets=yes store_mb
  store_mb=$(awk -v b="$store" 'BEGIN { printf "%.1f", b / 1048576 }')
  if awk -v w="$wall" 'BEGIN { exit !(w > 1.0) }' || [ $((rss_kb / 1024)) -gt "$budget_mb" ] ||
     [ "$result" = timeout ] || [ "$result" = "over $max_mb MB" ]; then
    meets=NO
  fi
  printf '%-22s %9s %9s %10d %10d  %-4s %s\n' "$name" "$store_mb" "$wall" $((rss_kb / 1024)) \
    "$budget_mb" "$meets" "$result"
}

echo "Budget: verify within 1 s; peak RSS within 2 x store + 32 MB (the column budget MB)."
printf '%-22s %9s %9s %10s %10s  %-4s %s\n' case "store MB" "time s" "peak MB" "budget MB" \
  meets result
for name in "${cases[@]}"; do
  if [ "$name" = fifo ]; then
    mkdir -p "$out/fifo"
    rm -f "$out/fifo/photo.jpg"
    mkfifo "$out/fifo/photo.jpg"
    run fifo "$out/fifo/photo.jpg" 0 5 --no-proof-cache
    continue
  fi
  ext=$("$gen" --list | awk -F '\t' -v n="$name" '$1 == n { print $2 }')
  [ -n "$ext" ] || { echo "bench-hostile: no case $name" >&2; continue; }
  file="$out/$name.$ext"
  if ! store=$("$gen" "$name" "$file"); then
    echo "bench-hostile: could not make $name" >&2
    continue
  fi
  run "$name" "$file" "$store" "$limit_s" --no-proof-cache
  if [ "$name" = large-report ]; then
    run large-report+cache "$file" "$store" "$limit_s" --db="$CREDLINK_PROOF_DB"
  fi
done
