/* httpurl.h: which URLs a program may send requests (and credentials) to. */
#ifndef FB_HTTPURL_H
#define FB_HTTPURL_H

#include <stddef.h>

/*
 * True for https:// URLs, and for http:// to this machine only (127.0.0.0/8,
 * ::1, localhost), without user:password: nothing crosses a network in clear.
 */
int url_allowed(const char *url);

/*
 * The username in an X profile URL (https://x.com/name, or twitter.com,
 * with www. or mobile., and a path or a query after the name): sets *at to
 * its offset in s and returns its length; 0 when s is no such URL.
 */
size_t profile_url_name(const char *s, size_t len, size_t *at);

#endif
