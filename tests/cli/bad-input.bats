#!/usr/bin/env bats
# The record contract's bad-input rules, through fb-detect: a bad record is
# reported as "fb-detect: FILE:LINE: what" (stdin for standard input),
# counted in the exit status (1), kept verbatim with --rejects FILE, and the
# good records before and after it are still written.

load helpers

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# lines FILE N...: those lines of FILE, in that order.
lines() {
	local f=$1 n
	shift
	for n; do sed -n "${n}p" "$f"; done
}

@test "malformed JSON on line 2 of 3: FILE:2 named, exit 1, lines 1 and 3 written, line 2 kept" {
	fbd --rejects rejects "$DATA/bad-malformed.ndjson"
	expect_status 1
	lines "$DATA/bad-malformed.ndjson" 1 3 >expected
	expect_out expected
	expect_err '^fb-detect: [^ ]*bad-malformed\.ndjson:2: '
	lines "$DATA/bad-malformed.ndjson" 2 >expected.rej
	expect_file_is rejects expected.rej
}

@test "malformed JSON on stdin is named stdin:LINE" {
	fbd <"$DATA/bad-malformed.ndjson"
	expect_status 1
	lines "$DATA/bad-malformed.ndjson" 1 3 >expected
	expect_out expected
	expect_err '^fb-detect: stdin:2: .*JSON'
}

@test "a truncated stream (the last record cut mid-string, no newline)" {
	fbd --rejects rejects <"$DATA/bad-truncated.ndjson"
	expect_status 1
	lines "$DATA/bad-truncated.ndjson" 1 2 >expected
	expect_out expected
	expect_err '^fb-detect: stdin:3: '
	tail -n 1 "$DATA/bad-truncated.ndjson" >expected.rej
	expect_file_is rejects expected.rej
}

@test "a record cut mid-way, followed by a good record on the next line: the good one survives" {
	fbd --rejects rejects <"$DATA/bad-cut.ndjson"
	expect_status 1
	expect_lines 3
	lines "$DATA/bad-cut.ndjson" 1 >expected
	head -1 "$OUT" | cmp -s - expected || { echo "line 1 lost"; show; return 1; }
	sed -n 2p "$OUT" >survivor
	expect_jq '.username == "survivor" and .fb.demand.flagged == true' survivor
	tail -n 1 "$OUT" | grep -qx '{"id":"6024","username":"last"}' || { show; return 1; }
	expect_err '^fb-detect: stdin:2: '
	lines "$DATA/bad-cut.ndjson" 2 >expected.rej
	expect_file_is rejects expected.rej
}

@test "values that are not objects (a number, a string, an array holding a number) are rejected" {
	fbd --rejects rejects "$DATA/bad-values.ndjson"
	expect_status 1
	printf '%s\n' '{"id":"6031","username":"before"}' '{"id":"6032","username":"in_array"}' \
	    '{"id":"6033","username":"after"}' >expected
	expect_out expected
	expect_err '^fb-detect: [^ ]*bad-values\.ndjson:2: .*number'
	expect_err '^fb-detect: [^ ]*bad-values\.ndjson:3: .*string'
	expect_err '^fb-detect: [^ ]*bad-values\.ndjson:4: .*number'
	printf '%s\n' '42' '"just a string"' '7' >expected.rej
	expect_file_is rejects expected.rej
}

@test "wrong types are rejected with the field path: .description, .posts, .posts[1], .posts[0].text" {
	fbd --rejects rejects "$DATA/bad-types.ndjson"
	expect_status 1
	lines "$DATA/bad-types.ndjson" 1 6 >expected
	expect_out expected
	expect_err '^fb-detect: [^ ]*bad-types\.ndjson:2: \.description: .*number'
	expect_err '^fb-detect: [^ ]*bad-types\.ndjson:3: \.posts: .*string'
	expect_err '^fb-detect: [^ ]*bad-types\.ndjson:4: \.posts\[1\]: .*number'
	expect_err '^fb-detect: [^ ]*bad-types\.ndjson:5: \.posts\[0\]\.text: .*object'
	expect_err '\b4 bad records?\b'
	lines "$DATA/bad-types.ndjson" 2 3 4 5 >expected.rej
	expect_file_is rejects expected.rej
}

