#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

#include "conf.h"
#include "json.h"
#include "links.h"
#include "suggest.h"
#include "textnorm.h"
#include "util.h"

#define MAX_DRAFT 280	/* characters: a post's length */
#define EXCERPT_WORDS 12

enum kind { K_COMPLIMENT, K_SHARE, K_QUESTION, K_RESPONSE, NKINDS };
static const char *const kind_names[NKINDS] = {"compliment", "share", "question", "response"};
static const char *const langs[] = {"en", "es", "pt"};
enum { NLANGS = 3 };

enum slot { S_HI, S_NAME, S_ROLE, S_A_ROLE, S_ORG, S_ACHIEVEMENT, S_EXCERPT, S_TOPIC, S_DOMAIN, NSLOTS };
static const char *const slot_names[NSLOTS] = {
	"hi", "name", "role", "a_role", "org", "achievement", "excerpt", "topic", "domain"
};

struct template {
	enum kind kind;
	int lang;
	char *text;
	char *origin;
	int file;	/* the number of the file it came from: 0 is the defaults */
};

/* A fact: what the draft can rest on, where it comes from, and its slots. */
struct fact {
	int have;
	char field[64];		/* the basis: a path in the record */
	struct buf excerpt;	/* the basis: the words of the record it quotes */
	struct buf slot[NSLOTS];
};

struct suggester {
	struct template *t;
	size_t nt;
	int files;	/* template files read so far */
	unsigned long seed;
	int force_lang;		/* -1: the record's own */
	pcre2_code *re_role, *re_title, *re_achieve, *re_hobby;
	pcre2_match_data *md;
	struct textnorm norm;
	struct fact f[NKINDS];
	struct buf name, text, facts, tmp, bio, orig;
	int lang;
	int have_text;
	/* Hashes of the drafts written so far, so that none is written twice. */
	unsigned long long *seen;
	size_t nseen, seen_cap;
};

/*
 * What people say they do (Beller et al. 2014: "I am a ..."; job titles as
 * in Sloan et al. 2015), matched on normalised text.
 */
static const char role_pattern[] =
    "\\b(?:i'?m|i am|soy|sou)\\s+(?:a|an|un|una|um|uma)\\s+((?:[a-z][a-z\\-]*\\s+){0,2}?[a-z][a-z\\-]{2,30})"
    "(?=\\s*(?:[.,;!|/]|\\x{2022}|\\x{00b7}|$|\\s+(?:and|who|at|in|from|based|y|e|en|na|no|de)\\b))";
static const char title_pattern[] =
    "\\b((?:(?:senior|junior|lead|head|chief|freelance|independent|staff|principal|assistant|associate|"
    "executive|managing|creative|technical|wildlife|food|travel|wedding|product|ux|ui|data|software|"
    "marketing|content|social\\s+media|brand|pastry|sous|head)\\s+){0,2}"
    "(?:founder|co-?founder|ceo|cto|cfo|coo|director|manager|engineer|developer|designer|architect|"
    "researcher|scientist|professor|lecturer|teacher|journalist|reporter|editor|author|writer|"
    "copywriter|consultant|strategist|analyst|marketer|lawyer|attorney|doctor|physician|nurse|"
    "pharmacist|therapist|chef|baker|owner|farmer|accountant|economist|librarian|curator|producer|"
    "photographer|illustrator|translator|coach|organizer|organiser|planner|fundador[a]?|ingenier[oa]|"
    "disenador[a]?|periodista|jornalista|investigador[a]?|consultor[a]?|professor[a]?|fotograf[oa]|"
    "escritor[a]?|dueno|duena|dono|dona)(?:\\s+of\\s+[a-z][\\w&'\\-]*(?:\\s+(?!at\\b)[a-z][\\w&'\\-]*){0,2})?)\\b"
    "(?:\\s+(?:at|@|en|na|no)\\s+(@?[a-z0-9](?:[\\w&'\\-]|\\.(?=\\w))*(?:\\s+(?:&|[a-z0-9](?:[\\w&'\\-]|\\.(?=\\w))*)){0,3}))?"
    "(?=\\s*(?:[.,;!|/()]|\\x{2022}|\\x{00b7}|$|\\s+(?:and|who|in|from|based|y|e)\\b|\\s))";
static const char achieve_pattern[] =
    "\\b(?:(?:i|we|i've|we've|i have|we have)\\s+)?(?:just\\s+|finally\\s+|officially\\s+)?"
    "(launched|published|shipped|released|opened|finished|won|signed|completed|hit|passed|graduated|"
    "defended|announced)\\b"
    "|\\b(?:excited|thrilled|proud|happy)\\s+to\\s+(?:announce|share|say)(?:\\s+that)?"
    "|\\b(?:got\\s+)?promoted\\s+to\\b|\\b(?:got\\s+)?accepted\\s+(?:at|to|into)\\b"
    "|\\b(?:acabo|acabamos|acabei)\\s+de\\s+(?:lanzar|publicar|abrir|lancar|terminar)"
    "|\\b(?:ganamos|gane|ganhamos|ganhei|publique|publiquei|lance|lancei|lancamos)\\b";
/* Creative and hobby words say less about what a person does for a living. */
static const char hobby_pattern[] =
    "^(?:artist|dancer|writer|photographer|gamer|singer|runner|reader|foodie|traveller|traveler|"
    "musician|poet|dreamer|lover|fan|enthusiast|blogger|creator)$";

