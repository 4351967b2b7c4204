#!/usr/bin/env bats
# The X API contract: every request that tw-user, tw-followers, tw-timeline
# and tw-mentions send (lookups and pagination included) is checked against
# the X API v2 OpenAPI description, ../shared/x-api/openapi.json next to the
# repository (never copied into it), by Stoplight Prism (tools/prism.sh finds
# or installs it).
#
# Prism runs as a validating proxy: program -> prism proxy -> the fake X API
# (fake-xapi.py, started by start_xapi of xapi.bash). Prism's mock mode
# cannot serve these programs: its made-up responses carry ids such as
# "string" and next_token "string", so a lookup or a second page would break
# the contract because of Prism's own data. The fake answers with consistent
# data (data/contract-account.json, plus what setup_file adds to it for
# second pages, plus --generate 1500: @bench, id 1000, with 1500 followers),
# so every program runs to its end and every request it makes is seen.
#
# Prism does not refuse: it forwards every request and logs what breaks the
# contract ("Violation: request.query.max_results ..."), so one run shows all
# the bad requests, not the first one. A test fails on any such line, and on
# any request the fake did not answer with 200: the fake refuses, as the
# real API does, a query parameter the operation does not take (Prism lets
# those pass) with a 400, and a request without the token with a 401. It
# runs with --strict --spec $SPEC: it refuses (400) every parameter, field
# and expansion name the spec does not list for the operation, the older
# (v2.159) ones too, such as tweet.fields=created_at (a parameter Prism does
# not know, so lets pass) or expansions=pinned_tweet_id.

load helpers
load xapi

top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
SPEC=$top/../shared/x-api/openapi.json

setup_file() {
	export CT=$BATS_FILE_TMPDIR
	if [ ! -f "$SPEC" ]; then
		echo "../shared/x-api/openapi.json absent: contract not checked" >"$CT/skip"
		return 0
	fi
	local prism rc=0 up port i try
	prism=$(sh "$top/tools/prism.sh" 2>"$CT/prism.sh.err") || rc=$?
	if [ "$rc" -ne 0 ]; then
		printf 'Stoplight Prism unavailable, contract not checked: %s\n' \
			"$(tail -n 1 "$CT/prism.sh.err")" >"$CT/skip"
		return 0
	fi
	# The fixture, plus what takes a second page: @XDevelopers follows 1200
	# of the generated accounts, and 250 posts of theirs mention @jack.
	jq '.following["2244994945"] = [range(2000000; 2001200) | tostring]
		| .posts += [range(250) as $i | ("18800000000000" + (10000 + $i | tostring)) as $id
			| {id: $id, text: "@jack hello \($i)", author_id: (2000000 + $i % 50 | tostring),
			   created_at: (1768089600 + $i * 600 | strftime("%Y-%m-%dT%H:%M:%S.000Z")),
			   lang: "en", conversation_id: $id,
			   public_metrics: {repost_count: 0, reply_count: 0, like_count: ($i % 7),
			                    quote_count: 0, bookmark_count: 0, impression_count: ($i * 3)}}]' \
		"$DATA/contract-account.json" >"$CT/account.json" || return 1
	# start_xapi exports TW_API_BASE (the fake itself; the tests use Prism),
	# TW_BEARER_TOKEN (the token the fake wants) and XAPI_LOG.
	# A user token for @jack (id 12), as tw-auth would have stored it: the
	# owned requests carry it.
	export USER_TOKEN=user-token-$$-contract
	jq -n --arg t "$USER_TOKEN" '{($t): {id: "12", username: "jack"}}' >"$CT/user-tokens.json"
	mkdir -p "$CT/config/followback"
	jq -n --arg t "$USER_TOKEN" '{client_id: "contract", api: "http://127.0.0.1:9",
		user_id: "12", username: "jack", access_token: $t, refresh_token: "unused",
		expires_in: 7200, expires_at: 4102444800}' >"$CT/config/followback/user.json"
	chmod 600 "$CT/config/followback/user.json"
	BATS_TEST_TMPDIR=$CT start_xapi --data "$CT/account.json" --generate 1500 \
		--strict --spec "$SPEC" --user-tokens "$CT/user-tokens.json" || return 1
	export XAPI_LOG
	up=$TW_API_BASE
	start_prism "$prism" "$SPEC" "$up"
}

