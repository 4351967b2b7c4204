#!/usr/bin/env bats
# --resume under kill -9: tw-followers and tw-timeline killed at any moment
# and run again with the same STATE and output end with the same bytes as a
# run that was never interrupted, every record exactly once (with -o FILE or
# >> FILE); into a pipe, at least once, with a warning. The fake X API
# (fake-xapi.py --generate 6000) answers each followers page after 0.3 s, so
# an uninterrupted run of tw-followers @bench takes about 2 s over 6 pages.

load helpers
load xapi

# The uninterrupted runs, made once against a server without faults: the
# 6000 followers of @bench, and 40 of them with their posts.
setup_file() {
	local dir=$BATS_FILE_TMPDIR
	export REF=$dir/followers.ref TREF=$dir/timelines.ref TIN=$dir/timelines.in
	jq -nc 'range(40) | {id: (2000000 + . | tostring), username: "bench_f\(.)", name: "Bench Follower \(.)", n: 1.50}' >"$TIN"
	BATS_TEST_TMPDIR=$dir start_xapi --generate 6000
	tw-followers @bench >"$REF" 2>"$dir/ref.err"
	tw-timeline "$TIN" >"$TREF" 2>>"$dir/ref.err"
	stop_xapi
}

setup() {
	cd "$BATS_TEST_TMPDIR"
	: >err
}

slow_server() { # start_xapi with every followers page 0.3 s late, tweets 0.1 s
	start_xapi --generate 6000 --faults "$(faults '[
		{"match": "/followers", "action": "slow", "seconds": 0.3},
		{"match": "/tweets", "action": "slow", "seconds": 0.1}]')"
}

# launch MODE: starts a run in the background, PID its process id (not a
# subshell's: kill -9 must hit the program). MODE: o (-o fout), append
# (>> fout), timeline (tw-timeline -o tout).
launch() {
	case $1 in
	o) tw-followers @bench --resume state -o fout 2>>err & ;;
	append) tw-followers @bench --resume state >>fout 2>>err & ;;
	timeline) tw-timeline --jobs 4 --resume tstate -o tout "$TIN" 2>>err & ;;
	esac
	PID=$!
}

# quiet_log: empties the server's log once the request of a killed run that
# was in flight (0.3 s late) has been answered and logged.
quiet_log() {
	sleep 0.4
	: >"$XAPI_LOG"
}

size() { stat -c %s "$1" 2>/dev/null || echo 0; }

# killed_run MODE FILE WHEN: a run killed with SIGKILL after WHEN seconds, or,
# with WHEN "page", as soon as FILE grows (a page has just been written, its
# checkpoint maybe not yet; on a loaded machine that may take many seconds).
# KILLS counts the runs that were killed.
killed_run() {
	local s0 i rc=0
	s0=$(size "$2")
	launch "$1"
	if [ "$3" = page ]; then
		for i in $(seq 12000); do
			[ "$(size "$2")" -gt "$s0" ] && break
			kill -0 "$PID" 2>/dev/null || break
			sleep 0.005
		done
	else
		sleep "$3"
	fi
	kill -9 "$PID" 2>/dev/null && KILLS=$((KILLS + 1))
	wait "$PID" || rc=$?
	echo "# killed at $3: exit $rc, $2 $(size "$2") bytes" >&3
}

# finish MODE: runs to the end (no kill), at most 10 times; its last exit status in status.
finish() {
	local i
	for i in $(seq 10); do
		launch "$1"
		status=0
		wait "$PID" || status=$?
		[ "$status" -ne 137 ] && return 0
	done
}

# expect_followers FILE: FILE is the uninterrupted run's bytes: 6000 lines, no id twice.
expect_followers() {
	expect_lines 6000 "$1"
	local d
	d=$(jq -r .id "$1" | sort | uniq -d | head -n 3)
	[ -z "$d" ] || { echo "ids more than once in $1: $d"; return 1; }
	cmp "$REF" "$1" || { echo "$1 differs from the uninterrupted run"; cat err; return 1; }
}

# wait_for_requests PATH N: until the server has been asked N requests for
# PATH (generous: a loaded machine is slow), while the run PID lives.
wait_for_requests() {
	local i
	for i in $(seq 1200); do
		[ "$(requests "$1")" -ge "$2" ] && return 0
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.05
	done
	[ "$(requests "$1")" -ge "$2" ] || { echo "request $2 for $1 never came"; cat err; return 1; }
}

