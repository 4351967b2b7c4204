#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "addressee.h"
#include "client.h"
#include "json.h"
#include "lexicon.h"
#include "links.h"
#include "postkind.h"
#include "posts.h"
#include "ptvariant.h"
#include "quote.h"
#include "rules.h"
#include "suggest.h"
#include "template.h"
#include "textnorm.h"
#include "util.h"
#include "width.h"

#define EXCERPT_WORDS 12
#define KIND_COLUMNS 10		/* a table's kind column */
#define MIN_DRAFT_COLUMNS 20	/* narrower than this, a draft is cut, not wrapped */
#define QUESTION_WORDS 20	/* a question is quoted whole */
#define ADDRESS_QUESTION_WORDS 40	/* and one to the client, however long */
#define MIN_QUOTE 25		/* characters: fewer say too little to answer */
#define CONTEXT_MIN_WORDS 3	/* a sentence before a short question says something */
#define MESSAGE_WORDS 60	/* of what they wrote to the client, quoted for the client */

/* A fact: what the draft can rest on, where it comes from, and its slots. */
struct fact {
	int have;
	char field[64];		/* the basis: a path in the record */
	struct buf excerpt;	/* the basis: the words of the record it quotes */
	struct buf message;	/* what they wrote to the client, whole (for the client to answer) */
	time_t written;		/* when they wrote it, or 0 */
	struct buf slot[NSLOTS];
};

/* One post of the record, as its members are read. */
struct post_view {
	struct buf text, domains;
	struct buf reply_to, entities;	/* for --client */
	int repost, reply;
	int foreign;	/* written in a language the drafts are not (its "lang") */
	char lang[8];
	time_t created;	/* its created_at, or 0 */
};

struct suggester {
	struct templates *templates;
	int force_lang;		/* -1: the record's own */
	int force_variant;	/* --lang pt-BR: Brazil's Portuguese, whatever the record says */
	int cold;		/* --cold: drafts from their bio and posts alone too */
	time_t now;		/* --now: what they told the client is dated against it */
	struct pt_variant_reader *pt_variant;
	pcre2_code *re_role, *re_title, *re_hobby;
	pcre2_match_data *md;
	struct textnorm norm;
	struct textnorm word_norm;	/* a word of a title, while norm holds the bio */
	struct post_reader *posts;
	struct post_reading reading;
	struct address_reading address;
	struct client client;
	struct lexicons lexicons;	/* put-downs, spam */
	struct addressee who;
	struct fact f[NOPENER_KINDS];
	int role_strength;	/* 2 a job title, 1 a hobby word, 0 none */
	int unwritable;		/* a bot, a feed, a giveaway or a scam */
	int hostile;		/* put the client down in a reply (--client) */
	int pitched;		/* aimed an ad, a pitch or a scam at the client */
	int broadcaster;	/* maybe, and only broadcasts (fb-score's reasons) */
	int off_topic;		/* fb-score found their posts off the client's topics */
	int wrote_to_client;	/* a post of theirs speaks to the client (--client) */
	int addressed;		/* their newest post to the client (not a pitch) was read */
	int hidden;		/* protected, and no post of theirs came with the record */
	char hard_news[64];	/* the field of a post with hard news in it: a loss, an accident ... */
	struct post_view post;
	struct buf bio, bio_domains, post_langs, username, location, tmp, text, facts;
	unsigned char *demand_post;	/* per post: fb-detect found a demand in it */
	size_t ndemand_post;
	int have_text;
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
/* Creative and hobby words say less about what a person does for a living. */
static const char hobby_pattern[] =
    "^(?:artist|dancer|writer|photographer|gamer|singer|runner|reader|foodie|traveller|traveler|"
    "musician|poet|dreamer|lover|fan|enthusiast|blogger|creator)$";
/* A role someone no longer has ("Retired nurse", "former teacher") is not what they do. */
static const char *const past_words[] = {
	"retired", "former", "formerly", "ex", "previously", "jubilado", "jubilada",
	"aposentado", "aposentada", "antiguo", "antigua", "antigo", "antiga", NULL
};
/* Nor is someone else's: "my manager found my old account", "mi jefa". */
static const char *const possessives[] = {
	"my", "our", "his", "her", "their", "your", "mi", "mis", "tu", "su", "sus", "nuestro",
	"nuestra", "meu", "minha", "nosso", "nossa", "seu", "sua", NULL
};

/*
 * Which fact makes the opener, strongest first. What they said to the
 * client comes first (for the client to answer): a draft that ignores
 * their question to the client reads as a form letter. Then a job title
 * beats a post, a hobby word does not.
 */
static const enum opener_kind order_job[NOPENER_KINDS] = {
	OPENER_ANSWER, OPENER_OFFER, OPENER_THANKS, OPENER_REPLY,
	OPENER_COMPLIMENT, OPENER_SHARE, OPENER_QUESTION, OPENER_RESPONSE, OPENER_FOLLOWUP,
	OPENER_REACTION
};
static const enum opener_kind order_hobby[NOPENER_KINDS] = {
	OPENER_ANSWER, OPENER_OFFER, OPENER_THANKS, OPENER_REPLY,
	OPENER_COMPLIMENT, OPENER_SHARE, OPENER_RESPONSE, OPENER_FOLLOWUP, OPENER_REACTION,
	OPENER_QUESTION
};

/*
 * Openers to someone who never wrote to the client, from a link, advice,
 * a story or a question they posted or the job in their bio: blind
 * reviewers sent none of 128 in five reviews, and 1 follow-up of 28 in
 * eight, as they were (a stranger's "Is there more to it?" or "What did
 * people tell you?" reads as a form letter), so they are drafted only
 * with --cold, as starting points to edit. News of theirs stays: the
 * draft congratulates them on it.
 */
static int
cold_kind(enum opener_kind k)
{
	return k == OPENER_SHARE || k == OPENER_QUESTION || k == OPENER_RESPONSE ||
	    k == OPENER_FOLLOWUP || k == OPENER_REACTION;
}

struct suggester *
suggester_new(void)
{
	struct suggester *g = xcalloc(1, sizeof *g);

	g->templates = templates_new();
	g->force_lang = -1;
	g->now = time(NULL);
	g->re_role = builtin_pattern(role_pattern);
	g->re_title = builtin_pattern(title_pattern);
	g->re_hobby = builtin_pattern(hobby_pattern);
	g->md = pcre2_match_data_create(16, NULL);
	textnorm_init(&g->norm);
	textnorm_init(&g->word_norm);
	g->posts = post_reader_new();
	g->pt_variant = pt_variant_new();
	lexicons_init(&g->lexicons);
	return g;
}

void
suggester_free(struct suggester *g)
{
	size_t i, k;

	if (g == NULL)
		return;
	templates_free(g->templates);
	for (i = 0; i < NOPENER_KINDS; i++) {
		buf_free(&g->f[i].excerpt);
		buf_free(&g->f[i].message);
		for (k = 0; k < NSLOTS; k++)
			buf_free(&g->f[i].slot[k]);
	}
	pcre2_code_free(g->re_role);
	pcre2_code_free(g->re_title);
	pcre2_code_free(g->re_hobby);
	pcre2_match_data_free(g->md);
	textnorm_free(&g->norm);
	textnorm_free(&g->word_norm);
	post_reader_free(g->posts);
	pt_variant_free(g->pt_variant);
	client_free(&g->client);
	lexicons_free(&g->lexicons);
	buf_free(&g->reading.achievement);
	addressee_free(&g->who);
	buf_free(&g->post.text);
	buf_free(&g->post.domains);
	buf_free(&g->post.reply_to);
	buf_free(&g->post.entities);
	buf_free(&g->bio);
	buf_free(&g->bio_domains);
	buf_free(&g->post_langs);
	buf_free(&g->username);
	buf_free(&g->tmp);
	buf_free(&g->text);
	buf_free(&g->location);
	buf_free(&g->facts);
	free(g->demand_post);
	free(g);
}

void
suggester_set_seed(struct suggester *g, unsigned long seed)
{
	templates_set_seed(g->templates, seed);
}

void
suggester_add_client(struct suggester *g, const char *id_or_name)
{
	client_add(&g->client, id_or_name);
}

void
suggester_set_cold(struct suggester *g)
{
	g->cold = 1;
}

void
suggester_set_now(struct suggester *g, time_t now)
{
	g->now = now;
}

int
suggester_set_lang(struct suggester *g, const char *lang)
{
	g->force_variant = strcmp(lang, "pt-BR") == 0;
	g->force_lang = g->force_variant ? LANG_PT : lang_index(lang);
	return g->force_lang >= 0;
}

int
suggester_templates(struct suggester *g, const char *text, size_t len,
    const char *origin, struct buf *err)
{
	return templates_read(g->templates, text, len, origin, err);
}

int
suggester_ready(struct suggester *g, struct buf *err)
{
	return templates_ready(g->templates, err);
}

/* --- the bio ------------------------------------------------------------------------ */

/* Group i of the last match on the normalised text, in the original text. */
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

static void
set_slot(struct fact *f, enum slot s, const char *text, size_t len)
{
	buf_reset(&f->slot[s]);
	buf_add(&f->slot[s], text, len);
	quote_trim(&f->slot[s]);
}

/*
 * Whether the role is not theirs now: the word before byte at of the
 * normalised bio says "former" or whose it is ("my"), or the role's
 * first word says "former".
 */
static int
role_not_theirs(const struct suggester *g, size_t at, const struct buf *role)
{
	const char *s = g->norm.out.p;
	size_t end = at, start, n;

	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '-'))
		end--;
	for (start = end; start > 0 && isalpha((unsigned char)s[start - 1]); start--)
		;
	if (end > start && (in_word_list(past_words, s + start, end - start) ||
	    in_word_list(possessives, s + start, end - start)))
		return 1;
	for (n = 0; n < role->len && isalpha((unsigned char)role->p[n]); n++)
		;
	return n > 0 && in_word_list(past_words, role->p, n);
}

