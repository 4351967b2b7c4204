# Shared by the Mastodon fetcher tests (load masto, after load helpers): the
# fake instance.
#
# start_masto [fake-masto.py options...]: starts tests/cli/fake-masto.py on a
# free port of 127.0.0.1 with the made-up account of data/masto-account.json
# unless --data or --generate is given; exports MASTO_API_BASE so the masto-
# programs ask it (the accounts stay @user@m.example); $MASTO_LOG is its
# request log, $MASTO_TOKEN_VALUE the user token it accepts.

# Kept when set: a file's setup_file exports it to its tests.
: "${MASTO_TOKEN_VALUE:=masto-token-$$-do-not-print}"

start_masto() {
	local i data=(--data "$DATA/masto-account.json")
	case " $* " in *" --data "* | *" --generate "*) data=() ;; esac
	MASTO_DIR=$BATS_TEST_TMPDIR/masto.$RANDOM
	mkdir -p "$MASTO_DIR"
	MASTO_LOG=$MASTO_DIR/log
	python3 "$BATS_TEST_DIRNAME/fake-masto.py" --port-file "$MASTO_DIR/port" \
		--log "$MASTO_LOG" --token "$MASTO_TOKEN_VALUE" "${data[@]}" "$@" \
		>/dev/null 2>"$MASTO_DIR/err" 3>&- &
	MASTO_PID=$!
	for i in $(seq 200); do
		[ -s "$MASTO_DIR/port" ] && break
		kill -0 "$MASTO_PID" 2>/dev/null || break
		sleep 0.05
	done
	[ -s "$MASTO_DIR/port" ] || { echo "the fake instance did not start:"; cat "$MASTO_DIR/err"; return 1; }
	export MASTO_API_BASE=http://127.0.0.1:$(cat "$MASTO_DIR/port")
	: >"$MASTO_LOG"
}

stop_masto() {
	[ -n "${MASTO_PID:-}" ] || return 0
	kill "$MASTO_PID" 2>/dev/null || true
	wait "$MASTO_PID" 2>/dev/null || true
	MASTO_PID=
}

# masto_requests [PATH-SUBSTRING]: how many requests the instance got (for that path).
masto_requests() {
	if [ $# -eq 0 ]; then
		wc -l <"$MASTO_LOG" | tr -d ' '
	else
		grep -c "\"path\": \"[^\"]*$1" "$MASTO_LOG" || true
	fi
}

# masto_token_file: a file only its owner can read, holding the token; its path.
masto_token_file() {
	local f=$BATS_TEST_TMPDIR/token.$RANDOM
	(umask 077 && printf '%s\n' "$MASTO_TOKEN_VALUE" >"$f")
	echo "$f"
}

# no_masto_token_leak FILE...: the token appears in none of the files.
no_masto_token_leak() {
	if grep -l -r -- "$MASTO_TOKEN_VALUE" "$@" 2>/dev/null; then
		echo "the token leaked into the files above"
		return 1
	fi
}

# masto_faults JSON: writes a --faults file and prints its path.
masto_faults() {
	local f=$BATS_TEST_TMPDIR/faults.$RANDOM.json
	printf '%s\n' "$1" >"$f"
	echo "$f"
}

teardown() {
	stop_masto
}
