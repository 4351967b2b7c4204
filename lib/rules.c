#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "rules.h"
#include "util.h"

/* Generous for real patterns, small enough to stop catastrophic backtracking in well under a second. */
#define MATCH_LIMIT 2000000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT_KIB 65536
/*
 * The limits above hold for one start position; a pattern that stays under
 * them at every position of a long text (a(?=.*c) on a megabyte) can still
 * take hours. So a match tries start positions in slices, each twice as
 * long as the one before, and gives up between slices once it has spent
 * this much CPU time.
 */
#define FIRST_SLICE 512
#define MATCH_CPU_SECONDS 2
/* Defines inside defines, written out this deep at most: deeper is a circle. */
#define DEFINE_DEPTH 16

void
ruleset_init(struct ruleset *rs)
{
	memset(rs, 0, sizeof *rs);
}

static void
branches_free(struct rule *r)
{
	size_t i;

	for (i = 0; i < r->nbranch; i++)
		pcre2_code_free(r->branch[i].code);
	free(r->branch);
	r->branch = NULL;
	r->nbranch = 0;
}

static void
rule_free(struct rule *r)
{
	size_t i;

	free(r->name);
	free(r->pattern);
	free(r->describe);
	free(r->origin);
	for (i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	free(r->fields);
	branches_free(r);
}

void
ruleset_free(struct ruleset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		rule_free(&rs->v[i]);
	free(rs->v);
	for (i = 0; i < rs->ndefs; i++) {
		free(rs->defs[i].name);
		free(rs->defs[i].pattern);
	}
	free(rs->defs);
	litset_free(rs->literals);
	litset_free(rs->mask_literals);
	free(rs->always);
	pcre2_match_data_free(rs->md);
	pcre2_match_context_free(rs->mctx);
	pcre2_jit_stack_free(rs->jit_stack);
	memset(rs, 0, sizeof *rs);
}

static struct rule *
find_or_add(struct ruleset *rs, const char *name, size_t len, const char *origin,
    unsigned line)
{
	size_t i;
	struct rule *r;

	for (i = 0; i < rs->n; i++)
		if (strlen(rs->v[i].name) == len && memcmp(rs->v[i].name, name, len) == 0)
			return &rs->v[i];
	if (rs->n == rs->cap)
		rs->v = xgrow(rs->v, &rs->cap, sizeof *rs->v, 64);
	r = &rs->v[rs->n++];
	r->name = xstrndup(name, len);
	r->weight = 1.0;
	r->origin = xmalloc(strlen(origin) + 24);
	sprintf(r->origin, "%s:%u", origin, line);
	return r;
}

/* The index of the define called name[0..len), or rs->ndefs. */
static size_t
define_index(const struct ruleset *rs, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < rs->ndefs; i++)
		if (strlen(rs->defs[i].name) == len && memcmp(rs->defs[i].name, name, len) == 0)
			break;
	return i;
}

static void
add_define(struct ruleset *rs, const char *name, const char *pattern)
{
	size_t i = define_index(rs, name, strlen(name));

	if (i == rs->ndefs) {
		if (rs->ndefs == rs->defs_cap)
			rs->defs = xgrow(rs->defs, &rs->defs_cap, sizeof *rs->defs, 8);
		rs->defs[rs->ndefs++].name = xstrdup(name);
	} else {
		free(rs->defs[i].pattern);
	}
	rs->defs[i].pattern = xstrdup(pattern);
}

/* One line of a rule file (conf.h). */
static int
rule_line(void *arg, struct conf_line *l, struct buf *err)
{
	struct ruleset *rs = arg;
	size_t namelen = strlen(l->name);
	struct rule *r;

	if (conf_plain_name(l, err) < 0)
		return -1;
	if (strcmp(l->keyword, "rule") == 0) {
		char where[512];

		if (*l->rest == '\0')
			return conf_error(err, l, "a rule without a pattern");
		r = find_or_add(rs, l->name, namelen, l->origin, l->line);
		free(r->pattern);
		r->pattern = xstrdup(l->rest);
		snprintf(where, sizeof where, "%s:%u", l->origin, l->line);
		free(r->origin);
		r->origin = xstrdup(where);
	} else if (strcmp(l->keyword, "weight") == 0) {
		double w;

		if (conf_number(l, &w, err) < 0)
			return -1;
		find_or_add(rs, l->name, namelen, l->origin, l->line)->weight = w;
	} else if (strcmp(l->keyword, "describe") == 0) {
		r = find_or_add(rs, l->name, namelen, l->origin, l->line);
		free(r->describe);
		r->describe = xstrdup(l->rest);
	} else if (strcmp(l->keyword, "fields") == 0) {
		char *tok;

		r = find_or_add(rs, l->name, namelen, l->origin, l->line);
		while (r->nfields > 0)
			free(r->fields[--r->nfields]);
		for (tok = strtok(l->rest, " \t,"); tok; tok = strtok(NULL, " \t,")) {
			r->fields = xrealloc(r->fields, (r->nfields + 1) * sizeof *r->fields);
			r->fields[r->nfields++] = xstrdup(tok);
		}
	} else if (strcmp(l->keyword, "define") == 0) {
		if (*l->rest == '\0')
			return conf_error(err, l, "a define without a pattern");
		add_define(rs, l->name, l->rest);
	} else if (strcmp(l->keyword, "reach") == 0) {
		double n;

		if (conf_number(l, &n, err) < 0)
			return -1;
		if (n < 0 || n > RULE_REACH_MAX || n != (unsigned)n)
			return conf_error(err, l, "reach is a whole number of characters, 0 to 1000");
		find_or_add(rs, l->name, namelen, l->origin, l->line)->reach = (unsigned)n;
	} else {
		return conf_error(err, l,
		    "unknown keyword (expected rule, weight, describe, fields, reach or define)");
	}
	return 0;
}

