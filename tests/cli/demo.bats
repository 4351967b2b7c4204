#!/usr/bin/env bats
# make demo: the whole audit replayed from examples/sample-recording, offline.

load helpers

setup() {
	cd "$BATS_TEST_DIRNAME/../.."
	BIN=${FB_BUILD:-build}
}

@test "the demo runs offline, with no token, on the recorded sample account" {
	# Nothing to connect to and no credentials: only the recording can answer.
	TW_API_BASE=https://x.invalid TW_BEARER_TOKEN= captured sh tools/demo.sh "$BIN"
	expect_status 0
	grep -q '^315 followers, 148 followed; 301 came with a recent post$' "$OUT" || { show; return 1; }
	grep -q '^   \.\.\. 59 in all$' "$OUT" || { show; return 1; }
	grep -q 'price:     \$41.28 (4127 users at \$0.010, and the lookup of the account)' "$OUT" || { show; return 1; }
	# 24 timelines read from the recording, the best twelve with a first
	# message each, then six more in the second week
	[ "$(grep -c '^[0-9][0-9]*\. @' "$OUT")" -eq 18 ] || { show; return 1; }
	grep -q '@ifb_bryony' "$OUT" || { show; return 1; }
	# fb-report's page of it all, and where it is
	grep -qx "The page: $BIN/demo-report.html (open it in a browser; it fetches nothing)" "$OUT" || { show; return 1; }
	python3 tests/cli/report-html.py "$BIN/demo-report.html" >"$BATS_TEST_TMPDIR/facts"
	[ "$(jq .stats.followers "$BATS_TEST_TMPDIR/facts")" -eq 315 ]
	[ "$(jq .stats.demanders "$BATS_TEST_TMPDIR/facts")" -eq 59 ]
	# each of the twelve best that has a draft (the demo lists them) has its copy button
	nodraft=$(sed -n '/^== A first message/,/^== Mentions/p' "$OUT" | grep -c '[:,] no draft$')
	[ "$(jq '.tags.button' "$BATS_TEST_TMPDIR/facts")" -eq $((12 - nodraft)) ]
	# a question to the client is quoted for her to answer, not drafted
	grep -q '^5\. @thecoppercup (engage): answer, no draft$' "$OUT" || { show; return 1; }
	grep -qF '   reply yourself: they asked the client a question (.posts[0].text): "your audit checklist saved my Saturday. How often would you redo it for a small shop?"; only the client knows the answer' "$OUT" || { show; return 1; }
}

@test "the demo's second week: only the 17 new followers, 6 left, the best new ones with openers" {
	TW_API_BASE=https://x.invalid TW_BEARER_TOKEN= captured sh tools/demo.sh "$BIN"
	expect_status 0
	w2=$BATS_TEST_TMPDIR/week2
	awk '/^== A week later/ { on = 1 } /^== The audit as one page/ { on = 0 } on && NF' "$OUT" >"$w2"
	grep -q '^tw-followers: 17 new followers since week1.ndjson (315 known): the listing stopped at 20 known in a row$' "$w2" || { cat "$w2"; return 1; }
	grep -q '^tw-followers: 6 left since week1.ndjson, by the count of @brightpath_co (326 now); who: fb-diff --lost week1.ndjson' "$w2" || { cat "$w2"; return 1; }
	grep -q '^price:     at most \$3.27 (326 users at \$0.010, and the lookup of the account)$' "$w2" || { cat "$w2"; return 1; }
	grep -q '^   and 4 of the 17 new ones demand a follow back$' "$w2" || { cat "$w2"; return 1; }
	# six of the new ones ranked, each with a first message
	[ "$(grep -c '^[0-9][0-9]*\. @' "$w2")" -eq 6 ] || { cat "$w2"; return 1; }
	# the six who left, by name, from the whole list of the second week
	[ "$(tail -n 1 "$w2" | wc -w)" -eq 6 ] || { cat "$w2"; return 1; }
	tail -n 1 "$w2" | grep -q '^@[A-Za-z0-9_]*\( @[A-Za-z0-9_]*\)*$' || { cat "$w2"; return 1; }
}

