#!/usr/bin/env bash
# fetch.sh [N]: tw-followers on a simulated account with N followers (default
# 100000) behind the fake X API with a compressed rate-limit window.
#
# Measures, in the same run:
#  - the requests made, against the minimum ceil(N/1000), and any 429s;
#  - the wall time with no rate limit (what the client and server cost);
#  - the wall time under a limit of RATE requests per WINDOW seconds, against
#    the bound that limit sets: the start of the last window (the server's
#    windows begin on the whole second of their first request), plus the
#    unlimited time of the requests in it;
#  - --new-since: the same account a week later, with NEW (default 200) new
#    followers, 50 gone and 5 moved up among the new: the requests and the
#    users billed (as the server counts them) against a full refetch, and
#    their ratio to the new ones (the goal: within 2x).
set -euo pipefail
prog=fetch.sh
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
n=${1:-100000}
window=${BENCH_WINDOW:-3}
rate=${BENCH_RATE:-20}
tw=${TW_FOLLOWERS:-$top/build/tw-followers}
die() { echo "$prog: $*" >&2; exit 2; }
[[ $n =~ ^[1-9][0-9]*$ ]] || die "usage: $prog [N]"
[[ -x $tw ]] || die "$tw not found: run 'make' first"
work=$(mktemp -d "${TMPDIR:-/tmp}/fb-bench-fetch.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

serve() { # fake-xapi.py options...
	[ -n "$pid" ] && { kill $pid; wait $pid 2>/dev/null || true; }
	rm -f "$work/port" "$work/log"
	python3 "$top/tests/cli/fake-xapi.py" --generate "$n" --port-file "$work/port" \
		--log "$work/log" --token bench-token "$@" >/dev/null 2>&1 &
	pid=$!
	for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.05; done
	[ -s "$work/port" ] || die "the fake X API did not start"
	export TW_API_BASE=http://127.0.0.1:$(cat "$work/port") TW_BEARER_TOKEN=bench-token
}

run() { # prints the start and wall seconds; output in $work/out
	local t0 t1
	t0=$EPOCHREALTIME
	/usr/bin/time -f "%U %S %M" -o "$work/time" "$tw" --quiet -o "$work/out" 1000
	t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f %.3f", a, b - a }'
}

pages=$(( (n + 999) / 1000 ))
echo "tw-followers, $n followers ($pages pages of 1000 at least)"

serve --window 900 --rate followers=100000
rm -f "$work/out"
read -r _ free <<<"$(run)"
read -r cu cs rss <"$work/time"
lines=$(wc -l <"$work/out")
[ "$lines" -eq "$n" ] || die "expected $n records, got $lines"

serve --window "$window" --rate followers="$rate"
rm -f "$work/out"
read -r start limited <<<"$(run)"
# The server's windows start on the whole second of their first request.
first=$(head -1 "$work/log" | sed 's/.*"t": \([0-9.]*\).*/\1/')
lines=$(wc -l <"$work/out")
[ "$lines" -eq "$n" ] || die "expected $n records under the limit, got $lines"
ok=$(grep -c '"status": 200' "$work/log" || true)
limited429=$(grep -c '"status": 429' "$work/log" || true)
uniq=$(cut -d, -f1 "$work/out" | sort -u | wc -l)

awk -v n="$n" -v pages="$pages" -v ok="$ok" -v r429="$limited429" -v uniq="$uniq" \
    -v free="$free" -v lim="$limited" -v w="$window" -v rate="$rate" \
    -v start="$start" -v first="$first" -v cpu="$cu $cs" -v rss="$rss" 'BEGIN {
	split(cpu, c, " ")
	windows = int((pages + rate - 1) / rate)
	last = pages - (windows - 1) * rate
	bound = int(first) + (windows - 1) * w + free * last / pages - start
	printf "requests:        %d answered (minimum ceil(N/1000) = %d), %d answered 429\n", ok, pages, r429
	printf "records:         %d, %d distinct\n", n, uniq
	printf "no rate limit:   %.2f s (%.0f records/s, the fake server being the slower end);\n", free, n / free
	printf "                 tw-followers used %.2f s of CPU (%.2f of the wall time), peak RSS %.1f MiB\n", c[1] + c[2], (c[1] + c[2]) / free, rss / 1024
	printf "limit %d per %g s: %.2f s; bound %.2f s (%d windows); wall/bound = %.3f\n", rate, w, lim, bound, windows, lim / bound
}'

# billed: the requests and the users the server sent (what X bills), from its log.
billed() {
	awk -F'"billed": ' '/"status": 200/ { r++; split($2, a, /[,}]/); u += a[1] }
		END { printf "%d %d", r, u }' "$work/log"
}

fresh=${BENCH_NEW:-200}
mv "$work/out" "$work/week1"
serve --window 900 --rate followers=100000 --new "$fresh" --gone 50 --moved 5
"$tw" --quiet --new-since "$work/week1" -o "$work/new" 1000 2>"$work/err"
read -r since_req since_users <<<"$(billed)"
lines=$(wc -l <"$work/new")
[ "$lines" -eq "$fresh" ] || die "--new-since: expected $fresh new followers, got $lines"
left=$(sed -n 's/.*: \([0-9]*\) left since.*/\1/p' "$work/err")
serve --window 900 --rate followers=100000 --new "$fresh" --gone 50 --moved 5
rm -f "$work/out"
run >/dev/null
read -r full_req full_users <<<"$(billed)"
awk -v n="$n" -v fresh="$fresh" -v left="$left" -v sr="$since_req" -v su="$since_users" \
    -v fr="$full_req" -v fu="$full_users" 'BEGIN {
	printf "--new-since, %d new among %d (50 gone, 5 moved up; it counted %s left):\n", fresh, n + fresh - 50, left
	printf "                 %d requests, %d users billed (the lookup included): %.2fx the new ones (goal: 2x)\n", sr, su, su / fresh
	printf "a full refetch:  %d requests, %d users billed: %.0fx the new ones, %.0fx --new-since\n", fr, fu, fu / fresh, fu / su
}'
