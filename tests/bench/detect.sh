#!/usr/bin/env bash
# Benchmark fb-detect against the jq and grep ways of doing the same job.
#
# Usage: tests/bench/detect.sh [N]        (from the repo root, after `make`)
#
#   N             records to generate (default 200000)
#   BENCH_DIR     where data and every output go (default /tmp/followback-bench)
#   FB_DETECT     the program under test (default build/fb-detect)
#   BENCH_REPS    runs per command, the best one counts (default 3)
#
# Goals: fb-detect >= 10x the jq filter, faster than `jq -c .`, within 3x of
# `grep -cP` with the same rules, and flat memory under 32 MiB.
set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
n=${1:-200000}
dir=${BENCH_DIR:-/tmp/followback-bench}
fb=${FB_DETECT:-build/fb-detect}
reps=${BENCH_REPS:-3}
# shellcheck source=tests/bench/common.sh
. "$here/common.sh"

# The alternation of fb-detect's own English rules, so that all three run the
# same patterns (jq and grep on the raw text, fb-detect on normalised text):
# those that jq's Oniguruma and grep's PCRE2 both compile (Oniguruma refuses
# a look-behind whose alternatives differ in length).
RE= en_rules=0 en_kept=0
while IFS= read -r pattern; do
    en_rules=$((en_rules + 1))
    jq -n --arg re "$pattern" '"x" | test($re)' > /dev/null 2>&1 || continue
    rc=0
    printf 'x\n' | grep -qP -- "$pattern" 2> /dev/null || rc=$?
    (( rc <= 1 )) || continue
    RE=${RE:+$RE|}$pattern
    en_kept=$((en_kept + 1))
done < <("$fb" --list-rules 2> /dev/null | awk '/^rule EN_/ { sub(/^rule [A-Z0-9_]+ /, ""); print }')
[[ -n $RE ]] || die "$fb --list-rules gave no English (EN_) rules that jq and grep compile"
echo "detect.sh: $en_kept of $en_rules English rules compile in jq and grep -P: (a) and (c) run those"



# shellcheck disable=SC2016  # labels: $re and $RE are shown, not expanded
declare -A label=(
    [a]='jq -c select(test($re))' [b]='jq -c .' [c]='grep -cP (?i)$RE'
    [d]="$fb" [e]="$fb --hits-only" [m1]="$fb" [m2]="$fb"
)
# A thousandth for (a): jq compiles the alternation of the English rules
# (18 kB) again for every string, at a few strings a second, so (a) is
# timed on that and compared by throughput (MB/s).
sample=$((n / 1000 > 0 ? n / 1000 : 1))
a_data=$dir/profiles-$n-first$sample.ndjson
if [[ ! -s $a_data || $data -nt $a_data ]]; then
    head -n "$sample" "$data" > "$a_data"
fi

# (a) mirrors what fb-detect reads: bio, name, username, post text.
# shellcheck disable=SC2016  # $re is jq's variable, not the shell's
jq_filter='select([.description,.name,.username,.text,(.posts[]?.text)]
                  | map(strings) | any(test($re; "i")))'
input=$a_data run a 0 "$dir/out-a.ndjson" jq -c --arg re "$RE" "$jq_filter"
run b 0 "$dir/out-b.ndjson" jq -c .
# (c) on a tenth: grep's PCRE2 backtracks through the alternation of the
# English rules at a few MB a minute, so it too is compared by MB/s.
input=$head_data run c 1 "$dir/out-c.txt" grep -cP "(?i)$RE"
run d 0 "$dir/out-d.ndjson" "$fb"
run e 0 "$dir/out-e.ndjson" "$fb" --hits-only

saved_reps=$reps
reps=1
input=$head_data run m1 0 "$dir/out-m1.ndjson" "$fb"
run m2 0 "$dir/out-m2.ndjson" "$fb"
reps=$saved_reps