static int
is_hobby(struct suggester *g, const struct buf *role)
{
	const char *last = strrchr(role->p, ' ');

	textnorm_run(&g->word_norm, last ? last + 1 : role->p, strlen(last ? last + 1 : role->p));
	return match(g, g->re_hobby, g->word_norm.out.p, g->word_norm.out.len, 0);
}

/*
 * How strong a title found in the bio is: 3 with an organisation, 2 a
 * job, 1 a hobby word, 0 none (a role of the past, or "owner" of nothing
 * named).
 */
static int
title_rank(struct suggester *g, size_t at, const struct buf *role, const struct buf *org)
{
	if (role->len == 0 || role_not_theirs(g, at, role))
		return 0;
	if (org->len)
		return 3;
	if (strcasecmp(role->p, "owner") == 0)
		return 0;
	return is_hobby(g, role) ? 1 : 2;
}

/* The strongest title of the bio into role and org; its rank (see title_rank). */
static int
best_title(struct suggester *g, const char *bio, size_t len, struct buf *role, struct buf *org)
{
	struct buf r = {0}, o = {0};
	int best = 0, rank;
	size_t from = 0;

	textnorm_run(&g->norm, bio, len);
	while (from < g->norm.out.len && match(g, g->re_title, g->norm.out.p, g->norm.out.len, from)) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(g->md);
		size_t at = ov[2], next = ov[1] > from ? ov[1] : from + 1;

		group(g, 1, bio, &r);
		if (!group(g, 2, bio, &o))
			buf_reset(&o);
		quote_trim(&r);
		quote_trim(&o);
		rank = title_rank(g, at, &r, &o);
		if (rank > best) {
			best = rank;
			buf_reset(role);
			buf_add(role, r.p, r.len);
			buf_reset(org);
			buf_add(org, o.p ? o.p : "", o.len);
		}
		from = next;
	}
	if (best == 0 && match(g, g->re_role, g->norm.out.p, g->norm.out.len, 0)) {
		size_t at = pcre2_get_ovector_pointer(g->md)[2];

		group(g, 1, bio, role);
		quote_trim(role);
		buf_reset(org);
		best = title_rank(g, at, role, org);
	}
	buf_free(&r);
	buf_free(&o);
	return best;
}

/*
 * What the bio says the person does, and where, as the fact of a
 * question. Returns 2 for a job, 1 for a hobby word, 0 for nothing.
 */
