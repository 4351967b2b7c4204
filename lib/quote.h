/*
 * quote.h: the words of a person's text that a draft may quote.
 *
 * A draft is read in a terminal (--format table), pasted into a post and
 * shown to the person it quotes, so what it quotes must be plain text:
 * no escape sequences that clear a screen or hide a link (OSC 8), no
 * bidi overrides that reorder what is read, no invisible characters.
 * And it quotes whole words up to the end of a clause or sentence, never
 * a link or a hashtag.
 */
#ifndef FB_QUOTE_H
#define FB_QUOTE_H

#include <stddef.h>

#include "buf.h"

/*
 * Appends s (UTF-8) without C0 and C1 controls, ESC, CSI and OSC
 * sequences (an OSC 8 link's target included, its visible text kept),
 * bidi embeddings, overrides, isolates and marks, and invisible format
 * characters. Tabs become spaces and line ends '\n'.
 */
void quote_clean(struct buf *out, const char *s, size_t len);

/*
 * Appends s (UTF-8) for a terminal, with what would act on it shown
 * instead: C0 and C1 controls, DEL, bidi controls and invisible format
 * characters as \xHH or \u{HHHH}; tabs and line ends as spaces. For table
 * cells and messages that carry text from the data or from a server.
 */
void quote_visible(struct buf *out, const char *s, size_t len);

/*
 * Up to max words of s from at into out, stopping at the end of a
 * sentence (or of a clause, with clause set), a line, a link, a hashtag
 * or an emoji. Returns whether it stopped for lack of room; *stop (when
 * not NULL) gets the character it stopped at, '\0' at the end of s.
 */
int quote_words(struct buf *out, const char *s, size_t at, size_t len, int max,
    int clause, char *stop);

/*
 * Whether s[i] ends a sentence (. ! ? or a line end, not a full stop
 * inside a number), or with clause set also a clause (: ;).
 */
int quote_sentence_ends(const char *s, size_t i, size_t len, int clause);

/*
 * Where the sentence after the one that starts at at starts: past its
 * end marks ("!!", "?!") and blanks; len when there is none.
 */
size_t quote_next_sentence(const char *s, size_t len, size_t at);

/*
 * Where the words after the last emoji in [from, to) start, or from: an
 * emoji ends what came before it ("o escondidinho de ontem 🤌 qual é o segredo
 * do purê?" asks "qual é o segredo do purê?").
 */
size_t quote_after_emoji(const char *s, size_t from, size_t to);

/* Where the words of a post start: past blanks, leading @mentions and emoji. */
size_t quote_start(const char *s, size_t len);

/*
 * The words of a post (past its leading @mentions and emoji) into out,
 * whole, on one line (blanks, no-break and ideographic spaces as one
 * space), up to max words, or eight characters a word in a script written
 * without spaces, and then "...": what someone wrote to the client, for
 * the client to read and answer.
 */
void quote_message(struct buf *out, const char *s, size_t len, int max);

/* Trims blanks, and punctuation a quote should not start or end with. */
void quote_trim(struct buf *b);

/* Drops the "and", "of", "the" ... that a phrase cut short ends on. */
void quote_drop_dangling(struct buf *b);

#endif
