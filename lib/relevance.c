#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "relevance.h"
#include "util.h"

/* Whether the ", "-separated list holds key as one of its items. */
static int
has_word_key(const char *list, const char *key)
{
	size_t n = strlen(key);
	const char *p = list;

	while ((p = strstr(p, key)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p++;
	}
	return 0;
}

/*
 * A crude stemmer that needs no language: a word's first STEM bytes
 * ("market" for marketing and marketer, "coffee" and "coffees"). Words
 * that say nothing of a topic on their own are left out.
 */
#define STEM 5

static int
stop_word(const char *w, size_t n)
{
	static const char *const stop[] = {
		"and", "the", "for", "with", "from", "into", "your", "our", "are", "about",
		"small", "local", "new", "good", "best", "top", "more", "big", "de", "del",
		"la", "las", "los", "el", "y", "e", "o", "para", "por", "con", "com", "do",
		"da", "dos", "das", "em", "no", "na", "en", "et", "le", "les", "du", "des",
		"und", "der", "die", "das", "den", "im", "a", "of", "to", "in", "on", "at", "by",
	};
	size_t i;

	for (i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (strlen(stop[i]) == n && memcmp(stop[i], w, n) == 0)
			return 1;
	return 0;
}

static void
add_stems(struct relevance *r, const char *in)
{
	const char *p = in;

	while (*p) {
		size_t n = 0, i;
		char *stem;

		while (*p == ' ')
			p++;
		while (p[n] && p[n] != ' ')
			n++;
		if (n == 0)
			break;
		if (!stop_word(p, n)) {
			stem = xstrndup(p, n > STEM ? STEM : n);
			for (i = 0; i < r->nstems && strcmp(r->stems[i], stem) != 0; i++)
				;
			if (i < r->nstems) {
				free(stem);
			} else {
				r->stems = xrealloc(r->stems, (r->nstems + 1) * sizeof *r->stems);
				r->stems[r->nstems++] = stem;
			}
		}
		p += n;
	}
}

static int
is_word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

size_t
relevance_words(const struct relevance *r, const char *t, size_t len, struct buf *found,
    size_t *nfound)
{
	size_t i = 0, j, occur = 0;

	while (i < len) {
		size_t n = 0;

		while (i < len && !is_word_char((unsigned char)t[i]))
			i++;
		while (i + n < len && is_word_char((unsigned char)t[i + n]))
			n++;
		for (j = 0; n && j < r->nstems; j++) {
			const char *stem = r->stems[j];
			size_t k = strlen(stem);

			/* A short word must be whole ("ux", "seo"); a long one starts alike. */
			if (!(k < STEM ? n == k : n >= k) || memcmp(t + i, stem, k) != 0)
				continue;
			occur++;
			if (found->p && has_word_key(found->p, stem))
				continue;
			if (found->len)
				buf_adds(found, ", ");
			buf_adds(found, stem);
			(*nfound)++;
		}
		i += n;
	}
	return occur;
}


/* Whether needle occurs in hay as a whole word or phrase. */
static int
has_phrase(const char *hay, size_t len, const char *needle)
{
	const char *p = hay, *at;
	size_t n = strlen(needle);

	while (n && (at = memmem(p, (size_t)(hay + len - p), needle, n)) != NULL) {
		if ((at == hay || !is_word_char((unsigned char)at[-1])) &&
		    (at + n == hay + len || !is_word_char((unsigned char)at[n])))
			return 1;
		p = at + 1;
	}
	return 0;
}

/*
 * Hyphens and underscores count as spaces ("small-business"), and an
 * interest written as one word matches too (#smallbusiness).
 */
void
relevance_phrases(const struct relevance *r, const char *text, size_t len, struct buf *found)
{
	char *t = xstrndup(text, len), joined[256];
	size_t i, j, k;

	for (i = j = 0; i < len; i++) {
		char c = t[i] == '-' || t[i] == '_' ? ' ' : t[i];

		if (c != ' ' || j == 0 || t[j - 1] != ' ')
			t[j++] = c;
	}
	len = j;
	for (i = 0; i < r->ninterests; i++) {
		const char *in = r->interests[i];

		if (found->p && has_phrase(found->p, found->len, in))
			continue;
		for (j = k = 0; in[j] && k + 1 < sizeof joined; j++)
			if (in[j] != ' ')
				joined[k++] = in[j];
		joined[k] = '\0';
		if (has_phrase(t, len, in) || (strcmp(joined, in) != 0 && has_phrase(t, len, joined))) {
			if (found->len)
				buf_adds(found, ", ");
			buf_adds(found, in);
		}
	}
	free(t);
}


void
relevance_add(struct relevance *r, struct textnorm *norm, const char *list)
{
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",\n");
		const char *a = p, *b = p + n;

		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a) {
			char *in, *q;

			textnorm_run(norm, a, (size_t)(b - a));
			in = xstrndup(norm->out.p, norm->out.len);
			for (q = in; *q; q++)
				if (*q == '-' || *q == '_')
					*q = ' ';
			for (q = in; *q; q++)	/* runs of spaces become one */
				while (q[0] == ' ' && q[1] == ' ')
					memmove(q, q + 1, strlen(q));
			r->interests = xrealloc(r->interests, (r->ninterests + 1) * sizeof *r->interests);
			r->interests[r->ninterests++] = in;
			add_stems(r, in);
			r->given = xrealloc(r->given,
			    (r->given ? strlen(r->given) + 2 : 0) + strlen(in) + 1);
			if (r->ninterests == 1)
				*r->given = '\0';
			else
				strcat(r->given, ", ");
			strcat(r->given, in);
		}
		p += n + (p[n] != '\0');
	}
}

void
relevance_free(struct relevance *r)
{
	size_t i;

	for (i = 0; i < r->ninterests; i++)
		free(r->interests[i]);
	free(r->interests);
	free(r->given);
	for (i = 0; i < r->nstems; i++)
		free(r->stems[i]);
	free(r->stems);
}
