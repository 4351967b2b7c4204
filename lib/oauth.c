#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jv.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "httpurl.h"
#include "oauth.h"
#include "quote.h"
#include "util.h"

/* The largest answer the token endpoint or /2/users/me may send. */
#define MAX_ANSWER (64 * 1024)

void
oauth_wipe(char *s)
{
	volatile char *v = s;

	while (s && *v)
		*v++ = '\0';
}

/* bytes as base64url without padding (RFC 7636, appendix A). */
static void
base64url(char *out, const unsigned char *bytes, size_t n)
{
	char *p;

	EVP_EncodeBlock((unsigned char *)out, bytes, (int)n);
	for (p = out; *p && *p != '='; p++)
		if (*p == '+')
			*p = '-';
		else if (*p == '/')
			*p = '_';
	*p = '\0';
}

void
oauth_random(char *out, size_t n)
{
	unsigned char bytes[64];

	if (n > sizeof bytes || RAND_bytes(bytes, (int)n) != 1)
		die(EXIT_FAIL, "no random bytes for the sign-in");
	base64url(out, bytes, n);
	OPENSSL_cleanse(bytes, sizeof bytes);
}

void
oauth_challenge(const char *verifier, char out[44])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (EVP_Digest(verifier, strlen(verifier), md, &n, EVP_sha256(), NULL) != 1 || n != 32)
		die(EXIT_FAIL, "SHA-256 failed");
	base64url(out, md, n);
}

/* Appends s percent-encoded as a form or query value (RFC 3986 unreserved kept). */
static void
form_value(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    strchr("-._~", c))
			buf_addc(out, (char)c);
		else {
			buf_addc(out, '%');
			buf_addc(out, hex[c >> 4]);
			buf_addc(out, hex[c & 15]);
		}
	}
}

static void
form_pair(struct buf *out, const char *name, const char *value)
{
	if (out->len)
		buf_addc(out, '&');
	buf_adds(out, name);
	buf_addc(out, '=');
	form_value(out, value);
}

void
oauth_authorize_url(struct buf *out, const char *authorize, const char *client_id,
    const char *redirect_uri, const char *state, const char *challenge)
{
	struct buf q = {0};

	form_pair(&q, "response_type", "code");
	form_pair(&q, "client_id", client_id);
	form_pair(&q, "redirect_uri", redirect_uri);
	form_pair(&q, "scope", OAUTH_SCOPES);
	form_pair(&q, "state", state);
	form_pair(&q, "code_challenge", challenge);
	form_pair(&q, "code_challenge_method", "S256");
	buf_printf(out, "%s%c%s", authorize, strchr(authorize, '?') ? '&' : '?', q.p);
	buf_free(&q);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct buf *b = arg;

	if (b->len + size * n > MAX_ANSWER)
		return 0;
	buf_add(b, p, size * n);
	return size * n;
}

/* The server's own words for a refusal: error_description, error, detail or title. */
static void
refusal(const struct buf *body, long status, struct buf *why)
{
	static const char *const keys[] = { "error_description", "error", "detail", "title" };
	jv v = jv_parse_sized(body->p ? body->p : "", (int)body->len);
	size_t i;

	buf_printf(why, "%ld", status);
	for (i = 0; jv_get_kind(v) == JV_KIND_OBJECT && i < sizeof keys / sizeof *keys; i++) {
		jv s = jv_object_get(jv_copy(v), jv_string(keys[i]));

		if (jv_get_kind(s) == JV_KIND_STRING) {
			buf_adds(why, ": ");
			quote_visible(why, jv_string_value(s), (size_t)jv_string_length_bytes(jv_copy(s)));
			jv_free(s);
			break;
		}
		jv_free(s);
	}
	jv_free(v);
}

/*
 * One request to the API's host: a POST of form (with the client's
 * credentials), or a GET with a bearer token. The answer's body in body.
 */
static enum oauth_result
request(const struct oauth_client *c, const char *path, const char *form, const char *bearer,
    struct buf *body, struct buf *why)
{
	CURL *e;
	struct buf url = {0}, auth = {0};
	struct curl_slist *headers = NULL;
	long status = 0;
	CURLcode rc;
	enum oauth_result r;

	if (!url_allowed(c->api))
		die(EXIT_USAGE, "%s: expected an https:// URL, or http:// to this machine", c->api);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 || (e = curl_easy_init()) == NULL)
		die(EXIT_FAIL, "cannot start libcurl");
	buf_printf(&url, "%s%s", c->api, path);
	curl_easy_setopt(e, CURLOPT_URL, url.p);
	if (form) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, form);
		/* A confidential client proves itself with Basic auth instead of its id. */
		if (c->secret) {
			curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
			curl_easy_setopt(e, CURLOPT_USERNAME, c->client_id);
			curl_easy_setopt(e, CURLOPT_PASSWORD, c->secret);
		}
	}
	if (bearer) {
		buf_printf(&auth, "Authorization: Bearer %s", bearer);
		headers = curl_slist_append(NULL, auth.p);
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
	}
	curl_easy_setopt(e, CURLOPT_USERAGENT, "followback/" "0.1");
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, body);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(c->timeout * 1000));
	/* The tokens go to the API's host alone: no redirect, no proxy for http://. */
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	if (strncmp(c->api, "http://", 7) == 0)
		curl_easy_setopt(e, CURLOPT_PROXY, "");
	rc = curl_easy_perform(e);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK) {
		buf_printf(why, "%s", curl_easy_strerror(rc));
		r = OAUTH_FAILED;
	} else if (status == 200) {
		r = OAUTH_OK;
	} else {
		refusal(body, status, why);
		/* 400 and 401 are the server's no; anything else may pass. */
		r = status == 400 ? OAUTH_REFUSED : status == 401 ? OAUTH_BAD_CLIENT : OAUTH_FAILED;
	}
	curl_slist_free_all(headers);
	curl_easy_cleanup(e);
	curl_global_cleanup();
	oauth_wipe(auth.p);
	buf_free(&auth);
	buf_free(&url);
	return r;
}

