/*
 * fetch.h: what the fetchers share: their common options, a run (the API
 * client, the output and its checkpoint, what the run costs), paging
 * through a list endpoint by the network's adapter (network.h), and, for
 * X, turning @name into an id.
 */
#ifndef FB_FETCH_H
#define FB_FETCH_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "buf.h"
#include "cli.h"
#include "sink.h"
#include "xapi.h"

/* The fields the fb-* filters read, in the names of the API's description. */
#define USER_FIELDS "created_at,description,entities,location,name,profile_image_url," \
	"protected,public_metrics,url,username,verified,verified_type"
#define POST_FIELDS "conversation_id,created_at,entities,lang,public_metrics"
#define USER_EXPANSIONS "most_recent_post_id,pinned_post_id"

/* UNIT_OWNED: a user or post of the signed-in app owner's own lists (X's "owned reads"). */
enum fetch_unit { UNIT_USER, UNIT_POST, UNIT_OWNED };

/* --auth: which token a run uses. */
enum fetch_auth { AUTH_AUTO, AUTH_APP, AUTH_USER };

struct fetch_opts {
	struct xapi_opts api;
	const char *output;
	const char *resume;
	int append;		/* -o to a file that is not empty, without --resume */
	const char *rejects;
	int estimate;
	double budget;		/* < 0: none */
	double price[3];	/* USD, by fetch_unit */
	int progress;		/* -1: when stderr is a terminal */
	enum fetch_auth auth;
	int owned;		/* the run reads the signed-in owner's own lists */
	const char *ownable;	/* not signed in: the account whose lists could be owned */
};

enum {
	FO_API = 0x1000, FO_TOKEN_FILE, FO_RECORD, FO_REPLAY, FO_RESUME, FO_ESTIMATE,
	FO_BUDGET, FO_PRICE_USER, FO_PRICE_POST, FO_RETRIES, FO_TIMEOUT, FO_MAX_BODY,
	FO_REJECTS, FO_PROGRESS, FO_QUIET, FO_HELP, FO_VERSION, FO_APPEND, FO_AUTH,
	FO_PRICE_OWNED
};

/* The options of every network's fetchers; a paid one adds FETCH_PAID_LONG_OPTIONS. */
#define FETCH_FREE_LONG_OPTIONS \
	{"output", required_argument, NULL, 'o'}, \
	{"append", no_argument, NULL, FO_APPEND}, \
	{"api", required_argument, NULL, FO_API}, \
	{"record", required_argument, NULL, FO_RECORD}, \
	{"replay", required_argument, NULL, FO_REPLAY}, \
	{"resume", required_argument, NULL, FO_RESUME}, \
	{"estimate", no_argument, NULL, FO_ESTIMATE}, \
	{"retries", required_argument, NULL, FO_RETRIES}, \
	{"timeout", required_argument, NULL, FO_TIMEOUT}, \
	{"max-body", required_argument, NULL, FO_MAX_BODY}, \
	{"rejects", required_argument, NULL, FO_REJECTS}, \
	{"progress", no_argument, NULL, FO_PROGRESS}, \
	{"quiet", no_argument, NULL, FO_QUIET}, \
	{"help", no_argument, NULL, 'h'}, \
	{"version", no_argument, NULL, FO_VERSION}

#define FETCH_PAID_LONG_OPTIONS \
	{"token-file", required_argument, NULL, FO_TOKEN_FILE}, \
	{"budget", required_argument, NULL, FO_BUDGET}, \
	{"price-user", required_argument, NULL, FO_PRICE_USER}, \
	{"price-post", required_argument, NULL, FO_PRICE_POST}, \
	{"price-owned", required_argument, NULL, FO_PRICE_OWNED}, \
	{"auth", required_argument, NULL, FO_AUTH}

#define FETCH_LONG_OPTIONS FETCH_FREE_LONG_OPTIONS, FETCH_PAID_LONG_OPTIONS

/* The help of the options, in three parts around a network's --api (and token). */
#define FETCH_OUTPUT_HELP \
	"  -o, --output FILE     write the records to FILE; a FILE that is not empty\n" \
	"                        needs --resume (go on) or --append (add to it)\n" \
	"      --append          with -o: add to a FILE that is not empty\n"
#define FETCH_RECORD_HELP \
	"      --record DIR      keep every raw page with its request in DIR\n" \
	"      --replay DIR      answer every request from the recording in DIR (no\n" \
	"                        network, no token, no cost)\n" \
	"      --resume STATE    checkpoint to STATE after each page; go on from it\n" \
	"      --estimate        print the requests, wall time and price; fetch nothing\n"
