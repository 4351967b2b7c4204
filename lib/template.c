#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "quote.h"
#include "template.h"
#include "util.h"

#define MAX_DRAFT 280		/* characters: a post's length */
#define OPENING_WORDS 4		/* two drafts that open with the same four words read alike */
#define STALE 1000		/* the weight of a repeated opening or closing over a used template */

const char *const opener_kind_names[NOPENER_KINDS] = {
	"compliment", "share", "question", "response", "followup", "reaction", "answer", "offer",
	"thanks", "reply"
};
const char *const lang_names[NLANGS] = {"en", "es", "pt", "pt-PT"};
const char *const slot_names[NSLOTS] = {
	"hi", "name", "role", "a_role", "org", "achievement", "excerpt", "topic", "domain"
};

/* The greetings of {hi}, which take turns through a run. */
static const char *const greetings[NLANGS][3] = {
	{"Hi", "Hey", "Hello"}, {"Hola", "Buenas", NULL}, {"Oi", "Ol\xc3\xa1", NULL},
	{"Ol\xc3\xa1", "Viva", NULL}
};
/*
 * A brand is greeted as a team: "Hi North Loop Bakery team, ". The
 * second %s is what joins the name: in Spanish "de", or "del" and "de la"
 * before a common noun ("equipo del Coro Popular de Vallecas"); in
 * Portugal's Portuguese "da" or "do" ("equipa da Padaria Ribeira",
 * "equipa do Café Central").
 */
static const char *const team_greeting[NLANGS] = {
	"%s %s%s team, ", "%s equipo %s%s, ", "%s equipe %s%s, ", "%s equipa %s%s, "
};

/* Seeds that keep the keys of texts, openings and closings apart in one set. */
enum { KEY_TEXT = 1, KEY_OPENING, KEY_CLOSING };

struct template {
	enum opener_kind kind;
	int lang;
	char *text;
	char *origin;
	int file;		/* the number of the file it came from: 0 is the defaults */
	unsigned long uses;	/* drafts written with it in this run */
};

/* Hashes of what the run has written: open addressing, 0 is empty. */
struct hashset {
	unsigned long long *v;
	size_t n, cap;
};

struct templates {
	struct template *t;
	size_t nt;
	int files;		/* template files read so far */
	unsigned long seed;
	unsigned long greeted[NLANGS];	/* drafts written in each language */
	struct hashset written;
	struct buf candidate, key;
};

struct templates *
templates_new(void)
{
	return xcalloc(1, sizeof(struct templates));
}

void
templates_free(struct templates *ts)
{
	size_t i;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->nt; i++) {
		free(ts->t[i].text);
		free(ts->t[i].origin);
	}
	free(ts->t);
	free(ts->written.v);
	buf_free(&ts->candidate);
	buf_free(&ts->key);
	free(ts);
}

void
templates_set_seed(struct templates *ts, unsigned long seed)
{
	ts->seed = seed;
}

int
lang_index(const char *s)
{
	int i;

	for (i = 0; i < NLANGS; i++)
		if (strcmp(s, lang_names[i]) == 0)
			return i;
	return -1;
}

/* --- reading ----------------------------------------------------------------------- */

static int
template_line(void *arg, struct conf_line *l, struct buf *err)
{
	struct templates *ts = arg;
	struct template *t;
	struct buf text = {0};
	char where[512];
	int k, lang;

	for (k = 0; k < NOPENER_KINDS && strcmp(l->keyword, opener_kind_names[k]) != 0; k++)
		;
	if (k == NOPENER_KINDS)
		return conf_error(err, l, "unknown kind (expected question, response, followup, "
		    "reaction, compliment or share)");
	if (k >= NTEMPLATE_KINDS)
		return conf_error(err, l, "no template answers what someone said to the client "
		    "(answer, offer, thanks, reply): only the client can, so fb-suggest says what "
		    "to answer instead of drafting it");
	if ((lang = lang_index(l->name)) < 0)
		return conf_error(err, l, "unknown language (expected en, es, pt or pt-PT)");
	if (*l->rest == '\0')
		return conf_error(err, l, "a template without text");
	ts->t = xrealloc(ts->t, (ts->nt + 1) * sizeof *ts->t);
	t = &ts->t[ts->nt++];
	t->kind = (enum opener_kind)k;
	t->lang = lang;
	/* A template file is text too: nothing in it reaches a draft as a control. */
	quote_clean(&text, l->rest, strlen(l->rest));
	t->text = xstrdup(text.p);
	buf_free(&text);
	t->file = ts->files;
	t->uses = 0;
	snprintf(where, sizeof where, "%s:%u", l->origin, l->line);
	t->origin = xstrdup(where);
	return 0;
}

