#!/usr/bin/env bats
# tw-followers --new-since FILE against the fake X API's account a week
# later (fake-xapi.py --generate N --new N --gone N --moved N): only the new
# followers are written, the listing stops at 20 known ones in a row, what a
# run costs grows with what is new (the server's counts of requests and users
# served), and how many left comes from the account's count.

load helpers
load xapi

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# snapshot N: the ids of @bench's N generated followers, one a line, in old.
snapshot() {
	seq 2000000 $((2000000 + $1 - 1)) >old
}

# new_ids N: what a week with N new followers should write: their ids, newest first.
new_ids() {
	seq $((2000000 + $1 + $2 - 1)) -1 $((2000000 + $1)) >want
}

# served: the users the followers endpoint sent (what X bills).
served() {
	grep /followers "$XAPI_LOG" | jq -s 'map(.billed) | add // 0'
}

expect_ids() {
	jq -r .id "$OUT" >ids
	cmp -s "$1" ids || { echo "not the ids expected:"; diff "$1" ids | head; show; return 1; }
}

@test "a week with no new follower: one page of 20, nothing written, the 5 who left counted" {
	start_xapi --generate 1000
	tw-followers --quiet @bench >old
	stop_xapi
	start_xapi --generate 1000 --gone 5
	captured tw-followers --new-since old @bench
	expect_status 0
	expect_lines 0
	[ "$(requests /followers)" -eq 1 ] || { cat "$XAPI_LOG"; return 1; }
	[ "$(served)" -eq 20 ]
	grep -q 'max_results=20&' "$XAPI_LOG"
	expect_err_has '0 new followers since old (1000 known): the listing stopped at 20 known in a row'
	expect_err_has '5 left since old, by the count of @bench (995 now); who: fb-diff --lost old'
}

@test "60 new, 3 known moved up among them, 7 gone: the 60 in order for about 140 users; 7 left" {
	start_xapi --generate 1000
	tw-followers --quiet @bench >old
	stop_xapi
	start_xapi --generate 1000 --new 60 --gone 7 --moved 3
	captured tw-followers --new-since old @bench
	expect_status 0
	new_ids 1000 60
	expect_ids want
	# pages of 20, 40 and 80: the third runs into the known ones
	[ "$(requests /followers)" -eq 3 ] || { cat "$XAPI_LOG"; return 1; }
	[ "$(served)" -le 150 ] || { echo "$(served) users served for 60 new"; return 1; }
	expect_err_has '60 new followers since old (1000 known)'
	expect_err_has '7 left since old, by the count of @bench (1053 now)'
	expect_err_has 'tw-followers: 60 records in 3 requests, $1.41'
}

@test "1500 new (more than a page), the snapshot as bare ids: 1500 records, pages growing to 1000" {
	snapshot 2000
	start_xapi --generate 2000 --new 1500
	captured tw-followers --new-since old 1000
	expect_status 0
	new_ids 2000 1500
	expect_ids want
	grep /followers "$XAPI_LOG" | jq -r '.query | capture("max_results=(?<n>[0-9]+)").n' >sizes
	printf '%s\n' 20 40 80 160 320 640 1000 >want-sizes
	cmp -s want-sizes sizes || { echo "page sizes:"; cat sizes; return 1; }
	[ "$(served)" -le $((2 * 1500)) ] || { echo "$(served) users served for 1500 new"; return 1; }
	expect_err_has '0 left since old'
}

@test "a snapshot that holds only part of the list: how many left cannot be told" {
	seq 2000000 2000099 >old
	start_xapi --generate 1000 --new 10
	captured tw-followers --new-since old @bench
	expect_status 0
	new_ids 1000 10
	expect_ids want
	expect_err_has 'how many left cannot be told: @bench has 1010 followers, more than the 100 of old and the 10 new'
}

@test "--limit: the first N new; how many left cannot be told" {
	snapshot 1000
	start_xapi --generate 1000 --new 60
	captured tw-followers --limit 25 --new-since old @bench
	expect_status 0
	seq 2001059 -1 2001035 >want
	expect_ids want
	expect_err_has '25 new followers since old (1000 known): --limit stopped the listing'
	expect_err_has 'how many left cannot be told: --limit stopped the listing before the known ones'
}