int
ruleset_parse(struct ruleset *rs, const char *text, size_t len,
    const char *origin, struct buf *err)
{
	return conf_parse(text, len, origin, rule_line, rs, err);
}

static pcre2_code *
compile(const char *pattern, size_t len, uint32_t extra, int *errcode, PCRE2_SIZE *erroff)
{
	return pcre2_compile((PCRE2_SPTR)pattern, len, PCRE2_UTF | PCRE2_UCP |
	    PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT | extra, errcode, erroff, NULL);
}

/* JIT where it works; the interpreter is the fallback (SELinux, PaX, no JIT build). */
static void
jit(pcre2_code *code)
{
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
}

void
rules_error_text(int code, char *out, size_t n)
{
	if (code == RULES_ERROR_TIME) {
		snprintf(out, n, "more than %d s of CPU time", MATCH_CPU_SECONDS);
		return;
	}
	if (pcre2_get_error_message(code, (PCRE2_UCHAR *)out, n) < 0)
		snprintf(out, n, "PCRE2 error %d", code);
}

/*
 * Whether pattern holds \K outside \Q...\E: it moves the start of a match
 * past text the match needs, so a pattern of non-zero minimum length can
 * still report an empty match (a\K(?=b)), which is never a hit.
 */
static int
has_reset_start(const char *p)
{
	int quoted = 0;

	for (; *p; p++) {
		if (*p != '\\')
			continue;
		if (p[1] == '\0')
			break;
		p++;
		if (quoted)
			quoted = *p != 'E';
		else if (*p == 'Q')
			quoted = 1;
		else if (*p == 'K')
			return 1;
	}
	return 0;
}

/*
 * Compiles rule r's top-level alternatives apart, each a branch, into
 * alts: 1 when it could. The whole pattern is then never compiled: that
 * was a second compilation of every split rule, a fifth of fb-detect's
 * start-up.
 */
static int
compile_apart(struct rule *r, const char *pattern, struct strlist *alts)
{
	int errcode;
	PCRE2_SIZE erroff;

	if (pattern_branches(pattern, alts) != 0 || alts->n < 2)
		return 0;
	r->branch = xcalloc(alts->n, sizeof *r->branch);
	for (r->nbranch = 0; r->nbranch < alts->n; r->nbranch++) {
		r->branch[r->nbranch].code = compile(alts->v[r->nbranch],
		    strlen(alts->v[r->nbranch]), 0, &errcode, &erroff);
		if (r->branch[r->nbranch].code == NULL)
			break;
	}
	if (r->nbranch == alts->n)
		return 1;
	branches_free(r);
	return 0;
}

int
rule_pattern(const struct ruleset *rs, size_t i, struct buf *out, struct buf *err)
{
	const struct rule *r = &rs->v[i];
	struct buf in = {0};
	const char *p;
	size_t len, d;
	int depth, changed = 1;

	buf_reset(out);
	buf_adds(out, r->pattern);
	for (depth = 0; changed && rs->ndefs > 0; depth++) {
		if (depth == DEFINE_DEPTH) {
			buf_printf(err, "%s: rule %s: its defines call each other in a circle",
			    r->origin, r->name);
			buf_free(&in);
			return -1;
		}
		changed = 0;
		buf_reset(&in);
		buf_add(&in, out->p, out->len);
		buf_reset(out);
		for (p = in.p; *p;) {
			if (p[0] == '\\' && p[1] != '\0') {
				buf_add(out, p, 2);
				p += 2;
				continue;
			}
			if (strncmp(p, "(?&", 3) == 0) {
				len = strcspn(p + 3, ")");
				if (p[3 + len] == ')' && (d = define_index(rs, p + 3, len)) < rs->ndefs) {
					buf_adds(out, "(?:");
					buf_adds(out, rs->defs[d].pattern);
					buf_addc(out, ')');
					p += 3 + len + 1;
					changed = 1;
					continue;
				}
			}
			buf_addc(out, *p++);
		}
	}
	buf_free(&in);
	return 0;
}

