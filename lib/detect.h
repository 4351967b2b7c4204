/*
 * detect.h: follow-back demands in records (the engine of fb-detect).
 *
 * Scans a record's fields (by default description, name, username, text
 * and the text of its posts; or jq expressions), matches the rules on the
 * normalised text, and sets fb.demand = {flagged, score, hits}. A hit of a
 * negative rule masks the positive hits it overlaps in the same field:
 * "who doesn't follow me back" talks about follow-back without demanding it.
 */
#ifndef FB_DETECT_H
#define FB_DETECT_H

#include "buf.h"
#include "rules.h"
#include "stream.h"

enum detect_format { DETECT_NDJSON, DETECT_TABLE };

struct detect_opts {
	double threshold;
	int hits_only;
	int explain;
	enum detect_format format;
	char **field_exprs;	/* jq expressions replacing the default fields */
	size_t nfield_exprs;
};

struct detector;

/* NULL with a message when a --field expression does not compile. */
struct detector *detector_new(struct ruleset *rules, const struct detect_opts *o,
    struct buf *err);
void detector_free(struct detector *d);

/* The record_fn for stream_run. */
int detect_record(struct stream *st, const struct record *rec, void *detector);

#endif
