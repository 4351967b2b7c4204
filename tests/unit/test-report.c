/* Unit tests for the text of fb-report: escaping for HTML and Markdown, counts. */
#include <string.h>

#include "html.h"
#include "markdown.h"
#include "report.h"
#include "tap.h"

typedef void escape_fn(struct buf *out, const char *s, size_t len);

static void
escaped_is(escape_fn *escape, const char *in, const char *want, const char *what)
{
	struct buf out = {0};

	escape(&out, in, strlen(in));
	is_str(out.p ? out.p : "", want, "%s: %s", escape == html_text ? "html" : "markdown", what);
	buf_free(&out);
}

#define html_is(in, want, what) escaped_is(html_text, in, want, what)
#define md_is(in, want, what) escaped_is(md_text, in, want, what)

static void
count_is(unsigned long n, const char *want)
{
	struct buf out = {0};

	report_count(&out, n);
	is_str(out.p, want, "report_count(%lu)", n);
	buf_free(&out);
}

int
main(void)
{
	html_is("plain text, émoji 🚂", "plain text, émoji 🚂", "text stays as it is");
	html_is("<script>a && b</script>", "&lt;script&gt;a &amp;&amp; b&lt;/script&gt;",
	    "markup is text");
	html_is("\" onload='x'", "&quot; onload=&#39;x&#39;", "quotes cannot end an attribute");
	html_is("</svg>", "&lt;/svg&gt;", "an end tag is text");
	html_is("abc\xe2\x80\xae" "fed", "abc\\u{202E}fed", "a right-to-left override is shown");
	html_is("a\xe2\x81\xa6" "b\xe2\x81\xa9", "a\\u{2066}b\\u{2069}", "bidi isolates are shown");
	html_is("a\x1b[2Jb\x07", "a\\x1B[2Jb\\x07", "controls are shown");
	html_is("line\nbreak", "line break", "a line end is a space");
	md_is("*bold* _it_ `code` [a](javascript:x) | # !", "\\*bold\\* \\_it\\_ \\`code\\` "
	    "\\[a\\](javascript:x) \\| \\# \\!", "markup characters are backslashed");
	md_is("<img src=x> & co", "&lt;img src=x&gt; &amp; co", "no raw HTML");
	md_is("abc\xe2\x80\xae" "fed", "abc\\\\u{202E}fed", "a right-to-left override is shown");
	count_is(0, "0");
	count_is(999, "999");
	count_is(1000, "1,000");
	count_is(100000, "100,000");
	count_is(1234567, "1,234,567");
	return done_testing();
}