# killed_in_page_3 MODE: a run of MODE (see launch) killed with -9 while the
# server holds back its third followers page: the first two are written.
# Counted by the server, not timed.
killed_in_page_3() {
	start_xapi --generate 6000 --faults "$(faults '[{"match": "/followers", "nth": [3], "action": "stall", "seconds": 60}]')"
	launch "$1"
	wait_for_requests /followers 3
	kill -9 "$PID"
	wait "$PID" || true
	: >"$XAPI_LOG"
}

# --- tw-followers ---------------------------------------------------------------

# killed_runs_then_finish MODE WHEN...: runs killed at each WHEN, then a run
# to the end: all 6000 followers in fout, each once, exit 0.
killed_runs_then_finish() {
	local mode=$1 when
	shift
	KILLS=0
	for when; do
		killed_run "$mode" fout "$when"
	done
	finish "$mode"
	expect_status 0
	expect_followers fout
}

# Each run went on from the checkpoint: at most the page in flight is asked
# twice, so 6 pages and KILLS kills make at most 6 + KILLS requests.
expect_no_restart() {
	pages=$(requests /2/users/1000/followers)
	[ "$pages" -le $((6 + KILLS)) ] || { echo "$pages followers requests for 6 pages and $KILLS kills: a run started over"; return 1; }
}

@test "the uninterrupted run: 6000 followers, ids once each, in about 2 s over 6 pages" {
	expect_lines 6000 "$REF"
	expect_jq '.id | test("^20[0-9]{5}$")' "$REF"
	[ -z "$(jq -r .id "$REF" | sort | uniq -d)" ]
	slow_server
	captured tw-followers @bench --resume state -o fout
	expect_status 0
	expect_no_stdout
	expect_followers fout
	pages=$(requests /2/users/1000/followers)
	[ "$pages" -eq 6 ] || { echo "$pages followers requests, expected 6"; return 1; }
}

@test "-o OUT killed with -9 at 0.2, 0.7, 1.2 s, right after a page, at 1.9 s: the reruns end with the same bytes" {
	slow_server
	killed_runs_then_finish o 0.2 0.7 1.2 page 1.9
	expect_no_restart
}

@test "-o OUT killed right after each page lands, five times: the reruns end with the same bytes" {
	slow_server
	killed_runs_then_finish o page page page page page
	expect_no_restart
}

@test ">> OUT (stdout appended) killed with -9 at 0.5 s, after a page, at 1.0 s: the same bytes" {
	slow_server
	killed_runs_then_finish append 0.5 page 1.0
}

@test "a resumed run does not look @name up again: the checkpoint holds the account's id" {
	killed_in_page_3 o
	[ "$(size fout)" -gt 0 ] || { echo "no page written"; return 1; }
	finish o
	expect_status 0
	expect_followers fout
	lookups=$(requests /2/users/by/username/bench)
	[ "$lookups" -eq 0 ] || { echo "the resumed run looked @bench up again ($lookups requests)"; jq -c '[.path, .query[-30:]]' "$XAPI_LOG"; return 1; }
}

@test "> OUT (truncated by the shell) on the rerun: exit 2, a message about >>, nothing fetched" {
	killed_in_page_3 o
	[ "$(size fout)" -gt 0 ] || { echo "no page written"; return 1; }
	cp state state.before
	status=0
	tw-followers @bench --resume state >fout 2>"$BATS_TEST_TMPDIR/err2" || status=$?
	ERR=$BATS_TEST_TMPDIR/err2 OUT=fout
	expect_status 2
	expect_err '^tw-followers: .*>>'
	n=$(requests)
	[ "$n" -eq 0 ] || { echo "$n requests made"; return 1; }
	cmp -s state state.before || { echo "the checkpoint changed"; return 1; }
}

