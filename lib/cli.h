/*
 * cli.h: what every program's command line shares: --help, --version,
 * usage errors (exit 2) and checked option arguments.
 */
#ifndef FB_CLI_H
#define FB_CLI_H

#include <stddef.h>

#define FOLLOWBACK_VERSION "0.1.0"

/* The program's synopsis (as in its man page) and option summary. */
struct cli_doc {
	const char *synopsis;	/* the part after the program name */
	const char *summary;	/* one line: what it does */
	const char *options;	/* the option list, one per line */
};

_Noreturn void cli_help(const struct cli_doc *doc);
_Noreturn void cli_version(void);
/* "usage: ..." on stderr and exit 2, after an optional message. */
_Noreturn void cli_usage(const struct cli_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A number in [min, max], or a usage error naming the option. */
double cli_number(const struct cli_doc *doc, const char *opt, const char *arg,
    double min, double max);
/* A size such as 4096, 64K, 16M or 1G, or a usage error. */
size_t cli_size(const struct cli_doc *doc, const char *opt, const char *arg);

#endif
