#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "links.h"

void
link_domain(struct buf *out, const char *url, size_t len)
{
	const char *p = memchr(url, ':', len), *end = url + len, *q;

	if (p == NULL || end - p < 3 || p[1] != '/' || p[2] != '/')
		return;
	p += 3;
	for (q = p; q < end && *q != '/' && *q != '?' && *q != '#' && *q != ':'; q++)
		;
	if (q - p > 4 && strncasecmp(p, "www.", 4) == 0)
		p += 4;
	if (q - p == 4 && strncasecmp(p, "t.co", 4) == 0)
		return;	/* the shortener says nothing about the site */
	buf_addc(out, ' ');
	for (; p < q; p++)
		buf_addc(out, (char)tolower((unsigned char)*p));
	buf_addc(out, ' ');
}

void
link_domains(struct buf *out, const char *val, size_t len)
{
	const char *p = val, *end = val + len;

	while ((p = memmem(p, (size_t)(end - p), "\"expanded_url\"", 14)) != NULL) {
		const char *q;

		p += 14;
		while (p < end && (*p == ' ' || *p == ':'))
			p++;
		if (p >= end || *p != '"')
			continue;
		q = memchr(p + 1, '"', (size_t)(end - p - 1));
		if (q == NULL)
			break;
		link_domain(out, p + 1, (size_t)(q - p - 1));
		p = q;
	}
}

const char *
link_common(const char *a, const char *b, char *key, size_t keysize)
{
	const char *d = a, *e;

	if (a == NULL || b == NULL)
		return NULL;
	while (*d && (e = strchr(d + 1, ' ')) != NULL) {
		size_t len = (size_t)(e - d) + 1;

		if (len < keysize && len > 2) {
			memcpy(key, d, len);
			key[len] = '\0';
			if (strstr(b, key))
				return key;
		}
		d = e + 1;
	}
	return NULL;
}
