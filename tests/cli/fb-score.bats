#!/usr/bin/env bats
# fb-score: what a user of the command sees (records, ranking, options,
# messages).
#
# The default points are being retuned, so no test here depends on them:
# setup writes zero.rules, every built-in rule at 0 points (from
# fb-score -l), and each test gives points of its own on top of it, with
# the rule files in data/score-*.rules.

load helpers

setup() {
	cd "$BATS_TEST_TMPDIR"
	fb-score -l | awk '$1 == "points" { print "points", $2, 0 } $1 == "cap" { print "cap", $2, "none" }' >zero.rules
	[ -s zero.rules ] || { echo "fb-score -l listed no points"; return 1; }
}

# expect_ids "ID ...": the ids of the records on stdout, in order.
expect_ids() {
	local got
	got=$(jq -r .id "$OUT" | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" != "$1" ]; then
		echo "expected the ids: $1"
		echo "got the ids:      $got"
		show
		return 1
	fi
}

# record_of ID: the output record with that id, in the file "rec".
record_of() {
	jq -c --arg id "$1" 'select(.id == $id)' "$OUT" >rec
	[ "$(wc -l <rec)" -eq 1 ] || { echo "no single record with id $1"; show; return 1; }
}

ranked() { # fb-score with the rules of score-ranked.rules only
	fbs -r zero.rules -r "$DATA/score-ranked.rules" "$@"
}

# --- fb.score ---------------------------------------------------------------

@test "fb.score is {total, verdict, reasons: [{rule, points, why}]}; a jq rule's why is its expression" {
	ranked "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 8
	expect_jq '.fb | keys_unsorted == ["score"]'
	expect_jq '.fb.score | keys_unsorted == ["total", "verdict", "reasons"]'
	expect_jq 'all(.fb.score.reasons[]; keys_unsorted == ["rule", "points", "why"])'
	expect_jq '.fb.score.total == ([.fb.score.reasons[].points] | add // 0)'
	record_of 4
	expect_jq '.fb.score == {"total": 2.5, "verdict": "engage", "reasons": [
		{"rule": "GOOD", "points": 2, "why": ".tag == \"good\""},
		{"rule": "PLUS", "points": 0.5, "why": ".plus == true"}]}' rec
	# a description does not replace the expression in the record
	record_of 3
	expect_jq '.fb.score.reasons == [{"rule": "BAD", "points": -1.5, "why": ".tag == \"bad\""}]' rec
	# the record keeps its bytes; fb is added at the end
	printf '%s\n' '{"id":"1","username":"u1","tag":"none","fb":{"score":{"total":0,"verdict":"maybe","reasons":[]}}}' >expected
	record_of 1
	cmp -s rec expected || { echo "record 1:"; cat rec; return 1; }
}

@test "verdict: engage at or above the engage threshold, skip at or below the skip threshold" {
	ranked --no-sort "$DATA/score-ranked.ndjson"
	expect_status 0
	jq -c '[.id, .fb.score.total, .fb.score.verdict]' "$OUT" >got
	cat >expected <<-'EOF'
	["1",0,"maybe"]
	["2",2,"engage"]
	["3",-1.5,"skip"]
	["4",2.5,"engage"]
	["5",0.5,"maybe"]
	["6",2,"engage"]
	["7",-1,"maybe"]
	["8",0,"maybe"]
	EOF
	diff expected got
	# a later rule file moves the thresholds
	printf 'threshold engage 2.5\nthreshold skip -1\n' >moved.rules
	ranked -r moved.rules --no-sort "$DATA/score-ranked.ndjson"
	expect_status 0
	jq -r '.fb.score.verdict' "$OUT" | tr '\n' ' ' >got
	[ "$(cat got)" = "maybe maybe skip engage maybe maybe skip maybe " ] || { cat got; return 1; }
}

# --- ranking ------------------------------------------------------------------

@test "records come out highest total first; equal totals keep their input order" {
	ranked "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_ids "4 2 6 5 1 8 7 3"
}

@test "the sort is stable over many equal totals, across files" {
	for i in $(seq 1 40); do printf '{"id":"a%s"}\n' "$i"; done >a.ndjson
	for i in $(seq 1 40); do printf '{"id":"b%s"}\n' "$i"; done >b.ndjson
	fbs -r zero.rules a.ndjson b.ndjson
	expect_status 0
	expect_ids "$(cat a.ndjson b.ndjson | jq -r .id | tr '\n' ' ' | sed 's/ $//')"
}

@test "--top K writes the same first K lines as the whole ranking" {
	ranked "$DATA/score-ranked.ndjson"
	cp "$OUT" full
	for k in 1 2 3 4 5 6 7 8; do
		ranked --top "$k" "$DATA/score-ranked.ndjson"
		expect_status 0
		head -n "$k" full >expected
		expect_out expected
	done
	# the tie at the cut (u1 and u8 both 0) goes to the earlier record
	ranked --top 5 "$DATA/score-ranked.ndjson"
	expect_ids "4 2 6 5 1"
	ranked --top 100 "$DATA/score-ranked.ndjson"
	expect_out full
}

@test "--no-sort writes the records in input order, the same records as the ranking" {
	ranked "$DATA/score-ranked.ndjson"
	sort "$OUT" >sorted.full
	ranked --no-sort "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_no_stderr
	expect_ids "1 2 3 4 5 6 7 8"
	sort "$OUT" | cmp -s - sorted.full || { echo "--no-sort wrote other records"; show; return 1; }
}

@test "--verdict keeps only the verdicts listed (with --top: the best of those)" {
	ranked --verdict engage "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_ids "4 2 6"
	ranked --verdict maybe,skip "$DATA/score-ranked.ndjson"
	expect_ids "5 1 8 7 3"
	ranked --verdict skip "$DATA/score-ranked.ndjson"
	expect_ids "3"
	ranked --verdict maybe,skip --top 2 "$DATA/score-ranked.ndjson"
	expect_ids "5 1"
	ranked --verdict skip,engage --no-sort "$DATA/score-ranked.ndjson"
	expect_ids "2 3 4 6"
}

# --- output for people ----------------------------------------------------------

@test "--format table: a header, then rank, handle, verdict, total and main reasons" {
	ranked --format table "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 9
	sed -n 1p "$OUT" | grep -Eq '^RANK +HANDLE +VERDICT +TOTAL +MAIN REASONS$' || { show; return 1; }
	sed -n 2p "$OUT" | grep -Eq '^1 +@u4 +engage +2\.5 +GOOD \+2, PLUS \+0\.5$' || { show; return 1; }
	sed -n 3p "$OUT" | grep -Eq '^2 +@u2 +engage +2 +GOOD \+2$' || { show; return 1; }
	sed -n 8p "$OUT" | grep -Eq '^7 +@u7 +maybe +-1 +BAD -1\.5, PLUS \+0\.5$' || { show; return 1; }
	sed -n 9p "$OUT" | grep -Eq '^8 +@u3 +skip +-1\.5 +BAD -1\.5$' || { show; return 1; }
	[ "$(awk 'NR > 1 { printf "%s ", $1 }' "$OUT")" = "1 2 3 4 5 6 7 8 " ] || { show; return 1; }
	# the rows are the ranking's, and --verdict ranks what it keeps
	ranked --format table --verdict maybe "$DATA/score-ranked.ndjson"
	[ "$(awk 'NR > 1 { printf "%s:%s ", $1, $2 }' "$OUT")" = "1:@u5 2:@u1 3:@u8 4:@u7 " ] || { show; return 1; }
}

@test "--format table fits COLUMNS (60, 120) with CJK handles: padded and cut by columns" {
	for cols in 60 120; do
		COLUMNS=$cols ranked --format table "$DATA/score-ranked.ndjson" "$DATA/wide.ndjson"
		expect_status 0
		expect_fits "$cols"
	done
	grep -q '^[0-9] *@关注我回关关注我… ' "$OUT" || { show; return 1; }
	COLUMNS=60 ranked --format table "$DATA/score-ranked.ndjson"
	grep -q '…$' "$OUT" || { echo "no row was cut at 60 columns"; show; return 1; }
}

@test "--format table --no-sort: one filled row per record, in input order" {
	ranked --format table --no-sort "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_lines 9
	sed -n 2p "$OUT" | grep -Eq '^1 +@u1 +maybe +0 *$' || { show; return 1; }
	sed -n 5p "$OUT" | grep -Eq '^4 +@u4 +engage +2\.5 +GOOD \+2, PLUS \+0\.5$' || { show; return 1; }
}

