/*
 * lexicon.h: the word lists fb-score asks bios and posts about: what a
 * person does (ROLE), spam and scams, the voice of an organisation,
 * filler broadcasting (TRIVIA), replies that put people down or sell.
 *
 * A text is asked about several lexicons: one pass over their literals
 * (lexicon_scan) tells which can match it, and only those run.
 */
#ifndef FB_LEXICON_H
#define FB_LEXICON_H

#include <stddef.h>

#include "rules.h"

enum lexicon_kind { LEX_ROLE, LEX_SPAM, LEX_ORG, LEX_TRIVIA, LEX_COMBATIVE, LEX_PROMO };

struct lexicons {
	struct ruleset rules;
	unsigned char *mark;	/* the branches that may match the text scanned */
};

/* Compiles the lexicons; dies on an internal error. */
void lexicons_init(struct lexicons *lx);
void lexicons_free(struct lexicons *lx);
/* Reads text (normalised) for the lexicons that may match it. */
void lexicon_scan(struct lexicons *lx, const char *text, size_t len);
/* Whether lexicon lex matches text, which lexicon_scan read last: [*m0, *m1). */
int lexicon_hits(struct lexicons *lx, enum lexicon_kind lex, const char *text, size_t len,
    size_t *m0, size_t *m1);

#endif
