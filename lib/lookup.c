#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sys/stat.h>

#include "apipage.h"
#include "cli.h"
#include "fetch.h"
#include "httpurl.h"
#include "json.h"
#include "lookup.h"
#include "util.h"

/* The largest batch of any network (X's). */
#define BATCH 100
/* Far longer than a user record with its posts; a longer line is refused. */
#define MAX_LINE ((size_t)1 << 20)
#define MAX_LINE_TEXT "1 MiB"

struct item {
	char *raw;		/* as given: kept with --rejects */
	size_t rawlen;
	char key[256];		/* the name (without @) or the id */
	char where[32];		/* "stdin:LINE: ", or "" for an argument */
	int by_id;
	int answered;		/* a record or an error came back for it */
};

struct lookup {
	struct fetch *f;
	const struct network *net;
	struct item v[BATCH];
	size_t n;
	int by_id;		/* the kind of the batch */
	unsigned long seen;	/* items read, for going on from a checkpoint */
	struct input_check check;	/* the items a rerun skips */
	/*
	 * Items rejected while a batch waits are kept with --rejects after
	 * it, and every item read since the last batch is done with it (the
	 * digests of the items, in input order), so that the rejects file and
	 * the checkpoint always cover the same items.
	 */
	struct buf held;
	unsigned long long *digest;
	size_t ndigest, digest_cap;
};

struct lookup *
lookup_new(struct fetch *f)
{
	struct lookup *l = xcalloc(1, sizeof *l);

	l->f = f;
	l->net = f->o.api.net;
	return l;
}

void
lookup_job(struct buf *job, int argc, char **argv)
{
	/* FNV-1a of the arguments: a checkpoint is for these accounts only. */
	unsigned long long h = 14695981039346656037ull;
	int i;
	const char *s;

	for (i = 0; i < argc; i++)
		for (s = argv[i];; s++) {
			h = (h ^ (unsigned char)*s) * 1099511628211ull;
			if (*s == '\0')
				break;
		}
	if (argc)
		buf_printf(job, "%s %d arguments %016llx", progname, argc, h);
	else
		buf_printf(job, "%s stdin", progname);
}

static void
match_error(void *arg, const char *value, const char *what)
{
	struct lookup *l = arg;
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct item *it = &l->v[i];

		if (!it->answered && *value && strcasecmp(it->key, value) == 0) {
			it->answered = 1;
			fetch_reject(l->f, it->raw, it->rawlen, "%s%s%s: %s (%s)",
			    it->where, it->by_id ? "id " : "@", it->key,
			    strstr(what, "suspended") ? "suspended" : strstr(what, "find") ?
			    "not found" : "unavailable", what);
			return;
		}
	}
	warnmsg("the API reported%s%s: %s", *value ? " about " : "", value, what);
}

/* Writes a user and marks the items it answers. */
static void
emit(void *arg, const char *json, size_t len)
{
	struct lookup *l = arg;
	struct json_scan s = {0};
	struct buf v = {0};
	size_t i, k;

	fetch_emit(l->f, json, len);
	s.collect_members = 1;
	if (json_scan(&s, json, len, 0, 1) == JSON_OK)
		for (i = 0; i < s.nmembers; i++) {
			const struct json_member *m = &s.members[i];
			int id = json_key_is(m, "id");

			if (m->kind != JSON_STRING || (!id && !json_key_is(m, "username")))
				continue;
			buf_reset(&v);
			json_unescape(&v, m->val, m->vallen);
			for (k = 0; k < l->n; k++)
				if (l->v[k].by_id == id && strcasecmp(l->v[k].key, v.p) == 0)
					l->v[k].answered = 1;
		}
	json_scan_free(&s);
	buf_free(&v);
}

static void
reject(void *arg, const char *json, size_t len)
{
	fetch_not_an_object(((struct lookup *)arg)->f, "a user", json, len);
}

static void
run_batch(struct lookup *l)
{
	struct fetch *f = l->f;
	struct buf req = {0}, err = {0};
	struct xapi_call *c;
	struct page_info pi;
	unsigned long before = f->p.records;
	const char *keys[BATCH];
	size_t i;

	if (l->n == 0)
		return;
	if (fetch_afford(f, UNIT_USER, l->n) < l->n)
		fetch_budget_stop(f, UNIT_USER, l->n);
	fetch_reserve(f, UNIT_USER, l->n);
	for (i = 0; i < l->n; i++)
		keys[i] = l->v[i].key;
	l->net->lookup_request(&req, l->by_id, keys, l->n);
	c = xapi_get(f->api, req.p);
	l->net->page_read(c, &pi);
	if (pi.has_data &&
	    l->net->flatten(c->body.p, c->body.len, emit, reject, l, &err) < 0)
		die(EXIT_FAIL, "GET %s: %s", c->request, err.p);
	fetch_settle(f, UNIT_USER, l->n, f->p.records - before);
	fetch_page_failed(f, &pi);
	fetch_errors(&pi, match_error, l);
	/* Neither a record nor an error: never dropped in silence. */
	for (i = 0; i < l->n; i++)
		if (!l->v[i].answered)
			fetch_reject(f, l->v[i].raw, l->v[i].rawlen, "%s%s%s: %s",
			    l->v[i].where, l->v[i].by_id ? "id " : "@", l->v[i].key,
			    l->net->not_answered);
	f->p.requests++;
	sink_keep(f->sink, l->held.p, l->held.len);
	buf_reset(&l->held);
	for (i = 0; i < l->ndigest; i++)
		fetch_consumed(f, l->digest[i]);
	l->ndigest = 0;
	fetch_commit(f);
	for (i = 0; i < l->n; i++)
		free(l->v[i].raw);
	l->n = 0;
	free(pi.next);
	xapi_call_free(c);
	buf_free(&req);
	buf_free(&err);
}

