#!/usr/bin/env bats
# The fetchers with tw-auth's user token: which token each request carries
# (the user's for the signed-in account's own lists, the app's otherwise,
# --auth to choose), the refresh before the expiry and after a 401, the
# rotated refresh token kept, a refresh token that no longer works, the
# owned-read price in --estimate and --budget, and no user token, refresh
# token or code in output, messages, recordings or checkpoints.

load helpers
load xapi
load oauth

ACCOUNT=$BATS_TEST_DIRNAME/data/xapi-account.json

setup() {
	cd "$BATS_TEST_TMPDIR"
	unset TW_CLIENT_SECRET
}

# signed_in [fake-oauth.py options...]: the fake servers, and @acme_consult
# (id 100) signed in.
signed_in() {
	start_oauth "$@"
	start_xapi --data "$ACCOUNT" --user-tokens "$OAUTH_LIVE"
	sign_in
	[ "$status" -eq 0 ] || { cat "$ERR"; return 1; }
	: >"$XAPI_LOG"
	: >"$OAUTH_LOG"
}

# tokens_used: the token ("app" or "user") and owned flag of each request, one a line.
tokens_used() {
	jq -r '"\(.path) \(.token) \(if .owned then "owned" else "-" end)"' "$XAPI_LOG"
}

@test "@me, the id and the name of the signed-in account: its lists with the user token, as owned reads, no lookup" {
	signed_in
	for who in @me 100 @acme_consult acme_consult; do
		: >"$XAPI_LOG"
		captured tw-followers "$who"
		expect_status 0
		expect_lines 12
		[ "$(tokens_used)" = "/2/users/100/followers user owned" ] || { tokens_used; return 1; }
		expect_err_has 'tw-followers: 12 records in 1 request, $0.01'
	done
	: >"$XAPI_LOG"
	captured tw-mentions @me
	expect_status 0
	expect_lines 6
	[ "$(tokens_used)" = "/2/users/100/mentions user owned" ]
	: >"$XAPI_LOG"
	captured tw-timeline @me
	expect_status 0
	[ "$(tokens_used)" = "/2/users/100/tweets user owned" ]
}

@test "another account, and tw-user: the app's token; --auth user and --auth app override" {
	signed_in
	captured tw-followers @priya_ux
	expect_status 0
	tokens_used | grep -q '^/2/users/by/username/priya_ux app -$'
	tokens_used | grep -q '^/2/users/201/followers app -$'
	: >"$XAPI_LOG"
	captured tw-user @priya_ux
	[ "$(tokens_used)" = "/2/users/by app -" ] || { tokens_used; return 1; }
	: >"$XAPI_LOG"
	captured tw-user --auth user @priya_ux
	[ "$(tokens_used)" = "/2/users/by user -" ]
	: >"$XAPI_LOG"
	captured tw-followers --auth user @priya_ux
	expect_status 0
	! tokens_used | grep -v ' user -$'	# the user's token, at the price of others' lists
	: >"$XAPI_LOG"
	captured tw-followers --auth app @me
	expect_status 0
	[ "$(tokens_used)" = "/2/users/100/followers app -" ]	# the stored id: no lookup
	expect_err_has '$0.12'
}

@test "not signed in: @me and --auth user are usage errors; the app's token for everything else" {
	start_xapi --data "$ACCOUNT"
	export XDG_CONFIG_HOME=$BATS_TEST_TMPDIR/nobody
	captured tw-followers @me
	expect_status 2
	expect_err_has "tw-followers: @me: not signed in; tw-auth signs in"
	captured tw-mentions --auth user @acme_consult
	expect_status 2
	expect_err_has "--auth user: not signed in"
	[ "$(requests)" -eq 0 ]
	captured tw-followers @acme_consult
	expect_status 0
	! tokens_used | grep -v ' app -$'
}

@test "--estimate: owned reads at --price-owned signed in; what it would cost signed in otherwise" {
	signed_in
	captured tw-followers --estimate @me
	expect_status 0
	grep -q '^tw-followers @me: 12 followers$' "$OUT" || { cat "$OUT"; return 1; }
	grep -q '^price:     \$0.01 (12 owned reads at \$0.001)$' "$OUT" || { cat "$OUT"; return 1; }
	captured tw-followers --estimate --price-owned 0.002 @me
	grep -q '^price:     \$0.02 (12 owned reads at \$0.002)$' "$OUT"
	! grep -q '^owned:' "$OUT"
	captured tw-mentions --estimate @me
	grep -q '^price:     at most \$0.80 (800 owned reads at \$0.001)$' "$OUT" || { cat "$OUT"; return 1; }
	export XDG_CONFIG_HOME=$BATS_TEST_TMPDIR/nobody
	captured tw-followers --estimate @acme_consult
	expect_status 0
	grep -q '^price:     \$0.13 (12 users at \$0.010, and the lookup of the account)$' "$OUT"
	grep -q '^owned:     this would cost \$0.01 signed in as @acme_consult instead of \$0.12 ' "$OUT" ||
		{ cat "$OUT"; return 1; }
	captured tw-followers --estimate --auth app @acme_consult
	! grep -q '^owned:' "$OUT"	# asked for the app's token: no other price to tell
}

