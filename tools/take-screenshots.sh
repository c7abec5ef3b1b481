#!/bin/bash
# Takes the screenshots in data/screenshots/ from the running app under Xvfb.
# Usage: tools/take-screenshots.sh [BUILD_DIR]   (default: build)
set -eu
cd "$(dirname "$0")/.."
build="${1:-build}"
meson compile -C "$build" cl-screenshot >/dev/null
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
tmp="$root/Incoming"
mkdir -p "$tmp"

# Sample images to drop on the window: made here, so the script needs nothing else.
for name in harbour-at-dawn.jpg press-conference.jpg city-council-vote.png; do
  printf '\xff\xd8\xff\xd9' > "$tmp/$name"
done

export GSETTINGS_SCHEMA_DIR="$PWD/$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  "$build/tools/cl-screenshot" data/screenshots/main-window.png 900 640 \
  "$tmp/harbour-at-dawn.jpg" "$tmp/press-conference.jpg" "$tmp/city-council-vote.png"
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  "$build/tools/cl-screenshot" data/screenshots/empty-state.png 900 640
# The Sign page, with a test identity in a profile store of its own.
meson compile -C "$build" credlink-cli >/dev/null
CREDLINK_DATA_DIR="$root/data" CREDLINK_PASSPHRASE=screenshot \
  "$build/src/cli/credlink-cli" profile create-test --name newsroom-test >/dev/null
CREDLINK_DATA_DIR="$root/data" CL_SCREENSHOT_PAGE=sign \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  "$build/tools/cl-screenshot" data/screenshots/sign.png 900 1000 \
  "$tmp/harbour-at-dawn.jpg" "$tmp/city-council-vote.png"
echo "wrote data/screenshots/main-window.png data/screenshots/empty-state.png data/screenshots/sign.png"
