#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xarchive.h"
#include "json.h"
#include "util.h"

/* A zip that unpacks to more than this many times its size is taken for a bomb. */
#define BOMB_RATIO 200
/* manifest.js is a few KiB: a larger one is not read. */
#define MAX_MANIFEST ((size_t)1 << 20)

struct xarchive {
	char *path;
	int is_dir;
	char **names;		/* the files it holds: zip paths, or paths in the folder */
	size_t nnames;
	uint64_t file_size, max_size, unpacked;
	char *manifest;		/* the JSON after "window.__THAR_CONFIG =", or NULL */
	struct json_scan mscan;
	char *owner_id, *owner_name, *date;
};

/* What reading one member of a zip needs. */
struct member_read {
	struct xarchive *x;
	struct archive *a;
	const char *name;
};

static void
add_name(struct xarchive *x, const char *name)
{
	x->names = xrealloc(x->names, (x->nnames + 1) * sizeof *x->names);
	x->names[x->nnames++] = xstrdup(name);
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* A path that could leave the folder it is extracted into. */
static int
leaves_archive(const char *path)
{
	const char *p = path;

	if (*p == '/' || strchr(p, '\\') != NULL)
		return 1;
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

static struct archive *
open_zip(struct xarchive *x, struct buf *err)
{
	struct archive *a = archive_read_new();

	archive_read_support_format_zip(a);
	archive_read_support_filter_none(a);
	if (archive_read_open_filename(a, x->path, 64 * 1024) != ARCHIVE_OK) {
		buf_printf(err, "%s: not a zip that can be read: %s", x->path, archive_error_string(a));
		archive_read_free(a);
		return NULL;
	}
	return a;
}

/* Reads a member's bytes; a bomb or a corrupt member is named and stops the read. */
static long
read_member(void *arg, char *buf, size_t n)
{
	struct member_read *m = arg;
	struct xarchive *x = m->x;
	la_ssize_t got = archive_read_data(m->a, buf, n);

	if (got < 0) {
		warnmsg("%s:%s: a corrupt member: %s", x->path, m->name, archive_error_string(m->a));
		errno = EIO;
		return -1;
	}
	x->unpacked += (uint64_t)got;
	if (x->unpacked > x->max_size) {
		warnmsg("%s:%s: the archive unpacks to more than --max-size (%llu bytes): stopped",
		    x->path, m->name, (unsigned long long)x->max_size);
		errno = EFBIG;
		return -1;
	}
	if (x->unpacked > (uint64_t)BOMB_RATIO * x->file_size + ((uint64_t)1 << 20)) {
		warnmsg("%s:%s: unpacks to more than %d times the size of the zip: a zip bomb? stopped",
		    x->path, m->name, BOMB_RATIO);
		errno = EFBIG;
		return -1;
	}
	return (long)got;
}

/* The members of a zip, every path checked; manifest.js is read as it passes. */
static int
list_zip(struct xarchive *x, struct buf *err)
{
	struct archive *a = open_zip(x, err);
	struct archive_entry *e;
	int r;

	if (a == NULL)
		return -1;
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
		const char *name = archive_entry_pathname(e);

		if (name == NULL || leaves_archive(name)) {
			buf_printf(err, "%s: a member whose path leaves the archive (%s): refused",
			    x->path, name ? name : "no name");
			break;
		}
		if (archive_entry_size_is_set(e) && (uint64_t)archive_entry_size(e) > x->max_size) {
			buf_printf(err, "%s:%s: a member of %lld bytes, more than --max-size: refused",
			    x->path, name, (long long)archive_entry_size(e));
			break;
		}
		add_name(x, name);
		if (strcmp(base_name(name), "manifest.js") == 0 && x->manifest == NULL) {
			struct member_read m = {x, a, name};
			struct buf text = {0};
			char chunk[16384];
			long n;

			while ((n = read_member(&m, chunk, sizeof chunk)) > 0 && text.len < MAX_MANIFEST)
				buf_add(&text, chunk, (size_t)n);
			if (n < 0) {
				buf_printf(err, "%s:%s: could not be read", x->path, name);
				buf_free(&text);
				break;
			}
			x->manifest = text.p ? text.p : xstrdup("");
		}
	}
	if (err->len == 0 && r != ARCHIVE_EOF)
		buf_printf(err, "%s: a corrupt or truncated zip: %s", x->path, archive_error_string(a));
	archive_read_free(a);
	return err->len ? -1 : 0;
}

/* The files of the folder, and of its data/ folder, as paths below it. */
static void
list_dir(struct xarchive *x, const char *sub)
{
	struct buf dir = {0}, name = {0};
	DIR *d;
	struct dirent *de;

	buf_printf(&dir, "%s/%s", x->path, sub);
	if ((d = opendir(dir.p)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			size_t n = strlen(de->d_name);

			if (n < 3 || strcmp(de->d_name + n - 3, ".js") != 0)
				continue;
			buf_reset(&name);
			buf_printf(&name, "%s%s", sub, de->d_name);
			add_name(x, name.p);
		}
		closedir(d);
	}
	buf_free(&dir);
	buf_free(&name);
}

static char *
string_of(const struct json_member *m)
{
	struct buf b = {0};

	if (m->kind != JSON_STRING)
		return NULL;
	json_unescape(&b, m->val, m->vallen);
	return b.p ? b.p : xstrdup("");
}

/* manifest.js: window.__THAR_CONFIG = {...}; a manifest that does not parse is not used. */
static void
read_manifest(struct xarchive *x)
{
	char *eq = x->manifest ? strchr(x->manifest, '=') : NULL;
	struct json_member user = {0}, info = {0}, m;
	size_t at;

	if (eq == NULL)
		return;
	for (at = (size_t)(eq + 1 - x->manifest); x->manifest[at] == ' ' || x->manifest[at] == '\n' ||
	    x->manifest[at] == '\t' || x->manifest[at] == '\r'; at++)
		;
	x->mscan.collect_members = 1;
	if (json_scan(&x->mscan, x->manifest, strlen(x->manifest), at, 1) != JSON_OK ||
	    x->manifest[at] != '{') {
		x->mscan.nmembers = 0;
		return;
	}
	for (size_t i = 0; i < x->mscan.nmembers; i++) {
		if (json_key_is(&x->mscan.members[i], "userInfo"))
			user = x->mscan.members[i];
		else if (json_key_is(&x->mscan.members[i], "archiveInfo"))
			info = x->mscan.members[i];
	}
	if (json_object_member(&user, "accountId", &m))
		x->owner_id = string_of(&m);
	if (json_object_member(&user, "userName", &m))
		x->owner_name = string_of(&m);
	if (json_object_member(&info, "generationDate", &m))
		x->date = string_of(&m);
}

struct xarchive *
xarchive_open(const char *path, uint64_t max_size, struct buf *err)
{
	struct xarchive *x;
	struct stat sb;
	size_t i;

	if (stat(path, &sb) < 0) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	x = xcalloc(1, sizeof *x);
	x->path = xstrdup(path);
	x->max_size = max_size;
	x->file_size = (uint64_t)sb.st_size;
	x->is_dir = S_ISDIR(sb.st_mode);
	if (x->is_dir) {
		list_dir(x, "");
		list_dir(x, "data/");
		for (i = 0; i < x->nnames; i++)
			if (strcmp(base_name(x->names[i]), "manifest.js") == 0) {
				struct buf p = {0};
				size_t len;

				buf_printf(&p, "%s/%s", x->path, x->names[i]);
				x->manifest = slurp_file(p.p, &len);
				buf_free(&p);
				break;
			}
	} else if (list_zip(x, err) < 0) {
		xarchive_free(x);
		return NULL;
	}
	read_manifest(x);
	return x;
}

void
xarchive_free(struct xarchive *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->nnames; i++)
		free(x->names[i]);
	free(x->names);
	free(x->manifest);
	json_scan_free(&x->mscan);
	free(x->owner_id);
	free(x->owner_name);
	free(x->date);
	free(x->path);
	free(x);
}

