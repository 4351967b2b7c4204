#!/usr/bin/env bats
# fb-suggest: what a user of the command sees (drafts, which records get
# one, who they greet, what kind of post gets what draft, how varied a
# run reads, templates, options, the optional LLM endpoint, messages).
#
# Golden files: data/suggest-CASE.ndjson is one profile, and
# data/suggest-CASE.expected.ndjson the output for it, byte for byte. Each
# golden test checks what the draft must be (its kind, its basis, its
# language) before comparing bytes, so that a failure says what is wrong.
# data/suggest-CASE.expected.txt lists, for the records of a case file,
# "@username<TAB>what must be": the greeting's name, the achievement, the
# kind of draft (empty: none).
#
# The LLM tests start tests/cli/fake-llm.py on 127.0.0.1 (a free port) and
# stop it in teardown; nothing else is ever contacted.

load helpers

# Most tests here are about how a draft is written, which the drafts of
# --cold show best (from a job, a link, advice, a story); so fbg runs
# fb-suggest --cold, and the tests of what is drafted without it say
# "captured fb-suggest".
fbg() { captured fb-suggest --cold "$@"; }

setup() {
	cd "$BATS_TEST_TMPDIR"
	LLM_PID=
}

teardown() {
	if [ -n "${LLM_PID:-}" ]; then
		kill "$LLM_PID" 2>/dev/null || true
		wait "$LLM_PID" 2>/dev/null || true
	fi
}

# golden CASE [ARG...]: fb-suggest ARG... data/suggest-CASE.ndjson, which
# must succeed quietly.
golden() {
	local c=$1
	shift
	fbg "$@" "$DATA/suggest-$c.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 1
}

# start_llm: the fake endpoint on a free port of 127.0.0.1; $LLM is its
# base URL, and each request it gets is a line of $BATS_TEST_TMPDIR/llm.log.
start_llm() {
	local i
	rm -f llm.port llm.log
	python3 "$BATS_TEST_DIRNAME/fake-llm.py" --port-file llm.port --log llm.log \
		>/dev/null 2>&1 3>&- &
	LLM_PID=$!
	for i in $(seq 100); do
		[ -s llm.port ] && break
		sleep 0.1
	done
	[ -s llm.port ] || { echo "the fake LLM did not start"; return 1; }
	LLM=http://127.0.0.1:$(cat llm.port)
}

# The text of the opener of the only record of a file.
text_of() {
	jq -r .fb.opener.text "$1"
}

POLISHED="Hi Nina, how did you end up designing for health care? I'd love to hear what a good week looks like."

# --- drafts: one golden profile for each kind of fact ------------------------

@test "a job title with an organisation: a question, resting on .description" {
	golden question
	expect_jq '.fb.opener | keys_unsorted == ["text", "kind", "basis"]'
	expect_jq '.fb.opener.kind == "question"'
	expect_jq '.fb.opener.basis == {"field": ".description", "excerpt": "senior product designer / Acme Health"}'
	# a job title beats a post of their own
	expect_jq '.fb.opener.text | test("senior product designer")'
	expect_out "$DATA/suggest-question.expected.ndjson"
}

@test "an achievement in a post: a compliment, resting on .posts[0].text" {
	golden compliment
	expect_jq '.fb.opener.kind == "compliment"'
	expect_jq '.fb.opener.basis.field == ".posts[0].text"'
	expect_jq '.fb.opener.basis.excerpt == "We just launched the new booking page for our clinic"'
	expect_jq '.fb.opener.text | test("the new booking page")'
	expect_out "$DATA/suggest-compliment.expected.ndjson"
}

@test "a post linking to the bio link's domain: a share naming the domain" {
	golden share
	expect_jq '.fb.opener.kind == "share"'
	expect_jq '.fb.opener.basis.field == ".posts[0].text"'
	expect_jq '.fb.opener.text | test("lenafischer\\.example")'
	expect_out "$DATA/suggest-share.expected.ndjson"
}

@test "advice in a post of their own: a response quoting it" {
	golden response
	expect_jq '.fb.opener.kind == "response"'
	expect_jq '.fb.opener.basis == {"field": ".posts[0].text", "excerpt": "Sourdough is mostly patience and a warm corner of the kitchen"}'
	expect_out "$DATA/suggest-response.expected.ndjson"
}

@test "a hobby word in the bio and a story in a post: the reaction comes before the question" {
	golden hobby
	expect_jq '.fb.opener.kind == "reaction"'
	expect_jq '.fb.opener.basis.field == ".posts[0].text"'
	expect_out "$DATA/suggest-hobby.expected.ndjson"
}

@test "nothing specific known (no role, only a repost and a reply): text null with a reason" {
	golden nothing
	expect_jq '.fb.opener | keys_unsorted == ["text", "reason"]'
	expect_jq '.fb.opener.text == null and (.fb.opener.reason | startswith("nothing specific to go on"))'
	expect_out "$DATA/suggest-nothing.expected.ndjson"
}

@test "a reply is not a post of their own: the reaction rests on the next original post" {
	# posts[0] is a reply as the X API gives it (referenced_tweets
	# replied_to, then in_reply_to_user_id); posts[1] is their own, a story.
	golden reply
	expect_jq '.fb.opener.kind == "reaction"'
	expect_jq '.fb.opener.basis.field == ".posts[1].text"'
	expect_out "$DATA/suggest-reply.expected.ndjson"
}

@test "a Spanish profile gets a Spanish draft" {
	golden es
	expect_jq '.fb.opener.text | startswith("Hola Lucía, ")'
	expect_jq '.fb.opener.text | test("periodista")'
	expect_jq '.fb.opener.basis == {"field": ".description", "excerpt": "periodista / El Diario del Sur"}'
	expect_out "$DATA/suggest-es.expected.ndjson"
}

@test "a Portuguese profile gets a Portuguese draft" {
	golden pt
	expect_jq '.fb.opener.kind == "compliment"'
	expect_jq '.fb.opener.text | startswith("Oi Rafael, ")'
	expect_jq '.fb.opener.text | contains("Acabei de publicar meu ensaio sobre os pescadores de Itajaí")'
	expect_out "$DATA/suggest-pt.expected.ndjson"
}

@test "--lang pt writes an English profile's draft in Portuguese; the basis stays" {
	golden question --lang pt
	expect_jq '.fb.opener.text | startswith("Oi Nina, ")'
	expect_jq '.fb.opener.basis.excerpt == "senior product designer / Acme Health"'
	expect_out "$DATA/suggest-question-pt.expected.ndjson"
	# and --lang en turns a Spanish profile's draft into English
	golden es --lang en
	expect_jq '.fb.opener.text | startswith("Hi Lucía, ")'
}

@test "Portuguese: Portugal's to those who write it or live there (tu, estás a, equipa da), Brazil's to the others; --lang pt-BR and pt-PT choose" {
	fbg --format table "$DATA/suggest-pt-variants.ndjson"
	expect_status 0
	expect_no_stderr
	# Lisbon, "estou a ver ... a malta" and Porto and Braga: Portugal's
	grep -E '^@joana_pedala .* (Olá|Viva) Joana, ' "$OUT"
	grep -E '^@ze_da_bola .* (Olá|Viva) Zé, ' "$OUT"
	grep -E '^@padaria_sol .* (Olá|Viva) equipa da Padaria do Sol, ' "$OUT"
	grep -E '^@cafe_central_pt .* (Olá|Viva) equipa do Café Central, ' "$OUT"
	# Curitiba - PR, and "tô vendo ... a galera": Brazil's
	grep -E '^@rafa_pedal .* (Oi|Olá) Rafael, ' "$OUT"
	grep -E '^@bia_corre .* (Oi|Olá) Beatriz, ' "$OUT"
	fbg "$DATA/suggest-pt-variants.ndjson"
	jq -r '.fb.opener.text' "$OUT" >drafts
	sed -n '1p;3p;5p;6p' drafts | grep -E '\b(você|seu|sua|valeu|equipe)\b' && { echo "Brazil's words to Portugal"; return 1; }
	sed -n '2p;4p' drafts | grep -E '\b(tua|teu|estás|tens|-te|-me)\b' && { echo "Portugal's words to Brazil"; return 1; }
	fbg --lang pt-BR "$DATA/suggest-pt-variants.ndjson"
	expect_jq '.fb.opener.text | test("^(Oi|Olá) ")'
	! jq -r '.fb.opener.text' "$OUT" | grep -E 'equipa|\btua\b'
	fbg --lang pt-PT "$DATA/suggest-pt-variants.ndjson"
	expect_jq '.fb.opener.text | test("^(Olá|Viva) ")'
	! jq -r '.fb.opener.text' "$OUT" | grep -E 'equipe|\bsua\b|você'
}

@test "a job title beats a hobby word that comes before it in the bio" {
	fbg "$DATA/suggest-title-hobby.ndjson"
	expect_status 0
	expect_lines 3
	expect_jq '.fb.opener.kind == "question"'
	# the question is about the job ("nurse", "senior editor", "accountant",
	# with or without "full-time"), not the hobby word before it
	jq -r '.fb.opener.basis.excerpt' "$OUT" >got
	paste - got >pairs <<-'EOF'
	^nurse / St Mary's Hospital$
	^senior editor / Northwind Press$
	^(full-time )?accountant / Ledger & Co$
	EOF
	while IFS=$'\t' read -r want have; do
		[[ $have =~ $want ]] || {
			echo "the question rests on \"$have\", not the job title:"
			cat got
			return 1
		}
	done <pairs
}

@test "a post that is only a link gives nothing to quote" {
	fbg "$DATA/suggest-linkonly.ndjson"
	expect_status 0
	expect_jq '.fb.opener.text == null or (.fb.opener.text | test("https?:|t\\.co/") | not)'
	expect_jq '(.fb.opener.basis.excerpt // "") | test("https?:") | not'
}

# --- who a draft greets, and what kind of post gets what draft ---------------------

# per_record JQ: "@username<TAB>value" for each record of stdout, value being JQ of it.
per_record() {
	jq -r '"@" + .username + "\t" + ('"$1"')' "$OUT"
}

# kinds_for_client @CLIENT FILE: fb-suggest --client @CLIENT FILE, which
# must succeed with nothing on stderr; each record's handle and opener
# kind, or the start of the reason it has none, into ./got.
kinds_for_client() {
	captured fb-suggest --now 2026-11-20T12:00:00Z --client "$1" "$2"
	expect_status 0
	expect_no_stderr
	per_record '.fb.opener.kind // .fb.opener.reason[:36]' >got
}

@test "a first name only from a person's name (two for \"Ana Sofía\", a couple's both; a title kept before a surname alone, \"Mr Adams\"); a brand's name whole, never cut, in other languages too; none for \"The ...\", a place or a brand's handle" {
	fbg "$DATA/suggest-names.ndjson"
	expect_status 0
	expect_no_stderr
	# the greeting's name: what stands between "Hi" ("Hey", "Hello") and the first comma
	per_record '.fb.opener.text | capture("^(Hi|Hey|Hello)(?<to>[^,]*),").to | ltrimstr(" ")' >got
	diff "$DATA/suggest-names.expected.txt" got
	# and so never a word cut out of a business's name
	! jq -r .fb.opener.text "$OUT" | grep -E '^(Hi|Hey|Hello) (Hospitality|Eastshire|Brightside|The|Northloop|Pixel|Hannah|Peckham|Kent|Raglan|Bunn|Refugio),'
}

@test "an offer to share is no achievement, new stock is an ad, praise of others' work is not theirs, a question they get is advice, and \"my manager\" is not their role" {
	cat >in <<-'EOF'
	{"id":"2701","username":"levlib","name":"Levenshulme Library","posts":[{"text":"Happy to share our sign-up sheet if useful for other branches running a repair café."}]}
	{"id":"2702","username":"selin","name":"Selin Ulaş","posts":[{"text":"Happy to share the counting protocol if anyone wants it, it's on OSF."}]}
	{"id":"2703","username":"kira","name":"Kira Holm","posts":[{"text":"Excited to share that our field guide to urban bats is out today!"}]}
	{"id":"2704","username":"nour","name":"Nour","description":"Backend dev. My manager found my old account, hi boss."}
	{"id":"2705","username":"beans","name":"Bunn Roastery Zamalek","posts":[{"text":"New in: Ethiopia Guji natural, bright and jammy."}]}
	{"id":"2706","username":"boards","name":"Raglan Board Shed","posts":[{"text":"New batch of recycled-foam boards in this week."}]}
	{"id":"2707","username":"tala","name":"Talabartería Ríos","posts":[{"text":"Nuevo modelo de cinturón piteado, hilo de pita natural."}]}
	{"id":"2708","username":"sofia","name":"Dra. Sofía Quiroga","posts":[{"text":"Muy buen trabajo sobre mastocitomas en razas mestizas, @patologiavet.","lang":"es"}]}
	{"id":"2709","username":"quinn","name":"Quinn Ray","posts":[{"text":"The question I get most: should a new shop start on Etsy or on its own site? Own site, every time."}]}
	EOF
	fbg -a in
	expect_status 0
	per_record '.fb.opener.kind // "none"' >got
	printf '@levlib\treaction\n@selin\treaction\n@kira\tcompliment\n@nour\tnone\n@beans\tnone\n@boards\tnone\n@tala\tnone\n@sofia\tnone\n@quinn\tresponse\n' >expected
	diff expected got
	expect_jq 'select(.username == "kira") | .fb.opener.text | test("launched your field guide to urban bats")'
}