#define FETCH_RUN_HELP \
	"      --retries N       retries of a failed request (default 5)\n" \
	"      --timeout SEC     a transfer idle for SEC seconds has stalled (default 30)\n" \
	"      --max-body SIZE   the largest answer accepted (default 64M)\n" \
	"      --rejects FILE    keep the input that could not be fetched in FILE\n" \
	"      --progress        show progress on stderr even when it is not a terminal\n" \
	"      --quiet           show no progress\n" \
	"  -h, --help            show this help\n" \
	"      --version         show the version\n"

#define FETCH_OPTIONS_HELP \
	FETCH_OUTPUT_HELP \
	"      --api URL         API base URL (default $TW_API_BASE, else\n" \
	"                        https://api.x.com)\n" \
	"      --token-file FILE the bearer token, in a file only its owner can read\n" \
	"                        (default $TW_BEARER_TOKEN, else\n" \
	"                        ~/.config/followback/token)\n" \
	FETCH_RECORD_HELP \
	"      --budget USD      stop before the run would cost more than USD\n" \
	"      --price-user USD  price of one user read (default 0.010)\n" \
	"      --price-post USD  price of one post read (default 0.005)\n" \
	"      --price-owned USD price of one owned read (your own followers,\n" \
	"                        following, mentions or posts; default 0.001)\n" \
	"      --auth app|user   the app's Bearer token, or the user token of tw-auth\n" \
	"                        (default: the user token for your own account)\n" \
	FETCH_RUN_HELP

/* X's defaults; fetch_opts_network then makes them another network's. */
void fetch_opts_init(struct fetch_opts *o);
void fetch_opts_network(struct fetch_opts *o, const struct network *net);
/* Handles one of the common options (0 when c is none of them). */
int fetch_option(struct fetch_opts *o, const struct cli_doc *doc, int c, const char *arg);

/*
 * With a hook, fetch_pages hands each record of a page to add and calls
 * end before the page's checkpoint: end writes them (fetch_emit), made
 * whole (Bluesky's list items get their counts so).
 */
struct fetch_hook {
	void (*add)(void *arg, const char *rec, size_t len);
	void (*end)(void *arg);
	void *arg;
};

struct fetch {
	struct fetch_opts o;
	const struct fetch_hook *hook;	/* NULL: records are written as they come */
	int drop_reposts;	/* a network that cannot leave them out sends them */
	struct xapi *api;
	struct sink *sink;
	struct progress p;
	int failed;		/* exit status 1 at the end */
	int show;		/* progress on stderr */
	int quiet;		/* --quiet: not even the closing summary */
	struct progress before;	/* what earlier runs of the checkpoint did */
};

/*
 * Starts a run of job (what the checkpoint is for, e.g. "followers 12").
 * With --estimate only the client is opened: no output, no checkpoint.
 */
struct fetch *fetch_begin(const struct fetch_opts *o, const char *job);
/* Ends the run: marks the checkpoint complete; returns the exit status. */
int fetch_end(struct fetch *f);

/* Writes the page so far and the checkpoint; shows progress. */
void fetch_commit(struct fetch *f);
/* Adds one record to the page being written. */
void fetch_emit(struct fetch *f, const char *rec, size_t len);

/* How many of want units the budget still allows. */
unsigned long fetch_afford(const struct fetch *f, enum fetch_unit u, unsigned long want);
/*
 * Before a request for up to n units: what it may cost is counted, and in
 * the checkpoint, before the server can bill it.
 */
void fetch_reserve(struct fetch *f, enum fetch_unit u, unsigned long n);
/* After the answer: what it cost in place of what was reserved. */
void fetch_settle(struct fetch *f, enum fetch_unit u, unsigned long reserved,
    unsigned long used);
/* The budget allows less than min more units: says so, checkpoints and exits 1. */
_Noreturn void fetch_budget_stop(struct fetch *f, enum fetch_unit u, unsigned long min);

/*
 * "prog: what" about one input item, kept verbatim with --rejects (unless
 * item is NULL: fetch_keep keeps it later); the run fails.
 */
