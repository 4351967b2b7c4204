/* tw-archive: the followers, following, posts or account of an X archive, as records. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "archrec.h"
#include "cli.h"
#include "stream.h"
#include "util.h"
#include "xarchive.h"

static const struct cli_doc doc = {
	"--followers | --following | --posts | --account\n"
	"       [--max-size size] [--max-record size] [--rejects file] archive",
	"Write what an X archive (the .zip as downloaded, or its folder) holds, as\n"
	"records: follower or following ids as user stubs, the owner's posts, or\n"
	"the owner's account. Nothing is extracted to disk.",
	"      --followers          the followers: {\"id\": ...} stubs, for tw-user\n"
	"      --following          the accounts the owner follows, the same way\n"
	"      --posts              the owner's posts, as post records\n"
	"      --account            the owner's account (no e-mail, no phone)\n"
	"      --max-size size      refuse an archive that unpacks to more (default 4G)\n"
	"      --max-record size    longest entry accepted (default 64M)\n"
	"      --rejects file       keep bad entries, verbatim, in file\n"
	"  -h, --help               print this help and exit\n"
	"      --version            print the version and exit\n",
};

enum { OPT_ACCOUNT = 256, OPT_FOLLOWERS, OPT_FOLLOWING, OPT_MAX_RECORD, OPT_MAX_SIZE, OPT_POSTS,
	OPT_REJECTS, OPT_VERSION };

static const struct option longopts[] = {
	{"account", no_argument, NULL, OPT_ACCOUNT},
	{"followers", no_argument, NULL, OPT_FOLLOWERS},
	{"following", no_argument, NULL, OPT_FOLLOWING},
	{"help", no_argument, NULL, 'h'},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"max-size", required_argument, NULL, OPT_MAX_SIZE},
	{"posts", no_argument, NULL, OPT_POSTS},
	{"rejects", required_argument, NULL, OPT_REJECTS},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

struct run {
	const char *wrap;	/* the key of an entry: "follower", "tweet", ... */
	const char *owner_id;
	struct buf source;	/* fb.source */
	struct buf line, err;
	struct buf kept;	/* --account: the entry read, to be written at the end */
};

/* The entry's object, or NULL after rejecting the record. */
static const struct json_member *
entry_of(struct stream *st, const struct record *rec, const char *wrap)
{
	const struct json_member *m = record_member(rec, wrap);

	if (m == NULL || m->kind != JSON_OBJECT) {
		stream_reject(st, rec, "not a \"%s\" entry of the archive", wrap);
		return NULL;
	}
	return m;
}

static int
stub_record(struct stream *st, const struct record *rec, void *arg)
{
	struct run *r = arg;
	const struct json_member *m = entry_of(st, rec, r->wrap);

	if (m == NULL)
		return 0;
	buf_reset(&r->line);
	if (archrec_stub(&r->line, m, r->source.p) < 0)
		stream_reject(st, rec, "an entry without a numeric accountId");
	else
		stream_emit(st, r->line.p, r->line.len);
	return 0;
}

static int
post_record(struct stream *st, const struct record *rec, void *arg)
{
	struct run *r = arg;
	const struct json_member *m = entry_of(st, rec, r->wrap);

	if (m == NULL)
		return 0;
	buf_reset(&r->line);
	buf_reset(&r->err);
	if (archrec_post(&r->line, m, r->owner_id, r->source.p, &r->err) < 0)
		stream_reject(st, rec, "%s", r->err.p);
	else
		stream_emit(st, r->line.p, r->line.len);
	return 0;
}

/* Keeps the (last) entry's object, as account.js and profile.js have one. */
static int
keep_entry(struct stream *st, const struct record *rec, void *arg)
{
	struct run *r = arg;
	const struct json_member *m = entry_of(st, rec, r->wrap);

	if (m != NULL) {
		buf_reset(&r->kept);
		buf_add(&r->kept, m->val, m->vallen);
	}
	return 0;
}

/* Runs fn on the entries of a type; 0 when the archive has none. */
static int
run_type(struct xarchive *x, struct stream *st, const char *type, const char *wrap,
    record_fn fn, struct run *r)
{
	int n;

	r->wrap = wrap;
	buf_reset(&r->err);
	if ((n = xarchive_run(x, st, type, fn, r, &r->err)) < 0) {
		warnmsg("%s", r->err.p);
		stream_fail(st);
	}
	return n;
}

