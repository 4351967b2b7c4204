#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "links.h"
#include "posts.h"
#include "util.h"

/* Exactly n decimal digits at p, as a number in *out. */
static int
digits(const char *p, int n, int *out)
{
	int i;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		*out = *out * 10 + (p[i] - '0');
	}
	return 1;
}

int
parse_date(const char *p, size_t len, time_t *t)
{
	struct tm tm = {0};
	char buf[40];

	if (len >= sizeof buf)
		return -1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	if (len < 10 || !digits(buf, 4, &tm.tm_year) || buf[4] != '-' ||
	    !digits(buf + 5, 2, &tm.tm_mon) || buf[7] != '-' || !digits(buf + 8, 2, &tm.tm_mday))
		return -1;
	if (buf[10] == 'T' || buf[10] == ' ') {
		int m = 19;

		if (len < 19 || !digits(buf + 11, 2, &tm.tm_hour) || buf[13] != ':' ||
		    !digits(buf + 14, 2, &tm.tm_min) || buf[16] != ':' || !digits(buf + 17, 2, &tm.tm_sec))
			return -1;
		if (buf[m] == '.')
			for (m++; isdigit((unsigned char)buf[m]); m++)
				;
		if (buf[m] == 'Z')
			m++;
		else if (strcmp(buf + m, "+00:00") == 0)
			m += 6;
		if (buf[m] != '\0')
			return -1;
	} else if (buf[10] != '\0') {
		return -1;
	}
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31)
		return -1;
	if (tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	{
		struct tm check = tm, back;

		*t = timegm(&check);
		/* timegm normalises 2026-02-30 to March: refuse what moved. */
		if (gmtime_r(t, &back) == NULL || back.tm_mday != tm.tm_mday || back.tm_mon != tm.tm_mon)
			return -1;
	}
	return 0;
}

static struct post *
new_post(struct posts *ps)
{
	struct post *p;

	if (ps->n == ps->cap)
		ps->v = xgrow(ps->v, &ps->cap, sizeof *ps->v, 16);
	p = &ps->v[ps->n++];
	buf_reset(&p->text);
	buf_reset(&p->norm);
	buf_reset(&p->said);
	buf_reset(&p->reply_to);
	buf_reset(&p->entities);
	buf_reset(&p->domains);
	p->has_created = p->repost = p->reply = p->bare_link = p->original = 0;
	p->has_link = p->question = p->hashtags = p->to_client = p->spam = 0;
	return p;
}

static size_t
letters(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += isalpha((unsigned char)*s) || ((unsigned char)*s >= 0xC0);
	return n;
}

/* Letters left once links, mentions and hashtags are taken out. */
static size_t
words_left(const char *text)
{
	struct buf b = {0};
	const char *p = text;
	size_t n;

	while (*p) {
		if ((*p == 'h' && (strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0)) ||
		    *p == '@' || *p == '#') {
			while (*p && !isspace((unsigned char)*p))
				p++;
			continue;
		}
		buf_addc(&b, *p++);
	}
	n = b.p ? letters(b.p) : 0;
	buf_free(&b);
	return n;
}

static void
finish_post(struct posts *ps, struct textnorm *norm, struct post *p)
{
	const char *t = p->text.p ? p->text.p : "", *q;
	size_t left;

	textnorm_run(norm, t, p->text.len);
	buf_add(&p->norm, norm->out.p, norm->out.len);
	if (p->text.len >= 3 && strncmp(t, "RT @", 4) == 0)
		p->repost = 1;
	left = words_left(t);
	p->has_link = strstr(t, "http://") || strstr(t, "https://");
	p->bare_link = !p->repost && left < 10 && p->has_link;
	p->original = !p->repost && !p->bare_link && left >= 20;
	p->question = !p->repost && strchr(t, '?') != NULL;
	for (q = t; (q = strchr(q, '#')) != NULL; q++)
		p->hashtags += isalnum((unsigned char)q[1]) || (unsigned char)q[1] >= 0x80;
	/* What a reply says, without the @names it starts with: canned replies repeat it. */
	q = p->norm.p ? p->norm.p : "";
	while (*q == '@' || *q == ' ') {
		while (*q && *q != ' ')
			q++;
		while (*q == ' ')
			q++;
	}
	buf_adds(&p->said, q);
	p->to_client = !p->repost && client_addressed(&ps->client, t,
	    p->reply_to.len ? p->reply_to.p : NULL, p->reply_to.len, p->entities.p, p->entities.len);
}