/* A string member of an object, copied, or NULL. */
static char *
member(jv v, const char *key)
{
	jv s = jv_object_get(jv_copy(v), jv_string(key));
	char *r = jv_get_kind(s) == JV_KIND_STRING ? xstrdup(jv_string_value(s)) : NULL;

	jv_free(s);
	return r;
}

static enum oauth_result
token_request(const struct oauth_client *c, struct buf *form, struct oauth_tokens *t,
    struct buf *why)
{
	struct buf body = {0};
	enum oauth_result r;
	jv v, n;

	memset(t, 0, sizeof *t);
	if (c->secret == NULL)
		form_pair(form, "client_id", c->client_id);
	r = request(c, "/2/oauth2/token", form->p, NULL, &body, why);
	oauth_wipe(form->p);
	if (r != OAUTH_OK) {
		oauth_wipe(body.p);
		buf_free(&body);
		return r;
	}
	v = jv_parse_sized(body.p, (int)body.len);
	oauth_wipe(body.p);
	buf_free(&body);
	if (jv_get_kind(v) == JV_KIND_OBJECT) {
		t->access = member(v, "access_token");
		t->refresh = member(v, "refresh_token");
		t->scope = member(v, "scope");
		n = jv_object_get(jv_copy(v), jv_string("expires_in"));
		if (jv_get_kind(n) == JV_KIND_NUMBER && jv_number_value(n) > 0)
			t->expires_in = (long)jv_number_value(n);
		jv_free(n);
	}
	jv_free(v);
	if (t->access == NULL || *t->access == '\0') {
		oauth_tokens_free(t);
		buf_adds(why, "the answer holds no access_token");
		return OAUTH_FAILED;
	}
	return OAUTH_OK;
}

enum oauth_result
oauth_exchange(const struct oauth_client *c, const char *code, const char *verifier,
    const char *redirect_uri, struct oauth_tokens *t, struct buf *why)
{
	struct buf form = {0};
	enum oauth_result r;

	form_pair(&form, "grant_type", "authorization_code");
	form_pair(&form, "code", code);
	form_pair(&form, "redirect_uri", redirect_uri);
	form_pair(&form, "code_verifier", verifier);
	r = token_request(c, &form, t, why);
	buf_free(&form);
	return r;
}

enum oauth_result
oauth_refresh(const struct oauth_client *c, const char *refresh, struct oauth_tokens *t,
    struct buf *why)
{
	struct buf form = {0};
	enum oauth_result r;

	form_pair(&form, "grant_type", "refresh_token");
	form_pair(&form, "refresh_token", refresh);
	r = token_request(c, &form, t, why);
	buf_free(&form);
	return r;
}

enum oauth_result
oauth_revoke(const struct oauth_client *c, const char *token, struct buf *why)
{
	struct buf form = {0}, body = {0};
	enum oauth_result r;

	form_pair(&form, "token", token);
	if (c->secret == NULL)
		form_pair(&form, "client_id", c->client_id);
	r = request(c, "/2/oauth2/revoke", form.p, NULL, &body, why);
	oauth_wipe(form.p);
	buf_free(&form);
	buf_free(&body);
	return r;
}

enum oauth_result
oauth_whoami(const struct oauth_client *c, const char *access, char **id, char **username,
    struct buf *why)
{
	struct buf body = {0};
	enum oauth_result r = request(c, "/2/users/me", NULL, access, &body, why);
	jv v, data;

	*id = *username = NULL;
	if (r == OAUTH_OK) {
		v = jv_parse_sized(body.p ? body.p : "", (int)body.len);
		data = jv_get_kind(v) == JV_KIND_OBJECT ?
		    jv_object_get(jv_copy(v), jv_string("data")) : jv_invalid();
		if (jv_get_kind(data) == JV_KIND_OBJECT) {
			*id = member(data, "id");
			*username = member(data, "username");
		}
		jv_free(data);
		jv_free(v);
		if (*id == NULL || *username == NULL) {
			free(*id);
			free(*username);
			*id = *username = NULL;
			buf_adds(why, "GET /2/users/me: the answer names no user");
			r = OAUTH_FAILED;
		}
	}
	buf_free(&body);
	return r;
}

void
oauth_tokens_free(struct oauth_tokens *t)
{
	oauth_wipe(t->access);
	oauth_wipe(t->refresh);
	free(t->access);
	free(t->refresh);
	free(t->scope);
	memset(t, 0, sizeof *t);
}
