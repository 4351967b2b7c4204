#include <string.h>

#include <jv.h>

#include "apipage.h"

/* Adds the objects of includes[key] to index, keyed by their id. */
static jv
index_by_id(jv index, jv includes, const char *key)
{
	jv list = jv_get(jv_copy(includes), jv_string(key));

	if (jv_get_kind(list) == JV_KIND_ARRAY) {
		jv_array_foreach(list, i, obj) {
			jv id = jv_get_kind(obj) == JV_KIND_OBJECT ?
			    jv_object_get(jv_copy(obj), jv_string("id")) : jv_invalid();

			if (jv_get_kind(id) == JV_KIND_STRING)
				index = jv_object_set(index, id, obj);
			else {
				jv_free(id);
				jv_free(obj);
			}
		}
	}
	jv_free(list);
	return index;
}

static int
has(jv obj, const char *key)
{
	return jv_object_has(jv_copy(obj), jv_string(key));
}

/* Post ids are snowflakes: a longer id, or a larger one of equal length, is newer. */
static int
newer(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	return la != lb ? la > lb : strcmp(a, b) > 0;
}

static jv
attach_posts(jv user, jv posts_by_id)
{
	static const char *const keys[] = {
		"most_recent_tweet_id", "most_recent_post_id",
		"pinned_tweet_id", "pinned_post_id"
	};
	jv posts = jv_array();
	size_t k;
	int n;

	for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		jv id = jv_object_get(jv_copy(user), jv_string(keys[k]));
		jv post;
		int i, dup = 0, at;

		if (jv_get_kind(id) != JV_KIND_STRING) {
			jv_free(id);
			continue;
		}
		post = jv_object_get(jv_copy(posts_by_id), jv_copy(id));
		if (!jv_is_valid(post)) {
			jv_free(id);
			jv_free(post);
			continue;
		}
		n = jv_array_length(jv_copy(posts));
		at = n;
		for (i = 0; i < n && !dup; i++) {
			jv other = jv_object_get(jv_array_get(jv_copy(posts), i), jv_string("id"));

			dup = strcmp(jv_string_value(other), jv_string_value(id)) == 0;
			if (!dup && at == n && newer(jv_string_value(id), jv_string_value(other)))
				at = i;
			jv_free(other);
		}
		jv_free(id);
		if (dup) {
			jv_free(post);
			continue;
		}
		/* Insert at position at, keeping the newest first. */
		{
			jv moved = jv_array();

			for (i = 0; i < n; i++) {
				if (i == at)
					moved = jv_array_append(moved, jv_copy(post));
				moved = jv_array_append(moved, jv_array_get(jv_copy(posts), i));
			}
			if (at == n)
				moved = jv_array_append(moved, jv_copy(post));
			jv_free(posts);
			jv_free(post);
			posts = moved;
		}
	}
	if (jv_array_length(jv_copy(posts)) > 0)
		return jv_object_set(user, jv_string("posts"), posts);
	jv_free(posts);
	return user;
}

static jv
join_record(jv rec, jv users_by_id, jv posts_by_id)
{
	if (has(rec, "text")) {
		jv author_id;

		if (has(rec, "author"))
			return rec;
		author_id = jv_object_get(jv_copy(rec), jv_string("author_id"));
		if (jv_get_kind(author_id) == JV_KIND_STRING) {
			jv author = jv_object_get(jv_copy(users_by_id), author_id);

			if (jv_is_valid(author))
				return jv_object_set(rec, jv_string("author"), author);
			jv_free(author);
			return rec;
		}
		jv_free(author_id);
		return rec;
	}
	if (has(rec, "username") && !has(rec, "posts"))
		return attach_posts(rec, posts_by_id);
	return rec;
}

int
apipage_flatten(const char *json, size_t len,
    void (*emit)(void *arg, const char *json, size_t len),
    void (*reject)(void *arg, const char *json, size_t len), void *arg,
    struct buf *err)
{
	jv page = jv_parse_sized(json, (int)len);
	jv data, includes, users_by_id = jv_object(), posts_by_id = jv_object();
	int status = 0;

	if (!jv_is_valid(page) || jv_get_kind(page) != JV_KIND_OBJECT) {
		jv_free(page);
		buf_adds(err, "cannot be read");
		jv_free(users_by_id);
		jv_free(posts_by_id);
		return -1;
	}
	data = jv_object_get(jv_copy(page), jv_string("data"));
	includes = jv_get(jv_copy(page), jv_string("includes"));
	if (jv_get_kind(includes) == JV_KIND_OBJECT) {
		users_by_id = index_by_id(users_by_id, includes, "users");
		posts_by_id = index_by_id(posts_by_id, includes, "tweets");
		posts_by_id = index_by_id(posts_by_id, includes, "posts");
	}
	if (jv_get_kind(data) == JV_KIND_OBJECT)
		data = jv_array_append(jv_array(), data);
	if (jv_get_kind(data) != JV_KIND_ARRAY) {
		buf_adds(err, "\"data\" is neither an array nor an object");
		status = -1;
	} else {
		jv_array_foreach(data, i, rec) {
			int good = jv_get_kind(rec) == JV_KIND_OBJECT;
			jv text;

			if (good)
				rec = join_record(rec, users_by_id, posts_by_id);
			text = jv_dump_string(rec, 0);
			(good ? emit : reject)(arg, jv_string_value(text),
			    (size_t)jv_string_length_bytes(jv_copy(text)));
			jv_free(text);
		}
	}
	jv_free(data);
	jv_free(includes);
	jv_free(users_by_id);
	jv_free(posts_by_id);
	jv_free(page);
	return status;
}
