/*
 * suggest.h: a first message worth sending (the engine of fb-suggest).
 *
 * Reads the facts a record shows (what they said to the client, what the
 * bio says the person does and where, an achievement in a recent post, a
 * link to their own writing, advice, a question or a story of their own),
 * picks the strongest, and fills a template of the matching kind: an
 * answer to their question to the client, a reply to their offer, thanks
 * or remark, a compliment, a word on what they wrote, a question about
 * their work, a response, a follow-up or a light reaction. What a post is decides what it can get (postkind.h):
 * ads, giveaways, pitches, scams, small talk and complaints get nothing,
 * and a bot's or a scammer's profile no draft at all, nor someone who put
 * the client down. Who is greeted, and
 * how, is addressee.h's; the choice of template, template.h's. The draft
 * rests on what it quotes, and says so in fb.opener.basis. With nothing
 * specific to go on there is no draft, and the reason is given instead.
 */
#ifndef FB_SUGGEST_H
#define FB_SUGGEST_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "stream.h"

struct suggester;

struct suggester *suggester_new(void);
void suggester_free(struct suggester *g);
/* Reads a template file (suggest.templates format); -1 with a message. */
int suggester_templates(struct suggester *g, const char *text, size_t len,
    const char *origin, struct buf *err);
/* Checks the templates (known kinds, languages and slots); -1 with a message. */
int suggester_ready(struct suggester *g, struct buf *err);
void suggester_set_seed(struct suggester *g, unsigned long seed);
/* The client (--client @name|id): what a follower said to it is answered first. */
void suggester_add_client(struct suggester *g, const char *id_or_name);
/* Drafts from their bio and posts alone too (--cold): a link, advice, a story, their job. */
void suggester_set_cold(struct suggester *g);
/* Today (--now): a question to the client 60 days old is dated; thanks 30 days old need no reply. */
void suggester_set_now(struct suggester *g, time_t now);
/*
 * The language of every draft, instead of the record's own: "en", "es",
 * "pt" (Portuguese, Portugal's or Brazil's as the record writes it),
 * "pt-PT" or "pt-BR". 0 for another name.
 */
int suggester_set_lang(struct suggester *g, const char *lang);

/*
 * Drafts an opener for rec into json (the fb.opener value). Returns 1 with
 * a draft or a reason, 0 when the record gets none (not engage or maybe),
 * -1 after rejecting the record on st.
 */
int suggester_draft(struct suggester *g, struct stream *st, const struct record *rec,
    int all, struct buf *json);

/* The facts the last draft rested on, as a JSON object (for an LLM). */
const char *suggester_facts(const struct suggester *g);
/* Whether text was not written before in this run (and remember it). */
int suggester_new_text(struct suggester *g, const char *text);
/* The text of the last draft, or NULL. */
const char *suggester_text(const struct suggester *g);
/*
 * Appends "kind  text" (or the reason there is none) of an opener, for a
 * table whose row has indent columns before the kind: the text wraps into
 * lines of the terminal's columns, each further one indented under it.
 */
void suggester_row(struct buf *out, const char *opener, size_t indent, size_t columns);

#endif
