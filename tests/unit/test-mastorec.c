/* Unit tests for lib/mastorec.c: Mastodon accounts and statuses as records. */
#include <string.h>

#include "mastorec.h"
#include "tap.h"

#define ACCOUNT \
	"{\"id\":\"109302\",\"username\":\"ann\",\"acct\":\"ann\",\"display_name\":\"Ann :blobcat:\"," \
	"\"locked\":false,\"bot\":false,\"discoverable\":true,\"group\":false," \
	"\"created_at\":\"2022-11-03T00:00:00.000Z\"," \
	"\"note\":\"<p>Potter &amp; baker.</p><p>I follow back!<br>DMs open</p>\"," \
	"\"url\":\"https://m.example/@ann\",\"uri\":\"https://m.example/users/ann\"," \
	"\"avatar\":\"https://m.example/a.gif\",\"avatar_static\":\"https://m.example/a.png\"," \
	"\"followers_count\":321,\"following_count\":4000,\"statuses_count\":77," \
	"\"last_status_at\":\"2026-11-30\",\"emojis\":[]," \
	"\"fields\":[{\"name\":\"Pronouns\",\"value\":\"she/her\",\"verified_at\":null}," \
	"{\"name\":\"Shop\",\"value\":\"<a href=\\\"https://shop.example/ann\\\" rel=\\\"me\\\">" \
	"<span class=\\\"invisible\\\">https://</span><span class=\\\"\\\">shop.example/ann</span>" \
	"<span class=\\\"invisible\\\"></span></a>\",\"verified_at\":null}," \
	"{\"name\":\"Blog\",\"value\":\"<a href=\\\"https://ann.example\\\">https://ann.example</a>\"," \
	"\"verified_at\":\"2023-01-01T10:00:00.000+00:00\"}]}"

typedef int convert_fn(struct buf *, const char *, size_t, const char *, unsigned, struct buf *);

static void
record_is(convert_fn *fn, const char *json, const char *instance, unsigned flags, const char *want,
    const char *what)
{
	struct buf out = {0}, err = {0};
	int rc = fn(&out, json, strlen(json), instance, flags, &err);

	if (want) {
		ok(rc == 0, "%s: accepted%s%s", what, err.len ? ": " : "", err.p ? err.p : "");
		is_str(out.p, want, "%s", what);
	} else {
		ok(rc == -1 && out.len == 0 && err.len > 0, "%s: refused (%s)", what, err.p ? err.p : "");
	}
	buf_free(&out);
	buf_free(&err);
}

#define user_is(json, instance, flags, want, what) \
	record_is(mastorec_user, json, instance, flags, want, what)
#define post_is(json, flags, want, what) record_is(mastorec_post, json, "m.example", flags, want, what)

