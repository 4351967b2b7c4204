#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jv.h>
#include <utf8proc.h>

#include "detect.h"
#include "fbkey.h"
#include "jqexpr.h"
#include "json.h"
#include "ngrams.h"
#include "quote.h"
#include "textnorm.h"
#include "util.h"
#include "width.h"

/* Enough to show a pattern of abuse without flooding the record. */
#define MAX_HITS_PER_RULE 8
/*
 * Bytes of normalised text around the positive hits of a field where its
 * masks are matched: more than any mask's match and reach.
 */
#define MASK_WINDOW 8192

/* The n-grams shown for a hit of the model. */
#define MODEL_TOP 5

struct field {
	struct buf path;	/* ".description", ".posts[0].text", or a --field expression */
	const char *key;	/* its last key, which rule "fields" lines name */
	struct buf text;	/* the original text */
};

struct hit {
	size_t field, rule;
	size_t c0, c1;		/* codepoints of the original text */
	size_t n0, n1;		/* bytes of the normalised text */
	size_t b0, b1;		/* bytes of the original text */
	int masked;		/* hidden by an overlapping negative hit */
	int masks;		/* a negative hit that hides a positive one */
};

/* A field that the model flagged. */
struct model_hit {
	size_t field;
	double prob;
	size_t c0, c1, b0, b1;	/* the span of its top n-grams in the original text */
	size_t top[MODEL_TOP];	/* model n-grams, most weight first */
	double topw[MODEL_TOP];	/* what each added to the logit */
	size_t ntop;
};

/*
 * A model n-gram of the field being explained: how often it occurs and
 * where first. Occurrences are added as they come and merged whenever the
 * vector fills, so it holds about twice the field's distinct n-grams at
 * most: an entry for each n-gram of the model, written at random, had
 * grown fb-detect's memory by 5 MiB over a long input.
 */
struct tally {
	size_t k, b0, b1;
	size_t first;		/* its order of occurrence in the field */
	size_t count;
};

struct detector {
	struct ruleset *rules;
	struct detect_opts o;
	struct jqexpr *field_prog;
	struct field *fields;
	size_t nfields, fields_cap;
	struct hit *hits;
	size_t nhits, hits_cap;
	struct textnorm norm;
	struct buf out, demand, err;
	unsigned char *limit_reported;
	unsigned char *candidates;	/* branches that may match the current field */
	struct ngrams grams;
	double *rule_weight;	/* each rule's weight in the model */
	unsigned char *rule_known;	/* the model was trained with the rule */
	struct model_hit mhit;	/* the model's hit, when nmhits is 1 */
	size_t nmhits;
	struct tally *tally;
	size_t ntally, tally_cap;
	size_t noccur;		/* occurrences tallied in the field so far */
	size_t *words, words_cap;	/* where each word of a long field starts */
	struct span {
		size_t c0, c1;
	} *spans;			/* a field's negative hits, or its clauses */
	size_t spans_cap;
	struct span *seps;		/* where a clause may end in a field: . ! | / • or a line break */
	size_t seps_cap;
	size_t win0, win1;	/* the likeliest window of the field judged last */
	int win_clause;		/* win0, win1: a clause, in bytes of the original text */
	struct textnorm clause_norm;	/* a clause of a field, normalised on its own */
	int table_header_done;
	size_t columns;		/* of the terminal, for a table */
	struct buf row;		/* a table line, cut to columns */
	/* While collecting --field outputs */
	struct stream *st;
	const struct record *rec;
	int bad;
};

static const char *const default_keys[] = {"description", "name", "username", "text"};

/* The program that runs every --field expression on a record without its "fb". */
static void
build_field_program(struct buf *prog, const struct detect_opts *o)
{
	size_t i;

	buf_adds(prog,
	    "def _fb_scan(f; $where): "
	    "if (try ([path(f)] | true) catch false) "
	    "then (path(f) as $p | [$p, getpath($p)]) "
	    "else (f | [$where, .]) end; "
	    "del(.fb?) | ");
	for (i = 0; i < o->nfield_exprs; i++) {
		if (i > 0)
			buf_adds(prog, ", ");
		buf_adds(prog, "_fb_scan(");
		buf_adds(prog, o->field_exprs[i]);
		buf_adds(prog, "; ");
		json_escape(prog, o->field_exprs[i], strlen(o->field_exprs[i]));
		buf_addc(prog, ')');
	}
}

struct detector *
detector_new(struct ruleset *rules, const struct detect_opts *o, struct buf *err)
{
	struct detector *d = xcalloc(1, sizeof *d);

	d->rules = rules;
	d->o = *o;
	if (o->format == DETECT_TABLE)
		d->columns = width_columns();
	textnorm_init(&d->norm);
	textnorm_init(&d->clause_norm);
	d->limit_reported = xcalloc(rules->n + 1, 1);
	d->candidates = xcalloc(rules->nmarks + 1, 1);
	ngrams_init(&d->grams);
	if (o->model) {
		size_t i;
		int known;

		d->rule_weight = xcalloc(rules->n + 1, sizeof *d->rule_weight);
		d->rule_known = xcalloc(rules->n + 1, 1);
		for (i = 0; i < rules->n; i++) {
			d->rule_weight[i] = detect_model_rule(o->model, rules->v[i].name, &known);
			d->rule_known[i] = (unsigned char)known;
		}
	}
	if (o->nfield_exprs > 0) {
		struct buf prog = {0};
		size_t i;

		/* Compile each alone first, so an error names the expression at fault. */
		for (i = 0; i < o->nfield_exprs; i++) {
			struct jqexpr *e = jqexpr_new(o->field_exprs[i], err);

			if (e == NULL) {
				struct buf msg = {0};

				buf_printf(&msg, "--field %s: %s", o->field_exprs[i], err->p);
				buf_reset(err);
				buf_add(err, msg.p, msg.len);
				buf_free(&msg);
				detector_free(d);
				return NULL;
			}
			jqexpr_free(e);
		}
		build_field_program(&prog, o);
		d->field_prog = jqexpr_new(prog.p, err);
		buf_free(&prog);
		if (d->field_prog == NULL) {
			detector_free(d);
			return NULL;
		}
	}
	return d;
}

