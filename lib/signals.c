#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "links.h"
#include "json.h"
#include "rules.h"
#include "signals.h"
#include "textnorm.h"
#include "util.h"

const char *const signal_names[NSIGNALS] = {
	"DEMANDS_FOLLOW_BACK", "DEMAND_IN_POSTS", "MENTIONS_FOLLOW_BACK",
	"FOLLOWS_50X", "FOLLOWS_7X", "FOLLOWING_AT_LIMIT", "FOLLOW_FARM_1TO1",
	"HEALTHY_RATIO", "NEW_ACCOUNT", "NEVER_POSTED", "FEW_POSTS",
	"DEFAULT_IMAGE", "NO_BIO_NO_LOCATION", "GENERATED_HANDLE", "PROTECTED",
	"DEAD_365_DAYS", "QUIET_90_DAYS", "ACTIVE_30_DAYS", "POSTS_33_A_DAY",
	"MOSTLY_REPOSTS", "MOSTLY_LINKS", "LINKS_IN_MOST_POSTS", "HASHTAG_HEAVY",
	"SCHEDULED_POSTS", "REPEATED_TEXT", "SPAM_PHRASES", "SPAM_IN_BIO",
	"CANNED_REPLIES", "CONVERSATION", "REPLIES_OFTEN", "NO_CONVERSATION",
	"ASKS_QUESTIONS", "TALKED_TO_CLIENT", "PITCHES_CLIENT", "COMBATIVE_REPLIES",
	"SELF_PROMOTING_REPLIES", "ORIGINAL_TEXT", "SAYS_WHAT_THEY_DO",
	"ORGANISATION_VOICE", "TRIVIA_BROADCAST", "OWN_WRITING", "LISTED",
	"WIDELY_LISTED", "INTERESTS", "INTEREST_WORDS", "RELEVANT_POSTS",
	"OFF_TOPIC", "OFF_TOPIC_CONVERSES", "SEVERAL_FAKE_SIGNS",
	"ALIVE_RELEVANT_CONVERSES", "RELEVANT_BROADCASTER",
};

/*
 * Lexicons matched on normalised bios and posts. Job titles and
 * self-descriptions (Sloan et al. 2015; Beller et al. 2014), with hobby
 * words left out: they say little about what a person does.
 */
static const char lexicons[] =
    "rule ROLE \\b(?:founder|co-?founder|ceo|cto|cfo|coo|vp|head\\s+of|director|manager|engineer|developer|"
    "programmer|designer|architect|researcher|scientist|professor|lecturer|teacher|phd|postdoc|"
    "journalist|reporter|editor|author|writer\\s+(?:at|for)|copywriter|consultant|strategist|"
    "analyst|marketer|marketing|lawyer|attorney|doctor|physician|nurse|pharmacist|dentist|"
    "therapist|chef|baker|owner|proprietor|farmer|accountant|economist|librarian|curator|"
    "producer|product|photographer\\s+(?:at|for|@)|illustrator|translator|nonprofit|ngo|"
    "fundador[a]?|ingenier[oa]|disenador[a]?|periodista|jornalista|investigador[a]?|"
    "professor[a]?|gr(?:u|ue)nder(?:in)?|ingenieur(?:in)?|fondat(?:eur|rice)|journaliste|"
    "developpeu(?:r|se)|consultor[a]?|dueno|dona\\s+de|i\\s+(?:run|help|build|teach|write\\s+about|make)|"
    "(?:work|working)\\s+(?:at|on|in)|building\\s+@|at\\s+@\\w|@\\s*\\w+\\s*(?:\\||$))\n"
    "rule SPAM \\b(?:make\\s+(?:money|\\$\\s*\\d+)|earn\\s+\\$?\\s*\\d+|work\\s+from\\s+home|giveaway|airdrop|"
    "free\\s+(?:followers|crypto|money|iphone)|dm\\s+(?:me\\s+)?(?:for|to\\s+get)\\s+(?:promo|collab|paid|shoutout)|"
    "click\\s+(?:the\\s+)?link\\s+in\\s+(?:my\\s+)?bio|limited\\s+(?:time\\s+)?offer|passive\\s+income|"
    "double\\s+your|forex|binary\\s+options|promo\\s+code|get\\s+rich|100x|to\\s+the\\s+moon|"
    "send\\s+(?:me\\s+)?\\d+|cash\\s*app|onlyfans|buy\\s+followers|cheap\\s+followers|signals?\\s+group|"
    "investment\\s+opportunity|guaranteed\\s+(?:profit|returns?)|claim\\s+(?:your|now)|"
    "(?:real|active|organic)\\s+followers|\\d+\\s*k\\s+followers|followers\\s+for\\s+\\$|instant\\s+delivery|"
    "engagement\\s+(?:pod|group)|grupo\\s+de\\s+engajamento|grupo\\s+de\\s+interaccion|pod\\s+de\\s+engajamento|"
    "seguidores\\s+(?:reais|reales)|compra\\s+seguidores|comprar\\s+seguidores|dm\\s+(?:me\\s+)?to\\s+join|"
    /* phishing and prize scams */
    "verify\\s+your\\s+(?:account|identity)|account\\s+(?:will\\s+be\\s+)?suspended|appeal\\s+form|"
    "seed\\s+phrase|wallet\\s+(?:connect|sync)|you(?:'ve|\\s+have)\\s+(?:won|been\\s+selected)|claim\\s+(?:your\\s+)?prize|"
    "gift\\s*card|whatsapp\\s+(?:me|us|\\+)|double\\s+(?:your\\s+)?(?:btc|eth|crypto|money)|pix\\s+(?:aceito|premiado)|"
    "paid\\s+(?:feature|promotion|review)s?|featured\\s+for\\s+\\$|limited\\s+spots?)\n"
    /* A bio in the voice of an organisation rather than a person. */
    "rule ORG ^the\\s|\\b(?:we|we're|our|official|news|newsroom|daily|weekly|updates|headlines|brand|"
    "shop|store|agency|app|platform|inc|ltd|llc|gmbh|company|magazine|media|"
    "nosotros|nuestr[oa]s?|noticias|somos|nossa?|noticias|tienda|loja|agencia)\\b\n"
    /* What broadcasters of filler post: trivia, horoscopes, scores, gossip, quotes. */
    "rule TRIVIA \\b(?:horoscopes?|zodiac|astrology|aries|scorpio|quote\\s+of\\s+the\\s+day|daily\\s+quotes?|"
    "motivational|inspirational|gossip|celebs?|celebrity|fun\\s+facts?|facts\\s+every|did\\s+you\\s+know|trivia|"
    "one\\s+quote|quotes?\\s+(?:a|every)\\s+day|daily\\s+(?:facts?|motivation|horoscope)|"
    "live\\s+scores?|final\\s+score|fixtures|full\\s+time|breaking|viral|memes?|tea\\b)\\b\n"
    /* Replies that put people down rather than talk with them. */
    "rule COMBATIVE \\b(?:nonsense|rubbish|garbage|stupid|idiot\\w*|clueless|pathetic|ridiculous|"
    "wrong\\s+again|you(?:'re|\\s+are)\\s+wrong|nobody\\s+asked|cope|l+o+l+\\s+no|do\\s+better|embarrassing|"
    "amateurs?|grow\\s+up|try\\s+harder|typical|absurd|bobagem|ridiculo|vergonha|tonteria|ridiculez|"
    "quatsch|unsinn|lacherlich)\\b\n"
    /* Replies that sell: the replier's own course, product, link or DMs. */
    "rule PROMO \\b(?:my\\s+(?:course|program|programme|ebook|book|app|method|coaching|masterclass|newsletter)|"
    "check\\s+out\\s+my|link\\s+in\\s+(?:my\\s+)?bio|dm\\s+me|use\\s+code|discount|sign\\s+up|"
    "book\\s+a\\s+call|free\\s+(?:guide|trial|call|webinar)|meu\\s+curso|link\\s+na\\s+bio|mi\\s+curso)\\b\n";

