/* bsky-user: look Bluesky accounts up by handle or DID. */
#include "bsky.h"
#include "cli.h"
#include "fetch.h"
#include "lookup.h"
#include "util.h"

static const struct cli_doc doc = {
	"[options] [handle | did ...]",
	"Print the user record of each Bluesky account named in the arguments, or on\n"
	"stdin (one handle, DID or profile URL per line, or user records), with its\n"
	"counts and labels; 25 accounts per request, no credential.",
	BSKY_OPTIONS_HELP,
};

static const struct option longopts[] = {
	FETCH_FREE_LONG_OPTIONS,
	{NULL, 0, NULL, 0}
};

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	int c;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	fetch_opts_network(&o, &network_bsky);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		if (!fetch_option(&o, &doc, c, optarg))
			cli_usage(&doc, NULL);
	return lookup_main(&doc, &o, BSKY_PER_WINDOW, argc - optind, argv + optind);
}
