/* Unit tests for lib/rank.c (stable ranking, bounded top K) and parse_date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rank.h"
#include "score.h"
#include "tap.h"

static char got[4096];

static void
collect(void *arg, size_t rank, const char *text, size_t len)
{
	(void)arg;
	snprintf(got + strlen(got), sizeof got - strlen(got), "%s%zu:%.*s",
	    rank > 1 ? " " : "", rank, (int)len, text);
}

static void
ranked_is(size_t top, const double *scores, size_t n, const char *want, const char *what)
{
	struct ranker *r = ranker_new(top);
	char name[16];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%c", (int)('a' + i));
		ranker_add(r, scores[i], name, strlen(name));
	}
	got[0] = '\0';
	ranker_each(r, collect, NULL);
	is_str(got, want, "%s", what);
	ranker_free(r);
}

static void
date_is(const char *s, long long want, const char *what)
{
	time_t t = 0;
	int rc = parse_date(s, strlen(s), &t);

	if (want < 0)
		ok(rc < 0, "%s: '%s' is refused", what, s);
	else
		ok(rc == 0 && (long long)t == want, "%s: '%s' is %lld (got %lld)", what, s, want, (long long)t);
}

int
main(void)
{
	static const double s[] = {1, 5, 3, 5, -2, 3, 5, 0};
	size_t n = sizeof s / sizeof s[0];

	ranked_is(0, s, n, "1:b 2:d 3:g 4:c 5:f 6:a 7:h 8:e", "highest first, equal scores in input order");
	ranked_is(3, s, n, "1:b 2:d 3:g", "top 3 is the head of the full ranking");
	ranked_is(4, s, n, "1:b 2:d 3:g 4:c", "top 4 keeps the earlier of two equal scores");
	ranked_is(20, s, n, "1:b 2:d 3:g 4:c 5:f 6:a 7:h 8:e", "a top larger than the input keeps all");
	ranked_is(1, s, 0, "", "nothing in, nothing out");

	date_is("2026-11-20", 1795132800LL, "a date");
	date_is("2026-11-20T12:00:00Z", 1795176000LL, "a time in UTC");
	date_is("2026-11-20T12:00:00.000Z", 1795176000LL, "X's form, with milliseconds");
	date_is("2026-11-20T12:00:00+00:00", 1795176000LL, "an explicit +00:00");
	date_is("2026-13-01", -1, "month 13");
	date_is("yesterday", -1, "a word");
	date_is("2026-11-20T12:00", -1, "a time without seconds");
	return done_testing();
}
