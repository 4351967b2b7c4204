#!/usr/bin/env bats
# tw-archive: an X archive's followers, following, posts and account as records.

load helpers

setup() {
	cd "$BATS_TEST_TMPDIR"
	ZIP=$BATS_TEST_DIRNAME/../../examples/sample-archive.zip
}

twa() { captured tw-archive "$@"; }

# zip_of NAME FILE=TEXT...: a zip with those members, written by python3's zipfile.
zip_of() {
	local out=$1
	shift
	python3 - "$out" "$@" <<-'PY'
	import sys, zipfile
	with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
	    for arg in sys.argv[2:]:
	        name, _, text = arg.partition("=")
	        z.writestr(name, text)
	PY
}

@test "--followers and --following: user stubs with the archive's ids, in its order, and fb.source" {
	twa --followers "$ZIP"
	expect_status 0
	expect_no_stderr
	expect_lines 320
	expect_jq 'keys == ["fb", "id"] and (.id | test("^[0-9]+$")) and .fb.source == {network: "x", archive: "follower", date: "2026-11-20T12:00:00.000Z"}'
	# the follower ids are the sample account's followers
	jq -r '.followers["1500000000000000001"][]' "$BATS_TEST_DIRNAME/../../examples/sample-account.json" >want
	jq -r .id "$OUT" | diff want -
	twa --following "$ZIP"
	expect_status 0
	expect_lines 150
	expect_jq '.fb.source.archive == "following"'
}

@test "--posts: both parts, text unescaped, ids strings, counts numbers, ISO dates, replies and mentions kept" {
	twa --posts "$ZIP"
	expect_status 0
	expect_no_stderr
	expect_lines 30
	expect_jq '(.id | type) == "string" and .author_id == "1500000000000000001" and (.created_at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\.000Z$")) and (.public_metrics.like_count | type) == "number"'
	# a reply keeps whom it answers and its mention
	expect_jq 'select(.entities.mentions) | .entities.mentions[] | (.username | type) == "string" and (.id | test("^[0-9]+$")) and .end > .start'
	[ "$(jq -s 'map(select(.in_reply_to_user_id and .entities.mentions)) | length' "$OUT")" -gt 5 ] || { show; return 1; }
	# the same texts as the sample account's posts, newest first
	jq -r '.posts[] | select(.author_id == "1500000000000000001") | [.created_at, .text] | @tsv' \
		"$BATS_TEST_DIRNAME/../../examples/sample-account.json" | sort -r >want
	jq -r '[.created_at, .text] | @tsv' "$OUT" | diff want -
}

@test "--account: the owner's account from account.js and profile.js, never the e-mail address" {
	twa --account "$ZIP"
	expect_status 0
	expect_lines 1
	expect_jq '.id == "1500000000000000001" and .username == "brightpath_co" and (.description | test("small businesses & nonprofits"))'
	! grep -q 'example' "$OUT" || { echo "the e-mail address was written"; show; return 1; }
	! grep -qi 'email\|phone' "$OUT" || { show; return 1; }
}

@test "an extracted folder reads the same as the zip" {
	python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall("x")' "$ZIP"
	tw-archive --posts "$ZIP" >from-zip
	twa --posts x
	expect_status 0
	expect_out from-zip
}

@test "without manifest.js: tweet.js and tweets-partN.js by name, any spacing, the array on its first line; HTML entities decoded" {
	zip_of a.zip \
		'data/tweets-part1.js=window.YTD.tweets.part1=[{"tweet":{"id_str":"2","full_text":"second","created_at":"Wed Feb 01 10:00:00 +0100 2017","favorite_count":"0","retweet_count":"0"}}]' \
		'data/tweets.js=window.YTD.tweets.part0 =
[ {
  "tweet" : { "id_str" : "1", "full_text" : "a &lt;b&gt; &amp; c &#39;d&#39; &#x1F600;", "created_at" : "Tue Jan 31 09:01:52 +0000 2017", "in_reply_to_status_id_str" : "9", "in_reply_to_user_id_str" : "8" }
} ]' \
		'data/account.js=window.YTD.account.part0 = [ {"account": {"accountId": "77", "username": "me", "email": "me@example.org"}} ]'
	twa --posts a.zip
	expect_status 0
	expect_no_stderr
	expect_ids_are() { [ "$(jq -r .id "$OUT" | tr '\n' ' ')" = "$1" ] || { show; return 1; }; }
	expect_ids_are "1 2 "
	jq -c 'select(.id == "1") | [.text, .created_at, .author_id, .in_reply_to_user_id, .referenced_tweets]' "$OUT" >got
	printf '%s\n' '["a <b> & c '"'"'d'"'"' 😀","2017-01-31T09:01:52.000Z","77","8",[{"type":"replied_to","id":"9"}]]' | diff - got
	expect_jq 'select(.id == "2") | .created_at == "2017-02-01T09:00:00.000Z"'
}

