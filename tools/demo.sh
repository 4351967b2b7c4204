#!/bin/sh
# demo.sh BUILD_DIR: the audit pipeline on the bundled sample account, offline:
# the fetchers answer from a recording (--replay), so no token and no network.
set -eu
bin=$1
rec=examples/sample-recording
export PATH="$bin:$PATH"
work=$(mktemp -d "${TMPDIR:-/tmp}/fb-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
now=2026-11-20T12:00:00Z
interests='marketing, small business, social media, branding'

echo "== What fetching the followers of @brightpath_co would cost (tw-followers --estimate)"
tw-followers --replay "$rec" --estimate @brightpath_co
echo
echo "== Her followers, and the accounts she follows (tw-followers, from the recording)"
tw-followers --replay "$rec" --quiet @brightpath_co >"$work/followers"
tw-followers --replay "$rec" --quiet --following @brightpath_co >"$work/following"
echo "$(wc -l <"$work/followers") followers, $(wc -l <"$work/following") followed;" \
	"$(jq -s 'map(select(.posts)) | length' "$work/followers") came with a recent post"
echo
echo "== Followers who demand a follow back (fb-detect --format table)"
fb-detect --hits-only --format table "$work/followers" | head -n 16
echo "   ... $(fb-detect --hits-only "$work/followers" | wc -l) in all"
echo
echo "== Verdicts over all followers (fb-detect | fb-score | jq)"
fb-detect "$work/followers" |
	fb-score --now $now --interests "$interests" --client @brightpath_co --no-sort >"$work/scored"
jq -r .fb.score.verdict "$work/scored" | sort | uniq -c
echo
echo "== The best 12 not yet followed, after reading their timelines (... | tw-timeline | fb-score --format table)"
fb-detect "$work/followers" |
	fb-score --now $now --interests "$interests" --client @brightpath_co \
		--already "$work/following" --top 12 |
	tw-timeline --replay "$rec" --quiet | fb-detect |
	fb-score --now $now --interests "$interests" --client @brightpath_co >"$work/best"
fb-score --now $now --interests "$interests" --client @brightpath_co --format table "$work/best"
echo
echo "== A first message for each (fb-suggest | jq)"
fb-suggest "$work/best" >"$work/prospects"
jq -r '"\(input_line_number). @\(.username) (\(.fb.score.verdict)): \(.fb.opener.kind // "no draft")\n   \(.fb.opener.text // .fb.opener.reason)"' \
	"$work/prospects"
echo
echo "== Mentions of @brightpath_co that demand a follow back (tw-mentions | fb-detect --hits-only)"
tw-mentions --replay "$rec" --quiet @brightpath_co | fb-detect --hits-only >"$work/demands"
fb-detect --format table "$work/demands" | head -n 12
echo
echo "== Her X archive, read offline: followers she does not follow back (tw-archive | fb-diff)"
archive=examples/sample-archive.zip
tw-archive --following "$archive" >"$work/archive-following"
tw-archive --followers "$archive" | fb-diff --not-in "$work/archive-following" >"$work/not-back"
echo "$(tw-archive --followers "$archive" | wc -l) followers in the archive," \
	"$(wc -l <"$work/archive-following") followed; $(wc -l <"$work/not-back") not followed back, such as:"
fb-diff --in "$work/not-back" "$work/followers" | jq -r '"   @\(.username): \(.name)"' | head -n 5
echo
echo "== Whom she replies to most, from her archived posts (tw-archive --posts | jq)"
tw-archive --posts "$archive" | jq -r '.entities.mentions[]?.username' | sort | uniq -c | sort -rn | head -n 3
echo
echo "== The audit as one page for the client (fb-report)"
fb-report --now $now --client @brightpath_co -o "$bin/demo-report.html" \
	"$work/scored" "$work/prospects" "$work/demands"
fb-report --format md --now $now --client @brightpath_co "$work/scored" | sed -n '5,11p'
echo "The page: $bin/demo-report.html (open it in a browser; it fetches nothing)"
