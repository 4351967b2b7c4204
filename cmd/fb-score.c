/* fb-score: rank profiles by how worth a real conversation they are. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fbkey.h"
#include "idset.h"
#include "rank.h"
#include "score.h"
#include "stream.h"
#include "util.h"
#include "width.h"

extern const char default_score_rules[];

static const struct cli_doc doc = {
	"[-lx] [-r rulefile]... [--already file [--keep-already]]\n"
	"       [--client @name|id]... [--format ndjson|table] [--interests list]\n"
	"       [--interests-file file]\n"
	"       [--max-record size] [--no-sort] [--now date] [--rejects file] [--top k]\n"
	"       [--verdict list] [file ...]",
	"Score user records by how worth a real conversation (and a follow back)\n"
	"they are; set fb.score with a verdict (engage, maybe, skip) and the reasons,\n"
	"and rank them, highest first.",
	"  -r, --rules rulefile     override points and thresholds, add jq rules\n"
	"  -l, --list-rules         print the rules in effect and exit\n"
	"  -x, --explain            print each record's reasons and points to stderr\n"
	"      --already file       leave out the accounts the client already follows\n"
	"                           (ids, @names, URLs, records or following.js)\n"
	"      --keep-already       keep them, marked ALREADY_FOLLOWED\n"
	"      --client @name|id    the client: replies to it and mentions count\n"
	"      --format ndjson|table  records (default), or a ranked table for people\n"
	"      --interests list     the client's interests, comma-separated\n"
	"      --interests-file file  the same, one per line\n"
	"      --max-record size    longest record accepted (default 64M)\n"
	"      --no-sort            write records as they come (for parallel map steps)\n"
	"      --now date           today, for every age rule (default: now)\n"
	"      --rejects file       keep bad input, verbatim, in file\n"
	"      --top k              keep only the best k records\n"
	"      --verdict list       keep only these verdicts (engage,maybe,skip)\n"
	"  -h, --help               print this help and exit\n"
	"      --version            print the version and exit\n",
};

enum { OPT_ALREADY = 256, OPT_CLIENT, OPT_FORMAT, OPT_KEEP_ALREADY, OPT_INTERESTS, OPT_INTERESTS_FILE,
	OPT_MAX_RECORD, OPT_NO_SORT, OPT_NOW, OPT_REJECTS, OPT_TOP, OPT_VERDICT,
	OPT_VERSION };

static const struct option longopts[] = {
	{"already", required_argument, NULL, OPT_ALREADY},
	{"client", required_argument, NULL, OPT_CLIENT},
	{"explain", no_argument, NULL, 'x'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{"interests", required_argument, NULL, OPT_INTERESTS},
	{"interests-file", required_argument, NULL, OPT_INTERESTS_FILE},
	{"keep-already", no_argument, NULL, OPT_KEEP_ALREADY},
	{"list-rules", no_argument, NULL, 'l'},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"no-sort", no_argument, NULL, OPT_NO_SORT},
	{"now", required_argument, NULL, OPT_NOW},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"rules", required_argument, NULL, 'r'},
	{"top", required_argument, NULL, OPT_TOP},
	{"verdict", required_argument, NULL, OPT_VERDICT},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

struct run {
	struct scorer *scorer;
	struct ranker *ranker;	/* NULL with --no-sort */
	struct stream *st;
	struct score_result res;
	struct buf line;	/* the record, or its table row without the rank */
	struct buf row;		/* a table row with its rank */
	struct buf cut;		/* the row cut to columns */
	size_t columns;		/* of the terminal, for a table */
	unsigned verdicts;
	int explain, table, keep_already;
	size_t emitted;
	unsigned long left_out;	/* already followed, without --keep-already */
};

static void
emit(void *arg, size_t rank, const char *text, size_t len)
{
	struct run *r = arg;

	if (r->table) {
		buf_reset(&r->row);
		buf_printf(&r->row, "%-5zu %.*s", rank, (int)len, text);
		buf_reset(&r->cut);
		width_fit(&r->cut, r->row.p, r->row.len, r->columns);
		stream_emit(r->st, r->cut.p, r->cut.len);
	} else {
		stream_emit(r->st, text, len);
	}
}

static int
score_record(struct stream *st, const struct record *rec, void *arg)
{
	struct run *r = arg;
	char handle[128];

	r->st = st;
	if (scorer_score(r->scorer, st, rec, &r->res) < 0)
		return 0;
	if (r->explain)
		scorer_explain(r->scorer, rec, &r->res, stderr);
	if (r->res.already && !r->keep_already) {
		r->left_out++;
		return 0;
	}
	if (!(r->verdicts & r->res.verdict))
		return 0;
	buf_reset(&r->line);
	if (r->table) {
		record_handle(rec, handle, sizeof handle);
		width_pad(&r->line, handle, strlen(handle), 18);
		buf_printf(&r->line, " %-7s %7g  %s", verdict_name(r->res.verdict),
		    r->res.total, r->res.top.p ? r->res.top.p : "");
	} else {
		fbkey_set(&r->line, rec, "score", r->res.json.p, r->res.json.len);
	}
	if (r->ranker)
		ranker_add(r->ranker, r->res.total, r->line.p, r->line.len);
	else
		emit(r, ++r->emitted, r->line.p, r->line.len);
	return 0;
}

