/*
 * textnorm.h: the text that rules match against.
 *
 * Spammers write "𝐅𝐎𝐋𝐋𝐎𝐖 𝐁𝐀𝐂𝐊", "ｆｏｌｌｏｗ", "FoIIow", "f0ll0w",
 * "F O L L O W", "f.o.l.l.o.w", "pleaseeee", or hide zero-width characters
 * inside words. Normalising first lets one plain pattern catch them all:
 * NFKC compatibility folding and case folding (utf8proc), zero-width and
 * combining marks removed (except in scripts whose marks carry meaning),
 * enclosed and "fancy" letters folded to plain ones, Cyrillic and Greek
 * look-alikes inside Latin words, leetspeak digits between letters, a
 * capital I standing for l, letters spread out with one separator, and
 * runs of three or more identical letters collapsed to one.
 *
 * Every byte of the result remembers the original characters it came
 * from, so a match is reported against the original text.
 */
#ifndef FB_TEXTNORM_H
#define FB_TEXTNORM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct norm_char {
	uint32_t cp;
	uint32_t src, src_end;	/* original codepoints [src, src_end) */
};

struct textnorm {
	struct buf out;		/* the normalised text, UTF-8 */
	/*
	 * How out relates to the original: NORM_ASCII, byte i is codepoint i;
	 * NORM_BYTES, byte i is byte i (only ASCII changed case); NORM_CHARS,
	 * through t.
	 */
	enum { NORM_ASCII, NORM_BYTES, NORM_CHARS } mode;
	const char *src;	/* the original text of the last run */
	size_t srclen;
	uint32_t *cp_off;	/* byte offset of each original codepoint, ncp + 1 */
	size_t ncp, cp_cap;
	uint32_t *orig;		/* the original codepoints */
	struct norm_char *t;
	size_t tlen, tcap;
};

void textnorm_init(struct textnorm *n);
void textnorm_free(struct textnorm *n);
/* Normalises s (valid UTF-8) into n->out. */
void textnorm_run(struct textnorm *n, const char *s, size_t len);
/* Maps bytes [b0, b1) of n->out to original codepoints [*c0, *c1). */
void textnorm_span(const struct textnorm *n, size_t b0, size_t b1,
    size_t *c0, size_t *c1);
/* Byte offset in the original text of codepoint c (0 <= c <= ncp). */
size_t textnorm_cp_offset(const struct textnorm *n, size_t c);

#endif
