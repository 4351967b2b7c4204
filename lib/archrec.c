#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "archrec.h"
#include "util.h"

/* Appends ,"key": or "key": to an object being written. */
static void
key(struct buf *out, int *first, const char *k)
{
	if (!*first)
		buf_addc(out, ',');
	*first = 0;
	json_escape(out, k, strlen(k));
	buf_addc(out, ':');
}

/* A string member's text, unescaped, in tmp; NULL when m is no string. */
static const char *
text_of(const struct json_member *m, struct buf *tmp)
{
	if (m == NULL || m->kind != JSON_STRING)
		return NULL;
	buf_reset(tmp);
	json_unescape(tmp, m->val, m->vallen);
	return tmp->p ? tmp->p : "";
}

/* "key":"the member's string" when obj has it. */
static void
copy_string(struct buf *out, int *first, const char *k, const struct json_member *obj,
    const char *from)
{
	struct json_member m;
	struct buf tmp = {0};
	const char *s;

	if (json_object_member(obj, from, &m) && (s = text_of(&m, &tmp)) != NULL) {
		key(out, first, k);
		json_escape(out, s, tmp.len);
	}
	buf_free(&tmp);
}

/* A count the archive writes as a string ("3") or a number: its digits, or 0. */
static int
count_of(const struct json_member *m, unsigned long long *n)
{
	const char *p;
	size_t len, i;

	if (m->kind == JSON_STRING) {
		p = m->val + 1;
		len = m->vallen - 2;
	} else if (m->kind == JSON_NUMBER) {
		p = m->val;
		len = m->vallen;
	} else {
		return 0;
	}
	if (len == 0 || len > 19)
		return 0;
	*n = 0;
	for (i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		*n = *n * 10 + (unsigned long long)(p[i] - '0');
	}
	return 1;
}

void
archrec_source(struct buf *out, const char *kind, const char *date)
{
	buf_adds(out, "{\"network\":\"x\",\"archive\":");
	json_escape(out, kind, strlen(kind));
	if (date) {
		buf_adds(out, ",\"date\":");
		json_escape(out, date, strlen(date));
	}
	buf_addc(out, '}');
}

int
archrec_stub(struct buf *out, const struct json_member *entry, const char *source)
{
	struct json_member m;
	unsigned long long id;

	if (!json_object_member(entry, "accountId", &m) || !count_of(&m, &id))
		return -1;
	buf_printf(out, "{\"id\":\"%llu\",\"fb\":{\"source\":%s}}", id, source);
	return 0;
}

static void
add_utf8(struct buf *out, unsigned long c)
{
	if (c < 0x80) {
		buf_addc(out, (char)c);
	} else if (c < 0x800) {
		buf_addc(out, (char)(0xC0 | c >> 6));
		buf_addc(out, (char)(0x80 | (c & 0x3F)));
	} else if (c < 0x10000) {
		buf_addc(out, (char)(0xE0 | c >> 12));
		buf_addc(out, (char)(0x80 | (c >> 6 & 0x3F)));
		buf_addc(out, (char)(0x80 | (c & 0x3F)));
	} else {
		buf_addc(out, (char)(0xF0 | c >> 18));
		buf_addc(out, (char)(0x80 | (c >> 12 & 0x3F)));
		buf_addc(out, (char)(0x80 | (c >> 6 & 0x3F)));
		buf_addc(out, (char)(0x80 | (c & 0x3F)));
	}
}