const char *
xarchive_owner_id(const struct xarchive *x)
{
	return x->owner_id;
}

const char *
xarchive_owner_name(const struct xarchive *x)
{
	return x->owner_name;
}

const char *
xarchive_date(const struct xarchive *x)
{
	return x->date;
}

/* The path of the member whose name is base, or NULL. */
static const char *
find_member(const struct xarchive *x, const char *base, size_t len)
{
	size_t i;

	for (i = 0; i < x->nnames; i++)
		if (strlen(base_name(x->names[i])) == len &&
		    memcmp(base_name(x->names[i]), base, len) == 0)
			return x->names[i];
	return NULL;
}

/*
 * The part number of a file of the type: 0 for "tweets.js", N for
 * "tweets-partN.js"; -1 for a file of another type.
 */
static long
part_of(const char *name, const char *stem)
{
	size_t n = strlen(stem);
	char *end;
	long part;

	if (strncmp(name, stem, n) != 0)
		return -1;
	if (strcmp(name + n, ".js") == 0)
		return 0;
	if (strncmp(name + n, "-part", 5) != 0)
		return -1;
	part = strtol(name + n + 5, &end, 10);
	return part > 0 && strcmp(end, ".js") == 0 ? part : -1;
}

struct part {
	const char *path;
	long order;
};

