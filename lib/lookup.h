/*
 * lookup.h: user lookups in batches (tw-user, bsky-user).
 *
 * Items (@name, name, id, or a user record with an id or a username) are
 * looked up in batches of the network's size, in input order: on X a batch
 * ends where the kind of item changes, since names and ids go to two
 * endpoints. An account that
 * is unknown, suspended or deleted is reported and kept with --rejects; it
 * never stops the batch.
 */
#ifndef FB_LOOKUP_H
#define FB_LOOKUP_H

#include <stddef.h>
#include <stdio.h>

#include "fetch.h"

struct lookup;

struct lookup *lookup_new(struct fetch *f);
/*
 * Adds one input item (its text, as given; line is its line on stdin, 0 for
 * an argument); may run a batch.
 */
void lookup_add(struct lookup *l, const char *item, size_t len, unsigned long line);
/*
 * Adds each item of in: one a line, blank lines skipped. Returns how many
 * there were; with l NULL, only counts them.
 */
unsigned long lookup_read(struct lookup *l, FILE *in);
/* The checkpoint's job for these arguments (stdin when argc is 0). */
void lookup_job(struct buf *job, int argc, char **argv);
/*
 * A command-line argument that is no account (a file of names, a typo) is
 * a usage error, before any request: exits 2 with a hint.
 */
void lookup_check_argument(const struct cli_doc *doc, const struct network *net,
    const char *arg);
/* Runs the last batch and frees l. */
void lookup_finish(struct lookup *l);

/*
 * The whole run of tw-user or bsky-user after its options: the accounts of
 * the arguments (argv[0] on, after the options) or stdin, looked up, or
 * estimated; returns the exit status.
 */
int lookup_main(const struct cli_doc *doc, const struct fetch_opts *o, unsigned long per_window,
    int argc, char **argv);

#endif
