#!/bin/sh
# deps.sh build|test|bench: checks for the Debian packages that followback needs
# and installs the missing ones when run as root with apt-get; otherwise it
# prints the exact command and fails.
set -u
what=${1:-build}
pkgs="gcc make pkg-config libjq-dev libcurl4-openssl-dev libpcre2-dev libutf8proc-dev libarchive-dev libssl-dev jq"
case $what in
test)
	# chromium: fb-report's page is opened headless (tests/cli/fb-report-browser.bats).
	pkgs="$pkgs jq bats perl python3 mandoc bsdextrautils curl python3-liblinear chromium"
	# The API contract test runs Stoplight Prism (tools/prism.sh installs it
	# with npm). A Node.js from elsewhere brings its own npm: keep it.
	command -v npm >/dev/null 2>&1 || pkgs="$pkgs nodejs npm"
	;;
bench) pkgs="$pkgs jq python3 time" ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: say what is needed and let the build show what is missing.
	echo "deps: not a Debian system; followback needs: $pkgs" >&2
	exit 0
fi

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing >&2 && exit 0
	echo "deps: apt-get failed; run: apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: missing Debian packages; run: sudo apt-get install -y$missing" >&2
exit 1
