/*
 * relevance.h: whether a text touches the client's interests (--interests).
 *
 * An interest matches as a whole phrase ("small business", also written
 * small-business or #smallbusiness); failing that, its words match by a
 * crude stem that needs no language ("market" for marketing and
 * marketer). Texts are normalised (textnorm.h) before they are matched.
 */
#ifndef FB_RELEVANCE_H
#define FB_RELEVANCE_H

#include <stddef.h>

#include "buf.h"
#include "textnorm.h"

struct relevance {
	char **interests;	/* normalised, hyphens as spaces */
	size_t ninterests;
	char *given;		/* the interests, ", "-separated, for messages */
	char **stems;		/* the interests' words, cut to a stem */
	size_t nstems;
};

/* Adds the comma-separated interests of list, normalised with norm. */
void relevance_add(struct relevance *r, struct textnorm *norm, const char *list);
void relevance_free(struct relevance *r);
/* The interests found whole in text, added to found (", "-separated). */
void relevance_phrases(const struct relevance *r, const char *text, size_t len, struct buf *found);
/*
 * The interests' words found in text, added to found (", "-separated) and
 * counted in *nfound when new; returns how many occur.
 */
size_t relevance_words(const struct relevance *r, const char *text, size_t len,
    struct buf *found, size_t *nfound);

#endif
