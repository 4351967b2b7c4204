#!/bin/sh
# record-masto-sample.sh BUILD_DIR: records the made-up Mastodon account of
# the tests (tests/cli/data/masto-account.json: @ann@m.example, a potter,
# her followers, the accounts she follows, their posts and her mentions)
# through the fake instance (tests/cli/fake-masto.py) into
# examples/masto-recording, which the man pages' examples replay offline.
# Rerun it when the fixture or the requests the masto- programs send change.
set -eu
bin=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
rec=$top/examples/masto-recording
work=$(mktemp -d "${TMPDIR:-/tmp}/fb-record.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
# The fake's token, for the mentions; a recording never holds it.
(umask 077 && echo sample-token >"$work/token")
python3 "$top/tests/cli/fake-masto.py" --data "$top/tests/cli/data/masto-account.json" \
	--token sample-token --port-file "$work/port" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
export MASTO_API_BASE=http://127.0.0.1:$(cat "$work/port") PATH="$bin:$PATH"
rm -rf "$rec"
masto-followers --record "$rec" --quiet @ann@m.example >"$work/followers"
masto-followers --record "$rec" --quiet --following @ann@m.example >/dev/null
masto-user --record "$rec" --quiet @ann@m.example @fbtrain@m.example >/dev/null
masto-timeline --record "$rec" --quiet "$work/followers" >/dev/null
masto-mentions --record "$rec" --quiet --instance m.example --token-file "$work/token" >/dev/null
echo "recorded $(wc -l <"$rec/index.ndjson") answers in $rec"
