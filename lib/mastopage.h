/*
 * mastopage.h: a Mastodon answer read: a page (a JSON array of accounts,
 * statuses or notifications) as records, and an error answer as its
 * message.
 */
#ifndef FB_MASTOPAGE_H
#define FB_MASTOPAGE_H

#include <stddef.h>

#include "buf.h"

enum mastopage_kind {
	MASTOPAGE_ACCOUNTS,	/* user records */
	MASTOPAGE_STATUSES,	/* post records, without their author */
	MASTOPAGE_TIMELINE,	/* post records to attach to their user: no fb.source */
	MASTOPAGE_MENTIONS	/* notifications: their statuses, with the author */
};

struct mastopage_out {
	void (*emit)(void *arg, const char *rec, size_t len);
	/* An element that gives no record: the element and why. */
	void (*reject)(void *arg, const char *el, size_t len, const char *why);
	void *arg;
};

/*
 * Calls out->emit with the record of each element of the page, with
 * fb.source naming instance (but for MASTOPAGE_TIMELINE); returns how many elements it has, or -1 with
 * a message in err when it is not a JSON array.
 */
long mastopage_records(const char *json, size_t len, enum mastopage_kind kind,
    const char *instance, const struct mastopage_out *out, struct buf *err);

/* The message of an error answer ({"error", "error_description"}), else NULL. */
int mastopage_error(const char *json, size_t len, struct buf *msg);

#endif