@test "an empty data file gives no records; a missing one is an error (exit 1)" {
	zip_of e.zip 'data/follower.js=window.YTD.follower.part0 = [ ]' 'data/following.js='
	twa --followers e.zip
	expect_status 0
	expect_no_stdout
	expect_no_stderr
	twa --following e.zip
	expect_status 0
	expect_no_stdout
	twa --posts e.zip
	expect_status 1
	expect_err '^tw-archive: e\.zip: no tweet\.js: is this an X archive\?$'
}

@test "a bad entry is named ZIP:MEMBER:LINE, kept with --rejects, and the rest written (exit 1)" {
	zip_of b.zip 'data/follower.js=window.YTD.follower.part0 = [
{"follower": {"accountId": "1"}},
{"follower": {"accountId": "x1"}},
{"following": {"accountId": "3"}},
{"follower": {"accountId": "4"}}
]'
	twa --followers --rejects rej b.zip
	expect_status 1
	[ "$(jq -r .id "$OUT" | tr '\n' ' ')" = "1 4 " ] || { show; return 1; }
	expect_err '^tw-archive: b\.zip:data/follower\.js:3: an entry without a numeric accountId$'
	expect_err '^tw-archive: b\.zip:data/follower\.js:4: not a "follower" entry of the archive$'
	[ "$(wc -l <rej)" -eq 2 ] || { cat rej; return 1; }
}

@test "hostile zips: a path with .., an absolute path, a bomb, a huge member, a truncated or corrupt zip; nothing is written to disk" {
	zip_of dots.zip 'data/follower.js=window.YTD.follower.part0 = [ ]' '../../evil.js=x'
	twa --followers dots.zip
	expect_status 1
	expect_no_stdout
	expect_err "^tw-archive: dots\.zip: a member whose path leaves the archive \(\.\./\.\./evil\.js\): refused$"
	zip_of abs.zip '/tmp/evil.js=x'
	twa --followers abs.zip
	expect_status 1
	expect_err 'leaves the archive'
	# 50 MB of spaces deflate to some 50 KB: more than 200 times the zip
	python3 -c '
import zipfile
with zipfile.ZipFile("bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("data/follower.js", "window.YTD.follower.part0 = [" + " " * 50000000 + "]")'
	twa --followers bomb.zip
	expect_status 1
	expect_err 'bomb\.zip:data/follower\.js: unpacks to more than 200 times the size of the zip: a zip bomb\? stopped'
	twa --followers --max-size 1M bomb.zip
	expect_status 1
	expect_err 'more than --max-size'
	head -c 2000 "$ZIP" >truncated.zip
	twa --followers truncated.zip
	expect_status 1
	expect_no_stdout
	expect_err '^tw-archive: truncated\.zip: '
	head -c 100 /dev/urandom >corrupt.zip
	twa --followers corrupt.zip
	expect_status 1
	expect_err '^tw-archive: corrupt\.zip: '
	# nothing was extracted
	[ ! -e evil.js ] && [ ! -e ../../evil.js ] && [ ! -e /tmp/evil.js ] && [ ! -e data ]
}

@test "usage errors: no mode, two modes, no archive or two (exit 2); an archive that does not exist (exit 1)" {
	for args in "$ZIP" "--followers --posts $ZIP" "--followers" "--followers $ZIP $ZIP"; do
		twa $args
		[ "$status" -eq 2 ] || { echo "tw-archive $args"; show; return 1; }
		expect_err '^usage: tw-archive'
	done
	twa --followers no-such.zip
	expect_status 1
	expect_err '^tw-archive: no-such\.zip: No such file or directory$'
}

@test "its stubs feed fb-diff: followers not followed back, from the archive alone" {
	tw-archive --following "$ZIP" >following.ndjson
	tw-archive --followers "$ZIP" | fb-diff --not-in following.ndjson >out
	jq -r '.followers["1500000000000000001"] - .following["1500000000000000001"] | .[]' \
		"$BATS_TEST_DIRNAME/../../examples/sample-account.json" >want
	jq -r .id out | diff want -
}
