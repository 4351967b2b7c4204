#!/usr/bin/env bats
# tw-timeline: what a user of the command sees (records, order, requests,
# messages, cost), against the fake X API (fake-xapi.py) serving
# data/xapi-timelines.json. Stopping and resuming under kill -9:
# fetch-resume.bats.

load helpers
load xapi

# data/xapi-timelines.json, plus what would make it big: the 150 posts of
# @many_posts (3004), and twenty accounts of 12 posts each (3100..3119,
# @budget_0..@budget_19) for --estimate and --budget.
setup_file() {
	export FX=$BATS_FILE_TMPDIR/fixture.json
	python3 - "$BATS_TEST_DIRNAME/data/xapi-timelines.json" "$FX" <<-'EOF'
	import json, sys
	from datetime import datetime, timedelta, timezone
	fx = json.load(open(sys.argv[1]))
	t0 = datetime(2026, 9, 1, tzinfo=timezone.utc)
	def post(pid, author, text, n):
	    return {"id": pid, "text": text, "author_id": author,
	            "created_at": (t0 + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
	            "lang": "en", "conversation_id": pid,
	            "public_metrics": {"repost_count": 0, "reply_count": 0, "like_count": n % 7,
	                               "quote_count": 0, "bookmark_count": 0, "impression_count": n}}
	for n in range(1, 151):
	    fx["posts"].append(post("18300%04d" % n, "3004", "Compiler note %d: register allocation." % n, n))
	for u in range(20):
	    uid = str(3100 + u)
	    fx["users"].append({"id": uid, "username": "budget_%d" % u, "name": "Budget %d" % u,
	        "description": "One of twenty.", "created_at": "2020-01-01T00:00:00.000Z",
	        "protected": False, "public_metrics": {"followers_count": u, "following_count": u,
	        "post_count": 12, "listed_count": 0, "like_count": 0, "media_count": 0}})
	    for n in range(1, 13):
	        fx["posts"].append(post("1831%02d%03d" % (u, n), uid, "Budget %d, post %d." % (u, n), n))
	json.dump(fx, open(sys.argv[2], "w"))
	EOF
}

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# users FILE ID...: the fixture's records of these ids, in this order, to FILE.
users() {
	local f=$1 id
	shift
	: >"$f"
	for id; do
		jq -c --arg id "$id" '.users[] | select(.id == $id)' "$FX" >>"$f"
	done
}

# posts_of ID: the ids of the fixture's posts of ID, newest first, one a line.
posts_of() {
	jq -r --arg id "$1" '[.posts[] | select(.author_id == $id) | .id | tonumber]
		| sort | reverse | .[] | tostring' "$FX"
}

# queries PATH-SUBSTRING: the query strings the server got for that path.
queries() {
	jq -r --arg p "$1" 'select(.path | contains($p)) | .query' "$XAPI_LOG"
}

# query_param NAME QUERY: the value of NAME in QUERY (percent-decoded).
query_param() {
	python3 -c 'import sys, urllib.parse as u; print(dict(u.parse_qsl(sys.argv[2])).get(sys.argv[1], "(absent)"))' "$1" "$2"
}

expect_eq() { # WHAT EXPECTED GOT
	if [ "$2" != "$3" ]; then
		printf '%s: expected\n%s\ngot\n%s\n' "$1" "$2" "$3"
		show
		return 1
	fi
}

# --- records in, records out ------------------------------------------

@test "records on stdin get posts: newest first, 10 by default, ids the fixture's, nothing else changed" {
	start_xapi --data "$FX"
	users in 3003 3002 3001 3004
	captured tw-timeline <in
	expect_status 0
	expect_no_stderr
	expect_lines 4
	expect_eq "ids in order" "3003 3002 3001 3004" "$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "3003's posts" "$(posts_of 3003 | head -n 10)" "$(jq -r 'select(.id == "3003") | .posts[].id' "$OUT")"
	expect_eq "3002's posts" "$(posts_of 3002)" "$(jq -r 'select(.id == "3002") | .posts[].id' "$OUT")"
	expect_eq "3004's posts" "$(posts_of 3004 | head -n 10)" "$(jq -r 'select(.id == "3004") | .posts[].id' "$OUT")"
	expect_jq 'select(.id == "3001") | .posts == []'
	# each post is the API's object: its text and dates as in the fixture
	expect_jq '.posts | all(.text | length > 0) and all(.created_at | test("^2026-"))'
	# the record is the input record with posts added at the end
	jq -c 'del(.posts)' "$OUT" >got
	expect_file_is got in
	expect_jq 'keys_unsorted[-1] == "posts"'
	# one request per user
	expect_eq "requests" 4 "$(requests /tweets)"
}

@test "posts already in a record are replaced in place; every other member kept, its value byte for byte" {
	# (compact input: whitespace between members is not promised to survive)
	start_xapi --data "$FX"
	printf '%s\n' \
		'{"id":"3002","posts":[{"id":"1","text":"old"}],"n":1.50,"big":12345678901234567890,"fb":{"score":{"points":7}},"s":"caf\u00e9 \/"}' \
		'{"username":"zero_posts","id":"3001","posts":"not even an array","e":1E+2}' >in
	captured tw-timeline in
	expect_status 0
	expect_no_stderr
	expect_lines 2
	posts=$(jq -c '.posts' "$OUT" | head -n 1)
	printf '%s\n' \
		"{\"id\":\"3002\",\"posts\":$posts,\"n\":1.50,\"big\":12345678901234567890,\"fb\":{\"score\":{\"points\":7}},\"s\":\"caf\\u00e9 \\/\"}" \
		'{"username":"zero_posts","id":"3001","posts":[],"e":1E+2}' >expected
	expect_out expected
	expect_eq "3002's posts" "$(posts_of 3002)" "$(jq -r 'select(.id == "3002") | .posts[].id' "$OUT")"
}

@test "records from file arguments, in the order of the files; - is stdin" {
	start_xapi --data "$FX"
	users a 3007 3001
	users b 3002
	users c 3003
	captured tw-timeline a - c <b
	expect_status 0
	expect_no_stderr
	expect_eq "ids in order" "3007 3001 3002 3003" "$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "3007's posts" "$(posts_of 3007)" "$(jq -r 'select(.id == "3007") | .posts[].id' "$OUT")"
}

@test "a pretty-printed array of records is read too; one record per line comes out" {
	start_xapi --data "$FX"
	users in 3007 3002
	jq -s . in >pretty.json
	captured tw-timeline pretty.json
	expect_status 0
	expect_no_stderr
	expect_lines 2
	expect_eq "ids in order" "3007 3002" "$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	expect_jq '.posts | length > 0'
}

@test "--jobs 4: the output is in input order although the first user's request is slow (1 s)" {
	start_xapi --data "$FX" --faults "$(faults '[{"match": "/2/users/3002/tweets", "action": "slow", "seconds": 1}]')"
	users in 3002 3001 3003 3006 3007 3004 3005
	captured tw-timeline --jobs 4 in
	expect_status 0
	expect_eq "ids in order" "3002 3001 3003 3006 3007 3004 3005" "$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "3002's posts" "$(posts_of 3002)" "$(jq -r 'select(.id == "3002") | .posts[].id' "$OUT")"
	expect_eq "3004's posts" "$(posts_of 3004 | head -n 10)" "$(jq -r 'select(.id == "3004") | .posts[].id' "$OUT")"
	# the others were asked while 3002's answer was on its way: the jobs ran at once
	started=$(jq -r 'select(.path == "/2/users/3002/tweets") | .t' "$XAPI_LOG")
	during=$(jq --argjson t "$started" 'select(.path != "/2/users/3002/tweets" and .t < $t + 0.9)' "$XAPI_LOG" | jq -s length)
	[ "$during" -ge 3 ] || { echo "only $during requests were made during the slow one"; cat "$XAPI_LOG"; return 1; }
}

@test "--jobs 4 under a rate limit of 3 a window: paced by the headers, at most one 429 a window, every record" {
	start_xapi --data "$FX" --window 1 --rate tweets=3
	users in 3100 3101 3102 3103 3104 3105 3106 3107 3108 3109
	timed tw-timeline --jobs 4 --quiet in
	expect_status 0
	expect_lines 10
	expect_eq "ids in order" "3100 3101 3102 3103 3104 3105 3106 3107 3108 3109" \
		"$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	expect_jq '(.posts | length) == 10'
	# 10 requests at 3 a window: 4 windows, the last 3 of them waited for
	[ "$(status_count 200 /tweets)" -eq 10 ] || { cat "$XAPI_LOG"; return 1; }
	n429=$(status_count 429 /tweets)
	[ "$n429" -le 4 ] || { echo "$n429 answers 429 in 4 windows"; cat "$XAPI_LOG"; return 1; }
	at_least 2
	# three windows of 1 s, with room for a loaded machine
	at_most 60
}

@test "--jobs 1 gives the same bytes as --jobs 4 and --jobs 5" {
	start_xapi --data "$FX"
	users in 3002 3001 3003 3006 3007 3004 3005 3100 3101 3102
	tw-timeline --jobs 1 in >one 2>/dev/null
	captured tw-timeline --jobs 4 in
	expect_status 0
	expect_out one
	captured tw-timeline --jobs 5 in
	expect_status 0
	expect_out one
}

# --- --count and --exclude ---------------------------------------------

@test "--count 150: two requests (max_results=100, then 50 with the next_token), 150 posts newest first" {
	start_xapi --data "$FX"
	users in 3004
	captured tw-timeline --count 150 in
	expect_status 0
	expect_no_stderr
	expect_lines 1
	expect_eq "requests" 2 "$(requests /2/users/3004/tweets)"
	q1=$(queries /2/users/3004/tweets | sed -n 1p)
	q2=$(queries /2/users/3004/tweets | sed -n 2p)
	expect_eq "first max_results" 100 "$(query_param max_results "$q1")"
	expect_eq "first pagination_token" "(absent)" "$(query_param pagination_token "$q1")"
	expect_eq "second max_results" 50 "$(query_param max_results "$q2")"
	[ "$(query_param pagination_token "$q2")" != "(absent)" ] || { echo "the second request has no pagination_token: $q2"; return 1; }
	expect_eq "posts" "$(posts_of 3004)" "$(jq -r '.posts[].id' "$OUT")"
}

@test "--count 3: max_results=5 is asked (the API's minimum), but only the 3 newest posts are attached" {
	start_xapi --data "$FX"
	# one account: 3 posts printed
	captured tw-timeline --count 3 3003
	expect_status 0
	expect_eq "3003's posts" "$(posts_of 3003 | head -n 3)" "$(jq -r .id "$OUT")"
	: >"$XAPI_LOG"
	# records: 3 posts attached to each
	users in 3003 3002
	captured tw-timeline --count 3 in
	expect_status 0
	expect_no_stderr
	expect_eq "max_results asked" "5 5" "$(queries /tweets | while read -r q; do query_param max_results "$q"; done | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "3003's posts" "$(posts_of 3003 | head -n 3)" "$(jq -r 'select(.id == "3003") | .posts[].id' "$OUT")"
	expect_eq "3002's posts" "$(posts_of 3002)" "$(jq -r 'select(.id == "3002") | .posts[].id' "$OUT")"
}

@test "--count 12 of an account with 12 posts: one request, all 12" {
	start_xapi --data "$FX"
	users in 3003
	captured tw-timeline --count 12 in
	expect_status 0
	expect_eq "requests" 1 "$(requests /tweets)"
	expect_eq "max_results" 12 "$(query_param max_results "$(queries /tweets)")"
	expect_eq "posts" "$(posts_of 3003)" "$(jq -r '.posts[].id' "$OUT")"
}

@test "--exclude replies,retweets is sent as exclude=replies,retweets; no reply or repost is attached" {
	start_xapi --data "$FX"
	users in 3003 3002 3006
	captured tw-timeline --exclude replies,retweets in
	expect_status 0
	expect_no_stderr
	expect_eq "exclude" "replies,retweets replies,retweets replies,retweets" \
		"$(queries /tweets | while read -r q; do query_param exclude "$q"; done | tr '\n' ' ' | sed 's/ $//')"
	# 3003's originals are its posts 1, 2, 5, 7, 10, 11 (3, 6, 9, 12 replies; 4, 8 reposts)
	expect_eq "3003's posts" "183003011 183003010 183003007 183003005 183003002 183003001" \
		"$(jq -r 'select(.id == "3003") | .posts[].id' "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "3002's posts" "183002001" "$(jq -r 'select(.id == "3002") | .posts[].id' "$OUT")"
	expect_jq 'select(.id == "3006") | .posts == []'
	expect_jq '[.posts[] | select(.in_reply_to_user_id or ((.referenced_posts // .referenced_tweets // [])
		| any(.type == "replied_to" or .type == "retweeted")))] == []'
}

