#!/usr/bin/env bats
# tw-user against the fake X API (tests/cli/fake-xapi.py): accounts from the
# arguments or stdin, 100 a request, not-found accounts reported and kept,
# --estimate and --budget. Token handling and recordings: fetch-security.bats.

load helpers
load xapi

ACCOUNT=$BATS_TEST_DIRNAME/data/xapi-account.json

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# names N: bench_f0 .. bench_f(N-1), one a line, in the file names.
names() {
	seq 0 $(($1 - 1)) | sed 's/^/bench_f/' >names
}

# --- what is looked up, and how -------------------------------------------

@test "@name and id arguments: one record each, in argument order, with the posts joined in" {
	start_xapi --data "$ACCOUNT"
	captured tw-user @acme_consult 201 northloop_bakes
	expect_status 0
	expect_no_stderr
	expect_lines 3
	jq -r .username "$OUT" >got
	printf '%s\n' acme_consult priya_ux northloop_bakes >want
	cmp want got || { echo "wrong accounts or order:"; cat got; return 1; }
	# the X API v2 user object, field names untouched, ids as strings
	expect_jq '(.id | type) == "string" and (.public_metrics.followers_count | type) == "number"'
	expect_jq 'has("description") and has("created_at") and has("protected")'
	# one request of usernames, one of ids: never both in one request
	grep -q '"query": "usernames=acme_consult' "$XAPI_LOG" || { cat "$XAPI_LOG"; return 1; }
	grep -q '"path": "/2/users", "query": "ids=201[&]' "$XAPI_LOG" || { cat "$XAPI_LOG"; return 1; }
}

@test "the pinned and the most recent post are joined in as posts, newest first, from the includes" {
	start_xapi --data "$ACCOUNT"
	captured tw-user @acme_consult
	expect_status 0
	expect_jq '.pinned_post_id == "1900000000000000100"'
	expect_jq '[.posts[].id] == ["1900000000000000101", "1900000000000000100"]'
	expect_jq '.posts[1].text == "Pinned: we help small shops in Porto get online. Ask us anything."'
	expect_jq '.posts[0].text == "New blog post: backups for bakeries."'
	# an account with one post that is not pinned: that post only
	captured tw-user @priya_ux
	expect_status 0
	expect_jq '[.posts[].id] == ["1900000000000000113"]'
}

@test "--spelling tweet: the posts still come from includes.tweets, and the record keeps its names" {
	start_xapi --data "$ACCOUNT" --spelling tweet
	captured tw-user @acme_consult
	expect_status 0
	expect_no_stderr
	expect_jq '.pinned_tweet_id == "1900000000000000100" and (has("pinned_post_id") | not)'
	expect_jq '[.posts[].id] == ["1900000000000000101", "1900000000000000100"]'
	expect_jq '.public_metrics.tweet_count == 840'
}

@test "stdin: @name, name, id lines and user records by id or by username, in input order" {
	start_xapi --data "$ACCOUNT"
	printf '%s\n' '@priya_ux' 'lou_runs' '202' '{"id":"207","name":"old name"}' \
		'{"username":"gwen_writes"}' '{"id": "212", "username": "not_used"}' >in
	captured tw-user <in
	expect_status 0
	expect_no_stderr
	jq -r .id "$OUT" >got
	printf '%s\n' 201 206 202 207 209 212 >want
	cmp want got || { echo "wrong accounts or order:"; cat got; show; return 1; }
	# the record is the account as it is now, not the input record
	expect_jq 'select(.id == "207") | .name == "Dan O'"'"'Hara"' "$OUT"
	# a record with an id is looked up by its id
	if grep -q 'not_used' "$XAPI_LOG"; then
		echo "a record with an id was looked up by its username"
		cat "$XAPI_LOG"
		return 1
	fi
}

@test "stdin without a final newline, blank lines and CRLF line ends" {
	start_xapi --data "$ACCOUNT"
	printf '@priya_ux\r\n\n202\r\n@lou_runs' >in
	captured tw-user <in
	expect_status 0
	expect_no_stderr
	expect_jq '.id == "201" or .id == "202" or .id == "206"'
	expect_lines 3
}

@test "250 names: exactly 3 requests to /2/users/by (100, 100, 50) and 250 records in input order" {
	start_xapi --generate 300
	names 250
	captured tw-user <names
	expect_status 0
	expect_no_stderr
	expect_lines 250
	jq -r .username "$OUT" >got
	cmp names got || { echo "records not in input order"; diff names got | head; return 1; }
	[ "$(requests /2/users/by)" -eq 3 ] || { echo "expected 3 requests"; cat "$XAPI_LOG"; return 1; }
	[ "$(requests)" -eq 3 ] || { echo "expected no other request"; cat "$XAPI_LOG"; return 1; }
	jq -r '.query | capture("usernames=(?<u>[^&]*)").u | split(",") | length' "$XAPI_LOG" >sizes
	printf '%s\n' 100 100 50 >want
	cmp want sizes || { echo "batch sizes:"; cat sizes; return 1; }
}