@test "an achievement only from a clause of their own with a real object; never a fragment, a question, a negative, a complaint, a quote, a hypothetical, a book they read, \"won't\" or the gym after 3 weeks" {
	# one template that says the achievement plainly, so that it can be read back
	printf 'compliment en {hi}I saw you {achievement}.\n' >ach.templates
	fbg --templates ach.templates "$DATA/suggest-achievements.ndjson"
	expect_status 0
	expect_no_stderr
	per_record 'if .fb.opener.kind == "compliment" then .fb.opener.text |
	    capture("I saw you (?<a>.*)\\.$").a else "" end' >got
	diff "$DATA/suggest-achievements.expected.txt" got
}

@test "the draft answers what the post is: a question a follow-up, advice a response, news a compliment, a story a reaction; an ad, a giveaway, a promo code, a pitch, a scam, the weather, small talk or a complaint nothing" {
	fbg "$DATA/suggest-postkinds.ndjson"
	expect_status 0
	expect_no_stderr
	per_record '.fb.opener.kind // ""' >got
	diff "$DATA/suggest-postkinds.expected.txt" got
	# with nothing to answer, the reason says so
	expect_jq 'select(.fb.opener.text == null) | .fb.opener.reason | startswith("nothing specific to go on")'
	# a follow-up quotes the whole question, with its question mark
	expect_jq 'select(.fb.opener.kind == "followup") | .fb.opener.basis.excerpt ==
	    "Anyone know a good accountant in Leeds who understands small bakeries?" and
	    (.fb.opener.text | contains("\"Anyone know a good accountant in Leeds who understands small bakeries?\""))'
	# a giveaway with a launch in it gets no praise: the bio's job makes the draft
	expect_jq 'select(.username == "kind_job") | .fb.opener.basis.field == ".description"'
	! jq -r '.fb.opener.text // empty' "$OUT" | grep -iE 'giveaway|airdrop|code|%|coaching|signals|drizzly|morning everyone|cancelled'
}

@test "without --cold: no draft from a job, a link, advice, a story or a question alone, and the reason says --cold would; news and what they said to the client still get one" {
	cat "$DATA/suggest-postkinds.ndjson" "$DATA/suggest-question.ndjson" "$DATA/suggest-share.ndjson" \
	    "$DATA/suggest-response.ndjson" "$DATA/suggest-compliment.ndjson" >all.ndjson
	printf '%s\n' '{"id":"9","username":"said_hi","name":"Ana Reyes","description":"Nurse at Mercy Hospital.","posts":[{"id":"91","text":"@brightpath_co that storm last night, wow","lang":"en"},{"id":"90","text":"Spent the afternoon sorting old negatives from the harbour series","lang":"en"}]}' \
	    '{"id":"8","username":"thanked","name":"Bo Lind","posts":[{"id":"81","text":"@brightpath_co thank you for the workshop, it changed how I price","lang":"en"}]}' >>all.ndjson
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @brightpath_co all.ndjson
	expect_status 0
	expect_no_stderr
	per_record '.fb.opener.kind // "-"' >default
	fbg --now 2026-11-20T12:00:00Z --client @brightpath_co all.ndjson
	per_record '.fb.opener.kind // "-"' >cold
	# --cold has drafts of every kind the default leaves out
	for k in question share response followup reaction; do
		grep -q "	$k\$" cold || { echo "no $k with --cold"; cat cold; return 1; }
	done
	# the default keeps every other draft --cold writes, and writes none of those kinds
	paste default cold | awk -F'\t' '
		$4 ~ /^(question|share|response|followup|reaction)$/ && $2 != "-" { print "drafted without --cold: " $0; bad = 1 }
		$4 !~ /^(question|share|response|followup|reaction)$/ && $2 != $4 { print "differs: " $0; bad = 1 }
		END { exit bad }'
	grep -q '	compliment$' default && grep -q '@thanked	thanks$' default
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @brightpath_co all.ndjson
	expect_jq 'select(.username == "kind_3") | .fb.opener.reason | startswith("no draft: they never wrote to the client") and contains("--cold")'
	expect_jq 'select(.username == "said_hi") | .fb.opener.reason | startswith("no draft: what they said to the client needs no reply")'
}

@test "hard news (a death, a stay in hospital, a theft, a closure), theirs or told to the client: no draft at all, and the reason names the post; an injury is no hard news" {
	cat >hard.ndjson <<-'EOF'
	{"id":"1","username":"ken","name":"Ken Robson","posts":[{"id":"11","text":"@tyneside_radio Let me know if I can help with the memorial show x","lang":"en"},{"id":"10","text":"Alan passed away on Sunday. Forty years of records and bad jokes. Gutted.","lang":"en"}]}
	{"id":"2","username":"mariana","name":"Mariana Silva","posts":[{"id":"21","text":"@padaria_ribeira Obrigada pelo pão de ontem! O meu pai anda a fazer quimio e foi a única coisa que lhe apeteceu.","lang":"pt"}]}
	{"id":"3","username":"jo","name":"Jo Pattinson","posts":[{"id":"31","text":"Our van got broken into last night, all the PA gear's gone. Could anyone lend us a PA for Saturday?","lang":"en"}]}
	{"id":"4","username":"sole","name":"Sole Ibarra","posts":[{"id":"41","text":"Mi vieja está internada desde el martes, les aviso que no voy a estar en el grupo de corrida.","lang":"es"}]}
	{"id":"5","username":"marcos","name":"Marcos Paz","posts":[{"id":"51","text":"Patagonia Run 70k terminado. Con esguince en el km 40, pero terminado.","lang":"es"},{"id":"50","text":"El martes cerramos por descanso, el miércoles volvemos a entrenar.","lang":"es"}]}
	{"id":"6","username":"carol","name":"Carol Souza","posts":[{"id":"61","text":"@padaria_ribeira que farinha vocês usam na broa de milho?","lang":"pt"},{"id":"60","text":"a minha taioba morreu de novo, acho que é sol demais","lang":"pt"}]}
	EOF
	fbg --now 2026-11-20T12:00:00Z --client @tyneside_radio --client @padaria_ribeira hard.ndjson
	expect_status 0
	expect_no_stderr
	per_record '.fb.opener.text // ("- " + .fb.opener.reason[:31])' >got
	cat >expected <<-'EOF'
	@ken	- no draft: they shared hard news
	@mariana	- no draft: they shared hard news
	@jo	- no draft: they shared hard news
	@sole	- no draft: they shared hard news
	EOF
	head -4 got | diff expected -
	expect_jq 'select(.username == "ken") | .fb.opener.reason | contains("(.posts[0].text: ")'
	# a race run on a sprain, "closed on Tuesday" and a plant that died are no hard news
	expect_jq 'select(.username == "marcos") | .fb.opener.text | test("Patagonia Run")'
	expect_jq 'select(.username == "carol") | .fb.opener.kind == "answer"'
}

@test "hard news is a person's own: shop talk about cancer pain or terminal patients, and a headline or a paper's title with its link, are not" {
	cat >shop.ndjson <<-'EOF'
	{"id":"1","username":"ofw_nurse","name":"Rhea Santos","posts":[{"id":"11","text":"@tala_ed Here we start a fentanyl patch early for cancer pain. Should opioid conversion be taught in the BSN curriculum?","lang":"en"}]}
	{"id":"2","username":"ph_health_news","name":"PH Health News","posts":[{"id":"21","text":"READ: What the Universal Health Care law means for cancer patients https://t.co/Tkm9jtYxvX","lang":"en"}]}
	{"id":"3","username":"pubmed_pall","name":"Palliative Papers","posts":[{"id":"31","text":"Barriers to opioid prescribing for cancer pain in Southeast Asia: a scoping review. https://t.co/0G8E9o6MlU","lang":"en"}]}
	{"id":"4","username":"marites","name":"Marites Cruz","posts":[{"id":"41","text":"My mom was diagnosed with cancer last week, the obituary of her sister is here https://t.co/abc","lang":"en"}]}
	{"id":"5","username":"horoscopo","name":"Horóscopo Diario","posts":[{"id":"51","text":"♋ Cáncer: día ideal para cerrar ciclos 🌙 #horoscopo","lang":"es"}]}
	EOF
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @tala_ed shop.ndjson
	expect_status 0
	expect_jq 'select(.username == "ofw_nurse") | .fb.opener.kind == "answer"'
	expect_jq 'select(.username | IN("ph_health_news", "pubmed_pall", "horoscopo")) | .fb.opener.reason | startswith("no draft: they shared hard news") | not'
	expect_jq 'select(.username == "marites") | .fb.opener.reason | startswith("no draft: they shared hard news")'
}

@test "--client: what they asked, offered, thanked for or advised the client comes first, for the client to answer; a put-down or a pitch gets no draft, a demand nothing" {
	fbg --now 2026-11-20T12:00:00Z --client @dra_lucia_vet --client 1402938475610293847 "$DATA/suggest-client.ndjson"
	expect_status 0
	expect_no_stderr
	per_record '.fb.opener.kind // ""' >got
	printf '%s\n' '@mariana_tecvet	answer' '@kicad_kenji	offer' '@marg_dunedin	thanks' \
		'@filament_fritz	reply' '@realprinterguy	' '@tolu_asks	' '@jay_fastapi	question' \
		'@growth_gabe	' '@clube_leitura_sp	offer' '@pen_ak_lanmou	answer' '@tolu_vc	offer' \
		'@vodreview_kate	answer' '@lafoodcrawl	offer' '@kate_runs_rio	thanks' '@gui_corre_rj	answer' \
		'@mariachisol_la	' '@casco_bay_club	offer' '@lulu_inkbirds	offer' | diff - got
	# a question to the client is quoted whole, before a story of theirs
	expect_jq 'select(.username == "mariana_tecvet") | .fb.opener.basis == {"field": ".posts[0].text",
	    "excerpt": "¿Ustedes siguen usando maropitant desde el ingreso o esperan a ver cómo tolera el ayuno?"}'
	# what they said to the client gets no draft: only the client knows the answer; the reason quotes it
	expect_jq 'select(.fb.opener.kind | IN("answer", "offer", "thanks", "reply")) | .fb.opener | .text == null and (.reason | startswith("reply yourself: they "))'
	expect_jq 'select(.username == "mariana_tecvet") | .fb.opener.reason == "reply yourself: they asked the client a question (.posts[0].text): \"Justo hoy llegó un cachorro con parvo. ¿Ustedes siguen usando maropitant desde el ingreso o esperan a ver cómo tolera el ayuno?\"; only the client knows the answer"'
	# an offer is quoted from its own sentence, not from the story before it
	expect_jq 'select(.username == "kicad_kenji") | .fb.opener.basis.excerpt == "If you want, I can send you the footprint file tonight"'
	# someone who put the client down gets no friendly draft, whatever else they posted
	expect_jq 'select(.username == "realprinterguy") | .fb.opener | .text == null and (.reason | startswith("no draft for someone who put the client down"))'
	# a follow-back demand fb-detect found is answered with nothing: the bio makes the draft
	expect_jq 'select(.username == "jay_fastapi") | .fb.opener.basis.field == ".description"'
	# someone who pitched the client gets no draft that would invite the next pitch
	expect_jq 'select(.username == "growth_gabe") | .fb.opener | .text == null and (.reason | startswith("no draft for someone who pitched the client"))'
	# an invitation asked as a question is an offer, for the client to say yes or no to
	expect_jq 'select(.username == "clube_leitura_sp") | .fb.opener.reason | endswith("only the client can say yes or no")'
	# a question to the client in French is the client's to answer, like any other
	expect_jq 'select(.username == "pen_ak_lanmou") | .fb.opener | .text == null and (.reason | startswith("reply yourself: they asked the client a question (.posts[0].text): \"Vous avez déjà essayé la farine de manioc"))'
	# "Coffee next week?" alone says too little: the sentence before it is quoted too
	expect_jq 'select(.username == "tolu_vc") | .fb.opener.basis.excerpt == "Fair point on the vaccine schedule. Coffee next week"'
	# a lead-in before ": " is not quoted back
	expect_jq 'select(.username == "vodreview_kate") | .fb.opener.basis.excerpt == "do you spay puppies before twelve weeks or wait?"'
	# asking leave is a request to say yes to, not a question to answer later
	expect_jq 'select(.username == "lafoodcrawl") | .fb.opener.basis.excerpt | startswith("Writing it up for Friday, ok if I use")'
	# "Thank you!!" is quoted with what it thanks for
	expect_jq 'select(.username == "kate_runs_rio") | .fb.opener.basis.excerpt == "Thank you! The calf raise progression worked, ran 15k on Sunday"'
	# the client's own name before a comma is not quoted back to them
	expect_jq 'select(.username == "gui_corre_rj") | .fb.opener.basis.excerpt | startswith("meu cachorro manca")'
	# an offer followed by "Could we talk about it?" is the offer, quoted from its start
	expect_jq 'select(.username == "casco_bay_club") | .fb.opener.basis.excerpt | startswith("We'"'"'d love to hold our January rescue meetup")'
	# a price and a quote link make a question a pitch
	expect_jq 'select(.username == "mariachisol_la") | .fb.opener.reason | startswith("no draft for someone who pitched the client")'
}

