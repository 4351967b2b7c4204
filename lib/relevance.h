/*
 * relevance.h: whether a text touches the client's interests (--interests).
 *
 * An interest matches as a whole phrase ("small business", also written
 * small-business or #smallbusiness); failing that, its words match by a
 * crude stem that needs no language ("market" for marketing and
 * marketer). Texts are normalised (textnorm.h) before they are matched.
 *
 * People write about the same things in other words and other languages
 * than the client's list: a bakery is a local business, "redes sociais"
 * are social media, "Lastenrad" is a cargo bike. A small table of common
 * topics in several languages gives each interest that names a topic the
 * topic's other words, which then match as the interest itself.
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
	struct relevance_alias {
		char *term;	/* normalised */
		size_t len;
		size_t interest;	/* the interest it stands for */
	} *aliases;		/* sorted by term */
	size_t naliases;
	size_t by_byte[257];	/* the aliases whose term starts with byte b: [by_byte[b], by_byte[b + 1]) */
};

/* Adds the comma-separated interests of list, normalised with norm. */
void relevance_add(struct relevance *r, struct textnorm *norm, const char *list);
void relevance_free(struct relevance *r);
/*
 * The interests found whole in text, or through a word of their topic,
 * added to found (", "-separated: "local business (bakery)").
 */
void relevance_phrases(const struct relevance *r, const char *text, size_t len, struct buf *found);
/*
 * The interests' words found in text, added to found (", "-separated) and
 * counted in *nfound when new; returns how many occur.
 */
size_t relevance_words(const struct relevance *r, const char *text, size_t len,
    struct buf *found, size_t *nfound);

#endif
