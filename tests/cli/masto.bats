#!/usr/bin/env bats
# masto-user, masto-followers, masto-timeline, masto-mentions against the
# fake instance (tests/cli/fake-masto.py) holding the made-up account
# @ann@m.example (data/masto-account.json).

load helpers
load masto

setup() {
	cd "$BATS_TEST_TMPDIR"
	unset MASTO_TOKEN
}

# Nothing on stderr but the closing line every run ends with.
expect_only_summary() {
	if grep -Ev '^masto-[a-z]+: [0-9]+ records? in [0-9]+ requests?$' "$ERR" | grep -q .; then
		echo "expected nothing on stderr but the closing summary"
		show
		return 1
	fi
}

# --- masto-user -----------------------------------------------------------------

@test "masto-user: X's field names, the bio as plain text, fb.source; one lookup, no token sent" {
	start_masto
	captured masto-user @ann@m.example
	expect_status 0
	expect_only_summary
	expect_lines 1
	expect_jq '.id == "109000" and .username == "ann@m.example" and .name == "Ann Potter"'
	expect_jq '.description == "Potter & baker in Leeds.\n\nSmall-batch stoneware, #ceramics"'
	expect_jq '.url == "https://ann.example" and .protected == false and .bot == false'
	expect_jq '.public_metrics == {followers_count: 7, following_count: 2, tweet_count: 120}'
	expect_jq '.fields[0] == {name: "Shop", value: "https://ann.example", verified_at: "2023-01-01T10:00:00.000+00:00"}'
	expect_jq '.last_status_at == "2026-11-30" and .fb == {source: {network: "mastodon", instance: "m.example"}}'
	[ "$(masto_requests)" -eq 1 ]
	grep -q '"path": "/api/v1/accounts/lookup", "query": "acct=ann"' "$MASTO_LOG"
	grep -q '"auth": false' "$MASTO_LOG"
}

@test "masto-user: @user with --instance, user@host, from stdin; a bot says so" {
	start_masto
	captured masto-user --instance m.example @newsbot fbtrain@m.example
	expect_status 0
	expect_lines 2
	expect_jq '.username | test("^(newsbot|fbtrain)@m.example$")'
	[ "$(jq -r .bot <"$OUT" | tr '\n' ' ')" = "true false " ]
	printf '@quiet_quinn@m.example\n@ann@m.example\n' >in
	captured masto-user <in
	expect_status 0
	[ "$(jq -r .username <"$OUT" | tr '\n' ' ')" = "quiet_quinn@m.example ann@m.example " ]
}

@test "masto-user: an account that is gone is reported and the run goes on (exit 1); a suspended one says so" {
	start_masto
	captured masto-user --rejects rej @deleted_dee@m.example @gone_gary@m.example @ann@m.example
	expect_status 1
	expect_err_has 'masto-user: @deleted_dee@m.example: not found'
	expect_lines 2
	expect_jq '.username == "gone_gary@m.example" and .suspended == true or .username == "ann@m.example"'
	[ "$(cat rej)" = "@deleted_dee@m.example" ]
}

@test "masto-user: bad addresses and no instance are usage errors before any request" {
	start_masto
	for a in @ '@ann@' '@ann@bad host' '@an n@m.example' '@ann@m.example/x' '@ann@m.example:99999'; do
		captured masto-user "$a"
		expect_status 2
		expect_err '^masto-user: '
		expect_no_stdout
	done
	captured masto-user @ann
	expect_status 2
	expect_err_has 'which instance?'
	[ "$(masto_requests)" -eq 0 ]
}

@test "masto-user: accounts of two instances in one run: the other one is rejected" {
	start_masto
	captured masto-user @ann@m.example @bob@other.example
	expect_status 1
	expect_lines 1
	expect_err_has '@bob@other.example: not on m.example'
	[ "$(masto_requests)" -eq 1 ]
}

# --- masto-followers ------------------------------------------------------------

@test "masto-followers: newest first, suspended and deleted followers left out, 80 a page" {
	start_masto
	captured masto-followers @ann@m.example
	expect_status 0
	expect_only_summary
	[ "$(jq -r .username <"$OUT" | tr '\n' ' ')" = "fbtrain@m.example glazelab@ceramics.example newsbot@m.example private_pat@m.example quiet_quinn@m.example " ]
	expect_jq '.fb.source == {network: "mastodon", instance: "m.example"}'
	expect_jq 'select(.username == "fbtrain@m.example") | .description == "I FOLLOW BACK EVERYONE!\nFollow me and I'"'"'ll follow you. Unfollow me, get unfollowed."'
	grep -q '"path": "/api/v1/accounts/109000/followers", "query": "limit=80"' "$MASTO_LOG"
}

