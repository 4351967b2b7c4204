/*
 * literals.h: the fixed strings a pattern cannot match without, and a set
 * of such strings searched all at once.
 *
 * Running every PCRE2 rule over every field costs far more than the rest
 * of a filter; nearly all fields contain none of the words the rules are
 * built on. So each rule, or each of its alternatives where rules.c
 * matches them apart, gets the literals that every match must contain
 * (one per top-level alternative, found by reading the pattern), one pass
 * over a field finds which literals occur, and only the rules whose
 * literals were seen are run. A pattern whose literals cannot be read
 * safely gets none and always runs: the prefilter never changes a result.
 */
#ifndef FB_LITERALS_H
#define FB_LITERALS_H

#include <stddef.h>

struct strlist {
	char **v;
	size_t n, cap;
};

void strlist_free(struct strlist *l);
/* Adds a copy of s[0..n), unless the list has it already. */
void strlist_add(struct strlist *l, const char *s, size_t n);

/*
 * Fills out with case-folded literals such that every match of pattern
 * (compiled caseless, without extended mode) contains one of them.
 * Returns 0, or -1 when there is no such set: the pattern must always run.
 */
int pattern_literals(const char *pattern, struct strlist *out);

/*
 * Fills out with the top-level alternatives of pattern, in order, each a
 * pattern of its own: the leftmost match of the whole is the leftmost of
 * theirs, the first alternative in order at a tie. -1 when they cannot be
 * matched apart (back references, recursion, options at top level).
 */
int pattern_branches(const char *pattern, struct strlist *out);

struct litset;

struct litset *litset_new(void);
void litset_free(struct litset *ls);
/* A literal of id in group: a scan marks both, so that a group's mark says any of its ids. */
void litset_add(struct litset *ls, const char *lit, size_t len, unsigned id, unsigned group);
/* Call once after the last litset_add. */
void litset_build(struct litset *ls);
/* Sets mark[id] and mark[group] for every literal that occurs in s. */
void litset_scan(const struct litset *ls, const char *s, size_t len,
    unsigned char *mark);

#endif
