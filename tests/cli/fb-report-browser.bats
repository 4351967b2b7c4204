#!/usr/bin/env bats
# fb-report in a browser: Debian's chromium, headless, opens the pages from
# disk (file://) in one launch (tests/cli/report-browser.py drives it over
# the DevTools protocol on a pipe) and the tests read what it saw: the DOM's
# rows and charts, console errors, requests, whether a record's script ran.
# Screenshots, the sample page printed to PDF and chromium's log stay in the file's temporary directory
# ($BATS_FILE_TMPDIR/artefacts; bats --no-tempdir-cleanup keeps it).
#
# Setup installs chromium when it is missing (tools/deps.sh test, as root);
# when it cannot, every test is skipped with the command to run.

load helpers

NOW=2026-11-20T12:00:00Z

setup_file() {
	command -v chromium >/dev/null 2>&1 ||
		sh "$BATS_TEST_DIRNAME/../../tools/deps.sh" test >&2 || true
	command -v chromium >/dev/null 2>&1 || return 0
	cd "$BATS_FILE_TMPDIR"
	fb-detect "$BATS_TEST_DIRNAME/../../examples/sample-followers.ndjson" |
		fb-score --now $NOW --interests 'marketing, small business' --no-sort >scored
	jq -c 'select(.fb.score.verdict != "skip")' scored | fb-suggest >prospects
	fb-report --now $NOW --client @brightpath_co scored prospects >sample.html
	fb-report --now $NOW --title '<script>window.pwned=1</script>' \
		"$BATS_TEST_DIRNAME/data/report-hostile.ndjson" >hostile.html
	# A control: markup that escaping would have stopped, put in by hand,
	# shows that the checks see a handler and a script the page refuses.
	sed 's|<h2>Charts</h2>|<img src="https://example.invalid/x.png" onerror="window.pwned=1"><script>window.pwned=1</script>&|' \
		hostile.html >control.html
	mkdir -p artefacts
	python3 "$BATS_TEST_DIRNAME/report-browser.py" chromium artefacts \
		sample.html hostile.html control.html >seen 2>browser.err
}

setup() {
	if ! command -v chromium >/dev/null 2>&1; then
		if [ "$(id -u)" = 0 ]; then
			skip "chromium is missing; run: apt-get install -y chromium"
		else
			skip "chromium is missing; run: sudo apt-get install -y chromium"
		fi
	fi
	cd "$BATS_FILE_TMPDIR"
	if [ ! -s seen ]; then
		echo "the browser run failed:"
		cat browser.err
		return 1
	fi
}

# saw PAGE FILTER: jq FILTER over what the browser saw of PAGE.html.
saw() {
	jq -r --arg p "$1.html" "select(.page == \$p) | $2" seen
}

@test "browser: the sample page shows its rows, charts and numbers, with no error and no request" {
	n=$(wc -l <scored)
	[ "$(saw sample .dom.stats.followers)" -eq "$n" ]
	want=$(jq -c 'select(.fb.score.verdict == "engage")' scored | wc -l)
	[ "$(saw sample .dom.stats.engage)" -eq "$want" ]
	want=$(jq -c 'select(.fb.score.verdict != "skip")' scored | wc -l)
	[ "$(saw sample .dom.rows.prospect)" -eq "$want" ]
	[ "$(saw sample .dom.rows.demand)" -gt 0 ]
	[ "$(saw sample .dom.charts)" -eq 5 ]
	[ "$(saw sample .dom.bars)" -gt 40 ]
	[ "$(saw sample .dom.dots)" -gt 0 ]
	[ "$(saw sample '.errors | length')" -eq 0 ]
	[ "$(saw sample '.requests | join(" ")')" = "file://$BATS_FILE_TMPDIR/sample.html" ]
	[ -s artefacts/sample.png ]
}

@test "browser: printed, the page leaves out the copy buttons and makes a PDF" {
	[ "$(saw sample .dom.buttons)" -gt 0 ]
	[ "$(saw sample .print.buttons_shown)" -eq 0 ]
	[ "$(saw sample .print.pages)" -ge 1 ]
	[ -s artefacts/sample.pdf ]
}

@test "browser: the page's own script runs (copy buttons shown, a click answers), and no other" {
	want=$(jq -c 'select(.fb.opener.text)' prospects | wc -l)
	[ "$want" -gt 0 ]
	[ "$(saw sample .dom.buttons)" -eq "$want" ]
	[ "$(saw sample .dom.scripts)" -eq 1 ]
	copied=$(saw sample .copied)
	[ -n "$copied" ] && [ "$copied" != Copy ]
}

@test "browser: hostile records run nothing and fetch nothing" {
	[ "$(saw hostile .dom.pwned)" = undefined ]
	[ "$(saw hostile .dom.handlers)" -eq 0 ]
	[ "$(saw hostile .dom.scripts)" -eq 1 ]
	[ "$(saw hostile '.errors | length')" -eq 0 ]
	[ "$(saw hostile '.dialogs | length')" -eq 0 ]
	[ "$(saw hostile '.requests | join(" ")')" = "file://$BATS_FILE_TMPDIR/hostile.html" ]
	[ "$(saw hostile .dom.title)" = '<script>window.pwned=1</script>' ]
	[ "$(saw hostile .dom.rows.prospect)" -eq 2 ]
	[ "$(saw hostile '.dom.marks | join("|")')" = '</svg><script>|follow back' ]
	[ -s artefacts/hostile.png ]
}

@test "browser: the checks see markup that escaping would have stopped (a control)" {
	[ "$(saw control .dom.handlers)" -eq 1 ]
	[ "$(saw control .dom.scripts)" -eq 2 ]
	# The policy refused the script and the image, and said so; the image was asked for.
	[ "$(saw control .dom.pwned)" = undefined ]
	[ "$(saw control '.errors | length')" -gt 0 ]
	saw control '.requests[]' | grep -Fxq 'https://example.invalid/x.png'
}
