#!/bin/sh
# credlink-cli in other languages: the messages for people follow LANGUAGE, the JSON for
# programs stays English and byte for byte the same. Run for every language of po/LINGUAS
# (from the build tree's catalogues) and for a pseudo-language made here from today's
# sources, whose every message starts with "{xx}", so the check bites before a real
# catalogue lands. Needs the shared C2PA fixtures and the gettext tools.
#
# Usage: test-cli-languages.sh SOURCE_ROOT [LANGUAGE…]
cli="${CREDLINK_CLI:?}"
src="${1:?}"
shift
fx="${CREDLINK_SHARED_DIR:-/nonexistent}/c2pa-fixtures/images"
if [ ! -d "$fx" ]; then
  echo "1..0 # SKIP shared C2PA fixtures not available"
  exit 0
fi
for tool in xgettext msgen msgfilter msgfmt; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool not installed"
    exit 0
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/xdg" "$tmp/locale/xx/LC_MESSAGES"
XDG_DATA_HOME="$tmp/xdg"
export XDG_DATA_HOME

# The pseudo-language: every msgstr is its msgid behind a marker (format directives kept).
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --directory "$src" \
  --files-from "$src/po/POTFILES.in" --output "$tmp/credlink.pot" 2>/dev/null &&
  msgen --output-file "$tmp/en.po" "$tmp/credlink.pot" &&
  msgfilter --input "$tmp/en.po" --output-file "$tmp/xx.po" sed -e '1s/^/{xx}/' &&
  msgfmt --output-file "$tmp/locale/xx/LC_MESSAGES/credlink.mo" "$tmp/xx.po" || exit 1

echo "1..$(( ($# + 1) * 4 ))"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# run LANG DIR ARGS…: credlink-cli with the catalogues of DIR, in language LANG.
run () {
  run_lang=$1 run_dir=$2
  shift 2
  LANGUAGE=$run_lang CREDLINK_LOCALE_DIR=$run_dir "$cli" "$@" 2>&1
}

check_language () {
  lang=$1 dir=$2

  # The catalogue is live: the report for people is not the English one.
  c=$(run C "$dir" verify --no-proof-cache "$fx/CA.jpg")
  l=$(run "$lang" "$dir" verify --no-proof-cache "$fx/CA.jpg")
  [ -n "$c" ] && [ "$c" != "$l" ]
  check $? "$lang: the text report is translated"

  # Valid, invalid (a reason and failure explanations in words), and no credentials.
  same=0
  for file in CA.jpg XCA.jpg no_manifest.jpg; do
    run C "$dir" verify --json --no-proof-cache "$fx/$file" > "$tmp/C.json"
    run "$lang" "$dir" verify --json --no-proof-cache "$fx/$file" > "$tmp/$lang.json"
    cmp -s "$tmp/C.json" "$tmp/$lang.json" || { same=1; diff "$tmp/C.json" "$tmp/$lang.json" | head -5 >&2; }
  done
  check $same "$lang: verify --json is the same as in English"

  # (crJSON says when it was validated: the same time for both.)
  when=2026-01-01T00:00:00Z
  run C "$dir" verify --crjson --validation-time $when --no-proof-cache "$fx/XCA.jpg" > "$tmp/C.json"
  run "$lang" "$dir" verify --crjson --validation-time $when --no-proof-cache "$fx/XCA.jpg" \
    > "$tmp/$lang.json"
  cmp -s "$tmp/C.json" "$tmp/$lang.json"
  check $? "$lang: verify --crjson is the same as in English"

  run C "$dir" compare --json --all "$fx/CA.jpg" "$fx/XCA.jpg" > "$tmp/C.json"
  run "$lang" "$dir" compare --json --all "$fx/CA.jpg" "$fx/XCA.jpg" > "$tmp/$lang.json"
  cmp -s "$tmp/C.json" "$tmp/$lang.json"
  check $? "$lang: compare --json is the same as in English"
}

check_language xx "$tmp/locale"
for lang in "$@"; do
  check_language "$lang" "${CREDLINK_LOCALE_DIR:?}"
done
