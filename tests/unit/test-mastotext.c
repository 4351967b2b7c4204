/* Unit tests for lib/mastotext.c: Mastodon's HTML as plain text. */
#include <string.h>

#include "mastotext.h"
#include "tap.h"

static void
text_is(const char *html, const char *want, const char *what)
{
	struct buf out = {0};

	mastotext(&out, html, strlen(html), NULL);
	is_str(out.p, want, "%s", what);
	buf_free(&out);
}

static void
links_are(const char *html, const char *want, const char *what)
{
	struct buf out = {0}, links = {0};

	mastotext(&out, html, strlen(html), &links);
	for (size_t i = 0; i < links.len; i++)
		if (links.p[i] == '\0')
			links.p[i] = ' ';
	is_str(links.p ? links.p : "", want, "%s", what);
	buf_free(&out);
	buf_free(&links);
}

int
main(void)
{
	struct buf out = {0};

	text_is("<p>Hello world</p>", "Hello world", "one paragraph");
	text_is("<p>One</p><p>Two</p>", "One\n\nTwo", "paragraphs are separated by a blank line");
	text_is("<p>a<br>b<br />c<br/>d</p>", "a\nb\nc\nd", "each <br> spelling is a newline");
	text_is("<p>a<br><br>b</p>", "a\n\nb", "two <br> are two newlines");
	text_is("<p>a<br></p><p>b</p>", "a\n\nb", "a <br> closing a paragraph adds no third newline");
	text_is("<p>One</p>\n<p>Two</p>\n", "One\n\nTwo", "layout newlines between paragraphs are not text");
	text_is("<p><br>a</p>", "a", "no leading break");
	text_is("<p>a</p><p></p><p><br></p>", "a", "no trailing breaks");
	text_is("<P>A<BR>B</P>", "A\nB", "tags in capitals");
	text_is("<p>a\nb</p>", "a\nb", "a newline in the text stays (Mastodon keeps it)");
	text_is("<p>Writer. <a href=\"https://example.com/blog\" rel=\"nofollow noopener\" "
	    "target=\"_blank\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">"
	    "example.com/blo</span><span class=\"invisible\">g</span></a></p>",
	    "Writer. https://example.com/blog", "a shortened link is its whole address, no ellipsis");
	text_is("<p><span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.social/@ann\" "
	    "class=\"u-url mention\">@<span>ann</span></a></span> hi</p>",
	    "@ann hi", "a mention is its text");
	text_is("<p><a href=\"https://x.example/tags/FollowBack\" class=\"mention hashtag\" "
	    "rel=\"tag\">#<span>FollowBack</span></a></p>", "#FollowBack", "a hashtag is its text");
	text_is("<p>Tom &amp; Jerry &lt;3 &quot;hi&quot; it&#39;s &#x27;ok&#x27; &apos;</p>",
	    "Tom & Jerry <3 \"hi\" it's 'ok' '", "the common references");
	text_is("<p>caf&#233; &#x1F600; &hellip;&nbsp;&mdash;</p>",
	    "caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa6\xc2\xa0\xe2\x80\x94", "numeric and named references as UTF-8");
	text_is("<p>&#150; &#0; &#xD800; &#1114112;</p>", "\xe2\x80\x93 \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd",
	    "windows-1252 numbers, NUL, surrogates and too large code points as HTML reads them");
	text_is("<p>AT&T &unknown; &amp &#; &#x;</p>", "AT&T &unknown; &amp &#; &#x;",
	    "what is not a whole reference stays as written");
	text_is("<p>1 < 2 and 3 > 2, a <3 b</p>", "1 < 2 and 3 > 2, a <3 b", "a '<' that starts no tag is text");
	text_is("<p>a<script>alert('<p>x</p>')</script>b<style>p{}</style>c</p>", "abc",
	    "scripts and styles are dropped with their content");
	text_is("<p>a<svg/>b</p>", "ab", "a self-closing dropped element takes nothing after it");
	text_is("<p>a<!-- <p>hidden</p> -->b</p>", "ab", "comments are dropped");
	text_is("<p>a<img alt='x>y' src=\"z\">b</p>", "ab", "a '>' inside a quoted attribute ends no tag");
	text_is("<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter", "list items are lines");
	text_is("<blockquote><p>quoted</p></blockquote><p>mine</p>", "quoted\n\nmine", "a quote is a paragraph");
	text_is("<p>I <strong>follow</strong> <em>back</em> <del>never</del></p>", "I follow back never",
	    "inline formatting is its text");
	text_is("plain text, no tags", "plain text, no tags", "text without tags is itself");
	text_is("", "", "nothing is nothing");
	text_is("<p>a</p><p", "a", "a tag cut at the end is dropped");
	text_is("<p>unclosed <a href=\"x", "unclosed", "an attribute cut at the end is dropped");
	text_is("<p>a</p>   <p>  b  </p>", "a\n\nb", "white space at a break is layout");
	text_is("<verylongtagnamethatmeansnothing>x</verylongtagnamethatmeansnothing>", "x",
	    "an unknown long tag is dropped, its text kept");

	links_are("<p><a href=\"https://a.example/x?a=1&amp;b=2\">l</a> "
	    "<a href=\"https://m.example/@ann\" class=\"u-url mention\">@ann</a> "
	    "<a class=\"mention hashtag\" href=\"https://m.example/tags/x\">#x</a> "
	    "<a href='https://b.example/'>b</a></p>",
	    "https://a.example/x?a=1&b=2 https://b.example/ ", "links, not mentions or hashtags, with references decoded");
	links_are("<p><a class=\"mentioned\" href=\"https://c.example/\">c</a></p>", "https://c.example/ ",
	    "a class that only starts with mention is not one");

	buf_adds(&out, "kept:");
	mastotext(&out, "<p>a</p><p>b</p>", 16, NULL);
	is_str(out.p, "kept:a\n\nb", "appends to what out holds");
	buf_free(&out);
	return done_testing();
}
