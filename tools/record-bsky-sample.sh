#!/bin/sh
# record-bsky-sample.sh BUILD_DIR: records the made-up Bluesky account of the
# tests (tests/cli/data/bsky-account.json: alice.test, a baker, and her
# followers) through the fake AppView (tests/cli/fake-bsky.py) into
# examples/bsky-recording: her followers with their counts, and their
# timelines. `make demo` replays it offline. Rerun it when the fixture or
# the requests the bsky- programs send change.
set -eu
bin=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
rec=$top/examples/bsky-recording
work=$(mktemp -d "${TMPDIR:-/tmp}/fb-record.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
python3 "$top/tests/cli/fake-bsky.py" --data "$top/tests/cli/data/bsky-account.json" \
	--port-file "$work/port" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
export BSKY_API_BASE=http://127.0.0.1:$(cat "$work/port") PATH="$bin:$PATH"
rm -rf "$rec"
bsky-followers --record "$rec" --quiet --estimate alice.test >/dev/null
bsky-followers --record "$rec" --quiet alice.test >"$work/followers"
bsky-timeline --record "$rec" --quiet --jobs 1 --count 5 "$work/followers" >/dev/null
echo "recorded $(wc -l <"$rec/index.ndjson") answers in $rec"
