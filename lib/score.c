#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jv.h>

#include "conf.h"
#include "jqexpr.h"
#include "links.h"
#include "json.h"
#include "rules.h"
#include "score.h"
#include "textnorm.h"
#include "util.h"

/* The built-in rules, in the order of share/score.rules. */
enum {
	R_DEMANDS, R_MENTIONS, R_50X, R_7X, R_LIMIT, R_1TO1, R_HEALTHY, R_NEW,
	R_NEVER, R_FEW, R_DEFAULT_IMAGE, R_NO_BIO, R_DEAD, R_ACTIVE, R_RATE,
	R_REPOSTS, R_LINKS, R_REPEATED, R_SPAM, R_CONVERSATION, R_ORIGINAL,
	R_ROLE, R_OWN_WRITING, R_LISTED, R_WIDELY_LISTED, R_INTERESTS, R_ALREADY,
	NBUILTIN
};

static const char *const builtin[NBUILTIN] = {
	"DEMANDS_FOLLOW_BACK", "MENTIONS_FOLLOW_BACK", "FOLLOWS_50X", "FOLLOWS_7X",
	"FOLLOWING_AT_LIMIT", "FOLLOW_FARM_1TO1", "HEALTHY_RATIO", "NEW_ACCOUNT",
	"NEVER_POSTED", "FEW_POSTS", "DEFAULT_IMAGE", "NO_BIO_NO_LOCATION",
	"DEAD_90_DAYS", "ACTIVE_30_DAYS", "POSTS_33_A_DAY", "MOSTLY_REPOSTS",
	"MOSTLY_LINKS", "REPEATED_TEXT", "SPAM_PHRASES", "CONVERSATION",
	"ORIGINAL_TEXT", "SAYS_WHAT_THEY_DO", "OWN_WRITING", "LISTED",
	"WIDELY_LISTED", "INTERESTS", "ALREADY_FOLLOWED",
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
    "investment\\s+opportunity|guaranteed\\s+(?:profit|returns?)|claim\\s+(?:your|now))\n";

enum { LEX_ROLE, LEX_SPAM };

struct srule {
	char *name, *describe, *jq_src, *origin;
	double points;
	int has_points;
	struct jqexpr *jq;
};

struct reason {
	size_t rule;
	double points;		/* 0 for a rule that could not be evaluated */
	struct buf why;
};

struct post {
	struct buf text;	/* original */
	struct buf norm;	/* normalised */
	time_t created;
	int has_created, repost, reply, bare_link, original;
	struct buf reply_to;	/* the user replied to */
	struct buf domains;	/* " a.com b.org " */
};

struct scorer {
	struct srule *v;
	size_t n;
	double engage, skip;
	char threshold_origin[256];	/* where a threshold was last set */
	time_t now;
	char **interests;
	size_t ninterests;
	char **already;
	size_t nalready;
	int already_sorted;
	struct ruleset lex;
	struct textnorm norm;
	struct reason *reasons;
	size_t nreasons, reasons_cap;
	struct post *posts;
	size_t nposts, posts_cap;
	struct buf tmp;
	struct stream *st;
	const struct record *rec;
	int bad;
};

const char *
verdict_name(enum verdict v)
{
	return v == VERDICT_ENGAGE ? "engage" : v == VERDICT_SKIP ? "skip" : "maybe";
}

static struct srule *
find_rule(struct scorer *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}

static struct srule *
add_rule(struct scorer *s, const char *name)
{
	struct srule *r;

	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	r = &s->v[s->n++];
	memset(r, 0, sizeof *r);
	r->name = xstrdup(name);
	return r;
}

struct scorer *
scorer_new(void)
{
	struct scorer *s = xcalloc(1, sizeof *s);
	struct buf err = {0};
	size_t i;

	for (i = 0; i < NBUILTIN; i++)
		add_rule(s, builtin[i]);
	s->engage = 2;
	s->skip = -2;
	s->now = time(NULL);
	textnorm_init(&s->norm);
	ruleset_init(&s->lex);
	if (ruleset_parse(&s->lex, lexicons, strlen(lexicons), "score lexicons", &err) < 0 ||
	    ruleset_compile(&s->lex, &err) < 0)
		die(EXIT_FAIL, "internal error: %s", err.p);
	return s;
}

void
scorer_free(struct scorer *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].describe);
		free(s->v[i].jq_src);
		free(s->v[i].origin);
		jqexpr_free(s->v[i].jq);
	}
	free(s->v);
	for (i = 0; i < s->ninterests; i++)
		free(s->interests[i]);
	free(s->interests);
	for (i = 0; i < s->nalready; i++)
		free(s->already[i]);
	free(s->already);
	for (i = 0; i < s->reasons_cap; i++)
		buf_free(&s->reasons[i].why);
	free(s->reasons);
	for (i = 0; i < s->posts_cap; i++) {
		buf_free(&s->posts[i].text);
		buf_free(&s->posts[i].norm);
		buf_free(&s->posts[i].reply_to);
		buf_free(&s->posts[i].domains);
	}
	free(s->posts);
	ruleset_free(&s->lex);
	textnorm_free(&s->norm);
	buf_free(&s->tmp);
	free(s);
}

