#!/usr/bin/env bats
# fb-detect: what a user of the command sees (records, options, messages).
# Bad input and the record contract's error handling: bad-input.bats.

load helpers

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# --- records in, records out ------------------------------------------

@test "a record without hits is echoed byte for byte, exit 0, nothing on stderr" {
	# odd spacing, 12345678901234567890, 1.50, 1E+2, -0.0 and \/: jq would rewrite them all
	fbd <"$DATA/plain.ndjson"
	expect_status 0
	expect_out "$DATA/plain.ndjson"
	expect_no_stderr
}

@test "a demand sets fb.demand: flagged, score, hits with rule, field, match, start, end, weight" {
	fbd <"$DATA/demand.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 1
	expect_jq '.fb.demand | keys_unsorted == ["flagged", "score", "hits"]'
	expect_jq '.fb.demand.flagged == true'
	# "Café ☕ 😀 naïve crème — " is 23 codepoints (and 33 bytes, 24 UTF-16 units)
	expect_jq '[.fb.demand.hits[] | select(.rule == "EN_PLEASE_FOLLOW_BACK")]
		== [{"rule": "EN_PLEASE_FOLLOW_BACK", "field": ".description",
		     "match": "please follow back", "start": 23, "end": 41, "weight": 4}]'
	# every hit points at its match, in codepoints of the original text
	expect_jq '.description as $d | all(.fb.demand.hits[]; $d[.start:.end] == .match)'
	# a record's score adds the weight of each rule that hit, once
	expect_jq '.fb.demand.score == (.fb.demand.hits | unique_by(.rule) | map(.weight) | add)'
	# the record itself is unchanged, fb added at the end
	expect_jq 'del(.fb) == {"id": "1002", "username": "cafe_lou", "name": "Lou",
		"description": "Café ☕ 😀 naïve crème — please follow back!", "location": "Paris"}'
	expect_prefix "$DATA/demand.ndjson" $(($(wc -c <"$DATA/demand.ndjson") - 2))
}

@test "fb.score of another program is kept, in place, and fb stays where it was" {
	fbd <"$DATA/fb-score.ndjson"
	expect_status 0
	expect_jq 'keys_unsorted == ["id", "username", "description", "fb", "lang"]'
	expect_jq '.fb | keys_unsorted == ["score", "source", "demand"]'
	expect_jq '.fb.score == {"points": 7, "verdict": "engage"} and .fb.source == {"network": "x"}'
	expect_jq '.fb.demand.flagged == true'
	# byte for byte up to the new sub-key, and after it
	printf '%s' '{"id":"1003","username":"dana_k","description":"Please follow back 🙏","fb":{"score":{"points":7,"verdict":"engage"},"source":{"network":"x"},"demand":{' >prefix
	expect_prefix prefix $(wc -c <prefix)
	if [ "$(tail -c 16 "$OUT")" != '}},"lang":"en"}' ]; then
		echo 'the record does not end with }},"lang":"en"}'
		show
		return 1
	fi
}

@test "running fb-detect twice gives the same bytes as running it once" {
	cat "$DATA/plain.ndjson" "$DATA/demand.ndjson" "$DATA/fb-score.ndjson" \
	    "$DATA/stale.ndjson" "$DATA/order.ndjson" "$DATA/pretty.json" \
	    "$DATA/api-users.json" "$DATA/api-posts.json" "$DATA/sample.ndjson" >in
	fbd in
	expect_status 0
	cp "$OUT" once
	[ "$(grep -c '"demand"' once)" -ge 6 ] || { echo "expected some demands"; show; return 1; }
	fbd once
	expect_status 0
	expect_out once
	expect_no_stderr
}

@test "a stale fb.demand is removed when the record no longer hits (and an empty fb goes)" {
	fbd <"$DATA/stale.ndjson"
	expect_status 0
	expect_out "$DATA/stale.expected.ndjson"
	expect_no_stderr
}

@test "other fields pass through in their order; fb comes last" {
	fbd <"$DATA/order.ndjson"
	expect_status 0
	expect_jq 'keys_unsorted == ["zeta", "id", "username", "alpha", "description", "mid",
		"name", "public_metrics", "created_at", "fb"]'
	expect_jq '.alpha == {"y": 1, "x": [3, 2, 1]} and (.alpha | keys_unsorted) == ["y", "x"]'
	expect_jq '.fb.demand.flagged == true'
	# everything before fb is the input's bytes
	head -c -2 "$DATA/order.ndjson" >prefix
	printf ',"fb":{"demand":{' >>prefix
	expect_prefix prefix $(wc -c <prefix)
}

@test "pretty-printed, concatenated and array input become compact NDJSON, one record a line" {
	fbd "$DATA/pretty.json"
	expect_status 0
	expect_out "$DATA/pretty.expected.ndjson"
	expect_no_stderr
}

@test "a pretty-printed record with a demand comes out on one line with fb.demand" {
	printf '{\n  "username": "pp",\n  "n": 1.50,\n  "description": "please\\n follow back"\n}\n' >in
	fbd in
	expect_status 0
	expect_lines 1
	printf '{"username":"pp","n":1.50,"description":"please\\n follow back","fb":{"demand":' >prefix
	expect_prefix prefix $(wc -c <prefix)
	expect_jq '.fb.demand.flagged == true'
}

@test "input with a UTF-8 byte order mark (jq reads it) is read" {
	printf '\357\273\277{"username":"bom_bea"}\n{"username":"b2"}\n' >in
	jq -c . in >/dev/null # the contract: what jq accepts
	fbd in
	expect_status 0
	expect_no_stderr
	expect_out_text "$(printf '{"username":"bom_bea"}\n{"username":"b2"}')"
}

# --- raw X API pages ----------------------------------------------------

@test "a users page becomes one record per user, with posts joined newest first" {
	fbd "$DATA/api-users.json"
	expect_status 0
	expect_no_stderr
	expect_lines 3
	# pinned older than most recent (ann), pinned newer (bob), post not included (cy)
	jq -c 'del(.fb)' "$OUT" >records
	diff "$DATA/api-users.expected.ndjson" records
	# ann's demand is in her most recent post, which is posts[0]
	head -1 "$OUT" >ann
	expect_jq '.username == "page_ann" and .fb.demand.flagged == true' ann
	expect_jq '.posts[0].text as $t | all(.fb.demand.hits[]; .field == ".posts[0].text" and $t[.start:.end] == .match)' ann
	tail -n 2 "$OUT" >others
	expect_jq '.fb == null' others
}

