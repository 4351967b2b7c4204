/*
 * detect.h: follow-back demands in records (the engine of fb-detect).
 *
 * Scans a record's fields (by default description, name, username, text
 * and the text of its posts; or jq expressions), matches the rules on the
 * normalised text, and sets fb.demand = {flagged, score, hits}. A hit of a
 * negative rule masks the positive hits it overlaps in the same field:
 * "who doesn't follow me back" talks about follow-back without demanding it.
 *
 * With a model (lib/detectmodel.h), the model decides: a record is flagged
 * when its probability for one of its fields, from the field's n-grams,
 * the rules that hit it and its key, reaches the model's threshold. Where
 * the model and the rules' points disagree, a hit of rule "MODEL" on the
 * field of the highest probability names the n-grams that weighed most
 * towards the decision, and its weight brings the score into line. A
 * positive rule the model does not know (added with -r) is not overruled.
 */
#ifndef FB_DETECT_H
#define FB_DETECT_H

#include "buf.h"
#include "detectmodel.h"
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
	struct detect_model *model;	/* NULL: the rules alone; scoring marks its slots */
};

struct detector;

/* NULL with a message when a --field expression does not compile. */
struct detector *detector_new(struct ruleset *rules, const struct detect_opts *o,
    struct buf *err);
void detector_free(struct detector *d);

/* The record_fn for stream_run. */
int detect_record(struct stream *st, const struct record *rec, void *detector);

#endif
