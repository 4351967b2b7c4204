#define _GNU_SOURCE	/* memmem */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json.h"
#include "masto.h"
#include "mastofetch.h"
#include "mastorec.h"
#include "util.h"

/* A header's value, from after "name:" to the end of the line. */
static int
header_is(const char *line, size_t len, const char *name, const char **val, size_t *vallen)
{
	size_t n = strlen(name);

	if (len <= n || strncasecmp(line, name, n) != 0)
		return 0;
	*val = line + n;
	*vallen = len - n;
	while (*vallen > 0 && (**val == ' ' || **val == '\t'))
		(*val)++, (*vallen)--;
	while (*vallen > 0 && strchr("\r\n \t", (*val)[*vallen - 1]))
		(*vallen)--;
	return 1;
}

static void
masto_header(struct xapi_call *c, const char *line, size_t len)
{
	const char *v;
	size_t n;
	char num[32];
	double t;

	if (header_is(line, len, "link:", &v, &n)) {
		xapi_keep_link(c, v, n);
	} else if (header_is(line, len, "x-ratelimit-reset:", &v, &n)) {
		/* An ISO 8601 time, not seconds as X and Bluesky give it. */
		if (masto_time(v, n, &t) == 0) {
			c->rl_reset = t;
			c->rl_seen |= 2;
		}
	} else if ((header_is(line, len, "x-ratelimit-limit:", &v, &n) ||
	    header_is(line, len, "x-ratelimit-remaining:", &v, &n)) && n < sizeof num) {
		memcpy(num, v, n);
		num[n] = '\0';
		if (strncasecmp(line, "x-ratelimit-limit:", 18) == 0) {
			c->rl_limit = strtol(num, NULL, 10);
		} else {
			c->rl_remaining = strtol(num, NULL, 10);
			c->rl_seen |= 1;
		}
	}
}

const struct xapi_network masto_network = {
	"MASTO_API_BASE", NULL, "MASTO_TOKEN", 1,
	"a user token of the instance, from its web site: Preferences, Development, "
	"New application (man masto-mentions says how)",
	masto_header, 1, {404, 410},
};

void
masto_opts_init(struct masto_opts *o)
{
	memset(o, 0, sizeof *o);
	fetch_opts_init(&o->fetch);
	o->fetch.api.net = &masto_network;
	o->fetch.price[UNIT_USER] = 0;
	o->fetch.price[UNIT_POST] = 0;
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
	const char *env = getenv(masto_network.base_env);

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

struct list_out {
	struct fetch *f;
	struct masto_list *l;
	const char *request;
};

static void
list_emit(void *arg, const char *rec, size_t len)
{
	struct list_out *o = arg;
	unsigned long have = o->l->emit ? o->l->got : o->f->p.records;

	/* --limit counts the records of the whole run, resumed ones too. */
	if (o->l->limit && have >= o->l->limit)
		return;
	o->l->got++;
	if (o->l->emit)
		o->l->emit(o->l->arg, rec, len);
	else
		fetch_emit(o->f, rec, len);
}

static void
list_reject(void *arg, const char *el, size_t len, const char *why)
{
	struct list_out *o = arg;

	(void)el;
	(void)len;
	fetch_reject(o->f, NULL, 0, "GET %s: %s", o->request, why);
}

/* next (a request of the list) asking for want: its limit replaced. */
static void
with_limit(struct buf *req, const char *next, unsigned long want)
{
	const char *q = strchr(next, '?'), *p;
	int any = 0;

	buf_add(req, next, q ? (size_t)(q - next) : strlen(next));
	for (p = q; p && *p; ) {
		const char *param = p + 1, *end = strchr(param, '&');
		size_t n = end ? (size_t)(end - param) : strlen(param);

		if (n > 0 && strncmp(param, "limit=", 6) != 0) {
			buf_addc(req, any++ ? '&' : '?');
			buf_add(req, param, n);
		}
		p = end;
	}
	buf_printf(req, "%climit=%lu", any ? '&' : '?', want);
}

int
masto_list(struct fetch *f, struct masto_list *l)
{
	struct buf req = {0}, err = {0}, next = {0};
	char *cursor = NULL;
	int own = l->emit == NULL, found = 1;

	l->first = -1;
	l->got = 0;
	/* A checkpoint after the last page: nothing is left to ask. */
	if (own && f->p.requests > 0 && f->p.next == NULL)
		return 1;
	if (own && f->p.next)
		cursor = xstrdup(f->p.next);
	for (;;) {
		unsigned long want = l->page_max;
		struct list_out out = {f, l, NULL};
		struct mastopage_out po = {list_emit, list_reject, &out};
		struct xapi_call *c;
		long n;
		int rc;

		if (l->limit) {
			unsigned long have = own ? f->p.records : l->got;

			if (have >= l->limit)
				break;
			if (l->limit - have < want)
				want = l->limit - have;
		}
		buf_reset(&req);
		if (cursor)
			with_limit(&req, cursor, want);
		else
			buf_printf(&req, "%s?%s%slimit=%lu", l->path, l->query, *l->query ? "&" : "", want);
		out.request = req.p;
		c = xapi_get(f->api, req.p);
		if (c->status != 200 && l->first < 0 && cursor == NULL) {
			/* The account is gone (404, 410): the caller says so. */
			xapi_call_free(c);
			found = 0;
			break;
		}
		if (c->status != 200)
			die(EXIT_FAIL, "GET %s: the instance answered %ld", req.p, c->status);
		buf_reset(&err);
		n = mastopage_records(c->body.p, c->body.len, l->kind, l->instance, &po, &err);
		if (n < 0)
			die(EXIT_FAIL, "GET %s: %s", req.p, err.p);
		if (l->first < 0)
			l->first = n;
		free(cursor);
		cursor = NULL;
		rc = c->link ? masto_next(c->link, strlen(c->link), l->path, &next) : 0;
		if (rc < 0) {
			if (own)
				fetch_commit(f);
			die(EXIT_FAIL, "GET %s: the Link header's next page is not the list asked for: %.200s",
			    req.p, c->link);
		}
		/* Mastodon links a next page only after a full one; an empty page ends the list too. */
		if (rc > 0 && n > 0)
			cursor = xstrdup(next.p);
		f->p.requests++;
		xapi_call_free(c);
		if (own) {
			free(f->p.next);
			f->p.next = cursor ? xstrdup(cursor) : NULL;
			fetch_commit(f);
		}
		if (cursor == NULL)
			break;
	}
	free(cursor);
	buf_free(&req);
	buf_free(&err);
	buf_free(&next);
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
