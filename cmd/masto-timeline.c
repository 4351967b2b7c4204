/* masto-timeline: each user record with its recent Mastodon posts attached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "masto.h"
#include "mastofetch.h"
#include "stream.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--count N] [--with-replies] [--with-boosts]\n"
	"       [--instance host] [options] [file ...]",
	"Attach to each user record (from masto-followers or masto-user, on stdin or\n"
	"in the files) the account's recent posts as posts, newest first, asked of\n"
	"the instance its fb.source names; replies and boosts left out.",
	"      --count N         posts per account (default 20, at most 800)\n"
	"      --with-replies    keep its replies to others\n"
	"      --with-boosts     keep its boosts\n"
	MASTO_OPTIONS_HELP,
};

enum { OPT_COUNT = 1, OPT_REPLIES, OPT_BOOSTS };

static const struct option longopts[] = {
	{"count", required_argument, NULL, OPT_COUNT},
	{"with-replies", no_argument, NULL, OPT_REPLIES},
	{"with-boosts", no_argument, NULL, OPT_BOOSTS},
	MASTO_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

struct run {
	struct fetch *f;
	const char *instance;	/* --instance */
	struct buf host;	/* the run's instance, once known */
	const char *query;
	unsigned long count;
	unsigned long seen;	/* records read */
	struct input_check check;
	struct buf posts, out, path;
};

/* Bad input is kept once: not again for what a resumed run skips. */
static void
keep_bad(void *arg, const char *s, size_t n)
{
	struct run *r = arg;

	if (r->seen >= r->f->p.pos)
		fetch_keep(r->f, s, n);
}

/* The string value of rec.key.sub (sub NULL: rec.key) into v; 1 if there is one. */
static int
string_of(const struct record *rec, const char *key, const char *sub, struct buf *v)
{
	const struct json_member *m = record_member(rec, key);
	struct json_member inner;

	buf_reset(v);
	if (m && sub && json_object_member(m, sub, &inner))
		m = &inner;
	else if (sub)
		m = NULL;
	if (m == NULL || m->kind != JSON_STRING)
		return 0;
	json_unescape(v, m->val, m->vallen);
	return 1;
}

static int
on_record(struct stream *st, const struct record *rec, void *arg)
{
	struct run *r = arg;
	struct fetch *f = r->f;
	unsigned long long digest = fetch_digest(rec->json, rec->len);
	const struct json_member *fb = record_member(rec, "fb");
	struct json_member source, inst;
	struct buf id = {0}, host = {0};

	(void)st;
	if (r->seen++ < f->p.pos) {
		fetch_skipped(&r->check, digest);	/* written before the checkpoint */
		return 0;
	}
	fetch_check_input(f, &r->check);
	if (r->instance)
		buf_adds(&host, r->instance);
	else if (fb && json_object_member(fb, "source", &source) &&
	    json_object_member(&source, "instance", &inst) && inst.kind == JSON_STRING)
		json_unescape(&host, inst.val, inst.vallen);
	if (host.len && r->host.len == 0 && masto_host_ok(host.p)) {
		buf_adds(&r->host, host.p);
		masto_use_instance(f, r->host.p);
	}
	if (!string_of(rec, "id", NULL, &id) || id.len == 0 || strspn(id.p, "0123456789") != id.len) {
		fetch_reject(f, rec->raw, rec->rawlen, "%s:%lu: no id (a Mastodon account id) to ask "
		    "its posts by", rec->file, rec->line);
	} else if (host.len == 0) {
		fetch_reject(f, rec->raw, rec->rawlen, "%s:%lu: no fb.source.instance: which instance "
		    "its id is of? Give --instance", rec->file, rec->line);
	} else if (strcmp(host.p, r->host.p) != 0) {
		fetch_reject(f, rec->raw, rec->rawlen, "%s:%lu: not from %s, the run's instance: run "
		    "one masto-timeline for each", rec->file, rec->line, r->host.p);
	} else {
		buf_reset(&r->path);
		buf_printf(&r->path, "/api/v1/accounts/%s/statuses", id.p);
		if (!masto_posts(f, r->path.p, r->query, r->count, &r->posts)) {
			fetch_reject(f, rec->raw, rec->rawlen, "%s:%lu: account %s: not found on %s",
			    rec->file, rec->line, id.p, r->host.p);
		} else {
			buf_reset(&r->out);
			masto_attach_posts(&r->out, rec->json, rec->len, r->posts.p, r->posts.len);
			fetch_emit(f, r->out.p, r->out.len);
		}
	}
	fetch_consumed(f, digest);
	fetch_commit(f);
	buf_free(&id);
	buf_free(&host);
	return 0;
}

static int
count_record(struct stream *st, const struct record *rec, void *arg)
{
	(void)st;
	(void)rec;
	++*(unsigned long *)arg;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct masto_opts o;
	struct run r = {0};
	struct buf job = {0}, query = {0};
	struct stream_opts so = {0};
	struct stream *st;
	int c, replies = 0, boosts = 0, status = EXIT_OK;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	masto_opts_init(&o);
	r.count = 20;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_COUNT: r.count = cli_count(&doc, "--count", optarg, 1, 800); break;
		case OPT_REPLIES: replies = 1; break;
		case OPT_BOOSTS: boosts = 1; break;
		default:
			if (!masto_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	argc -= optind;
	argv += optind;
	masto_token(&o);
	buf_printf(&query, "%s%s%s", replies ? "" : "exclude_replies=true",
	    !replies && !boosts ? "&" : "", boosts ? "" : "exclude_reblogs=true");
	r.query = query.p;
	r.instance = o.instance;
	if (o.instance)
		masto_base(&o.fetch, o.instance);
	buf_printf(&job, "%s attach %lu %s", progname, r.count, query.p);
	r.f = fetch_begin(&o.fetch, job.p);
	if (o.fetch.estimate) {
		unsigned long users = 0;
		struct buf what = {0};

		st = stream_new(&so);
		stream_run(st, argc, argv, count_record, &users);
		status = stream_finish(st);
		buf_printf(&what, "%s: %lu posts from each of %lu account%s", progname, r.count,
		    users, users == 1 ? "" : "s");
		fetch_estimate(r.f, what.p, users * ((r.count + 39) / 40), MASTO_PAGES_PER_WINDOW,
		    UNIT_POST, users * r.count, 1, 0);
		buf_free(&what);
	} else if (!r.f->p.done) {
		so.keep = keep_bad;
		so.keep_arg = &r;
		so.rejects_path = o.fetch.rejects;
		st = stream_new(&so);
		stream_run(st, argc, argv, on_record, &r);
		fetch_check_input(r.f, &r.check);	/* the input may end before the checkpoint */
		status = stream_finish(st);
	}
	buf_free(&job);
	buf_free(&query);
	buf_free(&r.host);
	buf_free(&r.posts);
	buf_free(&r.out);
	buf_free(&r.path);
	c = fetch_end(r.f);
	return status != EXIT_OK ? status : c;
}
