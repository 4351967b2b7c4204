/*
 * network.h: what one network's API does its own way, for the client
 * (xapi.c) and the run (fetch.c) that every fetcher shares.
 *
 * The client queues requests, paces them by the rate-limit headers,
 * retries with backoff, records and replays answers, and sends the
 * credential; the run writes records with a checkpoint after each page,
 * pages through lists and keeps the budget. Neither knows a network: each
 * network is one adapter, a const struct network, that says
 *
 *   where:      base, base_env (default URL, and the variable that
 *               overrides it; --api overrides both); headers sent with
 *               every request;
 *   credential: token_env, token_file, token_help (a bearer token from
 *               the variable or a file only its owner can read, and what
 *               to do without one); token_env NULL: the API is public and
 *               nothing is sent;
 *   limits:     rl_limit, rl_remaining, rl_reset (header names; the reset
 *               in epoch seconds, or a date when reset_is_date), window
 *               (seconds, for --estimate), price (USD per unit, 0 when free);
 *   failures:   classify(): an answer other than 200 is waited for (a rate
 *               limit, until its reset), retried with backoff, ends the
 *               run with a message, or is given to the caller (an answer
 *               about one item, such as an account that is gone);
 *   paging:     page_request() writes the request for n items after a
 *               cursor; page_read() finds a page's items, the next cursor
 *               (in the body, or in the header named page_header, which
 *               the client keeps in the call) and what is wrong with it;
 *   records:    flatten() turns a page's items into records in X's field
 *               names (shared/DESIGN.md), rejecting items that are not;
 *   accounts:   is_account_id(), is_account_name(), profile_url() (what
 *               names an account; the words for what does not), and
 *               lookup_request() for a batch of up to lookup_batch
 *               accounts (lookup.c), ids and names in one batch when
 *               lookup_mixed; timeline_request() for an account's posts
 *               (timeline.c).
 *
 * network_x is X's (netx.c), network_bsky Bluesky's (netbsky.c), network_masto
 * and network_masto_user (with a token) Mastodon's (netmasto.c).
 */
#ifndef FB_NETWORK_H
#define FB_NETWORK_H

#include <stddef.h>

#include "buf.h"

struct xapi_call;
struct page_info;

enum verdict {
	ANSWER_TAKE,		/* the caller reads it (c->status says what it is) */
	ANSWER_WAIT,		/* a rate limit: wait for the reset, else retry */
	ANSWER_RETRY,		/* after a backoff, within --retries */
	ANSWER_STOP		/* the run ends with the message */
};

/* A page's records as compact JSON to emit, its bad items to reject; -1 with err. */
typedef int flatten_fn(const char *json, size_t len,
    void (*emit)(void *arg, const char *json, size_t len),
    void (*reject)(void *arg, const char *json, size_t len), void *arg,
    struct buf *err);

struct network {
	const char *name;		/* in messages: "X", "Bluesky" */
	const char *base;
	const char *base_env;
	const char *const *headers;	/* NULL-terminated, or NULL */
	const char *token_env;		/* NULL: no credential */
	const char *token_file;		/* its default file in ~/.config/followback/ */
	const char *token_help;		/* the message when there is no token */
	const char *rl_limit, *rl_remaining, *rl_reset;
	int reset_is_date;
	double window;
	double price[3];		/* by fetch_unit */
	const char *page_header;	/* kept in xapi_call.page_header; NULL: none */
	int lists;			/* an answer may be a JSON array, not only an object */
	/* Why goes into the message of a retry or a stop. */
	enum verdict (*classify)(const struct xapi_call *c, struct buf *why);
	void (*page_request)(struct buf *req, const char *path, const char *query,
	    unsigned long n, const char *cursor);
	void (*page_read)(const struct xapi_call *c, struct page_info *pi);
	flatten_fn *flatten;
	int (*is_account_id)(const char *s);
	int (*is_account_name)(const char *s);	/* with or without @ */
	/* The name in a profile URL: its offset in *at, its length, or 0. */
	size_t (*profile_url)(const char *s, size_t len, size_t *at);
	const char *not_an_account;	/* "neither a @name nor a user id" */
	const char *not_an_argument;	/* the same, where a profile URL would do */
	const char *not_a_username;	/* "its username is not an X username" */
	const char *not_answered;	/* an account the lookup's answer leaves out */
	size_t lookup_batch;
	int lookup_mixed;
	void (*lookup_request)(struct buf *req, int by_id, const char *const *keys, size_t n);
	/* exclude: "replies", "retweets" or both, comma-separated, or NULL */
	void (*timeline_request)(struct buf *path, struct buf *query, const char *id,
	    const char *exclude);
};

extern const struct network network_x, network_bsky, network_masto, network_masto_user;

/* The 5xx, 408 and 429 answers every network shares; ANSWER_STOP for the rest. */
enum verdict network_classify_common(const struct xapi_call *c, struct buf *why);
/* What an error answer of X's says (its detail, title or first message), as one line. */
void network_x_problem(const struct buf *body, struct buf *out);

#endif
