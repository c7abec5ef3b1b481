#!/bin/sh
# credlink-cli verify: exit statuses, --json, folders, special files and pipes (needs the
# shared C2PA fixtures).
cli="${CREDLINK_CLI:?}"
fx="${CREDLINK_SHARED_DIR:-/nonexistent}/c2pa-fixtures/images"
if [ ! -d "$fx" ]; then
  echo "1..0 # SKIP shared C2PA fixtures not available"
  exit 0
fi
echo "1..24"
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

# Every format CredLink recognises has a reader now: a file in none of them is refused.
printf 'hello, not an image\n' > "$tmp/notes.jpg"
out=$("$cli" verify "$tmp/notes.jpg" 2>&1); rc=$?
echo "$out" | grep -qi 'not an image format' && [ $rc = 2 ]
check $? "a file in no format CredLink knows says so and exits 2"

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
  echo "$out" | grep -q '^no credentials .*sample1.svg' && [ $rc = 2 ]
ok=$?
[ $ok = 0 ] || { echo "# exit status $rc"; echo "$out" | sed 's/^/# /'; }
check $ok "a folder is walked and summarised in a table (an SVG without credentials in it: exit 2)"

trust="${CREDLINK_SHARED_DIR}/c2pa-fixtures/certs/trust"
out=$("$cli" verify --trust-anchors "$trust/test_cert_root_bundle.pem" --trust-config "$trust/store.cfg" "$fx/CACA.jpg"); rc=$?
echo "$out" | grep -q 'Verdict: *Trusted' && echo "$out" | grep -q 'command-line' && [ $rc = 0 ]
check $? "--trust-anchors makes a test-root signer Trusted and names the list"

db="$tmp/db/proofs.db"
first=$("$cli" verify --json --db "$db" "$fx/CA.jpg" | python3 -c 'import json,sys; print(json.load(sys.stdin)["confidence"]["score"])')
out=$("$cli" verify --json --db "$db" "$fx/CA.jpg"); rc=$?
# Seeing the file again adds nothing to the confidence (only a record of signing it here would).
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["verdict"]=="valid"; assert d["proof"]["matches"]; assert [c for c in d["confidence"]["components"] if c["id"]=="proof-cache"][0]["points"]==0; assert d["confidence"]["score"]=='"$first"'; assert d["trust"]["trusted"] is False; assert d["trust"]["is_test_certificate"] is True; assert isinstance(d["signals"], list)' && [ $rc = 0 ]
check $? "a second verification finds the proof but scores the same; JSON has verdict, trust, confidence and signals"

# Pipes, sockets and devices: a per-file error at once (a reader would wait for a writer
# on a pipe for ever), exit 2 like an unreadable file.
mkfifo "$tmp/photo.jpg"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/sock.jpg"
for special in "$tmp/photo.jpg" "$tmp/sock.jpg" /dev/null; do
  out=$(timeout 10 "$cli" verify "$special" 2>&1); rc=$?
  echo "$out" | grep -q 'not a regular file' && [ $rc = 2 ]
  check $? "$(basename "$special"): not a regular file, exit 2, no wait"
done

mkdir "$tmp/walk"
cp "$fx/CA.jpg" "$tmp/walk/CA.jpg"
mkfifo "$tmp/walk/pipe.jpg"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/walk/sock.png"
ln -s /dev/null "$tmp/walk/null.jpeg"
out=$(timeout 10 "$cli" verify "$tmp/walk" 2>&1); rc=$?
echo "$out" | grep -q '3 special files skipped' && echo "$out" | grep -q "^  $tmp/walk/pipe.jpg\$" &&
  echo "$out" | grep -q "^  $tmp/walk/sock.png\$" && echo "$out" | grep -q "^  $tmp/walk/null.jpeg\$" &&
  echo "$out" | grep -q 'Valid' && [ $rc = 0 ]
check $? "a folder walk skips special files, names them, and verifies the rest"

out=$(cat "$fx/CA.jpg" | timeout 10 "$cli" verify /dev/stdin 2>&1); rc=$?
echo "$out" | grep -q 'not a regular file' && ! echo "$out" | grep -q 'Illegal seek' && [ $rc = 2 ]
ok=$?
# Redirected from a file, /dev/stdin is that regular file: verified as usual.
out=$(timeout 10 "$cli" verify /dev/stdin < "$fx/CA.jpg" 2>&1); rc=$?
[ $ok = 0 ] && echo "$out" | grep -q 'Valid' && [ $rc = 0 ]
check $? "reading from a pipe says the file must be a regular file; a redirected file is verified"

mkdir "$tmp/empty" "$tmp/no-images"
echo "notes" > "$tmp/no-images/notes.txt"
out=$("$cli" verify "$tmp/empty" 2>&1); rc=$?
out2=$("$cli" verify "$tmp/no-images" 2>&1); rc2=$?
echo "$out" | grep -q 'no images found' && [ $rc = 2 ] &&
  echo "$out2" | grep -q 'no images found' && [ $rc2 = 2 ]
check $? "an empty folder, or one without images, says no images found and exits 2"

printf '\377\330\377\341\000\000\377\331' > "$tmp/zero-segment.jpg"
out=$("$cli" verify "$tmp/zero-segment.jpg" 2>&1); rc=$?
echo "$out" | grep -q 'length of 0' && ! echo "$out" | grep -q 'shorter' && [ $rc = 2 ]
check $? "a zero-length JPEG segment is named, not taken for a short file"

