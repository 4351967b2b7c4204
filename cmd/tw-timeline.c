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

static const struct option longopts[] = {
	TIMELINE_LONG_OPTIONS,
	FETCH_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

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
		if (!timeline_option(&doc, &to, &o, &so, c, optarg))
			cli_usage(&doc, NULL);
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

		if (!one)
			users = timeline_count(&so, argc, argv, &status);
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
		status = timeline_attach(f, &to, &so, argc, argv);
	}
	buf_free(&job);
	buf_free(&path);
	buf_free(&query);
	buf_free(&id);
	c = fetch_end(f);
	return status != EXIT_OK ? status : c;
}
