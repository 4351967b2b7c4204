#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "ngrams.h"
#include "util.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

enum { SEP, WORD };

void
ngrams_init(struct ngrams *g)
{
	memset(g, 0, sizeof *g);
}

void
ngrams_free(struct ngrams *g)
{
	buf_free(&g->line);
	free(g->from);
	free(g->to);
	memset(g, 0, sizeof *g);
}

static size_t
utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * Letters, digits and marks make words. Symbols (emoji) do not: the
 * labelled texts use them for style, and a model that learnt them flagged
 * ordinary bios for a 💯.
 */
static int
char_class(const unsigned char *s, size_t k)
{
	utf8proc_int32_t c;

	if (k == 1)
		return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9') ||
		    (s[0] >= 'A' && s[0] <= 'Z') ? WORD : SEP;
	if (utf8proc_iterate(s, (utf8proc_ssize_t)k, &c) <= 0)
		return SEP;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return WORD;
	default:
		return SEP;
	}
}

static void
put(struct ngrams *g, char c, size_t from, size_t to)
{
	size_t i = g->line.len++;

	g->line.p[i] = c;
	g->from[i] = (uint32_t)from;
	g->to[i] = (uint32_t)to;
}

static void
space(struct ngrams *g, size_t at)
{
	if (g->line.len == 0 || g->line.p[g->line.len - 1] != ' ')
		put(g, ' ', at, at);
}

static int
handle_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	    (c >= 'A' && c <= 'Z');
}

/*
 * An @handle at byte i, with its instance (@name@host.social; the
 * normaliser may have read its inner @ as a leet "a"): its length, else
 * 0. Handles are names, not words: their n-grams taught the model that
 * "@client please follow back" is not a demand.
 */
static size_t
handle_len(const unsigned char *u, size_t len, size_t i)
{
	size_t j;

	if (u[i] != '@' || i + 1 >= len || !handle_char(u[i + 1]) ||
	    (i > 0 && handle_char(u[i - 1])))
		return 0;
	for (j = i + 1; j < len && (handle_char(u[j]) || ((u[j] == '.' || u[j] == '@') &&
	    j + 1 < len && handle_char(u[j + 1]))); j++)
		;
	return j - i;
}

void
ngrams_line(struct ngrams *g, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, j, k, max = len + 2;

	buf_reset(&g->line);
	if (g->line.cap <= max)
		buf_grow(&g->line, max);
	if (g->cap < max) {
		g->cap = max;
		g->from = xrealloc(g->from, max * sizeof *g->from);
		g->to = xrealloc(g->to, max * sizeof *g->to);
	}
	space(g, 0);
	for (i = 0; i < len; i += k) {
		if ((k = handle_len(u, len, i)) > 0) {
			space(g, i);
			put(g, '@', i, i + k);
			continue;
		}
		k = utf8_len(u[i]);
		if (k > len - i)
			k = len - i;
		if (char_class(u + i, k) == WORD)
			for (j = 0; j < k; j++)
				put(g, (char)u[i + j], i, i + k);
		else
			space(g, i);
	}
	space(g, len);
	g->line.p[g->line.len] = '\0';
}

static uint64_t
seed(enum ngram_kind kind)
{
	return (FNV_OFFSET ^ (uint64_t)kind) * FNV_PRIME;
}

uint64_t
ngram_hash(enum ngram_kind kind, const char *s, size_t len)
{
	uint64_t h = seed(kind);
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
	return h;
}

size_t
ngrams_each(const struct ngrams *g, ngram_fn *fn, void *arg)
{
	const unsigned char *p = (const unsigned char *)g->line.p;
	size_t n = g->line.len, count = 0, i, j, e, k;
	uint64_t h;

	/* Character n-grams, from each codepoint. */
	for (i = 0; i < n; i += utf8_len(p[i])) {
		h = seed(NGRAM_CHAR);
		for (j = i, k = 1; k <= NGRAM_CHAR_MAX && j < n; k++) {
			e = j + utf8_len(p[j]);
			if (e > n)
				break;
			for (; j < e; j++)
				h = (h ^ p[j]) * FNV_PRIME;
			if (k >= NGRAM_CHAR_MIN) {
				fn(arg, h, NGRAM_CHAR, i, j);
				count++;
			}
		}
	}
	/* Word n-grams, from each word: the line is " w1 w2 ... wn ". */
	for (i = 1; i < n; i = e + 1) {
		h = seed(NGRAM_WORD);
		e = n;
		for (j = i, k = 1; k <= NGRAM_WORD_MAX && j < n; k++, j++) {
			if (k > 1)
				h = (h ^ ' ') * FNV_PRIME;
			for (; j < n && p[j] != ' '; j++)
				h = (h ^ p[j]) * FNV_PRIME;
			if (k == 1)
				e = j;
			fn(arg, h, NGRAM_WORD, i, j);
			count++;
			if (j + 1 >= n)
				break;
		}
	}
	return count;
}

size_t
ngrams_each_ruled(const struct ngrams *g, ngram_fn *fn, void *arg)
{
	const unsigned char *p = (const unsigned char *)g->line.p;
	size_t n = g->line.len, count = 0, i, j;
	uint64_t h;

	for (i = 1; i < n; i = j + 1) {
		h = seed(NGRAM_RULED);
		for (j = i; j < n && p[j] != ' '; j++)
			h = (h ^ p[j]) * FNV_PRIME;
		if (j == i)
			continue;
		fn(arg, h, NGRAM_RULED, i, j);
		count++;
	}
	return count;
}

void
ngram_write(struct buf *out, enum ngram_kind kind, const char *s, size_t len)
{
	size_t i;

	if (kind != NGRAM_CHAR) {
		buf_add(out, s, len);
		return;
	}
	for (i = 0; i < len; i++)
		buf_addc(out, s[i] == ' ' ? '_' : s[i]);
}

void
ngrams_source(const struct ngrams *g, size_t b0, size_t b1, size_t *n0, size_t *n1)
{
	while (b0 < b1 && g->line.p[b0] == ' ')
		b0++;
	while (b1 > b0 && g->line.p[b1 - 1] == ' ')
		b1--;
	while (b0 > 0 && b0 < b1 && g->line.p[b0 - 1] != ' ')
		b0--;
	while (b1 > b0 && b1 < g->line.len && g->line.p[b1] != ' ')
		b1++;
	if (b0 == b1) {
		*n0 = *n1 = b0 < g->line.len ? g->from[b0] : 0;
		return;
	}
	*n0 = g->from[b0];
	*n1 = g->to[b1 - 1];
}
