/* Unit tests for lib/archrec.c: the archive's dates and HTML entities. */
#include <string.h>

#include "archrec.h"
#include "tap.h"

static void
date_is(const char *in, const char *want)
{
	char out[32] = "";
	int r = archrec_date(out, in, strlen(in));

	if (want == NULL)
		ok(r < 0, "'%s' is refused", in);
	else
		is_str(r == 0 ? out : NULL, want, "'%s'", in);
}

static void
unescaped_is(const char *in, const char *want)
{
	struct buf out = {0};

	archrec_unescape_html(&out, in, strlen(in));
	is_str(out.p ? out.p : "", want, "'%s'", in);
	buf_free(&out);
}

int
main(void)
{
	date_is("Tue Jan 31 09:01:52 +0000 2017", "2017-01-31T09:01:52.000Z");
	date_is("Wed Feb 01 00:30:00 +0100 2017", "2017-01-31T23:30:00.000Z");
	date_is("Sat Dec 31 23:00:00 -0130 2016", "2017-01-01T00:30:00.000Z");
	date_is("2017-01-31T09:01:52.000Z", NULL);
	date_is("Tue Foo 31 09:01:52 +0000 2017", NULL);
	date_is("Tue Jan 31 25:01:52 +0000 2017", NULL);
	date_is("", NULL);
	unescaped_is("a &lt;b&gt; &amp;amp; &quot;c&quot; &#39;d&apos;", "a <b> &amp; \"c\" 'd'");
	unescaped_is("&#x1F600; &#233;", "\xF0\x9F\x98\x80 \xC3\xA9");
	unescaped_is("AT&T & co; &unknown; &#0; &#xD800; &#99999999;", "AT&T & co; &unknown; &#0; &#xD800; &#99999999;");
	unescaped_is("ends with &", "ends with &");
	return done_testing();
}
