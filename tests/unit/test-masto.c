/* Unit tests for lib/masto.c: account addresses, Link headers. */
#include <string.h>

#include "masto.h"
#include "tap.h"

static void
address_is(const char *arg, const char *instance, const char *want_user, const char *want_host,
    const char *what)
{
	struct buf user = {0}, host = {0};
	const char *why = masto_address(arg, instance, &user, &host);

	if (want_user) {
		ok(why == NULL, "%s: accepted", what);
		is_str(user.p, want_user, "%s: user", what);
		is_str(host.p, want_host, "%s: host", what);
	} else {
		ok(why != NULL && strstr(why, want_host) != NULL, "%s: refused (%s)", what, why ? why : "accepted");
	}
	buf_free(&user);
	buf_free(&host);
}

static void
link_is(const char *header, const char *rel, const char *want, const char *what)
{
	struct buf url = {0};
	int found = masto_link(header, strlen(header), rel, &url);

	if (want)
		is_str(found ? url.p : NULL, want, "%s", what);
	else
		ok(!found, "%s: none", what);
	buf_free(&url);
}

static void
next_is(const char *header, const char *path, int want_rc, const char *want, const char *what)
{
	struct buf req = {0};
	int rc = masto_next(header, strlen(header), path, &req);

	ok(rc == want_rc, "%s: %d", what, rc);
	if (want)
		is_str(req.p, want, "%s: request", what);
	buf_free(&req);
}

int
main(void)
{
	address_is("@ann@mastodon.social", NULL, "ann", "mastodon.social", "@user@host");
	address_is("ann@Mastodon.Social", NULL, "ann", "mastodon.social", "user@host, host in lower case");
	address_is("@ann", "fosstodon.org", "ann", "fosstodon.org", "@user with --instance");
	address_is("ann_b", "127.0.0.1:8080", "ann_b", "127.0.0.1:8080", "user with a host and port");
	address_is("@ann@x.example", "other.example", "ann", "x.example", "the address's host before --instance");
	address_is("first.last@x.example", NULL, "first.last", "x.example", "a remote name with a dot");
	address_is("@ann", NULL, NULL, "which instance", "no instance");
	address_is("@", NULL, NULL, "not an account", "nothing");
	address_is("@ann@", NULL, NULL, "host name", "an empty host");
	address_is("@ann@bad host", NULL, NULL, "host name", "a host with a space");
	address_is("@ann@x.example:99999", NULL, NULL, "host name", "a port out of range");
	address_is("@ann@x..example", NULL, NULL, "host name", "an empty label");
	address_is("@an n@x.example", NULL, NULL, "not an account", "a name with a space");
	address_is("@ann@x.example/path", NULL, NULL, "host name", "a path after the host");
	address_is("@.ann@x.example", NULL, NULL, "not an account", "a name starting with a dot");
	ok(masto_host_ok("localhost"), "localhost is a host");
	ok(!masto_host_ok("http://x.example"), "a URL is not a host");

	link_is("<https://m.example/api/v1/accounts/1/followers?limit=80&max_id=7>; rel=\"next\", "
	    "<https://m.example/api/v1/accounts/1/followers?limit=80&since_id=9>; rel=\"prev\"",
	    "next", "https://m.example/api/v1/accounts/1/followers?limit=80&max_id=7", "Mastodon's next");
	link_is("<https://m.example/a?since_id=9>; rel=\"prev\", <https://m.example/a?max_id=7>; rel=\"next\"",
	    "prev", "https://m.example/a?since_id=9", "prev first");
	link_is("<https://m.example/a?since_id=9>; rel=\"prev\"", "next", NULL, "the last page has no next");
	link_is("", "next", NULL, "an empty header");
	link_is("<https://m.example/a?x=1,2>; rel=next", "next", "https://m.example/a?x=1,2",
	    "an unquoted rel, a comma inside the target");
	link_is("<https://m.example/a>; title=\"a, b; rel=next\"; rel=\"prev\"", "next", NULL,
	    "a rel inside another parameter's quoted value is not one");
	link_is("<https://m.example/a>; rel=\"last next\"", "next", "https://m.example/a",
	    "one of several relations");
	link_is("<https://m.example/a>; rel=\"nextpage\"", "next", NULL, "a relation that only starts with next");
	link_is("<https://m.example/a>;REL=\"NEXT\"", "next", "https://m.example/a", "names are case-insensitive");
	link_is("<https://m.example/a; rel=\"next\"", "next", NULL, "an unclosed target");
	link_is("<https://m.example/a>; rel=\"next", "next", NULL, "an unclosed quote");

	next_is("<https://m.example/api/v1/accounts/1/followers?limit=80&max_id=7>; rel=\"next\"",
	    "/api/v1/accounts/1/followers", 1, "/api/v1/accounts/1/followers?limit=80&max_id=7",
	    "the next request is the path and query of the link");
	next_is("<http://127.0.0.1:4011/api/v1/accounts/1/followers?max_id=7>; rel=\"next\"",
	    "/api/v1/accounts/1/followers", 1, "/api/v1/accounts/1/followers?max_id=7",
	    "whatever host the link names");
	next_is("</api/v1/accounts/1/statuses?max_id=9>; rel=\"next\"", "/api/v1/accounts/1/statuses", 1,
	    "/api/v1/accounts/1/statuses?max_id=9", "a relative link");
	next_is("<https://m.example/api/v1/accounts/2/followers?max_id=7>; rel=\"next\"",
	    "/api/v1/accounts/1/followers", -1, NULL, "a link to another account's list is refused");
	next_is("<https://m.example/api/v1/accounts/1/followers/x?max_id=7>; rel=\"next\"",
	    "/api/v1/accounts/1/followers", -1, NULL, "a link to a longer path is refused");
	next_is("<https://m.example/api/v1/accounts/1/followers?min_id=7>; rel=\"prev\"",
	    "/api/v1/accounts/1/followers", 0, NULL, "only prev: the end");

	return done_testing();
}
