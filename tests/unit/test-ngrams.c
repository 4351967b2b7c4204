/* Unit tests for lib/ngrams.c and lib/detectmodel.c: the features of fb-detect's model. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "detectmodel.h"
#include "ngrams.h"
#include "tap.h"
#include "textnorm.h"

static struct textnorm norm;
static struct ngrams g;

struct listing {
	struct buf out;
	size_t n;
	int hashes_ok;
};

static void
list_ngram(void *arg, uint64_t hash, enum ngram_kind kind, size_t b0, size_t b1)
{
	struct listing *l = arg;

	if (l->n++ > 0)
		buf_addc(&l->out, '|');
	buf_addc(&l->out, (char)kind);
	buf_addc(&l->out, ':');
	ngram_write(&l->out, kind, g.line.p + b0, b1 - b0);
	if (ngram_hash(kind, g.line.p + b0, b1 - b0) != hash)
		l->hashes_ok = 0;
}

/* The n-grams of a text, normalised first, as "kind:ngram|...". */
static char *
ngrams_of(const char *text, size_t *count)
{
	struct listing l = {{0}, 0, 1};

	textnorm_run(&norm, text, strlen(text));
	ngrams_line(&g, norm.out.p, norm.out.len);
	*count = ngrams_each(&g, list_ngram, &l);
	ok(l.hashes_ok, "each hash of \"%s\" is ngram_hash of its text", text);
	if (l.out.p == NULL)
		buf_adds(&l.out, "");
	return l.out.p;
}

/*
 * fb-detect's built-in model, the image tools/model-image.c made of
 * share/detect.model, is the model parsed from its text (m): the same
 * numbers, n-grams, table and filter, bit for bit, and the same scores.
 */
static void
same_as_image(struct detect_model *m, struct ngrams *g, struct textnorm *norm)
{
	extern struct detect_model default_detect_model;
	struct detect_model *img = &default_detect_model;
	static const char *const texts[] = {"i follow back 100% #f4f", "Entrepreneur | Dreamer",
	    "フォロバ100%です", "sígueme y te sigo de vuelta"};
	struct model_score a, b;
	size_t i, names = 0, slots = 0, ngrams = 0, scores = 0;

	ok(img->image && img->bias == m->bias && img->threshold == m->threshold &&
	    img->rules_alone == m->rules_alone && img->scale_sqrt == m->scale_sqrt,
	    "the built-in model's image has the file's bias, threshold, rules_alone and scale");
	for (i = 0; i < m->nrules && img->nrules == m->nrules; i++)
		names += strcmp(img->rules[i].name, m->rules[i].name) == 0 &&
		    img->rules[i].weight == m->rules[i].weight;
	for (i = 0; i < m->nkeys && img->nkeys == m->nkeys; i++)
		names += strcmp(img->keys[i].name, m->keys[i].name) == 0 &&
		    img->keys[i].weight == m->keys[i].weight;
	ok(img->nrules == m->nrules && img->nkeys == m->nkeys && names == m->nrules + m->nkeys,
	    "the image's %zu rules and %zu keys are the file's", img->nrules, img->nkeys);
	for (i = 0; i < m->nslots && img->nslots == m->nslots; i++)
		slots += img->slots[i].hash == m->slots[i].hash && img->slots[i].weight == m->slots[i].weight &&
		    img->slots[i].index == m->slots[i].index;
	for (i = 0; i < m->n && img->n == m->n; i++)
		ngrams += img->v[i].hash == m->v[i].hash &&
		    strcmp(detect_model_text(img, i), detect_model_text(m, i)) == 0;
	ok(img->nslots == m->nslots && slots == m->nslots && img->n == m->n && ngrams == m->n &&
	    memcmp(img->filter, m->filter, sizeof m->filter) == 0,
	    "the image's %zu n-grams, their texts, table and filter are the parsed file's", img->n);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		textnorm_run(norm, texts[i], strlen(texts[i]));
		ngrams_line(g, norm->out.p, norm->out.len);
		detect_model_score(m, g, 0, 1, &a);
		detect_model_score(img, g, 0, 1, &b);
		scores += a.prob == b.prob && a.count == b.count;
	}
	ok(scores == i, "the image scores texts as the parsed file does (%zu of %zu)", scores, i);
}

