#include <stdlib.h>
#include <string.h>

#include "apipage.h"
#include "json.h"
#include "util.h"

/*
 * Records are assembled from the page's own bytes (compacted), so numbers
 * keep their exact text, as everywhere else in the toolkit.
 */

struct entry {
	const char *id;		/* raw id text, between the quotes */
	size_t idlen;
	const char *obj;	/* the included object */
	size_t objlen;
};

struct index {
	struct entry *v;
	size_t n, cap;
};

static int
by_id(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->idlen != y->idlen)
		return x->idlen < y->idlen ? -1 : 1;
	return memcmp(x->id, y->id, x->idlen);
}

/* The string value of the member key of object obj (raw, without quotes), or NULL. */
static const char *
string_member(const char *obj, size_t len, const char *key, size_t *n)
{
	struct json_iter it;
	struct json_member m;
	const char *found = NULL;

	json_iter_init(&it, obj, len);
	while (json_iter_member(&it, &m))
		if (json_key_is(&m, key)) {
			found = m.kind == JSON_STRING ? m.val + 1 : NULL;
			*n = m.kind == JSON_STRING ? m.vallen - 2 : 0;
		}
	return found;
}

static void
index_array(struct index *ix, const struct json_member *list)
{
	struct json_iter it;
	const char *el;
	size_t elen, idlen;
	enum json_kind kind;

	if (list == NULL || list->kind != JSON_ARRAY)
		return;
	json_iter_init(&it, list->val, list->vallen);
	while (json_iter_element(&it, &el, &elen, &kind)) {
		const char *id;

		if (kind != JSON_OBJECT || (id = string_member(el, elen, "id", &idlen)) == NULL)
			continue;
		if (ix->n == ix->cap)
			ix->v = xgrow(ix->v, &ix->cap, sizeof *ix->v, 64);
		ix->v[ix->n].id = id;
		ix->v[ix->n].idlen = idlen;
		ix->v[ix->n].obj = el;
		ix->v[ix->n].objlen = elen;
		ix->n++;
	}
}

static const struct entry *
lookup(const struct index *ix, const char *id, size_t idlen)
{
	struct entry key = {id, idlen, NULL, 0};

	return ix->n ? bsearch(&key, ix->v, ix->n, sizeof key, by_id) : NULL;
}

/* Post ids are snowflakes: a longer id, or a larger one of equal length, is newer. */
static int
newer(const struct entry *a, const struct entry *b)
{
	return by_id(a, b) > 0;
}

/* What joining needs of an element of data, read in one pass over its members. */
struct element {
	int text, username, posts, author;
	const char *author_id;
	size_t author_idlen;
	const char *post_id[4];	/* most recent and pinned, in both spellings */
	size_t post_idlen[4];
};

static void
read_element(const char *el, size_t len, struct element *e)
{
	static const char *const post_keys[] = {
		"most_recent_tweet_id", "most_recent_post_id", "pinned_tweet_id", "pinned_post_id"
	};
	struct json_iter it;
	struct json_member m;
	size_t k;

	memset(e, 0, sizeof *e);
	json_iter_init(&it, el, len);
	while (json_iter_member(&it, &m)) {
		if (json_key_is(&m, "text"))
			e->text = 1;
		else if (json_key_is(&m, "username"))
			e->username = 1;
		else if (json_key_is(&m, "posts"))
			e->posts = 1;
		else if (json_key_is(&m, "author"))
			e->author = 1;
		else if (json_key_is(&m, "author_id") && m.kind == JSON_STRING) {
			e->author_id = m.val + 1;
			e->author_idlen = m.vallen - 2;
		} else if (m.kind == JSON_STRING)
			for (k = 0; k < 4; k++)
				if (json_key_is(&m, post_keys[k])) {
					e->post_id[k] = m.val + 1;
					e->post_idlen[k] = m.vallen - 2;
				}
	}
}

/* The user's most recent and pinned posts, from the page's includes, newest first. */
static size_t
user_posts(const struct element *u, const struct index *posts, const struct entry **out)
{
	size_t k, i, n = 0;

	for (k = 0; k < 4; k++) {
		const struct entry *e = u->post_id[k] ?
		    lookup(posts, u->post_id[k], u->post_idlen[k]) : NULL;

		for (i = 0; e && i < n; i++)
			if (out[i] == e)
				e = NULL;
		if (e == NULL)
			continue;
		for (i = n; i > 0 && newer(e, out[i - 1]); i--)
			out[i] = out[i - 1];
		out[i] = e;
		n++;
	}
	return n;
}