@test "a null description, name, post text or posts is fine, not an error" {
	fbd --rejects rejects "$DATA/nulls.ndjson"
	expect_status 0
	expect_out "$DATA/nulls.ndjson"
	expect_no_stderr
	[ ! -s rejects ] || { echo "rejects not empty"; cat rejects; return 1; }
}

@test "invalid UTF-8 in a string: the record is written with U+FFFD, a warning names the line, exit 0" {
	printf '{"username":"a"}\n{"username":"u8","description":"caf\351 au lait \377!"}\n{"username":"c"}\n' >in
	printf '{"username":"a"}\n{"username":"u8","description":"caf\357\277\275 au lait \357\277\275!"}\n{"username":"c"}\n' >expected
	fbd --rejects rejects in
	expect_status 0
	expect_out expected
	expect_err '^fb-detect: in:2: .*UTF-8'
	[ ! -s rejects ] || { echo "rejects not empty"; cat rejects; return 1; }
}

@test "invalid UTF-8 before a demand: the hit still points at its match" {
	printf '{"username":"u8","description":"caf\351 \360\237\230\200 please follow back"}\n' >in
	fbd in
	expect_status 0
	expect_jq '.fb.demand.flagged == true'
	expect_jq '.description as $d | all(.fb.demand.hits[]; $d[.start:.end] == .match)'
}

@test "a NUL byte inside a string is rejected and kept verbatim" {
	printf '{"username":"a"}\n{"username":"n\000ul"}\n{"username":"c"}\n' >in
	fbd --rejects rejects <in
	expect_status 1
	printf '{"username":"a"}\n{"username":"c"}\n' >expected
	expect_out expected
	expect_err '^fb-detect: stdin:2: '
	printf '{"username":"n\000ul"}\n' >expected.rej
	expect_file_is rejects expected.rej
}

@test "a NUL byte between records is rejected, the records around it written" {
	printf '{"username":"a"}\n\000\n{"username":"c"}\n' >in
	fbd <in
	expect_status 1
	printf '{"username":"a"}\n{"username":"c"}\n' >expected
	expect_out expected
	expect_err '^fb-detect: stdin:2: '
}

@test "a raw tab inside a string is rejected (as jq does)" {
	printf '{"username":"a"}\n{"username":"t","description":"tab\there"}\n{"username":"c"}\n' >in
	! jq -c . in >/dev/null 2>&1 || { echo "jq accepts it?"; return 1; }
	fbd --rejects rejects <in
	expect_status 1
	printf '{"username":"a"}\n{"username":"c"}\n' >expected
	expect_out expected
	expect_err '^fb-detect: stdin:2: '
	sed -n 2p in >expected.rej
	expect_file_is rejects expected.rej
}

@test "empty input: no output, exit 0" {
	fbd </dev/null
	expect_status 0
	expect_no_stdout
	expect_no_stderr
}

@test "whitespace-only input: no output, exit 0" {
	printf ' \n\t\r\n\n   ' >in
	fbd <in
	expect_status 0
	expect_no_stdout
	expect_no_stderr
}

# big_line FILE: a 10 MB description with a demand at the end, then a good record.
big_line() {
	{
		printf '{"username":"before"}\n'
		printf '{"username":"big","description":"'
		yes 'lorem ipsum dolor sit amet' | head -c 10485760 | tr '\n' ' '
		printf ' please follow back"}\n'
		printf '{"username":"after"}\n'
	} >"$1"
}

