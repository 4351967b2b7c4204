/* Unit tests for lib/idset.c: ids, names in any case, and the files a set is read from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "idset.h"
#include "tap.h"
#include "util.h"

static int
has_id(const struct idset *s, const char *id)
{
	return idset_has_id(s, id, strlen(id));
}

static int
has_name(const struct idset *s, const char *name)
{
	return idset_has_name(s, name, strlen(name));
}

/* Loads text as a file, with messages for its bad lines on stderr; returns how many were bad. */
static unsigned long
load_text(struct idset *s, const char *text)
{
	char path[] = "/tmp/test-idset.XXXXXX";
	int fd = mkstemp(path);
	struct stream_opts so = {0};
	struct stream *st;
	unsigned long bad;

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		die(EXIT_FAIL, "%s:", path);
	close(fd);
	st = stream_new(&so);
	if (idset_load(s, st, path) < 0)
		die(EXIT_FAIL, "%s:", path);
	bad = stream_rejected(st);
	stream_finish(st);
	unlink(path);
	return bad;
}

/* idset_load counts the accounts it added: one named twice counts once. */
static void
test_load_count(void)
{
	struct idset *s = idset_new();
	char path[] = "/tmp/test-idset.XXXXXX";
	const char *text = "1\n{\"id\":\"1\",\"username\":\"a\"}\n2\n@b\n@B\n";
	int fd = mkstemp(path);
	struct stream_opts so = {0};
	struct stream *st = stream_new(&so);
	long n;

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		die(EXIT_FAIL, "%s:", path);
	close(fd);
	n = idset_load(s, st, path);
	stream_finish(st);
	unlink(path);
	ok(n == 3, "idset_load says it added 3 accounts from 5 lines that name 3 (%ld)", n);
	st = stream_new(&so);
	ok(idset_load(s, st, "/nonexistent/followers.ndjson") == -1, "a file that cannot be opened: -1");
	stream_finish(st);
	idset_free(s);
}

static void
test_ids(void)
{
	struct idset *s = idset_new();
	char id[32];
	int i, all = 1, none = 1;

	idset_add_id(s, "0", 1);
	idset_add_id(s, "9223372036854775807", 19);
	idset_add_id(s, "007", 3);
	idset_add_id(s, "abc", 3);
	ok(has_id(s, "0"), "id 0 (the empty slot's value) is held");
	ok(has_id(s, "9223372036854775807"), "the largest id X gives");
	ok(has_id(s, "007") && !has_id(s, "7"), "an id with leading zeros is its own string, not 7");
	ok(has_id(s, "abc") && !has_id(s, "ABC"), "an id that is no number matches exactly");
	ok(!has_name(s, "abc"), "an id is not a username");
	/* Enough ids to grow the table many times, with neighbours left out. */
	for (i = 1; i <= 200000; i += 2) {
		snprintf(id, sizeof id, "%d", 1000000000 + i);
		idset_add_id(s, id, strlen(id));
	}
	for (i = 1; i <= 200000; i++) {
		snprintf(id, sizeof id, "%d", 1000000000 + i);
		if (i % 2)
			all &= has_id(s, id);
		else
			none &= !has_id(s, id);
	}
	ok(all && none, "100000 ids held, their 100000 neighbours not");
	idset_add_id(s, "1000000001", 10);
	ok(idset_count(s) == 4 + 100000, "an id added twice counts once (%zu)", idset_count(s));
	idset_free(s);
}

static void
test_words(void)
{
	struct idset *s = idset_new();

	int added = idset_add_word(s, "@Bob_Builds", 11);

	ok(added == 0, "@name");
	ok(has_name(s, "bob_builds") && has_name(s, "BOB_BUILDS"), "names match whatever their case");
	ok(!has_name(s, "bob_build") && !has_name(s, "bob_buildss"), "and only the whole name");
	added = idset_add_word(s, "https://x.com/Dee?s=20", 22);
	ok(added == 0 && has_name(s, "dee"), "a profile URL");
	added = idset_add_word(s, "123", 3);
	ok(added == 0 && has_id(s, "123"), "a bare id");
	added = idset_add_word(s, "Fay_9", 5);
	ok(added == 0 && has_name(s, "fay_9") && !has_id(s, "Fay_9"), "a bare name");
	added = idset_add_word(s, "hello world", 11);
	ok(added < 0, "words with a space are refused");
	added = idset_add_word(s, "@", 1);
	ok(added < 0, "a lone @ is refused");
	idset_free(s);
}