@test "masto-followers: pages by the Link header's max_id until it has no next: 200 followers in 3 pages" {
	start_masto --generate 200
	captured masto-followers @bench@m.example
	expect_status 0
	expect_lines 200
	[ -z "$(jq -r .id <"$OUT" | sort | uniq -d)" ]
	[ "$(masto_requests /followers)" -eq 3 ]
	[ "$(grep -c 'max_id=' "$MASTO_LOG")" -eq 2 ]
	if grep /followers "$MASTO_LOG" | grep -v 'limit=80' | grep -q .; then
		echo "a page asked for another limit than 80"; cat "$MASTO_LOG"; return 1
	fi
}

@test "masto-followers --limit: stops there, the last page asks for no more than it needs" {
	start_masto --generate 200
	captured masto-followers --limit 90 @bench@m.example
	expect_status 0
	expect_lines 90
	[ "$(masto_requests /followers)" -eq 2 ]
	grep -q 'limit=10&max_id=' "$MASTO_LOG" || grep -q 'max_id=[0-9]*&limit=10' "$MASTO_LOG" || { cat "$MASTO_LOG"; return 1; }
}

@test "masto-followers --following: the accounts it follows" {
	start_masto
	captured masto-followers --following @ann@m.example
	expect_status 0
	[ "$(jq -r .username <"$OUT" | tr '\n' ' ')" = "glazelab@ceramics.example private_pat@m.example " ]
	grep -q '/api/v1/accounts/109000/following' "$MASTO_LOG"
}

@test "masto-followers: a hidden list is reported as hidden (exit 1), not as no followers" {
	start_masto
	captured masto-followers @private_pat@m.example
	expect_status 1
	expect_no_stdout
	expect_err_has 'masto-followers: @private_pat@m.example hides its followers (12 by its count)'
	captured masto-followers @quiet_quinn@m.example
	expect_status 0
	expect_no_stdout
}

@test "masto-followers: a suspended or unknown account ends the run with exit 1 and says why" {
	start_masto
	captured masto-followers @gone_gary@m.example
	expect_status 1
	expect_err_has '@gone_gary@m.example is suspended'
	captured masto-followers @nobody@m.example
	expect_status 1
	expect_err_has '@nobody@m.example: not found'
}

@test "masto-followers --estimate: requests and time at \$0, one lookup, no list asked" {
	start_masto --generate 200
	captured masto-followers --estimate @bench@m.example
	expect_status 0
	grep -q '200 followers' "$OUT" || { show; return 1; }
	grep -Eq '^requests: +4 ' "$OUT" || { show; return 1; }
	grep -qF '$0.00' "$OUT" || { show; return 1; }
	[ "$(masto_requests)" -eq 1 ]
	[ "$(masto_requests /followers)" -eq 0 ]
}

@test "rate limits: X-RateLimit-Reset (an ISO date) is waited for, not run into" {
	start_masto --generate 200 --rate 2 --window 2
	captured masto-followers @bench@m.example
	expect_status 0
	expect_lines 200
	if grep -q '"status": 429' "$MASTO_LOG"; then
		echo "ran into the limit instead of waiting for the reset"; cat "$MASTO_LOG"; return 1
	fi
}

@test "a 429 without headers, a 503, a cut and a broken answer are retried" {
	start_masto --generate 200 --faults "$(masto_faults '[
		{"match": "/followers", "nth": [1], "action": "429-noheaders"},
		{"match": "/followers", "nth": [2], "action": "status", "code": 503, "body": {"error": "Remote data could not be fetched"}},
		{"match": "/followers", "nth": [3], "action": "truncate"},
		{"match": "/followers", "nth": [4], "action": "malformed"}]')"
	captured masto-followers --retries 5 --quiet @bench@m.example
	expect_status 0
	expect_lines 200
	[ -z "$(jq -r .id <"$OUT" | sort | uniq -d)" ]
}

@test "an error answer ends the run with the instance's message" {
	start_masto --faults "$(masto_faults '[{"match": "/followers", "action": "status", "code": 422, "body": {"error": "Validation failed: too many"}}]')"
	captured masto-followers @ann@m.example
	expect_status 1
	expect_err_has 'Validation failed: too many'
}

