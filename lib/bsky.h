/*
 * bsky.h: what the bsky-* programs share: their options (those of the X
 * fetchers but the token's and the prices': Bluesky's reads are free and
 * public), and the counts that follower lists lack.
 */
#ifndef FB_BSKY_H
#define FB_BSKY_H

#include "fetch.h"

#define BSKY_OPTIONS_HELP \
	FETCH_OUTPUT_HELP \
	"      --api URL         API base URL (default $BSKY_API_BASE, else\n" \
	"                        https://public.api.bsky.app)\n" \
	FETCH_RECORD_HELP \
	FETCH_RUN_HELP

/* Bluesky's public AppView allows 3000 requests in 5 minutes (per address). */
#define BSKY_PER_WINDOW 3000
/* getProfiles takes 25 actors. */
#define BSKY_PROFILES 25

/*
 * The hook (fetch.h) that gives a page of list items (profileView, no
 * counts) their counts: one getProfiles request for 25 of them. An account
 * gone between the two requests keeps the record the list gave.
 */
struct fetch_hook *bsky_counts_new(struct fetch *f);
void bsky_counts_free(struct fetch_hook *h);

/* The user record of one account (getProfile); exits 1 when it is gone. */
void bsky_profile(struct fetch *f, const char *actor, struct buf *rec);

#endif
