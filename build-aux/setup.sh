#!/bin/sh
# setup.sh: installs what CredLink needs on Debian 12 or Ubuntu, builds it in build/, and
# starts the app from the build tree. Run it as root, or as a user who may use sudo.
#
#   build-aux/setup.sh            install, build, start the app
#   build-aux/setup.sh --no-run   install and build only (e.g. on a machine without a display)
#
# The app needs a graphical session (Wayland or X11) and a D-Bus session bus; without a bus
# (a console, a container) it is started inside dbus-run-session. `meson devenv` points
# CREDLINK_HTTP_MODULE_DIR at the build tree's network component, so online features work
# without installing.
set -eu
cd "$(dirname "$0")/.."

run=yes
case "${1:-}" in
  --no-run) run=no ;;
  "") ;;
  *) echo "usage: $0 [--no-run]" >&2; exit 64 ;;
esac

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "Installing packages needs root: run this as root, or install sudo." >&2
  exit 1
fi

packages=$(grep -v '^#' .ci/debian-packages.txt)
$as_root apt-get update
# shellcheck disable=SC2086 # one package a word
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages

if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build

if [ "$run" = no ]; then
  echo "Built: build/src/ui/credlink (the app) and build/src/cli/credlink-cli."
  exit 0
fi
if [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${DISPLAY:-}" ]; then
  echo "Built, but there is no display to show the app on (neither WAYLAND_DISPLAY nor DISPLAY" >&2
  echo "is set). From a desktop session, start it with: meson devenv -C build ./src/ui/credlink" >&2
  echo "The command-line tool works anywhere: build/src/cli/credlink-cli --help" >&2
  exit 0
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ ! -S "${XDG_RUNTIME_DIR:-/nonexistent}/bus" ]; then
  exec dbus-run-session -- meson devenv -C build ./src/ui/credlink
fi
exec meson devenv -C build ./src/ui/credlink
