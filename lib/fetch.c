#define _GNU_SOURCE	/* strptime, memmem */
#include <ctype.h>
#include <time.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jv.h>

#include "apipage.h"
#include "fetch.h"
#include "httpurl.h"
#include "json.h"
#include "util.h"

#define LATENCY 0.4		/* seconds a request takes, for estimates */

static const char *const unit_name[] = { "user", "post", "owned read" };

void
fetch_opts_init(struct fetch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->api.retries = 5;
	o->api.timeout = 30;
	o->api.max_body = (size_t)64 << 20;
	o->api.jobs = 1;
	o->budget = -1;
	o->progress = -1;
	fetch_opts_network(o, &network_x);
}

void
fetch_opts_network(struct fetch_opts *o, const struct network *net)
{
	o->api.net = net;
	o->price[UNIT_USER] = net->price[UNIT_USER];
	o->price[UNIT_POST] = net->price[UNIT_POST];
	o->price[UNIT_OWNED] = net->price[UNIT_OWNED];
}

int
fetch_option(struct fetch_opts *o, const struct cli_doc *doc, int c, const char *arg)
{
	switch (c) {
	case 'o': o->output = arg; break;
	case FO_APPEND: o->append = 1; break;
	case FO_API: o->api.base = arg; break;
	case FO_TOKEN_FILE: o->api.token_file = arg; break;
	case FO_RECORD: o->api.record_dir = arg; break;
	case FO_REPLAY: o->api.replay_dir = arg; break;
	case FO_RESUME: o->resume = arg; break;
	case FO_ESTIMATE: o->estimate = 1; break;
	case FO_BUDGET: o->budget = cli_number(doc, "--budget", arg, 0, 1e9); break;
	case FO_PRICE_USER: o->price[UNIT_USER] = cli_number(doc, "--price-user", arg, 0, 1000); break;
	case FO_PRICE_POST: o->price[UNIT_POST] = cli_number(doc, "--price-post", arg, 0, 1000); break;
	case FO_PRICE_OWNED: o->price[UNIT_OWNED] = cli_number(doc, "--price-owned", arg, 0, 1000); break;
	case FO_AUTH:
		if (strcmp(arg, "app") && strcmp(arg, "user"))
			cli_usage(doc, "--auth %s: expected app or user", arg);
		o->auth = arg[0] == 'a' ? AUTH_APP : AUTH_USER;
		break;
	case FO_RETRIES: o->api.retries = cli_count(doc, "--retries", arg, 0, 100); break;
	case FO_TIMEOUT: o->api.timeout = cli_number(doc, "--timeout", arg, 0.1, 3600); break;
	case FO_MAX_BODY: o->api.max_body = cli_size(doc, "--max-body", arg); break;
	case FO_REJECTS: o->rejects = arg; break;
	case FO_PROGRESS: o->progress = 1; break;
	case FO_QUIET: o->progress = 0; break;
	case 'h': cli_help(doc);
	case FO_VERSION: cli_version();
	default: return 0;
	}
	return 1;
}

struct fetch *
fetch_begin(const struct fetch_opts *o, const char *job)
{
	struct fetch *f = xcalloc(1, sizeof *f);

	f->o = *o;
	f->show = o->progress < 0 ? isatty(STDERR_FILENO) : o->progress;
	f->quiet = o->progress == 0;
	f->o.api.progress = f->show;
	f->o.api.log = !f->show && !f->quiet;
	if (o->api.record_dir && o->api.replay_dir)
		die(EXIT_USAGE, "--record and --replay cannot be used together");
	if (o->estimate)
		return f;	/* the client opens when a lookup needs it */
	/* The client first: a run that cannot start leaves no checkpoint. */
	if (o->api.base || o->api.replay_dir || o->api.net->base || getenv(o->api.net->base_env))
		f->api = xapi_open(&f->o.api);	/* else the first input names the instance */
	f->sink = sink_open(o->output, o->rejects, o->resume, o->append, job, &f->p);
	if (f->p.done)
		warnmsg("%s: the run is already complete (%lu record%s in %lu request%s, $%.2f); "
		    "remove it to run again", o->resume, f->p.records, f->p.records == 1 ? "" : "s",
		    f->p.requests, f->p.requests == 1 ? "" : "s", f->p.spent);
	f->before = f->p;
	f->before.id = f->before.next = NULL;	/* only the counts are kept */
	return f;
}

