/*
 * mastorec.h: Mastodon's Account and Status objects as the toolkit's user
 * and post records, in X's field names (shared/DESIGN.md).
 *
 * A user: id, username (the acct, with the instance added to a local
 * one, so that one name means one person across instances), name,
 * description (the bio as plain text), created_at, public_metrics, url
 * (the profile's first link field, a verified one first), protected
 * (locked), profile_image_url; then what X lacks: bot, group,
 * last_status_at, fields (their values as plain text), and the flags of a
 * suspended, limited or memorial account. A post: id, text (a content
 * warning, a blank line, the content), created_at, lang, author_id,
 * in_reply_to_user_id, referenced_tweets (replied_to, quoted, retweeted:
 * a boost's text is "RT @acct: " and the boosted text, as on X),
 * public_metrics, possibly_sensitive, entities, visibility. Ids stay the
 * instance's own; fb.source says {"network":"mastodon","instance":HOST}.
 */
#ifndef FB_MASTOREC_H
#define FB_MASTOREC_H

#include <stddef.h>

#include "buf.h"

#define MASTOREC_SOURCE 1	/* add fb.source */
#define MASTOREC_AUTHOR 2	/* a post: its account as "author" */

/* Appends the user record of an Account; -1 with a message in err when it is none. */
int mastorec_user(struct buf *out, const char *json, size_t len, const char *instance,
    unsigned flags, struct buf *err);
/* Appends the post record of a Status; -1 with a message in err when it is none. */
int mastorec_post(struct buf *out, const char *json, size_t len, const char *instance,
    unsigned flags, struct buf *err);
/* Appends fb.source's value. */
void mastorec_source(struct buf *out, const char *instance);

#endif
