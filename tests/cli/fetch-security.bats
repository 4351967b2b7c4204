#!/usr/bin/env bats
# The fetchers' token and URL handling, and --record / --replay: the token
# comes from the environment or a private file, is never printed, recorded,
# checkpointed or in argv; http:// only to loopback; a recording replays to
# the same bytes with no network and no token.

load helpers
load xapi

ACCOUNT=$BATS_TEST_DIRNAME/data/xapi-account.json

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# token_file MODE: the test token in the file token, with that mode.
token_file() {
	printf '%s\n' "$XAPI_TOKEN" >token
	chmod "$1" token
}

# --- where the token comes from ------------------------------------------------

@test "--token-file of mode 600 works, without TW_BEARER_TOKEN (a trailing newline is ignored)" {
	start_xapi --data "$ACCOUNT"
	token_file 600
	unset TW_BEARER_TOKEN
	captured tw-user --token-file token @priya_ux
	expect_status 0
	expect_no_stderr
	expect_jq '.id == "201"'
	captured tw-followers --token-file token @acme_consult
	expect_status 0
	expect_lines 12
}

@test "--token-file wins over TW_BEARER_TOKEN" {
	start_xapi --data "$ACCOUNT"
	token_file 600
	TW_BEARER_TOKEN=some-other-token captured tw-mentions --token-file token @acme_consult
	expect_status 0
	expect_lines 6
}