enum { LEX_ROLE, LEX_SPAM, LEX_ORG, LEX_TRIVIA, LEX_COMBATIVE, LEX_PROMO };

struct post {
	struct buf text;	/* original */
	struct buf norm;	/* normalised */
	struct buf said;	/* normalised, without the @names a reply starts with */
	time_t created;
	int has_created, repost, reply, bare_link, original;
	int has_link, question, hashtags, to_client, spam;
	struct buf reply_to;	/* the user replied to */
	struct buf mentions;	/* the mentions' raw JSON, for the client's id */
	struct buf domains;	/* " a.com b.org " */
};

struct signals {
	time_t now;
	char **interests;
	size_t ninterests;
	char *interests_given;	/* as given, for messages */
	char **stems;		/* the interests' words, cut to STEM bytes */
	size_t nstems;
	char **client;		/* the client's ids and lower-case @names */
	size_t nclient;
	struct ruleset lex;
	struct textnorm norm;
	struct post *posts;
	size_t nposts, posts_cap;
	struct buf tmp;
	struct stream *st;
	struct signal_result *out;
	unsigned char lex_mark[8];	/* the lexicons that may match the text scanned */
	const char *want_why;		/* the signals whose why is wanted, or NULL for all */
};

/* Whether the ", "-separated list holds key as one of its items. */
static int
has_word_key(const char *list, const char *key)
{
	size_t n = strlen(key);
	const char *p = list;

	while ((p = strstr(p, key)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p++;
	}
	return 0;
}

/*
 * A crude stemmer that needs no language: a word's first STEM bytes
 * ("market" for marketing and marketer, "coffee" and "coffees"). Words
 * that say nothing of a topic on their own are left out.
 */
#define STEM 5

static int
stop_word(const char *w, size_t n)
{
	static const char *const stop[] = {
		"and", "the", "for", "with", "from", "into", "your", "our", "are", "about",
		"small", "local", "new", "good", "best", "top", "more", "big", "de", "del",
		"la", "las", "los", "el", "y", "e", "o", "para", "por", "con", "com", "do",
		"da", "dos", "das", "em", "no", "na", "en", "et", "le", "les", "du", "des",
		"und", "der", "die", "das", "den", "im", "a", "of", "to", "in", "on", "at", "by",
	};
	size_t i;

	for (i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (strlen(stop[i]) == n && memcmp(stop[i], w, n) == 0)
			return 1;
	return 0;
}

static void
add_stems(struct signals *s, const char *in)
{
	const char *p = in;

	while (*p) {
		size_t n = 0, i;
		char *stem;

		while (*p == ' ')
			p++;
		while (p[n] && p[n] != ' ')
			n++;
		if (n == 0)
			break;
		if (!stop_word(p, n)) {
			stem = xstrndup(p, n > STEM ? STEM : n);
			for (i = 0; i < s->nstems && strcmp(s->stems[i], stem) != 0; i++)
				;
			if (i < s->nstems) {
				free(stem);
			} else {
				s->stems = xrealloc(s->stems, (s->nstems + 1) * sizeof *s->stems);
				s->stems[s->nstems++] = stem;
			}
		}
		p += n;
	}
}

static int
is_word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/*
 * The interests' words found in text (normalised), added to found (", "-
 * separated) and counted in *nfound when new; returns how many occur.
 */
static size_t
match_stems(struct signals *s, const char *t, size_t len, struct buf *found, size_t *nfound)
{
	size_t i = 0, j, occur = 0;

	while (i < len) {
		size_t n = 0;

		while (i < len && !is_word_char((unsigned char)t[i]))
			i++;
		while (i + n < len && is_word_char((unsigned char)t[i + n]))
			n++;
		for (j = 0; n && j < s->nstems; j++) {
			const char *stem = s->stems[j];
			size_t k = strlen(stem);

			/* A short word must be whole ("ux", "seo"); a long one starts alike. */
			if (!(k < STEM ? n == k : n >= k) || memcmp(t + i, stem, k) != 0)
				continue;
			occur++;
			if (found->p && has_word_key(found->p, stem))
				continue;
			if (found->len)
				buf_adds(found, ", ");
			buf_adds(found, stem);
			(*nfound)++;
		}
		i += n;
	}
	return occur;
}

/* Exactly n decimal digits at p, as a number in *out. */
static int
digits(const char *p, int n, int *out)
{
	int i;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		*out = *out * 10 + (p[i] - '0');
	}
	return 1;
}

int
parse_date(const char *p, size_t len, time_t *t)
{
	struct tm tm = {0};
	char buf[40];

	if (len >= sizeof buf)
		return -1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	if (len < 10 || !digits(buf, 4, &tm.tm_year) || buf[4] != '-' ||
	    !digits(buf + 5, 2, &tm.tm_mon) || buf[7] != '-' || !digits(buf + 8, 2, &tm.tm_mday))
		return -1;
	if (buf[10] == 'T' || buf[10] == ' ') {
		int m = 19;

		if (len < 19 || !digits(buf + 11, 2, &tm.tm_hour) || buf[13] != ':' ||
		    !digits(buf + 14, 2, &tm.tm_min) || buf[16] != ':' || !digits(buf + 17, 2, &tm.tm_sec))
			return -1;
		if (buf[m] == '.')
			for (m++; isdigit((unsigned char)buf[m]); m++)
				;
		if (buf[m] == 'Z')
			m++;
		else if (strcmp(buf + m, "+00:00") == 0)
			m += 6;
		if (buf[m] != '\0')
			return -1;
	} else if (buf[10] != '\0') {
		return -1;
	}
	if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31)
		return -1;
	if (tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	{
		struct tm check = tm, back;

		*t = timegm(&check);
		/* timegm normalises 2026-02-30 to March: refuse what moved. */
		if (gmtime_r(t, &back) == NULL || back.tm_mday != tm.tm_mday || back.tm_mon != tm.tm_mon)
			return -1;
	}
	return 0;
}

/* The member key of the object value m (from a json_member), or found = 0. */
static int
object_member(const struct json_member *obj, const char *key, struct json_member *out)
{
	struct json_iter it;
	struct json_member m;
	int found = 0;

	if (obj == NULL || obj->kind != JSON_OBJECT)
		return 0;
	json_iter_init(&it, obj->val, obj->vallen);
	while (json_iter_member(&it, &m))
		if (json_key_is(&m, key)) {
			*out = m;
			found = 1;
		}
	return found;
}

static int
number_of(const struct json_member *m, double *x)
{
	char tmp[64];

	if (m->kind != JSON_NUMBER || m->vallen >= sizeof tmp)
		return 0;
	memcpy(tmp, m->val, m->vallen);
	tmp[m->vallen] = '\0';
	*x = strtod(tmp, NULL);
	return 1;
}

static struct post *
new_post(struct signals *s)
{
	struct post *p;

	if (s->nposts == s->posts_cap)
		s->posts = xgrow(s->posts, &s->posts_cap, sizeof *s->posts, 16);
	p = &s->posts[s->nposts++];
	buf_reset(&p->text);
	buf_reset(&p->norm);
	buf_reset(&p->said);
	buf_reset(&p->reply_to);
	buf_reset(&p->mentions);
	buf_reset(&p->domains);
	p->has_created = p->repost = p->reply = p->bare_link = p->original = 0;
	p->has_link = p->question = p->hashtags = p->to_client = p->spam = 0;
	return p;
}

static size_t
letters(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += isalpha((unsigned char)*s) || ((unsigned char)*s >= 0xC0);
	return n;
}

/* Letters left once links, mentions and hashtags are taken out. */
static size_t
words_left(const char *text)
{
	struct buf b = {0};
	const char *p = text;
	size_t n;

	while (*p) {
		if ((*p == 'h' && (strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0)) ||
		    *p == '@' || *p == '#') {
			while (*p && !isspace((unsigned char)*p))
				p++;
			continue;
		}
		buf_addc(&b, *p++);
	}
	n = b.p ? letters(b.p) : 0;
	buf_free(&b);
	return n;
}

/* Whether the post replies to or mentions the client (--client). */
static int
addresses_client(const struct signals *s, const struct post *p)
{
	size_t i;

	for (i = 0; i < s->nclient; i++) {
		const char *c = s->client[i];
		size_t n = strlen(c);
		const char *t = p->text.p, *at;

		if (p->reply_to.len == n && memcmp(p->reply_to.p, c, n) == 0)
			return 1;
		if (p->mentions.len && memmem(p->mentions.p, p->mentions.len, c, n))
			return 1;
		for (at = t; at && (at = strchr(at, '@')) != NULL; at++)
			if (strncasecmp(at + 1, c, n) == 0 &&
			    !isalnum((unsigned char)at[1 + n]) && at[1 + n] != '_')
				return 1;
	}
	return 0;
}

static void
finish_post(struct signals *s, struct post *p)
{
	const char *t = p->text.p ? p->text.p : "", *q;
	size_t left;

	textnorm_run(&s->norm, t, p->text.len);
	buf_add(&p->norm, s->norm.out.p, s->norm.out.len);
	if (p->text.len >= 3 && strncmp(t, "RT @", 4) == 0)
		p->repost = 1;
	left = words_left(t);
	p->has_link = strstr(t, "http://") || strstr(t, "https://");
	p->bare_link = !p->repost && left < 10 && p->has_link;
	p->original = !p->repost && !p->bare_link && left >= 20;
	p->question = !p->repost && strchr(t, '?') != NULL;
	for (q = t; (q = strchr(q, '#')) != NULL; q++)
		p->hashtags += isalnum((unsigned char)q[1]) || (unsigned char)q[1] >= 0x80;
	/* What a reply says, without the @names it starts with: canned replies repeat it. */
	q = p->norm.p ? p->norm.p : "";
	while (*q == '@' || *q == ' ') {
		while (*q && *q != ' ')
			q++;
		while (*q == ' ')
			q++;
	}
	buf_adds(&p->said, q);
	p->to_client = !p->repost && addresses_client(s, p);
}

/* Reads the posts the scanner kept (rec->scan) into s->posts. */
static int
read_posts(struct signals *s, const struct record *rec)
{
	const struct json_scan *sc = rec->scan;
	struct post *p = NULL;
	size_t i, current = (size_t)-1;

	s->nposts = 0;
	if (sc->posts_bad != (size_t)-1) {
		stream_reject(s->st, rec, ".posts[%zu]: expected an object, got %s",
		    sc->posts_bad, json_kind_name(sc->posts_bad_kind));
		return -1;
	}
	for (i = 0; i < sc->npost_members; i++) {
		const struct json_member *m = &sc->post_members[i];

		if (sc->post_index[i] != current) {
			if (p)
				finish_post(s, p);
			p = new_post(s);
			current = sc->post_index[i];
		}
		if (json_key_is(m, "text") && m->kind == JSON_STRING) {
			buf_reset(&p->text);
			json_unescape(&p->text, m->val, m->vallen);
		} else if (json_key_is(m, "created_at") && m->kind == JSON_STRING) {
			p->has_created = parse_date(m->val + 1, m->vallen - 2, &p->created) == 0;
		} else if (json_key_is(m, "in_reply_to_user_id") && m->kind == JSON_STRING) {
			p->reply = 1;
			buf_reset(&p->reply_to);
			buf_add(&p->reply_to, m->val + 1, m->vallen - 2);
		} else if ((json_key_is(m, "referenced_tweets") || json_key_is(m, "referenced_posts")) &&
		    m->kind == JSON_ARRAY) {
			if (memmem(m->val, m->vallen, "\"retweeted\"", 11))
				p->repost = 1;
			if (memmem(m->val, m->vallen, "\"replied_to\"", 12))
				p->reply = 1;
		} else if (json_key_is(m, "entities")) {
			link_domains(&p->domains, m->val, m->vallen);
			buf_reset(&p->mentions);
			/* Kept, lower-cased, only to look for the client in. */
			if (s->nclient) {
				buf_add(&p->mentions, m->val, m->vallen);
				for (size_t k = 0; k < p->mentions.len; k++)
					p->mentions.p[k] = (char)tolower((unsigned char)p->mentions.p[k]);
			}
		}
	}
	if (p)
		finish_post(s, p);
	return 0;
}

/* A signal that holds, with what made it hold. */
static void
hit(struct signals *s, size_t sig, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
hit(struct signals *s, size_t sig, const char *fmt, ...)
{
	va_list ap;
	char tmp[512];

	s->out->held[sig] = 1;
	if (s->want_why && !s->want_why[sig])
		return;	/* formatting costs more than the rest of a signal */
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_reset(&s->out->why[sig]);
	buf_adds(&s->out->why[sig], tmp);
}

static void
not_evaluated(struct signals *s, size_t sig, const char *lacking)
{
	s->out->lacking[sig] = 1;
	buf_reset(&s->out->why[sig]);
	buf_printf(&s->out->why[sig], "not evaluated: %s", lacking);
}

/*
 * A text is asked about several lexicons: one pass over their literals
 * (lexicon_scan) tells which can match it, and only those run.
 */
static void
lexicon_scan(struct signals *s, const char *text, size_t len)
{
	ruleset_candidates(&s->lex, text, len, s->lex_mark);
}

/* Whether lexicon lex matches text, which lexicon_scan read last. */
static int
lexicon_hits(struct signals *s, int lex, const char *text, size_t len,
    size_t *m0, size_t *m1)
{
	return s->lex_mark[lex] && rule_match(&s->lex, (size_t)lex, text, len, 0, m0, m1) > 0;
}

static void
score_counts(struct signals *s, const struct record *rec, double *tweets_out,
    int *have_tweets, double *age_days, int *have_age)
{
	const struct json_member *pm = record_member(rec, "public_metrics");
	const struct json_member *created = record_member(rec, "created_at");
	struct json_member m;
	double followers = 0, following = 0, tweets = 0, listed = 0;
	int have_ff = 0, have_listed = 0;

	*have_tweets = 0;
	*have_age = 0;
	if (pm && pm->kind == JSON_OBJECT) {
		have_ff = object_member(pm, "followers_count", &m) && number_of(&m, &followers);
		have_ff &= object_member(pm, "following_count", &m) && number_of(&m, &following);
		*have_tweets = (object_member(pm, "tweet_count", &m) || object_member(pm, "post_count", &m)) &&
		    number_of(&m, &tweets);
		have_listed = object_member(pm, "listed_count", &m) && number_of(&m, &listed);
	}
	if (created && created->kind == JSON_STRING) {
		time_t t;

		if (parse_date(created->val + 1, created->vallen - 2, &t) == 0) {
			*age_days = difftime(s->now, t) / 86400.0;
			*have_age = 1;
		}
	}
	*tweets_out = tweets;
	if (!have_ff) {
		not_evaluated(s, SIG_50X, "no follower counts");
		not_evaluated(s, SIG_7X, "no follower counts");
	} else {
		double ratio = followers > 0 ? following / followers : following;

		if (following >= 100 && following >= 50 * followers)
			hit(s, SIG_50X, "follows %.0f, followed by %.0f", following, followers);
		else if (following >= 100 && following >= 7 * followers)
			hit(s, SIG_7X, "follows %.0f, followed by %.0f (%.0fx)", following, followers, ratio);
		if (((following >= 1950 && following <= 2050) || (following >= 4950 && following <= 5050)) &&
		    followers < 0.1 * following)
			hit(s, SIG_LIMIT, "follows %.0f, followed by %.0f", following, followers);
		if (following >= 1900 && followers > 0 && ratio >= 0.9 && ratio <= 1.1)
			hit(s, SIG_1TO1, "follows %.0f, followed by %.0f", following, followers);
		if (2 * followers >= following && following + followers > 0)
			hit(s, SIG_HEALTHY, "followed by %.0f, follows %.0f", followers, following);
	}
	if (*have_age && *age_days < 30)
		hit(s, SIG_NEW, "created %.0f days ago", floor(*age_days));
	if (*have_tweets) {
		if (tweets == 0)
			hit(s, SIG_NEVER, "0 posts");
		else if (tweets < 3)
			hit(s, SIG_FEW, "%.0f posts", tweets);
		if (*have_age && *age_days >= 1 && tweets / *age_days > 33)
			hit(s, SIG_RATE, "%.0f posts a day", tweets / *age_days);
	}
	if (have_listed && listed >= 1)
		hit(s, SIG_LISTED, "on %.0f lists", listed);
	if (have_listed && listed >= 10)
		hit(s, SIG_WIDELY_LISTED, "on %.0f lists", listed);
}

/* A handle as sign-up forms generate it: letters then six digits or more. */
static int
generated_handle(const char *p, size_t n)
{
	size_t letters_n = 0, digits = 0, i = 0;

	while (i < n && (isalpha((unsigned char)p[i]) || p[i] == '_'))
		letters_n++, i++;
	while (i < n && isdigit((unsigned char)p[i]))
		digits++, i++;
	return i == n && letters_n >= 2 && digits >= 6;
}

static void
score_profile(struct signals *s, const struct record *rec, double age_days, int have_age,
    struct buf *bio_domains)
{
	const struct json_member *m;
	int has_bio = 0, has_location = 0;
	size_t m0, m1;

	if ((m = record_member(rec, "profile_image_url")) && m->kind == JSON_STRING &&
	    memmem(m->val, m->vallen, "default_profile", 15) && have_age && age_days > 60)
		hit(s, SIG_DEFAULT_IMAGE, "default image, account %.0f days old", age_days);
	if ((m = record_member(rec, "location")) && m->kind == JSON_STRING && m->vallen > 2)
		has_location = 1;
	if ((m = record_member(rec, "description")) && m->kind == JSON_STRING && m->vallen > 2) {
		has_bio = 1;
		buf_reset(&s->tmp);
		json_unescape(&s->tmp, m->val, m->vallen);
		textnorm_run(&s->norm, s->tmp.p, s->tmp.len);
		lexicon_scan(s, s->norm.out.p, s->norm.out.len);
		if (lexicon_hits(s, LEX_ROLE, s->norm.out.p, s->norm.out.len, &m0, &m1)) {
			size_t c0, c1, o0, o1;

			textnorm_span(&s->norm, m0, m1, &c0, &c1);
			o0 = textnorm_cp_offset(&s->norm, c0);
			o1 = textnorm_cp_offset(&s->norm, c1);
			hit(s, SIG_ROLE, "bio: \"%.*s\"", (int)(o1 - o0), s->tmp.p + o0);
		}
	}
	if (!has_bio && !has_location)
		hit(s, SIG_NO_BIO, "no bio, no location");
	if (has_bio && lexicon_hits(s, LEX_ORG, s->norm.out.p, s->norm.out.len, &m0, &m1))
		hit(s, SIG_ORG, "bio: \"%.*s\"", (int)(m1 - m0), s->norm.out.p + m0);
	else if ((m = record_member(rec, "name")) && m->kind == JSON_STRING &&
	    m->vallen > 6 && strncasecmp(m->val + 1, "the ", 4) == 0)
		hit(s, SIG_ORG, "name: %.*s", (int)m->vallen - 2, m->val + 1);
	if (has_bio && lexicon_hits(s, LEX_TRIVIA, s->norm.out.p, s->norm.out.len, &m0, &m1))
		hit(s, SIG_TRIVIA, "bio: \"%.*s\"", (int)(m1 - m0), s->norm.out.p + m0);
	if (has_bio && lexicon_hits(s, LEX_SPAM, s->norm.out.p, s->norm.out.len, &m0, &m1))
		hit(s, SIG_SPAM_BIO, "bio: \"%.*s\"", (int)(m1 - m0), s->norm.out.p + m0);
	if ((m = record_member(rec, "username")) && m->kind == JSON_STRING &&
	    generated_handle(m->val + 1, m->vallen - 2))
		hit(s, SIG_GENERATED, "@%.*s", (int)m->vallen - 2, m->val + 1);
	if ((m = record_member(rec, "protected")) && m->kind == JSON_TRUE)
		hit(s, SIG_PROTECTED, "protected: only approved followers see the posts");
	if ((m = record_member(rec, "entities")))
		link_domains(bio_domains, m->val, m->vallen);
	if ((m = record_member(rec, "url")) && m->kind == JSON_STRING) {
		buf_reset(&s->tmp);
		json_unescape(&s->tmp, m->val, m->vallen);
		link_domain(bio_domains, s->tmp.p ? s->tmp.p : "", s->tmp.len);
	}
}

/* Whether needle occurs in hay as a whole word or phrase. */
static int
has_phrase(const char *hay, size_t len, const char *needle)
{
	const char *p = hay, *at;
	size_t n = strlen(needle);

	while (n && (at = memmem(p, (size_t)(hay + len - p), needle, n)) != NULL) {
		if ((at == hay || !is_word_char((unsigned char)at[-1])) &&
		    (at + n == hay + len || !is_word_char((unsigned char)at[n])))
			return 1;
		p = at + 1;
	}
	return 0;
}

/*
 * The interests found in text, added to found (", "-separated). Hyphens
 * and underscores count as spaces ("small-business"), and an interest
 * written as one word matches too (#smallbusiness).
 */
static void
match_interests(struct signals *s, const char *text, size_t len, struct buf *found)
{
	char *t = xstrndup(text, len), joined[256];
	size_t i, j, k;

	for (i = j = 0; i < len; i++) {
		char c = t[i] == '-' || t[i] == '_' ? ' ' : t[i];

		if (c != ' ' || j == 0 || t[j - 1] != ' ')
			t[j++] = c;
	}
	len = j;
	for (i = 0; i < s->ninterests; i++) {
		const char *in = s->interests[i];

		if (found->p && has_phrase(found->p, found->len, in))
			continue;
		for (j = k = 0; in[j] && k + 1 < sizeof joined; j++)
			if (in[j] != ' ')
				joined[k++] = in[j];
		joined[k] = '\0';
		if (has_phrase(t, len, in) || (strcmp(joined, in) != 0 && has_phrase(t, len, joined))) {
			if (found->len)
				buf_adds(found, ", ");
			buf_adds(found, in);
		}
	}
	free(t);
}

/* What the posts add up to, counted once for the rules below. */
struct post_counts {
	size_t n, own, reposts, links, with_link, spam, replies, distinct, canned;
	size_t questions, hashtags, original, dated, repeat, same_minute, to_client, pitches;
	size_t combative, promo_replies;
	time_t last;
};

static int
same_buf(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->p, b->p, a->len) == 0);
}

