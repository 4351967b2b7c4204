/*
 * sink.h: where a fetcher's records go, and the checkpoint that lets a
 * killed run go on where it stopped.
 *
 * Records are written a page at a time. After each page the output is
 * flushed to the file and the checkpoint is replaced atomically (written
 * aside, synced, renamed) with the output's length at that moment, and the
 * rejects' (the input kept with --rejects). A rerun cuts both back to those
 * lengths and asks again for what followed, so whenever the run is killed,
 * they end with every record once. That takes files the sink can cut: a
 * regular file given with -o, or stdout appended to one (>>). Into a pipe
 * the page in flight may come twice. The checkpoint names the files (path,
 * device and inode): a rerun refuses others, and never cuts a complete run.
 *
 * What a request may cost is in the checkpoint before it is made, so that
 * the spending a rerun goes on from is never less than what was billed.
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
	unsigned long long input;	/* a digest of the pos input items done */
	int input_known;	/* older checkpoints lack the digest */
	int done;
};

struct sink;

/*
 * Opens the output (path, or stdout when NULL), the rejects file (or none)
 * and, with a state path, the checkpoint: when it exists and is for the
 * same job, *resumed is filled from it and the files cut back. Without a
 * state, a path that is not empty is refused unless append: a second run
 * would pay for the same records and write them again. Exits 2 when they
 * cannot be used.
 */
struct sink *sink_open(const char *path, const char *rejects, const char *state, int append,
    const char *job, struct progress *resumed);
/* Adds one record (without its newline) to the page being written. */
void sink_add(struct sink *s, const char *rec, size_t len);
/* Writes the page without a checkpoint: a rerun cuts it. */
void sink_flush(struct sink *s);
/* Appends n bytes to the rejects file, if there is one. */
void sink_keep(struct sink *s, const char *p, size_t n);
/* Writes the page, then records p as the checkpoint. */
void sink_commit(struct sink *s, const struct progress *p);
/* Records in the checkpoint that the run may have spent spent, before it does. */
void sink_spent(struct sink *s, double spent);
/* Marks the run complete (p->done) and closes; 0, or -1 when output failed. */
int sink_close(struct sink *s, struct progress *p);

void progress_free(struct progress *p);

#endif