@test "--exclude replies leaves the reposts in; --exclude retweets the replies" {
	start_xapi --data "$FX"
	users in 3003
	captured tw-timeline --count 12 --exclude replies in
	expect_status 0
	expect_eq "exclude" "replies" "$(query_param exclude "$(queries /tweets | tail -n 1)")"
	expect_eq "posts" "183003011 183003010 183003008 183003007 183003005 183003004 183003002 183003001" \
		"$(jq -r '.posts[].id' "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	captured tw-timeline --count 12 --exclude retweets in
	expect_status 0
	expect_eq "exclude" "retweets" "$(query_param exclude "$(queries /tweets | tail -n 1)")"
	expect_eq "posts" "183003012 183003011 183003010 183003009 183003007 183003006 183003005 183003003 183003002 183003001" \
		"$(jq -r '.posts[].id' "$OUT" | tr '\n' ' ' | sed 's/ $//')"
}

@test "the posts keep what fb-score and fb-suggest read: referenced_posts, in_reply_to_user_id" {
	start_xapi --data "$FX"
	users in 3002
	captured tw-timeline in
	expect_status 0
	expect_jq '.posts | map(.id) == ["183002003", "183002002", "183002001"]'
	expect_jq '.posts[0].referenced_posts == [{"type": "retweeted", "id": "183007003"}]'
	expect_jq '.posts[1].referenced_posts == [{"type": "replied_to", "id": "183007002"}]'
	# a reply says whom it answers (fb-score's conversation rule counts the people replied to)
	expect_jq '.posts[1].in_reply_to_user_id == "3007"'
	expect_jq '.posts[2] | has("referenced_posts") or has("in_reply_to_user_id") | not'
}