static void
count_posts(struct signals *s, struct post_counts *c)
{
	size_t i, j, minutes[60] = {0};

	memset(c, 0, sizeof *c);
	c->n = s->nposts;
	for (i = 0; i < c->n; i++) {
		struct post *p = &s->posts[i];
		size_t m0, m1, same = 1;

		c->reposts += p->repost;
		c->links += p->bare_link;
		c->original += p->original;
		if (p->has_created) {
			c->dated++;
			if (p->created > c->last)
				c->last = p->created;
			if (!p->reply && !p->repost)
				minutes[(p->created / 60) % 60]++;
		}
		if (!p->repost || p->reply)
			lexicon_scan(s, p->norm.p ? p->norm.p : "", p->norm.len);
		if (!p->repost) {
			c->own++;
			c->with_link += p->has_link;
			c->questions += p->question;
			c->hashtags += (size_t)p->hashtags;
			p->spam = lexicon_hits(s, LEX_SPAM, p->norm.p ? p->norm.p : "", p->norm.len, &m0, &m1);
			c->spam += (size_t)p->spam;
			/* A link or a sales line to the client is a pitch, not a conversation. */
			if (p->to_client && (p->has_link || p->spam))
				c->pitches++;
			else
				c->to_client += p->to_client;
		}
		if (p->reply && !p->repost) {
			int seen = 0, canned = 0;
			const char *t = p->norm.p ? p->norm.p : "";

			c->replies++;
			c->combative += lexicon_hits(s, LEX_COMBATIVE, t, p->norm.len, &m0, &m1);
			c->promo_replies += p->has_link || p->spam ||
			    lexicon_hits(s, LEX_PROMO, t, p->norm.len, &m0, &m1);
			for (j = 0; j < i; j++) {
				if (!s->posts[j].reply)
					continue;
				seen |= same_buf(&s->posts[j].reply_to, &p->reply_to);
				canned |= p->said.len > 0 && same_buf(&s->posts[j].said, &p->said);
			}
			c->distinct += !seen;
			c->canned += canned;
		}
		for (j = i + 1; j < c->n; j++)
			same += p->norm.len > 0 && same_buf(&s->posts[j].norm, &p->norm);
		if (same > c->repeat)
			c->repeat = same;
	}
	for (i = 0; i < 60; i++)
		if (minutes[i] > c->same_minute)
			c->same_minute = minutes[i];
}