void
detector_free(struct detector *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->fields_cap; i++) {
		buf_free(&d->fields[i].path);
		buf_free(&d->fields[i].text);
	}
	free(d->fields);
	free(d->hits);
	free(d->limit_reported);
	free(d->candidates);
	ngrams_free(&d->grams);
	free(d->rule_weight);
	free(d->rule_known);
	free(d->tally);
	free(d->words);
	free(d->spans);
	free(d->seps);
	jqexpr_free(d->field_prog);
	textnorm_free(&d->norm);
	textnorm_free(&d->clause_norm);
	buf_free(&d->out);
	buf_free(&d->row);
	buf_free(&d->demand);
	buf_free(&d->err);
	free(d);
}

static struct field *
new_field(struct detector *d)
{
	struct field *f;

	if (d->nfields == d->fields_cap)
		d->fields = xgrow(d->fields, &d->fields_cap, sizeof *d->fields, 16);
	f = &d->fields[d->nfields++];
	buf_reset(&f->path);
	buf_reset(&f->text);
	return f;
}

/* The last key named in a path string such as .posts[0].text. */
static const char *
last_key(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot ? dot + 1 : path;
}

/* A default field: a string is scanned, null is absent, anything else is an error. */
static int
add_string_field(struct detector *d, const struct json_member *m, const char *path)
{
	struct field *f;

	if (m->kind == JSON_NULL)
		return 0;
	if (m->kind != JSON_STRING) {
		stream_reject(d->st, d->rec, "%s: expected a string, got %s", path,
		    json_kind_name(m->kind));
		return -1;
	}
	f = new_field(d);
	buf_adds(&f->path, path);
	f->key = last_key(f->path.p);
	json_unescape(&f->text, m->val, m->vallen);
	return 0;
}

static int
collect_posts(struct detector *d, const struct record *rec, const struct json_member *posts)
{
	const struct json_scan *sc = rec->scan;
	size_t i, j;
	char path[64];

	if (posts->kind == JSON_NULL)
		return 0;
	if (posts->kind != JSON_ARRAY) {
		stream_reject(d->st, d->rec, ".posts: expected an array, got %s",
		    json_kind_name(posts->kind));
		return -1;
	}
	if (sc->posts_bad != (size_t)-1) {
		stream_reject(d->st, d->rec, ".posts[%zu]: expected an object, got %s",
		    sc->posts_bad, json_kind_name(sc->posts_bad_kind));
		return -1;
	}
	/* The scanner kept each post's members; a post's last "text" wins, as in jq. */
	for (i = 0; i < sc->npost_members; i++) {
		if (!json_key_is(&sc->post_members[i], "text"))
			continue;
		for (j = i + 1; j < sc->npost_members && sc->post_index[j] == sc->post_index[i]; j++)
			if (json_key_is(&sc->post_members[j], "text"))
				break;
		if (j < sc->npost_members && sc->post_index[j] == sc->post_index[i])
			continue;
		snprintf(path, sizeof path, ".posts[%zu].text", sc->post_index[i]);
		if (add_string_field(d, &sc->post_members[i], path) < 0)
			return -1;
	}
	return 0;
}

/*
 * Mastodon's profile fields (masto-user, masto-followers): label and value
 * are written by the account like its bio, and "Follow back: always" is a
 * demand there too. Members that are not strings are none of ours to judge.
 */
static int
collect_profile_fields(struct detector *d, const struct json_member *fields)
{
	static const char *const keys[] = {"name", "value"};
	struct json_iter it;
	struct json_member item = {0}, m;
	const char *el;
	size_t elen, i, k;
	enum json_kind kind;
	char path[64];

	json_iter_init(&it, fields->val, fields->vallen);
	for (i = 0; json_iter_element(&it, &el, &elen, &kind); i++) {
		if (kind != JSON_OBJECT)
			continue;
		item.val = el;
		item.vallen = elen;
		item.kind = kind;
		for (k = 0; k < 2; k++) {
			if (!json_object_member(&item, keys[k], &m) || m.kind != JSON_STRING)
				continue;
			snprintf(path, sizeof path, ".fields[%zu].%s", i, keys[k]);
			if (add_string_field(d, &m, path) < 0)
				return -1;
		}
	}
	return 0;
}

static int
collect_default(struct detector *d, const struct record *rec)
{
	const struct json_member *m;
	size_t k;
	char path[32];

	for (k = 0; k < sizeof default_keys / sizeof default_keys[0]; k++) {
		if ((m = record_member(rec, default_keys[k])) == NULL)
			continue;
		snprintf(path, sizeof path, ".%s", default_keys[k]);
		if (add_string_field(d, m, path) < 0)
			return -1;
	}
	if ((m = record_member(rec, "fields")) != NULL && m->kind == JSON_ARRAY &&
	    collect_profile_fields(d, m) < 0)
		return -1;
	if ((m = record_member(rec, "posts")) != NULL)
		return collect_posts(d, rec, m);
	return 0;
}