@test "--client: advice, invitations and gifts in Spanish and Portuguese, news told to the client, a question after an emoji; a taunt or a price called robbery is a put-down, a price with 'chama no zap' a pitch" {
	cat >told.ndjson <<-'EOF'
	{"id":"1","username":"chino","name":"Renzo Paz","posts":[{"id":"11","text":"@olas ojo con el aviso para el jueves, entra mar de fondo. Yo pasaría las clases para la mañana.","lang":"es"}]}
	{"id":"2","username":"marcos","name":"Marcos Lima","posts":[{"id":"21","text":"@olas a bananeira ajuda sim, sombra parcial. Só cuidem da raiz perto do muro.","lang":"pt"}]}
	{"id":"3","username":"rui","name":"Rui Guedes","posts":[{"id":"31","text":"@olas Estamos a organizar um mercado no largo no dia 14. Querem vir com a broa?","lang":"pt"}]}
	{"id":"4","username":"diego","name":"Diego Paredes","posts":[{"id":"41","text":"@olas les dejo las fotos de la clase del domingo, quedaron brutales","lang":"es"}]}
	{"id":"5","username":"lari","name":"Larissa Souza","posts":[{"id":"51","text":"@olas PASSEI NA AUDIÇÃO DA COMPANHIA!!! devo tudo a essa escola 😭","lang":"pt"}]}
	{"id":"6","username":"rafa","name":"Rafa Lima","posts":[{"id":"61","text":"@olas o escondidinho de ontem 🤌 qual é o segredo do purê?","lang":"pt"}]}
	{"id":"7","username":"earl","name":"Earl Tomlin","posts":[{"id":"71","text":"@olas $34 a pound for brisket is highway robbery and y'all know it.","lang":"en"}]}
	{"id":"8","username":"raiz","name":"Zé Raiz","posts":[{"id":"81","text":"@olas cobrar R$ 180 por mês pra ensinar frevo é piada.","lang":"pt"}]}
	{"id":"9","username":"tialu","name":"Tia Lu","posts":[{"id":"91","text":"@olas Sombrinhas personalizadas a partir de R$ 25! Chama no zap","lang":"pt"}]}
	EOF
	kinds_for_client @olas told.ndjson
	cat >expected <<-'EOF'
	@chino	reply
	@marcos	reply
	@rui	offer
	@diego	offer
	@lari	compliment
	@rafa	answer
	@earl	no draft for someone who put the cli
	@raiz	no draft for someone who put the cli
	@tialu	no draft for someone who pitched the
	EOF
	diff expected got
	expect_jq 'select(.username == "rafa") | .fb.opener.basis.excerpt == "qual é o segredo do purê?"'
}

@test "--client: what they said to the client, in any language, is quoted for the client to answer (no draft, no '¡Hola!' or apology quoted); a follower seller or a get-rich pitch gets nothing; a Spanish team is greeted with its article" {
	cat >lang.ndjson <<-'EOF'
	{"id":"1","username":"lupita","name":"Lupita Ruiz","description":"Tour guide in Oaxaca","posts":[{"id":"13","text":"@sierpe ¡Hola! ¿Tienen algo sin alcohol para niños?","lang":"es"},{"id":"12","text":"Great group today at Monte Albán","lang":"en"},{"id":"11","text":"Sunny morning in the zócalo","lang":"en"}]}
	{"id":"2","username":"kaye","name":"Kaye Lim","posts":[{"id":"21","text":"@sierpe asa ang venue sa December meetup? pwede ko mo-join?","lang":"tl"}]}
	{"id":"3","username":"pierre","name":"Pierre Roux","posts":[{"id":"31","text":"@sierpe vous livrez à Lyon avant Noël ?","lang":"fr"}]}
	{"id":"4","username":"ana","name":"Ana Gil","posts":[{"id":"41","text":"@sierpe thank you for the tour on Saturday, my parents loved it","lang":"en"}]}
	{"id":"5","username":"jo","name":"Jo Park","posts":[{"id":"51","text":"@sierpe could we book the tasting room for our club on the 14th?","lang":"en"}]}
	{"id":"6","username":"seguidores_mx","name":"Seguidores MX","description":"Compra seguidores mexicanos reales, 1.000 por $99","posts":[{"id":"61","text":"@sierpe ¿Quieres más clientes? 1.000 seguidores por $99, escríbenos","lang":"es"}]}
	{"id":"7","username":"gana_ya","name":"Gana Ya","posts":[{"id":"71","text":"@sierpe ¿Quieres ganar 3.000€ al mes desde casa?","lang":"es"}]}
	{"id":"8","username":"priya","name":"Priya Shah","posts":[{"id":"81","text":"@sierpe Sorry if this is a silly question, what do kids need to bring for the tasting tour?","lang":"en"}]}
	{"id":"9","username":"beto","name":"Beto Cruz","posts":[{"id":"91","text":"@sierpe Perdón por preguntar tanto, pero ¿el tobalá es silvestre o cultivado?","lang":"es"}]}
	{"id":"10","username":"nico","name":"Nico Díaz","posts":[{"id":"101","text":"@sierpe ojo con el agave joven, yo lo dejaría reposar dos meses más antes de embotellar","lang":"es"}]}
	{"id":"11","username":"coro_vk","name":"Coro Popular de Vallecas","posts":[{"id":"111","text":"Acabamos de publicar nuestro primer disco, grabado en la parroquia del barrio.","lang":"es"}]}
	{"id":"12","username":"av_lavapies","name":"Asociación Vecinal Lavapiés","posts":[{"id":"121","text":"Acabamos de inaugurar la biblioteca vecinal del barrio, con 2.000 libros donados.","lang":"es"}]}
	EOF
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @sierpe lang.ndjson
	expect_status 0
	expect_no_stderr
	per_record '.fb.opener.kind // ""' >got
	printf '%s\n' '@lupita	answer' '@kaye	answer' '@pierre	answer' '@ana	thanks' '@jo	offer' \
		'@seguidores_mx	' '@gana_ya	' '@priya	answer' '@beto	answer' '@nico	reply' \
		'@coro_vk	compliment' '@av_lavapies	compliment' | diff - got
	expect_jq 'select(.fb.opener.kind | IN("answer", "offer", "thanks", "reply")) | .fb.opener.text == null'
	# the reason quotes their message whole, past the mention, for the client to read; the basis is the question alone
	expect_jq 'select(.username == "lupita") | .fb.opener | .basis.excerpt == "¿Tienen algo sin alcohol para niños?" and .reason == "reply yourself: they asked the client a question (.posts[0].text): \"¡Hola! ¿Tienen algo sin alcohol para niños?\"; only the client knows the answer"'
	expect_jq 'select(.username == "kaye") | .fb.opener.basis.excerpt == "asa ang venue sa December meetup?"'
	expect_jq 'select(.username == "pierre") | .fb.opener.basis.excerpt | startswith("vous livrez à Lyon")'
	# thanks, a request and advice each say what the client has to do
	expect_jq 'select(.username == "ana") | .fb.opener.reason | startswith("reply yourself: they thanked the client (.posts[0].text): \"thank you for the tour on Saturday")'
	expect_jq 'select(.username == "jo") | .fb.opener.reason | endswith("only the client can say yes or no")'
	expect_jq 'select(.username == "nico") | .fb.opener.reason | startswith("reply yourself: they wrote to the client (.posts[0].text): \"ojo con el agave joven")'
	expect_jq 'select(.username == "seguidores_mx" or .username == "gana_ya") | .fb.opener | .text == null and (.reason | startswith("no draft for someone who pitched the client"))'
	# an apology before the question, and the words before a Spanish '¿', are not quoted
	expect_jq 'select(.username == "priya") | .fb.opener.basis.excerpt == "what do kids need to bring for the tasting tour?"'
	expect_jq 'select(.username == "beto") | .fb.opener.basis.excerpt == "¿el tobalá es silvestre o cultivado?"'
	# a Spanish name that starts with a common noun takes its article: "equipo del Coro ...", "equipo de la Asociación ..."
	expect_jq 'select(.username == "coro_vk") | .fb.opener.text | test("^(Hola|Buenas) equipo del Coro Popular de Vallecas, ")'
	expect_jq 'select(.username == "av_lavapies") | .fb.opener.text | test("^(Hola|Buenas) equipo de la Asociación Vecinal Lavapiés, ")'
}

@test "--now: a question to the client 60 days or more before is dated in the note, in months, and newer is not; thanks a month old or a remark two need no reply; a bad --now is a usage error" {
	cat >old.ndjson <<-'EOF'
	{"id":"1","username":"aylin","name":"Aylin Kaya","posts":[{"id":"11","text":"@zeytin_coop do you ship the early harvest oil to Izmir?","created_at":"2026-04-02T10:00:00.000Z","lang":"en"}]}
	{"id":"2","username":"burak","name":"Burak Demir","posts":[{"id":"21","text":"@zeytin_coop do you ship the early harvest oil to Bursa?","created_at":"2026-11-20T10:00:00.000Z","lang":"en"}]}
	{"id":"3","username":"cem","name":"Cem Arslan","posts":[{"id":"31","text":"@zeytin_coop thank you for the tasting on Saturday, my parents loved the oil","created_at":"2026-10-05T10:00:00.000Z","lang":"en"}]}
	{"id":"4","username":"dilek","name":"Dilek Şahin","posts":[{"id":"41","text":"@zeytin_coop thank you for the tasting on Saturday, my kids loved the oil","created_at":"2026-11-28T10:00:00.000Z","lang":"en"}]}
	{"id":"5","username":"emre","name":"Emre Koç","posts":[{"id":"51","text":"@zeytin_coop we pressed our first oil with a stone mill this year, the taste is rounder than the modern press","created_at":"2026-09-01T10:00:00.000Z","lang":"en"}]}
	{"id":"6","username":"ferhat","name":"Ferhat Işık","posts":[{"id":"61","text":"@zeytin_coop we pressed our first oil with a stone mill this year, the colour is greener than the modern press","created_at":"2026-10-27T10:00:00.000Z","lang":"en"}]}
	EOF
	captured fb-suggest --client @zeytin_coop --now 2026-12-06 old.ndjson
	expect_status 0
	expect_no_stderr
	expect_jq 'select(.username == "aylin") | .fb.opener.reason == "reply yourself: they asked the client a question (.posts[0].text, 8 months ago): \"do you ship the early harvest oil to Izmir?\"; only the client knows the answer, unless it was answered since"'
	expect_jq 'select(.username == "burak") | .fb.opener.reason | (contains("ago") or contains("unless")) | not'
	expect_jq 'select(.username == "cem") | .fb.opener.reason | startswith("reply yourself") | not'
	expect_jq 'select(.username == "dilek") | .fb.opener.reason | startswith("reply yourself: they thanked the client (.posts[0].text): ")'
	# a remark needs no reply two months on; 40 days on it still does
	expect_jq 'select(.username == "emre") | .fb.opener.reason | startswith("reply yourself") | not'
	expect_jq 'select(.username == "ferhat") | .fb.opener.reason | startswith("reply yourself: they wrote to the client (.posts[0].text): ")'
	captured fb-suggest --client @zeytin_coop --now 2026-04-10 old.ndjson
	expect_jq 'select(.username == "aylin") | .fb.opener.reason | contains("ago") | not'
	captured fb-suggest --now yesterday old.ndjson
	expect_status 2
	expect_err_has "--now: expected a date"
	expect_lines 0
}

