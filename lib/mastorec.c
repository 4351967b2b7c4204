#include <string.h>

#include "json.h"
#include "mastorec.h"
#include "mastotext.h"

static void
key(struct buf *out, int *first, const char *name)
{
	if (!*first)
		buf_addc(out, ',');
	*first = 0;
	json_escape(out, name, strlen(name));
	buf_addc(out, ':');
}

/* s as a JSON string, with any bytes that are not UTF-8 as U+FFFD. */
static void
add_string(struct buf *out, const char *s, size_t n)
{
	struct buf raw = {0};

	json_escape(&raw, s, n);
	json_compact(out, raw.p, raw.len);
	buf_free(&raw);
}

static int
member(const struct json_member *obj, const char *name, enum json_kind kind, struct json_member *m)
{
	return json_object_member(obj, name, m) &&
	    (m->kind == kind || (kind == JSON_TRUE && m->kind == JSON_FALSE));
}

/* Copies obj.field as name when it is of kind (JSON_TRUE: a boolean). */
static void
copy(struct buf *out, int *first, const char *name, const struct json_member *obj,
    const char *field, enum json_kind kind)
{
	struct json_member m;

	if (member(obj, field, kind, &m)) {
		key(out, first, name);
		json_compact(out, m.val, m.vallen);
	}
}

/* Copies obj.field as name when it is true. */
static void
copy_flag(struct buf *out, int *first, const char *name, const struct json_member *obj)
{
	struct json_member m;

	if (json_object_member(obj, name, &m) && m.kind == JSON_TRUE) {
		key(out, first, name);
		buf_adds(out, "true");
	}
}

/* Mastodon's counts and their names in X's public_metrics; NULL ends a list. */
static const char *const user_counts[][2] = {
	{"followers_count", "followers_count"}, {"following_count", "following_count"},
	{"statuses_count", "tweet_count"}, {NULL, NULL}
};
static const char *const post_counts[][2] = {
	{"reblogs_count", "retweet_count"}, {"replies_count", "reply_count"},
	{"favourites_count", "like_count"}, {"quotes_count", "quote_count"}, {NULL, NULL}
};

static void
public_metrics(struct buf *out, int *first, const struct json_member *obj,
    const char *const counts[][2])
{
	struct json_member m;
	int n = 0;

	for (; counts[0][0]; counts++)
		if (member(obj, counts[0][0], JSON_NUMBER, &m)) {
			if (!n)
				key(out, first, "public_metrics");
			buf_addc(out, n++ ? ',' : '{');
			json_escape(out, counts[0][1], strlen(counts[0][1]));
			buf_addc(out, ':');
			json_compact(out, m.val, m.vallen);
		}
	if (n)
		buf_addc(out, '}');
}

/* The plain text of an HTML string value, appended to text. */
static void
html_of(struct buf *text, const struct json_member *m, struct buf *links)
{
	struct buf html = {0};

	json_unescape(&html, m->val, m->vallen);
	mastotext(text, html.p ? html.p : "", html.len, links);
	buf_free(&html);
}

/* Whether s is one address and nothing else. */
static int
is_link(const char *s, size_t n)
{
	if (!((n > 8 && strncmp(s, "https://", 8) == 0) || (n > 7 && strncmp(s, "http://", 7) == 0)))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ')
			return 0;
	return 1;
}

/* The fields with plain-text values as "fields", their first link (a verified one first) in url. */
static void
fields(struct buf *out, int *first, const struct json_member *account, struct buf *url)
{
	struct json_member list, name, value, verified;
	struct json_iter it;
	struct buf text = {0};
	const char *el;
	size_t ellen;
	enum json_kind kind;
	int n = 0, url_verified = 0;

	if (!member(account, "fields", JSON_ARRAY, &list))
		return;
	key(out, first, "fields");
	buf_addc(out, '[');
	json_iter_init(&it, list.val, list.vallen);
	while (json_iter_element(&it, &el, &ellen, &kind)) {
		struct json_member f = {NULL, 0, el, ellen, kind};
		int is_verified, ffirst = 1;

		if (kind != JSON_OBJECT)
			continue;
		if (n++)
			buf_addc(out, ',');
		buf_addc(out, '{');
		if (member(&f, "name", JSON_STRING, &name)) {
			key(out, &ffirst, "name");
			json_compact(out, name.val, name.vallen);
		}
		buf_reset(&text);
		if (member(&f, "value", JSON_STRING, &value)) {
			html_of(&text, &value, NULL);
			key(out, &ffirst, "value");
			add_string(out, text.p, text.len);
		}
		is_verified = member(&f, "verified_at", JSON_STRING, &verified);
		if (is_verified) {
			key(out, &ffirst, "verified_at");
			json_compact(out, verified.val, verified.vallen);
		}
		buf_addc(out, '}');
		if (text.len && is_link(text.p, text.len) && (url->len == 0 || (is_verified && !url_verified))) {
			buf_reset(url);
			buf_add(url, text.p, text.len);
			url_verified = is_verified;
		}
	}
	buf_addc(out, ']');
	buf_free(&text);
}

