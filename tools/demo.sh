#!/bin/sh
# demo.sh BUILD_DIR: the audit pipeline on the bundled sample account, offline.
set -eu
bin=$1
sample=examples/sample-followers.ndjson
export PATH="$bin:$PATH"

echo "== The followers of @harbourlight_co who demand a follow back (fb-detect --format table)"
fb-detect --hits-only --format table "$sample"
echo
echo "== Why the first one was flagged (fb-detect --explain)"
fb-detect --hits-only "$sample" | head -n 1 | fb-detect --explain >/dev/null
echo "== Flagged accounts per rule, of $(wc -l <"$sample") followers (fb-detect | jq)"
fb-detect --hits-only "$sample" | jq -r '[.fb.demand.hits[].rule] | unique[]' | sort | uniq -c | sort -rn
echo
echo "== Who is worth a real conversation (fb-detect | fb-score --format table)"
fb-detect "$sample" |
	fb-score --now 2026-11-20T12:00:00Z --interests 'marketing, small business, social media, branding' \
		--top 15 --format table
echo
echo "== Verdicts over all $(wc -l <"$sample") followers (fb-score | jq)"
fb-detect "$sample" | fb-score --now 2026-11-20T12:00:00Z --no-sort | jq -r .fb.score.verdict | sort | uniq -c
echo
echo "== The ten best prospects with a first message for each (fb-detect | fb-score --top 10 | fb-suggest | jq)"
fb-detect "$sample" |
	fb-score --now 2026-11-20T12:00:00Z --interests 'marketing, small business, social media, branding' --top 10 |
	fb-suggest |
	jq -r '"\(input_line_number). @\(.username) (\(.fb.score.verdict), \(.fb.score.total)): \(.fb.opener.kind // "no draft")\n   \(.fb.opener.text // .fb.opener.reason)"' 
