#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "httpurl.h"
#include "idset.h"
#include "json.h"
#include "util.h"

/*
 * Two open-addressing tables with linear probing, each at most half full:
 * decimal ids as integers (0 marks an empty slot, so id 0 is a flag), and
 * the other keys as strings: "i:" and an id that is no decimal number,
 * "u:" and a username given alone (a @name, a URL, a record without an
 * id), "n:" and the username of a record that had an id.
 */
struct idset {
	uint64_t *ids;
	size_t ids_cap, nids;	/* cap: a power of two, or 0 */
	int has_zero;
	int names_beside_ids;	/* keep the username of a record that has an id */
	char **strs;
	uint64_t *str_hash;
	size_t strs_cap, nstrs;
};

struct idset *
idset_new(void)
{
	return xcalloc(1, sizeof(struct idset));
}

void
idset_free(struct idset *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->strs_cap; i++)
		free(s->strs[i]);
	free(s->strs);
	free(s->str_hash);
	free(s->ids);
	free(s);
}

void
idset_keep_names_beside_ids(struct idset *s)
{
	s->names_beside_ids = 1;
}

size_t
idset_count(const struct idset *s)
{
	return s->nids + (size_t)s->has_zero + s->nstrs;
}

/* Fibonacci hashing: the multiply spreads ids that differ in low digits. */
static size_t
id_slot(uint64_t id, size_t cap)
{
	return (size_t)((id * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & (cap - 1);
}

/* An id as X writes them: 1 to 19 digits, no leading zero. */
static int
decimal_id(const char *p, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0 || n > 19 || (p[0] == '0' && n > 1))
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(p[i] - '0');
	}
	*out = v;
	return 1;
}

static void
ids_insert(uint64_t *tab, size_t cap, uint64_t id)
{
	size_t i = id_slot(id, cap);

	while (tab[i] != 0 && tab[i] != id)
		i = (i + 1) & (cap - 1);
	tab[i] = id;
}

/*
 * A zeroed table of cap ids. A large one asks for huge pages: lookups land
 * anywhere in it, and with 4 KiB pages each would also miss the TLB.
 */
static uint64_t *
ids_table(size_t cap)
{
	size_t bytes = cap * sizeof(uint64_t), huge = (size_t)2 << 20;
	uint64_t *tab;

	if (bytes < huge)
		return xcalloc(cap, sizeof(uint64_t));
	if ((tab = aligned_alloc(huge, bytes)) == NULL)
		die(EXIT_FAIL, "out of memory");
#ifdef MADV_HUGEPAGE
	madvise(tab, bytes, MADV_HUGEPAGE);
#endif
	memset(tab, 0, bytes);
	return tab;
}

static void
add_int(struct idset *s, uint64_t id)
{
	size_t i;

	if (id == 0) {
		s->has_zero = 1;
		return;
	}
	if (2 * (s->nids + 1) > s->ids_cap) {
		size_t cap = s->ids_cap ? 2 * s->ids_cap : 64;
		uint64_t *tab = ids_table(cap);

		for (i = 0; i < s->ids_cap; i++)
			if (s->ids[i])
				ids_insert(tab, cap, s->ids[i]);
		free(s->ids);
		s->ids = tab;
		s->ids_cap = cap;
	}
	i = id_slot(id, s->ids_cap);
	while (s->ids[i] != 0 && s->ids[i] != id)
		i = (i + 1) & (s->ids_cap - 1);
	if (s->ids[i] == 0)
		s->nids++;
	s->ids[i] = id;
}

static int
has_int(const struct idset *s, uint64_t id)
{
	size_t i;

	if (id == 0)
		return s->has_zero;
	if (s->ids_cap == 0)
		return 0;
	for (i = id_slot(id, s->ids_cap); s->ids[i] != 0; i = (i + 1) & (s->ids_cap - 1))
		if (s->ids[i] == id)
			return 1;
	return 0;
}

