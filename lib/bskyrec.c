#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jv.h>

#include "bskyrec.h"
#include "json.h"
#include "util.h"

#define MAX_HANDLE 253

int
bsky_is_did(const char *s)
{
	size_t n;

	if (strncmp(s, "did:", 4) != 0)
		return 0;
	s += 4;
	n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
	if (n == 0 || s[n] != ':')
		return 0;
	s += n + 1;
	n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:%-");
	/* The key buffers of lookups and timelines hold 255 bytes. */
	return n > 0 && s[n] == '\0' && s[n - 1] != ':' && n < 200;
}

int
bsky_is_handle(const char *s)
{
	size_t total, label = 0, labels = 0;
	const char *p, *last = s;

	if (*s == '@')
		s++;
	total = strlen(s);
	if (total == 0 || total > MAX_HANDLE)
		return 0;
	for (p = s;; p++) {
		if (*p == '.' || *p == '\0') {
			/* 1 to 63 characters, no hyphen at either end */
			if (label == 0 || label > 63 || p[-1] == '-' || *last == '-')
				return 0;
			labels++;
			if (*p == '\0')
				break;
			label = 0;
			last = p + 1;
			continue;
		}
		if (!isalnum((unsigned char)*p) && *p != '-')
			return 0;
		label++;
	}
	/* A domain name: two labels at least, and the last one no number. */
	return labels >= 2 && !isdigit((unsigned char)*last);
}

size_t
bsky_profile_url(const char *s, size_t len, size_t *at)
{
	static const char *const prefixes[] = {
		"https://bsky.app/profile/", "http://bsky.app/profile/", "bsky.app/profile/",
	};
	char name[MAX_HANDLE + 1];
	size_t i, p = 0, n;

	for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		p = strlen(prefixes[i]);
		if (len > p && strncasecmp(s, prefixes[i], p) == 0)
			break;
	}
	if (i == sizeof prefixes / sizeof *prefixes)
		return 0;
	n = strcspn(s + p, "/?#");
	if (p + n > len)
		n = len - p;
	if (n == 0 || n > MAX_HANDLE)
		return 0;
	memcpy(name, s + p, n);
	name[n] = '\0';
	if (!bsky_is_handle(name) && !bsky_is_did(name))
		return 0;
	*at = p;
	return n;
}

const char *
bsky_account(const struct cli_doc *doc, int argc, char **argv)
{
	static char name[MAX_HANDLE + 1];
	const char *a = argv[optind];
	size_t at, n;

	if (argc - optind != 1)
		cli_usage(doc, "expected one account: a handle or a DID");
	if ((n = bsky_profile_url(a, strlen(a), &at)) > 0) {
		snprintf(name, sizeof name, "%.*s", (int)n, a + at);
		return name;
	}
	if (!bsky_is_handle(a) && !bsky_is_did(a))
		cli_usage(doc, "%s: neither a handle, a DID nor a profile URL", a);
	return a + (*a == '@');
}

static jv
member(jv obj, const char *key)
{
	if (jv_get_kind(obj) != JV_KIND_OBJECT)
		return jv_invalid();
	return jv_object_get(jv_copy(obj), jv_string(key));
}

static jv
member2(jv obj, const char *a, const char *b)
{
	jv x = member(obj, a), y = member(x, b);

	jv_free(x);
	return y;
}

/* Copies from[key] into to[as] when it is of kind. */
static jv
copy_if(jv to, jv from, const char *key, const char *as, jv_kind kind)
{
	jv v = member(from, key);

	if (jv_get_kind(v) == kind)
		return jv_object_set(to, jv_string(as), v);
	jv_free(v);
	return to;
}

static jv
source(void)
{
	return JV_OBJECT(jv_string("source"), JV_OBJECT(jv_string("network"), jv_string("bluesky")));
}

/* Whether a label of labels has the value val (and is not negated). */
static int
has_label(jv labels, const char *val)
{
	int i, n, found = 0;

	if (jv_get_kind(labels) != JV_KIND_ARRAY)
		return 0;
	n = jv_array_length(jv_copy(labels));
	for (i = 0; i < n && !found; i++) {
		jv l = jv_array_get(jv_copy(labels), i), v = member(l, "val"), neg = member(l, "neg");

		found = jv_get_kind(v) == JV_KIND_STRING && strcmp(jv_string_value(v), val) == 0 &&
		    jv_get_kind(neg) != JV_KIND_TRUE;
		jv_free(l);
		jv_free(v);
		jv_free(neg);
	}
	return found;
}