@test "into a pipe: the rerun warns about at least once; the outputs deduplicated by id are complete" {
	# the third page never comes: the run is killed while it waits for it
	start_xapi --generate 6000 --faults "$(faults '[{"match": "/followers", "nth": [3], "action": "stall", "seconds": 60}]')"
	mkfifo pipe
	cat pipe >p1 &
	catpid=$!
	tw-followers @bench --resume state >pipe 2>err &
	pid=$!
	PID=$pid
	wait_for_requests /followers 3
	kill -9 "$pid"
	wait "$pid" || true
	wait "$catpid"
	[ -s p1 ] || { echo "nothing came through the pipe"; return 1; }
	# a kill in the middle of a write leaves half a line: what a reader sees, dropped here
	if [ "$(tail -c 1 p1 | od -An -c | tr -d ' ')" != '\n' ]; then
		echo "# the kill cut a line" >&3
		sed -i '$d' p1
	fi
	status=0
	tw-followers @bench --resume state 2>err | cat >p2 || status=$?
	ERR=$BATS_TEST_TMPDIR/err OUT=p2
	expect_status 0
	expect_err '^tw-followers: .*(twice|at least once|again)'
	expect_jq '.id != null' p2
	cat p1 p2 | jq -r .id | sort -u >ids
	jq -r .id "$REF" | sort >want
	cmp -s want ids || { echo "the union of the two outputs lacks ids: $(comm -23 want ids | wc -l)"; return 1; }
	# the copies are the same lines: dropping them gives the uninterrupted run
	cat p1 p2 | awk '!seen[$0]++' >union
	cmp "$REF" union || { echo "p1 + p2 without copies differs from the uninterrupted run"; return 1; }
}

@test "a completed STATE: the rerun says the run is complete, exits 0, fetches nothing, OUT unchanged" {
	start_xapi --generate 6000
	captured tw-followers @bench --resume state -o fout
	expect_status 0
	expect_followers fout
	no_token_leak state fout
	: >"$XAPI_LOG"
	captured tw-followers @bench --resume state -o fout
	expect_status 0
	expect_no_stdout
	expect_err '^tw-followers: .*complete'
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
	expect_followers fout
	# and the same with stdout appended (>>), and into a pipe
	status=0
	tw-followers @bench --resume state >>fout 2>"$ERR" || status=$?
	expect_status 0
	expect_err '^tw-followers: .*complete'
	expect_followers fout
	status=0
	tw-followers @bench --resume state 2>"$ERR" | cat >"$OUT" || status=$?
	expect_status 0
	expect_no_stdout
	expect_err '^tw-followers: .*complete'
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
}

@test "a STATE from another job: exit 2 with a message naming it; no request; OUT unchanged" {
	killed_in_page_3 o
	cp fout fout.before
	cp state state.before
	for other in 2000005 "--following @bench" "@bench_f7"; do
		# shellcheck disable=SC2086
		captured tw-followers $other --resume state -o fout
		expect_status 2
		expect_no_stdout
		expect_err '^tw-followers: state: .*(another|other) (run|job)'
	done
	captured tw-timeline --resume state -o fout "$TIN"
	expect_status 2
	expect_err '^tw-timeline: state: .*(another|other) (run|job)'
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
	cmp -s fout fout.before || { echo "fout changed"; return 1; }
	cmp -s state state.before || { echo "state changed"; return 1; }
	# the right job still goes on from it
	finish o
	expect_status 0
	expect_followers fout
}

# --- tw-timeline --------------------------------------------------------------------

@test "tw-timeline, 40 records, --jobs 4: killed with -9 at random points, the reruns give the uninterrupted bytes" {
	expect_lines 40 "$TREF"
	expect_jq '.posts | length == 1' "$TREF"
	slow_server
	KILLS=0
	for when in 0.$((RANDOM % 4 + 1)) page 0.$((RANDOM % 5 + 3)) 0.$((RANDOM % 3 + 1)) page; do
		killed_run timeline tout "$when"
	done
	finish timeline
	expect_status 0
	cmp "$TREF" tout || { echo "tout differs from the uninterrupted run"; diff <(jq -r .id "$TREF") <(jq -r .id tout) | head; cat err; return 1; }
	asked=$(jq -r 'select(.path | endswith("/tweets")) | .path' "$XAPI_LOG" | sort -u | wc -l)
	[ "$asked" -eq 40 ] || { echo "$asked users asked"; return 1; }
	# per kill, at most the requests in flight (4 jobs) and a user written but
	# not yet checkpointed are asked again
	n=$(requests /tweets)
	[ "$n" -le $((40 + 5 * KILLS)) ] || { echo "$n requests for 40 users and $KILLS kills: a run started over"; return 1; }
	# and the completed state
	: >"$XAPI_LOG"
	captured tw-timeline --jobs 4 --resume tstate -o tout "$TIN"
	expect_status 0
	expect_err '^tw-timeline: .*complete'
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
}

