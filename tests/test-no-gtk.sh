#!/bin/sh
# The core library and credlink-cli must not depend on GTK or libadwaita:
# no undefined gtk_/adw_/gdk_ symbol in the core archive, no GTK library in
# the CLI's dynamic dependencies.
echo "1..2"
core="$1"
cli="$2"
bad=$(nm -u "$core" 2>/dev/null | grep -E ' U (gtk_|adw_|gdk_(display|surface|texture|paintable))' || true)
if [ -z "$bad" ] && nm -u "$core" >/dev/null 2>&1; then
  echo "ok 1 - core library references no GTK symbol"
else
  echo "not ok 1 - core library references GTK: $bad"
fi
libs=$(ldd "$cli" 2>/dev/null | grep -E 'libgtk-4|libadwaita' || true)
if [ -z "$libs" ] && ldd "$cli" >/dev/null 2>&1; then
  echo "ok 2 - credlink-cli links no GTK library"
else
  echo "not ok 2 - credlink-cli links GTK: $libs"
fi
