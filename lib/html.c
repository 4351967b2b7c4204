#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"	/* FOLLOWBACK_VERSION */
#include "html.h"
#include "quote.h"
#include "svg.h"

/*
 * The page's only script: it shows the copy buttons (hidden, so the page
 * without script has none that do nothing) and copies an opener. Its
 * SHA-256 is in the page's Content-Security-Policy; tests/cli/fb-report.bats
 * checks that the two agree.
 */
static const char copy_script[] =
    "document.querySelectorAll('button.copy').forEach(function (b) {\n"
    "  var text = document.getElementById(b.dataset.for);\n"
    "  b.hidden = false;\n"
    "  b.addEventListener('click', function () {\n"
    "    var range = document.createRange();\n"
    "    range.selectNodeContents(text);\n"
    "    getSelection().removeAllRanges();\n"
    "    getSelection().addRange(range);\n"
    "    b.textContent = document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C';\n"
    "  });\n"
    "});\n";
static const char copy_script_hash[] = "sha256-p9UJBymF5gBuNcNh5/E1wmednbH0Z542RCyKPL28lPE=";

static const char style[] =
    ":root{--engage:#1b7f3b;--maybe:#c98a00;--skip:#b3261e;--unscored:#8a8f98;"
    "--ink:#1d232b;--muted:#5b6470;--line:#d8dde3}\n"
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--ink);"
    "max-width:1080px;margin:0 auto;padding:24px}\n"
    "h1{font-size:1.7em;margin:0 0 4px}h2{margin-top:2em;border-bottom:2px solid var(--line);"
    "padding-bottom:4px}h3{margin:1.2em 0 .3em;font-size:1.05em}\n"
    ".sub{color:var(--muted);margin:0}\n"
    ".stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;"
    "margin:16px 0}\n"
    ".stat{border:1px solid var(--line);border-radius:8px;padding:10px 12px}\n"
    ".stat .num{display:block;font-size:1.6em;font-weight:650}"
    ".stat .label{display:block}.stat .note{display:block;color:var(--muted);font-size:.85em}\n"
    ".stat.engage .num{color:var(--engage)}.stat.maybe .num{color:var(--maybe)}"
    ".stat.skip .num{color:var(--skip)}\n"
    ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px}\n"
    "figure{margin:0;break-inside:avoid}figcaption{font-weight:600;margin-bottom:4px}\n"
    "svg.chart{width:100%;height:auto;font-size:11px}\n"
    "svg .bar{fill:#4a6fa5}svg .engage{fill:var(--engage)}svg .maybe{fill:var(--maybe)}"
    "svg .skip{fill:var(--skip)}svg .unscored{fill:var(--unscored)}\n"
    "svg circle{fill-opacity:.6}svg circle.legend{fill-opacity:1}\n"
    "svg .axis{stroke:var(--ink)}svg .gridline{stroke:var(--line)}"
    "svg .frame{fill:none;stroke:var(--line)}\n"
    "svg .mark{stroke:var(--ink);stroke-dasharray:4 3}svg .marklabel{font-weight:600}\n"
    "svg text{fill:var(--ink)}svg .axislabel{fill:var(--muted);font-size:12px}\n"
    "table{border-collapse:collapse;width:100%;margin:8px 0}\n"
    "th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}\n"
    "th{background:#f3f5f7}td.n{text-align:right;white-space:nowrap}tr{break-inside:avoid}\n"
    ".verdict{font-weight:650}.verdict.engage{color:var(--engage)}"
    ".verdict.maybe{color:var(--maybe)}.verdict.skip{color:var(--skip)}\n"
    ".bio,.why{color:var(--muted);font-size:.9em}ul.reasons{margin:0;padding-left:1.1em}\n"
    ".opener{background:#f6f8fa;border-left:3px solid var(--engage);padding:6px 8px;margin:0}\n"
    "button.copy{margin-top:4px;font:inherit;font-size:.85em}\n"
    "mark{background:#ffe08a;padding:0 1px}\n"
    ".note{color:var(--muted)}code{background:#f3f5f7;padding:1px 4px;border-radius:3px}\n"
    "@media print{body{max-width:none;padding:0;font-size:11pt}button.copy{display:none}"
    "h2{break-after:avoid}.charts{grid-template-columns:1fr 1fr}a{color:inherit}}\n";

