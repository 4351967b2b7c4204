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
echo "== How many of $(wc -l <"$sample") followers, by rule (fb-detect | jq)"
fb-detect --hits-only "$sample" | jq -r '.fb.demand.hits[].rule' | sort | uniq -c | sort -rn