@test "a users page with the post spellings (includes.posts, pinned_post_id, most_recent_post_id)" {
	fbd "$DATA/api-users-posts.json"
	expect_status 0
	expect_no_stderr
	expect_out_text '{"id":"3004","username":"page_dee","name":"Dee","description":"Potter","pinned_post_id":"1600000000000000000","most_recent_post_id":"1600000000000000005","posts":[{"id":"1600000000000000005","text":"New mugs today"},{"id":"1600000000000000000","text":"Pinned kiln notes"}]}'
}

@test "a posts page becomes one record per post, with its author joined" {
	fbd "$DATA/api-posts.json"
	expect_status 0
	expect_no_stderr
	expect_lines 2
	jq -c 'del(.fb)' "$OUT" >records
	diff "$DATA/api-posts.expected.ndjson" records
	head -1 "$OUT" >eve
	expect_jq '.fb.demand.flagged == true and all(.fb.demand.hits[]; .field == ".text")' eve
	tail -n 1 "$OUT" >fay
	expect_jq '.fb == null' fay
}

@test "numbers in the records of an API page keep their text" {
	printf '%s\n' '{"data":[{"id":"3201","username":"num_nia","public_metrics":{"followers_count":12345678901234567890,"ratio":1.50}}],"meta":{"result_count":1}}' >in
	fbd in
	expect_status 0
	expect_out_text '{"id":"3201","username":"num_nia","public_metrics":{"followers_count":12345678901234567890,"ratio":1.50}}'
}

# --- options ------------------------------------------------------------

@test "--no-default-rules -r FILE: only those rules, exact records" {
	fbd --no-default-rules -r "$DATA/custom.rules" "$DATA/custom-input.ndjson"
	expect_status 0
	expect_no_stderr
	expect_out "$DATA/custom.expected.ndjson"
}

@test "--hits-only writes only the flagged records" {
	fbd --hits-only --no-default-rules -r "$DATA/custom.rules" "$DATA/custom-input.ndjson"
	expect_status 0
	expect_no_stderr
	head -1 "$DATA/custom.expected.ndjson" >expected
	expect_out expected
}

@test "--hits-only with the default rules keeps flagged records only" {
	fbd --hits-only "$DATA/sample.ndjson"
	expect_status 0
	expect_jq '.fb.demand.flagged == true'
	expect_jq '.username != "quiet_quinn" and .username != "weak_wes" and .username != "neg_ned"'
	grep -q '"strong_sal"' "$OUT" || { echo "strong_sal missing"; show; return 1; }
}

@test "--threshold: with the rules alone, a weaker rule (1.5 points) flags only with -t 1.5" {
	sed -n 2p "$DATA/sample.ndjson" >in # "Coffee lover #followme"
	fbd --no-model in
	expect_status 0
	expect_jq '.fb.demand.flagged == false and .fb.demand.score == 1.5'
	fbd --no-model -t 1.5 in
	expect_status 0
	expect_jq '.fb.demand.flagged == true and .fb.demand.score == 1.5'
	# with the model, the model decides: a plain call to follow is no demand
	fbd -t 1.5 in
	expect_status 0
	expect_jq '.fb.demand.flagged == false and .fb.demand.score == 0.75
		and [.fb.demand.hits[].rule] == ["TAG_FOLLOWME", "MODEL"]'
	fbd --no-model --threshold=1.6 --hits-only in
	expect_status 0
	expect_no_stdout
	fbd --no-model --threshold 1.5 --hits-only in
	expect_status 0
	expect_lines 1
}

@test "--format table: a header, then a row per record with hits: line, handle, score, flag, first match, rules" {
	fbd --format table --no-default-rules -r "$DATA/custom.rules" "$DATA/custom-input.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 3
	sed -n 1p "$OUT" | grep -Eq '^LINE +HANDLE +SCORE +FLAG +FIRST MATCH +RULES$' || { show; return 1; }
	sed -n 2p "$OUT" | grep -Eq '^1 +@owl_fan +3\.5 +yes +"Tea" +TEA_TALK,BIRDS$' || { show; return 1; }
	sed -n 3p "$OUT" | grep -Eq '^2 +@tea_tom +1 +no +"Owls" +BIRDS$' || { show; return 1; }
}

@test "--format table fits COLUMNS (60, 120; 80 by default) with CJK, emoji and combining marks: padded and cut by columns" {
	for cols in 60 120; do
		COLUMNS=$cols fbd --format table -r "$DATA/wide.rules" "$DATA/wide.ndjson"
		expect_status 0
		expect_lines 3
		expect_fits "$cols"
	done
	# a wide handle is cut and padded to its 17 columns: the scores line up
	sed -n 2p "$OUT" | grep -q '^1      @关注我回关关注… ' || { show; return 1; }
	fbd --format table -r "$DATA/wide.rules" "$DATA/wide.ndjson" </dev/null
	expect_fits 80
	grep -q '…$' "$OUT" || { echo "no line was cut at 80 columns"; show; return 1; }
}

@test "--format table names a post by its author's handle" {
	fbd --format table "$DATA/api-posts.json"
	expect_status 0
	sed -n 2p "$OUT" | grep -Eq '^1 +@post_eve +[0-9.]+ +yes +"[^"]*please follow back[^"]*"' || { show; return 1; }
}

@test "--explain: a table of rules and points on stderr, stdout unchanged" {
	fb-detect --no-default-rules -r "$DATA/custom.rules" "$DATA/custom-input.ndjson" >plain.out
	fbd --explain --no-default-rules -r "$DATA/custom.rules" "$DATA/custom-input.ndjson"
	expect_status 0
	expect_out plain.out
	expect_err_has "custom-input.ndjson:1: @owl_fan: flagged, 3.5 points, 3 required"
	expect_err '^ *2\.5 +TEA_TALK +Talks about tea$'
	expect_err '^ *1\.0 +BIRDS +Mentions birds$'
	expect_err_has '"herons" in .description [8,14)'
	expect_err_has "custom-input.ndjson:2: @tea_tom: not flagged, 1 points, 3 required"
	if grep -q plain_pia "$ERR"; then
		echo "a record without hits is explained"
		show
		return 1
	fi
}