@test "--explain: every record's reasons on stderr, in input order; stdout unchanged" {
	ranked "$DATA/score-ranked.ndjson"
	cp "$OUT" plain.out
	ranked --explain "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_out plain.out
	expect_err_has "score-ranked.ndjson:4: @u4: engage, 2.5 points (engage at 2, skip at -1.5)"
	expect_err_has "score-ranked.ndjson:1: @u1: maybe, 0 points (engage at 2, skip at -1.5)"
	expect_err '^ pts rule +description$'
	expect_err '^ 2\.0 GOOD +\.tag == "good"$'
	expect_err '^ 0\.5 PLUS +\.plus == true$'
	# a jq rule with a description shows the description
	expect_err '^-1\.5 BAD +tagged bad$'
	[ "$(grep -oE '^[^ ]*score-ranked\.ndjson:[0-9]+: @u[0-9]' "$ERR" | sed 's/.*@//' | tr '\n' ' ')" = \
	    "u1 u2 u3 u4 u5 u6 u7 u8 " ] || { echo "not every record, in input order"; show; return 1; }
	# -x is --explain; it explains records that --verdict leaves out
	ranked -x --verdict engage "$DATA/score-ranked.ndjson"
	expect_status 0
	expect_ids "4 2 6"
	expect_err_has "score-ranked.ndjson:3: @u3: skip, -1.5 points"
}

# --- the built-in rules, with points of our own ----------------------------------

# age_at DATE: fb.score of age_ada (created 2026-01-01, last post 2026-01-15)
# with --now DATE, in the file "score".
age_at() {
	fbs -r zero.rules -r "$DATA/score-age.rules" --now "$1" "$DATA/score-age.ndjson"
	expect_status 0
	expect_no_stderr
	jq -c .fb.score "$OUT" >score
}

@test "--now makes the age rules reproducible: NEW_ACCOUNT, ACTIVE_30_DAYS, QUIET_90_DAYS and DEAD_365_DAYS flip with it" {
	age_at 2026-01-20
	expect_jq '. == {"total": -0.5, "verdict": "maybe", "reasons": [
		{"rule": "NEW_ACCOUNT", "points": -1, "why": "new: created 19 days ago"},
		{"rule": "ACTIVE_30_DAYS", "points": 0.5, "why": "active: last post 5 days ago"}]}' score
	age_at 2026-03-01
	expect_jq '. == {"total": 0, "verdict": "maybe", "reasons": []}' score
	age_at 2026-06-01
	expect_jq '. == {"total": -1, "verdict": "skip", "reasons": [
		{"rule": "QUIET_90_DAYS", "points": -1, "why": "quiet: last post 137 days ago"}]}' score
	age_at 2027-06-01
	expect_jq '. == {"total": -5, "verdict": "skip", "reasons": [
		{"rule": "DEAD_365_DAYS", "points": -5, "why": "dead: last post 502 days ago"}]}' score
	# the same --now, the same bytes
	cp "$OUT" first
	age_at 2027-06-01
	expect_out first
}

@test "--now at the edges: NEW_ACCOUNT under 30 days, QUIET_90_DAYS over 90 days, DEAD_365_DAYS over 365" {
	age_at 2026-01-30T23:59:59Z
	expect_jq '[.reasons[].rule] == ["NEW_ACCOUNT", "ACTIVE_30_DAYS"]' score
	age_at 2026-01-31
	expect_jq '[.reasons[].rule] == ["ACTIVE_30_DAYS"]' score
	age_at 2026-02-14
	expect_jq '[.reasons[].rule] == ["ACTIVE_30_DAYS"]' score
	age_at 2026-02-14T00:00:01Z
	expect_jq '[.reasons[].rule] == []' score
	age_at 2026-04-15
	expect_jq '[.reasons[].rule] == []' score
	age_at 2026-04-16
	expect_jq '[.reasons[].rule] == ["QUIET_90_DAYS"]' score
	age_at 2026-04-15T00:00:01.000Z
	expect_jq '[.reasons[].rule] == ["QUIET_90_DAYS"]' score
	age_at 2027-01-15
	expect_jq '[.reasons[].rule] == ["QUIET_90_DAYS"]' score
	age_at 2027-01-15T00:00:01Z
	expect_jq '[.reasons[].rule] == ["DEAD_365_DAYS"]' score
}

@test "a profile alone gets 'not evaluated' reasons worth 0 points for what it lacks" {
	record '{id: "4201", username: "prof_pat", description: "Potter"}'
	fbs -r zero.rules -r "$DATA/score-missing.rules" --now 2026-11-20 in
	expect_status 0
	expect_no_stderr
	expect_jq '.fb.score.total == 0 and .fb.score.verdict == "maybe"'
	expect_jq '[.fb.score.reasons[].rule] == ["FOLLOWS_50X", "DEAD_365_DAYS", "MOSTLY_REPOSTS", "CONVERSATION"]'
	expect_jq 'all(.fb.score.reasons[]; .points == 0 and (.why | startswith("not evaluated: ")))'
	expect_jq '.fb.score.reasons[0].why | test("follower")'
	expect_jq 'all(.fb.score.reasons[1:][]; .why | test("posts"))'
	# a rule at 0 points says nothing, evaluated or not
	fbs -r zero.rules --now 2026-11-20 in
	expect_jq '.fb.score.reasons == []'
}

@test "with counts and three dated posts, nothing is 'not evaluated'; with two, the post rules are" {
	record '{id: "4202", username: "full_fay", public_metrics: {followers_count: 100, following_count: 50, tweet_count: 500},
		posts: [{text: "Kiln day: three new glazes", created_at: "2026-11-18T10:00:00.000Z"},
			{text: "Market stall on Saturday", created_at: "2026-11-10T10:00:00.000Z"},
			{text: "Throwing bowls all morning", created_at: "2026-11-01T10:00:00.000Z"}]}'
	fbs -r zero.rules -r "$DATA/score-missing.rules" --now 2026-11-20 in
	expect_status 0
	expect_jq '.fb.score.reasons == []'
	jq -c '.posts |= .[:2]' in >two
	fbs -r zero.rules -r "$DATA/score-missing.rules" --now 2026-11-20 two
	expect_status 0
	expect_jq '[.fb.score.reasons[] | {rule, points}] == [{"rule": "MOSTLY_REPOSTS", "points": 0}, {"rule": "CONVERSATION", "points": 0}]'
	expect_jq 'all(.fb.score.reasons[]; .why | startswith("not evaluated: "))'
}

@test "posts without dates: DEAD_365_DAYS is not evaluated, and the why does not blame the number of posts" {
	record '{id: "4203", username: "undated_uma", posts: [{text: "one"}, {text: "two"}, {text: "three"}, {text: "four"}]}'
	fbs -r zero.rules -r "$DATA/score-missing.rules" in
	expect_status 0
	expect_jq '[.fb.score.reasons[] | select(.rule == "DEAD_365_DAYS")] | length == 1'
	expect_jq '.fb.score.reasons[] | select(.rule == "DEAD_365_DAYS") | .points == 0 and (.why | startswith("not evaluated: "))'
	# four posts are attached: "fewer than 3 posts attached" is not why
	expect_jq '.fb.score.reasons[] | select(.rule == "DEAD_365_DAYS") | .why | test("fewer than 3") | not'
}

@test "--already --keep-already: ids, @names in any case and records mark ALREADY_FOLLOWED (0 points: a mark only)" {
	fbs -r zero.rules --already "$DATA/score-already.txt" --keep-already --no-sort "$DATA/score-already.ndjson"
	expect_status 0
	expect_no_stderr
	jq -c '[.id, [.fb.score.reasons[] | {rule, points}], .fb.score.total]' "$OUT" >got
	cat >expected <<-'EOF'
	["5001",[{"rule":"ALREADY_FOLLOWED","points":0}],0]
	["5002",[{"rule":"ALREADY_FOLLOWED","points":0}],0]
	["5003",[{"rule":"ALREADY_FOLLOWED","points":0}],0]
	["5004",[{"rule":"ALREADY_FOLLOWED","points":0}],0]
	["5005",[],0]
	EOF
	diff expected got
	# given points, the mark moves the record
	printf 'points ALREADY_FOLLOWED -5\ndescribe ALREADY_FOLLOWED followed\n' >already.rules
	fbs -r zero.rules -r already.rules --already "$DATA/score-already.txt" --keep-already "$DATA/score-already.ndjson"
	expect_status 0
	expect_ids "5005 5001 5002 5003 5004"
	record_of 5001
	expect_jq '.fb.score == {"total": -5, "verdict": "skip", "reasons": [
		{"rule": "ALREADY_FOLLOWED", "points": -5, "why": "followed: followed by the client"}]}' rec
}

