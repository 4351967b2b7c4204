#!/usr/bin/env bats
# bsky-user, bsky-followers, bsky-timeline against the fake Bluesky AppView
# (fake-bsky.py, data/bsky-account.json): records in X's field names, counts
# from getProfiles, paging by cursor, rate limits, retries, accounts that are
# gone, --record/--replay, --resume after kill -9, --limit, --estimate, bad
# input, no credential sent; and the filters on the records, with no option.

load helpers
load xapi
load bsky

ACCOUNT=$DATA/bsky-account.json

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# expect_no_stderr for the fetchers: nothing but "PROG: N records in M requests".
expect_only_summary() {
	if grep -Ev '^bsky-[a-z]+: [0-9]+ records? in [0-9]+ requests?$' "$ERR" | grep -q .; then
		echo "expected nothing on stderr but the closing summary"
		show
		return 1
	fi
}

@test "bsky-followers: user records in X's names, with counts and labels; the gone left out" {
	start_bsky --data "$ACCOUNT"
	captured bsky-followers alice.test
	expect_status 0
	expect_only_summary
	expect_lines 7
	# newest first, as the list; the suspended, deactivated and deleted ones are not listed
	[ "$(jq -r .username "$OUT" | paste -sd ' ')" = "followtrain.test growfast.test cheapdeals.test weatherbot.test miller.test pastrychef.test quiet.test" ]
	expect_jq '(.id | startswith("did:plc:")) and .fb.source.network == "bluesky" and (.description | type) == "string"'
	expect_jq '.public_metrics.followers_count >= 0 and .public_metrics.following_count >= 0'
	[ "$(jq -c 'select(.username == "growfast.test") | [.labels[].val, .public_metrics.followers_count]' "$OUT")" = '["engagement-farming",12000]' ]
	[ "$(jq -c 'select(.username == "weatherbot.test") | .bot' "$OUT")" = true ]
	# one list page and one getProfiles for the 7: counts 25 at a time
	[ "$(bsky_requests getFollowers)" -eq 1 ]
	[ "$(bsky_requests getProfiles)" -eq 1 ]
	grep -q '"actors", "did:plc:quiet"' "$BSKY_LOG"
}

@test "bsky-followers --no-counts: no lookups, and no counts rather than false zeros" {
	start_bsky --data "$ACCOUNT"
	captured bsky-followers --no-counts @alice.test
	expect_status 0
	expect_lines 7
	expect_jq 'has("public_metrics") | not'
	[ "$(bsky_requests getProfiles)" -eq 0 ]
}

@test "bsky-followers --following, and a profile URL as the account" {
	start_bsky --data "$ACCOUNT"
	captured bsky-followers --following https://bsky.app/profile/alice.test
	expect_status 0
	[ "$(jq -r .username "$OUT" | paste -sd ' ')" = "miller.test pastrychef.test weatherbot.test" ]
	[ "$(bsky_requests getFollows)" -eq 1 ]
}

@test "bsky-followers pages by cursor, 100 a page, 25 counts a request; --limit stops early" {
	start_bsky --generate 250
	captured bsky-followers bench.test
	expect_status 0
	expect_lines 250
	[ "$(jq -r .id "$OUT" | sort -u | wc -l)" -eq 250 ]
	expect_jq '.public_metrics.followers_count >= 10'
	[ "$(bsky_requests getFollowers)" -eq 3 ]
	[ "$(bsky_requests getProfiles)" -eq 10 ]
	: >"$BSKY_LOG"
	captured bsky-followers --limit 120 --no-counts bench.test
	expect_status 0
	expect_lines 120
	[ "$(bsky_requests getFollowers)" -eq 2 ]
	grep -q '"limit", "20"' "$BSKY_LOG"
}

@test "bsky-followers: an empty page with a cursor is not the end" {
	start_bsky --generate 150 --faults "$(bsky_faults '[{"match": "getFollowers", "nth": [1], "action": "empty-page"}]')"
	captured bsky-followers --no-counts bench.test
	expect_status 0
	expect_lines 150
}

@test "bsky-followers: an unknown, suspended or deactivated account is an error that says so" {
	start_bsky --data "$ACCOUNT"
	captured bsky-followers nobody.test
	expect_status 1
	expect_err 'bsky-followers: GET .*getFollowers.*: Actor not found: nobody.test'
	captured bsky-followers suspended.test
	expect_status 1
	expect_err_has 'Account has been suspended (AccountTakedown)'
	captured bsky-followers did:plc:off
	expect_status 1
	expect_err_has 'AccountDeactivated'
	expect_no_stdout
}

