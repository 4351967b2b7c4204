# common.sh: what the benchmarks share; sourced by detect.sh and score.sh.
# Expects: prog, here, n, dir, fb, reps set; defines die, run, the data file
# ($data, $bytes) and a tenth of it ($head_data, $tenth).

die() { echo "$prog: $*" >&2; exit 2; }

[[ $n =~ ^[1-9][0-9]*$ ]] || die "usage: $prog [N]  (N a positive record count)"
[[ $reps =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPS must be a positive integer"
if [[ $fb == */* ]]; then
    [[ -x $fb ]] || die "$fb not found or not executable: run 'make' first"
else
    command -v "$fb" > /dev/null || die "$fb not found in PATH"
fi
for tool in jq grep python3 /usr/bin/time; do
    command -v "$tool" > /dev/null || die "$tool is needed"
done
[[ -n ${EPOCHREALTIME:-} ]] || die "bash >= 5 is needed (EPOCHREALTIME)"

# Same text semantics everywhere: UTF-8 aware grep/jq, '.' as decimal point.
if locale -a 2> /dev/null | grep -qix 'c\.utf-\?8'; then
    export LC_ALL=C.UTF-8
else
    export LC_ALL=C
fi

mkdir -p "$dir"
gen=$here/gen-profiles.py
data=$dir/profiles-$n.ndjson
if [[ ! -s $data || $gen -nt $data ]]; then
    echo "generating $n profiles into $data ..." >&2
    t0=${EPOCHREALTIME/./}
    # Write aside first so an interrupted run never leaves a file to reuse.
    python3 "$gen" "$n" > "$data.tmp"
    mv "$data.tmp" "$data"
    t1=${EPOCHREALTIME/./}
    awk -v us=$((t1 - t0)) 'BEGIN { printf "generated in %.1f s\n", us / 1e6 }' >&2
fi
bytes=$(wc -c < "$data")

# A tenth of the records, for the memory checks: peak RSS must not grow with
# the input.
tenth=$((n / 10 > 0 ? n / 10 : 1))
head_data=$dir/profiles-$n-first$tenth.ndjson
if [[ ! -s $head_data || $data -nt $head_data ]]; then
    head -n "$tenth" "$data" > "$head_data"
fi

declare -A best peak
# run KEY MAXOK OUT CMD...: time CMD on the data REPS times; keep the best wall
# time (us, from EPOCHREALTIME: finer than %e) and the largest peak RSS (KiB).
# Exit codes above MAXOK are failures (grep says 1 for "no match").  Output
# goes to a real file, as GNU grep stops reading early when stdout is /dev/null.
run() {
    local key=$1 maxok=$2 out=$3 i t0 t1 us rc rss
    shift 3
    echo "timing ($key) ${label[$key]} ..." >&2
    for ((i = 0; i < reps; i++)); do
        t0=${EPOCHREALTIME/./}
        rc=0
        /usr/bin/time -f '%e %M' -o "$dir/$key.time" "$@" < "${input:-$data}" \
            > "$out" 2> "$dir/$key.err" || rc=$?
        t1=${EPOCHREALTIME/./}
        if ((rc > maxok)); then
            echo "$prog: ($key) $* failed with status $rc; $dir/$key.err says:" >&2
            tail -n 5 "$dir/$key.err" >&2
            exit 1
        fi
        us=$((t1 - t0))
        rss=$(tail -n 1 "$dir/$key.time")
        rss=${rss##* }
        if [[ -z ${best[$key]:-} ]] || ((us < best[$key])); then best[$key]=$us; fi
        if ((rss > ${peak[$key]:-0})); then peak[$key]=$rss; fi
    done
}

