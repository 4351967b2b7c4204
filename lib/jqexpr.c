#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jq.h>

#include "jqexpr.h"
#include "json.h"
#include "output.h"
#include "util.h"

#define WATCH_MS 20

/* The run in progress, for the watchdog. */
static struct {
	pthread_mutex_t mu;
	pthread_once_t once;
	clockid_t cpu;		/* the CPU clock of the thread that runs jq */
	int have_cpu;
	unsigned long runs;	/* runs started */
	int running;
	const char *what, *file;
	unsigned long line;
} watch = {.mu = PTHREAD_MUTEX_INITIALIZER, .once = PTHREAD_ONCE_INIT};

struct jqexpr {
	jq_state *jq;
	struct buf *compile_err;
};

static void
on_error(void *arg, jv msg)
{
	struct jqexpr *e = arg;

	if (e->compile_err) {
		jv text = jv_get_kind(msg) == JV_KIND_STRING ? msg : jv_dump_string(msg, 0);

		if (e->compile_err->len)
			buf_adds(e->compile_err, "; ");
		buf_adds(e->compile_err, jv_string_value(text));
		jv_free(text);
	} else {
		jv_free(msg);
	}
}

static jv
no_input(jq_state *jq, void *arg)
{
	(void)jq;
	(void)arg;
	return jv_invalid();
}

static void
ignore_debug(void *arg, jv msg)
{
	(void)arg;
	jv_free(msg);
}

static void
out_of_memory(void *arg)
{
	(void)arg;
	die(EXIT_FAIL, "out of memory");
}

struct jqexpr *
jqexpr_new(const char *program, struct buf *err)
{
	struct jqexpr *e = xcalloc(1, sizeof *e);

	e->jq = jq_init();
	if (e->jq == NULL)
		die(EXIT_FAIL, "cannot start libjq");
	e->compile_err = err;
	jq_set_error_cb(e->jq, on_error, e);
	jq_set_nomem_handler(e->jq, out_of_memory, NULL);
	jq_set_input_cb(e->jq, no_input, NULL);
	jq_set_debug_cb(e->jq, ignore_debug, NULL);
	jq_set_attr(e->jq, jv_string("JQ_LIBRARY_PATH"), jv_array());
	if (!jq_compile_args(e->jq, program, jv_object())) {
		if (err->len == 0)
			buf_adds(err, "cannot compile");
		jq_teardown(&e->jq);
		free(e);
		return NULL;
	}
	e->compile_err = NULL;
	return e;
}

void
jqexpr_free(struct jqexpr *e)
{
	if (e == NULL)
		return;
	jq_teardown(&e->jq);
	free(e);
}

