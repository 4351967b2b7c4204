#define _GNU_SOURCE	/* memmem */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json.h"
#include "masto.h"
#include "mastofetch.h"
#include "mastopage.h"
#include "mastorec.h"
#include "network.h"
#include "util.h"

void
masto_opts_init(struct masto_opts *o)
{
	memset(o, 0, sizeof *o);
	fetch_opts_init(&o->fetch);
	fetch_opts_network(&o->fetch, &network_masto);
}

void
masto_token(struct masto_opts *o)
{
	const char *env = getenv(network_masto_user.token_env);

	if (o->fetch.api.token_file || (env && *env))
		fetch_opts_network(&o->fetch, &network_masto_user);
}

int
masto_option(struct masto_opts *o, const struct cli_doc *doc, int c, const char *arg)
{
	if (c == MO_INSTANCE) {
		if (!masto_host_ok(arg))
			cli_usage(doc, "--instance %s: not a host name", arg);
		o->instance = arg;
		return 1;
	}
	return fetch_option(&o->fetch, doc, c, arg);
}

void
masto_base(struct fetch_opts *o, const char *host)
{
	static struct buf base;	/* the run's, to its end */
	const char *env = getenv(network_masto.base_env);

	if (o->api.base == NULL && env && *env)
		o->api.base = env;
	if (o->api.base == NULL && host) {
		buf_reset(&base);
		buf_printf(&base, "https://%s", host);
		o->api.base = base.p;
	}
}

void
masto_use_instance(struct fetch *f, const char *host)
{
	if (f->api)
		return;
	masto_base(&f->o, host);
	f->api = xapi_open(&f->o.api);
}

int
masto_lookup(struct fetch *f, const char *user, const char *host, struct buf *rec, struct buf *id)
{
	struct buf req = {0}, err = {0};
	struct json_scan s = {0};
	struct xapi_call *c;
	int found;

	masto_use_instance(f, host);
	buf_adds(&req, "/api/v1/accounts/lookup?acct=");
	xapi_escape(&req, user);
	c = xapi_get(f->api, req.p);
	found = c->status == 200;
	buf_reset(rec);
	buf_reset(id);
	if (found && mastorec_user(rec, c->body.p, c->body.len, host, MASTOREC_SOURCE, &err) < 0)
		die(EXIT_FAIL, "GET %s: %s", req.p, err.p);
	if (found) {
		s.collect_members = 1;
		if (json_scan(&s, rec->p, rec->len, 0, 1) == JSON_OK && s.nmembers > 0)
			json_unescape(id, s.members[0].val, s.members[0].vallen);	/* "id" comes first */
		json_scan_free(&s);
	}
	xapi_call_free(c);
	buf_free(&req);
	buf_free(&err);
	return found;
}

int
masto_flag(const char *rec, size_t len, const char *key)
{
	struct buf pat = {0};
	int found;

	/* rec is compact and ours: a key's quotes are never escaped, a string's are. */
	buf_printf(&pat, "\"%s\":true", key);
	found = memmem(rec, len, pat.p, pat.len) != NULL;
	buf_free(&pat);
	return found;
}

static void
add_post(void *arg, const char *rec, size_t len)
{
	struct buf *posts = arg;

	buf_addc(posts, posts->len > 0 ? ',' : '[');
	buf_add(posts, rec, len);
}

static void
bad_post(void *arg, const char *el, size_t len, const char *why)
{
	(void)arg;
	(void)el;
	(void)len;
	warnmsg("a post left out: %s", why);
}

int
masto_posts(struct fetch *f, const char *path, const char *query, unsigned long count,
    struct buf *posts)
{
	const struct network *net = f->o.api.net;
	struct buf req = {0}, err = {0}, got = {0};
	struct mastopage_out out = {add_post, bad_post, &got};
	char *cursor = NULL;
	unsigned long n = 0;
	int found = 1;

	for (;;) {
		struct xapi_call *c;
		struct page_info pi;

		buf_reset(&req);
		net->page_request(&req, path, query, count - n < 40 ? count - n : 40, cursor);
		c = xapi_get(f->api, req.p);
		net->page_read(c, &pi);
		f->p.requests++;
		if (pi.gone) {
			found = 0;
			free(pi.gone);
			xapi_call_free(c);
			break;
		}
		if (pi.problem)
			die(EXIT_FAIL, "%s", pi.problem);
		buf_reset(&err);
		if (mastopage_records(c->body.p, c->body.len, MASTOPAGE_TIMELINE, NULL, &out, &err) < 0)
			die(EXIT_FAIL, "GET %s: %s", req.p, err.p);
		n += pi.ndata;
		free(cursor);
		cursor = pi.next;
		xapi_call_free(c);
		if (cursor == NULL || n >= count)
			break;
	}
	buf_reset(posts);
	buf_add(posts, got.len ? got.p : "[", got.len ? got.len : 1);
	buf_addc(posts, ']');
	free(cursor);
	buf_free(&req);
	buf_free(&err);
	buf_free(&got);
	return found;
}

void
masto_attach_posts(struct buf *out, const char *rec, size_t len, const char *posts, size_t postslen)
{
	struct json_scan s = {0};
	size_t i;
	int first = 1, done = 0;

	s.collect_members = 1;
	if (json_scan(&s, rec, len, 0, 1) != JSON_OK) {
		json_scan_free(&s);
		return;
	}
	buf_addc(out, '{');
	for (i = 0; i < s.nmembers; i++) {
		const struct json_member *m = &s.members[i];
		int is_posts = json_key_is(m, "posts");

		if ((is_posts || json_key_is(m, "fb")) && !done) {
			buf_adds(out, first ? "\"posts\":" : ",\"posts\":");
			buf_add(out, posts, postslen);
			first = 0;
			done = 1;
		}
		if (is_posts)
			continue;
		if (!first)
			buf_addc(out, ',');
		first = 0;
		buf_addc(out, '"');
		buf_add(out, m->key, m->keylen);
		buf_adds(out, "\":");
		json_compact(out, m->val, m->vallen);
	}
	if (!done) {
		buf_adds(out, first ? "\"posts\":" : ",\"posts\":");
		buf_add(out, posts, postslen);
	}
	buf_addc(out, '}');
	json_scan_free(&s);
}
