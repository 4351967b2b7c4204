#!/usr/bin/env bats
# Bad input to the X API fetchers (tw-user, tw-timeline, tw-followers,
# tw-mentions), against the fake X API (fake-xapi.py --data
# data/xapi-account.json --generate N): broken records on stdin, a broken
# --replay recording, a broken --resume STATE, and answers of 200 that are
# wrong in shape. The rule is the filters' one (bad-input.bats): a clear
# message naming what is wrong (FILE:LINE for input), a defined exit status,
# nothing lost in silence, and never a crash or a hang.

load helpers
load xapi

ACCOUNT=$BATS_TEST_DIRNAME/data/xapi-account.json

# Made once: a recording of "tw-followers @bench" over 2500 followers (the
# lookup, then pages of 1000, 1000, 500), its output, and the checkpoints
# of completed runs of tw-followers and of tw-timeline.
setup_file() {
	local dir=$BATS_FILE_TMPDIR
	export REC=$dir/rec FREF=$dir/followers.ref FSTATE=$dir/followers.state
	export TIN=$dir/timeline.in TREF=$dir/timeline.ref TSTATE=$dir/timeline.state
	jq -nc 'range(3) | {id: (2000000 + . | tostring), username: "bench_f\(.)"}' >"$TIN"
	BATS_TEST_TMPDIR=$dir start_xapi --data "$ACCOUNT" --generate 2500
	tw-followers --record "$REC" --resume "$FSTATE" -o "$FREF" @bench 2>"$dir/ref.err"
	tw-timeline --resume "$TSTATE" -o "$TREF" "$TIN" 2>>"$dir/ref.err"
	stop_xapi
}

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# fetch CMD ARG...: captured, killed after 20 s; a hang, a crash (a status
# above 2: a signal, or ASAN_OPTIONS=exitcode=86), a failed assertion or a
# sanitizer report fails the test at once.
fetch() {
	captured timeout 20 "$@"
	if [ "$status" -eq 124 ]; then
		echo "$1 hung: killed after 20 s"
		show
		return 1
	fi
	if grep -Eq 'AddressSanitizer|LeakSanitizer|runtime error:|Assertion .* failed' "$ERR" || [ "$status" -gt 2 ]; then
		echo "$1 crashed or the sanitizer reported (exit status $status)"
		show
		return 1
	fi
}

# lines FILE N...: those lines of FILE, in that order.
lines() {
	local f=$1 n
	shift
	for n; do sed -n "${n}p" "$f"; done
}

# ids [FILE]: the ids of FILE's records (stdout by default), on one line.
ids() {
	jq -r .id "${1:-$OUT}" | tr '\n' ' ' | sed 's/ $//'
}

expect_eq() { # WHAT EXPECTED GOT
	if [ "$2" != "$3" ]; then
		printf '%s: expected\n%s\ngot\n%s\n' "$1" "$2" "$3"
		show
		return 1
	fi
}

expect_no_request() {
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
}

# never_asked TEXT...: no request's path or query holds TEXT.
never_asked() {
	local t
	for t; do
		if jq -r '.path + "?" + .query' "$XAPI_LOG" | grep -Fq -- "$t"; then
			echo "a request holds $t:"
			jq -r '.path + "?" + .query' "$XAPI_LOG" | cut -c 1-200
			return 1
		fi
	done
}

# no_empty_posts ID: the output has no record of ID with an empty posts
# (posts made up from an answer that could not be read).
no_empty_posts() {
	if jq -e --arg id "$1" 'select(.id == $id and .posts == [])' "$OUT" >/dev/null; then
		echo "record $1 was written with posts [] made up from a bad answer"
		show
		return 1
	fi
}

# A user and a post, as the fake server would send them.
U0='{"id":"2000000","username":"bench_f0","name":"Bench Follower 0","description":"bio","created_at":"2022-06-17T00:00:00.000Z","protected":false,"most_recent_post_id":"1800000000000000000"}'
P0='{"id":"1800000000000000000","text":"Post 0","author_id":"2000000","created_at":"2026-01-01T00:00:00.000Z"}'

