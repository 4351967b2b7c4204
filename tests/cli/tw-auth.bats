#!/usr/bin/env bats
# tw-auth against a fake X authorization server (tests/cli/fake-oauth.py),
# driven as a browser drives it: the sign-in, what goes wrong in it (the
# state, an expired code, a refusal, no browser), a confidential client,
# --headless, --status, --revoke, --logout, and where the secrets may not go.

load helpers
load xapi
load oauth

setup() {
	cd "$BATS_TEST_TMPDIR"
	unset TW_CLIENT_SECRET
}

@test "the whole sign-in: the tokens stored private, the page says who, --status says it too" {
	start_oauth
	sign_in
	expect_status 0
	expect_err_has "tw-auth: signed in as @acme_consult (id 100); the tokens are in $TOKENS"
	grep -q '<h1>Signed in</h1>' "$PAGE" || { cat "$PAGE"; return 1; }
	grep -q '@acme_consult' "$PAGE"
	[ "$(stat -c %a "$TOKENS")" = 600 ]
	[ "$(stat -c %a "$(dirname "$TOKENS")")" = 700 ]
	[ "$(token_value user_id)" = 100 ]
	[ "$(token_value username)" = acme_consult ]
	[ "$(oauth_requests authorization_code)" -eq 1 ]
	grep -q '"client_auth": "body"' "$OAUTH_LOG"	# a public client names itself
	captured tw-auth --status
	expect_status 0
	grep -q '^signed in as @acme_consult (id 100)$' "$OUT"
	grep -q '^client:    test-client, public$' "$OUT"
	grep -q '^access:    valid until .* UTC; the fetchers refresh it$' "$OUT"
}

@test "the callback answers one request, on 127.0.0.1 only, and is closed after it" {
	start_oauth
	auth_start
	# Listening before the address is printed, on the loopback address alone.
	ss -ltnH "sport = :$CALLBACK_PORT" >listen
	grep -q "127.0.0.1:$CALLBACK_PORT" listen || { cat listen; return 1; }
	! grep -q -e "0.0.0.0:$CALLBACK_PORT" -e "\*:$CALLBACK_PORT" listen
	authorize
	browse
	auth_wait
	expect_status 0
	run curl -s "$REDIRECTED"
	[ "$status" -eq 7 ]	# connection refused: nobody listens any more
}

@test "a state that is not this sign-in's: exit 1, nothing stored, the page says so" {
	start_oauth --wrong-state
	sign_in
	expect_status 1
	expect_err_has "the state in the address is not this sign-in's"
	grep -q 'Sign-in failed' "$PAGE"
	[ ! -e "$TOKENS" ]
	[ "$(oauth_requests /2/oauth2/token)" -eq 0 ]	# the code is never used
}

@test "an expired code: exit 1, saying codes last 30 seconds and to run tw-auth again" {
	start_oauth --code-ttl 0
	sign_in
	expect_status 1
	expect_err_has "X refused the code (400: Value passed for the authorization code was invalid.): a code lasts 30 seconds"
	expect_err_has "run tw-auth again"
	[ ! -e "$TOKENS" ]
}

@test "the user does not let the app in: exit 1 with X's error, nothing stored" {
	start_oauth --deny
	sign_in
	expect_status 1
	expect_err_has "X did not let the app in (access_denied)"
	[ ! -e "$TOKENS" ]
}

@test "the browser goes to another path: exit 1; no browser in --timeout: exit 1" {
	start_oauth
	auth_start
	curl -s "http://127.0.0.1:$CALLBACK_PORT/elsewhere?code=x&state=y" >page || true
	auth_wait
	expect_status 1
	expect_err_has "the browser came back to another path than /callback"
	auth_start --timeout 1
	auth_wait
	expect_status 1
	expect_err_has "the browser did not come back to $CALLBACK within 1 s (--timeout); nothing was stored"
	[ ! -e "$TOKENS" ]
}

@test "--headless: the address pasted on stdin signs in; a pasted address with another state does not" {
	start_oauth
	mkfifo paste
	exec 4<>paste	# a writer first: tw-auth's stdin opens at once
	AUTH_STDIN=paste auth_start --headless
	authorize
	echo "$REDIRECTED" >&4
	auth_wait
	expect_status 0
	expect_err_has "paste that whole address here"
	[ "$(token_value username)" = acme_consult ]
	rm "$TOKENS"
	AUTH_STDIN=paste auth_start --headless
	authorize
	echo "${REDIRECTED/state=/state=x}" >&4
	auth_wait
	exec 4>&-
	expect_status 1
	expect_err_has "not this sign-in's"
	[ ! -e "$TOKENS" ]
}

