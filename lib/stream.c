#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apipage.h"
#include "buf.h"
#include "interrupt.h"
#include "json.h"
#include "output.h"
#include "quote.h"
#include "stream.h"
#include "util.h"

#define CHUNK (256 * 1024)
#define DEFAULT_MAX_RECORD ((size_t)64 << 20)

struct stream {
	size_t max_record;
	FILE *rejects;
	const char *rejects_path;
	void (*keep)(void *arg, const char *s, size_t n);
	void *keep_arg;
	unsigned long nrejected;
	int failed;
	unsigned long nposts;	/* posts given as users: reported once */
	char *first_post;	/* "FILE:LINE" of the first */

	/* the input being read: fd, or read_fn when it is set */
	int fd;
	stream_read_fn read_fn;
	void *read_ctx;
	const char *file;
	char *in;
	size_t in_cap, start, end;
	int eof;
	int drains;		/* a pipe: on an interrupt, read on to its end */
	int in_js_array;	/* inside an X archive's "window.YTD.x.part0 = [" */
	unsigned long line;	/* line number at in[start] */

	struct json_scan scan;
	struct json_scan sub;	/* for records rebuilt from a value */
	struct buf scratch;
	record_fn fn;
	line_fn lines;
	void *arg;
};

struct stream *
stream_new(const struct stream_opts *opts)
{
	FILE *rejects = NULL;
	struct stream *st;

	if (opts->rejects_path && !opts->keep &&
	    (rejects = fopen(opts->rejects_path, "w")) == NULL)
		die(EXIT_USAGE, "--rejects %s:", opts->rejects_path);
	st = xcalloc(1, sizeof *st);
	st->max_record = opts->max_record ? opts->max_record : DEFAULT_MAX_RECORD;
	st->rejects = rejects;
	st->rejects_path = opts->rejects_path;
	st->keep = opts->keep;
	st->keep_arg = opts->keep_arg;
	interrupt_catch();
	output_start();
	st->scan.collect_members = 1;
	st->sub.collect_members = 1;
	return st;
}

void
stream_emit(struct stream *st, const char *s, size_t n)
{
	(void)st;
	output_line(s, n);
}

/* Bad input, verbatim, to --rejects; a piece of a line that goes on ends nothing. */
static void
keep_reject_part(struct stream *st, const char *s, size_t n)
{
	if (st->keep && n > 0)
		st->keep(st->keep_arg, s, n);
	if (st->rejects == NULL || n == 0)
		return;
	fwrite(s, 1, n, st->rejects);
	if (ferror(st->rejects))
		die(EXIT_FAIL, "--rejects %s:", st->rejects_path);
}

static void
keep_reject(struct stream *st, const char *s, size_t n)
{
	keep_reject_part(st, s, n);
	if (n > 0 && s[n - 1] != '\n')
		keep_reject_part(st, "\n", 1);
}

static void
vreport(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s:%lu: ", progname, file, line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

static void
report(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, fmt, ap);
	va_end(ap);
}

void
stream_reject(struct stream *st, const struct record *rec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(rec->file, rec->line, fmt, ap);
	va_end(ap);
	st->nrejected++;
	keep_reject(st, rec->raw, rec->rawlen);
}

void
stream_reject_post(struct stream *st, const struct record *rec, const char *does)
{
	if (st->nposts++ == 0) {
		report(rec->file, rec->line, "a post, not a user: %s (jq -c .author gives "
		    "a post's author); other posts are only counted", does);
		st->first_post = xmalloc(strlen(rec->file) + 24);
		sprintf(st->first_post, "%s:%lu", rec->file, rec->line);
	}
	st->nrejected++;
	keep_reject(st, rec->raw, rec->rawlen);
}

void
stream_warn(struct stream *st, const struct record *rec, const char *fmt, ...)
{
	va_list ap;

	(void)st;
	va_start(ap, fmt);
	vreport(rec->file, rec->line, fmt, ap);
	va_end(ap);
}

void
stream_fail(struct stream *st)
{
	st->failed = 1;
}

unsigned long
stream_rejected(const struct stream *st)
{
	return st->nrejected;
}

const struct json_member *
record_member(const struct record *rec, const char *key)
{
	const struct json_member *found = NULL;
	size_t i;

	for (i = 0; i < rec->nmembers; i++)
		if (json_key_is(&rec->members[i], key))
			found = &rec->members[i];	/* the last one wins, as in jq */
	return found;
}