/*
 * The id (preferred) or username of a user record as a lookup key; NULL, or
 * why not.
 */
static const char *
record_key(const struct network *net, const char *s, size_t len, char *key, size_t n,
    int *by_id)
{
	struct json_scan sc = {0};
	struct buf v = {0};
	const char *why = NULL;	/* the first thing wrong with an id or a username */
	int have_id = 0, have_name = 0;
	size_t i;

	sc.collect_members = 1;
	if (json_scan(&sc, s, len, 0, 1) != JSON_OK || s[0] != '{') {
		json_scan_free(&sc);
		return sc.err ? sc.err : "not a JSON object";
	}
	if (sc.flags & JSON_F_BAD_UTF8) {
		json_scan_free(&sc);
		return "a record that is not UTF-8";
	}
	for (i = 0; i < sc.nmembers; i++) {
		const struct json_member *m = &sc.members[i];
		int id = json_key_is(m, "id");

		if (!id && !json_key_is(m, "username"))
			continue;
		if (m->kind != JSON_STRING) {
			if (!why)
				why = id ? "its id is not a string (X's ids are strings)" :
				    "its username is not a string";
			continue;
		}
		buf_reset(&v);
		json_unescape(&v, m->val, m->vallen);
		if (!(id ? net->is_account_id(v.p) : net->is_account_name(v.p))) {
			if (!why)
				why = id ? "its id is not a user id" : net->not_a_username;
		} else if (id) {	/* an id wins over a username */
			snprintf(key, n, "%s", v.p);
			have_id = 1;
		} else if (!have_id && !have_name) {
			snprintf(key, n, "%s", v.p + (v.p[0] == '@'));
			have_name = 1;
		}
	}
	json_scan_free(&sc);
	buf_free(&v);
	*by_id = have_id;
	if (have_id || have_name)
		return NULL;
	return why ? why : "a record without an id or a username";
}

/* An item done when the batch that waits is. */
static void
wait_for_batch(struct lookup *l, unsigned long long digest)
{
	if (l->ndigest == l->digest_cap)
		l->digest = xgrow(l->digest, &l->digest_cap, sizeof *l->digest, BATCH);
	l->digest[l->ndigest++] = digest;
}

/* Rejects an item that is never sent, keeping the checkpoint right. */
static void
refuse(struct lookup *l, const char *where, const char *item, size_t len,
    unsigned long long digest, const char *why)
{
	fetch_reject(l->f, NULL, 0, "%s%.60s%s: %s", where, item, len > 60 ? "..." : "", why);
	if (l->n == 0) {
		fetch_keep(l->f, item, len);
		fetch_consumed(l->f, digest);
		return;
	}
	buf_add(&l->held, item, len);
	buf_addc(&l->held, '\n');
	wait_for_batch(l, digest);
}

static void
add_too_long(struct lookup *l, const char *item, size_t len, unsigned long line)
{
	char where[32];
	unsigned long long digest = fetch_digest(item, len);

	if (l->seen++ < l->f->p.pos) {
		fetch_skipped(&l->check, digest);	/* done before the checkpoint */
		return;
	}
	fetch_check_input(l->f, &l->check);
	snprintf(where, sizeof where, "stdin:%lu: ", line);
	refuse(l, where, item, len, digest, "a line longer than " MAX_LINE_TEXT ": skipped "
	    "(--rejects keeps its first " MAX_LINE_TEXT ")");
}