/* Dead, quiet or active, from the newest post's date. */
static void
score_activity(struct signals *s, const struct post_counts *c, int never_posted)
{
	double idle;

	if (never_posted)
		return;		/* NEVER_POSTED says it */
	if (c->dated == 0) {
		not_evaluated(s, SIG_DEAD, c->n ? "no dates on the attached posts" : "no posts attached");
		return;
	}
	idle = difftime(s->now, c->last) / 86400.0;
	if (idle > 365)
		hit(s, SIG_DEAD, "last post %.0f days ago", ceil(idle));
	else if (idle > 90)
		hit(s, SIG_QUIET, "last post %.0f days ago", ceil(idle));
	else if (idle <= 30)
		hit(s, SIG_ACTIVE, "last post %.0f days ago", idle < 0 ? 0 : floor(idle));
}

/* Broadcasting, spam and conversation, from what the posts are. */
static void
score_post_kinds(struct signals *s, const struct post_counts *c)
{
	size_t n = c->n;

	if (c->reposts * 10 > n * 9)
		hit(s, SIG_REPOSTS, "%zu of %zu recent posts are reposts", c->reposts, n);
	if (c->links * 10 > n * 9)
		hit(s, SIG_LINKS, "%zu of %zu recent posts are bare links", c->links, n);
	if (c->own >= 3 && c->with_link * 10 >= c->own * 7)
		hit(s, SIG_LINKS_MOST, "%zu of %zu posts of their own carry a link", c->with_link, c->own);
	if (c->own >= 3 && c->hashtags >= 2 * c->own)
		hit(s, SIG_HASHTAGS, "%zu hashtags in %zu posts of their own", c->hashtags, c->own);
	if (c->own - c->replies >= 4 && c->same_minute * 4 >= (c->own - c->replies) * 3)
		hit(s, SIG_SCHEDULED, "%zu of %zu posts at the same minute of the hour",
		    c->same_minute, c->own - c->replies);
	if (c->repeat >= 3)
		hit(s, SIG_REPEATED, "the same text %zu times in %zu posts", c->repeat, n);
	if (c->spam * 10 > n * 3)
		hit(s, SIG_SPAM, "%zu of %zu recent posts", c->spam, n);
	if (c->canned >= 1 && c->replies >= 2)
		hit(s, SIG_CANNED, "%zu of %zu replies say the same as another", c->canned + 1, c->replies);
	if (c->distinct >= 2 && c->replies * 5 >= n)
		hit(s, SIG_CONVERSATION, "%zu replies to %zu different people in %zu posts",
		    c->replies, c->distinct, n);
	if (c->combative >= 2 || (c->combative >= 1 && c->replies <= 2))
		hit(s, SIG_COMBATIVE, "%zu of %zu replies put people down", c->combative, c->replies);
	if (c->replies >= 2 && c->promo_replies * 2 >= c->replies)
		hit(s, SIG_PROMO_REPLIES, "%zu of %zu replies sell something or carry a link",
		    c->promo_replies, c->replies);
	if (c->distinct >= 3 && c->replies * 5 >= c->own * 2)
		hit(s, SIG_REPLIES_OFTEN, "%zu of %zu posts of their own reply, to %zu people",
		    c->replies, c->own, c->distinct);
	if (c->own >= 3 && c->replies == 0)
		hit(s, SIG_NO_CONVERSATION, "no reply in %zu posts of their own", c->own);
	if (c->questions >= 1 && c->spam == 0)
		hit(s, SIG_QUESTIONS, "%zu of %zu posts of their own ask something", c->questions, c->own);
	if (c->original * 10 >= n * 7)
		hit(s, SIG_ORIGINAL, "%zu of %zu recent posts", c->original, n);
}

