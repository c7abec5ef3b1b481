#!/bin/sh
# The HTTP stack is CredLink's network component (src/core/http), loaded only when
# something goes online: nothing links libsoup, an offline verification never loads it
# (watched with the dynamic loader's LD_DEBUG=files), --version does.
# Arguments: the core archive, credlink-cli, and the GUI binary when it is built.
core="$1"
cli="$2"
app="${3:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDLINK_DATA_DIR="$tmp/data"
export XDG_DATA_HOME="$tmp/xdg"
export CREDLINK_PASSPHRASE="correct horse"
echo "1..8"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# Names on one line, for the TAP lines.
one_line () { sort -u | tr '\n' ' ' | sed 's/ *$//'; }
linked () {
  ldd "$1" 2>/dev/null | grep -oE '[^[:space:]]*(libsoup|credlink-http)[^[:space:]]*' | one_line
}

libs=$(linked "$cli")
[ -z "$libs" ] && ldd "$cli" >/dev/null 2>&1
check $? "credlink-cli links no libsoup ($libs)"

syms=$(nm -u "$core" 2>/dev/null | grep -oE 'soup_[A-Za-z0-9_]*' | one_line)
[ -z "$syms" ] && nm -u "$core" >/dev/null 2>&1
check $? "the core library calls no soup_ function ($syms)"

if [ -n "$app" ]; then
  libs=$(linked "$app")
  [ -z "$libs" ] && ldd "$app" >/dev/null 2>&1
  check $? "the application links no libsoup ($libs)"
else
  skip "the application is not built (-Dgui=false)"
fi

# A signed 16×16 JPEG (the image of test-cli-sign.sh).
echo "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDNooor0DhP/9k=" | base64 -d > "$tmp/a.jpg"

# The loader's own report of every object it maps: "file=NAME [0];  needed by …" or
# "… dynamically loaded by …". Empty (not glibc) means we cannot watch.
loaded () {
  LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -oE 'file=[^ ]*(libsoup|credlink-http)[^ ]*' | one_line
}
if ! LD_DEBUG=files "$cli" --help 2>&1 >/dev/null | grep -q 'file=.*libglib'; then
  skip "LD_DEBUG=files shows nothing here (not glibc's loader)"
  skip "LD_DEBUG=files shows nothing here (not glibc's loader)"
  skip "LD_DEBUG=files shows nothing here (not glibc's loader)"
else
  "$cli" profile create-test --name studio --alg es256 >/dev/null 2>&1 &&
    seen=$(loaded "$cli" sign --profile studio -o "$tmp/a-signed.jpg" "$tmp/a.jpg") &&
    [ -s "$tmp/a-signed.jpg" ] && [ -z "$seen" ]
  check $? "signing without a time-stamp server loads no network code ($seen)"

  seen=$(loaded "$cli" verify "$tmp/a-signed.jpg")
  "$cli" verify "$tmp/a-signed.jpg" >"$tmp/out" 2>&1; rc=$?
  [ $rc = 0 ] && grep -q 'Verdict: *Valid' "$tmp/out" && [ -z "$seen" ]
  check $? "an offline verification of a signed file never loads libsoup ($seen)"

  seen=$(loaded "$cli" --version)
  echo "$seen" | grep -q 'credlink-http' && echo "$seen" | grep -q 'libsoup-3'
  check $? "--version loads the network component and libsoup"
fi

out=$("$cli" --version); rc=$?
[ $rc = 0 ] && echo "$out" | grep -q '^libsoup 3\.[0-9]*\.[0-9]*$'
check $? "--version names the libsoup version"

mkdir "$tmp/empty"
out=$(CREDLINK_HTTP_MODULE_DIR="$tmp/empty" "$cli" --version); rc=$?
[ $rc = 0 ] && echo "$out" | grep -q '^SQLite ' &&
  echo "$out" | grep -q "^libsoup: CredLink’s network component ($tmp/empty/credlink-http.so) cannot"
check $? "without the network component --version says so and still succeeds"
