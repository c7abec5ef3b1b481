#!/bin/sh
# credlink-cli verify: exit statuses, --json, folders (needs the shared C2PA fixtures).
cli="${CREDLINK_CLI:?}"
fx="${CREDLINK_SHARED_DIR:-/nonexistent}/c2pa-fixtures/images"
if [ ! -d "$fx" ]; then
  echo "1..0 # SKIP shared C2PA fixtures not available"
  exit 0
fi
echo "1..10"
# A proof cache of this test's own, and a database for --db, removed on exit.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/xdg" "$tmp/db"
XDG_DATA_HOME="$tmp/xdg"
export XDG_DATA_HOME
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

out=$("$cli" verify "$fx/CA.jpg"); rc=$?
echo "$out" | grep -q 'Valid' && echo "$out" | grep -q 'C2PA Signer' &&
  echo "$out" | grep -q 'Algorithm: *PS256 (RSA-PSS, SHA-256)' && [ $rc = 0 ]
check $? "a valid file exits 0 and names its signer and signature algorithm"

out=$("$cli" verify "$fx/XCA.jpg"); rc=$?
echo "$out" | grep -q 'assertion.dataHash.mismatch — The image was changed after it was signed' &&
  [ $rc = 1 ]
check $? "a file whose data hash fails exits 1 and says so in words"

"$cli" verify "$fx/no_manifest.jpg" >/dev/null; rc=$?
[ $rc = 2 ]
check $? "a file without credentials exits 2"

out=$("$cli" verify "$fx/sample1.webp" 2>&1); rc=$?
echo "$out" | grep -qi 'not supported' && [ $rc = 2 ]
check $? "an unsupported format says so and exits 2"

out=$("$cli" verify "$fx/cloud.jpg" 2>&1); rc=$?
echo "$out" | grep -q 'https://cai-manifests.adobe.com' && [ $rc = 2 ]
check $? "a remote-only manifest names its URL"

out=$("$cli" verify --json "$fx/CA.jpg"); rc=$?
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["validation_state"]=="Valid"; assert d["path"].endswith("CA.jpg"); assert d["active_manifest"] in d["manifests"]' && [ $rc = 0 ]
check $? "--json prints one report object for one file"

out=$("$cli" verify --json "$fx/CA.jpg" "$fx/XCA.jpg"); rc=$?
[ "$(echo "$out" | wc -l)" = 2 ] && echo "$out" | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' && [ $rc = 1 ]
check $? "--json prints one object per line for several files; invalid wins the exit status"

out=$("$cli" verify "$fx/cli" 2>&1); rc=$?
echo "$out" | grep -q '^Verdict' && echo "$out" | grep -q '^valid .*verify.jpeg' &&
  echo "$out" | grep -q '^unsupported .*sample1.svg' && [ $rc = 2 ]
ok=$?
[ $ok = 0 ] || { echo "# exit status $rc"; echo "$out" | sed 's/^/# /'; }
check $ok "a folder is walked and summarised in a table (an SVG in it: exit 2)"

trust="${CREDLINK_SHARED_DIR}/c2pa-fixtures/certs/trust"
out=$("$cli" verify --trust-anchors "$trust/test_cert_root_bundle.pem" --trust-config "$trust/store.cfg" "$fx/CACA.jpg"); rc=$?
echo "$out" | grep -q 'Verdict: *Trusted' && echo "$out" | grep -q 'command-line' && [ $rc = 0 ]
check $? "--trust-anchors makes a test-root signer Trusted and names the list"

db="$tmp/db/proofs.db"
"$cli" verify --db "$db" "$fx/CA.jpg" >/dev/null
out=$("$cli" verify --json --db "$db" "$fx/CA.jpg"); rc=$?
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["verdict"]=="valid"; assert d["proof"]["matches"]; assert [c for c in d["confidence"]["components"] if c["id"]=="proof-cache"][0]["points"]==5; assert d["trust"]["trusted"] is False' && [ $rc = 0 ]
check $? "a second verification finds the proof; JSON has verdict, trust and confidence"