static void
score_posts(struct signals *s, const struct record *rec, int never_posted,
    const struct buf *bio_domains, struct post_counts *c)
{
	int posts_attached = record_member(rec, "posts") != NULL;
	const char *lacking = posts_attached ? "fewer than 3 posts attached" : "no posts attached";
	size_t i;

	count_posts(s, c);
	score_activity(s, c, never_posted);
	if (c->to_client)
		hit(s, SIG_CLIENT, "%zu post%s to or about the client", c->to_client,
		    c->to_client == 1 ? "" : "s");
	if (c->pitches)
		hit(s, SIG_CLIENT_PITCH, "%zu post%s to the client with a link or a sales line", c->pitches,
		    c->pitches == 1 ? "" : "s");
	if (c->n < 3) {
		not_evaluated(s, SIG_REPOSTS, lacking);
		not_evaluated(s, SIG_CONVERSATION, lacking);
		return;
	}
	score_post_kinds(s, c);
	for (i = 0; bio_domains->len && i < c->n; i++) {
		char key[256];
		const char *d = link_common(bio_domains->p, s->posts[i].domains.p, key, sizeof key);

		if (d) {
			hit(s, SIG_OWN_WRITING, "bio link and posts on%.*s", (int)strlen(d) - 1, d);
			return;
		}
	}
}

