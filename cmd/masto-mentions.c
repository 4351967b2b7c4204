/* masto-mentions: the Mastodon posts that mention the token's own account. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mastofetch.h"
#include "netmasto.h"
#include "util.h"

static const struct cli_doc doc = {
	"[--limit N] [--instance host] [options]",
	"Print the posts that mention the account a user token belongs to, newest\n"
	"first, 80 a request, each with its author; from the account's notifications\n"
	"on its instance (--instance or --api).",
	"      --limit N         stop after N posts\n"
	MASTO_OPTIONS_HELP,
};

enum { OPT_LIMIT = 1 };

static const struct option longopts[] = {
	{"limit", required_argument, NULL, OPT_LIMIT},
	MASTO_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};


int
main(int argc, char *argv[])
{
	struct masto_opts o;
	struct fetch *f;
	struct buf job = {0}, host = {0};
	unsigned long limit = 0;
	int c;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	masto_opts_init(&o);
	/* Mentions are of the token's own account: without one there are none to read. */
	fetch_opts_network(&o.fetch, &network_masto_user);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_LIMIT: limit = cli_count(&doc, "--limit", optarg, 1, 1000000000); break;
		default:
			if (!masto_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	if (optind < argc)
		cli_usage(&doc, "%s: the account is the token's own: give no account", argv[optind]);
	masto_base(&o.fetch, o.instance);
	if (o.fetch.api.base == NULL && o.fetch.api.replay_dir == NULL)
		cli_usage(&doc, "which instance? Give --instance HOST (the token's)");
	/* The instance the records name: --instance, else the host of the base URL. */
	if (o.instance == NULL && o.fetch.api.base) {
		const char *h = strstr(o.fetch.api.base, "://");

		h = h ? h + 3 : o.fetch.api.base;
		buf_add(&host, h, strcspn(h, "/"));
	}
	buf_printf(&job, "%s %s", progname, o.instance ? o.instance : o.fetch.api.base);
	f = fetch_begin(&o.fetch, job.p);
	if (o.fetch.estimate) {
		/* How many there are is known only by reading them: --limit bounds it. */
		fetch_estimate(f, limit ? "masto-mentions: at most --limit mentions, 80 a request" :
		    "masto-mentions: 80 mentions a request, as many as the account has (give --limit)",
		    (limit + 79) / 80, MASTO_PAGES_PER_WINDOW, UNIT_POST, limit, 1, 0);
	} else if (!f->p.done) {
		netmasto_pages(MASTOPAGE_MENTIONS, o.instance ? o.instance : host.p);
		fetch_pages(f, "/api/v1/notifications", "types%5B%5D=mention", 1, 80, UNIT_POST, limit);
	}
	buf_free(&job);
	buf_free(&host);
	return fetch_end(f);
}
