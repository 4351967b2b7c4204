/*
 * conf.h: the line format of the rule files (detect.rules, score.rules).
 *
 * Each line is "keyword name rest"; a line that starts with blanks
 * continues the one before it (joined with nothing after "rule", "define" and "jq",
 * so long patterns can be split anywhere, and with a space otherwise); a
 * line with '#' in its first column is a comment.
 */
#ifndef FB_CONF_H
#define FB_CONF_H

#include <stddef.h>

#include "buf.h"

struct conf_line {
	const char *origin;	/* the file, for messages */
	unsigned line;
	const char *keyword;
	const char *name;	/* letters, digits and _, and - inside (a language: pt-PT) */
	char *rest;		/* the rest of the line, trimmed */
};

/* Calls fn on each logical line; stops at the first that returns -1. */
int conf_parse(const char *text, size_t len, const char *origin,
    int (*fn)(void *arg, struct conf_line *l, struct buf *err), void *arg,
    struct buf *err);

/* "FILE:LINE: what" into err; returns -1. */
int conf_error(struct buf *err, const struct conf_line *l, const char *what);

/* 0 when l's name has no '-', as a rule's may not; else -1 with a message. */
int conf_plain_name(const struct conf_line *l, struct buf *err);

/* Weights, points and thresholds: larger ones are a mistake, not a choice. */
#define CONF_NUMBER_MAX 1e6

/* The number in l->rest, finite and within CONF_NUMBER_MAX, or -1 with a message. */
int conf_number(const struct conf_line *l, double *x, struct buf *err);

#endif
