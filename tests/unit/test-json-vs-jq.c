/*
 * The JSON scanner against libjq's parser: on thousands of inputs made by
 * mutating valid records, both must accept or both refuse. The scanner
 * takes jq's looser numbers (03, .5, +1); nan and infinity it refuses, so
 * inputs with those words are left out.
 */
#define _GNU_SOURCE	/* strcasestr */
#include <stdlib.h>
#include <string.h>

#include <jv.h>

#include "json.h"
#include "tap.h"

static const char *const seeds[] = {
	"{\"id\":\"1\",\"username\":\"a_b\",\"description\":\"follow back pls \\u00e9\\ud83d\\ude00\",\"public_metrics\":{\"followers_count\":12,\"following_count\":1.5e3},\"posts\":[{\"text\":\"hi\",\"lang\":\"en\"},{\"text\":\"x\\n\\\"y\\\"\"}],\"verified\":false,\"url\":null}",
	"[1,-0.5,2E+10,\"s\",[],{},true,false,null,{\"a\":[{\"b\":{\"c\":[]}}]}]",
	"{\"a\":\"caf\xc3\xa9 \xe3\x83\x95\xe3\x82\xa9\xe3\x83\xad\xe3\x83\x90\",\"b\":[0,10,-1e-3]}",
};

static unsigned long long rng = 88172645463325252ULL;

static unsigned
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)rng;
}

static const char pieces[] = "{}[]\",:\\ \t\n0123456789.eE+-truefalsenul\x01\x7f\xc3\xa9\xff";

/* One random edit of s: delete, insert or replace a byte, or cut the end. */
static void
mutate(char *s, size_t *len, size_t cap)
{
	size_t at = *len ? next() % *len : 0;

	switch (next() % 4) {
	case 0:
		if (*len) {
			memmove(s + at, s + at + 1, *len - at - 1);
			(*len)--;
		}
		break;
	case 1:
		if (*len + 1 < cap) {
			memmove(s + at + 1, s + at, *len - at);
			s[at] = pieces[next() % (sizeof pieces - 1)];
			(*len)++;
		}
		break;
	case 2:
		if (*len)
			s[at] = pieces[next() % (sizeof pieces - 1)];
		break;
	default:
		*len = at;
	}
	s[*len] = '\0';
}

/* Whether s is one JSON value and nothing else but whitespace, to the scanner. */
static int
scanner_accepts(const char *s, size_t len)
{
	struct json_scan sc = {0};
	size_t i = 0;
	int ok;

	while (i < len && strchr(" \t\n\r", s[i]))
		i++;
	ok = i < len && json_scan(&sc, s, len, i, 1) == JSON_OK;
	if (ok) {
		for (i = sc.end; i < len && strchr(" \t\n\r", s[i]); i++)
			;
		ok = i == len;
	}
	json_scan_free(&sc);
	return ok;
}

static int
jq_accepts(const char *s, size_t len)
{
	jv v = jv_parse_sized(s, (int)len);
	int ok = jv_is_valid(v);

	jv_free(v);
	return ok;
}

/* Things jq takes that JSON does not, or that jq 1.6 handles oddly: not compared. */
static int
comparable(const char *s, size_t len)
{
	return memchr(s, '\0', len) == NULL && strcasestr(s, "nan") == NULL &&
	    strcasestr(s, "inf") == NULL && strchr(s, '\x7f') == NULL;
}

int
main(void)
{
	char buf[1024];
	size_t i, k, len, compared = 0, disagree = 0;

	for (i = 0; i < 20000; i++) {
		const char *seed = seeds[i % (sizeof seeds / sizeof seeds[0])];
		int a, b;

		len = strlen(seed);
		memcpy(buf, seed, len + 1);
		for (k = 1 + next() % 3; k > 0; k--)
			mutate(buf, &len, sizeof buf);
		if (!comparable(buf, len))
			continue;
		compared++;
		a = scanner_accepts(buf, len);
		b = jq_accepts(buf, len);
		if (a != b && disagree++ < 5)
			printf("# scanner %s, jq %s: %s\n", a ? "accepts" : "refuses",
			    b ? "accepts" : "refuses", buf);
	}
	ok(compared > 15000, "compared %zu mutated inputs", compared);
	ok(disagree == 0, "the scanner and libjq agree on every one (%zu disagreements)", disagree);
	return done_testing();
}