/*
 * Where fb-detect found a demand: in the profile (name, bio, handle), or in
 * a post of the last year before the newest one. An old post's hashtag
 * does not make a demander of an account that has moved on.
 */
static void
score_demand(struct signals *s, const struct json_member *fb)
{
	struct json_member demand, flagged, dscore, hits, m;
	struct json_iter it, hi;
	const char *v;
	size_t vlen, i;
	enum json_kind kind;
	int profile = 0, in_posts = 0, located = 0;
	time_t newest = 0;

	if (!object_member(fb, "demand", &demand))
		return;
	if (!(object_member(&demand, "flagged", &flagged) && flagged.kind == JSON_TRUE)) {
		if (object_member(&demand, "score", &dscore) && dscore.kind == JSON_NUMBER &&
		    strtod(dscore.val, NULL) > 0)
			hit(s, SIG_MENTIONS, "fb.demand.score %.*s", (int)dscore.vallen, dscore.val);
		return;
	}
	for (i = 0; i < s->nposts; i++)
		if (s->posts[i].has_created && s->posts[i].created > newest)
			newest = s->posts[i].created;
	if (object_member(&demand, "hits", &hits) && hits.kind == JSON_ARRAY) {
		json_iter_init(&it, hits.val, hits.vallen);
		while (json_iter_element(&it, &v, &vlen, &kind)) {
			char field[64] = "";
			double weight = 1;
			size_t post;

			if (kind != JSON_OBJECT)
				continue;
			json_iter_init(&hi, v, vlen);
			while (json_iter_member(&hi, &m)) {
				if (json_key_is(&m, "field") && m.kind == JSON_STRING && m.vallen - 2 < sizeof field)
					snprintf(field, sizeof field, "%.*s", (int)m.vallen - 2, m.val + 1);
				else if (json_key_is(&m, "weight") && m.kind == JSON_NUMBER)
					weight = strtod(m.val, NULL);
			}
			if (weight <= 0)
				continue;
			located = 1;
			if (sscanf(field, ".posts[%zu]", &post) == 1) {
				if (post < s->nposts && (!s->posts[post].has_created ||
				    difftime(newest, s->posts[post].created) <= 365 * 86400.0))
					in_posts = 1;
			} else {
				profile = 1;
			}
		}
	}
	if (!located)
		profile = 1;	/* flagged, but where is not said */
	if (profile)
		hit(s, SIG_DEMANDS, "fb.demand.flagged, in the name, bio or handle");
	if (in_posts)
		hit(s, SIG_DEMAND_POSTS, "fb.demand.flagged, in a post of the last year");
}

