/*
 * xarchive.h: an X archive (the .zip as downloaded, or its folder), read in
 * place with libarchive: nothing is extracted to disk.
 *
 * Its data files ("window.YTD.<type>.partN = [...]") are found through
 * manifest.js where there is one, else by name (follower.js, tweet.js,
 * tweets.js, tweets-part1.js, ...), and read through lib/stream.c, an
 * element at a time: memory stays bounded whatever the archive holds. A
 * zip whose paths leave it, that unpacks to more than a limit or to far
 * more than its own size, or that is corrupt, is refused with a message.
 */
#ifndef FB_XARCHIVE_H
#define FB_XARCHIVE_H

#include <stdint.h>

#include "buf.h"
#include "stream.h"

struct xarchive;

/* NULL with a message in err when path is no archive that can be read. */
struct xarchive *xarchive_open(const char *path, uint64_t max_size, struct buf *err);
void xarchive_free(struct xarchive *x);

/*
 * Runs fn on the entries of every part of the data type ("follower",
 * "following", "tweets", "account", "profile"), in order. Returns the
 * number of files read (0: the archive has none), or -1 with a message in
 * err when the archive could not be read.
 */
int xarchive_run(struct xarchive *x, struct stream *st, const char *type, record_fn fn,
    void *arg, struct buf *err);

/* From manifest.js, or NULL: the owner's id and username, the archive's date. */
const char *xarchive_owner_id(const struct xarchive *x);
const char *xarchive_owner_name(const struct xarchive *x);
const char *xarchive_date(const struct xarchive *x);

#endif