/* Counts the newlines in in[from, to). */
static unsigned long
count_lines(const char *p, size_t from, size_t to)
{
	unsigned long n = 0;
	const char *q, *e;

	if (from >= to)
		return 0;
	q = p + from;
	e = p + to;
	while ((q = memchr(q, '\n', (size_t)(e - q))) != NULL) {
		n++;
		q++;
	}
	return n;
}

static void
advance(struct stream *st, size_t to)
{
	st->line += count_lines(st->in, st->start, to);
	st->start = to;
}

/* Reads more input so that at least want bytes are buffered from start. */
static void
fill(struct stream *st, size_t want)
{
	int need_more = want > 0;

	if (st->start > 0 && (st->start >= st->in_cap / 2 || st->end == st->start)) {
		memmove(st->in, st->in + st->start, st->end - st->start);
		st->end -= st->start;
		st->start = 0;
	}
	if (want < CHUNK)
		want = CHUNK;
	while (!st->eof && st->end - st->start < want) {
		ssize_t n;

		if (st->in_cap - st->end < CHUNK) {
			st->in_cap = st->in_cap ? st->in_cap * 2 : 4 * CHUNK;
			while (st->in_cap - st->end < CHUNK)
				st->in_cap *= 2;
			st->in = xrealloc(st->in, st->in_cap + 1);
		}
		/*
		 * Interrupted, a file or a terminal stops here; a pipe is read
		 * to its end, which comes soon: the same Ctrl-C ended its writer,
		 * and what is in the pipe would be lost.
		 */
		if (interrupted() && !st->drains) {
			st->eof = 1;
			break;
		}
		n = st->read_fn ? st->read_fn(st->read_ctx, st->in + st->end, st->in_cap - st->end) :
		    read(st->fd, st->in + st->end, st->in_cap - st->end);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warnmsg("%s:", st->file);
			st->failed = 1;
			st->eof = 1;
		} else if (n == 0) {
			st->eof = 1;
		} else {
			st->end += (size_t)n;
			/* Return once a line is in, so records flow without waiting for a chunk. */
			if (!need_more && memchr(st->in + st->end - (size_t)n, '\n', (size_t)n))
				break;
		}
	}
	st->in[st->end] = '\0';
}

static void
deliver(struct stream *st, const char *json, size_t len, const char *raw,
    size_t rawlen, const struct json_scan *scan, unsigned long line)
{
	struct record rec;

	rec.json = json;
	rec.len = len;
	rec.raw = raw;
	rec.rawlen = rawlen;
	rec.file = st->file;
	rec.line = line;
	rec.members = scan->members;
	rec.nmembers = scan->nmembers;
	rec.scan = scan;
	st->fn(st, &rec, st->arg);
}

/* A record that is not the input's bytes (raw) as they are: rescan it for its members. */
static void
deliver_rebuilt(struct stream *st, const char *json, size_t len, const char *raw,
    size_t rawlen, unsigned long line)
{
	char *copy = xstrndup(json, len);

	if (json_scan(&st->sub, copy, len, 0, 1) != JSON_OK) {
		report(st->file, line, "internal error: a rebuilt record does not parse");
		st->failed = 1;
	} else {
		deliver(st, copy, len, raw ? raw : copy, raw ? rawlen : len, &st->sub, line);
	}
	free(copy);
}

static int
is_api_page(const struct json_member *m, size_t n)
{
	int data = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (json_key_is(&m[i], "data"))
			data = 1;
		else if (json_key_is(&m[i], "id") || json_key_is(&m[i], "username") ||
		    json_key_is(&m[i], "text"))
			return 0;
	}
	return data;
}

struct page_ctx {
	struct stream *st;
	unsigned long line;
};

static void
page_record(void *arg, const char *json, size_t len)
{
	struct page_ctx *pc = arg;

	deliver_rebuilt(pc->st, json, len, NULL, 0, pc->line);
}

static void
page_reject(void *arg, const char *json, size_t len)
{
	struct page_ctx *pc = arg;

	report(pc->st->file, pc->line, "X API page: an element of \"data\" is not an object");
	pc->st->nrejected++;
	keep_reject(pc->st, json, len);
}

static void
handle_object(struct stream *st, const char *p, size_t len, unsigned long line)
{
	unsigned flags = st->scan.flags;
	const struct json_member *members = st->scan.members;
	size_t nmembers = st->scan.nmembers;
	int oneline = memchr(p, '\n', len) == NULL;
	struct page_ctx pc;
	struct buf err = {0};

	if (is_api_page(members, nmembers)) {
		pc.st = st;
		pc.line = line;
		if (apipage_flatten(p, len, page_record, page_reject, &pc, &err) < 0) {
			struct record rec = {p, len, p, len, st->file, line, members, nmembers, &st->scan};

			stream_reject(st, &rec, "X API page: %s", err.p);
		}
		buf_free(&err);
		return;
	}
	if (flags & JSON_F_BAD_UTF8)
		report(st->file, line, "invalid UTF-8 replaced by U+FFFD");
	if (oneline && !(flags & JSON_F_BAD_UTF8)) {
		deliver(st, p, len, p, len, &st->scan, line);
		return;
	}
	buf_reset(&st->scratch);
	json_compact(&st->scratch, p, len);
	deliver_rebuilt(st, st->scratch.p, st->scratch.len, p, len, line);
}

