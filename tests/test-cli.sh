#!/bin/sh
# credlink-cli: version, help and usage errors; verify --help never races a thread at exit.
cli="${CREDLINK_CLI:?}"
echo "1..5"
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

# GLib prints --help and exits inside the option parse: verify once started OpenSSL's
# warm-up thread before it, and about one run in a hundred crashed at exit.
crashed=0
i=0
while [ $i -lt 300 ]; do
  "$cli" verify --help >/dev/null 2>&1 || crashed=$((crashed + 1))
  i=$((i + 1))
done
[ $crashed = 0 ] || echo "# $crashed of 300 runs of verify --help failed"
[ $crashed = 0 ]
check $? "verify --help exits 0, 300 times out of 300"
