/* httpurl.h: which URLs a program may send requests (and credentials) to. */
#ifndef FB_HTTPURL_H
#define FB_HTTPURL_H

/*
 * True for https:// URLs, and for http:// to this machine only (127.0.0.0/8,
 * ::1, localhost), without user:password: nothing crosses a network in clear.
 */
int url_allowed(const char *url);

#endif
