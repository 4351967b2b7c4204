/* bsky-timeline: attach each Bluesky user's recent posts, or print one account's posts. */
#include <stdio.h>
#include <string.h>

#include "bsky.h"
#include "bskyrec.h"
#include "cli.h"
#include "fetch.h"
#include "stream.h"
#include "timeline.h"
#include "util.h"
#include "xapi.h"

static const struct cli_doc doc = {
	"[--count N] [--exclude replies,retweets] [--jobs N]\n"
	"       [--max-record SIZE] [options] [@handle | did | file ...]",
	"Attach to each Bluesky user record its recent posts as posts, keeping the\n"
	"input order; or, given @handle, a DID or a profile URL, print that account's\n"
	"posts, each with its author. No credential.",
	"      --count N         posts per user (default 10; 100 for one account)\n"
	"      --exclude LIST    leave out replies, retweets (reposts), or both\n"
	"                        (replies,retweets)\n"
	"      --jobs N          requests at once (default 4)\n"
	"      --max-record SIZE the longest input record accepted (default 64M)\n"
	BSKY_OPTIONS_HELP,
};

static const struct option longopts[] = {
	TIMELINE_LONG_OPTIONS,
	FETCH_FREE_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct timeline_opts to = {0};
	struct stream_opts so = {0};
	struct fetch *f;
	struct buf job = {0}, path = {0}, query = {0};
	const char *account = NULL;
	size_t at;
	int c, status;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	fetch_opts_network(&o, &network_bsky);
	o.api.jobs = 4;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		if (!timeline_option(&doc, &to, &o, &so, c, optarg))
			cli_usage(&doc, NULL);
	/* One account: @handle, a DID or a profile URL (a file named so is ./name). */
	if (argc - optind == 1 && (argv[optind][0] == '@' || strncmp(argv[optind], "did:", 4) == 0 ||
	    bsky_profile_url(argv[optind], strlen(argv[optind]), &at) > 0))
		account = bsky_account(&doc, argc, argv);
	argc -= optind;
	argv += optind;
	if (to.count == 0)
		to.count = account ? 100 : 10;
	if (account) {
		network_bsky.timeline_request(&path, &query, account, to.exclude);
		buf_printf(&job, "%s %s %s", progname, account, query.p);
	} else {
		buf_printf(&job, "%s attach %lu %s", progname, to.count, to.exclude ? to.exclude : "");
	}
	f = fetch_begin(&o, job.p);
	status = EXIT_OK;
	if (o.estimate) {
		unsigned long users = 1;
		struct buf what = {0};

		if (!account)
			users = timeline_count(&so, argc, argv, &status);
		buf_printf(&what, "%s: %lu posts from each of %lu account%s", progname, to.count,
		    users, users == 1 ? "" : "s");
		fetch_estimate(f, what.p, users * ((to.count + 99) / 100), BSKY_PER_WINDOW,
		    UNIT_POST, users * to.count, 1, 0);
		buf_free(&what);
	} else if (f->p.done) {
		;
	} else if (account) {
		f->drop_reposts = to.exclude && strstr(to.exclude, "retweets");
		fetch_pages(f, path.p, query.p, 1, 100, UNIT_POST, to.count);
	} else {
		status = timeline_attach(f, &to, &so, argc, argv);
	}
	buf_free(&job);
	buf_free(&path);
	buf_free(&query);
	c = fetch_end(f);
	return status != EXIT_OK ? status : c;
}
