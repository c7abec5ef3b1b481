#!/bin/sh
# credlink-cli trust: import, list, check-chain, remove, products (no network).
cli="${CREDLINK_CLI:?}"
shared="${CREDLINK_SHARED_DIR:-}"
certs="$shared/c2pa-fixtures/certs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
export GIO_USE_PROXY_RESOLVER=dummy

echo "1..13"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }

out=$("$cli" trust list); rc=$?
echo "$out" | grep -q 'No trust lists' && [ $rc = 0 ]
check $? "an empty store says how to get lists"

"$cli" trust import 'bad/name' /dev/null >/dev/null 2>&1; rc=$?
[ $rc != 0 ] && [ ! -e "$tmp/data/credlink/bad" ]
check $? "a list name with a slash is refused"

# The C2PA conforming products list: installed in the trust folder, then described.
cat >"$tmp/cpl.json" <<'JSON'
[{"recordId": "0197aa34-665b-7811-9bbc-317cfd988d0a", "status": "conformant",
  "product": {"productType": "generatorProduct",
              "DN": {"CN": "Field Camera", "O": "Example Optics", "C": "US"},
              "assurance": {"maxAssuranceLevel": 2}}}]
JSON
out=$(LC_ALL=C "$cli" trust products "$tmp/cpl.json") && echo "$out" | grep -q '1 product$' && \
  [ -f "$tmp/data/credlink/trust/conforming-products-list.json" ] && \
  LC_ALL=C "$cli" trust products | grep -q 'Conforming products list: 1 product'
check $? "trust products installs the conforming products list and says what is installed"

echo '{"records": []}' >"$tmp/not-cpl.json"
LC_ALL=C "$cli" trust products "$tmp/not-cpl.json" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 70 ] && grep -q 'not a C2PA conforming products list' "$tmp/err" && \
  LC_ALL=C "$cli" trust products | grep -q '1 product'
check $? "a file that is not a conforming products list is refused and replaces nothing"

if [ ! -d "$certs" ]; then
  for i in 5 6 7 8 9 10 11 12 13; do skip "CREDLINK_SHARED_DIR fixtures not available"; done
  exit 0
fi

"$cli" trust check-chain "$certs/es256.pub" >"$tmp/out" 2>&1; rc=$?
[ $rc = 1 ] && grep -q 'signingCredential.untrusted' "$tmp/out"
check $? "without lists a fixture chain is untrusted (exit 1)"

"$cli" trust import test-roots "$certs/trust/test_cert_root_bundle.pem" \
  --trust-config "$certs/trust/store.cfg" >/dev/null && \
  "$cli" trust import c2pa-tsa "$shared/trust-lists/C2PA-TSA-TRUST-LIST.pem" --kind c2pa-tsa >/dev/null
check $? "import a user list and the TSA list"

out=$("$cli" trust list --json)
echo "$out" | grep -q '"name" : "test-roots"' && echo "$out" | grep -q '"kind" : "c2pa-tsa"' && \
  [ -f "$tmp/data/credlink/trust/test-roots/meta.json" ]
check $? "list --json names both lists, stored under XDG_DATA_HOME"

"$cli" trust check-chain "$certs/ps256.pub" --json >"$tmp/out"; rc=$?
[ $rc = 0 ] && grep -q '"trustList" : "test-roots"' "$tmp/out" && grep -q '"CN" : "C2PA Signer"' "$tmp/out" \
  && grep -q '"status" : "not-checked"' "$tmp/out"
check $? "check-chain --json: trusted by test-roots, revocation not checked offline"

"$cli" trust check-chain "$certs/es256.pub" --at 2031-01-01T00:00:00Z >"$tmp/out"; rc=$?
[ $rc = 1 ] && grep -q 'signingCredential.expired' "$tmp/out"
check $? "check-chain --at after notAfter: expired"

"$cli" trust remove test-roots >/dev/null && "$cli" trust check-chain "$certs/es256.pub" >/dev/null; rc=$?
[ $rc = 1 ]
check $? "after remove the chain is untrusted again (a TSA anchor does not help)"

"$cli" trust check-chain "$tmp/nothing.pem" >/dev/null 2>&1; rc=$?
[ $rc = 2 ]
check $? "an unreadable chain file exits 2"

# A PEM file imported as the C2PA list is not the official list: only the copy that trust
# refresh downloads from the published address is.
cp "$certs/trust/test_cert_root_bundle.pem" "$tmp/my-roots.pem"
out=$("$cli" trust import c2pa "$tmp/my-roots.pem" --kind c2pa) && \
  echo "$out" | grep -q 'Imported: my-roots.pem' && ! echo "$out" | grep -q 'Official'
check $? "trust import --kind c2pa of a user's file says Imported: <file name>"

out=$(LC_ALL=C "$cli" trust list) && json=$("$cli" trust list --json) && \
  echo "$out" | grep -q 'Imported: my-roots.pem' && ! echo "$out" | grep -q 'Official C2PA trust list' && \
  echo "$json" | grep -q '"label" : "Imported: my-roots.pem"' && echo "$json" | grep -q '"kind" : "c2pa"' && \
  "$cli" trust check-chain "$certs/ps256.pub" >"$tmp/out" && grep -q 'Imported: my-roots.pem' "$tmp/out" && \
  ! grep -q 'Official' "$tmp/out"
check $? "trust list and check-chain call the imported list Imported, not official"