@test "--client: a reply pointing at its link (👉), offering a download, or selling followers in Indonesian or Turkish is a pitch; 'Stupid question maybe:' and 'oder ist das Quatsch?' are questions, no put-downs" {
	cat >pitch.ndjson <<-'EOF'
	{"id":"1","username":"oil_awards","name":"Aegean Oil Awards","posts":[{"id":"11","text":"@zeytin_coop Congratulations on the harvest! Why not showcase it internationally? Enter the 2027 Awards, early-bird €220 👉 https://t.co/zFFGcviMjF","lang":"en"}]}
	{"id":"2","username":"birria_truck","name":"Birria Truck","posts":[{"id":"21","text":"@zeytin_coop Nice! But have you tried OUR quesabirria? We cater events too 👉 https://t.co/bB7kZrP2uQ","lang":"en"}]}
	{"id":"3","username":"jualfollowers","name":"Jual Followers","posts":[{"id":"31","text":"@zeytin_coop Kak, mau followers nambah banyak biar dagangan makin laris? 1K cuma 25rb, real & aktif 💯 DM ya 📩","lang":"in"}]}
	{"id":"4","username":"takipci_tr","name":"Takipçi Market","posts":[{"id":"41","text":"@zeytin_coop Hesabınızı büyütmek ister misiniz? 🚀 1000 gerçek Türk takipçi sadece 99 TL! https://t.co/0rGTcuDGwF","lang":"tr"}]}
	{"id":"5","username":"greg","name":"Greg Hill","posts":[{"id":"51","text":"@zeytin_coop Stupid question maybe: do you sell the oil in smaller tins for gifts?","lang":"en"}]}
	{"id":"6","username":"kodeworld","name":"KodeWorld","posts":[{"id":"61","text":"@zeytin_coop Thanks for the mention! 🙌 Download KodeWorld free: https://t.co/LCiLbzKi4V","lang":"en"}]}
	{"id":"7","username":"kurier","name":"Mo Kurier","posts":[{"id":"71","text":"@zeytin_coop Danke nochmal für das Öl! Frage: lohnt sich die große Dose für ein Café, oder ist das Quatsch?","lang":"de"}]}
	EOF
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @zeytin_coop pitch.ndjson
	expect_status 0
	expect_no_stderr
	expect_jq 'select(.username | IN("greg", "kurier") | not) | .fb.opener.reason | startswith("no draft for someone who pitched the client")'
	expect_jq 'select(.username == "kurier") | .fb.opener.kind == "answer"'
	expect_jq 'select(.username == "greg") | .fb.opener | .kind == "answer" and .basis.excerpt == "do you sell the oil in smaller tins for gifts?"'
}

@test "a protected account that shows no posts is told so, not that none of its posts is news" {
	cat >locked.ndjson <<-'EOF'
	{"id":"1","username":"tunde","name":"Tunde Bello","protected":true,"description":"Computer Studies teacher at Kings College Lagos"}
	{"id":"2","username":"jieun","name":"Ji-eun","protected":true,"description":"homemade jang and kimchi nerd"}
	{"id":"3","username":"open","name":"Ji-eun","protected":false,"description":"homemade jang and kimchi nerd"}
	EOF
	captured fb-suggest locked.ndjson
	expect_status 0
	expect_jq 'select(.username == "tunde") | .fb.opener.reason == "no draft: the account is protected and shows no posts; --cold drafts from their bio, as a starting point to edit"'
	expect_jq 'select(.username == "jieun") | .fb.opener.reason | startswith("nothing specific to go on: the account is protected and shows no posts")'
	expect_jq 'select(.username == "open") | .fb.opener.reason | contains("protected") | not'
	# --cold drafts from the bio of a protected account as from any other
	captured fb-suggest --cold locked.ndjson
	expect_jq 'select(.username == "tunde") | .fb.opener.kind == "question"'
}

@test "--client: a message to the client in a script without spaces (Japanese, Chinese, Korean) is the client's to answer, quoted whole; a few characters of banter are not; a free trial or a like-for-like group in a reply is a pitch" {
	cat >unspaced.ndjson <<-'EOF'
	{"id":"1","username":"miho","name":"みほ","posts":[{"id":"13","text":"@kiln_aya 秋の陶器市で買った鉢、毎日使ってます！電子レンジは大丈夫でしょうか？","lang":"ja"}]}
	{"id":"2","username":"gallery","name":"ギャラリー離れ","posts":[{"id":"21","text":"@kiln_aya 先日はありがとうございました。マグが残り二つになりました。追加をお願いできますか？","lang":"ja"}]}
	{"id":"3","username":"wei","name":"Wei","posts":[{"id":"31","text":"@kiln_aya 请问下个月的柴烧体验课还有名额吗","lang":"zh"}]}
	{"id":"4","username":"jisoo","name":"지수","posts":[{"id":"41","text":"@kiln_aya 작품 너무 예뻐요! 혹시 온라인으로도 구매할 수 있나요?","lang":"ko"}]}
	{"id":"5","username":"short","name":"Ken","posts":[{"id":"51","text":"@kiln_aya いいね！","lang":"ja"}]}
	{"id":"6","username":"juku","name":"陶芸塾","posts":[{"id":"61","text":"@kiln_aya 素敵な作品ですね！釉薬の掛け分け、オンライン塾で学べます。無料体験はこちら👉 https://t.co/YNyo0tx9Zl","lang":"ja"}]}
	{"id":"7","username":"mawari","name":"いいね回り","posts":[{"id":"71","text":"@kiln_aya 作家さん向けのいいね回りグループです！参加で表示回数3倍📈 DMください","lang":"ja"}]}
	EOF
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @kiln_aya unspaced.ndjson
	expect_status 0
	expect_no_stderr
	expect_jq '.fb.opener.text == null'
	expect_jq 'select(.username == "miho") | .fb.opener.reason == "reply yourself: they wrote to the client (.posts[0].text): \"秋の陶器市で買った鉢、毎日使ってます！電子レンジは大丈夫でしょうか？\"; a template cannot know what to say back"'
	expect_jq 'select(.username | IN("gallery", "wei", "jisoo")) | .fb.opener.reason | startswith("reply yourself: ")'
	expect_jq 'select(.username == "wei") | .fb.opener.reason | contains("请问下个月的柴烧体验课还有名额吗")'
	expect_jq 'select(.username == "short") | .fb.opener.reason | startswith("reply yourself") | not'
	expect_jq 'select(.username | IN("juku", "mawari")) | .fb.opener.reason | startswith("no draft for someone who pitched the client")'
}

@test "--client: anything else told to the client (a volunteer, a setback) is the client's to answer, quoted whole up to 60 words; only the newest post to the client counts (a 'got it' after a question answered); banter and a bare thanks for the follow need nothing; an app or a monthly price with a link is a pitch, a question or news with a photo link is not, nor an offer with 'DM us'; 'was all wrong.' is no put-down, 'you got it all wrong.' is; a candle is no hard news" {
	cat >addr.ndjson <<-'EOF'
	{"id":"1","username":"iain","name":"Iain Reid","posts":[{"id":"11","text":"@club Count me in for the Morven hill race marshalling, I'll take the summit cairn again if nobody else fancies freezing","lang":"en"}]}
	{"id":"2","username":"cat","name":"Cat Moir","posts":[{"id":"21","text":"@club Gutted to miss the club champs, stress fracture confirmed. Cheer loud for me on Brimmond!","lang":"en"}]}
	{"id":"3","username":"same","name":"Sam Ellis","posts":[{"id":"31","text":"@club haha yes, same","lang":"en"}]}
	{"id":"4","username":"stemres","name":"STEM Resources","posts":[{"id":"41","text":"@club Thanks for the follow! 🎉 Grab our free STEM lesson pack here: https://t.co/Du07i41xWO","lang":"en"}]}
	{"id":"5","username":"zolo","name":"Zolo Learn","posts":[{"id":"51","text":"@club Love this! 😍 Your students can keep practising at home with Zolo Learn, free on Android 👉 https://t.co/TjtU2rmume","lang":"en"}]}
	{"id":"6","username":"gdsc","name":"GDSC KNUST","posts":[{"id":"61","text":"@club Our lab at the College of Engineering is free on Saturdays in January. Happy to host one of your sessions. DM us and let's talk numbers (we can seat ~40).","lang":"en"}]}
	{"id":"7","username":"polite","name":"Pat Lowe","posts":[{"id":"71","text":"@club Thanks for the follow!","lang":"en"}]}
	{"id":"8","username":"fran","name":"Fran Diaz","posts":[{"id":"81","text":"@club thanks for the follow-up on my order, the shoes fit perfectly now","lang":"en"}]}
	{"id":"9","username":"lee","name":"Lee Long","posts":[{"id":"91","text":"@club w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 w40 w41 w42 w43 w44 w45 w46 w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 w57 w58 w59 w60 w61 w62","lang":"en"}]}
	{"id":"10","username":"vale","name":"Vale Ruiz","posts":[{"id":"102","text":"@club chévere, llego a las 9 entonces. ¡Gracias!","lang":"es"},{"id":"101","text":"@club ¿el sábado abren en la mañana? Se me dobló la rueda trasera","lang":"es"}]}
	{"id":"11","username":"gurpreet","name":"Gurpreet Kaur","posts":[{"id":"111","text":"@club Took my mum's sewing machine in last Saturday, the tension was all wrong. Your volunteer sorted it in 15 mins. Brilliant. Are you on again before Christmas?","lang":"en"}]}
	{"id":"12","username":"hornos","name":"Hornos Industriales","posts":[{"id":"121","text":"@club ¿Necesitas más producción de conchas? Hornos de convección con financiamiento a 12 meses 👉 https://t.co/WAmhfRuOIQ","lang":"es"}]}
	{"id":"13","username":"gmpath","name":"GM Path Coaching","posts":[{"id":"131","text":"@club Great work! If any of your kids need extra help, we have slots, ₦25k/month 👉 https://t.co/vVXpg8cxDB","lang":"en"}]}
	{"id":"14","username":"wick","name":"Wick and Thistle","posts":[{"id":"141","text":"@club Winter collection is live, and we'd love to stock your mugs next to it: Peat Smoke, Christmas Morning 🕯️","lang":"en"}]}
	{"id":"15","username":"nope","name":"Nate Pope","posts":[{"id":"151","text":"@club Wrong. Read the rules before you post about them.","lang":"en"}]}
	{"id":"17","username":"gail","name":"Gail Fenn","posts":[{"id":"171","text":"@club do you make anything gluten free for kids' parties? https://t.co/abc","lang":"en"}]}
	{"id":"18","username":"fiona","name":"Fiona Bell","posts":[{"id":"181","text":"@club I raised $5,000 for the food bank with your recipe cards https://t.co/abc","lang":"en"}]}
	{"id":"19","username":"pedro","name":"Pedro Gil","posts":[{"id":"191","text":"@club perfect, got it 🙌","lang":"en"},{"id":"190","text":"@club do you open on Sundays before ten in the morning?","lang":"en"}]}
	{"id":"20","username":"olga","name":"Olga Braz","posts":[{"id":"201","text":"@club Obrigada por seguir ensinando as crianças do bairro, vocês são demais","lang":"pt"}]}
	{"id":"21","username":"yoel","name":"Yoel Ortiz","posts":[{"id":"211","text":"@club you got it all wrong. Read the rules first.","lang":"en"}]}
	EOF
	kinds_for_client @club addr.ndjson
	cat >expected <<-'EOF'
	@iain	reply
	@cat	reply
	@same	nothing specific to go on: no job ti
	@stemres	no draft for someone who pitched the
	@zolo	no draft for someone who pitched the
	@gdsc	offer
	@polite	nothing specific to go on: no job ti
	@fran	thanks
	@lee	reply
	@vale	thanks
	@gurpreet	answer
	@hornos	no draft for someone who pitched the
	@gmpath	no draft for someone who pitched the
	@wick	offer
	@nope	no draft for someone who put the cli
	@gail	answer
	@fiona	compliment
	@pedro	nothing specific to go on: no job ti
	@olga	thanks
	@yoel	no draft for someone who put the cli
	EOF
	diff expected got
	expect_jq 'select(.username == "cat") | .fb.opener | .text == null and .reason == "reply yourself: they wrote to the client (.posts[0].text): \"Gutted to miss the club champs, stress fracture confirmed. Cheer loud for me on Brimmond!\"; a template cannot know what to say back"'
	expect_jq 'select(.username == "lee") | .fb.opener.reason | contains("w59 w60…\";") and (contains("w61") | not)'
	# a script written without spaces is cut at 480 characters (8 a word)
	printf '{"id":"16","username":"aoki","name":"Jun Aoki","posts":[{"id":"161","text":"@club Thank you so much for the workshop %s","lang":"ja"}]}\n' \
		"$(printf '楽しかったです%.0s' $(seq 100))" >ja.ndjson
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @club ja.ndjson
	expect_status 0
	expect_jq '.fb.opener | .kind == "thanks" and (.reason | test("\\(.posts\\[0\\].text\\): \"(?<q>[^\"]*)\"") and (capture("\\(.posts\\[0\\].text\\): \"(?<q>[^\"]*)\"").q | length < 500 and endswith("…")))'
}

