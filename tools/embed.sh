#!/bin/sh
# embed.sh NAME FILE: FILE's text as a C string named NAME, so the programs
# work uninstalled with the same data that "make install" puts under share/.
set -eu
name=$1
file=$2
printf '/* Generated from %s by tools/embed.sh; do not edit. */\n' "$file"
printf 'const char %s[] =\n' "$name"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$file"
printf ';\n'
