/*
 * netbsky.c: Bluesky's adapter (network.h): the public AppView, no
 * credential, RateLimit-* headers, XRPC errors ({"error", "message"}),
 * pages of limit after a cursor in the body, bskyrec.c's records.
 */
#include <stdlib.h>
#include <string.h>

#include <jv.h>

#include "bskyrec.h"
#include "fetch.h"
#include "json.h"
#include "network.h"
#include "quote.h"
#include "util.h"
#include "xapi.h"

/* Bluesky's own moderation service: its labels (spam, engagement-farming) come with the views. */
static const char *const bsky_headers[] = {
	"atproto-accept-labelers: did:plc:ar7c4by46qjdydhdevvrndac",
	NULL
};

/* The error's name and message, as one line the terminal shows as text. */
static void
xrpc_error(const struct xapi_call *c, struct buf *name, struct buf *msg)
{
	jv v = jv_parse_sized(c->body.p ? c->body.p : "", (int)c->body.len), e, m;

	e = jv_get_kind(v) == JV_KIND_OBJECT ? jv_object_get(jv_copy(v), jv_string("error")) : jv_invalid();
	m = jv_get_kind(v) == JV_KIND_OBJECT ? jv_object_get(jv_copy(v), jv_string("message")) : jv_invalid();
	if (jv_get_kind(e) == JV_KIND_STRING)
		quote_visible(name, jv_string_value(e), (size_t)jv_string_length_bytes(jv_copy(e)));
	if (jv_get_kind(m) == JV_KIND_STRING)
		quote_visible(msg, jv_string_value(m), (size_t)jv_string_length_bytes(jv_copy(m)));
	else
		buf_adds(msg, "no details");
	jv_free(e);
	jv_free(m);
	jv_free(v);
}

