#!/bin/sh
# credlink-cli profile and sign: profiles on disk, passphrases from the
# environment (never a hang without a terminal), signing one file and a batch,
# refusing existing outputs, wrong passphrases leaving nothing behind; pipes, sockets
# and devices refused at once; permissions kept; an interrupted signing's leftovers
# removed.
cli="${CREDLINK_CLI:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CREDLINK_DATA_DIR="$tmp/data"
export CREDLINK_PASSPHRASE="correct horse"
unset CREDLINK_IMPORT_PASSPHRASE
echo "1..25"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# 16×16 images made with gdk-pixbuf.
echo "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDNooor0DhP/9k=" | base64 -d > "$tmp/a.jpg"
echo "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAA3NCSVQICAjb4U/gAAAAGklEQVQoz2M0TpvJQApgYiARjGoY1TB0NAAA2pMBUiVR/PsAAAAASUVORK5CYII=" | base64 -d > "$tmp/b.png"

out=$(CREDLINK_PASSPHRASE=abc "$cli" profile create-test --name short 2>&1); rc=$?
[ $rc = 70 ] && echo "$out" | grep -q "at least 4 characters" && ! echo "$out" | grep -q "Created" &&
  [ ! -e "$CREDLINK_DATA_DIR/profiles/short" ]
check $? "a too-short passphrase fails before create-test says anything was created"

out=$("$cli" profile create-test --name studio --alg es256 2>&1); rc=$?
[ $rc = 0 ] && echo "$out" | grep -q "NOT publicly trusted"
check $? "profile create-test makes a labelled test identity"

[ "$(stat -c %a "$CREDLINK_DATA_DIR/profiles/studio")" = 700 ] &&
  [ "$(stat -c %a "$CREDLINK_DATA_DIR/profiles/studio/key.p8")" = 600 ] &&
  grep -q "BEGIN ENCRYPTED PRIVATE KEY" "$CREDLINK_DATA_DIR/profiles/studio/key.p8"
check $? "the profile folder is private and the key encrypted"

out=$("$cli" profile list); rc=$?
[ $rc = 0 ] && echo "$out" | grep -q "^studio" && echo "$out" | grep -q "test identity"
check $? "profile list shows the profile"

out=$("$cli" profile check studio 2>&1); rc=$?
[ $rc = 0 ] && echo "$out" | grep -q "can sign (Es256)" && echo "$out" | grep -q "not publicly trusted"
check $? "profile check lists the profile's problems"

"$cli" sign --profile studio -o "$tmp/a-signed.jpg" --author "Jane Doe" --do-not-train "$tmp/a.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 0 ] && [ -s "$tmp/a-signed.jpg" ] && grep -q "signed urn:c2pa:" "$tmp/log"
check $? "sign writes a signed JPEG"

"$cli" sign --profile studio -o "$tmp/a-signed.jpg" "$tmp/a.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && grep -q "already exists" "$tmp/log"
check $? "an existing output is not overwritten without --force"

"$cli" sign --profile studio --force -o "$tmp/a-signed.jpg" "$tmp/a.jpg" >/dev/null 2>&1
check $? "--force replaces it"

mkdir "$tmp/batch"
"$cli" sign --profile studio -o "$tmp/batch" "$tmp/a.jpg" "$tmp/b.png" >"$tmp/log" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '^\[1/2\]' "$tmp/log" && grep -q '^\[2/2\]' "$tmp/log" &&
  [ -s "$tmp/batch/a.jpg" ] && [ -s "$tmp/batch/b.png" ]
check $? "a batch goes into a folder with a progress line per file"

CREDLINK_PASSPHRASE="wrong horse" "$cli" sign --profile studio -o "$tmp/wrong.jpg" "$tmp/a.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && grep -q "Wrong passphrase" "$tmp/log" && [ ! -e "$tmp/wrong.jpg" ]
check $? "a wrong passphrase fails clearly and writes nothing"

env -u CREDLINK_PASSPHRASE timeout 10 "$cli" sign --profile studio -o "$tmp/nopass.jpg" "$tmp/a.jpg" </dev/null >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && grep -q "CREDLINK_PASSPHRASE" "$tmp/log" && [ ! -e "$tmp/nopass.jpg" ]
check $? "without a terminal or CREDLINK_PASSPHRASE sign fails instead of waiting"

printf 'not an image' > "$tmp/junk.jpg"
"$cli" sign --profile studio -o "$tmp/junk-signed.jpg" "$tmp/junk.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && grep -q "Cannot sign" "$tmp/log" && [ ! -e "$tmp/junk-signed.jpg" ] &&
  [ -z "$(ls -A "$tmp" | grep credlink-)" ]
check $? "an unreadable input fails and leaves no partial output"

"$cli" sign --profile studio --source-type compositeCapture -o "$tmp/composite.png" "$tmp/b.png" >/dev/null 2>&1 &&
  grep -q "digitalsourcetype/compositeCapture" "$tmp/composite.png"
check $? "--source-type names the IPTC digital source type"

"$cli" sign --profile studio --source-type madeUp -o "$tmp/madeup.png" "$tmp/b.png" >/dev/null 2>&1; rc=$?
[ $rc = 64 ] && [ ! -e "$tmp/madeup.png" ]
check $? "an unknown --source-type is a usage error"

