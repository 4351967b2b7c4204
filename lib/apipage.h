/*
 * apipage.h: raw X API v2 response pages as records.
 *
 * A page ({"data", "includes", "meta", "errors"}, as twarc2 and --record
 * store them) becomes one record per element of data, with the included
 * objects joined in: a post gets its author as "author", a user gets its
 * pinned and most recent posts as "posts" (newest first). Both of X's
 * spellings are read (includes.tweets and includes.posts, pinned_tweet_id
 * and pinned_post_id, ...).
 */
#ifndef FB_APIPAGE_H
#define FB_APIPAGE_H

#include <stddef.h>

#include "buf.h"

/*
 * Calls emit with each record as compact JSON, and reject with each element
 * of data that is not an object; -1 with a message in err.
 */
int apipage_flatten(const char *json, size_t len,
    void (*emit)(void *arg, const char *json, size_t len),
    void (*reject)(void *arg, const char *json, size_t len), void *arg,
    struct buf *err);

#endif
