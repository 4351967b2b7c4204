#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <utf8proc.h>

#include "width.h"

#define ELLIPSIS "\xe2\x80\xa6"	/* U+2026, one column */

size_t
width_columns(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	if (env && *env) {
		n = strtol(env, &end, 10);
		if (*end == '\0' && n > 0 && n <= 10000)
			return (size_t)n;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/*
 * The grapheme that starts at s[at]: its end, and its columns in *cols.
 * A byte that is not UTF-8 is a grapheme of one column.
 */
static size_t
grapheme(const char *s, size_t len, size_t at, size_t *cols)
{
	utf8proc_int32_t c, prev;
	utf8proc_int32_t state = 0;
	utf8proc_ssize_t k;
	size_t w = 0;

	k = utf8proc_iterate((const utf8proc_uint8_t *)s + at, (utf8proc_ssize_t)(len - at), &c);
	if (k <= 0) {
		*cols = 1;
		return at + 1;
	}
	w = (size_t)utf8proc_charwidth(c);
	at += (size_t)k;
	prev = c;
	while (at < len) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + at,
		    (utf8proc_ssize_t)(len - at), &c);
		if (k <= 0 || utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		w += (size_t)utf8proc_charwidth(c);
		at += (size_t)k;
		prev = c;
	}
	*cols = w;
	return at;
}

size_t
width_of(const char *s, size_t len)
{
	size_t at = 0, w = 0, g;

	while (at < len) {
		at = grapheme(s, len, at, &g);
		w += g;
	}
	return w;
}

size_t
width_cut(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t at = 0, w = 0, next, g;

	while (at < len) {
		next = grapheme(s, len, at, &g);
		if (w + g > cols)
			break;
		w += g;
		at = next;
	}
	if (used)
		*used = w;
	return at;
}

/* Appends s cut to cols; returns the columns appended. */
static size_t
fit(struct buf *out, const char *s, size_t len, size_t cols)
{
	size_t n, used;

	n = width_cut(s, len, cols, &used);
	if (n == len) {
		buf_add(out, s, len);
		return used;
	}
	if (cols == 0)
		return 0;
	n = width_cut(s, len, cols - 1, &used);
	buf_add(out, s, n);
	buf_adds(out, ELLIPSIS);
	return used + 1;
}

void
width_fit(struct buf *out, const char *s, size_t len, size_t cols)
{
	(void)fit(out, s, len, cols);
}

void
width_pad(struct buf *out, const char *s, size_t len, size_t cols)
{
	size_t w = fit(out, s, len, cols);

	for (; w < cols; w++)
		buf_addc(out, ' ');
}

void
width_wrap(struct buf *out, const char *s, size_t len, size_t cols, size_t indent)
{
	size_t at = 0, i;

	if (cols == 0)
		return;
	while (at < len && s[at] == ' ')
		at++;
	while (at < len) {
		size_t used, n = width_cut(s + at, len - at, cols, &used), end = n;

		if (at + n < len) {
			/* Break at the last space that fits, if the line has one. */
			while (end > 0 && s[at + end] != ' ')
				end--;
			if (end == 0)
				end = n > 0 ? n : (size_t)(grapheme(s, len, at, &used) - at);
		}
		n = end;
		while (n > 0 && s[at + n - 1] == ' ')
			n--;
		buf_add(out, s + at, n);
		at += end;
		while (at < len && s[at] == ' ')
			at++;
		if (at < len) {
			buf_addc(out, '\n');
			for (i = 0; i < indent; i++)
				buf_addc(out, ' ');
		}
	}
}