/* A new model m of text, parsed: what detect_model_parse returns, its message in err. */
static int
model_of(struct detect_model *m, const char *text, const char *origin, struct buf *err)
{
	buf_reset(err);
	detect_model_init(m);
	return detect_model_parse(m, text, strlen(text), origin, err);
}

static void
line_is(const char *text, const char *want)
{
	textnorm_run(&norm, text, strlen(text));
	ngrams_line(&g, norm.out.p, norm.out.len);
	is_str(g.line.p, want, "line of words of \"%s\"", text);
}

static int
has(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p;

	for (p = list; (p = strstr(p, item)) != NULL; p += n)
		if ((p == list || p[-1] == '|') && (p[n] == '|' || p[n] == '\0'))
			return 1;
	return 0;
}

int
main(void)
{
	struct detect_model m;
	struct model_score sc;
	struct buf err = {0};
	char *list;
	size_t count, n0, n1;
	const char *model_text;
	int rc, known;

	textnorm_init(&norm);
	ngrams_init(&g);

	/* The line of words: normalised, punctuation and emoji to one space. */
	line_is("I FOLLOW BACK #f4f!!", " i follow back f4f ");
	line_is("𝐅𝐎𝐋𝐋𝐎𝐖 𝐁𝐀𝐂𝐊 💯🙏", " follow back ");
	line_is("F O L L O W  b a c k", " follow back ");
	line_is("ifollowback_ray", " ifollowback ray ");
	line_is("", " ");
	line_is("!!! 🙏", " ");
	line_is("相互フォロー希望", " 相互フォロー希望 ");
	line_is("Подпишись и я подпишусь", " подпишись и я подпишусь ");
	/* A handle is one word "@", whoever it names: names are not words. */
	line_is("@client please follow back", " @ please follow back ");
	line_is("@Ana_22 @bo@mastodon.social hi", " @ @ hi ");
	line_is("mail@home and @ alone", " mailahome and alone ");

	/* Every n-gram: characters 3 and 4 across words, then words 1 and 2. */
	list = ngrams_of("ab cd", &count);
	is_str(list, "c:_ab|c:_ab_|c:ab_|c:ab_c|c:b_c|c:b_cd|"
	    "c:_cd|c:_cd_|c:cd_|w:ab|w:ab cd|w:cd", "n-grams of \"ab cd\"");
	ok(count == 12, "ngrams_each counts them (%zu)", count);
	free(list);

	list = ngrams_of("I FOLLOW BACK!! #F4F", &count);
	ok(has(list, "w:follow back"), "\"follow back\" is a word bigram");
	ok(has(list, "w:f4f") && has(list, "c:_f4f"), "f4f is a word and a character n-gram");
	ok(has(list, "c:llow") && !has(list, "c:ollow"), "character n-grams stop at 4");
	ok(!has(list, "w:i follow back"), "word n-grams stop at 2");
	free(list);

	{
		struct listing l = {{0}, 0, 1};

		textnorm_run(&norm, "dni  F4F, 2014!", 15);
		ngrams_line(&g, norm.out.p, norm.out.len);
		count = ngrams_each_ruled(&g, list_ngram, &l);
		is_str(l.out.p, "x:dni|x:f4f|x:2014", "the ruled words of \"dni  F4F, 2014!\"");
		ok(count == 3 && l.hashes_ok, "ngrams_each_ruled counts them (%zu), hashed as ngram_hash says",
		    count);
		buf_free(&l.out);
		textnorm_run(&norm, "!!", 2);
		ngrams_line(&g, norm.out.p, norm.out.len);
		ok(ngrams_each_ruled(&g, list_ngram, &l) == 0, "a text of no words has no ruled words");
	}

	list = ngrams_of("", &count);
	ok(count == 0 && strcmp(list, "") == 0, "an empty text has no n-grams");
	free(list);
	list = ngrams_of("a", &count);
	ok(count == 2 && strcmp(list, "c:_a_|w:a") == 0, "one letter: \"_a_\" and \"a\" (%s)", list);
	free(list);

	/* Multibyte: n-grams count codepoints, not bytes. */
	list = ngrams_of("フォロバ", &count);
	ok(has(list, "c:_フォ") && has(list, "c:ォロバ_") && has(list, "w:フォロバ"),
	    "Japanese n-grams are whole characters");
	free(list);

	/* Disguises give the same n-grams as the plain text. */
	{
		char *a, *b;
		size_t ca, cb;

		a = ngrams_of("follow back", &ca);
		b = ngrams_of("f0ll0w back", &cb);
		is_str(b, a, "leetspeak gives the n-grams of the plain text");
		free(b);
		b = ngrams_of("ｆｏｌｌｏｗ　ｂａｃｋ", &cb);
		is_str(b, a, "full-width letters give the n-grams of the plain text");
		free(a);
		free(b);
	}

	/* Hashes tell kinds and texts apart. */
	ok(ngram_hash(NGRAM_WORD, "f4f", 3) != ngram_hash(NGRAM_CHAR, "f4f", 3),
	    "a word and a character n-gram of the same text hash apart");
	ok(ngram_hash(NGRAM_WORD, "follow back", 11) != ngram_hash(NGRAM_WORD, "follow bacj", 11),
	    "one byte changes the hash");

	/* Sources: line bytes map back to the normalised text, spaces trimmed. */
	textnorm_run(&norm, "hey, f4f!", 9);
	ngrams_line(&g, norm.out.p, norm.out.len);
	ngrams_source(&g, 4, 9, &n0, &n1);
	ok(n0 == 5 && n1 == 8, "\"_f4f_\" comes from bytes [5,8) of \"hey, f4f!\" (%zu,%zu)", n0, n1);
	ngrams_source(&g, 6, 8, &n0, &n1);
	ok(n0 == 5 && n1 == 8, "\"4f\" widens to its word, bytes [5,8) (%zu,%zu)", n0, n1);

	/* A model: parsed, looked up, scored as the header of detectmodel.h says. */
	model_text =
	    "# test\n"
	    "bias -2\n"
	    "threshold 0.6\n"
	    "scale none\n"
	    "w 1.5 follow back\n"
	    "c 0.25 _f4f\n"
	    "c -1 llow\n"
	    "r 0.5 EN_I_FOLLOW_BACK\n"
	    "f -0.25 username\n"
	    "x -3 f4f\n";
	rc = model_of(&m, model_text, "test", &err);
	ok(rc == 0, "a model parses (%s)", err.p ? err.p : "");
	ok(m.n == 4 && m.bias == -2 && m.threshold == 0.6 && !m.scale_sqrt, "bias, threshold, scale and 4 n-grams");
	ok(detect_model_find(&m, ngram_hash(NGRAM_CHAR, " f4f", 4)) == 1, "\"_f4f\" is found by the hash of \" f4f\"");
	ok(detect_model_find(&m, ngram_hash(NGRAM_WORD, "f4f", 3)) == -1, "a word \"f4f\" is not in it");
	textnorm_run(&norm, "FOLLOW BACK f4f f4f f4f f4f f4f", 31);
	ngrams_line(&g, norm.out.p, norm.out.len);
	detect_model_score(&m, &g, 0, 0, &sc);
	ok(fabs(sc.sum - (1.5 + 0.25 * MODEL_OCCURRENCES - 1)) < 1e-9,
	    "an n-gram counts each time it occurs, up to MODEL_OCCURRENCES: sum %g", sc.sum);
	ok(fabs(sc.prob - 1 / (1 + exp(-(-2 + 1.25)))) < 1e-9, "probability %g", sc.prob);
	ok(detect_model_rule(&m, "EN_I_FOLLOW_BACK", &known) == 0.5 && known,
	    "a rule's weight, and the rule is known");
	ok(detect_model_rule(&m, "EN_OTHER", &known) == 0 && !known, "a rule not in the model is unknown");
	ok(detect_model_key(&m, "username") == -0.25 && detect_model_key(&m, "text") == 0,
	    "a field key's weight, 0 when absent");
	detect_model_score(&m, &g, 0.5 - 0.25, 0, &sc);
	ok(fabs(sc.prob - 1 / (1 + exp(-(-2 + 1.5)))) < 1e-9,
	    "rules and key add to the log-odds, and the same text counts its n-grams again: %g", sc.prob);
	{
		size_t count = sc.count;

		detect_model_score(&m, &g, 0, 1, &sc);
		ok(fabs(sc.sum - (1.25 - 3 * MODEL_OCCURRENCES)) < 1e-9 && sc.count == count,
		    "where a rule hit, the word f4f counts as x too, up to MODEL_OCCURRENCES times, "
		    "and not in the count: sum %g", sc.sum);
	}
	ok(ngram_hash(NGRAM_RULED, "f4f", 3) != ngram_hash(NGRAM_WORD, "f4f", 3),
	    "a ruled word and a word hash apart");
	detect_model_free(&m);

	rc = model_of(&m, "bias 1\nw 1 a\nw 2 a\n", "dup", &err);
	ok(rc < 0 && strstr(err.p, "given twice"), "an n-gram given twice is an error: %s", err.p);
	detect_model_free(&m);
	rc = model_of(&m, "bias 1\nthreshold 2\n", "thr", &err);
	ok(rc < 0 && strstr(err.p, "thr:2:"), "a threshold outside (0,1) is an error naming its line: %s",
	    err.p);
	detect_model_free(&m);
	rc = model_of(&m, "r 1 A\nr 2 A\n", "rules", &err);
	ok(rc < 0 && strstr(err.p, "rules:2:"), "a rule given twice is an error naming its line: %s",
	    err.p);
	detect_model_free(&m);
	rc = model_of(&m, "w nope x\n", "bad", &err);
	ok(rc < 0, "a weight that is not a number is an error: %s", err.p);
	detect_model_free(&m);
	rc = model_of(&m, "bias 1\nrules_alone 6\n", "ra", &err);
	ok(rc == 0 && m.rules_alone == 6, "rules_alone is read (%g)", m.rules_alone);
	detect_model_free(&m);
	rc = model_of(&m, "bias 1\nrules_alone -1\n", "ra", &err);
	ok(rc < 0 && strstr(err.p, "ra:2: rules_alone"), "a negative rules_alone is an error naming its line: %s",
	    err.p);
	detect_model_free(&m);

	/* The shipped model parses. */
	{
		extern const char default_detect_model_text[];

		rc = model_of(&m, default_detect_model_text, "share/detect.model", &err);
		ok(rc == 0 && m.n > 100, "share/detect.model parses: %zu n-grams, threshold %g",
		    m.n, m.threshold);
		/* Every weight is the double strtod reads from its text, bit for bit: the
		 * n-grams are in the order of their lines. */
		{
			const char *line;
			size_t i = 0, same = 0;

			for (line = default_detect_model_text; line && *line;
			    line = strchr(line, '\n'), line = line ? line + 1 : NULL)
				if ((line[0] == 'c' || line[0] == 'w' || line[0] == 'x') && line[1] == ' ' && i < m.n)
					same += strtod(line + 2, NULL) == detect_model_weight(&m, i++);
			ok(i == m.n && same == m.n, "all %zu weights are strtod's, bit for bit (%zu)", m.n, same);
		}
		same_as_image(&m, &g, &norm);
		detect_model_free(&m);
	}
	{
		static const char *const numbers[] = {"0.5", "-1.36584", "4.70545", "0.0400001",
		    "-0.000123456", "123456789012345", "1.", "-0", "1e-05", "0.1234567890123456"};
		size_t i;

		for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
			char text[64];

			snprintf(text, sizeof text, "w %s x\n", numbers[i]);
			rc = model_of(&m, text, "num", &err);
			ok(rc == 0 && m.n == 1 && detect_model_weight(&m, 0) == strtod(numbers[i], NULL),
			    "weight %s reads as strtod reads it", numbers[i]);
			detect_model_free(&m);
		}
	}

	buf_free(&err);
	ngrams_free(&g);
	textnorm_free(&norm);
	return done_testing();
}
