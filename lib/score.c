#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jv.h>

#include "conf.h"
#include "idset.h"
#include "jqexpr.h"
#include "json.h"
#include "score.h"
#include "signals.h"
#include "util.h"

/*
 * The rules: one per signal (lib/signals.h), in the order of
 * share/score.rules, then the two that this layer adds, then the jq rules
 * of the user's rule files.
 */
enum { RULE_ALREADY = NSIGNALS, RULE_CAPPED, NBUILTIN };

struct srule {
	char *name, *describe, *jq_src, *origin;
	double points;
	int has_points;
	int caps;		/* where it holds, the verdict is maybe at best */
	int cap_set;		/* a cap line named it: -l says so */
	struct jqexpr *jq;
	char *what;		/* "rule NAME", for messages about its runs */
};

struct reason {
	size_t rule;
	double points;		/* 0 for a rule that could not be evaluated */
	struct buf why;
};

struct scorer {
	struct srule *v;
	size_t n;
	double engage, skip;
	char threshold_origin[256];	/* where a threshold was last set */
	const struct idset *already;
	struct signals *signals;
	struct signal_result seen;
	char want_why[NSIGNALS];	/* the signals worth points: their why is shown */
	struct reason *reasons;
	size_t nreasons, reasons_cap;
	struct buf tmp;
	struct stream *st;
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
	size_t i;

	for (i = 0; i < NSIGNALS; i++)
		add_rule(s, signal_names[i]);
	add_rule(s, "ALREADY_FOLLOWED");
	add_rule(s, "MAYBE_AT_BEST");
	s->engage = 2;
	s->skip = -2;
	s->signals = signals_new();
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
		free(s->v[i].what);
	}
	free(s->v);
	for (i = 0; i < s->reasons_cap; i++)
		buf_free(&s->reasons[i].why);
	free(s->reasons);
	signals_free(s->signals);
	signal_result_free(&s->seen);
	buf_free(&s->tmp);
	free(s);
}

void
scorer_set_now(struct scorer *s, time_t now)
{
	signals_set_now(s->signals, now);
}

void
scorer_add_interests(struct scorer *s, const char *list)
{
	signals_add_interests(s->signals, list);
}

void
scorer_add_client(struct scorer *s, const char *id_or_name)
{
	signals_add_client(s->signals, id_or_name);
}

/* A record's id or its username, whatever the id beside it in the file. */
static int
is_already(const struct idset *already, const struct record *rec)
{
	const char *id, *name;
	size_t idlen, namelen;

	idset_record_keys(rec, &id, &idlen, &name, &namelen);
	return (id && idset_has_id(already, id, idlen)) ||
	    (name && idset_has_name(already, name, namelen));
}

