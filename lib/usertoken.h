/*
 * usertoken.h: the user-context tokens tw-auth stores, and their upkeep.
 *
 * One JSON file (default ~/.config/followback/user.json), mode 0600,
 * replaced atomically, refused when anyone but its owner can read it. An
 * access token lives two hours: it is refreshed shortly before, and once
 * after the API refuses it; X rotates the refresh token at each refresh,
 * so the new one is saved before the new access token is used. Programs
 * that run at once (a pipeline) refresh one at a time under a lock on
 * FILE.lock, and take up a refresh another one made.
 */
#ifndef FB_USERTOKEN_H
#define FB_USERTOKEN_H

/*
 * An access token expiring within this many seconds is refreshed first (or
 * within half its lifetime, if that is shorter).
 */
#define USERTOKEN_MARGIN 300

struct usertoken {
	char *path;
	char *client_id;
	char *secret_file;	/* a confidential client's secret, or NULL */
	char *api;		/* where the token endpoint is */
	char *access;
	char *refresh;
	char *scope;
	char *user_id;		/* the same string for the life of t */
	char *username;
	long long expires_at;	/* seconds since the epoch; 0: not said */
	long lifetime;		/* seconds an access token lasts, as X last said */
	unsigned generation;	/* counts the access tokens this process used */
};

/* $XDG_CONFIG_HOME/followback/user.json, else ~/.config/...; NULL without either. */
char *usertoken_default_path(void);
/*
 * Reads the file at path into t: 0, or -1 when there is none. Exits 2 when
 * it is unsafe (others can read it, not a regular file, not the user's) or
 * not a token file.
 */
int usertoken_load(struct usertoken *t, const char *path);
/* Writes t to t->path atomically, mode 0600 (its directory 0700 if made). */
void usertoken_save(const struct usertoken *t);
void usertoken_free(struct usertoken *t);

/*
 * The client secret: $TW_CLIENT_SECRET, else the file (private, like a
 * token file), else NULL (a public client). To free with oauth_wipe first.
 */
char *usertoken_secret(const char *file);

/* The access token, refreshed first when it expires within the margin. */
const char *usertoken_access(struct usertoken *t);
/*
 * After the API refused the access token: a new one, unless another
 * program made one since. Exits 1 when the refresh token no longer works
 * ("run tw-auth again").
 */
void usertoken_renew(struct usertoken *t);

/* Whether account (@name, name or id) is the signed-in user, or @me. */
int usertoken_is_self(const struct usertoken *t, const char *account);

#endif