@test "--already with a file that does not exist: exit 2, the message names it" {
	fbs --already no-such.txt <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-score: .*no-such\.txt'
}

@test "--interests matches whole words of normalised text (case, accents, fullwidth, #joined, _ and -) in the bio and posts, not reposts" {
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort \
	    --interests 'Patisserie, small business' "$DATA/score-interests.ndjson"
	expect_status 0
	expect_no_stderr
	jq -c '[.username, .fb.score.total, (.fb.score.reasons[0].why // "" | ltrimstr("interests: ") | split(", ") | sort)]' "$OUT" >got
	cat >expected <<-'EOF'
	["bio_case",1.5,["patisserie","small business"]]
	["post_only",1.5,["patisserie","small business"]]
	["part_word",0,[]]
	["repost_only",0,[]]
	["fullwidth",1.5,["patisserie"]]
	["none_here",0,[]]
	["joined_words",1.5,["patisserie","small business"]]
	EOF
	diff expected got
	expect_jq 'all(.fb.score.reasons[]; .rule == "INTERESTS" and .points == 1.5)'
	cp "$OUT" commas
	# the same interests, from a file and from repeated options
	printf 'Patisserie\nsmall business\n' >interests.txt
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests-file interests.txt "$DATA/score-interests.ndjson"
	expect_out commas
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests patisserie \
	    --interests 'SMALL BUSINESS' "$DATA/score-interests.ndjson"
	expect_out commas
}

@test "--interests: words apart by two spaces or a line break still match" {
	record '{id: "6101", username: "two_spaces", description: "Small  Business coach"}'
	record '{id: "6102", username: "line_break", description: "small\nbusiness coach"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests 'small business' in
	expect_status 0
	expect_jq '.fb.score.total == 1.5'
}

@test "--interests: an interest that names a topic matches the topic's words in other languages, and says which" {
	record '{id: "6201", username: "padaria", description: "Padaria de bairro em Lisboa, pão de fermentação natural"}'
	record '{id: "6202", username: "tienda", description: "Pequeña tienda de cerámica en Valencia"}'
	record '{id: "6203", username: "kissa", description: "金沢で小さな喫茶店をやっています"}'
	record '{id: "6204", username: "garden", description: "Allotment, hens and courgettes"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests 'bread, local business' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6201",["bread (padaria)"]]
	["6202",["local business (tienda)"]]
	["6203",["local business (喫茶店)"]]
	["6204",[]]
	EOF
	diff expected got
	# a word inside an interest names no topic: e-commerce is not a shop
	record '{id: "6205", username: "chamber", description: "Chamber of commerce, bakery and shop news"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests 'e-commerce' in
	expect_jq 'select(.id == "6205") | .fb.score.total == 0'
}

@test "--interests: an interest's first word names its topic only where the whole names none" {
	record '{id: "6211", username: "corrida", description: "Corrida de rua todo domingo, 42k em abril"}'
	record '{id: "6212", username: "k8s", description: "Kubernetes and infrastructure, on call this week"}'
	record '{id: "6213", username: "fisio", description: "Fisio: movilidad y fuerza en el gimnasio"}'
	record '{id: "6214", username: "transmi", description: "Transporte público y ciclorrutas en Bogotá"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort \
	    --interests 'marathon training, cycling infrastructure, movilidad urbana' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6211",["marathon training (corrida)"]]
	["6212",[]]
	["6213",[]]
	["6214",["cycling infrastructure (transporte publico), movilidad urbana (transporte publico)"]]
	EOF
	diff expected got
}

@test "--interests: a word ends where Japanese letters begin" {
	record '{id: "6231", username: "takumi", description: "OSMで経路探索をいじっています。RustでPBFを読む"}'
	record '{id: "6232", username: "rusty", description: "Rustic furniture, 手作り"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests 'rust' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6231",["rust"]]
	["6232",[]]
	EOF
	diff expected got
}

@test "--interests: football, photography, Korean, climate and games are topics in other languages and scripts" {
	record '{id: "6221", username: "kicker", description: "Fußball ist mein Leben, Jugendtrainer in Köln"}'
	record '{id: "6222", username: "hangul", description: "외국인을 위한 한국어 선생님"}'
	record '{id: "6223", username: "darkroom", description: "Labo argentique associatif, Croix-Rousse"}'
	record '{id: "6224", username: "isbre", description: "Glasiolog. Klimaforschung på Svalbard"}'
	record '{id: "6225", username: "pixel", description: "Sprites e pixel art, fazendo meu primeiro jogo na Steam"}'
	record '{id: "6226", username: "jogos", description: "Comento todos os jogos do Corinthians"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort \
	    --interests 'football, korean language, film photography, climate science, indie games' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6221",["football (fussball)"]]
	["6222",["korean language (한국어)"]]
	["6223",["film photography (argentique)"]]
	["6224",["climate science (klimaforschung)"]]
	["6225",["indie games (pixel art)"]]
	["6226",[]]
	EOF
	diff expected got
}

@test "--interests: vets, keyboards, fiction, databases, dairy and bike lanes are found in other words and languages" {
	record '{id: "6241", username: "vet", description: "Médica veterinaria en Zapopan. Gatos ante todo."}'
	record '{id: "6242", username: "kb", description: "自作キーボード沼 / 40%と分割が好き / QMK"}'
	record '{id: "6243", username: "funmi", description: "Short stories about Ibadan, aunties and buses."}'
	record '{id: "6244", username: "pg", description: "Postgres contributor. Query planner, indexes, vacuum."}'
	record '{id: "6245", username: "savoie", description: "Fromagère en alpage, Savoie. Lait cru."}'
	record '{id: "6246", username: "bisiklet", description: "Kadıköy bisiklet yolu gönüllüsü"}'
	record '{id: "6247", username: "chess", description: "Chess coach in Izmir, blitz every night"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort \
	    --interests 'veterinary medicine, keyboards, literary fiction, databases, dairy, bike lanes' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6241",["veterinary medicine (medica veterinaria)"]]
	["6242",["keyboards (qmk)"]]
	["6243",["literary fiction (short stories)"]]
	["6244",["databases (postgres)"]]
	["6245",["dairy (fromagere)"]]
	["6246",["bike lanes (bisiklet yolu)"]]
	["6247",[]]
	EOF
	diff expected got
}

@test "--interests: a baker's followers who make pastry are on topic (pastry chef, pâtisserie, confeitaria)" {
	record '{id: "6251", username: "pc", description: "Pastry chef. Laminated dough, every morning."}'
	record '{id: "6252", username: "lyon", description: "Pâtisserie de quartier, Lyon 7e"}'
	record '{id: "6253", username: "bh", description: "Confeitaria da Vila, bolos por encomenda"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests 'baking' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6251",["baking (pastry)"]]
	["6252",["baking (patisserie)"]]
	["6253",["baking (confeitaria)"]]
	EOF
	diff expected got
}

@test "--interests: beekeeping, printmaking, knitting, climbing, nursing and solar energy are found in other languages" {
	record '{id: "6261", username: "rucher", description: "Apiculteur dans les Cévennes, 40 ruches"}'
	record '{id: "6262", username: "grabado", description: "Linograbado y fanzines hechos a mano en Guadalajara"}'
	record '{id: "6263", username: "strikk", description: "Strikking og plantefarget garn fra Voss"}'
	record '{id: "6264", username: "wspin", description: "Wspinaczka i bouldering, Jura Krakowsko-Częstochowska"}'
	record '{id: "6265", username: "nars", description: "Enfermera en Cebu, night shift queen"}'
	record '{id: "6266", username: "sol", description: "Instalo painéis solares em sítios do interior"}'
	record '{id: "6267", username: "abuela", description: "La abuela de la casa, siempre en la cocina"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort \
	    --interests 'beekeeping, printmaking, knitting, climbing, nursing, solar energy' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6261",["beekeeping (apiculteur)"]]
	["6262",["printmaking (linograbado)"]]
	["6263",["knitting (strikking)"]]
	["6264",["climbing (wspinaczka)"]]
	["6265",["nursing (enfermera)"]]
	["6266",["solar energy (paineis solares)"]]
	["6267",[]]
	EOF
	diff expected got
}

