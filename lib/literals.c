#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "literals.h"
#include "util.h"

/* Shorter literals are seen in too many fields to be worth much, but still count. */
#define GOOD_LITERAL 6

void
strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void
strlist_add(struct strlist *l, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == n && memcmp(l->v[i], s, n) == 0)
			return;
	if (l->n == l->cap)
		l->v = xgrow(l->v, &l->cap, sizeof *l->v, 4);
	l->v[l->n++] = xstrndup(s, n);
}

/* End of the group that opens at p[i] == '(' (the index of its ')'), or 0. */
static size_t
group_end(const char *p, size_t len, size_t i)
{
	int depth = 0, in_class = 0;

	for (; i < len; i++) {
		char c = p[i];

		if (c == '\\') {
			i++;
		} else if (in_class) {
			if (c == ']')
				in_class = 0;
		} else if (c == '[') {
			in_class = 1;
			if (i + 1 < len && p[i + 1] == '^')
				i++;
			if (i + 1 < len && p[i + 1] == ']')
				i++;
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (--depth == 0)
				return i;
		}
	}
	return 0;
}

/* End of the class that opens at p[i] == '[' (the index of its ']'), or 0. */
static size_t
class_end(const char *p, size_t len, size_t i)
{
	i++;
	if (i < len && p[i] == '^')
		i++;
	if (i < len && p[i] == ']')
		i++;
	for (; i < len; i++) {
		if (p[i] == '\\')
			i++;
		else if (p[i] == ']')
			return i;
	}
	return 0;
}

/*
 * Reads a quantifier at p[*i]: returns its minimum count (0 for * and ?,
 * 1 for +) and moves past it, or returns -1 when there is none.
 */
static int
quantifier(const char *p, size_t len, size_t *i)
{
	size_t j = *i;
	int min = -1;

	if (j >= len)
		return -1;
	if (p[j] == '*' || p[j] == '?') {
		min = 0;
		j++;
	} else if (p[j] == '+') {
		min = 1;
		j++;
	} else if (p[j] == '{') {
		size_t k = j + 1;
		int lo = 0, digits = 0;	/* lo: whether the minimum is above zero */

		while (k < len && p[k] >= '0' && p[k] <= '9') {
			lo |= p[k++] != '0';
			digits++;
		}
		if (k < len && p[k] == ',') {
			k++;
			while (k < len && p[k] >= '0' && p[k] <= '9')
				k++;
		} else if (digits == 0) {
			return -1;
		}
		if (k >= len || p[k] != '}')
			return -1;	/* a literal '{' */
		min = lo > 0 ? 1 : 0;
		j = k + 1;
	} else {
		return -1;
	}
	if (j < len && (p[j] == '?' || p[j] == '+'))
		j++;	/* lazy or possessive */
	*i = j;
	return min;
}

static int alternatives(const char *p, size_t len, struct strlist *out);

static size_t
shortest(const struct strlist *l)
{
	size_t i, min = (size_t)-1;

	for (i = 0; i < l->n; i++)
		if (strlen(l->v[i]) < min)
			min = strlen(l->v[i]);
	return l->n ? min : 0;
}

/* Keeps the run of literal characters just ended if it is the longest yet. */
static void
keep_longest(const char *run, size_t nrun, char *best, size_t *nbest)
{
	if (nrun > *nbest) {
		memcpy(best, run, nrun);
		*nbest = nrun;
	}
}