/* A profileView, profileViewBasic or profileViewDetailed (p, freed) as a user record. */
static jv
user_record(jv p)
{
	jv r = jv_object(), labels = member(p, "labels"), ver, m = jv_object();
	jv name = member(p, "displayName"), desc = member(p, "description");

	r = copy_if(r, p, "did", "id", JV_KIND_STRING);
	r = copy_if(r, p, "handle", "username", JV_KIND_STRING);
	r = jv_object_set(r, jv_string("name"), jv_get_kind(name) == JV_KIND_STRING ? name :
	    (jv_free(name), jv_string("")));
	r = jv_object_set(r, jv_string("description"), jv_get_kind(desc) == JV_KIND_STRING ? desc :
	    (jv_free(desc), jv_string("")));
	r = copy_if(r, p, "createdAt", "created_at", JV_KIND_STRING);
	r = copy_if(r, p, "avatar", "profile_image_url", JV_KIND_STRING);
	r = copy_if(r, p, "website", "url", JV_KIND_STRING);
	/* Only the detailed view has counts: none is better than a false 0. */
	m = copy_if(m, p, "followersCount", "followers_count", JV_KIND_NUMBER);
	m = copy_if(m, p, "followsCount", "following_count", JV_KIND_NUMBER);
	m = copy_if(m, p, "postsCount", "tweet_count", JV_KIND_NUMBER);
	if (jv_object_length(jv_copy(m)) > 0)
		r = jv_object_set(r, jv_string("public_metrics"), m);
	else
		jv_free(m);
	ver = member2(p, "verification", "verifiedStatus");
	if (jv_get_kind(ver) == JV_KIND_STRING)
		r = jv_object_set(r, jv_string("verified"),
		    jv_bool(strcmp(jv_string_value(ver), "valid") == 0));
	jv_free(ver);
	r = jv_object_set(r, jv_string("protected"), jv_false());
	if (has_label(labels, "bot"))
		r = jv_object_set(r, jv_string("bot"), jv_true());
	if (jv_get_kind(labels) == JV_KIND_ARRAY && jv_array_length(jv_copy(labels)) > 0)
		r = jv_object_set(r, jv_string("labels"), labels);
	else
		jv_free(labels);
	r = copy_if(r, p, "associated", "associated", JV_KIND_OBJECT);
	r = jv_object_set(r, jv_string("fb"), source());
	jv_free(p);
	return r;
}

/* The DID of an at://DID/collection/rkey URI, or invalid. */
static jv
uri_did(jv uri)
{
	const char *s, *e;
	jv did;

	if (jv_get_kind(uri) != JV_KIND_STRING || strncmp(jv_string_value(uri), "at://", 5) != 0) {
		jv_free(uri);
		return jv_invalid();
	}
	s = jv_string_value(uri) + 5;
	e = strchr(s, '/');
	did = jv_string_sized(s, e ? (int)(e - s) : (int)strlen(s));
	jv_free(uri);
	return did;
}

static jv
reference(jv refs, const char *type, jv id)
{
	if (jv_get_kind(id) != JV_KIND_STRING) {
		jv_free(id);
		return refs;
	}
	return jv_array_append(refs, JV_OBJECT(jv_string("type"), jv_string(type), jv_string("id"), id));
}

/* The post a record embed quotes (app.bsky.embed.record or recordWithMedia). */
static jv
quoted_uri(jv embed)
{
	jv rec = member(embed, "record"), inner = member(rec, "record"), uri;

	/* recordWithMedia#view: {record: {record: viewRecord}}; record#view: {record: viewRecord} */
	uri = member(jv_get_kind(inner) == JV_KIND_OBJECT ? inner : rec, "uri");
	jv_free(rec);
	jv_free(inner);
	jv_free(embed);
	return uri;
}

static int is_object_with(jv v, const char *key, jv_kind kind);

