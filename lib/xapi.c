#define _XOPEN_SOURCE 700	/* strptime */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jv.h>

#include "httpurl.h"
#include "json.h"
#include "usertoken.h"
#include "util.h"
#include "xapi.h"

/* An answer may take this many times --timeout in all, however it trickles. */
#define ANSWER_TIMEOUTS 10
#define MAX_BUCKETS 16
#define LONGEST_WAIT (16 * 60.0)	/* a window is 15 minutes: more is clock skew */
#define MAX_BACKOFF 60.0

/* The rate-limit state of one endpoint, as its last answer told it. */
struct bucket {
	char name[32];
	int known;
	long remaining;
	long limit;		/* requests a window allows; 0 until an answer says */
	double reset;
	unsigned inflight;
};

/* One answer of a recording. */
struct recorded {
	char *request;
	char *file;
	char *page_header;	/* the network's paging header, when the answer had one */
	long status;
	int used;
};

struct xapi {
	struct xapi_opts o;
	char *base;
	struct curl_slist *headers;	/* holds the token: wiped at the end */
	struct curl_slist **retired;	/* a user token's earlier headers, for transfers in flight */
	size_t nretired, retired_cap;
	unsigned user_generation;	/* of the access token in headers */
	int user_renewed;	/* no 200 since the last renewal after a 401 */
	CURLM *multi;
	struct xapi_call *queue, *queue_tail;	/* not yet started */
	unsigned active;
	struct bucket buckets[MAX_BUCKETS];
	int nbuckets;
	unsigned rng;
	int replaying;
	struct recorded *replay;
	size_t nreplay, replay_cur;
	FILE *record_index;
	unsigned long record_n;
	int countdown_shown;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
sleep_for(double s)
{
	struct timespec ts;

	if (s <= 0)
		return;
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static void
wipe_bytes(char *s, size_t n)
{
	volatile char *v = s;

	while (n--)
		*v++ = '\0';
}

static void
wipe(char *s)
{
	volatile char *v = s;

	while (s && *v)
		*v++ = '\0';
}

/* The token file's text, read from the descriptor that was checked. */
char *
xapi_read_secret(const char *file)
{
	struct stat st;
	struct buf b = {0};
	char chunk[512];
	ssize_t n;
	/* O_NONBLOCK: a FIFO with no writer must not hang the open. */
	int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0 || fstat(fd, &st) < 0)
		die(EXIT_USAGE, "%s:", file);
	if (!S_ISREG(st.st_mode))
		die(EXIT_USAGE, "%s: not a regular file: keep the token in a file (chmod 600)", file);
	if (st.st_mode & (S_IRWXG | S_IRWXO))
		die(EXIT_USAGE, "%s: group or others can read it; the token must be private "
		    "(chmod 600 %s)", file, file);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || b.len + (size_t)n > 64 * 1024)
			die(EXIT_USAGE, "%s: %s", file, n < 0 ? strerror(errno) : "too long for a token");
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	wipe_bytes(chunk, sizeof chunk);
	return b.p ? b.p : xstrdup("");
}

/* Where a token is kept when neither the option nor the environment gives one. */
static char *
default_token_file(const struct network *net)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct buf path = {0};

	if (xdg && *xdg)
		buf_printf(&path, "%s/followback/%s", xdg, net->token_file);
	else if (home && *home)
		buf_printf(&path, "%s/.config/followback/%s", home, net->token_file);
	if (path.p && access(path.p, F_OK) == 0)
		return path.p;
	buf_free(&path);
	return NULL;
}

/*
 * The token from --token-file, the network's variable, or the default file,
 * in that order; exits 2 when there is none or the file is unsafe.
 */
