/*
 * oauth.h: X's OAuth 2.0 Authorization Code flow with PKCE (S256), as a
 * command-line program runs it: the authorize URL, the exchange of the
 * code for tokens, their refresh and revocation.
 *
 * Nothing here prints a token, a code or a verifier: errors name the
 * endpoint and what the server said, which holds none of them.
 */
#ifndef FB_OAUTH_H
#define FB_OAUTH_H

#include "buf.h"

/* What the owned reads need, and offline.access for a refresh token. */
#define OAUTH_SCOPES "tweet.read users.read follows.read offline.access"

struct oauth_client {
	const char *client_id;
	const char *secret;	/* NULL: a public client (PKCE only) */
	const char *api;	/* the token and revoke endpoints' base URL */
	double timeout;		/* seconds a request may take */
};

struct oauth_tokens {
	char *access;
	char *refresh;		/* NULL when the server gave none */
	char *scope;
	long expires_in;	/* seconds; 0 when not said */
};

enum oauth_result {
	OAUTH_OK,
	OAUTH_REFUSED,		/* the grant is no good: expired, used, revoked */
	OAUTH_BAD_CLIENT,	/* the client's id or secret (or its lack) is refused */
	OAUTH_FAILED		/* the network or the server: nothing was decided */
};

/* n random bytes as base64url, without padding, into out (4n/3 + 2 bytes). */
void oauth_random(char *out, size_t n);
/* The S256 challenge of a verifier: BASE64URL(SHA-256(verifier)), 44 bytes. */
void oauth_challenge(const char *verifier, char out[44]);

/* The URL the user opens to let the client in. */
void oauth_authorize_url(struct buf *out, const char *authorize, const char *client_id,
    const char *redirect_uri, const char *state, const char *challenge);

/*
 * The token endpoint: a code (with its verifier and redirect URI) or a
 * refresh token for new tokens. On failure, why holds the server's words.
 */
enum oauth_result oauth_exchange(const struct oauth_client *c, const char *code,
    const char *verifier, const char *redirect_uri, struct oauth_tokens *t, struct buf *why);
enum oauth_result oauth_refresh(const struct oauth_client *c, const char *refresh,
    struct oauth_tokens *t, struct buf *why);
/* Revokes a token (an access or a refresh token). */
enum oauth_result oauth_revoke(const struct oauth_client *c, const char *token,
    struct buf *why);

/*
 * GET /2/users/me with an access token: the signed-in user's id and
 * username (to free).
 */
enum oauth_result oauth_whoami(const struct oauth_client *c, const char *access,
    char **id, char **username, struct buf *why);

/* Frees the tokens, their memory wiped first. */
void oauth_tokens_free(struct oauth_tokens *t);
/* Overwrites a secret's bytes before its memory is freed. */
void oauth_wipe(char *s);

#endif
