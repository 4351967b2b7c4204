/*
 * template.h: the opener templates of fb-suggest, and the choice of one.
 *
 * A template is "KIND LANG TEXT" with {slots} (see share/suggest.templates).
 * Twelve drafts of a run should read as if twelve people wrote them, so
 * the choice remembers what the run has written: of the templates of a
 * kind and language, it takes one whose draft opens with other words
 * (its first four, past the greeting) and closes with another question
 * than every draft before, and among those the least used; the greeting
 * itself takes turns ("Hi", "Hey", "Hello"). No text is written twice.
 */
#ifndef FB_TEMPLATE_H
#define FB_TEMPLATE_H

#include <stddef.h>

#include "addressee.h"
#include "buf.h"

/*
 * What an opener does; the order is that of kind_names in template.c. The
 * kinds before OPENER_ANSWER have templates; what someone said to the
 * client (answer to reply) is answered by the client, whom no template
 * can speak for, so those kinds have none.
 */
enum opener_kind {
	OPENER_COMPLIMENT,	/* on something they achieved */
	OPENER_SHARE,		/* on something they wrote on their own site */
	OPENER_QUESTION,	/* about what they do */
	OPENER_RESPONSE,	/* to advice or an opinion they posted */
	OPENER_FOLLOWUP,	/* to a question they asked */
	OPENER_REACTION,	/* a light word on a story they posted */
	OPENER_ANSWER,		/* to a question they asked the client */
	OPENER_OFFER,		/* to an offer or invitation they made the client */
	OPENER_THANKS,		/* to their thanks or kind words to the client */
	OPENER_REPLY,		/* to anything else they told the client */
	NOPENER_KINDS
};
#define NTEMPLATE_KINDS OPENER_ANSWER
extern const char *const opener_kind_names[NOPENER_KINDS];

/* pt is Brazil's Portuguese, pt-PT Portugal's: a kind without pt-PT templates takes pt's. */
enum { LANG_EN, LANG_ES, LANG_PT, LANG_PT_PT, NLANGS };
extern const char *const lang_names[NLANGS];
/* The index of "en", "es", "pt" or "pt-PT", or -1. */
int lang_index(const char *s);

enum slot {
	SLOT_HI, SLOT_NAME, SLOT_ROLE, SLOT_A_ROLE, SLOT_ORG, SLOT_ACHIEVEMENT, SLOT_EXCERPT,
	SLOT_TOPIC, SLOT_DOMAIN, NSLOTS
};
extern const char *const slot_names[NSLOTS];

struct templates;

struct templates *templates_new(void);
void templates_free(struct templates *ts);
/* Reads a template file; later files override earlier ones kind by kind. -1 with a message. */
int templates_read(struct templates *ts, const char *text, size_t len, const char *origin,
    struct buf *err);
/* Applies the overrides and checks the slots; -1 with a message. */
int templates_ready(struct templates *ts, struct buf *err);
void templates_set_seed(struct templates *ts, unsigned long seed);

/*
 * Writes into out a draft of kind k in lang to who, from the slots (a
 * quote too long for 280 characters is shortened in place); basis picks
 * where the search for a template starts. Returns 0 when no template can
 * be filled, fits, and gives a text new in the run.
 */
int templates_write(struct templates *ts, enum opener_kind k, int lang,
    const struct addressee *who, struct buf slot[NSLOTS], const char *basis, struct buf *out);

/* Whether text was not written before in the run (and remember it). */
int templates_new_text(struct templates *ts, const char *text);

#endif
