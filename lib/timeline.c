#define _GNU_SOURCE	/* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "timeline.h"
#include "util.h"

#define PAGE_MIN 5
#define PAGE_MAX 100

enum { ASKING, DONE, SKIPPED };

struct tl_user {
	char *json;		/* the record as it came */
	char *parked;		/* the token of a page that waits for the budget */
	size_t len;
	char id[256];
	char handle[64];	/* for messages */
	struct buf posts;	/* the posts so far, comma-separated */
	unsigned long got;
	unsigned long want;	/* --count: a page asks for 5 at least */
	unsigned long asked;	/* max_results of the request in flight */
	unsigned long long digest;	/* for the checkpoint's digest of the input */
	struct buf held;	/* the rejects up to it, kept when it is written */
	int state;
};

struct timeline {
	struct fetch *f;
	struct timeline_opts o;
	struct tl_user **v;	/* in input order, from head on */
	size_t head, n, cap;
	unsigned inflight;
	size_t nparked;		/* users whose next page waits for the budget */
	unsigned long seen;
	struct input_check check;	/* the records a rerun skips */
	/*
	 * Bad input since the last record: kept with --rejects when the next
	 * record is written, so that the rejects file and the checkpoint
	 * always cover the same input.
	 */
	struct buf held;
	int out_of_budget;
};

void
timeline_query(struct buf *q, const char *exclude, int with_author)
{
	buf_adds(q, "post.fields=" POST_FIELDS);
	/* The expansions bring the fields fb-score reads: who a reply answers, what a repost is. */
	buf_adds(q, with_author ? "&expansions=author_id,referenced_posts,in_reply_to_user_id&user.fields="
	    USER_FIELDS : "&expansions=referenced_posts,in_reply_to_user_id");
	if (exclude)
		buf_printf(q, "&exclude=%s", exclude);
}

struct timeline *
timeline_new(struct fetch *f, const struct timeline_opts *o)
{
	struct timeline *t = xcalloc(1, sizeof *t);

	t->f = f;
	t->o = *o;
	return t;
}

/*
 * Asks for u's next page; 0 when the budget cannot pay for it while the
 * requests in flight may still spend what they reserved.
 */
static int
ask(struct timeline *t, struct tl_user *u, const char *token)
{
	unsigned long want = t->o.count - u->got, can;
	const struct network *net = t->f->o.api.net;
	struct buf req = {0}, path = {0}, query = {0};

	if (want > PAGE_MAX)
		want = PAGE_MAX;
	if (want < PAGE_MIN)
		want = PAGE_MIN;
	/* What the requests in flight may bring is spent already. */
	can = fetch_afford(t->f, UNIT_POST, want);
	if (can < PAGE_MIN)
		return 0;
	want = can;
	net->timeline_request(&path, &query, u->id, t->o.exclude);
	net->page_request(&req, path.p, query.p, want, token);
	fetch_reserve(t->f, UNIT_POST, want);
	xapi_queue(t->f->api, req.p, u);
	u->asked = want;
	t->inflight++;
	buf_free(&req);
	buf_free(&path);
	buf_free(&query);
	return 1;
}

/* Where the posts of an answer go: the user it is for, in its run. */
struct answer {
	struct timeline *t;
	struct tl_user *u;
};

static void
add_post(void *arg, const char *json, size_t len)
{
	struct answer *a = arg;
	struct tl_user *u = a->u;

	if (u->state == DONE || u->got >= u->want)
		return;
	/* A network that cannot leave reposts out sends them: they are left here. */
	if (a->t->o.exclude && strstr(a->t->o.exclude, "retweets") &&
	    memmem(json, len, "\"retweeted\"", 11))
		return;
	if (u->posts.len)
		buf_addc(&u->posts, ',');
	buf_add(&u->posts, json, len);
	u->got++;
}

static void
not_a_post(void *arg, const char *json, size_t len)
{
	fetch_not_an_object(((struct answer *)arg)->t->f, "a post", json, len);
}

static void
unavailable(void *arg, const char *value, const char *what)
{
	struct tl_user *u = arg;

	(void)value;
	if (u->state != DONE)
		warnmsg("%s: no posts, the record is kept as it is: %s", u->handle, what);
	u->state = DONE;
	u->got = 0;
	buf_free(&u->posts);
	u->posts.len = (size_t)-1;	/* marks "leave the record alone" */
}

