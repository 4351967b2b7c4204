/*
 * Unit tests for lib/fetch.c, lib/sink.c and lib/xapi.c: arguments, query
 * escaping, the budget's arithmetic, and cutting the output back to a
 * checkpoint.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fetch.h"
#include "sink.h"
#include "tap.h"
#include "util.h"
#include "xapi.h"

static void
test_names(void)
{
	ok(is_user_id("12"), "digits are an id");
	ok(is_user_id("1234567890123456789"), "19 digits are an id");
	ok(!is_user_id("12345678901234567890"), "20 digits are not (X's ids have at most 19)");
	ok(!is_user_id("") && !is_user_id("12a"), "empty and mixed are not ids");
	ok(is_username("@jack") && is_username("jack_01"), "@name and name");
	ok(!is_username("@") && !is_username("a-b") && !is_username("abcdefghijklmnop"),
	    "no name, a dash, 16 characters: not X usernames");
}

static void
test_time(void)
{
	char out[32];

	is_str(fetch_time("2026-11-01", out), "2026-11-01T00:00:00Z", "a date is its midnight UTC");
	is_str(fetch_time("2026-11-01T09:30:00Z", out), "2026-11-01T09:30:00Z", "RFC 3339 as given");
	is_str(fetch_time("2026-11-01T09:30:00.123+02:00", out), "2026-11-01T09:30:00.123+02:00",
	    "fractions and offsets");
	ok(fetch_time("yesterday", out) == NULL, "words are refused");
	ok(fetch_time("2026-02-30", out) == NULL && fetch_time("2025-02-29", out) == NULL &&
	    fetch_time("2026-04-31T10:00:00Z", out) == NULL, "days that do not exist are refused");
	is_str(fetch_time("2024-02-29", out), "2024-02-29T00:00:00Z", "a leap day is a day");
	ok(fetch_time("2026-11-01T09:30", out) == NULL, "a time without seconds and zone is refused");
}

static void
test_escape(void)
{
	struct buf b = {0};

	xapi_escape(&b, "a,b c/d+e=f&g\xc3\xa9");
	is_str(b.p, "a,b%20c%2Fd%2Be%3Df%26g%C3%A9", "query values keep commas and escape the rest");
	buf_free(&b);
}

static void
test_budget(void)
{
	struct fetch f;

	memset(&f, 0, sizeof f);
	fetch_opts_init(&f.o);
	ok(fetch_afford(&f, UNIT_USER, 1000) == 1000, "no budget: anything");
	f.o.budget = 0.03;
	ok(fetch_afford(&f, UNIT_USER, 1000) == 3, "$0.03 buys 3 users at $0.010, not 2");
	fetch_reserve(&f, UNIT_USER, 2);
	ok(fetch_afford(&f, UNIT_USER, 1000) == 1, "after 2 asked for, one more");
	fetch_settle(&f, UNIT_USER, 2, 1);
	ok(fetch_afford(&f, UNIT_USER, 1000) == 2, "one of the 2 did not come: it is given back");
	fetch_reserve(&f, UNIT_USER, 2);
	ok(fetch_afford(&f, UNIT_USER, 1) == 0, "spent: nothing more");
	f.o.budget = 1;
	ok(fetch_afford(&f, UNIT_POST, 100) == 100 && fetch_afford(&f, UNIT_POST, 1000) == 194,
	    "posts at $0.005 with $0.97 left");
}

static char *
file_text(const char *path)
{
	size_t len;
	char *s = slurp_file(path, &len);

	return s ? s : xstrdup("(unreadable)");
}

static void
test_sink(void)
{
	char dir[] = "/tmp/test-fetch.XXXXXX", out[64], state[64];
	struct progress p, back;
	int status;
	struct sink *s;
	char *text;
	int fd;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(out, sizeof out, "%s/out", dir);
	snprintf(state, sizeof state, "%s/state", dir);
	/* A run that dies after its first page, as a killed one would. */
	if (fork() == 0) {
		s = sink_open(out, NULL, state, 0, "job A", &p);
		if (p.requests != 0 || p.next != NULL || p.done)
			_exit(1);
		sink_add(s, "{\"id\":\"1\"}", 10);
		p.records = 1;
		p.requests = 1;
		p.next = "token-after-page-1";
		sink_commit(s, &p);
		_exit(0);
	}
	fd = wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	ok(fd,
	    "a new checkpoint starts empty; a page is committed");
	/* What the kill left: a page written after the checkpoint. */
	fd = open(out, O_WRONLY | O_APPEND);
	ok(fd >= 0 && write(fd, "{\"id\":\"2\"}\n{\"id\":", 17) == 17, "a torn page after it");
	close(fd);
	s = sink_open(out, NULL, state, 0, "job A", &back);
	ok(back.requests == 1 && back.records == 1 && back.next &&
	    strcmp(back.next, "token-after-page-1") == 0, "the checkpoint comes back");
	text = file_text(out);
	is_str(text, "{\"id\":\"1\"}\n", "the output is cut back to the checkpoint");
	free(text);
	fd = sink_close(s, &back);	/* ok() evaluates its condition twice */
	ok(fd == 0 && back.done, "closing marks the run done");
	progress_free(&back);
	text = file_text(state);
	ok(strstr(text, "\"done\":true") != NULL, "the checkpoint says so");
	free(text);
	{
		struct stat st;

		ok(stat(state, &st) == 0 && (st.st_mode & 077) == 0, "the checkpoint is private");
	}
	unlink(out);
	unlink(state);
	rmdir(dir);
}

/* What --new-since pays: pages of 20, 40, 80, ... 1000. */
static void
test_new_cost(void)
{
	unsigned long requests, users;

	users = fetch_new_cost(20, 5000, &requests);
	ok(users == 20 && requests == 1, "a quiet week: one page of 20");
	users = fetch_new_cost(60 + NEW_SINCE_RUN, 5000, &requests);
	ok(users == 140 && requests == 3, "60 new and the run of known: 20 + 40 + 80");
	users = fetch_new_cost(200 + NEW_SINCE_RUN, 100000, &requests);
	ok(users == 300 && requests == 4, "200 new: 300 users, 1.5 times");
	users = fetch_new_cost(5000, 5000, &requests);
	ok(users == 5000 && requests == 10, "the whole list: 1260 in 6 pages, then 4 of 1000");
	users = fetch_new_cost(100, 50, &requests);
	ok(users == 50 && requests == 2, "never more than the list: 20 + the last 30 of 40");
}

int
main(void)
{
	program_start("test-fetch");
	test_names();
	test_time();
	test_escape();
	test_budget();
	test_sink();
	test_new_cost();
	return done_testing();
}