void fetch_reject(struct fetch *f, const char *item, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Appends item and a newline to the rejects file, if there is one. */
void fetch_keep(struct fetch *f, const char *item, size_t len);

/*
 * The checkpoint holds a digest of the input items done (pos of them), so
 * that a rerun with other input is refused instead of skipping what it
 * takes for done.
 */
unsigned long long fetch_digest(const char *p, size_t n);
/* One more input item done (its digest): the next checkpoint covers it. */
void fetch_consumed(struct fetch *f, unsigned long long digest);
/* The items a rerun skips, as done before the checkpoint. */
struct input_check {
	unsigned long n;
	unsigned long long digest;
	int checked;
};
void fetch_skipped(struct input_check *c, unsigned long long digest);
/*
 * Once the skipped items are behind (or the input ended): exits 2 unless
 * they are the items the checkpoint was written for.
 */
void fetch_check_input(struct fetch *f, struct input_check *c);

/* What a page holds besides its records. */
struct page_info {
	size_t ndata;		/* elements of data */
	int has_data;
	char *next;		/* the next page's cursor, to free */
	char *problem;		/* a part of the page is not what the network sends */
	const char *errors;	/* its errors[], in the answer's body, or NULL */
	size_t errorslen;
	char *gone;		/* the account cannot be read (an ANSWER_TAKE): why, to free */
};

/*
 * Reads c's answer as X's page (network_x's page_read); exits 1 when it
 * cannot be read, or its data is not a list.
 */
void page_info(const struct xapi_call *c, struct page_info *pi);
/*
 * Calls fn with each entry of the page's errors[]: the value it is about
 * (resource_id or value, or ""), and a one-line description.
 */
void fetch_errors(const struct page_info *pi,
    void (*fn)(void *arg, const char *value, const char *what), void *arg);
/* Reports an element of a page's data that is not an object; the run fails. */
void fetch_not_an_object(struct fetch *f, const char *what, const char *json, size_t len);
/* Reports a page's partial errors on stderr: they do not stop the run. */
void fetch_warn_errors(const struct page_info *pi);
/* Exits 1 with pi's problem, if it has one, once the page's records are written. */
void fetch_page_failed(struct fetch *f, struct page_info *pi);

/* Whether s is a user id (digits) or a @name / name as X allows them. */
int is_user_id(const char *s);
int is_username(const char *s);
/* The one account argument left after the options (argv[optind]), or a usage error. */
const char *fetch_account(const struct cli_doc *doc, int argc, char **argv);

/* An RFC 3339 time for start_time/end_time from one, or from a date; NULL when neither. */
const char *fetch_time(const char *arg, char out[32]);
/* The instant of a time fetch_time returned, in seconds since the epoch. */
time_t fetch_time_value(const char *t);

/*
 * The user record of @name or id (one paid user read), with its posts
 * attached, in rec, and its id in id; exits 1 when there is no such user.
 */
void fetch_user(struct fetch *f, const char *arg, struct buf *rec, struct buf *id);

/* The id of @name or id: looked up once per run, resumed runs included. */
void fetch_account_id(struct fetch *f, const char *arg, struct buf *id);

/*
 * Pages through path?query (the network's page_request adds the page size
 * and the cursor) from the checkpoint on, writing every record of the
 * network's flatten and a checkpoint after each page; ends after limit
 * records (0: all). Page sizes are page_max, less near the limit or the
 * budget, never below page_min.
 */
void fetch_pages(struct fetch *f, const char *path, const char *query,
    unsigned page_min, unsigned page_max, enum fetch_unit u, unsigned long limit);

/*
 * --new-since: X lists followers newest first, so the new ones come before
 * the ones an earlier snapshot knows. Pages start at NEW_SINCE_PAGE users
 * and double up to 1000; the listing stops after the page in which
 * NEW_SINCE_RUN known ids came in a row, counted across pages.
 */
#define NEW_SINCE_PAGE 20
#define NEW_SINCE_RUN 20

struct fetch_known {
	/* Whether the snapshot holds the account (id or username; "" when absent). */
	int (*has)(void *arg, const char *id, const char *username);
	void *arg;
	int ran_into;		/* the run of known ids was reached */
	int ended;		/* the list came to its end */
};

/*
 * fetch_pages over a list of users newest first, writing only the users
 * known does not hold, in growing pages, until the run of known ids; the
 * run is checkpointed (progress.pos) with the page.
 */
void fetch_new_pages(struct fetch *f, const char *path, const char *query,
    struct fetch_known *known, unsigned long limit);
/* The users billed (and the requests) to list the first n of count in growing pages. */
unsigned long fetch_new_cost(unsigned long n, unsigned long count, unsigned long *requests);

/* What a --new-since run is about: the list and what its counts are called. */
struct new_since {
	const char *snapshot;	/* FILE */
	unsigned long known;	/* accounts in FILE */
	const char *account;	/* @name or id */
	int following;		/* the accounts followed, not the followers */
	unsigned long count;	/* followers_count (following_count) now */
};

/*
 * On stderr: how many are new, and how many left by the account's count:
 * FILE + new - count, when the run listed every new one and the numbers
 * add up; else why that cannot be told.
 */
void fetch_new_report(const struct fetch *f, const struct fetch_known *k,
    const struct new_since *ns, unsigned long limit);
/* --estimate --new-since: the worst case (the whole list), and the likely one. */
void fetch_new_estimate(const struct fetch *f, const struct new_since *ns);

/* The requests, wall time and price of a run, on stdout (--estimate). */
void fetch_estimate(const struct fetch *f, const char *what, unsigned long requests,
    unsigned long per_window, enum fetch_unit u, unsigned long units, int at_most,
    unsigned long lookups);
/* public_metrics.key of a user record (0 when absent). */
unsigned long fetch_count(const char *user, size_t len, const char *key);

#endif