/* A postView (p, freed) as a post record; reposted: it came into a feed as a repost. */
static jv
post_record(jv p, int reposted)
{
	jv r = jv_object(), rec = member(p, "record"), text = member(rec, "text");
	jv created = member(rec, "createdAt"), indexed = member(p, "indexedAt");
	jv langs = member(rec, "langs"), reply = member(rec, "reply"), m = jv_object();
	jv refs = jv_array(), author = member(p, "author"), labels = member(p, "labels");
	jv root = member2(reply, "root", "uri"), parent = member2(reply, "parent", "uri");

	r = copy_if(r, p, "uri", "id", JV_KIND_STRING);
	r = jv_object_set(r, jv_string("text"), jv_get_kind(text) == JV_KIND_STRING ? text :
	    (jv_free(text), jv_string("")));
	/* The AppView orders by the earlier of the two: a client may date a post ahead. */
	if (jv_get_kind(created) == JV_KIND_STRING && jv_get_kind(indexed) == JV_KIND_STRING &&
	    strcmp(jv_string_value(indexed), jv_string_value(created)) < 0)
		r = jv_object_set(r, jv_string("created_at"), indexed), indexed = jv_invalid();
	else if (jv_get_kind(created) == JV_KIND_STRING)
		r = jv_object_set(r, jv_string("created_at"), created), created = jv_invalid();
	else if (jv_get_kind(indexed) == JV_KIND_STRING)
		r = jv_object_set(r, jv_string("created_at"), indexed), indexed = jv_invalid();
	if (jv_get_kind(langs) == JV_KIND_ARRAY && jv_array_length(jv_copy(langs)) > 0) {
		jv first = jv_array_get(jv_copy(langs), 0);

		if (jv_get_kind(first) == JV_KIND_STRING)
			r = jv_object_set(r, jv_string("lang"), first);
		else
			jv_free(first);
	}
	r = copy_if(r, author, "did", "author_id", JV_KIND_STRING);
	r = jv_object_set(r, jv_string("conversation_id"), jv_get_kind(root) == JV_KIND_STRING ?
	    jv_copy(root) : member(p, "uri"));
	if (jv_get_kind(parent) == JV_KIND_STRING) {
		jv did = uri_did(jv_copy(parent));

		if (jv_get_kind(did) == JV_KIND_STRING)
			r = jv_object_set(r, jv_string("in_reply_to_user_id"), did);
		else
			jv_free(did);
	}
	refs = reference(refs, "replied_to", jv_copy(parent));
	/* A notification has the post's record, not its view: the record's embed then. */
	refs = reference(refs, "quoted", quoted_uri(is_object_with(p, "embed", JV_KIND_OBJECT) ?
	    member(p, "embed") : member(rec, "embed")));
	if (reposted)
		refs = reference(refs, "retweeted", member(p, "uri"));
	if (jv_array_length(jv_copy(refs)) > 0)
		r = jv_object_set(r, jv_string("referenced_tweets"), refs);
	else
		jv_free(refs);
	m = copy_if(m, p, "repostCount", "retweet_count", JV_KIND_NUMBER);
	m = copy_if(m, p, "replyCount", "reply_count", JV_KIND_NUMBER);
	m = copy_if(m, p, "likeCount", "like_count", JV_KIND_NUMBER);
	m = copy_if(m, p, "quoteCount", "quote_count", JV_KIND_NUMBER);
	m = copy_if(m, p, "bookmarkCount", "bookmark_count", JV_KIND_NUMBER);
	r = jv_object_set(r, jv_string("public_metrics"), m);
	if (jv_get_kind(labels) == JV_KIND_ARRAY && jv_array_length(jv_copy(labels)) > 0)
		r = jv_object_set(r, jv_string("labels"), labels);
	else
		jv_free(labels);
	if (jv_get_kind(author) == JV_KIND_OBJECT)
		r = jv_object_set(r, jv_string("author"), user_record(author));
	else
		jv_free(author);
	r = jv_object_set(r, jv_string("fb"), source());
	jv_free(rec);
	jv_free(created);
	jv_free(indexed);
	jv_free(langs);
	jv_free(reply);
	jv_free(root);
	jv_free(parent);
	jv_free(p);
	return r;
}

/* A notification about a post (a mention, a reply, a quote) as its post record. */
static jv
notification_post(jv n)
{
	jv p = JV_OBJECT(jv_string("uri"), member(n, "uri"), jv_string("author"), member(n, "author"),
	    jv_string("record"), member(n, "record"), jv_string("indexedAt"), member(n, "indexedAt"),
	    jv_string("labels"), member(n, "labels")), r = post_record(p, 0);

	r = copy_if(r, n, "reason", "reason", JV_KIND_STRING);
	jv_free(n);
	return r;
}

