#!/usr/bin/env bats
# fb-diff: set algebra on accounts between record streams.

load helpers

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf '%s\n' '{"id":"1","username":"ann","name":"Ann"}' '{"id":"2","username":"Bob"}' \
		'{"id":"3","username":"cy","public_metrics":{"followers_count":1.50}}' '{"id":"4","username":"dee"}' >followers.ndjson
	printf '%s\n' '{"id":"3","username":"cy"}' '{"id":"9","username":"someone"}' >following.ndjson
}

fbf() { captured fb-diff "$@"; }

# expect_ids "ID ...": the ids of the records on stdout, in order.
expect_ids() {
	local got
	got=$(jq -r 'if has("follower") then .follower.accountId else .id end' "$OUT" | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" != "$1" ]; then
		echo "expected the ids: $1"
		echo "got the ids:      $got"
		show
		return 1
	fi
}

@test "--not-in: the records of A whose id is not in B, in A's order, byte for byte" {
	fbf --not-in following.ndjson followers.ndjson
	expect_status 0
	expect_no_stderr
	grep -v '"id":"3"' followers.ndjson >expected
	expect_out expected
}

@test "--in: the mutuals, with their numbers as they were written" {
	fbf --in following.ndjson <followers.ndjson
	expect_status 0
	expect_out_text '{"id":"3","username":"cy","public_metrics":{"followers_count":1.50}}'
}

@test "a set of ids, @names in any case, profile URLs and comments" {
	printf '# by hand\n1\n@BOB\n\nhttps://x.com/Dee?s=20\n' >set.txt
	fbf --not-in set.txt followers.ndjson
	expect_status 0
	expect_ids "3"
	fbf --in set.txt followers.ndjson
	expect_ids "1 2 4"
}

@test "an X archive's following.js as the set, and follower.js as the records" {
	printf 'window.YTD.following.part0 = [ {\n  "following" : {\n    "accountId" : "2",\n    "userLink" : "https://twitter.com/intent/user?user_id=2"\n  }\n} ]\n' >following.js
	printf 'window.YTD.follower.part0 = [ {\n  "follower" : {\n    "accountId" : "1"\n  }\n}, {\n  "follower" : {\n    "accountId" : "2"\n  }\n} ]\n' >follower.js
	fbf --not-in following.js followers.ndjson
	expect_status 0
	expect_ids "1 3 4"
	fbf --not-in following.js follower.js
	expect_status 0
	expect_ids "1"
	expect_out_text '{"follower":{"accountId":"1"}}'
}

@test "a pretty-printed set, a raw X API page and an array all count" {
	printf '{\n  "data": [{"id": "1", "username": "ann"}],\n  "meta": {"result_count": 1}\n}\n[{"id": "2"}, {"id": "4"}]\n' >set.json
	fbf --not-in set.json followers.ndjson
	expect_status 0
	expect_ids "3"
}

@test "an account that took a username another left is another account" {
	printf '%s\n' '{"id":"77","username":"ann"}' >set.ndjson
	fbf --in set.ndjson followers.ndjson
	expect_status 0
	expect_no_stdout
}

@test "--new and --lost between two snapshots; fb.lost from the new snapshot's fb.source.date" {
	printf '%s\n' '{"id":"2","username":"Bob"}' '{"id":"5","username":"eve","fb":{"source":{"network":"x","date":"2026-11-27T09:00:00Z"}}}' >new.ndjson
	fbf --new followers.ndjson new.ndjson
	expect_status 0
	expect_ids "5"
	fbf --lost followers.ndjson new.ndjson
	expect_status 0
	expect_ids "1 3 4"
	expect_jq '.fb.lost == "2026-11-27T09:00:00Z"'
	# the rest of the record is as it was, numbers included
	grep -q '"public_metrics":{"followers_count":1.50},"fb":{"lost":"2026-11-27T09:00:00Z"}}' "$OUT" || { show; return 1; }
}

@test "--lost without a date in the new snapshot takes --now; running it again changes nothing" {
	printf '2\n' >new.txt
	fbf --lost --now 2026-11-20 followers.ndjson new.txt
	expect_status 0
	expect_jq '.fb.lost == "2026-11-20T00:00:00Z"'
	cp "$OUT" once
	fbf --lost --now 2026-11-20 once new.txt
	expect_out once
}

@test "bad records of A are named FILE:LINE, kept with --rejects, and the rest written (exit 1)" {
	printf '%s\n' '{"id":"1"}' 'not json' '{"name":"no id"}' '{"id":"5"}' >a.ndjson
	fbf --not-in following.ndjson --rejects rej a.ndjson
	expect_status 1
	expect_ids "1 5"
	expect_err '^fb-diff: a\.ndjson:2: invalid JSON'
	expect_err '^fb-diff: a\.ndjson:3: a record without an id or a username$'
	printf '%s\n' 'not json' '{"name":"no id"}' >want
	expect_file_is rej want
}

@test "a bad line in the set: named FILE:LINE, nothing written (exit 1)" {
	printf '1\nnot an account\n' >set.txt
	fbf --not-in set.txt followers.ndjson
	expect_status 1
	expect_no_stdout
	expect_err '^fb-diff: set\.txt:2: neither an id, a @name, a profile URL nor a record$'
	expect_err '^fb-diff: set\.txt: bad input in the set: nothing written$'
}

@test "a set that cannot be read: exit 1, named" {
	fbf --not-in no-such.txt followers.ndjson
	expect_status 1
	expect_no_stdout
	expect_err '^fb-diff: no-such\.txt: No such file or directory$'
}

@test "usage errors: no mode, two modes, not two snapshots, a bad --now, both on stdin (exit 2)" {
	for args in "followers.ndjson" "--new --lost a b" "--in x --not-in y" "--new followers.ndjson" \
		"--lost --now tomorrow a b" "--now 2026-11-20 --in x y" "--in - -" "--in -"; do
		fbf $args </dev/null
		[ "$status" -eq 2 ] || { echo "fb-diff $args"; show; return 1; }
		expect_no_stdout
		expect_err '^usage: fb-diff'
	done
}

@test "a thousand ids against a thousand: the difference is that of comm" {
	seq 1 1000 | sed 's/.*/{"id":"&"}/' >a.ndjson
	seq 500 2 2500 >b.ids
	fbf --not-in b.ids a.ndjson
	expect_status 0
	jq -r .id "$OUT" | sort >got
	comm -23 <(seq 1 1000 | sort) <(sort b.ids) >want
	diff want got
}
