#!/bin/sh
# tools/prism.sh: prints the path of Stoplight Prism (the npm package
# @stoplight/prism-cli), which the API contract test (tests/cli/contract.bats)
# runs as a validating proxy in front of a fake X API.
#
# Looks for prism in PATH (a 5.x), then in the cache directory; else, when npm
# is there, installs the pinned version into the cache directory (saying so on
# stderr); else prints the exact command to run and exits 3.
#
# 5.8.3 is pinned: 5.9.0 fails on the X API description ("Invalid reference
# token: oneOf_3" on every mocked response). Prism 5.8 needs node >= 18.20.1.
#
# FB_PRISM_DIR: the cache directory (default ~/.cache/followback/prism).
set -u
version=5.8.3
pkg=@stoplight/prism-cli@$version
dir=${FB_PRISM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/followback/prism}
install="npm install --no-audit --no-fund --prefix \"$dir\" $pkg"

node_ok() { # node >= 18.20.1
	command -v node >/dev/null 2>&1 &&
		node -e 'const [a, b, c] = process.versions.node.split(".").map(Number);
			process.exit(a > 18 || (a == 18 && (b > 20 || (b == 20 && c >= 1))) ? 0 : 1)' 2>/dev/null
}

if p=$(command -v prism 2>/dev/null) && v=$("$p" --version 2>/dev/null) && [ "${v%%.*}" = 5 ]; then
	printf '%s\n' "$p"
	exit 0
fi
p=$dir/node_modules/.bin/prism
if [ -x "$p" ] && [ "$("$p" --version 2>/dev/null)" = "$version" ]; then
	printf '%s\n' "$p"
	exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! node_ok; then
	echo "prism.sh: Stoplight Prism $version is not installed and npm (with node >= 18.20.1) is not there; install nodejs and npm (Debian: apt-get install -y nodejs npm), then run: $install" >&2
	exit 3
fi
echo "prism.sh: installing Stoplight Prism $version: $install" >&2
# Into a new directory, then renamed: a run that stops half-way leaves no
# broken install behind.
mkdir -p "$(dirname "$dir")" || exit 3
tmp=$dir.tmp.$$
rm -rf "$tmp"
if npm install --no-audit --no-fund --loglevel=error --prefix "$tmp" "$pkg" >&2 &&
	[ "$("$tmp/node_modules/.bin/prism" --version 2>/dev/null)" = "$version" ]; then
	rm -rf "$dir"
	mv "$tmp" "$dir" || { rm -rf "$tmp"; exit 3; }
	# npm's .bin links are relative, so they survive the rename.
	printf '%s\n' "$p"
	exit 0
fi
rm -rf "$tmp"
echo "prism.sh: npm could not install Stoplight Prism; run: $install" >&2
exit 3