static pcre2_code *
compile_or_die(const char *p)
{
	int e;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &e, &off, NULL);

	if (c == NULL)
		die(EXIT_FAIL, "internal error: pattern at offset %zu", (size_t)off);
	(void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}

struct suggester *
suggester_new(void)
{
	struct suggester *g = xcalloc(1, sizeof *g);

	g->force_lang = -1;
	g->re_role = compile_or_die(role_pattern);
	g->re_title = compile_or_die(title_pattern);
	g->re_achieve = compile_or_die(achieve_pattern);
	g->re_hobby = compile_or_die(hobby_pattern);
	g->md = pcre2_match_data_create(16, NULL);
	textnorm_init(&g->norm);
	return g;
}

void
suggester_free(struct suggester *g)
{
	size_t i, k;

	if (g == NULL)
		return;
	for (i = 0; i < g->nt; i++) {
		free(g->t[i].text);
		free(g->t[i].origin);
	}
	free(g->t);
	for (i = 0; i < NKINDS; i++) {
		buf_free(&g->f[i].excerpt);
		for (k = 0; k < NSLOTS; k++)
			buf_free(&g->f[i].slot[k]);
	}
	pcre2_code_free(g->re_role);
	pcre2_code_free(g->re_title);
	pcre2_code_free(g->re_achieve);
	pcre2_code_free(g->re_hobby);
	pcre2_match_data_free(g->md);
	textnorm_free(&g->norm);
	buf_free(&g->name);
	buf_free(&g->text);
	buf_free(&g->facts);
	buf_free(&g->tmp);
	buf_free(&g->bio);
	buf_free(&g->orig);
	free(g->seen);
	free(g);
}

void
suggester_set_seed(struct suggester *g, unsigned long seed)
{
	g->seed = seed;
}

static int
lang_index(const char *s)
{
	int i;

	for (i = 0; i < NLANGS; i++)
		if (strcmp(s, langs[i]) == 0)
			return i;
	return -1;
}

void
suggester_set_lang(struct suggester *g, const char *lang)
{
	g->force_lang = lang_index(lang);
}

/* --- templates ------------------------------------------------------------------ */

static int
template_line(void *arg, struct conf_line *l, struct buf *err)
{
	struct suggester *g = arg;
	struct template *t;
	char where[512];
	int k, lang;

	for (k = 0; k < NKINDS && strcmp(l->keyword, kind_names[k]) != 0; k++)
		;
	if (k == NKINDS)
		return conf_error(err, l,
		    "unknown kind (expected question, response, compliment or share)");
	if ((lang = lang_index(l->name)) < 0)
		return conf_error(err, l, "unknown language (expected en, es or pt)");
	if (*l->rest == '\0')
		return conf_error(err, l, "a template without text");
	g->t = xrealloc(g->t, (g->nt + 1) * sizeof *g->t);
	t = &g->t[g->nt++];
	t->kind = (enum kind)k;
	t->lang = lang;
	t->text = xstrdup(l->rest);
	t->file = g->files;
	snprintf(where, sizeof where, "%s:%u", l->origin, l->line);
	t->origin = xstrdup(where);
	return 0;
}

int
suggester_templates(struct suggester *g, const char *text, size_t len,
    const char *origin, struct buf *err)
{
	int rc = conf_parse(text, len, origin, template_line, g, err);

	g->files++;
	return rc;
}

/*
 * A later file overrides: its templates of a kind and language replace
 * those of earlier files (the defaults first); other kinds keep theirs.
 */
static void
override_templates(struct suggester *g)
{
	size_t i, j, w = 0;

	for (i = 0; i < g->nt; i++) {
		int replaced = 0;

		for (j = 0; j < g->nt && !replaced; j++)
			replaced = g->t[j].file > g->t[i].file && g->t[j].kind == g->t[i].kind &&
			    g->t[j].lang == g->t[i].lang;
		if (replaced) {
			free(g->t[i].text);
			free(g->t[i].origin);
			continue;
		}
		g->t[w++] = g->t[i];
	}
	g->nt = w;
}

int
suggester_ready(struct suggester *g, struct buf *err)
{
	size_t i;

	override_templates(g);
	for (i = 0; i < g->nt; i++) {
		const char *p = g->t[i].text;

		while ((p = strchr(p, '{')) != NULL) {
			const char *e = strchr(p, '}');
			int s;

			for (s = 0; e && s < NSLOTS; s++)
				if ((size_t)(e - p - 1) == strlen(slot_names[s]) &&
				    strncmp(p + 1, slot_names[s], (size_t)(e - p - 1)) == 0)
					break;
			if (e == NULL || s == NSLOTS) {
				buf_printf(err, "%s: unknown slot in \"%s\" (slots: {hi} {name} {role} "
				    "{a_role} {org} {achievement} {excerpt} {topic} {domain})",
				    g->t[i].origin, g->t[i].text);
				return -1;
			}
			p = e + 1;
		}
	}
	if (g->nt == 0) {
		buf_adds(err, "no templates");
		return -1;
	}
	return 0;
}

/* --- facts ------------------------------------------------------------------------- */