void
scorer_set_already(struct scorer *s, const struct idset *already)
{
	s->already = already;
}

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
	    strcmp(l->keyword, "jq") != 0 && strcmp(l->keyword, "cap") != 0)
		return conf_error(err, l,
		    "unknown keyword (expected threshold, points, describe, cap or jq)");
	if (conf_plain_name(l, err) < 0)
		return -1;
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
	} else if (strcmp(l->keyword, "cap") == 0) {
		r->cap_set = 1;
		if (strcmp(l->rest, "maybe") == 0)
			r->caps = 1;
		else if (strcmp(l->rest, "none") == 0)
			r->caps = 0;
		else
			return conf_error(err, l, "cap: expected maybe or none");
		if (r - s->v == RULE_CAPPED)
			return conf_error(err, l, "MAYBE_AT_BEST is the cap itself");
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

	for (i = 0; i < NSIGNALS; i++)
		s->want_why[i] = s->v[i].points != 0;
	signals_want_why(s->signals, s->want_why);

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
		/*
		 * X writes tweet_count or post_count, pinned_tweet_id or
		 * pinned_post_id, as its API version goes: the rule sees both, so
		 * that one written for either spelling works on every record.
		 */
		buf_printf(&prog, "(if (.fb | type) == \"object\" then (.fb |= del(.score)) | "
		    "(if .fb == {} then del(.fb) else . end) else . end) | "
		    "(if (.public_metrics | type) == \"object\" then .public_metrics |= "
		    "(if has(\"post_count\") and (has(\"tweet_count\") | not) then .tweet_count = .post_count "
		    "elif has(\"tweet_count\") and (has(\"post_count\") | not) then .post_count = .tweet_count "
		    "else . end) else . end) | "
		    "(if has(\"pinned_post_id\") and (has(\"pinned_tweet_id\") | not) then "
		    ".pinned_tweet_id = .pinned_post_id elif has(\"pinned_tweet_id\") and "
		    "(has(\"pinned_post_id\") | not) then .pinned_post_id = .pinned_tweet_id else . end) | "
		    "(%s)", r->jq_src);
		r->jq = jqexpr_new(prog.p, err);
		buf_free(&prog);
		if (r->jq == NULL)
			return -1;
		free(r->what);
		r->what = xmalloc(strlen(r->name) + 6);
		sprintf(r->what, "rule %s", r->name);
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
		if (r->cap_set)
			fprintf(fp, "cap %s %s\n", r->name, r->caps ? "maybe" : "none");
		if (r->describe)
			fprintf(fp, "describe %s %s\n", r->name, r->describe);
	}
}

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
		if (jqexpr_run(s->v[i].jq, jv_copy(input), custom_truth, &truth, &s->tmp,
		    s->v[i].what, rec->file, rec->line) < 0) {
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

/*
 * VERDICTS.md makes some accounts maybe at best (quiet, protected, only
 * broadcasting, ...): where a rule that caps holds and the total reaches
 * engage, one more reason takes the total just below the engage threshold,
 * so that the total stays the sum of the reasons and the verdict follows it.
 */
static void
apply_cap(struct scorer *s, struct score_result *out)
{
	const struct srule *by = NULL;
	struct reason *r;
	size_t i;

	if (out->total < s->engage)
		return;
	for (i = 0; i < s->n && !by; i++)
		if (s->v[i].caps && i < NSIGNALS && s->seen.held[i])
			by = &s->v[i];
	/* A jq rule holds where it has a reason; "not evaluated" is no reason to cap. */
	for (i = 0; i < s->nreasons && !by; i++)
		if (s->reasons[i].rule >= NBUILTIN && s->v[s->reasons[i].rule].caps)
			by = &s->v[s->reasons[i].rule];
	if (!by)
		return;
	r = add_reason(s, RULE_CAPPED, round((s->engage - 0.1 - out->total) * 1e6) / 1e6);
	buf_printf(&r->why, "%s holds", by->name);
	out->total = round((s->engage - 0.1) * 1e6) / 1e6;
}

/* A reason for each rule that holds, and for each that could not be evaluated. */
static void
add_signal_reasons(struct scorer *s)
{
	size_t i;

	for (i = 0; i < NSIGNALS; i++) {
		struct reason *r;

		if (s->v[i].points == 0 || !(s->seen.held[i] || s->seen.lacking[i]))
			continue;
		r = add_reason(s, i, s->seen.held[i] ? s->v[i].points : 0);
		buf_add(&r->why, s->seen.why[i].p, s->seen.why[i].len);
	}
}

static int
by_weight(const void *a, const void *b)
{
	const struct reason *x = a, *y = b;
	double d = fabs(y->points) - fabs(x->points);

	/* Equal weights keep the order of the rules. */
	return d > 0 ? 1 : d < 0 ? -1 : (x->rule > y->rule) - (x->rule < y->rule);
}

int
scorer_score(struct scorer *s, struct stream *st, const struct record *rec,
    struct score_result *out)
{
	size_t i;

	s->st = st;
	s->nreasons = 0;
	out->already = 0;
	if (signals_read(s->signals, st, rec, &s->seen) < 0)
		return -1;
	add_signal_reasons(s);
	if (s->already && is_already(s->already, rec)) {
		buf_adds(&add_reason(s, RULE_ALREADY, s->v[RULE_ALREADY].points)->why,
		    "followed by the client");
		out->already = 1;
	}
	if (score_custom(s, rec) < 0)
		return -1;
	out->total = 0;
	for (i = 0; i < s->nreasons; i++)
		out->total += s->reasons[i].points;
	out->total = round(out->total * 1e6) / 1e6;
	apply_cap(s, out);
	/* The weightiest first, as a person reads them. */
	if (s->nreasons > 1)
		qsort(s->reasons, s->nreasons, sizeof *s->reasons, by_weight);
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
		    re->points == 0 && re->rule != RULE_ALREADY ? re->why.p :
		    rule->describe ? rule->describe : rule->jq_src);
		if (re->points != 0 && re->rule < NBUILTIN && re->why.len)
			fprintf(fp, "     %-22s %s\n", "", re->why.p);
	}
	fputc('\n', fp);
}
