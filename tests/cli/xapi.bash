# Shared by the fetcher tests (load xapi, after load helpers): the fake X API.
#
# start_xapi [fake-xapi.py options...]: starts tests/cli/fake-xapi.py on a free
# port of 127.0.0.1, in $BATS_TEST_TMPDIR; exports TW_API_BASE and
# TW_BEARER_TOKEN so the tw-* programs use it; $XAPI_LOG is its request log
# (one JSON line per request). stop_xapi ends it (teardown does it too, and
# so does a second start_xapi in the same test).

XAPI_TOKEN=test-token-$$-do-not-print

start_xapi() {
	local i
	# A second start in one test replaces the first server; it must not outlive the test.
	stop_xapi
	XAPI_DIR=$BATS_TEST_TMPDIR/xapi.$RANDOM
	mkdir -p "$XAPI_DIR"
	XAPI_LOG=$XAPI_DIR/log
	python3 "$BATS_TEST_DIRNAME/fake-xapi.py" --port-file "$XAPI_DIR/port" \
		--log "$XAPI_LOG" --token "$XAPI_TOKEN" "$@" >/dev/null 2>"$XAPI_DIR/err" 3>&- &
	XAPI_PID=$!
	for i in $(seq 200); do
		[ -s "$XAPI_DIR/port" ] && break
		kill -0 "$XAPI_PID" 2>/dev/null || break
		sleep 0.05
	done
	[ -s "$XAPI_DIR/port" ] || { echo "the fake X API did not start:"; cat "$XAPI_DIR/err"; return 1; }
	export TW_API_BASE=http://127.0.0.1:$(cat "$XAPI_DIR/port")
	export TW_BEARER_TOKEN=$XAPI_TOKEN
	: >"$XAPI_LOG"
}

stop_xapi() {
	[ -n "${XAPI_PID:-}" ] || return 0
	kill "$XAPI_PID" 2>/dev/null || true
	wait "$XAPI_PID" 2>/dev/null || true
	XAPI_PID=
}

# requests [PATH-SUBSTRING]: how many requests the server got (for that path).
requests() {
	if [ $# -eq 0 ]; then
		wc -l <"$XAPI_LOG" | tr -d ' '
	else
		grep -c "\"path\": \"[^\"]*$1" "$XAPI_LOG" || true
	fi
}

# faults JSON: writes a --faults file and prints its path.
faults() {
	local f=$BATS_TEST_TMPDIR/faults.$RANDOM.json
	printf '%s\n' "$1" >"$f"
	echo "$f"
}

# no_token_leak FILE...: the token appears in none of the files.
no_token_leak() {
	if grep -l -r -- "$XAPI_TOKEN" "$@" 2>/dev/null; then
		echo "the token leaked into the files above"
		return 1
	fi
}

# timed CMD ARG...: captured, with the wall time in seconds in $ELAPSED.
timed() {
	local t0 t1
	t0=$(date +%s.%N)
	captured "$@"
	t1=$(date +%s.%N)
	ELAPSED=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
}

# at_least SEC / at_most SEC: $ELAPSED compared with SEC.
at_least() {
	awk -v e="$ELAPSED" -v s="$1" 'BEGIN { exit !(e >= s) }' ||
		{ echo "took $ELAPSED s, expected at least $1 s"; show; return 1; }
}
at_most() {
	awk -v e="$ELAPSED" -v s="$1" 'BEGIN { exit !(e <= s) }' ||
		{ echo "took $ELAPSED s, expected at most $1 s"; show; return 1; }
}

# status_count CODE [PATH-SUBSTRING]: requests answered CODE (for that path).
status_count() {
	grep "\"path\": \"[^\"]*${2:-}" "$XAPI_LOG" | grep -c "\"status\": $1[,}]" || true
}

teardown() {
	stop_xapi
}

# expect_no_stderr, for the fetchers: nothing on stderr but the closing
# line every run ends with, "PROG: N records in M requests, $X" (what was
# fetched and what it cost, for the log and the invoice).
expect_no_stderr() {
	if grep -Ev '^tw-[a-z]+: [0-9]+ records? in [0-9]+ requests?, \$[0-9]+\.[0-9]{2}' "$ERR" | grep -q .; then
		echo "expected nothing on stderr but the closing summary"
		show
		return 1
	fi
}

# billed [PATH-SUBSTRING]: the users and posts the server billed (for that
# path), by its own count: every answer it sent, read to the end or not.
billed() {
	jq -s --arg p "${1:-}" '[.[] | select(.path | contains($p)) | .billed] | add // 0' "$XAPI_LOG"
}
