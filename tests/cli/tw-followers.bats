#!/usr/bin/env bats
# tw-followers against the fake X API (tests/cli/fake-xapi.py): paging,
# --limit, --following, posts from the expansions, rate limits, faults and
# retries, API errors, output, progress, --estimate, --budget with --resume.
# Token handling and recordings: fetch-security.bats.

load helpers
load xapi

ACCOUNT=$BATS_TEST_DIRNAME/data/xapi-account.json

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# all_bench N: stdout is the N newest of the generated followers, in the
# order served (2000000, 2000001, ...), each once.
all_bench() {
	expect_lines "$1"
	jq -r .id "$OUT" >ids
	seq 2000000 $((2000000 + $1 - 1)) >want
	cmp -s want ids || { echo "not the $1 followers in the order served:"; diff want ids | head; return 1; }
}

# follower_requests: how many requests the followers endpoint got.
follower_requests() {
	requests /2/users/1000/followers
}

# fault JSON: starts the fake X API for @bench (2500 followers) with the fault rules JSON.
fault() {
	start_xapi --generate 2500 --faults "$(faults "$1")" "${@:2}"
}

# --- paging --------------------------------------------------------------------

@test "2500 followers: 2500 unique records in 3 requests of max_results=1000, newest first" {
	start_xapi --generate 2500
	captured tw-followers @bench
	expect_status 0
	expect_no_stderr
	all_bench 2500
	[ "$(follower_requests)" -eq 3 ] || { cat "$XAPI_LOG"; return 1; }
	[ "$(grep /followers "$XAPI_LOG" | grep -c '"query": "[^"]*max_results=1000')" -eq 3 ] ||
		{ echo "every page should ask max_results=1000:"; cat "$XAPI_LOG"; return 1; }
	# the name is looked up once; the pages ask for the posts as expansions
	[ "$(requests /2/users/by/username/bench)" -eq 1 ]
	grep /followers "$XAPI_LOG" | grep -q 'expansions=most_recent_post_id,pinned_post_id' ||
		{ cat "$XAPI_LOG"; return 1; }
	# the records are user objects, ids as strings
	expect_jq '(.id | type) == "string" and (.username | startswith("bench_f")) and has("public_metrics")'
}

@test "an id argument needs no lookup" {
	start_xapi --generate 2500
	captured tw-followers 1000
	expect_status 0
	all_bench 2500
	[ "$(requests /2/users/by)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "--limit 1500: 1500 records, the second request asks max_results=500" {
	start_xapi --generate 2500
	captured tw-followers --limit 1500 @bench
	expect_status 0
	expect_no_stderr
	all_bench 1500
	[ "$(follower_requests)" -eq 2 ] || { cat "$XAPI_LOG"; return 1; }
	grep /followers "$XAPI_LOG" | sed -n 2p | grep -q '"query": "max_results=500[&"]' ||
		{ echo "the second page should ask max_results=500:"; cat "$XAPI_LOG"; return 1; }
}

@test "the fixture's followers: suspended and deleted ones are skipped, the order kept" {
	start_xapi --data "$ACCOUNT"
	captured tw-followers @acme_consult
	expect_status 0
	expect_no_stderr
	jq -r .username "$OUT" >got
	printf '%s\n' cafe_lou fb_king_2026 crypto_giveaway7 lou_runs priya_ux northloop_bakes \
		quiet_reader devrel_dan gwen_writes news_junkie sam_gardens shop_porto >want
	cmp want got || { diff want got; show; return 1; }
}

@test "--following: the accounts it follows, from /following" {
	start_xapi --data "$ACCOUNT"
	captured tw-followers --following @acme_consult
	expect_status 0
	expect_no_stderr
	[ "$(jq -r .username "$OUT" | tr '\n' ' ')" = \
	  "priya_ux northloop_bakes lou_runs shop_porto gwen_writes sam_gardens " ] || { show; return 1; }
	[ "$(requests /2/users/100/following)" -eq 1 ] && [ "$(requests /followers)" -eq 0 ] ||
		{ cat "$XAPI_LOG"; return 1; }
}

# --- posts from the expansions ---------------------------------------------------

@test "each record has its most recent post as posts, from includes.posts" {
	start_xapi --generate 2500
	captured tw-followers --limit 1000 @bench
	expect_status 0
	expect_jq '(.posts | length) == 1 and .posts[0].id == .most_recent_post_id'
	expect_jq '.posts[0].text == "Post \(.id | tonumber - 2000000) from \(.username) about things."'
}

@test "posts with --spelling post: the fixture's posts, an account without posts gets none" {
	start_xapi --data "$ACCOUNT" --spelling post
	captured tw-followers @acme_consult
	expect_status 0
	expect_no_stderr
	expect_jq 'if .username == "quiet_reader" or .username == "news_junkie"
		then (.posts // []) == [] else [.posts[].id] == [.most_recent_post_id] end'
	expect_jq 'select(.username == "fb_king_2026") | .posts[0].text
		== "@acme_consult follow back!! I always follow back, unfollowers get blocked"'
}

@test "posts with --spelling tweet: from includes.tweets, the record's names untouched" {
	start_xapi --data "$ACCOUNT" --spelling tweet
	captured tw-followers @acme_consult
	expect_status 0
	expect_no_stderr
	expect_jq 'if .username == "quiet_reader" or .username == "news_junkie"
		then (.posts // []) == [] else [.posts[].id] == [.most_recent_tweet_id] end'
	expect_jq 'select(.username == "northloop_bakes") | .posts[0].text == "Bolo rei orders open."'
	expect_jq 'has("most_recent_post_id") | not'
	expect_jq '.public_metrics | has("tweet_count")'
}

# --- pages that are odd but not failures ---------------------------------------

@test "an empty page with a next_token does not end the list" {
	fault '[{"match": "/followers", "nth": [2], "action": "empty-page"}]'
	captured tw-followers @bench
	expect_status 0
	expect_no_stderr
	all_bench 2500
	[ "$(follower_requests)" -eq 4 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "a page with partial errors: a warning on stderr, every record, exit 0" {
	fault '[{"match": "/followers", "nth": [2], "action": "partial-errors"}]'
	captured tw-followers @bench
	expect_status 0
	all_bench 2500
	expect_err '^tw-followers: .*9999999999999'
	[ "$(follower_requests)" -eq 3 ]
}

@test "a next_token holding a NUL (\\u0000): refused with a message, the page written, exit 1, no request with a cut token" {
	fault '[{"match": "/followers", "nth": [1], "action": "nul-token"}]'
	captured tw-followers @bench
	expect_status 1
	expect_err '^tw-followers: GET .*next_token holds a NUL'
	[ "$(wc -l <"$OUT")" -eq 1000 ] || { show; return 1; }
	[ "$(follower_requests)" -eq 1 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "a server's error text with escape sequences reaches the terminal shown, not acted on" {
	fault '[{"match": "/followers", "action": "status", "code": 400, "body": {"title": "Invalid Request", "detail": "bad \u001b[2J\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 request"}}]'
	captured tw-followers @bench
	expect_status 1
	expect_err '^tw-followers: .*bad .*2J.*click.* request'
	! grep -q $'[\033\007]' "$ERR" || { echo "control characters on stderr:"; cat -v "$ERR"; return 1; }
}

# --- rate limits -----------------------------------------------------------------

@test "rate limit of 1 a window: each page once, the run waits for the window, no 429 storm" {
	start_xapi --generate 2500 --window 1 --rate followers=1
	timed tw-followers @bench
	expect_status 0
	all_bench 2500
	# into a log, each wait is one plain line: no carriage return, no escape
	expect_err '^tw-followers: rate limit: waiting [0-9]+ s \(until [0-9]{2}:[0-9]{2}:[0-9]{2}\)$'
	! grep -q $'[\r\033]' "$ERR" || { echo "control characters on stderr:"; cat -v "$ERR"; return 1; }
	[ "$(status_count 200 /followers)" -eq 3 ] || { cat "$XAPI_LOG"; return 1; }
	n429=$(status_count 429)
	[ "$n429" -le 2 ] || { echo "$n429 answers 429 in about 2 windows"; cat "$XAPI_LOG"; return 1; }
	at_least 0.9
	# far below a second window's wait per page (no storm), with room for a loaded machine
	at_most 60
}

# A window of 4 s: it starts at the first request's whole second, so the
# second request falls inside it unless the first took 3 s or more (a
# window of 1 s could end a few milliseconds after the first request).
@test "rate limit with --progress: the wait is shown on stderr" {
	start_xapi --generate 2500 --window 4 --rate followers=1
	captured tw-followers --progress --limit 2000 @bench
	expect_status 0
	expect_lines 2000
	expect_err 'tw-followers: rate limit: waiting [0-9]+ s \(until [0-9]{2}:[0-9]{2}:[0-9]{2}\)'
}

@test "on a terminal the wait is counted down without --progress; the records go to -o" {
	start_xapi --generate 2500 --window 4 --rate followers=1
	script -qec "tw-followers --limit 2000 -o recs @bench" /dev/null >tty.out
	grep -q 'tw-followers: rate limit: waiting [0-9]* s (until' tty.out || { cat -v tty.out; return 1; }
	[ "$(wc -l <recs)" -eq 2000 ]
}

@test "a 429 with requests left in the window (a per-second limit) is backed off, not waited to the window's end" {
	# the default window is 15 minutes: waiting for its reset would hang the test
	fault '[{"match": "/followers", "nth": [2], "action": "status", "code": 429,
		"body": {"errors": [{"code": 88, "message": "Rate limit exceeded"}]}}]'
	timed tw-followers --quiet @bench
	expect_status 0
	all_bench 2500
	[ "$(status_count 429)" -eq 1 ] || { cat "$XAPI_LOG"; return 1; }
	# waiting for the window's reset would take 15 minutes
	at_most 120
}

@test "a 429 without x-rate-limit headers is waited out and retried: success" {
	fault '[{"match": "/followers", "nth": [2], "action": "429-noheaders"}]'
	timed tw-followers --quiet @bench
	expect_status 0
	all_bench 2500
	[ "$(status_count 200 /followers)" -eq 3 ] && [ "$(status_count 429)" -eq 1 ] ||
		{ cat "$XAPI_LOG"; return 1; }
	# a wait for a whole window would take 15 minutes
	at_most 120
}

@test "429 usage cap: exit 1, stderr names the usage cap, what came before is written, no retry" {
	fault '[{"match": "/followers", "nth": [2], "action": "429-cap"}]'
	captured tw-followers @bench
	expect_status 1
	all_bench 1000
	expect_err_has 'tw-followers: X API usage cap reached (Monthly, Product'
	[ "$(wc -l <"$ERR")" -eq 1 ] || { show; return 1; }
	[ "$(follower_requests)" -le 2 ] || { echo "a usage cap was retried:"; cat "$XAPI_LOG"; return 1; }
}

@test "429 out of credit: exit 1, a message about the credit, no retry" {
	fault '[{"match": "/followers", "action": "429-credits"}]'
	captured tw-followers @bench
	expect_status 1
	expect_no_stdout
	expect_err '^tw-followers: no X API credit left'
	expect_err 'credit'
	[ "$(follower_requests)" -eq 1 ] || { echo "out of credit was retried:"; cat "$XAPI_LOG"; return 1; }
}

# --- failures and retries ---------------------------------------------------------

@test "two 503 in a row, --retries 5: retried, success" {
	fault '[{"match": "/followers", "nth": [1, 2], "action": "status", "code": 503}]'
	captured tw-followers --retries 5 @bench
	expect_status 0
	all_bench 2500
	# each retry is said, with its reason and when it goes again
	[ "$(grep -c '^tw-followers: GET /2/users/[0-9]*/followers?.*: the server answered 503; again in [0-9.]* s (attempt [23] of 6)$' "$ERR")" -eq 2 ] ||
		{ show; return 1; }
	expect_err '^tw-followers: 2500 records in 3 requests, \$25\.01$'
	[ "$(status_count 503)" -eq 2 ] && [ "$(status_count 200 /followers)" -eq 3 ] ||
		{ cat "$XAPI_LOG"; return 1; }
}

@test "--retries 1 and three 500 in a row: exit 1, gave up, two attempts only" {
	fault '[{"match": "/followers", "nth": [1, 2, 3], "action": "status", "code": 500}]'
	captured tw-followers --retries 1 @bench
	expect_status 1
	expect_no_stdout
	expect_err '^tw-followers: .*500.*gave up'
	[ "$(follower_requests)" -eq 2 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "a slow answer (1 s) within --timeout 5: success, no retry" {
	fault '[{"match": "/followers", "nth": [2], "action": "slow", "seconds": 1}]'
	captured tw-followers --timeout 5 @bench
	expect_status 0
	expect_no_stderr
	all_bench 2500
	[ "$(follower_requests)" -eq 3 ]
}

@test "a stalled transfer with --timeout 1: given up after about 1 s, retried, success" {
	# the server sends half the body, then nothing for 60 s
	fault '[{"match": "/followers", "nth": [2], "action": "stall", "seconds": 60}]'
	timed tw-followers --timeout 1 @bench
	expect_status 0
	all_bench 2500
	[ "$(follower_requests)" -eq 4 ] || { cat "$XAPI_LOG"; return 1; }
	# the stall must be noticed after about --timeout, not when the server hangs up
	at_most 40
}

@test "a truncated body is retried: success" {
	fault '[{"match": "/followers", "nth": [2], "action": "truncate"}]'
	captured tw-followers @bench
	expect_status 0
	all_bench 2500
	[ "$(follower_requests)" -eq 4 ]
}

@test "a body that is not JSON is retried: success" {
	fault '[{"match": "/followers", "nth": [2], "action": "malformed"}]'
	captured tw-followers @bench
	expect_status 0
	all_bench 2500
	[ "$(follower_requests)" -eq 4 ]
}

@test "a reset connection is retried: success" {
	fault '[{"match": "/followers", "nth": [2], "action": "reset"}]'
	captured tw-followers @bench
	expect_status 0
	all_bench 2500
	[ "$(follower_requests)" -eq 4 ]
}

@test "--max-body 1K: a larger page is an error, not retried, exit 1" {
	start_xapi --generate 2500
	captured tw-followers --max-body 1K @bench
	expect_status 1
	expect_no_stdout
	expect_err '^tw-followers: GET /2/users/1000/followers\?.*larger than --max-body \(1024 bytes\)'
	[ "$(follower_requests)" -eq 1 ] || { cat "$XAPI_LOG"; return 1; }
}

# --- API errors --------------------------------------------------------------------

@test "401 (a wrong token): exit 1, a message about the token, no retry" {
	start_xapi --generate 2500
	TW_BEARER_TOKEN=not-the-right-token captured tw-followers @bench
	expect_status 1
	expect_no_stdout
	expect_err_has 'tw-followers: the API refused the token (401'
	expect_err 'wrong, expired or revoked'
	expect_err_has 'TW_BEARER_TOKEN'
	[ "$(requests)" -eq 1 ] || { cat "$XAPI_LOG"; return 1; }
	! grep -q not-the-right-token "$ERR"
}

@test "403: exit 1, the app lacks access, with the registration URL" {
	fault '[{"match": "/followers", "action": "403"}]'
	captured tw-followers @bench
	expect_status 1
	expect_no_stdout
	expect_err '^tw-followers: .*403'
	expect_err_has 'https://developer.x.com/en/portal/product'
	[ "$(follower_requests)" -eq 1 ]
}

@test "an unknown account: exit 1 with a message naming it, no follower request" {
	start_xapi --data "$ACCOUNT"
	captured tw-followers @nobody_here
	expect_status 1
	expect_no_stdout
	expect_err '^tw-followers: .*nobody_here'
	[ "$(requests /followers)" -eq 0 ]
}

# --- output ----------------------------------------------------------------------------

@test "-o FILE --append appends the records, nothing on stdout" {
	start_xapi --data "$ACCOUNT"
	echo '{"id":"1","kept":true}' >followers.ndjson
	captured tw-followers --append -o followers.ndjson @acme_consult
	expect_status 0
	expect_no_stdout
	expect_no_stderr
	expect_lines 13 followers.ndjson
	[ "$(head -1 followers.ndjson)" = '{"id":"1","kept":true}' ]
	[ "$(sed -n 2p followers.ndjson | jq -r .username)" = cafe_lou ]
}

@test "| head -1 ends quietly with status 0" {
	start_xapi --generate 2500
	tw-followers @bench 2>err | head -1 >first
	st=("${PIPESTATUS[@]}")
	[ "${st[0]}" -eq 0 ] || { echo "tw-followers exited ${st[0]}"; cat err; return 1; }
	[ ! -s err ] || { echo "stderr:"; cat err; return 1; }
	[ "$(jq -r .id first)" = 2000000 ]
}

@test "--progress puts a progress line on stderr; --quiet and a non-terminal show none" {
	start_xapi --generate 2500
	captured tw-followers --progress @bench
	expect_status 0
	all_bench 2500
	expect_err 'tw-followers: .*2500 records'
	captured tw-followers --quiet @bench
	expect_status 0
	expect_no_stderr
	captured tw-followers @bench
	expect_status 0
	expect_no_stderr
}

# --- cost ----------------------------------------------------------------------------

@test "--estimate for @bench (2500 followers): a lookup and 3 pages, \$25.01, one lookup only made" {
	start_xapi --generate 2500
	captured tw-followers --estimate @bench
	expect_status 0
	grep -Eq '^requests: +4 ' "$OUT" || { echo "expected 4 requests"; show; return 1; }
	grep -Fq 'price:     $25.01 (2500 users at $0.010, and the lookup of the account)' "$OUT" ||
		{ echo 'expected $25.01'; show; return 1; }
	captured tw-followers --estimate 1000
	grep -Eq '^requests: +3 ' "$OUT" && grep -Fq 'price:     $25.00 (2500 users at $0.010)' "$OUT" ||
		{ echo 'an id: 3 requests, $25.00'; show; return 1; }
	[ "$(requests)" -eq 2 ] && [ "$(requests /2/users/by/username/bench)" -eq 1 ] ||
		{ cat "$XAPI_LOG"; return 1; }
}

@test "--budget 15 stops with exit 1; --resume with --budget 30 finishes, each record once" {
	start_xapi --generate 2500
	captured tw-followers --budget 15 --resume state -o followers.ndjson @bench
	expect_status 1
	expect_err 'tw-followers: budget reached'
	n=$(wc -l <followers.ndjson)
	[ "$n" -le 1500 ] && [ "$n" -ge 1000 ] || { echo "$n records for \$15"; return 1; }
	[ -s state ]
	captured tw-followers --budget 30 --resume state -o followers.ndjson @bench
	expect_status 0
	cp followers.ndjson "$OUT"
	all_bench 2500
	# and a third run only says that it is complete
	before=$(requests /followers)
	captured tw-followers --budget 30 --resume state -o followers.ndjson @bench
	expect_status 0
	[ "$(requests /followers)" -eq "$before" ] || { cat "$XAPI_LOG"; return 1; }
	[ "$(wc -l <followers.ndjson)" -eq 2500 ]
}

@test "-o FILE that is not empty, without --resume: refused before any request (exit 2); --append adds to it" {
	start_xapi --generate 1500
	captured tw-followers -o recs @bench
	expect_status 0
	[ "$(wc -l <recs)" -eq 1500 ]
	: >"$XAPI_LOG"
	captured tw-followers -o recs @bench
	expect_status 2
	expect_err 'tw-followers: recs: not empty \([0-9]+ bytes\): a second run would fetch, pay for and write the same records again'
	[ "$(wc -l <recs)" -eq 1500 ]
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
	captured tw-followers --append -o recs @bench
	expect_status 0
	[ "$(wc -l <recs)" -eq 3000 ]
	# an empty file is no mistake
	: >empty
	captured tw-followers -o empty @bench
	expect_status 0
}

@test "-o FILE that is not empty, with a new --resume STATE: refused before any request, not doubled" {
	start_xapi --generate 1500
	tw-followers -o recs @bench 2>/dev/null
	: >"$XAPI_LOG"
	captured tw-followers -o recs --resume new.state @bench
	expect_status 2
	expect_err 'tw-followers: recs: not empty \([0-9]+ bytes\) and new.state holds no checkpoint of it: a second run would'
	[ "$(wc -l <recs)" -eq 1500 ]
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
	[ ! -e new.state ] || { echo "a checkpoint was written"; return 1; }
	captured tw-followers -o recs --resume new.state --append @bench
	expect_status 0
	[ "$(wc -l <recs)" -eq 3000 ]
}

@test "--estimate --limit: the limit is a ceiling, not the count; the account is looked up" {
	start_xapi --generate 2500
	captured tw-followers --estimate --limit 1000000 @bench
	expect_status 0
	grep -Fq 'tw-followers @bench: 2500 followers' "$OUT" || { show; return 1; }
	grep -Fq 'price:     $25.01 (2500 users at $0.010, and the lookup of the account)' "$OUT" || { show; return 1; }
	captured tw-followers --estimate --limit 1000 @bench
	grep -Fq 'tw-followers @bench: 1000 followers (--limit; the account has 2500)' "$OUT" || { show; return 1; }
	grep -Fq 'price:     $10.01' "$OUT" || { show; return 1; }
}

@test "a profile URL names the account: https://x.com/bench is @bench" {
	start_xapi --generate 1200
	captured tw-followers 'https://x.com/bench?lang=en'
	expect_status 0
	all_bench 1200
	[ "$(requests /2/users/by/username/bench)" -eq 1 ] || { cat "$XAPI_LOG"; return 1; }
	captured tw-followers https://example.com/bench
	expect_status 2
	expect_err 'neither a @name, a user id nor a profile URL'
}