static char *
read_token(const struct network *net, const char *file)
{
	const char *env = getenv(net->token_env);
	char *tok, *s, *e, *dflt = NULL;

	if (file == NULL && (env == NULL || *env == '\0'))
		file = dflt = default_token_file(net);
	if (file)
		tok = xapi_read_secret(file);
	else if (env && *env)
		tok = xstrdup(env);
	else
		die(EXIT_USAGE, "%s", net->token_help);
	for (s = tok; isspace((unsigned char)*s); s++)
		;
	for (e = s + strlen(s); e > s && isspace((unsigned char)e[-1]); e--)
		;
	*e = '\0';
	memmove(tok, s, (size_t)(e - s) + 1);
	if (*tok == '\0')
		die(EXIT_USAGE, "%s: the token is empty", file ? file : net->token_env);
	if (strncmp(tok, "Bearer ", 7) == 0)
		memmove(tok, tok + 7, strlen(tok + 7) + 1);
	/* A bearer token is printable ASCII: anything else would reach the header. */
	for (s = tok; *s; s++)
		if (*s <= ' ' || *s > '~')
			die(EXIT_USAGE, "%s: the token holds a character a token cannot have",
			    file ? file : net->token_env);
	free(dflt);
	keep_secrets_out_of_dumps();
	return tok;
}

/* Rate limits are per endpoint: the path with its ids taken out. */
static int
bucket_of(struct xapi *x, const char *request)
{
	char name[32];
	size_t n = 0;
	const char *p;
	int i;

	for (p = request; *p && *p != '?' && n + 1 < sizeof name; p++) {
		if (isdigit((unsigned char)*p) && p > request && p[-1] == '/') {
			while (isdigit((unsigned char)p[1]))
				p++;
			name[n++] = '#';
		} else
			name[n++] = *p;
	}
	/* /2/users/by/username/NAME: every name shares one limit. */
	if (n > 20 && strncmp(name, "/2/users/by/username/", 21) == 0)
		n = 21;
	name[n] = '\0';
	for (i = 0; i < x->nbuckets; i++)
		if (strcmp(x->buckets[i].name, name) == 0)
			return i;
	if (x->nbuckets == MAX_BUCKETS)
		return MAX_BUCKETS - 1;
	memcpy(x->buckets[x->nbuckets].name, name, n + 1);
	return x->nbuckets++;
}

