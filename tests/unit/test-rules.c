/* Unit tests for lib/rules.c and lib/literals.c: rule files, compiling, limits, the prefilter. */
#include <glob.h>
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

/* A new ruleset rs of text, compiled: what ruleset_compile returns, its message in err. */
static int
compile_text(struct ruleset *rs, const char *text, struct buf *err)
{
	ruleset_init(rs);
	parse(rs, text, err);
	buf_reset(err);
	return ruleset_compile(rs, err);
}

/*
 * Checks what split (pattern_literals or pattern_branches) makes of
 * pattern: its strings joined by sep, or none when it refuses.
 */
static void
split_is(int (*split)(const char *, struct strlist *), const char *what, const char *none,
    const char *sep, const char *pattern, const char *want)
{
	struct strlist l = {0};
	struct buf got = {0};
	size_t i;

	if (split(pattern, &l) < 0)
		buf_adds(&got, none);
	for (i = 0; i < l.n; i++) {
		if (i)
			buf_adds(&got, sep);
		buf_adds(&got, l.v[i]);
	}
	is_str(got.p ? got.p : "", want, "%s of %s", what, pattern);
	strlist_free(&l);
	buf_free(&got);
}

static void
literals_are(const char *pattern, const char *want)
{
	split_is(pattern_literals, "literals", "ALWAYS", " ", pattern, want);
}

static void
branches_are(const char *pattern, const char *want)
{
	split_is(pattern_branches, "branches", "WHOLE", " , ", pattern, want);
}

