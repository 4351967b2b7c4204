/*
 * xapi.h: the API client every fetcher shares (X's tw-*, Bluesky's
 * bsky-*); what differs between networks is their adapter (network.h).
 *
 * Requests are queued and run on one libcurl multi handle, several at a
 * time when the caller allows it, paced by the rate-limit headers of each
 * endpoint. What can be waited out is waited out (a rate limit, until its
 * reset) or retried with exponential backoff and jitter (5xx, timeouts,
 * stalled or truncated transfers, broken JSON); what cannot (a bad token,
 * no access, a usage cap or no credit left) ends the program with a
 * message that says what to do. A caller sees 200 answers, and those the
 * network's adapter gives it (ANSWER_TAKE).
 *
 * With a recording directory every answer used is kept with its request;
 * with a replay directory the answers come from such a recording and
 * nothing goes to the network.
 */
#ifndef FB_XAPI_H
#define FB_XAPI_H

#include <stddef.h>

#include "buf.h"
#include "network.h"

struct usertoken;

struct xapi_opts {
	const struct network *net;
	const char *base;	/* NULL: the network's variable, else its default */
	const char *token_file;	/* NULL: the network's variable */
	const char *bearer;	/* a token the program got itself (a session): sent as is */
	const char *record_dir;	/* keep every answer used here */
	const char *replay_dir;	/* answer from this recording */
	unsigned long retries;	/* per request */
	double timeout;		/* seconds a transfer may go without progress */
	size_t max_body;
	unsigned jobs;		/* requests in flight at once */
	int progress;		/* count waits down on stderr */
	int log;		/* else say each wait and retry on stderr, a line each */
	struct usertoken *user;	/* its access token instead of the Bearer token */
};

struct xapi_call {
	char *request;		/* path and query: "/2/users/by?usernames=a,b" */
	const struct network *net;
	struct buf body;	/* the 200 answer */
	void *arg;		/* the caller's */
	struct xapi_call *next;	/* the client's queues */
	void *easy;		/* the transfer, while it runs */
	size_t max_body;
	double stall_after, last_byte;
	double deadline;	/* no answer may take longer than until this */
	unsigned attempts;
	unsigned window_waits;	/* 429s answered by waiting for the window */
	double not_before;	/* a retry waits for its backoff */
	int bucket;
	long status;
	char rl_seen;		/* the answer carried rate-limit headers */
	long rl_remaining;
	long rl_limit;
	double rl_reset;
	double server_date;	/* the answer's Date header, for clock skew */
	char *page_header;	/* the network's page_header, as answered */
};

struct xapi;

/* Exits with status 2 and the reason when the options cannot work. */
struct xapi *xapi_open(const struct xapi_opts *o);
void xapi_close(struct xapi *x);

/* Queues a GET of request (copied); arg comes back with the answer. */
void xapi_queue(struct xapi *x, const char *request, void *arg);
/*
 * Runs the queue until a request has its answer and returns it (the caller
 * frees it with xapi_call_free), or NULL when nothing is queued. Exits with
 * status 1 and a message on what cannot be retried.
 */
struct xapi_call *xapi_next(struct xapi *x);
void xapi_call_free(struct xapi_call *c);
/* One request, run to its answer (with nothing else queued). */
struct xapi_call *xapi_get(struct xapi *x, const char *request);

/*
 * The text of a file that holds a secret (a token, a password): exits 2
 * unless it is a regular file that only its owner can read.
 */
char *xapi_read_secret(const char *file);

/* Appends s percent-encoded for a query value (commas kept, as X lists them). */
void xapi_escape(struct buf *out, const char *s);

#endif