static void
replay_load(struct xapi *x, const char *dir)
{
	struct buf path = {0};
	char *text, *line, *end;
	size_t len, cap = 0;
	unsigned long lineno = 0;

	buf_printf(&path, "%s/index.ndjson", dir);
	text = slurp_file(path.p, &len);
	if (text == NULL)
		die(EXIT_USAGE, "%s:", path.p);
	for (line = text; line < text + len; line = end + 1) {
		jv v, req, file, status, page;
		const char *name;

		end = memchr(line, '\n', (size_t)(text + len - line));
		if (end == NULL)
			end = text + len;
		*end = '\0';
		lineno++;
		if (*line == '\0')
			continue;
		v = jv_parse(line);
		if (jv_get_kind(v) != JV_KIND_OBJECT)
			die(EXIT_USAGE, "%s:%lu: not a recording entry", path.p, lineno);
		req = jv_object_get(jv_copy(v), jv_string("request"));
		status = jv_object_get(jv_copy(v), jv_string("status"));
		page = jv_object_get(jv_copy(v), jv_string("page_header"));
		file = jv_object_get(v, jv_string("file"));
		name = jv_get_kind(file) == JV_KIND_STRING ? jv_string_value(file) : NULL;
		/* A page is a file of the recording itself: no path leads out of it. */
		if (jv_get_kind(req) != JV_KIND_STRING || name == NULL || *name == '\0' ||
		    strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			die(EXIT_USAGE, "%s:%lu: not a recording entry", path.p, lineno);
		if (x->nreplay == cap)
			x->replay = xgrow(x->replay, &cap, sizeof *x->replay, 64);
		x->replay[x->nreplay].request = xstrdup(jv_string_value(req));
		x->replay[x->nreplay].file = xstrdup(name);
		/* An answer the adapter gave its caller (an account gone) is replayed as such. */
		x->replay[x->nreplay].status = jv_get_kind(status) == JV_KIND_NUMBER ?
		    (long)jv_number_value(status) : 200;
		x->replay[x->nreplay].page_header = jv_get_kind(page) == JV_KIND_STRING ?
		    xstrdup(jv_string_value(page)) : NULL;
		x->nreplay++;
		jv_free(page);
		jv_free(status);
		jv_free(req);
		jv_free(file);
	}
	free(text);
	buf_free(&path);
}

/* The recorded answer to request, each used once, in recorded order. */
static void
replay_answer(struct xapi *x, struct xapi_call *c)
{
	size_t i, k;

	for (k = 0; k < x->nreplay; k++) {
		struct recorded *r;
		struct buf path = {0};
		char *body;
		size_t len;

		i = (x->replay_cur + k) % x->nreplay;
		r = &x->replay[i];
		if (r->used || strcmp(r->request, c->request) != 0)
			continue;
		r->used = 1;
		x->replay_cur = i + 1;
		buf_printf(&path, "%s/%s", x->o.replay_dir, r->file);
		body = slurp_file(path.p, &len);
		if (body == NULL)
			die(EXIT_FAIL, "%s:", path.p);
		buf_add(&c->body, body, len);
		free(body);
		buf_free(&path);
		c->status = r->status;
		c->page_header = r->page_header ? xstrdup(r->page_header) : NULL;
		return;
	}
	die(EXIT_FAIL, "%s: the recording has no (more) answers to GET %s",
	    x->o.replay_dir, c->request);
}

static void
record_open(struct xapi *x, const char *dir)
{
	struct buf path = {0};
	int c;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		die(EXIT_USAGE, "%s:", dir);
	buf_printf(&path, "%s/index.ndjson", dir);
	x->record_index = fopen(path.p, "a+");
	if (x->record_index == NULL)
		die(EXIT_USAGE, "%s:", path.p);
	/* A recording goes on where it stopped (a resumed run). */
	rewind(x->record_index);
	while ((c = getc(x->record_index)) != EOF)
		x->record_n += c == '\n';
	buf_free(&path);
}

static void
record_answer(struct xapi *x, const struct xapi_call *c)
{
	struct buf path = {0}, line = {0};
	char name[32];
	FILE *f;

	snprintf(name, sizeof name, "%06lu.json", ++x->record_n);
	buf_printf(&path, "%s/%s", x->o.record_dir, name);
	f = fopen(path.p, "w");
	if (f == NULL || fwrite(c->body.p, 1, c->body.len, f) != c->body.len || fclose(f) != 0)
		die(EXIT_FAIL, "%s:", path.p);
	buf_printf(&line, "{\"n\":%lu,\"method\":\"GET\",\"request\":", x->record_n);
	json_escape(&line, c->request, strlen(c->request));
	buf_printf(&line, ",\"status\":%ld,\"file\":\"%s\"", c->status, name);
	if (c->page_header) {
		buf_adds(&line, ",\"page_header\":");
		json_escape(&line, c->page_header, strlen(c->page_header));
	}
	buf_adds(&line, "}\n");
	if (fwrite(line.p, 1, line.len, x->record_index) != line.len ||
	    fflush(x->record_index) != 0)
		die(EXIT_FAIL, "%s/index.ndjson:", x->o.record_dir);
	buf_free(&path);
	buf_free(&line);
}

/* The header with tok; the one it replaces stays until the end, for transfers in flight. */
static void
set_token(struct xapi *x, const char *tok)
{
	struct buf h = {0};
	struct curl_slist *list = NULL;
	const char *const *hdr;

	if (x->headers) {
		if (x->nretired == x->retired_cap)
			x->retired = xgrow(x->retired, &x->retired_cap, sizeof *x->retired, 4);
		x->retired[x->nretired++] = x->headers;
	}
	for (hdr = x->o.net->headers; hdr && *hdr; hdr++)
		list = curl_slist_append(list, *hdr);
	buf_printf(&h, "Authorization: Bearer %s", tok);
	x->headers = curl_slist_append(list, h.p);
	wipe(h.p);
	buf_free(&h);
	if (x->headers == NULL)
		die(EXIT_FAIL, "cannot start libcurl");
}

/* The user's access token, refreshed when it is about to expire. */
static void
use_user_token(struct xapi *x)
{
	const char *tok = usertoken_access(x->o.user);

	if (x->headers == NULL || x->user_generation != x->o.user->generation) {
		keep_secrets_out_of_dumps();
		set_token(x, tok);
		x->user_generation = x->o.user->generation;
	}
}

static void
free_headers(struct curl_slist *list)
{
	struct curl_slist *h;

	for (h = list; h; h = h->next)
		wipe(h->data);
	curl_slist_free_all(list);
}

struct xapi *
xapi_open(const struct xapi_opts *o)
{
	struct xapi *x = xcalloc(1, sizeof *x);
	const char *base = o->base ? o->base : getenv(o->net->base_env);
	const char *const *hdr;
	size_t n;

	x->o = *o;
	if (x->o.jobs == 0)
		x->o.jobs = 1;
	x->rng = (unsigned)time(NULL) ^ ((unsigned)getpid() << 16);
	if (o->replay_dir) {
		x->replaying = 1;
		replay_load(x, o->replay_dir);
		return x;
	}
	if (base == NULL || *base == '\0')
		base = o->net->base;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		die(EXIT_FAIL, "cannot start libcurl");
	if (!url_allowed(base))
		die(EXIT_USAGE, "%s: expected an https:// URL, or http:// to this machine", base);
	x->base = xstrdup(base);
	n = strlen(x->base);
	while (n > 0 && x->base[n - 1] == '/')
		x->base[--n] = '\0';
	if (o->user) {
		use_user_token(x);
	} else if (o->bearer || o->net->token_env) {
		char *tok = o->bearer ? xstrdup(o->bearer) : read_token(o->net, o->token_file);

		set_token(x, tok);
		wipe(tok);
		free(tok);
	} else {
		for (hdr = o->net->headers; hdr && *hdr; hdr++)
			x->headers = curl_slist_append(x->headers, *hdr);
	}
	x->multi = curl_multi_init();
	if (x->multi == NULL || (x->headers == NULL && (o->net->headers || o->net->token_env ||
	    o->bearer)))
		die(EXIT_FAIL, "cannot start libcurl");
	curl_multi_setopt(x->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)x->o.jobs);
	if (o->record_dir)
		record_open(x, o->record_dir);
	return x;
}

