#include <stdlib.h>
#include <string.h>

#include "rank.h"
#include "util.h"

struct entry {
	double score;
	unsigned long long seq;
	char *text;
	size_t len;
};

struct ranker {
	struct entry *v;
	size_t n, cap, top;
	unsigned long long seq;
};

/* Whether a ranks before b: a higher score, or the same and earlier. */
static int
before(const struct entry *a, const struct entry *b)
{
	return a->score != b->score ? a->score > b->score : a->seq < b->seq;
}

static int
by_rank(const void *a, const void *b)
{
	return before(a, b) ? -1 : before(b, a) ? 1 : 0;
}

struct ranker *
ranker_new(size_t top)
{
	struct ranker *r = xcalloc(1, sizeof *r);

	r->top = top;
	return r;
}

void
ranker_free(struct ranker *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->v[i].text);
	free(r->v);
	free(r);
}

/* The heap keeps the worst of the kept entries at the root. */
static void
sift_down(struct ranker *r, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, w = i;
		struct entry t;

		if (l < r->n && before(&r->v[w], &r->v[l]))
			w = l;
		if (l + 1 < r->n && before(&r->v[w], &r->v[l + 1]))
			w = l + 1;
		if (w == i)
			return;
		t = r->v[i];
		r->v[i] = r->v[w];
		r->v[w] = t;
		i = w;
	}
}

static void
sift_up(struct ranker *r, size_t i)
{
	while (i > 0) {
		size_t p = (i - 1) / 2;
		struct entry t;

		if (!before(&r->v[p], &r->v[i]))
			return;
		t = r->v[i];
		r->v[i] = r->v[p];
		r->v[p] = t;
		i = p;
	}
}

void
ranker_add(struct ranker *r, double score, const char *text, size_t len)
{
	struct entry e = {score, r->seq++, NULL, len};

	if (r->top && r->n == r->top) {
		if (!before(&e, &r->v[0]))
			return;	/* no better than the worst kept */
		free(r->v[0].text);
		e.text = xstrndup(text, len);
		r->v[0] = e;
		sift_down(r, 0);
		return;
	}
	if (r->n == r->cap)
		r->v = xgrow(r->v, &r->cap, sizeof *r->v, 1024);
	e.text = xstrndup(text, len);
	r->v[r->n++] = e;
	if (r->top)
		sift_up(r, r->n - 1);
}

void
ranker_each(struct ranker *r, void (*fn)(void *arg, size_t rank, const char *text,
    size_t len), void *arg)
{
	size_t i;

	if (r->n > 1)
		qsort(r->v, r->n, sizeof *r->v, by_rank);
	for (i = 0; i < r->n; i++)
		fn(arg, i + 1, r->v[i].text, r->v[i].len);
}