@test "-x is --explain" {
	fbd -x <"$DATA/demand.ndjson"
	expect_status 0
	expect_err_has "stdin:1: @cafe_lou: flagged"
	expect_err 'EN_PLEASE_FOLLOW_BACK'
}

@test "--field '.posts[]?.text' scans only the posts and names .posts[N].text" {
	record '{username: "followback_fred", description: "please follow back",
		posts: [{text: "sunset over the bay"}, {text: "I follow back everyone"}]}'
	fbd --field '.posts[]?.text' in
	expect_status 0
	expect_no_stderr
	expect_jq '.fb.demand.flagged == true'
	expect_jq '.posts[1].text as $t | all(.fb.demand.hits[]; .field == ".posts[1].text" and $t[.start:.end] == .match)'
}

@test "--field with an expression that is not a path reports the expression as the field" {
	record '{username: "x", description: "PLEASE FOLLOW BACK"}'
	fbd --field '.description | ascii_downcase' in
	expect_status 0
	expect_jq '.fb.demand.flagged == true'
	expect_jq 'all(.fb.demand.hits[]; .field == ".description | ascii_downcase")'
	expect_jq 'any(.fb.demand.hits[]; .match == "please follow back")'
}

@test "--field given twice scans both" {
	record '{username: "two", name: "please follow back", description: "#F4F", text: "I follow back"}'
	fbd -f .name --field .description in
	expect_status 0
	expect_jq '[.fb.demand.hits[].field] | unique == [".description", ".name"]'
}

@test "--list-rules prints rules that --rules reads back to the same results" {
	fbd --list-rules
	expect_status 0
	expect_no_stderr
	cp "$OUT" listed.rules
	grep -q '^rule EN_PLEASE_FOLLOW_BACK ' listed.rules || { show; return 1; }
	grep -q '^fields HANDLE_FOLLOWBACK username$' listed.rules || { show; return 1; }
	fb-detect "$DATA/sample.ndjson" "$DATA/demand.ndjson" "$DATA/api-users.json" >default.out
	fbd --no-default-rules -r listed.rules "$DATA/sample.ndjson" "$DATA/demand.ndjson" "$DATA/api-users.json"
	expect_status 0
	expect_out default.out
	# and listing the rules read back gives the same listing
	fbd --no-default-rules -r listed.rules -l
	expect_out listed.rules
}

@test "--rules overrides a default rule's weight by name, which changes the score" {
	sed -n 3p "$DATA/sample.ndjson" >in # "please follow back"
	fb-detect in >before
	fbd --rules "$DATA/weight.rules" in
	expect_status 0
	expect_no_stderr
	expect_jq 'any(.fb.demand.hits[]; .rule == "EN_PLEASE_FOLLOW_BACK" and .weight == 10)'
	before=$(jq '.fb.demand.score' before)
	after=$(jq '.fb.demand.score' "$OUT")
	[ "$(jq -n "$after - $before")" = 6 ] || { echo "score $before -> $after, expected +6"; show; return 1; }
	fbd -r "$DATA/weight.rules" --list-rules
	[ "$(grep -c '^rule EN_PLEASE_FOLLOW_BACK ' "$OUT")" = 1 ] || { show; return 1; }
	grep -q '^weight EN_PLEASE_FOLLOW_BACK 10$' "$OUT" || { show; return 1; }
}

@test "define: a piece of pattern that rules call as (?&NAME), the default rules' defines too" {
	printf '%s\n' 'define PLEA (?:pls|please)\s+' \
	    'rule MY_PLEA (?&PLEA)notice\s+me(?&NOT_BEFORE_THREAT)' 'weight MY_PLEA 4' >plea.rules
	printf '%s\n' '{"id":"1","text":"please notice me"}' \
	    '{"id":"2","text":"pls notice me or I unfollow"}' '{"id":"3","text":"notice me"}' >in
	fbd --no-model --no-default-rules -r plea.rules in
	expect_status 2
	expect_err 'rule MY_PLEA: .*NOT_BEFORE_THREAT|reference to non-existent subpattern'
	fbd --no-model -r plea.rules in
	expect_status 0
	expect_no_stderr
	expect_jq 'select(.id == "1") | .fb.demand.flagged == true'
	# the default rules' NOT_BEFORE_THREAT: a threat follows
	expect_jq 'select(.id == "2") | all(.fb.demand.hits[]?; .rule != "MY_PLEA")'
	expect_jq 'select(.id == "3") | all(.fb.demand.hits[]?; .rule != "MY_PLEA")'
	fbd -r plea.rules -l
	grep -qx 'define PLEA (?:pls|please)\\s+' "$OUT" || { show; return 1; }
	grep -q '^define NOT_BEFORE_THREAT ' "$OUT" || { show; return 1; }
	grep -qx 'rule MY_PLEA (?&PLEA)notice\\s+me(?&NOT_BEFORE_THREAT)' "$OUT" || { show; return 1; }
	printf '%s\n' 'define A x(?&B)' 'define B y(?&A)' 'rule LOOP (?&A)' >loop.rules
	fbd -r loop.rules in
	expect_status 2
	expect_err 'loop\.rules:3: rule LOOP: its defines call each other in a circle'
}

@test "-r with a syntax error: exit 2, the message names file:line, no output" {
	fbd -r "$DATA/bad-syntax.rules" <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-detect: .*bad-syntax\.rules:5: '
}

@test "a rule with a bad PCRE2 pattern: exit 2, the message names the rule" {
	fbd -r "$DATA/bad-pcre.rules" <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-detect: .*bad-pcre\.rules:2: .*BROKEN_PAREN'
}

@test "a rule that can match empty text: exit 2, the message names the rule" {
	fbd -r "$DATA/empty-match.rules" <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-detect: .*MAYBE_EMPTY.*empty'
}

@test "a rule file that does not exist: exit 2, the message names it" {
	fbd -r no-such.rules <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-detect: .*no-such\.rules'
}

@test "an invalid jq expression in --field: exit 2, the message names it" {
	fbd --field '.posts[] |' <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err_has "fb-detect: --field .posts[] |"
}

@test "--threshold abc: exit 2" {
	fbd --threshold abc <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err_has "--threshold"
	expect_err_has "abc"
}