@test "bad --count, --exclude, --jobs: exit 2 with a usage message, no request" {
	start_xapi --data "$FX"
	users in 3002
	for bad in "--count 0" "--count x" "--count 3201" "--exclude quotes" "--exclude replies,quotes" "--jobs 0" "--jobs 65"; do
		# shellcheck disable=SC2086
		captured tw-timeline $bad in
		expect_status 2
		expect_no_stdout
		expect_err "^tw-timeline: .*${bad%% *}"
	done
	expect_eq "requests" 0 "$(requests)"
}

# --- accounts that cannot be read, records that cannot be used ----------

@test "a protected account and a suspended one keep their records unchanged with a warning naming them; exit 0" {
	start_xapi --data "$FX"
	users in 3007 3005 3002 3008
	captured tw-timeline in
	expect_status 0
	expect_lines 4
	expect_eq "ids in order" "3007 3005 3002 3008" "$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	sed -n 2p in >want
	sed -n 2p "$OUT" >got
	expect_file_is got want
	sed -n 4p in >want
	sed -n 4p "$OUT" >got
	expect_file_is got want
	expect_err '^tw-timeline: .*(@locked_acct|3005).*'
	expect_err '^tw-timeline: .*(@gone_acct|3008).*'
	expect_err '^tw-timeline: [0-9]+ records in [0-9]+ requests, \$[0-9.]+$'
	expect_eq "warnings and the summary" 3 "$(wc -l <"$ERR")"
	expect_jq 'select(.id == "3007" or .id == "3002") | .posts | length > 0'
}

