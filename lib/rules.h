/*
 * rules.h: named, weighted PCRE2 rules, SpamAssassin style.
 *
 * A rule file is read line by line:
 *
 *	rule NAME PATTERN	define a rule, or replace its pattern
 *	weight NAME N		its points (default 1)
 *	describe NAME TEXT	what a hit means, for people
 *	fields NAME KEY ...	only fields whose last key is one of these
 *	reach NAME N		a mask also hides hits up to N characters before it
 *	define NAME PATTERN	a piece of pattern that rules write as (?&NAME)
 *
 * A line that starts with blanks continues the line before it; a line
 * that starts with '#' is a comment. Patterns
 * are compiled once (UTF, UCP, caseless), JIT-compiled where the machine
 * allows it, and matched under limits so that a pathological pattern
 * gives up with an error instead of hanging the program.
 */
#ifndef FB_RULES_H
#define FB_RULES_H

#include <stddef.h>
#include <stdio.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "literals.h"

/*
 * A rule's pattern is matched as its top-level alternatives, each compiled
 * on its own, where that gives the same matches (pattern_branches): each
 * then has its own literals, so only the alternatives whose literals
 * occur run, and PCRE2 can skip ahead to where one alternative can start,
 * which it cannot do for forty different ones. A rule of one alternative,
 * or one that cannot be split, is one branch.
 */
struct rule_branch {
	pcre2_code *code;
	int always;		/* no literal prefilter: run on every field */
	int jitted;		/* JIT-compiled at its first use: most never run */
};

/*
 * A mask (a rule of weight 0 or less) hides the hits it overlaps; with a
 * reach, also those that end up to reach characters before it in the same
 * clause (no . ! ? 。 ！ ？ | ｜ • · / or line break between).
 */
#define RULE_REACH_MAX 1000

struct rule {
	char *name, *pattern, *describe;
	double weight;
	char **fields;
	size_t nfields;
	char *origin;		/* "FILE:LINE" where the pattern was defined */
	struct rule_branch *branch;
	size_t nbranch;
	size_t mark;		/* its first branch's place in a mark array */
	unsigned reach;		/* a mask's reach back over its clause, in characters */
};

/*
 * A define is written out in place of each (?&NAME) before a pattern is
 * compiled, as (?:PATTERN): a piece that many rules share (the words of a
 * threat, say) is written once, and each rule still splits into branches
 * with their own literals, which a PCRE2 subroutine call would prevent.
 */
struct rule_define {
	char *name, *pattern;
};

struct ruleset {
	struct rule *v;
	size_t n, cap;
	struct rule_define *defs;
	size_t ndefs, defs_cap;
	size_t nmarks;		/* rules, then their branches: the size of a mark array */
	unsigned char *always;	/* nmarks: the branches without literals, and their rules */
	struct litset *literals;	/* what each branch cannot match without */
	struct litset *mask_literals;	/* the same, for the rules of weight 0 */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
};

void ruleset_init(struct ruleset *rs);
void ruleset_free(struct ruleset *rs);

/* Adds the rules in text, overriding same-named ones; -1 with a message. */
int ruleset_parse(struct ruleset *rs, const char *text, size_t len,
    const char *origin, struct buf *err);
/* Compiles every rule; -1 with a message naming the rule. */
int ruleset_compile(struct ruleset *rs, struct buf *err);

/*
 * Fills mark (rs->nmarks entries) with the branches that may match s; a
 * branch not marked cannot.
 */
void ruleset_candidates(const struct ruleset *rs, const char *s, size_t len,
    unsigned char *mark);
/*
 * ruleset_candidates leaves out the literals of the rules of weight 0
 * (masks), which run only where another rule hit: this adds them to mark.
 */
void ruleset_mask_candidates(const struct ruleset *rs, const char *s, size_t len,
    unsigned char *mark);
/* Whether rule i may match the text that filled mark. */
int rule_candidate(const struct ruleset *rs, size_t i, const unsigned char *mark);
/* The first rule at or after from that may match, or rs->n. */
size_t rule_next_candidate(const struct ruleset *rs, size_t from, const unsigned char *mark);
/* What rule_match returns when a rule spent its CPU time on one text. */
#define RULES_ERROR_TIME (-10000)

/*
 * The first match of rule i at or after from, trying only the branches in
 * mark (filled from s by ruleset_candidates; NULL: all): 1 with
 * [*m0, *m1), 0, or a negative PCRE2 error or RULES_ERROR_TIME.
 */
int rule_match(struct ruleset *rs, size_t i, const unsigned char *mark, const char *s,
    size_t len, size_t from, size_t *m0, size_t *m1);
/*
 * Fills out with rule i's pattern as it is compiled: each (?&NAME) of a
 * define written out as (?:PATTERN), those of the defines too. A (?&NAME)
 * that no define names stays: it calls a named group of the pattern.
 * -1 with a message when defines call each other in a circle.
 */
int rule_pattern(const struct ruleset *rs, size_t i, struct buf *out, struct buf *err);
/* Whether rule r applies to a field whose last key is key. */
int rule_applies(const struct rule *r, const char *key);
/*
 * A pattern built into a program, compiled caseless for UTF-8 text and
 * JIT-compiled; one that does not compile is a bug, and the program exits.
 */
pcre2_code *builtin_pattern(const char *pattern);
/* PCRE2's text for an error code. */
void rules_error_text(int code, char *out, size_t n);

/* Writes the rules back in rule-file form. */
void ruleset_write(const struct ruleset *rs, FILE *fp);

#endif
