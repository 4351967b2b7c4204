/* tw-mentions: the posts that mention an account, each with its author. */
#include <stdio.h>

#include "cli.h"
#include "fetch.h"
#include "owned.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--since TIME] [--until TIME] [--limit N] [options]\n"
	"       @name | id",
	"Print the posts that mention an account, newest first, each with its author\n"
	"attached as author.",
	"      --since TIME      only posts from TIME on (a date, or an RFC 3339 time)\n"
	"      --until TIME      only posts before TIME\n"
	"      --limit N         stop after N posts\n"
	FETCH_OPTIONS_HELP,
};

enum { OPT_SINCE = 1, OPT_UNTIL, OPT_LIMIT };

static const struct option longopts[] = {
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"limit", required_argument, NULL, OPT_LIMIT},
	FETCH_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

/* X keeps the 800 most recent mentions of an account within reach. */
#define MENTIONS_CAP 800

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct fetch *f;
	struct buf job = {0}, query = {0}, path = {0}, id = {0};
	char since[32], until[32];
	const char *start = NULL, *end = NULL;
	unsigned long limit = 0;
	const char *account, *shown;	/* the account to ask about, and as it was named */
	int c;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_SINCE:
			if ((start = fetch_time(optarg, since)) == NULL)
				cli_usage(&doc, "--since %s: expected a date (2026-11-01) or an RFC 3339 time", optarg);
			break;
		case OPT_UNTIL:
			if ((end = fetch_time(optarg, until)) == NULL)
				cli_usage(&doc, "--until %s: expected a date (2026-11-01) or an RFC 3339 time", optarg);
			break;
		case OPT_LIMIT: limit = cli_count(&doc, "--limit", optarg, 1, 1000000000); break;
		default:
			if (!fetch_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	if (start && end && fetch_time_value(start) >= fetch_time_value(end))
		cli_usage(&doc, "--since %s is not before --until %s: no post is both", start, end);
	shown = fetch_account(&doc, argc, argv);
	account = owned_account(&o, shown);
	buf_adds(&query, "expansions=author_id&post.fields=" POST_FIELDS "&user.fields=" USER_FIELDS);
	if (start) {
		buf_adds(&query, "&start_time=");
		xapi_escape(&query, start);	/* an offset's + is not a space */
	}
	if (end) {
		buf_adds(&query, "&end_time=");
		xapi_escape(&query, end);
	}
	buf_printf(&job, "%s %s %s", progname, account, query.p);
	f = fetch_begin(&o, job.p);
	if (o.estimate) {
		unsigned long n = limit && limit < MENTIONS_CAP ? limit : MENTIONS_CAP;
		struct buf what = {0};

		buf_printf(&what, "%s %s: at most %lu posts (X keeps the %d most recent mentions)",
		    progname, shown, n, MENTIONS_CAP);
		fetch_estimate(f, what.p, (n + 99) / 100 + !is_user_id(account), 450,
		    UNIT_POST, n, 1, !is_user_id(account));
		buf_free(&what);
	} else if (!f->p.done) {
		fetch_account_id(f, account, &id);
		buf_printf(&path, "/2/users/%s/mentions", id.p);
		fetch_pages(f, path.p, query.p, 5, 100, UNIT_POST, limit);
	}
	buf_free(&job);
	buf_free(&query);
	buf_free(&path);
	buf_free(&id);
	return fetch_end(f);
}