@test "a protected account is not a reject: --rejects stays empty" {
	start_xapi --data "$FX"
	users in 3005
	captured tw-timeline --rejects rej in
	expect_status 0
	expect_out in
	[ ! -s rej ] || { echo "rejects:"; cat rej; return 1; }
}

@test "a record without id: 'tw-timeline: stdin:LINE: ...', kept with --rejects, exit 1, the others written" {
	start_xapi --data "$FX"
	users in 3007
	printf '%s\n' '{"username":"three_posts", "name":"No Id"}' >>in
	users more 3002
	cat more >>in
	captured tw-timeline --rejects rej <in
	expect_status 1
	expect_lines 2
	expect_eq "ids in order" "3007 3002" "$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
	expect_err '^tw-timeline: stdin:2: .*id'
	sed -n 2p in >want
	expect_file_is rej want
	expect_eq "requests" 2 "$(requests /tweets)"
}

@test "a record without id in a file: named FILE:LINE; without --rejects it is reported and left out" {
	start_xapi --data "$FX"
	users in 3007 3002
	printf '%s\n' '{"id":"3001"}' '{"name":"nobody"}' >>in
	captured tw-timeline in
	expect_status 1
	expect_lines 3
	expect_err '^tw-timeline: in:4: .*id'
	expect_eq "ids in order" "3007 3002 3001" "$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')"
}

