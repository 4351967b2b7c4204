#!/usr/bin/env bats
# Every program's documentation agrees with the program: the man page lints
# clean, its SYNOPSIS is the usage of --help, and every option --help lists
# is in the man page and in both completions.

setup() {
	top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	programs=$(cd "$top/cmd" && ls *.c | sed 's/\.c$//')
}

# The synopsis of a man page, rendered, as one line of words.
man_synopsis() {
	mandoc -Tascii "$top/man/$1.1" | col -bx |
		awk '/^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on' |
		grep -v -e ' -h | --help' -e ' --version$' | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'
}

# The usage of --help, without "usage:", as one line of words.
help_usage() {
	"$1" --help | awk '/^$/ { exit } { print }' | sed 's/^usage: //' |
		tr -s ' \n' ' ' | sed 's/^ //; s/ $//'
}

# Every option that --help lists in its option table.
help_options() {
	"$1" --help | grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | tr -d ' ,' | sort -u
}

@test "man pages lint clean with mandoc" {
	for p in $programs; do
		run mandoc -Tlint -W warning "$top/man/$p.1"
		[ "$status" -eq 0 ] || { echo "$p: $output"; return 1; }
		[ -z "$output" ] || { echo "$p: $output"; return 1; }
	done
}

@test "each man page SYNOPSIS is the usage that --help prints" {
	for p in $programs; do
		[ "$(man_synopsis "$p")" = "$(help_usage "$p")" ] || {
			echo "man:  $(man_synopsis "$p")"
			echo "help: $(help_usage "$p")"
			return 1
		}
	done
}

@test "every option of --help is in the man page and both completions" {
	for p in $programs; do
		for o in $(help_options "$p"); do
			grep -qe "Fl ${o#-}\b" -e "Fl ${o#-}\$" "$top/man/$p.1" || { echo "$p $o: not in man/$p.1"; return 1; }
			grep -qe "$o" "$top/completions/bash/followback" || { echo "$p $o: not in the bash completion"; return 1; }
			grep -qe "$o" "$top/completions/zsh/_followback" || { echo "$p $o: not in the zsh completion"; return 1; }
		done
	done
}

@test "every program has a README entry, man page and completions" {
	for p in $programs; do
		grep -q "### $p" "$top/README.md" || { echo "$p: no README section"; return 1; }
		[ -f "$top/man/$p.1" ]
		grep -q "$p" "$top/completions/bash/followback"
		grep -q "$p" "$top/completions/zsh/_followback"
	done
}

@test "every --help fits 80 columns" {
	for p in $programs; do
		"$p" --help | awk -v p="$p" 'length > 80 { print p ": " length ": " $0; bad = 1 } END { exit bad }'
	done
}