@test "an unknown option: exit 2 with the usage on stderr" {
	fbd --bogus <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err_has "bogus"
	expect_err '^usage: fb-detect '
}

@test "--format xml: exit 2" {
	fbd --format xml <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err_has "xml"
}

@test "--help: exit 0, the usage on stdout" {
	fbd --help
	expect_status 0
	expect_no_stderr
	head -1 "$OUT" | grep -q '^usage: fb-detect ' || { show; return 1; }
	grep -q -- '--threshold' "$OUT" || { show; return 1; }
	cp "$OUT" long
	fbd -h
	expect_status 0
	expect_out long
}

@test "--version: exit 0, one line with the name and version" {
	fbd --version
	expect_status 0
	expect_no_stderr
	expect_lines 1
	grep -Eq '^fb-detect \(followback\) [0-9]+\.[0-9]+(\.[0-9]+)?$' "$OUT" || { show; return 1; }
}

# --- obfuscated demands ------------------------------------------------

# obfuscated TEXT MATCH: "Coffee lover. TEXT" is flagged, a hit's match is
# MATCH (the original, obfuscated text) and every hit points at its match.
obfuscated() {
	record --arg d "Coffee lover. $1" '{username: "obf", description: $d}'
	fbd in
	expect_status 0
	expect_no_stderr
	expect_jq '.fb.demand.flagged == true'
	expect_jq "any(.fb.demand.hits[]; .match == $(jq -n --arg m "$2" '$m'))"
	expect_jq '.description as $d | all(.fb.demand.hits[]; $d[.start:.end] == .match)'
}

@test "obfuscated: mathematical bold letters" {
	obfuscated '𝐅𝐎𝐋𝐋𝐎𝐖 𝐁𝐀𝐂𝐊 𝐏𝐋𝐄𝐀𝐒𝐄' '𝐅𝐎𝐋𝐋𝐎𝐖 𝐁𝐀𝐂𝐊 𝐏𝐋𝐄𝐀𝐒𝐄'
}

@test "obfuscated: fullwidth letters" {
	obfuscated 'ｆｏｌｌｏｗ ｂａｃｋ ｐｌｅａｓｅ' 'ｆｏｌｌｏｗ ｂａｃｋ ｐｌｅａｓｅ'
}

@test "obfuscated: circled letters" {
	obfuscated 'ⓕⓞⓛⓛⓞⓦ ⓑⓐⓒⓚ ⓟⓛⓔⓐⓢⓔ' 'ⓕⓞⓛⓛⓞⓦ ⓑⓐⓒⓚ ⓟⓛⓔⓐⓢⓔ'
}

@test "obfuscated: spaced letters" {
	obfuscated 'F O L L O W  B A C K  P L E A S E' 'F O L L O W  B A C K  P L E A S E'
}

@test "obfuscated: dotted letters" {
	obfuscated 'f.o.l.l.o.w b.a.c.k please' 'f.o.l.l.o.w b.a.c.k please'
}

@test "obfuscated: leetspeak f0ll0w" {
	obfuscated 'f0ll0w back pl3ase' 'f0ll0w back pl3ase'
}

@test "obfuscated: capital I for l (FoIIow)" {
	obfuscated 'FoIIow back please' 'FoIIow back please'
}

@test "obfuscated: a zero-width space inside a word" {
	obfuscated "$(printf 'fol\342\200\213low back please')" "$(printf 'fol\342\200\213low back please')"
}

@test "obfuscated: stretched letters (pleaseeee)" {
	obfuscated 'pleaseeee follow back' 'pleaseeee follow back'
}

@test "obfuscated: Cyrillic о inside follow" {
	obfuscated 'fоllоw back please' 'fоllоw back please'
}

# --- evidence against --------------------------------------------------

# not_flagged TEXT: "TEXT" as a bio is not flagged and no positive rule counts.
not_flagged() {
	record --arg d "$1" '{username: "neg", description: $d}'
	fbd in
	expect_status 0
	expect_no_stderr
	expect_jq '.fb.demand.flagged != true'
	expect_jq 'all(.fb.demand.hits[]?; .weight <= 0)'
}

@test "not flagged: who doesn't follow me back?" {
	not_flagged "who doesn't follow me back?"
}

@test "a negative rule's phrase alone keeps the model out; with a threat after it, it is a demand" {
	# "who doesn't follow me back?" is the phrase NEG_NO_FOLLOW_BACK was
	# written for: the model, whose n-grams of it ("me back") lean the other
	# way, is not asked about a field the rule covers three quarters of
	not_flagged "who doesn't follow me back??? 👀"
	record --arg d "who doesn't follow me back? unfollowing every one of you tonight" '{username: "neg", description: $d}'
	fbd in
	expect_status 0
	# NEG_NO_FOLLOW_BACK stands aside where a threat follows (NOT_BEFORE_THREAT)
	expect_jq 'select(.description | test("tonight")) | .fb.demand.flagged == true and
	    all(.fb.demand.hits[]; .rule != "NEG_NO_FOLLOW_BACK")'
}

@test "two negative rules' phrases that cover a field together keep the model out" {
	# NEG_NO_FOLLOW_BACK and NEG_UNFOLLOWER_APPS span 42 of its 56
	# characters between them, neither three quarters alone: a model of
	# 194,843 n-grams gave it 0.716 against a threshold of 0.707
	not_flagged "who doesn't follow me back? checking my unfollowers list"
	record --arg d "who doesn't follow me back? checking my unfollowers list" '{username: "neg", description: $d}'
	fbd in
	expect_jq '[.fb.demand.hits[].rule] == ["NEG_NO_FOLLOW_BACK", "NEG_UNFOLLOWER_APPS"]'
}

@test "not flagged: thanks for the follow" {
	not_flagged "thanks for the follow"
}

@test "not flagged: a quoted demand (her bio says 'I follow back everyone')" {
	not_flagged "her bio says 'I follow back everyone'"
}

@test "a quoted demand is reported as the QUOTED mask that hid it" {
	# share/detect.rules: a weight-0 rule "shows only when it hid one"
	record --arg d "her bio says 'I follow back everyone'" '{username: "neg", description: $d}'
	fbd in
	expect_status 0
	expect_jq '.fb.demand.flagged == false and .fb.demand.score == 0'
	expect_jq 'any(.fb.demand.hits[]; {rule, match, weight}
		== {"rule": "QUOTED", "match": "'"'"'I follow back everyone'"'"'", "weight": 0})'
	expect_jq 'all(.fb.demand.hits[]; .weight == 0)'
}

