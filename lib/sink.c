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

/*
 * A file the run writes and a rerun cuts back: the output, or the rejects.
 * The checkpoint names it (path, device and inode) with its length, so a
 * rerun cuts only that file, and only what this run wrote after the length.
 */
struct tracked {
	int fd;			/* -1: none */
	const char *name;	/* for messages */
	int regular;
	char ident[48];		/* "DEV:INO" of a regular file, else "" */
	char path[4096];	/* its name, for messages */
	off_t offset;		/* its length after the last page */
};

/* What a checkpoint says about a tracked file. */
struct saved_file {
	int known;		/* the checkpoint names it (older ones did not) */
	char *path;		/* NULL: not a regular file */
	char *ident;
	off_t offset;
};

struct sink {
	struct tracked out, rej;
	char *state, *state_tmp;
	char *job;
	struct buf page;
	char *on_signal;	/* what an interrupt says */
	struct progress saved;	/* the checkpoint on disk, but for its spending */
	off_t saved_offset, saved_rej;
	struct progress behind;	/* into a pipe: the checkpoint not yet saved */
	off_t behind_offset, behind_rej;
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
write_all(struct tracked *t, const char *p, size_t n)
{
	t->offset += (off_t)n;
	while (n > 0) {
		ssize_t w = write(t->fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EPIPE)
			exit(EXIT_OK);	/* | head: the reader has what it wanted */
		if (w < 0)
			die(EXIT_FAIL, "%s:", t->name);
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

/* What the checkpoint says about the file at key ("output", "rejects"). */
static void
load_file(const struct sink *s, jv v, const char *key, struct saved_file *sf)
{
	jv f = jv_object_get(jv_copy(v), jv_string(key));
	double n;

	memset(sf, 0, sizeof *sf);
	if (jv_get_kind(f) == JV_KIND_INVALID) {
		jv_free(f);
		return;
	}
	sf->known = 1;
	if (jv_get_kind(f) == JV_KIND_OBJECT) {
		sf->path = string_or_null(s, f, "path");
		sf->ident = string_or_null(s, f, "ident");
		n = number(f, "offset");
		if (sf->path == NULL || sf->ident == NULL || n < 0 || n > 9e15 ||
		    n != (double)(long long)n)
			die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (%s)", s->state, key);
		sf->offset = (off_t)n;
	} else if (jv_get_kind(f) != JV_KIND_NULL) {
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (%s)", s->state, key);
	}
	jv_free(f);
}

/* Reads the checkpoint; 0 when there is none yet. */
static int
load_state(struct sink *s, struct progress *p, struct saved_file *out, struct saved_file *rej)
{
	size_t len;
	char *text = slurp_file(s->state, &len);
	char *input;
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
		p->pos = (unsigned long)n[1];
		p->records = (unsigned long)n[2];
		p->requests = (unsigned long)n[3];
		load_file(s, v, "output", out);
		if (!out->known)
			out->offset = (off_t)n[0];
	}
	load_file(s, v, "rejects", rej);
	p->spent = number(v, "spent");
	p->next = string_or_null(s, v, "next");
	p->id = string_or_null(s, v, "id");
	/* The id goes into request paths: only an id of digits is one. */
	if (p->id && (*p->id == '\0' || strspn(p->id, "0123456789") != strlen(p->id) ||
	    strlen(p->id) > 19))
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (id)", s->state);
	input = string_or_null(s, v, "input");
	p->input_known = input != NULL;
	if (input && (strlen(input) != 16 || strspn(input, "0123456789abcdef") != 16))
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (input)", s->state);
	if (input)
		p->input = strtoull(input, NULL, 16);
	free(input);
	f = jv_object_get(v, jv_string("done"));
	p->done = jv_get_kind(f) == JV_KIND_TRUE;
	jv_free(f);
	if (p->spent < 0)
		die(EXIT_USAGE, "%s: not a checkpoint of this toolkit (spent)", s->state);
	return 1;
}

static void
save_file(struct buf *b, const char *key, const struct tracked *t, off_t offset)
{
	buf_printf(b, ",\"%s\":", key);
	if (!t->regular) {
		buf_adds(b, "null");
		return;
	}
	buf_adds(b, "{\"path\":");
	json_escape(b, t->path, strlen(t->path));
	buf_printf(b, ",\"ident\":\"%s\",\"offset\":%lld}", t->ident, (long long)offset);
}

/*
 * Replaces the checkpoint with p, the output's length offset and the
 * rejects' rej; spent is what the run has spent, or may have, so far.
 * Unsynced (sync 0), it survives the program's death, not the machine's.
 */
static void
save_state(struct sink *s, const struct progress *p, off_t offset, off_t rej, double spent,
    int sync)
{
	struct buf b = {0};
	int fd;

	buf_adds(&b, "{\"job\":");
	json_escape(&b, s->job, strlen(s->job));
	buf_printf(&b, ",\"offset\":%lld,\"pos\":%lu,\"records\":%lu,\"requests\":%lu,\"spent\":%.3f",
	    (long long)offset, p->pos, p->records, p->requests, spent);
	/* A checkpoint that came without the digest goes on without it. */
	if (p->input_known)
		buf_printf(&b, ",\"input\":\"%016llx\"", p->input);
	buf_adds(&b, ",\"next\":");
	if (p->next)
		json_escape(&b, p->next, strlen(p->next));
	else
		buf_adds(&b, "null");
	if (p->id) {
		buf_adds(&b, ",\"id\":");
		json_escape(&b, p->id, strlen(p->id));
	}
	save_file(&b, "output", &s->out, offset);
	if (s->rej.fd >= 0)
		save_file(&b, "rejects", &s->rej, rej);
	buf_printf(&b, ",\"done\":%s}\n", p->done ? "true" : "false");
	/* Made anew: whatever had the name (a link planted there) is not written through. */
	if (unlink(s->state_tmp) < 0 && errno != ENOENT)
		die(EXIT_FAIL, "%s:", s->state_tmp);
	fd = open(s->state_tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, b.p, b.len) != (ssize_t)b.len || (sync && fsync(fd) < 0) ||
	    close(fd) < 0)
		die(EXIT_FAIL, "%s:", s->state_tmp);
	/* The rename is the commit: a kill before it leaves the old checkpoint whole. */
	if (rename(s->state_tmp, s->state) < 0)
		die(EXIT_FAIL, "%s:", s->state);
	buf_free(&b);
	if (p != &s->saved)
		progress_copy(&s->saved, p);
	s->saved_offset = offset;
	s->saved_rej = rej;
	s->saved.spent = spent;
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

/*
 * Opens path (stdout when NULL) to append to it. With a checkpoint (have),
 * the output must be the file the checkpoint names (strict), as long as it
 * was then at least: whatever followed is the page in flight, cut off. The
 * rejects may go to another file, or one made shorter: neither is cut.
 */
static void
open_tracked(struct sink *s, struct tracked *t, const char *path, int have,
    const struct saved_file *sf, int done, int strict)
{
	struct stat st;
	int flags = O_WRONLY | O_APPEND | O_CLOEXEC;
	char link[64];
	ssize_t n;

	t->name = path ? path : "stdout";
	/* A file the checkpoint names is not made anew: a new one is another file. */
	if (!strict || !sf->known)
		flags |= O_CREAT;
	t->fd = path ? open(path, flags, 0666) : STDOUT_FILENO;
	if (t->fd < 0 && errno == ENOENT)
		die(EXIT_USAGE, "%s: no such file, but the checkpoint %s was written for %s; give "
		    "that file to go on, or remove %s to start over", path, s->state,
		    sf->path ? sf->path : "a pipe", s->state);
	if (t->fd < 0 || fstat(t->fd, &st) < 0)
		die(EXIT_USAGE, "%s:", t->name);
	t->regular = S_ISREG(st.st_mode);
	if (t->regular)
		snprintf(t->ident, sizeof t->ident, "%llu:%llu", (unsigned long long)st.st_dev,
		    (unsigned long long)st.st_ino);
	/* The file behind stdout, to name it in messages of later runs. */
	snprintf(link, sizeof link, "/proc/self/fd/%d", t->fd);
	if (!path && t->regular && (n = readlink(link, t->path, sizeof t->path - 1)) > 0)
		t->path[n] = '\0';
	else
		snprintf(t->path, sizeof t->path, "%s", t->name);
	t->offset = t->regular ? st.st_size : 0;
	/* A checkpoint from before --rejects, or one that does not name its output. */
	if (!have || (!sf->known && !strict))
		return;
	/* Never cut a file this run did not write; a complete run writes nothing. */
	if (sf->known && (sf->path ? strcmp(sf->ident, t->ident) != 0 : t->regular) && !(done && !t->regular)) {
		if (!strict)
			return;
		if (!path)
			die(EXIT_USAGE, "stdout: not the file the checkpoint %s was written for (%s); "
			    "append to that file (>>) or give it with -o to go on, or remove %s to "
			    "start over", s->state, sf->path ? sf->path : "a pipe", s->state);
		if (sf->path && strcmp(sf->path, t->path) == 0)
			die(EXIT_USAGE, "%s: another file than the one the checkpoint %s was written "
			    "for, under the same name (replaced since, or moved); put that file "
			    "back to go on, or remove %s to start over", t->name, s->state, s->state);
		die(EXIT_USAGE, "%s: not the file the checkpoint %s was written for (%s); give "
		    "that file to go on, or remove %s to start over", t->name, s->state,
		    sf->path ? sf->path : "a pipe", s->state);
	}
	if (!t->regular)
		return;
	/* Rejects taken out by hand are not put back: the run goes on after them. */
	if (st.st_size < sf->offset && !strict)
		return;
	if (st.st_size < sf->offset)
		die(EXIT_USAGE, "%s: it holds %lld bytes, but the checkpoint %s was written "
		    "after %lld: it was cut or replaced (append with >>, not >); remove %s "
		    "to start over", t->name, (long long)st.st_size, s->state,
		    (long long)sf->offset, s->state);
	if (done)
		return;
	if (!path && !(fcntl(t->fd, F_GETFL) & O_APPEND) && sf->offset > 0)
		die(EXIT_USAGE, "stdout: to go on from %s, append to the output (>>) or "
		    "give it with -o", s->state);
	/* Whatever came after the checkpoint is written again. */
	if (st.st_size > sf->offset && ftruncate(t->fd, sf->offset) < 0)
		die(EXIT_USAGE, "%s:", t->name);
	t->offset = sf->offset;
}

static void
saved_file_free(struct saved_file *sf)
{
	free(sf->path);
	free(sf->ident);
}

struct sink *
sink_open(const char *path, const char *rejects, const char *state, int append,
    const char *job, struct progress *resumed)
{
	struct sink *s = xcalloc(1, sizeof *s);
	struct saved_file out = {0}, rej = {0};
	int have = 0;

	signal(SIGPIPE, SIG_IGN);
	memset(resumed, 0, sizeof *resumed);
	s->out.fd = s->rej.fd = -1;
	/* The checkpoint first: one for another run leaves the files alone. */
	if (state) {
		lock_state(state);
		s->state = xstrdup(state);
		s->state_tmp = xmalloc(strlen(state) + 5);
		sprintf(s->state_tmp, "%s.tmp", state);
		s->job = xstrdup(job);
		have = load_state(s, resumed, &out, &rej);
	}
	open_tracked(s, &s->out, path, have, &out, have && resumed->done, 1);
	/* A checkpoint not yet written does not make a full file this run's. */
	if (path && !have && !append && s->out.regular && s->out.offset > 0)
		die(EXIT_USAGE, "%s: not empty (%lld bytes)%s%s%s: a second run would fetch, pay for "
		    "and write the same records again; give --resume STATE to go on with a run, "
		    "--append to add to it all the same, or another file", path,
		    (long long)s->out.offset, state ? " and " : "", state ? state : "",
		    state ? " holds no checkpoint of it" : "");
	if (rejects)
		open_tracked(s, &s->rej, rejects, have, &rej, have && resumed->done, 0);
	if (have && !s->out.regular && !resumed->done)
		warnmsg("%s is not a regular file: the records of the page in flight when the "
		    "last run stopped may come twice (see RESUMING in the manual)", s->out.name);
	saved_file_free(&out);
	saved_file_free(&rej);
	if (!have)
		resumed->input_known = 1;
	if (state)
		save_state(s, resumed, s->out.offset, s->rej.offset, resumed->spent, 1);
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
		write_all(&s->out, s->page.p, s->page.len);
		interrupt_release();
		buf_reset(&s->page);
	}
}

void
sink_keep(struct sink *s, const char *p, size_t n)
{
	if (s->rej.fd >= 0)
		write_all(&s->rej, p, n);
}

void
sink_commit(struct sink *s, const struct progress *p)
{
	sink_flush(s);
	if (s->state) {
		/* The records must be in the file before the checkpoint says so. */
		if ((s->out.regular && fdatasync(s->out.fd) < 0) ||
		    (s->rej.regular && fdatasync(s->rej.fd) < 0))
			die(EXIT_FAIL, "%s:", s->out.regular ? s->out.name : s->rej.name);
		if (s->out.regular || p->done) {
			save_state(s, p, s->out.offset, s->rej.offset, p->spent, 1);
		} else if (!s->have_behind || s->out.offset - s->behind_offset >= PIPE_LAG) {
			/* Save the one held back, with what is spent now; hold this one back. */
			if (s->have_behind)
				save_state(s, &s->behind, s->behind_offset, s->behind_rej, p->spent, 1);
			progress_copy(&s->behind, p);
			s->behind_offset = s->out.offset;
			s->behind_rej = s->rej.offset;
			s->have_behind = 1;
		}
	}
}

void
sink_spent(struct sink *s, double spent)
{
	/* Before every request: unsynced, as only the program's death must not lose it. */
	if (s->state && spent > s->saved.spent)
		save_state(s, &s->saved, s->saved_offset, s->saved_rej, spent, 0);
}

int
sink_close(struct sink *s, struct progress *p)
{
	int status = 0;

	p->done = 1;
	sink_commit(s, p);
	if (s->out.fd != STDOUT_FILENO && close(s->out.fd) < 0) {
		warnmsg("%s:", s->out.name);
		status = -1;
	}
	if (s->rej.fd >= 0 && close(s->rej.fd) < 0) {
		warnmsg("%s:", s->rej.name);
		status = -1;
	}
	buf_free(&s->page);
	progress_free(&s->behind);
	progress_free(&s->saved);
	free(s->on_signal);
	free(s->state);
	free(s->state_tmp);
	free(s->job);
	free(s);
	return status;
}