"$cli" sign --profile studio --ocsp -o "$tmp/ocsp.png" "$tmp/b.png" >"$tmp/log" 2>&1; rc=$?
[ $rc = 64 ] && grep -q "needs --tsa" "$tmp/log" && [ ! -e "$tmp/ocsp.png" ]
check $? "--ocsp without --tsa is a usage error"

"$cli" profile export-ca studio "$tmp/ca.pem" >/dev/null 2>&1 && grep -q "BEGIN CERTIFICATE" "$tmp/ca.pem"
check $? "profile export-ca writes the test CA"

out=$("$cli" verify --json --no-proof-cache --trust-anchors "$tmp/ca.pem" "$tmp/a-signed.jpg" 2>&1); rc=$?
[ $rc = 0 ] && echo "$out" | grep -q '"validation_state" *: *"Trusted"'
check $? "credlink-cli verify calls what we signed Trusted with the exported test CA"

CREDLINK_IMPORT_PASSPHRASE="correct horse" "$cli" profile import --name copy \
  --cert "$CREDLINK_DATA_DIR/profiles/studio/chain.pem" --key "$CREDLINK_DATA_DIR/profiles/studio/key.p8" >/dev/null 2>&1 &&
  "$cli" sign --profile copy -o "$tmp/copy.png" "$tmp/b.png" >/dev/null 2>&1
check $? "profile import takes a PEM chain and an encrypted key, and the profile signs"

"$cli" profile import --name bad --cert "$tmp/ca.pem" >/dev/null 2>&1; rc=$?
[ $rc = 64 ]
check $? "profile import without a key is a usage error"

"$cli" profile remove studio >/dev/null 2>&1 && [ ! -e "$CREDLINK_DATA_DIR/profiles/studio" ] &&
  ! "$cli" profile list | grep -q "^studio"
check $? "profile remove deletes the profile"

# Pipes, sockets and devices are refused at once (a pipe would make the reader wait for a
# writer), each as a per-file failure, and nothing is written for them.
umask 022
"$cli" profile create-test --name studio >/dev/null 2>&1
mkfifo "$tmp/pipe.jpg"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/sock.png"
mkdir "$tmp/special-out"
timeout 20 "$cli" sign --profile studio -o "$tmp/special-out" "$tmp/pipe.jpg" "$tmp/sock.png" /dev/null "$tmp/a.jpg" >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && [ "$(grep -c 'not a regular file' "$tmp/log")" = 3 ] && grep -q "3 of 4 files" "$tmp/log" &&
  [ -s "$tmp/special-out/a.jpg" ] && [ "$(ls -A "$tmp/special-out")" = a.jpg ]
check $? "a pipe, a socket and /dev/null are not regular files: refused at once, the rest signed"

cp "$tmp/a.jpg" "$tmp/private.jpg"
chmod 640 "$tmp/private.jpg"
"$cli" sign --profile studio -o "$tmp/private-signed.jpg" "$tmp/private.jpg" >/dev/null 2>&1 &&
  [ "$(stat -c %a "$tmp/private-signed.jpg")" = 640 ]
check $? "the signed copy keeps the source's permissions"

# What a signing killed before it committed left in the output folder: removed by the next
# signing there once a minute old, kept while another signing may still be writing it.
mkdir "$tmp/resumed"
echo partial > "$tmp/resumed/.a.jpg.credlink-Ab12Cd"
touch -d '5 minutes ago' "$tmp/resumed/.a.jpg.credlink-Ab12Cd"
echo partial > "$tmp/resumed/.b.jpg.credlink-Ef34Gh"
"$cli" sign --profile studio -o "$tmp/resumed" "$tmp/a.jpg" "$tmp/b.png" >/dev/null 2>&1 &&
  [ ! -e "$tmp/resumed/.a.jpg.credlink-Ab12Cd" ] && [ -e "$tmp/resumed/.b.jpg.credlink-Ef34Gh" ]
check $? "sign removes stale temporary files from its output folder, keeps fresh ones"

echo partial > "$CREDLINK_DATA_DIR/profiles/studio/.key.p8.credlink-Xy98Zw"
touch -d '5 minutes ago' "$CREDLINK_DATA_DIR/profiles/studio/.key.p8.credlink-Xy98Zw"
echo partial > "$CREDLINK_DATA_DIR/profiles/studio/.chain.pem.credlink-Uv76St"
"$cli" profile list >/dev/null 2>&1 &&
  [ ! -e "$CREDLINK_DATA_DIR/profiles/studio/.key.p8.credlink-Xy98Zw" ] &&
  [ -e "$CREDLINK_DATA_DIR/profiles/studio/.chain.pem.credlink-Uv76St" ]
check $? "listing the profiles removes a stale temporary file from a profile folder"

mkdir "$tmp/folder-in"
"$cli" sign --profile studio -o "$tmp/folder-out.jpg" "$tmp/folder-in" >"$tmp/log" 2>&1; rc=$?
[ $rc = 70 ] && grep -q "Cannot sign" "$tmp/log" && [ ! -e "$tmp/folder-out.jpg" ]
check $? "a folder given as input is refused"