static void
show_progress(struct fetch *f)
{
	if (!f->show || f->sink == NULL)
		return;
	fprintf(stderr, "\r%s: %lu requests, %lu records, $%.2f%s\033[K", progname,
	    f->p.requests, f->p.records, f->p.spent,
	    f->o.budget >= 0 ? " of the budget" : "");
	fflush(stderr);
}

/*
 * One line, whatever stderr is, for the log and the invoice: what this run
 * fetched and what it cost, and the totals with the earlier runs it went
 * on from. On a terminal it takes the place of the progress line.
 */
static void
show_summary(struct fetch *f)
{
	unsigned long requests = f->p.requests - f->before.requests;
	unsigned long records = f->p.records - f->before.records;
	const struct network *net = f->o.api.net;
	/* A free network's runs cost nothing worth a figure. */
	int paid = net->price[UNIT_USER] > 0 || net->price[UNIT_POST] > 0;

	if (f->quiet || f->sink == NULL || f->before.done)
		return;
	if (f->show)
		fputs("\r\033[K", stderr);
	fprintf(stderr, "%s: %lu record%s in %lu request%s", progname, records,
	    records == 1 ? "" : "s", requests, requests == 1 ? "" : "s");
	if (paid)
		fprintf(stderr, ", $%.2f%s%s%s", f->p.spent - f->before.spent,
		    f->o.api.replay_dir ? " at " : "", f->o.api.replay_dir ? net->name : "",
		    f->o.api.replay_dir ? "'s prices (replayed: nothing paid)" : "");
	if (f->before.requests)
		fprintf(stderr, "; with the earlier runs of %s: %lu records", f->o.resume,
		    f->p.records);
	if (f->before.requests && paid)
		fprintf(stderr, ", $%.2f", f->p.spent);
	fputc('\n', stderr);
}

void
fetch_emit(struct fetch *f, const char *rec, size_t len)
{
	sink_add(f->sink, rec, len);
	f->p.records++;
}

void
fetch_commit(struct fetch *f)
{
	sink_commit(f->sink, &f->p);
	show_progress(f);
}

int
fetch_end(struct fetch *f)
{
	int status = f->failed ? EXIT_FAIL : EXIT_OK;

	if (f->sink) {
		show_summary(f);
		if (sink_close(f->sink, &f->p) < 0)
			status = EXIT_FAIL;
	}
	/* What went through stdio (an estimate) is checked like the records. */
	if (fflush(stdout) == EOF || ferror(stdout)) {
		warnmsg("stdout:");
		status = EXIT_FAIL;
	}
	xapi_close(f->api);
	progress_free(&f->p);
	free(f);
	return status;
}

unsigned long
fetch_afford(const struct fetch *f, enum fetch_unit u, unsigned long want)
{
	double left, price = f->o.price[u];

	if (f->o.budget < 0 || price <= 0)
		return want;
	left = f->o.budget - f->p.spent;
	if (left <= 0)
		return 0;
	/* The small term keeps $0.03 / $0.01 from coming out as 2.9999. */
	return left / price + 1e-9 >= (double)want ? want : (unsigned long)(left / price + 1e-9);
}

void
fetch_reserve(struct fetch *f, enum fetch_unit u, unsigned long n)
{
	f->p.spent += f->o.price[u] * (double)n;
	if (f->sink)
		sink_spent(f->sink, f->p.spent);
}

void
fetch_settle(struct fetch *f, enum fetch_unit u, unsigned long reserved, unsigned long used)
{
	f->p.spent += f->o.price[u] * ((double)used - (double)reserved);
	if (f->p.spent < 0)
		f->p.spent = 0;
}

void
fetch_budget_stop(struct fetch *f, enum fetch_unit u, unsigned long min)
{
	if (f->sink)
		fetch_commit(f);
	die(EXIT_FAIL, "budget reached: $%.3f of $%.3f spent, and the next request may cost "
	    "$%.3f (%lu %ss); run again with a larger --budget%s to go on", f->p.spent,
	    f->o.budget, f->o.price[u] * (double)min, min, unit_name[u],
	    f->o.resume ? " and the same --resume" : "");
}