@test "--resume after a kill mid-run: every new follower once, no page asked twice but the one in flight" {
	snapshot 2000
	# The fourth page hangs: the run is killed while it waits, three pages in.
	start_xapi --generate 2000 --new 1500 --faults "$(faults '[{"match": "/followers", "nth": [4], "action": "stall", "seconds": 60}]')"
	tw-followers --quiet --new-since old --resume state -o fout @bench 2>err &
	pid=$!
	for i in $(seq 400); do
		[ "$(requests /followers)" -ge 4 ] && break
		sleep 0.05
	done
	[ "$(requests /followers)" -eq 4 ] || { echo "the fourth page was never asked"; cat err; return 1; }
	kill -9 "$pid"
	wait "$pid" || true
	[ "$(wc -l <fout)" -le 140 ] || { echo "more than three pages written: $(wc -l <fout)"; return 1; }
	captured tw-followers --quiet --new-since old --resume state -o fout @bench
	expect_status 0
	new_ids 2000 1500
	jq -r .id fout >ids
	cmp -s want ids || { echo "not each new follower once:"; diff want ids | head; return 1; }
	# 7 pages, and the one killed in flight asked again
	[ "$(requests /followers)" -eq 8 ] || { cat "$XAPI_LOG"; return 1; }
	captured tw-followers --quiet --new-since old --resume state -o fout @bench
	expect_status 0
	expect_err_has 'the run is already complete (1500 records in '
	[ "$(requests /followers)" -eq 8 ]
}

@test "a snapshot with bad lines: FILE:LINE for each, kept with --rejects, exit 2, no request" {
	start_xapi --generate 1000
	printf '2000000\n@bench_f1\nhttps://x.com/bench_f2\nnot an id\n{"name": "no id"}\n' >old
	captured tw-followers --rejects bad --new-since old @bench
	expect_status 2
	expect_no_stdout
	printf 'not an id\n{"name": "no id"}\n' >want-bad
	cmp -s want-bad bad || { echo "--rejects kept:"; cat bad; return 1; }
	expect_err_has 'tw-followers: old:4: neither an id, a @name, a profile URL nor a record'
	expect_err_has 'tw-followers: old:5: a record without an id or a username'
	expect_err_has 'tw-followers: --new-since old: a line is neither an id'
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "a snapshot that does not exist: exit 2, no request" {
	start_xapi --generate 1000
	captured tw-followers --new-since missing.ndjson @bench
	expect_status 2
	expect_no_stdout
	expect_err_has 'tw-followers: --new-since missing.ndjson: No such file or directory'
	[ "$(requests)" -eq 0 ]
}

@test "an empty snapshot: said before the run, and every follower is new" {
	: >old
	start_xapi --generate 100
	captured tw-followers --quiet --new-since old @bench
	expect_status 0
	expect_lines 100
	expect_err_has 'tw-followers: --new-since old names no account: every one listed is new'
	expect_err_has '100 new followers since old (0 known): the list came to its end'
}

@test "a snapshot of @names: the followers it names are known" {
	for i in $(seq 0 999); do echo "@bench_f$i"; done >old
	start_xapi --generate 1000 --new 30
	captured tw-followers --quiet --new-since old @bench
	expect_status 0
	new_ids 1000 30
	expect_ids want
}

@test "--estimate --new-since: the whole list as the worst case, the likely case from the counts" {
	snapshot 1000
	start_xapi --generate 1000 --new 60
	captured tw-followers --estimate --new-since old @bench
	expect_status 0
	grep -q '^tw-followers @bench: at most 1060 followers to read: how many are new since old (1000 known) cannot be known before the run' "$OUT" || { show; return 1; }
	grep -q '^price:     at most \$10.61 (1060 users at \$0.010, and the lookup of the account)$' "$OUT" || { show; return 1; }
	grep -q '^likely:    60 new (1060 now, 1000 in old, if none left): 140 users in 3 requests, \$1.41 with the lookup$' "$OUT" || { show; return 1; }
	[ "$(requests /followers)" -eq 0 ]
}

@test "--following --new-since: the accounts followed since the snapshot" {
	start_xapi --data "$BATS_TEST_DIRNAME/data/xapi-account.json"
	tw-followers --quiet --following @acme_consult >all
	tail -n +3 all >old
	captured tw-followers --following --new-since old @acme_consult
	expect_status 0
	head -n 2 all >want
	expect_out want
	expect_err_has '2 new accounts followed since old'
}

@test "--record then --replay --new-since: the same new followers with no server" {
	snapshot 1000
	start_xapi --generate 1000 --new 60
	tw-followers --quiet --record rec --new-since old @bench >first
	stop_xapi
	captured tw-followers --replay rec --new-since old @bench
	expect_status 0
	expect_out first
	expect_lines 60
}

@test "--budget: stops before a page it cannot pay for, and --resume goes on" {
	snapshot 1000
	start_xapi --generate 1000 --new 60
	captured tw-followers --budget 0.70 --new-since old --resume state -o fout @bench
	expect_status 1
	expect_err_has 'budget reached'
	[ "$(wc -l <fout)" -eq 60 ]
	captured tw-followers --budget 2 --new-since old --resume state -o fout @bench
	expect_status 0
	new_ids 1000 60
	jq -r .id fout >ids
	cmp -s want ids
}