void
archrec_unescape_html(struct buf *out, const char *s, size_t n)
{
	static const struct { const char *name; char c; } named[] = {
		{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''},
	};
	size_t i = 0, k;

	while (i < n) {
		const char *semi;
		int done = 0;

		if (s[i] != '&' || (semi = memchr(s + i, ';', n - i > 12 ? 12 : n - i)) == NULL) {
			buf_addc(out, s[i++]);
			continue;
		}
		for (k = 0; k < sizeof named / sizeof named[0] && !done; k++)
			if ((size_t)(semi + 1 - (s + i + 1)) == strlen(named[k].name) &&
			    memcmp(s + i + 1, named[k].name, strlen(named[k].name)) == 0) {
				buf_addc(out, named[k].c);
				done = 1;
			}
		if (!done && s[i + 1] == '#') {
			char digits[12] = {0}, *end;
			int hex = s[i + 2] == 'x' || s[i + 2] == 'X';
			size_t from = i + 2 + (size_t)hex, len = (size_t)(semi - (s + from));
			unsigned long c;

			if (len > 0 && len < sizeof digits) {
				memcpy(digits, s + from, len);
				c = strtoul(digits, &end, hex ? 16 : 10);
				/* Only characters: not NUL, a surrogate, or beyond Unicode. */
				if (*end == '\0' && c > 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
					add_utf8(out, c);
					done = 1;
				}
			}
		}
		if (done)
			i = (size_t)(semi + 1 - s);
		else
			buf_addc(out, s[i++]);
	}
}

int
archrec_date(char out[32], const char *s, size_t n)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char text[64], mon[4], sign;
	struct tm tm = {0};
	int day, hh, mm, ss, oh, om, year;
	const char *m;
	time_t t;

	if (n >= sizeof text)
		return -1;
	memcpy(text, s, n);
	text[n] = '\0';
	if (sscanf(text, "%*3s %3s %d %d:%d:%d %c%2d%2d %d", mon, &day, &hh, &mm, &ss, &sign, &oh,
	    &om, &year) != 9 || (sign != '+' && sign != '-') ||
	    (m = strstr(months, mon)) == NULL || (m - months) % 3 != 0)
		return -1;
	tm.tm_year = year - 1900;
	tm.tm_mon = (int)(m - months) / 3;
	tm.tm_mday = day;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_sec = ss;
	if (day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60 || year < 2006 || year > 9999)
		return -1;
	t = timegm(&tm) - (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	if (gmtime_r(&t, &tm) == NULL)
		return -1;
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	return 0;
}

/* entities.user_mentions as entities.mentions: start, end, username, id. */
static void
add_mentions(struct buf *out, int *first, const struct json_member *tweet)
{
	struct json_member ent, list, m;
	struct json_iter it, ix;
	const char *el, *v;
	size_t elen, vlen;
	enum json_kind kind, vkind;
	struct buf tmp = {0};
	int any = 0;

	if (!json_object_member(tweet, "entities", &ent) ||
	    !json_object_member(&ent, "user_mentions", &list) || list.kind != JSON_ARRAY)
		return;
	json_iter_init(&it, list.val, list.vallen);
	while (json_iter_element(&it, &el, &elen, &kind)) {
		struct json_member mention = {NULL, 0, el, elen, kind};
		unsigned long long idx[2], id;
		int nidx = 0, f = 1;
		const char *name;

		if (!json_object_member(&mention, "screen_name", &m) || (name = text_of(&m, &tmp)) == NULL)
			continue;
		if (any) {
			buf_addc(out, ',');
		} else {
			key(out, first, "entities");
			buf_adds(out, "{\"mentions\":[");
			any = 1;
		}
		buf_addc(out, '{');
		if (json_object_member(&mention, "indices", &m) && m.kind == JSON_ARRAY) {
			json_iter_init(&ix, m.val, m.vallen);
			while (nidx < 2 && json_iter_element(&ix, &v, &vlen, &vkind)) {
				struct json_member num = {NULL, 0, v, vlen, vkind};

				if (count_of(&num, &idx[nidx]))
					nidx++;
			}
			if (nidx == 2) {
				buf_printf(out, "\"start\":%llu,\"end\":%llu", idx[0], idx[1]);
				f = 0;
			}
		}
		key(out, &f, "username");
		json_escape(out, name, tmp.len);
		if ((json_object_member(&mention, "id_str", &m) || json_object_member(&mention, "id", &m)) &&
		    count_of(&m, &id))
			buf_printf(out, ",\"id\":\"%llu\"", id);
		buf_addc(out, '}');
	}
	if (any)
		buf_adds(out, "]}");
	buf_free(&tmp);
}