/* The acct, with the instance added to a local account's name. */
static void
username(struct buf *out, const struct json_member *account, const char *instance)
{
	struct json_member m;
	struct buf acct = {0};

	if (!member(account, "acct", JSON_STRING, &m) && !member(account, "username", JSON_STRING, &m))
		return;
	json_unescape(&acct, m.val, m.vallen);
	if (acct.len && !memchr(acct.p, '@', acct.len) && instance && *instance) {
		buf_addc(&acct, '@');
		buf_adds(&acct, instance);
	}
	add_string(out, acct.p ? acct.p : "", acct.len);
	buf_free(&acct);
}

void
mastorec_source(struct buf *out, const char *instance)
{
	buf_adds(out, "{\"network\":\"mastodon\"");
	if (instance && *instance) {
		buf_adds(out, ",\"instance\":");
		add_string(out, instance, strlen(instance));
	}
	buf_addc(out, '}');
}

static void
source(struct buf *out, int *first, const char *instance)
{
	key(out, first, "fb");
	buf_adds(out, "{\"source\":");
	mastorec_source(out, instance);
	buf_addc(out, '}');
}

static int
user(struct buf *out, const struct json_member *account, const char *instance, unsigned flags,
    struct buf *err)
{
	struct json_member m, id;
	struct buf text = {0}, url = {0}, tail = {0};
	int first = 1;

	if (account->kind != JSON_OBJECT || !member(account, "id", JSON_STRING, &id) ||
	    (!member(account, "acct", JSON_STRING, &m) && !member(account, "username", JSON_STRING, &m))) {
		buf_adds(err, account->kind != JSON_OBJECT ? "an account that is not an object" :
		    "an account without a string id and acct");
		return -1;
	}
	buf_addc(out, '{');
	key(out, &first, "id");
	json_compact(out, id.val, id.vallen);
	key(out, &first, "username");
	username(out, account, instance);
	copy(out, &first, "name", account, "display_name", JSON_STRING);
	if (member(account, "note", JSON_STRING, &m)) {
		html_of(&text, &m, NULL);
		key(out, &first, "description");
		add_string(out, text.p ? text.p : "", text.len);
	}
	copy(out, &first, "created_at", account, "created_at", JSON_STRING);
	public_metrics(out, &first, account, user_counts);
	/* The fields come after url in the record but give it: written aside first. */
	{
		int tfirst = 0;

		fields(&tail, &tfirst, account, &url);
	}
	if (url.len) {
		key(out, &first, "url");
		add_string(out, url.p, url.len);
	}
	copy(out, &first, "protected", account, "locked", JSON_TRUE);
	copy(out, &first, "profile_image_url", account, "avatar_static", JSON_STRING);
	copy(out, &first, "bot", account, "bot", JSON_TRUE);
	copy(out, &first, "group", account, "group", JSON_TRUE);
	copy(out, &first, "last_status_at", account, "last_status_at", JSON_STRING);
	if (tail.len) {
		/* tail starts with the ',' of a member that was not first. */
		buf_add(out, first ? tail.p + 1 : tail.p, first ? tail.len - 1 : tail.len);
		first = 0;
	}
	copy_flag(out, &first, "suspended", account);
	copy_flag(out, &first, "limited", account);
	copy_flag(out, &first, "memorial", account);
	copy_flag(out, &first, "hide_collections", account);
	if (json_object_member(account, "moved", &m) && m.kind == JSON_OBJECT &&
	    member(&m, "acct", JSON_STRING, &id)) {
		key(out, &first, "moved_to");
		username(out, &m, instance);
	}
	if (flags & MASTOREC_SOURCE)
		source(out, &first, instance);
	buf_addc(out, '}');
	buf_free(&text);
	buf_free(&url);
	buf_free(&tail);
	return 0;
}