static int
take_field_output(void *arg, jv out)
{
	struct detector *d = arg;
	jv where = jv_array_get(jv_copy(out), 0), value = jv_array_get(out, 1);
	struct field *f;

	if (jv_get_kind(value) == JV_KIND_NULL) {
		jv_free(where);
		jv_free(value);
		return 0;
	}
	if (jv_get_kind(value) != JV_KIND_STRING) {
		struct buf p = {0};

		if (jv_get_kind(where) == JV_KIND_ARRAY)
			jqexpr_path_string(&p, where);
		else {
			buf_adds(&p, jv_string_value(where));
			jv_free(where);
		}
		stream_reject(d->st, d->rec, "--field %s: expected a string, got %s",
		    p.p, jv_kind_name(jv_get_kind(value)));
		buf_free(&p);
		jv_free(value);
		d->bad = 1;
		return 1;
	}
	f = new_field(d);
	if (jv_get_kind(where) == JV_KIND_ARRAY) {
		jqexpr_path_string(&f->path, where);
		f->key = last_key(f->path.p);
	} else {
		buf_adds(&f->path, jv_string_value(where));
		f->key = f->path.p;
		jv_free(where);
	}
	buf_add(&f->text, jv_string_value(value),
	    (size_t)jv_string_length_bytes(jv_copy(value)));
	jv_free(value);
	return 0;
}

static int
collect_exprs(struct detector *d, const struct record *rec)
{
	jv input = jv_parse_sized(rec->json, (int)rec->len);

	buf_reset(&d->err);
	d->bad = 0;
	if (jqexpr_run(d->field_prog, input, take_field_output, d, &d->err, "--field",
	    rec->file, rec->line) < 0) {
		stream_reject(d->st, rec, "--field: %s", d->err.p);
		return -1;
	}
	return d->bad ? -1 : 0;
}

static void
add_hit(struct detector *d, size_t field, size_t rule, size_t m0, size_t m1)
{
	struct hit *h;

	if (d->nhits == d->hits_cap)
		d->hits = xgrow(d->hits, &d->hits_cap, sizeof *d->hits, 16);
	h = &d->hits[d->nhits++];
	h->field = field;
	h->rule = rule;
	h->masked = h->masks = 0;
	h->n0 = m0;
	h->n1 = m1;
	textnorm_span(&d->norm, m0, m1, &h->c0, &h->c1);
	h->b0 = textnorm_cp_offset(&d->norm, h->c0);
	h->b1 = textnorm_cp_offset(&d->norm, h->c1);
}

static void
report_limit(struct detector *d, size_t rule, size_t field, int rc)
{
	char msg[128];

	stream_fail(d->st);
	if (d->limit_reported[rule])
		return;
	d->limit_reported[rule] = 1;
	rules_error_text(rc, msg, sizeof msg);
	stream_warn(d->st, d->rec, "rule %s gave up on %s (%s): simplify the pattern; "
	    "later failures of this rule are not reported", d->rules->v[rule].name,
	    d->fields[field].path.p, msg);
}

static size_t
utf8_step(const char *s, size_t at, size_t len)
{
	size_t k = 1;

	while (at + k < len && ((unsigned char)s[at + k] & 0xC0) == 0x80)
		k++;
	return k;
}

static void
match_rule(struct detector *d, size_t fi, size_t i, size_t from, size_t len)
{
	const char *s = d->norm.out.p;
	size_t m0, m1, count = 0;
	int rc;

	while (count < MAX_HITS_PER_RULE && from <= len) {
		rc = rule_match(d->rules, i, d->candidates, s, len, from, &m0, &m1);
		if (rc < 0) {
			report_limit(d, i, fi, rc);
			break;
		}
		if (rc == 0)
			break;
		if (m1 > m0) {
			add_hit(d, fi, i, m0, m1);
			count++;
		}
		from = m1 > m0 ? m1 : m0 + (m0 < len ? utf8_step(s, m0, len) : 1);
	}
}

static int
overlaps(const struct hit *a, const struct hit *b)
{
	return a->c0 < b->c1 && b->c0 < a->c1;
}

static int
clause_break(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == '\n' || c == '|' || c == '/' ||
	    c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF5C || c == 0x2022 ||
	    c == 0x00B7;
}

/*
 * Where the mask m starts once its reach is added: up to reach characters
 * back, stopping after a clause break. "who doesn't follow back" and
 * "honest question" mask the clause they are in, without each mask
 * pattern trying every start in it.
 */
static size_t
reach_start(const struct detector *d, const struct hit *m)
{
	const unsigned char *s = (const unsigned char *)d->fields[m->field].text.p;
	size_t b = m->b0, c = m->c0, n = d->rules->v[m->rule].reach;

	while (n > 0 && b > 0) {
		size_t p = b - 1;
		utf8proc_int32_t cp;

		while (p > 0 && (s[p] & 0xC0) == 0x80)
			p--;
		if (utf8proc_iterate(s + p, (utf8proc_ssize_t)(b - p), &cp) > 0 &&
		    clause_break((uint32_t)cp))
			break;
		b = p;
		c--;
		n--;
	}
	return c;
}

/* Whether mask m, reaching back to codepoint from, hides the positive hit h. */
static int
hides(const struct hit *m, size_t from, const struct hit *h)
{
	return overlaps(m, h) || (h->c1 <= m->c0 && h->c1 > from);
}

/*
 * A negative or zero-weight rule's hit masks the positive hits it overlaps:
 * "who doesn't follow me back" talks about follow-back without asking for
 * it. Weight-0 rules (masks) run only where a positive rule hit, and stay
 * in the record only where they hid something.
 */