@test "reach: a mask hides the hits before it in its clause, not those of the clause before, and -l keeps it" {
	printf '%s\n' 'rule MY_OFFER \bswap\s+follows\b' 'weight MY_OFFER 4' \
	    'rule MY_PAST \bin\s+2013\b' 'weight MY_PAST 0' 'reach MY_PAST 40' >mask.rules
	printf '%s\n' '{"id":"1","text":"we used to swap follows in 2013"}' \
	    '{"id":"2","text":"swap follows! in 2013 we did it all day"}' \
	    '{"id":"3","text":"let us swap follows and in the meantime, long long long ago, in 2013"}' >in
	fbd --no-model --no-default-rules -r mask.rules in
	expect_status 0
	expect_no_stderr
	# 1: "swap follows" ends before "in 2013", in the same clause: hidden, the mask shown
	expect_jq 'select(.id == "1") | .fb.demand.flagged == false and [.fb.demand.hits[].rule] == ["MY_PAST"]'
	# 2: a "!" ends the clause between them: the offer stands, the mask hid nothing
	expect_jq 'select(.id == "2") | .fb.demand.flagged == true and [.fb.demand.hits[].rule] == ["MY_OFFER"]'
	# 3: more than 40 characters between them: out of reach
	expect_jq 'select(.id == "3") | .fb.demand.flagged == true and [.fb.demand.hits[].rule] == ["MY_OFFER"]'
	fbd --no-default-rules -r mask.rules -l
	expect_status 0
	grep -qx 'reach MY_PAST 40' "$OUT" || { show; return 1; }
	printf '%s\n' 'rule X \bx\b' 'weight X 0' 'reach X 5000' >bad.rules
	fbd -r bad.rules in
	expect_status 2
	expect_err 'bad.rules:3: reach is a whole number of characters, 0 to 1000'
}

# rules_flag TEXT RULE: with the rules alone, post TEXT is flagged and RULE hits.
rules_flag() {
	rm -f in
	record --arg t "$1" '{id: "1", text: $t}'
	fbd --no-model in
	expect_status 0
	expect_jq '.fb.demand.flagged == true'
	expect_jq "any(.fb.demand.hits[]; .rule == \"$2\")"
}

# rules_refuse TEXT: with the rules alone, post TEXT is not flagged: PR_REFUSAL hid the hit.
rules_refuse() {
	rm -f in
	record --arg t "$1" '{id: "1", text: $t}'
	fbd --no-model in
	expect_status 0
	expect_jq '.fb.demand.flagged == false and any(.fb.demand.hits[]; .rule == "PR_REFUSAL")'
}

# rules_no_hit TEXT RULE: with the rules alone, RULE does not hit post TEXT.
rules_no_hit() {
	rm -f in
	record --arg t "$1" '{id: "1", text: $t}'
	fbd --no-model in
	expect_status 0
	expect_jq "all(.fb.demand.hits[]?; .rule != \"$2\")"
}

@test "masks do not hide demands that only look like what they mask" {
	# "no shame" is not a past habit to be ashamed of
	rules_flag 'follow ke badle follow, koi sharam nahi 😂 aa jao sab' HI_UR_ROMAN_WAPAS
	# ":)" after F4F is a smiley, not a definition of the acronym
	rules_flag 'JB and 1D arent following me yet... F4F :)' EN_FOLLOW_FOR_FOLLOW
	# removing those who do not follow back is a threat, not an unfollower app
	rules_flag 'akşama kadar geri takip etmeyenleri çıkarıyorum, yeter artık 😤' TR_GERI_TAKIP
	# 答不答应 ("will you agree?") is a question, not a refusal of 互粉
	rules_flag '官二代想变成二代官要先问问人民答不答应！#互粉派对#[哼]' ZH_HUGUAN
}

@test "refusals in Hindi, Persian and the long tail of languages are not demands" {
	rules_refuse 'फॉलो बैक नहीं दूंगा'
	rules_refuse 'فالو متقابل نمی‌کنم'
	# a negation before F4F (Swedish, Swahili, Bulgarian, Hausa) or after it (Hindi)
	rules_refuse 'Keramik & kaffe | Uppsala | ingen f4f tack'
	rules_refuse 'Nafuata watu ninaoongea nao tu. Hakuna f4f.'
	rules_refuse 'Gamer 🎮 | стрийм всяка вечер | не правя f4f, сори'
	rules_refuse 'Ba na follow for follow. Ina bin mutanen da nake jin daɗin rubutunsu'
	rules_refuse 'Engineering student | Pune | f4f nahi karta, sorry'
	# spread letters are not the Finnish "ei"
	rules_no_hit 'f.o.l.l.o.w m.e i f.o.l.l.o.w b.a.c.k' PR_REFUSAL
}

@test "a follow-back hashtag in a stack of hashtags is TAG_IN_STACK, in any language; one named in a sentence is not" {
	rules_flag 'crazy day #life #smile #girls #friends #fun #summer #follow4follow #beach' TAG_IN_STACK
	rules_flag '우리귀여운 뚠뚠이 #일상 #일상스타그램 #오늘 #데일리 #소통 #좋아요 #선팔하면맞팔' TAG_IN_STACK
	rules_flag '#互粉#嫦娥三号登月#你嫌弃自己什么' TAG_IN_STACK
	rules_no_hit 'Why do spam accounts always have #F4F and #TFB in their bio? Asking for a friend.' TAG_IN_STACK
	rules_no_hit 'Breaking: new law passed #news #politics #takipte' TAG_IN_STACK
}

@test "Turkish follow-for-follow in its everyday phrasings is TR_TAKIPLESME; not expecting GT is not" {
	rules_flag 'hayırlı cumalar 🌹 takip edenleri takip ediyorum 🤲' TR_TAKIPLESME
	rules_flag 'stay'"'"'ler burda mı? mutu olalım 🐺' TR_TAKIPLESME
	rules_flag 'El yapımı takılar 💍 | Butik hesaplara gt 🤝' TR_TAKIPLESME
	rules_no_hit 'GT beklemeden takip ediyorum, beğendiğim içerik olunca yeter' TR_TAKIPLESME
}

