/*
 * masto.h: what a Mastodon client reads besides the records: account
 * addresses (@user@host), and the Link header it pages by.
 */
#ifndef FB_MASTO_H
#define FB_MASTO_H

#include <stddef.h>

#include "buf.h"

/*
 * An account written @user@host, user@host, @user or user: its name in
 * user and its instance in host (from the address, else instance). NULL
 * when it is one, else what is wrong with it.
 */
const char *masto_address(const char *arg, const char *instance, struct buf *user,
    struct buf *host);
/* Whether s is an instance's host name (with a port, or an IPv4 address). */
int masto_host_ok(const char *s);

/*
 * The target of the link of relation rel ("next") in a Link header value
 * (RFC 8288: several links, rel holding several relations, quoted or not)
 * into url; 1 if there is one.
 */
int masto_link(const char *value, size_t len, const char *rel, struct buf *url);

/*
 * The request (path and query) of the next page of path from a Link header
 * value: 1 when there is one, 0 at the end, -1 when its target is not path
 * (only the path and query are used: the next page is asked of the same
 * instance, with the same credentials, never of a host a header names).
 */
int masto_next(const char *value, size_t len, const char *path, struct buf *request);

#endif