/* FNV-1a of the key as stored: tag, ':' and the text, folded to lower case for names. */
static uint64_t
str_hash(char tag, const char *p, size_t n)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t i;

	h = (h ^ (unsigned char)tag) * UINT64_C(0x100000001b3);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		h = (h ^ (tag != 'i' ? (unsigned char)tolower(c) : c)) * UINT64_C(0x100000001b3);
	}
	return h;
}

static int
str_equal(const char *key, char tag, const char *p, size_t n)
{
	return key[0] == tag && key[1] == ':' && strlen(key + 2) == n &&
	    (tag != 'i' ? strncasecmp(key + 2, p, n) == 0 : memcmp(key + 2, p, n) == 0);
}

static size_t
str_find(const struct idset *s, char tag, const char *p, size_t n, uint64_t h)
{
	size_t i = (size_t)(h >> 32) & (s->strs_cap - 1);

	while (s->strs[i] && !(s->str_hash[i] == h && str_equal(s->strs[i], tag, p, n)))
		i = (i + 1) & (s->strs_cap - 1);
	return i;
}

static void
add_str(struct idset *s, char tag, const char *p, size_t n)
{
	uint64_t h = str_hash(tag, p, n);
	size_t i;

	if (2 * (s->nstrs + 1) > s->strs_cap) {
		struct idset grown = *s;

		grown.strs_cap = s->strs_cap ? 2 * s->strs_cap : 16;
		grown.strs = xcalloc(grown.strs_cap, sizeof *grown.strs);
		grown.str_hash = xcalloc(grown.strs_cap, sizeof *grown.str_hash);
		for (i = 0; i < s->strs_cap; i++) {
			if (s->strs[i]) {
				size_t j = (size_t)(s->str_hash[i] >> 32) & (grown.strs_cap - 1);

				while (grown.strs[j])
					j = (j + 1) & (grown.strs_cap - 1);
				grown.strs[j] = s->strs[i];
				grown.str_hash[j] = s->str_hash[i];
			}
		}
		free(s->strs);
		free(s->str_hash);
		*s = grown;
	}
	i = str_find(s, tag, p, n, h);
	if (s->strs[i])
		return;
	s->strs[i] = xmalloc(n + 3);
	s->strs[i][0] = tag;
	s->strs[i][1] = ':';
	memcpy(s->strs[i] + 2, p, n);
	s->strs[i][n + 2] = '\0';
	s->str_hash[i] = h;
	s->nstrs++;
}

static int
has_str(const struct idset *s, char tag, const char *p, size_t n)
{
	if (s->strs_cap == 0)
		return 0;
	return s->strs[str_find(s, tag, p, n, str_hash(tag, p, n))] != NULL;
}

void
idset_add_id(struct idset *s, const char *id, size_t len)
{
	uint64_t v;

	if (decimal_id(id, len, &v))
		add_int(s, v);
	else
		add_str(s, 'i', id, len);
}

void
idset_add_name(struct idset *s, const char *name, size_t len)
{
	add_str(s, 'u', name, len);
}

int
idset_has_id(const struct idset *s, const char *id, size_t len)
{
	uint64_t v;

	return decimal_id(id, len, &v) ? has_int(s, v) : has_str(s, 'i', id, len);
}

int
idset_has_name(const struct idset *s, const char *name, size_t len)
{
	return has_str(s, 'u', name, len) || has_str(s, 'n', name, len);
}

/* A username as X allows them; what else a line holds names no account. */
static int
is_username(const char *p, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)p[i]) && p[i] != '_')
			return 0;
	return 1;
}

