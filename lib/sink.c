#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jv.h>

#include "buf.h"
#include "interrupt.h"
#include "json.h"
#include "sink.h"
#include "util.h"

/*
 * Into a pipe, the programs after this one may hold what it wrote when the
 * same Ctrl-C ends them all: the checkpoint then stays behind the output by
 * at least a page and PIPE_LAG bytes, so that a rerun writes those again.
 */
#define PIPE_LAG ((off_t)1 << 20)

struct sink {
	int fd;
	const char *name;	/* for messages */
	int regular;
	off_t offset;		/* the output's length after the last page */
	char *state, *state_tmp;
	char *job;
	struct buf page;
	char *on_signal;	/* what an interrupt says */
	struct progress behind;	/* into a pipe: the checkpoint not yet saved */
	off_t behind_offset;
	int have_behind;
};

static void
progress_copy(struct progress *to, const struct progress *from)
{
	progress_free(to);
	*to = *from;
	to->id = from->id ? xstrdup(from->id) : NULL;
	to->next = from->next ? xstrdup(from->next) : NULL;
}

void
progress_free(struct progress *p)
{
	free(p->next);
	free(p->id);
	p->next = p->id = NULL;
}

static void
write_all(struct sink *s, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(s->fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EPIPE)
			exit(EXIT_OK);	/* | head: the reader has what it wanted */
		if (w < 0)
			die(EXIT_FAIL, "%s:", s->name);
		p += w;
		n -= (size_t)w;
	}
}

/* The number at key, or -1. */
static double
number(jv obj, const char *key)
{
	jv f = jv_object_get(jv_copy(obj), jv_string(key));
	double d = jv_get_kind(f) == JV_KIND_NUMBER ? jv_number_value(f) : -1;

	jv_free(f);
	return d;
}

/* A copy of the string at key, NULL for null or none; anything else is not ours. */
static char *
string_or_null(const struct sink *s, jv obj, const char *key)
{
	jv f = jv_object_get(jv_copy(obj), jv_string(key));
	char *r = NULL;

	if (jv_get_kind(f) == JV_KIND_STRING)
		r = xstrdup(jv_string_value(f));
	else if (jv_get_kind(f) != JV_KIND_NULL && jv_get_kind(f) != JV_KIND_INVALID)
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (%s)", s->state, key);
	jv_free(f);
	return r;
}

/* Reads the checkpoint; 0 when there is none yet. */
static int
load_state(struct sink *s, struct progress *p, off_t *offset)
{
	size_t len;
	char *text = slurp_file(s->state, &len);
	jv v, f;

	if (text == NULL) {
		if (errno == ENOENT)
			return 0;
		die(EXIT_USAGE, "%s:", s->state);
	}
	v = jv_parse_sized(text, (int)len);
	free(text);
	if (jv_get_kind(v) != JV_KIND_OBJECT)
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit", s->state);
	f = jv_object_get(jv_copy(v), jv_string("job"));
	if (jv_get_kind(f) != JV_KIND_STRING)
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit", s->state);
	if (strcmp(jv_string_value(f), s->job) != 0)
		die(EXIT_USAGE, "%s: the checkpoint is for another run (%s); give another "
		    "--resume file, or remove it to start over", s->state, jv_string_value(f));
	jv_free(f);
	{
		/* Every count is a whole number, or the checkpoint was not ours. */
		static const char *const keys[] = { "offset", "pos", "records", "requests" };
		double n[4];
		size_t i;

		for (i = 0; i < 4; i++) {
			n[i] = number(v, keys[i]);
			if (n[i] < 0 || n[i] > 9e15 || n[i] != (double)(long long)n[i])
				die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (%s)", s->state, keys[i]);
		}
		*offset = (off_t)n[0];
		p->pos = (unsigned long)n[1];
		p->records = (unsigned long)n[2];
		p->requests = (unsigned long)n[3];
	}
	p->spent = number(v, "spent");
	p->next = string_or_null(s, v, "next");
	p->id = string_or_null(s, v, "id");
	/* The id goes into request paths: only an id of digits is one. */
	if (p->id && (*p->id == '\0' || strspn(p->id, "0123456789") != strlen(p->id) ||
	    strlen(p->id) > 19))
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (id)", s->state);
	f = jv_object_get(v, jv_string("done"));
	p->done = jv_get_kind(f) == JV_KIND_TRUE;
	jv_free(f);
	if (p->spent < 0)
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (spent)", s->state);
	return 1;
}

static void
save_state(struct sink *s, const struct progress *p)
{
	struct buf b = {0};
	int fd;

	buf_adds(&b, "{\"job\":");
	json_escape(&b, s->job, strlen(s->job));
	buf_printf(&b, ",\"offset\":%lld,\"pos\":%lu,\"records\":%lu,\"requests\":%lu,\"spent\":%.3f,\"next\":",
	    (long long)s->offset, p->pos, p->records, p->requests, p->spent);
	if (p->next)
		json_escape(&b, p->next, strlen(p->next));
	else
		buf_adds(&b, "null");
	if (p->id) {
		buf_adds(&b, ",\"id\":");
		json_escape(&b, p->id, strlen(p->id));
	}
	buf_printf(&b, ",\"done\":%s}\n", p->done ? "true" : "false");
	/* Made anew: whatever had the name (a link planted there) is not written through. */
	if (unlink(s->state_tmp) < 0 && errno != ENOENT)
		die(EXIT_FAIL, "%s:", s->state_tmp);
	fd = open(s->state_tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, b.p, b.len) != (ssize_t)b.len || fsync(fd) < 0 || close(fd) < 0)
		die(EXIT_FAIL, "%s:", s->state_tmp);
	/* The rename is the commit: a kill before it leaves the old checkpoint whole. */
	if (rename(s->state_tmp, s->state) < 0)
		die(EXIT_FAIL, "%s:", s->state);
	buf_free(&b);
}

