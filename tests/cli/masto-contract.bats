#!/usr/bin/env bats
# The Mastodon contract: every request that masto-user, masto-followers,
# masto-timeline and masto-mentions send, and every answer of the fake
# instance they read, is checked against the community OpenAPI description
# of the Mastodon API, ../shared/mastodon/mastodon-openapi.json next to the
# repository (never copied into it), by Stoplight Prism (tools/prism.sh finds
# or installs it) running as a validating proxy with --errors: program ->
# prism proxy -> fake-masto.py. A request or an answer that breaks the
# description comes back as an error (422 or 500) that ends the run, and
# Prism logs the violation.
#
# What Prism does not check, the tests do from the fake's log: that every
# query parameter is one the operation lists, and the page sizes Mastodon
# allows (80 accounts, 40 statuses, 80 notifications), which the description
# gives in prose only. The description declares a token for accounts/lookup
# and accounts/{id}/statuses, which real instances serve without one, so the
# programs run here with the fake's token in MASTO_TOKEN.

load helpers
load masto

top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
SPEC=$top/../shared/mastodon/mastodon-openapi.json

setup_file() {
	export CT=$BATS_FILE_TMPDIR
	if [ ! -f "$SPEC" ]; then
		echo "../shared/mastodon/mastodon-openapi.json absent: contract not checked" >"$CT/skip"
		return 0
	fi
	local prism rc=0 port i try
	prism=$(sh "$top/tools/prism.sh" 2>"$CT/prism.sh.err") || rc=$?
	if [ "$rc" -ne 0 ]; then
		printf 'Stoplight Prism unavailable, contract not checked: %s\n' \
			"$(tail -n 1 "$CT/prism.sh.err")" >"$CT/skip"
		return 0
	fi
	# private_pat's following list answers an account without its required
	# fields: the control that shows Prism checks the answers.
	BATS_TEST_TMPDIR=$CT start_masto --data "$DATA/masto-account.json" --generate 100 --faults "$(BATS_TEST_TMPDIR=$CT masto_faults '[
		{"match": "/accounts/109004/following", "action": "status", "code": 200,
		 "body": [{"id": "1", "acct": "x", "username": "x"}]}]')" || return 1
	export MASTO_LOG MASTO_TOKEN_VALUE
	echo "$MASTO_PID" >"$CT/masto.pid"
	start_prism "$prism" "$SPEC" "$MASTO_API_BASE" --errors
}

teardown_file() {
	[ -s "$CT/prism.pid" ] && kill "$(cat "$CT/prism.pid")" 2>/dev/null
	[ -s "$CT/masto.pid" ] && kill "$(cat "$CT/masto.pid")" 2>/dev/null
	return 0
}

setup() {
	[ ! -e "$CT/skip" ] || skip "$(cat "$CT/skip")"
	cd "$BATS_TEST_TMPDIR"
	export MASTO_API_BASE=$PRISM_URL MASTO_TOKEN=$MASTO_TOKEN_VALUE
}

teardown() {
	: # the fake and Prism serve the whole file
}

# contract PROGRAM ARG...: runs PROGRAM through Prism; leaves what Prism and
# the fake logged meanwhile in prism.log and fake.log.
contract() {
	local p0 u0
	p0=$(wc -c <"$CT/prism.log")
	u0=$(wc -c <"$MASTO_LOG")
	captured timeout 120 "$@" --retries 0 --quiet
	sleep 0.2	# Prism logs a violation after it answered
	tail -c +$((p0 + 1)) "$CT/prism.log" >prism.log
	tail -c +$((u0 + 1)) "$MASTO_LOG" >fake.log
}

# The query parameters each request used that its operation does not list,
# and the page sizes over Mastodon's limits.
OUT_OF_CONTRACT='
	def template: split("/") | map(if test("^[0-9]+$") then "{id}" else . end) | join("/");
	($spec[0].paths) as $paths
	| .path as $p | ($p | template) as $t
	| ($paths[$t].get.parameters // [] | map(.name)) as $names
	| (.query | split("&") | map(select(. != "") | split("=") | {k: (.[0] | gsub("%5B%5D"; "[]")), v: .[1]})) as $q
	| ($q[] | select((.k | rtrimstr("[]")) as $k | ($names | index($k)) == null and ($names | index(.k)) == null)
		| "\($p): \(.k) is no parameter of GET \($t)"),
	  ($q[] | select(.k == "limit") | (.v | tonumber) as $n
		| select(($t | endswith("/statuses")) and $n > 40 or $n > 80)
		| "\($p): limit=\($n) is more than Mastodon allows")'

expect_contract() {
	local v
	[ "$(wc -l <fake.log)" -ge 1 ] || { echo "the fake saw no request"; show; return 1; }
	if grep -i 'violation' prism.log; then
		echo "Prism found the above"
		show
		return 1
	fi
	v=$(jq -r --slurpfile spec "$SPEC" "$OUT_OF_CONTRACT" fake.log)
	if [ -n "$v" ]; then
		printf '%s\n' "$v"
		return 1
	fi
	if jq -e 'select(.status != 200)' fake.log >/dev/null; then
		echo "answers that are not 200:"
		jq -c 'select(.status != 200)' fake.log
		return 1
	fi
}

@test "contract: masto-user" {
	contract masto-user @ann@m.example @fbtrain@m.example
	expect_status 0
	expect_lines 2
	expect_contract
}

@test "contract: masto-followers and --following, with a second page" {
	contract masto-followers @ann@m.example
	expect_status 0
	expect_lines 5
	expect_contract
	contract masto-followers --following @ann@m.example
	expect_status 0
	expect_lines 2
	expect_contract
	contract masto-followers @bench@m.example
	expect_status 0
	expect_lines 100
	expect_contract
	grep -q 'max_id=' fake.log || { echo "no second page asked"; cat fake.log; return 1; }
}

@test "contract: masto-timeline, with and without replies and boosts" {
	masto-user @ann@m.example @fbtrain@m.example >users 2>/dev/null
	contract masto-timeline users
	expect_status 0
	expect_contract
	contract masto-timeline --with-replies --with-boosts --count 2 users
	expect_status 0
	expect_contract
}

@test "contract: masto-mentions" {
	contract masto-mentions --instance m.example
	expect_status 0
	expect_lines 2
	expect_contract
}

@test "contract: an answer that breaks the description is caught (the control)" {
	contract masto-followers --following @private_pat@m.example
	expect_status 1
	grep -qi 'violation' prism.log || { echo "Prism logged no violation"; cat prism.log; return 1; }
}
