#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "detectmodel.h"
#include "util.h"

void
detect_model_init(struct detect_model *m)
{
	memset(m, 0, sizeof *m);
	m->threshold = 0.5;
}

void
detect_model_free(struct detect_model *m)
{
	size_t i;

	if (m->image) {
		free(m->batch);
		m->batch = NULL;
		m->nbatch = m->batch_cap = 0;
		return;
	}
	buf_free(&m->texts);
	for (i = 0; i < m->nrules; i++)
		free(m->rules[i].name);
	for (i = 0; i < m->nkeys; i++)
		free(m->keys[i].name);
	free(m->v);
	free(m->rules);
	free(m->keys);
	free(m->slots);
	free(m->batch);
	memset(m, 0, sizeof *m);
}

/* A slot in [0, nslots): the top 32 bits of the mixed hash, scaled. */
static size_t
slot_of(const struct detect_model *m, uint64_t hash)
{
	return (size_t)(((hash * 0x9E3779B97F4A7C15ULL) >> 32) * m->nslots >> 32);
}

static size_t
next_slot(const struct detect_model *m, size_t s)
{
	return s + 1 == m->nslots ? 0 : s + 1;
}

static int
filter_has(const struct detect_model *m, uint64_t hash)
{
	return m->filter[hash >> 50] >> (hash >> 44 & 63) & 1;
}

/* The slot of the n-gram with this hash, which passed the filter, or NULL. */
static struct model_slot *
find_slot(const struct detect_model *m, uint64_t hash)
{
	size_t s;

	for (s = slot_of(m, hash); m->slots[s].index != 0; s = next_slot(m, s))
		if (m->slots[s].hash == hash)
			return &m->slots[s];
	return NULL;
}

double
detect_model_weight(const struct detect_model *m, size_t i)
{
	return find_slot(m, m->v[i].hash)->weight;
}

long
detect_model_find(const struct detect_model *m, uint64_t hash)
{
	const struct model_slot *slot;

	if (m->slots == NULL || !filter_has(m, hash) || (slot = find_slot(m, hash)) == NULL)
		return -1;
	return (long)slot->index - 1;
}

/*
 * Fills the table two thirds full: the n-grams before n0 with the weights
 * they had in it, the others with those just parsed (parsed[i]). Sized to
 * the model rather than to a power of two, it grows with it: doubling had
 * added 6 MiB at once, one n-gram past 174,762.
 */
static void
build_table(struct detect_model *m, size_t n0)
{
	size_t i, s;
	struct model_slot *old = m->slots;
	double *weights = m->parsed;

	for (i = 0; i < n0; i++)
		weights[i] = detect_model_weight(m, i);
	m->nslots = m->n + m->n / 2 + 1;
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	free(old);
	memset(m->filter, 0, sizeof m->filter);
	for (i = 0; i < m->n; i++) {
		m->filter[m->v[i].hash >> 50] |= (uint64_t)1 << (m->v[i].hash >> 44 & 63);
		for (s = slot_of(m, m->v[i].hash); m->slots[s].index != 0; s = next_slot(m, s))
			;
		m->slots[s].hash = m->v[i].hash;
		m->slots[s].weight = weights[i];
		m->slots[s].index = (uint32_t)(i + 1);
	}
}

/*
 * A weight as the training tool writes it, [-]digits[.digits] with at most
 * 15 digits: their integer and a power of ten up to 10^22 are exact
 * doubles, so one division rounds as strtod does. strtod took a fifth of
 * fb-detect's start-up on the 89,000 weights; it reads the rest.
 */
