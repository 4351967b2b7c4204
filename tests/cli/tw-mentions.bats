#!/usr/bin/env bats
# tw-mentions against the fake X API (tests/cli/fake-xapi.py): the posts that
# mention an account, newest first, each with its author; --since, --until, --limit.

load helpers
load xapi

ACCOUNT=$BATS_TEST_DIRNAME/data/xapi-account.json
P=19000000000000001 # the fixture's post ids are P followed by two digits

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# ids ID...: stdout's post ids are P followed by each ID, in that order.
ids() {
	jq -r .id "$OUT" >got
	printf "$P%s\n" "$@" >want
	cmp -s want got || { echo "not the expected posts:"; diff want got; show; return 1; }
}

@test "the posts that mention @acme_consult, newest first, each with its author" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions @acme_consult
	expect_status 0
	expect_no_stderr
	# not 16 (@acme_consultants), not 14 (no mention)
	ids 17 15 13 12 11 10
	expect_lines 6
	expect_jq '.author.id == .author_id'
	expect_jq '(.author | has("username") and has("description") and has("public_metrics"))'
	jq -r '.author.username' "$OUT" >authors
	printf '%s\n' cafe_lou gwen_writes priya_ux northloop_bakes crypto_giveaway7 fb_king_2026 >want
	cmp want authors || { diff want authors; return 1; }
	expect_jq 'select(.author.username == "fb_king_2026") | .text
		== "@acme_consult follow back!! I always follow back, unfollowers get blocked"'
	# the post object keeps its names
	expect_jq 'has("created_at") and has("public_metrics") and has("conversation_id")'
	grep -q '"path": "/2/users/100/mentions", "query": "[^"]*expansions=author_id' "$XAPI_LOG" ||
		{ cat "$XAPI_LOG"; return 1; }
}

@test "an id argument: no lookup; --spelling tweet gives the same posts and authors" {
	start_xapi --data "$ACCOUNT" --spelling tweet
	captured tw-mentions 100
	expect_status 0
	expect_no_stderr
	ids 17 15 13 12 11 10
	expect_jq '.author.id == .author_id'
	[ "$(requests /2/users/by)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "--since 2026-01-01 --until 2026-02-01: sent as start_time and end_time, in RFC 3339" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions --since 2026-01-01 --until 2026-02-01 @acme_consult
	expect_status 0
	expect_no_stderr
	# 15 is at 2026-02-01T00:00:00Z: --until is exclusive
	ids 13 12 11
	grep '/mentions' "$XAPI_LOG" | grep -q \
		'start_time=2026-01-01T00:00:00Z&end_time=2026-02-01T00:00:00Z\|end_time=2026-02-01T00:00:00Z&start_time=2026-01-01T00:00:00Z' ||
		{ echo "start_time and end_time not sent as expected:"; cat "$XAPI_LOG"; return 1; }
}

@test "--since and --until as RFC 3339 times are sent as they are" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions --since 2026-01-15T07:30:00Z --until 2026-01-31T23:59:59Z @acme_consult
	expect_status 0
	ids 12
	grep '/mentions' "$XAPI_LOG" | grep -q 'start_time=2026-01-15T07:30:00Z' &&
	grep '/mentions' "$XAPI_LOG" | grep -q 'end_time=2026-01-31T23:59:59Z' ||
		{ cat "$XAPI_LOG"; return 1; }
}

@test "a bad --since or --until: exit 2 with the usage, no request" {
	start_xapi --data "$ACCOUNT"
	# the last ones are days that do not exist: strptime alone takes February 30th
	for t in yesterday 2026-13-01 2026-01-01T25:00:00Z '2026-01-01 10:00' '' \
		2026-01-01T00:00:00 2026-01-01x 2026-02-30 2025-02-29 2026-04-31 \
		2026-04-31T10:00:00Z; do
		captured tw-mentions --since "$t" @acme_consult
		expect_status 2
		expect_no_stdout
		expect_err_has "tw-mentions: --since $t:"
		expect_err '^usage: tw-mentions '
	done
	captured tw-mentions --until nope @acme_consult
	expect_status 2
	expect_err_has 'tw-mentions: --until nope:'
	expect_err '^usage: tw-mentions '
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "times with a UTC offset (+01:00) are valid RFC 3339: sent intact, the right posts" {
	start_xapi --data "$ACCOUNT"
	# 07:30:00Z (inclusive) to 00:00:00Z (exclusive)
	captured tw-mentions --since 2026-01-15T08:30:00+01:00 --until 2026-02-01T01:00:00+01:00 @acme_consult
	expect_status 0
	expect_no_stderr
	ids 13 12
}

@test "--limit 2: the 2 newest mentions, a valid max_results" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions --limit 2 @acme_consult
	expect_status 0
	expect_no_stderr
	ids 17 15
	# the API takes max_results 5..100 on this endpoint: a 400 would have failed the run
	[ "$(requests /mentions)" -eq 1 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "--limit larger than the mentions: all of them, exit 0" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions --limit 500 @acme_consult
	expect_status 0
	ids 17 15 13 12 11 10
}

@test "an account nobody mentions: no output, exit 0" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions @sam_gardens
	expect_status 0
	expect_no_stdout
	expect_no_stderr
}

@test "--estimate looks nothing up and prices --limit posts (the lookup of @name counted as a request)" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions --estimate --limit 200 100
	expect_status 0
	grep -Eq '^requests: +2 ' "$OUT" || { echo "expected 2 requests"; show; return 1; }
	grep -Fq '$1.00' "$OUT" || { echo 'expected $1.00 (200 posts at $0.005)'; show; return 1; }
	captured tw-mentions --estimate --limit 200 @acme_consult
	expect_status 0
	grep -Eq '^requests: +3 ' "$OUT" || { echo "expected 3 requests (a lookup and 2 pages)"; show; return 1; }
	grep -Fq '$1.01 (200 posts at $0.005, and the lookup of the account)' "$OUT" ||
		{ echo 'expected $1.01 (200 posts at $0.005, and the lookup)'; show; return 1; }
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "--since not before --until is a usage error: exit 2, nothing asked of the API, not even the lookup" {
	start_xapi --data "$ACCOUNT"
	captured tw-mentions --since 2026-02-01 --until 2026-01-01 @acme_consult
	expect_status 2
	expect_no_stdout
	expect_err 'tw-mentions: --since 2026-02-01T00:00:00Z is not before --until 2026-01-01T00:00:00Z'
	[ "$(requests)" -eq 0 ] || { cat "$XAPI_LOG"; return 1; }
	# offsets count: 10:00+02:00 is 08:00Z, before 09:00Z
	captured tw-mentions --since 2026-01-01T10:00:00+02:00 --until 2026-01-01T09:00:00Z @acme_consult
	expect_status 0
	captured tw-mentions --since 2026-01-01T10:00:00+02:00 --until 2026-01-01T08:00:00Z @acme_consult
	expect_status 2
}