@test "--client by @name alone knows mentions and @names, not a reply to an id; without --client nothing is an answer" {
	fbg --now 2026-11-20T12:00:00Z --client @Dra_Lucia_Vet "$DATA/suggest-client.ndjson"
	expect_status 0
	expect_jq 'select(.username == "kicad_kenji") | .fb.opener.kind == "offer"'
	expect_jq 'select(.username == "marg_dunedin") | .fb.opener.text == null'
	fbg "$DATA/suggest-client.ndjson"
	expect_status 0
	expect_no_stderr
	expect_jq '.fb.opener.kind | IN("answer", "offer", "thanks", "reply") | not'
	# without the client, a put-down to it is not known: the news makes the draft
	expect_jq 'select(.username == "realprinterguy") | .fb.opener.kind == "compliment"'
}

@test "a broadcaster fb-score found talks with nobody (maybe, NO_CONVERSATION, a brand or only links and posts of an organisation) gets no draft; what it said to the client is the client's to answer" {
	fbg --now 2026-11-20T12:00:00Z --client 1402938475610293847 "$DATA/suggest-broadcaster.ndjson"
	expect_status 0
	expect_no_stderr
	per_record '.fb.opener.kind // ""' >got
	printf '%s\n' '@vetnoticias_lat	' '@tidedb	' '@vet_ana_ruiz	compliment' '@vetnews_engage	compliment' \
		'@vetnoticias_asks	offer' | diff - got
	expect_jq 'select(.username == "vetnoticias_lat" or .username == "tidedb") | .fb.opener.reason | startswith("no draft for a broadcaster that talks with nobody")'
	# --all drafts for everyone; what one asked the client stays the client's to answer
	fbg -a --now 2026-11-20T12:00:00Z --client 1402938475610293847 "$DATA/suggest-broadcaster.ndjson"
	expect_jq 'select(.username != "vetnoticias_asks") | .fb.opener.text != null'
	expect_jq 'select(.username == "vetnoticias_asks") | .fb.opener | .text == null and .kind == "offer"'
}

@test "fb-score found them off the client's topics (OFF_TOPIC): no compliment on their news but with --cold or -a; what they said to the client is still the client's to answer" {
	cat >off.ndjson <<-'EOF'
	{"id":"1","username":"purls","name":"Isla Grant","description":"Knitter in Glasgow","posts":[{"id":"11","text":"Finished the fair isle jumper for my brother after six months of evenings","lang":"en"}],"fb":{"score":{"verdict":"maybe","total":0.5,"reasons":[{"rule":"OFF_TOPIC","points":-1.6,"why":"x"},{"rule":"OFF_TOPIC_CONVERSES","points":-0.4,"why":"x"}]}}}
	{"id":"2","username":"purls_asks","name":"Isla Grant","description":"Knitter in Glasgow","posts":[{"id":"21","text":"@gym do you run taster sessions for complete beginners on weekday evenings?","lang":"en"},{"id":"22","text":"Finished the fair isle jumper for my brother after six months of evenings","lang":"en"}],"fb":{"score":{"verdict":"maybe","total":0.5,"reasons":[{"rule":"OFF_TOPIC","points":-1.6,"why":"x"}]}}}
	{"id":"3","username":"rob","name":"Rob Hale","description":"Radio restorer","posts":[{"id":"31","text":"Finished the fair isle jumper for my brother after six months of evenings","lang":"en"}],"fb":{"score":{"verdict":"maybe","total":0.5,"reasons":[{"rule":"OFF_TOPIC_CONVERSES","points":-0.4,"why":"x"}]}}}
	EOF
	captured fb-suggest --now 2026-11-20T12:00:00Z --client @gym off.ndjson
	expect_status 0
	expect_no_stderr
	expect_jq 'select(.username == "purls") | .fb.opener | .text == null and (.reason | startswith("no draft: fb-score found their posts off the client'"'"'s topics (OFF_TOPIC)")) and (.reason | contains("--cold"))'
	expect_jq 'select(.username == "purls_asks") | .fb.opener | .text == null and .kind == "answer"'
	# OFF_TOPIC_CONVERSES alone is another rule
	expect_jq 'select(.username == "rob") | .fb.opener.kind == "compliment"'
	for opts in --cold -a; do
		captured fb-suggest --now 2026-11-20T12:00:00Z --client @gym $opts off.ndjson
		expect_jq 'select(.username == "purls") | .fb.opener.kind == "compliment"'
		expect_jq 'select(.username == "purls_asks") | .fb.opener | .text == null and .kind == "answer"'
	done
}

@test "a giveaway, a scam, a feed, a bot, an engagement pod or a feed posted automatically gets no draft at all, whatever its posts show" {
	fbg "$DATA/suggest-unwritable.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 7
	expect_jq '.fb.opener | .text == null and (.reason | startswith("no draft for an automated or promotional account"))'
}

@test "no control character in a draft: ESC[2J, an OSC 8 link, C0, C1 and bidi controls are taken out of what is quoted" {
	fbg "$DATA/suggest-controls.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 4
	# plain text only, in the draft and in what it rests on
	expect_jq '.fb.opener | [.text, .basis.excerpt] | map(. // "") | all(test("[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]") | not)'
	# the sequences are gone whole (the link's target too), the words they wrapped stay
	expect_jq '.fb.opener | [.text, .basis.excerpt] | map(. // "") | all(test("\\[2J|\\[H|8;;|evil|\\[31m|\\[0m|\\[5m") | not)'
	expect_jq 'select(.username == "ctl_compliment") | .fb.opener.basis.excerpt == "We just launched the new booking page for our clinic"'
	expect_jq 'select(.username == "ctl_compliment") | .fb.opener.text | startswith("Hi Omar, ")'
	expect_jq 'select(.username == "ctl_question") | .fb.opener.basis.excerpt == "senior editor / Northwind Press"'
	expect_jq 'select(.username == "ctl_response") | .fb.opener.basis.excerpt ==
	    "Pricing tip: raise your rates every January, and tell clients early"'
	# and the table, meant for a terminal, holds no escape either: in the
	# handle, a table shows it escaped, as every table of the toolkit does
	fbg --format table "$DATA/suggest-controls.ndjson"
	expect_status 0
	! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$OUT" || { echo "a control in the table:"; cat -A "$OUT"; return 1; }
	grep -Fq '@ctl\x1B[31m_table ' "$OUT"
}

# --- which records get an opener -------------------------------------------------

@test "engage, maybe and unscored records get an opener; skip does not; --all drafts for every record" {
	fbg "$DATA/suggest-verdicts.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 4
	jq -c '[.username, (.fb.opener.kind // null)]' "$OUT" >got
	cat >expected <<-'EOF'
	["v_engage","question"]
	["v_maybe","question"]
	["v_skip",null]
	["v_none","question"]
	EOF
	diff expected got
	# the skip record is passed through, byte for byte
	sed -n 3p "$DATA/suggest-verdicts.ndjson" >want
	sed -n 3p "$OUT" | cmp - want
	fbg --all "$DATA/suggest-verdicts.ndjson"
	expect_status 0
	expect_jq '.fb.opener.kind == "question"'
}

@test "a stale fb.opener is removed from a skip record and replaced in place elsewhere; other fb keys kept" {
	fbg "$DATA/suggest-stale.ndjson"
	expect_status 0
	expect_no_stderr
	expect_out "$DATA/suggest-stale.expected.ndjson"
	expect_jq '.fb.opener.text != "Hi Eve, an old draft." and .fb.opener.text != "Hi Finn, an old draft." and .fb.opener.text != "Hi Gus, an old draft."'
	sed -n 1p "$OUT" >rec
	expect_jq '.fb | keys_unsorted == ["demand", "score"]' rec
	sed -n 2p "$OUT" >rec
	expect_jq '.fb | keys_unsorted == ["opener", "score", "source"]' rec
}

@test "running it twice gives the same output as running it once" {
	cat "$DATA"/suggest-{question,compliment,share,response,hobby,nothing,es,pt,reply,stale,verdicts}.ndjson >all.ndjson
	fb-suggest --cold all.ndjson >once
	fb-suggest --cold once >twice
	cmp once twice
	# and the same input gives the same output, byte for byte
	fb-suggest --cold all.ndjson | cmp - once
}

@test "--seed picks other templates, and the same seed repeats byte for byte" {
	cat "$DATA"/suggest-{question,compliment,share,response,hobby,es,pt,reply,alike}.ndjson >all.ndjson
	fb-suggest --cold all.ndjson >seed0
	fb-suggest --cold --seed 0 all.ndjson | cmp - seed0
	fb-suggest --cold --seed 1 all.ndjson >seed1
	fb-suggest --cold --seed 1 all.ndjson | cmp - seed1
	! cmp -s seed0 seed1 || { echo "--seed 1 changed no draft"; return 1; }
	# another seed changes the wording, not what the drafts rest on
	diff <(jq -c '.fb.opener | [.kind, .basis]' seed0) <(jq -c '.fb.opener | [.kind, .basis]' seed1)
}

@test "never the same text twice in a run, even for people who look alike" {
	# six different people named Sam, each a nurse: the drafts may run out,
	# but none may repeat another
	fbg "$DATA/suggest-alike.ndjson"
	expect_status 0
	expect_lines 6
	jq -r 'select(.fb.opener.text) | .fb.opener.text' "$OUT" | sort | uniq -d >dups
	[ ! -s dups ] || { echo "written more than once:"; cat dups; return 1; }
	# a record left without a draft is not told "no job title it knows in the bio"
	jq -r 'select(.fb.opener.text == null) | .fb.opener.reason' "$OUT" >reasons
	! grep -q 'no job title it knows in the bio' reasons || { echo "a wrong reason:"; cat reasons; return 1; }
}

@test "--format table fits COLUMNS (60, 120): a draft wraps under its column, whole words, nothing lost" {
	for cols in 60 120; do
		COLUMNS=$cols fbg --format table "$DATA/wide.ndjson"
		expect_status 0
		expect_fits "$cols"
	done
	COLUMNS=60 fbg --format table "$DATA/wide.ndjson"
	# continuation lines start under the draft column
	grep -q '^                                [^ ]' "$OUT" || { show; return 1; }
	! grep -q '^ \{1,31\}[^ ]' "$OUT" || { show; return 1; }
	# the draft, its lines joined, is the draft of the records
	fb-suggest --cold "$DATA/wide.ndjson" | jq -r 'select(.fb.opener.text) | .fb.opener.text' >want
	awk 'NR == 1 { next } substr($0, 1, 32) ~ /^ +$/ { d = d " " substr($0, 33); next }
	     { if (n++) print d; d = substr($0, 33) } END { if (n) print d }' "$OUT" >got
	[ "$(grep -Fxcf want got)" -eq "$(wc -l <want)" ] || { diff want got; show; return 1; }
}