@test "Hausa follow-for-follow (\"ku bi mu, mu ma zamu bi ku\", \"zan mayar wa kowa\", handles) is HA_BI_JUNA; a report of a follow-back is not" {
	rules_flag 'Tela 🧵 | Kaduna | Ku bi mu, mu ma za mu bi ku baya ✂️' HA_BI_JUNA
	rules_flag 'Yau na bude sabon account 😢 ku bi ni a nan, zan mayar wa kowa' HA_BI_JUNA
	record '{id: "2", username: "biyonibiyoka"}'
	fbd --no-model in
	expect_jq 'select(.id == "2") | any(.fb.demand.hits[]; .rule == "HA_BI_JUNA")'
	rules_no_hit 'Yau Rarara ya yi min follow back 😭 Alhamdulillah' HA_BI_JUNA
}

@test "a threat to those who do not follow back is not read as a refusal or a report" {
	rules_no_hit "Doing my monthly clean up tomorrow — anyone not following back gets the chop ✂️ you've been warned" NEG_NO_FOLLOW_BACK
	rules_no_hit 'quem não seguir de volta em 2 dias eu tiro, tô de olho 👁️' NEG_NO_FOLLOW_BACK
	rules_no_hit 'اللي ما يرد المتابعة بيطير 😤' NEG_NO_FOLLOW_BACK
	rules_no_hit 'フォロバしない人は定期的にリムってます' NEG_NO_FOLLOW_BACK
	# the rule still reads a plain report or refusal
	rm -f in
	record '{id: "1", text: "I check who doesnt follow back every sunday with an app"}'
	fbd --no-model in
	expect_jq 'any(.fb.demand.hits[]; .rule == "NEG_NO_FOLLOW_BACK")'
	# "if you won't follow back" makes "don't follow" a condition, not a refusal
	rules_flag "don't follow if u won't follow back 🙄" EN_FOLLOW_BACK_SHOUT
	# a German purge of those who do not follow back
	rules_flag 'Die Hälfte von euch folgt mir nicht zurück. Sonntag wird aussortiert 🗑️' DE_FOLGE_ZURUCK
	# Turkish "yoksa" is "or else", not "yok" (there is none)
	rules_flag 'geri takip yap kanka yoksa küserim 😤' TR_GERI_TAKIP
}

@test "not flagged: what other accounts' bios say" {
	not_flagged 'why does every second bio say follow back 100%'
}

@test "a real demand next to #FF is still flagged" {
	record '{username: "ff", description: "#FF @bob @amy. Follow me back please!"}'
	fbd in
	expect_status 0
	expect_jq '.fb.demand.flagged == true'
	expect_jq 'any(.fb.demand.hits[]; .weight > 0 and (.match | test("Follow me back")))'
}

# --- runaway patterns --------------------------------------------------

@test "a catastrophic pattern, (ab|abab)+\$, gives up quickly: rule named, exit 1, records written" {
	printf '{"username":"slow","description":"%s"}\n{"username":"after"}\n' \
	    "$(printf 'ab%.0s' $(seq 3000))c" >in
	SECONDS=0
	captured timeout 20 fb-detect --no-default-rules -r "$DATA/slow.rules" in
	[ "$SECONDS" -le 10 ] || { echo "took $SECONDS s"; show; return 1; }
	expect_status 1
	expect_err '^fb-detect: in:1: .*SLOW'
	expect_out in
}

@test "a catastrophic pattern, (\\w+\\w+)+[!?], added to the defaults: the default hits still count" {
	printf '{"username":"slow","description":"please follow back %s"}\n{"username":"after"}\n' \
	    "$(printf 'ab%.0s' $(seq 3000))" >in
	SECONDS=0
	captured timeout 20 fb-detect -r "$DATA/slow-nested.rules" in
	[ "$SECONDS" -le 10 ] || { echo "took $SECONDS s"; show; return 1; }
	expect_status 1
	expect_err '^fb-detect: in:1: .*NESTED'
	expect_lines 2
	head -1 out >first
	expect_jq '.fb.demand.flagged == true and .username == "slow"' first
	tail -n 1 out | grep -qx '{"username":"after"}' || { show; return 1; }
}

@test "a pattern under the match limit at every start, a(?=.*c) on 1 MB: gives up on its CPU time, rule and record named, exit 1" {
	printf 'rule LOOKAHEAD a(?=.*c)\nweight LOOKAHEAD 1\n' >la.rules
	{ printf '{"username":"slow","description":"'; head -c 1000000 /dev/zero | tr '\0' 'a' | sed 's/aa/ab/g'
	  printf '"}\n{"username":"after"}\n'; } >in
	captured timeout 120 fb-detect --no-default-rules -r la.rules in
	expect_status 1
	expect_err '^fb-detect: in:1: rule LOOKAHEAD gave up on \.description \(more than 2 s of CPU time\)'
	expect_out in
}

@test "a rule whose match \\K can leave empty, a\\K(?=b): exit 2, the message names the rule" {
	printf 'rule RESET a\\K(?=b)\n' >k.rules
	fbd --no-default-rules -r k.rules <"$DATA/demand.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-detect: k\.rules:1: rule RESET: the pattern can match empty text'
	printf 'rule QUOTED a\\Q\\K\\E\n' >q.rules
	fbd --no-default-rules -r q.rules <"$DATA/demand.ndjson"
	expect_status 0
}

@test "-f whose jq grows without end on one record: stopped at 1 GiB (or 5 s of CPU), the expression and the record named, the records before written, exit 1" {
	printf '%s\n' '{"username":"first","description":"hello"}' '{"username":"bomb","description":"abcdefgh"}' \
	    '{"username":"after","description":"hello"}' >in
	captured timeout 300 fb-detect -f 'if .username == "bomb" then (.description * 10000) as $s | [range(1e9) | $s + "x"] | "x" else .description end' in
	expect_status 1
	# Growing by 1 GiB costs some 4 s of CPU here, most of it the kernel's
	# page faults: a slower or busier machine reaches the 5 s of CPU first.
	expect_err '^fb-detect: in:2: --field: the jq expression (took more than 1024 MiB of memory|used more than 5 s of CPU time): stopped here'
	expect_lines 1
	expect_jq '.username == "first"'
}