static int
parse_decimal(const char *s, double *out)
{
	static const double ten[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	    1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
	const char *p = s + (*s == '-');
	uint64_t digits = 0;
	int n = 0, frac = -1;

	for (; *p; p++) {
		if (*p == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || ++n > 15)
			return -1;
		digits = digits * 10 + (uint64_t)(*p - '0');
		frac += frac >= 0;
	}
	if (n == 0)
		return -1;
	*out = (double)digits / ten[frac > 0 ? frac : 0];
	if (*s == '-')
		*out = -*out;
	return 0;
}

static int
parse_number(const char *s, double *out)
{
	char *end;

	if (parse_decimal(s, out) == 0)
		return 0;
	errno = 0;
	*out = strtod(s, &end);
	return end != s && *end == '\0' && errno == 0 && isfinite(*out) ? 0 : -1;
}

static struct model_name *
find_name(struct model_name *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

double
detect_model_rule(const struct detect_model *m, const char *name, int *known)
{
	const struct model_name *r = find_name(m->rules, m->nrules, name);

	*known = r != NULL;
	return r ? r->weight : 0;
}

double
detect_model_key(const struct detect_model *m, const char *key)
{
	const struct model_name *k = find_name(m->keys, m->nkeys, key);

	return k ? k->weight : 0;
}

/* "r WEIGHT RULE" or "f WEIGHT KEY", after the kind: a name given once. */
static int
parse_name(struct model_name **v, size_t *n, size_t *cap, char *rest, const char *kind,
    const char *what, struct buf *why)
{
	char *name = strchr(rest, ' ');
	double x;

	if (name == NULL || name[1] == '\0' || strchr(name + 1, ' ')) {
		buf_printf(why, "expected \"%s WEIGHT %s\"", kind, what);
		return -1;
	}
	*name++ = '\0';
	if (parse_number(rest, &x) < 0) {
		buf_printf(why, "bad weight \"%s\"", rest);
		return -1;
	}
	if (find_name(*v, *n, name)) {
		buf_printf(why, "%s \"%s\" given twice", kind, name);
		return -1;
	}
	if (*n == *cap)
		*v = xgrow(*v, cap, sizeof **v, 16);
	(*v)[*n].name = xstrdup(name);
	(*v)[*n].weight = x;
	(*n)++;
	return 0;
}

static int
parse_line(struct detect_model *m, char *line, struct buf *why)
{
	char *sp = strchr(line, ' '), *text;
	double x;
	struct model_ngram *g;
	enum ngram_kind kind;
	size_t i, len;

	if (sp == NULL) {
		buf_printf(why, "expected \"KEY VALUE\" or \"w|c|x|r|f WEIGHT NAME\"");
		return -1;
	}
	*sp = '\0';
	if (strcmp(line, "r") == 0)
		return parse_name(&m->rules, &m->nrules, &m->rules_cap, sp + 1, "r", "RULE", why);
	if (strcmp(line, "f") == 0)
		return parse_name(&m->keys, &m->nkeys, &m->keys_cap, sp + 1, "f", "KEY", why);
	if (strcmp(line, "w") == 0 || strcmp(line, "c") == 0 || strcmp(line, "x") == 0) {
		text = strchr(sp + 1, ' ');
		if (text == NULL || text[1] == '\0') {
			buf_printf(why, "expected \"%s WEIGHT NGRAM\"", line);
			return -1;
		}
		*text++ = '\0';
		if (parse_number(sp + 1, &x) < 0) {
			buf_printf(why, "bad weight \"%s\"", sp + 1);
			return -1;
		}
		if (m->n == m->cap) {
			m->v = xgrow(m->v, &m->cap, sizeof *m->v, 256);
			m->parsed = xrealloc(m->parsed, m->cap * sizeof *m->parsed);
		}
		if (m->texts.len > UINT32_MAX - strlen(text) - 3) {
			buf_printf(why, "more n-gram text than 4 GiB");
			return -1;
		}
		kind = line[0] == 'w' ? NGRAM_WORD : line[0] == 'x' ? NGRAM_RULED : NGRAM_CHAR;
		g = &m->v[m->n];
		m->parsed[m->n] = x;
		g->text = (uint32_t)m->texts.len;
		len = strlen(text);
		/* Explanations name a word beside a rule's hit "[dni]", apart from the word "dni". */
		if (kind == NGRAM_RULED)
			buf_addc(&m->texts, '[');
		buf_add(&m->texts, text, len);
		buf_add(&m->texts, kind == NGRAM_RULED ? "]" : "", kind == NGRAM_RULED ? 2 : 1);
		/* The line is this function's to change: its "_" become the spaces they stand for. */
		if (kind == NGRAM_CHAR)
			for (i = 0; i < len; i++)
				if (text[i] == '_')
					text[i] = ' ';
		g->hash = ngram_hash(kind, text, len);
		m->n++;
		return 0;
	}
	if (strcmp(line, "scale") == 0) {
		if (strcmp(sp + 1, "sqrt") == 0 || strcmp(sp + 1, "none") == 0) {
			m->scale_sqrt = strcmp(sp + 1, "sqrt") == 0;
			return 0;
		}
		buf_printf(why, "scale: expected sqrt or none, got \"%s\"", sp + 1);
		return -1;
	}
	if (strcmp(line, "rules_alone") == 0) {
		if (parse_number(sp + 1, &x) < 0 || x < 0) {
			buf_printf(why, "rules_alone: bad number \"%s\" (points, 0 or more)", sp + 1);
			return -1;
		}
		m->rules_alone = x;
		return 0;
	}
	if (strcmp(line, "bias") == 0 || strcmp(line, "threshold") == 0) {
		if (parse_number(sp + 1, &x) < 0 ||
		    (line[0] == 't' && !(x > 0 && x < 1))) {
			buf_printf(why, "%s: bad number \"%s\"", line, sp + 1);
			return -1;
		}
		*(line[0] == 'b' ? &m->bias : &m->threshold) = x;
		return 0;
	}
	buf_printf(why, "unknown line \"%s\"", line);
	return -1;
}

int
detect_model_parse(struct detect_model *m, const char *text, size_t len,
    const char *origin, struct buf *err)
{
	struct buf line = {0}, why = {0};
	size_t at = 0, lineno = 0, n0 = m->n, i;
	const char *nl;
	int rc = 0;

	/*
	 * Room for a feature a line, and for all their texts, at once: grown by
	 * doubling, the n-grams' array was copied at 131,072 n-grams, and the
	 * copy and the original together raised fb-detect's peak memory by 5 MiB.
	 * What is reserved and never written costs no memory.
	 */
	for (i = 0, nl = text; (nl = memchr(nl, '\n', len - (size_t)(nl - text))) != NULL; nl++)
		i++;
	if (m->cap < m->n + i + 1) {
		m->cap = m->n + i + 1;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	/* The weights wait here for the table, which holds them after. */
	m->parsed = xrealloc(m->parsed, m->cap * sizeof *m->parsed);
	if (m->texts.cap - m->texts.len <= len)
		buf_grow(&m->texts, len);
	while (at < len && rc == 0) {
		nl = memchr(text + at, '\n', len - at);
		buf_reset(&line);
		buf_add(&line, text + at, (nl ? (size_t)(nl - text) : len) - at);
		at = nl ? (size_t)(nl - text) + 1 : len;
		lineno++;
		if (line.len > 0 && line.p[line.len - 1] == '\r')
			line.p[--line.len] = '\0';
		if (line.len == 0 || line.p[0] == '#')
			continue;
		if ((rc = parse_line(m, line.p, &why)) < 0)
			buf_printf(err, "%s:%zu: %s", origin, lineno, why.p);
	}
	buf_free(&line);
	buf_free(&why);
	if (rc == 0)
		build_table(m, n0);
	free(m->parsed);
	m->parsed = NULL;
	if (rc < 0)
		return -1;
	for (i = n0; i < m->n; i++)
		if (detect_model_find(m, m->v[i].hash) != (long)i) {
			buf_printf(err, "%s: n-gram \"%s\" given twice", origin, detect_model_text(m, i));
			return -1;
		}
	return 0;
}

/* Keeps the hashes of a text's n-grams that the filter lets through. */
static void
collect(void *arg, uint64_t hash, enum ngram_kind kind, size_t b0, size_t b1)
{
	struct detect_model *m = arg;

	(void)kind;
	(void)b0;
	(void)b1;
	if (!filter_has(m, hash))
		return;
	if (m->nbatch == m->batch_cap)
		m->batch = xgrow(m->batch, &m->batch_cap, sizeof *m->batch, 256);
	m->batch[m->nbatch++] = hash;
}

/* The weight n-gram hash adds, counting it at most MODEL_OCCURRENCES times. */
static double
add_ngram(struct detect_model *m, uint64_t hash)
{
	struct model_slot *slot = find_slot(m, hash);

	if (slot == NULL)
		return 0;
	if ((slot->seen & ~3U) != m->text)
		slot->seen = m->text;
	if ((slot->seen & 3) >= MODEL_OCCURRENCES)
		return 0;
	slot->seen++;
	return slot->weight;
}

double
detect_model_unit(const struct detect_model *m, const struct model_score *sc)
{
	return m->scale_sqrt && sc->count > 0 ? 1 / sqrt((double)sc->count) : 1;
}

/*
 * How far ahead the slots are fetched: each lookup is a cache miss, and
 * asked for one after another they wait in turn.
 */
#define PREFETCH_AHEAD 8

void
detect_model_score(struct detect_model *m, const struct ngrams *g, double extra, int ruled,
    struct model_score *sc)
{
	double sum = extra;
	size_t i;

	/* A new number for this text; at the wrap, every mark is cleared. */
	m->text += 4;
	if (m->text == 0) {
		for (i = 0; i < m->nslots; i++)
			m->slots[i].seen = 0;
		m->text = 4;
	}
	m->nbatch = 0;
	sc->count = ngrams_each(g, collect, m);
	if (ruled)
		ngrams_each_ruled(g, collect, m);
	for (i = 0; i < m->nbatch; i++) {
		if (i + PREFETCH_AHEAD < m->nbatch)
			__builtin_prefetch(&m->slots[slot_of(m, m->batch[i + PREFETCH_AHEAD])]);
		sum += add_ngram(m, m->batch[i]);
	}
	sc->sum = sum;
	sc->prob = 1 / (1 + exp(-(m->bias + detect_model_unit(m, sc) * sc->sum)));
}