@test "a 10 MB line is processed: the demand at its end is found, the records around it written" {
	big_line in
	# the rules alone: the model weighs n-grams against the text's length,
	# and 10 MB of lorem ipsum outweighs one plea (a bio is 160 characters)
	fbd --no-model in
	expect_status 0
	expect_no_stderr
	expect_lines 3
	sed -n 2p "$OUT" >big
	expect_jq '.username == "big" and .fb.demand.flagged == true' big
	expect_jq '.description as $d | any(.fb.demand.hits[]; .match == "please follow back" and .start == 10485761
		and $d[.start:.end] == .match)' big
	# the record itself is the input's bytes
	sed -n 2p in | head -c -2 >prefix
	sed -n 2p "$OUT" | cmp -s -n "$(wc -c <prefix)" prefix - || { echo "the big record changed"; return 1; }
	lines in 1 >first
	lines in 3 >last
	head -1 "$OUT" | cmp -s - first || { show; return 1; }
	tail -n 1 "$OUT" | cmp -s - last || { show; return 1; }
}

@test "--max-record 1M rejects the 10 MB line, naming it, and the next record still comes out" {
	big_line in
	fbd --max-record 1M --rejects rejects in
	expect_status 1
	lines in 1 3 >expected
	expect_out expected
	expect_err '^fb-detect: in:2: .*record'
	lines in 2 >expected.rej
	expect_file_is rejects expected.rej
}

@test "--max-record 1k rejects a 3 kB record" {
	{
		printf '{"username":"before"}\n'
		printf '{"username":"long","description":"%s"}\n' "$(printf 'tea and cake %.0s' $(seq 250))"
		printf '{"username":"after"}\n'
	} >in
	[ "$(sed -n 2p in | wc -c)" -gt 3000 ]
	fbd --max-record 1k in
	expect_status 1
	lines in 1 3 >expected
	expect_out expected
	expect_err '^fb-detect: in:2: '
}

@test "--max-record 1M: a 3 MB record on the last line is rejected, not a crash" {
	{
		printf '{"username":"before"}\n'
		printf '{"username":"long","description":"'
		yes 'lorem ipsum dolor sit amet' | head -c 3000000 | tr '\n' ' '
		printf '"}\n'
	} >in
	fbd --max-record 1M in
	expect_status 1
	expect_out_text '{"username":"before"}'
	expect_err '^fb-detect: in:2: .*record'
}

@test "--max-record 1k: a 3 kB record on the last line is rejected, not a crash" {
	printf '{"username":"before"}\n{"username":"long","description":"%s"}\n' "$(printf 'tea and cake %.0s' $(seq 250))" >in
	fbd --max-record 1k in
	expect_status 1
	expect_out_text '{"username":"before"}'
	expect_err '^fb-detect: in:2: '
}

@test "malformed JSON on a long (300 kB) last line: reported, not a crash, the records before written" {
	{
		printf '{"username":"before"}\n'
		printf '{"username":"long",,"description":"'
		yes 'lorem ipsum dolor sit amet' | head -c 300000 | tr '\n' ' '
		printf '"}\n'
	} >in
	fbd --rejects rejects in
	expect_status 1
	expect_out_text '{"username":"before"}'
	expect_err '^fb-detect: in:2: .*JSON'
	lines in 2 >expected.rej
	expect_file_is rejects expected.rej
}

@test "a file that does not exist: named, exit 1, the other files still processed" {
	cp "$DATA/good-a.ndjson" "$DATA/good-b.ndjson" .
	fbd good-a.ndjson no-such.ndjson good-b.ndjson
	expect_status 1
	expect_err '^fb-detect: no-such\.ndjson: '
	expect_lines 2
	head -1 "$OUT" | cmp -s - good-a.ndjson || { show; return 1; }
	sed -n 2p "$OUT" >b
	expect_jq '.username == "file_b" and .fb.demand.flagged == true' b
}

@test "several files and - (stdin), in order" {
	cp "$DATA/good-a.ndjson" "$DATA/good-b.ndjson" .
	printf '{"username":"from_stdin"}\n' >in
	fbd good-a.ndjson - good-b.ndjson <in
	expect_status 0
	expect_no_stderr
	expect_lines 3
	[ "$(jq -r .username "$OUT" | tr '\n' ' ')" = "file_a from_stdin file_b " ] || { show; return 1; }
}

