#include <jq.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "signals.h"	/* parse_date */
#include "util.h"

/* The rules of fb-score whose points mark an account as dead, or as spam-like. */
static const char *const dead_rules[] = {"DEAD_365_DAYS", "NEVER_POSTED", NULL};
static const char *const spam_rules[] = {"FOLLOWS_50X", "FOLLOWING_AT_LIMIT",
	"FOLLOW_FARM_1TO1", "SPAM_PHRASES", "SPAM_IN_BIO", "CANNED_REPLIES",
	"POSTS_33_A_DAY", NULL};

const char *
class_name(int cls)
{
	static const char *const names[NCLASS] = {"engage", "maybe", "skip", "not scored"};

	return names[cls];
}

const char *
idle_label(int bin)
{
	static const char *const labels[NIDLE] = {"0-7 days", "8-30 days", "31-90 days",
		"91-365 days", "over a year", "never posted", "no post attached"};

	return labels[bin];
}

void
audit_init(struct audit *a, time_t now, size_t max_prospects, size_t max_demands)
{
	memset(a, 0, sizeof *a);
	a->now = now;
	a->max_prospects = max_prospects;
	a->max_demands = max_demands;
	a->prospects = xcalloc(max_prospects + 1, sizeof *a->prospects);
	a->demands = xcalloc(max_demands + 1, sizeof *a->demands);
}

static void
prospect_free(struct prospect *p)
{
	int i;

	free(p->id);
	free(p->username);
	free(p->name);
	free(p->bio);
	free(p->url);
	free(p->opener);
	free(p->opener_kind);
	free(p->no_opener);
	for (i = 0; i < p->nreasons; i++) {
		free(p->reason[i]);
		free(p->rule[i]);
	}
	memset(p, 0, sizeof *p);
}

void
audit_free(struct audit *a)
{
	size_t i;

	for (i = 0; i < a->nprospects; i++)
		prospect_free(&a->prospects[i]);
	for (i = 0; i < a->ndemands; i++) {
		free(a->demands[i].handle);
		free(a->demands[i].text);
		free(a->demands[i].rules);
		free(a->demands[i].field);
	}
	for (i = 0; i < a->nrules; i++)
		free(a->rules[i].name);
	free(a->prospects);
	free(a->demands);
	free(a->rules);
	free(a->seen);
}

/* jv helpers: each takes the object and a key, and leaves the object alive. */
static jv
get(jv obj, const char *key)
{
	if (jv_get_kind(obj) != JV_KIND_OBJECT)
		return jv_null();
	return jv_object_get(jv_copy(obj), jv_string(key));
}

static char *
get_str(jv obj, const char *key)
{
	jv v = get(obj, key);
	char *s = NULL;

	if (jv_get_kind(v) == JV_KIND_STRING)
		s = xstrndup(jv_string_value(v), (size_t)jv_string_length_bytes(jv_copy(v)));
	jv_free(v);
	return s;
}

/* A number, or a numeric string; NAN when neither. */
static double
get_num(jv obj, const char *key)
{
	jv v = get(obj, key);
	double x = NAN;

	if (jv_get_kind(v) == JV_KIND_NUMBER)
		x = jv_number_value(v);
	else if (jv_get_kind(v) == JV_KIND_STRING)
		x = strtod(jv_string_value(v), NULL);
	jv_free(v);
	return x;
}

static int
get_true(jv obj, const char *key)
{
	jv v = get(obj, key);
	int t = jv_get_kind(v) == JV_KIND_TRUE;

	jv_free(v);
	return t;
}

/* FNV-1a of an id; 0 is kept for empty slots. */
static uint64_t
id_hash(const char *id)
{
	uint64_t h = 14695981039346656037u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 1099511628211u;
	return h ? h : 1;
}

