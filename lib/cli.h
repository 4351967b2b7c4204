/*
 * cli.h: what every program's command line shares: --help, --version,
 * usage errors (exit 2) and checked option arguments.
 */
#ifndef FB_CLI_H
#define FB_CLI_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

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
/* A whole number in [min, max], or a usage error naming the option. */
unsigned long cli_count(const struct cli_doc *doc, const char *opt, const char *arg,
    unsigned long min, unsigned long max);
/* --format: 1 for table, 0 for ndjson, or a usage error. */
int cli_format_is_table(const struct cli_doc *doc, const char *arg);
/* A size such as 4096, 64K, 16M or 1G, or a usage error. */
size_t cli_size(const struct cli_doc *doc, const char *opt, const char *arg);
/* A date such as 2026-11-20 or 2026-11-20T12:00:00Z, or a usage error. */
time_t cli_date(const struct cli_doc *doc, const char *opt, const char *arg);

/* Reads a text (a rule or template file) into obj; -1 with a message. */
typedef int (*cli_reader)(void *obj, const char *text, size_t len,
    const char *origin, struct buf *err);
/*
 * Reads the built-in text (unless NULL), then each of the n files given with
 * option opt, into obj; exits with a usage error (2) naming what failed.
 */
void cli_read_files(cli_reader read, void *obj, const char *builtin,
    const char *builtin_name, char **files, size_t n, const char *opt);

#endif