static void
match_field(struct detector *d, size_t fi)
{
	struct ruleset *rs = d->rules;
	size_t i, j, w, first = d->nhits, win0 = 0, win1 = 0;
	int positive = 0;

	ruleset_candidates(rs, d->norm.out.p, d->norm.out.len, d->candidates);
	for (i = 0; (i = rule_next_candidate(rs, i, d->candidates)) < rs->n; i++)
		if (rs->v[i].weight != 0 && rule_applies(&rs->v[i], d->fields[fi].key))
			match_rule(d, fi, i, 0, d->norm.out.len);
	/*
	 * Masks only matter where they meet a positive hit: they are matched
	 * in a window around those hits, so that a mask of many alternatives
	 * costs little in a field of megabytes.
	 */
	for (i = first; i < d->nhits; i++)
		if (rs->v[d->hits[i].rule].weight > 0) {
			if (!positive || d->hits[i].n0 < win0)
				win0 = d->hits[i].n0;
			if (!positive || d->hits[i].n1 > win1)
				win1 = d->hits[i].n1;
			positive = 1;
		}
	if (!positive)
		return;
	win0 = win0 > MASK_WINDOW ? win0 - MASK_WINDOW : 0;
	win1 = d->norm.out.len - win1 > MASK_WINDOW ? win1 + MASK_WINDOW : d->norm.out.len;
	ruleset_mask_candidates(rs, d->norm.out.p, d->norm.out.len, d->candidates);
	for (i = 0; (i = rule_next_candidate(rs, i, d->candidates)) < rs->n; i++)
		if (rs->v[i].weight == 0 && rule_applies(&rs->v[i], d->fields[fi].key))
			match_rule(d, fi, i, win0, win1);
	for (j = first; j < d->nhits; j++) {
		struct hit *m = &d->hits[j];
		size_t from;

		if (rs->v[m->rule].weight > 0)
			continue;
		from = reach_start(d, m);
		for (i = first; i < d->nhits; i++)
			if (rs->v[d->hits[i].rule].weight > 0 && hides(m, from, &d->hits[i])) {
				d->hits[i].masked = 1;
				m->masks = 1;
			}
	}
	for (i = w = first; i < d->nhits; i++) {
		const struct hit *h = &d->hits[i];

		if (h->masked || (rs->v[h->rule].weight == 0 && !h->masks))
			continue;
		d->hits[w++] = *h;
	}
	d->nhits = w;
}

/* Each rule counts once per record, however often it matches, as in SpamAssassin. */
static double
score_hits(struct detector *d)
{
	double score = 0;
	size_t i, j;

	for (i = 0; i < d->nhits; i++) {
		int seen = 0;

		for (j = 0; j < i && !seen; j++)
			seen = d->hits[j].rule == d->hits[i].rule;
		if (!seen)
			score += d->rules->v[d->hits[i].rule].weight;
	}
	return score;
}