int
templates_read(struct templates *ts, const char *text, size_t len, const char *origin,
    struct buf *err)
{
	int rc = conf_parse(text, len, origin, template_line, ts, err);

	ts->files++;
	return rc;
}

/*
 * A later file overrides: its templates of a kind and language replace
 * those of earlier files (the defaults first); other kinds keep theirs.
 */
static void
override_templates(struct templates *ts)
{
	size_t i, j, w = 0;

	for (i = 0; i < ts->nt; i++) {
		int replaced = 0;

		for (j = 0; j < ts->nt && !replaced; j++)
			replaced = ts->t[j].file > ts->t[i].file && ts->t[j].kind == ts->t[i].kind &&
			    ts->t[j].lang == ts->t[i].lang;
		if (replaced) {
			free(ts->t[i].text);
			free(ts->t[i].origin);
			continue;
		}
		ts->t[w++] = ts->t[i];
	}
	ts->nt = w;
}

/* The slot named by the braces at p ({hi}, {role}, ...), or NSLOTS; *end past the '}'. */
static int
slot_at(const char *p, const char **end)
{
	const char *e = strchr(p, '}');
	int s;

	for (s = 0; e && s < NSLOTS; s++)
		if ((size_t)(e - p - 1) == strlen(slot_names[s]) &&
		    strncmp(p + 1, slot_names[s], (size_t)(e - p - 1)) == 0)
			break;
	*end = e ? e + 1 : p + strlen(p);
	return e ? s : NSLOTS;
}

int
templates_ready(struct templates *ts, struct buf *err)
{
	size_t i;

	override_templates(ts);
	for (i = 0; i < ts->nt; i++) {
		const char *p = ts->t[i].text, *end;

		while ((p = strchr(p, '{')) != NULL) {
			if (slot_at(p, &end) == NSLOTS) {
				buf_printf(err, "%s: unknown slot in \"%s\" (slots: {hi} {name} {role} "
				    "{a_role} {org} {achievement} {excerpt} {topic} {domain})",
				    ts->t[i].origin, ts->t[i].text);
				return -1;
			}
			p = end;
		}
	}
	if (ts->nt == 0) {
		buf_adds(err, "no templates");
		return -1;
	}
	return 0;
}

/* --- filling ----------------------------------------------------------------------- */