static int
read_role(struct suggester *g, const char *bio, size_t len, struct fact *f)
{
	struct buf role = {0}, org = {0};
	int best = best_title(g, bio, len, &role, &org);

	if (best > 0) {
		if (org.len && org.p[0] == '@')
			memmove(org.p, org.p + 1, org.len--);
		/* "Data journalist" mid-sentence reads "data journalist"; UX stays UX. */
		if (isupper((unsigned char)role.p[0]) && role.len > 1 && islower((unsigned char)role.p[1]))
			role.p[0] = (char)tolower((unsigned char)role.p[0]);
		f->have = 1;
		snprintf(f->field, sizeof f->field, ".description");
		set_slot(f, SLOT_ROLE, role.p, role.len);
		if (org.len)
			set_slot(f, SLOT_ORG, org.p, org.len);
		buf_reset(&f->excerpt);
		buf_add(&f->excerpt, role.p, role.len);
		if (org.len) {
			buf_adds(&f->excerpt, " / ");
			buf_add(&f->excerpt, org.p, org.len);
		}
	}
	buf_free(&role);
	buf_free(&org);
	return best == 1 ? 1 : best ? 2 : 0;
}

/* --- the posts ---------------------------------------------------------------------- */

/* The words quoted in a draft; cut short, they end with an ellipsis (the basis stays exact). */
static void
set_quote(struct fact *f, int cut)
{
	buf_reset(&f->slot[SLOT_EXCERPT]);
	buf_add(&f->slot[SLOT_EXCERPT], f->excerpt.p ? f->excerpt.p : "", f->excerpt.len);
	if (cut && f->excerpt.len)
		buf_adds(&f->slot[SLOT_EXCERPT], "\xe2\x80\xa6");
}

/* The first hashtag, as words: #SmallBusiness reads "small business". */
static void
read_topic(const char *text, struct fact *f)
{
	const char *h = text;

	while ((h = strchr(h, '#')) != NULL && !(isalpha((unsigned char)h[1])))
		h++;
	buf_reset(&f->slot[SLOT_TOPIC]);
	if (h == NULL)
		return;
	for (h++; isalnum((unsigned char)*h) || *h == '_'; h++) {
		if (isupper((unsigned char)*h) && f->slot[SLOT_TOPIC].len &&
		    islower((unsigned char)h[-1]))
			buf_addc(&f->slot[SLOT_TOPIC], ' ');
		buf_addc(&f->slot[SLOT_TOPIC], *h == '_' ? ' ' : (char)tolower((unsigned char)*h));
	}
}

/* An achievement: the clause that announces it, and what they did. */
static void
compliment_fact(struct suggester *g, const char *field)
{
	struct fact *f = &g->f[OPENER_COMPLIMENT];
	const struct post_view *p = &g->post;

	if (f->have)
		return;
	f->have = 1;
	snprintf(f->field, sizeof f->field, "%s", field);
	set_quote(f, quote_words(&f->excerpt, p->text.p, g->reading.quote_at, p->text.len,
	    EXCERPT_WORDS, 1, NULL));
	buf_reset(&f->slot[SLOT_ACHIEVEMENT]);
	buf_add(&f->slot[SLOT_ACHIEVEMENT], g->reading.achievement.p ? g->reading.achievement.p : "",
	    g->reading.achievement.len);
}

/* A post linking to the site of their bio: something they wrote. */
static void
share_fact(struct suggester *g, const char *field)
{
	struct fact *f = &g->f[OPENER_SHARE];
	const struct post_view *p = &g->post;
	char key[256];
	const char *d;

	if (f->have || g->bio_domains.len == 0 || p->domains.len == 0 ||
	    (d = link_common(g->bio_domains.p, p->domains.p, key, sizeof key)) == NULL)
		return;
	snprintf(f->field, sizeof f->field, "%s", field);
	set_quote(f, quote_words(&f->excerpt, p->text.p, quote_start(p->text.p, p->text.len),
	    p->text.len, EXCERPT_WORDS, 0, NULL));
	set_slot(f, SLOT_DOMAIN, d + 1, strlen(d) - 2);
	f->have = utf8_chars(f->excerpt.p, f->excerpt.len) >= MIN_QUOTE;
}

/* Words of a post of their own to answer: advice (a response) or a story (a reaction). */
static void
quoted_fact(struct suggester *g, enum opener_kind k, const char *field)
{
	struct fact *f = &g->f[k];
	const struct post_view *p = &g->post;
	int cut;

	if (f->have)
		return;
	cut = quote_words(&f->excerpt, p->text.p, g->reading.quote_at, p->text.len,
	    EXCERPT_WORDS, 0, NULL);
	if (utf8_chars(f->excerpt.p, f->excerpt.len) < MIN_QUOTE)
		return;
	f->have = 1;
	snprintf(f->field, sizeof f->field, "%s", field);
	set_quote(f, cut);
	read_topic(p->text.p, f);
}

/* A question they asked, quoted whole with its question mark. */
static void
question_fact(struct suggester *g, const char *field)
{
	struct fact *f = &g->f[OPENER_FOLLOWUP];
	const struct post_view *p = &g->post;
	char stop;

	if (f->have || quote_words(&f->excerpt, p->text.p, g->reading.quote_at, p->text.len,
	    QUESTION_WORDS, 0, &stop) || stop != '?')
		return;
	buf_addc(&f->excerpt, '?');
	if (utf8_chars(f->excerpt.p, f->excerpt.len) < MIN_QUOTE)
		return;
	f->have = 1;
	snprintf(f->field, sizeof f->field, "%s", field);
	set_quote(f, 0);
}

/* Which kind of reply what they said to the client needs. */
static const enum opener_kind address_opener[] = {
	[ADDRESS_QUESTION] = OPENER_ANSWER, [ADDRESS_OFFER] = OPENER_OFFER,
	[ADDRESS_THANKS] = OPENER_THANKS, [ADDRESS_REMARK] = OPENER_REPLY,
};

/* Remembers the first post with hard news: no draft is written next to it. */
static void
note_hard_news(struct suggester *g, const char *field)
{
	if (!g->hard_news[0])
		snprintf(g->hard_news, sizeof g->hard_news, "%s", field);
}