# --- the model ------------------------------------------------------------

# "if you follow, I’ll do the same": no rule words it; the model flags it.
model_only() {
	printf '%s\n' '{"id":"7001","username":"ret_rae","description":"if you follow, I’ll do the same 💕"}'
}

@test "the model flags what no rule words: a hit of rule MODEL with its field, span, probability and n-grams" {
	model_only >in
	fbd in
	expect_status 0
	expect_no_stderr
	expect_lines 1
	expect_jq '.fb.demand.flagged == true and (.fb.demand.hits | length) == 1'
	expect_jq '.fb.demand.hits[0] | .rule == "MODEL" and .field == ".description"
		and .probability >= 0.5 and .probability <= 1 and (.ngrams | length) > 0
		and (.ngrams | all(type == "string" and length > 0))'
	# the weight makes the score reach the threshold, and match is the text between start and end
	expect_jq '.fb.demand.score == 3 and .fb.demand.hits[0].weight == 3'
	expect_jq '.description[.fb.demand.hits[0].start:.fb.demand.hits[0].end] == .fb.demand.hits[0].match'
	expect_jq '.fb.demand.hits[0].match | test("follow")'
	expect_jq '.fb.demand.hits[0].ngrams | any(test("fol"))'
}

@test "--no-model: the rules alone, the same record passes through untouched" {
	model_only >in
	fbd --no-model in
	expect_status 0
	expect_no_stderr
	expect_out in
}

@test "the model's hit weight makes a flag with -t too, and with rules' hits below the threshold" {
	model_only >in
	fbd -t 7 in
	expect_jq '.fb.demand.flagged == true and .fb.demand.score == 7 and .fb.demand.hits[0].weight == 7'
	# "#followme" is 1.5 points: the model adds what the threshold still needs
	printf '%s\n' '{"id":"7002","description":"if you follow, I’ll do the same #followme"}' >in2
	fbd in2
	expect_status 0
	expect_jq '[.fb.demand.hits[].rule] == ["TAG_FOLLOWME", "MODEL"] and .fb.demand.flagged == true'
	expect_jq '.fb.demand.score >= 3'
}

@test "where the model agrees with the rules' flag: no MODEL hit, rules explained as before" {
	printf '%s\n' '{"id":"7003","username":"tfb","description":"I FOLLOW BACK 100% and I always return the follow"}' >in
	fbd -x in
	expect_status 0
	expect_jq '.fb.demand.flagged == true and ([.fb.demand.hits[].rule] | index("MODEL") == null)'
	expect_jq '[.fb.demand.hits[].rule] | index("EN_I_FOLLOW_BACK") != null'
	expect_err_has 'in:1: @tfb: flagged, '
	expect_err '^ *4\.0 +EN_I_FOLLOW_BACK +Promises to follow back'
	expect_err_has '"I FOLLOW BACK" in .description [0,13)'
	if grep -q MODEL "$ERR"; then
		echo "MODEL explained for a record the rules flag"
		show
		return 1
	fi
	fbd --no-model in
	expect_jq '[.fb.demand.hits[].rule] | index("MODEL") == null'
}

@test "-x explains a hit of the model: probability against its threshold, the text, the n-grams" {
	model_only >in
	fbd -x in
	expect_status 0
	expect_err_has 'in:1: @ret_rae: flagged, 3 points, 3 required'
	expect_err '^ *3\.0 +MODEL +the model: probability 0\.[0-9]{3}, flags at 0\.[0-9]{3}$'
	expect_err '^ +"[^"]*follow[^"]*" in \.description \[[0-9]+,[0-9]+\)$'
	expect_err '^ +n-grams "[^"]+" \+[0-9.]+'
}

@test "--format table lists MODEL among the rules" {
	model_only >in
	fbd --format table in
	expect_status 0
	expect_lines 2
	sed -n 2p "$OUT" | grep -Eq '^1 +@ret_rae +3 +yes +"[^"]*follow[^"]*("|…) +MODEL$' || { show; return 1; }
}

@test "the model goes with the default rules: --no-default-rules -r FILE has no MODEL hits" {
	model_only >in
	fbd --no-default-rules -r "$DATA/custom.rules" in
	expect_status 0
	expect_out in
}

@test "a hit of the model is stable: running fb-detect on its own output changes nothing" {
	model_only >in
	fb-detect in >once
	fbd once
	expect_status 0
	expect_out once
	fbd --no-model once
	expect_status 0
	expect_out in
}

# A model by hand: it flags "pineapple", and overrules EN_I_FOLLOW_BACK.
hand_model() {
	printf '%s\n' '# by hand' 'bias -4' 'threshold 0.5' 'scale none' \
		'w 8 pineapple' 'r -6 EN_I_FOLLOW_BACK' 'r 0 EN_FOLLOW_BACK_MENTION' 'f 0.5 description' \
		>hand.model
}

@test "--model FILE weighs with that model: its n-grams flag, its rule weights overrule the rules" {
	hand_model
	printf '%s\n' '{"id":"1","description":"pineapple"}' \
		'{"id":"2","description":"I follow back"}' '{"id":"3","description":"hello"}' >in
	fbd --model hand.model in
	expect_status 0
	expect_no_stderr
	expect_lines 3
	sed -n 1p "$OUT" >one
	expect_jq '.fb.demand.flagged == true and [.fb.demand.hits[].rule] == ["MODEL"]
		and .fb.demand.hits[0].ngrams[0] == "pineapple" and .fb.demand.score == 3' one
	# the rule hits, the model says no: the MODEL hit takes the score to half the threshold
	sed -n 2p "$OUT" >two
	expect_jq '.fb.demand.flagged == false and .fb.demand.score == 1.5
		and [.fb.demand.hits[].rule] == ["EN_I_FOLLOW_BACK", "EN_FOLLOW_BACK_MENTION", "MODEL"]
		and .fb.demand.hits[2].weight == -4 and .fb.demand.hits[2].probability < 0.5' two
	sed -n 3p "$OUT" >three
	expect_jq '.fb == null' three
	# the rules alone flag it
	fbd --no-model in
	sed -n 2p "$OUT" >two
	expect_jq '.fb.demand.flagged == true and .fb.demand.score == 5.5' two
}