/* The accounts of the --already files; a file that is not all accounts is a usage error. */
static struct idset *
load_already(struct scorer *scorer, struct stream *st, char **files, size_t n)
{
	struct idset *set = idset_new();
	size_t i;

	/* A record of the file is followed: its id and its username both count. */
	idset_keep_names_beside_ids(set);
	for (i = 0; i < n; i++) {
		if (idset_load(set, st, files[i]) < 0)
			die(EXIT_USAGE, "--already %s:", files[i]);
		if (stream_rejected(st) > 0)
			die(EXIT_USAGE, "--already %s: a line is neither an id, a @name, a profile URL nor a record",
			    files[i]);
	}
	scorer_set_already(scorer, set);
	return set;
}

static unsigned
parse_verdicts(const char *list)
{
	unsigned v = 0;
	char *copy = xstrdup(list), *tok;

	for (tok = strtok(copy, ", "); tok; tok = strtok(NULL, ", ")) {
		if (strcmp(tok, "engage") == 0)
			v |= VERDICT_ENGAGE;
		else if (strcmp(tok, "maybe") == 0)
			v |= VERDICT_MAYBE;
		else if (strcmp(tok, "skip") == 0)
			v |= VERDICT_SKIP;
		else
			cli_usage(&doc, "--verdict: expected engage, maybe or skip, not '%s'", tok);
	}
	free(copy);
	if (v == 0)
		cli_usage(&doc, "--verdict: expected engage, maybe or skip");
	return v;
}

static int
read_rules(void *scorer, const char *text, size_t len, const char *origin, struct buf *err)
{
	return scorer_rules(scorer, text, len, origin, err);
}

static void
load_rules(struct scorer *s, char **files, size_t n)
{
	struct buf err = {0};

	cli_read_files(read_rules, s, default_score_rules, "default rules", files, n, "--rules");
	if (scorer_ready(s, &err) < 0)
		die(EXIT_USAGE, "%s", err.p);
}

int
main(int argc, char *argv[])
{
	struct run r = {.verdicts = VERDICT_ENGAGE | VERDICT_MAYBE | VERDICT_SKIP};
	struct stream_opts so = {0};
	char **rule_files = xcalloc((size_t)argc, sizeof *rule_files);
	char **already_files = xcalloc((size_t)argc, sizeof *already_files);
	struct idset *already = NULL;
	size_t nrule_files = 0, nalready_files = 0, top = 0, len;
	int c, list = 0, no_sort = 0, status;
	char *text;

	program_start(argv[0]);
	argv[0] = (char *)progname;	/* getopt's messages name the program, not its path */
	r.scorer = scorer_new();
	while ((c = getopt_long(argc, argv, "hlr:x", longopts, NULL)) != -1)
		switch (c) {
		case 'h': cli_help(&doc);
		case 'l': list = 1; break;
		case 'r': rule_files[nrule_files++] = optarg; break;
		case 'x': r.explain = 1; break;
		case OPT_KEEP_ALREADY: r.keep_already = 1; break;
		case OPT_ALREADY: already_files[nalready_files++] = optarg; break;
		case OPT_FORMAT: r.table = cli_format_is_table(&doc, optarg); break;
		case OPT_INTERESTS: scorer_add_interests(r.scorer, optarg); break;
		case OPT_CLIENT: scorer_add_client(r.scorer, optarg); break;
		case OPT_INTERESTS_FILE:
			if ((text = slurp_file(optarg, &len)) == NULL)
				die(EXIT_USAGE, "--interests-file %s:", optarg);
			scorer_add_interests(r.scorer, text);
			free(text);
			break;
		case OPT_MAX_RECORD: so.max_record = cli_size(&doc, "--max-record", optarg); break;
		case OPT_NO_SORT: no_sort = 1; break;
		case OPT_NOW:
			scorer_set_now(r.scorer, cli_date(&doc, "--now", optarg));
			break;
		case OPT_REJECTS: so.rejects_path = optarg; break;
		case OPT_TOP: top = cli_count(&doc, "--top", optarg, 1, 1000000000); break;
		case OPT_VERDICT: r.verdicts = parse_verdicts(optarg); break;
		case OPT_VERSION: cli_version();
		default: cli_usage(&doc, NULL);
		}
	argc -= optind;
	argv += optind;
	if (no_sort && top)
		cli_usage(&doc, "--top needs sorting: it cannot go with --no-sort");

	load_rules(r.scorer, rule_files, nrule_files);
	if (list) {
		scorer_write_rules(r.scorer, stdout);
		status = fflush(stdout) == EOF || ferror(stdout) ? EXIT_FAIL : EXIT_OK;
		if (status != EXIT_OK)
			warnmsg("stdout:");
	} else {
		if (r.table) {
			r.columns = width_columns();
			buf_printf(&r.row, "%-5s %-18s %-7s %7s  %s", "RANK", "HANDLE", "VERDICT",
			    "TOTAL", "MAIN REASONS");
			width_fit(&r.cut, r.row.p, r.row.len, r.columns);
			printf("%s\n", r.cut.p);
		}
		fflush(stdout);
		r.ranker = no_sort ? NULL : ranker_new(top);
		r.st = stream_new(&so);
		if (nalready_files)
			already = load_already(r.scorer, r.st, already_files, nalready_files);
		stream_run(r.st, argc, argv, score_record, &r);
		if (r.ranker)
			ranker_each(r.ranker, emit, &r);
		if (r.left_out)
			warnmsg("%lu account%s the client already follows left out (--keep-already "
			    "keeps them)", r.left_out, r.left_out == 1 ? "" : "s");
		status = stream_finish(r.st);
		ranker_free(r.ranker);
	}
	buf_free(&r.res.json);
	buf_free(&r.res.top);
	buf_free(&r.line);
	buf_free(&r.row);
	buf_free(&r.cut);
	scorer_free(r.scorer);
	idset_free(already);
	free(already_files);
	free(rule_files);
	return status;
}