# --- accounts that are not there -------------------------------------------

@test "unknown, suspended, deleted: reported on stderr, the others all written, exit 1" {
	start_xapi --data "$ACCOUNT"
	captured tw-user @priya_ux @nobody_here @promo_blast 998 999 @lou_runs 202
	expect_status 1
	jq -r .id "$OUT" >got
	printf '%s\n' 201 206 202 >want
	cmp want got || { echo "the found accounts were not all written:"; cat got; show; return 1; }
	expect_err_has 'tw-user: @nobody_here: not found (Could not find user with username: [nobody_here].)'
	expect_err_has 'tw-user: @promo_blast: suspended (User has been suspended: [promo_blast].)'
	expect_err_has 'tw-user: id 998: suspended (User has been suspended: [998].)'
	expect_err_has 'tw-user: id 999: not found (Could not find user with id: [999].)'
	expect_err '^tw-user: 3 records in [0-9]+ requests?, \$0\.03$'
	[ "$(wc -l <"$ERR")" -eq 5 ] || { echo "expected 4 messages and the summary"; show; return 1; }
}

@test "--rejects FILE keeps each input that was not found verbatim, one a line" {
	start_xapi --data "$ACCOUNT"
	printf '%s\n' '@nobody_here' '@priya_ux' '998' '{"id": "999",  "note": "kept as is"}' \
		'{"username":"promo_blast"}' 'lou_runs' >in
	captured tw-user --rejects rejects <in
	expect_status 1
	expect_lines 2
	expect_jq '.id == "201" or .id == "206"'
	printf '%s\n' '@nobody_here' '998' '{"id": "999",  "note": "kept as is"}' \
		'{"username":"promo_blast"}' >want
	expect_file_is rejects want
	# the rejects can be fed again as they are
	captured tw-user <rejects
	expect_status 1
	expect_no_stdout
}