/*
 * One run at a time on a checkpoint: two would both fetch, pay and write.
 * The lock is on STATE.lock, held until the program ends (a kill frees it).
 */
static void
lock_state(const char *state)
{
	struct buf name = {0};
	int fd;

	buf_printf(&name, "%s.lock", state);
	fd = open(name.p, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		die(EXIT_USAGE, "%s:", name.p);
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK)
			die(EXIT_USAGE, "%s: another run is going on from this checkpoint; let it end, "
			    "or give another --resume file", state);
		die(EXIT_USAGE, "%s:", name.p);
	}
	buf_free(&name);	/* the descriptor stays open: it holds the lock */
}

struct sink *
sink_open(const char *path, const char *state, int append, const char *job,
    struct progress *resumed)
{
	struct sink *s = xcalloc(1, sizeof *s);
	struct stat st;
	off_t offset = 0;
	int have = 0;

	signal(SIGPIPE, SIG_IGN);
	memset(resumed, 0, sizeof *resumed);
	s->name = path ? path : "stdout";
	/* The checkpoint first: one for another run leaves the output alone. */
	if (state)
		lock_state(state);
	if (state) {
		s->state = xstrdup(state);
		s->state_tmp = xmalloc(strlen(state) + 5);
		sprintf(s->state_tmp, "%s.tmp", state);
		s->job = xstrdup(job);
		have = load_state(s, resumed, &offset);
	}
	s->fd = path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666) : STDOUT_FILENO;
	if (s->fd < 0)
		die(EXIT_USAGE, "%s:", path);
	if (fstat(s->fd, &st) < 0)
		die(EXIT_USAGE, "%s:", s->name);
	s->regular = S_ISREG(st.st_mode);
	if (path && !state && !append && s->regular && st.st_size > 0)
		die(EXIT_USAGE, "%s: not empty (%lld bytes): a second run would fetch, pay for and write "
		    "the same records again; give --resume STATE to go on with a run, --append to add "
		    "to it all the same, or another file", path, (long long)st.st_size);
	s->offset = s->regular ? st.st_size : 0;
	if (have && s->regular) {
		if (st.st_size < offset)
			die(EXIT_USAGE, "%s: it holds %lld bytes, but the checkpoint %s was written "
			    "after %lld: it was cut or replaced (append with >>, not >); remove %s "
			    "to start over", s->name, (long long)st.st_size, state,
			    (long long)offset, state);
		if (!path && !(fcntl(s->fd, F_GETFL) & O_APPEND) && offset > 0)
			die(EXIT_USAGE, "stdout: to go on from %s, append to the output (>>) or "
			    "give it with -o", state);
		/* Whatever came after the checkpoint is written again below. */
		if (st.st_size > offset && ftruncate(s->fd, offset) < 0)
			die(EXIT_USAGE, "%s:", s->name);
		s->offset = offset;
	} else if (have && !resumed->done) {
		warnmsg("%s is not a regular file: the records of the page in flight when the "
		    "last run stopped may come twice (see RESUMING in the manual)", s->name);
	}
	if (!have && state)
		save_state(s, resumed);
	s->on_signal = xmalloc(strlen(progname) + 120);
	sprintf(s->on_signal, state ? "%s: interrupted: run the same command to continue\n" :
	    "%s: interrupted (with --resume STATE, a rerun goes on from where it stopped)\n",
	    progname);
	interrupt_on_signal_say(s->on_signal);
	return s;
}

void
sink_add(struct sink *s, const char *rec, size_t len)
{
	buf_add(&s->page, rec, len);
	buf_addc(&s->page, '\n');
}

void
sink_flush(struct sink *s)
{
	if (s->page.len > 0) {
		/* A page is written whole: an interrupt waits for its end. */
		interrupt_hold();
		write_all(s, s->page.p, s->page.len);
		interrupt_release();
		s->offset += (off_t)s->page.len;
		buf_reset(&s->page);
	}
}

void
sink_commit(struct sink *s, const struct progress *p)
{
	sink_flush(s);
	if (s->state) {
		/* The records must be in the file before the checkpoint says so. */
		if (s->regular && fdatasync(s->fd) < 0)
			die(EXIT_FAIL, "%s:", s->name);
		if (s->regular || p->done) {
			save_state(s, p);
		} else if (!s->have_behind || s->offset - s->behind_offset >= PIPE_LAG) {
			/* Save the one held back; hold this one back in its place. */
			if (s->have_behind)
				save_state(s, &s->behind);
			progress_copy(&s->behind, p);
			s->behind_offset = s->offset;
			s->have_behind = 1;
		}
	}
}

int
sink_close(struct sink *s, struct progress *p)
{
	int status = 0;

	p->done = 1;
	sink_commit(s, p);
	if (s->fd != STDOUT_FILENO && close(s->fd) < 0) {
		warnmsg("%s:", s->name);
		status = -1;
	}
	buf_free(&s->page);
	progress_free(&s->behind);
	free(s->on_signal);
	free(s->state);
	free(s->state_tmp);
	free(s->job);
	free(s);
	return status;
}
