#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"

int
conf_error(struct buf *err, const struct conf_line *l, const char *what)
{
	buf_printf(err, "%s:%u: %s", l->origin, l->line, what);
	return -1;
}

int
conf_number(const struct conf_line *l, double *x, struct buf *err)
{
	char *end;

	*x = strtod(l->rest, &end);
	if (end == l->rest || *end != '\0' || *x != *x)
		return conf_error(err, l, "expected a number");
	/* Sums of a few hundred such numbers must stay exact enough to compare. */
	if (!(fabs(*x) <= CONF_NUMBER_MAX))
		return conf_error(err, l, "expected a number between -1000000 and 1000000");
	return 0;
}

/* Splits one logical line into keyword, name and rest, and hands it on. */
static int
split(char *s, const char *origin, unsigned line,
    int (*fn)(void *, struct conf_line *, struct buf *), void *arg, struct buf *err)
{
	struct conf_line l = {origin, line, s, NULL, NULL};
	char *end;

	while (*s && !isspace((unsigned char)*s))
		s++;
	if (*s)
		*s++ = '\0';
	while (isspace((unsigned char)*s))
		s++;
	l.name = s;
	while (*s && (isalnum((unsigned char)*s) || *s == '_' ||
	    (*s == '-' && s > l.name && isalnum((unsigned char)s[1]))))
		s++;
	if (s == l.name || (*s && !isspace((unsigned char)*s)))
		return conf_error(err, &l,
		    "expected a name (letters, digits and _) after the keyword");
	if (*s)
		*s++ = '\0';
	while (isspace((unsigned char)*s))
		s++;
	l.rest = s;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return fn(arg, &l, err);
}

int
conf_parse(const char *text, size_t len, const char *origin,
    int (*fn)(void *arg, struct conf_line *l, struct buf *err), void *arg,
    struct buf *err)
{
	struct buf logical = {0};
	const char *p = text, *end = text + len;
	unsigned line = 0, logical_line = 0;
	int status = 0;

	while (p < end && status == 0) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *q = p;

		line++;
		while (q < le && (*q == ' ' || *q == '\t'))
			q++;
		if (p < le && *p == '#') {
			;	/* a comment: '#' in column 1, so patterns may start lines with '#' */
		} else if (q > p && q < le && logical.len > 0) {
			/* Patterns join directly; other text with a space. */
			if (strncmp(logical.p, "rule ", 5) != 0 && strncmp(logical.p, "jq ", 3) != 0 &&
			    strncmp(logical.p, "define ", 7) != 0)
				buf_addc(&logical, ' ');
			buf_add(&logical, q, (size_t)(le - q));
		} else {
			if (logical.len > 0)
				status = split(logical.p, origin, logical_line, fn, arg, err);
			buf_reset(&logical);
			if (status == 0 && q < le) {
				if (q > p) {
					buf_printf(err, "%s:%u: an indented line with nothing to continue",
					    origin, line);
					status = -1;
				} else {
					buf_add(&logical, q, (size_t)(le - q));
					logical_line = line;
				}
			}
		}
		p = nl ? nl + 1 : end;
	}
	if (status == 0 && logical.len > 0)
		status = split(logical.p, origin, logical_line, fn, arg, err);
	buf_free(&logical);
	return status;
}

int
conf_plain_name(const struct conf_line *l, struct buf *err)
{
	if (strchr(l->name, '-') == NULL)
		return 0;
	return conf_error(err, l, "a rule's name is made of letters, digits and _");
}
