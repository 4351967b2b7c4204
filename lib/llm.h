/*
 * llm.h: an optional polish of the drafts by a language model.
 *
 * Any OpenAI-compatible chat-completions endpoint will do (a local
 * llama.cpp or Ollama server, or a hosted one with LLM_API_KEY). Only the
 * facts a draft rests on and the draft itself are sent, never the record.
 * Whatever goes wrong (no answer in time, an error, an answer too long or
 * with a placeholder left in it), the deterministic draft stays.
 */
#ifndef FB_LLM_H
#define FB_LLM_H

#include "buf.h"

struct llm_opts {
	const char *url;	/* the endpoint: https, or http on loopback */
	const char *model;
	double timeout;		/* seconds */
};

struct llm;

/* NULL with a message when the URL cannot be used. */
struct llm *llm_new(const struct llm_opts *o, struct buf *err);
void llm_free(struct llm *l);
/*
 * The polished draft in out: 0; -1 when no usable answer came (no
 * connection, no answer in time, an error status, not a chat completion);
 * -2 when the answer is not a message we would send (too long, a
 * placeholder, a link or a name the facts do not hold, a lure for a login
 * or money, nothing of the facts in it). llm_why says which.
 */
int llm_polish(struct llm *l, const char *facts, const char *draft, struct buf *out);
const char *llm_why(const struct llm *l);
/* Rewrites the opener JSON: "text" becomes the polished text, "draft" keeps the old one. */
void llm_merge(struct buf *opener, const char *polished);

#endif