static int
by_ngram(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

static int
by_first(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	return (x->first > y->first) - (x->first < y->first);
}

/* One entry for each n-gram, with the count and the first place of all of its entries. */
static void
combine_tally(struct detector *d)
{
	size_t i, u = 0;

	if (d->ntally == 0)
		return;
	qsort(d->tally, d->ntally, sizeof *d->tally, by_ngram);
	for (i = 0; i < d->ntally; i++)
		if (u > 0 && d->tally[u - 1].k == d->tally[i].k)
			d->tally[u - 1].count += d->tally[i].count;
		else
			d->tally[u++] = d->tally[i];
	d->ntally = u;
}

/* The n-grams tallied, each once, in the order they first occur. */
static void
merge_tally(struct detector *d)
{
	combine_tally(d);
	if (d->ntally > 0)
		qsort(d->tally, d->ntally, sizeof *d->tally, by_first);
}

static void
tally_ngram(void *arg, uint64_t hash, enum ngram_kind kind, size_t b0, size_t b1)
{
	struct detector *d = arg;
	long k = detect_model_find(d->o.model, hash);

	(void)kind;
	if (k < 0)
		return;
	if (d->ntally == d->tally_cap) {
		combine_tally(d);
		if (2 * d->ntally >= d->tally_cap)
			d->tally = xgrow(d->tally, &d->tally_cap, sizeof *d->tally, 64);
	}
	d->tally[d->ntally++] = (struct tally){(size_t)k, b0, b1, d->noccur++, 1};
}

/*
 * Summed over a long bio or post, the n-grams of everything around a
 * demand outweighed it: "Follow me, I always follow back" in the middle of
 * sixty words went unflagged. So a field of more than MODEL_LONG words is
 * judged in windows of MODEL_WINDOW words, half a window apart, and its
 * likeliest window speaks for it; the rules that hit the field, and its
 * key, count in every window.
 */
#define MODEL_WINDOW 24
#define MODEL_LONG 36

/* The logistic probability of bytes [b0, b1) of the normalised field. */
static double
window_prob(struct detector *d, size_t b0, size_t b1, double extra, int ruled)
{
	struct model_score sc;

	ngrams_line(&d->grams, d->norm.out.p + b0, b1 - b0);
	detect_model_score(d->o.model, &d->grams, extra, ruled, &sc);
	return sc.prob;
}

/*
 * The weights of the rules whose hits (d->hits[first...]) lie in bytes
 * [b0, b1) of the field, each rule once, as in training
 * (tools/train-detect.py).
 */
static double
rules_weight(const struct detector *d, size_t first, size_t b0, size_t b1)
{
	double w = 0;
	size_t i, j;

	for (i = first; i < d->nhits; i++) {
		int seen = 0;

		if (d->hits[i].b0 < b0 || d->hits[i].b1 > b1)
			continue;
		for (j = first; j < i && !seen; j++)
			seen = d->hits[j].rule == d->hits[i].rule &&
			    d->hits[j].b0 >= b0 && d->hits[j].b1 <= b1;
		if (!seen)
			w += d->rule_weight[d->hits[i].rule];
	}
	return w;
}

static int
by_start(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->c0 != y->c0)
		return x->c0 < y->c0 ? -1 : 1;
	return x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

/* The length of the clause separator at s[i], or 0. */
static size_t
separator_at(const char *s, size_t len, size_t i)
{
	if (s[i] != '\0' && strchr(".!|/\n", s[i]))
		return 1;
	return i + 3 <= len && memcmp(s + i, "\xe2\x80\xa2", 3) == 0 ? 3 : 0;
}

/*
 * A bio is many statements, and weighed whole, "... Lowly wordsmith. I
 * follow back! ❤️" at the end of a political one weighed as the bio
 * around it (0.237, where 0.7 flags). So the clause of each positive
 * rule's hit, between the nearest . ! | / • or line break, is judged on
 * its own as well, normalised alone, with the rules that hit inside it;
 * the likeliest of field, windows and clauses speaks. Not "?": its answer
 * belongs with it ("f4f? no thanks, dni"). tools/train-detect.py chooses
 * the threshold on the same clauses.
 *
 * The likeliest clause of field fi (its hits from first on, key the
 * weight of its key), -1 if no clause is less than the field; its bytes
 * of the original text are left in *c0, *c1.
 */
static double
clauses_prob(struct detector *d, size_t fi, size_t first, double key, size_t *c0, size_t *c1)
{
	const char *s = d->fields[fi].text.p ? d->fields[fi].text.p : "";
	size_t len = d->fields[fi].text.len, i, k, n = 0, nseps = 0, lo, hi, step;
	double best = -1, extra;
	struct model_score sc;

	for (i = first; i < d->nhits && n == 0; i++)
		n = d->rules->v[d->hits[i].rule].weight > 0;
	if (n == 0)
		return -1;
	/* The separators once, not a walk to them from each hit: a field may be megabytes. */
	for (i = 0; i < len; i += step ? step : 1) {
		if ((step = separator_at(s, len, i)) == 0)
			continue;
		if (nseps == d->seps_cap)
			d->seps = xgrow(d->seps, &d->seps_cap, sizeof *d->seps, 16);
		d->seps[nseps].c0 = i;
		d->seps[nseps++].c1 = i + step;
	}
	for (n = 0, i = first; i < d->nhits; i++) {
		struct span c = {0, len};

		if (d->rules->v[d->hits[i].rule].weight <= 0)
			continue;
		/* c0: the end of the last separator that ends at or before the hit */
		for (lo = 0, hi = nseps; lo < hi;) {
			k = lo + (hi - lo) / 2;
			if (d->seps[k].c1 <= d->hits[i].b0)
				lo = k + 1;
			else
				hi = k;
		}
		if (lo > 0)
			c.c0 = d->seps[lo - 1].c1;
		/* c1: the start of the first separator that starts at or after its end */
		for (lo = 0, hi = nseps; lo < hi;) {
			k = lo + (hi - lo) / 2;
			if (d->seps[k].c0 < d->hits[i].b1)
				lo = k + 1;
			else
				hi = k;
		}
		if (lo < nseps)
			c.c1 = d->seps[lo].c0;
		if (c.c0 == 0 && c.c1 == len)
			continue;	/* the field itself */
		if (n == d->spans_cap)
			d->spans = xgrow(d->spans, &d->spans_cap, sizeof *d->spans, 8);
		d->spans[n++] = c;
	}
	if (n == 0)
		return -1;
	/* Each clause once, however many hits it holds. */
	qsort(d->spans, n, sizeof *d->spans, by_start);
	for (k = 0; k < n; k++) {
		const struct span *c = &d->spans[k];

		if (k > 0 && c->c0 == d->spans[k - 1].c0 && c->c1 == d->spans[k - 1].c1)
			continue;
		extra = key + rules_weight(d, first, c->c0, c->c1);
		textnorm_run(&d->clause_norm, s + c->c0, c->c1 - c->c0);
		ngrams_line(&d->grams, d->clause_norm.out.p, d->clause_norm.out.len);
		detect_model_score(d->o.model, &d->grams, extra, 1, &sc);
		if (sc.prob > best) {
			best = sc.prob;
			*c0 = c->c0;
			*c1 = c->c1;
		}
	}
	return best;
}

/*
 * The model's probability for the current field (normalised in d->norm),
 * whose rules' hits are d->hits[first...]. The window or clause it came
 * from is left in d->win0 and d->win1 (d->win_clause).
 */
static double
model_prob(struct detector *d, size_t fi, size_t first)
{
	const char *s = d->norm.out.p;
	size_t len = d->norm.out.len, nwords = 0, i, end, c0 = 0, c1 = 0;
	double key = detect_model_key(d->o.model, d->fields[fi].key), prob, best;
	double extra = key + rules_weight(d, first, 0, (size_t)-1);
	int ruled = d->nhits > first;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || (i > 0 && s[i - 1] != ' ' &&
		    s[i - 1] != '\t' && s[i - 1] != '\n'))
			continue;
		if (nwords == d->words_cap)
			d->words = xgrow(d->words, &d->words_cap, sizeof *d->words, 64);
		d->words[nwords++] = i;
	}
	d->win0 = 0;
	d->win1 = len;
	d->win_clause = 0;
	if (nwords <= MODEL_LONG) {
		best = window_prob(d, 0, len, extra, ruled);
	} else {
		best = -1;
		for (i = 0; ; i += MODEL_WINDOW / 2) {
			end = i + MODEL_WINDOW < nwords ? d->words[i + MODEL_WINDOW] : len;
			prob = window_prob(d, d->words[i], end, extra, ruled);
			if (prob > best) {
				best = prob;
				d->win0 = d->words[i];
				d->win1 = end;
			}
			if (i + MODEL_WINDOW >= nwords)
				break;
		}
	}
	if (ruled && (prob = clauses_prob(d, fi, first, key, &c0, &c1)) > best) {
		best = prob;
		d->win0 = c0;
		d->win1 = c1;
		d->win_clause = 1;
	}
	return best;
}