@test "line numbers start again in each file; stdin is named stdin" {
	fbd "$DATA/bad-malformed.ndjson" - <"$DATA/bad-truncated.ndjson"
	expect_status 1
	expect_err '^fb-detect: [^ ]*bad-malformed\.ndjson:2: '
	expect_err '^fb-detect: stdin:3: '
	expect_lines 4
}

@test "a closed pipe (| head -1) ends fb-detect quickly and quietly" {
	SECONDS=0
	run bash -c 'yes "{\"username\":\"a\"}" | head -c 50000000 | timeout 20 fb-detect 2>err | head -1; echo "status ${PIPESTATUS[2]}"'
	[ "$SECONDS" -le 10 ] || { echo "took $SECONDS s"; return 1; }
	echo "$output"
	[ "${lines[0]}" = '{"username":"a"}' ]
	[ "${lines[1]}" = "status 0" ] || [ "${lines[1]}" = "status 141" ]
	[ ! -s err ] || { echo "stderr:"; cat err; return 1; }
}

@test "a closed pipe ends --format table quietly too" {
	run bash -c 'yes "{\"username\":\"a\",\"description\":\"please follow back\"}" | head -n 50000 | timeout 20 fb-detect --format table 2>err | head -1; echo "status ${PIPESTATUS[2]}"'
	echo "$output"
	[[ "${lines[0]}" == LINE* ]]
	[ ! -s err ] || { echo "stderr:"; cat err; return 1; }
	[ "${lines[1]}" = "status 0" ] || [ "${lines[1]}" = "status 141" ]
}

@test "nesting 300 levels deep is rejected with a message, not a crash" {
	{
		printf '{"username":"before"}\n'
		printf '{"username":"deep","x":'
		printf '[%.0s' $(seq 300)
		printf ']%.0s' $(seq 300)
		printf '}\n{"username":"after"}\n'
	} >in
	fbd --rejects rejects in
	expect_status 1
	printf '{"username":"before"}\n{"username":"after"}\n' >expected
	expect_out expected
	expect_err '^fb-detect: in:2: '
	lines in 2 >expected.rej
	expect_file_is rejects expected.rej
}

@test "nesting 100000 levels deep is rejected, not a crash" {
	{
		printf '[%.0s' $(seq 100000)
		printf '{%.0s' $(seq 10)
		printf '\n{"username":"after"}\n'
	} >in
	fbd in
	expect_status 1
	expect_out_text '{"username":"after"}'
	expect_err '^fb-detect: in:1: '
}

@test "an element of an API page's data that is not an object is reported, not dropped in silence" {
	printf '%s\n' '{"data":[{"id":"7001","username":"page_ok"},7,"x"],"meta":{"result_count":3}}' >in
	fbd in
	expect_status 1
	expect_out_text '{"id":"7001","username":"page_ok"}'
	expect_err '^fb-detect: in:1: '
}

@test "a record with a bad type inside an API page is rejected with the field path" {
	printf '%s\n' '{"data":[{"id":"7002","username":"bad","description":5},{"id":"7003","username":"ok"}]}' >in
	fbd in
	expect_status 1
	expect_out_text '{"id":"7003","username":"ok"}'
	expect_err '^fb-detect: in:1: \.description: '
}

@test "stdout on a full disk: exit 1 with a message" {
	status=0
	fb-detect "$DATA/sample.ndjson" >/dev/full 2>err || status=$?
	OUT=/dev/null ERR=err
	expect_status 1
	expect_err '^fb-detect: stdout: '
}

@test "--rejects into a directory that does not exist: exit 2, named, nothing read" {
	fbd --rejects no-such-dir/rejects "$DATA/bad-malformed.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-detect: .*no-such-dir/rejects'
}

