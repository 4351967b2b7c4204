#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jv.h>

#include "bskyauth.h"
#include "httpurl.h"
#include "json.h"
#include "quote.h"
#include "util.h"
#include "xapi.h"

/* An access token with less left than this is refreshed first: a long run outlives it. */
#define ACCESS_MARGIN (30 * 60)

static void
wipe(char *s)
{
	volatile char *v = s;

	while (s && *v)
		*v++ = '\0';
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	buf_add(arg, p, size * n);
	return size * n;
}

/* POSTs body (JSON) to base/xrpc/nsid, or GETs it when body is NULL; the status, the answer in out. */
static long
call(const struct bsky_session_opts *o, const char *nsid, const char *bearer, const char *body,
    struct buf *out)
{
	CURL *e = curl_easy_init();
	struct curl_slist *h = NULL;
	struct buf url = {0}, auth = {0};
	long status = 0;
	CURLcode rc;

	if (e == NULL)
		die(EXIT_FAIL, "cannot start a transfer");
	buf_printf(&url, "%s/xrpc/%s", o->base, nsid);
	h = curl_slist_append(h, "Content-Type: application/json");
	if (bearer) {
		buf_printf(&auth, "Authorization: Bearer %s", bearer);
		h = curl_slist_append(h, auth.p);
		wipe(auth.p);
	}
	curl_easy_setopt(e, CURLOPT_URL, url.p);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
	if (body)
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "followback/0.1");
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, out);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(o->timeout * 1000 * 4));
	/* The password and the tokens go to this server only, never in clear elsewhere. */
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	if (strncmp(o->base, "http://", 7) == 0)
		curl_easy_setopt(e, CURLOPT_PROXY, "");
	rc = curl_easy_perform(e);
	if (rc != CURLE_OK)
		die(EXIT_FAIL, "%s %s/xrpc/%s: %s", body ? "POST" : "GET", o->base, nsid,
		    curl_easy_strerror(rc));
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
	for (struct curl_slist *s = h; s; s = s->next)
		wipe(s->data);
	curl_slist_free_all(h);
	curl_easy_cleanup(e);
	buf_free(&url);
	buf_free(&auth);
	return status;
}

/* The "exp" of a JWT's payload (seconds since the epoch), or 0. */
static double
jwt_exp(const char *jwt)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	const char *p = jwt ? strchr(jwt, '.') : NULL, *end;
	struct buf json = {0};
	unsigned bits = 0, nbits = 0;
	double exp = 0;
	jv v, e;

	if (p == NULL || (end = strchr(++p, '.')) == NULL)
		return 0;
	for (; p < end; p++) {
		const char *at = strchr(alphabet, *p);

		if (at == NULL || *p == '\0')
			break;
		bits = (bits << 6) | (unsigned)(at - alphabet);
		nbits += 6;
		if (nbits >= 8) {
			nbits -= 8;
			buf_addc(&json, (char)((bits >> nbits) & 0xFF));
		}
	}
	v = jv_parse_sized(json.p ? json.p : "", (int)json.len);
	e = jv_get_kind(v) == JV_KIND_OBJECT ? jv_object_get(jv_copy(v), jv_string("exp")) : jv_invalid();
	if (jv_get_kind(e) == JV_KIND_NUMBER)
		exp = jv_number_value(e);
	jv_free(e);
	jv_free(v);
	buf_free(&json);
	return exp;
}

static const char *
field(jv v, const char *key)
{
	jv s = jv_get_kind(v) == JV_KIND_OBJECT ? jv_object_get(jv_copy(v), jv_string(key)) : jv_invalid();
	const char *p = jv_get_kind(s) == JV_KIND_STRING ? jv_string_value(s) : NULL;

	/* v holds the string: its value lives as long as v does. */
	jv_free(s);
	return p;
}

static char *
session_path(const struct bsky_session_opts *o)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct buf path = {0}, dir = {0};

	if (o->session_file)
		return xstrdup(o->session_file);
	if (xdg && *xdg)
		buf_printf(&dir, "%s/followback", xdg);
	else if (home && *home)
		buf_printf(&dir, "%s/.config/followback", home);
	else
		die(EXIT_USAGE, "no HOME: give --session FILE");
	buf_printf(&path, "%s/bsky-session", dir.p);
	buf_free(&dir);
	return path.p;
}

/* The session kept in path, or null; a file others can read is refused. */
static jv
session_load(const char *path)
{
	char *text;
	jv v;

	if (access(path, F_OK) != 0)
		return jv_null();
	text = xapi_read_secret(path);
	v = jv_parse(text);
	wipe(text);
	free(text);
	if (jv_get_kind(v) != JV_KIND_OBJECT) {
		jv_free(v);
		return jv_null();	/* written by something else: a new session replaces it */
	}
	return v;
}

/* Writes the session aside, private from its creation, then in place. */
static void
session_save(const char *path, jv v)
{
	struct buf tmp = {0}, dir = {0};
	jv text = jv_dump_string(jv_copy(v), 0);
	const char *s = jv_string_value(text), *slash = strrchr(path, '/');
	size_t n = strlen(s);
	int fd;

	if (slash && slash != path) {
		buf_add(&dir, path, (size_t)(slash - path));
		if (mkdir(dir.p, 0700) < 0 && errno != EEXIST) {
			/* ~/.config may not exist yet either */
			char *up = strrchr(dir.p, '/');

			if (up && up != dir.p) {
				*up = '\0';
				mkdir(dir.p, 0700);
				*up = '/';
			}
			if (mkdir(dir.p, 0700) < 0 && errno != EEXIST)
				die(EXIT_FAIL, "%s:", dir.p);
		}
	}
	buf_printf(&tmp, "%s.%ld.tmp", path, (long)getpid());
	fd = open(tmp.p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, s, n) != (ssize_t)n || write(fd, "\n", 1) != 1 || fsync(fd) < 0 ||
	    close(fd) < 0 || rename(tmp.p, path) < 0) {
		unlink(tmp.p);
		die(EXIT_FAIL, "%s:", path);
	}
	wipe((char *)s);
	jv_free(text);
	buf_free(&tmp);
	buf_free(&dir);
}