void
scorer_set_now(struct scorer *s, time_t now)
{
	s->now = now;
}

void
scorer_add_interests(struct scorer *s, const char *list)
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
		}
		p += n + (p[n] != '\0');
	}
}

/* "i:ID" or "u:username" (lower case), so an id and a name never meet. */
static char *
already_key(int is_id, const char *p, size_t n)
{
	char *out = xmalloc(n + 3);
	size_t i;

	out[0] = is_id ? 'i' : 'u';
	out[1] = ':';
	for (i = 0; i < n; i++)
		out[i + 2] = (char)tolower((unsigned char)p[i]);
	out[n + 2] = '\0';
	return out;
}

static void
add_already(struct scorer *s, int is_id, const char *p, size_t n)
{
	s->already = xrealloc(s->already, (s->nalready + 1) * sizeof *s->already);
	s->already[s->nalready++] = already_key(is_id, p, n);
	s->already_sorted = 0;
}

void
scorer_add_already(struct scorer *s, const char *id_or_name, size_t len)
{
	size_t i;
	int digits = len > 0;

	if (len > 0 && *id_or_name == '@') {
		add_already(s, 0, id_or_name + 1, len - 1);
		return;
	}
	for (i = 0; i < len; i++)
		digits &= isdigit((unsigned char)id_or_name[i]) != 0;
	add_already(s, digits, id_or_name, len);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_already(struct scorer *s, int is_id, const char *p, size_t n)
{
	char *key = already_key(is_id, p, n);
	int found;

	if (!s->already_sorted) {
		qsort(s->already, s->nalready, sizeof *s->already, cmp_str);
		s->already_sorted = 1;
	}
	found = bsearch(&key, s->already, s->nalready, sizeof *s->already, cmp_str) != NULL;
	free(key);
	return found;
}

/* --- the rule file ------------------------------------------------------------ */

static int
rule_line(void *arg, struct conf_line *l, struct buf *err)
{
	struct scorer *s = arg;
	struct srule *r;
	double x;

	if (strcmp(l->keyword, "threshold") == 0) {
		if (conf_number(l, &x, err) < 0)
			return -1;
		if (strcmp(l->name, "engage") == 0)
			s->engage = x;
		else if (strcmp(l->name, "skip") == 0)
			s->skip = x;
		else
			return conf_error(err, l, "threshold: expected engage or skip");
		snprintf(s->threshold_origin, sizeof s->threshold_origin, "%s:%u", l->origin, l->line);
		return 0;
	}
	if (strcmp(l->keyword, "points") != 0 && strcmp(l->keyword, "describe") != 0 &&
	    strcmp(l->keyword, "jq") != 0)
		return conf_error(err, l,
		    "unknown keyword (expected threshold, points, describe or jq)");
	if ((r = find_rule(s, l->name)) == NULL) {
		char where[512];

		if (strcmp(l->keyword, "jq") != 0) {
			buf_printf(err, "%s:%u: no rule %s (a rule of your own needs a jq line first)",
			    l->origin, l->line, l->name);
			return -1;
		}
		r = add_rule(s, l->name);
		snprintf(where, sizeof where, "%s:%u", l->origin, l->line);
		r->origin = xstrdup(where);
	}
	if (strcmp(l->keyword, "points") == 0) {
		if (conf_number(l, &r->points, err) < 0)
			return -1;
		r->has_points = 1;
	} else if (strcmp(l->keyword, "describe") == 0) {
		free(r->describe);
		r->describe = xstrdup(l->rest);
	} else {
		if (r - s->v < NBUILTIN)
			return conf_error(err, l, "a built-in rule cannot be given a jq expression");
		if (*l->rest == '\0')
			return conf_error(err, l, "jq: expected an expression");
		free(r->jq_src);
		r->jq_src = xstrdup(l->rest);
	}
	return 0;
}

int
scorer_rules(struct scorer *s, const char *text, size_t len, const char *origin,
    struct buf *err)
{
	return conf_parse(text, len, origin, rule_line, s, err);
}

int
scorer_ready(struct scorer *s, struct buf *err)
{
	size_t i;

	if (s->skip >= s->engage) {
		buf_printf(err, "%s: threshold skip (%g) must be below threshold engage (%g)",
		    s->threshold_origin, s->skip, s->engage);
		return -1;
	}
	for (i = NBUILTIN; i < s->n; i++) {
		struct srule *r = &s->v[i];
		struct buf prog = {0};

		if (!r->has_points) {
			buf_printf(err, "%s: rule %s has no points", r->origin, r->name);
			return -1;
		}
		/* Alone first, so that a compile error shows the user's own text. */
		if ((r->jq = jqexpr_new(r->jq_src, err)) == NULL) {
			struct buf msg = {0};

			buf_printf(&msg, "%s: rule %s: %s", r->origin, r->name, err->p);
			buf_reset(err);
			buf_add(err, msg.p, msg.len);
			buf_free(&msg);
			buf_free(&prog);
			return -1;
		}
		jqexpr_free(r->jq);
		/* The rule sees the record without this program's own key. */
		buf_printf(&prog, "(if (.fb | type) == \"object\" then (.fb |= del(.score)) | "
		    "(if .fb == {} then del(.fb) else . end) else . end) | (%s)", r->jq_src);
		r->jq = jqexpr_new(prog.p, err);
		buf_free(&prog);
		if (r->jq == NULL)
			return -1;
	}
	return 0;
}

void
scorer_write_rules(const struct scorer *s, FILE *fp)
{
	size_t i;

	fprintf(fp, "threshold engage %g\nthreshold skip %g\n", s->engage, s->skip);
	for (i = 0; i < s->n; i++) {
		const struct srule *r = &s->v[i];

		fputc('\n', fp);
		if (r->jq_src)
			fprintf(fp, "jq %s %s\n", r->name, r->jq_src);
		fprintf(fp, "points %s %g\n", r->name, r->points);
		if (r->describe)
			fprintf(fp, "describe %s %s\n", r->name, r->describe);
	}
}

/* --- reading the record ------------------------------------------------------- */

int
parse_date(const char *p, size_t len, time_t *t)
{
	struct tm tm = {0};
	char buf[40];
	int n = 0;

	if (len >= sizeof buf)
		return -1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	if (sscanf(buf, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &n) != 3 || n != 10)
		return -1;
	if (buf[10] == 'T' || buf[10] == ' ') {
		int m = 0;

		if (sscanf(buf + 11, "%2d:%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &m) != 3 ||
		    m != 8)
			return -1;
		m += 11;
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
new_post(struct scorer *s)
{
	struct post *p;

	if (s->nposts == s->posts_cap)
		s->posts = xgrow(s->posts, &s->posts_cap, sizeof *s->posts, 16);
	p = &s->posts[s->nposts++];
	buf_reset(&p->text);
	buf_reset(&p->norm);
	buf_reset(&p->reply_to);
	buf_reset(&p->domains);
	p->has_created = p->repost = p->reply = p->bare_link = p->original = 0;
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
		if (strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0 ||
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

static void
finish_post(struct scorer *s, struct post *p)
{
	size_t left;

	textnorm_run(&s->norm, p->text.p ? p->text.p : "", p->text.len);
	buf_add(&p->norm, s->norm.out.p, s->norm.out.len);
	if (p->text.len >= 3 && strncmp(p->text.p, "RT @", 4) == 0)
		p->repost = 1;
	left = p->text.p ? words_left(p->text.p) : 0;
	p->bare_link = !p->repost && left < 10 && p->text.p &&
	    (strstr(p->text.p, "http://") || strstr(p->text.p, "https://"));
	p->original = !p->repost && !p->bare_link && left >= 20;
}

/* Reads the posts the scanner kept (rec->scan) into s->posts. */
static int
read_posts(struct scorer *s, const struct record *rec)
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
		}
	}
	if (p)
		finish_post(s, p);
	return 0;
}

/* --- scoring ------------------------------------------------------------------ */

static struct reason *
add_reason(struct scorer *s, size_t rule, double points)
{
	struct reason *r;

	if (s->nreasons == s->reasons_cap)
		s->reasons = xgrow(s->reasons, &s->reasons_cap, sizeof *s->reasons, 16);
	r = &s->reasons[s->nreasons++];
	r->rule = rule;
	r->points = points;
	buf_reset(&r->why);
	return r;
}

/* A rule that holds, with what made it hold; a rule worth 0 points is off. */
static void
hit(struct scorer *s, size_t rule, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
hit(struct scorer *s, size_t rule, const char *fmt, ...)
{
	struct reason *r;
	va_list ap;
	char tmp[512];

	if (s->v[rule].points == 0 && rule != R_ALREADY)
		return;
	r = add_reason(s, rule, s->v[rule].points);
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_adds(&r->why, tmp);
}

static void
not_evaluated(struct scorer *s, size_t rule, const char *lacking)
{
	struct reason *r;

	if (s->v[rule].points == 0)
		return;
	r = add_reason(s, rule, 0);
	buf_printf(&r->why, "not evaluated: %s", lacking);
}

static int
lexicon_hits(struct scorer *s, int lex, const char *text, size_t len,
    size_t *m0, size_t *m1)
{
	return rule_match(&s->lex, (size_t)lex, text, len, 0, m0, m1) > 0;
}

static void
score_counts(struct scorer *s, const struct record *rec, double *tweets_out,
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
		not_evaluated(s, s->v[R_50X].points != 0 ? R_50X : R_7X, "no follower counts");
	} else {
		double ratio = followers > 0 ? following / followers : following;

		if (following >= 100 && following >= 50 * followers)
			hit(s, R_50X, "follows %.0f, followed by %.0f", following, followers);
		else if (following >= 100 && following >= 7 * followers)
			hit(s, R_7X, "follows %.0f, followed by %.0f (%.0fx)", following, followers, ratio);
		if (((following >= 1950 && following <= 2050) || (following >= 4950 && following <= 5050)) &&
		    followers < 0.1 * following)
			hit(s, R_LIMIT, "follows %.0f, followed by %.0f", following, followers);
		if (following >= 1900 && followers > 0 && ratio >= 0.9 && ratio <= 1.1)
			hit(s, R_1TO1, "follows %.0f, followed by %.0f", following, followers);
		if (2 * followers >= following && following + followers > 0)
			hit(s, R_HEALTHY, "followed by %.0f, follows %.0f", followers, following);
	}
	if (*have_age && *age_days < 30)
		hit(s, R_NEW, "created %.0f days ago", floor(*age_days));
	if (*have_tweets) {
		if (tweets == 0)
			hit(s, R_NEVER, "0 posts");
		else if (tweets < 3)
			hit(s, R_FEW, "%.0f posts", tweets);
		if (*have_age && *age_days >= 1 && tweets / *age_days > 33)
			hit(s, R_RATE, "%.0f posts a day", tweets / *age_days);
	}
	if (have_listed && listed >= 1)
		hit(s, R_LISTED, "on %.0f lists", listed);
	if (have_listed && listed >= 10)
		hit(s, R_WIDELY_LISTED, "on %.0f lists", listed);
}

static void
score_profile(struct scorer *s, const struct record *rec, double age_days, int have_age,
    struct buf *bio_domains)
{
	const struct json_member *m;
	int has_bio = 0, has_location = 0;
	size_t m0, m1;

	if ((m = record_member(rec, "profile_image_url")) && m->kind == JSON_STRING &&
	    memmem(m->val, m->vallen, "default_profile", 15) && have_age && age_days > 60)
		hit(s, R_DEFAULT_IMAGE, "default image, account %.0f days old", age_days);
	if ((m = record_member(rec, "location")) && m->kind == JSON_STRING && m->vallen > 2)
		has_location = 1;
	if ((m = record_member(rec, "description")) && m->kind == JSON_STRING && m->vallen > 2) {
		has_bio = 1;
		buf_reset(&s->tmp);
		json_unescape(&s->tmp, m->val, m->vallen);
		textnorm_run(&s->norm, s->tmp.p, s->tmp.len);
		if (lexicon_hits(s, LEX_ROLE, s->norm.out.p, s->norm.out.len, &m0, &m1)) {
			size_t c0, c1, o0, o1;

			textnorm_span(&s->norm, m0, m1, &c0, &c1);
			o0 = textnorm_cp_offset(&s->norm, c0);
			o1 = textnorm_cp_offset(&s->norm, c1);
			hit(s, R_ROLE, "bio: \"%.*s\"", (int)(o1 - o0), s->tmp.p + o0);
		}
	}
	if (!has_bio && !has_location)
		hit(s, R_NO_BIO, "no bio, no location");
	if ((m = record_member(rec, "entities")))
		link_domains(bio_domains, m->val, m->vallen);
	if ((m = record_member(rec, "url")) && m->kind == JSON_STRING) {
		buf_reset(&s->tmp);
		json_unescape(&s->tmp, m->val, m->vallen);
		link_domain(bio_domains, s->tmp.p ? s->tmp.p : "", s->tmp.len);
	}
}

static int
is_word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
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
match_interests(struct scorer *s, const char *text, size_t len, struct buf *found)
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

static void
score_posts(struct scorer *s, const struct record *rec, int have_tweets, double tweets,
    const struct buf *bio_domains)
{
	size_t i, j, reposts = 0, links = 0, spam = 0, replies = 0, original = 0, dated = 0;
	size_t distinct = 0, repeat = 0, n = s->nposts;
	time_t last = 0;
	int posts_attached = record_member(rec, "posts") != NULL;
	const char *lacking = posts_attached ? "fewer than 3 posts attached" : "no posts attached";

	for (i = 0; i < n; i++) {
		struct post *p = &s->posts[i];
		size_t m0, m1, same = 1;

		reposts += p->repost;
		links += p->bare_link;
		original += p->original;
		if (p->has_created) {
			dated++;
			if (p->created > last)
				last = p->created;
		}
		if (!p->repost && lexicon_hits(s, LEX_SPAM, p->norm.p ? p->norm.p : "", p->norm.len, &m0, &m1))
			spam++;
		if (p->reply && !p->repost) {
			int seen = 0;

			replies++;
			for (j = 0; j < i && !seen; j++)
				seen = s->posts[j].reply && s->posts[j].reply_to.len == p->reply_to.len &&
				    (p->reply_to.len == 0 || memcmp(s->posts[j].reply_to.p, p->reply_to.p,
				    p->reply_to.len) == 0);
			distinct += !seen;
		}
		for (j = i + 1; j < n; j++)
			same += p->norm.len > 0 && s->posts[j].norm.len == p->norm.len &&
			    memcmp(s->posts[j].norm.p, p->norm.p, p->norm.len) == 0;
		if (same > repeat)
			repeat = same;
	}
	if (have_tweets && tweets == 0) {
		;	/* never posted: nothing to say about posts */
	} else if (dated == 0) {
		not_evaluated(s, R_DEAD, n ? "no dates on the attached posts" : "no posts attached");
	} else {
		double idle = difftime(s->now, last) / 86400.0;

		if (idle > 90)
			hit(s, R_DEAD, "last post %.0f days ago", ceil(idle));
		else if (idle <= 30)
			hit(s, R_ACTIVE, "last post %.0f days ago", idle < 0 ? 0 : floor(idle));
	}
	if (n < 3) {
		not_evaluated(s, R_REPOSTS, lacking);
		not_evaluated(s, R_CONVERSATION, lacking);
		return;
	}
	if (reposts * 10 > n * 9)
		hit(s, R_REPOSTS, "%zu of %zu recent posts are reposts", reposts, n);
	if (links * 10 > n * 9)
		hit(s, R_LINKS, "%zu of %zu recent posts are bare links", links, n);
	if (repeat >= 3)
		hit(s, R_REPEATED, "the same text %zu times in %zu posts", repeat, n);
	if (spam * 10 > n * 3)
		hit(s, R_SPAM, "%zu of %zu recent posts", spam, n);
	if (distinct >= 2 && replies * 5 >= n)
		hit(s, R_CONVERSATION, "%zu replies to %zu different people in %zu posts", replies, distinct, n);
	if (original * 10 >= n * 7)
		hit(s, R_ORIGINAL, "%zu of %zu recent posts", original, n);
	for (i = 0; bio_domains->len && i < n; i++) {
		char key[256];
		const char *d = link_common(bio_domains->p, s->posts[i].domains.p, key, sizeof key);

		if (d) {
			hit(s, R_OWN_WRITING, "bio link and posts on%.*s", (int)strlen(d) - 1, d);
			return;
		}
	}
}

static int
custom_truth(void *arg, jv out)
{
	int *truth = arg;

	*truth = jv_get_kind(out) != JV_KIND_NULL && jv_get_kind(out) != JV_KIND_FALSE &&
	    jv_get_kind(out) != JV_KIND_INVALID;
	jv_free(out);
	return 1;	/* the first output decides */
}

static int
score_custom(struct scorer *s, const struct record *rec)
{
	size_t i;
	jv input;

	if (s->n == NBUILTIN)
		return 0;
	input = jv_parse_sized(rec->json, (int)rec->len);
	for (i = NBUILTIN; i < s->n; i++) {
		int truth = 0;

		buf_reset(&s->tmp);
		if (jqexpr_run(s->v[i].jq, jv_copy(input), custom_truth, &truth, &s->tmp) < 0) {
			stream_reject(s->st, rec, "rule %s: %s", s->v[i].name, s->tmp.p);
			jv_free(input);
			return -1;
		}
		if (truth && s->v[i].points != 0) {
			struct reason *r = add_reason(s, i, s->v[i].points);

			buf_adds(&r->why, s->v[i].jq_src);
		}
	}
	jv_free(input);
	return 0;
}

/* Rejects a member of the wrong type: null counts as absent. */
static int
want(struct scorer *s, const struct record *rec, const char *path,
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
check_types(struct scorer *s, const struct record *rec, const struct json_member *fb)
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
	for (i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		snprintf(path, sizeof path, ".%s", strings[i]);
		if (want(s, rec, path, record_member(rec, strings[i]), JSON_STRING) < 0)
			return -1;
	}
	for (i = 0; pm && i < sizeof counts / sizeof counts[0]; i++) {
		snprintf(path, sizeof path, ".public_metrics.%s", counts[i]);
		if (object_member(pm, counts[i], &m) && want(s, rec, path, &m, JSON_NUMBER) < 0)
			return -1;
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

		snprintf(path, sizeof path, ".posts[%zu].", sc->post_index[i]);
		if (json_key_is(pmm, "text") || json_key_is(pmm, "created_at") ||
		    json_key_is(pmm, "in_reply_to_user_id")) {
			buf_reset(&s->tmp);
			buf_adds(&s->tmp, path);
			buf_add(&s->tmp, pmm->key, pmm->keylen);
			if (want(s, rec, s->tmp.p, pmm, JSON_STRING) < 0)
				return -1;
		}
	}
	return 0;
}

static void
build_json(struct scorer *s, struct score_result *out)
{
	struct buf *o = &out->json;
	size_t i;

	buf_reset(o);
	buf_adds(o, "{\"total\":");
	json_number(o, out->total);
	buf_printf(o, ",\"verdict\":\"%s\",\"reasons\":[", verdict_name(out->verdict));
	for (i = 0; i < s->nreasons; i++) {
		const struct reason *r = &s->reasons[i];
		const struct srule *rule = &s->v[r->rule];

		if (i > 0)
			buf_addc(o, ',');
		buf_adds(o, "{\"rule\":");
		json_escape(o, rule->name, strlen(rule->name));
		buf_adds(o, ",\"points\":");
		json_number(o, r->points);
		buf_adds(o, ",\"why\":");
		if (r->points != 0 && rule->describe && r->rule < NBUILTIN) {
			struct buf why = {0};

			buf_printf(&why, "%s: %s", rule->describe, r->why.p ? r->why.p : "");
			json_escape(o, why.p, why.len);
			buf_free(&why);
		} else {
			json_escape(o, r->why.p ? r->why.p : "", r->why.len);
		}
		buf_addc(o, '}');
	}
	buf_adds(o, "]}");
}

/* The three weightiest reasons, for a table. */
static void
build_top(struct scorer *s, struct score_result *out)
{
	size_t i, shown = 0;
	int used[3] = {-1, -1, -1};

	buf_reset(&out->top);
	for (shown = 0; shown < 3; shown++) {
		int best = -1;

		for (i = 0; i < s->nreasons; i++) {
			if (s->reasons[i].points == 0 || (int)i == used[0] || (int)i == used[1])
				continue;
			if (best < 0 || fabs(s->reasons[i].points) > fabs(s->reasons[best].points))
				best = (int)i;
		}
		if (best < 0)
			break;
		used[shown] = best;
		if (out->top.len)
			buf_adds(&out->top, ", ");
		buf_printf(&out->top, "%s %+g", s->v[s->reasons[best].rule].name,
		    s->reasons[best].points);
	}
}

int
scorer_score(struct scorer *s, struct stream *st, const struct record *rec,
    struct score_result *out)
{
	const struct json_member *m, *fb;
	struct json_member demand, flagged, dscore;
	struct buf bio_domains = {0}, found = {0};
	double tweets = 0, age_days = 0;
	int have_tweets, have_age;
	size_t i;

	s->st = st;
	s->rec = rec;
	s->nreasons = 0;
	fb = record_member(rec, "fb");
	if (fb && fb->kind != JSON_OBJECT && fb->kind != JSON_NULL) {
		stream_reject(st, rec, ".fb: expected an object, got %s", json_kind_name(fb->kind));
		return -1;
	}
	if (record_member(rec, "text") && !record_member(rec, "username")) {
		stream_reject(st, rec, "a post, not a user: fb-score scores users "
		    "(jq -c .author gives a post's author)");
		return -1;
	}
	if (check_types(s, rec, fb) < 0 || read_posts(s, rec) < 0)
		return -1;
	if (object_member(fb, "demand", &demand)) {
		if (object_member(&demand, "flagged", &flagged) && flagged.kind == JSON_TRUE)
			hit(s, R_DEMANDS, "fb.demand.flagged");
		else if (object_member(&demand, "score", &dscore) && dscore.kind == JSON_NUMBER &&
		    strtod(dscore.val, NULL) > 0)
			hit(s, R_MENTIONS, "fb.demand.score %.*s", (int)dscore.vallen, dscore.val);
	}
	score_counts(s, rec, &tweets, &have_tweets, &age_days, &have_age);
	score_profile(s, rec, age_days, have_age, &bio_domains);
	score_posts(s, rec, have_tweets, tweets, &bio_domains);
	if (s->ninterests) {
		if ((m = record_member(rec, "description")) && m->kind == JSON_STRING) {
			buf_reset(&s->tmp);
			json_unescape(&s->tmp, m->val, m->vallen);
			textnorm_run(&s->norm, s->tmp.p, s->tmp.len);
			match_interests(s, s->norm.out.p, s->norm.out.len, &found);
		}
		for (i = 0; i < s->nposts; i++)
			if (!s->posts[i].repost && s->posts[i].norm.p)
				match_interests(s, s->posts[i].norm.p, s->posts[i].norm.len, &found);
		if (found.len)
			hit(s, R_INTERESTS, "%s", found.p);
	}
	if (s->nalready) {
		int already = 0;

		if ((m = record_member(rec, "id")) && m->kind == JSON_STRING)
			already = is_already(s, 1, m->val + 1, m->vallen - 2);
		if (!already && (m = record_member(rec, "username")) && m->kind == JSON_STRING)
			already = is_already(s, 0, m->val + 1, m->vallen - 2);
		if (already)
			hit(s, R_ALREADY, "followed by the client");
	}
	buf_free(&bio_domains);
	buf_free(&found);
	if (score_custom(s, rec) < 0)
		return -1;
	out->total = 0;
	for (i = 0; i < s->nreasons; i++)
		out->total += s->reasons[i].points;
	out->total = round(out->total * 1e6) / 1e6;
	out->verdict = out->total >= s->engage ? VERDICT_ENGAGE :
	    out->total <= s->skip ? VERDICT_SKIP : VERDICT_MAYBE;
	build_json(s, out);
	build_top(s, out);
	return 0;
}

void
scorer_explain(const struct scorer *s, const struct record *rec,
    const struct score_result *r, FILE *fp)
{
	char handle[128];
	size_t i;

	record_handle(rec, handle, sizeof handle);
	fprintf(fp, "%s:%lu: %s: %s, %g points (engage at %g, skip at %g)\n", rec->file,
	    rec->line, handle, verdict_name(r->verdict), r->total, s->engage, s->skip);
	fputs(" pts rule                   description\n", fp);
	fputs("---- ---------------------- --------------------------------------------------\n", fp);
	for (i = 0; i < s->nreasons; i++) {
		const struct reason *re = &s->reasons[i];
		const struct srule *rule = &s->v[re->rule];

		fprintf(fp, "%4.1f %-22s %s\n", re->points, rule->name,
		    re->points == 0 && re->rule != R_ALREADY ? re->why.p :
		    rule->describe ? rule->describe : rule->jq_src);
		if (re->points != 0 && re->rule < NBUILTIN && re->why.len)
			fprintf(fp, "     %-22s %s\n", "", re->why.p);
	}
	fputc('\n', fp);
}

int
scorer_load_already(struct scorer *s, const char *path, struct buf *err)
{
	struct json_scan sc = {0};
	size_t len, i;
	char *text = slurp_file(path, &len), *p, *nl;

	if (text == NULL) {
		buf_printf(err, "--already %s: %s", path, strerror(errno));
		return -1;
	}
	sc.collect_members = 1;
	for (p = text; p < text + len; p = nl + 1) {
		char *a = p, *b;

		nl = memchr(p, '\n', (size_t)(text + len - p));
		if (nl == NULL)
			nl = text + len;
		b = nl;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (a == b || *a == '#')
			continue;
		if (*a != '{') {
			scorer_add_already(s, a, (size_t)(b - a));
			continue;
		}
		/* A record: its id and its username both count. */
		if (json_scan(&sc, a, (size_t)(b - a), 0, 1) != JSON_OK) {
			buf_printf(err, "--already %s: a line is neither an id, a @name nor a JSON record",
			    path);
			json_scan_free(&sc);
			free(text);
			return -1;
		}
		for (i = 0; i < sc.nmembers; i++)
			if ((json_key_is(&sc.members[i], "id") || json_key_is(&sc.members[i], "username")) &&
			    sc.members[i].kind == JSON_STRING)
				add_already(s, json_key_is(&sc.members[i], "id"), sc.members[i].val + 1,
				    sc.members[i].vallen - 2);
	}
	json_scan_free(&sc);
	free(text);
	return 0;
}
