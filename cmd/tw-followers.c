/* tw-followers: the followers of an account, or the accounts it follows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fetch.h"
#include "idset.h"
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

struct snapshot {
	struct idset *set;
	unsigned long accounts;	/* records and lines that named one not yet seen */
};

/* Counts an account when it added an id or a name: a record adds both. */
static void
count_added(struct snapshot *snap, size_t before)
{
	if (idset_count(snap->set) > before)
		snap->accounts++;
}

static int
snapshot_record(struct stream *st, const struct record *rec, void *arg)
{
	struct snapshot *snap = arg;
	size_t before = idset_count(snap->set);

	if (idset_add_record(snap->set, rec) < 0)
		stream_reject(st, rec, "a record without an id or a username");
	count_added(snap, before);
	return 0;
}

static void
snapshot_line(struct stream *st, const struct record *rec, void *arg)
{
	struct snapshot *snap = arg;
	size_t before = idset_count(snap->set);

	if (rec->len == 0 || rec->json[0] == '#')
		return;
	if (idset_add_word(snap->set, rec->json, rec->len) < 0)
		stream_reject(st, rec, "neither an id, a @name, a profile URL nor a record");
	count_added(snap, before);
}

/*
 * The accounts of the snapshot, counted for who left; a file that is not
 * all accounts is a usage error, before any request, its bad lines kept in
 * rejects.
 */
static void
load_snapshot(struct snapshot *snap, const char *path, const char *rejects)
{
	struct stream_opts so = { .rejects_path = rejects };
	struct stream *st = stream_new(&so);
	char *files[1] = { (char *)path };

	snap->set = idset_new();
	if (access(path, R_OK) != 0)
		die(EXIT_USAGE, "--new-since %s:", path);
	stream_run_lines(st, 1, files, snapshot_record, snapshot_line, snap);
	if (stream_rejected(st) > 0)
		die(EXIT_USAGE, "--new-since %s: a line is neither an id, a @name, a profile URL "
		    "nor a record", path);
	stream_finish(st);
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
	const char *account;
	int c, following = 0;
	const char *list, *since = NULL, *count_key;
	struct snapshot snap = {0};
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
	account = fetch_account(&doc, argc, argv);
	list = following ? "following" : "followers";
	count_key = following ? "following_count" : "followers_count";
	/* Before any request: a snapshot that cannot be read costs nothing. */
	if (since) {
		load_snapshot(&snap, since, o.rejects);
		/* An output emptied by '>' looks like this: the whole list would be paid for. */
		if (snap.accounts == 0)
			warnmsg("--new-since %s names no account: every one listed is new", since);
		ns = (struct new_since){ since, snap.accounts, account, following, 0 };
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

			buf_printf(&what, "%s %s: %lu %s", progname, account, n,
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
				struct fetch_known known = { in_snapshot, snap.set, 0, 0 };

				fetch_new_pages(f, path.p, query, &known, limit);
				fetch_new_report(f, &known, &ns, limit);
			} else {
				fetch_pages(f, path.p, query, 1, 1000, UNIT_USER, limit);
			}
		}
	}
	idset_free(snap.set);
	buf_free(&job);
	buf_free(&path);
	buf_free(&user);
	buf_free(&id);
	return fetch_end(f);
}
