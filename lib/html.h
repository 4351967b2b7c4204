/*
 * html.h: the audit as one self-contained HTML page (fb-report's default).
 *
 * Everything is inline (style, SVG charts, a few lines of script for the
 * copy buttons) and a Content-Security-Policy allows nothing else: no
 * request leaves the page, and only the page's own script, named by its
 * hash, may run. Text from records is escaped, with the controls that
 * would reorder or hide what is read shown instead (quote_visible).
 */
#ifndef FB_HTML_H
#define FB_HTML_H

#include <stddef.h>

#include "buf.h"
#include "report.h"

/* Appends s as HTML text, safe in an element and in a quoted attribute. */
void html_text(struct buf *out, const char *s, size_t len);

/* Appends the page. */
void html_report(struct buf *out, const struct audit *a, const struct report_meta *m);

#endif