/*
 * The model's hit on field fi of probability prob: the n-grams that moved
 * the logit most in the model's direction (up when sign is 1, down when
 * -1), and the span of the original text they came from.
 */
static void
model_hit(struct detector *d, size_t fi, size_t win0, size_t win1, int clause, double prob,
    int sign)
{
	struct detect_model *m = d->o.model;
	struct model_score sc;
	struct model_hit *mh = &d->mhit;
	const char *text = d->fields[fi].text.p ? d->fields[fi].text.p : "";
	size_t i, j, n0, n1, lo = (size_t)-1, hi = 0, cb0 = 0, cc0 = 0;
	double unit, w;

	if (clause) {
		/* A clause is normalised alone, as it was judged: its offsets are its own. */
		cb0 = win0;
		cc0 = utf8_chars(text, win0);
		textnorm_run(&d->norm, text + win0, win1 - win0);
		win0 = 0;
		win1 = d->norm.out.len;
	} else {
		textnorm_run(&d->norm, text, d->fields[fi].text.len);
	}
	ngrams_line(&d->grams, d->norm.out.p + win0, win1 - win0);
	detect_model_score(m, &d->grams, 0, 0, &sc);
	d->nmhits = 1;
	mh->field = fi;
	mh->prob = prob;
	mh->ntop = 0;
	unit = detect_model_unit(m, &sc);
	d->ntally = d->noccur = 0;
	ngrams_each(&d->grams, tally_ngram, d);
	for (i = 0; i < d->nhits; i++)
		if (d->hits[i].field == fi) {
			ngrams_each_ruled(&d->grams, tally_ngram, d);
			break;
		}
	merge_tally(d);
	/* mh->top holds places in d->tally until the model's indexes replace them below. */
	for (i = 0; i < d->ntally; i++) {
		const struct tally *t = &d->tally[i];

		w = detect_model_weight(m, t->k) * (double)(t->count < MODEL_OCCURRENCES ? t->count :
		    MODEL_OCCURRENCES) * unit;
		if (w * sign <= 0 || (mh->ntop == MODEL_TOP && w * sign <= mh->topw[MODEL_TOP - 1] * sign))
			continue;
		j = mh->ntop < MODEL_TOP ? mh->ntop++ : MODEL_TOP - 1;
		for (; j > 0 && mh->topw[j - 1] * sign < w * sign; j--) {
			mh->top[j] = mh->top[j - 1];
			mh->topw[j] = mh->topw[j - 1];
		}
		mh->top[j] = i;
		mh->topw[j] = w;
	}
	for (i = 0; i < mh->ntop; i++) {
		ngrams_source(&d->grams, d->tally[mh->top[i]].b0, d->tally[mh->top[i]].b1, &n0, &n1);
		if (n1 > n0) {
			lo = n0 + win0 < lo ? n0 + win0 : lo;
			hi = n1 + win0 > hi ? n1 + win0 : hi;
		}
		mh->top[i] = d->tally[mh->top[i]].k;
	}
	if (lo >= hi) {
		lo = win0;
		hi = win1;
	}
	textnorm_span(&d->norm, lo, hi, &mh->c0, &mh->c1);
	mh->b0 = cb0 + textnorm_cp_offset(&d->norm, mh->c0);
	mh->b1 = cb0 + textnorm_cp_offset(&d->norm, mh->c1);
	mh->c0 += cc0;
	mh->c1 += cc0;
}

/* Whether the model was trained with every positive rule that hit the record. */
static int
rules_known(const struct detector *d)
{
	size_t i;

	for (i = 0; i < d->nhits; i++)
		if (d->rules->v[d->hits[i].rule].weight > 0 && !d->rule_known[d->hits[i].rule])
			return 0;
	return 1;
}

/*
 * The weight of the model's hit: when it flags, enough to make the record
 * flag, whatever the rules scored; when it overrules the rules, enough to
 * bring their score down to half the threshold.
 */
static double
model_weight(const struct detector *d, double rules_score, int flags)
{
	if (!flags)
		return d->o.threshold / 2 - rules_score;
	return rules_score < 0 ? d->o.threshold - rules_score : d->o.threshold;
}

