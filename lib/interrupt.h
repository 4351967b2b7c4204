/*
 * interrupt.h: Ctrl-C (SIGINT), SIGTERM and SIGHUP without losing records.
 *
 * The first signal is only noted: a filter finishes the records it has read
 * (and, reading a pipe, those still coming until the writer before it
 * closes), writes them, and then dies of the signal, so that a shell sees
 * it as interrupted. A second signal kills at once.
 */
#ifndef FB_INTERRUPT_H
#define FB_INTERRUPT_H

/* Catches the signals; the handler takes effect once per signal. */
void interrupt_catch(void);
/* The signal received, or 0. */
int interrupted(void);
/* Dies of the signal received, after the caller wrote what it had. */
_Noreturn void interrupt_exit(void);
/*
 * For fetchers: message is written (as is) when a signal arrives, and the
 * program dies at once, unless a page is being written (interrupt_hold):
 * then at interrupt_release, once the page is whole.
 */
void interrupt_on_signal_say(const char *message);
void interrupt_hold(void);
void interrupt_release(void);

#endif