/* Literals for one alternative (no top-level '|'): -1 when none is certain. */
static int
sequence(const char *p, size_t len, struct strlist *out)
{
	/*
	 * The run of literal characters being read and the longest so far:
	 * neither outgrows the pattern, so one allocation holds both (a
	 * buffer each was a fifth of fb-detect's 79,000 allocations at start).
	 */
	char *run = xmalloc(2 * len + 2), *best = run + len + 1;
	size_t nrun = 0, nbest = 0;
	struct strlist group_best = {0};
	size_t i = 0;
	int have_group = 0;

	while (i < len) {
		char c = p[i];
		size_t start = i, clen = 1;
		int is_literal = 0, min;

		if (c == '(') {
			size_t e = group_end(p, len, i);
			int lookaround, positive;

			if (e == 0)
				goto fail;
			lookaround = i + 2 < len && p[i + 1] == '?' &&
			    (p[i + 2] == '=' || p[i + 2] == '!' || p[i + 2] == '<');
			/*
			 * What a positive lookaround reads must be in the field too:
			 * (?<=follow\sback\son\s)(?:ig|yt) needs "follow", a rarer
			 * word than "ig".
			 */
			positive = lookaround && (p[i + 2] == '=' ||
			    (i + 3 < len && p[i + 2] == '<' && p[i + 3] == '='));
			i = e + 1;
			min = quantifier(p, len, &i);
			if ((!lookaround || positive) && min != 0 && p[start + 1] != '*') {
				struct strlist g = {0};
				size_t body = start + 1;

				/* (?:...) and (...): literals of a required group can stand for it. */
				if (positive)
					body += p[body + 1] == '=' ? 2 : 3;
				else if (p[body] == '?' && body + 1 < e && p[body + 1] == ':')
					body += 2;
				else if (p[body] == '?')
					body = e;	/* named groups and options: not worth reading */
				/* Keep the group whose shortest literal is longest. */
				if (body < e && alternatives(p + body, e - body, &g) == 0 &&
				    (!have_group || shortest(&g) > shortest(&group_best))) {
					strlist_free(&group_best);
					group_best = g;
					have_group = 1;
				} else {
					strlist_free(&g);
				}
			}
			keep_longest(run, nrun, best, &nbest);
			nrun = 0;
			continue;
		}
		if (c == '[') {
			size_t e = class_end(p, len, i);

			if (e == 0)
				goto fail;
			i = e + 1;
		} else if (c == '\\') {
			char d = i + 1 < len ? p[i + 1] : '\0';

			i += 2;
			if (d != '\0' && strchr("bBAzZG", d))
				continue;	/* zero width: the run goes on */
			if (d == 'p' || d == 'P' || d == 'x' || d == 'N') {
				if (i < len && p[i] == '{') {
					while (i < len && p[i] != '}')
						i++;
					i++;
				} else if (d == 'x') {
					while (i < len && i < start + 4 && strchr("0123456789abcdefABCDEF", p[i]))
						i++;
				} else if (d != 'N') {
					i++;	/* \pL */
				}
			} else if (d == '\0' || strchr("gkQEKco", d) || (d >= '0' && d <= '9')) {
				goto fail;	/* back references and rare forms: no literal is worth the risk */
			} else if (!((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z'))) {
				is_literal = 1;	/* escaped punctuation */
				start++;
			}
		} else if (c == '.' || c == '^' || c == '$' || c == ')' || c == '|') {
			i++;
		} else {
			unsigned char u = (unsigned char)c;

			clen = u < 0x80 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
			if (clen > len - i)
				goto fail;	/* not UTF-8: PCRE2 refuses such a pattern anyway */
			i += clen;
			is_literal = 1;
		}
		min = quantifier(p, len, &i);
		if (is_literal && min != 0) {
			memcpy(run + nrun, p + start, clen);
			nrun += clen;
			if (min == -1)
				continue;
		}
		/* Anything else, or a repeated character, ends the run. */
		keep_longest(run, nrun, best, &nbest);
		nrun = 0;
	}
	keep_longest(run, nrun, best, &nbest);
	if (nbest >= GOOD_LITERAL || (nbest > 0 && (!have_group ||
	    nbest >= shortest(&group_best)))) {
		strlist_add(out, best, nbest);
	} else if (have_group) {
		size_t k;

		for (k = 0; k < group_best.n; k++)
			strlist_add(out, group_best.v[k], strlen(group_best.v[k]));
	} else {
		goto fail;
	}
	free(run);
	strlist_free(&group_best);
	return 0;
fail:
	free(run);
	strlist_free(&group_best);
	return -1;
}

/*
 * Index of the first '|' at or after p[i] outside groups and classes, or
 * len; (size_t)-1 when a group or class does not close.
 */
static size_t
next_bar(const char *p, size_t len, size_t i)
{
	size_t e;

	for (; i < len; i++) {
		if (p[i] == '\\') {
			i++;
		} else if (p[i] == '[') {
			if ((e = class_end(p, len, i)) == 0)
				return (size_t)-1;
			i = e;
		} else if (p[i] == '(') {
			if ((e = group_end(p, len, i)) == 0)
				return (size_t)-1;
			i = e;
		} else if (p[i] == '|') {
			return i;
		}
	}
	return len;
}

/* Literals for a list of alternatives: one set for each, or -1. */
static int
alternatives(const char *p, size_t len, struct strlist *out)
{
	size_t start = 0, bar;

	for (;;) {
		if ((bar = next_bar(p, len, start)) == (size_t)-1 ||
		    sequence(p + start, bar - start, out) < 0)
			return -1;
		if (bar == len)
			return 0;
		start = bar + 1;
	}
}

/* Whether pattern sets extended mode ((?x), (?ix:...)), uses verbs or comments. */
static int
extended_or_verbs(const char *p)
{
	const char *q;

	if (strstr(p, "(*") || strstr(p, "(?#") || strstr(p, "(?|"))
		return 1;
	for (q = p; (q = strstr(q, "(?")) != NULL; q += 2) {
		const char *r = q + 2;

		if (q > p && q[-1] == '\\')
			continue;
		while ((*r >= 'a' && *r <= 'z') || (*r >= 'A' && *r <= 'Z') || *r == '-' || *r == '^')
			if (*r++ == 'x')
				return 1;
	}
	return 0;
}

/* Lowers s in place and returns 1 when it is all ASCII; else leaves it and returns 0. */
static int
ascii_lower(char *s)
{
	char *c;

	for (c = s; *c; c++)
		if ((unsigned char)*c >= 0x80)
			return 0;
	for (c = s; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return 1;
}

int
pattern_literals(const char *pattern, struct strlist *out)
{
	struct strlist raw = {0};
	size_t k;

	/* Extended mode, verbs and comments change what the characters mean. */
	if (extended_or_verbs(pattern) || alternatives(pattern, strlen(pattern), &raw) < 0) {
		strlist_free(&raw);
		return -1;
	}
	/* Matching is caseless and fields are case-folded: fold the literals too. */
	for (k = 0; k < raw.n; k++) {
		utf8proc_uint8_t *folded = NULL;
		utf8proc_ssize_t n;

		/* ASCII folds to its lower case, as utf8proc would fold it, in place. */
		if (ascii_lower(raw.v[k])) {
			strlist_add(out, raw.v[k], strlen(raw.v[k]));
			continue;
		}
		n = utf8proc_map((const utf8proc_uint8_t *)raw.v[k], 0, &folded,
		    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);

		if (n < 0) {
			strlist_free(&raw);
			strlist_free(out);
			return -1;
		}
		strlist_add(out, (const char *)folded, (size_t)n);
		free(folded);
	}
	strlist_free(&raw);
	return 0;
}

/*
 * Whether a top-level alternative can be matched apart from the others:
 * not when the pattern numbers or names its groups for use elsewhere
 * (back references, recursion, conditions), sets options at top level
 * ("(?i)" reaches into the alternatives after it), quotes with \\Q (a
 * quoted '|' would look like a split), or uses what pattern_literals
 * cannot read.
 */
static int
splittable(const char *p)
{
	static const char *const refusals[] = {
		"\\g", "\\k", "\\Q", "(?P=", "(?P>", "(?R", "(?&", "(?(", "(?C",
	};
	const char *q;
	size_t i;

	if (extended_or_verbs(p))
		return 0;
	for (i = 0; i < sizeof refusals / sizeof *refusals; i++)
		if (strstr(p, refusals[i]))
			return 0;
	for (q = p; *q; q++) {
		if (q[0] == '\\' && q[1] >= '1' && q[1] <= '9')
			return 0;
		if (q[0] == '(' && q[1] == '?') {
			const char *r = q + 2;

			if ((*r >= '0' && *r <= '9') || *r == '+' || *r == '-')
				if (r[1] != '\0' && ((r[1] >= '0' && r[1] <= '9') || r[1] == ')'))
					return 0;	/* (?1), (?-1), (?+1) */
			while ((*r >= 'a' && *r <= 'z') || (*r >= 'A' && *r <= 'Z') || *r == '-' || *r == '^')
				r++;
			if (r > q + 2 && *r == ')')
				return 0;
		}
	}
	return 1;
}

int
pattern_branches(const char *pattern, struct strlist *out)
{
	size_t len = strlen(pattern), start = 0, bar;

	if (!splittable(pattern))
		return -1;
	for (;;) {
		if ((bar = next_bar(pattern, len, start)) == (size_t)-1) {
			strlist_free(out);
			return -1;
		}
		strlist_add(out, pattern + start, bar - start);
		if (bar == len)
			return 0;
		start = bar + 1;
	}
}

struct lit {
	char *s;
	size_t len;
	unsigned id, group;
};

struct litset {
	struct lit *v;
	size_t n, cap;
	uint8_t first2[65536 / 8];	/* the first two bytes of some literal */
	uint8_t two[65536 / 8];		/* ... of a literal of two bytes */
	uint8_t first3[65536 / 8];	/* a hash of the first three bytes of a longer one */
	uint32_t *start;		/* per two-byte prefix: first index into v, 65537 entries */
	uint8_t single[256];		/* one-byte literals */
	unsigned single_id[256][4], single_group[256][4];
	uint8_t nsingle[256];
	int single_overflow;
};

struct litset *
litset_new(void)
{
	return xcalloc(1, sizeof(struct litset));
}

void
litset_free(struct litset *ls)
{
	size_t i;

	if (ls == NULL)
		return;
	for (i = 0; i < ls->n; i++)
		free(ls->v[i].s);
	free(ls->v);
	free(ls->start);
	free(ls);
}

void
litset_add(struct litset *ls, const char *lit, size_t len, unsigned id, unsigned group)
{
	unsigned char c = (unsigned char)lit[0];

	if (len == 1) {
		ls->single[c] = 1;
		if (ls->nsingle[c] < 4) {
			ls->single_id[c][ls->nsingle[c]] = id;
			ls->single_group[c][ls->nsingle[c]++] = group;
		} else
			die(EXIT_FAIL, "too many one-character rule literals");
		return;
	}
	if (ls->n == ls->cap)
		ls->v = xgrow(ls->v, &ls->cap, sizeof *ls->v, 256);
	ls->v[ls->n].s = xstrndup(lit, len);
	ls->v[ls->n].len = len;
	ls->v[ls->n].id = id;
	ls->v[ls->n].group = group;
	ls->n++;
}

/* Three bytes, the first two as prefix2 gives them, in 16 bits. */
static inline unsigned
hash3(unsigned h, unsigned char c)
{
	return (h * 257u + c * 40503u) & 0xFFFFu;
}

static unsigned
prefix2(const char *s)
{
	return (unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1];
}

static int
by_prefix(const void *a, const void *b)
{
	unsigned pa = prefix2(((const struct lit *)a)->s), pb = prefix2(((const struct lit *)b)->s);

	return pa < pb ? -1 : pa > pb;
}

void
litset_build(struct litset *ls)
{
	size_t i;
	unsigned h;

	if (ls->n > 0)
		qsort(ls->v, ls->n, sizeof *ls->v, by_prefix);
	ls->start = xcalloc(65537, sizeof *ls->start);
	for (i = 0; i < ls->n; i++) {
		h = prefix2(ls->v[i].s);
		ls->first2[h >> 3] |= (uint8_t)(1u << (h & 7));
		if (ls->v[i].len == 2) {
			ls->two[h >> 3] |= (uint8_t)(1u << (h & 7));
		} else {
			unsigned h3 = hash3(h, (unsigned char)ls->v[i].s[2]);

			ls->first3[h3 >> 3] |= (uint8_t)(1u << (h3 & 7));
		}
	}
	/* start[h] = index of the first literal whose prefix is >= h */
	for (h = 0, i = 0; h <= 65536; h++) {
		while (i < ls->n && prefix2(ls->v[i].s) < h)
			i++;
		ls->start[h] = (uint32_t)i;
	}
}

void
litset_scan(const struct litset *ls, const char *s, size_t len, unsigned char *mark)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned h;
		uint32_t k, end;

		if (ls->single[p[i]]) {
			unsigned j;

			for (j = 0; j < ls->nsingle[p[i]]; j++)
				mark[ls->single_id[p[i]][j]] = mark[ls->single_group[p[i]][j]] = 1;
		}
		if (i + 1 >= len)
			break;
		h = (unsigned)p[i] << 8 | p[i + 1];
		if (!(ls->first2[h >> 3] & (1u << (h & 7))))
			continue;
		/* Most two-byte prefixes are common ones ("th", "fo"): a third byte rules most out. */
		if (!(ls->two[h >> 3] & (1u << (h & 7)))) {
			unsigned h3;

			if (i + 2 >= len)
				continue;
			h3 = hash3(h, p[i + 2]);
			if (!(ls->first3[h3 >> 3] & (1u << (h3 & 7))))
				continue;
		}
		for (k = ls->start[h], end = ls->start[h + 1]; k < end; k++) {
			const struct lit *l = &ls->v[k];
			size_t j;

			if (l->len > len - i)
				continue;
			for (j = 2; j < l->len && p[i + j] == (unsigned char)l->s[j]; j++)
				;
			if (j == l->len)
				mark[l->id] = mark[l->group] = 1;
		}
	}
}
