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
/* The polished draft in out: 0, or -1 when the draft should stay as it is. */
int llm_polish(struct llm *l, const char *facts, const char *draft, struct buf *out);
/* Rewrites the opener JSON: "text" becomes the polished text, "draft" keeps the old one. */
void llm_merge(struct buf *opener, const char *polished);

#endif