/* A JSON object kept as text, as a member to read. */
static int
member_of_text(const struct buf *text, struct json_scan *sc, struct json_member *m)
{
	if (text->len == 0 || json_scan(sc, text->p, text->len, 0, 1) != JSON_OK)
		return 0;
	*m = (struct json_member){NULL, 0, text->p, text->len, JSON_OBJECT};
	return 1;
}

static void
write_account(struct xarchive *x, struct stream *st, struct run *r, const char *path)
{
	struct buf profile = {0};
	struct json_scan sc = {0};
	struct json_member account, prof;
	int have_profile;

	if (run_type(x, st, "profile", "profile", keep_entry, r) > 0) {
		buf_add(&profile, r->kept.p, r->kept.len);
		buf_reset(&r->kept);
	}
	if (run_type(x, st, "account", "account", keep_entry, r) == 0) {
		warnmsg("%s: no account.js: is this an X archive?", path);
		stream_fail(st);
	} else if (member_of_text(&r->kept, &sc, &account)) {
		have_profile = member_of_text(&profile, &sc, &prof);
		buf_reset(&r->line);
		buf_reset(&r->err);
		if (archrec_account(&r->line, &account, have_profile ? &prof : NULL, r->source.p,
		    &r->err) < 0) {
			warnmsg("%s: %s", path, r->err.p);
			stream_fail(st);
		} else {
			stream_emit(st, r->line.p, r->line.len);
		}
	}
	json_scan_free(&sc);
	buf_free(&profile);
}

int
main(int argc, char *argv[])
{
	struct stream_opts so = {0};
	struct run r = {0};
	struct buf err = {0};
	struct xarchive *x;
	struct stream *st;
	uint64_t max_size = (uint64_t)4 << 30;
	const char *what = NULL, *type = NULL, *wrap = NULL;
	int c, status;

	program_start(argv[0]);
	argv[0] = (char *)progname;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		const char *mode = NULL;

		switch (c) {
		case 'h': cli_help(&doc);
		case OPT_ACCOUNT: mode = "account"; break;
		case OPT_FOLLOWERS: mode = "follower"; break;
		case OPT_FOLLOWING: mode = "following"; break;
		case OPT_POSTS: mode = "tweets"; break;
		case OPT_MAX_RECORD: so.max_record = cli_size(&doc, "--max-record", optarg); break;
		case OPT_MAX_SIZE: max_size = cli_size(&doc, "--max-size", optarg); break;
		case OPT_REJECTS: so.rejects_path = optarg; break;
		case OPT_VERSION: cli_version();
		default: cli_usage(&doc, NULL);
		}
		if (mode && what && strcmp(mode, what) != 0)
			cli_usage(&doc, "one of --followers, --following, --posts and --account");
		if (mode)
			what = mode;
	}
	argc -= optind;
	argv += optind;
	if (what == NULL)
		cli_usage(&doc, "say what to write: --followers, --following, --posts or --account");
	if (argc != 1)
		cli_usage(&doc, "one archive: the .zip or its folder");

	if ((x = xarchive_open(argv[0], max_size, &err)) == NULL)
		die(EXIT_FAIL, "%s", err.p);
	st = stream_new(&so);
	archrec_source(&r.source, what, xarchive_date(x));
	if (strcmp(what, "account") == 0) {
		write_account(x, st, &r, argv[0]);
	} else {
		type = what;
		wrap = strcmp(what, "tweets") == 0 ? "tweet" : what;
		if (strcmp(what, "tweets") == 0) {
			/* The posts' author: the manifest says who, else account.js. */
			if ((r.owner_id = xarchive_owner_id(x)) == NULL &&
			    run_type(x, st, "account", "account", keep_entry, &r) > 0) {
				struct json_scan sc = {0};
				struct json_member account, id;

				if (member_of_text(&r.kept, &sc, &account) &&
				    json_object_member(&account, "accountId", &id) && id.kind == JSON_STRING) {
					buf_reset(&err);
					json_unescape(&err, id.val, id.vallen);
					r.owner_id = err.p;
				}
				json_scan_free(&sc);
			}
		}
		if (run_type(x, st, type, wrap, strcmp(what, "tweets") == 0 ? post_record : stub_record,
		    &r) == 0) {
			warnmsg("%s: no %s.js: is this an X archive?", argv[0], wrap);
			stream_fail(st);
		}
	}
	status = stream_finish(st);
	xarchive_free(x);
	buf_free(&r.source);
	buf_free(&r.line);
	buf_free(&r.err);
	buf_free(&r.kept);
	buf_free(&err);
	return status;
}