static const char *const class_css[NCLASS] = {"engage", "maybe", "skip", "unscored"};

void
html_text(struct buf *out, const char *s, size_t len)
{
	struct buf vis = {0};
	size_t i;

	quote_visible(&vis, s, len);
	for (i = 0; i < vis.len; i++)
		switch (vis.p[i]) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, vis.p[i]);
		}
	buf_free(&vis);
}

static void
html_str(struct buf *out, const char *s)
{
	if (s)
		html_text(out, s, strlen(s));
}

/* A link to where a record points, only for http(s): shown, never fetched by the page. */
static void
record_link(struct buf *out, const char *url)
{
	if (url == NULL || *url == '\0')
		return;
	if (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0) {
		buf_adds(out, "<a href=\"");
		html_str(out, url);
		buf_adds(out, "\" rel=\"noopener noreferrer\">");
		html_str(out, url);
		buf_adds(out, "</a>");
	} else {
		/* javascript:, data: and the like are text, never a link. */
		buf_adds(out, "<span class=\"url\">");
		html_str(out, url);
		buf_adds(out, "</span>");
	}
}

/* @handle, linked to the profile on X when it is a handle X could have. */
static void
handle_link(struct buf *out, const char *handle)
{
	size_t n = strlen(handle), i;
	int plain = n > 0 && n <= 50;

	for (i = 0; i < n && plain; i++)
		plain = isalnum((unsigned char)handle[i]) || handle[i] == '_';
	if (plain) {
		buf_printf(out, "<a href=\"https://x.com/%s\" rel=\"noopener noreferrer\">@%s</a>",
		    handle, handle);
	} else {
		buf_adds(out, "<bdi>@");
		html_str(out, handle);
		buf_adds(out, "</bdi>");
	}
}

static void
headlines(struct buf *out, const struct audit *a)
{
	struct headline h[MAX_HEADLINES];
	size_t n = report_headlines(a, h), i;

	buf_adds(out, "<section id=\"headline\"><div class=\"stats\">\n");
	for (i = 0; i < n; i++)
		buf_printf(out, "<div class=\"stat %s\" data-key=\"%s\"><span class=\"num\">%s</span>"
		    "<span class=\"label\">%s</span><span class=\"note\">%s</span></div>\n",
		    h[i].key, h[i].key, h[i].value, h[i].label, h[i].note);
	buf_adds(out, "</div></section>\n");
}

static void
figure(struct buf *out, const char *id, const char *caption)
{
	buf_printf(out, "<figure id=\"%s\"><figcaption>%s</figcaption>\n", id, caption);
}

/* Bin 1 starts at SCORE_MIN: a total t sits 1 + (t - SCORE_MIN) columns in, within the chart. */
static double
threshold_at(double t)
{
	double at = 1 + (t - SCORE_MIN);

	return at < 0 ? 0 : at > NSCORE_BINS ? NSCORE_BINS : at;
}

