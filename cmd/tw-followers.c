/* tw-followers: the followers of an account, or the accounts it follows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fetch.h"
#include "idset.h"
#include "owned.h"
#include "stream.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--following] [--new-since file] [options] @name | id",
	"Print the followers of an account (or, with --following, the accounts it\n"
	"follows), newest first, each with its most recent and pinned post as posts.",
	"      --following       the accounts it follows instead of its followers\n"
	"      --limit N         stop after N records\n"
	"      --new-since file  only those not in file (an earlier run's output, ids,\n"
	"                        @names or follower.js), reading until 20 known ones\n"
	"                        in a row; say how many left\n"
	FETCH_OPTIONS_HELP,
};

enum { OPT_FOLLOWING = 1, OPT_LIMIT, OPT_NEW_SINCE };

static const struct option longopts[] = {
	{"following", no_argument, NULL, OPT_FOLLOWING},
	{"limit", required_argument, NULL, OPT_LIMIT},
	{"new-since", required_argument, NULL, OPT_NEW_SINCE},
	FETCH_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

/*
 * The accounts of the snapshot, counted for who left; a file that is not
 * all accounts is a usage error, before any request, its bad lines kept in
 * rejects.
 */
static struct idset *
load_snapshot(const char *path, const char *rejects, unsigned long *accounts)
{
	struct stream_opts so = { .rejects_path = rejects };
	struct stream *st = stream_new(&so);
	struct idset *set = idset_new();
	long n;

	if ((n = idset_load(set, st, path)) < 0)
		die(EXIT_USAGE, "--new-since %s:", path);
	if (stream_rejected(st) > 0)
		die(EXIT_USAGE, "--new-since %s: a line is neither an id, a @name, a profile URL "
		    "nor a record", path);
	stream_finish(st);
	*accounts = (unsigned long)n;
	return set;
}

static int
in_snapshot(void *arg, const char *id, const char *username)
{
	const struct idset *set = arg;

	return (*id && idset_has_id(set, id, strlen(id))) ||
	    (*username && idset_has_name(set, username, strlen(username)));
}

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct fetch *f;
	struct buf job = {0}, path = {0}, user = {0}, id = {0};
	unsigned long limit = 0;
	const char *account, *shown;	/* the account to ask about, and as it was named */
	int c, following = 0;
	const char *list, *since = NULL, *count_key;
	struct idset *snapshot = NULL;
	unsigned long known = 0;
	struct new_since ns = {0};

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_FOLLOWING: following = 1; break;
		case OPT_LIMIT: limit = cli_count(&doc, "--limit", optarg, 1, 1000000000); break;
		case OPT_NEW_SINCE: since = optarg; break;
		default:
			if (!fetch_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	shown = fetch_account(&doc, argc, argv);
	account = owned_account(&o, shown);
	list = following ? "following" : "followers";
	count_key = following ? "following_count" : "followers_count";
	/* Before any request: a snapshot that cannot be read costs nothing. */
	if (since) {
		snapshot = load_snapshot(since, o.rejects, &known);
		/* An output emptied by '>' looks like this: the whole list would be paid for. */
		if (known == 0)
			warnmsg("--new-since %s names no account: every one listed is new", since);
		ns = (struct new_since){ since, known, shown, following, 0 };
	}
	buf_printf(&job, "%s %s %s%s%s", progname, list, account, since ? " new since " : "",
	    since ? since : "");
	f = fetch_begin(&o, job.p);
	if (!f->p.done) {
		/* --new-since counts who left from the account's count: one lookup each run. */
		if (o.estimate || since) {
			fetch_user(f, account, &user, &id);
			ns.count = fetch_count(user.p, user.len, count_key);
		} else {
			fetch_account_id(f, account, &id);
		}
		if (o.estimate && since) {
			fetch_new_estimate(f, &ns);
		} else if (o.estimate) {
			/* The count is the account's; --limit is a ceiling, not the count. */
			unsigned long count = fetch_count(user.p, user.len, count_key);
			unsigned long n = limit && limit < count ? limit : count;
			int lookup = !is_user_id(account);
			struct buf what = {0};

			buf_printf(&what, "%s %s: %lu %s", progname, shown, n,
			    following ? "accounts followed" : "followers");
			if (n < count)
				buf_printf(&what, " (--limit; the account has %lu)", count);
			fetch_estimate(f, what.p, (n + 999) / 1000 + lookup, 300, UNIT_USER, n, 0, lookup);
			buf_free(&what);
		} else {
			const char *query = "user.fields=" USER_FIELDS "&expansions=" USER_EXPANSIONS
			    "&post.fields=" POST_FIELDS;

			buf_printf(&path, "/2/users/%s/%s", id.p, list);
			if (since) {
				struct fetch_known known = { in_snapshot, snapshot, 0, 0 };

				fetch_new_pages(f, path.p, query, &known, limit);
				fetch_new_report(f, &known, &ns, limit);
			} else {
				fetch_pages(f, path.p, query, 1, 1000, UNIT_USER, limit);
			}
		}
	}
	idset_free(snapshot);
	buf_free(&job);
	buf_free(&path);
	buf_free(&user);
	buf_free(&id);
	return fetch_end(f);
}
