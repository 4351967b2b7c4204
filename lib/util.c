#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "util.h"

const char *progname = "followback";

void
program_start(const char *argv0)
{
	const char *slash;
	int fd;

	if (argv0 && *argv0) {
		slash = strrchr(argv0, '/');
		progname = slash ? slash + 1 : argv0;
	}
	/*
	 * A closed standard descriptor would be taken by the next file opened
	 * (--rejects, a checkpoint), which would then get what was meant for
	 * it: stdin and stderr read and write nothing instead, and records
	 * with nowhere to go are refused.
	 */
	if (fcntl(STDIN_FILENO, F_GETFD) < 0 && (fd = open("/dev/null", O_RDONLY)) >= 0 &&
	    fd != STDIN_FILENO)
		close(fd);
	if (fcntl(STDOUT_FILENO, F_GETFD) < 0)
		die(EXIT_USAGE, "stdout is closed: the records would have nowhere to go");
	if (fcntl(STDERR_FILENO, F_GETFD) < 0 && (fd = open("/dev/null", O_WRONLY)) >= 0 &&
	    fd != STDERR_FILENO)
		close(fd);
}

void
vwarnmsg(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);

	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
warnmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnmsg(fmt, ap);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnmsg(fmt, ap);
	va_end(ap);
	exit(status);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die(EXIT_FAIL, "out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		die(EXIT_FAIL, "out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die(EXIT_FAIL, "out of memory");
	return p;
}

void *
xgrow(void *v, size_t *cap, size_t size, size_t first_cap)
{
	size_t old = *cap, cap2 = old ? old * 2 : first_cap;

	if (cap2 < old || cap2 > SIZE_MAX / size)
		die(EXIT_FAIL, "out of memory");
	v = xrealloc(v, cap2 * size);
	memset((char *)v + old * size, 0, (cap2 - old) * size);
	*cap = cap2;
	return v;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
slurp_file(const char *path, size_t *lenp)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	int saved;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	saved = errno;
	if (ferror(fp)) {
		if (fp != stdin)
			fclose(fp);
		free(buf);
		errno = saved;
		return NULL;
	}
	if (fp != stdin)
		fclose(fp);
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

void
keep_secrets_out_of_dumps(void)
{
	struct rlimit none = {0, 0};

	setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
	/* Nor may another process of the same user read this one's memory. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

int
in_word_list(const char *const *list, const char *s, size_t len)
{
	for (; *list; list++)
		if (strlen(*list) == len && strncasecmp(*list, s, len) == 0)
			return 1;
	return 0;
}

size_t
utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

size_t
utf8_unspaced(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += (unsigned char)s[i] >= 0xE3 && (unsigned char)s[i] <= 0xED;
	return n;
}
