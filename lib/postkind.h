/*
 * postkind.h: what a post is, and so what a draft may answer in it.
 *
 * A draft that congratulates a giveaway, answers a weather report as if
 * it were a claim, or praises "you opened but nobody replies" is one
 * nobody would send. So each post is read for what it is before a draft
 * rests on it: a question gets a follow-up, advice or an opinion a
 * response, an achievement a compliment, a story a light reaction;
 * ads, giveaways, pitches, scams, small talk, complaints and other
 * people's words get nothing.
 *
 * An achievement is read only from a clause of the person's own ("We
 * just launched ...", "Published: ...", "Our series was shortlisted
 * for ...") whose verb has a real object: two words or more, not a
 * pronoun, an adverb or a score; never from a question, a negative or
 * hypothetical clause, a complaint, or a quote.
 */
#ifndef FB_POSTKIND_H
#define FB_POSTKIND_H

#include <stddef.h>

#include "buf.h"

enum post_kind {
	POST_STORY,	/* what they did or saw: a light reaction at most */
	POST_TIP,	/* advice, a lesson or an opinion: a response */
	POST_QUESTION,	/* a question they ask: a follow-up */
	POST_NEWS,	/* something they achieved: a compliment */
	POST_SMALLTALK,	/* weather, greetings, coffee: nothing to answer */
	POST_DOWN,	/* a complaint or sad news: not the moment */
	POST_OTHERS,	/* someone else's words or news: a quote, a headline, gossip */
	POST_PROMO	/* an ad, a giveaway, a promo code, a pitch or a scam: never */
};

struct post_reading {
	enum post_kind kind;
	size_t quote_at;	/* where the words a draft would quote start */
	/* POST_NEWS read in English: "launched the new menu", said back to them. */
	struct buf achievement;
	/*
	 * Hard news, whatever else the post is: a death, grief, a grave
	 * illness, a stay in hospital, an accident, a theft, a closure, a lost
	 * job. No template is the right word next to it.
	 */
	int hard_news;
};

struct post_reader;

struct post_reader *post_reader_new(void);
void post_reader_free(struct post_reader *r);

/* Reads what a post (plain UTF-8 text, no controls) is. */
void post_read(struct post_reader *r, const char *text, size_t len, struct post_reading *out);

/*
 * What a post to the client (fb-suggest --client) asks the client to
 * answer. Someone who asked the client something, offered or invited,
 * thanked them or told them anything else is owed the client's own reply
 * before any other opener.
 */
enum address_kind {
	ADDRESS_NONE,		/* nothing to answer: banter, a thanks for the follow */
	ADDRESS_QUESTION,	/* a question to the client */
	ADDRESS_OFFER,		/* an offer, an invitation or a request to take part */
	ADDRESS_THANKS,		/* thanks or kind words for the client's work */
	ADDRESS_REMARK,		/* anything else told to the client: advice, news, warm words */
	ADDRESS_PITCH		/* an ad, a pitch or a scam aimed at the client */
};

struct address_reading {
	enum address_kind kind;
	size_t quote_at;	/* where the sentence a draft would quote starts */
	size_t context_at;	/* where the sentence before it starts (quote_at if none) */
	int hard_news;		/* as in a post_reading */
};

/* Reads what a post to the client (plain UTF-8 text, no controls) asks of the client. */
void post_read_address(struct post_reader *r, const char *text, size_t len,
    struct address_reading *out);

/* Whether a profile (plain text) is nobody to write to: a bot, a feed, a giveaway, a scam. */
int post_reader_unwritable(struct post_reader *r, const char *name, const char *bio,
    const char *username);

#endif