# --- one account ---------------------------------------------------------

@test "tw-timeline @name prints its posts one per line, newest first, each with author attached" {
	start_xapi --data "$FX"
	captured tw-timeline @three_posts
	expect_status 0
	expect_no_stderr
	expect_lines 3
	expect_eq "posts" "$(posts_of 3002)" "$(jq -r .id "$OUT")"
	expect_jq '.author.id == "3002" and .author.username == "three_posts" and .author.name == "Three Posts"'
	expect_jq '.author.description == "Ceramics and slow mornings."'
	expect_jq '.text | length > 0'
	# one lookup, one page of up to 100 (the default in this mode)
	expect_eq "lookups" 1 "$(requests /2/users/by/username/three_posts)"
	expect_eq "max_results" 100 "$(query_param max_results "$(queries /2/users/3002/tweets)")"
}

@test "tw-timeline ID needs no lookup; --count 120 of @many_posts: 120 posts in two requests" {
	start_xapi --data "$FX"
	captured tw-timeline 3007
	expect_status 0
	expect_eq "posts" "$(posts_of 3007)" "$(jq -r .id "$OUT")"
	expect_jq '.author.username == "plain_poster"'
	expect_eq "lookups" 0 "$(requests /2/users/by)"
	captured tw-timeline --count 120 @many_posts
	expect_status 0
	expect_lines 120
	expect_eq "posts" "$(posts_of 3004 | head -n 120)" "$(jq -r .id "$OUT")"
	expect_jq '.author.id == "3004"'
	expect_eq "max_results" "100 20" "$(queries /2/users/3004/tweets | while read -r q; do query_param max_results "$q"; done | tr '\n' ' ' | sed 's/ $//')"
}

@test "tw-timeline @locked_acct, 3005, @gone_acct, 3008, @nobody_here: a message naming it, exit 1, nothing on stdout" {
	# as tw-user does for an account it cannot read; by @name or by id alike
	start_xapi --data "$FX"
	for who in @locked_acct:3005 3005:locked_acct @gone_acct:3008 3008:gone_acct @nobody_here:nobody_here; do
		captured tw-timeline "${who%%:*}"
		expect_status 1
		expect_no_stdout
		expect_err "^tw-timeline: .*(${who%%:*}|${who#*:})"
	done
}

# --- the older spelling, and fb-score downstream ---------------------------

@test "--spelling tweet server: referenced_tweets kept; fb-score sees that @reposter only reposts" {
	start_xapi --data "$FX" --spelling tweet
	users in 3006 3007
	captured tw-timeline in
	expect_status 0
	expect_no_stderr
	expect_jq '.posts | length > 0'
	expect_jq 'select(.id == "3006") | .posts | all(.referenced_tweets == [{"type": "retweeted", "id": .referenced_tweets[0].id}])'
	cp "$OUT" timelines
	# a rule the fit leaves at 0 points is not listed: a point of its own makes it show
	echo 'points MOSTLY_REPOSTS -1' >reposts.rules
	captured fb-score --now 2026-10-05 --rules reposts.rules timelines
	expect_status 0
	expect_jq 'select(.id == "3006") | .fb.score.reasons | any(.rule == "MOSTLY_REPOSTS" and (.why | test("6 of 6 recent posts are reposts")))'
	expect_jq 'select(.id == "3007") | .fb.score.reasons | all(.rule != "MOSTLY_REPOSTS")'
}

# --- cost --------------------------------------------------------------------