/* The drafts' language of a post's "lang" ("es", "pt-BR"), or -1. */
static int
drafts_lang(const char *code)
{
	int i;

	for (i = 0; i < LANG_PT_PT; i++)
		if (strncmp(code, lang_names[i], 2) == 0 && (code[2] == '\0' || code[2] == '-'))
			return i;
	return -1;
}

/*
 * A question or an offer to the client this many days before --now is
 * dated in its note; a remark needs no reply.
 */
#define STALE_DAYS 60
/* Thanks to the client this many days before --now need no reply. */
#define SETTLED_DAYS 30

/* Whole days from t to --now; -1 when t is not known. */
static long
days_before_now(const struct suggester *g, time_t t)
{
	return t ? (long)((g->now - t) / 86400) : -1;
}

/*
 * A post to the client: a put-down leaves nobody to write a friendly
 * draft to; a pitch nothing to answer; else, in their newest post to the
 * client only, what they asked, offered, thanked for or told the client
 * is for the client to answer, or their news to congratulate them on.
 */
static void
address_fact(struct suggester *g, const char *field)
{
	const struct post_view *p = &g->post;
	struct fact *f;
	size_t m0, m1;
	int cut, max_words;
	char stop, before, after;
	size_t next;

	textnorm_run(&g->norm, p->text.p, p->text.len);
	lexicon_scan(&g->lexicons, g->norm.out.p, g->norm.out.len);
	if (lexicon_hits(&g->lexicons, LEX_COMBATIVE, g->norm.out.p, g->norm.out.len, &m0, &m1)) {
		g->hostile = 1;
		return;
	}
	post_read_address(g->posts, p->text.p, p->text.len, &g->address);
	if (g->address.hard_news)
		note_hard_news(g, field);
	/* A sales line, or a link with a plug for their own course or app, is a pitch. */
	if (g->address.kind == ADDRESS_PITCH ||
	    lexicon_hits(&g->lexicons, LEX_SPAM, g->norm.out.p, g->norm.out.len, &m0, &m1) ||
	    ((p->domains.len || strstr(p->text.p, "http")) &&
	    lexicon_hits(&g->lexicons, LEX_PROMO, g->norm.out.p, g->norm.out.len, &m0, &m1))) {
		g->pitched = 1;
		return;
	}
	/*
	 * Only their newest word to the client is owed a reply: "brilliant,
	 * thanks" after a question says the client answered it.
	 */
	if (g->addressed)
		return;
	g->addressed = 1;
	/* "PASSED my pastry exam! Thanks for the tips": the news is what to answer. */
	if (!p->foreign && g->address.kind != ADDRESS_QUESTION && g->address.kind != ADDRESS_OFFER) {
		post_read(g->posts, p->text.p, p->text.len, &g->reading);
		if (g->reading.kind == POST_NEWS) {
			compliment_fact(g, field);
			return;
		}
	}
	if (g->address.kind == ADDRESS_NONE)
		return;
	/*
	 * Thanks a month old, or a remark two, was answered then or needs
	 * nothing now, reviewers said; a question or an offer may still be
	 * open, and its note says how old it is.
	 */
	if ((g->address.kind == ADDRESS_THANKS && days_before_now(g, p->created) >= SETTLED_DAYS) ||
	    (g->address.kind == ADDRESS_REMARK && days_before_now(g, p->created) >= STALE_DAYS))
		return;
	f = &g->f[address_opener[g->address.kind]];
	max_words = g->address.kind == ADDRESS_QUESTION ? ADDRESS_QUESTION_WORDS : EXCERPT_WORDS;
	cut = quote_words(&f->excerpt, p->text.p, g->address.quote_at, p->text.len, max_words, 0,
	    &stop);
	if (g->address.kind == ADDRESS_QUESTION) {
		if (cut || stop != '?')
			return;
		buf_addc(&f->excerpt, '?');
	} else {
		quote_drop_dangling(&f->excerpt);
	}
	/*
	 * "Is that Peacham?" says too little alone: the sentence before it
	 * comes too, unless it is a greeting or a cry ("¡Hola!", "Wow!"),
	 * which quoted back reads like a bot's copy.
	 */
	if (utf8_chars(f->excerpt.p, f->excerpt.len) < MIN_QUOTE && !cut &&
	    g->address.context_at < g->address.quote_at &&
	    quote_words(&g->tmp, p->text.p, g->address.context_at, p->text.len, CONTEXT_MIN_WORDS - 1,
	    0, NULL) &&
	    !quote_words(&g->tmp, p->text.p, g->address.context_at, p->text.len, EXCERPT_WORDS, 0,
	    &before) && before && strchr(".!?", before)) {
		buf_addc(&g->tmp, before);
		buf_addc(&g->tmp, ' ');
		buf_add(&g->tmp, f->excerpt.p, f->excerpt.len);
		buf_reset(&f->excerpt);
		buf_add(&f->excerpt, g->tmp.p, g->tmp.len);
	}
	/* "Thank you!!" says what for in the sentence after it. */
	if (utf8_chars(f->excerpt.p, f->excerpt.len) < MIN_QUOTE && !cut && stop && strchr(".!", stop) &&
	    (next = quote_next_sentence(p->text.p, p->text.len, g->address.quote_at)) < p->text.len &&
	    !quote_words(&g->tmp, p->text.p, next, p->text.len, EXCERPT_WORDS, 0, &after) &&
	    utf8_chars(g->tmp.p, g->tmp.len) > 0) {
		buf_addc(&f->excerpt, stop);
		buf_addc(&f->excerpt, ' ');
		buf_add(&f->excerpt, g->tmp.p, g->tmp.len);
	}
	f->have = 1;
	f->written = p->created;
	snprintf(f->field, sizeof f->field, "%s", field);
	quote_message(&f->message, p->text.p, p->text.len, MESSAGE_WORDS);
}

/*
 * The facts of one post, newest first: an achievement, a link to their
 * own site, and (not in a reply) advice, a question or a story. An ad, a
 * giveaway or a pitch gives none, and neither does a repost. Nobody
 * answers words they may not read: a post in another language than the
 * drafts' gets no response, follow-up or reaction.
 */
