#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>
#include <jv.h>

#include "httpurl.h"
#include "json.h"
#include "llm.h"
#include "quote.h"
#include "util.h"

#define MAX_ANSWER (1 << 20)
#define MAX_DRAFT 280

static const char instructions[] =
    "You polish the first message one person sends another on social media. "
    "Keep it short (under 280 characters), warm, specific and honest; keep every fact "
    "from the facts given and add none; no hashtags, no emoji, no flattery, no sales. "
    "Answer with the message alone, in the language of the draft.";

struct llm {
	CURL *curl;
	struct curl_slist *headers;
	char *url, *model;
	double timeout;
	struct buf body, answer;
	char why[160];		/* why the last answer was not used */
};

static size_t
on_data(char *p, size_t size, size_t n, void *arg)
{
	struct llm *l = arg;

	if (l->answer.len + size * n > MAX_ANSWER)
		return 0;	/* an answer this long is not a message: stop the transfer */
	buf_add(&l->answer, p, size * n);
	return size * n;
}

struct llm *
llm_new(const struct llm_opts *o, struct buf *err)
{
	struct llm *l;
	const char *key = getenv("LLM_API_KEY");

	if (!url_allowed(o->url)) {
		buf_adds(err, "expected an https:// URL, or http:// to this machine (127.0.0.1, localhost)");
		return NULL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 || (l = xcalloc(1, sizeof *l)) == NULL)
		die(EXIT_FAIL, "cannot start libcurl");
	l->curl = curl_easy_init();
	if (l->curl == NULL)
		die(EXIT_FAIL, "cannot start libcurl");
	l->url = xstrdup(o->url);
	l->model = xstrdup(o->model);
	l->timeout = o->timeout;
	l->headers = curl_slist_append(NULL, "Content-Type: application/json");
	if (key && *key) {
		struct buf h = {0};

		keep_secrets_out_of_dumps();
		buf_printf(&h, "Authorization: Bearer %s", key);
		l->headers = curl_slist_append(l->headers, h.p);
		buf_free(&h);
	}
	return l;
}

void
llm_free(struct llm *l)
{
	if (l == NULL)
		return;
	curl_easy_cleanup(l->curl);
	curl_slist_free_all(l->headers);
	curl_global_cleanup();
	free(l->url);
	free(l->model);
	buf_free(&l->body);
	buf_free(&l->answer);
	free(l);
}

