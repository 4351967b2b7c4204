#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "quote.h"

#define ESC 0x1b
#define BEL 0x07
#define C1_ST 0x9c	/* String Terminator */
#define C1_CSI 0x9b
#define MESSAGE_CHARS_PER_WORD 8	/* a message's cap in characters, for scripts without spaces */

/* Bidi controls reorder what is read; format characters hide text. */
static int
invisible(int32_t cp)
{
	return cp == 0x061c || cp == 0x00ad || cp == 0x180e || cp == 0x200b ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206f) ||
	    cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb);
}

/* The next code point of s at i (and its length in *n); a stray byte reads as -1. */
static int32_t
next_cp(const char *s, size_t i, size_t len, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(len - i), &cp);

	*n = k > 0 ? (size_t)k : 1;
	return k > 0 ? cp : -1;
}

/* Past a control string (OSC, DCS, SOS, PM, APC) that starts at i: up to BEL or ST. */
static size_t
skip_string(const char *s, size_t i, size_t len)
{
	while (i < len) {
		size_t n;
		int32_t cp = next_cp(s, i, len, &n);

		if (cp == BEL || cp == C1_ST)
			return i + n;
		if (cp == ESC && i + 1 < len && s[i + 1] == '\\')
			return i + 2;
		i += n;
	}
	return len;
}

/* Past the parameters and final byte of a CSI sequence whose parameters start at i. */
static size_t
skip_csi(const char *s, size_t i, size_t len)
{
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x3f)
		i++;
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2f)
		i++;
	if (i < len && (unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e)
		i++;
	return i;
}

/* Past an escape sequence whose ESC is at i. */
static size_t
skip_escape(const char *s, size_t i, size_t len)
{
	unsigned char c = i + 1 < len ? (unsigned char)s[i + 1] : 0;

	if (c == '[')
		return skip_csi(s, i + 2, len);
	if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
		return skip_string(s, i + 2, len);
	i++;
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2f)
		i++;
	if (i < len && (unsigned char)s[i] >= 0x30 && (unsigned char)s[i] <= 0x7e)
		i++;
	return i;
}

void
quote_clean(struct buf *out, const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		int32_t cp = next_cp(s, i, len, &n);

		if (cp == ESC) {
			i = skip_escape(s, i, len);
			continue;
		}
		if (cp == C1_CSI) {
			i = skip_csi(s, i + n, len);
			continue;
		}
		if (cp == 0x9d || cp == 0x90 || cp == 0x98 || cp == 0x9e || cp == 0x9f) {
			i = skip_string(s, i + n, len);
			continue;
		}
		if (cp == '\t' || cp == '\v' || cp == '\f')
			buf_addc(out, ' ');
		else if (cp == '\n' || cp == 0x2028 || cp == 0x2029 ||
		    (cp == '\r' && !(i + 1 < len && s[i + 1] == '\n')))
			buf_addc(out, '\n');
		else if (cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp <= 0x9f) && !invisible(cp))
			buf_add(out, s + i, n);
		i += n;
	}
}

void
quote_visible(struct buf *out, const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		int32_t cp = next_cp(s, i, len, &n);

		if (cp == '\t' || cp == '\n' || cp == '\r')
			buf_addc(out, ' ');
		else if (cp < 0)
			buf_printf(out, "\\x%02X", (unsigned char)s[i]);
		else if (cp < 0x20 || cp == 0x7f)
			buf_printf(out, "\\x%02X", (unsigned)cp);
		else if ((cp >= 0x80 && cp <= 0x9f) || invisible(cp))
			buf_printf(out, "\\u{%04X}", (unsigned)cp);
		else
			buf_add(out, s + i, n);
		i += n;
	}
}

/* An emoji or pictograph: a 4-byte sequence, or U+2600..U+27FF. */
static int
emoji_at(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];

	return c >= 0xF0 || (c == 0xE2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x98 &&
	    (unsigned char)s[i + 1] <= 0x9F);
}

/* A variation selector or a zero-width joiner: part of the emoji before it. */
static size_t
emoji_glue(const char *s, size_t i, size_t len)
{
	if (i + 2 < len && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xB8 &&
	    (unsigned char)s[i + 2] == 0x8F)
		return 3;
	if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x8D)
		return 3;
	return 0;
}

size_t
quote_after_emoji(const char *s, size_t from, size_t to)
{
	size_t i = from, after = from, n;

	while (i < to) {
		int emoji = emoji_at(s, i, to);

		next_cp(s, i, to, &n);
		i += n;
		while (emoji && (n = emoji_glue(s, i, to)) > 0)
			i += n;
		if (emoji) {
			while (i < to && (s[i] == ' ' || s[i] == '\t'))
				i++;
			after = i;
		}
	}
	return after;
}

size_t
quote_start(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		if (s[i] == ' ' || s[i] == '\n') {
			i++;
		} else if (s[i] == '@') {
			while (i < len && s[i] != ' ' && s[i] != '\n')
				i++;
		} else if (emoji_at(s, i, len)) {
			next_cp(s, i, len, &n);
			i += n;
		} else if ((n = emoji_glue(s, i, len)) > 0) {
			i += n;
		} else {
			break;
		}
	}
	return i;
}

