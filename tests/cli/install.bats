#!/usr/bin/env bats
# make install and make uninstall, into a DESTDIR, from the build under test.

setup() {
	top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	build=$(basename "$FB_BUILD")
	dest=$BATS_TEST_TMPDIR/root
}

@test "make install puts programs, man pages, rules and completions under PREFIX" {
	run make -s -C "$top" B="$build" install DESTDIR="$dest" PREFIX=/opt/fb
	[ "$status" -eq 0 ]
	[ -x "$dest/opt/fb/bin/fb-detect" ]
	[ -f "$dest/opt/fb/share/man/man1/fb-detect.1" ]
	cmp "$top/share/detect.rules" "$dest/opt/fb/share/followback/detect.rules"
	cmp "$top/share/detect.model" "$dest/opt/fb/share/followback/detect.model"
	cmp "$top/share/score.rules" "$dest/opt/fb/share/followback/score.rules"
	[ -f "$dest/opt/fb/share/bash-completion/completions/followback" ]
	[ "$(readlink "$dest/opt/fb/share/bash-completion/completions/fb-detect")" = followback ]
	[ -f "$dest/opt/fb/share/zsh/site-functions/_followback" ]
}

@test "the installed program works and its installed rules equal the built-in ones" {
	make -s -C "$top" B="$build" install DESTDIR="$dest" PREFIX=/opt/fb
	run "$dest/opt/fb/bin/fb-detect" --version
	[ "$status" -eq 0 ]
	[[ "$output" == "fb-detect (followback) "* ]]
	diff <("$dest/opt/fb/bin/fb-detect" --list-rules) \
	    <("$dest/opt/fb/bin/fb-detect" --no-default-rules -r "$dest/opt/fb/share/followback/detect.rules" --list-rules)
}

@test "make uninstall removes what make install put there" {
	make -s -C "$top" B="$build" install DESTDIR="$dest" PREFIX=/opt/fb
	run make -s -C "$top" B="$build" uninstall DESTDIR="$dest" PREFIX=/opt/fb
	[ "$status" -eq 0 ]
	[ -z "$(find "$dest" -type f -o -type l)" ]
}
