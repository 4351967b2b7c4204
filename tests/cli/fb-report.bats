#!/usr/bin/env bats
# fb-report: what a user of the command sees. The page is parsed with
# python3's html.parser (tests/cli/report-html.py turns it into JSON facts)
# and its numbers are checked against the input, counted with jq; the
# Markdown is read as text. data/report-hostile.ndjson holds records that
# try to run script, load things and reorder text: none of it may become
# markup. The browser's view of the same pages is fb-report-browser.bats.

load helpers

NOW=2026-11-20T12:00:00Z

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# scored: the sample followers through fb-detect and fb-score, in ./scored.
scored() {
	fb-detect "$BATS_TEST_DIRNAME/../../examples/sample-followers.ndjson" |
		fb-score --now $NOW --interests 'marketing, small business' --no-sort >scored
}

# facts [FILE]: the facts of the page (stdout by default) in ./facts.
facts() {
	python3 "$BATS_TEST_DIRNAME/report-html.py" "${1:-$OUT}" >facts
}

# fact FILTER: jq FILTER over the facts.
fact() {
	jq -r "$1" facts
}

@test "the page's headline numbers and charts count what the records hold" {
	scored
	captured fb-report --now $NOW scored
	expect_status 0
	expect_no_stderr
	facts
	[ "$(fact .balanced)" = true ]
	n=$(wc -l <scored)
	[ "$(fact .stats.followers)" -eq "$n" ]
	for v in engage maybe skip; do
		want=$(jq -c "select(.fb.score.verdict == \"$v\")" scored | wc -l)
		[ "$(fact ".stats.$v")" -eq "$want" ]
	done
	want=$(jq -c 'select(.fb.demand.flagged)' scored | wc -l)
	[ "$want" -gt 0 ]
	[ "$(fact .stats.demanders)" -eq "$want" ]
	want=$(jq -c 'select(any(.fb.score.reasons[]; (.rule == "DEAD_365_DAYS" or .rule == "NEVER_POSTED") and .points < 0))' scored | wc -l)
	[ "$(fact .stats.dead)" -eq "$want" ]
	# Each chart accounts for every follower (these all have counts and dates).
	for f in chart-verdicts chart-scores chart-ratio chart-age chart-idle; do
		[ "$(fact ".figures[\"$f\"]")" -eq "$n" ]
	done
	# the thresholds of the points as shipped
	want=$(awk '$1 == "threshold" { t[$2] = $3 } END { printf "skip %s,engage %s", t["skip"], t["engage"] }' "$BATS_TEST_DIRNAME/../../share/score.rules")
	[ "$(fact '.marklines | join(",")')" = "$want" ] || { echo "marks: $(fact '.marklines | join(",")'), want $want"; return 1; }
	[ "$(fact '.tags.svg')" -eq 5 ]
}

@test "the thresholds and rules shown are those of -r, as fb-score used them" {
	scored
	printf 'threshold engage 5\nthreshold skip -7\npoints WIDELY_LISTED 3\n' >my.rules
	captured fb-report --now $NOW -r my.rules scored
	expect_status 0
	facts
	[ "$(fact '.marklines | join(",")')" = "skip -7,engage 5" ]
	fact .text | grep -Fq 'WIDELY_LISTED+3'
	fact .text | grep -Fq 'default and given (-r)'
}

@test "one account read twice (scored, then as a prospect) counts once; its opener shows with a copy button" {
	scored
	jq -c 'select(.fb.score.verdict != "skip")' scored | fb-suggest >prospects
	k=$(jq -c 'select(.fb.opener.text)' prospects | wc -l)
	[ "$k" -gt 0 ]
	captured fb-report --now $NOW scored prospects
	expect_status 0
	facts
	[ "$(fact .stats.followers)" -eq "$(wc -l <scored)" ]
	[ "$(fact '.tags.button')" -eq "$k" ]
	# Without script there is no button that does nothing: the script shows them.
	[ "$(fact '.hidden_buttons')" -eq "$k" ]
	text=$(jq -r 'select(.fb.opener.text) | .fb.opener.text' prospects | head -n 1)
	fact .text | grep -Fq -- "$text"
}

@test "a prospect with a message to answer (fb-suggest --client: no draft, a kind) ranks with those with a draft, before a better total with nothing" {
	scored
	jq -s -c '[.[] | select(.fb.score.verdict == "engage")] | sort_by(-.fb.score.total) | .[:2] |
		.[0].fb.opener = {"text": null, "reason": "nothing specific to go on: test"} |
		.[1].fb.opener = {"text": null, "kind": "answer", "basis": {"field": ".posts[0].text", "excerpt": "open on Sundays?"},
			"reason": "reply yourself: they asked the client \"open on Sundays?\" (.posts[0].text); only the client knows the answer"} |
		.[]' scored >two
	[ "$(jq -s '.[0].fb.score.total > .[1].fb.score.total' two)" = true ]
	captured fb-report --now $NOW two
	expect_status 0
	facts
	[ "$(fact '.text | index("reply yourself: they asked the client") < index("nothing specific to go on: test")')" = true ]
}

@test "tables are capped at --rows, with a note saying how to get the rest" {
	scored
	captured fb-report --now $NOW --rows 3 scored
	expect_status 0
	facts
	[ "$(fact .rows.prospect)" -eq 3 ]
	[ "$(fact .rows.demand)" -eq 3 ]
	fact .text | grep -Fq 'fb-score --verdict engage,maybe --format table FILE'
	fact .text | grep -Fq 'fb-detect --hits-only --format table FILE'
	grep -q 'id="prospects-more"' "$OUT"
	grep -q 'id="demands-more"' "$OUT"
}

@test "a demand is marked where its hits start and end, in bios and in mentions" {
	record '{id: "1", username: "ann", description: "Hi! I follow back everyone",
		fb: {demand: {flagged: true, score: 8, hits: [
			{rule: "A", field: ".description", match: "I follow back", start: 4, end: 17, weight: 4},
			{rule: "B", field: ".description", match: "follow back everyone", start: 6, end: 26, weight: 4}]}}}'
	record '{id: "9", text: "🚂 train: f4f now", author: {username: "bob"},
		fb: {demand: {flagged: true, score: 4, hits: [
			{rule: "C", field: ".text", match: "f4f", start: 9, end: 12, weight: 4}]}}}'
	captured fb-report --now $NOW in
	expect_status 0
	facts
	# Overlapping matches are one mark; offsets count code points, as jq does.
	[ "$(fact '.marks | join("|")')" = "I follow back everyone|f4f" ]
	[ "$(fact .stats.demanders)" -eq 1 ]
	[ "$(fact .stats.mentions)" -eq 1 ]
	fact .text | grep -Fq 'mention'
}