static void
take_post(struct suggester *g, size_t index)
{
	const struct post_view *p = &g->post;
	char field[64];

	if (p->text.len == 0 || p->repost ||
	    (index < g->ndemand_post && g->demand_post[index]))
		return;
	snprintf(field, sizeof field, ".posts[%zu].text", index);
	if (strncmp(p->lang, "pt", 2) == 0)
		pt_variant_text(g->pt_variant, p->text.p, p->text.len);
	if (client_given(&g->client) && client_addressed(&g->client, p->text.p,
	    p->reply_to.len ? p->reply_to.p : NULL, p->reply_to.len, p->entities.p, p->entities.len)) {
		g->wrote_to_client = 1;
		address_fact(g, field);
		return;
	}
	post_read(g->posts, p->text.p, p->text.len, &g->reading);
	if (g->reading.hard_news)
		note_hard_news(g, field);
	if (g->reading.kind == POST_PROMO)
		return;
	if (g->reading.kind == POST_NEWS)
		compliment_fact(g, field);
	if (g->reading.kind != POST_DOWN)
		share_fact(g, field);
	if (p->reply || p->foreign)
		return;
	if (g->reading.kind == POST_TIP)
		quoted_fact(g, OPENER_RESPONSE, field);
	else if (g->reading.kind == POST_QUESTION)
		question_fact(g, field);
	else if (g->reading.kind == POST_STORY)
		quoted_fact(g, OPENER_REACTION, field);
}

/* A string member as plain text: unescaped, without controls. */
static void
read_text(struct suggester *g, const struct json_member *m, struct buf *out)
{
	buf_reset(&g->tmp);
	json_unescape(&g->tmp, m->val, m->vallen);
	buf_reset(out);
	buf_add(out, "", 0);
	quote_clean(out, g->tmp.p, g->tmp.len);
}

/*
 * Whether a post's "lang" is one the drafts are not written in; X's codes
 * for no language ("und", "zxx", and "qme", "qht" ... starting with q) are not.
 */
static int
foreign_lang(const char *code)
{
	if (strlen(code) < 2 || code[0] == 'q' || strcmp(code, "und") == 0 || strcmp(code, "zxx") == 0)
		return 0;
	return drafts_lang(code) < 0;
}

/* Takes the member pm of a post into the post being read. */
static void
read_post_member(struct suggester *g, const struct json_member *pm)
{
	struct post_view *p = &g->post;

	if (json_key_is(pm, "text") && pm->kind == JSON_STRING) {
		read_text(g, pm, &p->text);
		p->repost |= strncmp(p->text.p, "RT @", 4) == 0;
	} else if (json_key_is(pm, "referenced_tweets") || json_key_is(pm, "referenced_posts")) {
		p->repost |= memmem(pm->val, pm->vallen, "\"retweeted\"", 11) != NULL;
		p->reply |= memmem(pm->val, pm->vallen, "\"replied_to\"", 12) != NULL;
	} else if (json_key_is(pm, "in_reply_to_user_id") && pm->kind == JSON_STRING) {
		p->reply = 1;
		buf_reset(&p->reply_to);
		buf_add(&p->reply_to, pm->val + 1, pm->vallen - 2);
	} else if (json_key_is(pm, "entities")) {
		link_domains(&p->domains, pm->val, pm->vallen);
		buf_reset(&p->entities);
		if (client_given(&g->client))
			buf_add(&p->entities, pm->val, pm->vallen);
	} else if (json_key_is(pm, "created_at") && pm->kind == JSON_STRING) {
		if (parse_date(pm->val + 1, pm->vallen - 2, &p->created) < 0)
			p->created = 0;
	} else if (json_key_is(pm, "lang") && pm->kind == JSON_STRING && pm->vallen < 10) {
		buf_add(&g->post_langs, pm->val + 1, pm->vallen - 2);
		buf_addc(&g->post_langs, ' ');
		snprintf(p->lang, sizeof p->lang, "%.*s", (int)(pm->vallen - 2), pm->val + 1);
		p->foreign = foreign_lang(p->lang);
	}
}

/* Reads the posts, newest first, into facts; -1 after rejecting the record. */
static int
read_posts(struct suggester *g, struct stream *st, const struct record *rec)
{
	const struct json_scan *sc = rec->scan;
	size_t i, cur = (size_t)-1;

	for (i = 0; i <= sc->npost_members; i++) {
		const struct json_member *pm = i < sc->npost_members ? &sc->post_members[i] : NULL;

		if (pm == NULL || sc->post_index[i] != cur) {
			if (cur != (size_t)-1)
				take_post(g, cur);
			if (pm == NULL)
				break;
			cur = sc->post_index[i];
			buf_reset(&g->post.text);
			buf_reset(&g->post.domains);
			buf_reset(&g->post.reply_to);
			buf_reset(&g->post.entities);
			g->post.repost = g->post.reply = g->post.foreign = 0;
			g->post.lang[0] = '\0';
			g->post.created = 0;
		}
		if (json_key_is(pm, "text") && pm->kind != JSON_STRING && pm->kind != JSON_NULL) {
			stream_reject(st, rec, ".posts[%zu].text: expected a string, got %s",
			    sc->post_index[i], json_kind_name(pm->kind));
			return -1;
		}
		read_post_member(g, pm);
	}
	return 0;
}

/* --- the record ---------------------------------------------------------------------- */

/*
 * The posts fb-detect found a demand in (fb.demand.hits with a positive
 * weight on .posts[N].text): a plea for a follow back is no question to
 * answer or story to react to.
 */
static void
read_demand_posts(struct suggester *g, const struct record *rec)
{
	const struct json_member *fb = record_member(rec, "fb");
	struct json_member demand, hits, m;
	struct json_iter it, one;
	const char *v;
	size_t vlen, index;
	enum json_kind kind;

	if (g->ndemand_post)
		memset(g->demand_post, 0, g->ndemand_post);
	if (fb == NULL || !json_object_member(fb, "demand", &demand) ||
	    !json_object_member(&demand, "hits", &hits) || hits.kind != JSON_ARRAY)
		return;
	json_iter_init(&it, hits.val, hits.vallen);
	while (json_iter_element(&it, &v, &vlen, &kind)) {
		int positive = 0, post = 0;

		if (kind != JSON_OBJECT)
			continue;
		json_iter_init(&one, v, vlen);
		while (json_iter_member(&one, &m)) {
			if (json_key_is(&m, "weight") && m.kind == JSON_NUMBER)
				positive = strtod(m.val, NULL) > 0;
			else if (json_key_is(&m, "field") && m.kind == JSON_STRING)
				post = sscanf(m.val, "\".posts[%zu].text\"", &index) == 1;
		}
		if (!positive || !post || index > 1000)
			continue;
		if (index >= g->ndemand_post) {
			g->demand_post = xrealloc(g->demand_post, index + 1);
			memset(g->demand_post + g->ndemand_post, 0, index + 1 - g->ndemand_post);
			g->ndemand_post = index + 1;
		}
		g->demand_post[index] = 1;
	}
}

