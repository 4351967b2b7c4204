#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "json.h"
#include "lexicon.h"
#include "links.h"
#include "posts.h"
#include "relevance.h"
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
	"ALIVE_RELEVANT_CONVERSES", "RELEVANT_BROADCASTER", "SELF_DECLARED_BOT",
	"LABELLED_SPAM",
};

struct signals {
	time_t now;
	struct relevance rel;
	struct posts posts;
	struct lexicons lex;
	struct textnorm norm;
	struct buf tmp;
	struct stream *st;
	struct signal_result *out;
	const char *want_why;		/* the signals whose why is wanted, or NULL for all */
};

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
		have_ff = json_object_member(pm, "followers_count", &m) && number_of(&m, &followers);
		have_ff &= json_object_member(pm, "following_count", &m) && number_of(&m, &following);
		*have_tweets = (json_object_member(pm, "tweet_count", &m) || json_object_member(pm, "post_count", &m)) &&
		    number_of(&m, &tweets);
		have_listed = json_object_member(pm, "listed_count", &m) && number_of(&m, &listed);
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

/*
 * A moderation label of the network (Bluesky's) that VERDICTS.md makes a
 * skip: spam, engagement farming, scams, inauthentic or impersonating
 * accounts. A negated label ("neg": true) withdraws one.
 */
static void
network_labels(struct signals *s, const struct json_member *labels)
{
	static const char *const skip[] = {
		"spam", "engagement-farming", "scam", "inauthentic", "impersonation",
	};
	struct json_iter it;
	struct json_member label, val, neg;
	const char *el;
	size_t elen, i;
	enum json_kind kind;

	json_iter_init(&it, labels->val, labels->vallen);
	while (json_iter_element(&it, &el, &elen, &kind)) {
		if (kind != JSON_OBJECT)
			continue;
		label.key = NULL;
		label.keylen = 0;
		label.val = el;
		label.vallen = elen;
		label.kind = kind;
		if (!json_object_member(&label, "val", &val) || val.kind != JSON_STRING ||
		    (json_object_member(&label, "neg", &neg) && neg.kind == JSON_TRUE))
			continue;
		for (i = 0; i < sizeof skip / sizeof *skip; i++)
			if (val.vallen - 2 == strlen(skip[i]) &&
			    memcmp(val.val + 1, skip[i], val.vallen - 2) == 0) {
				hit(s, SIG_LABELLED_SPAM, "labelled %s by the network's moderation", skip[i]);
				return;
			}
	}
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
		lexicon_scan(&s->lex, s->norm.out.p, s->norm.out.len);
		if (lexicon_hits(&s->lex, LEX_ROLE, s->norm.out.p, s->norm.out.len, &m0, &m1)) {
			size_t c0, c1, o0, o1;

			textnorm_span(&s->norm, m0, m1, &c0, &c1);
			o0 = textnorm_cp_offset(&s->norm, c0);
			o1 = textnorm_cp_offset(&s->norm, c1);
			hit(s, SIG_ROLE, "bio: \"%.*s\"", (int)(o1 - o0), s->tmp.p + o0);
		}
	}
	if (!has_bio && !has_location)
		hit(s, SIG_NO_BIO, "no bio, no location");
	if (has_bio && lexicon_hits(&s->lex, LEX_ORG, s->norm.out.p, s->norm.out.len, &m0, &m1))
		hit(s, SIG_ORG, "bio: \"%.*s\"", (int)(m1 - m0), s->norm.out.p + m0);
	else if ((m = record_member(rec, "name")) && m->kind == JSON_STRING &&
	    m->vallen > 6 && strncasecmp(m->val + 1, "the ", 4) == 0)
		hit(s, SIG_ORG, "name: %.*s", (int)m->vallen - 2, m->val + 1);
	if (has_bio && lexicon_hits(&s->lex, LEX_TRIVIA, s->norm.out.p, s->norm.out.len, &m0, &m1))
		hit(s, SIG_TRIVIA, "bio: \"%.*s\"", (int)(m1 - m0), s->norm.out.p + m0);
	if (has_bio && lexicon_hits(&s->lex, LEX_SPAM, s->norm.out.p, s->norm.out.len, &m0, &m1))
		hit(s, SIG_SPAM_BIO, "bio: \"%.*s\"", (int)(m1 - m0), s->norm.out.p + m0);
	if ((m = record_member(rec, "username")) && m->kind == JSON_STRING &&
	    generated_handle(m->val + 1, m->vallen - 2))
		hit(s, SIG_GENERATED, "@%.*s", (int)m->vallen - 2, m->val + 1);
	if ((m = record_member(rec, "protected")) && m->kind == JSON_TRUE)
		hit(s, SIG_PROTECTED, "protected: only approved followers see the posts");
	if ((m = record_member(rec, "bot")) && m->kind == JSON_TRUE)
		hit(s, SIG_BOT, "the account says it is automated (its network's bot flag)");
	if ((m = record_member(rec, "labels")) && m->kind == JSON_ARRAY)
		network_labels(s, m);
	if ((m = record_member(rec, "entities")))
		link_domains(bio_domains, m->val, m->vallen);
	if ((m = record_member(rec, "url")) && m->kind == JSON_STRING) {
		buf_reset(&s->tmp);
		json_unescape(&s->tmp, m->val, m->vallen);
		link_domain(bio_domains, s->tmp.p ? s->tmp.p : "", s->tmp.len);
	}
}

