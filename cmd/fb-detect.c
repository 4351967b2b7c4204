/* fb-detect: flag follow-back demands in bios, names and posts. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "detect.h"
#include "detectmodel.h"
#include "rules.h"
#include "stream.h"
#include "util.h"

extern const char default_detect_rules[];
/* share/detect.model, parsed at build time (tools/model-image.c). */
extern struct detect_model default_detect_model;

static const struct cli_doc doc = {
	"[-lx] [-f jqexpr]... [-m modelfile] [-r rulefile]...\n"
	"       [-t threshold] [--format ndjson|table] [--hits-only]\n"
	"       [--max-record size] [--no-default-rules] [--no-model]\n"
	"       [--rejects file] [file ...]",
	"Flag follow-back demands (\"FOLLOW BACK please!!!\", #TeamFollowBack, #F4F)\n"
	"in the bios, names and posts of user and post records; set fb.demand.",
	"  -f, --field jqexpr       scan what jqexpr yields instead of the default fields\n"
	"                           (description, name, username, text, posts[].text)\n"
	"  -r, --rules rulefile     add rules, or override default rules by name\n"
	"      --no-default-rules   use only the rules given with --rules\n"
	"  -m, --model modelfile    weigh with this model instead of the built-in one\n"
	"      --no-model           the rules alone, without the model\n"
	"  -l, --list-rules         print the rules in effect and exit\n"
	"  -t, --threshold points   flag a record at this score (default 3)\n"
	"      --hits-only          write only flagged records\n"
	"  -x, --explain            print each hit record's rules and points to stderr\n"
	"      --format ndjson|table  records (default), or a table for people\n"
	"      --rejects file       keep bad input, verbatim, in file\n"
	"      --max-record size    longest record accepted (default 64M)\n"
	"  -h, --help               print this help and exit\n"
	"      --version            print the version and exit\n",
};

enum { OPT_HITS_ONLY = 256, OPT_FORMAT, OPT_NO_DEFAULT, OPT_NO_MODEL, OPT_REJECTS,
	OPT_MAX_RECORD, OPT_VERSION };

static const struct option longopts[] = {
	{"explain", no_argument, NULL, 'x'},
	{"field", required_argument, NULL, 'f'},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{"hits-only", no_argument, NULL, OPT_HITS_ONLY},
	{"list-rules", no_argument, NULL, 'l'},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
	{"no-model", no_argument, NULL, OPT_NO_MODEL},
	{"model", required_argument, NULL, 'm'},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"rules", required_argument, NULL, 'r'},
	{"threshold", required_argument, NULL, 't'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

static int
read_rules(void *rs, const char *text, size_t len, const char *origin, struct buf *err)
{
	return ruleset_parse(rs, text, len, origin, err);
}

static void
load_rules(struct ruleset *rs, char **files, size_t nfiles, int defaults)
{
	struct buf err = {0};

	cli_read_files(read_rules, rs, defaults ? default_detect_rules : NULL, "default rules",
	    files, nfiles, "--rules");
	if (rs->n == 0)
		die(EXIT_USAGE, "no rules: --no-default-rules needs --rules");
	if (ruleset_compile(rs, &err) < 0)
		die(EXIT_USAGE, "%s", err.p);
}

int
main(int argc, char *argv[])
{
	struct detect_opts o = {.threshold = 3.0, .format = DETECT_NDJSON};
	struct stream_opts so = {0};
	struct ruleset rules;
	struct detect_model model;
	struct detector *d;
	struct stream *st;
	struct buf err = {0};
	char **rule_files = xcalloc((size_t)argc, sizeof *rule_files);
	size_t nrule_files = 0;
	const char *model_file = NULL;
	char *model_text;
	size_t model_len;
	int c, list = 0, defaults = 1, use_model = 1, status;

	program_start(argv[0]);
	argv[0] = (char *)progname;	/* getopt's messages name the program, not its path */
	o.field_exprs = xcalloc((size_t)argc, sizeof *o.field_exprs);
	while ((c = getopt_long(argc, argv, "f:hlm:r:t:x", longopts, NULL)) != -1)
		switch (c) {
		case 'f': o.field_exprs[o.nfield_exprs++] = optarg; break;
		case 'h': cli_help(&doc);
		case 'l': list = 1; break;
		case 'm': model_file = optarg; break;
		case 'r': rule_files[nrule_files++] = optarg; break;
		case 't': o.threshold = cli_number(&doc, "--threshold", optarg, -1e6, 1e6); break;
		case 'x': o.explain = 1; break;
		case OPT_FORMAT:
			o.format = cli_format_is_table(&doc, optarg) ? DETECT_TABLE : DETECT_NDJSON;
			break;
		case OPT_HITS_ONLY: o.hits_only = 1; break;
		case OPT_MAX_RECORD: so.max_record = cli_size(&doc, "--max-record", optarg); break;
		case OPT_NO_DEFAULT: defaults = 0; break;
		case OPT_NO_MODEL: use_model = 0; break;
		case OPT_REJECTS: so.rejects_path = optarg; break;
		case OPT_VERSION: cli_version();
		default: cli_usage(&doc, NULL);
		}
	argc -= optind;
	argv += optind;

	ruleset_init(&rules);
	load_rules(&rules, rule_files, nrule_files, defaults);
	detect_model_init(&model);
	if (model_file && !use_model)
		cli_usage(&doc, "--model and --no-model exclude each other");
	if (model_file && !list) {
		if ((model_text = slurp_file(model_file, &model_len)) == NULL)
			die(EXIT_USAGE, "%s:", model_file);
		if (detect_model_parse(&model, model_text, model_len, model_file, &err) < 0)
			die(EXIT_USAGE, "%s", err.p);
		free(model_text);
		o.model = &model;
	} else if (use_model && defaults && !list) {
		/* The built-in model goes with the default rules. */
		o.model = &default_detect_model;
	}
	if (list) {
		ruleset_write(&rules, stdout);
		status = fflush(stdout) == EOF || ferror(stdout) ? EXIT_FAIL : EXIT_OK;
		if (status != EXIT_OK)
			warnmsg("stdout:");
	} else {
		if ((d = detector_new(&rules, &o, &err)) == NULL)
			die(EXIT_USAGE, "%s", err.p);
		st = stream_new(&so);
		stream_run(st, argc, argv, detect_record, d);
		status = stream_finish(st);
		detector_free(d);
	}
	ruleset_free(&rules);
	detect_model_free(&model);
	detect_model_free(&default_detect_model);
	free(rule_files);
	free(o.field_exprs);
	return status;
}