@test "--interests: ceramics, astronomy, skateboarding, palliative care, olive oil, sign language, tacos and batik are found in other languages and scripts" {
	record '{id: "6271", username: "kei", description: "信楽で穴窯焚いてます。自然釉とビードロ。"}'
	record '{id: "6272", username: "lena", description: "Keramikerin im Westerwald. Salzglasur, Holzbrand."}'
	record '{id: "6273", username: "stern", description: "Doktorand an der Landessternwarte, Exoplaneten und Sternwarte-Führungen"}'
	record '{id: "6274", username: "kenta", description: "ワーホリでメルボルン滞在中。スケボー歴12年。"}'
	record '{id: "6275", username: "hospiz", description: "Pflegekraft im Hospiz, Palliativmedizin-Weiterbildung"}'
	record '{id: "6276", username: "zeytin", description: "Ayvalık'\''ta zeytinyağı üreticisi, üçüncü kuşak"}'
	record '{id: "6277", username: "lsq", description: "Interprète en langue des signes québécoise, Montréal"}'
	record '{id: "6278", username: "tere", description: "Cocinera de tamales y pozole en Pilsen desde 1987"}'
	record '{id: "6279", username: "giriloyo", description: "Pembatik tulis dari Giriloyo, pewarna alam"}'
	record '{id: "6280", username: "soba", description: "益子の蕎麦屋です。週末は行列"}'
	fbs -r zero.rules -r "$DATA/score-interests.rules" --no-sort --interests \
	    'ceramics, astronomy, skateboarding, palliative care, olive oil, sign language, tacos, batik' in
	expect_status 0
	jq -c '[.id, [.fb.score.reasons[] | select(.rule == "INTERESTS") | .why | sub(".*: "; "")]]' "$OUT" >got
	cat >expected <<-'EOF'
	["6271",["ceramics (窯)"]]
	["6272",["ceramics (keramikerin)"]]
	["6273",["astronomy (sternwarte)"]]
	["6274",["skateboarding (スケボー)"]]
	["6275",["palliative care (hospiz)"]]
	["6276",["olive oil (zeytinyagı)"]]
	["6277",["sign language (interprete)"]]
	["6278",["tacos (tamales)"]]
	["6279",["batik (pembatik)"]]
	["6280",[]]
	EOF
	diff expected got
}

@test "OFF_TOPIC: one word of the interests in the bio is a touch; none at all is off topic" {
	record '{id: "6231", username: "tech", description: "Retired camera technician. Mostly gardening now."}'
	record '{id: "6232", username: "garden", description: "Tomatoes, beans and a shed."}'
	printf 'points OFF_TOPIC -1\ndescribe OFF_TOPIC off topic\n' >off.rules
	fbs -r zero.rules -r off.rules --no-sort --interests 'camera repair, darkroom printing' in
	expect_status 0
	expect_jq 'select(.id == "6231") | .fb.score.reasons | map(.rule) | index("OFF_TOPIC") == null'
	expect_jq 'select(.id == "6232") | .fb.score.reasons | map(.rule) == ["OFF_TOPIC"]'
}

@test "--interests in Japanese: a term is found inside a run of text, and the reasons stay valid UTF-8" {
	record '{id: "6211", username: "touki", description: "益子で陶芸と器づくり。週末は窯焚き"}'
	record '{id: "6212", username: "soba", description: "益子の蕎麦屋です。週末は行列"}'
	printf 'points INTEREST_WORDS 1\ndescribe INTEREST_WORDS words\n' >words.rules
	fbs -r zero.rules -r words.rules --no-sort --interests '益子 陶芸, 器 販売' in
	expect_status 0
	iconv -f UTF-8 -t UTF-8 "$OUT" >/dev/null || { echo "invalid UTF-8 in the output:"; cat -v "$OUT"; return 1; }
	expect_jq 'select(.id == "6211") | .fb.score.reasons | map(.rule) | index("INTEREST_WORDS") != null'
	expect_jq 'select(.id == "6212") | .fb.score.reasons | map(.rule) | index("INTEREST_WORDS") == null'
}

@test "COMBATIVE_REPLIES: replies that talk down to people, in English, Portuguese, Spanish and Turkish; a quote with 'nobody asked' is not one" {
	record '{id: "6301", username: "sharp", posts: [
	    {text: "@a Wrong. Read the literature before posting.", in_reply_to_user_id: "1"},
	    {text: "@b Sério? Cadê o certificado?", in_reply_to_user_id: "2"},
	    {text: "Training log: squats 5x5"}]}'
	record '{id: "6302", username: "kind", posts: [
	    {text: "@a Thanks, nobody asked \"so what am I looking at\" this time", in_reply_to_user_id: "1"},
	    {text: "@b Great question, I use a staging model for that", in_reply_to_user_id: "2"},
	    {text: "Dashboards that people read"}]}'
	record '{id: "6303", username: "justicia", posts: [
	    {text: "@a Ignorante. Lee la ley antes de opinar.", in_reply_to_user_id: "1"},
	    {text: "@b Hipócritas todos ustedes.", in_reply_to_user_id: "2"},
	    {text: "@c Libraries stocking this drivel is why nobody reads.", in_reply_to_user_id: "3"}]}'
	record '{id: "6304", username: "arabasiz", posts: [
	    {text: "@a Senin gibi SUV lu tembeller yüzünden çocuklar sokakta oynayamıyor.", in_reply_to_user_id: "1"},
	    {text: "@b Dilekçe yazmakla hiçbir şey değişmez, saf olmayın.", in_reply_to_user_id: "2"},
	    {text: "@c Organic is a marketing con and you know it.", in_reply_to_user_id: "3"}]}'
	printf 'points COMBATIVE_REPLIES -1\ndescribe COMBATIVE_REPLIES put-downs\n' >combative.rules
	fbs -r zero.rules -r combative.rules --no-sort in
	expect_status 0
	jq -c '[.id, .fb.score.total]' "$OUT" >got
	printf '["6301",-1]\n["6302",0]\n["6303",-1]\n["6304",-1]\n' >expected
	diff expected got
}

@test "COMBATIVE_REPLIES: put-downs in Indonesian, Slovenian, German, Turkish and English; plain disagreement is not one" {
	record '{id: "6311", username: "polisi", posts: [
	    {text: "@a Artikel sampah. Kalian wartawan atau humas?", in_reply_to_user_id: "1"},
	    {text: "@b Jangan bohongi pembeli. Buktikan, kalau berani.", in_reply_to_user_id: "2"},
	    {text: "Cara membedakan batik tulis dan cap"}]}'
	record '{id: "6312", username: "cebele", posts: [
	    {text: "@a Vaše društvo tiho gleda. Sramota!", in_reply_to_user_id: "1"},
	    {text: "@b Vaš inštitut je plačan, nihče vam ne verjame več.", in_reply_to_user_id: "2"},
	    {text: "Spet pomor čebel"}]}'
	record '{id: "6313", username: "aether", posts: [
	    {text: "@a Und wieder eine Doktorandin, die das Märchen von Exoplaneten nacherzählt. Lesen Sie es, oder schweigen Sie.", in_reply_to_user_id: "1"},
	    {text: "@b Your planet is a starspot. Peer review is a cartel.", in_reply_to_user_id: "2"},
	    {text: "Kapitel 7 ist online"}]}'
	record '{id: "6314", username: "gida", posts: [
	    {text: "@a Bu tadım puanlarının hepsi uydurma.", in_reply_to_user_id: "1"},
	    {text: "@b Formulated for acidic soils? Then why ammonium-based? Clowns.", in_reply_to_user_id: "2"},
	    {text: "Verim düşük"}]}'
	record '{id: "6315", username: "fair", posts: [
	    {text: "@a Saya kurang setuju, menurut saya motif cap juga punya nilai.", in_reply_to_user_id: "1"},
	    {text: "@b Ich sehe das anders: die Daten von 2019 zeigen mehr Streuung.", in_reply_to_user_id: "2"},
	    {text: "The clowns at the circus were great, the kids loved them"}]}'
	printf 'points COMBATIVE_REPLIES -1\ndescribe COMBATIVE_REPLIES put-downs\n' >combative.rules
	fbs -r zero.rules -r combative.rules --no-sort in
	expect_status 0
	jq -c '[.id, .fb.score.total]' "$OUT" >got
	printf '["6311",-1]\n["6312",-1]\n["6313",-1]\n["6314",-1]\n["6315",0]\n' >expected
	diff expected got
}