void
fetch_reject(struct fetch *f, const char *item, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnmsg(fmt, ap);
	va_end(ap);
	f->failed = 1;
	if (item)
		fetch_keep(f, item, len);
}

void
fetch_keep(struct fetch *f, const char *item, size_t len)
{
	sink_keep(f->sink, item, len);
	sink_keep(f->sink, "\n", 1);
}

unsigned long long
fetch_digest(const char *p, size_t n)
{
	unsigned long long h = 14695981039346656037ull;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	return h;
}

/* The digest of the items so far, with one more item's digest. */
static unsigned long long
digest_add(unsigned long long input, unsigned long long item)
{
	char b[16];

	memcpy(b, &input, 8);
	memcpy(b + 8, &item, 8);
	return fetch_digest(b, sizeof b);
}

void
fetch_consumed(struct fetch *f, unsigned long long digest)
{
	f->p.pos++;
	f->p.input = digest_add(f->p.input, digest);
}

void
fetch_skipped(struct input_check *c, unsigned long long digest)
{
	c->n++;
	c->digest = digest_add(c->digest, digest);
}

void
fetch_check_input(struct fetch *f, struct input_check *c)
{
	if (c->checked || !f->p.input_known)
		return;
	c->checked = 1;
	if (c->n == f->p.pos && c->digest == f->p.input)
		return;
	die(EXIT_USAGE, "%s: the input is not the one the checkpoint was written for (its first "
	    "%lu item%s differ%s); give the same input to go on, or remove %s to start over",
	    f->o.resume, f->p.pos, f->p.pos == 1 ? "" : "s", f->p.pos == 1 ? "s" : "",
	    f->o.resume);
}

static const char *
str(jv obj, const char *key, jv *keep)
{
	*keep = jv_object_get(jv_copy(obj), jv_string(key));
	return jv_get_kind(*keep) == JV_KIND_STRING ? jv_string_value(*keep) : NULL;
}

void
fetch_errors(const struct page_info *pi,
    void (*fn)(void *arg, const char *value, const char *what), void *arg)
{
	/* Only the errors are parsed into values: a page of 1000 users is 1 MB. */
	jv errs = pi->errors ? jv_parse_sized(pi->errors, (int)pi->errorslen) : jv_invalid();
	int i, n;

	n = jv_get_kind(errs) == JV_KIND_ARRAY ? jv_array_length(jv_copy(errs)) : 0;
	for (i = 0; i < n; i++) {
		jv e = jv_array_get(jv_copy(errs), i), k1, k2, k3, k4;
		const char *value, *detail, *title, *id;

		if (jv_get_kind(e) != JV_KIND_OBJECT) {
			jv_free(e);
			continue;
		}
		value = str(e, "value", &k1);
		id = str(e, "resource_id", &k2);
		detail = str(e, "detail", &k3);
		title = str(e, "title", &k4);
		if (detail == NULL)
			detail = title ? title : "an error without details";
		fn(arg, value ? value : id ? id : "", detail);
		jv_free(k1);
		jv_free(k2);
		jv_free(k3);
		jv_free(k4);
		jv_free(e);
	}
	jv_free(errs);
}

void
fetch_not_an_object(struct fetch *f, const char *what, const char *json, size_t len)
{
	f->failed = 1;
	warnmsg("the API sent %s that is not an object: %.*s", what, (int)(len > 80 ? 80 : len), json);
}

static void
warn_error(void *arg, const char *value, const char *what)
{
	(void)arg;
	warnmsg("the API reported%s%s: %s", *value ? " about " : "", value, what);
}

void
fetch_warn_errors(const struct page_info *pi)
{
	fetch_errors(pi, warn_error, NULL);
}

int
is_user_id(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= 19 && s[n] == '\0';
}

int
is_username(const char *s)
{
	size_t n;

	if (*s == '@')
		s++;
	n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
	return n > 0 && n <= 15 && s[n] == '\0';
}

