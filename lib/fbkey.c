#include <string.h>

#include "fbkey.h"
#include "json.h"

static void
add_member(struct buf *out, int *first, const char *key, size_t keylen,
    const char *val, size_t vallen)
{
	if (!*first)
		buf_addc(out, ',');
	*first = 0;
	buf_addc(out, '"');
	buf_add(out, key, keylen);
	buf_adds(out, "\":");
	buf_add(out, val, vallen);
}

/* The new fb object, or nothing when it would be empty. */
static void
new_fb(struct buf *fb, const struct json_member *old, const char *subkey,
    const char *value, size_t len)
{
	int first = 1, placed = 0;

	buf_addc(fb, '{');
	if (old && old->kind == JSON_OBJECT) {
		struct json_iter it;
		struct json_member m;

		json_iter_init(&it, old->val, old->vallen);
		while (json_iter_member(&it, &m)) {
			if (json_key_is(&m, subkey)) {
				if (value && !placed)
					add_member(fb, &first, subkey, strlen(subkey), value, len);
				placed = 1;
				continue;
			}
			add_member(fb, &first, m.key, m.keylen, m.val, m.vallen);
		}
	}
	if (value && !placed)
		add_member(fb, &first, subkey, strlen(subkey), value, len);
	if (first)
		fb->len = 0;	/* empty: drop "fb" */
	else
		buf_addc(fb, '}');
}

void
fbkey_set(struct buf *out, const struct record *rec, const char *subkey,
    const char *value, size_t len)
{
	const struct json_member *fb = record_member(rec, "fb");
	struct buf nf = {0};
	const char *base = rec->json;

	new_fb(&nf, fb, subkey, value, len);
	if (fb == NULL) {
		const char *close = base + rec->len - 1;	/* the final '}' */

		if (nf.len == 0) {
			buf_add(out, base, rec->len);
		} else {
			const char *at = rec->nmembers ?
			    rec->members[rec->nmembers - 1].val + rec->members[rec->nmembers - 1].vallen :
			    base + 1;

			buf_add(out, base, (size_t)(at - base));
			buf_adds(out, rec->nmembers ? ",\"fb\":" : "\"fb\":");
			buf_add(out, nf.p, nf.len);
			buf_add(out, at, (size_t)(close + 1 - at));
		}
	} else if (nf.len > 0) {
		buf_add(out, base, (size_t)(fb->val - base));
		buf_add(out, nf.p, nf.len);
		buf_add(out, fb->val + fb->vallen,
		    rec->len - (size_t)(fb->val + fb->vallen - base));
	} else {
		/* Remove the member with one of the commas around it. */
		const char *from = fb->key - 1, *to = fb->val + fb->vallen;
		size_t idx = (size_t)(fb - rec->members);

		if (idx > 0)
			from = rec->members[idx - 1].val + rec->members[idx - 1].vallen;
		else if (rec->nmembers > 1)
			to = rec->members[1].key - 1;
		buf_add(out, base, (size_t)(from - base));
		buf_add(out, to, rec->len - (size_t)(to - base));
	}
	buf_free(&nf);
}

int
fbkey_has(const struct record *rec, const char *subkey)
{
	const struct json_member *fb = record_member(rec, "fb");
	struct json_iter it;
	struct json_member m;

	if (fb == NULL || fb->kind != JSON_OBJECT)
		return 0;
	json_iter_init(&it, fb->val, fb->vallen);
	while (json_iter_member(&it, &m))
		if (json_key_is(&m, subkey))
			return 1;
	return 0;
}