/* entities.mentions, .hashtags and .urls, as far as the status has them. */
static void
entities(struct buf *out, int *first, const struct json_member *status, const struct buf *links,
    const char *instance)
{
	struct json_member list, m;
	struct json_iter it;
	const char *el;
	size_t ellen;
	enum json_kind kind;
	int any = 0, n;

	if (member(status, "mentions", JSON_ARRAY, &list)) {
		json_iter_init(&it, list.val, list.vallen);
		for (n = 0; json_iter_element(&it, &el, &ellen, &kind);) {
			struct json_member one = {NULL, 0, el, ellen, kind};

			if (kind != JSON_OBJECT || !member(&one, "acct", JSON_STRING, &m))
				continue;
			if (!any++) {
				key(out, first, "entities");
				buf_addc(out, '{');
			}
			buf_adds(out, n++ ? ",{\"username\":" : "\"mentions\":[{\"username\":");
			username(out, &one, instance);
			if (member(&one, "id", JSON_STRING, &m)) {
				buf_adds(out, ",\"id\":");
				json_compact(out, m.val, m.vallen);
			}
			buf_addc(out, '}');
		}
		if (n)
			buf_addc(out, ']');
	}
	if (member(status, "tags", JSON_ARRAY, &list)) {
		json_iter_init(&it, list.val, list.vallen);
		for (n = 0; json_iter_element(&it, &el, &ellen, &kind);) {
			struct json_member one = {NULL, 0, el, ellen, kind};

			if (kind != JSON_OBJECT || !member(&one, "name", JSON_STRING, &m))
				continue;
			if (!any++) {
				key(out, first, "entities");
				buf_addc(out, '{');
			} else if (n == 0) {
				buf_addc(out, ',');
			}
			buf_adds(out, n++ ? ",{\"tag\":" : "\"hashtags\":[{\"tag\":");
			json_compact(out, m.val, m.vallen);
			buf_addc(out, '}');
		}
		if (n)
			buf_addc(out, ']');
	}
	for (size_t at = 0, i = 0; at < links->len; at += strlen(links->p + at) + 1, i++) {
		if (!any++) {
			key(out, first, "entities");
			buf_addc(out, '{');
		} else if (i == 0) {
			buf_addc(out, ',');
		}
		buf_adds(out, i ? ",{\"expanded_url\":" : "\"urls\":[{\"expanded_url\":");
		add_string(out, links->p + at, strlen(links->p + at));
		buf_addc(out, '}');
		if (at + strlen(links->p + at) + 1 >= links->len)
			buf_addc(out, ']');
	}
	if (any)
		buf_addc(out, '}');
}

/* text: the content warning, a blank line and the content, as plain text. */
static void
status_text(struct buf *text, const struct json_member *status, struct buf *links)
{
	struct json_member m;

	if (member(status, "spoiler_text", JSON_STRING, &m) && m.vallen > 2) {
		json_unescape(text, m.val, m.vallen);
		buf_adds(text, "\n\n");
	}
	if (member(status, "content", JSON_STRING, &m))
		html_of(text, &m, links);
}

static int
post(struct buf *out, const struct json_member *status, const char *instance, unsigned flags,
    struct buf *err)
{
	struct json_member m, id, account = {0}, reblog, quote, quoted;
	struct buf text = {0}, links = {0};
	const struct json_member *shown = status;
	int first = 1, refs = 0, rc = 0;

