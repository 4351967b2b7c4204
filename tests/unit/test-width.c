/* Unit tests for lib/width.c: columns of UTF-8 text, and cutting it between graphemes. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "width.h"

static void
width_is(const char *s, size_t want, const char *what)
{
	size_t got = width_of(s, strlen(s));

	ok(got == want, "%s: %zu columns (got %zu)", what, want, got);
}

/* fn is width_fit or width_pad. */
static void
cut_is(void (*fn)(struct buf *, const char *, size_t, size_t), const char *s, size_t cols,
    const char *want, const char *what)
{
	struct buf out = {0};

	fn(&out, s, strlen(s), cols);
	is_str(out.p ? out.p : "", want, "%s", what);
	buf_free(&out);
}

static void
wrap_is(const char *s, size_t cols, size_t indent, const char *want, const char *what)
{
	struct buf out = {0};

	width_wrap(&out, s, strlen(s), cols, indent);
	is_str(out.p ? out.p : "", want, "%s", what);
	buf_free(&out);
}

int
main(void)
{
	size_t used;

	width_is("", 0, "empty");
	width_is("abc", 3, "ASCII");
	width_is("\xe5\x85\xb3\xe6\xb3\xa8", 4, "two CJK characters (关注)");
	width_is("\xf0\x9f\x99\x8f", 2, "an emoji (🙏)");
	width_is("e\xcc\x81", 1, "e and a combining acute accent");
	width_is("\xef\xbd\x81", 2, "a fullwidth a");
	width_is("\xff" "a", 2, "a byte that is not UTF-8 counts one");

	ok(width_cut("\xe5\x85\xb3\xe6\xb3\xa8", 6, 3, &used) == 3 && used == 2,
	    "a wide character that would straddle the edge is left out");
	ok(width_cut("e\xcc\x81" "e\xcc\x81", 6, 1, &used) == 3 && used == 1,
	    "a letter keeps its combining mark");
	ok(width_cut("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd" "x", 9, 4, &used) == 8,
	    "an emoji keeps its skin-tone modifier");
	ok(width_cut("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 8, 1, &used) == 0 && used == 0,
	    "an emoji that does not fit is left out whole");

	cut_is(width_fit, "hello", 5, "hello", "text that fits is left as it is");
	cut_is(width_fit, "hello world", 6, "hello\xe2\x80\xa6", "a cut ends with an ellipsis inside the columns");
	cut_is(width_fit, "\xe5\x85\xb3\xe6\xb3\xa8\xe6\x88\x91", 4, "\xe5\x85\xb3\xe2\x80\xa6",
	    "a cut of CJK text fits the columns");
	cut_is(width_fit, "abc", 0, "", "no columns: nothing");

	cut_is(width_pad, "ab", 4, "ab  ", "padded by columns");
	cut_is(width_pad, "\xe5\x85\xb3", 4, "\xe5\x85\xb3  ", "a wide character pads less");
	cut_is(width_pad, "e\xcc\x81", 3, "e\xcc\x81  ", "a combining mark takes no column");
	cut_is(width_pad, "abcdef", 4, "abc\xe2\x80\xa6", "too long: cut, not padded");

	wrap_is("one two three", 7, 2, "one two\n  three", "wraps at a space, indenting");
	wrap_is("abcdefghij", 4, 0, "abcd\nefgh\nij", "a word longer than a line is cut");
	wrap_is("\xe5\x85\xb3\xe6\xb3\xa8\xe6\x88\x91", 5, 1, "\xe5\x85\xb3\xe6\xb3\xa8\n \xe6\x88\x91",
	    "wide characters wrap by columns");
	wrap_is("a  b", 10, 0, "a  b", "spaces inside a line stay");

	setenv("COLUMNS", "123", 1);
	ok(width_columns() == 123, "COLUMNS is the width");
	setenv("COLUMNS", "wide", 1);
	ok(width_columns() > 0, "a COLUMNS that is no number is ignored");
	return done_testing();
}