teardown_file() {
	[ -s "$CT/prism.pid" ] && kill "$(cat "$CT/prism.pid")" 2>/dev/null
	stop_xapi
}

setup() {
	[ ! -e "$CT/skip" ] || skip "$(cat "$CT/skip")"
	cd "$BATS_TEST_TMPDIR"
	export TW_API_BASE=$PRISM_URL
	export XDG_CONFIG_HOME=$BATS_TEST_TMPDIR/nobody	# signed in only where a test says
}

# signed_in: @jack signed in with tw-auth (the user token of setup_file).
signed_in() {
	export XDG_CONFIG_HOME=$CT/config
}

# expect_user_token N: the last N requests the fake got carried the user token.
expect_user_token() {
	local n
	n=$(jq -s '[.[] | select(.path | startswith("/contract-sync/") | not) | select(.token == "user")] | length' xapi.log)
	if [ "$n" -ne "$1" ]; then
		echo "expected $1 requests with the user token, got $n"
		jq -c '{path, token}' xapi.log | head
		return 1
	fi
}

# The fake's log, one request a line: "STATUS METHOD path?query", the query
# percent-decoded; the sync requests left out.
LOGGED='def hex: ascii_downcase | explode | map(if . > 96 then . - 87 else . - 48 end) | .[0] * 16 + .[1];
	select(.path | startswith("/contract-sync/") | not)
	| "\(.status) \(.method) " + .path + (if .query == "" then ""
		else "?" + (.query | gsub("%(?<h>[0-9A-Fa-f]{2})"; [.h | hex] | implode)) end)'

# since_start: remembers where Prism's log and the fake's end; since_end then
# leaves what they logged in between in prism.log and xapi.log, and the
# requests the fake received (decoded path?query, one a line) in requests.
since_start() {
	p0=$(wc -c <"$CT/prism.log")
	u0=$(wc -c <"$XAPI_LOG")
}
since_end() {
	prism_sync
	tail -c +$((p0 + 1)) "$CT/prism.log" >prism.log
	tail -c +$((u0 + 1)) "$XAPI_LOG" >xapi.log
	jq -r "$LOGGED" xapi.log | cut -d ' ' -f 3- >requests
}

# contract PROGRAM ARG...: runs PROGRAM against Prism (stdin as the caller
# redirects it), with --record rec; see since_end for what it leaves.
contract() {
	local prog=$1 p0 u0
	shift
	command -v "$prog" >/dev/null || {
		echo "$prog: not found (FB_BUILD=${FB_BUILD:-unset}); build it first"
		return 1
	}
	since_start
	captured timeout 120 "$prog" --record rec --retries 1 --quiet "$@"
	since_end
}

# prism_sync: a request of our own, then wait until Prism has logged it;
# Prism handles requests in turn, so what the program made is logged too.
prism_sync() {
	local m=/contract-sync/$RANDOM$RANDOM i
	curl -s -o /dev/null "$PRISM_URL$m" || true
	for i in $(seq 1 100); do
		awk -v m="get $m " 'index($0, m) { s = 1 } s && /Selected route not found/ { f = 1 } END { exit !f }' \
			"$CT/prism.log" && return 0
		sleep 0.05
	done
	echo "Prism did not log the sync request $m"
	return 1
}