out=$("$cli" verify --crjson --no-proof-cache "$fx/CA.jpg"); rc=$?
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); m=d["manifests"][0]; assert d["@context"]["@vocab"]=="https://c2pa.org/crjson"; assert m["label"].startswith("contentauth:urn:uuid:"); assert m["claim"]["alg"]=="sha256"; assert m["signature"]["algorithm"]=="ps256"; assert m["assertions"]["c2pa.hash.data"]["hash"].startswith("b64\x27"); assert any(s["code"]=="assertion.dataHash.match" for s in m["validationResults"]["success"])' && [ $rc = 0 ]
check $? "--crjson prints the crJSON document of the manifest store"

out=$("$cli" verify --crjson --no-proof-cache "$fx/no_manifest.jpg" 2>"$tmp/err"); rc=$?
out2=$("$cli" verify --crjson --no-proof-cache "$fx/prerelease.jpg" 2>"$tmp/err2"); rc2=$?
[ -z "$out" ] && grep -q 'no Content Credentials' "$tmp/err" && [ $rc = 2 ] &&
  [ -z "$out2" ] && grep -q 'pre-release' "$tmp/err2" && [ $rc2 = 1 ]
check $? "--crjson prints no document for a file without credentials or with pre-release ones"

out=$("$cli" verify --no-proof-cache "$fx/ocsp.jpg" 2>&1)
edits=$(echo "$out" | sed -n '/^  Edits:/,/^  [A-Z]/p' | grep '^    [0-9]')
[ "$(echo "$edits" | wc -l)" = 3 ] &&
  echo "$edits" | sed -n 1p | grep -q '^    1\. Opened an existing file: “ocsp\.jpg”$' &&
  echo "$edits" | sed -n 2p | grep -q '^    2\. Cropped$' &&
  echo "$edits" | sed -n 3p | grep -q '^    3\. Edited · Adobe Firefly$'
ok=$?
[ $ok = 0 ] || echo "$out" | sed 's/^/# /'
check $ok "the edits of ocsp.jpg are listed in order, with the ingredient they opened and their app"

out=$("$cli" verify --no-proof-cache "$fx/CACAE-uri-CA.jpg" 2>&1)
tree=$(echo "$out" | sed -n '/^  Ingredients:/,/^  [A-Z]/p')
echo "$tree" | grep -q '^    - CAE-uri-CA\.jpg · Placed component · Valid' &&
  echo "$tree" | grep -q '^      Signed by: C2PA Signer$' &&
  echo "$tree" | grep -q '^        - E-uri-CA\.jpg · Placed component · Invalid$' &&
  echo "$tree" | grep -q '^            - A\.jpg · Opened from · No Content Credentials$'
ok=$?
[ $ok = 0 ] || echo "$out" | sed 's/^/# /'
check $ok "the ingredient tree of CACAE-uri-CA.jpg is printed indented, each with its own verdict"

out=$("$cli" verify --json --no-proof-cache "$fx/CACAE-uri-CA.jpg")
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); t=d["ingredient_tree"]; assert len(t)==1; assert t[0]["verdict"]=="valid" and t[0]["signer"]=="C2PA Signer"; e=t[0]["ingredients"][0]; assert e["title"]=="E-uri-CA.jpg" and e["verdict"]=="invalid" and "assertion.hashedURI.mismatch" in e["failures"]; assert e["ingredients"][0]["verdict"]=="no_manifest"; assert d["active_manifest"] in d["manifests"]'
check $? "--json has the ingredient tree beside the manifests"
# --summary: the citeable plain text, the verdict first, the file's digest, short lines.
out=$("$cli" verify --summary --no-proof-cache "$fx/ocsp.jpg" 2>&1); rc=$?
sha=$(sha256sum "$fx/ocsp.jpg" | cut -d' ' -f1)
echo "$out" | sed -n 1p | grep -q '^Content Credentials: Valid' &&
  echo "$out" | grep -q "^SHA-256: $sha\$" &&
  echo "$out" | grep -q '^Checked: [0-9-]*T[0-9:]*[+-][0-9][0-9]:[0-9][0-9] by CredLink ' &&
  echo "$out" | grep -q '^  Time-stamp authority: Adobe' &&
  echo "$out" | grep -q '^  3\. Edited · Adobe Firefly$' &&
  echo "$out" | python3 -c 'import sys; assert max(len(l) for l in sys.stdin.read().splitlines()) <= 73' &&
  [ $rc = 0 ]
ok=$?
[ $ok = 0 ] || echo "$out" | sed 's/^/# /'
check $ok "--summary prints the citeable summary of ocsp.jpg, verdict first"

out=$("$cli" verify --summary --no-proof-cache "$fx/XCA.jpg" 2>&1); rc=$?
echo "$out" | sed -n 1p | grep -q '^Content Credentials: Invalid$' &&
  echo "$out" | grep -q '^Warning: these Content Credentials did not validate' &&
  echo "$out" | grep -q '^  Failure: assertion.dataHash.mismatch' && [ $rc = 1 ]
ok=$?
[ $ok = 0 ] || echo "$out" | sed 's/^/# /'
check $ok "--summary of an invalid file says Invalid first, then that nothing is verified"