/* Whether the id was seen before; remembers it. */
static int
seen_before(struct audit *a, const char *id)
{
	uint64_t h = id_hash(id);
	size_t i;

	if (2 * (a->nseen + 1) > a->seen_cap) {
		uint64_t *old = a->seen;
		size_t oldcap = a->seen_cap, j;

		a->seen_cap = oldcap ? 2 * oldcap : 1024;
		a->seen = xcalloc(a->seen_cap, sizeof *a->seen);
		for (j = 0; j < oldcap; j++)
			if (old[j]) {
				for (i = old[j] & (a->seen_cap - 1); a->seen[i]; i = (i + 1) & (a->seen_cap - 1))
					;
				a->seen[i] = old[j];
			}
		free(old);
	}
	for (i = h & (a->seen_cap - 1); a->seen[i]; i = (i + 1) & (a->seen_cap - 1))
		if (a->seen[i] == h)
			return 1;
	a->seen[i] = h;
	a->nseen++;
	return 0;
}

/* The count of a rule; NULL past MAX_RULES names, which records could bring without end. */
static struct rule_count *
rule_count(struct audit *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->nrules; i++)
		if (strcmp(a->rules[i].name, name) == 0)
			return &a->rules[i];
	if (a->nrules == MAX_RULES) {
		a->rules_left_out++;
		return NULL;
	}
	if (a->nrules == a->rules_cap)
		a->rules = xgrow(a->rules, &a->rules_cap, sizeof *a->rules, 64);
	a->rules[a->nrules].name = xstrdup(name);
	return &a->rules[a->nrules++];
}

/* The cell of a count on the log scale: 0 for 0, then GRID_PER_DECADE a decade. */
static int
grid_cell(double n)
{
	int c;

	if (!(n >= 1))
		return 0;
	c = 1 + (int)floor(log10(n) * GRID_PER_DECADE);
	return c >= NGRID ? NGRID - 1 : c;
}

static void
count_score(struct audit *a, jv score)
{
	jv reasons = get(score, "reasons");
	double total = get_num(score, "total");
	int i, n, dead = 0, spam = 0, bin;

	if (!isnan(total)) {
		bin = total < SCORE_MIN ? 0 : total >= SCORE_MAX ? NSCORE_BINS - 1 :
		    1 + (int)floor(total - SCORE_MIN);
		a->score_bins[bin]++;
	}
	n = jv_get_kind(reasons) == JV_KIND_ARRAY ? jv_array_length(jv_copy(reasons)) : 0;
	for (i = 0; i < n; i++) {
		jv r = jv_array_get(jv_copy(reasons), i);
		char *rule = get_str(r, "rule");
		double points = get_num(r, "points");

		if (rule && !isnan(points) && points != 0) {
			struct rule_count *rc = rule_count(a, rule);

			if (rc) {
				rc->n++;
				rc->points = points;
			}
			if (points < 0 && in_word_list(dead_rules, rule, strlen(rule)))
				dead = 1;
			if (points < 0 && in_word_list(spam_rules, rule, strlen(rule)))
				spam = 1;
		}
		free(rule);
		jv_free(r);
	}
	jv_free(reasons);
	a->dead += (unsigned long)dead;
	a->spamlike += (unsigned long)spam;
}

/*
 * The newest created_at of the record's posts, read from the members the
 * stream's scan found in them: the posts, most of a record's bytes, are
 * never parsed. 0 when none has a date.
 */
static time_t
newest_post(const struct record *rec)
{
	const struct json_scan *sc = rec->scan;
	time_t t, newest = 0;
	size_t i;

	for (i = 0; i < sc->npost_members; i++) {
		const struct json_member *m = &sc->post_members[i];

		if (m->kind == JSON_STRING && json_key_is(m, "created_at") &&
		    parse_date(m->val + 1, m->vallen - 2, &t) == 0 && t > newest)
			newest = t;
	}
	return newest;
}

