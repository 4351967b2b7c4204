/* masto-user: look Mastodon accounts up by address. */
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
	"[--instance host] [options] [@user@host ...]",
	"Print the user record of each Mastodon account named in the arguments, or\n"
	"on stdin (one @user@host per line, or user records), one request each.\n"
	"The accounts of a run are on one instance.",
	MASTO_OPTIONS_HELP,
};

static const struct option longopts[] = {
	MASTO_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

struct run {
	struct fetch *f;
	const char *instance;	/* --instance */
	struct buf host;	/* the run's instance, once known */
	struct buf user, item_host, rec, id;
	unsigned long seen;	/* input items read */
	struct input_check check;
};

/* One account, as written in item: looked up, written, checkpointed. */
static void
look_up(struct run *r, const char *item, size_t len)
{
	struct fetch *f = r->f;
	unsigned long long digest = fetch_digest(item, len);
	char *arg = xstrndup(item, len);
	const char *why;

	if (r->seen++ < f->p.pos) {
		fetch_skipped(&r->check, digest);	/* done before the checkpoint */
		free(arg);
		return;
	}
	fetch_check_input(f, &r->check);
	why = masto_address(arg, r->instance, &r->user, &r->item_host);
	if (why == NULL && r->host.len == 0) {
		buf_adds(&r->host, r->item_host.p);
		masto_use_instance(f, r->host.p);
	}
	if (why)
		fetch_reject(f, item, len, "%s: %s", arg, why);
	else if (strcmp(r->item_host.p, r->host.p) != 0)
		fetch_reject(f, item, len, "%s: not on %s, the run's instance: run one masto-user "
		    "for each", arg, r->host.p);
	else if (!masto_lookup(f, r->user.p, r->host.p, &r->rec, &r->id))
		fetch_reject(f, item, len, "%s: not found", arg);
	else
		fetch_emit(f, r->rec.p, r->rec.len);
	if (why == NULL && strcmp(r->item_host.p, r->host.p) == 0)
		f->p.requests++;
	fetch_consumed(f, digest);
	fetch_commit(f);
	free(arg);
}

static int
on_record(struct stream *st, const struct record *rec, void *arg)
{
	const struct json_member *name = record_member(rec, "username");
	struct buf v = {0};

	if (name == NULL || name->kind != JSON_STRING) {
		stream_reject(st, rec, "no \"username\" to look up");
		return 0;
	}
	json_unescape(&v, name->val, name->vallen);
	look_up(arg, v.p ? v.p : "", v.len);
	buf_free(&v);
	return 0;
}

static void
on_line(struct stream *st, const struct record *rec, void *arg)
{
	(void)st;
	if (rec->len > 0 && rec->json[0] != '#')
		look_up(arg, rec->json, rec->len);
}

int
main(int argc, char *argv[])
{
	struct masto_opts o;
	struct run r = {0};
	struct buf job = {0}, user = {0}, host = {0};
	const char *why;
	int c, i, status = EXIT_OK;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	masto_opts_init(&o);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		if (!masto_option(&o, &doc, c, optarg))
			cli_usage(&doc, NULL);
	argc -= optind;
	argv += optind;
	masto_token(&o);
	/* Arguments are checked before any request: a typo costs nothing. */
	for (i = argc - 1; i >= 0; i--)
		if (strcmp(argv[i], "-") != 0 &&
		    (why = masto_address(argv[i], o.instance, &user, &host)) != NULL)
			cli_usage(&doc, "%s: %s", argv[i], why);
	buf_adds(&job, progname);
	for (i = 0; i < argc; i++)
		buf_printf(&job, " %s", argv[i]);
	/* The first account's instance is the run's (checked last above); stdin's comes later. */
	if (argc > 0 && strcmp(argv[0], "-") != 0)
		masto_base(&o.fetch, host.p);
	r.f = fetch_begin(&o.fetch, job.p);
	r.instance = o.instance;
	if (o.fetch.estimate) {
		fetch_estimate(r.f, "masto-user: one request for each account", argc ? (unsigned long)argc : 0,
		    MASTO_PAGES_PER_WINDOW, UNIT_USER, (unsigned long)argc, 0, 0);
	} else if (!r.f->p.done) {
		struct stream_opts so = { .rejects_path = NULL };
		struct stream *st = stream_new(&so);

		for (i = 0; i < argc; i++)
			if (strcmp(argv[i], "-") == 0)
				stream_run_lines(st, 1, (char *[]){"-"}, on_record, on_line, &r);
			else
				look_up(&r, argv[i], strlen(argv[i]));
		if (argc == 0)
			stream_run_lines(st, 0, NULL, on_record, on_line, &r);
		fetch_check_input(r.f, &r.check);	/* the input may end before the checkpoint */
		status = stream_finish(st);
	}
	buf_free(&job);
	buf_free(&user);
	buf_free(&host);
	buf_free(&r.host);
	buf_free(&r.user);
	buf_free(&r.item_host);
	buf_free(&r.rec);
	buf_free(&r.id);
	c = fetch_end(r.f);
	return status != EXIT_OK ? status : c;
}
