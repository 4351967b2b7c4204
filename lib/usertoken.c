#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jv.h>

#include "buf.h"
#include "json.h"
#include "oauth.h"
#include "usertoken.h"
#include "util.h"
#include "xapi.h"

/* A token file is a few hundred bytes: anything much larger is not one. */
#define MAX_FILE (64 * 1024)

char *
usertoken_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct buf path = {0};

	if (xdg && *xdg)
		buf_printf(&path, "%s/followback/user.json", xdg);
	else if (home && *home)
		buf_printf(&path, "%s/.config/followback/user.json", home);
	return path.p;
}

/* The file's text, from the descriptor whose owner and mode were checked. */
static char *
read_private(const char *path)
{
	struct stat st;
	struct buf b = {0};
	char chunk[1024];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);

	if (fd < 0 && errno == ENOENT)
		return NULL;
	if (fd < 0 || fstat(fd, &st) < 0)
		die(EXIT_USAGE, "%s:", path);
	if (!S_ISREG(st.st_mode))
		die(EXIT_USAGE, "%s: not a regular file", path);
	if (st.st_uid != geteuid())
		die(EXIT_USAGE, "%s: another user owns it; the tokens must be yours alone", path);
	if (st.st_mode & (S_IRWXG | S_IRWXO))
		die(EXIT_USAGE, "%s: group or others can read it; the tokens must be private "
		    "(chmod 600 %s, and revoke them with tw-auth --revoke if others read them)",
		    path, path);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || b.len + (size_t)n > MAX_FILE)
			die(EXIT_USAGE, "%s: %s", path, n < 0 ? strerror(errno) : "too long for a token file");
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	oauth_wipe(chunk);
	return b.p ? b.p : xstrdup("");
}

static char *
string_member(jv v, const char *key)
{
	jv s = jv_object_get(jv_copy(v), jv_string(key));
	char *r = jv_get_kind(s) == JV_KIND_STRING && jv_string_length_bytes(jv_copy(s)) > 0 ?
	    xstrdup(jv_string_value(s)) : NULL;

	jv_free(s);
	return r;
}

int
usertoken_load(struct usertoken *t, const char *path)
{
	char *text = read_private(path);
	jv v, n;

	memset(t, 0, sizeof *t);
	if (text == NULL)
		return -1;
	v = jv_parse(text);
	oauth_wipe(text);
	free(text);
	if (jv_get_kind(v) != JV_KIND_OBJECT)
		die(EXIT_USAGE, "%s: not a token file of tw-auth's; sign in again with tw-auth", path);
	t->path = xstrdup(path);
	t->client_id = string_member(v, "client_id");
	t->secret_file = string_member(v, "client_secret_file");
	t->api = string_member(v, "api");
	t->access = string_member(v, "access_token");
	t->refresh = string_member(v, "refresh_token");
	t->scope = string_member(v, "scope");
	t->user_id = string_member(v, "user_id");
	t->username = string_member(v, "username");
	n = jv_object_get(jv_copy(v), jv_string("expires_at"));
	if (jv_get_kind(n) == JV_KIND_NUMBER)
		t->expires_at = (long long)jv_number_value(n);
	jv_free(n);
	n = jv_object_get(jv_copy(v), jv_string("expires_in"));
	if (jv_get_kind(n) == JV_KIND_NUMBER)
		t->lifetime = (long)jv_number_value(n);
	jv_free(n);
	jv_free(v);
	if (!t->client_id || !t->api || !t->access || !t->user_id || !t->username)
		die(EXIT_USAGE, "%s: not a token file of tw-auth's; sign in again with tw-auth", path);
	return 0;
}

static void
put(struct buf *b, const char *key, const char *value)
{
	if (value == NULL)
		return;
	buf_printf(b, "%s\"%s\":", b->len > 1 ? "," : "", key);
	json_escape(b, value, strlen(value));
}

/* The directory of path, made private if it is made now. */
static void
make_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;

	if (slash == NULL || slash == path)
		return;
	dir = xstrndup(path, (size_t)(slash - path));
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		/* ~/.config may not exist yet either. */
		char *up = strrchr(dir, '/');

		if (up && up != dir) {
			*up = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				die(EXIT_FAIL, "%s:", dir);
			*up = '/';
		}
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			die(EXIT_FAIL, "%s:", dir);
	}
	free(dir);
}

void
usertoken_save(const struct usertoken *t)
{
	struct buf b = {0}, tmp = {0};
	int fd;

	buf_addc(&b, '{');
	put(&b, "client_id", t->client_id);
	put(&b, "client_secret_file", t->secret_file);
	put(&b, "api", t->api);
	put(&b, "user_id", t->user_id);
	put(&b, "username", t->username);
	put(&b, "scope", t->scope);
	put(&b, "access_token", t->access);
	put(&b, "refresh_token", t->refresh);
	buf_printf(&b, ",\"expires_in\":%ld,\"expires_at\":%lld}\n", t->lifetime, t->expires_at);
	make_dir(t->path);
	buf_printf(&tmp, "%s.tmp", t->path);
	/* Made anew, private from the start: a link planted there is not written through. */
	if (unlink(tmp.p) < 0 && errno != ENOENT)
		die(EXIT_FAIL, "%s:", tmp.p);
	fd = open(tmp.p, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, b.p, b.len) != (ssize_t)b.len || fsync(fd) < 0 || close(fd) < 0)
		die(EXIT_FAIL, "%s:", tmp.p);
	/* The rename is the commit: the old tokens stay whole until the new ones are. */
	if (rename(tmp.p, t->path) < 0)
		die(EXIT_FAIL, "%s:", t->path);
	oauth_wipe(b.p);
	buf_free(&b);
	buf_free(&tmp);
}