const char *
fetch_account(const struct cli_doc *doc, int argc, char **argv)
{
	static char name[17];
	const char *a = argv[optind];
	size_t at, n;

	if (argc - optind != 1)
		cli_usage(doc, "expected one account: @name or id");
	/* A profile URL copied from a browser names the account too. */
	if ((n = profile_url_name(a, strlen(a), &at)) > 0) {
		snprintf(name, sizeof name, "@%.*s", (int)n, a + at);
		return name;
	}
	if (!is_user_id(a) && !is_username(a))
		cli_usage(doc, "%s: neither a @name, a user id nor a profile URL", a);
	return a;
}

/* Whether tm names a day that exists (strptime takes February 30th). */
static int
real_day(const struct tm *tm)
{
	struct tm t = *tm, back;
	time_t secs;

	t.tm_hour = 12;
	secs = timegm(&t);
	return gmtime_r(&secs, &back) != NULL && back.tm_mday == tm->tm_mday &&
	    back.tm_mon == tm->tm_mon && back.tm_year == tm->tm_year;
}

const char *
fetch_time(const char *arg, char out[32])
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	end = strptime(arg, "%Y-%m-%d", &tm);
	if (end == NULL || !real_day(&tm) || strlen(arg) >= 32)
		return NULL;
	if (*end == '\0') {
		strftime(out, 32, "%Y-%m-%dT00:00:00Z", &tm);
		return out;
	}
	if (*end == 'T') {
		end = strptime(end + 1, "%H:%M:%S", &tm);
		if (end && *end == '.')
			end += 1 + strspn(end + 1, "0123456789");
		if (end && (strcmp(end, "Z") == 0 ||
		    ((*end == '+' || *end == '-') && strlen(end) == 6 && end[3] == ':'))) {
			snprintf(out, 32, "%s", arg);
			return out;
		}
	}
	return NULL;
}

time_t
fetch_time_value(const char *t)
{
	struct tm tm;
	const char *end;
	time_t v;

	memset(&tm, 0, sizeof tm);
	end = strptime(t, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end == NULL)
		return (time_t)-1;
	v = timegm(&tm);
	if (*end == '.')
		end += 1 + strspn(end + 1, "0123456789");
	/* +HH:MM is ahead of UTC: the same instant is earlier in UTC. */
	if (*end == '+' || *end == '-') {
		int off = ((end[1] - '0') * 10 + (end[2] - '0')) * 3600 +
		    ((end[4] - '0') * 10 + (end[5] - '0')) * 60;

		v += *end == '+' ? -off : off;
	}
	return v;
}

/* What is wrong with a page whose records can still be written. */
static void
problem(struct page_info *pi, const struct xapi_call *c, const char *what,
    enum json_kind kind, const char *expected)
{
	struct buf b = {0};

	if (pi->problem)
		return;
	buf_printf(&b, "GET %s: the answer's %s is %s %s, not %s", c->request, what,
	    kind == JSON_ARRAY || kind == JSON_OBJECT ? "an" : "a", json_kind_name(kind), expected);
	pi->problem = b.p;
}

void
fetch_page_failed(struct fetch *f, struct page_info *pi)
{
	if (pi->problem == NULL)
		return;
	/*
	 * The page's records go out, after the checkpoint: a rerun with
	 * --resume cuts them and asks for the page again.
	 */
	if (f->sink)
		sink_flush(f->sink);
	die(EXIT_FAIL, "%s", pi->problem);
}