/* Groups i of the last match of re on the normalised text, in the original text. */
static int
group(struct suggester *g, int i, const char *orig, struct buf *out)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(g->md);
	size_t c0, c1, o0, o1;

	if (ov[2 * i] == PCRE2_UNSET || ov[2 * i + 1] <= ov[2 * i])
		return 0;
	textnorm_span(&g->norm, ov[2 * i], ov[2 * i + 1], &c0, &c1);
	o0 = textnorm_cp_offset(&g->norm, c0);
	o1 = textnorm_cp_offset(&g->norm, c1);
	buf_reset(out);
	buf_add(out, orig + o0, o1 - o0);
	return 1;
}

static int
match(struct suggester *g, pcre2_code *re, const char *s, size_t len, size_t from)
{
	return pcre2_match(re, (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK, g->md, NULL) > 0;
}

/* Trims spaces and trailing punctuation a slot should not end with. */
static void
trim(struct buf *b)
{
	size_t a = 0;

	if (b->p == NULL)
		return;
	while (b->len > 0 && (strchr(" \t\n,;:-|/(\"'", b->p[b->len - 1]) || b->p[b->len - 1] == '.'))
		b->len--;
	while (a < b->len && strchr(" \t\n:;,-\"'", b->p[a]))
		a++;
	memmove(b->p, b->p + a, b->len - a);
	b->len -= a;
	b->p[b->len] = '\0';
}

/* A phrase cut short should not end on "and", "of" or "the". */
static void
drop_dangling(struct buf *b)
{
	static const char *const weak[] = {
		"and", "or", "of", "on", "the", "a", "an", "to", "for", "with", "in", "at", "by",
		"from", "as", "that", "de", "y", "e", "que", "la", "el", "o", "os", "um", "uma", NULL
	};
	int again = 1;

	while (again && b->len) {
		char *sp = strrchr(b->p, ' ');
		size_t i;

		again = 0;
		if (sp == NULL)
			return;
		for (i = 0; weak[i]; i++)
			if (strcasecmp(sp + 1, weak[i]) == 0) {
				b->len = (size_t)(sp - b->p);
				b->p[b->len] = '\0';
				trim(b);
				again = 1;
				break;
			}
	}
}

/*
 * Up to max words of s from at, stopping at the end of a sentence (or of a
 * clause, with comma set), a link, a tag, an emoji or a line. Returns
 * whether it stopped for lack of room.
 */
static int
words_from(struct buf *out, const char *s, size_t at, size_t len, int max, int comma)
{
	size_t i = at;
	int words = 0, in_word = 0, cut = 0;

	buf_reset(out);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int in_number = i > at && i + 1 < len && isdigit((unsigned char)s[i - 1]) &&
		    isdigit((unsigned char)s[i + 1]);

		if (c == '\n' || (c == '.' && !in_number) || c == '!' || c == '?' || c == '|' ||
		    (comma && c == ',' && !in_number) ||
		    c >= 0xF0 || (c == 0xE2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x98 &&
		    (unsigned char)s[i + 1] <= 0x9F) ||
		    (c == ' ' && i + 1 < len && (s[i + 1] == '#' || strncmp(s + i + 1, "http", 4) == 0)))
			break;
		if (isspace(c)) {
			in_word = 0;
		} else if (!in_word) {
			/* A link is not words to quote. */
			if (strncmp(s + i, "http://", 7) == 0 || strncmp(s + i, "https://", 8) == 0) {
				while (i < len && !isspace((unsigned char)s[i]))
					i++;
				continue;
			}
			in_word = 1;
			/* Punctuation alone is no word. */
			if ((isalnum(c) || c >= 0x80) && ++words > max) {
				cut = 1;
				break;
			}
		}
		buf_addc(out, (char)c);
		i++;
	}
	trim(out);
	if (cut)
		drop_dangling(out);
	return cut;
}

/* The words quoted in a draft; cut short, they end with an ellipsis (the basis stays exact). */
static void
set_quote(struct fact *f, int cut)
{
	buf_reset(&f->slot[S_EXCERPT]);
	buf_add(&f->slot[S_EXCERPT], f->excerpt.p ? f->excerpt.p : "", f->excerpt.len);
	if (cut && f->excerpt.len)
		buf_adds(&f->slot[S_EXCERPT], "\xe2\x80\xa6");
}

static void
set_slot(struct fact *f, enum slot s, const char *text, size_t len)
{
	buf_reset(&f->slot[s]);
	buf_add(&f->slot[s], text, len);
	trim(&f->slot[s]);
}

static int
is_hobby(struct suggester *g, const struct buf *role)
{
	const char *last = strrchr(role->p, ' ');

	textnorm_run(&g->norm, last ? last + 1 : role->p, strlen(last ? last + 1 : role->p));
	return match(g, g->re_hobby, g->norm.out.p, g->norm.out.len, 0);
}

/*
 * What the bio says the person does, and where. Of several titles, one
 * with a place beats one without, and a job beats a hobby word. Returns 2
 * for a job, 1 for a hobby word, 0 for nothing.
 */