/* Whether the record can be read at all; -1 after rejecting it. */
static int
check_record(struct stream *st, const struct record *rec)
{
	const struct json_member *m;

	if ((m = record_member(rec, "fb")) && m->kind != JSON_OBJECT && m->kind != JSON_NULL) {
		stream_reject(st, rec, ".fb: expected an object, got %s", json_kind_name(m->kind));
		return -1;
	}
	if ((m = record_member(rec, "posts")) && m->kind != JSON_ARRAY && m->kind != JSON_NULL) {
		stream_reject(st, rec, ".posts: expected an array, got %s", json_kind_name(m->kind));
		return -1;
	}
	return 0;
}

/* Whether a record that is wanted can be drafted for; -1 after rejecting it. */
static int
check_user(struct stream *st, const struct record *rec)
{
	const struct json_member *m = record_member(rec, "description");

	if (record_member(rec, "text") && !record_member(rec, "username")) {
		stream_reject_post(st, rec, "fb-suggest drafts for users");
		return -1;
	}
	if (rec->scan->posts_bad != (size_t)-1) {
		stream_reject(st, rec, ".posts[%zu]: expected an object, got %s", rec->scan->posts_bad,
		    json_kind_name(rec->scan->posts_bad_kind));
		return -1;
	}
	if (m && m->kind != JSON_STRING && m->kind != JSON_NULL) {
		stream_reject(st, rec, ".description: expected a string, got %s", json_kind_name(m->kind));
		return -1;
	}
	return 0;
}

static void
forget_facts(struct suggester *g)
{
	int k, s;

	for (k = 0; k < NOPENER_KINDS; k++) {
		struct fact *f = &g->f[k];

		f->have = 0;
		f->field[0] = '\0';
		buf_reset(&f->excerpt);
		for (s = 0; s < NSLOTS; s++)
			buf_reset(&f->slot[s]);
	}
	g->role_strength = 0;
	g->unwritable = 0;
	g->hostile = 0;
	g->pitched = 0;
	g->broadcaster = 0;
	g->off_topic = 0;
	g->hard_news[0] = '\0';
	g->wrote_to_client = 0;
	g->addressed = 0;
	g->hidden = 0;
	buf_reset(&g->bio);
	buf_reset(&g->bio_domains);
	buf_reset(&g->post_langs);
	pt_variant_reset(g->pt_variant);
	buf_reset(&g->username);
	buf_add(&g->username, "", 0);
}

/* Who they are and what the bio says: the greeting, a role, their site. */
static void
read_profile(struct suggester *g, const struct record *rec)
{
	const struct json_member *m;

	if ((m = record_member(rec, "username")) && m->kind == JSON_STRING)
		read_text(g, m, &g->username);
	buf_reset(&g->text);
	buf_add(&g->text, "", 0);
	if ((m = record_member(rec, "name")) && m->kind == JSON_STRING)
		read_text(g, m, &g->text);
	addressee_read(&g->who, g->text.p, g->text.len, g->username.p);
	if ((m = record_member(rec, "description")) && m->kind == JSON_STRING)
		read_text(g, m, &g->bio);
	if (g->bio.len)
		g->role_strength = read_role(g, g->bio.p, g->bio.len, &g->f[OPENER_QUESTION]);
	g->unwritable = post_reader_unwritable(g->posts, g->text.p, g->bio.p ? g->bio.p : "",
	    g->username.p);
	if ((m = record_member(rec, "entities")))
		link_domains(&g->bio_domains, m->val, m->vallen);
	buf_reset(&g->location);
	if ((m = record_member(rec, "location")) && m->kind == JSON_STRING)
		read_text(g, m, &g->location);
	g->hidden = (m = record_member(rec, "protected")) && m->kind == JSON_TRUE &&
	    rec->scan->npost_members == 0;
}

/* The record's language: that of most of its posts, else a few words of its bio, else English. */
static int
record_lang(struct suggester *g, const char *post_langs, const char *bio)
{
	int counts[NLANGS] = {0}, i, best = 0;
	const char *p = post_langs;

	while (p && *p) {
		for (i = 0; i < LANG_PT_PT; i++)
			if (strncmp(p, lang_names[i], 2) == 0 && (p[2] == ' ' || p[2] == '\0'))
				counts[i]++;
		p = strchr(p, ' ');
		p = p ? p + 1 : NULL;
	}
	if (counts[LANG_ES] + counts[LANG_PT] + counts[LANG_EN] == 0 && bio) {
		/* No posts to go by: a few common words of the bio. */
		textnorm_run(&g->norm, bio, strlen(bio));
		if (strstr(g->norm.out.p, " y ") || strstr(g->norm.out.p, " el ") ||
		    strstr(g->norm.out.p, " del ") || strstr(g->norm.out.p, " para "))
			counts[LANG_ES] = 2;
		if (strstr(g->norm.out.p, " voce ") || strstr(g->norm.out.p, " nao ") ||
		    strstr(g->norm.out.p, " com ") || strstr(g->norm.out.p, " em "))
			counts[LANG_PT] = 2;
	}
	for (i = 1; i < LANG_PT_PT; i++)
		if (counts[i] > counts[best])
			best = i;
	return best;
}

/*
 * The language of the drafts: --lang's, else the record's; Portuguese
 * (the record's, or --lang pt) is Portugal's where they live or write it.
 */
