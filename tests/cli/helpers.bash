# Shared by the CLI tests (load helpers). tests/run puts the build directory
# first in PATH and sets FB_BUILD; run by hand, "bats tests/cli" uses build/.

bats_require_minimum_version 1.5.0

DATA=$BATS_TEST_DIRNAME/data
if [ -n "${FB_BUILD:-}" ]; then
	PATH=$FB_BUILD:$PATH
elif [ -x "$BATS_TEST_DIRNAME/../../build/fb-detect" ]; then
	PATH=$(cd "$BATS_TEST_DIRNAME/../../build" && pwd):$PATH
fi
export LC_ALL=C.UTF-8

# captured CMD ARG...: runs CMD (stdin as the caller redirects it) with
# stdout in $OUT and stderr in $ERR, byte for byte; its exit status in $status.
captured() {
	OUT=$BATS_TEST_TMPDIR/out
	ERR=$BATS_TEST_TMPDIR/err
	status=0
	"$@" >"$OUT" 2>"$ERR" || status=$?
}

# fbd, fbs, fbg ARG...: fb-detect, fb-score, fb-suggest, captured.
fbd() { captured fb-detect "$@"; }
fbs() { captured fb-score "$@"; }
fbg() { captured fb-suggest "$@"; }

show() { # what the failing test saw
	echo "--- exit status: $status"
	echo "--- stdout:"
	head -n 8 "$OUT" | cut -c 1-400
	echo "--- stderr:"
	head -n 8 "$ERR" | cut -c 1-400
}

expect_status() {
	if [ "$status" -ne "$1" ]; then
		echo "expected exit status $1"
		show
		return 1
	fi
}

# expect_out FILE: stdout is exactly FILE's bytes.
expect_out() {
	if ! cmp -s "$1" "$OUT"; then
		echo "stdout differs from $1:"
		diff "$1" "$OUT" | head -40
		show
		return 1
	fi
}

# expect_out_text TEXT: stdout is exactly TEXT and a newline.
expect_out_text() {
	printf '%s\n' "$1" >"$BATS_TEST_TMPDIR/expected"
	expect_out "$BATS_TEST_TMPDIR/expected"
}

expect_no_stderr() {
	if [ -s "$ERR" ]; then
		echo "expected nothing on stderr"
		show
		return 1
	fi
}

expect_no_stdout() {
	if [ -s "$OUT" ]; then
		echo "expected nothing on stdout"
		show
		return 1
	fi
}

# expect_err ERE: some line of stderr matches.
expect_err() {
	if ! grep -Eq -- "$1" "$ERR"; then
		echo "no line of stderr matches: $1"
		show
		return 1
	fi
}

# expect_jq FILTER [FILE]: FILTER is true for every line of FILE (stdout by
# default), and there is at least one line.
expect_jq() {
	local f=${2:-$OUT} r
	if [ ! -s "$f" ]; then
		echo "no output to check with: $1"
		show
		return 1
	fi
	r=$(jq -c "$1" "$f" 2>&1) || {
		echo "jq failed on $f: $r"
		show
		return 1
	}
	if printf '%s\n' "$r" | grep -qv '^true$'; then
		echo "not true for every record: $1"
		echo "jq gave: $r"
		show
		return 1
	fi
}

# expect_lines N [FILE]: FILE (stdout by default) has N lines, each ended by \n.
expect_lines() {
	local f=${2:-$OUT} n
	n=$(wc -l <"$f")
	if [ "$n" -ne "$1" ]; then
		echo "expected $1 lines, got $n"
		show
		return 1
	fi
	if [ -s "$f" ] && [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" != '\n' ]; then
		echo "the last line is not ended by a newline"
		show
		return 1
	fi
}

# record JQ-ARGS...: one compact record built by jq -n (for texts that are
# awkward to quote), appended to $BATS_TEST_TMPDIR/in.
record() {
	jq -nc "$@" >>"$BATS_TEST_TMPDIR/in"
}

# expect_err_has TEXT: some line of stderr holds TEXT (not a pattern).
expect_err_has() {
	if ! grep -Fq -- "$1" "$ERR"; then
		echo "stderr does not hold: $1"
		show
		return 1
	fi
}

# expect_prefix FILE N: the first N bytes of stdout are those of FILE.
expect_prefix() {
	if ! cmp -s -n "$2" "$1" "$OUT"; then
		echo "the first $2 bytes of stdout differ from those of $1"
		show
		return 1
	fi
}

# expect_file_is FILE EXPECTED: FILE holds EXPECTED's bytes, give or take the
# newline that ends the last line (a rejects file ends every line with one,
# even when the input ended without it).
expect_file_is() {
	local a=$BATS_TEST_TMPDIR/.got b=$BATS_TEST_TMPDIR/.want
	cp "$1" "$a"
	cp "$2" "$b"
	[ ! -s "$a" ] || [ "$(tail -c 1 "$a" | od -An -c | tr -d ' ')" = '\n' ] || echo >>"$a"
	[ ! -s "$b" ] || [ "$(tail -c 1 "$b" | od -An -c | tr -d ' ')" = '\n' ] || echo >>"$b"
	if cmp -s "$b" "$a"; then
		return 0
	fi
	echo "$1 does not hold what was expected:"
	echo "--- expected:"
	head -c 2000 "$2" | od -c | head -20
	echo "--- got:"
	head -c 2000 "$1" | od -c | head -20
	show
	return 1
}

# expect_fits COLS: stdout is valid UTF-8 and no line is wider than COLS
# terminal columns (wide characters and emoji 2, combining marks 0).
expect_fits() {
	python3 - "$1" "$OUT" <<-'PY' || { show; return 1; }
	import sys, unicodedata
	cols, path = int(sys.argv[1]), sys.argv[2]
	try:
	    text = open(path, "rb").read().decode("utf-8")
	except UnicodeDecodeError as e:
	    sys.exit("stdout is not UTF-8: %s" % e)
	def width(c):
	    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
	        return 0
	    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
	for n, line in enumerate(text.split("\n"), 1):
	    w = sum(width(c) for c in line)
	    if w > cols:
	        sys.exit("line %d is %d columns wide, more than %d: %s" % (n, w, cols, line))
	PY
}

# start_prism PRISM SPEC UPSTREAM [OPTION ...]: Prism as a validating proxy
# of UPSTREAM by SPEC, its pid in $CT/prism.pid and its log in $CT/prism.log;
# exports PRISM_URL. A free port is asked of the system, and Prism may lose
# it to another program in between: so a few tries. Prism takes 2-3 s to
# read a spec.
start_prism() {
	local prism=$1 spec=$2 up=$3 try i port
	shift 3
	for try in 1 2 3 4 5; do
		port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
		"$prism" proxy "$@" --host 127.0.0.1 --port "$port" "$spec" "$up" \
			>"$CT/prism.log" 2>&1 3>&- &
		echo $! >"$CT/prism.pid"
		for i in $(seq 1 600); do
			grep -q 'Prism is listening' "$CT/prism.log" && break
			kill -0 "$(cat "$CT/prism.pid")" 2>/dev/null || break
			sleep 0.1
		done
		if grep -q 'Prism is listening' "$CT/prism.log"; then
			export PRISM_URL=http://127.0.0.1:$port
			return 0
		fi
		kill "$(cat "$CT/prism.pid")" 2>/dev/null
		wait "$(cat "$CT/prism.pid")" 2>/dev/null
	done
	echo "Prism did not start:" >&2
	tail -n 20 "$CT/prism.log" >&2
	return 1
}
