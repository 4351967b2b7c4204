/*
 * rank.h: records kept in order of their score, highest first, stable.
 *
 * Without a limit every record is kept and sorted at the end (a sort must
 * see everything). With --top K only the best K are kept, in a heap, so
 * memory is bounded by K however long the input.
 */
#ifndef FB_RANK_H
#define FB_RANK_H

#include <stddef.h>

struct ranker;

struct ranker *ranker_new(size_t top);	/* top 0: keep all */
void ranker_free(struct ranker *r);
void ranker_add(struct ranker *r, double score, const char *text, size_t len);
/* Calls fn with each kept text, best first; equal scores keep input order. */
void ranker_each(struct ranker *r, void (*fn)(void *arg, size_t rank,
    const char *text, size_t len), void *arg);

#endif
