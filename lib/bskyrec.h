/*
 * bskyrec.h: Bluesky's names and views as the toolkit's records.
 *
 * A profile view becomes a user record and a post view a post record in
 * X's field names (shared/DESIGN.md): the DID is the id, the handle the
 * username, the counts (profileViewDetailed only) public_metrics; a post's
 * replies, quotes and reposts are its referenced_tweets. What X has no
 * field for passes through: labels (spam, engagement-farming, a
 * self-declared bot), with "bot": true when a label says so. Every record
 * carries fb.source.network "bluesky".
 */
#ifndef FB_BSKYREC_H
#define FB_BSKYREC_H

#include <stddef.h>

#include "buf.h"
#include "cli.h"

/* A DID (did:plc:..., did:web:...), and a handle (with or without @). */
int bsky_is_did(const char *s);
int bsky_is_handle(const char *s);
/* The handle or DID in https://bsky.app/profile/NAME: its offset in *at, its length, or 0. */
size_t bsky_profile_url(const char *s, size_t len, size_t *at);
/* The one account argument left after the options, as the API takes it (no @). */
const char *bsky_account(const struct cli_doc *doc, int argc, char **argv);

/*
 * The records of an answer: the items of its list (followers, follows,
 * profiles, feed, posts, notifications) or, for getProfile, the profile.
 */
int bskyrec_flatten(const char *json, size_t len,
    void (*emit)(void *arg, const char *json, size_t len),
    void (*reject)(void *arg, const char *json, size_t len), void *arg,
    struct buf *err);

/* The string member key of a record (unescaped), or empty. */
void bskyrec_string(const char *json, size_t len, const char *key, struct buf *out);

#endif