void
page_info(const struct xapi_call *c, struct page_info *pi)
{
	struct json_scan s = {0};
	size_t i;

	memset(pi, 0, sizeof *pi);
	s.collect_members = 1;
	if (json_scan(&s, c->body.p, c->body.len, 0, 1) != JSON_OK)
		die(EXIT_FAIL, "GET %s: the answer cannot be read", c->request);
	for (i = 0; i < s.nmembers; i++) {
		const struct json_member *m = &s.members[i];
		struct json_iter it;
		struct json_member mm;
		const char *el;
		size_t elen;
		enum json_kind kind;

		if (json_key_is(m, "data") && m->kind == JSON_ARRAY) {
			pi->has_data = 1;
			json_iter_init(&it, m->val, m->vallen);
			while (json_iter_element(&it, &el, &elen, &kind))
				pi->ndata++;
		} else if (json_key_is(m, "data") && m->kind == JSON_OBJECT) {
			pi->has_data = 1;
			pi->ndata = 1;
		} else if (json_key_is(m, "data")) {
			die(EXIT_FAIL, "GET %s: the answer's data is %s %s, not a list", c->request,
			    m->kind == JSON_ARRAY || m->kind == JSON_OBJECT ? "an" : "a",
			    json_kind_name(m->kind));
		} else if (json_key_is(m, "errors") && m->kind == JSON_ARRAY) {
			pi->errors = m->val;
			pi->errorslen = m->vallen;
		} else if (json_key_is(m, "includes") && m->kind != JSON_OBJECT) {
			problem(pi, c, "includes", m->kind, "an object");
		} else if (json_key_is(m, "meta") && m->kind == JSON_OBJECT) {
			json_iter_init(&it, m->val, m->vallen);
			while (json_iter_member(&it, &mm)) {
				/* Taken for the end of the list, a bad token would lose the rest. */
				if (json_key_is(&mm, "next_token") && mm.kind != JSON_STRING)
					problem(pi, c, "meta.next_token", mm.kind, "a string");
				if (json_key_is(&mm, "next_token") && mm.kind == JSON_STRING &&
				    mm.vallen > 2) {
					struct buf t = {0};

					json_unescape(&t, mm.val, mm.vallen);
					free(pi->next);
					pi->next = t.p;
					/* A C string would cut it there and ask for another page. */
					if (memchr(t.p, '\0', t.len) && pi->problem == NULL) {
						struct buf b = {0};

						buf_printf(&b, "GET %s: the answer's meta.next_token "
						    "holds a NUL character", c->request);
						pi->problem = b.p;
					}
				}
			}
		}
	}
	json_scan_free(&s);
}

struct emit_ctx {
	struct fetch *f;
	unsigned long limit;	/* records to write at most, in all */
	struct buf *first;	/* keeps the first record instead */
	struct fetch_known *known;	/* writes only the records it does not know */
	struct buf id, name;
	unsigned long held;	/* records of the page the hook holds */
};

/* The strings "id" and "username" of a record (empty when it has none). */
static void
record_keys(const char *json, size_t len, struct buf *id, struct buf *name)
{
	struct json_scan s = {0};
	size_t i;

	s.collect_members = 1;
	buf_reset(id);
	if (name)
		buf_reset(name);
	if (json_scan(&s, json, len, 0, 1) == JSON_OK)
		for (i = 0; i < s.nmembers; i++) {
			const struct json_member *m = &s.members[i];

			if (json_key_is(m, "id") && m->kind == JSON_STRING)
				json_unescape(id, m->val, m->vallen);
			else if (name && json_key_is(m, "username") && m->kind == JSON_STRING)
				json_unescape(name, m->val, m->vallen);
		}
	json_scan_free(&s);
}

/*
 * Whether the record is one the snapshot knows; counts the run of known
 * ids in f->p.pos (checkpointed, so it goes on across pages and resumed
 * runs). Once the run is long enough it stays so: the page is paid for,
 * and a new follower further on in it is still written.
 */
static int
known_record(struct emit_ctx *e, const char *json, size_t len)
{
	struct progress *p = &e->f->p;

	record_keys(json, len, &e->id, &e->name);
	if (!e->known->has(e->known->arg, e->id.len ? e->id.p : "", e->name.len ? e->name.p : "")) {
		if (p->pos < NEW_SINCE_RUN)
			p->pos = 0;
		return 0;
	}
	if (p->pos < NEW_SINCE_RUN)
		p->pos++;
	return 1;
}

static void
emit_record(void *arg, const char *json, size_t len)
{
	struct emit_ctx *e = arg;

	if (e->first) {
		if (e->first->len == 0)
			buf_add(e->first, json, len);
		return;
	}
	if (e->known && known_record(e, json, len))
		return;
	if (e->limit && e->f->p.records + e->held >= e->limit)
		return;
	if (e->f->drop_reposts && memmem(json, len, "\"retweeted\"", 11))
		return;
	if (e->f->hook) {
		e->f->hook->add(e->f->hook->arg, json, len);
		e->held++;
	} else
		fetch_emit(e->f, json, len);
}

static void
reject_record(void *arg, const char *json, size_t len)
{
	fetch_not_an_object(((struct emit_ctx *)arg)->f, "a record", json, len);
}