static void
reject_value(struct stream *st, const char *p, size_t len, unsigned long line,
    const char *what)
{
	report(st->file, line, "not a record: %s", what);
	st->nrejected++;
	keep_reject(st, p, len);
}

static void
handle_value(struct stream *st, size_t v0, size_t v1)
{
	const char *p = st->in + v0;
	size_t len = v1 - v0;
	struct json_iter it;
	const char *el;
	size_t elen;
	enum json_kind kind;
	char what[64];

	if (p[0] == '{') {
		handle_object(st, p, len, st->line);
		return;
	}
	if (p[0] != '[') {
		snprintf(what, sizeof what, "expected an object, got %s",
		    json_kind_name(p[0] == '"' ? JSON_STRING : p[0] == 't' || p[0] == 'f' ?
		    JSON_TRUE : p[0] == 'n' ? JSON_NULL : JSON_NUMBER));
		reject_value(st, p, len, st->line, what);
		return;
	}
	/* A top-level array holds records, as a JSON file of many users would. */
	json_iter_init(&it, p, len);
	while (json_iter_element(&it, &el, &elen, &kind)) {
		unsigned long line = st->line + count_lines(p, 0, (size_t)(el - p));

		if (kind != JSON_OBJECT) {
			snprintf(what, sizeof what, "expected an object in the array, got %s",
			    json_kind_name(kind));
			reject_value(st, el, elen, line, what);
			continue;
		}
		buf_reset(&st->scratch);
		json_compact(&st->scratch, el, elen);
		deliver_rebuilt(st, st->scratch.p, st->scratch.len, el, elen, line);
	}
}

/*
 * After bad input, skips to the next line that starts with '{' or '[':
 * NDJSON records and jq's pretty-printed values both start that way,
 * while the inside of a broken pretty-printed value does not.
 */
/*
 * Skips bad input up to to, keeping it with --rejects, and counts each of
 * its lines that would be a record of its own (CSV, or JSON lines after a
 * broken one) as a bad record: not the inside of a broken pretty-printed
 * value (indented, or a lone closing bracket). *within says the first line
 * is one already counted.
 */
static void
skip_bad(struct stream *st, size_t to, int *within)
{
	const char *p = st->in + st->start, *e = st->in + to;

	keep_reject(st, p, (size_t)(e - p));
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *end = nl ? nl : e;
		size_t n = (size_t)(end - p);

		if (!*within && n > 0 && !strchr(" \t\r", *p) &&
		    !(n <= 2 && (*p == '}' || *p == ']')))
			st->nrejected++;
		*within = 0;
		p = nl ? nl + 1 : e;
	}
	advance(st, to);
}

static void
resync(struct stream *st)
{
	size_t from = st->start, searched;
	int within = 1;		/* the bad record's own line: counted already */

	for (;;) {
		char *q = st->in + from;

		while ((q = memchr(q, '\n', (size_t)(st->in + st->end - q))) != NULL) {
			q++;
			if (q < st->in + st->end && (*q == '{' || *q == '[')) {
				skip_bad(st, (size_t)(q - st->in), &within);
				return;
			}
			if (q >= st->in + st->end)
				break;
		}
		if (st->eof) {
			skip_bad(st, st->end, &within);
			return;
		}
		/* Keep the region being skipped in the buffer only up to its last newline. */
		q = st->in + st->end;
		while (q > st->in + st->start && q[-1] != '\n')
			q--;
		if (q > st->in + st->start) {
			skip_bad(st, (size_t)(q - st->in), &within);
		} else if (st->end - st->start >= CHUNK) {
			/* A line without end: passed on as it comes, so memory stays flat. */
			keep_reject_part(st, st->in + st->start, st->end - st->start);
			advance(st, st->end);
			within = 1;
		}
		/* What was searched is not searched again: the rescan stays linear. */
		searched = st->end - st->start;
		fill(st, st->end - st->start + CHUNK);
		from = st->start + (searched > 0 ? searched - 1 : 0);	/* fill may have moved it */
	}
}