static void
count_dates(struct audit *a, const struct record *rec, jv user, jv metrics)
{
	char *created = get_str(user, "created_at");
	double count = get_num(metrics, "tweet_count");
	time_t t, newest = newest_post(rec);
	int bin;

	if (isnan(count))
		count = get_num(metrics, "post_count");
	if (created && parse_date(created, strlen(created), &t) == 0 && t <= a->now) {
		long years = (long)((a->now - t) / (365.2425 * 86400));

		a->age[years > AGE_YEARS ? AGE_YEARS : years]++;
	} else {
		a->age_unknown++;
	}
	free(created);
	if (count == 0) {
		bin = IDLE_NEVER;
	} else if (newest == 0) {
		bin = IDLE_UNKNOWN;
	} else {
		double days = difftime(a->now, newest) / 86400;

		bin = days <= 7 ? IDLE_WEEK : days <= 30 ? IDLE_MONTH : days <= 90 ? IDLE_QUARTER :
		    days <= 365 ? IDLE_YEAR : IDLE_OLDER;
	}
	a->idle[bin]++;
}

/* The start of the UTF-8 character that byte i is in. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * s[from, to), with "…" where it was cut, in place of s: a record's text
 * takes TEXT_MAX bytes of the page at most.
 */
static char *
cut(char *s, size_t from, size_t to)
{
	size_t len = strlen(s);
	struct buf b = {0};

	if (from == 0 && to == len)
		return s;
	if (from > 0)
		buf_adds(&b, "\u2026");
	buf_add(&b, s + from, to - from);
	if (to < len)
		buf_adds(&b, "\u2026");
	free(s);
	return b.p;
}

static char *
cut_long(char *s)
{
	return s && strlen(s) > TEXT_MAX ? cut(s, 0, char_start(s, TEXT_MAX)) : s;
}

/* Whether there is something to send or answer: a draft, or what they said to the client. */
static int
to_write(const struct prospect *p)
{
	return p->opener != NULL || p->opener_kind != NULL;
}

/* Ranks prospects: one with a draft or a message to answer first, then by total. */
static int
better(const struct prospect *x, const struct prospect *y)
{
	if (to_write(x) != to_write(y))
		return to_write(x);
	return x->total > y->total;
}

static void
read_prospect(struct prospect *p, jv user, jv score, jv opener, int cls)
{
	jv reasons = get(score, "reasons");
	int i, n;

	p->id = cut_long(get_str(user, "id"));
	p->username = cut_long(get_str(user, "username"));
	p->name = cut_long(get_str(user, "name"));
	p->bio = cut_long(get_str(user, "description"));
	p->url = cut_long(get_str(user, "url"));
	p->opener = cut_long(get_str(opener, "text"));
	p->opener_kind = cut_long(get_str(opener, "kind"));
	p->no_opener = cut_long(get_str(opener, "reason"));
	p->cls = cls;
	p->total = get_num(score, "total");
	/* fb-score writes the reasons weightiest first. */
	n = jv_get_kind(reasons) == JV_KIND_ARRAY ? jv_array_length(jv_copy(reasons)) : 0;
	for (i = 0; i < n && p->nreasons < REASONS_SHOWN; i++) {
		jv r = jv_array_get(jv_copy(reasons), i);
		double points = get_num(r, "points");

		if (!isnan(points) && points != 0) {
			p->rule[p->nreasons] = cut_long(get_str(r, "rule"));
			p->reason[p->nreasons] = cut_long(get_str(r, "why"));
			p->points[p->nreasons] = points;
			p->nreasons++;
		}
		jv_free(r);
	}
	jv_free(reasons);
}

/*
 * Keeps the best max_prospects, best first. An account already held is
 * replaced by its later record, which has usually read more (a timeline,
 * an opener), unless that one ranks lower and has nothing to write.
 */
static void
offer_prospect(struct audit *a, jv user, jv score, jv opener, int cls)
{
	struct prospect p = {0};
	size_t i, n = a->nprospects;

	if (a->max_prospects == 0)
		return;
	read_prospect(&p, user, score, opener, cls);
	for (i = 0; i < n; i++)
		if (p.id && a->prospects[i].id && strcmp(p.id, a->prospects[i].id) == 0)
			break;
	if (i < n) {
		if (!to_write(&p) && to_write(&a->prospects[i])) {
			prospect_free(&p);
			return;
		}
		prospect_free(&a->prospects[i]);
		memmove(&a->prospects[i], &a->prospects[i + 1], (n - i - 1) * sizeof p);
		n--;
	}
	for (i = n; i > 0 && better(&p, &a->prospects[i - 1]); i--)
		;
	if (i >= a->max_prospects) {
		prospect_free(&p);
		a->nprospects = n;
		return;
	}
	if (n == a->max_prospects) {
		prospect_free(&a->prospects[n - 1]);
		n--;
	}
	memmove(&a->prospects[i + 1], &a->prospects[i], (n - i) * sizeof p);
	a->prospects[i] = p;
	a->nprospects = n + 1;
}

