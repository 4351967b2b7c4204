#!/usr/bin/env bats
# The Bluesky contract: every request that bsky-user, bsky-followers,
# bsky-timeline and bsky-mentions send (pages, count lookups, one-account feeds) and every
# answer of the fake AppView they read is checked against Bluesky's lexicons,
# ../shared/bsky/lexicons next to the repository (never copied into it), by
# Bluesky's own validator, @atproto/lexicon (tools/lexicon.sh finds or
# installs it): query parameters by name, type and bounds, answers by the
# output schema, and each post view's record as an app.bsky.feed.post.
#
# The programs run with --record DIR against fake-bsky.py, so what is checked
# is exactly what they asked and used, errors included (an error answer must
# carry its XRPC name). A fixture that drifts from the real schema fails here.

load helpers
load bsky

top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
LEXICONS=$top/../shared/bsky/lexicons

setup_file() {
	export CT=$BATS_FILE_TMPDIR
	if [ ! -d "$LEXICONS" ]; then
		echo "../shared/bsky/lexicons absent: contract not checked" >"$CT/skip"
		return 0
	fi
	local rc=0
	NODE_MODULES=$(sh "$top/tools/lexicon.sh" 2>"$CT/lexicon.sh.err") || rc=$?
	if [ "$rc" -ne 0 ]; then
		printf '@atproto/lexicon unavailable, contract not checked: %s\n' \
			"$(tail -n 1 "$CT/lexicon.sh.err")" >"$CT/skip"
		return 0
	fi
	export NODE_MODULES
}

setup() {
	[ ! -f "$CT/skip" ] || skip "$(cat "$CT/skip")"
	cd "$BATS_TEST_TMPDIR"
}

# valid DIR: every request and answer of the recording in DIR keeps the lexicons.
valid() {
	run env NODE_PATH="$NODE_MODULES" node "$top/tools/bsky-lexicon.js" "$LEXICONS" "$1"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(wc -l <"$1/index.ndjson")" -gt 0 ]
}

@test "bsky-followers: list pages, second pages and count lookups keep the lexicons" {
	start_bsky --data "$DATA/bsky-account.json" --generate 230
	bsky-followers --record rec alice.test >/dev/null 2>&1
	bsky-followers --record rec --following alice.test >/dev/null 2>&1
	bsky-followers --record rec bench.test >/dev/null 2>&1
	bsky-followers --record rec --limit 150 --no-counts bench.test >/dev/null 2>&1
	bsky-followers --record rec --estimate bench.test >/dev/null 2>&1
	grep -q 'getProfiles' rec/index.ndjson
	grep -q 'cursor=' rec/index.ndjson
	valid rec
}

@test "bsky-user and bsky-timeline: lookups, feeds and post records keep the lexicons" {
	start_bsky --data "$DATA/bsky-account.json"
	bsky-user --record rec alice.test did:plc:miller nobody.test >users 2>/dev/null || true
	bsky-timeline --record rec --count 4 users >/dev/null 2>&1
	bsky-timeline --record rec --exclude replies @alice.test >/dev/null 2>&1
	bsky-timeline --record rec @suspended.test >/dev/null 2>&1 || true
	grep -q 'getAuthorFeed' rec/index.ndjson
	grep -q '"status":400' rec/index.ndjson
	valid rec
}

@test "bsky-mentions: notification pages and their post records keep the lexicons" {
	start_bsky --data "$DATA/bsky-account.json" --app-password test-pass
	BSKY_PDS_BASE=$BSKY_API_BASE BSKY_APP_PASSWORD=test-pass \
		bsky-mentions --session s --record rec alice.test >/dev/null 2>&1
	BSKY_PDS_BASE=$BSKY_API_BASE bsky-mentions --session s --record rec --limit 2 alice.test \
		>/dev/null 2>&1
	grep -q 'listNotifications' rec/index.ndjson
	valid rec
}

@test "the check catches what breaks the lexicons" {
	mkdir rec
	printf '%s\n' '{"n":1,"method":"GET","request":"/xrpc/app.bsky.graph.getFollowers?actor=a.test&limit=101","status":200,"file":"000001.json"}' >rec/index.ndjson
	printf '%s\n' '{"followers": []}' >rec/000001.json
	run env NODE_PATH="$NODE_MODULES" node "$top/tools/bsky-lexicon.js" "$LEXICONS" rec
	[ "$status" -eq 1 ]
	[[ "$output" == *"limit can not be greater than 100"* ]]
	[[ "$output" == *'must have the property "subject"'* ]]
}