void
xapi_call_free(struct xapi_call *c)
{
	if (c == NULL)
		return;
	free(c->request);
	free(c->page_header);
	buf_free(&c->body);
	free(c);
}

void
xapi_close(struct xapi *x)
{
	size_t i;

	if (x == NULL)
		return;
	while (x->queue) {
		struct xapi_call *c = x->queue;

		x->queue = c->next;
		xapi_call_free(c);
	}
	free_headers(x->headers);
	for (i = 0; i < x->nretired; i++)
		free_headers(x->retired[i]);
	free(x->retired);
	if (x->multi) {
		curl_multi_cleanup(x->multi);
		curl_global_cleanup();
	}
	if (x->record_index)
		fclose(x->record_index);
	for (i = 0; i < x->nreplay; i++) {
		free(x->replay[i].request);
		free(x->replay[i].file);
		free(x->replay[i].page_header);
	}
	free(x->replay);
	free(x->base);
	free(x);
}

void
xapi_escape(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || strchr("-._~,:", c))
			buf_addc(out, (char)c);
		else {
			buf_addc(out, '%');
			buf_addc(out, hex[c >> 4]);
			buf_addc(out, hex[c & 15]);
		}
	}
}

void
xapi_queue(struct xapi *x, const char *request, void *arg)
{
	struct xapi_call *c = xcalloc(1, sizeof *c);

	c->request = xstrdup(request);
	c->net = x->o.net;
	c->arg = arg;
	c->bucket = x->replaying ? 0 : bucket_of(x, request);
	if (x->queue_tail)
		x->queue_tail->next = c;
	else
		x->queue = c;
	x->queue_tail = c;
}

