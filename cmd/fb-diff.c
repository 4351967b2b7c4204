/* fb-diff: set algebra on accounts between record streams. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "setdiff.h"
#include "signals.h"
#include "stream.h"
#include "util.h"

static const struct cli_doc doc = {
	"--not-in set | --in set [options] [file ...]\n"
	"       fb-diff --new | --lost [--now date] [options] old new",
	"Write the records whose account is not in a set, or is in it; or the\n"
	"followers new in a snapshot, or lost since the one before (with fb.lost).",
	"      --not-in set         records of the files whose account is not in set\n"
	"      --in set             records of the files whose account is in set\n"
	"      --new                records of new whose account is not in old\n"
	"      --lost               records of old whose account is not in new,\n"
	"                           with fb.lost: when new was taken\n"
	"      --now date           fb.lost when new does not say (default: now)\n"
	"      --max-record size    longest record accepted (default 64M)\n"
	"      --rejects file       keep bad input, verbatim, in file\n"
	"  -h, --help               print this help and exit\n"
	"      --version            print the version and exit\n"
	"A set is records, ids, @names or profile URLs, or an X archive's\n"
	"follower.js or following.js; accounts match by id, else by username.\n",
};

enum { OPT_IN = 256, OPT_LOST, OPT_MAX_RECORD, OPT_NEW, OPT_NOT_IN, OPT_NOW, OPT_REJECTS,
	OPT_VERSION };

static const struct option longopts[] = {
	{"help", no_argument, NULL, 'h'},
	{"in", required_argument, NULL, OPT_IN},
	{"lost", no_argument, NULL, OPT_LOST},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"new", no_argument, NULL, OPT_NEW},
	{"not-in", required_argument, NULL, OPT_NOT_IN},
	{"now", required_argument, NULL, OPT_NOW},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

static void
set_mode(int *mode, int c)
{
	if (*mode && *mode != c)
		cli_usage(&doc, "one of --not-in, --in, --new and --lost");
	*mode = c;
}

int
main(int argc, char *argv[])
{
	struct stream_opts so = {0};
	struct setdiff *d;
	struct stream *st;
	const char *set_path = NULL, *now_arg = NULL;
	char now_json[40];
	char **files;
	int c, mode = 0, nfiles, i, status;
	time_t now = time(NULL);
	struct tm tm;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1)
		switch (c) {
		case 'h': cli_help(&doc);
		case OPT_IN:
		case OPT_NOT_IN: set_mode(&mode, c); set_path = optarg; break;
		case OPT_NEW:
		case OPT_LOST: set_mode(&mode, c); break;
		case OPT_MAX_RECORD: so.max_record = cli_size(&doc, "--max-record", optarg); break;
		case OPT_NOW:
			now = cli_date(&doc, "--now", optarg);
			now_arg = optarg;
			break;
		case OPT_REJECTS: so.rejects_path = optarg; break;
		case OPT_VERSION: cli_version();
		default: cli_usage(&doc, NULL);
		}
	argc -= optind;
	argv += optind;
	if (mode == 0)
		cli_usage(&doc, "say what to write: --not-in, --in, --new or --lost");
	if (now_arg && mode != OPT_LOST)
		cli_usage(&doc, "--now goes with --lost");
	if (mode == OPT_NEW || mode == OPT_LOST) {
		if (argc != 2)
			cli_usage(&doc, "--new and --lost compare two snapshots: old new");
		/* --new holds old and streams new; --lost holds new and streams old. */
		set_path = argv[mode == OPT_NEW ? 0 : 1];
		files = &argv[mode == OPT_NEW ? 1 : 0];
		nfiles = 1;
	} else {
		files = argv;
		nfiles = argc;
	}
	for (i = 0; i < nfiles; i++)
		if (strcmp(set_path, "-") == 0 && strcmp(files[i], "-") == 0)
			cli_usage(&doc, "the set and the records cannot both be stdin");
	if (strcmp(set_path, "-") == 0 && nfiles == 0)
		cli_usage(&doc, "the set is stdin: name the files of records");

	d = setdiff_new(mode == OPT_IN);
	st = stream_new(&so);
	if (setdiff_load(d, st, set_path) < 0)
		die(EXIT_FAIL, "%s:", set_path);
	/* A set with holes would write accounts that are in it: nothing is written. */
	if (stream_rejected(st) > 0) {
		warnmsg("%s: bad input in the set: nothing written", set_path);
	} else {
		if (mode == OPT_LOST) {
			gmtime_r(&now, &tm);
			strftime(now_json, sizeof now_json, "\"%Y-%m-%dT%H:%M:%SZ\"", &tm);
			setdiff_mark_lost(d, now_json);
		}
		stream_run(st, nfiles, files, setdiff_record, d);
	}
	status = stream_finish(st);
	setdiff_free(d);
	return status;
}