static void
free_secret(char *s)
{
	oauth_wipe(s);
	free(s);
}

void
usertoken_free(struct usertoken *t)
{
	free(t->path);
	free(t->client_id);
	free(t->secret_file);
	free(t->api);
	free_secret(t->access);
	free_secret(t->refresh);
	free(t->scope);
	free(t->user_id);
	free(t->username);
	memset(t, 0, sizeof *t);
}

char *
usertoken_secret(const char *file)
{
	const char *env = getenv("TW_CLIENT_SECRET");
	char *s, *e;

	if (env && *env)
		return xstrdup(env);
	if (file == NULL)
		return NULL;
	s = xapi_read_secret(file);
	/* The file's newline is not part of the secret. */
	for (e = s + strlen(s); e > s && strchr("\r\n ", e[-1]); )
		*--e = '\0';
	if (*s == '\0')
		die(EXIT_USAGE, "%s: the client secret is empty", file);
	return s;
}

/* FILE.lock, held while a refresh reads, asks and writes. */
static int
lock(const struct usertoken *t)
{
	struct buf name = {0};
	int fd;

	buf_printf(&name, "%s.lock", t->path);
	fd = open(name.p, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		die(EXIT_FAIL, "%s:", name.p);
	while (flock(fd, LOCK_EX) < 0)
		if (errno != EINTR)
			die(EXIT_FAIL, "%s:", name.p);
	buf_free(&name);
	return fd;
}

/* Whether the access token expires within the margin. */
static int
due(const struct usertoken *t)
{
	long margin = USERTOKEN_MARGIN;

	/* A lifetime shorter than twice the margin would be refreshed at every request. */
	if (t->lifetime > 0 && t->lifetime / 2 < margin)
		margin = t->lifetime / 2;
	return t->expires_at != 0 && t->expires_at <= (long long)time(NULL) + margin;
}

/* t becomes from; the user's id stays the same string, which callers hold. */
static void
take(struct usertoken *t, struct usertoken *from)
{
	unsigned generation = t->generation;
	char *id = t->user_id;

	/* Signed in as someone else since: this run's requests are not theirs to make. */
	if (strcmp(id, from->user_id) != 0)
		die(EXIT_FAIL, "%s: @%s signed in since this run started, as @%s; run it again",
		    t->path, from->username, t->username);
	t->user_id = NULL;
	usertoken_free(t);
	*t = *from;
	t->generation = generation + 1;
	free(t->user_id);
	t->user_id = id;
}

/*
 * A refresh, under the lock: the file as it is now first, in case another
 * program refreshed since this one read it (X's refresh tokens are single
 * use: the one this program holds would be refused). refused says the
 * access token in hand was refused, so any other one is worth a try.
 */
static void
refresh(struct usertoken *t, int refused)
{
	struct usertoken now;
	struct oauth_client c;
	struct oauth_tokens got;
	struct buf why = {0};
	enum oauth_result r;
	char *secret;
	int fd = lock(t);

	if (usertoken_load(&now, t->path) < 0)
		die(EXIT_FAIL, "%s: the tokens were removed (tw-auth --logout?); sign in again "
		    "with tw-auth", t->path);
	if (refused ? strcmp(now.access, t->access) != 0 : !due(&now)) {
		take(t, &now);
		close(fd);
		return;
	}
	if (now.refresh == NULL)
		die(EXIT_FAIL, "%s: the access token %s and there is no refresh token (was "
		    "offline.access granted?); sign in again with tw-auth", t->path,
		    refused ? "was refused" : "expires");
	secret = usertoken_secret(now.secret_file);
	c = (struct oauth_client){ now.client_id, secret, now.api, 30 };
	r = oauth_refresh(&c, now.refresh, &got, &why);
	free_secret(secret);
	if (r == OAUTH_REFUSED)
		die(EXIT_FAIL, "the sign-in no longer works: the refresh token was refused (%s); "
		    "run tw-auth again", why.p);
	if (r == OAUTH_BAD_CLIENT)
		die(EXIT_FAIL, "X refused the client when refreshing the user token (%s): a "
		    "confidential client's secret must be at hand (%s)", why.p, now.secret_file ?
		    now.secret_file : "TW_CLIENT_SECRET");
	if (r != OAUTH_OK)
		die(EXIT_FAIL, "cannot refresh the user token at %s/2/oauth2/token: %s; run again "
		    "later", now.api, why.p);
	free_secret(now.access);
	now.access = got.access;
	/* X rotates the refresh token: the old one is dead now, the new one must be kept. */
	if (got.refresh) {
		free_secret(now.refresh);
		now.refresh = got.refresh;
	}
	if (got.scope) {
		free(now.scope);
		now.scope = got.scope;
	}
	now.expires_at = got.expires_in ? (long long)time(NULL) + got.expires_in : 0;
	now.lifetime = got.expires_in;
	usertoken_save(&now);
	close(fd);
	take(t, &now);
	buf_free(&why);
}

const char *
usertoken_access(struct usertoken *t)
{
	if (due(t))
		refresh(t, 0);
	return t->access;
}

void
usertoken_renew(struct usertoken *t)
{
	refresh(t, 1);
}

int
usertoken_is_self(const struct usertoken *t, const char *account)
{
	if (account[0] == '@')
		account++;
	return strcasecmp(account, "me") == 0 || strcmp(account, t->user_id) == 0 ||
	    strcasecmp(account, t->username) == 0;
}