@test "a rate limit is waited out to its RateLimit-Reset, costing no retry" {
	start_bsky --data "$ACCOUNT" --faults "$(bsky_faults '[{"match": "getFollowers", "nth": [1], "action": "429", "seconds": 2}]')"
	timed bsky-followers --retries 0 alice.test
	expect_status 0
	expect_lines 7
	[ "$(grep -c '"status": 429' "$BSKY_LOG")" -eq 1 ]
	at_least 1
	expect_err 'bsky-followers: rate limit: waiting [0-9]+ s'
}

@test "5xx, malformed answers and dropped connections are retried; --retries bounds them" {
	start_bsky --data "$ACCOUNT" --faults "$(bsky_faults '[
		{"match": "getFollowers", "nth": [1], "action": "status", "code": 502},
		{"match": "getFollowers", "nth": [2], "action": "malformed"},
		{"match": "getProfiles", "nth": [1], "action": "reset"}]')"
	captured bsky-followers alice.test
	expect_status 0
	expect_lines 7
	expect_jq 'has("public_metrics")'
	stop_bsky
	start_bsky --data "$ACCOUNT" --faults "$(bsky_faults '[{"match": "getFollowers", "action": "status", "code": 503}]')"
	captured bsky-followers --retries 1 alice.test
	expect_status 1
	expect_err 'GET /xrpc/app.bsky.graph.getFollowers.*: the server answered 503; gave up after 2 attempts'
	expect_no_stdout
}

@test "an error the network does not explain ends the run with its name and message" {
	start_bsky --data "$ACCOUNT" --faults "$(bsky_faults '[{"match": "getFollowers", "action": "status", "code": 400, "body": {"error": "InvalidRequest", "message": "limit can not be greater than 100"}}]')"
	captured bsky-followers alice.test
	expect_status 1
	expect_err_has 'the API answered GET /xrpc/app.bsky.graph.getFollowers?actor=alice.test&limit=100 with 400: limit can not be greater than 100 (InvalidRequest)'
}

@test "no credential goes to Bluesky, not even an X token in the environment" {
	start_bsky --data "$ACCOUNT"
	TW_BEARER_TOKEN=x-token-$$-do-not-send captured bsky-followers --record rec alice.test
	expect_status 0
	! grep -q '"auth": true' "$BSKY_LOG"
	! grep -rq "x-token-$$" rec "$BSKY_LOG" "$OUT" "$ERR"
	captured bsky-followers --token-file /dev/null alice.test
	expect_status 2
}

@test "--record then --replay: the same records with no server" {
	start_bsky --data "$ACCOUNT"
	captured bsky-followers --record rec alice.test
	expect_status 0
	cp "$OUT" live
	[ "$(wc -l <rec/index.ndjson)" -eq 2 ]
	stop_bsky
	BSKY_API_BASE=http://127.0.0.1:9 captured bsky-followers --replay rec alice.test
	expect_status 0
	expect_out live
	expect_only_summary
}

@test "--estimate: requests and time at \$0, with one request for the count" {
	start_bsky --generate 1000
	captured bsky-followers --estimate bench.test
	expect_status 0
	grep -q '^requests:  50 (the endpoint allows 3000 per 5 minutes)$' "$OUT"
	grep -q '^price:     \$0\.00' "$OUT"
	[ "$(bsky_requests)" -eq 1 ]
	[ "$(bsky_requests getProfile)" -eq 1 ]
	captured bsky-followers --estimate --no-counts --limit 300 bench.test
	grep -q '^requests:  3 ' "$OUT"
}

@test "--resume after kill -9: every follower exactly once, the same bytes as one run" {
	start_bsky --generate 2000
	bsky-followers bench.test >ref 2>/dev/null
	stop_bsky
	start_bsky --generate 2000 --faults "$(bsky_faults '[{"match": "getFollowers", "action": "slow", "seconds": 0.3}]')"
	local i s pid kills=0
	for i in 1 2 3; do
		s=$(stat -c %s fout 2>/dev/null || echo 0)
		bsky-followers bench.test --resume state -o fout 2>>err &
		pid=$!
		for j in $(seq 4000); do
			[ "$(stat -c %s fout 2>/dev/null || echo 0)" -gt "$s" ] && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.005
		done
		kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
		wait "$pid" || true
	done
	[ "$kills" -ge 1 ]
	captured bsky-followers bench.test --resume state -o fout
	expect_status 0
	cmp ref fout
	[ "$(jq -r .id fout | sort | uniq -d | wc -l)" -eq 0 ]
	captured bsky-followers bench.test --resume state -o fout
	expect_status 0
	expect_err_has 'the run is already complete'
	cmp ref fout
}

