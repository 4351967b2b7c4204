/*
 * netx.c: X API v2's adapter (network.h): its base and bearer token, its
 * x-rate-limit-* headers, its refusals, pages of max_results after a
 * pagination_token, and apipage.c's records.
 */
#include <stdlib.h>
#include <string.h>

#include <jv.h>

#include "apipage.h"
#include "fetch.h"
#include "httpurl.h"
#include "network.h"
#include "quote.h"
#include "timeline.h"
#include "xapi.h"

/* A string of the server's, with what would act on a terminal shown. */
static void
put_server_text(struct buf *out, jv s)
{
	quote_visible(out, jv_string_value(s), (size_t)jv_string_length_bytes(jv_copy(s)));
}

/* The problem an error answer describes, as one line. */
static void
problem(const struct buf *body, struct buf *out, jv *parsed)
{
	jv v = jv_parse_sized(body->p ? body->p : "", (int)body->len), title, detail, msg;

	*parsed = jv_null();
	if (jv_get_kind(v) != JV_KIND_OBJECT) {
		jv_free(v);
		buf_adds(out, "no details");
		return;
	}
	title = jv_object_get(jv_copy(v), jv_string("title"));
	detail = jv_object_get(jv_copy(v), jv_string("detail"));
	msg = jv_getpath(jv_copy(v), JV_ARRAY(jv_string("errors"), jv_number(0), jv_string("message")));
	if (jv_get_kind(detail) == JV_KIND_STRING) {
		put_server_text(out, detail);
		/* A 400's detail is generic; the message names the parameter. */
		if (jv_get_kind(msg) == JV_KIND_STRING) {
			buf_adds(out, " (");
			put_server_text(out, msg);
			buf_addc(out, ')');
		}
	} else if (jv_get_kind(title) == JV_KIND_STRING)
		put_server_text(out, title);
	else if (jv_get_kind(msg) == JV_KIND_STRING)
		put_server_text(out, msg);
	else
		buf_adds(out, "no details");
	jv_free(title);
	jv_free(detail);
	jv_free(msg);
	*parsed = v;
}

void
network_x_problem(const struct buf *body, struct buf *out)
{
	jv v;

	problem(body, out, &v);
	jv_free(v);
}

static const char *
field(jv v, const char *key, jv *keep)
{
	*keep = jv_get_kind(v) == JV_KIND_OBJECT ? jv_object_get(jv_copy(v), jv_string(key)) : jv_invalid();
	return jv_get_kind(*keep) == JV_KIND_STRING ? jv_string_value(*keep) : NULL;
}

enum cap { NOT_A_CAP, USAGE_CAP, NO_CREDIT };

/* What a 429 says: waiting cures a rate limit, not a usage cap or an empty account. */
static enum cap
cap_of(const struct buf *body)
{
	static const char *const marks[] = { "usage-capped", "UsageCap", "usage cap" };
	size_t i;

	if (body->p == NULL)
		return NOT_A_CAP;
	if (strstr(body->p, "redit"))	/* Credit, credits, CreditsDepleted */
		return NO_CREDIT;
	for (i = 0; i < sizeof marks / sizeof *marks; i++)
		if (strstr(body->p, marks[i]))
			return USAGE_CAP;
	return NOT_A_CAP;
}

/* What the API's refusals mean, and what to do about them. */
static enum verdict
x_classify(const struct xapi_call *c, struct buf *msg)
{
	struct buf what = {0};
	jv v, k1 = jv_invalid(), k2 = jv_invalid();
	const char *a, *b;
	enum verdict verdict = ANSWER_STOP;

	if (c->status == 429 && cap_of(&c->body) == NOT_A_CAP)
		return ANSWER_WAIT;
	if (c->status != 429 && c->status != 401 && c->status != 403)
		if ((verdict = network_classify_common(c, msg)) != ANSWER_STOP)
			return verdict;
	problem(&c->body, &what, &v);
	switch (c->status) {
	case 401:
		buf_printf(msg, "the API refused the token (401: %s): it is wrong, expired or revoked; "
		    "copy the app's Bearer token from the X developer console (https://console.x.com) "
		    "into TW_BEARER_TOKEN or a --token-file", what.p);
		break;
	case 403:
		a = field(v, "reason", &k1);
		b = field(v, "registration_url", &k2);
		buf_printf(msg, "the API refused access to GET %s (403: %s)%s%s%s%s", c->request, what.p,
		    a ? "; reason: " : "", a ? a : "",
		    b ? "; the app must be enrolled: " : "; the app's access level may not include this endpoint",
		    b ? b : "");
		break;
	case 429:
		a = field(v, "period", &k1);
		b = field(v, "scope", &k2);
		if (cap_of(&c->body) == NO_CREDIT)
			buf_printf(msg, "no X API credit left (429: %s); add credit in the developer "
			    "console, then run again (with --resume to go on)", what.p);
		else
			buf_printf(msg, "X API usage cap reached (%s%s%s): %s; the run stops here: run "
			    "again (with --resume to go on) when the cap resets", a ? a : "cap",
			    b ? ", " : "", b ? b : "", what.p);
		break;
	default:
		buf_printf(msg, "the API answered GET %s with %ld: %s", c->request, c->status, what.p);
	}
	jv_free(k1);
	jv_free(k2);
	jv_free(v);
	buf_free(&what);
	return verdict;
}

static void
x_page_request(struct buf *req, const char *path, const char *query, unsigned long n,
    const char *cursor)
{
	buf_printf(req, "%s?max_results=%lu&%s", path, n, query);
	if (cursor) {
		buf_adds(req, "&pagination_token=");
		xapi_escape(req, cursor);
	}
}

static void
x_lookup_request(struct buf *req, int by_id, const char *const *keys, size_t n)
{
	size_t i;

	buf_adds(req, by_id ? "/2/users?ids=" : "/2/users/by?usernames=");
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(req, ',');
		buf_adds(req, keys[i]);
	}
	buf_adds(req, "&user.fields=" USER_FIELDS "&expansions=" USER_EXPANSIONS
	    "&post.fields=" POST_FIELDS);
}

static void
x_timeline_request(struct buf *path, struct buf *query, const char *id, const char *exclude)
{
	buf_printf(path, "/2/users/%s/tweets", id);
	timeline_query(query, exclude, 0);
}

const struct network network_x = {
	.name = "X",
	.base = "https://api.x.com",
	.base_env = "TW_API_BASE",
	.token_env = "TW_BEARER_TOKEN",
	.token_file = "token",
	.token_help = "no token: set TW_BEARER_TOKEN, give --token-file, or keep it in "
	    "~/.config/followback/token (README.md, \"Getting a token\", says how)",
	.rl_limit = "x-rate-limit-limit",
	.rl_remaining = "x-rate-limit-remaining",
	.rl_reset = "x-rate-limit-reset",
	.window = 900,
	.price = { 0.010, 0.005, 0.001 },
	.classify = x_classify,
	.page_request = x_page_request,
	.page_read = page_info,
	.flatten = apipage_flatten,
	.is_account_id = is_user_id,
	.is_account_name = is_username,
	.profile_url = profile_url_name,
	.not_an_account = "neither a @name nor a user id",
	.not_an_argument = "neither a @name, a user id nor a profile URL",
	.not_a_username = "its username is not an X username",
	.not_answered = "not in the API's answer",
	.lookup_batch = 100,
	.lookup_request = x_lookup_request,
	.timeline_request = x_timeline_request,
};