/* The server's refusal, as one line that shows no secret (the answer has none). */
static void
refusal(const struct buf *body, struct buf *out)
{
	jv v = jv_parse_sized(body->p ? body->p : "", (int)body->len);
	const char *e = field(v, "error"), *m = field(v, "message");

	if (m)
		quote_visible(out, m, strlen(m));
	else
		buf_adds(out, "no details");
	if (e) {
		buf_adds(out, " (");
		quote_visible(out, e, strlen(e));
		buf_addc(out, ')');
	}
	jv_free(v);
}

static char *
read_password(const struct bsky_session_opts *o)
{
	const char *env = getenv("BSKY_APP_PASSWORD");
	char *pw, *e;

	if (o->password_file)
		pw = xapi_read_secret(o->password_file);
	else if (env && *env)
		pw = xstrdup(env);
	else
		die(EXIT_USAGE, "no session and no app password: set BSKY_APP_PASSWORD or give "
		    "--password-file (create an app password in Bluesky's Settings, Privacy and "
		    "security, App passwords)");
	for (e = pw + strlen(pw); e > pw && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' '); e--)
		e[-1] = '\0';
	if (*pw == '\0')
		die(EXIT_USAGE, "%s: the app password is empty",
		    o->password_file ? o->password_file : "BSKY_APP_PASSWORD");
	keep_secrets_out_of_dumps();
	return pw;
}

/* The session an answer holds; the answer, which holds its tokens, is wiped. */
static jv
session_of(struct buf *out)
{
	jv v = jv_parse_sized(out->p ? out->p : "", (int)out->len);

	wipe(out->p);
	buf_free(out);
	return v;
}

static jv
create(const struct bsky_session_opts *o)
{
	char *pw = read_password(o);
	jv body = JV_OBJECT(jv_string("identifier"), jv_string(o->handle), jv_string("password"),
	    jv_string(pw)), text = jv_dump_string(body, 0);
	struct buf out = {0}, why = {0};
	long status;

	wipe(pw);
	free(pw);
	status = call(o, "com.atproto.server.createSession", NULL, jv_string_value(text), &out);
	wipe((char *)jv_string_value(text));
	jv_free(text);
	if (status != 200) {
		refusal(&out, &why);
		die(EXIT_FAIL, "%s: Bluesky refused the sign-in (%ld: %s)%s", o->handle, status, why.p,
		    status == 429 ? ": Bluesky allows 30 sign-ins in 5 minutes and 300 a day" :
		    status == 401 ? ": check the handle and the app password" : "");
	}
	return session_of(&out);
}

static jv
refresh(const struct bsky_session_opts *o, jv s)
{
	struct buf out = {0};
	long status = call(o, "com.atproto.server.refreshSession", field(s, "refreshJwt"), "", &out);

	jv_free(s);
	/* A refresh token expired or revoked: a new session, once. */
	if (status != 200) {
		buf_free(&out);
		return jv_null();
	}
	return session_of(&out);
}

/* Whether the server still takes the session's access token (it may have revoked it). */
static int
alive(const struct bsky_session_opts *o, jv s)
{
	struct buf out = {0};
	long status = call(o, "com.atproto.server.getSession", field(s, "accessJwt"), NULL, &out);

	buf_free(&out);
	return status == 200;
}

static int
usable(jv s, const char *handle, double margin)
{
	const char *h = field(s, "handle"), *d = field(s, "did"), *a = field(s, "accessJwt");

	return h && a && field(s, "refreshJwt") && (strcasecmp(h, handle) == 0 ||
	    (d && strcmp(d, handle) == 0)) && jwt_exp(a) > (double)time(NULL) + margin;
}

char *
bsky_session(const struct bsky_session_opts *o)
{
	char *path = session_path(o), *tok;
	jv s = session_load(path);
	int keep;

	if (!url_allowed(o->base))
		die(EXIT_USAGE, "%s: expected an https:// URL, or http:// to this machine", o->base);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		die(EXIT_FAIL, "cannot start libcurl");
	keep = jv_get_kind(s) == JV_KIND_OBJECT && usable(s, o->handle, ACCESS_MARGIN) && alive(o, s);
	if (jv_get_kind(s) == JV_KIND_OBJECT && !keep) {
		const char *h = field(s, "handle"), *d = field(s, "did");

		if (h && (strcasecmp(h, o->handle) == 0 || (d && strcmp(d, o->handle) == 0)) &&
		    jwt_exp(field(s, "refreshJwt")) > (double)time(NULL) + 60)
			s = refresh(o, s);
		else {
			jv_free(s);
			s = jv_null();
		}
	}
	if (jv_get_kind(s) != JV_KIND_OBJECT) {
		jv_free(s);
		s = create(o);
	}
	if (!usable(s, o->handle, 0))
		die(EXIT_FAIL, "%s: the server's session is not one this program can use", o->handle);
	if (!keep)
		session_save(path, s);
	tok = xstrdup(field(s, "accessJwt"));
	wipe((char *)field(s, "accessJwt"));
	wipe((char *)field(s, "refreshJwt"));
	jv_free(s);
	free(path);
	curl_global_cleanup();
	return tok;
}
