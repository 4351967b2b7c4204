#!/bin/sh
# record-sample.sh BUILD_DIR: records the sample account (examples/sample-account.json,
# written by tests/data/make-sample-account.py) through the fake X API into
# examples/sample-recording, and the same account a week later (written by
# tests/data/make-sample-week2.py) into examples/sample-recording-week2: its new
# followers since the first week, its whole list, and the new ones' timelines.
# `make demo` replays both offline. Rerun it when the fixture or the requests
# the fetchers send change.
set -eu
bin=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
rec=$top/examples/sample-recording
rec2=$top/examples/sample-recording-week2
work=$(mktemp -d "${TMPDIR:-/tmp}/fb-record.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
serve() { # FIXTURE: the fake X API answering for it
	[ -n "$pid" ] && kill $pid && wait $pid 2>/dev/null || true
	rm -f "$work/port"
	python3 "$top/tests/cli/fake-xapi.py" --data "$1" \
		--port-file "$work/port" --token sample-token >/dev/null 2>&1 &
	pid=$!
	for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
	export TW_API_BASE=http://127.0.0.1:$(cat "$work/port") TW_BEARER_TOKEN=sample-token
}
export PATH="$bin:$PATH"
serve "$top/examples/sample-account.json"
rm -rf "$rec" "$rec2"
tw-followers --record "$rec" --quiet @brightpath_co >"$work/followers"
tw-followers --record "$rec" --quiet --following @brightpath_co >/dev/null
# Every follower's timeline, so that any selection of them replays.
tw-timeline --record "$rec" --quiet --jobs 1 "$work/followers" >/dev/null
tw-mentions --record "$rec" --quiet @brightpath_co >/dev/null
echo "recorded $(wc -l <"$rec/index.ndjson") answers ($(du -sh "$rec" | cut -f1)) into $rec" >&2
python3 "$top/tests/data/make-sample-week2.py" "$work/week2.json"
serve "$work/week2.json"
tw-followers --record "$rec2" --quiet --new-since "$work/followers" @brightpath_co >"$work/new"
tw-followers --record "$rec2" --quiet @brightpath_co >/dev/null
tw-timeline --record "$rec2" --quiet --jobs 1 "$work/new" >/dev/null
echo "recorded $(wc -l <"$rec2/index.ndjson") answers ($(du -sh "$rec2" | cut -f1)) into $rec2" >&2
