# Shared by the sign-in tests (load oauth, after load helpers and load
# xapi): the fake authorization server and tw-auth driven as a browser
# would drive it.
#
# start_oauth [fake-oauth.py options...]: starts tests/cli/fake-oauth.py on a
# free port of 127.0.0.1 for client test-client, whose callback is
# $CALLBACK (a free port too), signing in user 100 (@acme_consult, of
# data/xapi-account.json). $OAUTH_BASE is its URL, $OAUTH_LOG its request
# log, $OAUTH_LIVE its live access tokens (for start_xapi --user-tokens),
# $OAUTH_SEEN every code, verifier and token it saw. The tokens are kept
# under $XDG_CONFIG_HOME, in $TOKENS.

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_oauth() {
	local i
	OAUTH_DIR=$BATS_TEST_TMPDIR/oauth.$RANDOM
	mkdir -p "$OAUTH_DIR"
	OAUTH_LOG=$OAUTH_DIR/log
	OAUTH_LIVE=$OAUTH_DIR/live.json
	OAUTH_SEEN=$OAUTH_DIR/seen
	: >"$OAUTH_SEEN"
	CALLBACK_PORT=$(free_port)
	CALLBACK=http://127.0.0.1:$CALLBACK_PORT/callback
	python3 "$BATS_TEST_DIRNAME/fake-oauth.py" --port-file "$OAUTH_DIR/port" --log "$OAUTH_LOG" \
		--state-file "$OAUTH_LIVE" --seen "$OAUTH_SEEN" --redirect "$CALLBACK" \
		--user 100:acme_consult "$@" >/dev/null 2>"$OAUTH_DIR/err" 3>&- &
	OAUTH_PID=$!
	for i in $(seq 200); do
		[ -s "$OAUTH_DIR/port" ] && break
		kill -0 "$OAUTH_PID" 2>/dev/null || break
		sleep 0.05
	done
	[ -s "$OAUTH_DIR/port" ] || { echo "the fake OAuth server did not start:"; cat "$OAUTH_DIR/err"; return 1; }
	OAUTH_BASE=http://127.0.0.1:$(cat "$OAUTH_DIR/port")
	export XDG_CONFIG_HOME=$BATS_TEST_TMPDIR/config
	TOKENS=$XDG_CONFIG_HOME/followback/user.json
	: >"$OAUTH_LOG"
}

stop_oauth() {
	[ -z "${AUTH_PID:-}" ] || kill "$AUTH_PID" 2>/dev/null || true
	[ -n "${OAUTH_PID:-}" ] || return 0
	kill "$OAUTH_PID" 2>/dev/null || true
	wait "$OAUTH_PID" 2>/dev/null || true
	OAUTH_PID=
}

teardown() {
	stop_oauth
	stop_xapi
}

# auth [tw-auth options...]: tw-auth for test-client against the fake server.
auth() {
	tw-auth --client-id test-client --redirect-uri "$CALLBACK" --api "$OAUTH_BASE" \
		--authorize-url "$OAUTH_BASE/i/oauth2/authorize" --no-browser "$@"
}

# auth_start [tw-auth options...]: tw-auth for test-client against the fake
# server, in the background, until it has printed the address to open
# ($AUTH_URL). Its stdout and stderr go to $OUT and $ERR.
auth_start() {
	local i
	OUT=$BATS_TEST_TMPDIR/out
	ERR=$BATS_TEST_TMPDIR/err
	: >"$ERR"
	auth "$@" <"${AUTH_STDIN:-/dev/null}" >"$OUT" 2>"$ERR" 3>&- &
	AUTH_PID=$!
	for i in $(seq 400); do
		grep -q "^$OAUTH_BASE/i/oauth2/authorize?" "$ERR" && break
		kill -0 "$AUTH_PID" 2>/dev/null || break
		sleep 0.05
	done
	AUTH_URL=$(grep "^$OAUTH_BASE/i/oauth2/authorize?" "$ERR") ||
		{ echo "tw-auth printed no address to open"; cat "$ERR"; return 1; }
}

# authorize: what the browser is sent back to after the user lets the app
# in at $AUTH_URL, in $REDIRECTED (the fake server answers with a redirect).
authorize() {
	REDIRECTED=$(curl -s -o /dev/null -w '%{redirect_url}' "$AUTH_URL")
	[ -n "$REDIRECTED" ] || { echo "the authorize page sent the browser nowhere"; return 1; }
}

# browse: the browser follows the redirect to tw-auth's callback; the page it
# gets in $PAGE.
browse() {
	PAGE=$BATS_TEST_TMPDIR/page
	curl -s "$REDIRECTED" >"$PAGE" || true
}

# auth_wait: waits for tw-auth; its exit status in $status.
auth_wait() {
	status=0
	wait "$AUTH_PID" || status=$?
	AUTH_PID=
}

# sign_in [tw-auth options...]: the whole sign-in, as a user with a browser does it.
sign_in() {
	auth_start "$@"
	authorize
	browse
	auth_wait
}

# expiring_in SEC: the stored access token expires in SEC seconds, as if
# signed in two hours less SEC ago (the file rewritten private).
expiring_in() {
	jq -c --argjson s "$1" '.expires_at = (now | floor) + $s' "$TOKENS" >"$TOKENS.new"
	chmod 600 "$TOKENS.new"
	mv "$TOKENS.new" "$TOKENS"
}

# token_value KEY: a value of the stored tokens.
token_value() {
	jq -r ".$1" "$TOKENS"
}

# oauth_requests GRANT-OR-PATH: how many requests the fake server got with
# that grant_type, or for that path.
oauth_requests() {
	grep -c -e "\"grant_type\": \"$1\"" -e "\"path\": \"$1\"" "$OAUTH_LOG" || true
}

# no_secret_leak FILE...: no code, verifier or token the server saw is in
# the files (nor the client secret, when $SECRET is set).
no_secret_leak() {
	local s
	[ -s "$OAUTH_SEEN" ] || { echo "the server saw no secret: nothing was checked"; return 1; }
	while read -r s; do
		if grep -l -r -F -- "$s" "$@" 2>/dev/null; then
			echo "a code, verifier or token leaked into the files above"
			return 1
		fi
	done <"$OAUTH_SEEN"
	if [ -n "${SECRET:-}" ] && grep -l -r -F -- "$SECRET" "$@" 2>/dev/null; then
		echo "the client secret leaked into the files above"
		return 1
	fi
}