@test "SPAM_IN_BIO: selling followers, in Portuguese, German, French and Spanish; thanking followers is not" {
	record '{id: "6401", username: "vip", description: "1000 seguidores brasileiros reais por R$19,90. Entrega em 24h"}'
	record '{id: "6402", username: "kaufen", description: "Echte deutsche Follower ab 4,99 € ✅ Schnelle Lieferung"}'
	record '{id: "6403", username: "boost", description: "Acheter des abonnés Instagram, livraison rapide"}'
	record '{id: "6404", username: "tienda", description: "Compra seguidores y likes al mejor precio"}'
	record '{id: "6405", username: "grata", description: "Gracias a mis 1000 seguidores, sois lo mejor. Fotógrafa en Sevilla"}'
	record '{id: "6406", username: "danke", description: "Danke an alle Follower! Echte Bilder aus dem Harz"}'
	printf 'points SPAM_IN_BIO -1\ndescribe SPAM_IN_BIO spam\n' >spam.rules
	fbs -r zero.rules -r spam.rules --no-sort in
	expect_status 0
	jq -c '[.id, .fb.score.total]' "$OUT" >got
	printf '["6401",-1]\n["6402",-1]\n["6403",-1]\n["6404",-1]\n["6405",0]\n["6406",0]\n' >expected
	diff expected got
}

@test "SPAM_IN_BIO: selling followers in Indonesian and Turkish, and like-for-like groups in Japanese; a milestone thanked for is not" {
	record '{id: "6411", username: "jual", description: "Jual followers, likes, views 100% aman. Order via WA"}'
	record '{id: "6412", username: "murah", description: "Followers murah, 1K cuma 25rb, real & aktif"}'
	record '{id: "6413", username: "takipci", description: "Gerçek Türk takipçi, beğeni, izlenme. 1000 takipçi 99 TL!"}'
	record '{id: "6414", username: "mawari", description: "いいね回り・RT回りメンバー募集📣 毎日参加できる方限定"}'
	record '{id: "6415", username: "tesekkur", description: "1000 takipçi olduk, teşekkürler! Ayvalık'\''tan fotoğraflar"}'
	record '{id: "6416", username: "terima", description: "Terima kasih untuk semua followers! Penjual kue di Bandung"}'
	printf 'points SPAM_IN_BIO -1\ndescribe SPAM_IN_BIO spam\n' >spam.rules
	fbs -r zero.rules -r spam.rules --no-sort in
	expect_status 0
	jq -c '[.id, .fb.score.total]' "$OUT" >got
	printf '["6411",-1]\n["6412",-1]\n["6413",-1]\n["6414",-1]\n["6415",0]\n["6416",0]\n' >expected
	diff expected got
}

@test "fb.demand from fb-detect is read: DEMANDS_FOLLOW_BACK when flagged, MENTIONS_FOLLOW_BACK below the threshold" {
	# the first two through fb-detect; the last two carry an fb.demand
	# already (fb-detect would drop it: nothing in them hits)
	head -n 2 "$DATA/score-demand.ndjson" | fb-detect >detected
	head -1 detected >first
	expect_jq '.fb.demand.flagged == true' first
	tail -n 2 "$DATA/score-demand.ndjson" >>detected
	fbs -r zero.rules -r "$DATA/score-demand.rules" --no-sort detected
	expect_status 0
	expect_no_stderr
	jq -c '[.id, [.fb.score.reasons[] | {rule, points}], .fb.score.verdict]' "$OUT" >got
	cat >expected <<-'EOF'
	["7001",[{"rule":"DEMANDS_FOLLOW_BACK","points":-4}],"skip"]
	["7002",[],"maybe"]
	["7003",[{"rule":"DEMANDS_FOLLOW_BACK","points":-4}],"skip"]
	["7004",[{"rule":"MENTIONS_FOLLOW_BACK","points":-1}],"maybe"]
	EOF
	diff expected got
	expect_jq '[.fb.score.reasons[].why | select(startswith("demands: ") or startswith("mentions: ") | not)] == []'
	# fb.demand is kept as it was
	jq -c '.fb.demand' detected >demand.before
	jq -c '.fb.demand' "$OUT" | diff demand.before -
}

# --- rules of your own -----------------------------------------------------------

@test "a jq rule sees the record without fb.score (fb.demand included) and adds its points" {
	cat >mine.rules <<-'EOF'
	jq FRESH .fb.score == null
	points FRESH 1
	jq HAS_DEMAND .fb.demand != null
	points HAS_DEMAND 2
	threshold engage 3
	EOF
	printf '%s\n' '{"id":"1","username":"old","fb":{"source":{"network":"x"},"score":{"total":99,"verdict":"engage","reasons":[]},"demand":{"flagged":true,"score":4,"hits":[]}},"z":1}' >in
	fbs -r zero.rules -r mine.rules in
	expect_status 0
	expect_no_stderr
	# fb.score is replaced in its place; the rest keeps its bytes
	expect_out_text '{"id":"1","username":"old","fb":{"source":{"network":"x"},"score":{"total":3,"verdict":"engage","reasons":[{"rule":"HAS_DEMAND","points":2,"why":".fb.demand != null"},{"rule":"FRESH","points":1,"why":".fb.score == null"}]},"demand":{"flagged":true,"score":4,"hits":[]}},"z":1}'
}

@test "a jq rule that fails on a record rejects it, naming the rule; the others are scored; exit 1" {
	fbs -r zero.rules -r "$DATA/score-runtime.rules" --rejects rejects "$DATA/score-runtime.ndjson"
	expect_status 1
	expect_ids "8001 8003"
	record_of 8001
	expect_jq '.fb.score.reasons == [{"rule": "BIO_TEA", "points": 1, "why": ".name | test(\"tea\")"}]' rec
	expect_err '^fb-score: [^ ]*score-runtime\.ndjson:2: rule BIO_TEA: '
	expect_err_has "1 bad record"
	sed -n 2p "$DATA/score-runtime.ndjson" >expected.rej
	expect_file_is rejects expected.rej
}

@test "-l prints rules that -r reads back to the same rules and the same scores" {
	fbs -r zero.rules -r "$DATA/score-ranked.rules" -l
	expect_status 0
	expect_no_stderr
	cp "$OUT" listed.rules
	grep -qx 'threshold engage 2' listed.rules || { show; return 1; }
	grep -qx 'jq BAD .tag == "bad"' listed.rules || { show; return 1; }
	grep -qx 'describe BAD tagged bad' listed.rules || { show; return 1; }
	fbs -r listed.rules -l
	expect_out listed.rules
	ranked "$DATA/score-ranked.ndjson"
	cp "$OUT" expected
	fbs -r listed.rules "$DATA/score-ranked.ndjson"
	expect_out expected
}

# --- the record contract ------------------------------------------------------------

@test "running fb-score twice gives the same bytes as running it once (default rules)" {
	cat "$DATA/score-ranked.ndjson" "$DATA/score-age.ndjson" "$DATA/score-already.ndjson" \
	    "$DATA/score-interests.ndjson" "$DATA/score-demand.ndjson" "$DATA/sample.ndjson" \
	    "$DATA/api-users.json" "$DATA/pretty.json" "$DATA/order.ndjson" |
	    jq -c 'select(has("username"))' | fb-detect >in
	fbs --now 2026-11-20 --interests patisserie --already "$DATA/score-already.txt" --keep-already in
	expect_status 0
	cp "$OUT" once
	fbs --now 2026-11-20 --interests patisserie --already "$DATA/score-already.txt" --keep-already once
	expect_status 0
	expect_no_stderr
	expect_out once
	fbs --now 2026-11-20 --interests patisserie --already "$DATA/score-already.txt" --keep-already --no-sort once
	sort "$OUT" | cmp -s - <(sort once) || { echo "--no-sort on its output changed it"; show; return 1; }
}