	if (status->kind != JSON_OBJECT || !member(status, "id", JSON_STRING, &id)) {
		buf_adds(err, status->kind != JSON_OBJECT ? "a status that is not an object" :
		    "a status without a string id");
		return -1;
	}
	if (json_object_member(status, "reblog", &reblog) && reblog.kind == JSON_OBJECT) {
		struct json_member by, acct;

		shown = &reblog;
		buf_adds(&text, "RT @");
		if (json_object_member(&reblog, "account", &by) && member(&by, "acct", JSON_STRING, &acct))
			json_unescape(&text, acct.val, acct.vallen);
		buf_adds(&text, ": ");
	}
	status_text(&text, shown, &links);
	buf_addc(out, '{');
	key(out, &first, "id");
	json_compact(out, id.val, id.vallen);
	key(out, &first, "text");
	add_string(out, text.p ? text.p : "", text.len);
	copy(out, &first, "created_at", status, "created_at", JSON_STRING);
	copy(out, &first, "lang", shown, "language", JSON_STRING);
	if (json_object_member(status, "account", &account) && account.kind == JSON_OBJECT &&
	    member(&account, "id", JSON_STRING, &m)) {
		key(out, &first, "author_id");
		json_compact(out, m.val, m.vallen);
	}
	copy(out, &first, "in_reply_to_user_id", status, "in_reply_to_account_id", JSON_STRING);
	if (member(status, "in_reply_to_id", JSON_STRING, &m)) {
		key(out, &first, "referenced_tweets");
		buf_adds(out, "[{\"type\":\"replied_to\",\"id\":");
		json_compact(out, m.val, m.vallen);
		buf_addc(out, '}');
		refs = 1;
	}
	if (shown != status && member(&reblog, "id", JSON_STRING, &m)) {
		if (!refs)
			key(out, &first, "referenced_tweets");
		buf_adds(out, refs++ ? ",{\"type\":\"retweeted\",\"id\":" : "[{\"type\":\"retweeted\",\"id\":");
		json_compact(out, m.val, m.vallen);
		buf_addc(out, '}');
	}
	/* A quote (4.4+): {"state", "quoted_status"}, the status only when it may be shown. */
	if (json_object_member(shown, "quote", &quote) && quote.kind == JSON_OBJECT &&
	    json_object_member(&quote, "quoted_status", &quoted) && quoted.kind == JSON_OBJECT &&
	    member(&quoted, "id", JSON_STRING, &m)) {
		if (!refs)
			key(out, &first, "referenced_tweets");
		buf_adds(out, refs++ ? ",{\"type\":\"quoted\",\"id\":" : "[{\"type\":\"quoted\",\"id\":");
		json_compact(out, m.val, m.vallen);
		buf_addc(out, '}');
	}
	if (refs)
		buf_addc(out, ']');
	public_metrics(out, &first, status, post_counts);
	copy(out, &first, "possibly_sensitive", status, "sensitive", JSON_TRUE);
	entities(out, &first, shown, &links, instance);
	copy(out, &first, "visibility", status, "visibility", JSON_STRING);
	if ((flags & MASTOREC_AUTHOR) && account.kind == JSON_OBJECT) {
		key(out, &first, "author");
		rc = user(out, &account, instance, 0, err);
	}
	if (rc == 0 && (flags & MASTOREC_SOURCE))
		source(out, &first, instance);
	buf_addc(out, '}');
	buf_free(&text);
	buf_free(&links);
	return rc;
}

/* The object json is, as a member to read; -1 with err when it is not valid JSON. */
static int
object(const char *json, size_t len, struct json_member *obj, struct buf *err)
{
	struct json_scan s = {0};
	size_t start = 0;

	while (start < len && strchr(" \t\r\n", json[start]))
		start++;
	if (start == len || json_scan(&s, json, len, start, 1) != JSON_OK) {
		buf_adds(err, s.err ? s.err : "no JSON value");
		json_scan_free(&s);
		return -1;
	}
	obj->key = NULL;
	obj->keylen = 0;
	obj->val = json + start;
	obj->vallen = s.end - start;
	obj->kind = json[start] == '{' ? JSON_OBJECT : JSON_NONE;
	json_scan_free(&s);
	return 0;
}

typedef int convert_fn(struct buf *, const struct json_member *, const char *, unsigned,
    struct buf *);

/* Runs fn on the object json is; out as it was when it is none. */
static int
convert(convert_fn *fn, struct buf *out, const char *json, size_t len, const char *instance,
    unsigned flags, struct buf *err)
{
	struct json_member obj;
	size_t at = out->len;

	if (object(json, len, &obj, err) < 0)
		return -1;
	if (fn(out, &obj, instance, flags, err) < 0) {
		out->len = at;
		if (out->p)
			out->p[at] = '\0';
		return -1;
	}
	return 0;
}

int
mastorec_user(struct buf *out, const char *json, size_t len, const char *instance,
    unsigned flags, struct buf *err)
{
	return convert(user, out, json, len, instance, flags, err);
}

int
mastorec_post(struct buf *out, const char *json, size_t len, const char *instance,
    unsigned flags, struct buf *err)
{
	return convert(post, out, json, len, instance, flags, err);
}