/*
 * Compiles rule index of rs: its branches apart where its alternatives
 * can be matched apart, else the whole pattern as one branch; checks that
 * it cannot match empty text; and enters each branch's literals in rs
 * (ids from the rule's mark on).
 */
static int
compile_rule(struct ruleset *rs, size_t index, struct buf *err)
{
	struct rule *r = &rs->v[index];
	struct strlist alts = {0};
	struct buf pattern = {0};
	size_t i, k;
	uint32_t minlen, least = UINT32_MAX;
	pcre2_code *whole;
	int errcode;
	PCRE2_SIZE erroff;
	char msg[256];

	if (rule_pattern(rs, index, &pattern, err) < 0) {
		buf_free(&pattern);
		return -1;
	}
	if (!compile_apart(r, pattern.p, &alts)) {
		/* A valid pattern whose alternatives do not compile apart stays whole. */
		strlist_free(&alts);
		whole = compile(pattern.p, pattern.len, 0, &errcode, &erroff);
		if (whole == NULL) {
			rules_error_text(errcode, msg, sizeof msg);
			buf_printf(err, "%s: rule %s: %s at offset %zu of the pattern%s",
			    r->origin, r->name, msg, (size_t)erroff,
			    strcmp(pattern.p, r->pattern) != 0 ? " with its defines written out" : "");
			buf_free(&pattern);
			return -1;
		}
		strlist_add(&alts, pattern.p, pattern.len);
		r->branch = xcalloc(1, sizeof *r->branch);
		r->branch[0].code = whole;
		r->nbranch = 1;
	}
	for (i = 0; i < r->nbranch; i++) {
		pcre2_pattern_info(r->branch[i].code, PCRE2_INFO_MINLENGTH, &minlen);
		if (minlen < least)
			least = minlen;
	}
	if (least == 0 || has_reset_start(pattern.p)) {
		buf_free(&pattern);
		strlist_free(&alts);
		branches_free(r);
		buf_printf(err, "%s: rule %s: the pattern can match empty text%s",
		    r->origin, r->name, least == 0 ? "" : " (\\K drops what it matched)");
		return -1;
	}
	for (i = 0; i < r->nbranch; i++) {
		struct strlist lits = {0};

		r->branch[i].always = pattern_literals(alts.v[i], &lits) < 0;
		for (k = 0; k < lits.n; k++)
			litset_add(r->weight == 0 ? rs->mask_literals : rs->literals, lits.v[k],
			    strlen(lits.v[k]), (unsigned)(r->mark + i), (unsigned)index);
		strlist_free(&lits);
	}
	strlist_free(&alts);
	buf_free(&pattern);
	return 0;
}

int
ruleset_compile(struct ruleset *rs, struct buf *err)
{
	size_t i, j;

	litset_free(rs->literals);
	litset_free(rs->mask_literals);
	rs->literals = litset_new();
	rs->mask_literals = litset_new();
	rs->nmarks = rs->n;	/* a mark for each rule, then one for each branch */
	for (i = 0; i < rs->n; i++) {
		struct rule *r = &rs->v[i];

		if (r->pattern == NULL) {
			buf_printf(err, "%s: rule %s has a weight, description, fields or reach but no pattern",
			    r->origin, r->name);
			return -1;
		}
		branches_free(r);
		r->mark = rs->nmarks;
		if (compile_rule(rs, i, err) < 0)
			return -1;
		rs->nmarks += r->nbranch;
	}
	litset_build(rs->literals);
	litset_build(rs->mask_literals);
	free(rs->always);
	rs->always = xcalloc(rs->nmarks + 1, 1);
	for (i = 0; i < rs->n; i++)
		for (j = 0; j < rs->v[i].nbranch; j++)
			if (rs->v[i].branch[j].always)
				rs->always[rs->v[i].mark + j] = rs->always[i] = 1;
	if (rs->md == NULL) {
		rs->md = pcre2_match_data_create(32, NULL);
		rs->mctx = pcre2_match_context_create(NULL);
		rs->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
		if (rs->md == NULL || rs->mctx == NULL)
			die(EXIT_FAIL, "out of memory");
		if (rs->jit_stack)
			pcre2_jit_stack_assign(rs->mctx, NULL, rs->jit_stack);
		pcre2_set_match_limit(rs->mctx, MATCH_LIMIT);
		pcre2_set_depth_limit(rs->mctx, DEPTH_LIMIT);
		pcre2_set_heap_limit(rs->mctx, HEAP_LIMIT_KIB);
	}
	return 0;
}

