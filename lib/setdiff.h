/*
 * setdiff.h: set algebra on accounts between record streams (fb-diff).
 *
 * One side is held as a set (lib/idset.h: ids, and usernames); the records
 * of the other are written in their order, as they are, when they are in
 * the set or when they are not. A lost follower gets fb.lost, the date of
 * the snapshot it is missing from.
 */
#ifndef FB_SETDIFF_H
#define FB_SETDIFF_H

#include "stream.h"

struct setdiff;

/* keep_in: write the records in the set (mutuals), else those not in it. */
struct setdiff *setdiff_new(int keep_in);
void setdiff_free(struct setdiff *d);

/*
 * Adds a file's accounts to the set; also notes the latest fb.source.date
 * among its records (when the snapshot was taken). -1 with errno set when
 * the file cannot be opened.
 */
int setdiff_load(struct setdiff *d, struct stream *st, const char *path);

/*
 * Marks every record written with fb.lost: the snapshot's date when its
 * records gave one, else fallback (a JSON string).
 */
void setdiff_mark_lost(struct setdiff *d, const char *fallback);

/* The record_fn of the streamed side. */
int setdiff_record(struct stream *st, const struct record *rec, void *d);

#endif
