/*
 * mastotext.h: Mastodon's HTML (bios, statuses, profile fields) as the
 * plain text the filters read.
 *
 * Mastodon sanitizes what it serves to a small set of tags (p, br, a,
 * span, and since 4.2 del, pre, code, em, strong, b, i, u, ul, ol, li,
 * blockquote), so a small converter is enough, following Mastodon's own
 * PlainTextFormatter: a line break is a newline, a paragraph ends with a
 * blank line, links, mentions and hashtags are their text (the "invisible"
 * parts of a shortened link included, so the whole address comes back),
 * character references are decoded, and script-like elements are dropped
 * with their content. Leading and trailing breaks are not kept.
 */
#ifndef FB_MASTOTEXT_H
#define FB_MASTOTEXT_H

#include <stddef.h>

#include "buf.h"

/*
 * Appends the plain text of html (UTF-8) to out. With links, the href of
 * each link that is neither a mention nor a hashtag is appended there too,
 * each followed by a NUL.
 */
void mastotext(struct buf *out, const char *html, size_t len, struct buf *links);

#endif
