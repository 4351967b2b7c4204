#include <stdlib.h>
#include <string.h>

#include "cli.h"	/* FOLLOWBACK_VERSION */
#include "markdown.h"
#include "quote.h"

void
md_text(struct buf *out, const char *s, size_t len)
{
	struct buf vis = {0};
	size_t i;

	quote_visible(&vis, s, len);
	for (i = 0; i < vis.len; i++) {
		char c = vis.p[i];

		if (c == '<')
			buf_adds(out, "&lt;");
		else if (c == '>')
			buf_adds(out, "&gt;");
		else if (c == '&')
			buf_adds(out, "&amp;");
		else {
			if (strchr("\\`*_[]#!|~", c))
				buf_addc(out, '\\');
			buf_addc(out, c);
		}
	}
	buf_free(&vis);
}

static void
md_str(struct buf *out, const char *s)
{
	if (s)
		md_text(out, s, strlen(s));
}

static void
counts_table(struct buf *out, const char *head, const char *const *labels,
    const unsigned long *n, size_t count)
{
	size_t i;

	buf_printf(out, "| %s | followers |\n|---|---:|\n", head);
	for (i = 0; i < count; i++) {
		buf_printf(out, "| %s | ", labels[i]);
		report_count(out, n[i]);
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
}

static void
prospects(struct buf *out, const struct audit *a)
{
	size_t i;
	int r;

	buf_adds(out, "## Prospects to write to today\n\n");
	if (a->nprospects == 0) {
		buf_adds(out, "No follower has the verdict engage or maybe.\n\n");
		return;
	}
	buf_adds(out, "| # | account | verdict | why | a first message |\n|---:|---|---|---|---|\n");
	for (i = 0; i < a->nprospects; i++) {
		const struct prospect *p = &a->prospects[i];

		buf_printf(out, "| %zu | @", i + 1);
		md_str(out, p->username ? p->username : p->id ? p->id : "-");
		if (p->name) {
			buf_adds(out, " (");
			md_str(out, p->name);
			buf_addc(out, ')');
		}
		buf_printf(out, " | %s %g | ", class_name(p->cls), p->total);
		for (r = 0; r < p->nreasons; r++) {
			if (r > 0)
				buf_adds(out, "<br>");
			md_str(out, p->rule[r]);
			buf_printf(out, " %+g: ", p->points[r]);
			md_str(out, p->reason[r]);
		}
		buf_adds(out, " | ");
		if (p->opener) {
			md_str(out, p->opener);
		} else {
			md_str(out, p->no_opener ? p->no_opener : "no draft: run fb-suggest");
		}
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
	if (a->candidates > a->nprospects)
		buf_printf(out, "The best %zu of %lu followers with the verdict engage or maybe. For "
		    "them all: `fb-score --verdict engage,maybe --format table FILE`, or "
		    "`fb-report --rows N`.\n\n", a->nprospects, a->candidates);
}

static void
demands(struct buf *out, const struct audit *a)
{
	size_t i, k;

	buf_adds(out, "## Follow-back demands\n\n");
	if (a->ndemands == 0) {
		buf_adds(out, "fb-detect flagged no demand in these records.\n\n");
		return;
	}
	buf_adds(out, "| account | where | text, the demand in bold | rules |\n|---|---|---|---|\n");
	for (i = 0; i < a->ndemands; i++) {
		const struct demand *d = &a->demands[i];
		size_t at = 0;

		buf_adds(out, "| @");
		md_str(out, d->handle);
		buf_printf(out, " | %s | ", d->where);
		for (k = 0; k < d->nmarks; k++) {
			md_text(out, d->text + at, d->mark[k][0] - at);
			buf_adds(out, "**");
			md_text(out, d->text + d->mark[k][0], d->mark[k][1] - d->mark[k][0]);
			buf_adds(out, "**");
			at = d->mark[k][1];
		}
		md_text(out, d->text + at, strlen(d->text) - at);
		buf_adds(out, " | ");
		md_str(out, d->rules);
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
	if (a->demand_fields > a->ndemands)
		buf_printf(out, "The first %zu of %lu fields with a demand. For them all: "
		    "`fb-detect --hits-only --format table FILE`, or `fb-report --rows N`.\n\n",
		    a->ndemands, a->demand_fields);
}

static void
methods(struct buf *out, const struct audit *a, const struct report_meta *m)
{
	struct rule_row *rows;
	size_t i, n;

	buf_printf(out, "## Methods\n\nVerdicts come from `fb.score`, as fb-score wrote it: each "
	    "rule adds its points when it holds, and the total gives the verdict: **engage** at %g "
	    "or more, **skip** at %g or less, **maybe** in between. Demands are fb-detect's, "
	    "openers fb-suggest's. Dead accounts have DEAD\\_365\\_DAYS or NEVER\\_POSTED among "
	    "their reasons; spam-like ones FOLLOWS\\_50X, FOLLOWING\\_AT\\_LIMIT, "
	    "FOLLOW\\_FARM\\_1TO1, SPAM\\_PHRASES, SPAM\\_IN\\_BIO, CANNED\\_REPLIES or "
	    "POSTS\\_33\\_A\\_DAY.\n\nDates as of %s. Made by fb-report %s (followback), with the "
	    "%s rules of fb-score %s.\n\n| rule | points | followers | what it means |\n|---|---:|---:|---|\n",
	    m->engage, m->skip, m->date, FOLLOWBACK_VERSION,
	    m->have_rules_file ? "default and given (-r)" : "default", FOLLOWBACK_VERSION);
	n = report_rule_rows(a, m, &rows);
	for (i = 0; i < n; i++) {
		buf_adds(out, "| ");
		md_str(out, rows[i].name);
		buf_printf(out, " | %+g | %lu | ", rows[i].points, rows[i].n);
		if (rows[i].describe)
			md_str(out, rows[i].describe);
		else
			buf_adds(out, "not in the rules in effect: the points are the records'");
		buf_adds(out, " |\n");
	}
	free(rows);
	if (a->rules_left_out)
		buf_printf(out, "\nAnd %lu reasons naming rules past the first %d names.\n",
		    a->rules_left_out, MAX_RULES);
	buf_addc(out, '\n');
}

void
md_report(struct buf *out, const struct audit *a, const struct report_meta *m)
{
	static const char *const verdicts[NCLASS] = {"engage", "maybe", "skip", "not scored"};
	const char *idle[NIDLE];
	struct headline h[MAX_HEADLINES];
	size_t n = report_headlines(a, h), i;

	for (i = 0; i < NIDLE; i++)
		idle[i] = idle_label((int)i);
	buf_adds(out, "# ");
	md_str(out, m->title ? m->title : "Follower audit");
	buf_adds(out, "\n\n");
	if (m->client) {
		md_str(out, m->client);
		buf_adds(out, ", ");
	}
	buf_printf(out, "as of %s.\n\n", m->date);
	for (i = 0; i < n; i++)
		buf_printf(out, "- **%s** %s%s%s%s\n", h[i].value, h[i].label, h[i].note[0] ? " (" : "",
		    h[i].note, h[i].note[0] ? ")" : "");
	buf_addc(out, '\n');
	counts_table(out, "verdict", verdicts, a->cls, a->cls[CLASS_UNSCORED] ? NCLASS : NCLASS - 1);
	counts_table(out, "since the last post", idle, a->idle, NIDLE);
	prospects(out, a);
	demands(out, a);
	methods(out, a, m);
}