/* Back in the queue, first: a retried request keeps its place. */
static void
requeue(struct xapi *x, struct xapi_call *c)
{
	c->next = x->queue;
	x->queue = c;
	if (x->queue_tail == NULL)
		x->queue_tail = c;
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct xapi_call *c = arg;
	size_t len = size * n;

	c->last_byte = now();
	if (c->body.len + len > c->max_body)
		return 0;	/* ends the transfer with CURLE_WRITE_ERROR */
	buf_add(&c->body, p, len);
	return len;
}

/* The value of header line p (len bytes, CRLF included) when it is name's, else NULL. */
static const char *
header_value(const char *p, size_t len, const char *name, char *out, size_t outsize)
{
	size_t n = name ? strlen(name) : 0;
	const char *v, *e;

	if (n == 0 || len <= n || strncasecmp(p, name, n) != 0 || p[n] != ':')
		return NULL;
	for (v = p + n + 1, e = p + len; v < e && (*v == ' ' || *v == '\t'); v++)
		;
	while (e > v && isspace((unsigned char)e[-1]))
		e--;
	if ((size_t)(e - v) >= outsize)
		return NULL;
	memcpy(out, v, (size_t)(e - v));
	out[e - v] = '\0';
	return out;
}

/* A reset as an instant: epoch seconds, or a date (Mastodon's ISO 8601). */
static double
reset_value(const struct network *net, const char *v)
{
	struct tm tm;
	const char *end;

	if (!net->reset_is_date)
		return strtod(v, NULL);
	memset(&tm, 0, sizeof tm);
	end = strptime(v, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end == NULL)
		return (double)curl_getdate(v, NULL);
	/* Fractions of a second and a Z; an offset other than UTC is not sent. */
	return (double)timegm(&tm);
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct xapi_call *c = arg;
	const struct network *net = c->net;
	size_t len = size * n;
	char v[4096];

	c->last_byte = now();
	if (header_value(p, len, net->rl_limit, v, 64)) {
		c->rl_limit = strtol(v, NULL, 10);
	} else if (header_value(p, len, net->rl_remaining, v, 64)) {
		c->rl_remaining = strtol(v, NULL, 10);
		c->rl_seen |= 1;
	} else if (header_value(p, len, net->rl_reset, v, 64)) {
		c->rl_reset = reset_value(net, v);
		c->rl_seen |= 2;
	} else if (header_value(p, len, net->page_header, v, sizeof v)) {
		free(c->page_header);
		c->page_header = xstrdup(v);
	} else if (len > 5 && len < 64 && strncasecmp(p, "date:", 5) == 0) {
		char date[64];
		time_t d;

		memcpy(date, p + 5, len - 5);
		date[len - 5] = '\0';
		d = curl_getdate(date, NULL);
		c->server_date = d > 0 ? (double)d : 0;
	}
	return len;
}

static int
on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	struct xapi_call *c = arg;

	(void)dltotal;
	(void)dlnow;
	(void)ultotal;
	(void)ulnow;
	/* non-zero aborts the transfer: silent too long, or too long in all */
	return now() - c->last_byte > c->stall_after || now() > c->deadline;
}