@test "a confidential client: the secret from a private file or TW_CLIENT_SECRET, sent as Basic auth" {
	SECRET=client-secret-$$-do-not-print
	start_oauth --secret "$SECRET"
	printf '%s\n' "$SECRET" >secret
	chmod 644 secret
	captured auth --client-secret-file secret
	expect_status 2
	expect_err "tw-auth: .*secret: group or others can read it"
	chmod 600 secret
	sign_in --client-secret-file secret
	expect_status 0
	grep -q '"client_auth": "basic"' "$OAUTH_LOG"
	[ "$(token_value client_secret_file)" = "$BATS_TEST_TMPDIR/secret" ]
	no_secret_leak "$OUT" "$ERR" "$PAGE"
	! grep -F -- "$SECRET" "$TOKENS"	# its file's name is kept, not the secret
	rm "$TOKENS"
	TW_CLIENT_SECRET=$SECRET sign_in
	expect_status 0
	# A public client's request (no secret) is refused by a confidential app.
	rm "$TOKENS"
	sign_in
	expect_status 1
	expect_err_has "X refused the client (401: Missing valid authorization header): a confidential client needs its secret"
}

@test "--revoke revokes both tokens at X and removes them; --status then says no one is signed in" {
	start_oauth
	sign_in
	access=$(token_value access_token)
	captured tw-auth --revoke
	expect_status 0
	expect_err_has "revoked the tokens of @acme_consult and removed $TOKENS"
	[ "$(oauth_requests /2/oauth2/revoke)" -eq 2 ]
	[ ! -e "$TOKENS" ]
	[ "$(jq 'length' "$OAUTH_LIVE")" -eq 0 ]	# the access token is dead at X too
	captured tw-auth --status
	expect_status 1
	grep -q '^not signed in' "$OUT"
	captured tw-auth --revoke
	expect_status 1
}

@test "--logout removes the tokens without asking X, and says X keeps the grant" {
	start_oauth
	sign_in
	before=$(wc -l <"$OAUTH_LOG")
	captured tw-auth --logout
	expect_status 0
	expect_err_has "X still lets the app in until it is revoked"
	[ ! -e "$TOKENS" ]
	[ "$(wc -l <"$OAUTH_LOG")" -eq "$before" ]
}

@test "a token file others can read is refused, by tw-auth and by the fetchers, before any request" {
	start_oauth
	start_xapi --data "$DATA/xapi-account.json" --user-tokens "$OAUTH_LIVE"
	sign_in
	chmod 644 "$TOKENS"
	captured tw-auth --status
	expect_status 2
	expect_err "^tw-auth: $TOKENS: group or others can read it; the tokens must be private \(chmod 600"
	captured tw-followers @me
	expect_status 2
	expect_err "^tw-followers: $TOKENS: group or others can read it"
	[ "$(requests)" -eq 0 ]
}

@test "no code, verifier, token or secret in argv, stdout, stderr, the page or the server's view of argv" {
	SECRET=client-secret-$$-do-not-print
	start_oauth --secret "$SECRET"
	printf '%s\n' "$SECRET" >secret
	chmod 600 secret
	auth_start --client-secret-file secret
	tr '\0' ' ' <"/proc/$AUTH_PID/cmdline" >argv
	authorize
	browse
	auth_wait
	expect_status 0
	no_secret_leak argv "$OUT" "$ERR" "$PAGE"
	captured tw-auth --status
	no_secret_leak "$OUT" "$ERR"
}

@test "usage errors: exit 2" {
	captured tw-auth --status --logout
	expect_status 2
	captured tw-auth extra
	expect_status 2
	captured tw-auth --client-id a --client-id-file b
	expect_status 2
	export XDG_CONFIG_HOME=$BATS_TEST_TMPDIR/empty
	captured tw-auth --no-browser
	expect_status 2
	expect_err_has "no client id: give --client-id"
	captured tw-auth --client-id c --redirect-uri http://localhost:8080/callback
	expect_status 2
	expect_err_has "expected http://127.0.0.1:PORT/PATH"
}