int
main(void)
{
	user_is(ACCOUNT, "m.example", MASTOREC_SOURCE,
	    "{\"id\":\"109302\",\"username\":\"ann@m.example\",\"name\":\"Ann :blobcat:\","
	    "\"description\":\"Potter & baker.\\n\\nI follow back!\\nDMs open\","
	    "\"created_at\":\"2022-11-03T00:00:00.000Z\","
	    "\"public_metrics\":{\"followers_count\":321,\"following_count\":4000,\"tweet_count\":77},"
	    "\"url\":\"https://ann.example\",\"protected\":false,"
	    "\"profile_image_url\":\"https://m.example/a.png\",\"bot\":false,\"group\":false,"
	    "\"last_status_at\":\"2026-11-30\","
	    "\"fields\":[{\"name\":\"Pronouns\",\"value\":\"she/her\"},"
	    "{\"name\":\"Shop\",\"value\":\"https://shop.example/ann\"},"
	    "{\"name\":\"Blog\",\"value\":\"https://ann.example\",\"verified_at\":\"2023-01-01T10:00:00.000+00:00\"}],"
	    "\"fb\":{\"source\":{\"network\":\"mastodon\",\"instance\":\"m.example\"}}}",
	    "a local account: X's names, the bio as text, a verified link as url, the fields kept");
	user_is("{\"id\":\"7\",\"username\":\"bob\",\"acct\":\"bob@other.example\",\"note\":\"\","
	    "\"bot\":true,\"locked\":true,\"fields\":[{\"name\":\"a\",\"value\":\"<a href=\\\"https://x.example\\\">"
	    "https://x.example</a>\"}],\"suspended\":true,\"limited\":false}",
	    "m.example", 0,
	    "{\"id\":\"7\",\"username\":\"bob@other.example\",\"description\":\"\",\"url\":\"https://x.example\","
	    "\"protected\":true,\"bot\":true,\"fields\":[{\"name\":\"a\",\"value\":\"https://x.example\"}],"
	    "\"suspended\":true}",
	    "a remote account keeps its domain; a suspended one says so; no fb without the flag");
	user_is("{\"id\":\"8\",\"acct\":\"cat\",\"moved\":{\"id\":\"9\",\"acct\":\"cat@new.example\"},"
	    "\"fields\":[{\"name\":\"w\",\"value\":\"see https://x.example\"}]}", "m.example", 0,
	    "{\"id\":\"8\",\"username\":\"cat@m.example\",\"fields\":[{\"name\":\"w\",\"value\":\"see https://x.example\"}],"
	    "\"moved_to\":\"cat@new.example\"}",
	    "a moved account names its new one; a field with more than a link gives no url");
	user_is("{\"id\":8,\"acct\":\"x\"}", "m.example", 0, NULL, "a numeric id is refused");
	user_is("{\"id\":\"8\"}", "m.example", 0, NULL, "an account without acct is refused");
	user_is("[1]", "m.example", 0, NULL, "an array is refused");
	user_is("{\"id\":\"8\",", "m.example", 0, NULL, "broken JSON is refused");
	user_is("{\"id\":\"8\",\"acct\":\"x\",\"display_name\":\"\\u00e9\\ud83d\\ude00 \\\"q\\\"\"}", "m.example", 0,
	    "{\"id\":\"8\",\"username\":\"x@m.example\",\"name\":\"\\u00e9\\ud83d\\ude00 \\\"q\\\"\"}",
	    "escapes in strings are kept as they are");

	post_is("{\"id\":\"1001\",\"created_at\":\"2026-11-30T12:00:00.000Z\",\"in_reply_to_id\":null,"
	    "\"in_reply_to_account_id\":null,\"sensitive\":false,\"spoiler_text\":\"\",\"visibility\":\"public\","
	    "\"language\":\"en\",\"replies_count\":2,\"reblogs_count\":3,\"favourites_count\":4,\"quotes_count\":0,"
	    "\"content\":\"<p>New glaze test! <a href=\\\"https://m.example/tags/pottery\\\" class=\\\"mention hashtag\\\">"
	    "#<span>pottery</span></a> with <span class=\\\"h-card\\\"><a href=\\\"https://o.example/@bob\\\" "
	    "class=\\\"u-url mention\\\">@<span>bob</span></a></span> "
	    "<a href=\\\"https://blog.example/glaze\\\">blog.example/glaze</a></p>\","
	    "\"reblog\":null,\"account\":" ACCOUNT ","
	    "\"mentions\":[{\"id\":\"55\",\"username\":\"bob\",\"acct\":\"bob@o.example\",\"url\":\"https://o.example/@bob\"}],"
	    "\"tags\":[{\"name\":\"pottery\",\"url\":\"https://m.example/tags/pottery\"}]}",
	    MASTOREC_SOURCE,
	    "{\"id\":\"1001\",\"text\":\"New glaze test! #pottery with @bob blog.example/glaze\","
	    "\"created_at\":\"2026-11-30T12:00:00.000Z\",\"lang\":\"en\",\"author_id\":\"109302\","
	    "\"public_metrics\":{\"retweet_count\":3,\"reply_count\":2,\"like_count\":4,\"quote_count\":0},"
	    "\"possibly_sensitive\":false,"
	    "\"entities\":{\"mentions\":[{\"username\":\"bob@o.example\",\"id\":\"55\"}],"
	    "\"hashtags\":[{\"tag\":\"pottery\"}],\"urls\":[{\"expanded_url\":\"https://blog.example/glaze\"}]},"
	    "\"visibility\":\"public\","
	    "\"fb\":{\"source\":{\"network\":\"mastodon\",\"instance\":\"m.example\"}}}",
	    "a status: text, metrics in X's names, entities from mentions, tags and links");
	post_is("{\"id\":\"1002\",\"in_reply_to_id\":\"999\",\"in_reply_to_account_id\":\"55\","
	    "\"spoiler_text\":\"politics\",\"content\":\"<p>I disagree</p>\",\"language\":null,"
	    "\"account\":{\"id\":\"109302\",\"acct\":\"ann\"}}",
	    MASTOREC_AUTHOR,
	    "{\"id\":\"1002\",\"text\":\"politics\\n\\nI disagree\",\"author_id\":\"109302\","
	    "\"in_reply_to_user_id\":\"55\",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"999\"}],"
	    "\"author\":{\"id\":\"109302\",\"username\":\"ann@m.example\"}}",
	    "a reply, as fb-score reads replies; a content warning before the text; the author joined");
	post_is("{\"id\":\"1003\",\"content\":\"\",\"account\":{\"id\":\"109302\",\"acct\":\"ann\"},"
	    "\"reblog\":{\"id\":\"777\",\"content\":\"<p>Follow me, I follow back</p>\",\"language\":\"en\","
	    "\"account\":{\"id\":\"66\",\"acct\":\"fb@t.example\"},\"quote\":{\"state\":\"accepted\","
	    "\"quoted_status\":{\"id\":\"555\",\"content\":\"\"}}}}",
	    0,
	    "{\"id\":\"1003\",\"text\":\"RT @fb@t.example: Follow me, I follow back\",\"lang\":\"en\","
	    "\"author_id\":\"109302\",\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"777\"},"
	    "{\"type\":\"quoted\",\"id\":\"555\"}]}",
	    "a boost is a repost as on X, with the boosted status's text and quote");
	post_is("{\"id\":1}", 0, NULL, "a numeric status id is refused");
	post_is("{\"id\":\"1\",\"account\":{\"id\":\"2\"}}", MASTOREC_AUTHOR, NULL,
	    "a status whose account is not one is refused");
	return done_testing();
}