/* Writes the records of a page; the run fails on a page that cannot be read. */
static void
flatten(struct xapi_call *c, struct emit_ctx *e)
{
	struct buf err = {0};

	if (e->f->o.api.net->flatten(c->body.p, c->body.len, emit_record, reject_record, e, &err) < 0)
		die(EXIT_FAIL, "GET %s: %s", c->request, err.p);
	buf_free(&err);
}

static void
not_found(void *arg, const char *value, const char *what)
{
	(void)value;
	die(EXIT_FAIL, "%s: %s", (const char *)arg, what);
}

void
fetch_user(struct fetch *f, const char *arg, struct buf *rec, struct buf *id)
{
	struct buf req = {0};
	struct xapi_call *c;
	struct page_info pi;
	struct emit_ctx e = { f, 0, rec, NULL, {0}, {0}, 0 };
	const char *name = *arg == '@' ? arg + 1 : arg;

	if (is_user_id(arg))
		buf_printf(&req, "/2/users?ids=%s&", arg);
	else if (is_username(arg))
		buf_printf(&req, "/2/users/by/username/%s?", name);
	else
		die(EXIT_USAGE, "%s: neither a @name nor a user id", arg);
	buf_adds(&req, "user.fields=" USER_FIELDS "&expansions=" USER_EXPANSIONS
	    "&post.fields=" POST_FIELDS);
	if (fetch_afford(f, UNIT_USER, 1) < 1)
		fetch_budget_stop(f, UNIT_USER, 1);
	if (f->api == NULL)
		f->api = xapi_open(&f->o.api);
	fetch_reserve(f, UNIT_USER, 1);
	c = xapi_get(f->api, req.p);
	page_info(c, &pi);
	if (!pi.has_data) {
		fetch_errors(&pi, not_found, (void *)arg);
		die(EXIT_FAIL, "%s: no such user", arg);
	}
	buf_reset(rec);
	flatten(c, &e);
	fetch_page_failed(f, &pi);
	record_keys(rec->p, rec->len, id, NULL);
	if (id->len == 0 || !is_user_id(id->p))
		die(EXIT_FAIL, "GET %s: the user has no id", c->request);
	free(pi.next);
	xapi_call_free(c);
	buf_free(&req);
}

void
fetch_account_id(struct fetch *f, const char *arg, struct buf *id)
{
	struct buf rec = {0};

	buf_reset(id);
	if (is_user_id(arg))
		buf_adds(id, arg);
	else if (f->p.id)
		buf_adds(id, f->p.id);	/* looked up by the run this one goes on with */
	else {
		fetch_user(f, arg, &rec, id);
		f->p.id = xstrdup(id->p);
	}
	buf_free(&rec);
}

/* The size of the page after n pages: from NEW_SINCE_PAGE up, doubling, to max. */
static unsigned long
growing_page(unsigned long n, unsigned long max)
{
	unsigned long size = NEW_SINCE_PAGE;

	while (n-- > 0 && size < max)
		size *= 2;
	return size < max ? size : max;
}

unsigned long
fetch_new_cost(unsigned long n, unsigned long count, unsigned long *requests)
{
	unsigned long users = 0;

	*requests = 0;
	if (n > count)
		n = count;
	while (users < n) {
		users += growing_page(*requests, 1000);
		++*requests;
	}
	return users < count ? users : count;
}