void
quote_message(struct buf *out, const char *s, size_t len, int max)
{
	size_t i = quote_start(s, len), n, chars = 0;
	int words = 0, in_word = 0;

	buf_reset(out);
	buf_add(out, "", 0);
	while (i < len) {
		int32_t cp = next_cp(s, i, len, &n);

		/* A no-break or an ideographic space parts words too. */
		if ((cp >= 0 && cp < 0x80 && isspace(cp)) ||
		    (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)) {
			in_word = 0;
			i += n;
			continue;
		}
		/* Words, and characters for scripts written without spaces. */
		if ((!in_word && ++words > max) || ++chars > (size_t)max * MESSAGE_CHARS_PER_WORD) {
			buf_adds(out, "\xe2\x80\xa6");
			return;
		}
		if (!in_word && words > 1)
			buf_addc(out, ' ');
		in_word = 1;
		buf_add(out, s + i, n);
		i += n;
	}
}

void
quote_trim(struct buf *b)
{
	size_t a = 0;

	if (b->p == NULL)
		return;
	while (b->len > 0 && strchr(" \t\n,;:-|/(\"'.", b->p[b->len - 1]))
		b->len--;
	while (a < b->len && strchr(" \t\n:;,-\"'", b->p[a]))
		a++;
	memmove(b->p, b->p + a, b->len - a);
	b->len -= a;
	b->p[b->len] = '\0';
}

void
quote_drop_dangling(struct buf *b)
{
	static const char *const weak[] = {
		"and", "or", "of", "on", "the", "a", "an", "to", "for", "with", "in", "at", "by",
		"from", "as", "that", "de", "y", "e", "que", "la", "el", "o", "os", "um", "uma", NULL
	};
	int again = 1;

	while (again && b->len) {
		char *sp = strrchr(b->p, ' ');
		size_t i;

		again = 0;
		if (sp == NULL)
			return;
		for (i = 0; weak[i]; i++)
			if (strcasecmp(sp + 1, weak[i]) == 0) {
				b->len = (size_t)(sp - b->p);
				b->p[b->len] = '\0';
				quote_trim(b);
				again = 1;
				break;
			}
	}
}

/* Whether the character at i ends what is quoted. */
static int
quote_ends(const char *s, size_t at, size_t i, size_t len, int clause)
{
	unsigned char c = (unsigned char)s[i];
	int in_number = i > at && i + 1 < len && isdigit((unsigned char)s[i - 1]) &&
	    isdigit((unsigned char)s[i + 1]);

	return c == '\n' || (c == '.' && !in_number) || c == '!' || c == '?' || c == '|' ||
	    (clause && c == ',' && !in_number) || emoji_at(s, i, len) ||
	    (c == ' ' && i + 1 < len && (s[i + 1] == '#' || strncmp(s + i + 1, "http", 4) == 0));
}

int
quote_words(struct buf *out, const char *s, size_t at, size_t len, int max, int clause,
    char *stop)
{
	size_t i = at;
	int words = 0, in_word = 0, cut = 0;

	buf_reset(out);
	buf_add(out, "", 0);	/* out->p is a string even when nothing is quoted */
	while (i < len && !quote_ends(s, at, i, len, clause)) {
		unsigned char c = (unsigned char)s[i];

		if (isspace(c)) {
			in_word = 0;
		} else if (!in_word) {
			/* A link is not words to quote. */
			if (strncmp(s + i, "http://", 7) == 0 || strncmp(s + i, "https://", 8) == 0) {
				while (i < len && !isspace((unsigned char)s[i]))
					i++;
				continue;
			}
			in_word = 1;
			/* Punctuation alone is no word. */
			if ((isalnum(c) || c >= 0x80) && ++words > max) {
				cut = 1;
				break;
			}
		}
		buf_addc(out, (char)c);
		i++;
	}
	if (stop)
		*stop = cut || i >= len ? '\0' : s[i];
	quote_trim(out);
	if (cut)
		quote_drop_dangling(out);
	return cut;
}

int
quote_sentence_ends(const char *s, size_t i, size_t len, int clause)
{
	char c = s[i];

	/* A full stop inside a number ("1.2m", "10.000", "9.1/10") ends nothing. */
	if (c == '.' && i > 0 && i + 1 < len && isdigit((unsigned char)s[i - 1]) &&
	    isdigit((unsigned char)s[i + 1]))
		return 0;
	return c == '.' || c == '!' || c == '?' || c == '\n' || (clause && (c == ':' || c == ';'));
}

size_t
quote_next_sentence(const char *s, size_t len, size_t at)
{
	size_t i = at;

	while (i < len && !quote_sentence_ends(s, i, len, 0))
		i++;
	while (i < len && (quote_sentence_ends(s, i, len, 0) || isspace((unsigned char)s[i])))
		i++;
	return i;
}