static int
read_role(struct suggester *g, const char *bio, size_t len, struct fact *f)
{
	struct buf role = {0}, org = {0}, best_role = {0}, best_org = {0};
	int best = 0, rank;
	size_t from = 0;

	textnorm_run(&g->norm, bio, len);
	while (from < g->norm.out.len && match(g, g->re_title, g->norm.out.p, g->norm.out.len, from)) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(g->md);

		group(g, 1, bio, &role);
		if (!group(g, 2, bio, &org))
			buf_reset(&org);
		trim(&role);
		trim(&org);
		rank = role.len == 0 ? 0 : org.len ? 3 : is_hobby(g, &role) ? 1 : 2;
		textnorm_run(&g->norm, bio, len);	/* is_hobby used the normaliser */
		if (rank > best) {
			best = rank;
			buf_reset(&best_role);
			buf_add(&best_role, role.p, role.len);
			buf_reset(&best_org);
			buf_add(&best_org, org.p ? org.p : "", org.len);
		}
		from = ov[1] > from ? ov[1] : from + 1;
	}
	if (best == 0 && match(g, g->re_role, g->norm.out.p, g->norm.out.len, 0)) {
		group(g, 1, bio, &best_role);
		trim(&best_role);
		best = best_role.len == 0 ? 0 : is_hobby(g, &best_role) ? 1 : 2;
	}
	buf_free(&role);
	buf_free(&org);
	if (best == 0) {
		buf_free(&best_role);
		buf_free(&best_org);
		return 0;
	}
	if (best_org.len && best_org.p[0] == '@')
		memmove(best_org.p, best_org.p + 1, best_org.len--);
	/* "Data journalist" mid-sentence reads "data journalist"; UX stays UX. */
	if (isupper((unsigned char)best_role.p[0]) && best_role.len > 1 && islower((unsigned char)best_role.p[1]))
		best_role.p[0] = (char)tolower((unsigned char)best_role.p[0]);
	f->have = 1;
	snprintf(f->field, sizeof f->field, ".description");
	set_slot(f, S_ROLE, best_role.p, best_role.len);
	if (best_org.len)
		set_slot(f, S_ORG, best_org.p, best_org.len);
	buf_reset(&f->excerpt);
	buf_add(&f->excerpt, best_role.p, best_role.len);
	if (best_org.len) {
		buf_adds(&f->excerpt, " / ");
		buf_add(&f->excerpt, best_org.p, best_org.len);
	}
	buf_free(&best_role);
	buf_free(&best_org);
	return best == 1 ? 1 : 2;
}

/* Their words, said back to them: "my first 50k" is "your first 50k". */
static void
second_person(struct buf *out, const char *s)
{
	static const struct { const char *from, *to; } swap[] = {
		{"my", "your"}, {"our", "your"}, {"mine", "yours"}, {"ours", "yours"},
		{"me", "you"}, {"us", "you"}, {"i", "you"}, {"we", "you"}, {"i'm", "you're"},
		{"we're", "you're"}, {"i've", "you've"}, {"we've", "you've"}, {"myself", "yourself"},
	};
	const char *p = s;

	while (*p) {
		size_t n = 0, k;

		while (p[n] && (isalpha((unsigned char)p[n]) || p[n] == '\''))
			n++;
		if (n == 0) {
			buf_addc(out, *p++);
			continue;
		}
		for (k = 0; k < sizeof swap / sizeof swap[0]; k++)
			if (strlen(swap[k].from) == n && strncasecmp(p, swap[k].from, n) == 0)
				break;
		if (k < sizeof swap / sizeof swap[0])
			buf_adds(out, swap[k].to);
		else
			buf_add(out, p, n);
		p += n;
	}
}

/* "launched the new menu" from "We just launched the new menu today!" */
static int
read_achievement(struct suggester *g, const char *text, size_t len, struct fact *f)
{
	PCRE2_SIZE *ov;
	size_t c0, c1, o0, o1;
	struct buf verb = {0}, rest = {0};

	textnorm_run(&g->norm, text, len);
	if (!match(g, g->re_achieve, g->norm.out.p, g->norm.out.len, 0))
		return 0;
	ov = pcre2_get_ovector_pointer(g->md);
	textnorm_span(&g->norm, ov[0], ov[1], &c0, &c1);
	o0 = textnorm_cp_offset(&g->norm, c0);
	o1 = textnorm_cp_offset(&g->norm, c1);
	if (!group(g, 1, text, &verb)) {
		/* "excited to announce", "promoted to": say what happened plainly. */
		const char *n = g->norm.out.p + ov[0];

		buf_adds(&verb, strstr(n, "promoted") && strstr(n, "promoted") < g->norm.out.p + ov[1] ?
		    "got promoted to" : strstr(n, "accepted") && strstr(n, "accepted") < g->norm.out.p + ov[1] ?
		    "got accepted at" : "shared");
	}
	words_from(&rest, text, o1, len, 10, 1);
	if (rest.len < 3) {
		buf_free(&verb);
		buf_free(&rest);
		return 0;
	}
	f->have = 1;
	buf_reset(&f->slot[S_ACHIEVEMENT]);
	buf_add(&f->slot[S_ACHIEVEMENT], verb.p, verb.len);
	buf_addc(&f->slot[S_ACHIEVEMENT], ' ');
	second_person(&f->slot[S_ACHIEVEMENT], rest.p);
	/* The lower-case verb reads as part of the sentence around it. */
	f->slot[S_ACHIEVEMENT].p[0] = (char)tolower((unsigned char)f->slot[S_ACHIEVEMENT].p[0]);
	set_quote(f, words_from(&f->excerpt, text, o0, len, EXCERPT_WORDS, 0));
	buf_free(&verb);
	buf_free(&rest);
	return 1;
}

