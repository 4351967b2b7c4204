#!/bin/sh
# sandbox.sh [PORT]: a fake X API on this machine, holding the sample
# account @brightpath_co (examples/sample-account.json: 315 followers, the
# accounts it follows, every timeline, its mentions), for trying the tw-
# programs with no token, no network and no bill. It answers any request
# the real API would, within the same rules (pages, limits, errors), until
# Ctrl-C. The first line it prints is the command that points a shell at it.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
port=${1:-0}
token=sandbox-token
work=$(mktemp -d "${TMPDIR:-/tmp}/fb-sandbox.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
python3 "$top/tests/cli/fake-xapi.py" --data "$top/examples/sample-account.json" \
	--port "$port" --port-file "$work/port" --token "$token" >/dev/null &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "sandbox: the fake X API did not start" >&2; exit 1; }
echo "export TW_API_BASE=http://127.0.0.1:$(cat "$work/port") TW_BEARER_TOKEN=$token"
cat >&2 <<EOF
sandbox: a fake X API with the sample account, on this machine only; nothing is billed.
sandbox: in another shell, run the line above, then for example:
    tw-followers --estimate @brightpath_co
    tw-followers @brightpath_co | fb-detect --hits-only --format table
    tw-user @brightpath_co @ifb_idris | jq -r .description
sandbox: Ctrl-C stops it.
EOF
wait "$pid"
