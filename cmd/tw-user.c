/* tw-user: look accounts up by @name or id. */
#include <stdio.h>
#include <string.h>

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
	struct fetch *f;
	struct lookup *l;
	struct buf job = {0};
	unsigned long n;
	int c, i;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		if (!fetch_option(&o, &doc, c, optarg))
			cli_usage(&doc, NULL);
	argc -= optind;
	argv += optind;
	for (i = 0; i < argc; i++)
		lookup_check_argument(&doc, argv[i]);
	lookup_job(&job, argc, argv);
	owned_account(&o, NULL);
	f = fetch_begin(&o, job.p);
	if (o.estimate) {
		n = argc ? (unsigned long)argc : lookup_read(NULL, stdin);
		fetch_estimate(f, "tw-user: accounts to look up", (n + 99) / 100, 300,
		    UNIT_USER, n, 0, 0);
	} else if (!f->p.done) {
		l = lookup_new(f);
		for (i = 0; i < argc; i++)
			if (strcmp(argv[i], "-") == 0)
				lookup_read(l, stdin);
			else
				lookup_add(l, argv[i], strlen(argv[i]), 0);
		if (argc == 0)
			lookup_read(l, stdin);
		lookup_finish(l);
	}
	buf_free(&job);
	return fetch_end(f);
}
