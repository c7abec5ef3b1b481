#!/bin/sh
# credlink-cli sign: what the claims say — a test identity named like a person (spaces)
# signs as that name; --ai generated / edited become the honest actions and source types;
# --author and --title once for a batch or once per image; every output validates with no
# failure but signingCredential.untrusted, in credlink-cli verify and, when installed, in
# the reference reader (c2pa-rs), whose report shows the same fields.
cli="${CREDLINK_CLI:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDLINK_DATA_DIR="$tmp/data"
export CREDLINK_PASSPHRASE="correct horse"
export CREDLINK_PROOF_DB="$tmp/proofs.db"
oracle="${CREDLINK_ORACLE_DIR:-$HOME/.cache/credlink-oracle}/read.mjs"
if ! command -v node >/dev/null 2>&1 || [ ! -f "$oracle" ]; then oracle=; fi
echo "1..10"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# 16×16 images made with gdk-pixbuf.
echo "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDNooor0DhP/9k=" | base64 -d > "$tmp/a.jpg"
echo "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAA3NCSVQICAjb4U/gAAAAGklEQVQoz2M0TpvJQApgYiARjGoY1TB0NAAA2pMBUiVR/PsAAAAASUVORK5CYII=" | base64 -d > "$tmp/b.png"

# Prints "<state> <failure codes> | <field>": our verdict on $1 and, from the active
# manifest, the fields the tests look at: the signer's name, specVersion, the actions
# with their source types (last path segment), allActionsIncluded, title, authors.
summary () {
  python3 -c '
import json, sys
d = json.load(sys.stdin)
m = d["manifests"][d["active_manifest"]]
fails = sorted(e["code"] for e in d["validation_results"]["activeManifest"]["failure"])
acts, all_in, authors = [], None, []
for a in m["assertions"]:
    if a["label"].startswith("c2pa.actions"):
        all_in = a["data"].get("allActionsIncluded")
        for x in a["data"]["actions"]:
            acts.append(x["action"] + ":" + x.get("digitalSourceType", "-").rsplit("/", 1)[-1])
    if a["label"] == "stds.schema-org.CreativeWork":
        authors = [p["name"] for p in a["data"].get("author", [])]
print(d["validation_state"], ",".join(fails), "|", m.get("signature_info", {}).get("common_name"),
      "|", m["claim_generator_info"][0].get("specVersion"), "|", " ".join(acts), "|", all_in,
      "|", m.get("title"), "|", ",".join(authors))'
}

# The reference reader's view: "<state> <failures> <ingredient failures> | <common name> |
# <specVersion> | <actions>" (empty without the reader).
reference () {
  [ -n "$oracle" ] || return 0
  node "$oracle" --raw "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
m = d["raw"]["manifests"][d["raw"]["active_manifest"]]
acts = []
for a in m["assertions"]:
    if a["label"].startswith("c2pa.actions"):
        for x in a["data"]["actions"]:
            acts.append(x["action"] + ":" + x.get("digitalSourceType", "-").rsplit("/", 1)[-1])
print(d["validation_state"], ",".join(d["codes"]["failure"]), ",".join(d["ingredient_failure_codes"]),
      "|", d["signer"]["common_name"], "|", d["claim_generator_info"][0].get("specVersion"),
      "|", " ".join(acts))'
}

# Valid with only signingCredential.untrusted, here and in the reference reader, whose
# report also carries the expected actions ($2).
valid_everywhere () {
  out=$("$cli" verify --json --no-proof-cache "$1" | summary "$1") &&
    case "$out" in "Valid signingCredential.untrusted |"*) ;; *) echo "# ours: $out"; return 1;; esac
  [ -n "$oracle" ] || return 0
  ref=$(reference "$1")
  case "$ref" in "Valid signingCredential.untrusted  |"*"| 2.4.0 | $2") return 0;; esac
  echo "# reference: $ref"
  return 1
}

out=$("$cli" profile create-test --name "Jane Doe" 2>&1); rc=$?
[ $rc = 0 ] && [ -d "$CREDLINK_DATA_DIR/profiles/Jane Doe" ] && "$cli" profile list | grep -q "^Jane Doe"
check $? "a test identity may be named like a person, with a space"

"$cli" sign --profile "Jane Doe" -o "$tmp/plain.jpg" "$tmp/a.jpg" >/dev/null 2>&1 &&
  out=$("$cli" verify --json --no-proof-cache "$tmp/plain.jpg" | summary "$tmp/plain.jpg") &&
  case "$out" in *"| Jane Doe | 2.4.0 | c2pa.created:digitalCapture | True |"*) true;; *) echo "# $out"; false;; esac &&
  valid_everywhere "$tmp/plain.jpg" "c2pa.created:digitalCapture" &&
  { [ -z "$oracle" ] || reference "$tmp/plain.jpg" | grep -q "| Jane Doe |"; }