int
posts_read(struct posts *ps, struct textnorm *norm, struct stream *st, const struct record *rec)
{
	const struct json_scan *sc = rec->scan;
	struct post *p = NULL;
	size_t i, current = (size_t)-1;

	ps->n = 0;
	if (sc->posts_bad != (size_t)-1) {
		stream_reject(st, rec, ".posts[%zu]: expected an object, got %s",
		    sc->posts_bad, json_kind_name(sc->posts_bad_kind));
		return -1;
	}
	for (i = 0; i < sc->npost_members; i++) {
		const struct json_member *m = &sc->post_members[i];

		if (sc->post_index[i] != current) {
			if (p)
				finish_post(ps, norm, p);
			p = new_post(ps);
			current = sc->post_index[i];
		}
		if (json_key_is(m, "text") && m->kind == JSON_STRING) {
			buf_reset(&p->text);
			json_unescape(&p->text, m->val, m->vallen);
		} else if (json_key_is(m, "created_at") && m->kind == JSON_STRING) {
			p->has_created = parse_date(m->val + 1, m->vallen - 2, &p->created) == 0;
		} else if (json_key_is(m, "in_reply_to_user_id") && m->kind == JSON_STRING) {
			p->reply = 1;
			buf_reset(&p->reply_to);
			buf_add(&p->reply_to, m->val + 1, m->vallen - 2);
		} else if ((json_key_is(m, "referenced_tweets") || json_key_is(m, "referenced_posts")) &&
		    m->kind == JSON_ARRAY) {
			if (memmem(m->val, m->vallen, "\"retweeted\"", 11))
				p->repost = 1;
			if (memmem(m->val, m->vallen, "\"replied_to\"", 12))
				p->reply = 1;
		} else if (json_key_is(m, "entities")) {
			link_domains(&p->domains, m->val, m->vallen);
			buf_reset(&p->entities);
			if (client_given(&ps->client))
				buf_add(&p->entities, m->val, m->vallen);
		}
	}
	if (p)
		finish_post(ps, norm, p);
	return 0;
}



static int
same_buf(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->p, b->p, a->len) == 0);
}

void
posts_count(struct posts *ps, struct lexicons *lx, struct post_counts *c)
{
	size_t i, j, minutes[60] = {0};

	memset(c, 0, sizeof *c);
	c->n = ps->n;
	for (i = 0; i < c->n; i++) {
		struct post *p = &ps->v[i];
		size_t m0, m1, same = 1;

		c->reposts += p->repost;
		c->links += p->bare_link;
		c->original += p->original;
		if (p->has_created) {
			c->dated++;
			if (p->created > c->last)
				c->last = p->created;
			if (!p->reply && !p->repost)
				minutes[(p->created / 60) % 60]++;
		}
		if (!p->repost || p->reply)
			lexicon_scan(lx, p->norm.p ? p->norm.p : "", p->norm.len);
		if (!p->repost) {
			c->own++;
			c->with_link += p->has_link;
			c->questions += p->question;
			c->hashtags += (size_t)p->hashtags;
			p->spam = lexicon_hits(lx, LEX_SPAM, p->norm.p ? p->norm.p : "", p->norm.len, &m0, &m1);
			c->spam += (size_t)p->spam;
			/* A link or a sales line to the client is a pitch, not a conversation. */
			if (p->to_client && (p->has_link || p->spam))
				c->pitches++;
			else
				c->to_client += p->to_client;
		}
		if (p->reply && !p->repost) {
			int seen = 0, canned = 0;
			const char *t = p->norm.p ? p->norm.p : "";

			c->replies++;
			c->combative += lexicon_hits(lx, LEX_COMBATIVE, t, p->norm.len, &m0, &m1);
			c->promo_replies += p->has_link || p->spam ||
			    lexicon_hits(lx, LEX_PROMO, t, p->norm.len, &m0, &m1);
			for (j = 0; j < i; j++) {
				if (!ps->v[j].reply)
					continue;
				seen |= same_buf(&ps->v[j].reply_to, &p->reply_to);
				canned |= p->said.len > 0 && same_buf(&ps->v[j].said, &p->said);
			}
			c->distinct += !seen;
			c->canned += canned;
		}
		for (j = i + 1; j < c->n; j++)
			same += p->norm.len > 0 && same_buf(&ps->v[j].norm, &p->norm);
		if (same > c->repeat)
			c->repeat = same;
	}
	for (i = 0; i < 60; i++)
		if (minutes[i] > c->same_minute)
			c->same_minute = minutes[i];
}


void
posts_add_client(struct posts *ps, const char *who)
{
	client_add(&ps->client, who);
}

void
posts_free(struct posts *ps)
{
	size_t i;

	client_free(&ps->client);
	for (i = 0; i < ps->cap; i++) {
		buf_free(&ps->v[i].text);
		buf_free(&ps->v[i].norm);
		buf_free(&ps->v[i].said);
		buf_free(&ps->v[i].reply_to);
		buf_free(&ps->v[i].entities);
		buf_free(&ps->v[i].domains);
	}
	free(ps->v);
}