@test "--format table: a header, then handle, kind and text of each drafted record; - and the reason without a draft" {
	cat "$DATA"/suggest-{verdicts,nothing}.ndjson >in.ndjson
	COLUMNS=300 fbg --format table in.ndjson
	expect_status 0
	expect_no_stderr
	expect_lines 5
	cut -c 1-33 "$OUT" >got
	cat >expected <<-'EOF'
	HANDLE               KIND       D
	@v_engage            question   H
	@v_maybe             question   H
	@v_none              question   H
	@vibes_only_22       -          n
	EOF
	diff expected got
	grep -q '^@v_engage  .* Hi Ada, ' "$OUT"
	grep -q '^@vibes_only_22 .* nothing specific to go on' "$OUT"
}

# --- a run reads as if many people wrote it ----------------------------------------

@test "the default templates: at least 8 of each kind in each language, each opening and closing its own way" {
	python3 - "$BATS_TEST_DIRNAME/../../share/suggest.templates" <<-'PY'
	import collections, re, sys
	count, openings, closings, bad = collections.Counter(), {}, {}, []
	def key(words):
	    return " ".join(re.sub(r"[^\w'{}]", "", w.lower()) for w in words)
	for line in open(sys.argv[1], encoding="utf-8"):
	    if line.startswith("#") or not line.strip() or line[0] in " \t":
	        continue
	    kind, lang, text = line.rstrip("\n").split(" ", 2)
	    count[kind, lang] += 1
	    body = text.replace("{hi}", "", 1)
	    # an opening that quotes them is theirs, and differs from one post to the next
	    if not re.search(r"\{(excerpt|achievement|domain)\}", " ".join(body.split()[:4])):
	        o = key(body.split()[:4])
	        if (lang, o) in openings:
	            bad.append("%s %s opens like %s: %s" % (kind, lang, openings[lang, o], text))
	        openings[lang, o] = kind
	    if text.endswith("?"):
	        c = key(re.split(r'(?<=[.!?:])"? ', body)[-1].split())
	        if (lang, c) in closings:
	            bad.append("%s %s closes like %s: %s" % (kind, lang, closings[lang, c], text))
	        closings[lang, c] = kind
	for kind in ("question", "compliment", "share", "response", "followup", "reaction"):
	    for lang in ("en", "es", "pt", "pt-PT"):
	        if count[kind, lang] < 8:
	            bad.append("%d templates of %s %s" % (count[kind, lang], kind, lang))
	print("\n".join(bad))
	sys.exit(1 if bad else 0)
	PY
}

@test "51 engage profiles in one run: no two drafts open with the same four words or close with the same question" {
	# Each kind of draft, in each language, comes up at most 8 times, so
	# there is always a template left that opens and closes unlike the
	# drafts before it. Three skip profiles get no draft.
	python3 - >profiles.ndjson <<-'PY'
	import json, random
	rng = random.Random(20261127)
	first = iter(["Mara", "Priya", "Tomás", "Lucía", "João", "Kevin", "Aiko", "Olu", "Inês", "Eamon",
	              "Ursula", "Ivan", "Omar", "Elif", "Rafael", "Beatriz", "Diego", "Chen", "Fatima",
	              "Hugo", "Isla", "Noor", "Lars", "Uma", "Yusuf", "Zoe", "Amara", "Grace", "Leah",
	              "Rahul", "Fiona", "Carla", "Nadia", "Tess", "Wren", "Pia", "Ada", "Finn", "Gus",
	              "Hana", "Ellis", "Jonas", "Kim", "Ben", "Lucy", "Raj", "Sam", "Nina", "Dev", "Rosa"])
	last = ["Okafor", "Silva", "Gomez", "Park", "Nguyen", "Rossi", "Byrne", "Haddad", "Tan", "Ito"]
	brands = iter(["Kestrel Labs", "Blue Fern Studio", "Quayside Coffee Roasters", "Tallow & Wick",
	               "Harbour Print Shop"])
	nobody = iter(["✨", "The Corner Room", "🌿🌿", "The Long Table"])
	orgs = iter(["Acme Health", "Northwind Press", "Riverside Library", "Globex", "Open Shelf",
	             "Ledger & Co", "Harbour Gazette", "Mercy Hospital", "Fablab Leeds", "Tidewater Summit",
	             "Ember & Salt", "El Diario del Sur", "Radio Norte", "Folha do Porto", "Casa Aberta"])
	profiles = []
	def profile(lang="en", description="", posts=(), entities=None, verdict="engage"):
	    i = len(profiles)
	    r = rng.random()
	    if r < 0.1:
	        name = next(brands, None) or "%s %s" % (next(first), rng.choice(last))
	    elif r < 0.18:
	        name = next(nobody, None) or "%s %s" % (next(first), rng.choice(last))
	    else:
	        name = "%s %s" % (next(first), rng.choice(last))
	    p = {"id": str(5000 + i), "username": "user_%d" % i, "name": name, "description": description}
	    if entities:
	        p["entities"] = entities
	    p["posts"] = [{"id": str(6000 + 10 * i + j), "text": t, "lang": lang,
	                   "created_at": "2026-11-%02dT10:00:00.000Z" % (19 - j), **extra}
	                  for j, (t, extra) in enumerate(posts)]
	    p["fb"] = {"score": {"total": 5 if verdict == "engage" else -5, "verdict": verdict, "reasons": []}}
	    profiles.append(p)
	for text in ["We just launched the new booking page for our clinic",
	             "I just published a guide to pricing freelance work",
	             "Finally shipped version two of our budgeting app",
	             "Thrilled to announce our second shop on Harbour Road",
	             "We won the regional award for local reporting",
	             "I finished my first zine about city birds",
	             "After two years of work, we opened the community kitchen on Mill Lane",
	             "Some personal news: I got promoted to head of research at the lab"]:
	    profile(posts=[(text + "!", {})])
	for role in ["Senior editor", "Data journalist", "Software engineer", "Pastry chef", "Librarian",
	             "Product manager", "Accountant", "Nurse"]:
	    profile(description="%s at %s. Coffee first." % (role, next(orgs)))
	for text in ["Pricing tip: raise your rates every January and tell clients in November",
	             "Unmoderated tests show what people do, never why they do it",
	             "Sourdough is mostly patience and a warm corner of the kitchen",
	             "Most newsletters have four calls to action and readers click none of them",
	             "Lesson from this year: answer every support ticket within four hours",
	             "Never send a proposal without a call first, it saves everyone a week",
	             "Hot take: lanyards with first names in big type are the best accessibility feature",
	             "Write the job description before you hire, it saves so much pain later"]:
	    profile(posts=[(text, {})])
	for i, title in enumerate(["why small studios should raise prices every January",
	                           "the spring guide to local search for cafes",
	                           "what a year of open council data taught us",
	                           "how we plan a conference that feels like a dinner party",
	                           "eviction filings in twelve cities, normalised by renters",
	                           "a short history of the town library and its readers"]):
	    dom = "site%d.example" % i
	    link = "https://t.co/s%d" % i
	    profile(entities={"url": {"urls": [{"start": 0, "end": 23, "url": "https://t.co/b%d" % i,
	                                        "expanded_url": "https://%s/" % dom, "display_url": dom}]}},
	            posts=[("New essay: %s %s" % (title, link),
	                    {"entities": {"urls": [{"start": 0, "end": 23, "url": link,
	                                            "expanded_url": "https://%s/posts/%d" % (dom, i),
	                                            "display_url": dom}]}})])
	for text in ["Anyone know a good accountant in Leeds who understands small bakeries?",
	             "Does anyone have a favourite tool for planning a newsletter calendar?",
	             "Where do you all find illustrators for a small picture book?",
	             "Which bike shop in Cork still stocks 27-inch tubes these days?",
	             "How do you price a workshop for eight people without scaring them off?",
	             "What is the best way to archive old negatives without a scanner?"]:
	    profile(posts=[(text, {})])
	for text in ["Spent the afternoon sorting old negatives from the harbour series",
	             "Repainted the shop sign today, the old letters were peeling badly",
	             "Kids asked why the clocks change and I said politics and they accepted it",
	             "Planted the first tomatoes of the year on the balcony this morning",
	             "Took the long way home along the canal and counted eleven herons",
	             "Finally tried the new bakery on the corner with my daughter"]:
	    profile(posts=[(text, {})])
	for role, org in [("Periodista", "El Diario del Sur"), ("Ingeniera", "Radio Norte"),
	                  ("Fotógrafa", "Casa Aberta")]:
	    profile(lang="es", description="%s en %s. Me gustan los mapas y el café." % (role, org))
	for text in ["Acabamos de lanzar la nueva guía para pequeños comercios del barrio",
	             "Acabo de publicar mi ensayo sobre las bibliotecas de barrio"]:
	    profile(lang="es", posts=[(text, {})])
	for role, org in [("Jornalista", "Folha do Porto"), ("Professora", "Casa Aberta")]:
	    profile(lang="pt", description="%s na %s. Escrevo sobre cidades com dados." % (role, org))
	for text in ["Dica: nunca mande uma proposta sem uma conversa antes",
	             "Dica de preço: suba seus valores todo janeiro e avise os clientes antes"]:
	    profile(lang="pt", posts=[(text, {})])
	for i in range(3):
	    profile(verdict="skip", description="Nurse at Mercy Hospital.")
	rng.shuffle(profiles)
	for p in profiles:
	    print(json.dumps(p, ensure_ascii=False))
	PY
	fbg profiles.ndjson
	expect_status 0
	expect_no_stderr
	expect_lines 54
	python3 - "$OUT" <<-'PY'
	import collections, json, re, sys
	recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
	bad = []
	drafts = []
	for r in recs:
	    op = r["fb"].get("opener")
	    if r["fb"]["score"]["verdict"] == "skip":
	        if op is not None:
	            bad.append("@%s: a skip record got an opener" % r["username"])
	        continue
	    if not op or not op.get("text"):
	        bad.append("@%s: no draft: %s" % (r["username"], op))
	        continue
	    drafts.append((r["username"], op["kind"], op["text"]))
	def words(s, n=4):
	    return " ".join(re.sub(r"[^\w']", "", w.lower()) for w in s.split()[:n])
	def body(t):
	    m = re.match(r"(Hi|Hey|Hello|Hola|Buenas|Oi|Olá)\b[^,]*, ", t)
	    return t[m.end():] if m else t
	def closing(t):
	    if not t.endswith("?"):
	        return None
	    return re.sub(r"[^\w]", "", re.split(r'(?<=[.!?:])"? ', body(t))[-1].lower())
	seen = {}
	for user, kind, t in drafts:
	    for what, key in (("opening", words(t)), ("opening after the greeting", words(body(t))),
	                      ("closing question", closing(t))):
	        if key is None:
	            continue
	        if (what, key) in seen:
	            bad.append("@%s (%s) has the %s of @%s: %r\n    %s\n    %s" % (user, kind, what,
	                       seen[what, key][0], key, t, seen[what, key][1]))
	        else:
	            seen[what, key] = (user, t)
	kinds = collections.Counter(k for _, k, _ in drafts)
	print("%d drafts; kinds %s" % (len(drafts), dict(kinds)))
	for k in ("question", "compliment", "share", "response", "followup", "reaction"):
	    if kinds[k] < 3:
	        bad.append("only %d drafts of kind %s: the run is not varied enough to say anything" % (kinds[k], k))
	print("the first twelve:")
	for user, kind, t in drafts[:12]:
	    print("  %-10s %s" % (kind, t))
	print("\n".join(bad))
	sys.exit(1 if bad else 0)
	PY
}

# --- templates -----------------------------------------------------------------

@test "--templates replaces the templates of its kind and language (a continued line), and it is used" {
	cat >mine.templates <<-'EOF'
	# one question of our own
	question en {hi}quick question about being {a_role}:
	  what are you building this month?
	EOF
	fbg --templates mine.templates "$DATA/suggest-alike.ndjson"
	expect_status 0
	expect_no_stderr
	grep -q '"Hi Sam, quick question about being a nurse: what are you building this month?"' "$OUT" || {
		echo "the template of mine.templates was not used"
		jq -r .fb.opener.text "$OUT"
		return 1
	}
	# without it, that text never appears
	! fb-suggest --cold "$DATA/suggest-alike.ndjson" | grep -q 'quick question'
}

@test "a template with an unknown slot: exit 2, naming the file and the line" {
	printf '# mine\n\nquestion en {hi}how is {company} doing?\n' >slot.templates
	fbg --templates slot.templates "$DATA/suggest-question.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-suggest: slot\.templates:3: unknown slot'
	expect_err_has '{company}'
}

