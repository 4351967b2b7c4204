#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "fbkey.h"
#include "idset.h"
#include "json.h"
#include "setdiff.h"
#include "signals.h"
#include "util.h"

struct setdiff {
	struct idset *set;
	int keep_in;
	int mark_lost;
	struct buf lost;	/* fb.lost's value: a JSON string */
	struct buf snapshot;	/* the latest fb.source.date seen, raw */
	time_t snapshot_t;
	struct buf line;
};

struct setdiff *
setdiff_new(int keep_in)
{
	struct setdiff *d = xcalloc(1, sizeof *d);

	d->set = idset_new();
	d->keep_in = keep_in;
	return d;
}

void
setdiff_free(struct setdiff *d)
{
	if (d == NULL)
		return;
	idset_free(d->set);
	buf_free(&d->lost);
	buf_free(&d->snapshot);
	buf_free(&d->line);
	free(d);
}

static int
note_snapshot(struct stream *st, const struct record *rec, void *arg)
{
	struct setdiff *d = arg;
	struct json_member source, date;
	time_t t;

	(void)st;
	if (json_object_member(record_member(rec, "fb"), "source", &source) &&
	    json_object_member(&source, "date", &date) && date.kind == JSON_STRING &&
	    parse_date(date.val + 1, date.vallen - 2, &t) == 0 &&
	    (d->snapshot.len == 0 || t > d->snapshot_t)) {
		buf_reset(&d->snapshot);
		buf_add(&d->snapshot, date.val, date.vallen);
		d->snapshot_t = t;
	}
	return 0;
}

int
setdiff_load(struct setdiff *d, struct stream *st, const char *path)
{
	return idset_load_each(d->set, st, path, note_snapshot, d) < 0 ? -1 : 0;
}

void
setdiff_mark_lost(struct setdiff *d, const char *fallback)
{
	d->mark_lost = 1;
	buf_reset(&d->lost);
	buf_adds(&d->lost, d->snapshot.len ? d->snapshot.p : fallback);
}

int
setdiff_record(struct stream *st, const struct record *rec, void *arg)
{
	struct setdiff *d = arg;
	const char *id, *name;
	size_t idlen, namelen;

	idset_record_keys(rec, &id, &idlen, &name, &namelen);
	if (id == NULL && name == NULL) {
		stream_reject(st, rec, "a record without an id or a username");
		return 0;
	}
	if (idset_has_record(d->set, rec) != d->keep_in)
		return 0;
	if (!d->mark_lost) {
		stream_emit(st, rec->json, rec->len);
		return 0;
	}
	buf_reset(&d->line);
	fbkey_set(&d->line, rec, "lost", d->lost.p, d->lost.len);
	stream_emit(st, d->line.p, d->line.len);
	return 0;
}
