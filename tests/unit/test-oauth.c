/*
 * Unit tests for lib/oauth.c and lib/callback.c: the PKCE challenge (the
 * RFC's own example), the authorize URL, and the parameters of the address
 * the browser comes back to.
 */
#include <stdlib.h>
#include <string.h>

#include "callback.h"
#include "oauth.h"
#include "tap.h"

static void
param_is(const char *url, const char *name, const char *want, const char *what)
{
	char *got = callback_param(url, name);

	if (want == NULL)
		ok(got == NULL, "%s: no %s", what, name);
	else
		is_str(got, want, "%s", what);
	free(got);
}

int
main(void)
{
	char challenge[44], a[128], b[128];
	struct buf url = {0};

	/* RFC 7636, appendix B. */
	oauth_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", challenge);
	is_str(challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256 challenge of RFC 7636's verifier");

	oauth_random(a, 48);
	oauth_random(b, 48);
	ok(strlen(a) == 64 && strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == 64, "a verifier of 48 bytes: 64 base64url characters (%s)", a);
	ok(strcmp(a, b) != 0, "two verifiers differ");

	oauth_authorize_url(&url, "https://x.com/i/oauth2/authorize", "cl id",
	    "http://127.0.0.1:8080/callback", "st", "ch");
	is_str(url.p, "https://x.com/i/oauth2/authorize?response_type=code&client_id=cl%20id"
	    "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback"
	    "&scope=tweet.read%20users.read%20follows.read%20offline.access"
	    "&state=st&code_challenge=ch&code_challenge_method=S256", "the authorize URL");
	buf_free(&url);

	param_is("/callback?state=abc&code=x%2By+z", "code", "x+y z", "code, percent-decoded");
	param_is("/callback?state=abc&code=1", "state", "abc", "state");
	param_is("http://127.0.0.1:8080/callback?xstate=1&state=2#state=3", "state", "2",
	    "a longer name and the fragment are not the parameter");
	param_is("/callback?code=", "code", "", "an empty value");
	param_is("/callback?error=access_denied", "code", NULL, "absent");
	param_is("/callback?code=%zz", "code", "%zz", "a bad escape is kept as it is");
	return done_testing();
}
