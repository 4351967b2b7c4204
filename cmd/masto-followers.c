/* masto-followers: the followers of a Mastodon account, or the accounts it follows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "masto.h"
#include "mastofetch.h"
#include "netmasto.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--following] [--limit N] [--instance host] [options]\n"
	"       @user@host",
	"Print the followers of a Mastodon account (or, with --following, the\n"
	"accounts it follows), newest first, 80 a request, as user records.\n"
	"A list the owner hides is reported as hidden, not as empty.",
	"      --following       the accounts it follows instead of its followers\n"
	"      --limit N         stop after N records\n"
	MASTO_OPTIONS_HELP,
};

enum { OPT_FOLLOWING = 1, OPT_LIMIT };

static const struct option longopts[] = {
	{"following", no_argument, NULL, OPT_FOLLOWING},
	{"limit", required_argument, NULL, OPT_LIMIT},
	MASTO_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct masto_opts o;
	struct fetch *f;
	struct buf job = {0}, user = {0}, host = {0}, rec = {0}, id = {0}, path = {0};
	unsigned long limit = 0, count = 0;
	const char *account, *why, *list;
	int c, following = 0;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	masto_opts_init(&o);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_FOLLOWING: following = 1; break;
		case OPT_LIMIT: limit = cli_count(&doc, "--limit", optarg, 1, 1000000000); break;
		default:
			if (!masto_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	if (optind != argc - 1)
		cli_usage(&doc, optind < argc ? "one account only" : "which account?");
	account = argv[optind];
	if ((why = masto_address(account, o.instance, &user, &host)) != NULL)
		cli_usage(&doc, "%s: %s", account, why);
	list = following ? "following" : "followers";
	masto_token(&o);
	masto_base(&o.fetch, host.p);
	buf_printf(&job, "%s %s @%s@%s", progname, list, user.p, host.p);
	f = fetch_begin(&o.fetch, job.p);
	if (!f->p.done) {
		/* The account's id, kept in the checkpoint once its first page is written. */
		if (f->p.id == NULL || o.fetch.estimate) {
			if (!masto_lookup(f, user.p, host.p, &rec, &id))
				die(EXIT_FAIL, "@%s@%s: not found", user.p, host.p);
			if (masto_flag(rec.p, rec.len, "suspended"))
				die(EXIT_FAIL, "@%s@%s is suspended: the instance lists nothing of it",
				    user.p, host.p);
			count = fetch_count(rec.p, rec.len, following ? "following_count" : "followers_count");
			free(f->p.id);
			f->p.id = xstrdup(id.p);
		}
		if (o.fetch.estimate) {
			unsigned long n = limit && limit < count ? limit : count;
			struct buf what = {0};

			buf_printf(&what, "%s @%s@%s: %lu %s", progname, user.p, host.p, n,
			    following ? "accounts followed" : "followers");
			fetch_estimate(f, what.p, (n + 79) / 80 + 1, MASTO_PAGES_PER_WINDOW, UNIT_USER,
			    n, 0, 1);
			buf_free(&what);
		} else {
			buf_printf(&path, "/api/v1/accounts/%s/%s", f->p.id, list);
			netmasto_pages(MASTOPAGE_ACCOUNTS, host.p);
			fetch_pages(f, path.p, "", 1, 80, UNIT_USER, limit);
			/* An owner can hide the list: the instance answers it empty, whatever the count. */
			if (f->p.records == 0 && count > 0) {
				warnmsg("@%s@%s hides its %s (%lu by its count)", user.p, host.p,
				    following ? "follows" : "followers", count);
				f->failed = 1;
			}
		}
	}
	buf_free(&job);
	buf_free(&user);
	buf_free(&host);
	buf_free(&rec);
	buf_free(&id);
	buf_free(&path);
	return fetch_end(f);
}
