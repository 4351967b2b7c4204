#include <stdlib.h>
#include <string.h>

#include "bsky.h"
#include "bskyrec.h"
#include "util.h"
#include "xapi.h"

struct held {
	char *json;
	size_t len;
	char *id;
};

struct counts {
	struct fetch_hook hook;
	struct fetch *f;
	struct held v[BSKY_PROFILES];
	size_t n;
	struct buf id;
};

/* The detailed record of the batch's answer for id, if it came. */
struct answer {
	struct counts *c;
	char *rec[BSKY_PROFILES];
	size_t len[BSKY_PROFILES];
};

static void
take_profile(void *arg, const char *json, size_t len)
{
	struct answer *a = arg;
	size_t i;

	bskyrec_string(json, len, "id", &a->c->id);
	for (i = 0; i < a->c->n; i++)
		if (a->rec[i] == NULL && a->c->id.len && strcmp(a->c->v[i].id, a->c->id.p) == 0) {
			a->rec[i] = xstrndup(json, len);
			a->len[i] = len;
		}
}

static void
not_a_profile(void *arg, const char *json, size_t len)
{
	fetch_not_an_object(((struct answer *)arg)->c->f, "a profile", json, len);
}

/* One getProfiles request for what is held; writes each record, with counts when they came. */
static void
complete(struct counts *c)
{
	struct answer a = { c, {0}, {0} };
	struct buf req = {0}, err = {0};
	const char *keys[BSKY_PROFILES];
	struct xapi_call *call;
	size_t i, n = 0;

	for (i = 0; i < c->n; i++)
		if (*c->v[i].id)
			keys[n++] = c->v[i].id;
	if (n > 0) {
		network_bsky.lookup_request(&req, 0, keys, n);
		call = xapi_get(c->f->api, req.p);
		c->f->p.requests++;
		if (call->status == 200 &&
		    bskyrec_flatten(call->body.p, call->body.len, take_profile, not_a_profile, &a,
		    &err) < 0)
			die(EXIT_FAIL, "GET %s: %s", call->request, err.p);
		xapi_call_free(call);
	}
	for (i = 0; i < c->n; i++) {
		if (a.rec[i])
			fetch_emit(c->f, a.rec[i], a.len[i]);
		else
			fetch_emit(c->f, c->v[i].json, c->v[i].len);
		free(a.rec[i]);
		free(c->v[i].json);
		free(c->v[i].id);
	}
	c->n = 0;
	buf_free(&req);
	buf_free(&err);
}

static void
add(void *arg, const char *json, size_t len)
{
	struct counts *c = arg;

	if (c->n == BSKY_PROFILES)
		complete(c);
	bskyrec_string(json, len, "id", &c->id);
	c->v[c->n].json = xstrndup(json, len);
	c->v[c->n].len = len;
	c->v[c->n].id = xstrdup(c->id.len ? c->id.p : "");
	c->n++;
}

static void
end(void *arg)
{
	complete(arg);
}

struct fetch_hook *
bsky_counts_new(struct fetch *f)
{
	struct counts *c = xcalloc(1, sizeof *c);

	c->f = f;
	c->hook.add = add;
	c->hook.end = end;
	c->hook.arg = c;
	return &c->hook;
}

void
bsky_counts_free(struct fetch_hook *h)
{
	struct counts *c = h->arg;

	buf_free(&c->id);
	free(c);
}

static void
keep_first(void *arg, const char *json, size_t len)
{
	struct buf *b = arg;

	if (b->len == 0)
		buf_add(b, json, len);
}

static void
no_profile(void *arg, const char *json, size_t len)
{
	(void)arg;
	(void)json;
	(void)len;
}

void
bsky_profile(struct fetch *f, const char *actor, struct buf *rec)
{
	struct buf req = {0}, err = {0};
	struct xapi_call *c;
	struct page_info pi;

	if (f->api == NULL)
		f->api = xapi_open(&f->o.api);
	buf_adds(&req, "/xrpc/app.bsky.actor.getProfile?actor=");
	xapi_escape(&req, actor);
	c = xapi_get(f->api, req.p);
	network_bsky.page_read(c, &pi);
	if (pi.gone)
		die(EXIT_FAIL, "%s", pi.gone);
	buf_reset(rec);
	if (bskyrec_flatten(c->body.p, c->body.len, keep_first, no_profile, rec, &err) < 0 ||
	    rec->len == 0)
		die(EXIT_FAIL, "GET %s: %s", c->request, err.len ? err.p : "no profile in the answer");
	free(pi.next);
	free(pi.problem);
	xapi_call_free(c);
	buf_free(&req);
	buf_free(&err);
}
