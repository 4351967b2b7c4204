/*
 * timeline.h: each user's recent posts attached as "posts" (tw-timeline).
 *
 * User records stream in; each one's timeline is asked for, several users
 * at a time on the client's concurrent requests, page after page until it
 * has the posts wanted. Records go out in input order as soon as every one
 * before them is complete, and a checkpoint follows each write.
 */
#ifndef FB_TIMELINE_H
#define FB_TIMELINE_H

#include "fetch.h"
#include "stream.h"

struct timeline_opts {
	unsigned long count;	/* posts per user */
	const char *exclude;	/* "replies", "retweets", both, or NULL */
};

/* The options of tw-timeline and bsky-timeline besides the fetchers'. */
enum { TO_COUNT = 0x1100, TO_EXCLUDE, TO_JOBS, TO_MAX_RECORD };

#define TIMELINE_LONG_OPTIONS \
	{"count", required_argument, NULL, TO_COUNT}, \
	{"exclude", required_argument, NULL, TO_EXCLUDE}, \
	{"jobs", required_argument, NULL, TO_JOBS}, \
	{"max-record", required_argument, NULL, TO_MAX_RECORD}

/* Handles one of them, or one of the fetchers' (0 when c is none of them). */
int timeline_option(const struct cli_doc *doc, struct timeline_opts *to, struct fetch_opts *o,
    struct stream_opts *so, int c, const char *arg);

/* --estimate: how many records the input holds; the input's exit status in *status. */
unsigned long timeline_count(const struct stream_opts *so, int argc, char **argv, int *status);
/* Attaches their posts to the user records of the input; returns the input's exit status. */
int timeline_attach(struct fetch *f, const struct timeline_opts *to, struct stream_opts *so,
    int argc, char **argv);

struct timeline;

struct timeline *timeline_new(struct fetch *f, const struct timeline_opts *o);
/* The stream's keep (stream_opts): where bad input goes for --rejects. */
void timeline_keep(void *arg, const char *s, size_t n);
/* The record callback of the input stream. */
int timeline_record(struct stream *st, const struct record *rec, void *arg);
/* Waits for every timeline asked for, writes the rest and frees t. */
void timeline_finish(struct timeline *t);

/* The query of a timeline request (without max_results and the token). */
void timeline_query(struct buf *q, const char *exclude, int with_author);

#endif