@test "-x explains a record the model overrules: not flagged, its probability, the rule's hit" {
	hand_model
	printf '%s\n' '{"id":"2","username":"rae","description":"I follow back"}' >in
	fbd -x --model hand.model in
	expect_status 0
	expect_err_has 'in:1: @rae: not flagged, 1.5 points, 3 required'
	expect_err '^ *4\.0 +EN_I_FOLLOW_BACK +Promises to follow back'
	expect_err '^ *-4\.0 +MODEL +the model: probability 0\.[0-9]{3}, flags at 0\.500$'
}

@test "a rule the model was not trained with is not overruled: its points flag as without the model" {
	hand_model
	printf 'rule GROWTH_HACK \\bgrowth hack\\b\nweight GROWTH_HACK 4\n' >extra.rules
	printf '%s\n' '{"id":"4","description":"growth hack"}' >in
	fbd --model hand.model -r extra.rules in
	expect_status 0
	expect_jq '.fb.demand.flagged == true and [.fb.demand.hits[].rule] == ["GROWTH_HACK"]'
}

@test "--model: the clause of a rule's hit is judged on its own, and the MODEL hit points into it" {
	# around the hit, "tea" weighs against it (-3, three times): -4 + 6 + 1 - 9;
	# the clause between "!" and "." is the hit's alone: -4 + 6 + 1
	printf '%s\n' 'bias -4' 'threshold 0.5' 'scale none' 'r 6 EN_FOLLOW_BACK_MENTION' \
		'w 1 follow back' 'w -3 tea' >clause.model
	printf '%s\n' '{"id":"1","text":"tea ☕ tea tea! follow back. tea"}' \
		'{"id":"2","text":"tea ☕ tea tea follow back tea"}' \
		'{"id":"3","text":"tea ☕ tea tea? follow back. tea"}' >in
	fbd --model clause.model in
	expect_status 0
	expect_no_stderr
	sed -n 1p "$OUT" >one
	expect_jq '.fb.demand.flagged == true and [.fb.demand.hits[].rule] == ["EN_FOLLOW_BACK_MENTION", "MODEL"]
		and .fb.demand.hits[1].match == "follow back" and .fb.demand.hits[1].start == 15
		and .fb.demand.hits[1].end == 26 and .fb.demand.hits[1].probability > 0.9' one
	# no separator: the field is the only clause, judged whole
	sed -n 2p "$OUT" >two
	expect_jq '.fb.demand.flagged == false' two
	# "?" ends no clause: the question's clause holds the three "tea"s
	sed -n 3p "$OUT" >three
	expect_jq '.fb.demand.flagged == false' three
}

@test "--model: a word beside a rule's hit (x) weighs only where a rule hit, and is named in brackets" {
	printf '%s\n' 'bias -4' 'threshold 0.5' 'scale none' 'r 6 EN_FOLLOW_FOR_FOLLOW' \
		'x -9 dni' 'w 1 dni' >x.model
	printf '%s\n' '{"id":"1","text":"f4f"}' '{"id":"2","text":"f4f dni"}' \
		'{"id":"3","text":"dni dni dni dni dni"}' >in
	fbd --model x.model in
	expect_status 0
	expect_no_stderr
	sed -n 1p "$OUT" >one
	expect_jq '.fb.demand.flagged == true' one
	# "dni" beside the rule's hit undoes it, and the explanation says it was the word beside the hit
	sed -n 2p "$OUT" >two
	expect_jq '.fb.demand.flagged == false and .fb.demand.hits[-1].rule == "MODEL"
		and .fb.demand.hits[-1].ngrams[0] == "[dni]"' two
	# with no rule's hit, "dni" is only the word, counted up to 3 times: -4 + 3 < 0
	sed -n 3p "$OUT" >three
	expect_jq '.fb == null' three
}

@test "--model FILE with rules_alone: rules with that many points flag whatever the model says, fewer do not" {
	hand_model
	echo 'rules_alone 5' >>hand.model
	# 5.5 points of the rules (4 + 1.5): they flag, though the model says no
	printf '%s\n' '{"id":"2","description":"I follow back"}' >in
	fbd --model hand.model in
	expect_status 0
	expect_no_stderr
	expect_jq '.fb.demand.flagged == true and .fb.demand.score == 5.5
		and [.fb.demand.hits[].rule] == ["EN_I_FOLLOW_BACK", "EN_FOLLOW_BACK_MENTION"]'
	# above them, the model decides again
	sed -i 's/^rules_alone 5$/rules_alone 6/' hand.model
	fbd --model hand.model in
	expect_jq '.fb.demand.flagged == false and .fb.demand.hits[-1].rule == "MODEL"'
	# the rules must flag first: -t above their points leaves the record unflagged
	sed -i 's/^rules_alone 6$/rules_alone 5/' hand.model
	fbd --model hand.model -t 6 in
	expect_jq '.fb.demand.flagged == false'
}

@test "--model: a bad model file is a usage error naming its line; --model with --no-model too" {
	printf '%s\n' 'bias -4' 'r x EN_I_FOLLOW_BACK' >bad.model
	printf '%s\n' '{"id":"1","description":"hi"}' >in
	fbd --model bad.model in
	expect_status 2
	expect_no_stdout
	expect_err_has 'bad.model:2: bad weight "x"'
	fbd --model missing.model in
	expect_status 2
	expect_err_has 'missing.model'
	hand_model
	fbd --model hand.model --no-model in
	expect_status 2
	expect_err_has '--model and --no-model exclude each other'
}

@test "ordinary records of the sample are not flagged by the model" {
	fb-detect --no-model "$DATA/sample.ndjson" | jq -c 'select(.fb.demand.flagged | not)' >clean
	fbd --hits-only clean
	expect_status 0
	expect_no_stdout
}

@test "Mastodon's profile fields are judged like the bio: a demand in a field's value is a hit there" {
	printf '%s\n' '{"username":"a@m.social","description":"baker","fields":[{"name":"Web","value":"bakery.example"},{"name":"Follow","value":"I always follow back 💯"},{"name":3,"value":null}]}' >in
	fbd in
	expect_status 0
	expect_jq '.fb.demand.flagged and any(.fb.demand.hits[]; .field == ".fields[1].value" and .match == "I always follow back")'
	expect_jq 'all(.fb.demand.hits[]; .field != ".description")'
}
