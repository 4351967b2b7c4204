# Shared by the Bluesky tests (load bsky, after load helpers): the fake AppView.
#
# start_bsky [fake-bsky.py options...]: starts tests/cli/fake-bsky.py on a
# free port of 127.0.0.1, in $BATS_TEST_TMPDIR; exports BSKY_API_BASE so the
# bsky-* programs use it; $BSKY_LOG is its request log (one JSON line per
# request). stop_bsky ends it (teardown does it too).

start_bsky() {
	local i
	BSKY_DIR=$BATS_TEST_TMPDIR/bsky.$RANDOM
	mkdir -p "$BSKY_DIR"
	BSKY_LOG=$BSKY_DIR/log
	python3 "$BATS_TEST_DIRNAME/fake-bsky.py" --port-file "$BSKY_DIR/port" \
		--log "$BSKY_LOG" "$@" >/dev/null 2>"$BSKY_DIR/err" 3>&- &
	BSKY_PID=$!
	for i in $(seq 200); do
		[ -s "$BSKY_DIR/port" ] && break
		kill -0 "$BSKY_PID" 2>/dev/null || break
		sleep 0.05
	done
	[ -s "$BSKY_DIR/port" ] || { echo "the fake Bluesky did not start:"; cat "$BSKY_DIR/err"; return 1; }
	export BSKY_API_BASE=http://127.0.0.1:$(cat "$BSKY_DIR/port")
	: >"$BSKY_LOG"
}

stop_bsky() {
	[ -n "${BSKY_PID:-}" ] || return 0
	kill "$BSKY_PID" 2>/dev/null || true
	wait "$BSKY_PID" 2>/dev/null || true
	BSKY_PID=
}

# bsky_requests [NSID-SUBSTRING]: how many requests the server got (for that method).
bsky_requests() {
	if [ $# -eq 0 ]; then
		wc -l <"$BSKY_LOG" | tr -d ' '
	else
		grep -c "\"path\": \"[^\"]*$1" "$BSKY_LOG" || true
	fi
}

# bsky_faults JSON: writes a --faults file and prints its path.
bsky_faults() {
	local f=$BATS_TEST_TMPDIR/faults.$RANDOM.json
	printf '%s\n' "$1" >"$f"
	echo "$f"
}

teardown() {
	stop_bsky
}