static int
starts_with_vowel_sound(const char *w)
{
	static const char *const a_words[] = {"uni", "use", "usu", "eu", "one", "ux", "ui", "user", NULL};
	static const char *const an_words[] = {"hour", "honest", "heir", "mba", "seo", "sem", "mvp", NULL};
	char low[8];
	size_t i;

	for (i = 0; i < sizeof low - 1 && w[i]; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	low[i] = '\0';
	for (i = 0; an_words[i]; i++)
		if (strncmp(low, an_words[i], strlen(an_words[i])) == 0)
			return 1;
	for (i = 0; a_words[i]; i++)
		if (strncmp(low, a_words[i], strlen(a_words[i])) == 0)
			return 0;
	return strchr("aeiou", low[0]) != NULL && low[0];
}

/* Whether the first word of name ends in one of endings (any case). */
static int
first_word_ends_in(const char *name, const char *const *endings)
{
	size_t n = strcspn(name, " "), i;

	for (i = 0; endings[i]; i++) {
		size_t e = strlen(endings[i]);

		if (n >= e && strncasecmp(name + n - e, endings[i], e) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether a Portuguese name takes "da": its first word is a feminine noun
 * ("Padaria", "Oficina", "Casa", "Livraria", "Associação"), which ends in
 * -a, -ão of -ção/-são, -dade or -agem.
 */
static int
feminine_name(const char *name)
{
	static const char *const endings[] = {"a", "\xc3\xa7\xc3\xa3o", "s\xc3\xa3o", "dade", "agem", NULL};

	return first_word_ends_in(name, endings);
}

/*
 * "de", "del " or "de la " before a Spanish name: an article when its
 * first word is a common noun ("Coro Popular ...", "Asociación Vecinal
 * ..."), feminine for -a, -dad and -ción.
 */
static const char *
spanish_team_of(const char *name)
{
	static const char *const nouns[] = {
		"academia", "agrupacion", "agrupación", "asociacion", "asociación", "banda", "biblioteca",
		"casa", "centro", "club", "colectivo", "comunidad", "cooperativa", "coro", "escuela",
		"estudio", "federacion", "federación", "fundacion", "fundación", "grupo", "huerta",
		"huerto", "libreria", "librería", "liga", "museo", "orquesta", "panaderia", "panadería",
		"pasteleria", "pastelería", "sociedad", "taller", "taqueria", "taquería", "tienda", NULL
	};
	static const char *const feminine_endings[] = {
		"a", "dad", "cion", "ci\xc3\xb3n", "si\xc3\xb3n", NULL
	};

	if (!in_word_list(nouns, name, strcspn(name, " ")))
		return "de ";
	return first_word_ends_in(name, feminine_endings) ? "de la " : "del ";
}

/* Whether a name says it is a team already ("Sur Running Team"): no "team" is added. */
static int
names_a_team(const char *name)
{
	static const char *const team_words[] = {
		"team", "equipo", "equipa", "equipe", "crew", "squad", NULL
	};
	const char *w = name;

	while (*w) {
		size_t n = strcspn(w, " ");

		if (in_word_list(team_words, w, n))
			return 1;
		w += n;
		w += strspn(w, " ");
	}
	return 0;
}

/* "Hi Mara, ", "Hey North Loop Bakery team, ", "Hello, ": this run's turn of greeting. */
static void
greet(const struct templates *ts, int lang, const struct addressee *who, struct buf *out)
{
	size_t n = 0;
	const char *hi;

	while (n < 3 && greetings[lang][n])
		n++;
	hi = greetings[lang][ts->greeted[lang] % n];
	if (who->kind == ADDRESSEE_BRAND && names_a_team(who->name.p))
		buf_printf(out, "%s %s, ", hi, who->name.p);
	else if (who->kind == ADDRESSEE_BRAND)
		buf_printf(out, team_greeting[lang], hi, lang == LANG_ES ? spanish_team_of(who->name.p) :
		    lang != LANG_PT_PT ? "" : feminine_name(who->name.p) ? "da " : "do ", who->name.p);
	else if (who->kind == ADDRESSEE_PERSON)
		buf_printf(out, "%s %s, ", hi, who->name.p);
	else
		buf_printf(out, "%s, ", hi);
}

/* Fills template t with the slots into out; 0 when a slot it needs is unknown. */
static int
fill(const struct templates *ts, const struct template *t, const struct addressee *who,
    const struct buf slot[NSLOTS], struct buf *out)
{
	const char *p = t->text, *end;

	buf_reset(out);
	while (*p) {
		int s;

		if (*p != '{' || (s = slot_at(p, &end)) == NSLOTS) {
			buf_addc(out, *p++);
			continue;
		}
		if (s == SLOT_HI) {
			greet(ts, t->lang, who, out);
		} else if (s == SLOT_NAME) {
			if (who->kind != ADDRESSEE_PERSON)
				return 0;
			buf_add(out, who->name.p, who->name.len);
		} else if (s == SLOT_A_ROLE) {
			if (slot[SLOT_ROLE].len == 0)
				return 0;
			buf_adds(out, starts_with_vowel_sound(slot[SLOT_ROLE].p) ? "an " : "a ");
			buf_add(out, slot[SLOT_ROLE].p, slot[SLOT_ROLE].len);
		} else {
			if (slot[s].len == 0)
				return 0;
			buf_add(out, slot[s].p, slot[s].len);
		}
		p = end;
	}
	return 1;
}

/* No doubled spaces or words, no space before punctuation, a capital to start. */
static void
tidy(struct buf *b)
{
	struct buf o = {0};
	size_t i;

	for (i = 0; i < b->len; i++) {
		char c = b->p[i];

		if (c == ' ' && (o.len == 0 || o.p[o.len - 1] == ' '))
			continue;
		if (strchr(",.!?;:", c) && o.len && o.p[o.len - 1] == ' ')
			o.len--;
		buf_addc(&o, c);
		/* "the the": drop the second of two equal words */
		if (c == ' ' && o.len > 2) {
			size_t e = o.len - 1, s2 = e, s1;

			while (s2 > 0 && o.p[s2 - 1] != ' ')
				s2--;
			if (s2 == 0)
				continue;
			s1 = s2 - 1;
			while (s1 > 0 && o.p[s1 - 1] != ' ')
				s1--;
			if (s2 - 1 - s1 == e - s2 && e > s2 &&
			    strncasecmp(o.p + s1, o.p + s2, e - s2) == 0 && isalpha((unsigned char)o.p[s2]))
				o.len = s2;
		}
	}
	while (o.len && o.p[o.len - 1] == ' ')
		o.len--;
	if (o.p) {
		o.p[o.len] = '\0';
		o.p[0] = (char)toupper((unsigned char)o.p[0]);
	}
	buf_reset(b);
	if (o.len)
		buf_add(b, o.p, o.len);
	buf_free(&o);
}

/* Quotes one word fewer, ending with an ellipsis; 0 when there is nothing left to cut. */
static int
shorten_quote(struct buf *q)
{
	char *sp;

	if (q->len < 20 || (sp = strrchr(q->p, ' ')) == NULL)
		return 0;
	q->len = (size_t)(sp - q->p);
	q->p[q->len] = '\0';
	quote_drop_dangling(q);
	buf_adds(q, "\xe2\x80\xa6");
	return 1;
}

/* The draft of template t, tidied, within 280 characters; 0 when it cannot be. */
static int
compose(const struct templates *ts, const struct template *t, const struct addressee *who,
    struct buf slot[NSLOTS], struct buf *out)
{
	while (fill(ts, t, who, slot, out)) {
		tidy(out);
		if (utf8_chars(out->p, out->len) <= MAX_DRAFT && !strchr(out->p, '{'))
			return 1;
		if (!shorten_quote(&slot[SLOT_EXCERPT]))
			return 0;
	}
	return 0;
}

/* --- what the run has written --------------------------------------------------------- */

static unsigned long long
key_hash(int seed, const char *s, size_t len)
{
	unsigned long long h = 14695981039346656037ULL ^ (unsigned long long)seed;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h | 1;
}

static void
hashset_grow(struct hashset *set)
{
	unsigned long long *old = set->v;
	size_t oldcap = set->cap, i, j;

	set->cap = set->cap ? 2 * set->cap : 1024;
	set->v = xcalloc(set->cap, sizeof *set->v);
	for (i = 0; i < oldcap; i++)
		if (old[i]) {
			for (j = old[i] & (set->cap - 1); set->v[j]; j = (j + 1) & (set->cap - 1))
				;
			set->v[j] = old[i];
		}
	free(old);
}

/* Whether h is in the set; with add, it is afterwards. */
static int
hashset_has(struct hashset *set, unsigned long long h, int add)
{
	size_t i;

	if (add && 2 * (set->n + 1) > set->cap)
		hashset_grow(set);
	if (set->cap == 0)
		return 0;
	for (i = h & (set->cap - 1); set->v[i]; i = (i + 1) & (set->cap - 1))
		if (set->v[i] == h)
			return 1;
	if (add) {
		set->v[i] = h;
		set->n++;
	}
	return 0;
}

/* A word of a key: lower case, without punctuation ("¿", "¡", quotes included). */
static void
key_word(struct buf *key, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c == 0xC2 && i + 1 < len && ((unsigned char)w[i + 1] == 0xBF ||
		    (unsigned char)w[i + 1] == 0xA1)) {
			i++;
			continue;
		}
		if (c < 0x80 && !isalnum(c) && c != '\'')
			continue;
		buf_addc(key, (char)tolower(c));
	}
}

/* The first OPENING_WORDS words of s, as a key. */
static void
opening_key(struct buf *key, const char *s)
{
	int words = 0;

	buf_reset(key);
	while (*s && words < OPENING_WORDS) {
		size_t n = strcspn(s, " ");

		if (n) {
			key_word(key, s, n);
			buf_addc(key, ' ');
			words++;
		}
		s += n + (s[n] == ' ');
	}
}

/* The question a draft ends with (its last sentence, from body on), as a key; empty for none. */
static void
closing_key(struct buf *key, const char *s, const char *body)
{
	size_t len = strlen(s), i;
	const char *q = body;

	buf_reset(key);
	if (len == 0 || s[len - 1] != '?')
		return;
	for (i = (size_t)(body - s); i + 2 < len; i++)
		if (strchr(".!?:", s[i]) && s[i + 1] == ' ')
			q = s + i + 2;
		else if (strchr(".!?", s[i]) && s[i + 1] == '"' && s[i + 2] == ' ')
			q = s + i + 3;
	key_word(key, q, len - (size_t)(q - s));
}

/* Where the words of a draft start, past its greeting. */
static const char *
body_of(const struct template *t, const char *text)
{
	const char *comma = strstr(text, ", ");

	return strncmp(t->text, "{hi}", 4) == 0 && comma ? comma + 2 : text;
}

/* How much a draft would read like one already written: repeated opening or closing, then uses. */
static unsigned long
staleness(struct templates *ts, const struct template *t, const char *text)
{
	const char *body = body_of(t, text);
	unsigned long stale = 0;

	opening_key(&ts->key, text);
	stale += hashset_has(&ts->written, key_hash(KEY_OPENING, ts->key.p, ts->key.len), 0);
	opening_key(&ts->key, body);
	stale += hashset_has(&ts->written, key_hash(KEY_OPENING, ts->key.p, ts->key.len), 0);
	closing_key(&ts->key, text, body);
	if (ts->key.len)
		stale += hashset_has(&ts->written, key_hash(KEY_CLOSING, ts->key.p, ts->key.len), 0);
	return stale * STALE + (t->uses < STALE ? t->uses : STALE - 1);
}

static void
remember(struct templates *ts, struct template *t, const char *text)
{
	const char *body = body_of(t, text);

	hashset_has(&ts->written, key_hash(KEY_TEXT, text, strlen(text)), 1);
	opening_key(&ts->key, text);
	hashset_has(&ts->written, key_hash(KEY_OPENING, ts->key.p, ts->key.len), 1);
	opening_key(&ts->key, body);
	hashset_has(&ts->written, key_hash(KEY_OPENING, ts->key.p, ts->key.len), 1);
	closing_key(&ts->key, text, body);
	if (ts->key.len)
		hashset_has(&ts->written, key_hash(KEY_CLOSING, ts->key.p, ts->key.len), 1);
	t->uses++;
	ts->greeted[t->lang]++;
}

int
templates_new_text(struct templates *ts, const char *text)
{
	return !hashset_has(&ts->written, key_hash(KEY_TEXT, text, strlen(text)), 1);
}

static unsigned long
hash(const char *s, unsigned long h)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211UL;
	return h;
}

/* The i-th template of kind k in lang. */
static struct template *
nth_template(struct templates *ts, enum opener_kind k, int lang, size_t i)
{
	size_t j;

	for (j = 0; j < ts->nt; j++)
		if (ts->t[j].kind == k && ts->t[j].lang == lang && i-- == 0)
			return &ts->t[j];
	return NULL;
}

int
templates_write(struct templates *ts, enum opener_kind k, int lang,
    const struct addressee *who, struct buf slot[NSLOTS], const char *basis, struct buf *out)
{
	struct template *best = NULL;
	unsigned long best_score = 0, h;
	size_t n = 0, i, tries;

	for (i = 0; i < ts->nt; i++)
		n += ts->t[i].kind == k && ts->t[i].lang == lang;
	if (n == 0 && lang == LANG_PT_PT)
		return templates_write(ts, k, LANG_PT, who, slot, basis, out);
	if (n == 0)
		return 0;
	/* The search starts where the person and --seed say: fresh templates still vary. */
	h = hash(basis, hash(who->name.p, 14695981039346656037UL ^ ts->seed));
	for (tries = 0; tries < n; tries++) {
		struct template *t = nth_template(ts, k, lang, (h + tries) % n);
		unsigned long score;

		if (!compose(ts, t, who, slot, &ts->candidate) ||
		    hashset_has(&ts->written, key_hash(KEY_TEXT, ts->candidate.p, ts->candidate.len), 0))
			continue;
		score = staleness(ts, t, ts->candidate.p);
		if (best == NULL || score < best_score) {
			best = t;
			best_score = score;
			buf_reset(out);
			buf_add(out, ts->candidate.p, ts->candidate.len);
		}
		if (score < STALE)
			break;
	}
	if (best == NULL)
		return 0;
	remember(ts, best, out->p);
	return 1;
}