/* Rejects a member of the wrong type: null counts as absent. */
static int
want(struct signals *s, const struct record *rec, const char *path,
    const struct json_member *m, enum json_kind kind)
{
	if (m == NULL || m->kind == JSON_NULL || m->kind == kind)
		return 0;
	stream_reject(s->st, rec, "%s: expected %s %s, got %s", path,
	    kind == JSON_OBJECT || kind == JSON_ARRAY ? "an" : "a", json_kind_name(kind),
	    json_kind_name(m->kind));
	return -1;
}

/* The fields the rules read must have the types X gives them. */
static int
check_types(struct signals *s, const struct record *rec, const struct json_member *fb)
{
	static const char *const counts[] = {
		"followers_count", "following_count", "tweet_count", "post_count", "listed_count"
	};
	static const char *const strings[] = {"description", "location", "url", "profile_image_url"};
	const struct json_member *pm = record_member(rec, "public_metrics");
	const struct json_member *created = record_member(rec, "created_at");
	const struct json_scan *sc = rec->scan;
	struct json_member m;
	char path[64];
	size_t i;
	time_t t;

	if (want(s, rec, ".posts", record_member(rec, "posts"), JSON_ARRAY) < 0 ||
	    want(s, rec, ".public_metrics", pm, JSON_OBJECT) < 0 ||
	    want(s, rec, ".created_at", created, JSON_STRING) < 0)
		return -1;
	/* The path of a message is written only for a field of the wrong type. */
	for (i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		const struct json_member *f = record_member(rec, strings[i]);

		if (f && f->kind != JSON_NULL && f->kind != JSON_STRING) {
			snprintf(path, sizeof path, ".%s", strings[i]);
			return want(s, rec, path, f, JSON_STRING);
		}
	}
	for (i = 0; pm && i < sizeof counts / sizeof counts[0]; i++) {
		if (object_member(pm, counts[i], &m) && m.kind != JSON_NULL && m.kind != JSON_NUMBER) {
			snprintf(path, sizeof path, ".public_metrics.%s", counts[i]);
			return want(s, rec, path, &m, JSON_NUMBER);
		}
	}
	if (created && created->kind == JSON_STRING &&
	    parse_date(created->val + 1, created->vallen - 2, &t) < 0) {
		stream_reject(s->st, rec, ".created_at: not a date: %.*s", (int)created->vallen,
		    created->val);
		return -1;
	}
	if (object_member(fb, "demand", &m) && want(s, rec, ".fb.demand", &m, JSON_OBJECT) < 0)
		return -1;
	for (i = 0; i < sc->npost_members; i++) {
		const struct json_member *pmm = &sc->post_members[i];

		if (pmm->kind != JSON_NULL && pmm->kind != JSON_STRING &&
		    (json_key_is(pmm, "text") || json_key_is(pmm, "created_at") ||
		    json_key_is(pmm, "in_reply_to_user_id"))) {
			buf_reset(&s->tmp);
			buf_printf(&s->tmp, ".posts[%zu].", sc->post_index[i]);
			buf_add(&s->tmp, pmm->key, pmm->keylen);
			return want(s, rec, s->tmp.p, pmm, JSON_STRING);
		}
	}
	return 0;
}

/* Whether a signal held for the record being read. */
static int
held(const struct signals *s, size_t sig)
{
	return s->out->held[sig];
}

/* VERDICTS.md: no weak sign decides alone; several together do. */
static void
score_fake_signs(struct signals *s)
{
	static const int weak[] = {
		SIG_DEFAULT_IMAGE, SIG_GENERATED, SIG_NO_BIO, SIG_7X, SIG_50X, SIG_NEW, SIG_FEW, SIG_LIMIT, SIG_1TO1,
	};
	struct buf names = {0};
	size_t i, n = 0;

	for (i = 0; i < sizeof weak / sizeof weak[0]; i++)
		if (held(s, (size_t)weak[i])) {
			buf_printf(&names, "%s%s", n++ ? ", " : "", signal_names[weak[i]]);
		}
	if (n >= 2)
		hit(s, SIG_FAKE_SIGNS, "%s", names.p);
	buf_free(&names);
}

/*
 * The spec's two patterns as one feature each, so that a linear model can
 * weigh "all three together" apart from each sign alone: engage is alive,
 * relevant and conversing; a relevant account that never replies broadcasts.
 */
static void
score_spec_pattern(struct signals *s, const struct post_counts *c, int relevant)
{
	int alive = c->dated > 0 && difftime(s->now, c->last) <= 365 * 86400.0;
	int converses = (held(s, SIG_CONVERSATION) || held(s, SIG_QUESTIONS) || held(s, SIG_CLIENT)) &&
	    !held(s, SIG_CANNED) && !held(s, SIG_SPAM) && !held(s, SIG_SPAM_BIO);

	if (alive && relevant && converses)
		hit(s, SIG_ENGAGE_PATTERN, "posted in the last year, matches the interests, and talks to people");
	if (relevant && (held(s, SIG_NO_CONVERSATION) || held(s, SIG_REPOSTS) || held(s, SIG_SCHEDULED)))
		hit(s, SIG_RELEVANT_BROADCASTER, "matches the interests, but broadcasts");
	if (held(s, SIG_OFF_TOPIC) && converses)
		hit(s, SIG_OFF_TOPIC_CONVERSES, "talks to people, about other things");
	score_fake_signs(s);
}

/* --- the interface ---------------------------------------------------------- */