@test "tw-timeline >> OUT killed right after pages land: the same bytes; > OUT on a rerun is refused" {
	slow_server
	KILLS=0
	launch_append_timeline() { tw-timeline --resume tstate "$TIN" >>tout 2>>err & PID=$!; }
	for i in 1 2 3; do
		s0=$(size tout)
		launch_append_timeline
		for j in $(seq 1000); do
			[ "$(size tout)" -gt "$s0" ] && break
			kill -0 "$PID" 2>/dev/null || break
			sleep 0.005
		done
		kill -9 "$PID" 2>/dev/null && KILLS=$((KILLS + 1))
		wait "$PID" || true
	done
	[ "$(size tout)" -gt 0 ] || { echo "nothing written"; return 1; }
	captured tw-timeline --resume tstate "$TIN"
	expect_status 2
	expect_err '^tw-timeline: .*>>'
	status=0
	tw-timeline --resume tstate "$TIN" >>tout 2>err || status=$?
	expect_status 0
	cmp "$TREF" tout || { echo "tout differs from the uninterrupted run"; cat err; return 1; }
}

# ctrl_c_pipeline PAGES: "tw-followers --resume state @bench | fb-detect >> piped"
# in a process group of its own, sent SIGINT (as a terminal sends Ctrl-C to
# the whole pipeline) once the server has been asked for PAGES more pages
# (each is answered 0.3 s late, so the run is in the middle); bash waits
# for both. Wherever the signal lands, nothing may be lost.
ctrl_c_pipeline() {
	local i want
	want=$(($(requests /followers) + $1))
	# A background job starts with SIGINT ignored: give it back, as a terminal's job has it.
	python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.setsid()
os.execvp("bash", ["bash", "-c", sys.argv[1]])' 'trap : INT; tw-followers --resume state @bench | fb-detect >>piped; wait' 2>>ctrl-c.err &
	PID=$!
	for i in $(seq 600); do
		[ "$(requests /followers)" -ge "$want" ] && break
		sleep 0.05
	done
	kill -INT -- "-$PID" 2>/dev/null || true
	wait "$PID" || true
	for i in $(seq 400); do
		pgrep -g "$PID" >/dev/null || break
		sleep 0.05
	done
}

@test "Ctrl-C to 'tw-followers --resume | fb-detect >> out', twice, then the same command: every follower is in out" {
	slow_server
	: >piped
	ctrl_c_pipeline 2
	ctrl_c_pipeline 2
	captured bash -c 'tw-followers --resume state @bench | fb-detect >>piped'
	expect_status 0
	fb-detect "$REF" | sort -u >want
	sort -u piped >got
	missing=$(comm -23 want got | wc -l)
	[ "$missing" -eq 0 ] || { echo "$missing of 6000 followers lost"; cat ctrl-c.err err; wc -l piped; return 1; }
	[ -z "$(comm -13 want got)" ] || { echo "lines that are no follower"; return 1; }
	grep -q 'tw-followers: interrupted: run the same command to continue' ctrl-c.err ||
		{ echo "no word on how to go on:"; cat ctrl-c.err; return 1; }
	grep -q 'fb-detect: interrupted: the records read before it are written' ctrl-c.err
}

@test "two runs on the same checkpoint at once: the second is refused (exit 2) before any request" {
	slow_server
	tw-followers @bench --resume state -o fout 2>first.err &
	first=$!
	for i in $(seq 100); do [ -s state ] && break; sleep 0.05; done
	before=$(requests)
	captured tw-followers @bench --resume state -o fout2
	expect_status 2
	expect_err 'tw-followers: state: another run is going on from this checkpoint'
	[ ! -s fout2 ]
	wait "$first"
	expect_followers fout
	[ "$(requests)" -le $((before + 6)) ] || { echo "the second run asked too"; return 1; }
}

@test "a link planted at STATE.tmp is not written through; a checkpoint whose id is no id is refused" {
	start_xapi --generate 1500
	echo keep >target
	ln -s "$PWD/target" state.tmp
	captured tw-followers @bench --resume state -o fout
	expect_status 0
	[ "$(cat target)" = keep ] || { echo "the link was followed"; return 1; }
	[ ! -L state.tmp ] || [ "$(readlink state.tmp)" != "$PWD/target" ]
	printf '{"job":"tw-followers followers @bench","offset":0,"pos":0,"records":0,"requests":1,"spent":0.01,"next":"x","id":"../../x","done":false}\n' >bad.state
	captured tw-followers @bench --resume bad.state -o fout3
	expect_status 2
	expect_err 'bad\.state: not a checkpoint of this toolkit \(id\)'
}

# --- the files a checkpoint names ---------------------------------------------------