@test "running fb-score twice gives the same result as once, with a rule about .fb as a whole" {
	printf 'jq UNTOUCHED .fb == null\npoints UNTOUCHED 1\n' >untouched.rules
	printf '%s\n' '{"id":"1","username":"plain"}' >in
	fbs -r zero.rules -r untouched.rules in
	expect_status 0
	cp "$OUT" once
	expect_jq '.fb.score.total == 1' once
	fbs -r zero.rules -r untouched.rules once
	expect_out once
}

@test "pretty-printed input gives the same records as NDJSON, one compact record per line" {
	ranked "$DATA/score-ranked.ndjson"
	cp "$OUT" expected
	jq . "$DATA/score-ranked.ndjson" >pretty.json
	ranked pretty.json
	expect_status 0
	expect_out expected
	jq -s . "$DATA/score-ranked.ndjson" | fb-score -r zero.rules -r "$DATA/score-ranked.rules" >array.out
	cmp -s array.out expected || { echo "a JSON array scores differently"; diff expected array.out; return 1; }
}

@test "a raw X API users page: one scored record per user, posts joined, ranked" {
	cat >page.rules <<-'EOF'
	jq TWO_POSTS (.posts // []) | length == 2
	points TWO_POSTS 1
	jq RUNNER .description == "Runner"
	points RUNNER 1
	EOF
	fbs -r zero.rules -r page.rules "$DATA/api-users.json"
	expect_status 0
	expect_no_stderr
	expect_ids "3002 3001 3003"
	expect_jq '.fb.score.total == {"3002": 2, "3001": 1, "3003": 0}[.id]'
	jq -c 'del(.fb)' "$OUT" | sort >records
	sort "$DATA/api-users.expected.ndjson" | diff - records
}

@test "a closed pipe ends fb-score quietly with 0" {
	for i in $(seq 1 3000); do printf '{"id":"%s"}\n' "$i"; done >many
	{ fb-score -r zero.rules many 2>err; echo $? >st; } | head -n 1 >first
	[ "$(cat st)" = 0 ] || { echo "exit status $(cat st)"; cat err; return 1; }
	[ ! -s err ] || { cat err; return 1; }
	grep -qx '{"id":"1","fb":{"score":{"total":0,"verdict":"maybe","reasons":\[\]}}}' first
}

@test "--top 5 on 20000 records: the right five, the first five of the whole ranking" {
	awk 'BEGIN { for (i = 1; i <= 20000; i++)
		printf "{\"id\":\"%d\",\"k\":%s,\"k2\":%s}\n", i, (i % 13 == 0 ? "true" : "false"), (i % 5 == 0 ? "true" : "false") }' >big
	printf 'jq K .k\npoints K 1\njq K2 .k2\npoints K2 0.5\n' >big.rules
	fbs -r zero.rules -r big.rules --top 5 big
	expect_status 0
	expect_no_stderr
	expect_ids "65 130 195 260 325"
	cp "$OUT" top5
	fbs -r zero.rules -r big.rules big
	expect_lines 20000
	head -n 5 "$OUT" | cmp -s - top5 || { echo "--top 5 differs from the first 5 of the ranking"; return 1; }
	tail -n 1 "$OUT" | grep -q '"id":"19999"' || { tail -n 1 "$OUT"; return 1; }
}

# --- bad input --------------------------------------------------------------------

@test "posts that is not an array, fb that is not an object, a post that is not an object: rejected, named, exit 1" {
	fbs -r zero.rules --rejects rejects "$DATA/score-types.ndjson"
	expect_status 1
	expect_ids "9004"
	expect_err '^fb-score: [^ ]*score-types\.ndjson:1: \.posts: '
	expect_err '^fb-score: [^ ]*score-types\.ndjson:2: \.fb: '
	expect_err '^fb-score: [^ ]*score-types\.ndjson:3: \.posts\[0\]: '
	expect_err_has "3 bad records"
	head -n 3 "$DATA/score-types.ndjson" >expected.rej
	expect_file_is rejects expected.rej
}

@test "public_metrics that is not an object: rejected, named, exit 1" {
	fbs -r zero.rules "$DATA/score-metrics-type.ndjson"
	expect_status 1
	expect_ids "9102"
	expect_err '^fb-score: [^ ]*score-metrics-type\.ndjson:1: \.public_metrics: '
}

@test "invalid JSON: FILE:LINE named, exit 1, the records around it written" {
	fbs -r zero.rules --rejects rejects "$DATA/score-bad-json.ndjson"
	expect_status 1
	expect_ids "9201 9203"
	expect_err '^fb-score: [^ ]*score-bad-json\.ndjson:2: invalid JSON'
	sed -n 2p "$DATA/score-bad-json.ndjson" >expected.rej
	expect_file_is rejects expected.rej
	fbs -r zero.rules <"$DATA/score-bad-json.ndjson"
	expect_status 1
	expect_err '^fb-score: stdin:2: invalid JSON'
}

# --- configuration and usage errors: exit 2, nothing read ---------------------------

@test "a rule file with a syntax error: exit 2, the message names file:line" {
	fbs -r "$DATA/score-bad-syntax.rules" <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-score: .*score-bad-syntax\.rules:4: '
}

@test "points for a rule that does not exist: exit 2, the message names it" {
	fbs -r "$DATA/score-no-such.rules" <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-score: .*score-no-such\.rules:1: .*NO_SUCH_RULE'
}

@test "a skip threshold not below the engage threshold: exit 2" {
	fbs -r "$DATA/score-thresholds.rules" <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-score: .*threshold'
	printf 'threshold engage 2\nthreshold skip 3\n' >above.rules
	fbs -r above.rules <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
}

@test "jq rules: one that does not compile, one without points, one on a built-in name: exit 2" {
	printf '# line 1\njq BROKEN .a ==\npoints BROKEN 1\n' >broken.rules
	fbs -r broken.rules <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-score: .*broken\.rules:2: .*BROKEN'
	printf 'jq NO_POINTS .a\n' >nopoints.rules
	fbs -r nopoints.rules <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_err_has "NO_POINTS"
	printf 'jq FEW_POSTS .a\n' >builtin.rules
	fbs -r builtin.rules <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_err '^fb-score: .*builtin\.rules:1: '
}

@test "a rule file that does not exist: exit 2, the message names it" {
	fbs -r no-such.rules <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-score: .*no-such\.rules'
}

@test "--top with --no-sort: exit 2" {
	fbs --top 5 --no-sort <"$DATA/score-ranked.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err_has "--top"
	expect_err_has "--no-sort"
}

@test "--now that is not a date: exit 2, the message quotes it" {
	for d in garbage 2026-13-01 2026-11 20-11-2026 2026-11-00 2026-11-20T12:00:00+02:00; do
		fbs --now "$d" <"$DATA/score-ranked.ndjson"
		expect_status 2
		expect_no_stdout
		expect_err_has "--now"
		expect_err_has "$d"
	done
}

@test "--now with a day or a time that does not exist (2026-02-30, 25:00, 12:60): exit 2" {
	for d in 2026-02-30 2026-11-20T25:00:00Z 2026-11-20T12:60:00Z; do
		fbs --now "$d" <"$DATA/score-ranked.ndjson"
		expect_status 2
		expect_no_stdout
		expect_err_has "$d"
	done
}

@test "bad option values: --top 0, --top abc, --top 2.5, --verdict good, --format xml, an unknown option: exit 2" {
	for args in "--top 0" "--top abc" "--top 2.5" "--verdict good" "--format xml" "--bogus"; do
		fbs $args <"$DATA/score-ranked.ndjson"
		expect_status 2
		expect_no_stdout
		expect_err_has "${args#* }"
	done
	expect_err '^usage: fb-score '
}

@test "--help: exit 0, the usage on stdout; --version: one line" {
	fbs --help
	expect_status 0
	expect_no_stderr
	head -1 "$OUT" | grep -q '^usage: fb-score ' || { show; return 1; }
	grep -q -- '--no-sort' "$OUT" || { show; return 1; }
	cp "$OUT" long
	fbs -h
	expect_out long
	fbs --version
	expect_status 0
	expect_lines 1
	grep -Eq '^fb-score \(followback\) [0-9]+\.[0-9]+(\.[0-9]+)?$' "$OUT" || { show; return 1; }
}