/* Appends the compact object obj with "key": <joined> added at its end. */
static void
add_joined(struct buf *out, const char *obj, size_t len, const char *key,
    const struct entry **join, size_t njoin, int as_array)
{
	size_t i, start = out->len;

	json_compact(out, obj, len);
	out->len--;	/* the closing brace */
	if (out->len > start + 1)
		buf_addc(out, ',');
	buf_printf(out, "\"%s\":", key);
	if (as_array)
		buf_addc(out, '[');
	for (i = 0; i < njoin; i++) {
		if (i > 0)
			buf_addc(out, ',');
		json_compact(out, join[i]->obj, join[i]->objlen);
	}
	if (as_array)
		buf_addc(out, ']');
	buf_addc(out, '}');
}

static void
join_one(struct buf *out, const char *el, size_t elen, const struct index *users,
    const struct index *posts)
{
	const struct entry *join[4];
	struct element e;
	size_t n;

	buf_reset(out);
	read_element(el, elen, &e);
	if (e.text) {
		if (!e.author && e.author_id &&
		    (join[0] = lookup(users, e.author_id, e.author_idlen)) != NULL) {
			add_joined(out, el, elen, "author", join, 1, 0);
			return;
		}
	} else if (e.username && !e.posts && (n = user_posts(&e, posts, join)) > 0) {
		add_joined(out, el, elen, "posts", join, n, 1);
		return;
	}
	json_compact(out, el, elen);
}

int
apipage_flatten(const char *json, size_t len,
    void (*emit)(void *arg, const char *json, size_t len),
    void (*reject)(void *arg, const char *json, size_t len), void *arg,
    struct buf *err)
{
	struct json_scan page = {0};
	struct index users = {0}, posts = {0};
	const struct json_member *data = NULL, *includes = NULL;
	struct buf rec = {0};
	size_t i;
	int status = 0;

	page.collect_members = 1;
	if (json_scan(&page, json, len, 0, 1) != JSON_OK || json[0] != '{') {
		buf_adds(err, "cannot be read");
		json_scan_free(&page);
		return -1;
	}
	for (i = 0; i < page.nmembers; i++) {
		if (json_key_is(&page.members[i], "data"))
			data = &page.members[i];
		else if (json_key_is(&page.members[i], "includes"))
			includes = &page.members[i];
	}
	if (includes && includes->kind == JSON_OBJECT) {
		struct json_iter it;
		struct json_member m;

		json_iter_init(&it, includes->val, includes->vallen);
		while (json_iter_member(&it, &m)) {
			if (json_key_is(&m, "users"))
				index_array(&users, &m);
			else if (json_key_is(&m, "tweets") || json_key_is(&m, "posts"))
				index_array(&posts, &m);
		}
		if (users.n)
			qsort(users.v, users.n, sizeof *users.v, by_id);
		if (posts.n)
			qsort(posts.v, posts.n, sizeof *posts.v, by_id);
	}
	if (data && data->kind == JSON_OBJECT) {
		join_one(&rec, data->val, data->vallen, &users, &posts);
		emit(arg, rec.p, rec.len);
	} else if (data && data->kind == JSON_ARRAY) {
		struct json_iter it;
		const char *el;
		size_t elen;
		enum json_kind kind;

		json_iter_init(&it, data->val, data->vallen);
		while (json_iter_element(&it, &el, &elen, &kind)) {
			buf_reset(&rec);
			if (kind != JSON_OBJECT) {
				json_compact(&rec, el, elen);
				reject(arg, rec.p, rec.len);
				continue;
			}
			join_one(&rec, el, elen, &users, &posts);
			emit(arg, rec.p, rec.len);
		}
	} else {
		buf_adds(err, "\"data\" is neither an array nor an object");
		status = -1;
	}
	buf_free(&rec);
	free(users.v);
	free(posts.v);
	json_scan_free(&page);
	return status;
}
