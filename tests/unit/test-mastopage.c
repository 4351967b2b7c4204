/* Unit tests for lib/mastopage.c: Mastodon pages as records, error answers. */
#include <string.h>

#include "mastopage.h"
#include "tap.h"

struct seen {
	struct buf records, rejects;
};

static void
emit(void *arg, const char *rec, size_t len)
{
	struct seen *s = arg;

	buf_add(&s->records, rec, len);
	buf_addc(&s->records, '\n');
}

static void
reject(void *arg, const char *el, size_t len, const char *why)
{
	struct seen *s = arg;

	buf_add(&s->rejects, el, len);
	buf_printf(&s->rejects, ": %s\n", why);
}

static void
page_is(const char *json, enum mastopage_kind kind, long want_n, const char *want_records,
    const char *want_rejects, const char *what)
{
	struct seen s = {{0}, {0}};
	struct mastopage_out out = {emit, reject, &s};
	struct buf err = {0};
	long n = mastopage_records(json, strlen(json), kind, "m.example", &out, &err);

	ok(n == want_n, "%s: %ld elements (%s)", what, n, err.p ? err.p : "");
	is_str(s.records.p ? s.records.p : "", want_records, "%s: records", what);
	is_str(s.rejects.p ? s.rejects.p : "", want_rejects, "%s: rejects", what);
	buf_free(&s.records);
	buf_free(&s.rejects);
	buf_free(&err);
}

static void
error_is(const char *json, const char *want, const char *what)
{
	struct buf msg = {0};
	int found = mastopage_error(json, strlen(json), &msg);

	if (want)
		is_str(found ? msg.p : NULL, want, "%s", what);
	else
		ok(!found, "%s: none", what);
	buf_free(&msg);
}

int
main(void)
{
	page_is(" [{\"id\":\"1\",\"acct\":\"a\"},{\"id\":\"2\",\"acct\":\"b@o.example\"}]\n", MASTOPAGE_ACCOUNTS, 2,
	    "{\"id\":\"1\",\"username\":\"a@m.example\",\"fb\":{\"source\":{\"network\":\"mastodon\",\"instance\":\"m.example\"}}}\n"
	    "{\"id\":\"2\",\"username\":\"b@o.example\",\"fb\":{\"source\":{\"network\":\"mastodon\",\"instance\":\"m.example\"}}}\n",
	    "", "a page of accounts");
	page_is("[]", MASTOPAGE_ACCOUNTS, 0, "", "", "an empty page");
	page_is("[{\"id\":\"1\",\"acct\":\"a\"},7,{\"id\":3}]", MASTOPAGE_ACCOUNTS, 3,
	    "{\"id\":\"1\",\"username\":\"a@m.example\",\"fb\":{\"source\":{\"network\":\"mastodon\",\"instance\":\"m.example\"}}}\n",
	    "7: an account that is not an object\n{\"id\":3}: an account without a string id and acct\n",
	    "elements that are no accounts are rejected, the others kept");
	page_is("[{\"id\":\"5\",\"content\":\"<p>hi</p>\",\"account\":{\"id\":\"1\",\"acct\":\"a\"}}]", MASTOPAGE_STATUSES, 1,
	    "{\"id\":\"5\",\"text\":\"hi\",\"author_id\":\"1\",\"fb\":{\"source\":{\"network\":\"mastodon\",\"instance\":\"m.example\"}}}\n",
	    "", "a page of statuses, without the author joined");
	page_is("[{\"id\":\"5\",\"content\":\"<p>hi</p>\"}]", MASTOPAGE_TIMELINE, 1,
	    "{\"id\":\"5\",\"text\":\"hi\"}\n", "", "a timeline's statuses, without fb.source");
	page_is("[{\"id\":\"9\",\"type\":\"mention\",\"account\":{\"id\":\"1\",\"acct\":\"a\"},"
	    "\"status\":{\"id\":\"5\",\"content\":\"<p>@me hi</p>\",\"account\":{\"id\":\"1\",\"acct\":\"a\"}}},"
	    "{\"id\":\"10\",\"type\":\"follow\",\"account\":{\"id\":\"2\",\"acct\":\"b\"}}]", MASTOPAGE_MENTIONS, 2,
	    "{\"id\":\"5\",\"text\":\"@me hi\",\"author_id\":\"1\",\"author\":{\"id\":\"1\",\"username\":\"a@m.example\"},"
	    "\"fb\":{\"source\":{\"network\":\"mastodon\",\"instance\":\"m.example\"}}}\n",
	    "{\"id\":\"10\",\"type\":\"follow\",\"account\":{\"id\":\"2\",\"acct\":\"b\"}}: a notification that is not a mention with its status\n",
	    "mentions: the status with its author; another kind of notification is rejected");
	page_is("{\"error\":\"Record not found\"}", MASTOPAGE_ACCOUNTS, -1, "", "", "an object is not a page");
	page_is("[{\"id\":", MASTOPAGE_ACCOUNTS, -1, "", "", "broken JSON is not a page");
	page_is("  ", MASTOPAGE_ACCOUNTS, -1, "", "", "nothing is not a page");

	error_is("{\"error\":\"Record not found\"}", "Record not found", "Mastodon's error");
	error_is("{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid\"}",
	    "invalid_grant: The provided authorization grant is invalid", "an OAuth error with its description");
	error_is("<html>502 Bad Gateway</html>", NULL, "a proxy's page");
	error_is("{\"error\":7}", NULL, "an error that is not a string");
	return done_testing();
}
