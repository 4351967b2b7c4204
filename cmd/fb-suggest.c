/* fb-suggest: draft a personal opener for each profile worth reaching out to. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fbkey.h"
#include "llm.h"
#include "stream.h"
#include "suggest.h"
#include "util.h"
#include "width.h"

extern const char default_suggest_templates[];

static const struct cli_doc doc = {
	"[-a] [--client @name|id]... [--cold] [--format ndjson|table]\n"
	"       [--lang en|es|pt|pt-PT|pt-BR] [--llm url] [--llm-model name]\n"
	"       [--llm-timeout seconds] [--max-record size] [--now date]\n"
	"       [--rejects file] [--seed n] [--templates file] [file ...]",
	"Draft a first message for each profile worth a conversation: a compliment\n"
	"on their news; with --cold, also a question about their work or a word on\n"
	"their writing, advice, a story or a question they asked (never on an ad,\n"
	"a giveaway or small talk). What they asked, offered or told the client is\n"
	"quoted for the client to answer, with no draft. Set fb.opener with the\n"
	"text, its kind and what it rests on.",
	"  -a, --all                draft for every record, not only engage and maybe\n"
	"      --client @name|id    the client: what they said to it is for it to answer\n"
	"      --cold               also draft for those who gave nothing to answer, from\n"
	"                           their bio and posts (starting points to edit)\n"
	"      --format ndjson|table  records (default), or handle, kind and draft\n"
	"      --lang en|es|pt|pt-PT|pt-BR\n"
	"                           write every draft in this language (pt: Portugal's or\n"
	"                           Brazil's Portuguese, as the record writes)\n"
	"      --llm url            polish drafts with an OpenAI-compatible chat endpoint\n"
	"      --llm-model name     the model to ask for (default local)\n"
	"      --llm-timeout seconds  how long to wait for the endpoint (default 20)\n"
	"      --max-record size    longest record accepted (default 64M)\n"
	"      --now date           today, for the age of what they told the client\n"
	"                           (default: now)\n"
	"      --rejects file       keep bad input, verbatim, in file\n"
	"      --seed n             pick other templates for the same records\n"
	"      --templates file     templates replacing those of their kind and language\n"
	"  -h, --help               print this help and exit\n"
	"      --version            print the version and exit\n",
};

enum { OPT_CLIENT = 256, OPT_COLD, OPT_FORMAT, OPT_LANG, OPT_LLM, OPT_LLM_MODEL, OPT_LLM_TIMEOUT,
	OPT_MAX_RECORD, OPT_NOW, OPT_REJECTS, OPT_SEED, OPT_TEMPLATES, OPT_VERSION };

static const struct option longopts[] = {
	{"all", no_argument, NULL, 'a'},
	{"client", required_argument, NULL, OPT_CLIENT},
	{"cold", no_argument, NULL, OPT_COLD},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{"lang", required_argument, NULL, OPT_LANG},
	{"llm", required_argument, NULL, OPT_LLM},
	{"llm-model", required_argument, NULL, OPT_LLM_MODEL},
	{"llm-timeout", required_argument, NULL, OPT_LLM_TIMEOUT},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"now", required_argument, NULL, OPT_NOW},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"seed", required_argument, NULL, OPT_SEED},
	{"templates", required_argument, NULL, OPT_TEMPLATES},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

#define HANDLE_COLUMNS 20

struct run {
	struct suggester *g;
	struct llm *llm;	/* NULL without --llm */
	struct buf opener, line, polished;
	int all, table;
	size_t columns;		/* of the terminal, for a table */
	unsigned long asked, used;	/* --llm requests, and answers used */
	const char *llm_url;
};

/*
 * The endpoint's text replaces the draft only if it too is a message we
 * would send, new in this run and plain text; else the draft stays, and an
 * answer that came but would not do is named.
 */
static void
polish(struct run *r, struct stream *st, const struct record *rec)
{
	int rc;

	r->asked++;
	if ((rc = llm_polish(r->llm, suggester_facts(r->g), suggester_text(r->g), &r->polished)) < 0) {
		if (rc == -2)
			stream_warn(st, rec, "the --llm answer is not used: %s", llm_why(r->llm));
		return;
	}
	if (!suggester_new_text(r->g, r->polished.p))
		return;
	llm_merge(&r->opener, r->polished.p);
	r->used++;
}

/* Writes the lines of a table row (a draft wraps), each cut to the terminal's width. */
static void
emit_lines(struct stream *st, const struct buf *row, size_t columns)
{
	const char *p = row->p, *end = row->p + row->len, *nl;
	struct buf cut = {0};

	for (; p <= end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		buf_reset(&cut);
		width_fit(&cut, p, (size_t)(nl - p), columns);
		stream_emit(st, cut.p, cut.len);
	}
	buf_free(&cut);
}

