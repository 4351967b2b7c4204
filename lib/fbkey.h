/*
 * fbkey.h: a program's own sub-key of "fb" in a record.
 *
 * Everything the toolkit derives lives under "fb"; each program replaces
 * only its own sub-key (fb.demand, fb.score, ...), so running a filter
 * twice gives the same record as running it once. The record's other
 * bytes are copied as they are: numbers keep their exact text.
 */
#ifndef FB_FBKEY_H
#define FB_FBKEY_H

#include "buf.h"
#include "stream.h"

/*
 * Appends rec with fb.<subkey> set to the JSON text value, or removed when
 * value is NULL (and "fb" with it when nothing else is left in it).
 */
void fbkey_set(struct buf *out, const struct record *rec, const char *subkey,
    const char *value, size_t len);

/* Whether rec has fb.<subkey>. */
int fbkey_has(const struct record *rec, const char *subkey);

#endif
