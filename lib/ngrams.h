/*
 * ngrams.h: the features of fb-detect's linear model (lib/detectmodel.h).
 *
 * The normalised text (lib/textnorm.h) becomes a line of words: runs of
 * letters, digits and marks, everything else (emoji too) one space, with a
 * space at each end: "i follow back #f4f!! 💯" gives " i follow back f4f ".
 * An @handle (@name, @name@host.social) is the word "@", whatever it names.
 * Its features are the word n-grams
 * (one and two words: "follow", "follow back") and the character n-grams
 * (three or four codepoints, spaces included: " f4f", "llow"; five made
 * fb-detect slower than jq -c . and found no more demands), each
 * identified by a 64-bit FNV-1a hash of its kind and text. The training
 * tool (tools/detect-features.c) and fb-detect both call ngrams_each, so
 * they see the same features.
 *
 * In a model file and in explanations an n-gram is written as text, with
 * "_" for the spaces of a character n-gram (" f4f " is "_f4f_"): "_"
 * itself never occurs in the line of words.
 */
#ifndef FB_NGRAMS_H
#define FB_NGRAMS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define NGRAM_CHAR_MIN 3
#define NGRAM_CHAR_MAX 4
#define NGRAM_WORD_MAX 2

/*
 * NGRAM_RULED is a single word of a field that a rule of fb-detect hit: the
 * same words mean another thing beside a rule's hit ("dni", "2014", "no"
 * before "f4f"), and with them the model found more demands at the same
 * precision (tests/detect-accuracy.t: 0.883 to 0.890 in cross-validation).
 */
enum ngram_kind { NGRAM_WORD = 'w', NGRAM_CHAR = 'c', NGRAM_RULED = 'x' };

struct ngrams {
	struct buf line;	/* the line of words */
	uint32_t *from, *to;	/* bytes [from[i], to[i]) of the normalised text made byte i */
	size_t cap;
};

/* Called for every n-gram, in order: bytes [b0, b1) of g->line. */
typedef void ngram_fn(void *arg, uint64_t hash, enum ngram_kind kind, size_t b0, size_t b1);

void ngrams_init(struct ngrams *g);
void ngrams_free(struct ngrams *g);
/* Builds the line of words from normalised text s (valid UTF-8). */
void ngrams_line(struct ngrams *g, const char *s, size_t len);
/* Calls fn for every n-gram of the line; returns how many there were. */
size_t ngrams_each(const struct ngrams *g, ngram_fn *fn, void *arg);
/* Calls fn for every word of the line as an NGRAM_RULED; returns how many there were. */
size_t ngrams_each_ruled(const struct ngrams *g, ngram_fn *fn, void *arg);
/* The hash of an n-gram given as it appears in the line (spaces, not "_"). */
uint64_t ngram_hash(enum ngram_kind kind, const char *s, size_t len);
/* Appends an n-gram of the line as it is written: spaces as "_" in a character n-gram. */
void ngram_write(struct buf *out, enum ngram_kind kind, const char *s, size_t len);
/* Bytes [*n0, *n1) of the normalised text of the whole words that line bytes [b0, b1) touch. */
void ngrams_source(const struct ngrams *g, size_t b0, size_t b1, size_t *n0, size_t *n1);

#endif