# violations: every request of the run that breaks the contract, one a line:
# what Prism flagged, and what the fake did not answer with 200.
violations() {
	# Prism logs a request's violations after the upstream answered it,
	# after its "Forwarding" line; requests made in parallel may interleave,
	# so the URL is a guess.
	awk '/> Forwarding "[a-z]+" request to / {
			u = $0; sub(/.* request to [a-z]+:\/\/[^\/]*/, "", u); sub(/\.\.\.$/, "", u)
			gsub(/%2C/, ",", u); gsub(/%3A/, ":", u); gsub(/%40/, "@", u)
		}
		/Violation: request/ && !/\/contract-sync\// {
			v = $0; sub(/.*Violation: /, "", v)
			print "Prism: " v "   (request: " u ")"
		}' prism.log | grep -v 'contract-sync' || true
	jq -r "$LOGGED" xapi.log | grep -v '^200 ' | sed 's/^/X API: /' || true
}
# expect_contract: Prism saw requests and none breaks the contract; every
# response the program kept (--record) is a 2xx.
expect_contract() {
	local v n
	n=$(grep -c 'Request received' prism.log)
	n=$((n - 1)) # the sync request
	if [ "$n" -lt 1 ]; then
		echo "Prism saw no request"
		show
		return 1
	fi
	v=$(violations)
	if [ -n "$v" ]; then
		echo "requests that break the contract ($(printf '%s\n' "$v" | wc -l)):"
		printf '%s\n' "$v" | sort | uniq -c | sort -rn | head -40
		echo "--- requests ($n):"
		head -20 requests
		show
		return 1
	fi
	if [ ! -s rec/index.ndjson ]; then
		echo "--record rec: no rec/index.ndjson"
		show
		return 1
	fi
	if jq -e 'select(.status >= 300)' rec/index.ndjson >/dev/null; then
		echo "responses kept that are not 2xx:"
		jq -c 'select(.status >= 300)' rec/index.ndjson | head
		show
		return 1
	fi
}

# expect_request ERE: some request (decoded path?query) matches.
expect_request() {
	if ! grep -Eq -- "$1" requests; then
		echo "no request matches: $1"
		echo "--- requests:"
		head -20 requests
		show
		return 1
	fi
}

# expect_requests N ERE: exactly N requests match.
expect_requests() {
	local n
	n=$(grep -Ec -- "$2" requests || true)
	if [ "$n" -ne "$1" ]; then
		echo "expected $1 requests matching $2, got $n:"
		head -20 requests
		show
		return 1
	fi
}

# --- the harness itself ------------------------------------------------

