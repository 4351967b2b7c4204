/* Unit tests for lib/rules.c and lib/literals.c: rule files, compiling, limits, the prefilter. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "literals.h"
#include "rules.h"
#include "tap.h"
#include "textnorm.h"

extern const char default_detect_rules[];

static int
parse(struct ruleset *rs, const char *text, struct buf *err)
{
	buf_reset(err);
	return ruleset_parse(rs, text, strlen(text), "t.rules", err);
}

static void
literals_are(const char *pattern, const char *want)
{
	struct strlist l = {0};
	struct buf got = {0};
	size_t i;

	if (pattern_literals(pattern, &l) < 0)
		buf_adds(&got, "ALWAYS");
	for (i = 0; i < l.n; i++) {
		if (i)
			buf_addc(&got, ' ');
		buf_adds(&got, l.v[i]);
	}
	is_str(got.p ? got.p : "", want, "literals of %s", pattern);
	strlist_free(&l);
	buf_free(&got);
}

static void
test_parse(void)
{
	struct ruleset rs;
	struct buf err = {0};

	ruleset_init(&rs);
	ok(parse(&rs, "# c\nrule A \\bab\n    c|xy\nweight A 2.5\ndescribe A one\n  two\nfields A username, name\n", &err) == 0 &&
	    rs.n == 1, "a rule with continuation lines");
	is_str(rs.v[0].pattern, "\\babc|xy", "continuation joins the pattern directly");
	is_str(rs.v[0].describe, "one two", "continuation joins a description with a space");
	ok(rs.v[0].weight == 2.5 && rs.v[0].nfields == 2 && rule_applies(&rs.v[0], "name") &&
	    !rule_applies(&rs.v[0], "description"), "weight and fields");
	ok(parse(&rs, "rule A zz\nrule B #tag\n", &err) == 0 && rs.n == 2 &&
	    strcmp(rs.v[0].pattern, "zz") == 0 && rs.v[0].weight == 2.5,
	    "a later file overrides the pattern by name and keeps the weight");
	ok(parse(&rs, "rule C x\nwieght C 1\n", &err) < 0, "an unknown keyword is refused");
	is_str(err.p, "t.rules:2: unknown keyword (expected rule, weight, describe or fields)", "the message names file and line");
	ok(parse(&rs, "weight D abc\n", &err) < 0 && strcmp(err.p, "t.rules:1: expected a number") == 0, "a bad weight is refused");
	ok(parse(&rs, "rule E\n", &err) < 0 && strstr(err.p, "without a pattern") != NULL, "a rule needs a pattern");
	ok(parse(&rs, "  rule F x\n", &err) < 0 && strstr(err.p, "nothing to continue") != NULL, "a stray indented line is refused");
	ruleset_free(&rs);

	ruleset_init(&rs);
	parse(&rs, "rule G (unclosed\n", &err);
	buf_reset(&err);
	ok(ruleset_compile(&rs, &err) < 0 && strstr(err.p, "t.rules:1: rule G:") != NULL,
	    "a bad pattern names its rule (%s)", err.p);
	ruleset_free(&rs);
	ruleset_init(&rs);
	parse(&rs, "rule H a*\n", &err);
	buf_reset(&err);
	ok(ruleset_compile(&rs, &err) < 0 && strstr(err.p, "can match empty text") != NULL,
	    "a pattern that matches empty text is refused");
	ruleset_free(&rs);
	ruleset_init(&rs);
	parse(&rs, "weight I 3\n", &err);
	buf_reset(&err);
	ok(ruleset_compile(&rs, &err) < 0 && strstr(err.p, "no pattern") != NULL,
	    "a weight for a rule that never gets a pattern is refused");
	ruleset_free(&rs);
	buf_free(&err);
}

static void
test_limits(void)
{
	struct ruleset rs;
	struct buf err = {0};
	char text[64];
	size_t m0, m1;
	clock_t t0;
	int rc;

	ruleset_init(&rs);
	parse(&rs, "rule SLOW (x+x+)+y\n", &err);
	ok(ruleset_compile(&rs, &err) == 0, "a catastrophic pattern compiles");
	/* The y is there, so PCRE2 cannot rule the match out before backtracking. */
	memset(text, 'x', 40);
	strcpy(text + 40, "!y");
	t0 = clock();
	rc = rule_match(&rs, 0, text, strlen(text), 0, &m0, &m1);
	ok(rc < 0 && rc != PCRE2_ERROR_NOMATCH, "it gives up with an error (%d), not a silent no-match", rc);
	ok((double)(clock() - t0) / CLOCKS_PER_SEC < 5, "and gives up quickly");
	ruleset_free(&rs);
	buf_free(&err);
}

