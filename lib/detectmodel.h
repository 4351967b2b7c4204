/*
 * detectmodel.h: fb-detect's linear model, a logistic regression over the
 * n-grams of lib/ngrams.h, trained by tools/train-detect.py (LIBLINEAR)
 * and shipped as share/detect.model:
 *
 *     # comments
 *     bias -2.1034
 *     threshold 0.62          probability at which a field is flagged
 *     rules_alone 6           the rules' points at which they flag a record whatever
 *                             the model says (0, or no such line: the model decides)
 *     scale sqrt              each n-gram counts 1/sqrt(n-grams of the text); or "none"
 *     w 3.2110 follow back    a word n-gram and its weight
 *     c 1.0042 _f4f_          a character n-gram ("_" for a space)
 *     x -0.8210 dni           a word of a field that a rule hit (NGRAM_RULED)
 *     r 2.5310 EN_I_FOLLOW_BACK  a rule of fb-detect that hit the field
 *     f -0.4120 username      the field's last key
 *
 * A field's probability is 1/(1+exp(-(bias + s * (the weights of its
 * n-grams, up to MODEL_OCCURRENCES times each, plus those of the rules
 * that hit it, once each, plus its key's, plus, when a rule hit it, those
 * of its words as x))))), where s is the scale. So the model weighs the
 * rules' hits too, and learns where a rule over-fires and what words
 * around a hit undo it.
 */
#ifndef FB_DETECTMODEL_H
#define FB_DETECTMODEL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "ngrams.h"

/*
 * An n-gram of the model: 16 bytes, its weight in its slot (below). At
 * 167,000 n-grams, each byte more is 167 KB more of fb-detect's memory.
 */
struct model_ngram {
	uint64_t hash;
	uint32_t text;		/* where texts (below) holds it as written in the file */
};

/* A rule or a field key and its weight. */
struct model_name {
	char *name;
	double weight;
};

struct detect_model {
	double bias, threshold;
	double rules_alone;	/* 0: the model always decides */
	int scale_sqrt;
	struct model_name *rules, *keys;
	size_t nrules, rules_cap, nkeys, keys_cap;
	struct model_ngram *v;
	size_t n, cap;
	double *parsed;		/* the weights of v[n0..n) while a text is parsed */
	/*
	 * The n-grams' texts, each ended by a NUL, in one buffer rather than
	 * a copy each: that was two allocations a line, 140,000 at start-up.
	 */
	struct buf texts;
	/*
	 * Open addressing on hash. A slot holds all that scoring a text
	 * reads and writes for its n-gram, so that each n-gram found costs
	 * one cache line: in three arrays, the misses took half the time.
	 */
	struct model_slot {
		uint64_t hash;
		double weight;
		uint32_t index;	/* into v, plus 1; 0 when empty */
		/* The text it was last seen in (text below) plus how
		 * often it occurred there, 0 to 3, in the low 2 bits. */
		uint32_t seen;
	} *slots;
	uint32_t text;		/* the text being scored, times 4 */
	uint64_t *batch;	/* its n-grams that pass the filter */
	size_t nbatch, batch_cap;
	size_t nslots;
	/*
	 * Its rules, keys, n-grams, texts and slots are a compiled-in
	 * image's (tools/model-image.c, the built-in model), not the heap's:
	 * detect_model_free leaves them, and detect_model_parse cannot add
	 * to them.
	 */
	int image;
	/* Bit (hash >> 44) set for each n-gram: most misses stop here. 2^20
	 * bits keep it sparse for a model of 100,000 n-grams, in 128 KiB. */
	uint64_t filter[1 << 14];
};

/* What a text gave: its probability, and its n-grams of the model. */
struct model_score {
	double sum;		/* weights of the n-grams found and the extra, before scaling */
	size_t count;		/* every n-gram of the text, found or not */
	double prob;
};

void detect_model_init(struct detect_model *m);
/* Frees what the model allocated; of an image, only what scoring did. */
void detect_model_free(struct detect_model *m);
/* The weight of n-gram i of the model. */
double detect_model_weight(const struct detect_model *m, size_t i);
/* N-gram i of the model as written in its file; a word beside a rule's hit in brackets ("[dni]"). */
static inline const char *
detect_model_text(const struct detect_model *m, size_t i)
{
	return m->texts.p + m->v[i].text;
}

/* Reads a model file's text into a model of detect_model_init (or one
 * parsed before: its n-grams are added to); -1 with "origin:LINE: what" in err. */
int detect_model_parse(struct detect_model *m, const char *text, size_t len,
    const char *origin, struct buf *err);
/* The index of the n-gram with this hash, or -1. */
long detect_model_find(const struct detect_model *m, uint64_t hash);
/* The weight of the rule (or field key) of this name; 0 when absent, and *known = 0. */
double detect_model_rule(const struct detect_model *m, const char *name, int *known);
double detect_model_key(const struct detect_model *m, const char *key);
/*
 * How often each of a model's n-grams occurred in a text: it counts up to
 * MODEL_OCCURRENCES times (tools/train-detect.py's OCCURRENCES). Counted
 * every time, a word repeated three thousand times ("ababab...")
 * outweighed the "please follow back" beside it; counted once, the model
 * found fewer demands.
 */
#define MODEL_OCCURRENCES 3	/* at most 3: a slot counts in 2 bits */

/* Scores the line of words in g (ngrams_line already run), with extra: the
 * weights of the field's rules and key; ruled when a rule hit the field, so
 * that its words count as NGRAM_RULED too (they do not count in sc->count). */
void detect_model_score(struct detect_model *m, const struct ngrams *g, double extra, int ruled,
    struct model_score *sc);
/* How much one n-gram adds to the logit of a text of this score. */
double detect_model_unit(const struct detect_model *m, const struct model_score *sc);

#endif
