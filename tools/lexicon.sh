#!/bin/sh
# tools/lexicon.sh: prints the node_modules directory that holds
# @atproto/lexicon, Bluesky's own lexicon validator, which the Bluesky
# contract test (tests/cli/bsky-contract.bats) runs on every request and
# answer of the bsky-* programs.
#
# Looks in the cache directory; else, when npm (with node >= 18) is there,
# installs the pinned version into it (saying so on stderr); else prints the
# exact command to run and exits 3.
#
# 0.7.17 is pinned: the version ../shared/bsky/README.md checked against the
# lexicons.
#
# FB_LEXICON_DIR: the cache directory (default ~/.cache/followback/lexicon).
set -u
version=0.7.17
pkg=@atproto/lexicon@$version
dir=${FB_LEXICON_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/followback/lexicon}
install="npm install --no-audit --no-fund --prefix \"$dir\" $pkg"

installed() { # the version in $1/node_modules
	node -e 'process.stdout.write(require(process.argv[1] + "/node_modules/@atproto/lexicon/package.json").version)' "$1" 2>/dev/null
}

if ! command -v node >/dev/null 2>&1 ||
	! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
	echo "lexicon.sh: @atproto/lexicon needs node >= 18 and npm; install nodejs and npm (Debian: apt-get install -y nodejs npm), then run: $install" >&2
	exit 3
fi
if [ "$(installed "$dir")" = "$version" ]; then
	printf '%s\n' "$dir/node_modules"
	exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
	echo "lexicon.sh: @atproto/lexicon $version is not installed and npm is not there; run: $install" >&2
	exit 3
fi
echo "lexicon.sh: installing @atproto/lexicon $version: $install" >&2
# Into a new directory, then renamed: a run that stops half-way leaves no
# broken install behind.
mkdir -p "$(dirname "$dir")" || exit 3
tmp=$dir.tmp.$$
rm -rf "$tmp"
if npm install --no-audit --no-fund --loglevel=error --prefix "$tmp" "$pkg" >&2 &&
	[ "$(installed "$tmp")" = "$version" ]; then
	rm -rf "$dir"
	mv "$tmp" "$dir" || { rm -rf "$tmp"; exit 3; }
	printf '%s\n' "$dir/node_modules"
	exit 0
fi
rm -rf "$tmp"
echo "lexicon.sh: npm could not install @atproto/lexicon; run: $install" >&2
exit 3