static void
build_demand(struct detector *d, double score, int flagged, double mweight)
{
	struct buf *o = &d->demand;
	size_t i, j;

	buf_reset(o);
	buf_adds(o, flagged ? "{\"flagged\":true,\"score\":" : "{\"flagged\":false,\"score\":");
	json_number(o, score);
	buf_adds(o, ",\"hits\":[");
	for (i = 0; i < d->nhits; i++) {
		const struct hit *h = &d->hits[i];
		const struct field *f = &d->fields[h->field];

		if (i > 0)
			buf_addc(o, ',');
		buf_adds(o, "{\"rule\":");
		json_escape(o, d->rules->v[h->rule].name, strlen(d->rules->v[h->rule].name));
		buf_adds(o, ",\"field\":");
		json_escape(o, f->path.p, f->path.len);
		buf_adds(o, ",\"match\":");
		json_escape(o, f->text.p + h->b0, h->b1 - h->b0);
		buf_printf(o, ",\"start\":%zu,\"end\":%zu,\"weight\":", h->c0, h->c1);
		json_number(o, d->rules->v[h->rule].weight);
		buf_addc(o, '}');
	}
	for (i = 0; i < d->nmhits; i++) {
		const struct model_hit *mh = &d->mhit;
		const struct field *f = &d->fields[mh->field];

		if (i > 0 || d->nhits > 0)
			buf_addc(o, ',');
		buf_adds(o, "{\"rule\":\"MODEL\",\"field\":");
		json_escape(o, f->path.p, f->path.len);
		buf_adds(o, ",\"match\":");
		json_escape(o, f->text.p + mh->b0, mh->b1 - mh->b0);
		buf_printf(o, ",\"start\":%zu,\"end\":%zu,\"weight\":", mh->c0, mh->c1);
		json_number(o, mweight);
		buf_printf(o, ",\"probability\":%.3f,\"ngrams\":[", mh->prob);
		for (j = 0; j < mh->ntop; j++) {
			const char *t = detect_model_text(d->o.model, mh->top[j]);

			if (j > 0)
				buf_addc(o, ',');
			json_escape(o, t, strlen(t));
		}
		buf_adds(o, "]}");
	}
	buf_adds(o, "]}");
}

/* At most max bytes of s, quoted, cut on a character boundary, on one line. */
static void
put_excerpt(struct buf *out, const char *s, size_t len, size_t max)
{
	size_t n = len;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	buf_addc(out, '"');
	/* Text from the data reaches a terminal: what would act on it is shown. */
	quote_visible(out, s, n);
	buf_adds(out, n < len ? "...\"" : "\"");
}

static void
explain(struct detector *d, const struct record *rec, double score, int flagged, double mweight)
{
	char handle[128];
	size_t i, j;

	record_handle(rec, handle, sizeof handle);
	fprintf(stderr, "%s:%lu: %s: ", rec->file, rec->line, handle);
	fputs(flagged ? "flagged, " : "not flagged, ", stderr);
	{
		struct buf n = {0};

		json_number(&n, score);
		fprintf(stderr, "%s points", n.p);
		buf_reset(&n);
		json_number(&n, d->o.threshold);
		fprintf(stderr, ", %s required\n", n.p);
		buf_free(&n);
	}
	fputs(" pts rule                     description\n", stderr);
	fputs("---- ------------------------ --------------------------------------------------\n", stderr);
	for (i = 0; i < d->nhits; i++) {
		const struct hit *h = &d->hits[i];
		const struct rule *r = &d->rules->v[h->rule];
		const struct field *f = &d->fields[h->field];

		fprintf(stderr, "%4.1f %-24s %s\n", r->weight, r->name,
		    r->describe ? r->describe : "");
		buf_reset(&d->out);
		put_excerpt(&d->out, f->text.p + h->b0, h->b1 - h->b0, 60);
		fprintf(stderr, "     %-24s %s in %s [%zu,%zu)\n", "", d->out.p,
		    f->path.p, h->c0, h->c1);
	}
	for (i = 0; i < d->nmhits; i++) {
		const struct model_hit *mh = &d->mhit;
		const struct field *f = &d->fields[mh->field];

		fprintf(stderr, "%4.1f %-24s the model: probability %.3f, flags at %.3f\n", mweight,
		    "MODEL", mh->prob, d->o.model->threshold);
		buf_reset(&d->out);
		put_excerpt(&d->out, f->text.p + mh->b0, mh->b1 - mh->b0, 60);
		fprintf(stderr, "     %-24s %s in %s [%zu,%zu)\n", "", d->out.p,
		    f->path.p, mh->c0, mh->c1);
		buf_reset(&d->out);
		for (j = 0; j < mh->ntop; j++) {
			const char *t = detect_model_text(d->o.model, mh->top[j]);

			buf_adds(&d->out, j > 0 ? ", " : "n-grams ");
			json_escape(&d->out, t, strlen(t));
			buf_printf(&d->out, " %+.2f", mh->topw[j]);
		}
		if (mh->ntop > 0)
			fprintf(stderr, "     %-24s %s\n", "", d->out.p);
	}
	fputc('\n', stderr);
}

/* Emits a table line, cut to the terminal's width. */
static void
table_line(struct detector *d, const struct buf *line)
{
	buf_reset(&d->row);
	width_fit(&d->row, line->p, line->len, d->columns);
	stream_emit(d->st, d->row.p, d->row.len);
}