void
lookup_add(struct lookup *l, const char *item, size_t len, unsigned long line)
{
	char key[24], where[32] = "";
	int by_id = 0;
	struct item *it;
	const char *why;
	size_t at, n;
	unsigned long long digest = fetch_digest(item, len);

	if (l->seen++ < l->f->p.pos) {
		fetch_skipped(&l->check, digest);	/* done before the checkpoint */
		return;
	}
	fetch_check_input(l->f, &l->check);
	if (line)
		snprintf(where, sizeof where, "stdin:%lu: ", line);
	if (memchr(item, '\0', len)) {
		refuse(l, where, item, len, digest, "holds a NUL byte: not a name");
		return;
	}
	if (len > 0 && item[0] == '{') {
		if ((why = record_key(l->net, item, len, key, sizeof key, &by_id)) != NULL) {
			refuse(l, where, item, len, digest, why);
			return;
		}
	} else if (len < sizeof key && l->net->is_account_id(item)) {
		by_id = 1;
		snprintf(key, sizeof key, "%s", item);
	} else if (len < sizeof key && l->net->is_account_name(item)) {
		snprintf(key, sizeof key, "%s", item + (item[0] == '@'));
	} else if ((n = l->net->profile_url(item, len, &at)) > 0 && n < sizeof key) {
		snprintf(key, sizeof key, "%.*s", (int)n, item + at);
	} else {
		refuse(l, where, item, len, digest, l->net->not_an_account);
		return;
	}
	/* One network has one endpoint for ids and names, another two. */
	if (l->n > 0 && (l->n == l->net->lookup_batch ||
	    (by_id != l->by_id && !l->net->lookup_mixed)))
		run_batch(l);
	it = &l->v[l->n++];
	l->by_id = by_id;
	it->raw = xstrndup(item, len);
	it->rawlen = len;
	it->by_id = by_id;
	it->answered = 0;
	wait_for_batch(l, digest);
	memcpy(it->key, key, sizeof key);
	memcpy(it->where, where, sizeof where);
}

/*
 * Reads a line of in into b, without its newline, keeping at most
 * MAX_LINE bytes: *cut says the line went on (the rest is skipped, so a
 * huge line costs no memory and the names after it are still read).
 * Returns 0 at the end of in.
 */
static int
read_line(FILE *in, struct buf *b, int *cut)
{
	int c;

	buf_reset(b);
	buf_add(b, "", 0);	/* b->p is a string even for an empty line */
	*cut = 0;
	while ((c = getc(in)) != EOF && c != '\n') {
		if (b->len < MAX_LINE)
			buf_addc(b, (char)c);
		else
			*cut = 1;
	}
	return c != EOF || b->len > 0;
}

unsigned long
lookup_read(struct lookup *l, FILE *in)
{
	struct buf line = {0};
	char *s;
	size_t n, len;
	unsigned long items = 0, lineno = 0;
	int cut;

	while (read_line(in, &line, &cut)) {
		lineno++;
		n = line.len;
		while (n > 0 && strchr(" \t\r", line.p[n - 1]) && line.p[n - 1] != '\0')
			line.p[--n] = '\0';
		for (s = line.p; *s == ' ' || *s == '\t'; s++)
			;
		len = (size_t)(line.p + n - s);
		if (len == 0 && !cut)
			continue;
		items++;
		if (l && cut)
			add_too_long(l, s, len, lineno);
		else if (l)
			lookup_add(l, s, len, lineno);
	}
	if (ferror(in))
		die(EXIT_FAIL, "stdin:");
	buf_free(&line);
	return items;
}

void
lookup_finish(struct lookup *l)
{
	run_batch(l);
	fetch_check_input(l->f, &l->check);	/* the input may end before the checkpoint */
	buf_free(&l->held);
	free(l->digest);
	free(l);
}

int
lookup_main(const struct cli_doc *doc, const struct fetch_opts *o, unsigned long per_window,
    int argc, char **argv)
{
	const struct network *net = o->api.net;
	struct fetch *f;
	struct lookup *l;
	struct buf job = {0}, what = {0};
	unsigned long n;
	int i;

	for (i = 0; i < argc; i++)
		lookup_check_argument(doc, net, argv[i]);
	lookup_job(&job, argc, argv);
	f = fetch_begin(o, job.p);
	if (o->estimate) {
		n = argc ? (unsigned long)argc : lookup_read(NULL, stdin);
		buf_printf(&what, "%s: accounts to look up", progname);
		fetch_estimate(f, what.p, (n + net->lookup_batch - 1) / net->lookup_batch, per_window,
		    UNIT_USER, n, 0, 0);
	} else if (!f->p.done) {
		l = lookup_new(f);
		for (i = 0; i < argc; i++)
			if (strcmp(argv[i], "-") == 0)
				lookup_read(l, stdin);
			else
				lookup_add(l, argv[i], strlen(argv[i]), 0);
		if (argc == 0)
			lookup_read(l, stdin);
		lookup_finish(l);
	}
	buf_free(&job);
	buf_free(&what);
	return fetch_end(f);
}

void
lookup_check_argument(const struct cli_doc *doc, const struct network *net, const char *arg)
{
	struct stat st;
	size_t at;

	if (strcmp(arg, "-") == 0 || net->is_account_id(arg) || net->is_account_name(arg) ||
	    net->profile_url(arg, strlen(arg), &at) > 0)
		return;
	/* A file of names given as an argument is the common slip: say how. */
	if (stat(arg, &st) == 0)
		cli_usage(doc, "%s: a file, not a @name or an id: to look up the names in it, "
		    "give it on the standard input (%s < %s)", arg, progname, arg);
	cli_usage(doc, "%s: %s", arg, net->not_an_argument);
}
