#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "callback.h"
#include "oauth.h"
#include "signin.h"
#include "usertoken.h"
#include "util.h"

extern char **environ;

#define DEFAULT_API "https://api.x.com"

/* A file's first line, for a client id kept in a file. */
static char *
first_line(const char *file)
{
	size_t len;
	char *text = slurp_file(file, &len);

	if (text == NULL)
		die(EXIT_USAGE, "%s:", file);
	text[strcspn(text, "\r\n")] = '\0';
	if (*text == '\0')
		die(EXIT_USAGE, "%s: no client id in it", file);
	return text;
}

static char *
api_base(const char *opt)
{
	const char *env = getenv("TW_API_BASE");
	char *base = xstrdup(opt ? opt : env && *env ? env : DEFAULT_API);
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		base[--n] = '\0';
	return base;
}

/* xdg-open, when there is a display to open it on; the URL is printed anyway. */
static void
open_browser(const char *url)
{
	posix_spawn_file_actions_t fa;
	char *argv[] = { "xdg-open", (char *)url, NULL };
	pid_t pid;
	int status;

	if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
		return;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, "xdg-open", &fa, NULL, argv, environ) == 0)
		waitpid(pid, &status, 0);
	posix_spawn_file_actions_destroy(&fa);
}

/* The address the user pastes: one line on stdin. */
static char *
pasted_address(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	fprintf(stderr, "%s: after signing in, the browser goes to an address that may not "
	    "load; paste that whole address here and press Enter (within 30 seconds):\n",
	    progname);
	n = getline(&line, &cap, stdin);
	if (n <= 0)
		die(EXIT_FAIL, "no address on stdin; nothing was stored");
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

/* Constant time: how much of the state matched says nothing. */
static int
same_state(const char *a, const char *b)
{
	size_t n = strlen(a), i;
	unsigned diff = n != strlen(b);

	for (i = 0; i < n && b[i]; i++)
		diff |= (unsigned char)a[i] ^ (unsigned char)b[i];
	return diff == 0;
}

struct callback_reply {
	int conn;		/* the browser's request, to answer; -1 for a paste */
};

/* Ends the sign-in with a reason, said to the browser too. */
static _Noreturn void
fail(struct callback_reply *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static _Noreturn void
fail(struct callback_reply *r, const char *fmt, ...)
{
	struct buf msg = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_grow(&msg, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg.p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (r->conn >= 0)
		callback_answer(r->conn, 0, msg.p);
	die(EXIT_FAIL, "%s", msg.p);
}

/* The address the browser was sent to: its request on the callback, or a paste. */
static char *
redirected(const struct signin_opts *o, int listener, const char *path,
    struct callback_reply *r)
{
	struct buf target = {0};
	size_t n;

	if (o->headless)
		return pasted_address();
	fprintf(stderr, "%s: waiting for the browser at %s (for %g s)\n", progname,
	    o->redirect_uri, o->timeout);
	r->conn = callback_accept(listener, o->timeout, &target);
	close(listener);
	if (r->conn < 0)
		die(EXIT_FAIL, "the browser did not come back to %s within %g s (--timeout); "
		    "nothing was stored", o->redirect_uri, o->timeout);
	n = strcspn(target.p, "?#");
	if (strlen(path) != n || strncmp(target.p, path, n) != 0)
		fail(r, "the browser came back to another path than %s; nothing was stored",
		    path);
	return target.p;
}

void
signin(const struct signin_opts *o)
{
	struct usertoken old, t;
	struct oauth_client c;
	struct oauth_tokens got;
	struct callback_reply reply = { -1 };
	struct buf url = {0}, why = {0};
	char verifier[128], state[64], challenge[44];
	char *client_id, *secret, *back, *code, *got_state, *error, *path = NULL;
	char *api = api_base(o->api), secret_path[PATH_MAX];
	unsigned port = 0;
	int listener = -1, had = usertoken_load(&old, o->path) == 0;

	keep_secrets_out_of_dumps();
	if (o->client_id)
		client_id = xstrdup(o->client_id);
	else if (o->client_id_file)
		client_id = first_line(o->client_id_file);
	else if (had)
		client_id = xstrdup(old.client_id);
	else
		die(EXIT_USAGE, "no client id: give --client-id (the app's OAuth 2.0 Client ID, "
		    "in the developer console's \"Keys and tokens\")");
	if (o->secret_file && realpath(o->secret_file, secret_path) == NULL)
		die(EXIT_USAGE, "%s:", o->secret_file);
	secret = usertoken_secret(o->secret_file ? secret_path : NULL);
	if (!o->headless) {
		callback_uri(o->redirect_uri, &port, &path);
		/* Listening before the URL is shown: the browser cannot come back too early. */
		listener = callback_listen(port);
	}
	oauth_random(verifier, 48);
	oauth_random(state, 24);
	oauth_challenge(verifier, challenge);
	oauth_authorize_url(&url, o->authorize, client_id, o->redirect_uri, state, challenge);
	fprintf(stderr, "%s: open this address in a browser signed in to X as the owner of "
	    "the app, and let the app in:\n%s\n", progname, url.p);
	fflush(stderr);
	if (o->browser && !o->headless)
		open_browser(url.p);
	back = redirected(o, listener, path, &reply);
	error = callback_param(back, "error");
	got_state = callback_param(back, "state");
	code = callback_param(back, "code");
	if (error)
		fail(&reply, "X did not let the app in (%s); nothing was stored", error);
	if (got_state == NULL || !same_state(got_state, state))
		fail(&reply, "the state in the address is not this sign-in's (an old tab, or a "
		    "link from someone else); nothing was stored");
	if (code == NULL || *code == '\0')
		fail(&reply, "the address holds no code; nothing was stored");
	c = (struct oauth_client){ client_id, secret, api, 30 };
	switch (oauth_exchange(&c, code, verifier, o->redirect_uri, &got, &why)) {
	case OAUTH_OK:
		break;
	case OAUTH_REFUSED:
		fail(&reply, "X refused the code (%s): a code lasts 30 seconds and is good once; "
		    "run tw-auth again", why.p);
	case OAUTH_BAD_CLIENT:
		fail(&reply, "X refused the client (%s): a confidential client needs its secret "
		    "(--client-secret-file or TW_CLIENT_SECRET), a public one none", why.p);
	default:
		fail(&reply, "the token request to %s/2/oauth2/token failed: %s; run tw-auth "
		    "again", api, why.p);
	}
	memset(&t, 0, sizeof t);
	if (oauth_whoami(&c, got.access, &t.user_id, &t.username, &why) != OAUTH_OK)
		fail(&reply, "signed in, but %s/2/users/me did not say who: %s; nothing was "
		    "stored", api, why.p);
	t.path = xstrdup(o->path);
	t.client_id = client_id;
	t.secret_file = o->secret_file ? xstrdup(secret_path) : NULL;
	t.api = api;
	t.access = got.access;
	t.refresh = got.refresh;
	t.scope = got.scope;
	t.expires_at = got.expires_in ? (long long)time(NULL) + got.expires_in : 0;
	t.lifetime = got.expires_in;
	usertoken_save(&t);
	if (reply.conn >= 0) {
		struct buf msg = {0};

		buf_printf(&msg, "followback is signed in as @%s. Its reads of your own followers, "
		    "following, mentions and posts cost $0.001 each.", t.username);
		callback_answer(reply.conn, 1, msg.p);
		buf_free(&msg);
	}
	warnmsg("signed in as @%s (id %s); the tokens are in %s", t.username, t.user_id, t.path);
	if (t.refresh == NULL)
		warnmsg("X gave no refresh token (offline.access was not granted): sign in again "
		    "when the access token expires, in %ld minutes", got.expires_in / 60);
	oauth_wipe(verifier);
	oauth_wipe(code);
	oauth_wipe(secret);
	free(secret);
	free(code);
	free(got_state);
	free(back);
	free(path);
	buf_free(&url);
	buf_free(&why);
	usertoken_free(&t);
	if (had)
		usertoken_free(&old);
}

int
signin_status(const char *path)
{
	struct usertoken t;
	time_t now = time(NULL);
	char when[64];
	struct tm tm;

	if (usertoken_load(&t, path) < 0) {
		printf("not signed in (no %s); tw-auth signs in\n", path);
		return EXIT_FAIL;
	}
	printf("signed in as @%s (id %s)\n", t.username, t.user_id);
	printf("client:    %s, %s\n", t.client_id, t.secret_file ? "confidential (secret in the "
	    "file below)" : getenv("TW_CLIENT_SECRET") ? "confidential ($TW_CLIENT_SECRET)" :
	    "public");
	if (t.secret_file)
		printf("secret:    %s\n", t.secret_file);
	if (t.expires_at) {
		time_t at = (time_t)t.expires_at;

		gmtime_r(&at, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
		printf("access:    %s %s%s\n", at > now ? "valid until" : "expired at", when,
		    t.refresh ? "; the fetchers refresh it" : "; sign in again then");
	}
	printf("refresh:   %s\n", t.refresh ? "kept (rotated at each refresh)" :
	    "none (offline.access was not granted)");
	printf("scopes:    %s\n", t.scope ? t.scope : "not said");
	printf("server:    %s\n", t.api);
	printf("tokens:    %s\n", t.path);
	usertoken_free(&t);
	return EXIT_OK;
}

void
signin_revoke(const char *path)
{
	struct usertoken t;
	struct oauth_client c;
	struct buf why = {0};
	char *secret;
	enum oauth_result r = OAUTH_OK;

	if (usertoken_load(&t, path) < 0)
		die(EXIT_FAIL, "not signed in (no %s): nothing to revoke", path);
	keep_secrets_out_of_dumps();
	secret = usertoken_secret(t.secret_file);
	c = (struct oauth_client){ t.client_id, secret, t.api, 30 };
	/* The refresh token first: it is the one that lasts. */
	if (t.refresh)
		r = oauth_revoke(&c, t.refresh, &why);
	if (r == OAUTH_OK || r == OAUTH_REFUSED) {
		enum oauth_result a = oauth_revoke(&c, t.access, &why);

		r = a == OAUTH_OK ? r : a;
	}
	oauth_wipe(secret);
	free(secret);
	if (r == OAUTH_FAILED || r == OAUTH_BAD_CLIENT)
		die(EXIT_FAIL, "cannot revoke at %s/2/oauth2/revoke (%s); the tokens stay in %s: "
		    "run tw-auth --revoke again, or revoke the app at "
		    "https://x.com/settings/connected_apps", t.api, why.p, path);
	if (r == OAUTH_REFUSED)
		warnmsg("X refused a revocation (%s): the token was no longer good", why.p);
	if (unlink(path) < 0)
		die(EXIT_FAIL, "%s:", path);
	warnmsg("revoked the tokens of @%s and removed %s", t.username, path);
	usertoken_free(&t);
	buf_free(&why);
}

void
signin_logout(const char *path)
{
	if (unlink(path) < 0 && errno == ENOENT) {
		warnmsg("not signed in (no %s): nothing to remove", path);
		return;
	} else if (access(path, F_OK) == 0) {
		die(EXIT_FAIL, "%s:", path);
	}
	warnmsg("removed %s; X still lets the app in until it is revoked (tw-auth --revoke "
	    "before --logout, or https://x.com/settings/connected_apps)", path);
}