@test "a complete STATE: the rerun leaves -o FILE whole even when it grew since; another or a cut FILE is refused (exit 2)" {
	start_xapi --generate 1500
	captured tw-followers @bench --resume state -o fout
	expect_status 0
	echo '{"id":"written by someone else"}' >>fout
	cp fout grown
	: >"$XAPI_LOG"
	captured tw-followers @bench --resume state -o fout
	expect_status 0
	expect_err '^tw-followers: state: the run is already complete \(1500 records in 2 requests, \$15\.01\)'
	cmp -s fout grown || { echo "fout changed: $(wc -c <fout) bytes, was $(wc -c <grown)"; return 1; }
	# another file, larger than the checkpoint says: refused and left whole
	seq 400000 >other
	cp other other.before
	captured tw-followers @bench --resume state -o other
	expect_status 2
	expect_err '^tw-followers: other: not the file the checkpoint state was written for \(fout\)'
	cmp -s other other.before || { echo "other changed"; return 1; }
	# a name that is no file is another file too: not made
	captured tw-followers @bench --resume state -o missing
	expect_status 2
	expect_err '^tw-followers: missing: no such file, but the checkpoint state was written for fout'
	[ ! -e missing ] || { echo "missing was made"; return 1; }
	# the file, cut shorter than the checkpoint says: refused, not "repaired"
	head -c 1000 grown >fout
	captured tw-followers @bench --resume state -o fout
	expect_status 2
	expect_err '^tw-followers: fout: it holds 1000 bytes, but the checkpoint state was written after'
	[ "$(wc -c <fout)" -eq 1000 ] || { echo "fout changed"; return 1; }
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
}

@test "an unfinished STATE with -o or >> another file (a larger one, a copy): exit 2, that file untouched, nothing fetched; the right file goes on" {
	# once the third page is asked for, two are checkpointed
	killed_in_page_3 o
	[ "$(jq .records state)" -eq 2000 ] || { echo "not two pages in the checkpoint"; cat state; return 1; }
	seq 400000 >other
	cp other other.before
	cp fout copy
	for target in other copy; do
		captured tw-followers @bench --resume state -o "$target"
		expect_status 2
		expect_err "^tw-followers: $target: not the file the checkpoint state was written for \\(fout\\)"
	done
	status=0
	tw-followers @bench --resume state >>other 2>"$ERR" || status=$?
	expect_status 2
	expect_err '^tw-followers: stdout: not the file the checkpoint state was written for \(fout\); append to that file \(>>\)'
	cmp -s other other.before || { echo "other changed"; return 1; }
	cmp -s copy fout || { echo "copy changed"; return 1; }
	# a copy moved over the file: the same name, another file, said so
	cp fout fout.copy
	mv fout fout.orig
	mv fout.copy fout
	captured tw-followers @bench --resume state -o fout
	expect_status 2
	expect_err '^tw-followers: fout: another file than the one the checkpoint state was written for, under the same name'
	mv fout.orig fout
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
	finish o
	expect_status 0
	expect_followers fout
}

# --- the input a checkpoint was written for -----------------------------------------

# ids_with_bad_lines N: N lines of ids of @bench's followers, with a line that
# is no account every 40 and an id X does not know every 50.
ids_with_bad_lines() {
	seq 0 $(($1 - 1)) | awk '{
		if ($1 % 40 == 7) print "not a name!" $1
		if ($1 % 50 == 13) print 9000000 + $1; else print 2000000 + $1 }'
}

@test "tw-user stopped half way, resumed with other input: exit 2 naming STATE, nothing fetched; the same input goes on, every reject once" {
	start_xapi --generate 300
	ids_with_bad_lines 250 >in
	tw-user --rejects ref.rej <in >ref.out 2>/dev/null || true
	expect_lines 245 ref.out
	[ "$(wc -l <ref.rej)" -eq 12 ] || { echo "$(wc -l <ref.rej) rejects in the uninterrupted run"; cat ref.rej; return 1; }
	stop_xapi
	# the second batch fails: the first is done and checkpointed
	start_xapi --generate 300 --faults "$(faults '[{"match": "/2/users?ids=", "nth": [2], "action": "status", "code": 400}]')"
	captured tw-user --resume st -o users.out --rejects rej <in
	expect_status 1
	[ "$(jq .pos st)" -gt 0 ] || { echo "no item done"; cat st; return 1; }
	: >"$XAPI_LOG"
	cp users.out out.before
	sed 1d in >other
	(echo 2000299; cat in) >>other2
	head -n 20 in >shorter
	for input in other other2 shorter; do
		captured tw-user --resume st -o users.out --rejects rej <"$input"
		expect_status 2
		expect_err '^tw-user: st: the input is not the one the checkpoint was written for'
	done
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
	cmp -s users.out out.before || { echo "users.out changed"; return 1; }
	captured tw-user --resume st -o users.out --rejects rej <in
	expect_status 1
	cmp ref.out users.out || { echo "users.out differs from the uninterrupted run"; return 1; }
	cmp ref.rej rej || { echo "the rejects differ from the uninterrupted run's:"; diff ref.rej rej; return 1; }
}

