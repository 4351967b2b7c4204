#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "apipage.h"
#include "json.h"
#include "lookup.h"
#include "util.h"

#define BATCH 100

struct item {
	char *raw;		/* as given: kept with --rejects */
	size_t rawlen;
	char key[24];		/* the name (without @) or the id */
	int reported;
};

struct lookup {
	struct fetch *f;
	struct item v[BATCH];
	size_t n;
	int by_id;		/* the kind of the batch */
	unsigned long seen;	/* items read, for going on from a checkpoint */
};

struct lookup *
lookup_new(struct fetch *f)
{
	struct lookup *l = xcalloc(1, sizeof *l);

	l->f = f;
	return l;
}

static void
match_error(void *arg, const char *value, const char *what)
{
	struct lookup *l = arg;
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct item *it = &l->v[i];

		if (!it->reported && *value && strcasecmp(it->key, value) == 0) {
			it->reported = 1;
			fetch_reject(l->f, it->raw, it->rawlen, "%s%s: %s (%s)",
			    l->by_id ? "id " : "@", it->key,
			    strstr(what, "suspended") ? "suspended" : strstr(what, "find") ?
			    "not found" : "unavailable", what);
			return;
		}
	}
	warnmsg("the API reported%s%s: %s", *value ? " about " : "", value, what);
}

static void
emit(void *arg, const char *json, size_t len)
{
	fetch_emit(arg, json, len);
}

static void
reject(void *arg, const char *json, size_t len)
{
	(void)arg;
	warnmsg("the API sent a user that is not an object: %.*s", (int)(len > 80 ? 80 : len), json);
}

static void
run_batch(struct lookup *l)
{
	struct fetch *f = l->f;
	struct buf req = {0}, err = {0};
	struct xapi_call *c;
	unsigned long can;
	size_t i;

	if (l->n == 0)
		return;
	can = fetch_afford(f, UNIT_USER, l->n);
	if (can < l->n)
		fetch_budget_stop(f, UNIT_USER, l->n);
	buf_adds(&req, l->by_id ? "/2/users?ids=" : "/2/users/by?usernames=");
	for (i = 0; i < l->n; i++) {
		if (i)
			buf_addc(&req, ',');
		buf_adds(&req, l->v[i].key);
	}
	buf_adds(&req, "&user.fields=" USER_FIELDS "&expansions=" USER_EXPANSIONS
	    "&post.fields=" POST_FIELDS);
	c = xapi_get(f->api, req.p);
	{
		unsigned long before = f->p.records;

		if (strstr(c->body.p, "\"data\"") &&
		    apipage_flatten(c->body.p, c->body.len, emit, reject, f, &err) < 0)
			die(EXIT_FAIL, "GET %s: %s", c->request, err.p);
		fetch_spend(f, UNIT_USER, f->p.records - before);
	}
	fetch_errors(c->body.p, c->body.len, match_error, l);
	f->p.requests++;
	f->p.pos += l->n;
	fetch_commit(f);
	for (i = 0; i < l->n; i++)
		free(l->v[i].raw);
	l->n = 0;
	xapi_call_free(c);
	buf_free(&req);
	buf_free(&err);
}

/* The id or username of a user record, as a lookup key; 0 when it has neither. */
static int
record_key(const char *s, size_t len, char *key, size_t n, int *by_id)
{
	struct json_scan sc = {0};
	struct buf v = {0};
	size_t i;
	int found = 0;

	sc.collect_members = 1;
	if (json_scan(&sc, s, len, 0, 1) == JSON_OK && s[0] == '{') {
		for (i = 0; i < sc.nmembers && !found; i++)
			if (json_key_is(&sc.members[i], "id") && sc.members[i].kind == JSON_STRING) {
				json_unescape(&v, sc.members[i].val, sc.members[i].vallen);
				found = is_user_id(v.p);
				*by_id = 1;
				buf_reset(&v);
			}
		for (i = 0; i < sc.nmembers && !found; i++)
			if (json_key_is(&sc.members[i], "username") && sc.members[i].kind == JSON_STRING) {
				json_unescape(&v, sc.members[i].val, sc.members[i].vallen);
				found = is_username(v.p);
				*by_id = 0;
				if (found)
					snprintf(key, n, "%s", v.p + (v.p[0] == '@'));
			}
		if (found && *by_id)
			for (i = 0; i < sc.nmembers; i++)
				if (json_key_is(&sc.members[i], "id") && sc.members[i].kind == JSON_STRING)
					snprintf(key, n, "%.*s", (int)sc.members[i].vallen - 2, sc.members[i].val + 1);
	}
	json_scan_free(&sc);
	buf_free(&v);
	return found;
}

void
lookup_add(struct lookup *l, const char *item, size_t len)
{
	char key[24];
	int by_id = 0;
	struct item *it;

	if (l->seen++ < l->f->p.pos)
		return;		/* done before the checkpoint */
	if (len > 0 && item[0] == '{') {
		if (!record_key(item, len, key, sizeof key, &by_id)) {
			fetch_reject(l->f, item, len, "%.60s: a record without an id or username", item);
			l->f->p.pos++;
			return;
		}
	} else if (len < 20 && is_user_id(item)) {
		by_id = 1;
		snprintf(key, sizeof key, "%s", item);
	} else if (len < 20 && is_username(item)) {
		snprintf(key, sizeof key, "%s", item + (item[0] == '@'));
	} else {
		fetch_reject(l->f, item, len, "%.60s: neither a @name nor a user id", item);
		l->f->p.pos++;
		return;
	}
	if (l->n > 0 && (l->n == BATCH || by_id != l->by_id))
		run_batch(l);
	it = &l->v[l->n++];
	l->by_id = by_id;
	it->raw = xstrndup(item, len);
	it->rawlen = len;
	it->reported = 0;
	memcpy(it->key, key, sizeof key);
}

void
lookup_finish(struct lookup *l)
{
	run_batch(l);
	free(l);
}
