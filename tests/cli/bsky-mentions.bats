#!/usr/bin/env bats
# bsky-mentions against the fake Bluesky (fake-bsky.py --app-password): one
# sign-in, the session kept (private) and refreshed, never created on every
# run; the app password in no output, message, recording, state or session
# file; --replay with no session; the mentions through fb-detect.

load helpers
load bsky

PW=test-pass-$$-do-not-print

setup() {
	cd "$BATS_TEST_TMPDIR"
	export HOME=$BATS_TEST_TMPDIR/home XDG_CONFIG_HOME=
	mkdir -p "$HOME"
}

# the fake server as the account's own server (BSKY_PDS_BASE)
start_pds() {
	start_bsky --data "$DATA/bsky-account.json" --app-password "$PW" "$@"
	export BSKY_PDS_BASE=$BSKY_API_BASE
}

posts() { grep -c '"method": "POST", "path": "[^"]*'"$1" "$BSKY_LOG" || true; }

@test "signs in once: the session is kept, private, and the next run uses it" {
	start_pds
	BSKY_APP_PASSWORD=$PW captured bsky-mentions alice.test
	expect_status 0
	expect_lines 3
	[ "$(jq -r .reason "$OUT" | paste -sd ' ')" = "mention reply quote" ]
	[ "$(jq -c 'select(.reason == "quote") | .referenced_tweets' "$OUT")" = '[{"type":"quoted","id":"at://did:plc:alice/app.bsky.feed.post/a1"}]' ]
	expect_jq '.author.username != null and .fb.source.network == "bluesky"'
	[ "$(stat -c %a "$HOME/.config/followback/bsky-session")" = 600 ]
	[ "$(posts createSession)" -eq 1 ]
	# no password the second time: the session is enough
	captured bsky-mentions alice.test
	expect_status 0
	expect_lines 3
	[ "$(posts createSession)" -eq 1 ]
	[ "$(posts refreshSession)" -eq 0 ]
	[ "$(bsky_requests getSession)" -eq 1 ]
	grep -q '"reasons", "mention"' "$BSKY_LOG"
}

@test "an access token near its end is refreshed, not signed in again" {
	start_pds --access-ttl 60
	BSKY_APP_PASSWORD=$PW captured bsky-mentions --session s alice.test
	expect_status 0
	captured bsky-mentions --session s alice.test
	expect_status 0
	expect_lines 3
	[ "$(posts createSession)" -eq 1 ]
	[ "$(posts refreshSession)" -eq 1 ]
}

@test "a session the server revoked is replaced by one sign-in with the password" {
	start_pds
	BSKY_APP_PASSWORD=$PW bsky-mentions --session s alice.test >/dev/null 2>&1
	stop_bsky
	start_pds --access-ttl 60
	BSKY_APP_PASSWORD=$PW captured bsky-mentions --session s alice.test
	expect_status 0
	expect_lines 3
	[ "$(posts createSession)" -eq 1 ]
}

@test "the app password is in no output, message, recording, state, session or log" {
	start_pds
	printf '%s\n' "$PW" >pw
	chmod 600 pw
	captured bsky-mentions --password-file pw --session s --record rec --resume state -o fout alice.test
	expect_status 0
	! grep -rqF -- "$PW" fout "$OUT" "$ERR" rec state s "$BSKY_LOG"
	# nor the session's tokens anywhere but the session file
	tok=$(jq -r .accessJwt s)
	! grep -rqF -- "$tok" fout "$ERR" rec state "$BSKY_LOG"
}

@test "a password file others can read, no password, or a wrong one: refused, and said so without it" {
	start_pds
	printf '%s\n' "$PW" >pw
	chmod 644 pw
	captured bsky-mentions --password-file pw --session s alice.test
	expect_status 2
	expect_err_has 'pw: group or others can read it'
	[ "$(bsky_requests)" -eq 0 ]
	captured bsky-mentions --session s alice.test
	expect_status 2
	expect_err_has 'no session and no app password: set BSKY_APP_PASSWORD'
	BSKY_APP_PASSWORD=wrong-$PW captured bsky-mentions --session s alice.test
	expect_status 1
	expect_err_has 'alice.test: Bluesky refused the sign-in (401: Invalid identifier or password (AuthenticationRequired)): check the handle and the app password'
	! grep -qF -- "$PW" "$ERR"
	[ ! -e s ]
}

@test "--replay needs no session; --limit stops; the demands among the mentions" {
	start_pds
	BSKY_APP_PASSWORD=$PW captured bsky-mentions --session s --record rec alice.test
	cp "$OUT" live
	stop_bsky
	rm s
	captured bsky-mentions --session s --replay rec alice.test
	expect_status 0
	expect_out live
	[ ! -e s ]
	start_pds
	BSKY_APP_PASSWORD=$PW captured bsky-mentions --session s --limit 1 alice.test
	expect_status 0
	expect_lines 1
	grep -q '"limit", "1"' "$BSKY_LOG"
	captured fb-detect live
	[ "$(jq -r 'select(.fb.demand.flagged) | .author.username' "$OUT")" = followtrain.test ]
}
