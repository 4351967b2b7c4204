/*
 * score.h: how worth a real conversation a user record is (the engine of
 * fb-score).
 *
 * Named rules with points, SpamAssassin style, but with the sign turned:
 * good evidence adds points, bad evidence takes them away. Built-in rules
 * read what a record holds (counts, dates, bio, attached posts, fb.demand);
 * custom rules are jq expressions. Each record gets fb.score = {"total",
 * "verdict": "engage"|"maybe"|"skip", "reasons": [{"rule", "points",
 * "why"}]}; a rule that needs data the record lacks says so in a reason
 * with 0 points.
 */
#ifndef FB_SCORE_H
#define FB_SCORE_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "buf.h"
#include "idset.h"
#include "signals.h"	/* the features the rules weigh, and parse_date */
#include "stream.h"

enum verdict { VERDICT_ENGAGE = 1, VERDICT_MAYBE = 2, VERDICT_SKIP = 4 };

struct scorer;

/* Reads a score rule file (score.rules format) into s; -1 with a message. */
int scorer_rules(struct scorer *s, const char *text, size_t len,
    const char *origin, struct buf *err);
/* Checks and compiles the rules; -1 with a message. */
int scorer_ready(struct scorer *s, struct buf *err);

struct scorer *scorer_new(void);
void scorer_free(struct scorer *s);
void scorer_set_now(struct scorer *s, time_t now);
/* The client's interests, comma-separated; matched on normalised text. */
void scorer_add_interests(struct scorer *s, const char *list);
/* The client (--client): an id or an @name; replies to it and mentions of it count. */
void scorer_add_client(struct scorer *s, const char *id_or_name);
/* Accounts the client already follows (not copied: it must outlive s). */
void scorer_set_already(struct scorer *s, const struct idset *already);
/* Writes the rules and thresholds in effect, in rule-file form. */
void scorer_write_rules(const struct scorer *s, FILE *fp);

struct score_result {
	double total;
	enum verdict verdict;
	struct buf json;	/* the fb.score value */
	struct buf top;		/* the main reasons, for a table */
	int already;		/* the client follows the account (--already) */
};

/*
 * Scores rec into r. Returns 0, or -1 after rejecting the record on st
 * (a field of the wrong type, a jq rule that fails).
 */
int scorer_score(struct scorer *s, struct stream *st, const struct record *rec,
    struct score_result *r);
/* The SpamAssassin-style explanation of the last record scored, to fp. */
void scorer_explain(const struct scorer *s, const struct record *rec,
    const struct score_result *r, FILE *fp);

const char *verdict_name(enum verdict v);

#endif
