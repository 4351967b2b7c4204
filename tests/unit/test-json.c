/* Unit tests for lib/json.c: the validating scanner and string helpers. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "tap.h"

static enum json_status
scan(struct json_scan *s, const char *text, int at_eof)
{
	return json_scan(s, text, strlen(text), 0, at_eof);
}

static void
test_valid(void)
{
	static const char *good[] = {
		"{}", "[]", "0", "-0.5e+10", "\"\"", "true", "null",
		"{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u00e9\\ud83d\\ude00\"}",
		" { \"a\" : 1 } ", "\"caf\xc3\xa9\"", "[03, .5, -.5, 1., +5, 1.e5]",
	};
	struct json_scan s = {0};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		const char *t = good[i];

		while (*t == ' ')
			t++;
		ok(json_scan(&s, t, strlen(t), 0, 1) == JSON_OK, "valid: %s", good[i]);
	}
	json_scan_free(&s);
}

static void
test_invalid(void)
{
	static const struct { const char *text; const char *err; size_t off; } bad[] = {
		{"{\"a\":}", "not a JSON value", 5},
		{"{\"a\" 1}", "expected ':' after an object key", 5},
		{"[1 2]", "expected ',' or ']' in an array", 3},
		{"{\"a\":tru}", "not a JSON value", 5},
		{"[1.5.3]", "bad number", 4},
		{"\"\\ud83dx\"", "a high surrogate escape without its low half", 1},
		{"\"a\tb\"", "control character in a string (must be escaped)", 2},
		{"\"\\x\"", "bad escape in a string", 2},
		{"{\"a\":1,}", "expected a string key in an object", 7},
		{"nan", "not a JSON value", 0},
	};
	struct json_scan s = {0};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum json_status st = scan(&s, bad[i].text, 1);

		ok(st == JSON_ERROR && s.err && strcmp(s.err, bad[i].err) == 0 &&
		    s.err_off == bad[i].off, "invalid %s: %s at %zu (got %s at %zu)",
		    bad[i].text, bad[i].err, bad[i].off, s.err ? s.err : "-", s.err_off);
	}
	json_scan_free(&s);
}

static void
test_incomplete(void)
{
	struct json_scan s = {0};
	char deep[600];

	ok(scan(&s, "{\"a\":[1,", 0) == JSON_INCOMPLETE, "a cut value asks for more input");
	ok(scan(&s, "12", 0) == JSON_INCOMPLETE, "a number at the end of the buffer may go on");
	ok(scan(&s, "12", 1) == JSON_OK && s.end == 2, "at EOF the number is whole");
	ok(scan(&s, "\"\xc3", 0) == JSON_INCOMPLETE, "a UTF-8 sequence cut by the buffer asks for more");
	ok(scan(&s, "{\"a\":\"x", 1) == JSON_ERROR &&
	    strcmp(s.err, "the input ends inside a value") == 0, "at EOF a cut value is an error");
	memset(deep, '[', 300);
	deep[300] = '\0';
	ok(scan(&s, deep, 1) == JSON_ERROR && strcmp(s.err, "nested too deeply") == 0,
	    "300 levels of nesting are refused");
	json_scan_free(&s);
}

static void
test_members(void)
{
	struct json_scan s = {0};
	const char *t = "{\"id\":\"7\",\"posts\":[{\"text\":\"a\"},5,{\"id\":1,\"text\":\"b\"}],\"x\":{\"text\":\"no\"}}";

	s.collect_members = 1;
	ok(scan(&s, t, 1) == JSON_OK && s.nmembers == 3, "three top-level members");
	ok(s.nmembers == 3 && strncmp(s.members[1].key, "posts", 5) == 0 &&
	    s.members[1].kind == JSON_ARRAY, "members keep their key and kind");
	ok(s.posts_seen && s.npost_members == 3, "the members of the posts are kept");
	ok(s.npost_members == 3 && s.post_index[0] == 0 && s.post_index[2] == 2 &&
	    strncmp(s.post_members[2].val, "\"b\"", 3) == 0, "each post member knows its post");
	ok(s.posts_bad == 1 && s.posts_bad_kind == JSON_NUMBER, "a post that is not an object is noted");
	t = "{\"posts\":[{\"refs\":[1,[2]],\"e\":{\"u\":[3]},\"text\":\"a\"},{\"text\":\"b\"}]}";
	ok(scan(&s, t, 1) == JSON_OK && s.npost_members == 4 && s.post_index[1] == 0 &&
	    s.post_index[2] == 0 && s.post_index[3] == 1,
	    "members after nested arrays still know their post");
	json_scan_free(&s);
}

static void
unescape(struct buf *b, const char *raw)
{
	json_unescape(b, raw, strlen(raw));
}

static void
test_strings(void)
{
	struct buf b = {0};
	struct json_scan s = {0};
	struct json_member m;
	const char *pretty = "{\n  \"a\": [1, \"x y\"],\n  \"b\": \"\xff\"\n}";

	unescape(&b, "\"a\\n\\u00e9\\ud83d\\ude00\\\"\"");
	is_str(b.p, "a\n\xc3\xa9\xf0\x9f\x98\x80\"", "unescape: escapes, BMP and surrogate pairs");
	buf_reset(&b);
	unescape(&b, "\"\\udc00x\"");
	is_str(b.p, "\xef\xbf\xbdx", "a lone surrogate becomes U+FFFD");
	buf_reset(&b);
	unescape(&b, "\"a\xffz\"");
	is_str(b.p, "a\xef\xbf\xbdz", "invalid UTF-8 becomes U+FFFD");
	buf_reset(&b);
	json_escape(&b, "q\"\\\n\x01", 5);
	is_str(b.p, "\"q\\\"\\\\\\n\\u0001\"", "escape quotes, backslashes and control characters");
	buf_reset(&b);
	json_compact(&b, pretty, strlen(pretty));
	is_str(b.p, "{\"a\":[1,\"x y\"],\"b\":\"\xef\xbf\xbd\"}", "compact drops whitespace outside strings and repairs UTF-8");
	buf_reset(&b);
	json_number(&b, 0.1 + 0.2);
	is_str(b.p, "0.3", "numbers print without float noise");
	buf_reset(&b);
	json_number(&b, -2);
	is_str(b.p, "-2", "integers print as integers");
	m.key = "te\\u0078t";
	m.keylen = strlen(m.key);
	ok(json_key_is(&m, "text"), "an escaped key compares by its decoded text");
	ok(scan(&s, "\"\xff\"", 1) == JSON_OK && (s.flags & JSON_F_BAD_UTF8), "invalid UTF-8 is flagged");
	json_scan_free(&s);
	buf_free(&b);
}

/*
 * A read may end anywhere, even just after a backslash: every proper prefix
 * of a valid value must ask for more input, never be refused.
 */
static void
test_every_prefix(void)
{
	static const char *good[] = {
		"{\"id\":\"2\",\"description\":\"say \\\"hi\\\" please\"}",
		"{\"t\":\"a\\\\b\\/c\\n\\u00e9\\ud83d\\ude00 caf\xc3\xa9 \xf0\x9f\x98\x80\"}",
		"[true,false,null,-0.5e+10,{\"a\":[]}]",
	};
	struct json_scan s = {0};
	size_t i, k, refused = 0, whole = 0;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		size_t n = strlen(good[i]);

		for (k = 1; k < n; k++)
			if (json_scan(&s, good[i], k, 0, 0) == JSON_ERROR) {
				refused++;
				printf("#   refused after %zu bytes: %.*s\n", k, (int)k, good[i]);
			}
		whole += json_scan(&s, good[i], n, 0, 0) == JSON_OK;
	}
	ok(refused == 0, "no prefix of a valid value is refused (escapes, surrogates, UTF-8 cut anywhere)");
	ok(whole == sizeof good / sizeof good[0], "each whole value is read before EOF");
	json_scan_free(&s);
}

int
main(void)
{
	test_valid();
	test_invalid();
	test_incomplete();
	test_every_prefix();
	test_members();
	test_strings();
	return done_testing();
}