@test "a Link to another list is refused: the next page is asked of the same list only" {
	start_masto --faults "$(masto_faults '[{"match": "/followers", "action": "status", "code": 200, "body": [],
		"headers": {"Link": "<https://evil.example/api/v1/accounts/1/followers?max_id=1>; rel=\"next\""}}]')"
	captured masto-followers @ann@m.example
	expect_status 1
	expect_err_has 'not the list asked for'
	[ "$(masto_requests /followers)" -eq 1 ]
}

@test "--record then --replay: the same bytes with no instance and no token; the recording holds no token" {
	start_masto --generate 100
	export MASTO_TOKEN=$MASTO_TOKEN_VALUE
	masto-followers --record rec @bench@m.example >live 2>/dev/null
	stop_masto
	captured masto-followers --replay rec @bench@m.example
	expect_status 0
	expect_out live
	no_masto_token_leak rec live "$ERR"
	[ -s rec/index.ndjson ]
}

@test "--resume: killed with -9 after its first page, the rerun writes every follower exactly once" {
	start_masto --generate 400
	masto-followers @bench@m.example >ref 2>/dev/null
	stop_masto
	start_masto --generate 400 --faults "$(masto_faults '[{"match": "/followers", "nth": [2], "action": "slow", "seconds": 60}]')"
	masto-followers --resume state -o fout @bench@m.example 2>err &
	local pid=$! i
	# The first page's checkpoint is written; the second page is held back.
	for i in $(seq 1200); do
		grep -q '"requests":1,' state 2>/dev/null && break
		sleep 0.05
	done
	kill -9 "$pid"
	wait "$pid" || true
	[ "$(wc -l <fout)" -eq 80 ]
	stop_masto
	start_masto --generate 400
	captured masto-followers --resume state -o fout @bench@m.example
	expect_status 0
	cmp ref fout
	# pages 2 to 5, and the empty sixth a full fifth page links to
	[ "$(masto_requests /lookup)" -eq 0 ]
	[ "$(masto_requests /followers)" -eq 5 ]
}

# --- masto-timeline -------------------------------------------------------------

@test "masto-timeline: each record gets its own posts, replies and boosts left out; text by Mastodon's rules" {
	start_masto
	masto-user @ann@m.example @fbtrain@m.example >users 2>/dev/null
	: >"$MASTO_LOG"
	captured masto-timeline users
	expect_status 0
	expect_lines 2
	expect_jq 'select(.username == "ann@m.example") | [.posts[].id] == ["110000000", "109999999"]'
	expect_jq 'select(.username == "ann@m.example") | .posts[0].text == "Opened the kiln: the celadon crawled again.\n\nAny ideas, @glazelab?"'
	expect_jq 'select(.username == "fbtrain@m.example") | (.posts | length) == 4'
	grep -q 'exclude_replies=true' "$MASTO_LOG"
	grep -q 'exclude_reblogs=true' "$MASTO_LOG"
	captured masto-timeline --with-replies --with-boosts users
	expect_status 0
	expect_jq 'select(.username == "ann@m.example") | [.posts[] | .referenced_tweets[0].type // "own"] == ["own", "own", "replied_to", "retweeted"]'
	expect_jq 'select(.username == "ann@m.example") | .posts[3].text | startswith("RT @fbtrain: ")'
}

@test "masto-timeline: a record of another instance or without an id is rejected, the others written" {
	start_masto
	masto-user @ann@m.example >users 2>/dev/null
	printf '%s\n' '{"id":"5","username":"x@o.example","fb":{"source":{"network":"mastodon","instance":"o.example"}}}' \
		'{"username":"noid@m.example"}' >>users
	captured masto-timeline --rejects rej users
	expect_status 1
	expect_lines 1
	expect_err_has 'not from m.example'
	expect_err_has 'no id'
	[ "$(wc -l <rej)" -eq 2 ]
}

@test "masto-timeline: broken input is reported with its line and kept by --rejects once; the records around it written" {
	start_masto
	masto-user @ann@m.example @fbtrain@m.example >users 2>/dev/null
	{ head -n 1 users; printf '{"id": "1", "username": \n'; } >bad.ndjson
	captured masto-timeline --rejects rej bad.ndjson
	expect_status 1
	expect_lines 1
	expect_jq '.username == "ann@m.example" and (.posts | length) == 2'
	expect_err 'bad\.ndjson:2'
	grep -q '"username": ' rej
	{ tail -n 1 users; printf 'not json at all\n'; } >in
	captured masto-timeline <in
	expect_status 1
	expect_lines 1
	expect_err 'stdin:2'
}

