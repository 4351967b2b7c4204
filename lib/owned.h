/*
 * owned.h: which token a fetcher's run uses. X bills an account's own
 * followers, following, mentions and posts as "owned reads" ($0.001 instead
 * of $0.010 a user or $0.005 a post) when the request carries the user
 * token of that account, and it owns the developer app: tw-auth's token.
 */
#ifndef FB_OWNED_H
#define FB_OWNED_H

#include "fetch.h"

/*
 * Chooses the token for a run about account (@name, id or @me; NULL when
 * the run is about other accounts): the user token with --auth user, or
 * when one is stored and account is its user; the Bearer token otherwise.
 * Sets o->api.user, o->owned, and o->ownable when no one is signed in.
 * Returns the account to ask about: the signed-in user's id for their own
 * account (no lookup to pay for). Exits 2 for @me or --auth user without
 * a sign-in.
 */
const char *owned_account(struct fetch_opts *o, const char *account);

#endif
