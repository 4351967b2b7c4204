/*
 * idset.h: a set of accounts, by id and by username.
 *
 * Decimal ids are kept as 64-bit integers in an open-addressing table
 * (16 to 32 bytes an id); usernames, matched whatever their case, and ids
 * that are not decimal numbers are kept as strings. A record is in the set
 * when its id is, or else its username: given alone (a @name), or by any
 * entry when the record has no id. An account that took a username another
 * one left is not the other one.
 */
#ifndef FB_IDSET_H
#define FB_IDSET_H

#include <stddef.h>

#include "stream.h"

struct idset;

struct idset *idset_new(void);
void idset_free(struct idset *s);
/*
 * Keeps the usernames of records that have an id too, for idset_has_name;
 * by default a record with an id adds only its id.
 */
void idset_keep_names_beside_ids(struct idset *s);

/* Adds an id (a decimal number or any other string) or a username (no '@'). */
void idset_add_id(struct idset *s, const char *id, size_t len);
void idset_add_name(struct idset *s, const char *name, size_t len);
/*
 * Adds the account that one line names: a decimal id, a @name, a bare
 * name or a profile URL; returns -1 for anything else.
 */
int idset_add_word(struct idset *s, const char *word, size_t len);

/*
 * The id and username of an account record: a user record's "id" and
 * "username", or an X archive's {"follower": {"accountId": ...}} (or
 * "following"); a missing one is left NULL. Values are raw JSON strings,
 * quotes included.
 */
void idset_record_keys(const struct record *rec, const char **id, size_t *idlen,
    const char **name, size_t *namelen);
/* Adds a record's id and username; returns -1 when it has neither. */
int idset_add_record(struct idset *s, const struct record *rec);

/*
 * Adds the accounts of a file ("-": stdin) read through st: records (any
 * JSON stream, raw X API pages, an X archive's follower.js or
 * following.js), and lines of ids, @names or profile URLs ('#' starts a
 * comment line). A bad line is rejected through st (prog: FILE:LINE).
 * Returns how many accounts it added (a record with an id and a name is
 * one), or -1 with errno set when the file cannot be opened.
 */
long idset_load(struct idset *s, struct stream *st, const char *path);
/* The same, with each record that was added also given to each. */
long idset_load_each(struct idset *s, struct stream *st, const char *path, record_fn each,
    void *arg);

int idset_has_id(const struct idset *s, const char *id, size_t len);
/* Whether an entry of the set has this username (see idset_keep_names_beside_ids). */
int idset_has_name(const struct idset *s, const char *name, size_t len);
/* Whether the record is in the set: by id, else by username (above). */
int idset_has_record(const struct idset *s, const struct record *rec);

/* How many ids and names were added (each once). */
size_t idset_count(const struct idset *s);

#endif
