/*
 * signals.h: what a user record shows, for fb-score: the features its
 * points weigh.
 *
 * Each signal is true or false for a record: follow-back demands (from the
 * fb.demand that fb-detect wrote), signs of a fake account, activity,
 * broadcasting, spam, conversation (with the client too), relevance to the
 * client's interests, and the spec's patterns (../shared/VERDICTS.md). A
 * signal that needs what the record lacks (counts, dates, posts) is marked
 * lacking instead, so that a missing timeline counts neither for nor
 * against anyone. What made a signal hold is kept in words, for people.
 *
 * The parts live in modules of their own: lexicon.h (the word lists),
 * posts.h (a timeline read into conversation and broadcasting measures),
 * relevance.h (matching the interests); this module assembles the signals.
 */
#ifndef FB_SIGNALS_H
#define FB_SIGNALS_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "posts.h"	/* parse_date */
#include "stream.h"

enum signal {
	SIG_DEMANDS, SIG_DEMAND_POSTS, SIG_MENTIONS, SIG_50X, SIG_7X,
	SIG_LIMIT, SIG_1TO1, SIG_HEALTHY, SIG_NEW, SIG_NEVER, SIG_FEW,
	SIG_DEFAULT_IMAGE, SIG_NO_BIO, SIG_GENERATED, SIG_PROTECTED, SIG_DEAD,
	SIG_QUIET, SIG_ACTIVE, SIG_RATE, SIG_REPOSTS, SIG_LINKS,
	SIG_LINKS_MOST, SIG_HASHTAGS, SIG_SCHEDULED, SIG_REPEATED, SIG_SPAM,
	SIG_SPAM_BIO, SIG_CANNED, SIG_CONVERSATION, SIG_REPLIES_OFTEN,
	SIG_NO_CONVERSATION, SIG_QUESTIONS, SIG_CLIENT, SIG_CLIENT_PITCH,
	SIG_COMBATIVE, SIG_PROMO_REPLIES, SIG_ORIGINAL, SIG_ROLE, SIG_ORG,
	SIG_TRIVIA, SIG_OWN_WRITING, SIG_LISTED, SIG_WIDELY_LISTED,
	SIG_INTERESTS, SIG_INTEREST_WORDS, SIG_RELEVANT_POSTS, SIG_OFF_TOPIC,
	SIG_OFF_TOPIC_CONVERSES, SIG_FAKE_SIGNS, SIG_ENGAGE_PATTERN,
	SIG_RELEVANT_BROADCASTER, SIG_BOT, SIG_LABELLED_SPAM, NSIGNALS
};

/* The signals' names, as rules: "DEMANDS_FOLLOW_BACK", ... */
extern const char *const signal_names[NSIGNALS];

struct signal_result {
	char held[NSIGNALS];
	char lacking[NSIGNALS];		/* not evaluated: the record lacks what it needs */
	struct buf why[NSIGNALS];	/* what the record showed, or what it lacks */
};

struct signals;

struct signals *signals_new(void);
void signals_free(struct signals *s);
/* Today, for every age (the audit's --now). */
void signals_set_now(struct signals *s, time_t now);
/* The client's interests, comma-separated; matched on normalised text. */
void signals_add_interests(struct signals *s, const char *list);
/* The client: an id or an @name; replies to it and mentions of it count. */
void signals_add_client(struct signals *s, const char *id_or_name);
/*
 * Only the signals marked in want (NSIGNALS flags, kept by the caller) get
 * their why written: formatting it costs more than finding the signal.
 */
void signals_want_why(struct signals *s, const char *want);
/*
 * Reads what rec shows into r. Returns 0, or -1 after rejecting the record
 * on st (a post instead of a user, a field of the wrong type).
 */
int signals_read(struct signals *s, struct stream *st, const struct record *rec,
    struct signal_result *r);
void signal_result_free(struct signal_result *r);

#endif
