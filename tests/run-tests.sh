#!/bin/bash
# Builds CredLink in BUILD_DIR (default: build) and runs the whole test suite
# under Xvfb. Extra arguments go to `meson setup` (e.g. -Db_sanitize=address,undefined).
# Prints "N passed, N failed, N skipped" last and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$@" || exit 1
elif [ $# -gt 0 ]; then
  meson setup --reconfigure "$build" "$@" || exit 1
fi
meson compile -C "$build" || exit 1

# The tests' TMPDIR (tests/meson.build): emptied, so that what is left afterwards is this
# run's; it must exist whenever `meson test` runs.
rm -rf "$build/tests/tmp"
mkdir -p "$build/tests/tmp" || exit 1

rm -f "$build/meson-logs/testlog.json"
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$build" --print-errorlogs --num-processes 2 ${MESON_TEST_ARGS:-}
status=$?

log="$build/meson-logs/testlog.json"
passed=0; failed=0; skipped=0
if [ -f "$log" ]; then
  passed=$(grep -cE '"result": "(OK|EXPECTEDFAIL)"' "$log")
  failed=$(grep -cE '"result": "(FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS)"' "$log")
  skipped=$(grep -cE '"result": "SKIP"' "$log")
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ]
