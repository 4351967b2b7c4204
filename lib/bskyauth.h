/*
 * bskyauth.h: a Bluesky session, for the calls that need a sign-in
 * (bsky-mentions: one's own notifications).
 *
 * The session is created once with the account's app password
 * (com.atproto.server.createSession), kept in a file only its owner can
 * read, and refreshed (refreshSession) when its access token nears its
 * end: Bluesky allows 30 sign-ins in 5 minutes and 300 a day. The
 * password is read only to create a session, from $BSKY_APP_PASSWORD or a
 * file only its owner can read; it is never written anywhere, nor shown.
 */
#ifndef FB_BSKYAUTH_H
#define FB_BSKYAUTH_H

#include "buf.h"

struct bsky_session_opts {
	const char *base;		/* the account's server (its PDS) */
	const char *handle;		/* the account: a handle or a DID */
	const char *password_file;	/* NULL: $BSKY_APP_PASSWORD */
	const char *session_file;	/* NULL: ~/.config/followback/bsky-session */
	double timeout;
};

/*
 * The access token of a live session for the account (to free, after
 * wiping it); exits 1 when the server refuses, 2 when there is no password
 * or a file is not private.
 */
char *bsky_session(const struct bsky_session_opts *o);

#endif
