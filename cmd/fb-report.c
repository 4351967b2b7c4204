/* fb-report: render an audit as a self-contained HTML page, or Markdown. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "html.h"
#include "markdown.h"
#include "output.h"
#include "report.h"
#include "score.h"
#include "stream.h"
#include "util.h"

extern const char default_score_rules[];

static const struct cli_doc doc = {
	"[-r rulefile]... [-o file] [--client @name] [--format html|md]\n"
	"       [--max-record size] [--now date] [--rejects file] [--rows n]\n"
	"       [--title text] [file ...]",
	"Render an audit as one self-contained HTML page (or Markdown): headline\n"
	"numbers, charts, the prospects to write to with their openers, the\n"
	"follow-back demands found, and the rules behind the verdicts.",
	"  -o, --output file        write the page to file instead of stdout\n"
	"  -r, --rules rulefile     the rules fb-score used, if not the default\n"
	"      --client @name       the account audited, for the title\n"
	"      --format html|md     a page (default), or Markdown\n"
	"      --max-record size    longest record accepted (default 64M)\n"
	"      --now date           the date of the audit, for ages (default: now)\n"
	"      --rejects file       keep bad input, verbatim, in file\n"
	"      --rows n             rows of each table (default 50)\n"
	"      --title text         the page's title (default Follower audit)\n"
	"  -h, --help               print this help and exit\n"
	"      --version            print the version and exit\n",
};

enum { OPT_CLIENT = 256, OPT_FORMAT, OPT_MAX_RECORD, OPT_NOW, OPT_REJECTS, OPT_ROWS,
	OPT_TITLE, OPT_VERSION };

static const struct option longopts[] = {
	{"client", required_argument, NULL, OPT_CLIENT},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"now", required_argument, NULL, OPT_NOW},
	{"output", required_argument, NULL, 'o'},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"rows", required_argument, NULL, OPT_ROWS},
	{"rules", required_argument, NULL, 'r'},
	{"title", required_argument, NULL, OPT_TITLE},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

static int
add_record(struct stream *st, const struct record *rec, void *arg)
{
	audit_add(arg, st, rec);
	return 0;
}

static int
read_rules(void *scorer, const char *text, size_t len, const char *origin, struct buf *err)
{
	return scorer_rules(scorer, text, len, origin, err);
}

/* The thresholds and points of the rules fb-score used, for the methods. */
static void
load_rules(struct report_meta *m, char **files, size_t n)
{
	struct scorer *s = scorer_new();
	struct buf err = {0};
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	cli_read_files(read_rules, s, default_score_rules, "default rules", files, n, "--rules");
	if (scorer_ready(s, &err) < 0)
		die(EXIT_USAGE, "%s", err.p);
	if ((fp = open_memstream(&text, &len)) == NULL)
		die(EXIT_FAIL, "open_memstream:");
	scorer_write_rules(s, fp);
	fclose(fp);
	report_meta_rules(m, text);
	m->have_rules_file = n > 0;
	free(text);
	scorer_free(s);
}

/*
 * Writes the page (which ends in a newline) to path, or to stdout as
 * records go: a closed pipe ends the program quietly.
 */
static int
write_page(const struct buf *page, const char *path)
{
	FILE *fp;

	if (path == NULL) {
		output_line(page->p, page->len - 1);
		return 0;
	}
	if ((fp = fopen(path, "w")) == NULL) {
		warnmsg("%s:", path);
		return -1;
	}
	if (fwrite(page->p, 1, page->len, fp) != page->len || fclose(fp) != 0) {
		warnmsg("%s:", path);
		return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct report_meta m = {0};
	struct stream_opts so = {0};
	struct audit a;
	struct buf page = {0};
	char **rfiles = xcalloc((size_t)argc, sizeof *rfiles);
	const char *output = NULL;
	size_t nrfiles = 0, rows = 50;
	int c, md = 0, status;
	time_t now = time(NULL);

	program_start(argv[0]);
	argv[0] = (char *)progname;	/* getopt's messages name the program, not its path */
	while ((c = getopt_long(argc, argv, "ho:r:", longopts, NULL)) != -1)
		switch (c) {
		case 'h': cli_help(&doc);
		case 'o': output = optarg; break;
		case 'r': rfiles[nrfiles++] = optarg; break;
		case OPT_CLIENT: m.client = optarg; break;
		case OPT_FORMAT:
			if (strcmp(optarg, "html") != 0 && strcmp(optarg, "md") != 0)
				cli_usage(&doc, "--format: expected html or md, not '%s'", optarg);
			md = strcmp(optarg, "md") == 0;
			break;
		case OPT_MAX_RECORD: so.max_record = cli_size(&doc, "--max-record", optarg); break;
		case OPT_NOW:
			now = cli_date(&doc, "--now", optarg);
			break;
		case OPT_REJECTS: so.rejects_path = optarg; break;
		case OPT_ROWS: rows = cli_count(&doc, "--rows", optarg, 0, 100000); break;
		case OPT_TITLE: m.title = optarg; break;
		case OPT_VERSION: cli_version();
		default: cli_usage(&doc, NULL);
		}
	argc -= optind;
	argv += optind;

	load_rules(&m, rfiles, nrfiles);
	strftime(m.date, sizeof m.date, "%Y-%m-%d", gmtime(&now));
	audit_init(&a, now, rows, rows);
	{
		struct stream *st = stream_new(&so);

		stream_run(st, argc, argv, add_record, &a);
		if (md)
			md_report(&page, &a, &m);
		else
			html_report(&page, &a, &m);
		if (write_page(&page, output) < 0)
			stream_fail(st);
		status = stream_finish(st);
	}
	audit_free(&a);
	report_meta_free(&m);
	buf_free(&page);
	free(rfiles);
	return status;
}