/* The value at a jq path such as ".description" or ".posts[2].text", or null. */
static jv
at_path(jv rec, const char *path)
{
	jv v = jv_copy(rec);
	const char *s = path;

	while (*s && jv_is_valid(v)) {
		if (*s == '.' && s[1] != '[') {
			size_t n = strcspn(s + 1, ".[");
			jv key = jv_string_sized(s + 1, (int)n);

			v = jv_get_kind(v) == JV_KIND_OBJECT ? jv_object_get(v, key) :
			    (jv_free(v), jv_free(key), jv_null());
			s += 1 + n;
		} else if (*s == '[' || (*s == '.' && s[1] == '[')) {
			char *end;
			long idx;

			s += *s == '.' ? 2 : 1;
			idx = strtol(s, &end, 10);
			if (*end != ']' || end == s || jv_get_kind(v) != JV_KIND_ARRAY) {
				jv_free(v);
				return jv_null();
			}
			v = jv_array_get(v, (int)idx);
			s = end + 1;
		} else {
			jv_free(v);
			return jv_null();
		}
	}
	return jv_is_valid(v) ? v : jv_null();
}

/* The byte offset of codepoint cp in s (UTF-8), or len past its end. */
static size_t
cp_offset(const char *s, size_t len, double cp)
{
	size_t i = 0;
	double k = 0;

	while (i < len && k < cp) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k++;
	}
	return i;
}

static const char *
field_where(const char *field, int is_post)
{
	if (strcmp(field, ".description") == 0)
		return "bio";
	if (strcmp(field, ".name") == 0)
		return "name";
	if (strcmp(field, ".username") == 0)
		return "handle";
	if (strcmp(field, ".text") == 0)
		return is_post ? "mention" : "text";
	if (strncmp(field, ".posts[", 7) == 0)
		return "post";
	return "other field";
}

static void
add_mark(struct demand *d, size_t start, size_t end)
{
	size_t i, j;

	if (end <= start)
		return;
	for (i = 0; i < d->nmarks && d->mark[i][0] <= start; i++)
		;
	if (d->nmarks == MARKS_MAX)
		return;
	memmove(&d->mark[i + 1], &d->mark[i], (d->nmarks - i) * sizeof d->mark[0]);
	d->mark[i][0] = start;
	d->mark[i][1] = end;
	d->nmarks++;
	/* Overlapping matches become one. */
	for (i = 0, j = 1; j < d->nmarks; j++)
		if (d->mark[j][0] <= d->mark[i][1]) {
			if (d->mark[j][1] > d->mark[i][1])
				d->mark[i][1] = d->mark[j][1];
		} else {
			i++;
			d->mark[i][0] = d->mark[j][0];
			d->mark[i][1] = d->mark[j][1];
		}
	d->nmarks = i + 1;
}

static void
add_rule_name(char **rules, const char *rule)
{
	size_t n = strlen(rule), have = *rules ? strlen(*rules) : 0;
	const char *s = *rules;

	for (; s && *s; s += strcspn(s, ",") + (s[strcspn(s, ",")] != '\0'))
		if (strncmp(s, rule, n) == 0 && (s[n] == ',' || s[n] == '\0'))
			return;
	*rules = xrealloc(*rules, have + n + 2);
	if (have)
		(*rules)[have++] = ',';
	memcpy(*rules + have, rule, n + 1);
}