static int
by_order(const void *a, const void *b)
{
	const struct part *x = a, *y = b;

	return (x->order > y->order) - (x->order < y->order);
}

/* The files of the type, as manifest.js lists them. */
static size_t
manifest_parts(const struct xarchive *x, const char *type, struct part *out, size_t max)
{
	struct json_member types = {0}, t, files, m;
	struct json_iter it;
	const char *el;
	size_t elen, n = 0, i;
	enum json_kind kind;

	for (i = 0; i < x->mscan.nmembers; i++)
		if (json_key_is(&x->mscan.members[i], "dataTypes"))
			types = x->mscan.members[i];
	if (!json_object_member(&types, type, &t) || !json_object_member(&t, "files", &files) ||
	    files.kind != JSON_ARRAY)
		return 0;
	json_iter_init(&it, files.val, files.vallen);
	while (n < max && json_iter_element(&it, &el, &elen, &kind)) {
		struct json_member file = {NULL, 0, el, elen, kind};
		const char *path;

		if (json_object_member(&file, "fileName", &m) && m.kind == JSON_STRING) {
			char *want = string_of(&m);

			if ((path = find_member(x, base_name(want), strlen(base_name(want)))) != NULL) {
				out[n].path = path;
				out[n].order = (long)n;
				n++;
			}
			free(want);
		}
	}
	return n;
}

/* The files of the type by their names: tweet.js, tweets.js, tweets-part1.js, ... */
static size_t
named_parts(const struct xarchive *x, const char *type, struct part *out, size_t max)
{
	/* Older archives call the posts "tweet", newer ones "tweets". */
	const char *stems[2] = {type, strcmp(type, "tweets") == 0 ? "tweet" : NULL};
	size_t i, s, n = 0;

	for (i = 0; i < x->nnames && n < max; i++)
		for (s = 0; s < 2 && stems[s]; s++) {
			long part = part_of(base_name(x->names[i]), stems[s]);

			if (part >= 0) {
				out[n].path = x->names[i];
				out[n].order = (long)(s == 0) * 1000000 + part;
				n++;
				break;
			}
		}
	qsort(out, n, sizeof *out, by_order);
	return n;
}

static int
run_member(struct xarchive *x, struct stream *st, const char *path, const char *label,
    record_fn fn, void *arg, struct buf *err)
{
	struct archive *a = open_zip(x, err);
	struct archive_entry *e;
	int r;

	if (a == NULL)
		return -1;
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
		const char *name = archive_entry_pathname(e);

		if (name && strcmp(name, path) == 0) {
			struct member_read m = {x, a, path};

			stream_run_reader(st, label, read_member, &m, fn, arg);
			archive_read_free(a);
			return 0;
		}
	}
	buf_printf(err, "%s: a corrupt or truncated zip: %s", x->path, archive_error_string(a));
	archive_read_free(a);
	return -1;
}

int
xarchive_run(struct xarchive *x, struct stream *st, const char *type, record_fn fn,
    void *arg, struct buf *err)
{
	struct part *parts = xcalloc(x->nnames + 1, sizeof *parts);
	size_t n, i;
	struct buf label = {0};
	int status = 0;

	n = manifest_parts(x, type, parts, x->nnames);
	if (n == 0 && strcmp(type, "tweets") == 0)
		n = manifest_parts(x, "tweet", parts, x->nnames);
	if (n == 0)
		n = named_parts(x, type, parts, x->nnames);
	for (i = 0; i < n && status == 0; i++) {
		buf_reset(&label);
		if (x->is_dir) {
			char *files[1];

			buf_printf(&label, "%s/%s", x->path, parts[i].path);
			files[0] = label.p;
			stream_run(st, 1, files, fn, arg);
		} else {
			buf_printf(&label, "%s:%s", x->path, parts[i].path);
			status = run_member(x, st, parts[i].path, label.p, fn, arg, err);
		}
	}
	buf_free(&label);
	free(parts);
	return status < 0 ? -1 : (int)n;
}
