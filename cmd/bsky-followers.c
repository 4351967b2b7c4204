/* bsky-followers: the followers of a Bluesky account, or the accounts it follows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsky.h"
#include "bskyrec.h"
#include "cli.h"
#include "fetch.h"
#include "util.h"
#include "xapi.h"

static const struct cli_doc doc = {
	"[--following] [--limit N] [--no-counts] [options] account",
	"Print the followers of a Bluesky account (or, with --following, the accounts\n"
	"it follows), newest first, with their counts: lists carry none, so each 25\n"
	"take one more request, unless --no-counts. No credential.",
	"      --following       the accounts it follows instead of its followers\n"
	"      --limit N         stop after N records\n"
	"      --no-counts       skip the counts (a request for every 25 accounts)\n"
	BSKY_OPTIONS_HELP,
};

enum { OPT_FOLLOWING = 1, OPT_LIMIT, OPT_NO_COUNTS };

static const struct option longopts[] = {
	{"following", no_argument, NULL, OPT_FOLLOWING},
	{"limit", required_argument, NULL, OPT_LIMIT},
	{"no-counts", no_argument, NULL, OPT_NO_COUNTS},
	FETCH_FREE_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct fetch *f;
	struct fetch_hook *counts = NULL;
	struct buf job = {0}, query = {0}, user = {0};
	unsigned long limit = 0;
	const char *account;
	int c, following = 0, no_counts = 0;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	fetch_opts_network(&o, &network_bsky);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_FOLLOWING: following = 1; break;
		case OPT_LIMIT: limit = cli_count(&doc, "--limit", optarg, 1, 1000000000); break;
		case OPT_NO_COUNTS: no_counts = 1; break;
		default:
			if (!fetch_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	account = bsky_account(&doc, argc, argv);
	buf_printf(&job, "%s %s %s%s", progname, following ? "following" : "followers", account,
	    no_counts ? " no counts" : "");
	f = fetch_begin(&o, job.p);
	if (o.estimate) {
		unsigned long count, n, requests;
		struct buf what = {0};

		bsky_profile(f, account, &user);
		count = fetch_count(user.p, user.len, following ? "following_count" : "followers_count");
		n = limit && limit < count ? limit : count;
		requests = (n + 99) / 100 + (no_counts ? 0 : (n + BSKY_PROFILES - 1) / BSKY_PROFILES);
		buf_printf(&what, "%s %s: %lu %s%s", progname, account, n,
		    following ? "accounts followed" : "followers",
		    no_counts ? "" : ", with their counts");
		if (n < count)
			buf_printf(&what, " (--limit; the account has %lu)", count);
		fetch_estimate(f, what.p, requests, BSKY_PER_WINDOW, UNIT_USER, n, 0, 0);
		buf_free(&what);
	} else if (!f->p.done) {
		if (!no_counts)
			f->hook = counts = bsky_counts_new(f);
		buf_adds(&query, "actor=");
		xapi_escape(&query, account);
		fetch_pages(f, following ? "/xrpc/app.bsky.graph.getFollows" :
		    "/xrpc/app.bsky.graph.getFollowers", query.p, 1, 100, UNIT_USER, limit);
	}
	if (counts)
		bsky_counts_free(counts);
	buf_free(&job);
	buf_free(&query);
	buf_free(&user);
	return fetch_end(f);
}
