#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "httpurl.h"

static int
is_loopback(const char *host)
{
	struct in_addr a;

	if (strcmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
		return 1;
	return inet_pton(AF_INET, host, &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

int
url_allowed(const char *url)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *user = NULL;
	int ok = 0;

	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		if (strcmp(scheme, "https") == 0)
			ok = 1;
		else if (strcmp(scheme, "http") == 0 &&
		    curl_url_get(u, CURLUPART_USER, &user, 0) != CURLUE_OK)
			ok = is_loopback(host);
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_url_cleanup(u);
	return ok;
}

size_t
profile_url_name(const char *s, size_t len, size_t *at)
{
	static const char *const hosts[] = {
		"x.com/", "twitter.com/", "www.x.com/", "www.twitter.com/",
		"mobile.x.com/", "mobile.twitter.com/",
	};
	size_t i, p = 0, n;

	if (len > 8 && strncasecmp(s, "https://", 8) == 0)
		p = 8;
	else if (len > 7 && strncasecmp(s, "http://", 7) == 0)
		p = 7;
	for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		size_t h = strlen(hosts[i]);

		if (len - p > h && strncasecmp(s + p, hosts[i], h) == 0)
			break;
	}
	if (i == sizeof hosts / sizeof hosts[0])
		return 0;
	p += strlen(hosts[i]);
	for (n = 0; p + n < len && (isalnum((unsigned char)s[p + n]) || s[p + n] == '_'); n++)
		;
	/* A name, whole: what follows is a path, a query, a fragment or nothing. */
	if (n == 0 || n > 15 || (p + n < len && strchr("/?#", s[p + n]) == NULL))
		return 0;
	*at = p;
	return n;
}