static int
is_object_with(jv v, const char *key, jv_kind kind)
{
	jv m = member(v, key);
	int yes = jv_get_kind(m) == kind;

	jv_free(m);
	return yes;
}

/* One item of a list: its record, or invalid when it is none of Bluesky's views. */
static jv
item_record(jv it)
{
	jv reason, type, r;
	int reposted;

	if (is_object_with(it, "post", JV_KIND_OBJECT)) {	/* feedViewPost */
		reason = member(it, "reason");
		type = member(reason, "$type");
		reposted = jv_get_kind(type) == JV_KIND_STRING &&
		    strcmp(jv_string_value(type), "app.bsky.feed.defs#reasonRepost") == 0;
		jv_free(reason);
		jv_free(type);
		r = post_record(member(it, "post"), reposted);
		jv_free(it);
		return r;
	}
	if (is_object_with(it, "did", JV_KIND_STRING) && is_object_with(it, "handle", JV_KIND_STRING)) {
		r = user_record(jv_copy(it));
		jv_free(it);
		return r;
	}
	if (is_object_with(it, "reason", JV_KIND_STRING) && is_object_with(it, "record", JV_KIND_OBJECT))
		return notification_post(it);
	if (is_object_with(it, "uri", JV_KIND_STRING) && is_object_with(it, "record", JV_KIND_OBJECT)) {
		r = post_record(jv_copy(it), 0);
		jv_free(it);
		return r;
	}
	jv_free(it);
	return jv_invalid();
}

static void
put(jv r, void (*emit)(void *arg, const char *json, size_t len), void *arg)
{
	jv s = jv_dump_string(r, 0);

	emit(arg, jv_string_value(s), (size_t)jv_string_length_bytes(jv_copy(s)));
	jv_free(s);
}

int
bskyrec_flatten(const char *json, size_t len,
    void (*emit)(void *arg, const char *json, size_t len),
    void (*reject)(void *arg, const char *json, size_t len), void *arg,
    struct buf *err)
{
	static const char *const lists[] = {
		"followers", "follows", "profiles", "feed", "posts", "notifications",
	};
	jv page = jv_parse_sized(json, (int)len), list = jv_invalid();
	size_t k;
	int i, n;

	if (jv_get_kind(page) != JV_KIND_OBJECT) {
		jv_free(page);
		buf_adds(err, "the answer is not a JSON object");
		return -1;
	}
	for (k = 0; k < sizeof lists / sizeof *lists && jv_get_kind(list) != JV_KIND_ARRAY; k++) {
		jv_free(list);
		list = member(page, lists[k]);
	}
	if (jv_get_kind(list) != JV_KIND_ARRAY) {
		jv r;

		jv_free(list);
		r = item_record(page);	/* getProfile: the answer is the profile */
		if (jv_get_kind(r) == JV_KIND_INVALID) {
			buf_adds(err, "the answer holds no list of profiles or posts");
			return -1;
		}
		put(r, emit, arg);
		return 0;
	}
	n = jv_array_length(jv_copy(list));
	for (i = 0; i < n; i++) {
		jv it = jv_array_get(jv_copy(list), i), r;

		if (jv_get_kind(it) != JV_KIND_OBJECT) {
			jv s = jv_dump_string(it, 0);

			reject(arg, jv_string_value(s), (size_t)jv_string_length_bytes(jv_copy(s)));
			jv_free(s);
			continue;
		}
		r = item_record(jv_copy(it));
		if (jv_get_kind(r) == JV_KIND_INVALID) {
			jv s = jv_dump_string(it, 0);

			reject(arg, jv_string_value(s), (size_t)jv_string_length_bytes(jv_copy(s)));
			jv_free(s);
			continue;
		}
		jv_free(it);
		put(r, emit, arg);
	}
	jv_free(list);
	jv_free(page);
	return 0;
}

void
bskyrec_string(const char *json, size_t len, const char *key, struct buf *out)
{
	struct json_scan s = {0};
	size_t i;

	buf_reset(out);
	s.collect_members = 1;
	if (json_scan(&s, json, len, 0, 1) == JSON_OK)
		for (i = 0; i < s.nmembers; i++)
			if (json_key_is(&s.members[i], key) && s.members[i].kind == JSON_STRING)
				json_unescape(out, s.members[i].val, s.members[i].vallen);
	json_scan_free(&s);
}