/* The first match of code that starts in [from, limit]. */
static int
match_at(struct ruleset *rs, pcre2_code *code, const char *s, size_t len,
    size_t from, size_t limit, size_t *m0, size_t *m1)
{
	struct timespec t0, t;
	size_t slice = FIRST_SLICE, last;
	PCRE2_SIZE *ov;
	int rc, timed = 0;

	if (limit > len)
		limit = len;
	for (;;) {
		last = limit - from > slice ? from + slice : limit;
		pcre2_set_offset_limit(rs->mctx, last);
		rc = pcre2_match(code, (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK,
		    rs->md, rs->mctx);
		if (rc != PCRE2_ERROR_NOMATCH)
			break;
		if (last == limit)
			return 0;
		/* The next slice starts at the first character after the last start tried. */
		from = last + 1;
		while (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
			from++;
		if (from > limit)
			return 0;
		if (slice < len)
			slice *= 2;
		/* The clock is a system call: a short text never reads it. */
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, timed ? &t : &t0);
		if (timed && (t.tv_sec - t0.tv_sec > MATCH_CPU_SECONDS ||
		    (t.tv_sec - t0.tv_sec == MATCH_CPU_SECONDS && t.tv_nsec >= t0.tv_nsec)))
			return RULES_ERROR_TIME;
		timed = 1;
	}
	if (rc < 0)
		return rc;
	ov = pcre2_get_ovector_pointer(rs->md);
	*m0 = ov[0];
	*m1 = ov[1];
	return 1;
}

void
ruleset_candidates(const struct ruleset *rs, const char *s, size_t len,
    unsigned char *mark)
{
	memcpy(mark, rs->always, rs->nmarks);
	litset_scan(rs->literals, s, len, mark);
}

void
ruleset_mask_candidates(const struct ruleset *rs, const char *s, size_t len,
    unsigned char *mark)
{
	litset_scan(rs->mask_literals, s, len, mark);
}

int
rule_candidate(const struct ruleset *rs, size_t i, const unsigned char *mark)
{
	return i < rs->n && mark[i];
}

size_t
rule_next_candidate(const struct ruleset *rs, size_t from, const unsigned char *mark)
{
	const unsigned char *p = from < rs->n ? memchr(mark + from, 1, rs->n - from) : NULL;

	return p ? (size_t)(p - mark) : rs->n;
}

int
rule_match(struct ruleset *rs, size_t i, const unsigned char *mark, const char *s,
    size_t len, size_t from, size_t *m0, size_t *m1)
{
	struct rule *r = &rs->v[i];
	size_t j, b0, b1, limit = len;
	int rc, found = 0;

	/* Each later branch only needs to start before the best so far. */
	for (j = 0; j < r->nbranch; j++) {
		if (mark && !mark[r->mark + j])
			continue;
		if (!r->branch[j].jitted) {
			jit(r->branch[j].code);
			r->branch[j].jitted = 1;
		}
		rc = match_at(rs, r->branch[j].code, s, len, from, limit, &b0, &b1);
		if (rc < 0)
			return rc;
		if (rc == 0)
			continue;
		*m0 = b0;
		*m1 = b1;
		found = 1;
		if (b0 == from)
			break;
		limit = b0 - 1;
	}
	return found;
}

int
rule_applies(const struct rule *r, const char *key)
{
	size_t i;

	if (r->nfields == 0)
		return 1;
	for (i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i], key) == 0)
			return 1;
	return 0;
}

void
ruleset_write(const struct ruleset *rs, FILE *fp)
{
	size_t i, j;

	for (i = 0; i < rs->ndefs; i++)
		fprintf(fp, "define %s %s\n%s", rs->defs[i].name, rs->defs[i].pattern,
		    i + 1 == rs->ndefs ? "\n" : "");
	for (i = 0; i < rs->n; i++) {
		const struct rule *r = &rs->v[i];

		if (i > 0)
			fputc('\n', fp);
		fprintf(fp, "rule %s %s\n", r->name, r->pattern ? r->pattern : "");
		fprintf(fp, "weight %s %g\n", r->name, r->weight);
		if (r->describe)
			fprintf(fp, "describe %s %s\n", r->name, r->describe);
		if (r->nfields) {
			fprintf(fp, "fields %s", r->name);
			for (j = 0; j < r->nfields; j++)
				fprintf(fp, " %s", r->fields[j]);
			fputc('\n', fp);
		}
		if (r->reach)
			fprintf(fp, "reach %s %u\n", r->name, r->reach);
	}
}

pcre2_code *
builtin_pattern(const char *pattern)
{
	int e;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &e, &off, NULL);

	if (c == NULL)
		die(EXIT_FAIL, "internal error: a built-in pattern does not compile at offset %zu",
		    (size_t)off);
	(void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}