@test "a template with an unknown kind or language, or for what the client answers: exit 2, naming the file and the line" {
	printf 'greeting en {hi}hello\n' >kind.templates
	fbg --templates kind.templates "$DATA/suggest-question.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-suggest: kind\.templates:1: unknown kind'
	printf '# mine\nanswer en {hi}about "{excerpt}": yes, we do.\n' >answer.templates
	fbg --templates answer.templates "$DATA/suggest-question.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-suggest: answer\.templates:2: no template answers what someone said to the client \(answer, offer, thanks, reply\): only the client can'
	printf '# a\n# b\nquestion de {hi}was machst du als {role}?\n' >lang.templates
	fbg --templates lang.templates "$DATA/suggest-question.ndjson"
	expect_status 2
	expect_no_stdout
	expect_err '^fb-suggest: lang\.templates:3: unknown language'
	printf 'question en\n' >empty.templates
	fbg --templates empty.templates "$DATA/suggest-question.ndjson"
	expect_status 2
	expect_err '^fb-suggest: empty\.templates:1: '
	fbg --templates no-such.templates "$DATA/suggest-question.ndjson"
	expect_status 2
	expect_err 'no-such\.templates'
}

# --- options and messages ------------------------------------------------------------

@test "bad option values: exit 2 with a message, nothing read" {
	for a in '--lang fr' '--format csv' '--seed x' '--seed 1.5' '--llm-timeout 0' '--llm-timeout x' '--no-such-option'; do
		# shellcheck disable=SC2086
		fbg $a "$DATA/suggest-question.ndjson"
		expect_status 2 || { echo "for: $a"; return 1; }
		expect_no_stdout
		[ -s "$ERR" ] || { echo "no message for: $a"; return 1; }
	done
	fbg --lang fr "$DATA/suggest-question.ndjson"
	expect_err_has "fb-suggest: --lang: expected en, es, pt, pt-PT or pt-BR, not 'fr'"
}

@test "a bio of 1 MB of job titles is drafted in linear time (the bio was normalised again after each title)" {
	{ printf '{"id":"1","username":"jobs","name":"Jo","description":"'
	  yes 'software engineer | founder | data scientist |' | head -n 20000 | tr '\n' ' '
	  printf '"}\n'; } >in.ndjson
	captured timeout 60 fb-suggest --cold in.ndjson
	expect_status 0
	expect_lines 1
	expect_jq '.fb.opener.text | type == "string"'
}

@test "three post records: one message naming the first, then the count" {
	sed -n 1p "$DATA/suggest-question.ndjson" >in.ndjson
	for i in 1 2 3; do echo '{"id":"9","text":"a post, not a user","author_id":"2001"}'; done >>in.ndjson
	fbg in.ndjson
	expect_status 1
	expect_lines 1
	[ "$(grep -c 'a post, not a user' "$ERR")" -eq 1 ] || { show; return 1; }
	expect_err '^fb-suggest: in\.ndjson:2: a post, not a user'
	expect_err '^fb-suggest: 3 posts, not users, the first at in\.ndjson:2$'
}

@test "a post record is rejected with a message; the users are still drafted; exit 1" {
	sed -n 1p "$DATA/suggest-question.ndjson" >in.ndjson
	echo '{"id":"9","text":"a post, not a user","author_id":"2001"}' >>in.ndjson
	sed -n 1p "$DATA/suggest-response.ndjson" >>in.ndjson
	fbg --rejects rejects.ndjson in.ndjson
	expect_status 1
	expect_lines 2
	expect_jq '.fb.opener.text | type == "string"'
	expect_err '^fb-suggest: in\.ndjson:2: a post, not a user'
	expect_err_has '1 bad record'
	sed -n 2p in.ndjson >want
	expect_file_is rejects.ndjson want
}

@test "invalid JSON: reported with its line number; the run goes on; exit 1" {
	{
		sed -n 1p "$DATA/suggest-question.ndjson"
		echo '{"username": "broken", "description": oops}'
		sed -n 1p "$DATA/suggest-response.ndjson"
	} >in.ndjson
	fbg <in.ndjson
	expect_status 1
	expect_lines 2
	expect_err '^fb-suggest: stdin:2: invalid JSON'
	expect_jq '.username != "broken"'
}

@test "members of the wrong type are rejected, as fb-score rejects them" {
	local accepted=
	for bad in '{"username":"a","description":3}' '{"username":"a","posts":[1]}' \
	    '{"username":"a","posts":[{"text":7}]}' '{"username":"a","posts":{}}' \
	    '{"username":"a","description":"Nurse.","fb":3}'; do
		printf '%s\n' "$bad" >in.ndjson
		fbg in.ndjson
		if [ "$status" -ne 1 ] || [ -s "$OUT" ] || ! grep -q '^fb-suggest: in\.ndjson:1: ' "$ERR"; then
			accepted="$accepted
	$bad (exit $status) -> $(head -c 160 "$OUT")"
		fi
	done
	[ -z "$accepted" ] || { echo "not rejected:$accepted"; return 1; }
}

# --- properties over 300 generated profiles ----------------------------------------

@test "300 generated profiles: every draft short, tidy, plain, grounded and unique" {
	python3 - >profiles.ndjson <<-'PY'
	import json, random
	rng = random.Random(20261126)
	first = ["Mara", "Priya", "Tomás", "Lucía", "João", "Ana", "Kevin", "Aiko", "Olu", "Inês",
	         "Eamon", "Ursula", "Ivan", "Omar", "Elif", "Sam", "Jo", "Rafael", "Beatriz", "Diego",
	         "Chen", "Fatima", "Hugo", "Isla", "Noor", "Lars", "Uma", "Yusuf", "Zoe", "Amara"]
	last = ["Okafor", "Silva", "Gomez", "Park", "Nguyen", "Rossi", "Byrne", "Haddad", "Kowalski",
	        "Tan", "Mensah", "Costa", "Ruiz", "Evans", "Ito"]
	name_forms = ["{f} {l}", "{f} {l}", "{f} {l}", "Dr. {f} {l}", "{f} ✨", "{l} Studio", "{F} {L}"]
	roles = ["editor", "engineer", "architect", "analyst", "accountant", "illustrator", "economist",
	         "organizer", "owner", "author", "attorney", "UX designer", "urban planner",
	         "university lecturer", "nurse", "teacher", "software engineer", "data journalist",
	         "product manager", "pastry chef", "wildlife photographer", "independent consultant",
	         "executive director", "associate professor", "marketing strategist", "senior editor",
	         "lead developer", "freelance illustrator", "head baker", "farmer", "librarian"]
	orgs = ["Acme Health", "Northwind Press", "the Harbour Gazette", "Globex", "Initech", "Open Shelf",
	        "Tidewater Summit", "Blue Fern Studio", "Quay Street Clinic", "Kestrel Labs", "Oak & Ash",
	        "Riverside Library", "The International Federation of Municipal Sustainability Planners"]
	hobbies = ["runner", "reader", "gamer", "dreamer", "foodie", "coffee lover", "music fan", "traveller"]
	domains = ["{}.example", "{}-writes.example", "www.{}studio.example"]
	achieve = ["We just launched {}", "I just published {}", "Finally shipped {}",
	           "Thrilled to announce {}", "We won {}", "I finished {}",
	           "Excited to share that we opened {}", "Some personal news: I got promoted to {}"]
	things = ["the new booking page for small clinics", "a guide to pricing freelance work",
	          "my first zine about city birds", "the spring menu with three new pastries",
	          "a free template for newsletter audits", "our second shop on Harbour Road",
	          "the regional award for local reporting", "version two of our budgeting app",
	          "a long essay on public libraries and open data and why they matter so much",
	          "the illustrated map of every bakery in town", "head of research at the lab",
	          "supercalifragilisticexpialidocious" * 4]
	plain = ["Sourdough is mostly patience and a warm corner of the kitchen",
	         "Spent the afternoon sorting old negatives from the harbour series",
	         "Council budget meetings are more interesting than they look from outside",
	         "Trying a new way to plan the week: three priorities and nothing else",
	         "The canal path was full of herons this morning, a quiet start",
	         "Reading about how small towns keep their libraries open on tiny budgets",
	         "Notes from the workshop: people remember stories, not slides",
	         "Testing a slower release schedule this quarter to see what breaks",
	         "Every good spreadsheet starts as a bad one on the back of a receipt",
	         "Repainted the shop sign today, the old letters were peeling badly"]
	tags = ["", " #SmallBusiness", " #OpenData", " #Baking", " #design", ""]
	es_bios = ["Periodista en {org}. Me gustan los mapas y el café.",
	           "Soy una diseñadora de libros y el mar es mi casa.",
	           "Ingeniera en {org}, escribo sobre datos para todos."]
	es_posts = ["Hoy salimos a cubrir la feria del libro de la ciudad con mucha gente joven",
	            "Acabamos de lanzar la nueva versión de la guía para pequeños comercios",
	            "Escribí sobre cómo las bibliotecas de barrio cambian una calle entera"]
	pt_bios = ["Jornalista na {org}. Escrevo sobre cidades e transporte com dados.",
	           "Sou uma fotógrafa de rua em São Paulo.",
	           "Designer de produto, apaixonada por mapas e café com leite."]
	pt_posts = ["Acabei de publicar meu ensaio sobre os pescadores de Itajaí",
	            "Hoje fui ao mercado central e voltei com muitas ideias para o próximo projeto",
	            "Escrevi sobre por que as bibliotecas de bairro mudam uma rua inteira"]
	for i in range(300):
	    f, l = rng.choice(first), rng.choice(last)
	    r = {"id": str(10**17 + i), "username": "user_%d" % i,
	         "name": rng.choice(name_forms).format(f=f, l=l, F=f.upper(), L=l.upper())}
	    lang = rng.choices(["en", "es", "pt"], [76, 12, 12])[0]
	    posts = []
	    def post(text, **kw):
	        p = {"id": str(10**18 + i * 10 + len(posts)), "text": text, "lang": lang,
	             "created_at": "2026-11-%02dT10:00:00.000Z" % (19 - len(posts))}
	        p.update(kw)
	        posts.append(p)
	    if lang == "es":
	        r["description"] = rng.choice(es_bios).format(org=rng.choice(orgs))
	        for _ in range(rng.randint(0, 2)):
	            post("%s (%d)" % (rng.choice(es_posts), i))
	    elif lang == "pt":
	        r["description"] = rng.choice(pt_bios).format(org=rng.choice(orgs))
	        for _ in range(rng.randint(0, 2)):
	            post("%s (%d)" % (rng.choice(pt_posts), i))
	    else:
	        b, role = rng.random(), rng.choice(roles)
	        if b < 0.3:
	            r["description"] = "%s at %s. %s." % (role[0].upper() + role[1:], rng.choice(orgs),
	                rng.choice(["Views mine", "Coffee first", "She/her", "Based in Leeds"]))
	        elif b < 0.5:
	            r["description"] = "I'm %s %s who likes long walks." % (
	                "an" if role[0] in "aeio" or role.startswith("urb") else "a", role)
	        elif b < 0.65:
	            r["description"] = "%s, %s and part-time %s." % tuple(rng.sample(hobbies, 3))
	        elif b < 0.8:
	            r["description"] = ""
	        else:
	            r["description"] = "Notes on %s." % rng.choice(["bread", "trains", "maps", "money"])
	        dom = rng.choice(domains).format("site%d" % i)
	        if rng.random() < 0.4:
	            r["url"] = "https://t.co/u%d" % i
	            r["entities"] = {"url": {"urls": [{"start": 0, "end": 23, "url": r["url"],
	                "expanded_url": "https://%s/" % dom, "display_url": dom}]}}
	        for _ in range(rng.randint(0, 4)):
	            c = rng.random()
	            if c < 0.25:
	                post(rng.choice(achieve).format(rng.choice(things)) + "!" + rng.choice(tags))
	            elif c < 0.4 and "entities" in r:
	                link = "https://t.co/p%d%d" % (i, len(posts))
	                text = rng.choice(["New post: %s %s" % (rng.choice(plain).lower(), link), link])
	                post(text, entities={"urls": [{"start": 0, "end": 23, "url": link,
	                    "expanded_url": "https://%s/posts/%d" % (dom, i), "display_url": dom}]})
	            elif c < 0.55:
	                post("@someone_else %s (%d)" % (rng.choice(plain), i),
	                     referenced_tweets=[{"type": "replied_to", "id": "7"}], in_reply_to_user_id="42")
	            elif c < 0.65:
	                post("RT @newsdesk: %s" % rng.choice(plain),
	                     referenced_tweets=[{"type": "retweeted", "id": "8"}])
	            else:
	                post("%s (%d)%s" % (rng.choice(plain), i, rng.choice(tags)))
	    if posts:
	        r["posts"] = posts
	    r["public_metrics"] = {"followers_count": rng.randint(10, 5000),
	                           "following_count": rng.randint(10, 3000),
	                           "tweet_count": rng.randint(50, 20000), "listed_count": rng.randint(0, 50)}
	    print(json.dumps(r, ensure_ascii=False))
	PY
	[ "$(wc -l <profiles.ndjson)" -eq 300 ]
	fbg --all profiles.ndjson
	expect_status 0
	expect_no_stderr
	expect_lines 300
	python3 - profiles.ndjson "$OUT" <<-'PY'
	import json, re, sys
	ins = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
	outs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
	bad, seen, n = [], {}, 0
	def fail(r, what, t=""):
	    bad.append("@%s: %s: %s" % (r["username"], what, t))
	for r, o in zip(ins, outs):
	    op = (o.get("fb") or {}).get("opener")
	    if op is None:
	        fail(r, "no fb.opener with --all"); continue
	    t = op.get("text")
	    if t is None:
	        if not op.get("reason"):
	            fail(r, "text null without a reason", op)
	        continue
	    n += 1
	    if op.get("kind") not in ("question", "response", "followup", "reaction", "compliment", "share"):
	        fail(r, "kind %r" % op.get("kind"), t)
	    if len(t) > 280:
	        fail(r, "longer than 280 characters (%d)" % len(t), t)
	    if "{" in t or "}" in t:
	        fail(r, "a brace left", t)
	    if "  " in t:
	        fail(r, "a double space", t)
	    if "http" in t:
	        fail(r, "a link quoted", t)
	    if re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", t):
	        fail(r, "a control character", t)
	    m = re.search(r"\b(\w+) \1\b", t, re.I)
	    if m:
	        fail(r, "a doubled word %r" % m.group(0), t)
	    m = re.match(r"(Hi|Hey|Hello|Hola|Buenas|Oi|Olá) (\w+),", t)
	    if m and len(m.group(2)) > 1 and m.group(2).isupper():
	        fail(r, "a name in capitals taken for a first name", t)
	    if r["name"].endswith(" Studio") and not re.match(r"\w+ (equip[oe] (de )?)?%s( team)?, " % r["name"], t):
	        fail(r, "a studio not greeted by its whole name", t)
	    if re.match(r"(Hi|Hey|Hello)\b", t):  # the articles of English
	        m = re.search(r"\ba ([aeio]\w*)", t, re.I)
	        if m:
	            fail(r, "'a' before a vowel sound %r" % m.group(0), t)
	        m = re.search(r"\ban (\w+)", t, re.I)
	        if m and not re.match(r"(?i)([aeio]|u(?!ni|s)|hour|honest|heir|mba|seo)", m.group(1)):
	            fail(r, "'an' before a consonant sound %r" % m.group(0), t)
	    b = op.get("basis") or {}
	    field, ex = b.get("field"), b.get("excerpt") or ""
	    words = {w.lower() for w in re.findall(r"\w{4,}", ex)}
	    if not words or not any(w in t.lower() for w in words):
	        fail(r, "not grounded in the excerpt %r" % ex, t)
	    if field == ".description":
	        for part in ex.split(" / "):
	            if part.lower() not in (r.get("description") or "").lower():
	                fail(r, "the excerpt %r is not in the bio" % part, t)
	    else:
	        m = re.fullmatch(r"\.posts\[(\d+)\]\.text", field or "")
	        if not m or int(m.group(1)) >= len(r.get("posts", [])):
	            fail(r, "basis.field %r" % field, t); continue
	        p = r["posts"][int(m.group(1))]
	        if ex not in p["text"]:
	            fail(r, "the excerpt %r is not in %s" % (ex, field), t)
	        types = [x["type"] for x in p.get("referenced_tweets") or []]
	        if "retweeted" in types or p["text"].startswith("RT @"):
	            fail(r, "rests on a repost", t)
	        if op["kind"] in ("response", "followup", "reaction") and (
	                "replied_to" in types or "in_reply_to_user_id" in p):
	            fail(r, "a %s to a reply" % op["kind"], t)
	        if op["kind"] == "share":
	            dom = r["entities"]["url"]["urls"][0]["expanded_url"].split("/")[2].replace("www.", "")
	            if dom not in t:
	                fail(r, "a share without the domain %s" % dom, t)
	    if t in seen:
	        fail(r, "the same text as @%s" % seen[t], t)
	    seen[t] = r["username"]
	kinds = {}
	for o in outs:
	    k = (o.get("fb") or {}).get("opener", {}).get("kind")
	    kinds[k] = kinds.get(k, 0) + 1
	print("%d drafts; kinds %s" % (n, kinds))
	for x in bad[:25]:
	    print(x)
	if len(bad) > 25:
	    print("... and %d more" % (len(bad) - 25))
	if n < 150:
	    print("too few drafts to say anything: %d" % n)
	# every kind of draft must be among them, or the test tests little
	for k in ("question", "response", "compliment", "share"):
	    if kinds.get(k, 0) < 5:
	        print("fewer than 5 drafts of kind %s" % k)
	        bad.append(k)
	sys.exit(1 if bad or n < 150 else 0)
	PY
}