static void
page_loop(struct fetch *f, const char *path, const char *query, unsigned page_min,
    unsigned page_max, enum fetch_unit u, unsigned long limit, struct fetch_known *known)
{
	struct emit_ctx e = { f, limit, NULL, known, {0}, {0}, 0 };
	struct buf req = {0};

	/* A checkpoint after the last page: nothing is left to ask. */
	if (f->p.requests > 0 && f->p.next == NULL)
		return;
	if (f->o.owned)
		u = UNIT_OWNED;
	for (;;) {
		unsigned long want = known ? growing_page(f->p.requests, page_max) : page_max, can;
		struct xapi_call *c;
		struct page_info pi;

		if (known && f->p.pos >= NEW_SINCE_RUN)
			break;
		if (limit) {
			if (f->p.records >= limit)
				break;
			if (limit - f->p.records < want)
				want = limit - f->p.records;
		}
		if (want < page_min)
			want = page_min;
		can = fetch_afford(f, u, want);
		if (can < page_min)
			fetch_budget_stop(f, u, want);
		buf_reset(&req);
		f->o.api.net->page_request(&req, path, query, can, f->p.next);
		fetch_reserve(f, u, can);
		c = xapi_get(f->api, req.p);
		f->o.api.net->page_read(c, &pi);
		fetch_settle(f, u, can, pi.ndata);
		if (pi.gone)
			die(EXIT_FAIL, "%s", pi.gone);
		/* Only errors, at the start: the account itself cannot be read. */
		if (!pi.has_data && pi.next == NULL && f->p.requests == 0)
			fetch_errors(&pi, not_found, (void *)path);
		fetch_warn_errors(&pi);
		/* An empty page with a token is not the end: X skips what it cannot show. */
		if (pi.has_data)
			flatten(c, &e);
		if (f->hook)
			f->hook->end(f->hook->arg);
		e.held = 0;
		fetch_page_failed(f, &pi);
		free(f->p.next);
		f->p.next = pi.next;
		f->p.requests++;
		xapi_call_free(c);
		fetch_commit(f);
		if (f->p.next == NULL)
			break;
	}
	buf_free(&req);
	buf_free(&e.id);
	buf_free(&e.name);
}

void
fetch_pages(struct fetch *f, const char *path, const char *query,
    unsigned page_min, unsigned page_max, enum fetch_unit u, unsigned long limit)
{
	page_loop(f, path, query, page_min, page_max, u, limit, NULL);
}

void
fetch_new_pages(struct fetch *f, const char *path, const char *query,
    struct fetch_known *known, unsigned long limit)
{
	page_loop(f, path, query, 1, 1000, UNIT_USER, limit, known);
	known->ran_into = f->p.pos >= NEW_SINCE_RUN;
	known->ended = f->p.requests > 0 && f->p.next == NULL;
}

unsigned long
fetch_count(const char *user, size_t len, const char *key)
{
	struct json_scan s = {0};
	struct json_iter it;
	struct json_member m;
	unsigned long n = 0;
	size_t i;

	s.collect_members = 1;
	if (json_scan(&s, user, len, 0, 1) == JSON_OK)
		for (i = 0; i < s.nmembers; i++)
			if (json_key_is(&s.members[i], "public_metrics") &&
			    s.members[i].kind == JSON_OBJECT) {
				json_iter_init(&it, s.members[i].val, s.members[i].vallen);
				while (json_iter_member(&it, &m))
					if (json_key_is(&m, key) && m.kind == JSON_NUMBER)
						n = strtoul(m.val, NULL, 10);
			}
	json_scan_free(&s);
	return n;
}

/* "3 s", "14 min", "2 h 05 min". */
static void
duration(char *out, size_t n, double s)
{
	if (s < 90)
		snprintf(out, n, "%.0f s", ceil(s));
	else if (s < 3600)
		snprintf(out, n, "%.0f min", ceil(s / 60));
	else
		snprintf(out, n, "%.0f h %02.0f min", floor(s / 3600), fmod(ceil(s / 60), 60));
}

void
fetch_estimate(const struct fetch *f, const char *what, unsigned long requests,
    unsigned long per_window, enum fetch_unit u, unsigned long units, int at_most,
    unsigned long lookups)
{
	double price, ownable = (double)units * f->o.price[UNIT_OWNED];
	unsigned jobs = f->o.api.jobs ? f->o.api.jobs : 1;
	double window = f->o.api.net->window;
	double waits = requests && per_window ? (double)((requests - 1) / per_window) : 0;
	double wall = waits * window + (double)requests * LATENCY / jobs;
	char t[32];

	if (f->o.owned)
		u = UNIT_OWNED;
	price = (double)units * f->o.price[u] + (double)lookups * f->o.price[UNIT_USER];
	duration(t, sizeof t, wall);
	printf("%s\n", what);
	printf("requests:  %lu (the endpoint allows %lu per %.0f minutes)\n", requests, per_window,
	    window / 60);
	printf("wall time: %s%s\n", wall < 60 ? "under a minute" : "about ", wall < 60 ? "" : t);
	printf("price:     %s$%.2f (%lu %ss at $%.3f%s)\n", at_most ? "at most " : "", price,
	    units, unit_name[u], f->o.price[u], lookups ? ", and the lookup of the account" : "");
	if (f->o.ownable)
		printf("owned:     this would cost %s$%.2f signed in as %s instead of $%.2f "
		    "(tw-auth)\n", at_most ? "at most " : "", ownable, f->o.ownable,
		    (double)units * f->o.price[u]);
	if (f->p.spent > 0)
		printf("this estimate cost $%.3f (one user lookup)%s\n", f->p.spent,
		    f->o.api.replay_dir ? ", or nothing from a recording" : "");
	if (f->o.budget >= 0)
		printf("budget:    $%.2f%s\n", f->o.budget,
		    price > f->o.budget ? ": the run would stop at it" : "");
}