/* The record with "posts" set to the posts got, where it was or at the end. */
static void
with_posts(struct buf *out, const struct tl_user *u)
{
	struct json_iter it;
	struct json_member m;
	int first = 1, placed = 0;

	buf_addc(out, '{');
	json_iter_init(&it, u->json, u->len);
	while (json_iter_member(&it, &m)) {
		if (!first)
			buf_addc(out, ',');
		first = 0;
		if (json_key_is(&m, "posts")) {
			if (placed) {	/* a second "posts": drop it */
				out->len--;
				continue;
			}
			buf_adds(out, "\"posts\":[");
			buf_add(out, u->posts.p, u->posts.len);
			buf_addc(out, ']');
			placed = 1;
			continue;
		}
		buf_addc(out, '"');
		buf_add(out, m.key, m.keylen);
		buf_adds(out, "\":");
		buf_add(out, m.val, m.vallen);
	}
	if (!placed) {
		buf_adds(out, first ? "\"posts\":[" : ",\"posts\":[");
		buf_add(out, u->posts.p, u->posts.len);
		buf_addc(out, ']');
	}
	buf_addc(out, '}');
	out->p[out->len] = '\0';
}

/* Writes the complete records at the head, in order, then a checkpoint. */
static void
write_ready(struct timeline *t)
{
	struct buf rec = {0};
	int wrote = 0;

	while (t->head < t->n && t->v[t->head]->state != ASKING) {
		struct tl_user *u = t->v[t->head];

		if (u->state == DONE) {
			buf_reset(&rec);
			if (u->posts.len == (size_t)-1)
				fetch_emit(t->f, u->json, u->len);
			else {
				with_posts(&rec, u);
				fetch_emit(t->f, rec.p, rec.len);
				buf_free(&u->posts);
			}
		}
		sink_keep(t->f->sink, u->held.p, u->held.len);
		buf_free(&u->held);
		fetch_consumed(t->f, u->digest);
		free(u->json);
		free(u);
		t->v[t->head++] = NULL;
		wrote = 1;
	}
	/* Keep the buffer as long as what waits, not as the input. */
	if (t->head == t->n)
		t->head = t->n = 0;
	else if (t->head > 64 && t->head * 2 > t->n) {
		memmove(t->v, t->v + t->head, (t->n - t->head) * sizeof *t->v);
		t->n -= t->head;
		t->head = 0;
	}
	if (wrote)
		fetch_commit(t->f);
	buf_free(&rec);
}

/*
 * Asks for the pages that waited for the budget, in input order; when
 * nothing is in flight and one still cannot be paid for, the budget is spent.
 */
static void
unpark(struct timeline *t)
{
	size_t i;

	for (i = t->head; i < t->n && t->nparked; i++) {
		struct tl_user *u = t->v[i];

		if (u->parked == NULL)
			continue;
		if (!ask(t, u, *u->parked ? u->parked : NULL)) {
			if (t->inflight == 0)
				t->out_of_budget = 1;
			return;
		}
		free(u->parked);
		u->parked = NULL;
		t->nparked--;
	}
}

/* Takes one answer and asks for what it leaves to ask. */
static void
take_answer(struct timeline *t)
{
	struct xapi_call *c = xapi_next(t->f->api);
	struct tl_user *u;
	struct page_info pi;
	struct buf err = {0};

	if (c == NULL)
		die(EXIT_FAIL, "a timeline request went missing");
	u = c->arg;
	t->inflight--;
	t->f->p.requests++;
	t->f->o.api.net->page_read(c, &pi);
	fetch_settle(t->f, UNIT_POST, u->asked, pi.ndata);
	if (pi.problem)
		die(EXIT_FAIL, "%s", pi.problem);
	if (pi.gone) {
		unavailable(u, "", pi.gone);
		free(pi.gone);
	} else if (pi.has_data) {
		struct answer a = { t, u };

		if (t->f->o.api.net->flatten(c->body.p, c->body.len, add_post, not_a_post, &a,
		    &err) < 0)
			die(EXIT_FAIL, "GET %s: %s", c->request, err.p);
		if (u->got >= t->o.count || pi.next == NULL)
			u->state = DONE;
		fetch_warn_errors(&pi);
	} else if (pi.next == NULL) {
		fetch_errors(&pi, unavailable, u);
		u->state = DONE;	/* no posts at all, or none that can be read */
	}
	/*
	 * An empty page with a token goes on: X skips what it cannot show. A
	 * user the budget cannot finish stays unfinished, and so unwritten.
	 */
	if (u->state == ASKING && !ask(t, u, pi.next)) {
		u->parked = pi.next ? pi.next : xstrdup("");
		pi.next = NULL;
		t->nparked++;
	}
	free(pi.next);
	xapi_call_free(c);
	buf_free(&err);
	unpark(t);
}

void
timeline_keep(void *arg, const char *s, size_t n)
{
	struct timeline *t = arg;

	/* Bad input before a record done before the checkpoint: kept then. */
	if (t->seen < t->f->p.pos)
		return;
	buf_add(&t->held, s, n);
}