@test "a post record is rejected: fb-score scores users, and says how to score the author" {
	printf '%s\n' '{"id":"1","username":"u"}' '{"id":"9","text":"hello","author":{"id":"2","username":"a"}}' >in
	fbs --now 2026-11-20 in
	expect_status 1
	expect_ids "1"
	expect_err '^fb-score: in:2: a post, not a user: .*\.author'
}

@test "a jq rule that never ends (def f: f; f): stopped after 5 s of CPU time, rule and record named, the records before written, exit 1" {
	printf 'jq LOOP if .username == "loop" then (def f: f; f) else false end\npoints LOOP 1\n' >loop.rules
	printf '%s\n' '{"id":"1","username":"first"}' '{"id":"2","username":"loop"}' '{"id":"3","username":"after"}' >in
	captured timeout 300 fb-score --no-sort --now 2026-11-20 -r loop.rules in
	expect_status 1
	expect_err '^fb-score: in:2: rule LOOP: the jq expression used more than 5 s of CPU time: stopped here'
	expect_ids "1"
}

@test "65 post records: the message is said once, naming the first line, and the count at the end" {
	printf '%s\n' '{"id":"1","username":"u"}' >in
	for i in $(seq 65); do
		printf '{"id":"9%s","text":"hello","author":{"id":"2","username":"a"}}\n' "$i"
	done >>in
	fbs --now 2026-11-20 in
	expect_status 1
	expect_ids "1"
	[ "$(grep -c 'a post, not a user' "$ERR")" -eq 1 ] || { show; return 1; }
	expect_err '^fb-score: in:2: a post, not a user: fb-score scores users .*\.author'
	expect_err '^fb-score: 65 posts, not users, the first at in:2$'
	expect_err '^fb-score: 65 bad records$'
}

@test "counts and dates of the wrong type are rejected, naming the field" {
	printf '%s\n' '{"id":"1","username":"u","public_metrics":{"followers_count":"10"}}' \
	    '{"id":"2","username":"v","created_at":"2026-02-30T00:00:00Z"}' \
	    '{"id":"3","username":"w","posts":[{"text":5}]}' '{"id":"4","username":"ok"}' >in
	fbs --now 2026-11-20 in
	expect_status 1
	expect_ids "4"
	expect_err '^fb-score: in:1: \.public_metrics\.followers_count: expected a number, got string$'
	expect_err '^fb-score: in:2: \.created_at: not a date'
	expect_err '^fb-score: in:3: \.posts\[0\]\.text: expected a string, got number$'
}

# --- the spec's decisions, with the default (fitted) points ------------------------

# person ID DAYS_AGO REPLY_TO...: a relevant, conversing marketer whose posts
# are DAYS_AGO days before 2026-11-20 and reply to the given ids.
person() {
	local id=$1 ago=$2
	shift 2
	record --arg id "$id" --argjson ago "$ago" --args '
	  def day($n): (1795176000 - ($ago + $n) * 86400) | todate;
	  {id: $id, username: "p\($id)", name: "Pat Doe", created_at: "2015-01-01T00:00:00Z",
	   description: "Marketing lead for small business clients. Newsletters, branding, coffee.",
	   public_metrics: {followers_count: 800, following_count: 500, tweet_count: 4000, listed_count: 25},
	   posts: ([$ARGS.positional | to_entries[] |
	     {id: "\($id)\(.key)", text: "@friend\(.key) \(["good point on email marketing, what did your small business clients say?",
	        "agreed, we saw the same with local branding last spring", "thanks! happy to share the template, DM is open",
	        "ha, that newsletter subject line is brilliant"][.key % 4])",
	      created_at: day(.key), in_reply_to_user_id: .value,
	      referenced_tweets: [{type: "replied_to", id: "9\(.key)"}]}]
	     + [{id: "\($id)9", text: "Wrote up what we learned about branding for small business this year.",
	         created_at: day(9)}])}' "$@"
}

@test "dead beats everything: a relevant, conversing account silent for 400 days is skip" {
	person 8001 5 11 12 13
	person 8002 400 11 12 13
	fbs --now 2026-11-20 --no-sort --interests 'marketing, small business' in
	expect_status 0
	expect_jq 'select(.id == "8001") | .fb.score.verdict == "engage"'
	expect_jq 'select(.id == "8002") | .fb.score.verdict == "skip" and .fb.score.reasons[0].rule == "DEAD_365_DAYS"'
}

@test "quiet but alive (200 days) is maybe at best: MAYBE_AT_BEST holds the total just below engage" {
	person 8003 200 11 12 13
	fbs --now 2026-11-20 --interests 'marketing, small business' in
	expect_status 0
	expect_jq '.fb.score.verdict == "maybe"'
	expect_jq '[.fb.score.reasons[] | select(.rule == "MAYBE_AT_BEST")] | length == 1 and
		(.[0].why | test("QUIET_90_DAYS holds"))'
	engage=$(fb-score -l | awk '$1 == "threshold" && $2 == "engage" { print $3 }')
	expect_jq ".fb.score.total < $engage and .fb.score.total == ([.fb.score.reasons[].points] | add * 1e6 | round / 1e6)"
	# cap QUIET_90_DAYS none lifts the cap
	echo 'cap QUIET_90_DAYS none' >nocap.rules
	fbs --now 2026-11-20 --interests 'marketing, small business' -r nocap.rules in
	expect_jq 'all(.fb.score.reasons[]; .rule != "MAYBE_AT_BEST")'
}

@test "a relevant broadcaster that never replies is not engage" {
	record '{id: "8004", username: "growthnews", name: "Growth News Daily",
	  description: "Daily marketing and small business news. Official account.",
	  created_at: "2012-01-01T00:00:00Z",
	  public_metrics: {followers_count: 250000, following_count: 40, tweet_count: 90000, listed_count: 3000},
	  posts: [range(6) | {id: "8004\(.)", text: "Small business marketing: 5 trends for next year https://example.com/\(.)",
	    created_at: "2026-11-1\(.)T09:00:00Z"}]}'
	fbs --now 2026-11-20 --interests 'marketing, small business' in
	expect_status 0
	expect_jq '.fb.score.verdict != "engage"'
	expect_jq 'any(.fb.score.reasons[]; .rule == "NO_CONVERSATION")'
}

@test "--client: a reply to the client is TALKED_TO_CLIENT, one with a link PITCHES_CLIENT, by id or by @name" {
	record '{id: "8005", username: "talker", posts: [
	  {id: "1", text: "@brightpath_co loved your audit thread, how long did it take?", in_reply_to_user_id: "1500"},
	  {id: "2", text: "@someone else entirely", in_reply_to_user_id: "77"},
	  {id: "3", text: "morning all"}]}'
	record '{id: "8006", username: "pitcher", posts: [
	  {id: "4", text: "@brightpath_co grow 10x with my course https://x.example/c", in_reply_to_user_id: "1500"},
	  {id: "5", text: "hello"}, {id: "6", text: "hi"}]}'
	printf 'points TALKED_TO_CLIENT 1\npoints PITCHES_CLIENT -1\n' >client.rules
	fbs -r zero.rules -r client.rules --no-sort --client 1500 in
	expect_status 0
	jq -c '[.username, [.fb.score.reasons[].rule]]' "$OUT" >got
	printf '%s\n' '["talker",["TALKED_TO_CLIENT"]]' '["pitcher",["PITCHES_CLIENT"]]' | diff - got
	fbs -r zero.rules -r client.rules --no-sort --client @BrightPath_Co in
	jq -c '[.username, [.fb.score.reasons[].rule]]' "$OUT" | diff - got
	# without --client, nothing
	fbs -r zero.rules -r client.rules --no-sort in
	expect_jq '.fb.score.reasons == []'
}