static int
detect_lang(struct suggester *g, const char *post_langs, const char *bio)
{
	int lang;

	if (g->force_lang >= 0 && (g->force_lang != LANG_PT || g->force_variant))
		return g->force_lang;
	lang = g->force_lang == LANG_PT ? LANG_PT : record_lang(g, post_langs, bio);
	if (lang != LANG_PT)
		return lang;
	if (g->location.len)
		pt_variant_location(g->pt_variant, g->location.p, g->location.len);
	if (bio)
		pt_variant_text(g->pt_variant, bio, strlen(bio));
	return pt_variant_european(g->pt_variant) ? LANG_PT_PT : LANG_PT;
}

/* --- the opener ---------------------------------------------------------------------- */

static void
facts_json(struct suggester *g, enum opener_kind k, int lang)
{
	const struct fact *f = &g->f[k];
	int s;

	buf_reset(&g->facts);
	buf_printf(&g->facts, "{\"kind\":\"%s\",\"language\":\"%s\"", opener_kind_names[k],
	    lang_names[lang]);
	if (g->who.kind == ADDRESSEE_PERSON) {
		buf_adds(&g->facts, ",\"first_name\":");
		json_escape(&g->facts, g->who.name.p, g->who.name.len);
	}
	for (s = SLOT_ROLE; s < NSLOTS; s++) {
		if (s == SLOT_A_ROLE || f->slot[s].len == 0)
			continue;
		buf_printf(&g->facts, ",\"%s\":", slot_names[s]);
		json_escape(&g->facts, f->slot[s].p, f->slot[s].len);
	}
	buf_adds(&g->facts, "}");
}

static void
opener_json(struct suggester *g, enum opener_kind k, struct buf *json)
{
	const struct fact *f = &g->f[k];

	buf_reset(json);
	buf_adds(json, "{\"text\":");
	json_escape(json, g->text.p, g->text.len);
	buf_printf(json, ",\"kind\":\"%s\",\"basis\":{\"field\":", opener_kind_names[k]);
	json_escape(json, f->field, strlen(f->field));
	buf_adds(json, ",\"excerpt\":");
	json_escape(json, f->excerpt.p ? f->excerpt.p : "", f->excerpt.len);
	buf_adds(json, "}}");
}

/* Why there is no draft, as the opener. */
static void
no_draft_json(const struct suggester *g, struct buf *json)
{
	int k, any = 0, any_cold = 0;

	for (k = 0; k < NOPENER_KINDS; k++) {
		if (!g->cold && cold_kind((enum opener_kind)k))
			any_cold |= g->f[k].have;
		else
			any |= g->f[k].have;
	}
	buf_reset(json);
	buf_adds(json, "{\"text\":null,\"reason\":");
	if (g->hostile)
		buf_adds(json, "\"no draft for someone who put the client down in a reply: a friendly "
		    "opener would read badly; answer in that thread if at all\"}");
	else if (g->hard_news[0])
		buf_printf(json, "\"no draft: they shared hard news (%s: a loss, an illness, an "
		    "accident, a theft, a closure); a template would read breezy next to it, so write "
		    "to them yourself\"}", g->hard_news);
	else if (g->pitched)
		buf_adds(json, "\"no draft for someone who pitched the client in a reply (an ad, a "
		    "plug with a link, a scam): a friendly opener invites the next pitch\"}");
	else if (g->broadcaster)
		buf_adds(json, "\"no draft for a broadcaster that talks with nobody (a brand, a feed, "
		    "a news site; fb-score: maybe, NO_CONVERSATION): a personal opener has no one to "
		    "read it\"}");
	else if (g->off_topic && (any || any_cold))
		buf_adds(json, "\"no draft: fb-score found their posts off the client's topics "
		    "(OFF_TOPIC); a word on their news or their work would read as a form letter; "
		    "--cold drafts one, as a starting point to edit\"}");
	else if (g->unwritable)
		buf_adds(json, "\"no draft for an automated or promotional account: its name or bio "
		    "reads as a bot, a feed, a giveaway or a scam\"}");
	else if (any)
		buf_adds(json, "\"every draft that fits this profile was already written for someone "
		    "else in this run\"}");
	else if (any_cold && g->wrote_to_client)
		buf_adds(json, "\"no draft: what they said to the client needs no reply (a few "
		    "words, a thanks for the follow, thanks a month old, a remark two), and none of "
		    "their posts reads as news of their own; --cold drafts from their bio and posts, "
		    "as starting points to edit\"}");
	else if (any_cold && g->hidden)
		buf_adds(json, "\"no draft: the account is protected and shows no posts; --cold "
		    "drafts from their bio, as a starting point to edit\"}");
	else if (any_cold)
		buf_adds(json, "\"no draft: they never wrote to the client, and none of their posts "
		    "reads as news of their own; --cold drafts from their bio and posts, as "
		    "starting points to edit\"}");
	else if (g->hidden)
		buf_adds(json, "\"nothing specific to go on: the account is protected and shows no "
		    "posts, and there is no job title it knows in the bio\"}");
	else
		buf_adds(json, "\"nothing specific to go on: no job title it knows in the bio, and no "
		    "achievement, own writing, question, advice or story of their own among the posts "
		    "attached (ads, giveaways, small talk, complaints, bad news and posts in languages "
		    "other than en, es and pt get none)\"}");
}

/*
 * What someone said to the client, the client answers: no template knows
 * the answer to their question, whether to take up their offer, or what
 * their thanks were for, and blind reviewers sent few such drafts as they
 * were. So the opener names the kind and what they said, and leaves the
 * text to the client.
 */