static void
charts(struct buf *out, const struct audit *a, const struct report_meta *m)
{
	static const char *const score_labels[NSCORE_BINS] = {"<-10", "-10", "-9", "-8", "-7",
		"-6", "-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
		"10+"};
	static const char *const age_labels[AGE_YEARS + 1] = {"0", "1", "2", "3", "4", "5", "6",
		"7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20+"};
	static const char *const idle_short[NIDLE] = {"0-7", "8-30", "31-90", "91-365", ">365",
		"never", "unknown"};
	const char *verdict_labels[NCLASS] = {"engage", "maybe", "skip", "not scored"};
	char engage_label[48], skip_label[48];
	struct svg_mark marks[2];
	struct svg_columns c;
	struct svg_grid g;
	size_t nclass = a->cls[CLASS_UNSCORED] ? NCLASS : NCLASS - 1;

	buf_adds(out, "<h2>Charts</h2>\n<div class=\"charts\" id=\"charts\">\n");

	figure(out, "chart-verdicts", "Verdicts");
	c = (struct svg_columns){"followers by verdict", "verdict", nclass, a->cls,
		verdict_labels, 1, class_css, NULL, 0};
	svg_columns(out, &c);
	buf_adds(out, "</figure>\n");

	figure(out, "chart-scores", "Scores, with the thresholds");
	snprintf(engage_label, sizeof engage_label, "engage %g", m->engage);
	snprintf(skip_label, sizeof skip_label, "skip %g", m->skip);
	marks[0] = (struct svg_mark){threshold_at(m->skip), skip_label};
	marks[1] = (struct svg_mark){threshold_at(m->engage), engage_label};
	c = (struct svg_columns){"followers by fb-score total", "total points (fb.score.total)",
		NSCORE_BINS, a->score_bins, score_labels, 2, NULL, marks, 2};
	svg_columns(out, &c);
	buf_adds(out, "</figure>\n");

	figure(out, "chart-ratio", "Followers against following (log scales)");
	g = (struct svg_grid){"followers against following, by verdict",
		"followers (public_metrics.followers_count)", "following", nclass, NGRID,
		GRID_PER_DECADE, &a->grid[0][0][0], class_css};
	/* The grid's x is followers, its y following: as report.c stores them. */
	svg_grid(out, &g);
	buf_adds(out, "</figure>\n");

	figure(out, "chart-age", "Account age");
	c = (struct svg_columns){"followers by account age", "years since the account was made",
		AGE_YEARS + 1, a->age, age_labels, 2, NULL, NULL, 0};
	svg_columns(out, &c);
	buf_adds(out, "</figure>\n");

	figure(out, "chart-idle", "Days since the last post");
	c = (struct svg_columns){"followers by days since their last post",
		"days since the newest post attached", NIDLE, a->idle, idle_short, 1, NULL, NULL, 0};
	svg_columns(out, &c);
	buf_adds(out, "</figure>\n");
	buf_adds(out, "</div>\n");
	if (a->no_counts || a->age_unknown)
		buf_printf(out, "<p class=\"note\">%lu followers without follower counts and %lu "
		    "without a creation date are left out of those charts.</p>\n",
		    a->no_counts, a->age_unknown);
}