static void
start(struct xapi *x, struct xapi_call *c)
{
	CURL *e = curl_easy_init();
	struct buf url = {0};

	if (e == NULL)
		die(EXIT_FAIL, "cannot start a transfer");
	buf_printf(&url, "%s%s", x->base, c->request);
	buf_reset(&c->body);
	free(c->page_header);
	c->page_header = NULL;
	c->max_body = x->o.max_body;
	c->rl_seen = 0;
	c->rl_limit = 0;
	c->server_date = 0;
	curl_easy_setopt(e, CURLOPT_URL, url.p);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "followback/" "0.1");
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, c);
	curl_easy_setopt(e, CURLOPT_PRIVATE, c);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(x->o.timeout * 1000));
	/*
	 * Stalled: nothing received for the whole timeout. curl's low-speed
	 * check averages over seconds, so a burst would hide a stall.
	 */
	c->stall_after = x->o.timeout;
	c->last_byte = now();
	/* A server that sends a byte now and then is never silent: bound the whole. */
	c->deadline = c->last_byte + ANSWER_TIMEOUTS * x->o.timeout;
	curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(e, CURLOPT_XFERINFODATA, c);
	/* http:// is for this machine only: no proxy may carry the token elsewhere. */
	if (strncmp(x->base, "http://", 7) == 0)
		curl_easy_setopt(e, CURLOPT_PROXY, "");
	/* Never follow a redirect: the token is for the API's host alone. */
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	buf_free(&url);
	c->easy = e;
	c->attempts++;
	x->buckets[c->bucket].inflight++;
	x->active++;
	if (curl_multi_add_handle(x->multi, e) != CURLM_OK)
		die(EXIT_FAIL, "cannot start a transfer");
}

/* When c may start: after its backoff, and while its endpoint has requests left. */
static double
ready_at(struct xapi *x, const struct xapi_call *c, double t, int *rate_limited)
{
	struct bucket *b = &x->buckets[c->bucket];
	double at = c->not_before;

	*rate_limited = 0;
	if (b->known && b->reset <= t)
		b->known = 0;	/* a new window */
	/* A new window allows what the last one did, once an answer has told it. */
	if (!b->known && b->limit > 0 && (long)b->inflight >= b->limit)
		return INFINITY;
	if (b->known && b->remaining <= (long)b->inflight && b->reset > at) {
		at = b->reset;
		*rate_limited = 1;
	}
	return at;
}

/*
 * A wait for the rate limit: counted down in place on a terminal; said
 * once, as a plain line, into a log.
 */
static void
countdown(struct xapi *x, double until)
{
	time_t end = (time_t)ceil(until);
	struct tm tm;
	char hhmmss[16];
	double left = until - now();

	if (!x->o.progress && (!x->o.log || x->countdown_shown))
		return;
	localtime_r(&end, &tm);
	strftime(hhmmss, sizeof hhmmss, "%H:%M:%S", &tm);
	fprintf(stderr, "%s%s: rate limit: waiting %.0f s (until %s)%s", x->o.progress ? "\r" : "",
	    progname, ceil(left > 0 ? left : 0), hhmmss, x->o.progress ? "\033[K" : "\n");
	fflush(stderr);
	x->countdown_shown = 1;
}

static void
countdown_clear(struct xapi *x)
{
	if (x->countdown_shown && x->o.progress) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	x->countdown_shown = 0;
}

static double
backoff(struct xapi *x, unsigned failures)
{
	double d = 0.5 * pow(2, failures > 8 ? 8 : failures - 1);

	if (d > MAX_BACKOFF)
		d = MAX_BACKOFF;
	x->rng = x->rng * 1103515245u + 12345u;
	/* Jitter: half to all of the delay, so clients do not retry in step. */
	return d * (0.5 + 0.5 * (double)((x->rng >> 8) & 0xFFFF) / 65535.0);
}

/* A retryable failure: back in the queue after a backoff, or the end. */
static void
retry(struct xapi *x, struct xapi_call *c, const char *why)
{
	if (c->attempts > x->o.retries) {
		countdown_clear(x);
		die(EXIT_FAIL, "GET %s: %s; gave up after %u attempts (--retries %lu)",
		    c->request, why, c->attempts, x->o.retries);
	}
	c->not_before = now() + backoff(x, c->attempts);
	if (x->o.log)
		fprintf(stderr, "%s: GET %s: %s; again in %.1f s (attempt %u of %lu)\n", progname,
		    c->request, why, c->not_before - now(), c->attempts + 1, x->o.retries + 1);
	requeue(x, c);
}