@test "reads that end just after a backslash or inside a UTF-8 character lose nothing (three filters, through a pipe)" {
	local p
	for p in fb-detect "fb-score --now 2026-11-20" fb-suggest; do
		$p "$DATA/escapes.ndjson" >whole 2>/dev/null || true
		captured sh -c "python3 '$BATS_TEST_DIRNAME/trickle.py' '$DATA/escapes.ndjson' | $p"
		expect_status 0 || { echo "$p"; return 1; }
		expect_no_stderr || { echo "$p"; return 1; }
		expect_out whole || { echo "$p"; return 1; }
	done
	[ "$(wc -l <whole)" -eq 40 ]
}

@test "escape sequences and controls from the data never reach a terminal through tables and --explain" {
	printf '%s\n' '{"id":"1","username":"esc\u001b[2Jer","description":"I FOLLOW BACK \u001b[2J \u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u0085 \u202e everyone"}' >esc.ndjson
	fb-detect --format table esc.ndjson >t1
	fb-detect -x esc.ndjson 2>t2 >/dev/null
	fb-detect esc.ndjson | fb-score --format table >t3
	fb-detect esc.ndjson | fb-score -x 2>t4 >/dev/null
	for f in t1 t2 t3 t4; do
		[ -s "$f" ] || { echo "$f is empty"; return 1; }
		if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]\|\xe2\x80\xae' "$f"; then
			echo "a control character reached $f:"; cat -v "$f"; return 1
		fi
	done
	grep -Fq '@esc\x1B[2Jer' t1 || { cat t1; return 1; }
}

@test "stdout closed: refused (exit 2) before --rejects or a checkpoint can take its place" {
	captured sh -c 'fb-detect --rejects rej "$1" >&-' sh "$DATA/bad-malformed.ndjson"
	expect_status 2
	expect_err 'fb-detect: stdout is closed'
	[ ! -s rej ] || { echo "--rejects took the records:"; head -3 rej; return 1; }
	# stdin closed reads as empty
	captured sh -c 'fb-detect <&-'
	expect_status 0
	expect_no_stdout
}

# Flat memory is what the input adds: the sanitizer build's own footprint
# (its quarantine keeps what compiling the rules freed) is not the input's.
@test "150 MB without a newline (NUL bytes): rejected as it comes, in flat memory, and the record after it survives" {
	captured python3 -c '
import os, subprocess, sys, threading
def peak_mb(chunks):
    p = subprocess.Popen(["fb-detect", "--max-record", "1K"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = {}
    t = threading.Thread(target=lambda: out.update(o=p.stdout.read(), e=p.stderr.read()))
    t.start()
    for c in chunks:
        p.stdin.write(c)
    p.stdin.close()
    t.join()
    _, status, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), out["o"], out["e"]
base = peak_mb([])[0]
zeros = bytes(1000000)
rss, code, o, e = peak_mb([zeros] * 150 + [b"\n{\"id\":\"1\"}\n"])
sys.stdout.write(o.decode())
sys.stderr.write(e.decode())
print("added_mb %d (peak %d, empty input %d)" % (rss - base, rss, base), file=sys.stderr)
sys.exit(code)'
	expect_status 1
	expect_out_text '{"id":"1"}'
	expect_err '^fb-detect: stdin:1: invalid JSON: NUL byte'
	added=$(sed -n 's/^added_mb \([0-9-]*\) .*/\1/p' "$ERR")
	[ -n "$added" ] && [ "$added" -lt 40 ] || { echo "150 MB of input added ${added:-?} MB"; show; return 1; }
}

@test "a CSV file: said to look like CSV, and every line counted, none skipped in silence" {
	{ echo 'username,description'; for i in $(seq 59); do echo "user$i,bio number $i"; done; } >list.csv
	fbd --rejects rej list.csv
	expect_status 1
	expect_no_stdout
	expect_err 'list\.csv:1: invalid JSON: .*this looks like CSV or TSV'
	expect_err '^fb-detect: 60 bad records \(kept in rej\)$'
	cmp list.csv rej
	# the inside of a broken pretty-printed value is one bad record, not one a line
	printf '{"a":1}\n{"b":\n  "x",\n  "y"\n}\n{"c":2}\n' >pretty.json
	fbd pretty.json
	expect_err '^fb-detect: 1 bad record$'
	expect_lines 2
}