/* A record of the set and a record queried, each from one JSON text. */
static int
has_record(const char *set_json, const char *json)
{
	struct idset *s = idset_new();
	struct json_scan a = {0}, b = {0};
	struct record ra = {0}, rb = {0};
	int in;

	a.collect_members = b.collect_members = 1;
	if (json_scan(&a, set_json, strlen(set_json), 0, 1) != JSON_OK ||
	    json_scan(&b, json, strlen(json), 0, 1) != JSON_OK)
		die(EXIT_FAIL, "test input does not parse");
	ra.members = a.members;
	ra.nmembers = a.nmembers;
	rb.members = b.members;
	rb.nmembers = b.nmembers;
	idset_add_record(s, &ra);
	in = idset_has_record(s, &rb);
	json_scan_free(&a);
	json_scan_free(&b);
	idset_free(s);
	return in;
}

static void
test_records(void)
{
	ok(has_record("{\"id\":\"1\",\"username\":\"a\"}", "{\"id\":\"1\",\"username\":\"renamed\"}"),
	    "a record is in by its id, whatever its username now");
	ok(!has_record("{\"id\":\"1\",\"username\":\"a\"}", "{\"id\":\"2\",\"username\":\"A\"}"),
	    "another id with a username the set's account had is another account");
	ok(has_record("{\"username\":\"a\"}", "{\"id\":\"2\",\"username\":\"A\"}"),
	    "a username given without an id matches, whatever the case");
	ok(has_record("{\"follower\":{\"accountId\":\"15\",\"userLink\":\"x\"}}", "{\"id\":\"15\"}"),
	    "an archive's follower entry is its accountId");
}

static void
test_load(void)
{
	struct idset *s = idset_new();
	unsigned long bad;

	idset_keep_names_beside_ids(s);
	bad = load_text(s, "# following\n5001\n@Bob\n\n{\"id\":\"5003\",\"username\":\"carol\"}\n"
	    "{\n  \"username\": \"Dee\",\n  \"id\": \"5004\"\n}\nhttps://twitter.com/eve\n");
	ok(bad == 0, "ids, @names, URLs, comments and records (one per line or pretty-printed)");
	ok(has_id(s, "5001") && has_name(s, "bob") && has_id(s, "5003") && has_name(s, "CAROL") &&
	    has_id(s, "5004") && has_name(s, "dee") && has_name(s, "eve"), "all of them are held");
	idset_free(s);

	s = idset_new();
	bad = load_text(s, "{\"id\":\"5003\",\"username\":\"carol\"}\n");
	ok(bad == 0 && has_id(s, "5003") && !has_name(s, "carol") && idset_count(s) == 1,
	    "by default a record with an id adds only its id");
	idset_free(s);

	s = idset_new();
	bad = load_text(s, "window.YTD.follower.part0 = [ {\n  \"follower\" : {\n    \"accountId\" : \"15989888\",\n"
	    "    \"userLink\" : \"https://twitter.com/intent/user?user_id=15989888\"\n  }\n}, {\n"
	    "  \"follower\" : { \"accountId\" : \"600037508\" }\n} ]\n");
	ok(bad == 0, "an X archive's follower.js");
	ok(has_id(s, "15989888") && has_id(s, "600037508") && idset_count(s) == 2, "its account ids");
	idset_free(s);

	s = idset_new();
	bad = load_text(s, "window.YTD.following.part0=\n[\n{\"following\":{\"accountId\":\"7\"}}\n,{\"following\":{\"accountId\":\"8\"}}];");
	ok(bad == 0 && has_id(s, "7") && has_id(s, "8"), "following.js in another spacing");
	idset_free(s);

	s = idset_new();
	bad = load_text(s, "{\"data\":[{\"id\":\"11\",\"username\":\"a\"},{\"id\":\"12\",\"username\":\"b\"}],\"meta\":{}}\n");
	ok(bad == 0 && has_id(s, "11") && has_id(s, "12"), "a raw X API page");
	idset_free(s);

	s = idset_new();
	bad = load_text(s, "1\nnot an account\n{\"name\":\"no id\"}\n2\n");
	ok(bad == 2, "bad lines are counted");
	ok(has_id(s, "1") && has_id(s, "2") && idset_count(s) == 2, "and the good ones around them kept");
	idset_free(s);
}

int
main(void)
{
	program_start("test-idset");
	test_ids();
	test_words();
	test_records();
	test_load();
	test_load_count();
	return done_testing();
}