/* Sorts out an answer: the caller's (200), a wait, a retry or the end. */
static struct xapi_call *
finished(struct xapi *x, struct xapi_call *c, CURLcode rc)
{
	struct bucket *b = &x->buckets[c->bucket];
	char why[128];
	struct json_scan s = {0};
	double t = now();

	b->inflight--;
	x->active--;
	if (rc == CURLE_WRITE_ERROR) {
		countdown_clear(x);
		die(EXIT_FAIL, "GET %s: the answer is larger than --max-body (%zu bytes)",
		    c->request, x->o.max_body);
	}
	if (rc == CURLE_ABORTED_BY_CALLBACK && t > c->deadline) {
		snprintf(why, sizeof why, "no whole answer in %g s (%d times --timeout)",
		    ANSWER_TIMEOUTS * x->o.timeout, ANSWER_TIMEOUTS);
		retry(x, c, why);
		return NULL;
	}
	if (rc == CURLE_ABORTED_BY_CALLBACK) {
		snprintf(why, sizeof why, "stalled: nothing received for %g s", x->o.timeout);
		retry(x, c, why);
		return NULL;
	}
	if (rc != CURLE_OK) {
		snprintf(why, sizeof why, "%s", curl_easy_strerror(rc));
		retry(x, c, why);
		return NULL;
	}
	curl_easy_getinfo((CURL *)c->easy, CURLINFO_RESPONSE_CODE, &c->status);
	if (c->rl_seen == 3) {
		/*
		 * The reset is the server's clock; a local clock off by more than
		 * the Date header's second of rounding would wait too long or too
		 * little. A window is never longer than 15 minutes.
		 */
		if (c->server_date > 0 && fabs(c->server_date - t) > 2)
			c->rl_reset += t - c->server_date;
		if (c->rl_reset > t + LONGEST_WAIT)
			c->rl_reset = t + LONGEST_WAIT;
		/* Answers come back out of order: within a window, the least left is right. */
		if (!b->known || c->rl_reset > b->reset) {
			b->remaining = c->rl_remaining;
			b->reset = c->rl_reset;
		} else if (c->rl_reset == b->reset && c->rl_remaining < b->remaining)
			b->remaining = c->rl_remaining;
		b->known = 1;
		if (c->rl_limit > 0)
			b->limit = c->rl_limit;
	}
	/* A user token that expired early or was replaced: refreshed once, and asked again. */
	if (c->status == 401 && x->o.user) {
		if (x->user_renewed) {
			struct buf what = {0};

			countdown_clear(x);
			network_x_problem(&c->body, &what);
			die(EXIT_FAIL, "the API refused the user token of %s, refreshed or not (401: %s); "
			    "run tw-auth again", x->o.user->path, what.p);
		}
		usertoken_renew(x->o.user);
		use_user_token(x);
		x->user_renewed = 1;
		c->attempts--;
		requeue(x, c);
		return NULL;
	}
	if (c->status == 200)
		x->user_renewed = 0;
	if (c->status != 200) {
		struct buf msg = {0};
		enum verdict v = x->o.net->classify(c, &msg);

		if (v == ANSWER_STOP) {
			countdown_clear(x);
			die(EXIT_FAIL, "%s", msg.p);
		}
		if (v == ANSWER_RETRY) {
			retry(x, c, msg.p);
			buf_free(&msg);
			return NULL;
		}
		buf_free(&msg);
		if (v == ANSWER_TAKE)
			return c;
	}
	if (c->status != 200) {	/* ANSWER_WAIT */
		/*
		 * Requests left in the window, and still a 429: a shorter limit
		 * (X has per-second ones) that a backoff outlasts, not the window.
		 */
		if (c->rl_seen == 3 && c->rl_remaining > 0) {
			retry(x, c, "429 Too Many Requests with requests left in the window");
			return NULL;
		}
		if (c->rl_seen == 3 && c->rl_reset > t) {
			/*
			 * Wait for the window to reset; this costs no attempt, but a
			 * server that answers 429 after every reset is not waited on
			 * for ever.
			 */
			if (++c->window_waits > x->o.retries + 1) {
				countdown_clear(x);
				die(EXIT_FAIL, "GET %s: 429 Too Many Requests after %u waits for the "
				    "rate-limit window to reset; gave up (--retries %lu)", c->request,
				    c->window_waits - 1, x->o.retries);
			}
			b->remaining = 0;
			c->attempts--;
			requeue(x, c);
			return NULL;
		}
		retry(x, c, "429 Too Many Requests, without a reset time");
		return NULL;
	}
	if (json_scan(&s, c->body.p ? c->body.p : "", c->body.len, 0, 1) != JSON_OK ||
	    (c->body.p[0] != '{' && !(x->o.net->lists && c->body.p[0] == '['))) {
		json_scan_free(&s);
		retry(x, c, "the answer is not a JSON object (truncated or malformed)");
		return NULL;
	}
	json_scan_free(&s);
	return c;
}

