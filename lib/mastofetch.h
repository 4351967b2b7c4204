/*
 * mastofetch.h: the Mastodon adapter of the fetch core (fetch.h, xapi.h):
 * the instance's headers (X-RateLimit-* with its reset as an ISO date, the
 * Link header it pages by), the options every masto- program takes, and
 * the three things they do: look an account up, page through a list, and
 * attach posts to a user record.
 */
#ifndef FB_MASTOFETCH_H
#define FB_MASTOFETCH_H

#include "fetch.h"
#include "mastopage.h"

extern const struct xapi_network masto_network;

enum { MO_INSTANCE = 0x1100 };

/* The fetch options less the prices (Mastodon is free), and --instance. */
#define MASTO_LONG_OPTIONS \
	{"output", required_argument, NULL, 'o'}, \
	{"append", no_argument, NULL, FO_APPEND}, \
	{"api", required_argument, NULL, FO_API}, \
	{"token-file", required_argument, NULL, FO_TOKEN_FILE}, \
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
	{"instance", required_argument, NULL, MO_INSTANCE}, \
	{"help", no_argument, NULL, 'h'}, \
	{"version", no_argument, NULL, FO_VERSION}

#define MASTO_OPTIONS_HELP \
	"      --instance HOST   the instance of an account written @user\n" \
	"  -o, --output FILE     write the records to FILE; a FILE that is not empty\n" \
	"                        needs --resume (go on) or --append (add to it)\n" \
	"      --append          with -o: add to a FILE that is not empty\n" \
	"      --api URL         the instance's base URL (default $MASTO_API_BASE,\n" \
	"                        else https://HOST)\n" \
	"      --token-file FILE a user token, in a file only its owner can read\n" \
	"                        (default $MASTO_TOKEN; public data needs none)\n" \
	"      --record DIR      keep every raw page with its request in DIR\n" \
	"      --replay DIR      answer every request from the recording in DIR\n" \
	"      --resume STATE    checkpoint to STATE after each page; go on from it\n" \
	"      --estimate        print the requests and wall time ($0); fetch nothing\n" \
	"      --retries N       retries of a failed request (default 5)\n" \
	"      --timeout SEC     a transfer idle for SEC seconds has stalled (default 30)\n" \
	"      --max-body SIZE   the largest answer accepted (default 64M)\n" \
	"      --rejects FILE    keep the input that could not be fetched in FILE\n" \
	"      --progress        show progress on stderr even when it is not a terminal\n" \
	"      --quiet           show no progress\n" \
	"  -h, --help            show this help\n" \
	"      --version         show the version\n"

/* Mastodon allows 300 paging requests in 15 minutes (fetch_estimate's window). */
#define MASTO_PAGES_PER_WINDOW 300

struct masto_opts {
	struct fetch_opts fetch;
	const char *instance;	/* --instance */
};

void masto_opts_init(struct masto_opts *o);
/* Handles one of the common options (0 when c is none of them). */
int masto_option(struct masto_opts *o, const struct cli_doc *doc, int c, const char *arg);

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

/* What to page through, and where the records go. */
struct masto_list {
	const char *path;	/* "/api/v1/accounts/1/followers" */
	const char *query;	/* "" or "a=b&c=d", before limit */
	unsigned page_max;	/* Mastodon's largest page: 80 or 40 */
	enum mastopage_kind kind;
	const char *instance;	/* for fb.source */
	unsigned long limit;	/* records wanted; 0: all */
	/*
	 * NULL: the run's output, with a checkpoint after each page, going on
	 * from the checkpoint's next page. Else each record is given here and
	 * the list starts at its first page.
	 */
	void (*emit)(void *arg, const char *rec, size_t len);
	void *arg;
	long first;		/* out: elements of the first page asked by this call, or -1 */
	unsigned long got;	/* out: records given */
};

/*
 * Pages through l->path by the Link header: 1, or 0 when the instance
 * has no such account (404, 410 to the first request); exits 1 on what
 * cannot be read.
 */
int masto_list(struct fetch *f, struct masto_list *l);

/*
 * Appends rec (a JSON object) with posts (a JSON array) as its "posts":
 * in place of the posts it had, before its "fb", or at its end.
 */
void masto_attach_posts(struct buf *out, const char *rec, size_t len, const char *posts,
    size_t postslen);

/* Whether the compact record rec says "key": true. */
int masto_flag(const char *rec, size_t len, const char *key);

#endif