#define CSV_HINT "; this looks like CSV or TSV, not JSON records " \
	"(jq -Rc '{text: .}' makes a record of each line)"

/* A line that starts as no JSON value does and holds commas or tabs. */
static int
looks_like_csv(const struct stream *st)
{
	const char *p = st->in + st->start, *e = st->in + st->end;
	const char *nl = memchr(p, '\n', (size_t)(e - p));

	if (nl)
		e = nl;
	return p < e && !strchr("{[\"", *p) && (memchr(p, ',', (size_t)(e - p)) ||
	    memchr(p, '\t', (size_t)(e - p)));
}

static void
bad_input(struct stream *st)
{
	size_t off = st->scan.err_off;

	if (interrupted() && off >= st->end) {
		report(st->file, st->line, "interrupted inside a record: it is not written");
		advance(st, st->end);
		return;
	}
	unsigned long eline = st->line + count_lines(st->in, st->start, off);
	size_t col = off;

	while (col > 0 && st->in[col - 1] != '\n')
		col--;
	col = off - col + 1;
	if (eline == st->line)
		report(st->file, st->line, "invalid JSON: %s (column %zu)%s",
		    st->scan.err, col, looks_like_csv(st) ? CSV_HINT : "");
	else
		report(st->file, st->line, "invalid JSON: %s (line %lu, column %zu)",
		    st->scan.err, eline, col);
	st->nrejected++;
	resync(st);
}

static void
too_long(struct stream *st)
{
	report(st->file, st->line, "a record longer than --max-record (%zu bytes)",
	    st->max_record);
	st->nrejected++;
	resync(st);
}

/*
 * An X archive's data file is one JavaScript assignment,
 * "window.YTD.follower.part0 = [ ... ]" in any spacing: what follows the
 * '=' is read as JSON, and the elements of its array as records.
 */
static void
skip_js_assignment(struct stream *st)
{
	const char *p = st->in + st->start, *e = st->in + st->end;

	if (e - p < 7 || memcmp(p, "window.", 7) != 0)
		return;
	for (p += 7; p < e && (isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '$'); p++)
		;
	while (p < e && isspace((unsigned char)*p))
		p++;
	if (p == e || *p != '=')
		return;
	for (p++; p < e && isspace((unsigned char)*p); p++)
		;
	if (p < e && *p == '[') {
		p++;
		st->in_js_array = 1;
	}
	advance(st, (size_t)(p - st->in));
}

/* A line that is no JSON value, for lines: a whole line, without its newline. */
static void
take_line(struct stream *st)
{
	const char *nl;
	size_t n;
	struct record rec = {0};

	while ((nl = memchr(st->in + st->start, '\n', st->end - st->start)) == NULL && !st->eof) {
		if (st->end - st->start >= st->max_record) {
			too_long(st);
			return;
		}
		fill(st, 2 * (st->end - st->start));
	}
	n = nl ? (size_t)(nl - st->in) - st->start : st->end - st->start;
	rec.raw = rec.json = st->in + st->start;
	rec.rawlen = n;
	while (n > 0 && isspace((unsigned char)rec.json[n - 1]))
		n--;
	rec.len = n;
	rec.file = st->file;
	rec.line = st->line;
	st->lines(st, &rec, st->arg);
	advance(st, nl ? (size_t)(nl + 1 - st->in) : st->end);
}

static void
run_fd(struct stream *st)
{
	size_t want = 0;
	struct stat sb;

	st->start = st->end = 0;
	st->eof = 0;
	st->line = 1;
	st->drains = !st->read_fn && fstat(st->fd, &sb) == 0 &&
	    (S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode));
	fill(st, 0);
	/* A byte-order mark, as some Windows tools write: jq skips it too. */
	if (st->end >= 3 && memcmp(st->in, "\xEF\xBB\xBF", 3) == 0)
		st->start = 3;
	st->in_js_array = 0;
	skip_js_assignment(st);
	for (;;) {
		size_t i = st->start;

		while (i < st->end && (st->in[i] == ' ' || st->in[i] == '\n' ||
		    st->in[i] == '\t' || st->in[i] == '\r' || (st->in_js_array && st->in[i] == ',')))
			i++;
		advance(st, i);
		if (st->start == st->end) {
			if (st->eof)
				return;
			fill(st, 0);
			continue;
		}
		if (st->in_js_array && st->in[st->start] == ']') {
			st->in_js_array = 0;
			i = st->start + 1;
			if (i < st->end && st->in[i] == ';')
				i++;
			advance(st, i);
			continue;
		}
		if (st->lines && st->in[st->start] != '{' && st->in[st->start] != '[') {
			take_line(st);
			continue;
		}
		switch (json_scan(&st->scan, st->in, st->end, st->start, st->eof)) {
		case JSON_INCOMPLETE:
			if (st->end - st->start >= st->max_record) {
				too_long(st);
				break;
			}
			/* Doubling what is buffered keeps rescans linear in the value's size. */
			want = 2 * (st->end - st->start);
			fill(st, want);
			break;
		case JSON_ERROR:
			bad_input(st);
			break;
		case JSON_OK:
			if (st->scan.end - st->start > st->max_record) {
				too_long(st);
				break;
			}
			handle_value(st, st->start, st->scan.end);
			advance(st, st->scan.end);
			break;
		}
	}
}