@test "an argument that is no account is a usage error (exit 2) before any request; a file of names gets a hint" {
	start_xapi --data "$ACCOUNT"
	for bad in @bad-name way_too_long_name_16 '@' 12-ab; do
		captured tw-user "$bad" @priya_ux
		expect_status 2
		expect_no_stdout
		expect_err "^tw-user: $bad: neither a @name, a user id nor a profile URL\$"
	done
	printf '@priya_ux\n' >handles.txt
	captured tw-user handles.txt
	expect_status 2
	expect_err_has 'tw-user: handles.txt: a file, not a @name or an id: to look up the names in it, give it on the standard input (tw-user < handles.txt)'
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "profile URLs name accounts, as arguments and on stdin" {
	start_xapi --data "$ACCOUNT"
	printf 'https://twitter.com/lou_runs?lang=en\n' >in
	captured tw-user https://x.com/priya_ux 'https://mobile.twitter.com/acme_consult/status/1' - <in
	expect_status 0
	jq -r .username "$OUT" | sort >got
	printf '%s\n' acme_consult lou_runs priya_ux | diff - got
}

@test "only invalid input on stdin: no request at all, exit 1, kept in --rejects" {
	start_xapi --data "$ACCOUNT"
	printf '%s\n' 'bad name' '{"name":"no id nor username"}' 'x!y' >in
	captured tw-user --rejects rejects <in
	expect_status 1
	expect_no_stdout
	expect_err_has 'tw-user: stdin:1: bad name: neither a @name nor a user id'
	expect_err_has 'tw-user: stdin:3: x!y: neither a @name nor a user id'
	expect_file_is rejects in
	[ "$(requests)" -eq 0 ] || { echo "expected no request"; cat "$XAPI_LOG"; return 1; }
}

@test "a line of 3 MB on stdin: refused as stdin:LINE without being read whole, the names after it looked up, exit 1" {
	start_xapi --data "$ACCOUNT"
	{ echo; echo '@priya_ux'; head -c 3000000 /dev/zero | tr '\0' a; echo; echo 'lou_runs'; } >in
	captured tw-user --rejects rejects <in
	expect_status 1
	expect_err '^tw-user: stdin:3: a{60}\.\.\.: a line longer than 1 MiB: skipped'
	jq -r .username "$OUT" >got
	printf '%s\n' priya_ux lou_runs >want
	cmp want got || { echo "wrong accounts:"; cat got; show; return 1; }
	[ "$(wc -c <rejects)" -eq $((1048576 + 1)) ] || { ls -l rejects; return 1; }
}

# --- cost -------------------------------------------------------------------

@test "--estimate for 250 names: 3 requests, \$2.50, and the server gets no request" {
	start_xapi --generate 300
	names 250
	captured tw-user --estimate <names
	expect_status 0
	grep -Eq '^requests: +3 ' "$OUT" || { echo "expected 3 requests"; show; return 1; }
	grep -Fq '$2.50' "$OUT" || { echo 'expected $2.50'; show; return 1; }
	[ "$(requests)" -eq 0 ] || { echo "--estimate made a request"; cat "$XAPI_LOG"; return 1; }
}

@test "--estimate follows --price-user" {
	start_xapi --generate 300
	names 250
	captured tw-user --estimate --price-user 0.001 <names
	expect_status 0
	grep -Fq '$0.25' "$OUT" || { echo 'expected $0.25'; show; return 1; }
	[ "$(requests)" -eq 0 ]
}

@test "--budget 1.00 with 250 names: exit 1, a budget message, at most 100 records, all whole" {
	start_xapi --generate 300
	names 250
	captured tw-user --budget 1.00 <names
	expect_status 1
	expect_err 'tw-user: budget reached'
	n=$(wc -l <"$OUT")
	[ "$n" -le 100 ] || { echo "$n records for a budget of 100 users"; return 1; }
	[ "$n" -ge 1 ] || { echo "nothing written"; return 1; }
	expect_lines "$n"
	expect_jq '.username | startswith("bench_f")'
	[ "$(requests /2/users/by)" -le 1 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "-o FILE --append appends the records; nothing on stdout" {
	start_xapi --data "$ACCOUNT"
	echo '{"id":"1","kept":true}' >users.ndjson
	captured tw-user --append -o users.ndjson @priya_ux @lou_runs
	expect_status 0
	expect_no_stdout
	expect_no_stderr
	expect_lines 3 users.ndjson
	[ "$(head -1 users.ndjson)" = '{"id":"1","kept":true}' ]
	[ "$(jq -r .id users.ndjson | tr '\n' ' ')" = "1 201 206 " ]
}

@test "--budget stop with a rejected name waiting behind the batch: --resume loses nothing and repeats nothing" {
	start_xapi --generate 10
	printf 'bench_f0\n!!bad\n2000001\nbench_f2\n' >in
	captured tw-user --budget 0.005 --resume st -o users.ndjson --rejects rej <in
	expect_status 1
	expect_err 'budget reached'
	captured tw-user --budget 1 --resume st -o users.ndjson --rejects rej2 <in
	[ "$(jq -r .username users.ndjson | tr '\n' ' ')" = "bench_f0 bench_f1 bench_f2 " ] || { cat users.ndjson; show; return 1; }
	[ "$(requests /2/users)" -eq 3 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "a checkpoint of other arguments is refused (exit 2), not taken for this run's" {
	start_xapi --generate 10
	captured tw-user --resume st -o users.ndjson bench_f0
	expect_status 0
	captured tw-user --resume st -o users.ndjson bench_f1 bench_f2
	expect_status 2
	expect_err 'st: the checkpoint is for another run'
	[ "$(wc -l <users.ndjson)" -eq 1 ]
}

@test "- among the arguments reads stdin there; the names from stdin are named by their line in messages" {
	start_xapi --data "$ACCOUNT"
	printf 'priya_ux\nnobody_here\n' >in
	captured tw-user --rejects rej acme_consult - 201 <in
	expect_status 1
	[ "$(jq -r .username "$OUT" | tr '\n' ' ')" = "acme_consult priya_ux priya_ux " ] || { show; return 1; }	# 201 is priya_ux
	expect_err_has 'tw-user: stdin:2: @nobody_here: not found'
	printf 'nobody_here\n' >want
	expect_file_is rej want
}

@test "an estimate that cannot be written (a full disk): exit 1 with the reason" {
	start_xapi --data "$ACCOUNT"
	tw-user --estimate acme_consult priya_ux >/dev/full 2>err && st=0 || st=$?
	[ "$st" -eq 1 ] && grep -q '^tw-user: stdout: No space left on device' err || { echo "exit $st"; cat err; return 1; }
}

@test "records that cannot be written (a full disk): exit 1 with the reason" {
	start_xapi --data "$ACCOUNT"
	tw-user acme_consult priya_ux >/dev/full 2>err && st=0 || st=$?
	[ "$st" -eq 1 ] && grep -q '^tw-user: stdout: No space left on device' err || { echo "exit $st"; cat err; return 1; }
}
