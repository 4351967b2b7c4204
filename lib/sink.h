/*
 * sink.h: where a fetcher's records go, and the checkpoint that lets a
 * killed run go on where it stopped.
 *
 * Records are written a page at a time. After each page the output is
 * flushed to the file and the checkpoint is replaced atomically (written
 * aside, synced, renamed) with the output's length at that moment. A rerun
 * cuts the output back to that length and asks again for what followed, so
 * whenever the run is killed, the output ends with every record once. That
 * takes an output the sink can cut: a regular file given with -o, or stdout
 * appended to one (>>). Into a pipe the page in flight may come twice.
 */
#ifndef FB_SINK_H
#define FB_SINK_H

#include <stddef.h>

/* How far a run has come. */
struct progress {
	char *id;		/* the account's id, once looked up, or NULL */
	char *next;		/* the pagination token to go on with, or NULL */
	unsigned long pos;	/* input items done (lookups, timelines), or the
				   run of known followers (--new-since) */
	unsigned long records;	/* records written */
	unsigned long requests;	/* requests answered */
	double spent;		/* USD, at the prices given */
	int done;
};

struct sink;

/*
 * Opens the output (path, or stdout when NULL) and, with a state path, the
 * checkpoint: when it exists and is for the same job, *resumed is filled
 * from it and the output cut back. Without a state, a path that is not
 * empty is refused unless append: a second run would pay for the same
 * records and write them again. Exits 2 when they cannot be used.
 */
struct sink *sink_open(const char *path, const char *state, int append, const char *job,
    struct progress *resumed);
/* Adds one record (without its newline) to the page being written. */
void sink_add(struct sink *s, const char *rec, size_t len);
/* Writes the page without a checkpoint: a rerun cuts it. */
void sink_flush(struct sink *s);
/* Writes the page, then records p as the checkpoint. */
void sink_commit(struct sink *s, const struct progress *p);
/* Marks the run complete (p->done) and closes; 0, or -1 when output failed. */
int sink_close(struct sink *s, struct progress *p);

void progress_free(struct progress *p);

#endif
