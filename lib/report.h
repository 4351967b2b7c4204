/*
 * report.h: the audit that fb-report renders, collected from records.
 *
 * Records stream through audit_add once; what the page shows is kept in
 * counters, fixed histograms, a grid per verdict for the scatter chart,
 * the best prospects and the first demands, so memory is bounded by the
 * page, not by the input (but for one 8-byte hash per account, to count
 * an account that comes twice, scored and then as a prospect, once).
 */
#ifndef FB_REPORT_H
#define FB_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "stream.h"

/* The classes a follower is drawn in: the three verdicts, and not scored. */
enum { CLASS_ENGAGE, CLASS_MAYBE, CLASS_SKIP, CLASS_UNSCORED, NCLASS };

/* Score histogram: one bin per point from SCORE_MIN to SCORE_MAX, and one each side. */
#define SCORE_MIN (-10)
#define SCORE_MAX 10
#define NSCORE_BINS (SCORE_MAX - SCORE_MIN + 2)
/* Followers against following: GRID_PER_DECADE cells per power of ten, from 1 to 10^GRID_DECADES. */
#define GRID_PER_DECADE 3
#define GRID_DECADES 8
#define NGRID (GRID_PER_DECADE * GRID_DECADES + 1)
/* Account age in whole years, the last bin "AGE_YEARS or more". */
#define AGE_YEARS 20
/* Days since the last post: the upper bounds of the bins but the last two. */
enum { IDLE_WEEK, IDLE_MONTH, IDLE_QUARTER, IDLE_YEAR, IDLE_OLDER, IDLE_NEVER, IDLE_UNKNOWN, NIDLE };
#define REASONS_SHOWN 3
#define MAX_RULES 256
/* The most bytes of a record's text a table shows (a bio is 160 characters, a post up to 25,000). */
#define TEXT_MAX 1000
#define MARKS_MAX 8

struct prospect {
	char *id, *username, *name, *bio, *url, *opener, *opener_kind;
	char *no_opener;	/* fb-suggest's reason for writing none, or what to reply to */
	int cls;
	double total;
	char *reason[REASONS_SHOWN];	/* "why" of the weightiest reasons */
	double points[REASONS_SHOWN];
	char *rule[REASONS_SHOWN];
	int nreasons;
};

/* A field of a record where fb-detect found a demand, with its matches. */
struct demand {
	char *handle;	/* the account, without '@' */
	char *field;	/* where, as fb-detect names it: ".description", ".posts[2].text" */
	const char *where;	/* "bio", "name", "handle", "post", "mention", ... */
	char *text;	/* the field's text */
	size_t nmarks;
	size_t mark[MARKS_MAX][2];	/* byte ranges of the matches, sorted, merged */
	char *rules;	/* the rules that hit, comma-separated */
};

struct rule_count {
	char *name;
	unsigned long n;	/* followers it gave points to */
	double points;	/* as the last record had them */
};

struct audit {
	/* Options. */
	time_t now;
	size_t max_prospects, max_demands;

	unsigned long followers, posts, duplicates, lost, new_followers;
	unsigned long cls[NCLASS];
	unsigned long demanders, dead, spamlike;
	double cost;
	unsigned long costed;	/* records that said what fetching them cost */
	unsigned long score_bins[NSCORE_BINS];
	unsigned long grid[NCLASS][NGRID][NGRID];
	unsigned long no_counts;	/* followers without public_metrics */
	unsigned long age[AGE_YEARS + 1], age_unknown;
	unsigned long idle[NIDLE];

	struct prospect *prospects;	/* best first */
	size_t nprospects;
	unsigned long candidates;	/* engage and maybe followers in all */

	struct demand *demands;
	size_t ndemands;
	unsigned long demand_fields;	/* all fields with a demand, shown or not */
	unsigned long demand_mentions;	/* posts (not followers) with a demand */

	struct rule_count *rules;	/* the rules the records name, MAX_RULES at most */
	size_t nrules, rules_cap;
	unsigned long rules_left_out;	/* reasons naming a rule past those */

	uint64_t *seen;	/* open addressing: hashes of the ids counted */
	size_t nseen, seen_cap;
};

/* A rule of fb-score in effect: its points and what a hit means. */
struct rule_doc {
	char *name, *describe;
	double points;
};

/* What the page says about itself: its title, the client, the rules behind it. */
struct report_meta {
	const char *title;	/* NULL: "Follower audit" */
	const char *client;	/* "@name", or NULL */
	char date[32];	/* --now, as YYYY-MM-DD */
	double engage, skip;	/* the thresholds of the rules in effect */
	struct rule_doc *rules;
	size_t nrules;
	int have_rules_file;	/* -r gave rules of the user's own */
};

/* Reads the rules in effect, as scorer_write_rules writes them, into m. */
void report_meta_rules(struct report_meta *m, const char *text);
void report_meta_free(struct report_meta *m);

void audit_init(struct audit *a, time_t now, size_t max_prospects, size_t max_demands);
void audit_free(struct audit *a);
/* Counts one record (an object, as the stream gives them). */
void audit_add(struct audit *a, struct stream *st, const struct record *rec);

/* A headline number, as both writers show it. */
struct headline {
	const char *key;	/* for data-key in the page, and tests */
	const char *label;
	char value[48];
	char note[96];	/* "" or what the number is out of */
};
#define MAX_HEADLINES 12

/* The headline numbers of the audit; returns how many. */
size_t report_headlines(const struct audit *a, struct headline *h);
/* Appends n with thousands separators: 100,000. */
void report_count(struct buf *out, unsigned long n);

/* A row of the methods' table of rules. */
struct rule_row {
	const char *name, *describe;	/* describe: NULL for a rule not in effect */
	double points;
	unsigned long n;	/* followers it gave points to */
};

/*
 * The rules in effect that gave points or have some, in the rules' order,
 * then those the records name that are not in effect (a rule file of their
 * own), with the points they had. Returns how many; free *rows.
 */
size_t report_rule_rows(const struct audit *a, const struct report_meta *m,
    struct rule_row **rows);

/* "engage", "maybe", "skip", "not scored". */
const char *class_name(int cls);
/* The label of an idle bin ("8-30 days", ...). */
const char *idle_label(int bin);

#endif
