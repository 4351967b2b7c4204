/*
 * json.h: a validating JSON scanner that works on raw bytes.
 *
 * libjq parses at some 50 MB/s; a filter that passes most records through
 * unchanged only needs to know where each value ends, whether it is valid,
 * and where a few fields are. This scanner does that without building
 * values, so records can be echoed byte for byte and numbers keep their
 * exact text. libjq is still used wherever values must be built.
 */
#ifndef FB_JSON_H
#define FB_JSON_H

#include <stddef.h>

#include "buf.h"

enum json_kind {
	JSON_NONE, JSON_OBJECT, JSON_ARRAY, JSON_STRING, JSON_NUMBER,
	JSON_TRUE, JSON_FALSE, JSON_NULL
};

/* "object", "array", "string", ... as jq's type names them. */
const char *json_kind_name(enum json_kind k);

struct json_member {
	const char *key;	/* raw key bytes between the quotes */
	size_t keylen;
	const char *val;	/* the value's bytes (strings with quotes) */
	size_t vallen;
	enum json_kind kind;
};

enum json_status { JSON_OK, JSON_INCOMPLETE, JSON_ERROR };

/* Set in json_scan.flags when a string held bytes that are not UTF-8. */
#define JSON_F_BAD_UTF8 1u

#define JSON_MAX_DEPTH 256

struct json_scan {
	size_t end;		/* JSON_OK: offset just past the value */
	size_t err_off;		/* JSON_ERROR: offset of the offending byte */
	const char *err;	/* JSON_ERROR: what is wrong */
	unsigned flags;
	/* The members of a top-level object, when collect_members is set. */
	int collect_members;
	struct json_member *members;
	size_t nmembers, members_cap;
	/*
	 * With collect_members, also the members of the objects in a top-level
	 * "posts" array (the record contract's joined posts), each with the
	 * index of its post: filters read posts[].text without a second pass.
	 */
	struct json_member *post_members;
	size_t *post_index;
	size_t npost_members, post_members_cap, post_index_cap;
	int posts_seen;		/* a top-level "posts" member was an array */
	size_t posts_bad;	/* index of its first element that is not an object, or -1 */
	enum json_kind posts_bad_kind;
};

/*
 * Scans the value starting at p[start] (whitespace already skipped).
 * With at_eof == 0, running out of bytes gives JSON_INCOMPLETE.
 */
enum json_status json_scan(struct json_scan *s, const char *p, size_t len,
    size_t start, int at_eof);
void json_scan_free(struct json_scan *s);

/* True when the member's key, unescaped, equals name. */
int json_key_is(const struct json_member *m, const char *name);

/* Iterates a value already validated by json_scan. */
struct json_iter {
	const char *p;
	size_t len, pos;
};
void json_iter_init(struct json_iter *it, const char *val, size_t len);
int json_iter_member(struct json_iter *it, struct json_member *m);
int json_iter_element(struct json_iter *it, const char **val, size_t *len,
    enum json_kind *kind);

/* The member key of the object value obj (NULL or no object: none); 1 if found. */
int json_object_member(const struct json_member *obj, const char *key, struct json_member *out);

/* Appends the string value raw (with quotes), unescaped, as UTF-8. */
void json_unescape(struct buf *out, const char *raw, size_t len);
/* Appends s as a quoted JSON string. s must be valid UTF-8. */
void json_escape(struct buf *out, const char *s, size_t len);
/*
 * Appends a validated value without insignificant whitespace, with any
 * bytes that are not UTF-8 replaced by U+FFFD, as jq would print it.
 */
void json_compact(struct buf *out, const char *p, size_t len);

/* Appends a number as jq would print it, without float noise (0.1+0.2 is 0.3). */
void json_number(struct buf *out, double x);

#endif