int
archrec_post(struct buf *out, const struct json_member *tweet, const char *owner_id,
    const char *source, struct buf *err)
{
	struct json_member m;
	struct buf tmp = {0};
	unsigned long long n;
	char date[32];
	const char *s;
	int first = 1, metrics = 0;

	if (tweet->kind != JSON_OBJECT ||
	    !((json_object_member(tweet, "id_str", &m) || json_object_member(tweet, "id", &m)) &&
	    count_of(&m, &n))) {
		buf_adds(err, "a tweet without an id");
		return -1;
	}
	buf_addc(out, '{');
	key(out, &first, "id");
	buf_printf(out, "\"%llu\"", n);
	if ((json_object_member(tweet, "full_text", &m) || json_object_member(tweet, "text", &m)) &&
	    (s = text_of(&m, &tmp)) != NULL) {
		struct buf text = {0};

		archrec_unescape_html(&text, s, tmp.len);
		key(out, &first, "text");
		json_escape(out, text.p ? text.p : "", text.len);
		buf_free(&text);
	}
	if (json_object_member(tweet, "created_at", &m) && (s = text_of(&m, &tmp)) != NULL) {
		if (archrec_date(date, s, tmp.len) < 0) {
			buf_printf(err, "created_at is not a date as the archive writes them: %.40s", s);
			buf_free(&tmp);
			return -1;
		}
		key(out, &first, "created_at");
		buf_printf(out, "\"%s\"", date);
	}
	if (owner_id) {
		key(out, &first, "author_id");
		json_escape(out, owner_id, strlen(owner_id));
	}
	copy_string(out, &first, "lang", tweet, "lang");
	if ((json_object_member(tweet, "in_reply_to_user_id_str", &m) ||
	    json_object_member(tweet, "in_reply_to_user_id", &m)) && count_of(&m, &n)) {
		key(out, &first, "in_reply_to_user_id");
		buf_printf(out, "\"%llu\"", n);
	}
	if ((json_object_member(tweet, "in_reply_to_status_id_str", &m) ||
	    json_object_member(tweet, "in_reply_to_status_id", &m)) && count_of(&m, &n)) {
		key(out, &first, "referenced_tweets");
		buf_printf(out, "[{\"type\":\"replied_to\",\"id\":\"%llu\"}]", n);
	}
	if (json_object_member(tweet, "retweet_count", &m) && count_of(&m, &n)) {
		key(out, &first, "public_metrics");
		buf_printf(out, "{\"retweet_count\":%llu", n);
		metrics = 1;
	}
	if (json_object_member(tweet, "favorite_count", &m) && count_of(&m, &n)) {
		if (!metrics)
			key(out, &first, "public_metrics");
		buf_printf(out, "%slike_count\":%llu", metrics ? ",\"" : "{\"", n);
		metrics = 1;
	}
	if (metrics)
		buf_addc(out, '}');
	add_mentions(out, &first, tweet);
	key(out, &first, "fb");
	buf_printf(out, "{\"source\":%s}}", source);
	buf_free(&tmp);
	return 0;
}

int
archrec_account(struct buf *out, const struct json_member *account,
    const struct json_member *profile, const char *source, struct buf *err)
{
	struct json_member m, desc;
	unsigned long long id;
	int first = 1;

	if (!json_object_member(account, "accountId", &m) || !count_of(&m, &id)) {
		buf_adds(err, "account.js has no accountId");
		return -1;
	}
	buf_addc(out, '{');
	key(out, &first, "id");
	buf_printf(out, "\"%llu\"", id);
	copy_string(out, &first, "username", account, "username");
	copy_string(out, &first, "name", account, "accountDisplayName");
	copy_string(out, &first, "created_at", account, "createdAt");
	if (profile && json_object_member(profile, "description", &desc)) {
		copy_string(out, &first, "description", &desc, "bio");
		copy_string(out, &first, "location", &desc, "location");
		copy_string(out, &first, "url", &desc, "website");
	}
	if (profile)
		copy_string(out, &first, "profile_image_url", profile, "avatarMediaUrl");
	key(out, &first, "fb");
	buf_printf(out, "{\"source\":%s}}", source);
	return 0;
}
