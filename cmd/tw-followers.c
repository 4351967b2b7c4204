/* tw-followers: the followers of an account, or the accounts it follows. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "fetch.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--following] [--limit N] [options] @name | id",
	"Print the followers of an account (or, with --following, the accounts it\n"
	"follows), newest first, each with its most recent and pinned post as posts.",
	"      --following       the accounts it follows instead of its followers\n"
	"      --limit N         stop after N records\n"
	FETCH_OPTIONS_HELP,
};

enum { OPT_FOLLOWING = 1, OPT_LIMIT };

static const struct option longopts[] = {
	{"following", no_argument, NULL, OPT_FOLLOWING},
	{"limit", required_argument, NULL, OPT_LIMIT},
	FETCH_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct fetch *f;
	struct buf job = {0}, path = {0}, user = {0}, id = {0};
	unsigned long limit = 0;
	const char *account;
	int c, following = 0;
	const char *list;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_FOLLOWING: following = 1; break;
		case OPT_LIMIT: limit = cli_count(&doc, "--limit", optarg, 1, 1000000000); break;
		default:
			if (!fetch_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	account = fetch_account(&doc, argc, argv);
	list = following ? "following" : "followers";
	buf_printf(&job, "%s %s %s", progname, list, account);
	f = fetch_begin(&o, job.p);
	if (!f->p.done) {
		if (o.estimate)
			fetch_user(f, account, &user, &id);
		else
			fetch_account_id(f, account, &id);
		if (o.estimate) {
			/* The count is the account's; --limit is a ceiling, not the count. */
			unsigned long count = fetch_count(user.p, user.len,
			    following ? "following_count" : "followers_count");
			unsigned long n = limit && limit < count ? limit : count;
			int lookup = !is_user_id(account);
			struct buf what = {0};

			buf_printf(&what, "%s %s: %lu %s", progname, account, n,
			    following ? "accounts followed" : "followers");
			if (n < count)
				buf_printf(&what, " (--limit; the account has %lu)", count);
			fetch_estimate(f, what.p, (n + 999) / 1000 + lookup, 300, UNIT_USER, n, 0, lookup);
			buf_free(&what);
		} else {
			buf_printf(&path, "/2/users/%s/%s", id.p, list);
			fetch_pages(f, path.p, "user.fields=" USER_FIELDS "&expansions=" USER_EXPANSIONS
			    "&post.fields=" POST_FIELDS, 1, 1000, UNIT_USER, limit);
		}
	}
	buf_free(&job);
	buf_free(&path);
	buf_free(&user);
	buf_free(&id);
	return fetch_end(f);
}