/* Errors about the account asked for, not the request: the caller reports them. */
static int
about_the_account(const char *name, const char *msg)
{
	static const char *const names[] = {
		"AccountTakedown", "AccountDeactivated", "BlockedActor", "BlockedByActor",
		"ActorNotFound",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return strcmp(name, "InvalidRequest") == 0 &&
	    (strstr(msg, "not found") || strstr(msg, "Profile not found"));
}

static enum verdict
bsky_classify(const struct xapi_call *c, struct buf *why)
{
	struct buf name = {0}, msg = {0};
	enum verdict v = network_classify_common(c, why);

	if (v != ANSWER_STOP)
		return v;
	xrpc_error(c, &name, &msg);
	if (c->status == 400 && about_the_account(name.p ? name.p : "", msg.p))
		v = ANSWER_TAKE;
	else if (c->status == 401)
		buf_printf(why, "the API asks for a sign-in to GET %s (401: %s): this request needs "
		    "the account's app password", c->request, msg.p);
	else
		buf_printf(why, "the API answered GET %s with %ld: %s%s%s%s", c->request, c->status,
		    msg.p, name.p ? " (" : "", name.p ? name.p : "", name.p ? ")" : "");
	buf_free(&name);
	buf_free(&msg);
	return v;
}

static void
bsky_page_request(struct buf *req, const char *path, const char *query, unsigned long n,
    const char *cursor)
{
	buf_printf(req, "%s?%s%slimit=%lu", path, query, *query ? "&" : "", n);
	if (cursor) {
		buf_adds(req, "&cursor=");
		xapi_escape(req, cursor);
	}
}

static int
is_list(const struct json_member *m)
{
	static const char *const lists[] = {
		"followers", "follows", "profiles", "feed", "posts", "notifications",
	};
	size_t i;

	for (i = 0; i < sizeof lists / sizeof *lists; i++)
		if (json_key_is(m, lists[i]))
			return 1;
	return 0;
}

static void
bsky_page_read(const struct xapi_call *c, struct page_info *pi)
{
	struct json_scan s = {0};
	size_t i;

	memset(pi, 0, sizeof *pi);
	if (c->status != 200) {	/* an ANSWER_TAKE: the account is gone or blocked */
		struct buf name = {0}, msg = {0}, b = {0};

		xrpc_error(c, &name, &msg);
		buf_printf(&b, "GET %s: %s%s%s%s", c->request, msg.p, name.p ? " (" : "",
		    name.p ? name.p : "", name.p ? ")" : "");
		pi->gone = b.p;
		buf_free(&name);
		buf_free(&msg);
		return;
	}
	s.collect_members = 1;
	if (json_scan(&s, c->body.p, c->body.len, 0, 1) != JSON_OK)
		die(EXIT_FAIL, "GET %s: the answer cannot be read", c->request);
	for (i = 0; i < s.nmembers; i++) {
		const struct json_member *m = &s.members[i];
		struct json_iter it;
		const char *el;
		size_t elen;
		enum json_kind kind;

		if (is_list(m) && m->kind == JSON_ARRAY && !pi->has_data) {
			pi->has_data = 1;
			json_iter_init(&it, m->val, m->vallen);
			while (json_iter_element(&it, &el, &elen, &kind))
				pi->ndata++;
		} else if (is_list(m) && m->kind != JSON_ARRAY) {
			die(EXIT_FAIL, "GET %s: the answer's list is %s %s, not a list", c->request,
			    m->kind == JSON_OBJECT ? "an" : "a", json_kind_name(m->kind));
		} else if (json_key_is(m, "cursor") && m->kind == JSON_STRING && m->vallen > 2) {
			struct buf t = {0};

			json_unescape(&t, m->val, m->vallen);
			free(pi->next);
			pi->next = t.p;
			if (memchr(t.p, '\0', t.len) && pi->problem == NULL) {
				struct buf b = {0};

				buf_printf(&b, "GET %s: the answer's cursor holds a NUL character",
				    c->request);
				pi->problem = b.p;
			}
		} else if (json_key_is(m, "cursor") && m->kind != JSON_STRING && m->kind != JSON_NULL &&
		    pi->problem == NULL) {
			/* Taken for the end of the list, a bad cursor would lose the rest. */
			struct buf b = {0};

			buf_printf(&b, "GET %s: the answer's cursor is %s %s, not a string", c->request,
			    m->kind == JSON_ARRAY || m->kind == JSON_OBJECT ? "an" : "a",
			    json_kind_name(m->kind));
			pi->problem = b.p;
		}
	}
	json_scan_free(&s);
}

static void
bsky_lookup_request(struct buf *req, int by_id, const char *const *keys, size_t n)
{
	size_t i;

	(void)by_id;	/* one endpoint takes handles and DIDs */
	buf_adds(req, "/xrpc/app.bsky.actor.getProfiles?");
	for (i = 0; i < n; i++) {
		buf_adds(req, i ? "&actors=" : "actors=");
		xapi_escape(req, keys[i]);
	}
}

static void
bsky_timeline_request(struct buf *path, struct buf *query, const char *id, const char *exclude)
{
	buf_adds(path, "/xrpc/app.bsky.feed.getAuthorFeed");
	buf_adds(query, "actor=");
	xapi_escape(query, id);
	/* Reposts have no filter: timeline.c leaves them out. */
	buf_adds(query, exclude && strstr(exclude, "replies") ? "&filter=posts_no_replies" :
	    "&filter=posts_with_replies");
}

const struct network network_bsky = {
	.name = "Bluesky",
	.base = "https://public.api.bsky.app",
	.base_env = "BSKY_API_BASE",
	.headers = bsky_headers,
	.rl_limit = "ratelimit-limit",
	.rl_remaining = "ratelimit-remaining",
	.rl_reset = "ratelimit-reset",
	.window = 300,
	.classify = bsky_classify,
	.page_request = bsky_page_request,
	.page_read = bsky_page_read,
	.flatten = bskyrec_flatten,
	.is_account_id = bsky_is_did,
	.is_account_name = bsky_is_handle,
	.profile_url = bsky_profile_url,
	.not_an_account = "neither a handle nor a DID",
	.not_an_argument = "neither a handle, a DID nor a profile URL",
	.not_a_username = "its username is not a Bluesky handle",
	.not_answered = "not found, suspended or deactivated (not in the API's answer)",
	.lookup_batch = 25,
	.lookup_mixed = 1,
	.lookup_request = bsky_lookup_request,
	.timeline_request = bsky_timeline_request,
};