int
timeline_record(struct stream *st, const struct record *rec, void *arg)
{
	struct timeline *t = arg;
	const struct json_member *id = record_member(rec, "id");
	struct tl_user *u;
	struct buf v = {0};
	unsigned long long digest = fetch_digest(rec->json, rec->len);

	if (t->seen++ < t->f->p.pos) {
		fetch_skipped(&t->check, digest);	/* written before the checkpoint */
		return 0;
	}
	fetch_check_input(t->f, &t->check);
	if (t->out_of_budget)
		return 0;
	if (id && id->kind == JSON_STRING)
		json_unescape(&v, id->val, id->vallen);
	if (v.p == NULL || !t->f->o.api.net->is_account_id(v.p)) {
		buf_free(&v);
		stream_reject(st, rec, "%s: the timeline cannot be asked for",
		    id == NULL ? "no user id (\"id\")" : id->kind != JSON_STRING ?
		    "\"id\" is not a string (X's ids are strings)" : "\"id\" is not a user id");
		if (t->n == 0) {
			sink_keep(t->f->sink, t->held.p, t->held.len);
			buf_reset(&t->held);
			fetch_consumed(t->f, digest);
			return 0;
		}
		u = xcalloc(1, sizeof *u);
		u->state = SKIPPED;
	} else {
		u = xcalloc(1, sizeof *u);
		snprintf(u->id, sizeof u->id, "%s", v.p);
		u->want = t->o.count;
		record_handle(rec, u->handle, sizeof u->handle);
		u->json = xstrndup(rec->json, rec->len);
		u->len = rec->len;
		buf_free(&v);
		/* Pages that wait for the budget come first; then this user's. */
		while (!t->out_of_budget && (t->nparked || !ask(t, u, NULL))) {
			if (t->inflight == 0) {
				t->out_of_budget = 1;
				break;
			}
			take_answer(t);
			write_ready(t);
		}
		if (t->out_of_budget) {
			free(u->json);
			free(u);
			return 0;
		}
	}
	u->digest = digest;
	u->held = t->held;
	memset(&t->held, 0, sizeof t->held);
	if (t->n == t->cap)
		t->v = xgrow(t->v, &t->cap, sizeof *t->v, 64);
	t->v[t->n++] = u;
	/* Keep the requests in flight, and what waits for the head, bounded. */
	while (t->inflight >= t->f->o.api.jobs || (t->n - t->head > 8u * t->f->o.api.jobs && t->inflight)) {
		take_answer(t);
		write_ready(t);
	}
	write_ready(t);
	return 0;
}

void
timeline_finish(struct timeline *t)
{
	while (t->inflight) {
		take_answer(t);
		write_ready(t);
	}
	write_ready(t);
	if (t->out_of_budget)
		fetch_budget_stop(t->f, UNIT_POST, t->o.count < PAGE_MIN ? PAGE_MIN :
		    t->o.count > PAGE_MAX ? PAGE_MAX : t->o.count);
	fetch_check_input(t->f, &t->check);	/* the input may end before the checkpoint */
	sink_keep(t->f->sink, t->held.p, t->held.len);	/* bad input after the last record */
	buf_free(&t->held);
	free(t->v);
	free(t);
}

int
timeline_option(const struct cli_doc *doc, struct timeline_opts *to, struct fetch_opts *o,
    struct stream_opts *so, int c, const char *arg)
{
	switch (c) {
	case TO_COUNT: to->count = cli_count(doc, "--count", arg, 1, 3200); break;
	case TO_EXCLUDE:
		if (strcmp(arg, "replies") && strcmp(arg, "retweets") &&
		    strcmp(arg, "replies,retweets") && strcmp(arg, "retweets,replies"))
			cli_usage(doc, "--exclude %s: expected replies, retweets or replies,retweets", arg);
		to->exclude = arg;
		break;
	case TO_JOBS: o->api.jobs = (unsigned)cli_count(doc, "--jobs", arg, 1, 64); break;
	case TO_MAX_RECORD: so->max_record = cli_size(doc, "--max-record", arg); break;
	default: return fetch_option(o, doc, c, arg);
	}
	return 1;
}

static int
count_user(struct stream *st, const struct record *rec, void *arg)
{
	(void)st;
	(void)rec;
	++*(unsigned long *)arg;
	return 0;
}

unsigned long
timeline_count(const struct stream_opts *so, int argc, char **argv, int *status)
{
	struct stream *st = stream_new(so);
	unsigned long users = 0;

	stream_run(st, argc, argv, count_user, &users);
	*status = stream_finish(st);
	return users;
}

int
timeline_attach(struct fetch *f, const struct timeline_opts *to, struct stream_opts *so,
    int argc, char **argv)
{
	struct timeline *t = timeline_new(f, to);
	struct stream *st;

	/* Bad input and records without an id go to --rejects in step with the checkpoint. */
	if (f->o.rejects) {
		so->rejects_path = f->o.rejects;
		so->keep = timeline_keep;
		so->keep_arg = t;
	}
	st = stream_new(so);
	stream_run(st, argc, argv, timeline_record, t);
	timeline_finish(t);
	return stream_finish(st);
}