@test "a long text shows 1,000 bytes of it, around the demand, still marked" {
	record '{id: "1", username: "ann", description: ("é" * 3000 + " I follow back " + "x" * 3000),
		name: ("N" * 5000),
		fb: {score: {total: 5, verdict: "engage", reasons: []},
			demand: {flagged: true, score: 4, hits: [
			{rule: "A", field: ".description", start: 3001, end: 3014, weight: 4}]}}}'
	captured fb-report --now $NOW in
	expect_status 0
	facts
	[ "$(fact '.marks | join("|")')" = "I follow back" ]
	# The row of the demand: a cut on either side, the text between at most 1,000 bytes.
	row=$(grep '<tr class="demand">' "$OUT")
	[[ "$row" == *"…"*"<mark>I follow back</mark>"*"…"* ]]
	[ "${#row}" -lt 1400 ]
	# The prospect's name and bio are cut too.
	[ "$(wc -c <"$OUT")" -lt 40000 ]
}

@test "new and lost followers (fb.new, fb.lost) and what fetching cost (fb.source.cost) are counted when records say so" {
	record '{id: "1", username: "a", fb: {new: true, source: {network: "x", cost: 0.01}}}'
	record '{id: "2", username: "b", fb: {source: {network: "x", cost: 0.01}}}'
	record '{id: "3", username: "c", fb: {lost: true}}'
	record '{id: "4", username: "d"}'
	captured fb-report --now $NOW in
	expect_status 0
	facts
	# A lost follower is no longer a follower.
	[ "$(fact .stats.followers)" -eq 3 ]
	[ "$(fact .stats.new)" -eq 1 ]
	[ "$(fact .stats.lost)" -eq 1 ]
	[ "$(fact .stats.cost)" = '$0.02' ]
	[ "$(fact .stats.unscored)" -eq 3 ]
	# Without them, the page does not mention them.
	captured fb-report --now $NOW "$DATA/report-hostile.ndjson"
	facts
	[ "$(fact '.stats | has("new") or has("lost") or has("cost")')" = false ]
}

