#!/bin/sh
# credlink-cli sign --identity-profile: the photographer's own test identity is named by a
# CAWG X.509 identity assertion next to the device's; credlink-cli verify --json lists it in
# "identities" with its common name, and the manifest stays Valid (no failure but the
# untrusted certificates). An unknown identity profile signs nothing.
cli="${CREDLINK_CLI:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDLINK_DATA_DIR="$tmp/data"
export CREDLINK_PASSPHRASE="correct horse"
export CREDLINK_PROOF_DB="$tmp/proofs.db"
echo "1..3"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# A 16×16 JPEG made with gdk-pixbuf.
echo "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDNooor0DhP/9k=" | base64 -d > "$tmp/a.jpg"

# "<state> <failure codes> | <identity sig_types and common names>" of credlink-cli verify --json.
summary () {
  python3 -c '
import json, sys
d = json.load(sys.stdin)
fails = sorted(set(e["code"] for e in d["validation_results"]["activeManifest"]["failure"]))
ids = json.dumps(d["manifests"][d["active_manifest"]].get("identities", []))
print(d["validation_state"], ",".join(fails), "|", ids)'
}

"$cli" profile create-test --name "Studio Camera" >/dev/null 2>&1 &&
  "$cli" profile create-test --name "Jane Photographer" >/dev/null 2>&1
check $? "two test identities: the device and the photographer"

"$cli" sign --profile "Studio Camera" --identity-profile "Jane Photographer" -o "$tmp/signed.jpg" \
  "$tmp/a.jpg" >/dev/null 2>&1 &&
  out=$("$cli" verify --json --no-proof-cache "$tmp/signed.jpg" | summary) &&
  case "$out" in "Valid "*"signingCredential.untrusted"*"| "*"cawg.x509.cose"*"Jane Photographer"*) true;;
    *) echo "# $out"; false;; esac &&
  case "$out" in *"| "*) fails=${out%% |*}; fails=${fails#Valid };; esac &&
  [ -z "$(echo "$fails" | tr ',' '\n' | grep -v -e '^signingCredential.untrusted$' -e '^cawg.x509.credential.untrusted$')" ] ||
  { echo "# $out"; false; }
check $? "--identity-profile: the identity names the photographer, the manifest stays Valid"

"$cli" sign --profile "Studio Camera" --identity-profile "Nobody" -o "$tmp/none.jpg" \
  "$tmp/a.jpg" >/dev/null 2>&1; rc=$?
[ $rc != 0 ] && [ ! -e "$tmp/none.jpg" ]
check $? "an unknown identity profile signs nothing"