/* Whether needle occurs in hay, whatever its case (ASCII). */
static int
has_text(const char *hay, const char *needle, size_t n)
{
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* Each link of the answer must be one the facts or the draft hold. */
static int
links_known(const char *s, const char *facts, const char *draft)
{
	for (; *s; s++) {
		size_t n;

		if (strncasecmp(s, "http", 4) != 0 && strncasecmp(s, "www.", 4) != 0)
			continue;
		n = strcspn(s, " \t\n)\"'");
		if (!has_text(facts, s, n) && !has_text(draft, s, n))
			return 0;
		s += n - 1;
	}
	return 1;
}

/*
 * A greeting names the person of the facts, or nobody: an answer written
 * to someone else ("Hi Marcus," for Nina) is about someone else.
 */
static int
right_name(const char *s, const char *name)
{
	static const char *const hello[] = {"hi ", "hello ", "hey ", "dear ", "hola ", "oi ", "ol\xc3\xa1 "};
	static const char *const anyone[] = {"there", "all", "everyone", "team", "folks", "friend", NULL};
	size_t i, n;

	for (i = 0; i < sizeof hello / sizeof hello[0]; i++) {
		size_t h = strlen(hello[i]);

		if (strncasecmp(s, hello[i], h) != 0)
			continue;
		s += h;
		for (n = 0; isalpha((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80; n++)
			;
		if (n == 0 || in_word_list(anyone, s, n))
			return 1;
		return name && strlen(name) == n && strncasecmp(name, s, n) == 0;
	}
	return 1;
}

/* What a message we would send never asks for: a password, a login, money. */
static int
asks_for_secrets(const char *s, const char *facts, const char *draft)
{
	static const char *const lure[] = {
		"password", "log in", "login", "sign in", "verify your", "wallet", "seed phrase",
		"credit card", "bank details", "gift card", "send me your", "pix", NULL,
	};
	size_t i;

	for (i = 0; lure[i]; i++)
		if (has_text(s, lure[i], strlen(lure[i])) && !has_text(facts, lure[i], strlen(lure[i])) &&
		    !has_text(draft, lure[i], strlen(lure[i])))
			return 1;
	return 0;
}

/* At least one word of five letters or more of the facts, so that it is about them. */
static int
grounded(const char *s, jv facts)
{
	int have_words = 0, hit = 0;

	jv_object_foreach(facts, key, val) {
		if (!hit && jv_get_kind(val) == JV_KIND_STRING && strcmp(jv_string_value(key), "kind") != 0 &&
		    strcmp(jv_string_value(key), "lang") != 0 && strcmp(jv_string_value(key), "first_name") != 0) {
			const char *w = jv_string_value(val);

			while (*w && !hit) {
				size_t n = 0;

				while (*w && !isalpha((unsigned char)*w) && (unsigned char)*w < 0x80)
					w++;
				while (isalpha((unsigned char)w[n]) || (unsigned char)w[n] >= 0x80)
					n++;
				if (n >= 5) {
					have_words = 1;
					hit = has_text(s, w, n);
				}
				w += n;
			}
		}
		jv_free(key);
		jv_free(val);
	}
	jv_free(facts);
	return hit || !have_words;
}

/*
 * The polished text must still be a message we would have written: about
 * the person of the facts, with nothing it does not rest on. Sets l->why.
 */
static int
acceptable(struct llm *l, const char *s, const char *facts_json, const char *draft)
{
	size_t chars = 0;
	const char *p;
	jv facts = jv_parse(facts_json), name;
	int ok = 0;

	for (p = s; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	name = jv_get_kind(facts) == JV_KIND_OBJECT ? jv_object_get(jv_copy(facts), jv_string("first_name")) :
	    jv_null();
	if (*s == '\0')
		snprintf(l->why, sizeof l->why, "an empty answer");
	else if (strchr(s, '{') || strchr(s, '}'))
		snprintf(l->why, sizeof l->why, "a placeholder left in the answer");
	else if (chars > MAX_DRAFT)
		snprintf(l->why, sizeof l->why, "an answer of %zu characters (at most %d)", chars, MAX_DRAFT);
	else if (asks_for_secrets(s, facts_json, draft))
		snprintf(l->why, sizeof l->why, "it asks for a login, a password or money");
	else if (!links_known(s, facts_json, draft))
		snprintf(l->why, sizeof l->why, "a link that the record does not hold");
	else if (!right_name(s, jv_get_kind(name) == JV_KIND_STRING ? jv_string_value(name) : NULL))
		snprintf(l->why, sizeof l->why, "it greets someone else");
	else if (jv_get_kind(facts) == JV_KIND_OBJECT && !grounded(s, jv_copy(facts)))
		snprintf(l->why, sizeof l->why, "it is not about what the record shows");
	else
		ok = 1;
	jv_free(name);
	jv_free(facts);
	return ok;
}

int
llm_polish(struct llm *l, const char *facts, const char *draft, struct buf *out)
{
	long code = 0;
	jv answer, content;
	int status = -1;
	CURLcode rc;

	buf_reset(&l->body);
	buf_adds(&l->body, "{\"model\":");
	json_escape(&l->body, l->model, strlen(l->model));
	buf_adds(&l->body, ",\"temperature\":0.4,\"messages\":[{\"role\":\"system\",\"content\":");
	json_escape(&l->body, instructions, strlen(instructions));
	buf_adds(&l->body, "},{\"role\":\"user\",\"content\":");
	{
		struct buf user = {0};

		buf_printf(&user, "Facts: %s\nDraft: %s", facts, draft);
		json_escape(&l->body, user.p, user.len);
		buf_free(&user);
	}
	buf_adds(&l->body, "}]}");
	buf_reset(&l->answer);
	curl_easy_reset(l->curl);
	curl_easy_setopt(l->curl, CURLOPT_URL, l->url);
	curl_easy_setopt(l->curl, CURLOPT_HTTPHEADER, l->headers);
	curl_easy_setopt(l->curl, CURLOPT_POSTFIELDS, l->body.p);
	curl_easy_setopt(l->curl, CURLOPT_POSTFIELDSIZE, (long)l->body.len);
	curl_easy_setopt(l->curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(l->curl, CURLOPT_WRITEDATA, l);
	curl_easy_setopt(l->curl, CURLOPT_TIMEOUT_MS, (long)(l->timeout * 1000));
	curl_easy_setopt(l->curl, CURLOPT_CONNECTTIMEOUT_MS, (long)(l->timeout * 1000));
	curl_easy_setopt(l->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(l->curl, CURLOPT_USERAGENT, "followback-fb-suggest");
	/* http:// is for this machine only: no proxy may carry the key and the drafts elsewhere. */
	if (strncmp(l->url, "http://", 7) == 0)
		curl_easy_setopt(l->curl, CURLOPT_PROXY, "");
	l->why[0] = '\0';
	if ((rc = curl_easy_perform(l->curl)) != CURLE_OK) {
		snprintf(l->why, sizeof l->why, "%s", curl_easy_strerror(rc));
		return -1;
	}
	curl_easy_getinfo(l->curl, CURLINFO_RESPONSE_CODE, &code);
	if (code != 200) {
		snprintf(l->why, sizeof l->why, "status %ld", code);
		return -1;
	}
	answer = jv_parse_sized(l->answer.p ? l->answer.p : "", (int)l->answer.len);
	if (jv_get_kind(answer) != JV_KIND_OBJECT) {
		snprintf(l->why, sizeof l->why, "an answer that is not a JSON object");
		jv_free(answer);
		return -1;
	}
	content = jv_getpath(answer, JV_ARRAY(jv_string("choices"), jv_number(0),
	    jv_string("message"), jv_string("content")));
	if (jv_get_kind(content) == JV_KIND_STRING) {
		const char *s = jv_string_value(content);
		size_t i;

		buf_reset(out);
		/* One line of plain text, without the quotes models like to add. */
		while (*s == ' ' || *s == '\n' || *s == '"')
			s++;
		quote_clean(out, s, strlen(s));
		while (out->len && strchr(" \n\"", out->p[out->len - 1]))
			out->p[--out->len] = '\0';
		for (i = 0; i < out->len; i++)
			if (out->p[i] == '\n' || out->p[i] == '\r')
				out->p[i] = ' ';
		status = acceptable(l, out->p ? out->p : "", facts, draft) ? 0 : -2;
	} else {
		snprintf(l->why, sizeof l->why, "no choices[0].message.content in the answer");
	}
	jv_free(content);
	return status;
}

const char *
llm_why(const struct llm *l)
{
	return l->why;
}

void
llm_merge(struct buf *opener, const char *polished)
{
	struct json_scan s = {0};
	struct buf out = {0};
	size_t i;

	s.collect_members = 1;
	if (json_scan(&s, opener->p, opener->len, 0, 1) != JSON_OK) {
		json_scan_free(&s);
		return;
	}
	buf_adds(&out, "{\"text\":");
	json_escape(&out, polished, strlen(polished));
	for (i = 0; i < s.nmembers; i++) {
		buf_addc(&out, ',');
		if (json_key_is(&s.members[i], "text"))
			buf_adds(&out, "\"draft\":");
		else
			buf_printf(&out, "\"%.*s\":", (int)s.members[i].keylen, s.members[i].key);
		buf_add(&out, s.members[i].val, s.members[i].vallen);
	}
	buf_addc(&out, '}');
	json_scan_free(&s);
	buf_reset(opener);
	buf_add(opener, out.p, out.len);
	buf_free(&out);
}
