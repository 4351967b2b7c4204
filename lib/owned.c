#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "owned.h"
#include "usertoken.h"
#include "util.h"

/* The stored tokens, for the run: the client refreshes them as it goes. */
static struct usertoken user;

const char *
owned_account(struct fetch_opts *o, const char *account)
{
	int me = account && strcasecmp(account, "@me") == 0;
	char *path = o->auth == AUTH_USER || me || (o->auth == AUTH_AUTO && account) ?
	    usertoken_default_path() : NULL;
	int signed_in = path && usertoken_load(&user, path) == 0;
	int self = signed_in && account && usertoken_is_self(&user, account);

	free(path);
	if (!signed_in && me)
		die(EXIT_USAGE, "@me: not signed in; tw-auth signs in (README.md, \"Cheaper reads "
		    "of your own account\"), or name the account");
	if (!signed_in && o->auth == AUTH_USER)
		die(EXIT_USAGE, "--auth user: not signed in; tw-auth signs in");
	if (o->auth == AUTH_USER || (o->auth == AUTH_AUTO && self))
		o->api.user = &user;
	o->owned = self && o->api.user;
	if (!signed_in && o->auth == AUTH_AUTO)
		o->ownable = account;
	return self ? user.user_id : account;
}