static void
test_parse(void)
{
	struct ruleset rs;
	struct buf err = {0};
	int rc;

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
	is_str(err.p, "t.rules:2: unknown keyword (expected rule, weight, describe, fields, reach or define)",
	    "the message names file and line");
	ok(parse(&rs, "weight D abc\n", &err) < 0 && strcmp(err.p, "t.rules:1: expected a number") == 0, "a bad weight is refused");
	ok(parse(&rs, "rule R x\nweight R 0\nreach R 60\n", &err) == 0 && rs.v[rs.n - 1].reach == 60,
	    "a mask's reach");
	ok(parse(&rs, "reach R 2.5\n", &err) < 0 && strstr(err.p, "whole number") != NULL &&
	    parse(&rs, "reach R -1\n", &err) < 0 && parse(&rs, "reach R 1001\n", &err) < 0,
	    "a reach that is not a whole number of 0 to 1000 is refused");
	ok(parse(&rs, "rule E\n", &err) < 0 && strstr(err.p, "without a pattern") != NULL, "a rule needs a pattern");
	ok(parse(&rs, "  rule F x\n", &err) < 0 && strstr(err.p, "nothing to continue") != NULL, "a stray indented line is refused");
	ruleset_free(&rs);

	rc = compile_text(&rs, "rule G (unclosed\n", &err);
	ok(rc < 0 && strstr(err.p, "t.rules:1: rule G:") != NULL,
	    "a bad pattern names its rule (%s)", err.p);
	ruleset_free(&rs);
	rc = compile_text(&rs, "rule H a*\n", &err);
	ok(rc < 0 && strstr(err.p, "can match empty text") != NULL,
	    "a pattern that matches empty text is refused");
	ruleset_free(&rs);
	rc = compile_text(&rs, "rule H2 ab|c*\n", &err);
	ok(rc < 0 && strstr(err.p, "can match empty text") != NULL,
	    "a pattern with one alternative that matches empty text is refused, split or not");
	ruleset_free(&rs);
	rc = compile_text(&rs, "rule J1 bee|wasp\nrule J2 (a)x|\\g{-1}y\nrule J3 (bad|worse\n", &err);
	ok(rc < 0 && strstr(err.p, "rule J3:") != NULL && rs.v[0].nbranch == 2 && rs.v[1].nbranch == 1,
	    "alternatives compile apart; those that do not stay whole; a bad pattern is named (%s)", err.p);
	ruleset_free(&rs);
	rc = compile_text(&rs, "weight I 3\n", &err);
	ok(rc < 0 && strstr(err.p, "no pattern") != NULL,
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
	rc = rule_match(&rs, 0, NULL, text, strlen(text), 0, &m0, &m1);
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
	/* what a positive lookaround reads must be in the text too */
	literals_are("(?<=follow\\sback\\son\\s|followback\\son\\s)(?:ig|yt)", "follow followback");
	literals_are("(?=\\w*mutual)mu", "mutual");
	literals_are("(?!mutual)mu", "mu");
	literals_are("(?<name>abc)d", "d");
}

static void
test_branches(void)
{
	branches_are("a|b(c|d)|[|]e", "a , b(c|d) , [|]e");
	branches_are("(?<!x|y)ab|cd", "(?<!x|y)ab , cd");
	branches_are("a\\|b", "a\\|b");
	branches_are("(a)\\1|b", "WHOLE");
	branches_are("(?i)a|b", "WHOLE");
	branches_are("(?i:a)|b", "(?i:a) , b");
	branches_are("\\Qa|b\\E", "WHOLE");
	branches_are("(a|b)(?1)|c", "WHOLE");
	branches_are("(?<n>a)\\k<n>|c", "WHOLE");
	branches_are("a(*SKIP)b|c", "WHOLE");
	branches_are("a(b", "WHOLE");
}

/* Every match of code in s, from its start, as rule_match steps through them. */
static void
matches_of(pcre2_code *code, pcre2_match_data *md, pcre2_match_context *mctx, const char *s,
    size_t len, struct buf *out)
{
	size_t from = 0;
	PCRE2_SIZE *ov;

	buf_reset(out);
	while (from <= len && pcre2_match(code, (PCRE2_SPTR)s, len, from, 0, md, mctx) > 0) {
		ov = pcre2_get_ovector_pointer(md);
		buf_printf(out, "[%zu,%zu)", (size_t)ov[0], (size_t)ov[1]);
		from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
}

static void
rule_matches(struct ruleset *rs, size_t i, const unsigned char *mark, const char *s,
    size_t len, struct buf *out)
{
	size_t from = 0, m0, m1;

	buf_reset(out);
	while (from <= len && rule_match(rs, i, mark, s, len, from, &m0, &m1) > 0) {
		buf_printf(out, "[%zu,%zu)", m0, m1);
		from = m1 > m0 ? m1 : m0 + 1;
	}
}

/*
 * Neither the prefilter nor the splitting of a rule into its alternatives
 * may change what it matches: on the labelled texts, each default rule
 * run on the branches the prefilter marked finds the very matches that
 * its whole pattern finds.
 */
static void
test_prefilter_is_safe(void)
{
	struct ruleset rs;
	struct buf err = {0}, want = {0}, got = {0};
	struct textnorm n;
	unsigned char *mark;
	pcre2_code **whole;
	pcre2_match_data *md;
	glob_t files;
	size_t f, i, j, texts = 0, matches = 0, differ = 0, split = 0, lacking = 0;
	size_t short_literals = 0, seen = 0;
	struct buf pattern = {0};
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	char line[8192];
	int e;
	PCRE2_SIZE off;

	ruleset_init(&rs);
	textnorm_init(&n);
	ok(ruleset_parse(&rs, default_detect_rules, strlen(default_detect_rules), "default", &err) == 0 &&
	    ruleset_compile(&rs, &err) == 0, "the default rules compile");
	whole = calloc(rs.n, sizeof *whole);
	for (i = 0; i < rs.n; i++) {
		rule_pattern(&rs, i, &pattern, &err);
		whole[i] = pcre2_compile((PCRE2_SPTR)pattern.p, pattern.len,
		    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &e, &off, NULL);
		/* JIT, as fb-detect runs it: the interpreter took twice as long. */
		if (whole[i] != NULL)
			pcre2_jit_compile(whole[i], PCRE2_JIT_COMPLETE);
		split += rs.v[i].nbranch > 1;
		for (j = 0; j < rs.v[i].nbranch; j++)
			if (rs.v[i].branch[j].always) {
				lacking++;
				printf("# rule %s: branch %zu has no literal\n", rs.v[i].name, j + 1);
			}
	}
	ok(lacking == 0, "every branch of every default rule has literals for the prefilter");
	for (i = 0; i < rs.n; i++) {
		struct strlist alts = {0}, lits = {0};
		size_t a, k;

		/* A mask (weight 0) runs only where a positive rule hit. */
		if (rs.v[i].weight == 0)
			continue;
		rule_pattern(&rs, i, &pattern, &err);
		if (pattern_branches(pattern.p, &alts) < 0)
			strlist_add(&alts, pattern.p, pattern.len);
		for (a = 0; a < alts.n; a++) {
			if (pattern_literals(alts.v[a], &lits) == 0)
				for (k = 0; k < lits.n; k++)
					if (strlen(lits.v[k]) < 2) {
						short_literals++;
						printf("# rule %s: branch %zu runs on every \"%s\"\n",
						    rs.v[i].name, a + 1, lits.v[k]);
					}
			strlist_free(&lits);
		}
		strlist_free(&alts);
	}
	ok(short_literals == 0, "no branch of a default rule waits on a literal of one byte, "
	    "which nearly every field holds");
	ok(split > rs.n / 2, "most default rules are matched as their alternatives (%zu of %zu)",
	    split, rs.n);
	md = pcre2_match_data_create(32, NULL);
	/* JIT's stack as fb-detect sizes it: a define's lookahead over 120
	 * characters outgrows the default 32 KiB */
	mctx = pcre2_match_context_create(NULL);
	jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	pcre2_jit_stack_assign(mctx, NULL, jit_stack);
	mark = calloc(rs.nmarks, 1);
	if (glob("tests/data/detect-*.tsv", 0, NULL, &files) != 0)
		files.gl_pathc = 0;
	for (f = 0; f < files.gl_pathc; f++) {
		FILE *fp = fopen(files.gl_pathv[f], "r");

		if (fp == NULL)
			continue;
		while (fgets(line, sizeof line, fp)) {
			char *text = strrchr(line, '\t');

			if (line[0] == '#' || text == NULL)
				continue;
			/* Every fifth text: all of them took two minutes a build, and no
			 * rule is so rare that a fifth of the texts hold none of its
			 * matches (those that differ are named below). */
			if (seen++ % 5 != 0)
				continue;
			/* The fifth column, where there is one, is the source. */
			text = line;
			for (j = 0; j < 3 && text; j++)
				text = strchr(text, '\t') ? strchr(text, '\t') + 1 : NULL;
			if (text == NULL)
				continue;
			text[strcspn(text, "\t\n")] = '\0';
			textnorm_run(&n, text, strlen(text));
			ruleset_candidates(&rs, n.out.p, n.out.len, mark);
			ruleset_mask_candidates(&rs, n.out.p, n.out.len, mark);
			texts++;
			for (i = 0; i < rs.n; i++) {
				matches_of(whole[i], md, mctx, n.out.p, n.out.len, &want);
				rule_matches(&rs, i, mark, n.out.p, n.out.len, &got);
				matches += want.len > 0;
				if (strcmp(want.p ? want.p : "", got.p ? got.p : "") != 0) {
					differ++;
					printf("# %s: whole %s, as run %s, on: %s\n", rs.v[i].name,
					    want.p ? want.p : "-", got.p ? got.p : "-", text);
				}
			}
		}
		fclose(fp);
	}
	ok(texts > 9000 && matches > 5000 && differ == 0,
	    "run on its marked branches, each rule matches what its whole pattern matches "
	    "(%zu texts, %zu with matches, %zu differ)", texts, matches, differ);
	globfree(&files);
	for (i = 0; i < rs.n; i++)
		pcre2_code_free(whole[i]);
	free(whole);
	free(mark);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mctx);
	pcre2_jit_stack_free(jit_stack);
	textnorm_free(&n);
	ruleset_free(&rs);
	buf_free(&err);
	buf_free(&want);
	buf_free(&got);
	buf_free(&pattern);
}

/* Whether rule i of rs matches s, and where: "[m0,m1)" or "none". */
static const char *
match_of(struct ruleset *rs, size_t i, const char *s)
{
	static char out[64];
	size_t m0, m1;
	int rc = rule_match(rs, i, NULL, s, strlen(s), 0, &m0, &m1);

	if (rc <= 0)
		snprintf(out, sizeof out, rc == 0 ? "none" : "error %d", rc);
	else
		snprintf(out, sizeof out, "[%zu,%zu)", m0, m1);
	return out;
}

static void
test_defines(void)
{
	struct ruleset rs;
	struct buf err = {0};
	char *written = NULL;
	size_t size = 0;
	FILE *fp;
	int rc;

	rc = compile_text(&rs, "define THREAT (?!.{0,20}?(?:unfol|\n"
	    "    purge))\n"
	    "rule R no\\s+follow\\s+back(?&THREAT)|who\\s+doesn'?t\\s+follow(?&THREAT)\n", &err);
	ok(rc == 0, "a rule that calls a define compiles (%s)", err.p ? err.p : "");
	is_str(rs.defs[0].pattern, "(?!.{0,20}?(?:unfol|purge))", "a define's continuation joins directly");
	is_str(match_of(&rs, 0, "no follow back, sorry"), "[0,14)", "the define is read in the rule");
	is_str(match_of(&rs, 0, "no follow back? purge time"), "none", "and what it says holds");
	is_str(match_of(&rs, 0, "who doesn't follow, unfollowed"), "none", "in each alternative");
	ok(rs.v[0].nbranch == 2 && !rs.v[0].branch[0].always && !rs.v[0].branch[1].always,
	    "the rule still splits into branches, each with literals");
	fp = open_memstream(&written, &size);
	ruleset_write(&rs, fp);
	fclose(fp);
	ok(strncmp(written, "define THREAT (?!.{0,20}?(?:unfol|purge))\n\nrule R no", 48) == 0,
	    "-l writes the defines first, and the rules as they were written");
	free(written);
	ruleset_free(&rs);

	rc = compile_text(&rs, "define A x(?&B)\ndefine B y(?&A)\nrule C c(?&A)\n", &err);
	ok(rc < 0 && strstr(err.p, "t.rules:3: rule C: its defines call each other in a circle") != NULL,
	    "defines that call each other in a circle are refused (%s)", err.p);
	ruleset_free(&rs);
	rc = compile_text(&rs, "define A (?&B)z\ndefine B yy\nrule C (?<w>ab)(?&w)(?&A)\n", &err);
	ok(rc == 0, "a define may call a define, and a pattern its own named group (%s)", err.p ? err.p : "");
	is_str(match_of(&rs, 0, "ababyyz"), "[0,7)", "both are read");
	ruleset_free(&rs);
	rc = compile_text(&rs, "rule D a(?&NOWHERE)\n", &err);
	ok(rc < 0 && strstr(err.p, "rule D:") != NULL, "a call of nothing is PCRE2's error (%s)", err.p);
	ruleset_free(&rs);
	ruleset_init(&rs);
	ok(parse(&rs, "define E\n", &err) < 0 && strstr(err.p, "a define without a pattern") != NULL,
	    "a define needs a pattern");
	ruleset_free(&rs);
	buf_free(&err);
}

int
main(void)
{
	test_parse();
	test_defines();
	test_limits();
	test_literals();
	test_branches();
	test_prefilter_is_safe();
	return done_testing();
}