/* The row of the record's field, made when there is room; NULL when there is none. */
static struct demand *
demand_row(struct audit *a, size_t first, const struct record *rec, jv light, const char *field,
    const char *handle, int is_post)
{
	struct demand *d;
	jv text;
	size_t k;

	for (k = first; k < a->ndemands; k++)
		if (strcmp(a->demands[k].field, field) == 0)
			return &a->demands[k];
	a->demand_fields++;
	if (a->ndemands == a->max_demands)
		return NULL;
	text = at_path(light, field);
	if (jv_get_kind(text) != JV_KIND_STRING) {
		/* A field of the posts, or one the light record leaves out. */
		jv whole = jv_parse_sized(rec->json, (int)rec->len);

		jv_free(text);
		text = at_path(whole, field);
		jv_free(whole);
	}
	d = &a->demands[a->ndemands++];
	d->handle = xstrdup(handle);
	d->field = xstrdup(field);
	d->where = field_where(field, is_post);
	d->text = jv_get_kind(text) == JV_KIND_STRING ? xstrndup(jv_string_value(text),
	    (size_t)jv_string_length_bytes(jv_copy(text))) : xstrdup("");
	jv_free(text);
	return d;
}

/*
 * A long field keeps TEXT_MAX bytes, from a little before its first
 * match (all of that match at least); the marks move with the text, and
 * those past the cut go.
 */
static void
window(struct demand *d)
{
	size_t len = strlen(d->text), from, to, shift, i, n = 0;

	if (len <= TEXT_MAX)
		return;
	from = d->nmarks && d->mark[0][0] > TEXT_MAX / 5 ?
	    char_start(d->text, d->mark[0][0] - TEXT_MAX / 5) : 0;
	to = from + TEXT_MAX < len ? char_start(d->text, from + TEXT_MAX) : len;
	if (d->nmarks && to < d->mark[0][1])
		to = d->mark[0][1];
	d->text = cut(d->text, from, to);
	shift = from > 0 ? strlen("\u2026") : 0;
	for (i = 0; i < d->nmarks && d->mark[i][0] < to; i++, n++) {
		d->mark[n][0] = d->mark[i][0] - from + shift;
		d->mark[n][1] = (d->mark[i][1] < to ? d->mark[i][1] : to) - from + shift;
	}
	d->nmarks = n;
}

/*
 * One row per field that fb-detect found a demand in, the first
 * max_demands of them, with the matches marked where its hits say. Hits
 * of no weight (a demand in quotation marks) are not demands.
 */
static void
count_demands(struct audit *a, const struct record *rec, jv light, jv demand, const char *handle,
    int is_post)
{
	jv hits = get(demand, "hits");
	int i, n = jv_get_kind(hits) == JV_KIND_ARRAY ? jv_array_length(jv_copy(hits)) : 0;
	size_t first = a->ndemands;

	for (i = 0; i < n; i++) {
		jv h = jv_array_get(jv_copy(hits), i);
		char *field = get_str(h, "field"), *rule = get_str(h, "rule");
		double start = get_num(h, "start"), end = get_num(h, "end");
		struct demand *d;

		if (field && !(get_num(h, "weight") <= 0) &&
		    (d = demand_row(a, first, rec, light, field, handle, is_post)) != NULL) {
			size_t len = strlen(d->text);

			if (!isnan(start) && !isnan(end))
				add_mark(d, cp_offset(d->text, len, start), cp_offset(d->text, len, end));
			if (rule)
				add_rule_name(&d->rules, rule);
		}
		free(field);
		free(rule);
		jv_free(h);
	}
	jv_free(hits);
	for (; first < a->ndemands; first++)
		window(&a->demands[first]);
}

