#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

/* Byte classes inside a string: 0 plain, 1 quote, 2 backslash, 3 control, 4 non-ASCII. */
static unsigned char strclass[256];
static int strclass_ready;

static void
strclass_init(void)
{
	int c;

	for (c = 0; c < 0x20; c++)
		strclass[c] = 3;
	for (c = 0x80; c < 0x100; c++)
		strclass[c] = 4;
	strclass['"'] = 1;
	strclass['\\'] = 2;
	strclass_ready = 1;
}

const char *
json_kind_name(enum json_kind k)
{
	switch (k) {
	case JSON_OBJECT: return "object";
	case JSON_ARRAY: return "array";
	case JSON_STRING: return "string";
	case JSON_NUMBER: return "number";
	case JSON_TRUE: case JSON_FALSE: return "boolean";
	case JSON_NULL: return "null";
	default: return "nothing";
	}
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t
utf8_valid_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && p[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && p[1] >= 0xA0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && p[1] < 0x90)
			return 0;
		if (c == 0xF4 && p[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/* Bytes a UTF-8 lead byte announces: lets a cut sequence ask for more input. */
static size_t
utf8_need(unsigned c)
{
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 1;
}

struct scanner {
	const unsigned char *p;
	size_t len, pos;
	int at_eof;
	struct json_scan *s;
	const char *err;
	size_t err_off;
	int incomplete;
	int in_posts;		/* the value about to be scanned is the top-level "posts" */
	size_t post_index;	/* the post being scanned, or (size_t)-1 */
};

static int
fail(struct scanner *sc, const char *msg)
{
	if (sc->pos >= sc->len && !sc->at_eof) {
		sc->incomplete = 1;
	} else {
		sc->err = sc->pos >= sc->len ? "the input ends inside a value" : msg;
		sc->err_off = sc->pos;
	}
	return -1;
}

static void
skip_ws(struct scanner *sc)
{
	while (sc->pos < sc->len && (sc->p[sc->pos] == ' ' ||
	    sc->p[sc->pos] == '\n' || sc->p[sc->pos] == '\t' ||
	    sc->p[sc->pos] == '\r'))
		sc->pos++;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
scan_string(struct scanner *sc)
{
	const unsigned char *p = sc->p;
	size_t i, n = sc->len;

	sc->pos++;	/* opening quote */
	for (;;) {
		i = sc->pos;
		while (i < n && strclass[p[i]] == 0)
			i++;
		sc->pos = i;
		if (i >= n)
			return fail(sc, "unterminated string");
		switch (strclass[p[i]]) {
		case 1:
			sc->pos++;
			return 0;
		case 2:
			if (i + 1 >= n) {
				sc->pos = n;	/* the escape may go on in the next read */
				return fail(sc, "unterminated string");
			}
			switch (p[i + 1]) {
			case '"': case '\\': case '/': case 'b': case 'f':
			case 'n': case 'r': case 't':
				sc->pos += 2;
				break;
			case 'u':
				if (i + 6 > n) {
					sc->pos = n;
					return fail(sc, "unterminated string");
				}
				if (hexval(p[i + 2]) < 0 || hexval(p[i + 3]) < 0 ||
				    hexval(p[i + 4]) < 0 || hexval(p[i + 5]) < 0)
					return fail(sc, "bad \\u escape in a string");
				/* A high surrogate must be followed by a low one, as jq requires. */
				if ((p[i + 2] | 0x20) == 'd' && hexval(p[i + 3]) >= 8 && hexval(p[i + 3]) <= 11) {
					if (i + 12 > n && !sc->at_eof) {
						sc->pos = n;
						return fail(sc, "unterminated string");
					}
					if (i + 12 > n || p[i + 6] != '\\' || p[i + 7] != 'u' ||
					    (p[i + 8] | 0x20) != 'd' || hexval(p[i + 9]) < 12 ||
					    hexval(p[i + 10]) < 0 || hexval(p[i + 11]) < 0) {
						sc->pos = i;
						return fail(sc, "a high surrogate escape without its low half");
					}
					sc->pos += 6;
				}
				sc->pos += 6;
				break;
			default:
				sc->pos++;
				return fail(sc, "bad escape in a string");
			}
			break;
		case 3:
			if (p[i] == '\n')
				return fail(sc, "unterminated string (a line ends inside it)");
			if (p[i] == 0)
				return fail(sc, "NUL byte in a string");
			return fail(sc, "control character in a string (must be escaped)");
		default: {
			size_t k = utf8_valid_len(p + i, n - i);

			if (k == 0) {
				if (n - i < utf8_need(p[i]) && !sc->at_eof) {
					sc->pos = n;
					return fail(sc, "");
				}
				sc->s->flags |= JSON_F_BAD_UTF8;
				k = 1;
			}
			sc->pos += k;
		}
		}
	}
}

/*
 * A number as jq reads one, which is looser than JSON: a sign (+ or -),
 * digits with leading zeros, a fraction with no digits before or after
 * the point (.5, 1.), and an exponent; at least one digit in all.
 */
static int
scan_number(struct scanner *sc)
{
	const unsigned char *p = sc->p;
	size_t n = sc->len, i = sc->pos, digits = 0;

	if (i < n && (p[i] == '-' || p[i] == '+'))
		i++;
	while (i < n && p[i] >= '0' && p[i] <= '9') {
		i++;
		digits++;
	}
	if (i < n && p[i] == '.') {
		i++;
		while (i < n && p[i] >= '0' && p[i] <= '9') {
			i++;
			digits++;
		}
	}
	if (digits == 0) {
		if (i >= n && !sc->at_eof)
			goto cut;
		sc->pos = i;
		return fail(sc, "bad number");
	}
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		if (i >= n && !sc->at_eof)
			goto cut;
		if (i >= n || p[i] < '0' || p[i] > '9') {
			sc->pos = i;
			return fail(sc, "bad number");
		}
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++;
	}
	if (i >= n && !sc->at_eof)
		goto cut;
	/* "1.5.3", "12ab": the number runs into something that is not JSON. */
	if (i < n && (p[i] == '.' || (p[i] >= '0' && p[i] <= '9') || p[i] == '+' || p[i] == '-' ||
	    (p[i] | 0x20) == 'e' || ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z'))) {
		sc->pos = i;
		return fail(sc, "bad number");
	}
	sc->pos = i;
	return 0;
cut:
	sc->pos = n;
	return fail(sc, "bad number");
}

static int
scan_literal(struct scanner *sc, const char *word)
{
	size_t k = strlen(word), avail = sc->len - sc->pos;

	if (avail < k) {
		if (memcmp(sc->p + sc->pos, word, avail) == 0) {
			sc->pos = sc->len;
			return fail(sc, "truncated literal");
		}
		return fail(sc, "not a JSON value");
	}
	if (memcmp(sc->p + sc->pos, word, k) != 0)
		return fail(sc, "not a JSON value");
	sc->pos += k;
	return 0;
}

static int scan_value(struct scanner *sc, int depth, enum json_kind *kind);

/* Past the opening bracket: whether the container is empty (and closed). */
static int
open_container(struct scanner *sc, char close)
{
	sc->pos++;
	skip_ws(sc);
	if (sc->pos < sc->len && sc->p[sc->pos] == close) {
		sc->pos++;
		return 1;
	}
	return 0;
}

/* After a member or an element: 1 past the closing bracket, 0 past a comma, -1. */
static int
next_or_close(struct scanner *sc, char close, const char *msg)
{
	skip_ws(sc);
	if (sc->pos < sc->len && sc->p[sc->pos] == close) {
		sc->pos++;
		return 1;
	}
	if (sc->pos >= sc->len || sc->p[sc->pos] != ',')
		return fail(sc, msg);
	sc->pos++;
	skip_ws(sc);
	return 0;
}

static struct json_member *
add_member(struct json_member **v, size_t *n, size_t *cap)
{
	if (*n == *cap)
		*v = xgrow(*v, cap, sizeof **v, 32);
	return &(*v)[(*n)++];
}

static int
scan_object(struct scanner *sc, int depth)
{
	struct json_scan *s = sc->s;
	int collect = s->collect_members && depth == 1;
	int in_post = s->collect_members && sc->post_index != (size_t)-1 && depth == 3;
	size_t post = sc->post_index;	/* nested arrays change sc->post_index */
	int r;

	if (open_container(sc, '}'))
		return 0;
	for (;;) {
		size_t k0, k1, v0;
		enum json_kind kind;
		int posts = 0;

		if (sc->pos >= sc->len || sc->p[sc->pos] != '"')
			return fail(sc, "expected a string key in an object");
		k0 = sc->pos + 1;
		if (scan_string(sc) < 0)
			return -1;
		k1 = sc->pos - 1;
		skip_ws(sc);
		if (sc->pos >= sc->len || sc->p[sc->pos] != ':')
			return fail(sc, "expected ':' after an object key");
		sc->pos++;
		skip_ws(sc);
		v0 = sc->pos;
		if (collect && k1 - k0 == 5 && memcmp(sc->p + k0, "posts", 5) == 0 &&
		    v0 < sc->len && sc->p[v0] == '[') {
			/* A later "posts" replaces an earlier one, as in jq. */
			s->npost_members = 0;
			s->posts_seen = 1;
			s->posts_bad = (size_t)-1;
			posts = 1;
		}
		sc->in_posts = posts;
		if (scan_value(sc, depth, &kind) < 0)
			return -1;
		sc->in_posts = 0;
		if (collect || in_post) {
			struct json_member *m = collect ?
			    add_member(&s->members, &s->nmembers, &s->members_cap) :
			    add_member(&s->post_members, &s->npost_members, &s->post_members_cap);

			if (in_post) {
				if (s->npost_members > s->post_index_cap) {
					s->post_index_cap = s->post_members_cap;
					s->post_index = xrealloc(s->post_index,
					    s->post_index_cap * sizeof *s->post_index);
				}
				s->post_index[s->npost_members - 1] = post;
			}
			m->key = (const char *)sc->p + k0;
			m->keylen = k1 - k0;
			m->val = (const char *)sc->p + v0;
			m->vallen = sc->pos - v0;
			m->kind = kind;
		}
		if ((r = next_or_close(sc, '}', "expected ',' or '}' in an object")) != 0)
			return r < 0 ? -1 : 0;
	}
}

static int
scan_array(struct scanner *sc, int depth)
{
	int posts = sc->in_posts, r;
	size_t index = 0, outer = sc->post_index;

	sc->in_posts = 0;
	if (open_container(sc, ']'))
		return 0;
	for (;; index++) {
		enum json_kind kind;

		sc->post_index = posts ? index : (size_t)-1;
		if (scan_value(sc, depth, &kind) < 0)
			return -1;
		sc->post_index = outer;
		if (posts && kind != JSON_OBJECT && sc->s->posts_bad == (size_t)-1) {
			sc->s->posts_bad = index;
			sc->s->posts_bad_kind = kind;
		}
		if ((r = next_or_close(sc, ']', "expected ',' or ']' in an array")) != 0)
			return r < 0 ? -1 : 0;
	}
}

static int
scan_value(struct scanner *sc, int depth, enum json_kind *kind)
{
	if (sc->pos >= sc->len)
		return fail(sc, "expected a value");
	switch (sc->p[sc->pos]) {
	case '{':
		*kind = JSON_OBJECT;
		if (depth >= JSON_MAX_DEPTH)
			return fail(sc, "nested too deeply");
		return scan_object(sc, depth + 1);
	case '[':
		*kind = JSON_ARRAY;
		if (depth >= JSON_MAX_DEPTH)
			return fail(sc, "nested too deeply");
		return scan_array(sc, depth + 1);
	case '"':
		*kind = JSON_STRING;
		return scan_string(sc);
	case 't':
		*kind = JSON_TRUE;
		return scan_literal(sc, "true");
	case 'f':
		*kind = JSON_FALSE;
		return scan_literal(sc, "false");
	case 'n':
		*kind = JSON_NULL;
		return scan_literal(sc, "null");
	case '-': case '+': case '.': case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7': case '8': case '9':
		*kind = JSON_NUMBER;
		return scan_number(sc);
	case '\0':
		return fail(sc, "NUL byte in the input");
	default:
		return fail(sc, "not a JSON value");
	}
}

enum json_status
json_scan(struct json_scan *s, const char *p, size_t len, size_t start,
    int at_eof)
{
	struct scanner sc;
	enum json_kind kind;

	if (!strclass_ready)
		strclass_init();
	memset(&sc, 0, sizeof sc);
	sc.p = (const unsigned char *)p;
	sc.len = len;
	sc.pos = start;
	sc.at_eof = at_eof;
	sc.s = s;
	sc.post_index = (size_t)-1;
	s->flags = 0;
	s->nmembers = 0;
	s->npost_members = 0;
	s->posts_seen = 0;
	s->posts_bad = (size_t)-1;
	s->err = NULL;
	if (scan_value(&sc, 0, &kind) < 0) {
		if (sc.incomplete)
			return JSON_INCOMPLETE;
		s->err = sc.err;
		s->err_off = sc.err_off;
		return JSON_ERROR;
	}
	s->end = sc.pos;
	return JSON_OK;
}

void
json_scan_free(struct json_scan *s)
{
	free(s->members);
	free(s->post_members);
	free(s->post_index);
	memset(s, 0, sizeof *s);
}

/* End of the validated value at p[i]; strings and containers are skipped quickly. */
static size_t
skip_value(const char *p, size_t len, size_t i)
{
	int depth = 0;

	do {
		char c = p[i];

		if (c == '"') {
			for (i++; i < len && p[i] != '"'; i++)
				if (p[i] == '\\')
					i++;
			i++;
		} else if (c == '{' || c == '[') {
			depth++;
			i++;
		} else if (c == '}' || c == ']') {
			depth--;
			i++;
		} else if (depth == 0) {
			while (i < len && strchr(",}] \t\r\n", p[i]) == NULL)
				i++;
		} else {
			i++;
		}
	} while (depth > 0 && i < len);
	return i;
}

static void
iter_ws(struct json_iter *it)
{
	while (it->pos < it->len && strchr(" \t\r\n,", it->p[it->pos]) && it->p[it->pos] != '\0')
		it->pos++;
}

void
json_iter_init(struct json_iter *it, const char *val, size_t len)
{
	it->p = val;
	it->len = len;
	it->pos = 1;	/* past '{' or '[' */
}

static enum json_kind
kind_at(char c)
{
	switch (c) {
	case '{': return JSON_OBJECT;
	case '[': return JSON_ARRAY;
	case '"': return JSON_STRING;
	case 't': return JSON_TRUE;
	case 'f': return JSON_FALSE;
	case 'n': return JSON_NULL;
	default: return JSON_NUMBER;
	}
}

int
json_iter_element(struct json_iter *it, const char **val, size_t *len,
    enum json_kind *kind)
{
	size_t end;

	iter_ws(it);
	if (it->pos >= it->len || it->p[it->pos] == ']' || it->p[it->pos] == '}')
		return 0;
	end = skip_value(it->p, it->len, it->pos);
	*val = it->p + it->pos;
	*len = end - it->pos;
	*kind = kind_at(it->p[it->pos]);
	it->pos = end;
	return 1;
}

int
json_iter_member(struct json_iter *it, struct json_member *m)
{
	size_t k0, end;

	iter_ws(it);
	if (it->pos >= it->len || it->p[it->pos] != '"')
		return 0;
	k0 = it->pos + 1;
	end = skip_value(it->p, it->len, it->pos);
	m->key = it->p + k0;
	m->keylen = end - 1 - k0;
	it->pos = end;
	while (it->pos < it->len && it->p[it->pos] != ':')
		it->pos++;
	it->pos++;
	while (it->pos < it->len && strchr(" \t\r\n", it->p[it->pos]) && it->p[it->pos])
		it->pos++;
	end = skip_value(it->p, it->len, it->pos);
	m->val = it->p + it->pos;
	m->vallen = end - it->pos;
	m->kind = kind_at(it->p[it->pos]);
	it->pos = end;
	return 1;
}

int
json_key_is(const struct json_member *m, const char *name)
{
	size_t n = strlen(name);
	struct buf b = {0};
	int eq;

	if (memchr(m->key, '\\', m->keylen) == NULL)
		return m->keylen == n && memcmp(m->key, name, n) == 0;
	/* Rare: an escaped key; compare its decoded form. */
	json_unescape(&b, m->key - 1, m->keylen + 2);
	eq = b.len == n && memcmp(b.p, name, n) == 0;
	buf_free(&b);
	return eq;
}

static void
put_utf8(struct buf *out, uint32_t c)
{
	char t[4];

	if (c < 0x80) {
		buf_addc(out, (char)c);
	} else if (c < 0x800) {
		t[0] = (char)(0xC0 | (c >> 6));
		t[1] = (char)(0x80 | (c & 0x3F));
		buf_add(out, t, 2);
	} else if (c < 0x10000) {
		t[0] = (char)(0xE0 | (c >> 12));
		t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[2] = (char)(0x80 | (c & 0x3F));
		buf_add(out, t, 3);
	} else {
		t[0] = (char)(0xF0 | (c >> 18));
		t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[3] = (char)(0x80 | (c & 0x3F));
		buf_add(out, t, 4);
	}
}

static uint32_t
hex4(const char *p)
{
	return (uint32_t)(hexval(p[0]) << 12 | hexval(p[1]) << 8 |
	    hexval(p[2]) << 4 | hexval(p[3]));
}

void
json_unescape(struct buf *out, const char *raw, size_t len)
{
	const char *p = raw + 1, *end = raw + len - 1;

	while (p < end) {
		const char *q = p;

		while (q < end && *q != '\\' && (unsigned char)*q < 0x80)
			q++;
		buf_add(out, p, (size_t)(q - p));
		p = q;
		if (p >= end)
			break;
		if (*p != '\\') {
			size_t k = utf8_valid_len((const unsigned char *)p, (size_t)(end - p));

			if (k == 0) {
				buf_add(out, "\xEF\xBF\xBD", 3);
				p++;
			} else {
				buf_add(out, p, k);
				p += k;
			}
			continue;
		}
		p++;
		switch (*p) {
		case 'b': buf_addc(out, '\b'); break;
		case 'f': buf_addc(out, '\f'); break;
		case 'n': buf_addc(out, '\n'); break;
		case 'r': buf_addc(out, '\r'); break;
		case 't': buf_addc(out, '\t'); break;
		case 'u': {
			uint32_t c = hex4(p + 1);

			p += 4;
			if (c >= 0xD800 && c < 0xDC00 && end - p >= 7 &&
			    p[1] == '\\' && p[2] == 'u') {
				uint32_t lo = hex4(p + 3);

				if (lo >= 0xDC00 && lo < 0xE000) {
					c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				}
			}
			if (c >= 0xD800 && c < 0xE000)
				c = 0xFFFD;	/* a lone surrogate, as jq does */
			put_utf8(out, c);
			break;
		}
		default: buf_addc(out, *p); break;
		}
		p++;
	}
}

void
json_escape(struct buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, start = 0;

	buf_addc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[6];

		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
			continue;
		buf_add(out, s + start, i - start);
		start = i + 1;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
			buf_add(out, u, 6);
			continue;
		}
		buf_adds(out, esc);
	}
	buf_add(out, s + start, len - start);
	buf_addc(out, '"');
}

void
json_compact(struct buf *out, const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)p[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			i++;
		} else if (c == '"') {
			size_t j = i + 1;

			buf_addc(out, '"');
			while (j < len && p[j] != '"') {
				size_t k;

				if (p[j] == '\\') {
					buf_add(out, p + j, 2);
					j += 2;
					continue;
				}
				k = utf8_valid_len((const unsigned char *)p + j, len - j);
				if (k == 0) {
					buf_add(out, "\xEF\xBF\xBD", 3);
					j++;
				} else {
					buf_add(out, p + j, k);
					j += k;
				}
			}
			buf_addc(out, '"');
			i = j + 1;
		} else {
			buf_addc(out, (char)c);
			i++;
		}
	}
}

void
json_number(struct buf *out, double x)
{
	char tmp[64];

	if (x != x) {
		buf_adds(out, "null");
		return;
	}
	x = (double)(long long)(x * 1e6 + (x < 0 ? -0.5 : 0.5)) / 1e6;
	if (x == 0)
		x = 0;	/* no "-0" */
	snprintf(tmp, sizeof tmp, "%.15g", x);
	buf_adds(out, tmp);
}

int
json_object_member(const struct json_member *obj, const char *key, struct json_member *out)
{
	struct json_iter it;
	struct json_member m;
	int found = 0;

	if (obj == NULL || obj->kind != JSON_OBJECT)
		return 0;
	json_iter_init(&it, obj->val, obj->vallen);
	while (json_iter_member(&it, &m))
		if (json_key_is(&m, key)) {
			*out = m;
			found = 1;	/* the last one wins, as in jq */
		}
	return found;
}