/*
 * Dead, quiet or active, from the newest post's date; without dated posts,
 * from the date of the last post that Mastodon gives with the account
 * (last_status_at).
 */
static void
score_activity(struct signals *s, const struct record *rec, const struct post_counts *c,
    int never_posted)
{
	const struct json_member *m;
	time_t last = c->last;
	double idle;

	if (never_posted)
		return;		/* NEVER_POSTED says it */
	if (c->dated == 0) {
		if ((m = record_member(rec, "last_status_at")) == NULL || m->kind != JSON_STRING ||
		    parse_date(m->val + 1, m->vallen - 2, &last) < 0) {
			not_evaluated(s, SIG_DEAD, c->n ? "no dates on the attached posts" :
			    "no posts attached");
			return;
		}
	}
	idle = difftime(s->now, last) / 86400.0;
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

	posts_count(&s->posts, &s->lex, c);
	score_activity(s, rec, c, never_posted);
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
		const char *d = link_common(bio_domains->p, s->posts.v[i].domains.p, key, sizeof key);

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

	if (!json_object_member(fb, "demand", &demand))
		return;
	if (!(json_object_member(&demand, "flagged", &flagged) && flagged.kind == JSON_TRUE)) {
		if (json_object_member(&demand, "score", &dscore) && dscore.kind == JSON_NUMBER &&
		    strtod(dscore.val, NULL) > 0)
			hit(s, SIG_MENTIONS, "fb.demand.score %.*s", (int)dscore.vallen, dscore.val);
		return;
	}
	for (i = 0; i < s->posts.n; i++)
		if (s->posts.v[i].has_created && s->posts.v[i].created > newest)
			newest = s->posts.v[i].created;
	if (json_object_member(&demand, "hits", &hits) && hits.kind == JSON_ARRAY) {
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
				if (post < s->posts.n && (!s->posts.v[post].has_created ||
				    difftime(newest, s->posts.v[post].created) <= 365 * 86400.0))
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
		if (json_object_member(pm, counts[i], &m) && m.kind != JSON_NULL && m.kind != JSON_NUMBER) {
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
	if (json_object_member(fb, "demand", &m) && want(s, rec, ".fb.demand", &m, JSON_OBJECT) < 0)
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

	s->now = time(NULL);
	textnorm_init(&s->norm);
	lexicons_init(&s->lex);
	return s;
}

void
signals_free(struct signals *s)
{
	if (s == NULL)
		return;
	relevance_free(&s->rel);
	posts_free(&s->posts);
	lexicons_free(&s->lex);
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

	if (s->rel.ninterests == 0)
		return 0;
	if ((m = record_member(rec, "description")) && m->kind == JSON_STRING) {
		buf_reset(&s->tmp);
		json_unescape(&s->tmp, m->val, m->vallen);
		textnorm_run(&s->norm, s->tmp.p, s->tmp.len);
		relevance_phrases(&s->rel, s->norm.out.p, s->norm.out.len, &found);
		relevance_words(&s->rel, s->norm.out.p, s->norm.out.len, &words, &nwords);
	}
	for (i = 0; i < s->posts.n; i++)
		if (!s->posts.v[i].repost && s->posts.v[i].norm.p) {
			size_t before = found.len, occur;

			relevance_phrases(&s->rel, s->posts.v[i].norm.p, s->posts.v[i].norm.len, &found);
			occur = relevance_words(&s->rel, s->posts.v[i].norm.p, s->posts.v[i].norm.len, &words, &nwords);
			relevant_posts += found.len > before || occur > 0;
		}
	if (relevant_posts >= 2)
		hit(s, SIG_RELEVANT_POSTS, "%zu posts of their own", relevant_posts);
	if (found.len)
		hit(s, SIG_INTERESTS, "%s", found.p);
	/* Two words of the interests, where the phrases themselves are not. */
	else if (nwords >= 2)
		hit(s, SIG_INTEREST_WORDS, "%s", words.p);
	/* One word of them, in the bio or a post, is a touch: not off topic. */
	else if (nwords == 0)
		hit(s, SIG_OFF_TOPIC, "none of: %s", s->rel.given);
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
	if (check_types(s, rec, fb) < 0 || posts_read(&s->posts, &s->norm, st, rec) < 0)
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
	relevance_add(&s->rel, &s->norm, list);
}

void
signals_add_client(struct signals *s, const char *who)
{
	posts_add_client(&s->posts, who);
}
