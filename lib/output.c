#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "util.h"

#define HANDOFF (1u << 20)

static struct {
	char *buf[2];
	size_t len[2], cap[2];
	int cur;		/* the buffer being filled */
	int busy;		/* the other buffer is being written */
	int err;		/* errno of a failed write, or 0 */
	int tty, threaded, done;
	pthread_t writer;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} out = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static int
write_all(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void *
writer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&out.mu);
	for (;;) {
		int b;

		while (!out.busy && !out.done)
			pthread_cond_wait(&out.cv, &out.mu);
		if (!out.busy)
			break;
		b = !out.cur;
		pthread_mutex_unlock(&out.mu);
		{
			int e = out.err ? 0 : write_all(out.buf[b], out.len[b]);

			pthread_mutex_lock(&out.mu);
			if (e)
				out.err = e;
		}
		out.len[b] = 0;
		out.busy = 0;
		pthread_cond_broadcast(&out.cv);
	}
	pthread_mutex_unlock(&out.mu);
	return NULL;
}

static _Noreturn void
failed(int e)
{
	if (e == EPIPE)
		exit(EXIT_OK);
	errno = e;
	die(EXIT_FAIL, "stdout:");
}

void
output_start(void)
{
	/* A closed pipe is reported as EPIPE and ends the program quietly. */
	signal(SIGPIPE, SIG_IGN);
	out.tty = isatty(STDOUT_FILENO);
	if (!out.tty) {
		sigset_t all, old;

		/* Signals go to the reading thread, whose blocked read they end. */
		sigfillset(&all);
		pthread_sigmask(SIG_BLOCK, &all, &old);
		if (pthread_create(&out.writer, NULL, writer, NULL) == 0)
			out.threaded = 1;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
}

/* Hands the filled buffer to the writer, after it is done with the other one. */
static void
handoff(void)
{
	pthread_mutex_lock(&out.mu);
	while (out.busy)
		pthread_cond_wait(&out.cv, &out.mu);
	if (out.err) {
		int e = out.err;

		pthread_mutex_unlock(&out.mu);
		failed(e);
	}
	out.cur = !out.cur;
	out.busy = 1;
	pthread_cond_broadcast(&out.cv);
	pthread_mutex_unlock(&out.mu);
}

void
output_line(const char *s, size_t n)
{
	int b = out.cur;

	if (out.cap[b] - out.len[b] < n + 1) {
		out.cap[b] = out.len[b] + n + 1 > 2 * HANDOFF ? out.len[b] + n + 1 : 2 * HANDOFF;
		out.buf[b] = xrealloc(out.buf[b], out.cap[b]);
	}
	memcpy(out.buf[b] + out.len[b], s, n);
	out.buf[b][out.len[b] + n] = '\n';
	out.len[b] += n + 1;
	if (out.tty || !out.threaded) {
		/* Per record into a terminal, so a pipeline shows its progress. */
		if (out.tty || out.len[b] >= HANDOFF) {
			int e = write_all(out.buf[b], out.len[b]);

			out.len[b] = 0;
			if (e)
				failed(e);
		}
		return;
	}
	if (out.len[b] >= HANDOFF)
		handoff();
}

int
output_finish(void)
{
	int e;

	if (out.threaded) {
		if (out.len[out.cur] > 0)
			handoff();
		pthread_mutex_lock(&out.mu);
		while (out.busy)
			pthread_cond_wait(&out.cv, &out.mu);
		out.done = 1;
		pthread_cond_broadcast(&out.cv);
		pthread_mutex_unlock(&out.mu);
		pthread_join(out.writer, NULL);
		out.threaded = 0;
		e = out.err;
	} else {
		e = out.len[out.cur] ? write_all(out.buf[out.cur], out.len[out.cur]) : 0;
		out.len[out.cur] = 0;
	}
	free(out.buf[0]);
	free(out.buf[1]);
	out.buf[0] = out.buf[1] = NULL;
	out.cap[0] = out.cap[1] = 0;
	if (e == EPIPE)
		e = 0;	/* the reader went away: that is its right */
	errno = e;
	return e ? -1 : 0;
}
