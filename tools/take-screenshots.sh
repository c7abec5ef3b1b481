#!/bin/bash
# Takes the screenshots in data/screenshots/ from the running app under Xvfb.
# Usage: tools/take-screenshots.sh [BUILD_DIR]   (default: build)
# The Verify screenshots use the shared C2PA fixtures (CREDLINK_SHARED_DIR,
# default ../shared): a valid file (C.jpg) and one whose pixels were changed (XCA.jpg).
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

# A proof cache and trust lists of their own: nothing of the user's shows up.
export XDG_DATA_HOME="$root/data" XDG_CONFIG_HOME="$root/config" XDG_CACHE_HOME="$root/cache"
export GSETTINGS_SCHEMA_DIR="$PWD/$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
shot () {
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" "$build/tools/cl-screenshot" "$@"
}
shot data/screenshots/main-window.png 900 640 \
  "$tmp/harbour-at-dawn.jpg" "$tmp/press-conference.jpg" "$tmp/city-council-vote.png"
shot data/screenshots/empty-state.png 900 640
echo "wrote data/screenshots/main-window.png data/screenshots/empty-state.png"

# The Sign page, with a test identity in a profile store of its own.
meson compile -C "$build" credlink-cli >/dev/null
CREDLINK_DATA_DIR="$root/data" CREDLINK_PASSPHRASE=screenshot \
  "$build/src/cli/credlink-cli" profile create-test --name newsroom-test >/dev/null
CREDLINK_DATA_DIR="$root/data" CL_SCREENSHOT_PAGE=sign \
  shot data/screenshots/sign.png 900 1000 "$tmp/harbour-at-dawn.jpg" "$tmp/city-council-vote.png"
echo "wrote data/screenshots/sign.png"

CL_SCREENSHOT_PAGE=preferences shot data/screenshots/preferences.png 700 640
echo "wrote data/screenshots/preferences.png"

fixtures="${CREDLINK_SHARED_DIR:-$PWD/../shared}/c2pa-fixtures/images"
if [ -f "$fixtures/C.jpg" ] && [ -f "$fixtures/XCA.jpg" ]; then
  cp "$fixtures/C.jpg" "$tmp/photo-from-camera.jpg"
  cp "$fixtures/XCA.jpg" "$tmp/edited-after-signing.jpg"
  shot data/screenshots/verify-valid.png 1100 800 --select=photo-from-camera.jpg \
    "$tmp/photo-from-camera.jpg" "$tmp/edited-after-signing.jpg"
  shot data/screenshots/verify-invalid.png 1100 800 --select=edited-after-signing.jpg \
    "$tmp/photo-from-camera.jpg" "$tmp/edited-after-signing.jpg"
  echo "wrote data/screenshots/verify-valid.png data/screenshots/verify-invalid.png"
  # One translated view: the same invalid file in German.
  cp "$fixtures/C.jpg" "$tmp/foto-von-der-kamera.jpg"
  cp "$fixtures/XCA.jpg" "$tmp/nach-dem-signieren-bearbeitet.jpg"
  CREDLINK_LOCALE_DIR="$PWD/$build/po" LANGUAGE=de \
    shot data/screenshots/verify-invalid-de.png 1100 800 --select=nach-dem-signieren-bearbeitet.jpg \
    "$tmp/foto-von-der-kamera.jpg" "$tmp/nach-dem-signieren-bearbeitet.jpg"
  echo "wrote data/screenshots/verify-invalid-de.png"
else
  echo "shared C2PA fixtures not found in $fixtures: verify screenshots not taken" >&2
fi