@test "the harness: Prism flags requests that break the contract, and passes good ones" {
	local b=$PRISM_URL q=/2/users/1000/followers p0 u0 v tok
	since_start
	: >"$BATS_TEST_TMPDIR/out"
	: >"$BATS_TEST_TMPDIR/err"
	status=0
	get() { curl -s -o /dev/null -w '%{http_code}\n' "$@" >>"$BATS_TEST_TMPDIR/out"; }
	a="Authorization: Bearer $TW_BEARER_TOKEN"
	# good: a first page, a second one, lookups, posts, mentions
	curl -s -H "$a" -o page1 "$b$q?max_results=1000&user.fields=created_at,description,public_metrics&expansions=most_recent_post_id,pinned_post_id&post.fields=created_at,text"
	tok=$(jq -r '.meta.next_token // empty' page1)
	[ -n "$tok" ] || { echo "no next_token on the first page:"; head -c 300 page1; return 1; }
	get -H "$a" "$b$q?max_results=1000&pagination_token=$tok"
	get -H "$a" "$b/2/users/by/username/jack?user.fields=created_at"
	get -H "$a" "$b/2/users/by?usernames=jack,XDevelopers"
	get -H "$a" "$b/2/users?ids=12,2244994945"
	get -H "$a" "$b/2/users/12/tweets?max_results=20&exclude=replies,retweets"
	get -H "$a" "$b/2/users/12/mentions?max_results=100&start_time=2026-01-01T00:00:00Z&end_time=2026-02-01T00:00:00Z&expansions=author_id"
	since_end
	v=$(violations)
	[ -z "$v" ] || { echo "good requests flagged:"; echo "$v"; return 1; }
	# the fake's answers follow the spec too (else the programs are tested
	# against something the API never sends)
	if grep 'Violation: response' prism.log | grep -v contract-sync | grep -q .; then
		echo "the fake X API answers outside the spec:"
		grep 'Violation: response' prism.log | head
		return 1
	fi
	# bad: each one flagged
	bad() { # WHAT CURL-ARGS...
		local what=$1 p0 u0
		shift
		since_start
		get "$@"
		since_end
		if ! violations | grep -Fq -- "$what"; then
			echo "not flagged: $* (expected: $what)"
			echo "--- got:"
			violations
			grep -v '\[CLI\]' prism.log | head -20
			return 1
		fi
	}
	bad 'max_results must be <= 1000' -H "$a" "$b$q?max_results=2000"
	bad 'user.fields.1 must be equal to one of the allowed values' -H "$a" "$b$q?user.fields=id,bogus"
	bad 'Invalid security scheme used' "$b$q"
	bad 'Invalid security scheme used' -H "Authorization: Basic Zm9vOmJhcg==" "$b$q"
	bad 'pagination_token must NOT have fewer than 16 characters' -H "$a" "$b$q?pagination_token=abc"
	bad 'username must match pattern' -H "$a" "$b/2/users/by/username/no-such-name"
	bad 'usernames.1 must match pattern' -H "$a" "$b/2/users/by?usernames=jack,a.b"
	bad 'id must match pattern' -H "$a" "$b/2/users/jack/tweets"
	bad 'max_results must be >= 5' -H "$a" "$b/2/users/12/tweets?max_results=4"
	bad 'exclude.1 must be equal to one of the allowed values' -H "$a" "$b/2/users/12/tweets?exclude=replies,likes"
	bad 'start_time must match format "date-time"' -H "$a" "$b/2/users/12/mentions?start_time=2026-01-01"
	# a parameter the operation does not take: Prism lets it pass, the fake
	# (as the real API) refuses it
	bad "X API: 400 GET $q?count=10" -H "$a" "$b$q?count=10"
	# the older (v2.159) names: the fake (--strict) refuses them, tweet.fields
	# too, which Prism lets pass
	bad "X API: 400 GET $q?tweet.fields=created_at" -H "$a" "$b$q?tweet.fields=created_at"
	bad "X API: 400 GET $q?expansions=pinned_tweet_id" -H "$a" "$b$q?expansions=pinned_tweet_id"
	bad "X API: 400 GET /2/users/12/tweets?expansions=referenced_tweets.id" \
		-H "$a" "$b/2/users/12/tweets?expansions=referenced_tweets.id"
	bad "X API: 401 GET $q" "$b$q"
	bad 'Selected route not found' -H "$a" "$b/2/users/12/timeline"
}

# --- tw-user ---------------------------------------------------------------

@test "tw-user @name... (arguments): GET /2/users/by?usernames=" {
	contract tw-user @jack XDevelopers @a_b_c_123
	expect_contract
	expect_requests 1 '^/2/users/by\?'
	expect_request '[?&]usernames=jack,XDevelopers,a_b_c_123(&|$)'
	expect_status 0
	expect_lines 3
}

@test "tw-user id... (arguments): GET /2/users?ids=" {
	contract tw-user 12 2244994945
	expect_contract
	expect_requests 1 '^/2/users\?'
	expect_request '[?&]ids=12,2244994945(&|$)'
	expect_status 0
	expect_lines 2
}

@test "tw-user on stdin: names, ids and records; 150 ids in two requests" {
	{
		echo @jack
		echo XDevelopers
		echo '{"id":"783214","name":"X"}'
		echo '{"username":"TwitterDev"}'
		seq 2000001 2000150 # generated accounts
	} >in
	contract tw-user <in
	expect_contract
	expect_request '^/2/users/by\?(.*&)?usernames=jack,XDevelopers(&|$)'
	expect_request '^/2/users/by\?(.*&)?usernames=([A-Za-z0-9_]+,)*TwitterDev(,|&|$)'
	# at most 100 a request (Prism checks maxItems): the 150 ids in two
	expect_request '^/2/users\?(.*&)?ids=2000001,([0-9]+,){98}2000100(&|$)'
	expect_request '^/2/users\?(.*&)?ids=2000101,([0-9]+,){48}2000150(&|$)'
	expect_status 0
	expect_lines 154
}

# --- tw-followers --------------------------------------------------------

