/*
 * posts.h: a user's recent posts ("posts", as tw-timeline attaches them),
 * read into what each one is (a repost, a reply, a bare link, a question,
 * to the client or not) and counted into what they add up to: the
 * measures of conversation and broadcasting that fb-score's signals use.
 */
#ifndef FB_POSTS_H
#define FB_POSTS_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "client.h"
#include "lexicon.h"
#include "stream.h"
#include "textnorm.h"

struct post {
	struct buf text;	/* original */
	struct buf norm;	/* normalised */
	struct buf said;	/* normalised, without the @names a reply starts with */
	time_t created;
	int has_created, repost, reply, bare_link, original;
	int has_link, question, hashtags, to_client, spam;
	struct buf reply_to;	/* the user replied to */
	struct buf entities;	/* the raw JSON of its "entities", for the client */
	struct buf domains;	/* " a.com b.org " */
};

struct posts {
	struct post *v;		/* the record's posts, in its order */
	size_t n, cap;
	struct client client;
};

/* What the posts add up to, counted once for the rules. */
struct post_counts {
	size_t n, own, reposts, links, with_link, spam, replies, distinct, canned;
	size_t questions, hashtags, original, dated, repeat, same_minute, to_client, pitches;
	size_t combative, promo_replies;
	time_t last;
};

/* The client: an id or an @name; replies to it and mentions of it count. */
void posts_add_client(struct posts *ps, const char *id_or_name);
/*
 * Reads the posts the scanner kept (rec->scan), normalised with norm.
 * Returns 0, or -1 after rejecting the record on st.
 */
int posts_read(struct posts *ps, struct textnorm *norm, struct stream *st,
    const struct record *rec);
/* Counts the posts read last; marks each post's spam (lexicon SPAM). */
void posts_count(struct posts *ps, struct lexicons *lx, struct post_counts *c);
void posts_free(struct posts *ps);

/* Parses "2026-11-20", "2026-11-20T12:00:00Z" or "...000Z"; -1 if not a date. */
int parse_date(const char *s, size_t len, time_t *t);

#endif
