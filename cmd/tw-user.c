/* tw-user: look accounts up by @name or id. */
#include "cli.h"
#include "fetch.h"
#include "lookup.h"
#include "owned.h"
#include "util.h"

static const struct cli_doc doc = {
	"[options] [@name | id ...]",
	"Print the user record of each account named in the arguments, or on stdin\n"
	"(one @name, name or id per line, or user records), with its most recent and\n"
	"pinned post as posts; 100 accounts per request.",
	FETCH_OPTIONS_HELP,
};

static const struct option longopts[] = {
	FETCH_LONG_OPTIONS,
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
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		if (!fetch_option(&o, &doc, c, optarg))
			cli_usage(&doc, NULL);
	owned_account(&o, NULL);
	return lookup_main(&doc, &o, 300, argc - optind, argv + optind);
}
