/*
 * stream.h: the record stream every filter is built on.
 *
 * The library owns the input loop (files or stdin, any JSON stream that jq
 * accepts: one value per line, pretty-printed or concatenated); a program
 * supplies a callback that gets one record at a time. Raw X API pages are
 * flattened into records, bad input is reported as "prog: FILE:LINE: what"
 * and kept verbatim with --rejects, and output is one value per line.
 */
#ifndef FB_STREAM_H
#define FB_STREAM_H

#include <stddef.h>

#include "json.h"

struct record {
	const char *json;	/* one object, compact when it was not one line */
	size_t len;
	const char *raw;	/* the input it came from, for --rejects */
	size_t rawlen;
	const char *file;	/* for messages: a file name or "stdin" */
	unsigned long line;	/* where the value starts */
	const struct json_member *members;	/* its top-level members */
	size_t nmembers;
	const struct json_scan *scan;	/* also the members of its posts */
};

struct stream;

/* Returns 0; a record the callback cannot handle goes to stream_reject. */
typedef int (*record_fn)(struct stream *st, const struct record *rec, void *arg);

struct stream_opts {
	const char *rejects_path;	/* NULL: bad input is only reported */
	/* Set: bad input goes to keep instead (rejects_path only names it). */
	void (*keep)(void *arg, const char *s, size_t n);
	void *keep_arg;
	size_t max_record;		/* 0: the default, 64 MiB */
};

/*
 * A line that starts as no object or array does (a file of ids or names):
 * rec->json is the line without its newline and trailing blanks, and has
 * no members.
 */
typedef void (*line_fn)(struct stream *st, const struct record *rec, void *arg);

struct stream *stream_new(const struct stream_opts *opts);
/*
 * Runs fn on every record of the files ("-" or none: stdin). An X
 * archive's data file ("window.YTD.follower.part0 = [...]") is read as the
 * array after its '=', its elements as records.
 */
void stream_run(struct stream *st, int nfiles, char **files, record_fn fn, void *arg);
/* The same, with the lines that are not JSON records given to lines. */
void stream_run_lines(struct stream *st, int nfiles, char **files, record_fn fn, line_fn lines,
    void *arg);
/* Ends the run: flushes and checks stdout, reports the rejected count, frees st. */
int stream_finish(struct stream *st);

/* Writes one output line (s must not hold a newline). */
void stream_emit(struct stream *st, const char *s, size_t n);
/* Reports a bad record ("prog: FILE:LINE: msg"), counts it and keeps it with --rejects. */
void stream_reject(struct stream *st, const struct record *rec, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/*
 * Rejects a post given to a program of users (does: "fb-score scores
 * users"): the first is reported, the others counted at the end.
 */
void stream_reject_post(struct stream *st, const struct record *rec, const char *does);
/* Reports a problem with a record that is still written. */
void stream_warn(struct stream *st, const struct record *rec, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Marks the run as failed (exit status 1) without a rejected record. */
void stream_fail(struct stream *st);
/*
 * Reads like read(2): bytes into buf, 0 at the end, -1 with errno set.
 * For input that is no file, such as a member of a zip.
 */
typedef long (*stream_read_fn)(void *ctx, char *buf, size_t n);
/* Runs fn on the records that read_fn gives; name is the FILE of messages. */
void stream_run_reader(struct stream *st, const char *name, stream_read_fn read_fn, void *ctx,
    record_fn fn, void *arg);

/* How many records were rejected so far. */
unsigned long stream_rejected(const struct stream *st);

/* The last member named key, or NULL. */
const struct json_member *record_member(const struct record *rec, const char *key);
/* "@name" for a user, "@author" for a post, "id N", or "-", for people. */
void record_handle(const struct record *rec, char *out, size_t n);

#endif