@test "the recording answers every request the fetchers send today" {
	# A change to the fields the fetchers ask for must come with a new recording
	# (tools/record-sample.sh): replay matches requests exactly.
	captured tw-followers --replay examples/sample-recording --quiet @brightpath_co
	expect_status 0
	[ "$(wc -l <"$OUT")" -eq 315 ]
	tw-followers --replay examples/sample-recording --quiet @brightpath_co >"$BATS_TEST_TMPDIR/week1"
	captured tw-followers --replay examples/sample-recording-week2 --quiet \
		--new-since "$BATS_TEST_TMPDIR/week1" @brightpath_co
	expect_status 0
	[ "$(wc -l <"$OUT")" -eq 17 ]
	captured tw-timeline --replay examples/sample-recording --quiet @brightpath_co
	expect_status 1
	grep -q 'the recording has no (more) answers to GET /2/users/1500000000000000001/tweets' "$ERR" || { show; return 1; }
}

@test "the sandbox answers the tw- programs for the sample account, with the token it prints, and stops" {
	sh tools/sandbox.sh >"$BATS_TEST_TMPDIR/sb.out" 2>"$BATS_TEST_TMPDIR/sb.err" &
	sb=$!
	for i in $(seq 100); do [ -s "$BATS_TEST_TMPDIR/sb.out" ] && break; sleep 0.1; done
	line=$(head -1 "$BATS_TEST_TMPDIR/sb.out")
	[[ "$line" == "export TW_API_BASE=http://127.0.0.1:"*" TW_BEARER_TOKEN=sandbox-token" ]] ||
		{ echo "first line: $line"; kill "$sb"; return 1; }
	eval "$line"
	n=$(tw-followers --quiet @brightpath_co | wc -l)
	u=$(tw-user --quiet https://x.com/brightpath_co | jq -r .username)
	kill "$sb"
	wait "$sb" || true
	[ "$n" -eq 315 ] || { echo "$n followers"; return 1; }
	[ "$u" = brightpath_co ]
	! curl -s --max-time 2 "$TW_API_BASE/2/users/by/username/x" >/dev/null || { echo "still answering"; return 1; }
}

@test "the demo's Bluesky audit: replayed from examples/bsky-recording, offline, no credential, \$0" {
	BSKY_API_BASE=https://x.invalid TW_API_BASE=https://x.invalid TW_BEARER_TOKEN= \
		captured sh tools/demo.sh "$BIN"
	expect_status 0
	b=$BATS_TEST_TMPDIR/bsky
	sed -n '/^== Bluesky, free/,$p' "$OUT" >"$b"
	grep -q '^price:     \$0\.00 (9 users at \$0\.000)$' "$b" || { cat "$b"; return 1; }
	grep -q "^7 followers, with their counts and last posts; labelled by Bluesky's moderation: @growfast.test (engagement-farming) @cheapdeals.test (spam); self-declared bots: @weatherbot.test$" "$b" || { cat "$b"; return 1; }
	# the two who demand a follow-back, among the last three; the
	# spam-labelled one and the silent one skipped too
	[ "$(sed -n '/demand a follow back/,/^$/p' "$b" | grep -c '^[0-9]  *@')" -eq 2 ] || { cat "$b"; return 1; }
	grep -Eq '^[5-7] +@followtrain\.test +skip' "$b" || { cat "$b"; return 1; }
	grep -Eq '^[5-7] +@growfast\.test +skip' "$b" || { cat "$b"; return 1; }
	grep -Eq '^[4-7] +@cheapdeals\.test +skip +[^ ]+ +LABELLED_SPAM' "$b" || { cat "$b"; return 1; }
	# a pastry chef who never wrote to the baker: no draft unless --cold
	grep -q '^- @pastrychef.test: no draft: they never wrote to the client, .* --cold' "$b" || { cat "$b"; return 1; }
	# the recording answers every request the bsky- programs send today
	captured bsky-followers --replay examples/bsky-recording --quiet alice.test
	expect_status 0
	expect_lines 7
}