@test "--budget counts owned reads at the owned price" {
	signed_in
	captured tw-followers --budget 0.012 @me
	expect_status 0
	expect_lines 12
	captured tw-followers --auth app --budget 0.012 @me
	expect_status 1
	expect_err_has "budget reached"
}

@test "an access token about to expire is refreshed before the first request, and the rotated refresh token kept" {
	signed_in
	expiring_in 100
	first=$(token_value refresh_token)
	captured tw-followers @me
	expect_status 0
	expect_lines 12
	[ "$(oauth_requests refresh_token)" -eq 1 ]
	[ "$(status_count 401)" -eq 0 ]	# refreshed before, not after a refusal
	second=$(token_value refresh_token)
	[ "$second" != "$first" ]
	[ "$(stat -c %a "$TOKENS")" = 600 ]
	# The next refresh is made with the rotated token (the first is dead at X).
	expiring_in 100
	captured tw-mentions @me
	expect_status 0
	[ "$(oauth_requests refresh_token)" -eq 2 ]
	[ "$(token_value refresh_token)" != "$second" ]
}

@test "an access token refused (401) is refreshed once and the request asked again" {
	signed_in
	access=$(token_value access_token)
	curl -s -d "token=$access&client_id=test-client" "$OAUTH_BASE/2/oauth2/revoke" >/dev/null
	captured tw-followers @me
	expect_status 0
	expect_lines 12
	[ "$(status_count 401)" -eq 1 ]
	[ "$(status_count 200)" -eq 1 ]
	[ "$(oauth_requests refresh_token)" -eq 1 ]
	[ "$(token_value access_token)" != "$access" ]
}

@test "a refresh token that stopped working: exit 1, run tw-auth again, no token said" {
	signed_in
	for t in refresh_token access_token; do
		curl -s -d "token=$(token_value $t)&client_id=test-client" "$OAUTH_BASE/2/oauth2/revoke" >/dev/null
	done
	captured tw-followers @me
	expect_status 1
	expect_no_stdout
	expect_err_has "tw-followers: the sign-in no longer works: the refresh token was refused (400: Value passed for the token was invalid.); run tw-auth again"
	no_secret_leak "$OUT" "$ERR"
}

@test "a user token the API refuses even after a refresh: exit 1, run tw-auth again" {
	signed_in
	# The API no longer knows any user token; the authorization server still does.
	start_xapi --data "$ACCOUNT"
	captured tw-followers @me
	expect_status 1
	expect_err "the API refused the user token of .*user.json, refreshed or not \(401: .*run tw-auth again"
	[ "$(oauth_requests refresh_token)" -eq 1 ]
	no_secret_leak "$OUT" "$ERR"
}

@test "fetchers running at once refresh one at a time: both get the same new token" {
	signed_in
	expiring_in 100
	tw-followers @me >a 2>a.err 3>&- &
	p1=$!
	tw-mentions @me >b 2>b.err 3>&- &
	p2=$!
	wait $p1
	wait $p2
	[ "$(wc -l <a)" -eq 12 ] && [ "$(wc -l <b)" -eq 6 ] || { cat a.err b.err; return 1; }
	[ "$(oauth_requests refresh_token)" -eq 1 ]
}

@test "no user token, refresh token, code or verifier in output, messages, recordings, checkpoints or argv" {
	signed_in
	expiring_in 100
	tw-followers --record rec --resume state -o out.ndjson @me 2>err 3>&- &
	pid=$!
	tr '\0' ' ' <"/proc/$pid/cmdline" >argv 2>/dev/null || true
	wait $pid
	[ "$(wc -l <out.ndjson)" -eq 12 ]
	captured tw-followers --estimate @me
	no_secret_leak rec state out.ndjson err argv "$OUT" "$ERR"
	# The token file holds them, as it must, and nothing else does.
	grep -q -F -- "$(token_value access_token)" "$TOKENS"
}

@test "a server that gives short-lived tokens: refreshed within half their life, not at every request" {
	signed_in --expires-in 60
	captured tw-followers @me
	expect_status 0
	[ "$(oauth_requests refresh_token)" -eq 0 ]
	expiring_in 20
	captured tw-followers @me
	expect_status 0
	[ "$(oauth_requests refresh_token)" -eq 1 ]
}