@test "bsky-user: handles, DIDs, URLs and records, 25 a request; the gone reported and kept" {
	start_bsky --data "$ACCOUNT"
	printf '%s\n' alice.test @miller.test did:plc:gone https://bsky.app/profile/pastrychef.test \
		'{"id": "did:plc:bot", "username": "weatherbot.test"}' nobody.test 'bad name' >in
	captured bsky-user --rejects rej <in
	expect_status 1
	[ "$(jq -r .username "$OUT" | sort | paste -sd ' ')" = "alice.test miller.test pastrychef.test weatherbot.test" ]
	expect_err_has 'bsky-user: stdin:3: id did:plc:gone: not found, suspended or deactivated'
	expect_err_has 'bsky-user: stdin:6: @nobody.test: not found, suspended or deactivated'
	expect_err_has 'bsky-user: stdin:7: bad name: neither a handle nor a DID'
	[ "$(cat rej)" = "$(printf 'bad name\ndid:plc:gone\nnobody.test')" ] ||
		[ "$(sort rej | paste -sd ' ')" = "bad name did:plc:gone nobody.test" ]
	[ "$(bsky_requests getProfiles)" -eq 1 ]
}

@test "bsky-user: a bad argument is a usage error before any request" {
	start_bsky --data "$ACCOUNT"
	captured bsky-user alice.test 'not a handle'
	expect_status 2
	expect_err_has 'bsky-user: not a handle: neither a handle, a DID nor a profile URL'
	[ "$(bsky_requests)" -eq 0 ]
	captured bsky-user --limit 3 alice.test
	expect_status 2
	captured bsky-followers
	expect_status 2
	expect_err_has 'expected one account: a handle or a DID'
	captured bsky-followers x.test y.test
	expect_status 2
	captured bsky-user --api http://example.com alice.test
	expect_status 2
	expect_err 'expected an https:// URL'
}

@test "bsky-timeline: each user's posts attached; replies and reposts marked; --exclude" {
	start_bsky --data "$ACCOUNT"
	bsky-user alice.test miller.test >users 2>/dev/null
	captured bsky-timeline --count 5 users
	expect_status 0
	expect_lines 2
	[ "$(jq -c 'select(.username == "alice.test") | [.posts[] | .referenced_tweets // [] | map(.type) | join("+")]' "$OUT")" = '["","replied_to","retweeted","quoted"]' ]
	expect_jq '.posts | all(.fb.source.network == "bluesky" and (.text | length) > 0)'
	captured bsky-timeline --count 5 --exclude replies,retweets users
	[ "$(jq -c 'select(.username == "alice.test") | [.posts[].id]' "$OUT")" = '["at://did:plc:alice/app.bsky.feed.post/a4","at://did:plc:alice/app.bsky.feed.post/a1"]' ]
	grep -q '"filter", "posts_no_replies"' "$BSKY_LOG"
}

@test "bsky-timeline: one account's posts with their author; a suspended user is kept as it is" {
	start_bsky --data "$ACCOUNT"
	captured bsky-timeline --exclude retweets @alice.test
	expect_status 0
	expect_lines 3
	expect_jq '.author.username == "alice.test" and .author_id == "did:plc:alice"'
	printf '%s\n' '{"id": "did:plc:gone", "username": "suspended.test"}' '{"id": "did:plc:miller", "username": "miller.test"}' >in
	captured bsky-timeline in
	expect_status 0
	expect_lines 2
	[ "$(head -n 1 "$OUT")" = '{"id": "did:plc:gone", "username": "suspended.test"}' ]
	expect_err_has 'no posts, the record is kept as it is'
	captured bsky-timeline @suspended.test
	expect_status 1
	expect_err_has 'Account has been suspended'
}

@test "the filters take the records with no option: fb-detect, fb-score, fb-suggest, fb-diff, fb-report" {
	start_bsky --data "$ACCOUNT"
	bsky-followers alice.test 2>/dev/null | bsky-timeline --count 3 >audit 2>/dev/null
	captured fb-detect audit
	expect_status 0
	[ "$(jq -r 'select(.fb.demand.flagged) | .username' "$OUT" | paste -sd ' ')" = "followtrain.test growfast.test" ]
	fb-detect audit | fb-score >scored
	expect_jq '.fb.score.verdict | IN("engage", "maybe", "skip")' scored
	[ "$(jq -r 'select(.username == "followtrain.test") | .fb.score.verdict' scored)" = skip ]
	captured fb-suggest scored
	expect_status 0
	expect_lines 7
	head -n 3 audit >before
	captured fb-diff --new before audit
	expect_status 0
	expect_lines 4
	captured fb-report scored
	expect_status 0
	grep -q 'Follower audit' "$OUT"
}