check $? "its name is the signer's name; the claim has specVersion 2.4.0 and allActionsIncluded"

"$cli" sign --profile "Jane Doe" --ai generated -o "$tmp/generated.png" "$tmp/b.png" >/dev/null 2>&1 &&
  out=$("$cli" verify --json --no-proof-cache "$tmp/generated.png" | summary "$tmp/generated.png") &&
  case "$out" in *"| c2pa.created:trainedAlgorithmicMedia | True |"*) true;; *) echo "# $out"; false;; esac &&
  valid_everywhere "$tmp/generated.png" "c2pa.created:trainedAlgorithmicMedia"
check $? "--ai generated: c2pa.created with trainedAlgorithmicMedia"

"$cli" sign --profile "Jane Doe" --ai edited -o "$tmp/edited.jpg" "$tmp/a.jpg" >/dev/null 2>&1 &&
  out=$("$cli" verify --json --no-proof-cache "$tmp/edited.jpg" | summary "$tmp/edited.jpg") &&
  expected="c2pa.created:digitalCapture c2pa.edited:compositeWithTrainedAlgorithmicMedia" &&
  case "$out" in *"| $expected | True |"*) true;; *) echo "# $out"; false;; esac &&
  valid_everywhere "$tmp/edited.jpg" "$expected"
check $? "--ai edited: c2pa.edited with compositeWithTrainedAlgorithmicMedia after c2pa.created"

"$cli" sign --profile "Jane Doe" --ai edited -o "$tmp/reedited.jpg" "$tmp/plain.jpg" >/dev/null 2>&1 &&
  out=$("$cli" verify --json --no-proof-cache "$tmp/reedited.jpg" | summary "$tmp/reedited.jpg") &&
  expected="c2pa.opened:- c2pa.edited:compositeWithTrainedAlgorithmicMedia" &&
  case "$out" in *"| $expected | True |"*) true;; *) echo "# $out"; false;; esac &&
  valid_everywhere "$tmp/reedited.jpg" "$expected"
check $? "a signed source is opened (no digitalSourceType) and then edited with AI"

"$cli" sign --profile "Jane Doe" --ai sometimes -o "$tmp/bad.jpg" "$tmp/a.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 64 ] && grep -q "generated, edited" "$tmp/log" && [ ! -e "$tmp/bad.jpg" ]
check $? "an unknown --ai is a usage error"

"$cli" sign --profile "Jane Doe" --ai generated --source-type digitalCapture -o "$tmp/bad.jpg" "$tmp/a.jpg" >/dev/null 2>&1; rc=$?
[ $rc = 64 ] && [ ! -e "$tmp/bad.jpg" ]
check $? "--ai generated with a --source-type is a usage error (it would contradict itself)"

"$cli" sign --profile "Jane Doe" -o "$tmp/batch" --author "Jane Doe" --title "Harbour" --title "Council" \
  "$tmp/a.jpg" "$tmp/b.png" >/dev/null 2>&1 &&
  a=$("$cli" verify --json --no-proof-cache "$tmp/batch/a.jpg" | summary "$tmp/batch/a.jpg") &&
  b=$("$cli" verify --json --no-proof-cache "$tmp/batch/b.png" | summary "$tmp/batch/b.png") &&
  case "$a" in *"| Harbour | Jane Doe") true;; *) echo "# $a"; false;; esac &&
  case "$b" in *"| Council | Jane Doe") true;; *) echo "# $b"; false;; esac &&
  valid_everywhere "$tmp/batch/a.jpg" "c2pa.created:digitalCapture" &&
  valid_everywhere "$tmp/batch/b.png" "c2pa.created:digitalCapture"
check $? "--title once per image titles each image; --author once is every image's author"

"$cli" sign --profile "Jane Doe" -o "$tmp/batch2" --author "Ann" --author "Bo" "$tmp/a.jpg" "$tmp/b.png" >/dev/null 2>&1 &&
  a=$("$cli" verify --json --no-proof-cache "$tmp/batch2/a.jpg" | summary "$tmp/batch2/a.jpg") &&
  b=$("$cli" verify --json --no-proof-cache "$tmp/batch2/b.png" | summary "$tmp/batch2/b.png") &&
  case "$a" in *"| Ann") true;; *) echo "# $a"; false;; esac &&
  case "$b" in *"| Bo") true;; *) echo "# $b"; false;; esac
check $? "--author once per image names each image's author"

"$cli" sign --profile "Jane Doe" -o "$tmp/batch3" --title A --title B --title C "$tmp/a.jpg" "$tmp/b.png" >"$tmp/log" 2>&1; rc=$?
[ $rc = 64 ] && grep -q "once per image" "$tmp/log" && [ ! -e "$tmp/batch3/a.jpg" ]
check $? "a --title count that is neither one nor the number of images is a usage error"