/* The first hashtag, as words: #SmallBusiness reads "small business". */
static void
read_topic(const char *text, struct fact *f)
{
	const char *h = text;

	while ((h = strchr(h, '#')) != NULL && !(isalpha((unsigned char)h[1])))
		h++;
	buf_reset(&f->slot[S_TOPIC]);
	if (h == NULL)
		return;
	for (h++; isalnum((unsigned char)*h) || *h == '_'; h++) {
		if (isupper((unsigned char)*h) && f->slot[S_TOPIC].len &&
		    islower((unsigned char)h[-1]))
			buf_addc(&f->slot[S_TOPIC], ' ');
		buf_addc(&f->slot[S_TOPIC], *h == '_' ? ' ' : (char)tolower((unsigned char)*h));
	}
}

/* Where the excerpt of a post starts: past a leading @mention or two. */
static size_t
post_start(const char *text)
{
	size_t i = 0;

	for (;;) {
		while (text[i] == ' ')
			i++;
		if (text[i] != '@')
			return i;
		while (text[i] && text[i] != ' ')
			i++;
	}
}

struct post_view {
	struct buf text;
	struct buf domains;
	int repost, reply;
	size_t index;
	char lang[8];
};

/* --- drafting --------------------------------------------------------------------- */

static unsigned long
hash(const char *s, unsigned long h)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211UL;
	return h;
}

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