static void
test_literals(void)
{
	literals_are("\\bfol+o*w\\s*back", "back");
	literals_are("\\bi\\s*follow", "follow");
	literals_are("#tfb\\b|#f4f", "#tfb #f4f");
	literals_are("(?:abc|de)f+", "abc de");
	literals_are("xy(?:abcd|efgh)", "abcd efgh");
	literals_are("a?bc", "bc");
	literals_are("ab{0,2}cd", "cd");
	literals_are("ab{2}c", "ab");
	literals_are("FOLLOW", "follow");
	literals_are("\\x41bc|q", "bc q");
	literals_are("(?x) a b c", "ALWAYS");
	literals_are("(a)\\1bb", "ALWAYS");
	literals_are("\\w+|abc", "ALWAYS");
	literals_are("(?i:ab)", "ALWAYS");
	literals_are("[ab]cd\\.e", "cd.e");
	literals_are("(?<!on\\s)fb", "fb");
}

/*
 * The prefilter must never skip a rule that would match: for every default
 * rule and every labelled text, a match implies the rule was a candidate.
 */
static void
test_prefilter_is_safe(void)
{
	static const char *files[] = {
		"tests/data/detect-corpus.tsv", "tests/data/detect-holdout.tsv",
		"tests/data/detect-holdout2.tsv", "tests/data/detect-holdout3.tsv",
		"tests/data/detect-holdout4.tsv", "tests/data/detect-holdout5.tsv",
	};
	struct ruleset rs;
	struct buf err = {0};
	struct textnorm n;
	unsigned char *mark;
	size_t f, i, texts = 0, matches = 0, missed = 0;
	char line[8192];

	ruleset_init(&rs);
	textnorm_init(&n);
	ok(ruleset_parse(&rs, default_detect_rules, strlen(default_detect_rules), "default", &err) == 0 &&
	    ruleset_compile(&rs, &err) == 0, "the default rules compile");
	for (i = 0; i < rs.n; i++)
		ok(!rs.v[i].always, "default rule %s has literals for the prefilter", rs.v[i].name);
	mark = calloc(rs.n, 1);
	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		FILE *fp = fopen(files[f], "r");

		if (fp == NULL)
			continue;
		while (fgets(line, sizeof line, fp)) {
			char *text = strrchr(line, '\t');
			size_t m0, m1;

			if (line[0] == '#' || text == NULL)
				continue;
			text++;
			text[strcspn(text, "\n")] = '\0';
			textnorm_run(&n, text, strlen(text));
			ruleset_candidates(&rs, n.out.p, n.out.len, mark);
			texts++;
			for (i = 0; i < rs.n; i++)
				if (rule_match(&rs, i, n.out.p, n.out.len, 0, &m0, &m1) > 0) {
					matches++;
					if (!mark[i]) {
						missed++;
						printf("# prefilter skipped %s on: %s\n", rs.v[i].name, text);
					}
				}
		}
		fclose(fp);
	}
	ok(texts > 1000 && matches > 500 && missed == 0,
	    "the prefilter skipped no rule that matches (%zu texts, %zu matches, %zu skipped)",
	    texts, matches, missed);
	free(mark);
	textnorm_free(&n);
	ruleset_free(&rs);
	buf_free(&err);
}

int
main(void)
{
	test_parse();
	test_limits();
	test_literals();
	test_prefilter_is_safe();
	return done_testing();
}
