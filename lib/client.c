#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "client.h"
#include "json.h"
#include "util.h"

static void
push(char ***v, size_t *n, const char *s, size_t len)
{
	char *copy = xmalloc(len + 1);
	size_t i;

	for (i = 0; i < len; i++)
		copy[i] = (char)tolower((unsigned char)s[i]);
	copy[len] = '\0';
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = copy;
}

void
client_add(struct client *c, const char *who)
{
	size_t len, i;
	int named;

	while (*who == ' ')
		who++;
	named = *who == '@';
	who += named;
	len = strlen(who);
	while (len && who[len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	for (i = 0; i < len && isdigit((unsigned char)who[i]); i++)
		;
	if (!named && i == len)
		push(&c->ids, &c->nids, who, len);
	push(&c->names, &c->nnames, who, len);
}

int
client_given(const struct client *c)
{
	return c->nids + c->nnames > 0;
}

static int
is_id(const struct client *c, const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < c->nids; i++)
		if (strlen(c->ids[i]) == len && memcmp(c->ids[i], id, len) == 0)
			return 1;
	return 0;
}

static int
is_name(const struct client *c, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < c->nnames; i++)
		if (strlen(c->names[i]) == len && strncasecmp(c->names[i], name, len) == 0)
			return 1;
	return 0;
}

/* Whether entities.mentions holds the client, by id or by username. */
static int
mentioned(const struct client *c, const char *entities, size_t len)
{
	struct json_iter it, list, one;
	struct json_member m, field;
	const char *v;
	size_t vlen;
	enum json_kind kind;
	int found = 0;

	json_iter_init(&it, entities, len);
	while (!found && json_iter_member(&it, &m)) {
		if (!json_key_is(&m, "mentions") || m.kind != JSON_ARRAY)
			continue;
		json_iter_init(&list, m.val, m.vallen);
		while (!found && json_iter_element(&list, &v, &vlen, &kind)) {
			if (kind != JSON_OBJECT)
				continue;
			json_iter_init(&one, v, vlen);
			while (!found && json_iter_member(&one, &field)) {
				if (field.kind != JSON_STRING)
					continue;
				if (json_key_is(&field, "id"))
					found = is_id(c, field.val + 1, field.vallen - 2);
				else if (json_key_is(&field, "username"))
					found = is_name(c, field.val + 1, field.vallen - 2);
			}
		}
	}
	return found;
}

int
client_addressed(const struct client *c, const char *text, const char *reply_to,
    size_t reply_to_len, const char *entities, size_t entities_len)
{
	const char *at;

	if (reply_to && is_id(c, reply_to, reply_to_len))
		return 1;
	if (entities && entities_len && entities[0] == '{' && mentioned(c, entities, entities_len))
		return 1;
	for (at = text; at && (at = strchr(at, '@')) != NULL; at++) {
		size_t n = 0;

		while (isalnum((unsigned char)at[1 + n]) || at[1 + n] == '_')
			n++;
		if (n && is_name(c, at + 1, n))
			return 1;
	}
	return 0;
}

void
client_free(struct client *c)
{
	size_t i;

	for (i = 0; i < c->nids; i++)
		free(c->ids[i]);
	for (i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->ids);
	free(c->names);
	c->ids = c->names = NULL;
	c->nids = c->nnames = 0;
}