static void
add_user(struct audit *a, const struct record *r, jv rec, jv fb)
{
	jv score = get(fb, "score"), opener = get(fb, "opener"), demand = get(fb, "demand");
	jv metrics = get(rec, "public_metrics");
	char *id = get_str(rec, "id"), *verdict = get_str(score, "verdict");
	char *username = get_str(rec, "username");
	/* An account is its id; a record without one, its username. */
	int cls = CLASS_UNSCORED, dup = (id || username) && seen_before(a, id ? id : username);
	jv source = get(fb, "source");
	double cost = get_num(source, "cost");

	if (verdict)
		cls = strcmp(verdict, "engage") == 0 ? CLASS_ENGAGE :
		    strcmp(verdict, "maybe") == 0 ? CLASS_MAYBE :
		    strcmp(verdict, "skip") == 0 ? CLASS_SKIP : CLASS_UNSCORED;
	if (get_true(fb, "lost")) {
		if (!dup)
			a->lost++;
		goto done;
	}
	if (cls == CLASS_ENGAGE || cls == CLASS_MAYBE)
		offer_prospect(a, rec, score, opener, cls);
	if (dup) {
		a->duplicates++;
		goto done;
	}
	a->followers++;
	a->cls[cls]++;
	if (cls == CLASS_ENGAGE || cls == CLASS_MAYBE)
		a->candidates++;
	if (get_true(fb, "new"))
		a->new_followers++;
	if (!isnan(cost)) {
		a->cost += cost;
		a->costed++;
	}
	if (get_true(demand, "flagged")) {
		a->demanders++;
		count_demands(a, r, rec, demand, username ? username : id ? id : "-", 0);
	}
	if (cls != CLASS_UNSCORED)
		count_score(a, score);
	if (jv_get_kind(metrics) == JV_KIND_OBJECT) {
		double followers = get_num(metrics, "followers_count");
		double following = get_num(metrics, "following_count");

		a->grid[cls][grid_cell(followers)][grid_cell(following)]++;
	} else {
		a->no_counts++;
	}
	count_dates(a, r, rec, metrics);
done:
	free(id);
	free(verdict);
	free(username);
	jv_free(score);
	jv_free(opener);
	jv_free(demand);
	jv_free(metrics);
	jv_free(source);
}

static void
add_post(struct audit *a, const struct record *r, jv rec, jv fb)
{
	jv demand = get(fb, "demand"), author = get(rec, "author");
	char *handle = get_str(author, "username");

	if (!handle)
		handle = get_str(rec, "author_id");
	a->posts++;
	if (get_true(demand, "flagged")) {
		a->demand_mentions++;
		count_demands(a, r, rec, demand, handle ? handle : "-", 1);
	}
	free(handle);
	jv_free(demand);
	jv_free(author);
}

/* The members the audit reads; the others, posts above all, are not parsed. */
static const char *const read_members[] = {"id", "username", "name", "description", "url",
	"created_at", "public_metrics", "fb", "author", "author_id", NULL};

/* The record with only the members the audit reads, parsed. */
static jv
light_record(const struct record *rec)
{
	jv o = jv_object();
	size_t i, k;

	for (i = 0; i < rec->nmembers; i++)
		for (k = 0; read_members[k]; k++)
			if (json_key_is(&rec->members[i], read_members[k])) {
				o = jv_object_set(o, jv_string(read_members[k]),
				    jv_parse_sized(rec->members[i].val, (int)rec->members[i].vallen));
				break;
			}
	return o;
}

void
audit_add(struct audit *a, struct stream *st, const struct record *rec)
{
	jv v = light_record(rec), fb = get(v, "fb");

	if (record_member(rec, "text"))
		add_post(a, rec, v, fb);
	else if (record_member(rec, "username") || record_member(rec, "id"))
		add_user(a, rec, v, fb);
	else
		stream_warn(st, rec, "neither a user (username) nor a post (text): not counted");
	jv_free(fb);
	jv_free(v);
}

void
report_meta_rules(struct report_meta *m, const char *text)
{
	const char *line = text, *eol;

	for (; *line; line = *eol ? eol + 1 : eol) {
		char name[128];
		double x;
		int n = 0;

		eol = line + strcspn(line, "\n");
		if (sscanf(line, "threshold engage %lf", &x) == 1) {
			m->engage = x;
		} else if (sscanf(line, "threshold skip %lf", &x) == 1) {
			m->skip = x;
		} else if (sscanf(line, "points %127s %lf", name, &x) == 2) {
			m->rules = xrealloc(m->rules, (m->nrules + 1) * sizeof *m->rules);
			m->rules[m->nrules].name = xstrdup(name);
			m->rules[m->nrules].describe = NULL;
			m->rules[m->nrules].points = x;
			m->nrules++;
		} else if (sscanf(line, "describe %127s %n", name, &n) == 1 && n > 0 && m->nrules > 0 &&
		    strcmp(m->rules[m->nrules - 1].name, name) == 0) {
			m->rules[m->nrules - 1].describe = xstrndup(line + n, (size_t)(eol - line - n));
		}
	}
}

