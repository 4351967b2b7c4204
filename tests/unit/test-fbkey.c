/* Unit tests for lib/fbkey.c: setting and removing one sub-key of "fb". */
#include <string.h>

#include "fbkey.h"
#include "tap.h"

static void
set_is(const char *json, const char *value, const char *want, const char *what)
{
	struct json_scan s = {0};
	struct record rec = {0};
	struct buf out = {0};

	s.collect_members = 1;
	if (json_scan(&s, json, strlen(json), 0, 1) != JSON_OK) {
		ok(0, "%s: test input does not parse", what);
		return;
	}
	rec.json = json;
	rec.len = strlen(json);
	rec.members = s.members;
	rec.nmembers = s.nmembers;
	rec.scan = &s;
	fbkey_set(&out, &rec, "demand", value, value ? strlen(value) : 0);
	is_str(out.p, want, "%s", what);
	buf_free(&out);
	json_scan_free(&s);
}

int
main(void)
{
	set_is("{\"a\":1}", "{\"x\":1}", "{\"a\":1,\"fb\":{\"demand\":{\"x\":1}}}", "adds fb at the end");
	set_is("{}", "true", "{\"fb\":{\"demand\":true}}", "adds fb to an empty object");
	set_is("{\"a\": 1.50 }", "true", "{\"a\": 1.50,\"fb\":{\"demand\":true} }", "keeps the bytes of the other members");
	set_is("{\"fb\":{\"score\":2,\"demand\":1},\"z\":0}", "7",
	    "{\"fb\":{\"score\":2,\"demand\":7},\"z\":0}", "replaces in place, keeping other sub-keys");
	set_is("{\"fb\":{\"score\":2},\"z\":0}", "7",
	    "{\"fb\":{\"score\":2,\"demand\":7},\"z\":0}", "adds its sub-key to an existing fb");
	set_is("{\"a\":1,\"fb\":{\"demand\":1,\"score\":2}}", NULL,
	    "{\"a\":1,\"fb\":{\"score\":2}}", "removes only its own sub-key");
	set_is("{\"a\":1,\"fb\":{\"demand\":1}}", NULL, "{\"a\":1}", "removes fb when it would be empty (last member)");
	set_is("{\"fb\":{\"demand\":1},\"a\":1}", NULL, "{\"a\":1}", "removes fb when it would be empty (first member)");
	set_is("{\"fb\":{\"demand\":1}}", NULL, "{}", "removes fb when it is the only member");
	return done_testing();
}
