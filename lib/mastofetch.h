/*
 * mastofetch.h: what the masto- programs share on top of the fetch core
 * and Mastodon's adapter (netmasto.c): their options, the instance a run
 * asks, and what the core does not do for them: look one account up by
 * address, and read an account's posts to attach to its record.
 */
#ifndef FB_MASTOFETCH_H
#define FB_MASTOFETCH_H

#include "fetch.h"

enum { MO_INSTANCE = 0x1200 };

/* The options of the free fetchers, a token, and --instance. */
#define MASTO_LONG_OPTIONS \
	FETCH_FREE_LONG_OPTIONS, \
	{"token-file", required_argument, NULL, FO_TOKEN_FILE}, \
	{"instance", required_argument, NULL, MO_INSTANCE}

#define MASTO_OPTIONS_HELP \
	"      --instance HOST   the instance of an account written @user\n" \
	FETCH_OUTPUT_HELP \
	"      --api URL         the instance's base URL (default $MASTO_API_BASE,\n" \
	"                        else https://HOST)\n" \
	"      --token-file FILE a user token, in a file only its owner can read\n" \
	"                        (default $MASTO_TOKEN; public data needs none)\n" \
	FETCH_RECORD_HELP \
	FETCH_RUN_HELP

/* Mastodon allows 300 paging requests in 15 minutes (fetch_estimate's window). */
#define MASTO_PAGES_PER_WINDOW 300

struct masto_opts {
	struct fetch_opts fetch;
	const char *instance;	/* --instance */
};

/* Mastodon's defaults: public data, no token. */
void masto_opts_init(struct masto_opts *o);
/* Handles one of the common options (0 when c is none of them). */
int masto_option(struct masto_opts *o, const struct cli_doc *doc, int c, const char *arg);
/* A token given (--token-file, $MASTO_TOKEN) is sent, and then needed. */
void masto_token(struct masto_opts *o);

/* The base URL: --api, else $MASTO_API_BASE, else https://host (host NULL: none yet). */
void masto_base(struct fetch_opts *o, const char *host);
/* The run's instance is host: opens the client, with masto_base, if it has none yet. */
void masto_use_instance(struct fetch *f, const char *host);

/*
 * The user record of user on the run's instance into rec (with fb.source
 * naming host), its id into id: 1, or 0 when the instance has no such
 * account (404, 410). Exits on other failures.
 */
int masto_lookup(struct fetch *f, const char *user, const char *host, struct buf *rec,
    struct buf *id);

/*
 * The first count posts of the account id (its path and query, without
 * limit) on the run's instance, as a JSON array into posts, paging by the
 * Link header: 1, or 0 when the instance has no such account. No
 * checkpoint: the caller's record is its unit.
 */
int masto_posts(struct fetch *f, const char *path, const char *query, unsigned long count,
    struct buf *posts);

/*
 * Appends rec (a JSON object) with posts (a JSON array) as its "posts":
 * in place of the posts it had, before its "fb", or at its end.
 */
void masto_attach_posts(struct buf *out, const char *rec, size_t len, const char *posts,
    size_t postslen);

/* Whether the compact record rec says "key": true. */
int masto_flag(const char *rec, size_t len, const char *key);

#endif
