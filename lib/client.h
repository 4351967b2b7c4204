/*
 * client.h: the account being audited (--client @name|id), and whether a
 * post speaks to it.
 *
 * fb-score counts a conversation with the client as strong evidence, and
 * fb-suggest answers what a follower asked or offered the client before
 * anything else: both ask the same question of a post, here.
 */
#ifndef FB_CLIENT_H
#define FB_CLIENT_H

#include <stddef.h>

struct client {
	char **ids;		/* decimal user ids */
	size_t nids;
	char **names;		/* usernames, lower case, without '@' */
	size_t nnames;
};

/*
 * Adds the client by "@name", "name" or a decimal id; a bare number is
 * taken as both, since a username may be all digits.
 */
void client_add(struct client *c, const char *id_or_name);
/* Whether any client was given. */
int client_given(const struct client *c);
/*
 * Whether a post speaks to the client: it replies to it (reply_to: the
 * post's in_reply_to_user_id, NULL if none), mentions it (entities: the
 * raw JSON of the post's "entities", NULL if none), or names it (@name)
 * in its text. A name that only starts another name (@ana in @anabel) is
 * not the client.
 */
int client_addressed(const struct client *c, const char *text, const char *reply_to,
    size_t reply_to_len, const char *entities, size_t entities_len);
void client_free(struct client *c);

#endif
