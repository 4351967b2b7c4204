/* tw-timeline: attach each user's recent posts, or print one account's posts. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fetch.h"
#include "owned.h"
#include "stream.h"
#include "timeline.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--count N] [--exclude replies,retweets] [--jobs N]\n"
	"       [--max-record SIZE] [options] [@name | id | file ...]",
	"Attach to each user record its recent posts as posts, keeping the input order;\n"
	"or, given @name or an id, print that account's posts, each with its author.",
	"      --count N         posts per user (default 10; 100 for one account)\n"
	"      --exclude LIST    leave out replies, retweets, or both (replies,retweets)\n"
	"      --jobs N          requests at once (default 4)\n"
	"      --max-record SIZE the longest input record accepted (default 64M)\n"
	FETCH_OPTIONS_HELP,
};

enum { OPT_COUNT = 1, OPT_EXCLUDE, OPT_JOBS, OPT_MAX_RECORD };

static const struct option longopts[] = {
	{"count", required_argument, NULL, OPT_COUNT},
	{"exclude", required_argument, NULL, OPT_EXCLUDE},
	{"jobs", required_argument, NULL, OPT_JOBS},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	FETCH_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

static int
count_user(struct stream *st, const struct record *rec, void *arg)
{
	(void)st;
	(void)rec;
	++*(unsigned long *)arg;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct timeline_opts to = {0};
	struct stream_opts so = {0};
	struct fetch *f;
	struct buf job = {0}, path = {0}, query = {0}, id = {0};
	int c, status, one;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	o.api.jobs = 4;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_COUNT: to.count = cli_count(&doc, "--count", optarg, 1, 3200); break;
		case OPT_EXCLUDE:
			if (strcmp(optarg, "replies") && strcmp(optarg, "retweets") &&
			    strcmp(optarg, "replies,retweets") && strcmp(optarg, "retweets,replies"))
				cli_usage(&doc, "--exclude %s: expected replies, retweets or replies,retweets", optarg);
			to.exclude = optarg;
			break;
		case OPT_JOBS: o.api.jobs = (unsigned)cli_count(&doc, "--jobs", optarg, 1, 64); break;
		case OPT_MAX_RECORD: so.max_record = cli_size(&doc, "--max-record", optarg); break;
		default:
			if (!fetch_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	argc -= optind;
	argv += optind;
	/* One account: @name or an id (a file named like an id is ./123). */
	one = argc == 1 && (argv[0][0] == '@' || is_user_id(argv[0]));
	if (one && !is_username(argv[0]) && !is_user_id(argv[0]))
		cli_usage(&doc, "%s: not a @name", argv[0]);
	if (to.count == 0)
		to.count = one ? 100 : 10;
	if (one)
		argv[0] = (char *)owned_account(&o, argv[0]);
	else
		owned_account(&o, NULL);
	if (one) {
		timeline_query(&query, to.exclude, 1);
		buf_printf(&job, "%s %s %s", progname, argv[0], query.p);
	} else {
		buf_printf(&job, "%s attach %lu %s", progname, to.count, to.exclude ? to.exclude : "");
	}
	f = fetch_begin(&o, job.p);
	status = EXIT_OK;
	if (o.estimate) {
		unsigned long users = 1;
		struct buf what = {0};

		if (!one) {
			struct stream *st = stream_new(&so);

			users = 0;
			stream_run(st, argc, argv, count_user, &users);
			status = stream_finish(st);
		}
		buf_printf(&what, "%s: %lu posts from each of %lu account%s", progname, to.count,
		    users, users == 1 ? "" : "s");
		fetch_estimate(f, what.p, users * ((to.count + 99) / 100) + (one && argv[0][0] == '@'),
		    10000, UNIT_POST, users * to.count, 1, one && argv[0][0] == '@');
		buf_free(&what);
	} else if (f->p.done) {
		;
	} else if (one) {
		fetch_account_id(f, argv[0], &id);
		buf_printf(&path, "/2/users/%s/tweets", id.p);
		fetch_pages(f, path.p, query.p, 5, 100, UNIT_POST, to.count);
	} else {
		struct timeline *t = timeline_new(f, &to);
		struct stream *st;

		/* Bad input and records without an id go to --rejects in step with the checkpoint. */
		if (o.rejects) {
			so.rejects_path = o.rejects;
			so.keep = timeline_keep;
			so.keep_arg = t;
		}
		st = stream_new(&so);
		stream_run(st, argc, argv, timeline_record, t);
		timeline_finish(t);
		status = stream_finish(st);
	}
	buf_free(&job);
	buf_free(&path);
	buf_free(&query);
	buf_free(&id);
	c = fetch_end(f);
	return status != EXIT_OK ? status : c;
}