void
report_meta_free(struct report_meta *m)
{
	size_t i;

	for (i = 0; i < m->nrules; i++) {
		free(m->rules[i].name);
		free(m->rules[i].describe);
	}
	free(m->rules);
}

void
report_count(struct buf *out, unsigned long n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%lu", n), i;

	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(out, ',');
		buf_addc(out, digits[i]);
	}
}

static struct headline *
headline(struct headline *h, size_t *n, const char *key, const char *label, unsigned long count,
    unsigned long of)
{
	struct headline *x = &h[(*n)++];
	struct buf b = {0};

	x->key = key;
	x->label = label;
	report_count(&b, count);
	snprintf(x->value, sizeof x->value, "%s", b.p);
	x->note[0] = '\0';
	if (of > 0)
		snprintf(x->note, sizeof x->note, "%.1f%% of %lu", 100.0 * (double)count / (double)of, of);
	buf_free(&b);
	return x;
}

size_t
report_headlines(const struct audit *a, struct headline *h)
{
	size_t n = 0;
	unsigned long f = a->followers;

	headline(h, &n, "followers", "followers", f, 0);
	headline(h, &n, "demanders", "demand a follow back", a->demanders, f);
	headline(h, &n, "dead", "dead accounts", a->dead, f);
	headline(h, &n, "spamlike", "spam-like accounts", a->spamlike, f);
	headline(h, &n, "engage", "engage", a->cls[CLASS_ENGAGE], f);
	headline(h, &n, "maybe", "maybe", a->cls[CLASS_MAYBE], f);
	headline(h, &n, "skip", "skip", a->cls[CLASS_SKIP], f);
	if (a->cls[CLASS_UNSCORED])
		headline(h, &n, "unscored", "not scored", a->cls[CLASS_UNSCORED], f);
	if (a->new_followers)
		headline(h, &n, "new", "new followers", a->new_followers, f);
	if (a->lost)
		headline(h, &n, "lost", "lost followers", a->lost, 0);
	if (a->posts)
		headline(h, &n, "mentions", "posts demanding a follow back", a->demand_mentions, a->posts);
	if (a->costed) {
		struct headline *x = &h[n++];

		x->key = "cost";
		x->label = "fetch cost";
		snprintf(x->value, sizeof x->value, "$%.2f", a->cost);
		snprintf(x->note, sizeof x->note, "as %lu record%s said", a->costed,
		    a->costed == 1 ? "" : "s");
	}
	return n;
}

size_t
report_rule_rows(const struct audit *a, const struct report_meta *m, struct rule_row **rows)
{
	struct rule_row *r = xcalloc(m->nrules + a->nrules + 1, sizeof *r);
	size_t i, j, n = 0;

	for (i = 0; i < m->nrules; i++) {
		unsigned long count = 0;

		for (j = 0; j < a->nrules; j++)
			if (strcmp(a->rules[j].name, m->rules[i].name) == 0)
				count = a->rules[j].n;
		if (m->rules[i].points != 0 || count > 0)
			r[n++] = (struct rule_row){m->rules[i].name,
				m->rules[i].describe ? m->rules[i].describe : "", m->rules[i].points, count};
	}
	for (j = 0; j < a->nrules; j++) {
		for (i = 0; i < m->nrules && strcmp(a->rules[j].name, m->rules[i].name) != 0; i++)
			;
		if (i == m->nrules)
			r[n++] = (struct rule_row){a->rules[j].name, NULL, a->rules[j].points, a->rules[j].n};
	}
	*rows = r;
	return n;
}