@test "a demand in a post of the last year is DEMAND_IN_POSTS (skip); one in a post years older is not counted" {
	record '{id: "8007", username: "recent", posts: [
	  {id: "1", text: "Great chat today", created_at: "2026-11-18T10:00:00Z"},
	  {id: "2", text: "Follow me and I follow back 100% #TeamFollowBack", created_at: "2026-10-01T10:00:00Z"}]}'
	record '{id: "8008", username: "reformed", posts: [
	  {id: "3", text: "Great chat today", created_at: "2026-11-18T10:00:00Z"},
	  {id: "4", text: "Follow me and I follow back 100% #TeamFollowBack", created_at: "2013-10-01T10:00:00Z"}]}'
	fb-detect in >detected
	fbs --now 2026-11-20 --no-sort detected
	expect_status 0
	expect_jq 'select(.id == "8007") | .fb.score.verdict == "skip" and any(.fb.score.reasons[]; .rule == "DEMAND_IN_POSTS")'
	expect_jq 'select(.id == "8008") | all(.fb.score.reasons[]; .rule != "DEMAND_IN_POSTS" and .rule != "DEMANDS_FOLLOW_BACK")'
}

@test "reasons come weightiest first, and every built-in rule is described" {
	person 8009 5 11 12 13
	fbs --now 2026-11-20 --interests 'marketing, small business' in
	expect_jq '[.fb.score.reasons[].points | fabs] as $p | $p == ($p | sort | reverse)'
	fb-score -l | awk '$1 == "points" { p[$2] = 1 } $1 == "describe" { d[$2] = 1 }
		END { for (r in p) if (!(r in d)) { print "no describe line: " r; bad = 1 } exit bad }'
}

@test "a cap line that is neither maybe nor none is an error naming the line" {
	echo 'cap QUIET_90_DAYS always' >bad.rules
	fbs -r bad.rules </dev/null
	expect_status 2
	expect_err 'bad\.rules:1: .*expected maybe or none'
}

@test "points, weights and thresholds that are infinite or huge are refused (exit 2, the line named)" {
	for v in inf -inf 1e300 2000000; do
		printf 'points CONVERSATION %s\n' "$v" >big.rules
		fbs -r big.rules </dev/null
		expect_status 2
		expect_err "big\.rules:1: expected a number between -1000000 and 1000000"
		printf 'weight EN_I_FOLLOW_BACK %s\n' "$v" >big.rules
		fbd -r big.rules </dev/null
		expect_status 2
		expect_err "big\.rules:1: expected a number between -1000000 and 1000000"
	done
	printf 'threshold engage 1e7\n' >big.rules
	fbs -r big.rules </dev/null
	expect_status 2
}

@test "a jq rule sees both spellings X writes (tweet_count / post_count): the README's BUSY_POSTER fires on fetched records" {
	printf 'jq BUSY_POSTER .public_metrics.tweet_count > 50000\npoints BUSY_POSTER -1\njq PINNED .pinned_post_id != null\npoints PINNED 1\n' >busy.rules
	record '{id: "1", username: "fetched", public_metrics: {post_count: 60000}, pinned_tweet_id: "9"}'
	record '{id: "2", username: "older", public_metrics: {tweet_count: 60000}}'
	record '{id: "3", username: "quiet", public_metrics: {post_count: 6}}'
	fbs -r zero.rules -r busy.rules --no-sort in
	expect_status 0
	jq -c '[.username, [.fb.score.reasons[].rule]]' "$OUT" >got
	printf '%s\n' '["fetched",["BUSY_POSTER","PINNED"]]' '["older",["BUSY_POSTER"]]' '["quiet",[]]' | diff - got
	# the records themselves are as they came
	expect_jq 'select(.id == "1") | .public_metrics == {post_count: 60000} and (has("pinned_post_id") | not)'
}

@test "--already leaves out the accounts the client follows (ids, @names, profile URLs), and says how many; --keep-already keeps them" {
	record '{id: "1", username: "followed_by_id"}'
	record '{id: "2", username: "Followed_By_Name"}'
	record '{id: "3", username: "followed_by_url"}'
	record '{id: "4", username: "new_here"}'
	printf '1\n@followed_by_name\nhttps://x.com/followed_by_url?s=20\n' >following.txt
	fbs --no-sort --already following.txt in
	expect_status 0
	[ "$(jq -r .username "$OUT")" = new_here ] || { show; return 1; }
	expect_err '^fb-score: 3 accounts the client already follows left out \(--keep-already keeps them\)$'
	fbs --no-sort --already following.txt --keep-already in
	expect_status 0
	expect_no_stderr
	expect_lines 4
	expect_jq 'select(.id != "4") | any(.fb.score.reasons[]; .rule == "ALREADY_FOLLOWED")'
}

@test "--already reads an X archive's following.js and pretty-printed records; a bad line is named FILE:LINE (exit 2)" {
	record '{id: "15989888", username: "in_archive"}'
	record '{id: "5", username: "Pretty"}'
	record '{id: "6", username: "neither"}'
	printf 'window.YTD.following.part0 = [ {\n  "following" : {\n    "accountId" : "15989888",\n    "userLink" : "https://twitter.com/intent/user?user_id=15989888"\n  }\n} ]\n' >following.js
	printf '{\n  "username": "pretty"\n}\n' >pretty.json
	fbs --no-sort --already following.js --already pretty.json in
	expect_status 0
	[ "$(jq -r .username "$OUT")" = neither ] || { show; return 1; }
	printf '1\nnot an account\n' >bad.txt
	fbs --no-sort --already bad.txt in
	expect_status 2
	expect_no_stdout
	expect_err '^fb-score: bad\.txt:2: neither an id, a @name, a profile URL nor a record$'
}

# --- what Bluesky and Mastodon records say ------------------------------------

@test "Bluesky's moderation labels spam and engagement farming make a skip; a negated label does not" {
	record '{id: "1", username: "farm.bsky.social", description: "Baker in Leeds", public_metrics: {followers_count: 900, following_count: 950, tweet_count: 300}, labels: [{src: "did:plc:mod", val: "engagement-farming", neg: false}]}'
	record '{id: "2", username: "spam.bsky.social", description: "Baker", labels: [{val: "spam"}]}'
	record '{id: "3", username: "cleared.bsky.social", description: "Baker", labels: [{val: "spam", neg: true}, {val: "porn"}]}'
	fbs --no-sort --now 2026-11-20 in
	expect_status 0
	record_of 1
	expect_jq '.fb.score.verdict == "skip" and any(.fb.score.reasons[]; .rule == "LABELLED_SPAM" and .points == -20 and (.why | test("engagement-farming")))' rec
	record_of 2
	expect_jq '.fb.score.verdict == "skip" and any(.fb.score.reasons[]; .rule == "LABELLED_SPAM")' rec
	record_of 3
	expect_jq 'all(.fb.score.reasons[]; .rule != "LABELLED_SPAM")' rec
}

@test "a self-declared bot (bot: true) is maybe at best, whatever its points" {
	fb-detect "$BATS_TEST_DIRNAME/../../examples/sample-followers.ndjson" | fb-score --now 2026-11-20 --verdict engage |
	    head -n 1 | jq -c 'del(.fb)' >human
	jq -c '. + {bot: true}' human >in
	fb-score --now 2026-11-20 human | jq -e '.fb.score.verdict == "engage"' >/dev/null
	fbs --now 2026-11-20 in
	expect_status 0
	expect_jq '.fb.score.verdict == "maybe"'
	expect_jq 'any(.fb.score.reasons[]; .rule == "MAYBE_AT_BEST" and (.why | test("SELF_DECLARED_BOT")))'
}

@test "Mastodon's last_status_at dates an account with no posts attached: dead after 365 days" {
	record '{id: "1", username: "old@mastodon.social", description: "Baker", public_metrics: {followers_count: 120, following_count: 90, tweet_count: 400}, last_status_at: "2025-06-01"}'
	record '{id: "2", username: "quiet@mastodon.social", description: "Baker", public_metrics: {followers_count: 120, following_count: 90, tweet_count: 400}, last_status_at: "2026-07-01"}'
	record '{id: "3", username: "none@mastodon.social", description: "Baker", public_metrics: {followers_count: 120, following_count: 90, tweet_count: 400}}'
	fbs --no-sort --now 2026-11-20 in
	expect_status 0
	record_of 1
	expect_jq '.fb.score.verdict == "skip" and any(.fb.score.reasons[]; .rule == "DEAD_365_DAYS" and .points == -20 and (.why | test("537 days")))' rec
	record_of 2
	expect_jq '.fb.score.verdict != "skip" and all(.fb.score.reasons[]; .rule != "DEAD_365_DAYS")' rec
	record_of 3
	expect_jq 'any(.fb.score.reasons[]; .rule == "DEAD_365_DAYS" and .points == 0 and (.why | test("not evaluated")))' rec
}