# timelines_with_bad_lines: TIN with a line that is not JSON every 7 records
# and a record without an id every 9.
timelines_with_bad_lines() {
	awk '{ print } NR % 7 == 3 { print "not json " NR } NR % 9 == 4 { print "{\"username\":\"no_id_" NR "\"}" }' "$TIN"
}

@test "tw-timeline stopped half way, resumed with other input: exit 2 naming STATE; the same input goes on, every reject once" {
	start_xapi --generate 6000
	timelines_with_bad_lines >in
	tw-timeline --jobs 1 --rejects ref.rej in >ref.out 2>/dev/null || true
	expect_lines 40 ref.out
	# 6 lines that are no JSON, 5 records without an id
	[ "$(wc -l <ref.rej)" -eq 11 ] || { echo "$(wc -l <ref.rej) rejects in the uninterrupted run"; cat ref.rej; return 1; }
	stop_xapi
	start_xapi --generate 6000 --faults "$(faults '[{"match": "/tweets", "nth": [25], "action": "status", "code": 400}]')"
	captured tw-timeline --jobs 1 --resume st -o users.out --rejects rej in
	expect_status 1
	[ "$(jq .pos st)" -gt 20 ] || { echo "too few records done"; cat st; return 1; }
	: >"$XAPI_LOG"
	cp users.out out.before
	cp rej rej.before
	awk 'NR == 2 { sub(/Bench Follower/, "Bench follower") } { print }' in >other
	head -n 10 in >shorter
	for input in other shorter; do
		captured tw-timeline --jobs 1 --resume st -o users.out --rejects rej "$input"
		expect_status 2
		expect_err '^tw-timeline: st: the input is not the one the checkpoint was written for'
	done
	[ "$(requests)" -eq 0 ] || { echo "the server got requests:"; cat "$XAPI_LOG"; return 1; }
	cmp -s users.out out.before || { echo "users.out changed"; return 1; }
	captured tw-timeline --jobs 1 --resume st -o users.out --rejects rej in
	expect_status 1
	cmp ref.out users.out || { echo "users.out differs from the uninterrupted run"; return 1; }
	cmp ref.rej rej || { echo "the rejects differ from the uninterrupted run's:"; diff ref.rej rej; return 1; }
}

# --- what a run spends --------------------------------------------------------------

# spent_covers_billed STATE: the spending STATE records is at least what the
# server billed ($0.01 a user), by the server's own count.
spent_covers_billed() {
	local spent billed
	spent=$(jq .spent "$1")
	billed=$(billed)
	awk -v s="$spent" -v b="$billed" 'BEGIN { exit !(s + 1e-6 >= b * 0.01) }' ||
		{ echo "the checkpoint says \$$spent, the server billed $billed users (\$$(awk -v b="$billed" 'BEGIN { print b * 0.01 }'))"; return 1; }
}

@test "--budget under SIGKILL while pages are in flight: the checkpoint's spending covers what the server billed; the budget holds" {
	# the 2nd, 3rd and 5th followers pages are billed and never arrive
	start_xapi --generate 6000 --faults "$(faults '[{"match": "/followers", "nth": [2, 3, 5], "action": "stall", "seconds": 60}]')"
	KILLS=0
	for stalled in 2 3 5; do
		tw-followers @bench --budget 45 --timeout 120 --resume state -o fout 2>>err &
		PID=$!
		wait_for_requests /followers "$stalled"
		kill -9 "$PID"
		wait "$PID" || true
		spent_covers_billed state
	done
	captured tw-followers @bench --budget 45 --timeout 120 --resume state -o fout
	expect_status 1
	expect_err 'budget reached'
	spent_covers_billed state
	# $45 of users at most, whatever was killed on the way
	[ "$(billed)" -le 4500 ] || { echo "the server billed $(billed) users against a budget of 4500"; return 1; }
	# and what was written is what a run never killed writes, up to there
	cmp -s fout <(head -c "$(wc -c <fout)" "$REF") || { echo "fout is not a prefix of the uninterrupted run"; return 1; }
}