@test "tw-followers @name --limit 1500: a lookup, then two pages" {
	contract tw-followers --limit 1500 @bench
	expect_contract
	expect_requests 1 '^/2/users/by/username/bench(\?|$)'
	expect_requests 2 '^/2/users/[0-9]+/followers\?'
	expect_request '^/2/users/[0-9]+/followers\?(.*&)?max_results=1000(&|$)'
	expect_request '^/2/users/[0-9]+/followers\?(.*&)?pagination_token=[0-9a-v]{16,}(&|$)'
	expect_status 0
	expect_lines 1500
}

@test "tw-followers --following id: every page, no lookup" {
	contract tw-followers --following 2244994945
	expect_contract
	expect_requests 0 '^/2/users/by'
	# @XDevelopers follows 1200 accounts (setup_file): two pages of 1000
	expect_requests 2 '^/2/users/2244994945/following\?'
	expect_status 0
	expect_lines 1200
}

# --- tw-timeline -----------------------------------------------------------

@test "tw-timeline records on stdin --count 20 --exclude replies,retweets" {
	{
		echo '{"id":"2244994945","username":"XDevelopers"}'
		echo '{"id":"12","username":"jack","posts":[]}'
		echo '{"id":"783214","username":"X"}'
	} >in
	contract tw-timeline --count 20 --exclude replies,retweets <in
	expect_contract
	expect_requests 3 '^/2/users/[0-9]+/tweets\?'
	expect_request '^/2/users/12/tweets\?(.*&)?max_results=20(&|$)'
	expect_request '^/2/users/12/tweets\?(.*&)?exclude=(replies,retweets|retweets,replies)(&|$)'
	expect_status 0
	expect_lines 3
}

@test "tw-timeline @name: a lookup, then the posts" {
	contract tw-timeline @jack
	expect_contract
	expect_requests 1 '^/2/users/by/username/jack(\?|$)'
	expect_request '^/2/users/[0-9]+/tweets\?(.*&)?max_results=100(&|$)'
	expect_status 0
	expect_lines 5 # all of jack's posts in data/contract-account.json
}

# --- tw-mentions -----------------------------------------------------------

@test "tw-mentions @name --since 2026-01-01 --until 2026-02-01 --limit 150" {
	contract tw-mentions --since 2026-01-01 --until 2026-02-01 --limit 150 @jack
	expect_contract
	expect_requests 1 '^/2/users/by/username/jack(\?|$)'
	expect_requests 2 '^/2/users/[0-9]+/mentions\?'
	expect_request '^/2/users/[0-9]+/mentions\?(.*&)?start_time=2026-01-01T00:00:00(\.000)?Z(&|$)'
	expect_request '^/2/users/[0-9]+/mentions\?(.*&)?end_time=2026-02-01T00:00:00(\.000)?Z(&|$)'
	expect_request '^/2/users/[0-9]+/mentions\?(.*&)?pagination_token=[0-9a-v]{16,}(&|$)'
	expect_status 0
	expect_lines 150
}

# --- owned reads: the signed-in account's own lists, with its user token ----

@test "signed in, tw-mentions @me, tw-timeline @me, tw-followers --following @me: the user token, the same contract" {
	signed_in
	contract tw-mentions --since 2026-01-01 --until 2026-02-01 --limit 150 @me
	expect_contract
	expect_requests 0 '^/2/users/by'
	expect_requests 2 '^/2/users/12/mentions\?'
	expect_user_token 2
	expect_status 0
	expect_lines 150
	contract tw-timeline @me
	expect_contract
	expect_requests 1 '^/2/users/12/tweets\?(.*&)?max_results=100(&|$)'
	expect_user_token 1
	expect_status 0
	contract tw-followers --following @me
	expect_contract
	expect_requests 1 '^/2/users/12/following\?(.*&)?max_results=1000(&|$)'
	expect_user_token 1
	expect_status 0
}

@test "GET /2/users/me, as tw-auth asks who signed in: the request and the fake's answer keep the contract" {
	since_start
	curl -s -H "Authorization: Bearer $USER_TOKEN" -o me "$PRISM_URL/2/users/me" || true
	since_end
	[ -z "$(violations)" ] || { violations; return 1; }
	! grep 'Violation: response' prism.log | grep -v contract-sync | grep -q .
	[ "$(jq -r .data.username me)" = jack ]
}
