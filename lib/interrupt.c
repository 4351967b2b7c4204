#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interrupt.h"

static volatile sig_atomic_t caught, holding, dies_at_once;
static const char *say;

/* Dies of sig, as its default would have: the shell sees an interrupted program. */
static _Noreturn void
die_of(int sig)
{
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

static void
die_now(int sig)
{
	if (say)
		(void)!write(STDERR_FILENO, say, strlen(say));
	die_of(sig);
}

static void
on_signal(int sig)
{
	caught = sig;
	if (dies_at_once && !holding)
		die_now(sig);
}

void
interrupt_catch(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked read returns, and the reader sees the flag. */
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;

		/* A signal ignored by the shell (nohup, a background job) stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

int
interrupted(void)
{
	return caught;
}

_Noreturn void
interrupt_exit(void)
{
	die_of(caught);
}

void
interrupt_on_signal_say(const char *message)
{
	say = message;
	dies_at_once = 1;
	interrupt_catch();
}

void
interrupt_hold(void)
{
	holding = 1;
}

void
interrupt_release(void)
{
	holding = 0;
	if (caught)
		die_now(caught);
}