int
idset_add_word(struct idset *s, const char *word, size_t len)
{
	size_t at, n;
	uint64_t v;

	if ((n = profile_url_name(word, len, &at)) > 0) {
		idset_add_name(s, word + at, n);
		return 0;
	}
	if (len > 1 && word[0] == '@' && is_username(word + 1, len - 1)) {
		idset_add_name(s, word + 1, len - 1);
		return 0;
	}
	if (decimal_id(word, len, &v)) {
		add_int(s, v);
		return 0;
	}
	/* A bare name, as a list copied from a page gives them. */
	if (is_username(word, len)) {
		idset_add_name(s, word, len);
		return 0;
	}
	return -1;
}

/* A string or number member's text, without the quotes. */
static void
member_text(const struct json_member *m, const char **p, size_t *n)
{
	if (m->kind == JSON_STRING) {
		*p = m->val + 1;
		*n = m->vallen - 2;
	} else if (m->kind == JSON_NUMBER) {
		*p = m->val;
		*n = m->vallen;
	}
}

void
idset_record_keys(const struct record *rec, const char **id, size_t *idlen,
    const char **name, size_t *namelen)
{
	const struct json_member *m;
	struct json_member am;

	*id = *name = NULL;
	*idlen = *namelen = 0;
	if ((m = record_member(rec, "id")) != NULL)
		member_text(m, id, idlen);
	if ((m = record_member(rec, "username")) != NULL && m->kind == JSON_STRING)
		member_text(m, name, namelen);
	if (*id || *name || rec->nmembers != 1)
		return;
	m = &rec->members[0];
	if ((json_key_is(m, "follower") || json_key_is(m, "following")) &&
	    json_object_member(m, "accountId", &am))
		member_text(&am, id, idlen);
}

int
idset_add_record(struct idset *s, const struct record *rec)
{
	const char *id, *name;
	size_t idlen, namelen;

	idset_record_keys(rec, &id, &idlen, &name, &namelen);
	if (id)
		idset_add_id(s, id, idlen);
	if (name && id == NULL)
		add_str(s, 'u', name, namelen);
	else if (name && s->names_beside_ids)
		add_str(s, 'n', name, namelen);
	return id || name ? 0 : -1;
}

int
idset_has_record(const struct idset *s, const struct record *rec)
{
	const char *id, *name;
	size_t idlen, namelen;

	idset_record_keys(rec, &id, &idlen, &name, &namelen);
	if (id == NULL)
		return name && idset_has_name(s, name, namelen);
	return idset_has_id(s, id, idlen) || (name && has_str(s, 'u', name, namelen));
}

struct load {
	struct idset *set;
	record_fn each;
	void *arg;
	long accounts;		/* records and lines that added an id or a name */
};

static int
load_record(struct stream *st, const struct record *rec, void *arg)
{
	struct load *l = arg;
	size_t before = idset_count(l->set);

	if (idset_add_record(l->set, rec) < 0)
		stream_reject(st, rec, "a record without an id or a username");
	else if (l->each)
		l->each(st, rec, l->arg);
	l->accounts += idset_count(l->set) > before;
	return 0;
}

static void
load_line(struct stream *st, const struct record *rec, void *arg)
{
	struct load *l = arg;
	size_t before = idset_count(l->set);

	if (rec->len == 0 || rec->json[0] == '#')
		return;
	if (idset_add_word(l->set, rec->json, rec->len) < 0)
		stream_reject(st, rec, "neither an id, a @name, a profile URL nor a record");
	l->accounts += idset_count(l->set) > before;
}

long
idset_load(struct idset *s, struct stream *st, const char *path)
{
	return idset_load_each(s, st, path, NULL, NULL);
}

long
idset_load_each(struct idset *s, struct stream *st, const char *path, record_fn each,
    void *arg)
{
	struct load l = {s, each, arg, 0};
	char *files[1];
	int fd;

	/* A file that cannot be opened is the caller's to report: it is no bad line. */
	if (strcmp(path, "-") != 0) {
		if ((fd = open(path, O_RDONLY)) < 0)
			return -1;
		close(fd);
	}
	files[0] = (char *)path;
	stream_run_lines(st, 1, files, load_record, load_line, &l);
	return l.accounts;
}