enum verdict
network_classify_common(const struct xapi_call *c, struct buf *why)
{
	if (c->status == 429)
		return ANSWER_WAIT;
	if (c->status >= 500 || c->status == 408) {
		buf_printf(why, "the server answered %ld", c->status);
		return ANSWER_RETRY;
	}
	return ANSWER_STOP;
}

static void
done_transfer(struct xapi_call *c)
{
	curl_easy_cleanup((CURL *)c->easy);
	c->easy = NULL;
}

struct xapi_call *
xapi_next(struct xapi *x)
{
	if (x->replaying) {
		struct xapi_call *c = x->queue;

		if (c == NULL)
			return NULL;
		x->queue = c->next;
		if (x->queue == NULL)
			x->queue_tail = NULL;
		c->next = NULL;
		replay_answer(x, c);
			return c;
	}
	for (;;) {
		struct xapi_call *c, *prev, *nextc;
		double t = now(), next = INFINITY;
		int waiting_on_limit = 0, running;
		CURLMsg *m;
		int left;

		if (x->o.user)
			use_user_token(x);
		/* Start what may start, in queue order. */
		prev = NULL;
		for (c = x->queue; c != NULL && x->active < x->o.jobs; c = nextc) {
			int limited;
			double at = ready_at(x, c, t, &limited);

			nextc = c->next;
			if (at <= t) {
				if (prev)
					prev->next = nextc;
				else
					x->queue = nextc;
				if (x->queue_tail == c)
					x->queue_tail = prev;
				c->next = NULL;
				start(x, c);
				continue;
			}
			if (at < next) {
				next = at;
				waiting_on_limit = limited;
			}
			prev = c;
		}
		if (x->active == 0) {
			if (x->queue == NULL)
				return NULL;
			if (next > t + LONGEST_WAIT)
				next = t + LONGEST_WAIT;
			/* Nothing runs: wait for the first that may start. */
			while ((t = now()) < next) {
				if (waiting_on_limit)
					countdown(x, next);
				sleep_for(next - t < 1 ? next - t : 1);
			}
			countdown_clear(x);
			for (int i = 0; i < x->nbuckets; i++)
				if (x->buckets[i].known && x->buckets[i].reset <= next)
					x->buckets[i].known = 0;
			continue;
		}
		curl_multi_perform(x->multi, &running);
		while ((m = curl_multi_info_read(x->multi, &left)) != NULL) {
			struct xapi_call *got;

			if (m->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&c);
			curl_multi_remove_handle(x->multi, m->easy_handle);
			got = finished(x, c, m->data.result);
			done_transfer(c);
			if (got) {
						if (x->record_index)
					record_answer(x, got);
				return got;
			}
		}
		{
			double wait = next - now();
			int ms = wait < 0 ? 0 : wait > 1 ? 1000 : (int)(wait * 1000);

			curl_multi_poll(x->multi, NULL, 0, ms, NULL);
		}
	}
}

struct xapi_call *
xapi_get(struct xapi *x, const char *request)
{
	struct xapi_call *c;

	xapi_queue(x, request, NULL);
	c = xapi_next(x);
	return c;
}