/* Fills template t with the slots of f into out; 0 when a slot is missing. */
static int
fill(struct suggester *g, const struct template *t, const struct fact *f, struct buf *out)
{
	const char *p = t->text;

	buf_reset(out);
	while (*p) {
		const char *e;
		int s;

		if (*p != '{' || (e = strchr(p, '}')) == NULL) {
			buf_addc(out, *p++);
			continue;
		}
		for (s = 0; s < NSLOTS; s++)
			if ((size_t)(e - p - 1) == strlen(slot_names[s]) &&
			    strncmp(p + 1, slot_names[s], (size_t)(e - p - 1)) == 0)
				break;
		switch (s) {
		case S_HI: {
			static const char *const hi[NLANGS] = {"Hi", "Hola", "Oi"};

			buf_adds(out, hi[t->lang]);
			if (g->name.len) {
				buf_addc(out, ' ');
				buf_add(out, g->name.p, g->name.len);
			}
			buf_adds(out, ", ");
			break;
		}
		case S_NAME:
			if (g->name.len == 0)
				return 0;
			buf_add(out, g->name.p, g->name.len);
			break;
		case S_A_ROLE:
			if (f->slot[S_ROLE].len == 0)
				return 0;
			buf_adds(out, starts_with_vowel_sound(f->slot[S_ROLE].p) ? "an " : "a ");
			buf_add(out, f->slot[S_ROLE].p, f->slot[S_ROLE].len);
			break;
		default:
			if (s == NSLOTS || f->slot[s].len == 0)
				return 0;
			buf_add(out, f->slot[s].p, f->slot[s].len);
		}
		p = e + 1;
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

static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static unsigned long long
text_hash(const char *s)
{
	unsigned long long h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* Whether the draft was written before in this run; if not, remember it. */
static int
seen_before(struct suggester *g, const char *text)
{
	unsigned long long h = text_hash(text) | 1;
	size_t i, mask;

	if (2 * (g->nseen + 1) > g->seen_cap) {
		unsigned long long *old = g->seen;
		size_t oldcap = g->seen_cap;

		g->seen_cap = g->seen_cap ? 2 * g->seen_cap : 1024;
		g->seen = xcalloc(g->seen_cap, sizeof *g->seen);
		g->nseen = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i]) {
				size_t j = old[i] & (g->seen_cap - 1);

				while (g->seen[j])
					j = (j + 1) & (g->seen_cap - 1);
				g->seen[j] = old[i];
				g->nseen++;
			}
		free(old);
	}
	mask = g->seen_cap - 1;
	for (i = h & mask; g->seen[i]; i = (i + 1) & mask)
		if (g->seen[i] == h)
			return 1;
	g->seen[i] = h;
	g->nseen++;
	return 0;
}

/* Picks a template of kind k by the content and fills it; 0 when none fits. */
static int
draft_kind(struct suggester *g, enum kind k, int lang, struct buf *out)
{
	struct fact *f = &g->f[k];
	size_t i, n = 0, pick, tries;
	unsigned long h = hash(f->excerpt.p, hash(g->name.p, 14695981039346656037UL ^ g->seed));

	for (i = 0; i < g->nt; i++)
		n += g->t[i].kind == k && g->t[i].lang == lang;
	for (tries = 0; tries < n; tries++) {
		pick = (h + tries) % n;
		for (i = 0; i < g->nt; i++) {
			if (g->t[i].kind != k || g->t[i].lang != lang)
				continue;
			if (pick-- > 0)
				continue;
			while (fill(g, &g->t[i], f, out)) {
				tidy(out);
				if (chars(out->p) <= MAX_DRAFT && !strchr(out->p, '{')) {
					/* Never the same text twice in a run: try the next template. */
					if (seen_before(g, out->p))
						break;
					return 1;
				}
				/* Too long: quote fewer words. */
				if (f->slot[S_EXCERPT].len < 20)
					break;
				{
					char *sp = strrchr(f->slot[S_EXCERPT].p, ' ');

					if (sp == NULL)
						break;
					f->slot[S_EXCERPT].len = (size_t)(sp - f->slot[S_EXCERPT].p);
					f->slot[S_EXCERPT].p[f->slot[S_EXCERPT].len] = '\0';
					drop_dangling(&f->slot[S_EXCERPT]);
					buf_adds(&f->slot[S_EXCERPT], "\xe2\x80\xa6");
				}
			}
			break;
		}
	}
	return 0;
}

static void
read_name(struct suggester *g, const struct record *rec)
{
	static const char *const business[] = {
		"bakes", "bakery", "cafe", "coffee", "shop", "studio", "store", "official", "news",
		"media", "inc", "ltd", "llc", "team", "club", "library", "hq", "daily", "co", NULL
	};
	static const char *const honorifics[] = {
		"dr", "prof", "mr", "mrs", "ms", "mx", "cllr", "sir", "dame", "rev", "sr", "sra", "dra", NULL
	};
	const struct json_member *m = record_member(rec, "name");
	const char *p;
	size_t i, n = 0;

	buf_reset(&g->name);
	if (m == NULL || m->kind != JSON_STRING)
		return;
	buf_reset(&g->tmp);
	json_unescape(&g->tmp, m->val, m->vallen);
	if (g->tmp.len == 0)
		return;
	for (i = 0; business[i]; i++) {
		textnorm_run(&g->norm, g->tmp.p, g->tmp.len);
		if (strstr(g->norm.out.p, business[i]) &&
		    (strlen(business[i]) > 2 || strstr(g->norm.out.p, " co")))
			return;	/* a business, not a person */
	}
	/* A given name: a capitalised word of letters that opens the name. */
	/* 𝙆𝙚𝙫 is Kev: compatibility forms, but case kept. */
	{
		utf8proc_uint8_t *plain = utf8proc_NFKC((const utf8proc_uint8_t *)g->tmp.p);

		if (plain) {
			buf_reset(&g->tmp);
			buf_adds(&g->tmp, (const char *)plain);
			free(plain);
		}
	}
	p = g->tmp.p;
	/* Past a title: "Dr Hana Ishikawa" is Hana. */
	for (i = 0; honorifics[i]; i++) {
		n = strlen(honorifics[i]);
		if (strncasecmp(p, honorifics[i], n) == 0 && (p[n] == ' ' || (p[n] == '.' && p[n + 1] == ' '))) {
			p += n + (p[n] == '.') + 1;
			break;
		}
	}
	n = 0;
	if (!isupper((unsigned char)*p) && (unsigned char)*p < 0x80)
		return;
	while (p[n] && (isalpha((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80 || p[n] == '-' || p[n] == '\''))
		n++;
	while (n > 0 && (unsigned char)p[n - 1] >= 0x80 && ((unsigned char)p[n - 1] & 0xC0) == 0x80 &&
	    (p[n] == '\0' || p[n] == ' '))
		break;
	if (n < 2 || n > 20 || (p[n] && p[n] != ' ' && p[n] != ','))
		return;
	{
		/* ALL CAPS is a brand more often than a name (JOÃO included). */
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		int lower = 0, upper = 0;

		for (i = 0; i < n && (k = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
		    (utf8proc_ssize_t)(n - i), &cp)) > 0; i += (size_t)k) {
			lower |= utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
			upper |= utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
		}
		if (upper && !lower)
			return;
	}
	buf_add(&g->name, p, n);
}

static int
detect_lang(struct suggester *g, const char *post_langs, const char *bio)
{
	int counts[NLANGS] = {0}, i, best = 0;
	const char *p = post_langs;

	if (g->force_lang >= 0)
		return g->force_lang;
	while (p && *p) {
		for (i = 0; i < NLANGS; i++)
			if (strncmp(p, langs[i], 2) == 0 && (p[2] == ' ' || p[2] == '\0'))
				counts[i]++;
		p = strchr(p, ' ');
		p = p ? p + 1 : NULL;
	}
	if (counts[1] + counts[2] == 0 && counts[0] == 0 && bio) {
		/* No posts to go by: a few common words of the bio. */
		textnorm_run(&g->norm, bio, strlen(bio));
		if (strstr(g->norm.out.p, " y ") || strstr(g->norm.out.p, " el ") ||
		    strstr(g->norm.out.p, " del ") || strstr(g->norm.out.p, " para "))
			counts[1] = 2;
		if (strstr(g->norm.out.p, " voce ") || strstr(g->norm.out.p, " nao ") ||
		    strstr(g->norm.out.p, " com ") || strstr(g->norm.out.p, " em "))
			counts[2] = 2;
	}
	for (i = 1; i < NLANGS; i++)
		if (counts[i] > counts[best])
			best = i;
	return best;
}

static void
facts_json(struct suggester *g, enum kind k, int lang)
{
	const struct fact *f = &g->f[k];
	int s;

	buf_reset(&g->facts);
	buf_printf(&g->facts, "{\"kind\":\"%s\",\"language\":\"%s\"", kind_names[k], langs[lang]);
	if (g->name.len) {
		buf_adds(&g->facts, ",\"first_name\":");
		json_escape(&g->facts, g->name.p, g->name.len);
	}
	for (s = S_ROLE; s < NSLOTS; s++) {
		if (s == S_A_ROLE || f->slot[s].len == 0)
			continue;
		buf_printf(&g->facts, ",\"%s\":", slot_names[s]);
		json_escape(&g->facts, f->slot[s].p, f->slot[s].len);
	}
	buf_adds(&g->facts, "}");
}

static void
opener_json(struct suggester *g, enum kind k, struct buf *json)
{
	const struct fact *f = &g->f[k];

	buf_reset(json);
	buf_adds(json, "{\"text\":");
	json_escape(json, g->text.p, g->text.len);
	buf_printf(json, ",\"kind\":\"%s\",\"basis\":{\"field\":", kind_names[k]);
	json_escape(json, f->field, strlen(f->field));
	buf_adds(json, ",\"excerpt\":");
	json_escape(json, f->excerpt.p ? f->excerpt.p : "", f->excerpt.len);
	buf_adds(json, "}}");
}

/* engage or maybe (or no verdict at all) get a draft; skip does not, without --all. */
static int
wanted(const struct record *rec)
{
	const struct json_member *fb = record_member(rec, "fb");
	struct json_iter it, it2;
	struct json_member m, v;

	if (fb == NULL || fb->kind != JSON_OBJECT)
		return 1;
	json_iter_init(&it, fb->val, fb->vallen);
	while (json_iter_member(&it, &m)) {
		if (!json_key_is(&m, "score") || m.kind != JSON_OBJECT)
			continue;
		json_iter_init(&it2, m.val, m.vallen);
		while (json_iter_member(&it2, &v))
			if (json_key_is(&v, "verdict") && v.kind == JSON_STRING)
				return !(v.vallen == 6 && memcmp(v.val, "\"skip\"", 6) == 0);
	}
	return 1;
}

int
suggester_draft(struct suggester *g, struct stream *st, const struct record *rec,
    int all, struct buf *json)
{
	const struct json_scan *sc = rec->scan;
	const struct json_member *m;
	struct buf bio_domains = {0}, post_langs = {0};
	struct post_view p = {0};
	size_t i, cur = (size_t)-1;
	int role_strength = 0, lang, k, done = 0;
	static const enum kind order_job[] = {K_COMPLIMENT, K_SHARE, K_QUESTION, K_RESPONSE};
	static const enum kind order_hobby[] = {K_COMPLIMENT, K_SHARE, K_RESPONSE, K_QUESTION};
	const enum kind *order;

	g->have_text = 0;
	if ((m = record_member(rec, "fb")) && m->kind != JSON_OBJECT && m->kind != JSON_NULL) {
		stream_reject(st, rec, ".fb: expected an object, got %s", json_kind_name(m->kind));
		return -1;
	}
	if ((m = record_member(rec, "posts")) && m->kind != JSON_ARRAY && m->kind != JSON_NULL) {
		stream_reject(st, rec, ".posts: expected an array, got %s", json_kind_name(m->kind));
		return -1;
	}
	if (!all && !wanted(rec))
		return 0;
	if (record_member(rec, "text") && !record_member(rec, "username")) {
		stream_reject(st, rec, "a post, not a user: fb-suggest drafts for users "
		    "(jq -c .author gives a post's author)");
		return -1;
	}
	if (sc->posts_bad != (size_t)-1) {
		stream_reject(st, rec, ".posts[%zu]: expected an object, got %s", sc->posts_bad,
		    json_kind_name(sc->posts_bad_kind));
		return -1;
	}
	for (k = 0; k < NKINDS; k++) {
		struct fact *f = &g->f[k];
		int s;

		f->have = 0;
		f->field[0] = '\0';
		buf_reset(&f->excerpt);
		for (s = 0; s < NSLOTS; s++)
			buf_reset(&f->slot[s]);
	}
	read_name(g, rec);
	buf_reset(&g->bio);
	if ((m = record_member(rec, "description")) && m->kind == JSON_STRING) {
		json_unescape(&g->bio, m->val, m->vallen);
		if (g->bio.len)
			role_strength = read_role(g, g->bio.p, g->bio.len, &g->f[K_QUESTION]);
	} else if (m && m->kind != JSON_NULL) {
		stream_reject(st, rec, ".description: expected a string, got %s", json_kind_name(m->kind));
		return -1;
	}
	if ((m = record_member(rec, "entities")))
		link_domains(&bio_domains, m->val, m->vallen);
	/* The posts, newest first: an achievement, a link to their own site, a post of their own. */
	for (i = 0; i <= sc->npost_members; i++) {
		const struct json_member *pm = i < sc->npost_members ? &sc->post_members[i] : NULL;

		if (pm == NULL || sc->post_index[i] != cur) {
			if (cur != (size_t)-1 && p.text.len && !p.repost) {
				char field[64];
				size_t start = post_start(p.text.p);

				snprintf(field, sizeof field, ".posts[%zu].text", cur);
				if (!g->f[K_COMPLIMENT].have &&
				    read_achievement(g, p.text.p, p.text.len, &g->f[K_COMPLIMENT]))
					snprintf(g->f[K_COMPLIMENT].field, sizeof g->f[K_COMPLIMENT].field, "%s", field);
				if (!g->f[K_SHARE].have && bio_domains.len && p.domains.len) {
					char key[256];
					const char *d = link_common(bio_domains.p, p.domains.p, key, sizeof key);

					if (d) {
						struct fact *f = &g->f[K_SHARE];

						snprintf(f->field, sizeof f->field, "%s", field);
						set_quote(f, words_from(&f->excerpt, p.text.p, start, p.text.len,
						    EXCERPT_WORDS, 0));
						set_slot(f, S_DOMAIN, d + 1, strlen(d) - 2);
						f->have = chars(f->excerpt.p ? f->excerpt.p : "") >= 25;
					}
				}
				if (!g->f[K_RESPONSE].have && !p.reply) {
					struct fact *f = &g->f[K_RESPONSE];

					int cut = words_from(&f->excerpt, p.text.p, start, p.text.len,
					    EXCERPT_WORDS, 0);

					if (chars(f->excerpt.p ? f->excerpt.p : "") >= 25) {
						f->have = 1;
						snprintf(f->field, sizeof f->field, "%s", field);
						set_quote(f, cut);
						read_topic(p.text.p, f);
					}
				}
			}
			if (pm == NULL)
				break;
			cur = sc->post_index[i];
			buf_reset(&p.text);
			buf_reset(&p.domains);
			p.repost = p.reply = 0;
		}
		if (json_key_is(pm, "text") && pm->kind == JSON_STRING) {
			buf_reset(&p.text);
			json_unescape(&p.text, pm->val, pm->vallen);
			p.repost |= strncmp(p.text.p ? p.text.p : "", "RT @", 4) == 0;
		} else if (json_key_is(pm, "text") && pm->kind != JSON_NULL) {
			stream_reject(st, rec, ".posts[%zu].text: expected a string, got %s",
			    sc->post_index[i], json_kind_name(pm->kind));
			buf_free(&p.text);
			buf_free(&p.domains);
			buf_free(&bio_domains);
			buf_free(&post_langs);
			return -1;
		} else if (json_key_is(pm, "referenced_tweets") || json_key_is(pm, "referenced_posts")) {
			p.repost |= memmem(pm->val, pm->vallen, "\"retweeted\"", 11) != NULL;
			p.reply |= memmem(pm->val, pm->vallen, "\"replied_to\"", 12) != NULL;
		} else if (json_key_is(pm, "in_reply_to_user_id") && pm->kind == JSON_STRING) {
			p.reply = 1;
		} else if (json_key_is(pm, "entities")) {
			link_domains(&p.domains, pm->val, pm->vallen);
		} else if (json_key_is(pm, "lang") && pm->kind == JSON_STRING && pm->vallen < 10) {
			buf_add(&post_langs, pm->val + 1, pm->vallen - 2);
			buf_addc(&post_langs, ' ');
		}
	}
	buf_free(&p.text);
	buf_free(&p.domains);
	lang = detect_lang(g, post_langs.p, g->bio.p);
	buf_free(&post_langs);
	buf_free(&bio_domains);

	/* A job title is better evidence than a post; a hobby word is weaker. */
	order = role_strength == 1 ? order_hobby : order_job;
	for (i = 0; i < NKINDS && !done; i++) {
		enum kind kk = order[i];

		if (g->f[kk].have && draft_kind(g, kk, lang, &g->text)) {
			facts_json(g, kk, lang);
			opener_json(g, kk, json);
			g->have_text = 1;
			done = 1;
		}
	}
	if (!done) {
		int any = 0;

		for (i = 0; i < NKINDS; i++)
			any |= g->f[i].have;
		buf_reset(json);
		buf_adds(json, any ? "{\"text\":null,\"reason\":\"every draft that fits this profile was "
		    "already written for someone else in this run\"}" :
		    "{\"text\":null,\"reason\":\"nothing specific to go on: no role in the bio, "
		    "and no achievement, own writing or post of their own among the posts attached\"}");
	}
	return 1;
}

int
suggester_new_text(struct suggester *g, const char *text)
{
	return !seen_before(g, text);
}

const char *
suggester_facts(const struct suggester *g)
{
	return g->have_text ? g->facts.p : NULL;
}

const char *
suggester_text(const struct suggester *g)
{
	return g->have_text ? g->text.p : NULL;
}

void
suggester_row(struct buf *out, const char *opener)
{
	struct json_scan s = {0};
	struct buf text = {0}, kind = {0};
	size_t i;

	s.collect_members = 1;
	if (json_scan(&s, opener, strlen(opener), 0, 1) == JSON_OK)
		for (i = 0; i < s.nmembers; i++) {
			const struct json_member *m = &s.members[i];

			if (m->kind != JSON_STRING)
				continue;
			if (json_key_is(m, "text") || (json_key_is(m, "reason") && text.len == 0))
				json_unescape(&text, m->val, m->vallen);
			else if (json_key_is(m, "kind"))
				json_unescape(&kind, m->val, m->vallen);
		}
	buf_printf(out, "%-10s %s", kind.len ? kind.p : "-", text.p ? text.p : "");
	buf_free(&text);
	buf_free(&kind);
	json_scan_free(&s);
}