static int
suggest_record(struct stream *st, const struct record *rec, void *arg)
{
	struct run *r = arg;
	char handle[128];
	int rc = suggester_draft(r->g, st, rec, r->all, &r->opener);

	if (rc < 0)
		return 0;
	if (rc > 0 && r->llm && suggester_text(r->g))
		polish(r, st, rec);
	buf_reset(&r->line);
	if (r->table) {
		if (rc == 0)
			return 0;
		/* record_handle shows what would act on a terminal, escaped. */
		record_handle(rec, handle, sizeof handle);
		width_pad(&r->line, handle, strlen(handle), HANDLE_COLUMNS);
		buf_addc(&r->line, ' ');
		suggester_row(&r->line, r->opener.p, HANDLE_COLUMNS + 1, r->columns);
		emit_lines(st, &r->line, r->columns);
		return 0;
	} else if (rc == 0) {
		/* No opener for this record: an old one would be stale. */
		fbkey_set(&r->line, rec, "opener", NULL, 0);
	} else {
		fbkey_set(&r->line, rec, "opener", r->opener.p, r->opener.len);
	}
	stream_emit(st, r->line.p, r->line.len);
	return 0;
}

static int
read_templates(void *g, const char *text, size_t len, const char *origin, struct buf *err)
{
	return suggester_templates(g, text, len, origin, err);
}

int
main(int argc, char *argv[])
{
	struct run r = {0};
	struct stream_opts so = {0};
	struct llm_opts lo = {.model = "local", .timeout = 20};
	struct buf err = {0};
	char **tfiles = xcalloc((size_t)argc, sizeof *tfiles);
	size_t ntfiles = 0;
	int c, status;

	program_start(argv[0]);
	argv[0] = (char *)progname;	/* getopt's messages name the program, not its path */
	r.g = suggester_new();
	while ((c = getopt_long(argc, argv, "ah", longopts, NULL)) != -1)
		switch (c) {
		case 'a': r.all = 1; break;
		case OPT_CLIENT: suggester_add_client(r.g, optarg); break;
		case OPT_COLD: suggester_set_cold(r.g); break;
		case 'h': cli_help(&doc);
		case OPT_FORMAT: r.table = cli_format_is_table(&doc, optarg); break;
		case OPT_LANG:
			if (!suggester_set_lang(r.g, optarg))
				cli_usage(&doc, "--lang: expected en, es, pt, pt-PT or pt-BR, not '%s'", optarg);
			break;
		case OPT_LLM: lo.url = optarg; break;
		case OPT_LLM_MODEL: lo.model = optarg; break;
		case OPT_LLM_TIMEOUT: lo.timeout = cli_number(&doc, "--llm-timeout", optarg, 0.1, 3600); break;
		case OPT_MAX_RECORD: so.max_record = cli_size(&doc, "--max-record", optarg); break;
		case OPT_NOW: suggester_set_now(r.g, cli_date(&doc, "--now", optarg)); break;
		case OPT_REJECTS: so.rejects_path = optarg; break;
		case OPT_SEED: suggester_set_seed(r.g, cli_count(&doc, "--seed", optarg, 0, 4294967295UL)); break;
		case OPT_TEMPLATES: tfiles[ntfiles++] = optarg; break;
		case OPT_VERSION: cli_version();
		default: cli_usage(&doc, NULL);
		}
	argc -= optind;
	argv += optind;

	cli_read_files(read_templates, r.g, default_suggest_templates, "default templates",
	    tfiles, ntfiles, "--templates");
	if (suggester_ready(r.g, &err) < 0)
		die(EXIT_USAGE, "%s", err.p);
	if (lo.url && (r.llm = llm_new(&lo, &err)) == NULL)
		die(EXIT_USAGE, "--llm %s: %s", lo.url, err.p);

	{
		struct stream *st = stream_new(&so);

		if (r.table) {
			r.columns = width_columns();
			buf_printf(&r.line, "%-*s %-10s %s", HANDLE_COLUMNS, "HANDLE", "KIND", "DRAFT");
			emit_lines(st, &r.line, r.columns);
			buf_reset(&r.line);
		}

		stream_run(st, argc, argv, suggest_record, &r);
		if (r.asked && !r.used)
			warnmsg("--llm %s: no answer used in %lu request%s (the last: %s); the drafts "
			    "stay as written", lo.url, r.asked, r.asked == 1 ? "" : "s", llm_why(r.llm));
		status = stream_finish(st);
	}
	llm_free(r.llm);
	suggester_free(r.g);
	buf_free(&r.opener);
	buf_free(&r.line);
	buf_free(&r.polished);
	free(tfiles);
	return status;
}
