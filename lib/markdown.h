/*
 * markdown.h: the audit as Markdown (fb-report --format md), for an
 * e-mail or a ticket: the headline numbers, the verdicts and the last-post
 * ages as small tables instead of charts, the prospects, the demands with
 * the matches in bold, and the methods.
 */
#ifndef FB_MARKDOWN_H
#define FB_MARKDOWN_H

#include <stddef.h>

#include "buf.h"
#include "report.h"

/*
 * Appends s as Markdown text that stays text in a table cell: punctuation
 * that would be markup backslashed, <, > and & as entities (no raw HTML),
 * controls shown (quote_visible).
 */
void md_text(struct buf *out, const char *s, size_t len);

/* Appends the report. */
void md_report(struct buf *out, const struct audit *a, const struct report_meta *m);

#endif