/* Resident memory in bytes, or 0 where /proc cannot tell. */
static size_t
resident(void)
{
	FILE *fp = fopen("/proc/self/statm", "r");
	unsigned long size, pages = 0;

	if (fp == NULL)
		return 0;
	if (fscanf(fp, "%lu %lu", &size, &pages) != 2)
		pages = 0;
	fclose(fp);
	return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

static double
cpu_seconds(void)
{
	struct timespec t;

	if (!watch.have_cpu || clock_gettime(watch.cpu, &t) < 0)
		return 0;
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Ends the program at a limit; the jq thread is inside jq, away from the output. */
static _Noreturn void
stop(const char *why, int limit)
{
	fprintf(stderr, "%s: %s:%lu: %s: the jq expression ", progname, watch.file,
	    watch.line, watch.what);
	fprintf(stderr, why, limit);
	fputs(": stopped here, the records after it are not read\n", stderr);
	if (output_finish() < 0)
		warnmsg("stdout:");
	fflush(NULL);
	_exit(EXIT_FAIL);
}

static void *
watchdog(void *arg)
{
	unsigned long seen = 0;
	double cpu0 = 0;
	size_t mem0 = 0, mem;
	const struct timespec tick = {0, WATCH_MS * 1000000L};

	(void)arg;
	for (;;) {
		nanosleep(&tick, NULL);
		pthread_mutex_lock(&watch.mu);
		if (!watch.running) {
			pthread_mutex_unlock(&watch.mu);
			continue;
		}
		if (watch.runs != seen) {
			/* A run seen for the first time: it started less than a tick ago. */
			seen = watch.runs;
			cpu0 = cpu_seconds();
			mem0 = resident();
		} else if (cpu_seconds() - cpu0 > JQEXPR_CPU_SECONDS) {
			stop("used more than %d s of CPU time", JQEXPR_CPU_SECONDS);
		} else if ((mem = resident()) > mem0 &&
		    mem - mem0 > ((size_t)JQEXPR_MEMORY_MIB << 20)) {
			stop("took more than %d MiB of memory", JQEXPR_MEMORY_MIB);
		}
		pthread_mutex_unlock(&watch.mu);
	}
	return NULL;
}

static void
start_watchdog(void)
{
	pthread_t t;
	sigset_t all, old;

	watch.have_cpu = pthread_getcpuclockid(pthread_self(), &watch.cpu) == 0;
	/* Signals stay with the threads that handle them. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	if (pthread_create(&t, NULL, watchdog, NULL) != 0)
		die(EXIT_FAIL, "cannot start a thread:");
	pthread_detach(t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/*
 * Marks a run as started or ended. The watchdog holds the lock while it
 * stops the program: a run that ends then waits here for the exit.
 */
static void
watch_run(int running, const char *what, const char *file, unsigned long line)
{
	pthread_mutex_lock(&watch.mu);
	if (running) {
		watch.runs++;
		watch.what = what;
		watch.file = file;
		watch.line = line;
	}
	watch.running = running;
	pthread_mutex_unlock(&watch.mu);
}

/* jqexpr_run without the watch. */
static int
next_outputs(struct jqexpr *e, jv input, int (*fn)(void *arg, jv out),
    void *arg, struct buf *err)
{
	jv r;

	jq_start(e->jq, input, 0);
	while (jv_is_valid(r = jq_next(e->jq))) {
		if (fn(arg, r) != 0)
			return 0;	/* a new jq_start unwinds the abandoned run */
	}
	if (jq_halted(e->jq)) {
		jv msg = jq_get_error_message(e->jq);

		jv_free(jq_get_exit_code(e->jq));
		jv_free(r);
		if (jv_get_kind(msg) == JV_KIND_STRING) {
			buf_adds(err, jv_string_value(msg));
			jv_free(msg);
			return -1;
		}
		jv_free(msg);
		return 0;
	}
	if (jv_invalid_has_msg(jv_copy(r))) {
		jv msg = jv_invalid_get_msg(r);

		if (jv_get_kind(msg) == JV_KIND_STRING) {
			buf_adds(err, jv_string_value(msg));
			jv_free(msg);
		} else {
			jv text = jv_dump_string(msg, 0);

			buf_adds(err, jv_string_value(text));
			jv_free(text);
		}
		return -1;
	}
	jv_free(r);
	return 0;
}

int
jqexpr_run(struct jqexpr *e, jv input, int (*fn)(void *arg, jv out),
    void *arg, struct buf *err, const char *what, const char *file, unsigned long line)
{
	int rc;

	pthread_once(&watch.once, start_watchdog);
	watch_run(1, what, file, line);
	rc = next_outputs(e, input, fn, arg, err);
	watch_run(0, NULL, NULL, 0);
	return rc;
}

void
jqexpr_path_string(struct buf *out, jv path)
{
	int i, n = jv_array_length(jv_copy(path));

	for (i = 0; i < n; i++) {
		jv k = jv_array_get(jv_copy(path), i);

		if (jv_get_kind(k) == JV_KIND_NUMBER) {
			buf_printf(out, "[%d]", (int)jv_number_value(k));
		} else if (jv_get_kind(k) == JV_KIND_STRING) {
			const char *s = jv_string_value(k);
			size_t j, len = strlen(s);
			int plain = len > 0 && !(s[0] >= '0' && s[0] <= '9');

			for (j = 0; j < len && plain; j++)
				plain = (s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
				    (s[j] >= '0' && s[j] <= '9') || s[j] == '_';
			if (plain) {
				buf_addc(out, '.');
				buf_add(out, s, len);
			} else {
				buf_addc(out, '[');
				json_escape(out, s, len);
				buf_addc(out, ']');
			}
		} else {
			jv d = jv_dump_string(jv_copy(k), 0);

			buf_printf(out, "[%s]", jv_string_value(d));
			jv_free(d);
		}
		jv_free(k);
	}
	if (n == 0)
		buf_addc(out, '.');
	jv_free(path);
}