@test "hostile records: every piece of their text is text, no script but the page's own, no handler, no foreign link" {
	captured fb-report --now $NOW --title '<script>window.pwned=1</script>' \
		--client '@"><img src=x onerror=alert(1)>' "$DATA/report-hostile.ndjson"
	expect_status 0
	facts
	[ "$(fact .balanced)" = true ]
	[ "$(fact '.scripts | length')" -eq 1 ]
	# The page's one script is the one its Content-Security-Policy allows.
	[ "$(fact '.script_hashes[0]')" = "$(fact '.csp_hashes[0]')" ]
	fact .csp | grep -Fq "default-src 'none'"
	[ "$(fact '.handlers | length')" -eq 0 ]
	for t in img iframe object embed style link; do
		[ "$(fact ".tags.$t // 0")" -eq "$(case $t in style) echo 1 ;; *) echo 0 ;; esac)" ]
	done
	[ "$(fact '.tags.svg')" -eq 5 ]
	# Links: http(s) only, each noopener noreferrer; the javascript: URL is text.
	[ "$(fact '[.hrefs[] | select((.href | test("^https?://")) and .rel == "noopener noreferrer")] | length')" -eq "$(fact '.hrefs | length')" ]
	fact .text | grep -Fq 'javascript:window.pwned=1'
	fact .text | grep -Fq '</svg><script>window.pwned=1</script>" onload="window.pwned=1"'
	# The right-to-left override is shown, not obeyed.
	fact .text | grep -Fq '\u{202E}gnp.exe'
	! grep -q "$(printf '\342\200\256')" "$OUT"
	[ "$(fact '.marks | join("|")')" = '</svg><script>|follow back' ]
}

@test "--format md: the same numbers, the demands in bold, record text that stays text" {
	scored
	captured fb-report --format md --now $NOW --client @brightpath_co scored
	expect_status 0
	expect_no_stderr
	grep -qx '# Follower audit' "$OUT"
	grep -qx -- "- \*\*$(wc -l <scored)\*\* followers" "$OUT"
	want=$(jq -c 'select(.fb.score.verdict == "skip")' scored | wc -l)
	grep -qx "| skip | $want |" "$OUT"
	grep -q '^| 1 | @' "$OUT"
	grep -q '\*\*I FOLLOW BACK' "$OUT"
	captured fb-report --format md --now $NOW "$DATA/report-hostile.ndjson"
	expect_status 0
	! grep -q '<script\|<img\|<iframe\|<svg' "$OUT"
	grep -Fq '&lt;script&gt;window.pwned=1&lt;/script&gt;' "$OUT"
	grep -Fq '\u{202E}gnp.exe' "$OUT"
}

@test "-o FILE writes the page there and nothing to stdout; a file it cannot write is an error" {
	scored
	captured fb-report --now $NOW -o page.html --title 'Audit of May' scored
	expect_status 0
	expect_no_stdout
	expect_no_stderr
	grep -q '<title>Audit of May</title>' page.html
	captured fb-report --now $NOW -o no/such/dir/page.html scored
	expect_status 1
	expect_err '^fb-report: no/such/dir/page.html: '
}

@test "usage errors exit 2; bad input is reported, and the page is still written" {
	captured fb-report --format pdf
	expect_status 2
	expect_err "^fb-report: --format: expected html or md, not 'pdf'"
	captured fb-report --now yesterday
	expect_status 2
	printf '{"id":"1","username":"a"}\n[1,2]\n' >in
	captured fb-report --now $NOW in
	expect_status 1
	expect_err '^fb-report: in:2: '
	grep -q '</html>' "$OUT"
}

@test "rules the records name are listed up to 256, the rest counted in a line" {
	for i in $(seq 300); do
		printf '{"id":"%d","username":"u%d","fb":{"score":{"total":1,"verdict":"maybe","reasons":[{"rule":"R%d","points":1,"why":""}]}}}\n' $i $i $i
	done >in
	captured fb-report --now $NOW in
	expect_status 0
	grep -q '>R256<' "$OUT"
	! grep -q '>R257<' "$OUT"
	grep -q 'and 44 reasons naming rules past the first 256 names' "$OUT"
}

@test "a page for 100,000 followers stays small, and memory does not grow with the input" {
	python3 - <<-'PY'
	import json
	with open("many", "w") as f:
	    for i in range(100000):
	        v = ("engage", "maybe", "skip")[i % 3]
	        f.write(json.dumps({"id": str(10**17 + i), "username": "u%d" % i,
	            "description": "I follow back", "created_at": "2015-01-01T00:00:00Z",
	            "public_metrics": {"followers_count": i % 5000, "following_count": i % 7000,
	                               "tweet_count": 10},
	            "fb": {"score": {"total": i % 30 - 15, "verdict": v, "reasons": []},
	                   "demand": {"flagged": True, "score": 4, "hits": [{"rule": "A",
	                       "field": ".description", "start": 0, "end": 13, "weight": 4}]}}}) + "\n")
	PY
	head -n 5000 many >few
	# ASan keeps freed memory in quarantine; without it the peak is the program's own.
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0
	small=$(python3 "$BATS_TEST_DIRNAME/peak-rss.py" few.html fb-report --now $NOW few)
	big=$(python3 "$BATS_TEST_DIRNAME/peak-rss.py" many.html fb-report --now $NOW many)
	# 8 bytes an account for the set that counts each once, 16 with its slack.
	echo "peak RSS: $small KB for 5,000, $big KB for 100,000"
	[ "$big" -lt $((small + 8192)) ]
	size=$(wc -c <many.html)
	echo "page: $size bytes"
	[ "$size" -lt 200000 ]
	facts many.html
	[ "$(fact .stats.followers)" -eq 100000 ]
	[ "$(fact .rows.prospect)" -eq 50 ]
	[ "$(fact .figures[\"chart-ratio\"])" -eq 100000 ]
	[ "$(fact '.tags.circle')" -lt 2000 ]
}
