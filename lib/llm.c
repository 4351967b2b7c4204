#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jv.h>

#include "httpurl.h"
#include "json.h"
#include "llm.h"
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

/* The polished text must still be a message we would have written. */
static int
acceptable(const char *s)
{
	size_t chars = 0;

	if (*s == '\0' || strchr(s, '{') || strchr(s, '}'))
		return 0;
	for (; *s; s++)
		chars += ((unsigned char)*s & 0xC0) != 0x80;
	return chars <= MAX_DRAFT;
}

int
llm_polish(struct llm *l, const char *facts, const char *draft, struct buf *out)
{
	long code = 0;
	jv answer, content;
	int status = -1;

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
	if (curl_easy_perform(l->curl) != CURLE_OK)
		return -1;
	curl_easy_getinfo(l->curl, CURLINFO_RESPONSE_CODE, &code);
	if (code != 200)
		return -1;
	answer = jv_parse_sized(l->answer.p ? l->answer.p : "", (int)l->answer.len);
	if (jv_get_kind(answer) != JV_KIND_OBJECT) {
		jv_free(answer);
		return -1;
	}
	content = jv_getpath(answer, JV_ARRAY(jv_string("choices"), jv_number(0),
	    jv_string("message"), jv_string("content")));
	if (jv_get_kind(content) == JV_KIND_STRING) {
		const char *s = jv_string_value(content);
		size_t i;

		buf_reset(out);
		/* One line, without the quotes models like to add. */
		while (*s == ' ' || *s == '\n' || *s == '"')
			s++;
		buf_adds(out, s);
		while (out->len && strchr(" \n\"", out->p[out->len - 1]))
			out->p[--out->len] = '\0';
		for (i = 0; i < out->len; i++)
			if (out->p[i] == '\n' || out->p[i] == '\r')
				out->p[i] = ' ';
		status = acceptable(out->p) ? 0 : -1;
	}
	jv_free(content);
	return status;
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
