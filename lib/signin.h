/*
 * signin.h: what tw-auth does: sign in as the app's owner (OAuth 2.0
 * Authorization Code with PKCE), say who is signed in, revoke the tokens
 * or forget them.
 */
#ifndef FB_SIGNIN_H
#define FB_SIGNIN_H

#define SIGNIN_REDIRECT "http://127.0.0.1:8080/callback"
#define SIGNIN_AUTHORIZE "https://x.com/i/oauth2/authorize"

struct signin_opts {
	const char *client_id;		/* NULL: from the file, else the stored one */
	const char *client_id_file;
	const char *secret_file;	/* NULL: $TW_CLIENT_SECRET, else a public client */
	const char *redirect_uri;
	const char *api;		/* NULL: $TW_API_BASE, else https://api.x.com */
	const char *authorize;
	double timeout;			/* seconds to wait for the browser */
	int headless;			/* the user pastes the address instead */
	int browser;			/* open one when there is a display */
	const char *path;		/* the token file */
};

/* Signs in and stores the tokens; exits 1 (or 2) with the reason when it cannot. */
void signin(const struct signin_opts *o);
/* Who is signed in, on stdout; 0, or 1 when no one is. */
int signin_status(const char *path);
/* Revokes the tokens at X, then removes them; exits 1 when X cannot be asked. */
void signin_revoke(const char *path);
/* Removes the stored tokens (X still holds the grant). */
void signin_logout(const char *path);

#endif
