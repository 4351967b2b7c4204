/*
 * archrec.h: the entries of an X archive as the toolkit's records.
 *
 * The archive writes v1.1-style objects with every number a string and
 * the text HTML-escaped; these functions write the record contract's
 * user and post shapes (X API v2 field names, ids as strings, counts as
 * numbers, ISO 8601 dates). An account record is built from fields known
 * to be public: the e-mail address and the phone number are never written.
 */
#ifndef FB_ARCHREC_H
#define FB_ARCHREC_H

#include "buf.h"
#include "json.h"

/*
 * The fb.source of a record from the archive: {"network":"x","archive":
 * kind} and the archive's date when known (date may be NULL).
 */
void archrec_source(struct buf *out, const char *kind, const char *date);

/* A user stub {"id": ..., "fb": {"source": ...}} from a follower or following entry. */
int archrec_stub(struct buf *out, const struct json_member *entry, const char *source);

/* A post record from a tweet entry; -1 with a message in err. */
int archrec_post(struct buf *out, const struct json_member *tweet, const char *owner_id,
    const char *source, struct buf *err);

/*
 * The owner's user record from the account entry and the profile entry
 * (either may be NULL); -1 with a message in err when there is no id.
 */
int archrec_account(struct buf *out, const struct json_member *account,
    const struct json_member *profile, const char *source, struct buf *err);

/* Appends text with the HTML entities of the archive (&amp; &lt; &#39; ...) decoded. */
void archrec_unescape_html(struct buf *out, const char *s, size_t n);

/* "Tue Jan 31 09:01:52 +0000 2017" as "2017-01-31T09:01:52.000Z"; -1 if no such date. */
int archrec_date(char out[32], const char *s, size_t n);

#endif
