#!/usr/bin/env bash
# Benchmark fb-diff --not-in: N follower records against N following
# records (half of them shared), against `sort | comm` on the bare ids and
# against jq doing the same job on the records.
#
# Usage: tests/bench/diff.sh [N]         (from the repo root, after `make`)
#
#   N             ids on each side (default 1000000)
#   BENCH_DIR     where data and every output go (default /tmp/followback-bench)
#   FB_DIFF       the program under test (default build/fb-diff)
#   BENCH_REPS    runs per command, the best one counts (default 3)
#
# Goal: one million against one million in under a second of CPU time
# (user and system, the best run: on a loaded machine the wall time says
# more about the load), with the same output as jq and comm.
set -euo pipefail

prog=${0##*/}
n=${1:-1000000}
dir=${BENCH_DIR:-/tmp/followback-bench}
fb=${FB_DIFF:-build/fb-diff}
reps=${BENCH_REPS:-3}

die() { echo "$prog: $*" >&2; exit 2; }
[[ $n =~ ^[1-9][0-9]*$ ]] || die "usage: $prog [N]  (N a positive count of ids)"
[[ $reps =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPS must be a positive integer"
[[ -x $fb ]] || die "$fb not found or not executable: run 'make' first"
for tool in jq sort comm awk python3 /usr/bin/time; do
    command -v "$tool" > /dev/null || die "$tool is needed"
done
[[ -n ${EPOCHREALTIME:-} ]] || die "bash >= 5 is needed (EPOCHREALTIME)"
export LC_ALL=C
mkdir -p "$dir"

# Followers are the first n of 3n/2 random ids of 18 digits, as X's are,
# following the last n: half of each side is in the other.
a=$dir/diff-followers-$n.ndjson b=$dir/diff-following-$n.ndjson
if [[ ! -s $a || ! -s $b || $0 -nt $a ]]; then
    echo "generating $n + $n records into $dir ..." >&2
    python3 - "$n" "$a" "$b" <<'PY'
import random, sys
n = int(sys.argv[1])
ids = random.Random(1).sample(range(10**17, 10**18), n + n // 2)
def write(path, part, first):
    with open(path + ".tmp", "w") as f:
        for k, i in enumerate(part):
            f.write('{"id":"%d","username":"user%d","name":"User %d"}\n' % (i, first + k, first + k))
write(sys.argv[2], ids[:n], 0)
write(sys.argv[3], ids[n // 2:], n // 2)
PY
    mv "$a.tmp" "$a"
    mv "$b.tmp" "$b"
fi
jq -r .id "$a" > "$dir/diff-a.ids"
jq -r .id "$b" > "$dir/diff-b.ids"

declare -A best cpu peak label=(
    [f]="$fb --not-in (records)" [i]="$fb --not-in (a set of ids)"
    [c]="sort | comm -23 (bare ids)" [j]="jq (records)"
)
run() { # KEY OUT CMD...: the best wall time (us) and CPU time (s) of REPS runs
    local key=$1 out=$2 i t0 t1 us t
    shift 2
    echo "timing ($key) ${label[$key]} ..." >&2
    for ((i = 0; i < reps; i++)); do
        t0=${EPOCHREALTIME/./}
        /usr/bin/time -f '%U %S %M' -o "$dir/$key.time" "$@" > "$out" 2> "$dir/$key.err" ||
            { echo "$prog: ($key) failed:" >&2; tail -n 5 "$dir/$key.err" >&2; exit 1; }
        t1=${EPOCHREALTIME/./}
        us=$((t1 - t0))
        t=$(tail -n 1 "$dir/$key.time")
        if [[ -z ${best[$key]:-} ]] || ((us < best[$key])); then best[$key]=$us; fi
        cpu[$key]=$(awk -v t="$t" -v c="${cpu[$key]:-}" 'BEGIN { split(t, f, " "); s = f[1] + f[2]; print (c == "" || s < c) ? s : c }')
        peak[$key]=${t##* }
    done
}

run f "$dir/diff-f.ndjson" "$fb" --not-in "$b" "$a"
run i "$dir/diff-i.ndjson" "$fb" --not-in "$dir/diff-b.ids" "$a"
run c "$dir/diff-c.ids" bash -c 'sort "$1" > "$3.a" && sort "$2" > "$3.b" && comm -23 "$3.a" "$3.b"' \
    comm "$dir/diff-a.ids" "$dir/diff-b.ids" "$dir/diff-c.sorted"
run j "$dir/diff-j.ndjson" jq -cn --slurpfile b "$b" \
    '($b | map({key: .id, value: true}) | from_entries) as $s | inputs | select($s[.id] | not)' "$a"

# The same accounts, whoever wrote them.
cmp -s "$dir/diff-f.ndjson" "$dir/diff-j.ndjson" || die "fb-diff and jq differ: see $dir/diff-[fj].ndjson"
cmp -s "$dir/diff-f.ndjson" "$dir/diff-i.ndjson" || die "fb-diff differs with a set of ids"
cmp -s <(jq -r .id "$dir/diff-f.ndjson" | sort) "$dir/diff-c.ids" || die "fb-diff and comm differ"

awk -v n="$n" -v reps="$reps" \
    -v lf="${label[f]}" -v li="${label[i]}" -v lc="${label[c]}" -v lj="${label[j]}" \
    -v tf="${best[f]}" -v ti="${best[i]}" -v tc="${best[c]}" -v tj="${best[j]}" \
    -v cf="${cpu[f]}" -v ci="${cpu[i]}" -v cc="${cpu[c]}" -v cj="${cpu[j]}" \
    -v mf="${peak[f]}" -v mi="${peak[i]}" -v mc="${peak[c]}" -v mj="${peak[j]}" '
function row(label, us, c, kib) {
    printf "  %-34s %8.2f %8.2f %8.1f\n", label, us / 1e6, c, kib / 1024
}
BEGIN {
    printf "fb-diff benchmark: %d ids against %d (half shared), best of %d\n\n", n, n, reps
    printf "  %-34s %8s %8s %8s\n", "command", "seconds", "CPU s", "RSS MiB"
    row("(f) " lf, tf, cf, mf)
    row("(i) " li, ti, ci, mi)
    row("(c) " lc, tc, cc, mc)
    row("(j) " lj, tj, cj, mj)
    printf "\n  in wall time: (f) %.1fx as fast as (c) sort | comm, %.1fx as fast as (j) jq\n", tc / tf, tj / tf
    printf "  in CPU time: (f) %.1fx (c), %.1fx (j)\n", cc / cf, cj / cf
    printf "  one million against one million in under a second of CPU: %s (%.2f s)\n",
        cf < 1 ? "PASS" : "MISS", cf
}'
echo "outputs are in $dir"