# --- the LLM endpoint (a fake one on 127.0.0.1) ---------------------------------------

@test "--llm: an acceptable answer becomes the text, the draft is kept; only the facts are sent" {
	start_llm
	LLM_API_KEY=test-key-123 fbg --llm "$LLM/ok/v1/chat/completions" --llm-model tiny-test-model \
		"$DATA/suggest-question.ndjson"
	expect_status 0
	expect_no_stderr
	expect_lines 1
	draft=$(text_of "$DATA/suggest-question.expected.ndjson")
	jq -e --arg x "$POLISHED" '.fb.opener.text == $x' "$OUT" >/dev/null ||
		{ echo "text is not the endpoint's answer"; show; return 1; }
	jq -e --arg d "$draft" '.fb.opener.draft == $d' "$OUT" >/dev/null ||
		{ echo "draft is not the deterministic text"; show; return 1; }
	expect_jq '.fb.opener.kind == "question" and .fb.opener.basis.field == ".description"'
	# everything but fb.opener is as it came in
	diff <(jq -c 'del(.fb)' "$DATA/suggest-question.ndjson") <(jq -c 'del(.fb)' "$OUT")
	# one request, as an OpenAI chat completion, with the key as a Bearer token
	[ "$(wc -l <llm.log)" -eq 1 ]
	jq -e '.path == "/ok/v1/chat/completions"' llm.log >/dev/null
	jq -e '.headers.Authorization == "Bearer test-key-123"' llm.log >/dev/null
	jq -e '.body.model == "tiny-test-model"' llm.log >/dev/null
	jq -e '[.body.messages[].role] == ["system", "user"]' llm.log >/dev/null
	jq -e --arg d "$draft" '.body.messages[1].content | startswith("Facts: {") and endswith("\nDraft: " + $d)' llm.log >/dev/null
	jq -e '.body.messages[1].content | capture("^Facts: (?<f>.*)\nDraft: ").f | fromjson
		| .kind == "question" and .role == "senior product designer" and .org == "Acme Health"' llm.log >/dev/null
	# what is not a fact the draft rests on is not sent
	jq -c .body llm.log >body
	for secret in '"2001"' nina_designs public_metrics followers_count 3120 \
	    'Coffee, cycling' 'Design reviews go better' '3001' created_at; do
		! grep -qF -- "$secret" body || { echo "sent to the endpoint: $secret"; cat body; return 1; }
	done
}

@test "--llm without LLM_API_KEY sends no Authorization; a record without a draft is not sent" {
	start_llm
	env -u LLM_API_KEY fb-suggest --cold --llm "$LLM/ok/v1/chat/completions" "$DATA/suggest-question.ndjson" >out
	jq -e '.headers | has("Authorization") | not' llm.log >/dev/null
	LLM_API_KEY= fb-suggest --cold --llm "$LLM/ok/v1/chat/completions" "$DATA/suggest-question.ndjson" >out
	jq -e -s 'all(.[]; .headers | has("Authorization") | not)' llm.log >/dev/null
	rm -f llm.log
	fbg --llm "$LLM/ok/v1/chat/completions" "$DATA/suggest-nothing.ndjson"
	expect_status 0
	expect_out "$DATA/suggest-nothing.expected.ndjson"
	[ ! -s llm.log ] || { echo "a record without a draft was sent:"; cat llm.log; return 1; }
}

# expect_llm_unused WHY: stderr is one line: no --llm answer was used, the last for WHY.
expect_llm_unused() {
	expect_err "^fb-suggest: --llm http://127\.0\.0\.1:[0-9]+/.*: no answer used in 1 request \(the last: $1\); the drafts stay as written\$"
	[ "$(wc -l <"$ERR")" -eq 1 ] || { show; return 1; }
}

@test "--llm slower than --llm-timeout: the deterministic draft stays, quickly, and the end says so" {
	start_llm
	start=$SECONDS
	captured timeout 20 fb-suggest --cold --llm-timeout 1 --llm "$LLM/slow/v1/chat/completions" \
		"$DATA/suggest-question.ndjson"
	took=$((SECONDS - start))
	expect_status 0
	expect_llm_unused 'Timeout was reached'
	expect_out "$DATA/suggest-question.expected.ndjson"
	[ "$took" -le 6 ] || { echo "took ${took}s with --llm-timeout 1"; return 1; }
}

@test "--llm answering 500, garbage, too long, braces or nothing: the deterministic draft stays, and the end says why" {
	start_llm
	for mode in 500 garbage long braces empty; do
		fbg --llm "$LLM/$mode/v1/chat/completions" "$DATA/suggest-question.ndjson"
		expect_status 0 || { echo "mode $mode"; return 1; }
		expect_err 'no answer used in 1 request \(the last: ' || { echo "mode $mode"; return 1; }
		expect_out "$DATA/suggest-question.expected.ndjson" || { echo "mode $mode"; return 1; }
	done
	# each was asked
	[ "$(wc -l <llm.log)" -eq 5 ]
}

@test "--llm answers about someone else, with a login lure, a link the record lacks, off the facts, or with escapes: not used, each named" {
	start_llm
	for mode in other:'it greets someone else' phish:'it asks for a login, a password or money' \
	    link:'a link that the record does not hold' offtopic:'it is not about what the record shows'; do
		fbg --llm "$LLM/${mode%%:*}/v1/chat/completions" "$DATA/suggest-question.ndjson"
		expect_status 0 || { echo "mode $mode"; return 1; }
		expect_out "$DATA/suggest-question.expected.ndjson" || { echo "mode $mode"; return 1; }
		expect_err_has "suggest-question.ndjson:1: the --llm answer is not used: ${mode#*:}" ||
			{ echo "mode $mode"; return 1; }
	done
	# an answer with escape sequences is used without them
	fbg --llm "$LLM/control/v1/chat/completions" "$DATA/suggest-question.ndjson"
	expect_status 0
	expect_jq '.fb.opener.text | test("\u001b|evil") | not'
	expect_jq '.fb.opener.text | startswith("Hi Nina, how did you end up designing for health care?")'
}

@test "--llm with nothing listening: the deterministic draft stays" {
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
	captured timeout 20 fb-suggest --cold --llm-timeout 2 --llm "http://127.0.0.1:$port/v1/chat/completions" \
		"$DATA/suggest-question.ndjson"
	expect_status 0
	expect_llm_unused "Couldn't connect to server"
	expect_out "$DATA/suggest-question.expected.ndjson"
}

@test "--llm refuses plain http to another machine (exit 2, a message, nothing read)" {
	# stdin is empty: even a URL that were wrongly accepted is never contacted
	for url in http://example.com/v1/chat/completions \
	    'http://localhost:@example.com/v1/chat/completions' \
	    http://127.0.0.1.example.com/v1/chat/completions \
	    ftp://127.0.0.1/v1/chat/completions; do
		fbg --llm "$url" </dev/null
		expect_status 2 || { echo "accepted: $url"; return 1; }
		expect_no_stdout
		expect_err "^fb-suggest: --llm .*https://" || { echo "for: $url"; return 1; }
	done
	# https anywhere, and http to this machine, are accepted
	for url in https://api.example.com/v1/chat/completions http://localhost:11434/v1/chat/completions \
	    http://127.0.0.1:8080/v1/chat/completions 'http://[::1]:8080/v1/chat/completions'; do
		fbg --llm "$url" </dev/null
		expect_status 0 || { echo "refused: $url"; return 1; }
	done
}
