#!/usr/bin/env bash
# Benchmark fb-score against jq's own parse and print, on the same profiles
# as detect.sh.
#
# Usage: tests/bench/score.sh [N]        (from the repo root, after `make`)
#
#   N             records to generate (default 200000)
#   BENCH_DIR     where data and every output go (default /tmp/followback-bench)
#   FB_SCORE      the program under test (default build/fb-score)
#   BENCH_REPS    runs per command, the best one counts (default 3)
#
# Goals: fb-score no slower than `jq -c .`; with --top 100, peak memory the
# same on a tenth of the records as on all of them.
set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
n=${1:-200000}
dir=${BENCH_DIR:-/tmp/followback-bench}
fb=${FB_SCORE:-build/fb-score}
reps=${BENCH_REPS:-3}
# shellcheck source=tests/bench/common.sh
. "$here/common.sh"

declare -A label=(
    [b]='jq -c .' [s]="$fb (sorted)" [u]="$fb --no-sort" [t]="$fb --top 100"
    [m1]="$fb --top 100" [m2]="$fb --top 100"
)
now=2026-11-20T12:00:00Z
run b 0 "$dir/score-b.ndjson" jq -c .
run s 0 "$dir/score-s.ndjson" "$fb" --now "$now"
run u 0 "$dir/score-u.ndjson" "$fb" --now "$now" --no-sort
run t 0 "$dir/score-t.ndjson" "$fb" --now "$now" --top 100
saved_reps=$reps
reps=1
input=$head_data run m1 0 "$dir/score-m1.ndjson" "$fb" --now "$now" --top 100
run m2 0 "$dir/score-m2.ndjson" "$fb" --now "$now" --top 100
reps=$saved_reps

awk -v n="$n" -v bytes="$bytes" -v reps="$reps" -v tenth="$tenth" \
    -v lb="${label[b]}" -v ls="${label[s]}" -v lu="${label[u]}" -v lt="${label[t]}" \
    -v tb="${best[b]}" -v ts="${best[s]}" -v tu="${best[u]}" -v tt="${best[t]}" \
    -v mb="${peak[b]}" -v ms="${peak[s]}" -v mu="${peak[u]}" -v mt="${peak[t]}" \
    -v m1="${peak[m1]}" -v m2="${peak[m2]}" '
function row(label, us, kib) {
    printf "  %-34s %8.2f %8.1f %8.1f\n", label, us / 1e6, bytes / us, kib / 1024
}
function verdict(ok) { return ok ? "PASS" : "MISS" }
BEGIN {
    printf "fb-score benchmark: %d records, %.1f MB, best of %d\n\n", n, bytes / 1e6, reps
    printf "  %-34s %8s %8s %8s\n", "command", "seconds", "MB/s", "RSS MiB"
    row("(b) " lb, tb, mb)
    row("(s) " ls, ts, ms)
    row("(u) " lu, tu, mu)
    row("(t) " lt, tt, mt)
    printf "\n  speed vs (b) jq -c .: sorted %.2fx %s, --no-sort %.2fx %s, --top 100 %.2fx %s (goal >= 1x)\n",
        tb / ts, verdict(tb / ts >= 1), tb / tu, verdict(tb / tu >= 1), tb / tt, verdict(tb / tt >= 1)
    slack = m1 * 0.10 > 1024 ? m1 * 0.10 : 1024
    d = m2 - m1; if (d < 0) d = -d
    printf "  peak RSS with --top 100: %.1f MiB on %d records, %.1f MiB on %d: %s (flat)\n",
        m1 / 1024, tenth, m2 / 1024, n, verdict(d <= slack)
    printf "  (sorting everything holds every record: %.1f MiB for all %d)\n", ms / 1024, n
}'
echo "outputs are in $dir"