void
stream_run(struct stream *st, int nfiles, char **files, record_fn fn, void *arg)
{
	stream_run_lines(st, nfiles, files, fn, NULL, arg);
}

void
stream_run_lines(struct stream *st, int nfiles, char **files, record_fn fn, line_fn lines,
    void *arg)
{
	static char *stdin_only[] = {"-"};
	int i;

	st->fn = fn;
	st->lines = lines;
	st->arg = arg;
	if (nfiles == 0) {
		nfiles = 1;
		files = stdin_only;
	}
	for (i = 0; i < nfiles && !interrupted(); i++) {
		if (strcmp(files[i], "-") == 0) {
			st->fd = STDIN_FILENO;
			st->file = "stdin";
		} else {
			st->fd = open(files[i], O_RDONLY);
			st->file = files[i];
			if (st->fd < 0) {
				warnmsg("%s:", files[i]);
				st->failed = 1;
				continue;
			}
		}
		run_fd(st);
		if (st->fd != STDIN_FILENO)
			close(st->fd);
	}
}

void
stream_run_reader(struct stream *st, const char *name, stream_read_fn read_fn, void *ctx,
    record_fn fn, void *arg)
{
	st->fn = fn;
	st->lines = NULL;
	st->arg = arg;
	st->file = name;
	st->read_fn = read_fn;
	st->read_ctx = ctx;
	run_fd(st);
	st->read_fn = NULL;
}

int
stream_finish(struct stream *st)
{
	int status = st->failed || st->nrejected ? EXIT_FAIL : EXIT_OK;

	if (output_finish() < 0 || fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_FAIL, "stdout:");
	if (st->nposts > 1)
		warnmsg("%lu posts, not users, the first at %s", st->nposts, st->first_post);
	if (st->nrejected) {
		if (st->rejects_path)
			warnmsg("%lu bad record%s (kept in %s)", st->nrejected,
			    st->nrejected == 1 ? "" : "s", st->rejects_path);
		else
			warnmsg("%lu bad record%s", st->nrejected,
			    st->nrejected == 1 ? "" : "s");
	}
	if (st->rejects && fclose(st->rejects) == EOF) {
		warnmsg("--rejects %s:", st->rejects_path);
		status = EXIT_FAIL;
	}
	if (interrupted()) {
		warnmsg("interrupted: the records read before it are written");
		interrupt_exit();
	}
	free(st->first_post);
	free(st->in);
	json_scan_free(&st->scan);
	json_scan_free(&st->sub);
	buf_free(&st->scratch);
	free(st);
	return status;
}

/* "@name" for a user, "@author" for a post, or its id. */
void
record_handle(const struct record *rec, char *out, size_t n)
{
	const struct json_member *m = record_member(rec, "username");
	struct json_member author_name = {0};
	struct buf tmp = {0}, shown = {0};

	if (m == NULL && (m = record_member(rec, "author")) && m->kind == JSON_OBJECT) {
		struct json_iter it;
		struct json_member am;

		json_iter_init(&it, m->val, m->vallen);
		while (json_iter_member(&it, &am))
			if (json_key_is(&am, "username"))
				author_name = am;
		m = author_name.key ? &author_name : NULL;
	}
	/* A handle goes to tables and messages: what would act on a terminal is shown. */
	if (m && m->kind == JSON_STRING) {
		json_unescape(&tmp, m->val, m->vallen);
		buf_reset(&shown);
		quote_visible(&shown, tmp.p ? tmp.p : "", tmp.len);
		snprintf(out, n, "@%s", shown.p ? shown.p : "");
	} else if ((m = record_member(rec, "id")) && m->kind == JSON_STRING) {
		json_unescape(&tmp, m->val, m->vallen);
		quote_visible(&shown, tmp.p ? tmp.p : "", tmp.len);
		snprintf(out, n, "id %s", shown.p ? shown.p : "");
	} else {
		snprintf(out, n, "-");
	}
	buf_free(&tmp);
	buf_free(&shown);
}