@test "masto-timeline --estimate: a request per 40 posts for each record, \$0, nothing asked" {
	start_masto
	printf '%s\n' '{"id":"109000","username":"ann@m.example"}' '{"id":"109001","username":"fbtrain@m.example"}' >in
	captured masto-timeline --estimate --count 50 --instance m.example <in
	expect_status 0
	grep -q '50 posts from each of 2 accounts' "$OUT" || { show; return 1; }
	grep -Eq '^requests: +4 ' "$OUT" || { show; return 1; }
	grep -qF '$0.00' "$OUT" || { show; return 1; }
	[ "$(masto_requests)" -eq 0 ]
}

@test "masto-user: stdin lines that are no address are rejected with their line, the others looked up" {
	start_masto
	printf '@ann@m.example\nnot an address\n# a comment\n\n@fbtrain@m.example\n' >in
	captured masto-user --rejects rej <in
	expect_status 1
	expect_lines 2
	expect_err_has 'not an address: not an account'
	[ "$(cat rej)" = "not an address" ]
	[ "$(masto_requests)" -eq 2 ]
}

# --- masto-mentions -------------------------------------------------------------

@test "masto-mentions: the posts that mention the token's account, each with its author" {
	start_masto
	tf=$(masto_token_file)
	captured masto-mentions --instance m.example --token-file "$tf"
	expect_status 0
	expect_only_summary
	[ "$(jq -r .author.username <"$OUT" | tr '\n' ' ')" = "glazelab@ceramics.example fbtrain@m.example " ]
	expect_jq '.fb.source.network == "mastodon" and (.text | startswith("@ann "))'
	grep -q '"path": "/api/v1/notifications", "query": "types%5B%5D=mention&limit=80"' "$MASTO_LOG"
	grep -q '"auth": true' "$MASTO_LOG"
	captured masto-mentions --limit 1 --instance m.example --token-file "$tf"
	expect_lines 1
}

@test "masto-mentions: no token, a token file others can read, a refused token: clear errors, the token never shown" {
	start_masto
	captured masto-mentions --instance m.example
	expect_status 2
	expect_err_has 'no token'
	[ "$(masto_requests)" -eq 0 ]
	tf=$(masto_token_file)
	chmod 644 "$tf"
	captured masto-mentions --instance m.example --token-file "$tf"
	expect_status 2
	expect_err_has 'group or others can read it'
	[ "$(masto_requests)" -eq 0 ]
	printf 'wrong-token\n' >bad && chmod 600 bad
	captured masto-mentions --instance m.example --token-file bad
	expect_status 1
	expect_err_has 'refused the token'
	! grep -q wrong-token "$ERR" "$OUT"
}

@test "token hygiene: never in argv, output, recording, checkpoint or messages" {
	start_masto --faults "$(masto_faults '[{"match": "/notifications", "nth": [1], "action": "slow", "seconds": 1}]')"
	export MASTO_TOKEN=$MASTO_TOKEN_VALUE
	masto-mentions --instance m.example --record rec --resume state -o fout >stdout 2>err &
	local pid=$! i
	for i in $(seq 200); do
		[ -r /proc/$pid/cmdline ] && tr '\0' ' ' </proc/$pid/cmdline >cmdline && break
		sleep 0.01
	done
	wait "$pid"
	no_masto_token_leak cmdline rec state fout stdout err
	[ "$(wc -l <fout)" -eq 2 ]
}

# --- the filters read the records with no option --------------------------------

@test "fb-detect, fb-score, fb-suggest, fb-diff and fb-report read the Mastodon records as they are" {
	start_masto
	masto-followers @ann@m.example >followers 2>/dev/null
	masto-followers --following @ann@m.example >following 2>/dev/null
	captured fb-detect followers
	expect_status 0
	expect_lines 5
	expect_jq 'select(.username == "fbtrain@m.example") | .fb.demand.flagged == true'
	expect_jq 'select(.username == "glazelab@ceramics.example") | .fb.demand.flagged != true'
	fb-detect followers | masto-timeline 2>/dev/null | fb-detect >timelines
	captured fb-score timelines
	expect_status 0
	expect_lines 5
	expect_jq '.fb.score.verdict | test("^(engage|maybe|skip)$")'
	expect_jq 'select(.username == "fbtrain@m.example") | .fb.score.verdict == "skip"'
	fb-score timelines >scored
	captured fb-suggest scored
	expect_status 0
	expect_lines 5
	captured fb-diff --not-in following followers
	expect_status 0
	[ "$(jq -r .username <"$OUT" | tr '\n' ' ')" = "fbtrain@m.example newsbot@m.example quiet_quinn@m.example " ]
	captured fb-report scored
	expect_status 0
	grep -q 'fbtrain@m.example' "$OUT"
}
