#!/bin/sh
# demo.sh BUILD_DIR: the audit pipeline on the bundled sample account, offline:
# the fetchers answer from a recording (--replay), so no token and no network.
# Then its second week, from a second recording: only the new followers.
set -eu
bin=$(cd "$1" && pwd)
rec=examples/sample-recording
rec2=$(pwd)/examples/sample-recording-week2
export PATH="$bin:$PATH"
work=$(mktemp -d "${TMPDIR:-/tmp}/fb-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
now=2026-11-20T12:00:00Z
interests='marketing, small business, social media, branding'

# best NOW RECORDING N FOLLOWERS OUT: the best N of FOLLOWERS not yet followed,
# as a table, their records in OUT: the 2N best on their profiles have their
# timelines read, and the best N of those after reading them are kept. A
# profile shows no conversation, so many tie on it: a brand and a person who
# talks to everyone can have the same total until their posts are read.
best() {
	fb-detect "$4" |
		fb-score --now "$1" --interests "$interests" --client @brightpath_co \
			--already "$work/following" --top $(($3 * 2)) |
		tw-timeline --replay "$2" --quiet | fb-detect |
		fb-score --now "$1" --interests "$interests" --client @brightpath_co --top "$3" >"$5"
	fb-score --now "$1" --interests "$interests" --client @brightpath_co --format table "$5"
}

# openers FILE OUT: a first message for each record, numbered.
openers() {
	fb-suggest --now $now --client @brightpath_co "$1" >"$2"
	jq -r '"\(input_line_number). @\(.username) (\(.fb.score.verdict)): \(if .fb.opener.text then .fb.opener.kind elif .fb.opener.kind then "\(.fb.opener.kind), no draft" else "no draft" end)\n   \(.fb.opener.text // .fb.opener.reason)"' "$2"
}

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
echo "== The best 12 not yet followed, after reading the timelines of the 24 best on their profiles (... | tw-timeline | fb-score --format table)"
best $now "$rec" 12 "$work/followers" "$work/best"
echo
echo "== A first message for each, or what they asked the client (fb-suggest | jq)"
openers "$work/best" "$work/prospects"
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
echo "== A week later: only the followers who came since (tw-followers --new-since, from a second recording)"
cp "$work/followers" "$work/week1.ndjson"
# In $work, so that the messages name week1.ndjson.
(cd "$work" && tw-followers --replay "$rec2" --estimate --new-since week1.ndjson @brightpath_co)
# Its messages (how many are new, how many left) are part of the show.
(cd "$work" && tw-followers --replay "$rec2" --quiet --new-since week1.ndjson @brightpath_co 2>&1 >new.ndjson)
echo
echo "== The new ones, ranked after reading their timelines, with a first message (fb-detect | fb-score | tw-timeline | ... | fb-suggest)"
best 2026-11-27T12:00:00Z "$rec2" 6 "$work/new.ndjson" "$work/best2"
openers "$work/best2" "$work/prospects2"
echo "   and $(fb-detect --hits-only "$work/new.ndjson" | wc -l) of the $(wc -l <"$work/new.ndjson") new ones demand a follow back"
echo
echo "== Who left: the whole list of the second week (a full fetch) against the first (fb-diff --lost)"
tw-followers --replay "$rec2" --quiet @brightpath_co >"$work/week2.ndjson"
fb-diff --lost "$work/week1.ndjson" "$work/week2.ndjson" | jq -r '"@\(.username)"' | paste -sd ' ' -
echo
echo "== The audit as one page for the client (fb-report)"
fb-report --now $now --client @brightpath_co -o "$bin/demo-report.html" \
	"$work/scored" "$work/prospects" "$work/demands"
fb-report --format md --now $now --client @brightpath_co "$work/scored" | sed -n '5,11p'
echo "The page: $bin/demo-report.html (open it in a browser; it fetches nothing)"
echo
echo "== Bluesky, free and with no credential: the followers of @alice.test, a made-up baker (bsky-followers | bsky-timeline, from examples/bsky-recording)"
brec=examples/bsky-recording
bnow=2026-12-05T12:00:00Z
bsky-followers --replay "$brec" --estimate alice.test
bsky-followers --replay "$brec" --quiet alice.test >"$work/bsky-followers"
bsky-timeline --replay "$brec" --quiet --jobs 1 --count 5 "$work/bsky-followers" >"$work/bsky"
echo "$(wc -l <"$work/bsky") followers, with their counts and last posts; labelled by Bluesky's moderation:" \
	"$(jq -r 'select(any(.labels[]?; .val == "spam" or .val == "engagement-farming")) | "@\(.username) (\([.labels[].val] | join(",")))"' "$work/bsky" | paste -sd ' ' -);" \
	"self-declared bots: $(jq -r 'select(.bot) | "@\(.username)"' "$work/bsky" | paste -sd ' ' -)"
echo
echo "== Bluesky followers who demand a follow back (fb-detect --hits-only --format table)"
fb-detect --hits-only --format table "$work/bsky"
echo
echo "== Bluesky followers ranked, and a first message for those worth one (fb-score | fb-suggest)"
fb-detect "$work/bsky" | fb-score --now $bnow --interests 'bread, baking, flour, rye' >"$work/bsky-scored"
fb-score --now $bnow --interests 'bread, baking, flour, rye' --format table "$work/bsky-scored"
fb-suggest --now $bnow "$work/bsky-scored" |
	jq -r 'select(.fb.score.verdict != "skip") | "- @\(.username): \(.fb.opener.text // .fb.opener.reason)"'
