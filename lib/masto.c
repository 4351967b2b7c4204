#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "masto.h"

/* Mastodon's user names: letters, digits, '_', and '.' or '-' inside (remote ones). */
static int
user_ok(const char *s, size_t n)
{
	if (n == 0 || n > 100 || s[0] == '.' || s[0] == '-' || s[n - 1] == '.' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
			return 0;
	return 1;
}

int
masto_host_ok(const char *s)
{
	const char *colon = strchr(s, ':');
	size_t n = colon ? (size_t)(colon - s) : strlen(s), label = 0;

	if (n == 0 || n > 253 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (label == 0)
				return 0;
			label = 0;
		} else if ((isalnum((unsigned char)s[i]) || s[i] == '-') && ++label <= 63) {
			continue;
		} else {
			return 0;
		}
	}
	if (colon) {
		unsigned long port = 0;
		const char *p = colon + 1;

		if (!*p)
			return 0;
		for (; *p; p++) {
			if (!isdigit((unsigned char)*p) || (port = port * 10 + (unsigned long)(*p - '0')) > 65535)
				return 0;
		}
		if (port == 0)
			return 0;
	}
	return 1;
}

const char *
masto_address(const char *arg, const char *instance, struct buf *user, struct buf *host)
{
	const char *at;

	buf_reset(user);
	buf_reset(host);
	if (*arg == '@')
		arg++;
	at = strchr(arg, '@');
	if (!user_ok(arg, at ? (size_t)(at - arg) : strlen(arg)))
		return "not an account: write it @user@host";
	buf_add(user, arg, at ? (size_t)(at - arg) : strlen(arg));
	if (at) {
		if (!masto_host_ok(at + 1))
			return "not an instance's host name after the '@'";
		buf_adds(host, at + 1);
	} else if (instance) {
		buf_adds(host, instance);
	} else {
		return "which instance? Write @user@host or give --instance HOST";
	}
	for (size_t i = 0; i < host->len; i++)
		host->p[i] = (char)tolower((unsigned char)host->p[i]);
	return NULL;
}

static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Whether the relation list r[0..n) (space-separated) holds rel. */
static int
rel_has(const char *r, size_t n, const char *rel)
{
	size_t want = strlen(rel), i = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && r[j] != ' ' && r[j] != '\t')
			j++;
		if (j - i == want && strncasecmp(r + i, rel, want) == 0)
			return 1;
		i = j + 1;
	}
	return 0;
}

int
masto_link(const char *value, size_t len, const char *rel, struct buf *url)
{
	const char *p = value, *end = value + len;

	while (p < end) {
		const char *target, *target_end;
		int match = 0;

		p = skip_ws(p, end);
		if (p >= end || *p != '<')
			break;
		target = p + 1;
		target_end = memchr(target, '>', (size_t)(end - target));
		if (!target_end)
			break;
		p = target_end + 1;
		/* The parameters, up to the ',' that starts the next link. */
		for (;;) {
			const char *name, *val;
			size_t namelen, vallen = 0;

			p = skip_ws(p, end);
			if (p >= end || *p != ';')
				break;
			p = skip_ws(p + 1, end);
			name = p;
			while (p < end && *p != '=' && *p != ';' && *p != ',' && *p != ' ')
				p++;
			namelen = (size_t)(p - name);
			p = skip_ws(p, end);
			val = p;
			if (p < end && *p == '=') {
				p = skip_ws(p + 1, end);
				if (p < end && *p == '"') {
					const char *close = memchr(p + 1, '"', (size_t)(end - p - 1));

					if (!close)
						return 0;
					val = p + 1;
					vallen = (size_t)(close - val);
					p = close + 1;
				} else {
					val = p;
					while (p < end && *p != ';' && *p != ',' && *p != ' ')
						p++;
					vallen = (size_t)(p - val);
				}
			}
			if (namelen == 3 && strncasecmp(name, "rel", 3) == 0 && rel_has(val, vallen, rel))
				match = 1;
		}
		if (match) {
			buf_reset(url);
			buf_add(url, target, (size_t)(target_end - target));
			return 1;
		}
		p = skip_ws(p, end);
		if (p < end && *p == ',')
			p++;
		else
			break;
	}
	return 0;
}

int
masto_next(const char *value, size_t len, const char *path, struct buf *request)
{
	struct buf url = {0};
	const char *p, *q;
	int rc = 0;

	if (masto_link(value, len, "next", &url)) {
		p = url.p;
		/* An absolute target: its path starts after the scheme and the host. */
		if ((q = strstr(p, "://")) != NULL && strcspn(p, "/?#") >= (size_t)(q - p))
			p = q + 3 + strcspn(q + 3, "/?#");
		q = p + strcspn(p, "?#");
		rc = -1;
		if ((size_t)(q - p) == strlen(path) && strncmp(p, path, (size_t)(q - p)) == 0 &&
		    *q != '#' && !strchr(q, '#')) {
			buf_reset(request);
			buf_adds(request, p);
			rc = 1;
		}
	}
	buf_free(&url);
	return rc;
}