# serve MATCH BODY [NTH]: start_xapi whose answer to requests matching MATCH
# (the NTH of them; all by default) is 200 with BODY (JSON).
serve() {
	local nth=${3:+, \"nth\": [$3]}
	start_xapi --data "$ACCOUNT" --generate 2500 --faults "$(faults "[{\"match\": \"$1\"$nth,
		\"action\": \"status\", \"code\": 200, \"body\": $2}]")"
}

# serve_padded MATCH NTH KB: the NTH answer to MATCH is 200 with a page of
# KB kilobytes (no data, a long "pad" string).
serve_padded() {
	local f=$BATS_TEST_TMPDIR/faults.padded.json
	python3 -c 'import json, sys
print(json.dumps([{"match": sys.argv[1], "nth": [int(sys.argv[2])], "action": "status", "code": 200,
    "body": {"data": [], "pad": "x" * (int(sys.argv[3]) * 1024), "meta": {"result_count": 0}}}]))' \
		"$1" "$2" "$3" >"$f"
	start_xapi --data "$ACCOUNT" --generate 2500 --faults "$f"
}

# === tw-timeline: records on stdin ================================================

@test "tw-timeline: malformed JSON on lines 2 and 4 of 5: stdin:LINE named, kept verbatim, the 3 good records in order, exit 1" {
	start_xapi --data "$ACCOUNT" --generate 50
	printf '%s\n' '{"id":"2000000","username":"bench_f0"}' '{"id":"2000001",,"username":"bench_f1"}' \
		'{"id":"2000002","username":"bench_f2"}' 'not json at all' '{"id":"2000003","username":"bench_f3"}' >in
	fetch tw-timeline --rejects rej <in
	expect_status 1
	expect_lines 3
	expect_eq "ids in order" "2000000 2000002 2000003" "$(ids)"
	expect_jq '(.posts | length) == 1'
	expect_err '^tw-timeline: stdin:2: .*JSON'
	expect_err '^tw-timeline: stdin:4: .*JSON'
	lines in 2 4 >want.rej
	expect_file_is rej want.rej
	expect_eq "timeline requests" 3 "$(requests /tweets)"
	never_asked 2000001
}

@test "tw-timeline: a record whose id is a number is rejected, named stdin:2, kept verbatim; never asked for" {
	start_xapi --data "$ACCOUNT" --generate 50
	printf '%s\n' '{"id":"2000000"}' '{"id":2000001,"username":"bench_f1"}' '{"id":"2000002"}' >in
	fetch tw-timeline --rejects rej <in
	expect_status 1
	expect_eq "ids in order" "2000000 2000002" "$(ids)"
	expect_err '^tw-timeline: stdin:2: .*id'
	lines in 2 >want.rej
	expect_file_is rej want.rej
	never_asked 2000001
}

@test "tw-timeline: the message for a numeric id says that the id is a number, not a string" {
	start_xapi --data "$ACCOUNT" --generate 50
	printf '%s\n' '{"id":"2000000"}' '{"id":2000001,"username":"bench_f1"}' >in
	fetch tw-timeline <in
	expect_status 1
	# "no user id" is what a record without an id gets; this one has an id, of the wrong type
	expect_err '^tw-timeline: stdin:2: .*(string|number)'
}

@test "tw-timeline: a string, a number, null, and an array holding a number instead of a record: each named, kept, exit 1" {
	start_xapi --data "$ACCOUNT" --generate 50
	printf '%s\n' '{"id":"2000000"}' '"just a string"' '42' 'null' '[7,{"id":"2000001"}]' '{"id":"2000002"}' >in
	fetch tw-timeline --rejects rej <in
	expect_status 1
	expect_eq "ids in order" "2000000 2000001 2000002" "$(ids)"
	expect_err '^tw-timeline: stdin:2: .*string'
	expect_err '^tw-timeline: stdin:3: .*number'
	expect_err '^tw-timeline: stdin:4: .*null'
	expect_err '^tw-timeline: stdin:5: .*number'
	printf '%s\n' '"just a string"' 42 null 7 >want.rej
	expect_file_is rej want.rej
	expect_eq "timeline requests" 3 "$(requests /tweets)"
}

@test "tw-timeline: invalid UTF-8 in a record: written with U+FFFD and its posts, a warning names the line, exit 0 (as fb-detect)" {
	start_xapi --data "$ACCOUNT" --generate 50
	printf '{"id":"2000000"}\n{"id":"2000001","description":"caf\351 au lait \377!"}\n{"id":"2000002"}\n' >in
	fetch tw-timeline --rejects rej <in
	expect_status 0
	expect_eq "ids in order" "2000000 2000001 2000002" "$(ids)"
	sed -n 2p "$OUT" >u8
	expect_jq '.description == "caf\ufffd au lait \ufffd!" and (.posts | length) == 1' u8
	expect_err '^tw-timeline: stdin:2: .*UTF-8'
	[ ! -s rej ] || { echo "rejects not empty"; od -c rej | head; return 1; }
}

@test "tw-timeline: a NUL byte inside a record is rejected and kept verbatim, the others written" {
	start_xapi --data "$ACCOUNT" --generate 50
	printf '{"id":"2000000"}\n{"id":"2000001","name":"n\000ul"}\n{"id":"2000002"}\n' >in
	fetch tw-timeline --rejects rej <in
	expect_status 1
	expect_eq "ids in order" "2000000 2000002" "$(ids)"
	expect_err '^tw-timeline: stdin:2: '
	lines in 2 >want.rej
	expect_file_is rej want.rej
	never_asked 2000001
}

@test "tw-timeline: a truncated last record (cut mid-string, no newline): named stdin:3, kept, the two before written" {
	start_xapi --data "$ACCOUNT" --generate 50
	printf '{"id":"2000000"}\n{"id":"2000001"}\n{"id":"2000002","name":"cut mid' >in
	fetch tw-timeline --rejects rej <in
	expect_status 1
	expect_lines 2
	expect_eq "ids in order" "2000000 2000001" "$(ids)"
	expect_err '^tw-timeline: stdin:3: '
	lines in 3 >want.rej
	expect_file_is rej want.rej
	never_asked 2000002
}

@test "tw-timeline: empty and whitespace-only input: no output, no message, exit 0, no request" {
	start_xapi --data "$ACCOUNT" --generate 50
	fetch tw-timeline --rejects rej </dev/null
	expect_status 0
	expect_no_stdout
	expect_no_stderr
	[ ! -s rej ] || { echo "rejects not empty"; return 1; }
	printf ' \n\t\r\n\n   ' >in
	fetch tw-timeline <in
	expect_status 0
	expect_no_stdout
	expect_no_stderr
	expect_no_request
}

# huge_line FILE: a good record, a 70 MB record (more than the 64 MiB a
# record may hold), a good record.
huge_line() {
	{
		printf '{"id":"2000000"}\n{"id":"2000001","description":"'
		head -c 73400320 /dev/zero | tr '\0' a
		printf '"}\n{"id":"2000002"}\n'
	} >"$1"
}

@test "tw-timeline: a 70 MB record is rejected (named stdin:2, kept verbatim), the next record still written, exit 1" {
	start_xapi --data "$ACCOUNT" --generate 50
	huge_line in
	fetch tw-timeline --rejects rej <in
	expect_status 1
	expect_eq "ids in order" "2000000 2000002" "$(ids)"
	expect_err '^tw-timeline: stdin:2: .*(record|long|large)'
	lines in 2 >want.rej
	cmp -s rej want.rej || { echo "the 70 MB line is not kept verbatim ($(wc -c <rej) bytes kept)"; return 1; }
	never_asked 2000001
}

@test "tw-timeline --max-record 1M: a longer record is rejected, named by its line, the next one written" {
	start_xapi --data "$ACCOUNT" --generate 50
	{ printf '{"id":"2000001","pad":"%s"}\n' "$(head -c 2000000 /dev/zero | tr '\0' x)"
	  printf '{"id":"2000002"}\n'; } >in
	fetch tw-timeline --max-record 1M --rejects rej <in
	expect_status 1
	expect_err '^tw-timeline: stdin:1: .*--max-record'
	[ "$(jq -r .id "$OUT")" = 2000002 ] || { show; return 1; }
	cmp -s <(head -n 1 in) rej || { echo "the long record is not kept verbatim"; return 1; }
}

# === tw-user: lines on stdin ==============================================================

@test "tw-user: empty input: no output, no message, exit 0, no request" {
	start_xapi --data "$ACCOUNT"
	fetch tw-user --rejects rej </dev/null
	expect_status 0
	expect_no_stdout
	expect_no_stderr
	expect_no_request
	[ ! -s rej ] || { echo "rejects not empty"; return 1; }
}

@test "tw-user: blank lines, whitespace-only lines and CRLF ends are not accounts; the two accounts fetched, exit 0" {
	start_xapi --data "$ACCOUNT"
	printf '\n@acme_consult\r\n\r\n   \n\t\n201\r\n\n' >in
	fetch tw-user --rejects rej <in
	expect_status 0
	expect_no_stderr
	expect_eq "ids in order" "100 201" "$(ids)"
	[ ! -s rej ] || { echo "rejects not empty"; od -c rej | head; return 1; }
	expect_eq requests 2 "$(requests)"
}

@test "tw-user: a 10,000-character line: rejected with a short message, kept verbatim, never sent; the others fetched" {
	start_xapi --data "$ACCOUNT"
	{
		echo acme_consult
		head -c 10000 /dev/zero | tr '\0' x
		echo
		echo 201
	} >in
	fetch tw-user --rejects rej <in
	expect_status 1
	expect_eq "ids in order" "100 201" "$(ids)"
	expect_err '^tw-user: stdin:2: xxx.*: neither a @name nor a user id'
	[ "$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$ERR")" -le 300 ] ||
		{ echo "a message of more than 300 characters"; return 1; }
	lines in 2 >want.rej
	expect_file_is rej want.rej
	never_asked xxxxxxxx
}

@test "tw-user: invalid UTF-8 in a name, in a @name and in a record's username: rejected, kept verbatim, never sent" {
	start_xapi --data "$ACCOUNT"
	printf 'acme_consult\npriya\351ux\n@caf\303\251\n{"username":"gw\377en"}\n201\n' >in
	fetch tw-user --rejects rej <in
	expect_status 1
	expect_eq "ids in order" "100 201" "$(ids)"
	[ "$(grep -ac '^tw-user: stdin:' "$ERR")" -eq 3 ] || { echo "expected 3 messages"; show; return 1; }
	[ "$(wc -l <"$ERR")" -eq 4 ] || { echo "expected 3 messages and the summary"; show; return 1; }
	lines in 2 3 4 >want.rej
	expect_file_is rej want.rej
	never_asked priya caf gw %E9 %FF
	expect_eq requests 2 "$(requests)"
}

@test "tw-user: malformed JSON record lines: rejected, kept verbatim, never sent; the others fetched, exit 1" {
	start_xapi --data "$ACCOUNT"
	printf '%s\n' acme_consult '{"id":"201",}' '{"id":"202"' '{"username":"lou_runs"}' >in
	fetch tw-user --rejects rej <in
	expect_status 1
	expect_eq "ids in order" "100 206" "$(ids)"
	lines in 2 3 >want.rej
	expect_file_is rej want.rej
	never_asked 201 202
}

@test "tw-user: the message for a malformed JSON record says that it is not valid JSON" {
	start_xapi --data "$ACCOUNT"
	printf '%s\n' '{"id":"201",}' '{"id":"202"' >in
	fetch tw-user <in
	expect_status 1
	# both records have an id: "a record without an id or username" misleads
	[ "$(grep -c 'JSON' "$ERR")" -eq 2 ] || { echo "expected two messages saying JSON"; show; return 1; }
}

@test "tw-user: a line with a NUL byte is rejected and kept verbatim, never looked up cut at the NUL" {
	start_xapi --data "$ACCOUNT"
	printf 'acme_consult\npriya_ux\000evil\n201\000999\n\000\n{"id":"20\0002"}\n' >in
	fetch tw-user --rejects rej <in
	expect_status 1
	expect_eq "ids" "100" "$(ids)"
	[ "$(wc -l <"$ERR")" -ge 4 ] || { echo "expected a message for each of the 4 lines with a NUL"; show; return 1; }
	lines in 2 3 4 5 >want.rej
	expect_file_is rej want.rej
	never_asked priya 201 202
}

# === --replay with a broken recording ====================================================

# broken_rec: a copy of the recording in ./rec, to break; no token, no server.
broken_rec() {
	cp -r "$REC" rec
	unset TW_BEARER_TOKEN TW_API_BASE
}

# replay_refused LINE: the replay of ./rec stops with status 2 before writing
# anything, naming index.ndjson:LINE.
replay_refused() {
	fetch tw-followers --replay rec @bench
	expect_status 2
	expect_no_stdout
	expect_err "^tw-followers: rec/index\\.ndjson:$1: "
}

@test "--replay: the intact copy gives the recorded bytes (the baseline of the tests below)" {
	broken_rec
	fetch tw-followers --replay rec @bench
	expect_status 0
	expect_out "$FREF"
}

@test "--replay: a malformed line in index.ndjson: exit 2 naming index.ndjson:LINE, nothing written" {
	broken_rec
	cp rec/index.ndjson index.good
	sed -i '2s/"status":200,/"status":200,,/' rec/index.ndjson
	replay_refused 2
	# the last line cut short, and a line of garbage after the good ones
	head -c -40 index.good >rec/index.ndjson
	replay_refused 4
	{ cat index.good; echo 'garbage'; } >rec/index.ndjson
	replay_refused 5
}

@test "--replay: index.ndjson lines that are JSON but not entries (an array, a number, a string, {}, null): exit 2 naming the line" {
	broken_rec
	cp rec/index.ndjson index.good
	for bad in '[1,2]' '42' '"entry"' '{}' 'null'; do
		sed "3s/^.*\$/$bad/" index.good >rec/index.ndjson
		replay_refused 3
	done
}

@test "--replay: a \"file\" with a slash, ../ or an absolute path: exit 2 naming index.ndjson:LINE, nothing read" {
	broken_rec
	cp rec/index.ndjson index.good
	mkdir rec/sub
	cp rec/000003.json rec/sub/000003.json
	cp rec/000003.json outside.json
	for f in sub/000003.json ../outside.json "$PWD/outside.json"; do
		jq -c --arg f "$f" 'if .n == 3 then .file = $f else . end' index.good >rec/index.ndjson
		replay_refused 3
	done
}

@test "--replay: a \"file\" that is . or .. : exit 2 naming index.ndjson:LINE (not read as a page)" {
	broken_rec
	cp rec/index.ndjson index.good
	for f in .. .; do
		jq -c --arg f "$f" 'if .n == 3 then .file = $f else . end' index.good >rec/index.ndjson
		replay_refused 3
	done
}

@test "--replay: a missing page file: exit 1 naming it; the records of the pages before written whole" {
	broken_rec
	rm rec/000003.json
	fetch tw-followers --replay rec @bench
	expect_status 1
	expect_err '^tw-followers: .*000003\.json'
	head -n 1000 "$FREF" >want
	expect_out want
}

@test "--replay: a page file that is not JSON, empty, or cut short: exit 1 with a message; no garbage, the pages before written" {
	broken_rec
	head -n 1000 "$FREF" >want
	cp rec/000003.json page.good
	for body in 'this is not JSON {' '' "$(head -c 5000 page.good)"; do
		printf '%s' "$body" >rec/000003.json
		fetch tw-followers --replay rec @bench
		expect_status 1
		expect_err '^tw-followers: .*(000003\.json|GET /2/users/1000/followers)'
		expect_out want
	done
}

# === --resume with a broken STATE =========================================================

# fout: the output of an earlier run (to stay untouched), in ./fout and ./fout.before.
fout() {
	head -c 100000 "$FREF" >fout
	cp fout fout.before
}

expect_fout_untouched() {
	cmp -s fout fout.before || { echo "fout changed: $(wc -c <fout) bytes, were $(wc -c <fout.before)"; return 1; }
}

@test "--resume: a STATE that is not JSON, empty, an array, a number, or an object of another shape: exit 2 naming it, output untouched" {
	start_xapi --data "$ACCOUNT" --generate 2500
	fout
	for s in 'not json at all' '' '[1,2,3]' '42' '{"foo":"bar"}' '{"job":"tw-followers followers @bench","offset":'; do
		printf '%s' "$s" >state
		fetch tw-followers @bench --resume state -o fout
		expect_status 2
		expect_no_stdout
		expect_err '^tw-followers: state: '
		expect_fout_untouched
	done
	expect_no_request
}

@test "--resume: a negative, a string or a missing offset: exit 2 naming STATE, output untouched" {
	start_xapi --data "$ACCOUNT" --generate 2500
	fout
	for f in '.offset = -5' '.offset = "100000"' 'del(.offset)' '.offset = 1e300'; do
		jq -c ".done = false | $f" "$FSTATE" >state
		fetch tw-followers @bench --resume state -o fout
		expect_status 2
		expect_err '^tw-followers: state: '
		expect_fout_untouched
	done
	expect_no_request
}

@test "--resume: tw-timeline with a negative, a string or a missing pos: exit 2 naming STATE, output untouched, nothing skipped" {
	start_xapi --data "$ACCOUNT" --generate 2500
	head -n 1 "$TREF" >fout
	cp fout fout.before
	for f in '.pos = -1' '.pos = "1"' 'del(.pos)'; do
		jq -c ".done = false | .pos = 1 | .records = 1 | .offset = $(wc -c <fout) | $f" "$TSTATE" >state
		fetch tw-timeline --resume state -o fout "$TIN"
		expect_status 2
		expect_err '^tw-timeline: state: '
		expect_fout_untouched
	done
	expect_no_request
}

@test "--resume: tw-followers with a next token that is a number: exit 2 naming STATE, not a run that ends at once with 0" {
	start_xapi --data "$ACCOUNT" --generate 2500
	fout
	jq -c '.done = false | .next = 5 | .offset = 100000 | .pos = 0' "$FSTATE" >state
	fetch tw-followers @bench --resume state -o fout
	expect_status 2
	expect_err '^tw-followers: state: '
	expect_fout_untouched
}

# === answers of 200 that are wrong in shape ==============================================

@test "tw-followers: a page whose data is a string: a message, exit 1; the page before written whole" {
	serve /followers '{"data": "oops", "meta": {"result_count": 1}}' 2
	fetch tw-followers @bench
	expect_status 1
	expect_err '^tw-followers: .*data'
	head -n 1000 "$FREF" >want
	expect_out want
}

@test "tw-timeline: a page whose data is a string: a message, exit 1; the record before written with its posts, none made up" {
	serve /2/users/2000001/tweets '{"data": "oops", "meta": {"result_count": 1}}'
	fetch tw-timeline --jobs 1 "$TIN"
	expect_status 1
	expect_err '^tw-timeline: .*data'
	head -n 1 "$OUT" >first
	head -n 1 "$TREF" >want
	cmp -s first want || { echo "the first record is not the reference's"; show; return 1; }
	no_empty_posts 2000001
}

@test "tw-mentions: a page whose data is a string: a message, exit 1" {
	serve /mentions '{"data": "oops", "meta": {"result_count": 1}}'
	fetch tw-mentions @acme_consult
	expect_status 1
	expect_no_stdout
	expect_err '^tw-mentions: .*data'
}

@test "tw-user: a page whose data is a string: a message, exit 1" {
	serve /2/users/by '{"data": "oops"}'
	fetch tw-user @acme_consult @priya_ux
	expect_status 1
	expect_no_stdout
	expect_err '^tw-user: .*data'
}

@test "tw-followers: data elements that are not objects: each reported, the good record written, exit 1" {
	serve /followers "{\"data\": [$U0, 7, \"x\", [1], null], \"meta\": {\"result_count\": 5}}"
	fetch tw-followers @bench
	[ "$(grep -c 'not an object' "$ERR")" -eq 4 ] || { echo "expected 4 messages"; show; return 1; }
	expect_eq ids 2000000 "$(ids)"
	expect_status 1
}

@test "tw-user: data elements that are not objects: each reported, the good record written, exit 1" {
	serve /2/users/by "{\"data\": [$U0, 7, \"x\"]}"
	fetch tw-user @bench_f0
	[ "$(grep -c 'not an object' "$ERR")" -eq 2 ] || { echo "expected 2 messages"; show; return 1; }
	expect_eq ids 2000000 "$(ids)"
	expect_status 1
}

@test "tw-timeline @name: data elements that are not objects: each reported, the good post written, exit 1" {
	serve /tweets "{\"data\": [$P0, 7, \"x\"], \"meta\": {\"result_count\": 3}}"
	fetch tw-timeline 2000000
	[ "$(grep -c 'not an object' "$ERR")" -eq 2 ] || { echo "expected 2 messages"; show; return 1; }
	expect_eq ids 1800000000000000000 "$(ids)"
	expect_status 1
}

@test "tw-mentions: data elements that are not objects: each reported, the good post written, exit 1" {
	serve /mentions "{\"data\": [$P0, 7, \"x\"], \"meta\": {\"result_count\": 3}}"
	fetch tw-mentions 100
	[ "$(grep -c 'not an object' "$ERR")" -eq 2 ] || { echo "expected 2 messages"; show; return 1; }
	expect_eq ids 1800000000000000000 "$(ids)"
	expect_status 1
}

@test "tw-followers: includes that is an array: a message naming includes; the record written" {
	serve /followers "{\"data\": [$U0], \"includes\": [1, 2], \"meta\": {\"result_count\": 1}}"
	fetch tw-followers @bench
	[ "$status" -le 1 ] || { expect_status 1; }
	expect_eq ids 2000000 "$(ids)"
	expect_err '^tw-followers: .*includes'
}

@test "tw-user: includes that is an array: a message naming includes; the record written" {
	serve /2/users/by "{\"data\": [$U0], \"includes\": [1, 2]}"
	fetch tw-user @bench_f0
	[ "$status" -le 1 ] || { expect_status 1; }
	expect_eq ids 2000000 "$(ids)"
	expect_err '^tw-user: .*includes'
}

@test "tw-followers: meta.next_token that is a number: a message, exit 1 (not the end of the list in silence); the page written" {
	serve /followers "{\"data\": [$U0], \"meta\": {\"result_count\": 1, \"next_token\": 12345}}"
	fetch tw-followers @bench
	expect_eq ids 2000000 "$(ids)"
	expect_err '^tw-followers: .*next_token'
	expect_status 1
}

@test "tw-timeline --count 150: meta.next_token that is a number: a message, exit 1" {
	serve /tweets "{\"data\": [$P0], \"meta\": {\"result_count\": 1, \"next_token\": 12345}}"
	fetch tw-timeline --count 150 2000000
	expect_eq ids 1800000000000000000 "$(ids)"
	expect_err '^tw-timeline: .*next_token'
	expect_status 1
}

@test "tw-mentions: meta.next_token that is a number: a message, exit 1" {
	serve /mentions "{\"data\": [$P0], \"meta\": {\"result_count\": 1, \"next_token\": 12345}}"
	fetch tw-mentions 100
	expect_eq ids 1800000000000000000 "$(ids)"
	expect_err '^tw-mentions: .*next_token'
	expect_status 1
}

@test "tw-user: a page that leaves out an account asked for, without an error for it: reported, kept in --rejects, exit 1" {
	serve /2/users/by "{\"data\": [$U0]}"
	fetch tw-user --rejects rej @bench_f0 @acme_consult
	expect_eq ids 2000000 "$(ids)"
	expect_err '^tw-user: @?acme_consult: '
	expect_status 1
	printf '@acme_consult\n' >want.rej
	expect_file_is rej want.rej
}

@test "tw-user: a page of {} (no data, no errors) for two ids: both reported, exit 1" {
	serve /2/users '{}'
	fetch tw-user 2000000 2000001
	expect_no_stdout
	expect_err '^tw-user: (id )?2000000: '
	expect_err '^tw-user: (id )?2000001: '
	expect_status 1
}

@test "tw-followers: the second page larger than --max-body: a message, exit 1, the first page written whole, not retried" {
	serve_padded /followers 2 1200
	fetch tw-followers --max-body 1M @bench
	expect_status 1
	expect_err '^tw-followers: .*--max-body'
	head -n 1000 "$FREF" >want
	expect_out want
	expect_eq "followers requests" 2 "$(requests /followers)"
}

@test "tw-timeline: one user's page larger than --max-body: a message, exit 1, the record before written" {
	serve_padded /2/users/2000001/tweets 1 8
	fetch tw-timeline --jobs 1 --max-body 4K "$TIN"
	expect_status 1
	expect_err '^tw-timeline: .*--max-body'
	head -n 1 "$OUT" >first
	head -n 1 "$TREF" >want
	cmp -s first want || { echo "the first record is not the reference's"; show; return 1; }
	no_empty_posts 2000001
}

@test "tw-user and tw-mentions: a page larger than --max-body: a message, exit 1" {
	start_xapi --data "$ACCOUNT" --generate 50
	fetch tw-user --max-body 1K @acme_consult @priya_ux
	expect_status 1
	expect_err '^tw-user: .*--max-body'
	fetch tw-mentions --max-body 1K @acme_consult
	expect_status 1
	expect_err '^tw-mentions: .*--max-body'
}

@test "a server that drips its answer a byte at a time never stalls, but the whole answer has a deadline: ten times --timeout" {
	start_xapi --data "$ACCOUNT" --faults "$(faults '[{"match": "/users/by", "action": "drip", "seconds": 0.2}]')"
	timed tw-user --timeout 0.3 --retries 1 @acme_consult
	expect_status 1
	expect_err 'tw-user: GET /2/users/by\?usernames=acme_consult.*: no whole answer in 3 s \(10 times --timeout\); gave up after 2 attempts'
	at_most 60
}
