/*
 * width.h: UTF-8 text in terminal columns, for tables.
 *
 * A character takes the columns utf8proc_charwidth gives it: 2 for CJK
 * wide characters and emoji, 0 for combining marks, 1 for the rest. Text
 * is cut only between graphemes (a letter and its combining marks, an
 * emoji and its modifiers stay together), never inside a character.
 * Invalid UTF-8 counts one column a byte; tables hold quote_visible text.
 */
#ifndef FB_WIDTH_H
#define FB_WIDTH_H

#include <stddef.h>

#include "buf.h"

/* The columns of the terminal: $COLUMNS, else stdout's tty, else 80. */
size_t width_columns(void);
/* The columns s takes. */
size_t width_of(const char *s, size_t len);
/*
 * The bytes of the longest start of s, whole graphemes, that fits in cols
 * columns; *used (if not NULL) gets its columns.
 */
size_t width_cut(const char *s, size_t len, size_t cols, size_t *used);
/* Appends s cut to cols columns: a cut ends with "…" inside them. */
void width_fit(struct buf *out, const char *s, size_t len, size_t cols);
/* Appends s cut to cols columns as width_fit does, padded with spaces to cols. */
void width_pad(struct buf *out, const char *s, size_t len, size_t cols);
/*
 * Appends s wrapped to lines of at most cols columns, at spaces where it
 * can (a word longer than a line is cut between graphemes); every line
 * after the first starts with indent spaces.
 */
void width_wrap(struct buf *out, const char *s, size_t len, size_t cols, size_t indent);

#endif