struct signals *
signals_new(void)
{
	struct signals *s = xcalloc(1, sizeof *s);
	struct buf err = {0};

	s->now = time(NULL);
	textnorm_init(&s->norm);
	ruleset_init(&s->lex);
	if (ruleset_parse(&s->lex, lexicons, strlen(lexicons), "score lexicons", &err) < 0 ||
	    ruleset_compile(&s->lex, &err) < 0)
		die(EXIT_FAIL, "internal error: %s", err.p);
	return s;
}

void
signals_free(struct signals *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ninterests; i++)
		free(s->interests[i]);
	free(s->interests);
	free(s->interests_given);
	for (i = 0; i < s->nstems; i++)
		free(s->stems[i]);
	free(s->stems);
	for (i = 0; i < s->nclient; i++)
		free(s->client[i]);
	free(s->client);
	for (i = 0; i < s->posts_cap; i++) {
		buf_free(&s->posts[i].text);
		buf_free(&s->posts[i].norm);
		buf_free(&s->posts[i].said);
		buf_free(&s->posts[i].reply_to);
		buf_free(&s->posts[i].mentions);
		buf_free(&s->posts[i].domains);
	}
	free(s->posts);
	ruleset_free(&s->lex);
	textnorm_free(&s->norm);
	buf_free(&s->tmp);
	free(s);
}

void
signals_want_why(struct signals *s, const char *want)
{
	s->want_why = want;
}

void
signals_set_now(struct signals *s, time_t now)
{
	s->now = now;
}

void
signal_result_free(struct signal_result *r)
{
	size_t i;

	for (i = 0; i < NSIGNALS; i++)
		buf_free(&r->why[i]);
}

/* Relevance to the client's interests: whole phrases, else their words. */
static int
read_relevance(struct signals *s, const struct record *rec)
{
	const struct json_member *m;
	struct buf found = {0}, words = {0};
	size_t i, nwords = 0, relevant_posts = 0;
	int relevant;

	if (s->ninterests == 0)
		return 0;
	if ((m = record_member(rec, "description")) && m->kind == JSON_STRING) {
		buf_reset(&s->tmp);
		json_unescape(&s->tmp, m->val, m->vallen);
		textnorm_run(&s->norm, s->tmp.p, s->tmp.len);
		match_interests(s, s->norm.out.p, s->norm.out.len, &found);
		match_stems(s, s->norm.out.p, s->norm.out.len, &words, &nwords);
	}
	for (i = 0; i < s->nposts; i++)
		if (!s->posts[i].repost && s->posts[i].norm.p) {
			size_t before = found.len, occur;

			match_interests(s, s->posts[i].norm.p, s->posts[i].norm.len, &found);
			occur = match_stems(s, s->posts[i].norm.p, s->posts[i].norm.len, &words, &nwords);
			relevant_posts += found.len > before || occur > 0;
		}
	if (relevant_posts >= 2)
		hit(s, SIG_RELEVANT_POSTS, "%zu posts of their own", relevant_posts);
	if (found.len)
		hit(s, SIG_INTERESTS, "%s", found.p);
	/* Two words of the interests, where the phrases themselves are not. */
	else if (nwords >= 2)
		hit(s, SIG_INTEREST_WORDS, "%s", words.p);
	else if (relevant_posts == 0)
		hit(s, SIG_OFF_TOPIC, "none of: %s", s->interests_given);
	relevant = found.len > 0 || nwords >= 2;
	buf_free(&found);
	buf_free(&words);
	return relevant;
}

int
signals_read(struct signals *s, struct stream *st, const struct record *rec,
    struct signal_result *r)
{
	const struct json_member *fb;
	struct buf bio_domains = {0};
	struct post_counts pc;
	double tweets = 0, age_days = 0;
	int have_tweets, have_age, relevant;
	size_t i;

	s->st = st;
	s->out = r;
	memset(r->held, 0, sizeof r->held);
	memset(r->lacking, 0, sizeof r->lacking);
	for (i = 0; i < NSIGNALS; i++)
		buf_reset(&r->why[i]);
	fb = record_member(rec, "fb");
	if (fb && fb->kind != JSON_OBJECT && fb->kind != JSON_NULL) {
		stream_reject(st, rec, ".fb: expected an object, got %s", json_kind_name(fb->kind));
		return -1;
	}
	if (record_member(rec, "text") && !record_member(rec, "username")) {
		stream_reject_post(st, rec, "fb-score scores users");
		return -1;
	}
	if (check_types(s, rec, fb) < 0 || read_posts(s, rec) < 0)
		return -1;
	score_demand(s, fb);
	score_counts(s, rec, &tweets, &have_tweets, &age_days, &have_age);
	score_profile(s, rec, age_days, have_age, &bio_domains);
	score_posts(s, rec, have_tweets && tweets == 0, &bio_domains, &pc);
	relevant = read_relevance(s, rec);
	score_spec_pattern(s, &pc, relevant);
	buf_free(&bio_domains);
	return 0;
}

void
signals_add_interests(struct signals *s, const char *list)
{
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",\n");
		const char *a = p, *b = p + n;

		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a) {
			char *in, *q;

			textnorm_run(&s->norm, a, (size_t)(b - a));
			in = xstrndup(s->norm.out.p, s->norm.out.len);
			for (q = in; *q; q++)
				if (*q == '-' || *q == '_')
					*q = ' ';
			for (q = in; *q; q++)	/* runs of spaces become one */
				while (q[0] == ' ' && q[1] == ' ')
					memmove(q, q + 1, strlen(q));
			s->interests = xrealloc(s->interests, (s->ninterests + 1) * sizeof *s->interests);
			s->interests[s->ninterests++] = in;
			add_stems(s, in);
			s->interests_given = xrealloc(s->interests_given,
			    (s->interests_given ? strlen(s->interests_given) + 2 : 0) + strlen(in) + 1);
			if (s->ninterests == 1)
				*s->interests_given = '\0';
			else
				strcat(s->interests_given, ", ");
			strcat(s->interests_given, in);
		}
		p += n + (p[n] != '\0');
	}
}

/* "i:ID" or "u:username" (lower case), so an id and a name never meet. */
void
signals_add_client(struct signals *s, const char *who)
{
	char *c;
	size_t i;

	while (*who == ' ' || *who == '@')
		who++;
	c = xstrdup(who);
	for (i = 0; c[i]; i++)
		c[i] = (char)tolower((unsigned char)c[i]);
	s->client = xrealloc(s->client, (s->nclient + 1) * sizeof *s->client);
	s->client[s->nclient++] = c;
}