@test "--token-file of mode 644 or 640: refused with exit 2 before any request, saying chmod 600" {
	start_xapi --data "$ACCOUNT"
	for mode in 644 640 604; do
		token_file $mode
		for prog in tw-user tw-followers tw-mentions; do
			captured $prog --token-file token @acme_consult
			expect_status 2
			expect_no_stdout
			expect_err "^$prog: token: .*chmod 600"
		done
	done
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "a --token-file that does not exist: exit 2 with a message naming it" {
	start_xapi --data "$ACCOUNT"
	captured tw-user --token-file no-such-file @priya_ux
	expect_status 2
	expect_no_stdout
	expect_err '^tw-user: no-such-file'
	[ "$(requests)" -eq 0 ]
}

@test "no token (unset or empty, no default file): exit 2 with the message, before any request" {
	start_xapi --data "$ACCOUNT"
	export HOME=$BATS_TEST_TMPDIR/home XDG_CONFIG_HOME=
	for prog in tw-user tw-followers tw-mentions; do
		env -u TW_BEARER_TOKEN $prog @acme_consult >out 2>err && st=0 || st=$?
		[ "$st" -eq 2 ] || { echo "$prog: exit $st"; cat err; return 1; }
		[ ! -s out ]
		grep -q "^$prog: no token: set TW_BEARER_TOKEN, give --token-file, or keep it in ~/.config/followback/token" err ||
			{ cat err; return 1; }
		TW_BEARER_TOKEN= captured $prog @acme_consult
		expect_status 2
		expect_err "^$prog: no token: set TW_BEARER_TOKEN, give --token-file"
	done
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "without the option and the variable, ~/.config/followback/token (or \$XDG_CONFIG_HOME's) is read, if private" {
	start_xapi --data "$ACCOUNT"
	export HOME=$BATS_TEST_TMPDIR/home XDG_CONFIG_HOME=
	mkdir -p "$HOME/.config/followback"
	(umask 077; printf '%s\n' "$XAPI_TOKEN" >"$HOME/.config/followback/token")
	env -u TW_BEARER_TOKEN tw-user @acme_consult >out 2>err || { cat err; return 1; }
	[ "$(jq -r .username out)" = acme_consult ]
	chmod 644 "$HOME/.config/followback/token"
	env -u TW_BEARER_TOKEN tw-user @acme_consult >out 2>err && st=0 || st=$?
	[ "$st" -eq 2 ] && grep -q "^tw-user: $HOME/.config/followback/token: group or others can read it" err ||
		{ echo "exit $st"; cat err; return 1; }
	# the variable, when set, wins over the file
	TW_BEARER_TOKEN=$XAPI_TOKEN captured tw-user @acme_consult
	expect_status 0
	mkdir -p "$BATS_TEST_TMPDIR/xdg/followback"
	(umask 077; printf '%s\n' "$XAPI_TOKEN" >"$BATS_TEST_TMPDIR/xdg/followback/token")
	XDG_CONFIG_HOME=$BATS_TEST_TMPDIR/xdg env -u TW_BEARER_TOKEN tw-user @acme_consult >out 2>err ||
		{ cat err; return 1; }
	[ "$(jq -r .username out)" = acme_consult ]
}

# --- the token is never written ------------------------------------------------------

@test "the token is in none of stdout, stderr, --record DIR, --resume STATE, -o FILE" {
	start_xapi --generate 2500
	captured tw-followers --progress --record rec --resume state -o followers.ndjson --limit 1500 @bench
	expect_status 0
	[ -s followers.ndjson ] && [ -s state ] && [ -s rec/index.ndjson ]
	no_token_leak "$OUT" "$ERR" rec state followers.ndjson
	# nor in the messages of a failure, nor those of a budget stop
	captured tw-followers --budget 5 --resume state2 @bench
	expect_status 1
	no_token_leak "$OUT" "$ERR" state2
	captured tw-user --rejects rejects @nobody_here 999
	expect_status 1
	no_token_leak "$OUT" "$ERR" rejects
}

@test "a wrong token is not echoed in the 401 message" {
	start_xapi --data "$ACCOUNT"
	TW_BEARER_TOKEN=wrong-token-abcdef captured tw-user @priya_ux
	expect_status 1
	expect_err '401'
	! grep -q wrong-token-abcdef "$OUT" "$ERR" || { show; return 1; }
}

@test "the token is never in argv: /proc/PID/cmdline and ps of a running fetch" {
	start_xapi --generate 2500 --faults "$(faults '[{"match": "/followers", "action": "slow", "seconds": 1}]')"
	token_file 600
	tw-followers --token-file token --quiet @bench >out 2>err &
	pid=$!
	sleep 0.4
	kill -0 "$pid" || { echo "tw-followers ended too soon to be looked at"; cat err; return 1; }
	tr '\0' ' ' </proc/$pid/cmdline >cmdline
	ps -ww -o args= -p "$pid" >ps.out || true
	wait "$pid"
	grep -q tw-followers cmdline || { echo "cmdline:"; cat cmdline; return 1; }
	no_token_leak cmdline ps.out out err
}

# --- which --api URLs are accepted ------------------------------------------------------

@test "--api http://example.com (plain http off this machine) is refused: exit 2, before any request" {
	for url in http://example.com http://127.0.0.1.example.com http://127.0.0.1@example.com \
		ftp://127.0.0.1 not-a-url; do
		captured tw-user --api "$url" @priya_ux
		expect_status 2
		expect_no_stdout
		expect_err_has "tw-user: $url: expected an https:// URL, or http:// to this machine"
	done
	TW_API_BASE=http://example.com captured tw-followers @bench
	expect_status 2
	expect_err_has 'tw-followers: http://example.com: expected an https:// URL'
}

@test "--api https://... is accepted (answered from a recording, no network)" {
	start_xapi --data "$ACCOUNT"
	captured tw-user --record rec @priya_ux
	expect_status 0
	cp "$OUT" want
	stop_xapi
	unset TW_BEARER_TOKEN
	captured tw-user --api https://api.example.invalid --replay rec @priya_ux
	expect_status 0
	expect_out want
	# a real https URL is tried, not refused: a connection error, exit 1
	TW_BEARER_TOKEN=x captured tw-user --api https://127.0.0.1:1 --retries 0 @priya_ux
	expect_status 1
	! grep -q 'expected an https' "$ERR" || { show; return 1; }
}

@test "--api http://127.0.0.2:PORT and http://localhost:PORT are loopback: allowed" {
	start_xapi --data "$ACCOUNT"
	port=${TW_API_BASE##*:}
	captured tw-user --api "http://localhost:$port" @priya_ux
	expect_status 0
	expect_jq '.id == "201"'
	# the fake server listens on 127.0.0.1 only: 127.0.0.2 is accepted, then refused by the system
	captured tw-user --api "http://127.0.0.2:$port" --retries 0 @priya_ux
	[ "$status" -ne 2 ] || { echo "http://127.0.0.2 was refused as a URL"; show; return 1; }
	! grep -q 'expected an https' "$ERR" || { show; return 1; }
}

# --- --record and --replay ---------------------------------------------------------------

@test "--record DIR, then --replay DIR with the server stopped and no token: the same bytes" {
	start_xapi --generate 2500
	captured tw-followers --record rec @bench
	expect_status 0
	cp "$OUT" recorded
	[ "$(wc -l <recorded)" -eq 2500 ]
	stop_xapi
	unset TW_BEARER_TOKEN
	captured tw-followers --replay rec @bench
	expect_status 0
	expect_no_stderr
	expect_out recorded
}

@test "the recording: index.ndjson has one line per page, paths without a host, raw bodies" {
	start_xapi --generate 2500
	captured tw-followers --record rec @bench
	expect_status 0
	expect_lines 4 rec/index.ndjson
	expect_jq 'keys_unsorted == ["n", "method", "request", "status", "file"]' rec/index.ndjson
	expect_jq '.method == "GET" and .status == 200 and (.request | startswith("/2/users/"))' rec/index.ndjson
	expect_jq '(.request | test("127\\.0\\.0\\.1|http|Bearer"; "i")) | not' rec/index.ndjson
	[ "$(jq -r .n rec/index.ndjson | tr '\n' ' ')" = "1 2 3 4 " ]
	[ "$(jq -r .file rec/index.ndjson | tr '\n' ' ')" = "000001.json 000002.json 000003.json 000004.json " ]
	jq -r .request rec/index.ndjson | sed -n 1p | grep -q '^/2/users/by/username/bench?'
	[ "$(jq -r .request rec/index.ndjson | grep -c '^/2/users/1000/followers?max_results=1000&')" -eq 3 ]
	# each body is an API page, as the server sent it
	expect_jq '(.data | length) == 1000' rec/000002.json
	expect_jq '.meta.result_count == 500 and (.meta | has("next_token") | not)' rec/000004.json
	# the pages are input for fb-detect
	cat rec/0*.json | fb-detect >detected
	[ "$(wc -l <detected)" -eq 2501 ]
}

@test "a failed attempt is not recorded: only the answer that was used" {
	start_xapi --generate 2500 --faults "$(faults '[{"match": "/followers", "nth": [2], "action": "status", "code": 503}]')"
	captured tw-followers --record rec @bench
	expect_status 0
	expect_lines 4 rec/index.ndjson
	expect_jq '.status == 200' rec/index.ndjson
}

@test "replay of a request the recording does not have: exit 1, a message naming the request" {
	start_xapi --generate 2500
	captured tw-followers --record rec @bench
	expect_status 0
	stop_xapi
	unset TW_BEARER_TOKEN
	captured tw-followers --replay rec --limit 10 @bench
	expect_status 1
	expect_err_has 'tw-followers: rec: the recording has no (more) answers to GET /2/users/1000/followers?max_results=10&'
	captured tw-followers --replay rec --following @bench
	expect_status 1
	expect_err_has 'answers to GET /2/users/1000/following?'
	captured tw-user --replay rec @bench
	expect_status 1
	expect_err_has 'tw-user: rec: the recording has no (more) answers to GET /2/users/by?usernames=bench'
}

@test "--record with --replay: exit 2" {
	mkdir rec
	captured tw-followers --record rec2 --replay rec @bench
	expect_status 2
	expect_err_has 'tw-followers: --record and --replay cannot be used together'
}

@test "http:// to this machine never goes through a proxy from the environment (it would carry the token)" {
	start_xapi --data "$ACCOUNT"
	# a proxy that is not there: used, the request would fail
	http_proxy=http://127.0.0.9:9 HTTP_PROXY=http://127.0.0.9:9 ALL_PROXY=http://127.0.0.9:9 \
		captured tw-user --retries 0 @acme_consult
	expect_status 0
	[ "$(jq -r .username "$OUT")" = acme_consult ]
}

@test "a token file that is a FIFO with no writer is refused at once (exit 2), not waited on" {
	mkfifo tokfifo
	chmod 600 tokfifo
	timed timeout 20 env -u TW_BEARER_TOKEN tw-user --token-file tokfifo @acme_consult
	expect_status 2
	expect_err 'tokfifo: not a regular file'
	at_most 10
}

@test "a fetcher holding a token dumps no core: its core limit is 0 while it runs" {
	start_xapi --data "$ACCOUNT" --faults "$(faults '[{"match": "/users/by", "action": "slow", "seconds": 3}]')"
	tw-user @acme_consult >/dev/null 2>&1 &
	pid=$!
	for i in $(seq 100); do
		grep -q '^Max core file size *0 *0' "/proc/$pid/limits" 2>/dev/null && break
		sleep 0.05
	done
	grep '^Max core file size' "/proc/$pid/limits" | grep -q ' 0 *0 ' ||
		{ grep core "/proc/$pid/limits"; kill "$pid"; return 1; }
	kill "$pid" 2>/dev/null || true
	wait "$pid" || true
}

@test "fb-suggest --llm to http://127.0.0.1 never goes through a proxy (it would carry the key and the drafts)" {
	python3 "$BATS_TEST_DIRNAME/fake-llm.py" --port-file llm.port --log llm.log >/dev/null 2>&1 3>&- &
	llm=$!
	for i in $(seq 100); do [ -s llm.port ] && break; sleep 0.1; done
	http_proxy=http://127.0.0.9:9 HTTP_PROXY=http://127.0.0.9:9 ALL_PROXY=http://127.0.0.9:9 \
	LLM_API_KEY=test-key-123 captured fb-suggest --cold --llm "http://127.0.0.1:$(cat llm.port)/ok/v1/chat/completions" \
		"$DATA/suggest-question.ndjson"
	kill "$llm"
	expect_status 0
	[ "$(wc -l <llm.log)" -eq 1 ] || { echo "the request did not reach the endpoint"; return 1; }
	jq -e '.headers.Authorization == "Bearer test-key-123"' llm.log >/dev/null
}
