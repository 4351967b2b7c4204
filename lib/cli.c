#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "posts.h"
#include "util.h"

static void
print_synopsis(FILE *fp, const struct cli_doc *doc)
{
	fprintf(fp, "usage: %s %s\n", progname, doc->synopsis);
}

void
cli_help(const struct cli_doc *doc)
{
	print_synopsis(stdout, doc);
	printf("\n%s\n\n%s", doc->summary, doc->options);
	printf("\nSee %s(1) for the details.\n", progname);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_FAIL, "stdout:");
	exit(EXIT_OK);
}

void
cli_version(void)
{
	printf("%s (followback) %s\n", progname, FOLLOWBACK_VERSION);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_FAIL, "stdout:");
	exit(EXIT_OK);
}

void
cli_usage(const struct cli_doc *doc, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vwarnmsg(fmt, ap);
		va_end(ap);
	}
	print_synopsis(stderr, doc);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(EXIT_USAGE);
}

double
cli_number(const struct cli_doc *doc, const char *opt, const char *arg,
    double min, double max)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(arg, &end);
	if (end == arg || *end != '\0' || errno != 0 || x != x)
		cli_usage(doc, "%s: '%s' is not a number", opt, arg);
	if (x < min || x > max)
		cli_usage(doc, "%s: %s is out of range [%.15g, %.15g]", opt, arg, min, max);
	return x;
}

unsigned long
cli_count(const struct cli_doc *doc, const char *opt, const char *arg,
    unsigned long min, unsigned long max)
{
	double x = cli_number(doc, opt, arg, (double)min, (double)max);

	if (x != (double)(unsigned long)x)
		cli_usage(doc, "%s: expected a whole number, not '%s'", opt, arg);
	return (unsigned long)x;
}

int
cli_format_is_table(const struct cli_doc *doc, const char *arg)
{
	if (strcmp(arg, "table") == 0)
		return 1;
	if (strcmp(arg, "ndjson") != 0)
		cli_usage(doc, "--format: expected ndjson or table, not '%s'", arg);
	return 0;
}

size_t
cli_size(const struct cli_doc *doc, const char *opt, const char *arg)
{
	char *end;
	unsigned long long x;
	unsigned shift = 0;

	errno = 0;
	x = strtoull(arg, &end, 10);
	if (end == arg || errno != 0 || arg[0] == '-')
		cli_usage(doc, "%s: '%s' is not a size", opt, arg);
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: cli_usage(doc, "%s: '%s' is not a size", opt, arg);
	}
	if (*end != '\0' || x == 0 || x > (1ULL << 40) >> shift)
		cli_usage(doc, "%s: '%s' is not a size between 1 and 1T", opt, arg);
	return (size_t)(x << shift);
}

time_t
cli_date(const struct cli_doc *doc, const char *opt, const char *arg)
{
	time_t t;

	if (parse_date(arg, strlen(arg), &t) < 0)
		cli_usage(doc, "%s: expected a date such as 2026-11-20 or 2026-11-20T12:00:00Z, not '%s'",
		    opt, arg);
	return t;
}

void
cli_read_files(cli_reader read, void *obj, const char *builtin,
    const char *builtin_name, char **files, size_t n, const char *opt)
{
	struct buf err = {0};
	size_t i, len;
	char *text;

	if (builtin && read(obj, builtin, strlen(builtin), builtin_name, &err) < 0)
		die(EXIT_USAGE, "%s", err.p);
	for (i = 0; i < n; i++) {
		if ((text = slurp_file(files[i], &len)) == NULL)
			die(EXIT_USAGE, "%s %s:", opt, files[i]);
		if (read(obj, text, len, files[i], &err) < 0)
			die(EXIT_USAGE, "%s", err.p);
		free(text);
	}
	buf_free(&err);
}