@test "--estimate, 20 records, --count 10: 20 requests and \$1.00; the server gets no request" {
	start_xapi --data "$FX"
	users in $(seq 3100 3119)
	captured tw-timeline --estimate --count 10 in
	expect_status 0
	expect_no_stderr
	grep -Eq '^requests: +20 ' "$OUT" || { echo "no 20 requests"; show; return 1; }
	grep -Fq '$1.00' "$OUT" || { echo 'no $1.00'; show; return 1; }
	grep -Fq '200 posts at $0.005' "$OUT" || { echo 'no 200 posts at $0.005'; show; return 1; }
	expect_eq "requests" 0 "$(requests)"
	# and with --count 150: two requests each, at most 3000 posts
	captured tw-timeline --estimate --count 150 in
	expect_status 0
	grep -Eq '^requests: +40 ' "$OUT" || { echo "no 40 requests"; show; return 1; }
	grep -Fq '$15.00' "$OUT" || { echo 'no $15.00'; show; return 1; }
	expect_eq "requests" 0 "$(requests)"
}

@test "--budget 0.50, 20 users: exit 1, a budget message, the first 10 records; --resume --budget 2 completes the same bytes" {
	start_xapi --data "$FX"
	users in $(seq 3100 3119)
	tw-timeline in >full 2>/dev/null
	expect_lines 20 full
	: >"$XAPI_LOG"
	# stdout appended to a file (>>), as the manual says
	ERR=$BATS_TEST_TMPDIR/err OUT=part
	status=0
	tw-timeline --budget 0.50 --resume state in >>part 2>"$ERR" || status=$?
	expect_status 1
	expect_err '^tw-timeline: .*budget'
	# complete records, a prefix of the uninterrupted run, in input order
	expect_lines 10 part
	expect_prefix full "$(wc -c <part)"
	expect_eq "requests" 10 "$(requests /tweets)"
	# and the rerun to the same file
	status=0
	tw-timeline --budget 2 --resume state in >>part 2>"$ERR" || status=$?
	expect_status 0
	cmp -s full part || { echo "the two runs differ from the uninterrupted one"; diff <(jq -r .id full) <(jq -r .id part); return 1; }
	expect_eq "duplicate ids" "" "$(jq -r .id part | sort | uniq -d)"
	# every user asked once over both runs
	expect_eq "requests" 20 "$(requests /tweets)"
	expect_eq "users asked twice" "" "$(jq -r .path "$XAPI_LOG" | sort | uniq -d)"
}

@test "--budget 0.50 without --resume: the same prefix, exit 1; --budget 0 fetches nothing" {
	start_xapi --data "$FX"
	users in $(seq 3100 3119)
	tw-timeline in >full 2>/dev/null
	: >"$XAPI_LOG"
	captured tw-timeline --budget 0.50 -o part in
	expect_status 1
	expect_err '^tw-timeline: .*budget'
	expect_no_stdout
	expect_lines 10 part
	expect_eq "prefix" "$(head -n 10 full | cksum)" "$(cksum <part)"
	: >"$XAPI_LOG"
	captured tw-timeline --budget 0 in
	expect_status 1
	expect_err '^tw-timeline: .*budget'
	expect_no_stdout
	expect_eq "requests" 0 "$(requests)"
}

@test "--budget with --jobs 4: pages that the budget can pay once the requests in flight answer still come; every record" {
	# --count 100 reserves $0.50 a request: four in flight reserve $2.00, more
	# than the budget, though 10 users of 12 posts cost $0.60 in all
	start_xapi --data "$FX"
	users in 3100 3101 3102 3103 3104 3105 3106 3107 3108 3109
	captured tw-timeline --jobs 4 --count 100 --budget 1.50 in
	expect_status 0
	expect_lines 10
	expect_jq '(.posts | length) == 12'
	[ "$(status_count 200 /tweets)" -eq 10 ] || { cat "$XAPI_LOG"; return 1; }
}

@test "--estimate for 6000 accounts says how long, not \"under a minute\"" {
	jq -nc 'range(6000) | {id: (1000000 + . | tostring), username: "u\(.)"}' >many
	captured tw-timeline --estimate --count 10 many
	expect_status 0
	grep -Eq '^wall time: about [0-9]+ min$' "$OUT" || { show; return 1; }
	grep -Fq 'price:     at most $300.00 (60000 posts at $0.005)' "$OUT" || { show; return 1; }
}