static void
table_row(struct detector *d, const struct record *rec, double score, int flagged)
{
	char handle[128];
	size_t i, j, shown = 0;
	struct buf n = {0}, line = {0};

	if (!d->table_header_done) {
		buf_printf(&line, "%-6s %-17s %6s %-4s %-24s %s", "LINE", "HANDLE", "SCORE",
		    "FLAG", "FIRST MATCH", "RULES");
		table_line(d, &line);
		buf_reset(&line);
		d->table_header_done = 1;
	}
	record_handle(rec, handle, sizeof handle);
	buf_printf(&line, "%-6lu ", rec->line);
	width_pad(&line, handle, strlen(handle), 17);
	json_number(&n, score);
	buf_printf(&line, " %6s %-4s ", n.p, flagged ? "yes" : "no");
	buf_reset(&n);
	if (d->nhits > 0)
		put_excerpt(&n, d->fields[d->hits[0].field].text.p + d->hits[0].b0,
		    d->hits[0].b1 - d->hits[0].b0, 40);
	else
		put_excerpt(&n, d->fields[d->mhit.field].text.p + d->mhit.b0,
		    d->mhit.b1 - d->mhit.b0, 40);
	width_pad(&line, n.p, n.len, 24);
	buf_addc(&line, ' ');
	for (i = 0; i < d->nhits; i++) {
		int seen = 0;

		for (j = 0; j < i && !seen; j++)
			seen = d->hits[j].rule == d->hits[i].rule;
		if (!seen)
			buf_printf(&line, shown++ ? ",%s" : "%s", d->rules->v[d->hits[i].rule].name);
	}
	if (d->nmhits > 0)
		buf_adds(&line, shown ? ",MODEL" : "MODEL");
	table_line(d, &line);
	buf_free(&n);
	buf_free(&line);
}

/*
 * Whether negative rules' hits span nearly all of field fi (its hits from
 * first on), together: "who doesn't follow me back?" alone is the phrase
 * a rule was written for, and the model's n-grams of it ("me back") know
 * nothing the rule does not; nor with "checking my unfollowers list",
 * another's, beside it. With more around them, the model decides.
 */
static int
negative_covers(struct detector *d, size_t fi, size_t first)
{
	const struct buf *t = &d->fields[fi].text;
	size_t i, n, nspans = 0, sum = 0, covered = 0, end = 0;

	for (i = first; i < d->nhits; i++) {
		if (d->rules->v[d->hits[i].rule].weight >= 0)
			continue;
		if (nspans == d->spans_cap)
			d->spans = xgrow(d->spans, &d->spans_cap, sizeof *d->spans, 8);
		d->spans[nspans].c0 = d->hits[i].c0;
		d->spans[nspans++].c1 = d->hits[i].c1;
		sum += d->hits[i].c1 - d->hits[i].c0;
	}
	if (nspans == 0)
		return 0;
	n = utf8_chars(t->p, t->len);
	if (sum * 4 < n * 3)	/* overlapping or not, they cannot cover it */
		return 0;
	qsort(d->spans, nspans, sizeof *d->spans, by_start);
	for (i = 0; i < nspans; i++) {
		if (d->spans[i].c1 <= end)
			continue;
		covered += d->spans[i].c1 - (d->spans[i].c0 > end ? d->spans[i].c0 : end);
		end = d->spans[i].c1;
	}
	return covered * 4 >= n * 3;
}

int
detect_record(struct stream *st, const struct record *rec, void *arg)
{
	struct detector *d = arg;
	const struct json_member *fb;
	double score, mweight = 0, prob, best = -1;
	int flagged, model_flags = 0;
	size_t i, first, best_field = 0, best_win0 = 0, best_win1 = 0;
	int best_clause = 0;

	d->st = st;
	d->rec = rec;
	d->nfields = 0;
	d->nhits = 0;
	d->nmhits = 0;
	fb = record_member(rec, "fb");
	if (fb && fb->kind != JSON_OBJECT && fb->kind != JSON_NULL) {
		stream_reject(st, rec, ".fb: expected an object, got %s", json_kind_name(fb->kind));
		return 0;
	}
	if ((d->field_prog ? collect_exprs(d, rec) : collect_default(d, rec)) < 0)
		return 0;
	for (i = 0; i < d->nfields; i++) {
		textnorm_run(&d->norm, d->fields[i].text.p ? d->fields[i].text.p : "",
		    d->fields[i].text.len);
		first = d->nhits;
		match_field(d, i);
		/* One field the model flags flags the record: the rest need only the rules. */
		if (d->o.model && !model_flags && !negative_covers(d, i, first)) {
			prob = model_prob(d, i, first);
			if (prob > best) {
				best = prob;
				best_field = i;
				best_win0 = d->win0;
				best_win1 = d->win1;
				best_clause = d->win_clause;
			}
			model_flags = prob >= d->o.model->threshold;
		}
	}
	score = score_hits(d);
	flagged = score >= d->o.threshold;
	/*
	 * With the model, it decides, unless the rules flag with the points of
	 * its rules_alone or more; its hit says why when the rules' points do
	 * not agree.
	 */
	if (d->o.model && model_flags != flagged && (model_flags || rules_known(d)) &&
	    !(flagged && d->o.model->rules_alone > 0 && score >= d->o.model->rules_alone)) {
		model_hit(d, best_field, best_win0, best_win1, best_clause, best,
		    model_flags ? 1 : -1);
		mweight = model_weight(d, score, model_flags);
		score += mweight;
		flagged = model_flags;
	}
	if (d->nhits == 0 && d->nmhits == 0) {
		if (d->o.hits_only || d->o.format == DETECT_TABLE)
			return 0;
		if (fbkey_has(rec, "demand")) {
			buf_reset(&d->out);
			fbkey_set(&d->out, rec, "demand", NULL, 0);
			stream_emit(st, d->out.p, d->out.len);
		} else {
			stream_emit(st, rec->json, rec->len);
		}
		return 0;
	}
	if (d->o.explain)
		explain(d, rec, score, flagged, mweight);
	if (d->o.hits_only && !flagged)
		return 0;
	if (d->o.format == DETECT_TABLE) {
		table_row(d, rec, score, flagged);
		return 0;
	}
	build_demand(d, score, flagged, mweight);
	buf_reset(&d->out);
	fbkey_set(&d->out, rec, "demand", d->demand.p, d->demand.len);
	stream_emit(st, d->out.p, d->out.len);
	return 0;
}