static void
prospects(struct buf *out, const struct audit *a)
{
	size_t i;
	int r;

	buf_adds(out, "<h2>Prospects to write to today</h2>\n<section id=\"prospects\">\n");
	if (a->nprospects == 0) {
		buf_adds(out, "<p class=\"note\">No follower has the verdict engage or maybe.</p>\n");
		buf_adds(out, "</section>\n");
		return;
	}
	buf_adds(out, "<table><thead><tr><th>#</th><th>Account</th><th>Verdict</th>"
	    "<th>Why</th><th>A first message</th></tr></thead><tbody>\n");
	for (i = 0; i < a->nprospects; i++) {
		const struct prospect *p = &a->prospects[i];

		buf_printf(out, "<tr class=\"prospect\"><td class=\"n\">%zu</td><td>", i + 1);
		handle_link(out, p->username ? p->username : p->id ? p->id : "-");
		if (p->name) {
			buf_adds(out, "<br><bdi>");
			html_str(out, p->name);
			buf_adds(out, "</bdi>");
		}
		if (p->bio) {
			buf_adds(out, "<div class=\"bio\"><bdi>");
			html_str(out, p->bio);
			buf_adds(out, "</bdi></div>");
		}
		if (p->url && *p->url) {
			buf_adds(out, "<div class=\"bio\">");
			record_link(out, p->url);
			buf_adds(out, "</div>");
		}
		buf_printf(out, "</td><td><span class=\"verdict %s\">%s</span><br>%g</td><td>"
		    "<ul class=\"reasons\">", class_css[p->cls], class_name(p->cls), p->total);
		for (r = 0; r < p->nreasons; r++) {
			buf_adds(out, "<li><code>");
			html_str(out, p->rule[r]);
			buf_printf(out, "</code> %+g<br><span class=\"why\">", p->points[r]);
			html_str(out, p->reason[r]);
			buf_adds(out, "</span></li>");
		}
		buf_adds(out, "</ul></td><td>");
		if (p->opener) {
			buf_printf(out, "<p class=\"opener\" id=\"opener-%zu\">", i + 1);
			html_str(out, p->opener);
			buf_adds(out, "</p>");
			if (p->opener_kind) {
				buf_adds(out, "<span class=\"why\">");
				html_str(out, p->opener_kind);
				buf_adds(out, "</span> ");
			}
			buf_printf(out, "<button type=\"button\" class=\"copy\" data-for=\"opener-%zu\" "
			    "hidden>Copy</button>", i + 1);
		} else if (p->no_opener) {
			/* fb-suggest's reason says it: "no draft for an automated ..." */
			buf_adds(out, "<span class=\"note\">");
			html_str(out, p->no_opener);
			buf_adds(out, "</span>");
		} else {
			buf_adds(out, "<span class=\"note\">no draft: run fb-suggest</span>");
		}
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody></table>\n");
	if (a->candidates > a->nprospects)
		buf_printf(out, "<p class=\"note\" id=\"prospects-more\">The best %zu of %lu followers "
		    "with the verdict engage or maybe. For them all: <code>fb-score --verdict "
		    "engage,maybe --format table FILE</code>, or <code>fb-report --rows N</code>.</p>\n",
		    a->nprospects, a->candidates);
	buf_adds(out, "</section>\n");
}

/* The field's text with the matches marked. */
static void
marked(struct buf *out, const struct demand *d)
{
	size_t at = 0, i, len = strlen(d->text);

	buf_adds(out, "<bdi>");
	for (i = 0; i < d->nmarks; i++) {
		html_text(out, d->text + at, d->mark[i][0] - at);
		buf_adds(out, "<mark>");
		html_text(out, d->text + d->mark[i][0], d->mark[i][1] - d->mark[i][0]);
		buf_adds(out, "</mark>");
		at = d->mark[i][1];
	}
	html_text(out, d->text + at, len - at);
	buf_adds(out, "</bdi>");
}

static void
demands(struct buf *out, const struct audit *a)
{
	size_t i;

	buf_adds(out, "<h2>Follow-back demands</h2>\n<section id=\"demands\">\n");
	if (a->ndemands == 0) {
		buf_adds(out, "<p class=\"note\">fb-detect flagged no demand in these records.</p>\n"
		    "</section>\n");
		return;
	}
	buf_adds(out, "<table><thead><tr><th>Account</th><th>Where</th><th>Text, the demand "
	    "marked</th><th>Rules</th></tr></thead><tbody>\n");
	for (i = 0; i < a->ndemands; i++) {
		const struct demand *d = &a->demands[i];

		buf_adds(out, "<tr class=\"demand\"><td>");
		handle_link(out, d->handle);
		buf_printf(out, "</td><td>%s</td><td>", d->where);
		marked(out, d);
		buf_adds(out, "</td><td class=\"why\">");
		html_str(out, d->rules);
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody></table>\n");
	if (a->demand_fields > a->ndemands)
		buf_printf(out, "<p class=\"note\" id=\"demands-more\">The first %zu of %lu fields "
		    "with a demand. For them all: <code>fb-detect --hits-only --format table "
		    "FILE</code>, or <code>fb-report --rows N</code>.</p>\n",
		    a->ndemands, a->demand_fields);
	buf_adds(out, "</section>\n");
}

static void
methods(struct buf *out, const struct audit *a, const struct report_meta *m)
{
	struct rule_row *rows;
	size_t i, n;

	buf_printf(out, "<h2>Methods</h2>\n<section id=\"methods\">\n<p>Verdicts come from "
	    "<code>fb.score</code>, as fb-score wrote it: each rule below adds its points when it "
	    "holds, and the total gives the verdict: <b>engage</b> at %g or more, <b>skip</b> at %g "
	    "or less, <b>maybe</b> in between. Demands are fb-detect's "
	    "(<code>fb.demand</code>), openers fb-suggest's (<code>fb.opener</code>). "
	    "Dead accounts are those with DEAD_365_DAYS or NEVER_POSTED among their reasons; "
	    "spam-like, those with FOLLOWS_50X, FOLLOWING_AT_LIMIT, FOLLOW_FARM_1TO1, SPAM_PHRASES, "
	    "SPAM_IN_BIO, CANNED_REPLIES or POSTS_33_A_DAY.</p>\n", m->engage, m->skip);
	buf_printf(out, "<p>Dates as of %s. Made by fb-report %s (followback), with the %s rules "
	    "of fb-score %s.</p>\n", m->date, FOLLOWBACK_VERSION,
	    m->have_rules_file ? "default and given (-r)" : "default", FOLLOWBACK_VERSION);
	buf_adds(out, "<table id=\"rules\"><thead><tr><th>Rule</th><th>Points</th>"
	    "<th>Followers</th><th>What it means</th></tr></thead><tbody>\n");
	n = report_rule_rows(a, m, &rows);
	for (i = 0; i < n; i++) {
		buf_adds(out, "<tr><td><code>");
		html_str(out, rows[i].name);
		buf_printf(out, "</code></td><td class=\"n\">%+g</td><td class=\"n\">%lu</td><td>",
		    rows[i].points, rows[i].n);
		/* A rule of the records' own (a jq rule, another rule file) is shown as they had it. */
		if (rows[i].describe)
			html_str(out, rows[i].describe);
		else
			buf_adds(out, "<span class=\"note\">not in the rules in effect: the points are "
			    "the records'</span>");
		buf_adds(out, "</td></tr>\n");
	}
	free(rows);
	if (a->rules_left_out)
		buf_printf(out, "<tr><td colspan=\"4\" class=\"note\">and %lu reasons naming rules "
		    "past the first %d names</td></tr>\n", a->rules_left_out, MAX_RULES);
	buf_adds(out, "</tbody></table>\n<p class=\"note\">Rules of no points that applied to "
	    "no follower are left out. <code>fb-score --list-rules</code> prints them all.</p>\n"
	    "</section>\n");
}

void
html_report(struct buf *out, const struct audit *a, const struct report_meta *m)
{
	const char *title = m->title ? m->title : "Follower audit";

	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; script-src '%s'; base-uri 'none'; form-action 'none'\">\n"
	    "<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"fb-report %s\">\n<title>", copy_script_hash,
	    FOLLOWBACK_VERSION);
	html_str(out, title);
	if (m->client) {
		buf_adds(out, " – ");
		html_str(out, m->client);
	}
	buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header><h1>", style);
	html_str(out, title);
	buf_adds(out, "</h1>\n<p class=\"sub\">");
	if (m->client) {
		buf_adds(out, "<bdi>");
		html_str(out, m->client);
		buf_adds(out, "</bdi>, ");
	}
	buf_printf(out, "as of %s: ", m->date);
	report_count(out, a->followers);
	buf_adds(out, a->followers == 1 ? " follower" : " followers");
	if (a->posts) {
		buf_adds(out, " and ");
		report_count(out, a->posts);
		buf_adds(out, a->posts == 1 ? " post" : " posts");
	}
	buf_adds(out, " read.</p></header>\n");
	headlines(out, a);
	charts(out, a, m);
	prospects(out, a);
	demands(out, a);
	methods(out, a, m);
	buf_printf(out, "<script>\n%s</script>\n</body>\n</html>\n", copy_script);
}