void
fetch_new_report(const struct fetch *f, const struct fetch_known *k,
    const struct new_since *ns, unsigned long limit)
{
	const char *what = ns->following ? "accounts followed" : "followers";
	unsigned long fresh = f->p.records;

	if (f->before.done)
		return;
	if (k->ran_into)
		warnmsg("%lu new %s since %s (%lu known): the listing stopped at %d known in a row",
		    fresh, what, ns->snapshot, ns->known, NEW_SINCE_RUN);
	else
		warnmsg("%lu new %s since %s (%lu known): %s", fresh, what, ns->snapshot, ns->known,
		    k->ended ? "the list came to its end" : "--limit stopped the listing");
	if (!k->ran_into && !k->ended && limit && fresh >= limit)
		warnmsg("how many %s cannot be told: --limit stopped the listing before the "
		    "known ones", ns->following ? "are no longer followed" : "left");
	else if (ns->known + fresh < ns->count)
		warnmsg("how many %s cannot be told: %s has %lu %s, more than the %lu of %s "
		    "and the %lu new (does %s hold the whole list?)",
		    ns->following ? "are no longer followed" : "left", ns->account, ns->count, what,
		    ns->known, ns->snapshot, fresh, ns->snapshot);
	else
		warnmsg("%lu %s since %s, by the count of %s (%lu now); who: fb-diff --lost %s with "
		    "the whole list (tw-archive --%s of a fresh X archive, free, or "
		    "tw-followers%s without --new-since)", ns->known + fresh - ns->count,
		    ns->following ? "no longer followed" : "left", ns->snapshot, ns->account,
		    ns->count, ns->snapshot, ns->following ? "following" : "followers",
		    ns->following ? " --following" : "");
}

void
fetch_new_estimate(const struct fetch *f, const struct new_since *ns)
{
	const char *what = ns->following ? "accounts followed" : "followers";
	unsigned long requests, users = fetch_new_cost(ns->count, ns->count, &requests);
	struct buf head = {0};

	buf_printf(&head, "%s %s: at most %lu %s to read: how many are new since %s (%lu "
	    "known) cannot be known before the run, so the price is that of the whole list",
	    progname, ns->account, ns->count, what, ns->snapshot, ns->known);
	fetch_estimate(f, head.p, requests, 300, UNIT_USER, users, 1, 1);
	if (ns->count > ns->known) {
		unsigned long fresh = ns->count - ns->known;

		users = fetch_new_cost(fresh + NEW_SINCE_RUN, ns->count, &requests);
		printf("likely:    %lu new (%lu now, %lu in %s, if none left): %lu users in %lu "
		    "requests, $%.2f with the lookup\n", fresh, ns->count, ns->known, ns->snapshot,
		    users, requests, (double)users * f->o.price[f->o.owned ? UNIT_OWNED : UNIT_USER] +
		    f->o.price[UNIT_USER]);
	} else {
		users = fetch_new_cost(NEW_SINCE_RUN, ns->count, &requests);
		printf("likely:    no more %s than in %s: if few are new, %lu users in %lu "
		    "request%s, $%.2f with the lookup\n", what, ns->snapshot, users, requests,
		    requests == 1 ? "" : "s", (double)users *
		    f->o.price[f->o.owned ? UNIT_OWNED : UNIT_USER] + f->o.price[UNIT_USER]);
	}
	buf_free(&head);
}
