/* tw-user: look accounts up by @name or id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fetch.h"
#include "lookup.h"
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

/* One item per line, without its line end and surrounding blanks; NULL at the end. */
static char *
next_line(char **line, size_t *cap, size_t *len)
{
	ssize_t n;
	char *s;

	while ((n = getline(line, cap, stdin)) >= 0) {
		for (s = *line; *s == ' ' || *s == '\t'; s++)
			;
		while (n > 0 && strchr(" \t\r\n", (*line)[n - 1]))
			(*line)[--n] = '\0';
		if (*s == '\0')
			continue;
		*len = (size_t)(*line + n - s);
		return s;
	}
	if (ferror(stdin))
		die(EXIT_FAIL, "stdin:");
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct fetch_opts o;
	struct fetch *f;
	struct lookup *l;
	char *line = NULL, *item;
	size_t cap = 0, len;
	unsigned long n = 0;
	int c, i;

	setprogname_from(argv[0]);
	argv[0] = (char *)progname;
	fetch_opts_init(&o);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1)
		if (!fetch_option(&o, &doc, c, optarg))
			cli_usage(&doc, NULL);
	argc -= optind;
	argv += optind;
	f = fetch_begin(&o, argc ? "tw-user arguments" : "tw-user stdin");
	if (o.estimate) {
		if (argc)
			n = (unsigned long)argc;
		else
			while (next_line(&line, &cap, &len))
				n++;
		fetch_estimate(f, "tw-user: accounts to look up", (n + 99) / 100, 300,
		    UNIT_USER, n, 0);
	} else if (!f->p.done) {
		l = lookup_new(f);
		for (i = 0; i < argc; i++)
			lookup_add(l, argv[i], strlen(argv[i]));
		if (argc == 0)
			while ((item = next_line(&line, &cap, &len)) != NULL)
				lookup_add(l, item, len);
		lookup_finish(l);
	}
	free(line);
	return fetch_end(f);
}
