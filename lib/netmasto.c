/*
 * netmasto.c: Mastodon's adapter (network.h): any instance, public data
 * without a token (a user token for one's own notifications), the
 * X-RateLimit-* headers with the reset as an ISO 8601 date, errors as
 * {"error", "error_description"}, pages of limit paged by the Link
 * header, mastorec.c's records.
 */
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "json.h"
#include "masto.h"
#include "mastopage.h"
#include "netmasto.h"
#include "network.h"
#include "quote.h"
#include "util.h"
#include "xapi.h"

/* What the run's pages hold, and the instance their records name. */
static enum mastopage_kind page_kind = MASTOPAGE_ACCOUNTS;
static const char *page_instance;

void
netmasto_pages(enum mastopage_kind kind, const char *instance)
{
	page_kind = kind;
	page_instance = instance;
}

/* The instance's message of an error answer, as a terminal shows text. */
static void
masto_error(const struct xapi_call *c, struct buf *msg)
{
	struct buf raw = {0};

	if (mastopage_error(c->body.p ? c->body.p : "", c->body.len, &raw))
		quote_visible(msg, raw.p, raw.len);
	else
		buf_adds(msg, "no details");
	buf_free(&raw);
}

static enum verdict
masto_classify(const struct xapi_call *c, struct buf *why)
{
	struct buf msg = {0};
	enum verdict v = network_classify_common(c, why);

	if (v != ANSWER_STOP)
		return v;
	masto_error(c, &msg);
	/* No such account, or no more: the caller says which. */
	if (c->status == 404 || c->status == 410)
		v = ANSWER_TAKE;
	else if (c->status == 401)
		buf_printf(why, "the instance refused the token, or wants one (401: %s): a user token "
		    "of the instance, from its web site (man masto-mentions says how), in MASTO_TOKEN "
		    "or a --token-file", msg.p);
	else
		buf_printf(why, "the instance answered GET %s with %ld: %s", c->request, c->status,
		    msg.p);
	buf_free(&msg);
	return v;
}

/* A page of n after cursor (the next page's request, from the Link header), its limit replaced. */
static void
masto_page_request(struct buf *req, const char *path, const char *query, unsigned long n,
    const char *cursor)
{
	const char *q, *p;
	int any = 0;

	if (cursor == NULL) {
		buf_printf(req, "%s?%s%slimit=%lu", path, query, *query ? "&" : "", n);
		return;
	}
	q = strchr(cursor, '?');
	buf_add(req, cursor, q ? (size_t)(q - cursor) : strlen(cursor));
	for (p = q; p && *p; ) {
		const char *param = p + 1, *end = strchr(param, '&');
		size_t len = end ? (size_t)(end - param) : strlen(param);

		if (len > 0 && strncmp(param, "limit=", 6) != 0) {
			buf_addc(req, any++ ? '&' : '?');
			buf_add(req, param, len);
		}
		p = end;
	}
	buf_printf(req, "%climit=%lu", any ? '&' : '?', n);
}

static void
masto_page_read(const struct xapi_call *c, struct page_info *pi)
{
	struct json_scan s = {0};
	struct json_iter it;
	struct buf path = {0}, next = {0}, b = {0};
	const char *el;
	size_t elen;
	enum json_kind kind;
	int rc;

	memset(pi, 0, sizeof *pi);
	if (c->status != 200) {	/* an ANSWER_TAKE: the account is not there */
		struct buf msg = {0};

		masto_error(c, &msg);
		buf_printf(&b, "GET %s: not found (%ld: %s)", c->request, c->status, msg.p);
		pi->gone = b.p;
		buf_free(&msg);
		return;
	}
	if (json_scan(&s, c->body.p, c->body.len, 0, 1) != JSON_OK || c->body.p[0] != '[')
		die(EXIT_FAIL, "GET %s: the answer is not a list", c->request);
	json_scan_free(&s);
	pi->has_data = 1;
	json_iter_init(&it, c->body.p, c->body.len);
	while (json_iter_element(&it, &el, &elen, &kind))
		pi->ndata++;
	buf_add(&path, c->request, strcspn(c->request, "?"));
	rc = c->page_header ? masto_next(c->page_header, strlen(c->page_header), path.p, &next) : 0;
	/* Mastodon links a next page after a full one; an empty page ends the list too. */
	if (rc > 0 && pi->ndata > 0) {
		pi->next = next.p;
		next.p = NULL;
	} else if (rc < 0) {
		buf_printf(&b, "GET %s: the Link header's next page is not the list asked for: %.200s",
		    c->request, c->page_header);
		pi->problem = b.p;
	}
	buf_free(&path);
	buf_free(&next);
}

/* The core's emit and reject, behind mastopage's. */
struct flatten_ctx {
	void (*emit)(void *arg, const char *json, size_t len);
	void (*reject)(void *arg, const char *json, size_t len);
	void *arg;
};

static void
emit_record(void *arg, const char *rec, size_t len)
{
	struct flatten_ctx *x = arg;

	x->emit(x->arg, rec, len);
}

static void
reject_element(void *arg, const char *el, size_t len, const char *why)
{
	struct flatten_ctx *x = arg;

	(void)why;	/* the core says what the element is not */
	x->reject(x->arg, el, len);
}

static int
masto_flatten(const char *json, size_t len, void (*emit)(void *arg, const char *json, size_t len),
    void (*reject)(void *arg, const char *json, size_t len), void *arg, struct buf *err)
{
	struct flatten_ctx x = {emit, reject, arg};
	struct mastopage_out out = {emit_record, reject_element, &x};

	return mastopage_records(json, len, page_kind, page_instance, &out, err) < 0 ? -1 : 0;
}

#define MASTO_NETWORK \
	.name = "Mastodon", \
	.base_env = "MASTO_API_BASE", \
	.rl_limit = "x-ratelimit-limit", \
	.rl_remaining = "x-ratelimit-remaining", \
	.rl_reset = "x-ratelimit-reset", \
	.reset_is_date = 1, \
	.window = 900, \
	.page_header = "link", \
	.lists = 1, \
	.classify = masto_classify, \
	.page_request = masto_page_request, \
	.page_read = masto_page_read, \
	.flatten = masto_flatten

/* Lists, profiles and public posts: no token is sent. */
const struct network network_masto = { MASTO_NETWORK };

/* With the user's token: their notifications, or an instance that serves nothing without. */
const struct network network_masto_user = {
	MASTO_NETWORK,
	.token_env = "MASTO_TOKEN",
	.token_file = "mastodon-token",
	.token_help = "no token: set MASTO_TOKEN, give --token-file, or keep it in "
	    "~/.config/followback/mastodon-token (man masto-mentions says how to get one)",
};