static void
todo_json(struct suggester *g, enum opener_kind k, struct buf *json)
{
	/* What they did, and why only the client can answer it. */
	static const char *const did[NOPENER_KINDS] = {
		[OPENER_ANSWER] = "asked the client a question",
		[OPENER_OFFER] = "offered or asked the client something",
		[OPENER_THANKS] = "thanked the client", [OPENER_REPLY] = "wrote to the client",
	};
	static const char *const why[NOPENER_KINDS] = {
		[OPENER_ANSWER] = "only the client knows the answer",
		[OPENER_OFFER] = "only the client can say yes or no",
		[OPENER_THANKS] = "a template cannot say what for",
		[OPENER_REPLY] = "a template cannot know what to say back",
	};
	const struct fact *f = &g->f[k];
	char age[48] = "";

	/* Reviewers sent clients back to thanks and questions half a year old as if new. */
	if (days_before_now(g, f->written) >= STALE_DAYS)
		snprintf(age, sizeof age, ", %ld months ago", days_before_now(g, f->written) / 30);
	buf_reset(&g->tmp);
	buf_printf(&g->tmp, "reply yourself: they %s (%s%s): \"%s\"; %s%s", did[k], f->field, age,
	    f->message.p ? f->message.p : "", why[k],
	    age[0] ? ", unless it was answered since" : "");
	buf_reset(json);
	buf_printf(json, "{\"text\":null,\"kind\":\"%s\",\"basis\":{\"field\":",
	    opener_kind_names[k]);
	json_escape(json, f->field, strlen(f->field));
	buf_adds(json, ",\"excerpt\":");
	json_escape(json, f->excerpt.p ? f->excerpt.p : "", f->excerpt.len);
	buf_adds(json, "},\"reason\":");
	json_escape(json, g->tmp.p, g->tmp.len);
	buf_adds(json, "}");
}

/* The draft of the strongest fact whose templates give one, into json. */
static void
write_opener(struct suggester *g, int lang, struct buf *json)
{
	const enum opener_kind *order = g->role_strength == 2 ? order_job : order_hobby;
	/*
	 * No draft of theirs steps over a pitch to the client; a broadcaster,
	 * an account off the client's topics, or a shop whose bio runs
	 * giveaways gets only what it said to the client, to answer.
	 * Next to hard news, no template is the right word.
	 */
	int blocked = g->hostile || g->hard_news[0] ||
	    ((g->unwritable || g->pitched || g->broadcaster || g->off_topic) &&
	    !g->f[OPENER_ANSWER].have && !g->f[OPENER_OFFER].have && !g->f[OPENER_THANKS].have &&
	    !g->f[OPENER_REPLY].have);
	int i;

	for (i = 0; i < NOPENER_KINDS && !blocked; i++) {
		enum opener_kind k = order[i];

		if (!g->cold && cold_kind(k))
			continue;
		if (g->f[k].have && k >= NTEMPLATE_KINDS) {
			todo_json(g, k, json);
			return;
		}
		if (g->f[k].have && templates_write(g->templates, k, lang, &g->who, g->f[k].slot,
		    g->f[k].excerpt.p, &g->text)) {
			facts_json(g, k, lang);
			opener_json(g, k, json);
			g->have_text = 1;
			return;
		}
	}
	no_draft_json(g, json);
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

/* What fb-score found that says an account only broadcasts, beside NO_CONVERSATION. */
static const char *const broadcast_reasons[] = {
	"\"ORGANISATION_VOICE\"", "\"SCHEDULED_POSTS\"", "\"LINKS_IN_MOST_POSTS\"", "\"MOSTLY_LINKS\"",
	"\"MOSTLY_REPOSTS\"", "\"RELEVANT_BROADCASTER\"", "\"TRIVIA_BROADCAST\"", NULL
};

/* fb.score and its reasons (an array), when fb-score wrote them. */
static int
score_reasons(const struct record *rec, struct json_member *score, struct json_member *reasons)
{
	const struct json_member *fb = record_member(rec, "fb");

	return fb && json_object_member(fb, "score", score) &&
	    json_object_member(score, "reasons", reasons) && reasons->kind == JSON_ARRAY;
}

/*
 * Whether fb-score judged the record maybe and found it talks with nobody
 * (NO_CONVERSATION) and only broadcasts, or is a brand: VERDICTS.md's
 * brands, news sites, aggregators and feeds, which a personal opener
 * does not reach.
 */
static int
broadcaster(const struct suggester *g, const struct record *rec)
{
	struct json_member score, verdict, reasons;
	const char *const *r;

	if (!score_reasons(rec, &score, &reasons) ||
	    !json_object_member(&score, "verdict", &verdict) || verdict.kind != JSON_STRING ||
	    verdict.vallen != 7 || memcmp(verdict.val, "\"maybe\"", 7) != 0 ||
	    !memmem(reasons.val, reasons.vallen, "\"NO_CONVERSATION\"", 17))
		return 0;
	if (g->who.kind == ADDRESSEE_BRAND)
		return 1;
	for (r = broadcast_reasons; *r; r++)
		if (memmem(reasons.val, reasons.vallen, *r, strlen(*r)))
			return 1;
	return 0;
}

/*
 * Whether fb-score found the record's posts off the client's topics
 * (OFF_TOPIC): a word on a knitter's jumper from a climbing gym reads as
 * a form letter, reviewers said. With --cold, the draft is a starting
 * point the client asked for.
 */
static int
off_topic(const struct record *rec)
{
	struct json_member score, reasons;

	return score_reasons(rec, &score, &reasons) &&
	    memmem(reasons.val, reasons.vallen, "\"OFF_TOPIC\"", 11);
}

int
suggester_draft(struct suggester *g, struct stream *st, const struct record *rec,
    int all, struct buf *json)
{
	g->have_text = 0;
	if (check_record(st, rec) < 0)
		return -1;
	if (!all && !wanted(rec))
		return 0;
	if (check_user(st, rec) < 0)
		return -1;
	forget_facts(g);
	read_demand_posts(g, rec);
	read_profile(g, rec);
	if (read_posts(g, st, rec) < 0)
		return -1;
	g->broadcaster = !all && broadcaster(g, rec);
	g->off_topic = !all && !g->cold && off_topic(rec);
	write_opener(g, detect_lang(g, g->post_langs.p, g->bio.p), json);
	return 1;
}

int
suggester_new_text(struct suggester *g, const char *text)
{
	return templates_new_text(g->templates, text);
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
suggester_row(struct buf *out, const char *opener, size_t indent, size_t columns)
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
	buf_printf(out, "%-*s ", KIND_COLUMNS, kind.len ? kind.p : "-");
	indent += KIND_COLUMNS + 1;
	/* A draft is read whole: it wraps; in a terminal too narrow for that, it is cut. */
	if (columns >= indent + MIN_DRAFT_COLUMNS)
		width_wrap(out, text.p ? text.p : "", text.len, columns - indent, indent);
	else
		buf_add(out, text.p ? text.p : "", text.len);
	buf_free(&text);
	buf_free(&kind);
	json_scan_free(&s);
}