bytes_a=$(wc -c < "$a_data")
hits_a=$(wc -l < "$dir/out-a.ndjson")
hits_sample=$("$fb" --hits-only < "$a_data" | wc -l)
hits_c=$(< "$dir/out-c.txt")
hits_tenth=$("$fb" --hits-only < "$head_data" | wc -l)
bytes_c=$(wc -c < "$head_data")
hits_e=$(wc -l < "$dir/out-e.ndjson")

awk -v n="$n" -v bytes="$bytes" -v reps="$reps" -v loc="$LC_ALL" \
    -v la="${label[a]}" -v lb="${label[b]}" -v lc="${label[c]}" \
    -v ld="${label[d]}" -v le="${label[e]}" -v tenth="$tenth" \
    -v ta="${best[a]}" -v tb="${best[b]}" -v tc="${best[c]}" \
    -v td="${best[d]}" -v te="${best[e]}" \
    -v ma="${peak[a]}" -v mb="${peak[b]}" -v mc="${peak[c]}" \
    -v md="${peak[d]}" -v me="${peak[e]}" \
    -v m1="${peak[m1]}" -v m2="${peak[m2]}" \
    -v ha="$hits_a" -v hc="$hits_c" -v he="$hits_e" -v ht="$hits_sample" -v sample="$sample" \
    -v bytes_a="$bytes_a" -v bytes_c="$bytes_c" -v htenth="$hits_tenth" '
function row(label, us, kib, size) {
    printf "  %-34s %8.2f %8.1f %8.1f\n", label, us / 1e6, (size ? size : bytes) / us, kib / 1024
}
function verdict(ok) { return ok ? "PASS" : "MISS" }
BEGIN {
    printf "fb-detect benchmark: %d records, %.1f MB (%.0f bytes/line), best of %d, LC_ALL=%s\n\n",
        n, bytes / 1e6, bytes / n, reps, loc
    printf "  %-34s %8s %8s %8s\n", "command", "seconds", "MB/s", "RSS MiB"
    row("(a) " la " *", ta, ma, bytes_a)
    row("(b) " lb, tb, mb)
    row("(c) " lc " **", tc, mc, bytes_c)
    row("(d) " ld, td, md)
    row("(e) " le, te, me)

    printf "  * on the first %d records (%.1f MB), compared by MB/s\n", sample, bytes_a / 1e6
    printf "  ** on the first %d records (%.1f MB), compared by MB/s\n", tenth, bytes_c / 1e6
    # (a) and (c) ran on part of the file: scale their times to the whole.
    ta = ta * bytes / bytes_a
    tc = tc * bytes / bytes_c
    printf "\n  %-34s %12s %12s %8s\n", "goal", "(d) default", "(e) hits", "target"
    printf "  %-34s %6.1fx %4s %6.1fx %4s %8s\n", "speed vs (a) jq filter",
        ta / td, verdict(ta / td >= 10), ta / te, verdict(ta / te >= 10), ">= 10x"
    printf "  %-34s %6.2fx %4s %6.2fx %4s %8s\n", "speed vs (b) jq -c .",
        tb / td, verdict(tb / td > 1), tb / te, verdict(tb / te > 1), "> 1x"
    printf "  %-34s %6.2f  %4s %6.2f  %4s %8s\n", "time / (c) grep time",
        td / tc, verdict(td / tc <= 3), te / tc, verdict(te / tc <= 3), "<= 3"

    # "Roughly equal": within 10% or 1 MiB, whichever is larger.
    slack = m1 * 0.10 > 1024 ? m1 * 0.10 : 1024
    d = m2 - m1; if (d < 0) d = -d
    printf "\n  peak RSS of (d): %.1f MiB on %d records, %.1f MiB on %d: %s (flat), %s (< 32 MiB)\n",
        m1 / 1024, tenth, m2 / 1024, n, verdict(d <= slack), verdict(m2 < 32 * 1024)

    printf "\n  flagged records: (e) fb-detect %d of %d; on the first %d, (c) grep %d and fb-detect %d;\n",
        he, n, tenth, hc, htenth
    printf "  on the first %d, (a) jq %d and fb-detect %d\n", sample, ha, ht
    printf "  (jq and grep match the raw text, fb-detect the normalised text, so counts differ)\n"
}'
echo "outputs are in $dir"
