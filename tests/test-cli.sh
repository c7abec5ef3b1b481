#!/bin/sh
# credlink-cli: version, help and usage errors.
cli="${CREDLINK_CLI:?}"
echo "1..4"
n=0
check () { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

out=$("$cli" --version); rc=$?
echo "$out" | grep -q '^credlink-cli [0-9]\+\.[0-9]\+\.[0-9]\+' && echo "$out" | grep -q '^OpenSSL 3' && [ $rc = 0 ]
check $? "--version names the version and the libraries"

out=$("$cli" --help); rc=$?
echo "$out" | grep -q 'Usage: credlink-cli' && [ $rc = 0 ]
check $? "--help prints usage and exits 0"

"$cli" no-such-command >/dev/null 2>&1; rc=$?
[ $rc = 64 ]
check $? "an unknown command exits 64 (usage)"

"$cli" >/dev/null 2>&1; rc=$?
[ $rc = 64 ]
check $? "no command exits 64 (usage)"
