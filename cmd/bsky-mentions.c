/* bsky-mentions: the posts that mention one's own Bluesky account, signed in with an app password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsky.h"
#include "bskyauth.h"
#include "bskyrec.h"
#include "cli.h"
#include "fetch.h"
#include "util.h"

#define PDS "https://bsky.social"

static const struct cli_doc doc = {
	"[--limit N] [--password-file FILE] [--session FILE]\n"
	"       [options] account",
	"Print the posts that mention your own Bluesky account, reply to it or quote\n"
	"it, newest first, each with its author. Needs the account's app password\n"
	"once: the session is kept and refreshed.",
	"      --limit N         stop after N posts\n"
	"      --password-file FILE\n"
	"                        the app password, in a file only its owner can read\n"
	"                        (default $BSKY_APP_PASSWORD)\n"
	"      --session FILE    keep the session in FILE (default\n"
	"                        ~/.config/followback/bsky-session)\n"
	FETCH_OUTPUT_HELP
	"      --api URL         the account's server (default $BSKY_PDS_BASE, else\n"
	"                        https://bsky.social)\n"
	FETCH_RECORD_HELP
	FETCH_RUN_HELP,
};

enum { OPT_LIMIT = 1, OPT_PASSWORD_FILE, OPT_SESSION };

static const struct option longopts[] = {
	{"limit", required_argument, NULL, OPT_LIMIT},
	{"password-file", required_argument, NULL, OPT_PASSWORD_FILE},
	{"session", required_argument, NULL, OPT_SESSION},
	FETCH_FREE_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct fetch *f;
	struct network pds = network_bsky;
	struct bsky_session_opts so = {0};
	struct buf job = {0};
	unsigned long limit = 0;
	char *token = NULL;
	const char *env;
	int c;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	/* Signed-in calls go to the account's own server, which passes them on. */
	pds.base = PDS;
	pds.base_env = "BSKY_PDS_BASE";
	fetch_opts_init(&o);
	fetch_opts_network(&o, &pds);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		switch (c) {
		case OPT_LIMIT: limit = cli_count(&doc, "--limit", optarg, 1, 1000000000); break;
		case OPT_PASSWORD_FILE: so.password_file = optarg; break;
		case OPT_SESSION: so.session_file = optarg; break;
		default:
			if (!fetch_option(&o, &doc, c, optarg))
				cli_usage(&doc, NULL);
		}
	so.handle = bsky_account(&doc, argc, argv);
	env = getenv(pds.base_env);
	so.base = o.api.base ? o.api.base : env && *env ? env : PDS;
	so.timeout = o.api.timeout;
	buf_printf(&job, "%s %s", progname, so.handle);
	if (o.estimate) {
		f = fetch_begin(&o, job.p);
		if (limit)
			fetch_estimate(f, "bsky-mentions: the newest mentions, replies and quotes",
			    (limit + 99) / 100, BSKY_PER_WINDOW, UNIT_POST, limit, 1, 0);
		else
			printf("%s: how many mentions there are cannot be known before the run: one "
			    "request for every 100; price $0\n", progname);
	} else {
		/* A recording answers without a session. */
		if (!o.api.replay_dir)
			o.api.bearer = token = bsky_session(&so);
		f = fetch_begin(&o, job.p);
		if (!f->p.done)
			fetch_pages(f, "/xrpc/app.bsky.notification.listNotifications",
			    "reasons=mention&reasons=reply&reasons=quote", 1, 100, UNIT_POST, limit);
	}
	if (token) {
		memset(token, 0, strlen(token));
		free(token);
	}
	buf_free(&job);
	return fetch_end(f);
}
