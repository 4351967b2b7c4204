#include <string.h>

#include "json.h"
#include "mastopage.h"
#include "mastorec.h"

/* The status of a mention notification, or 0 when it has none. */
static int
notification_status(const char *el, size_t len, struct json_member *status)
{
	struct json_member n = {NULL, 0, el, len, JSON_OBJECT}, type;

	return json_object_member(&n, "type", &type) && type.kind == JSON_STRING &&
	    type.vallen == 9 && memcmp(type.val, "\"mention\"", 9) == 0 &&
	    json_object_member(&n, "status", status) && status->kind == JSON_OBJECT;
}

long
mastopage_records(const char *json, size_t len, enum mastopage_kind kind,
    const char *instance, const struct mastopage_out *out, struct buf *err)
{
	struct json_scan s = {0};
	struct json_iter it;
	struct buf rec = {0}, why = {0};
	const char *el;
	size_t ellen, start = 0;
	enum json_kind elkind;
	long n = 0;

	while (start < len && strchr(" \t\r\n", json[start]))
		start++;
	if (start == len || json_scan(&s, json, len, start, 1) != JSON_OK || json[start] != '[') {
		buf_adds(err, start == len ? "an empty answer" : s.err ? s.err : "not a list");
		json_scan_free(&s);
		return -1;
	}
	json_scan_free(&s);
	json_iter_init(&it, json + start, len - start);
	while (json_iter_element(&it, &el, &ellen, &elkind)) {
		struct json_member status;
		int rc;

		n++;
		buf_reset(&rec);
		buf_reset(&why);
		if (kind == MASTOPAGE_ACCOUNTS)
			rc = mastorec_user(&rec, el, ellen, instance, MASTOREC_SOURCE, &why);
		else if (kind != MASTOPAGE_MENTIONS)
			rc = mastorec_post(&rec, el, ellen, instance,
			    kind == MASTOPAGE_STATUSES ? MASTOREC_SOURCE : 0, &why);
		else if (elkind == JSON_OBJECT && notification_status(el, ellen, &status))
			rc = mastorec_post(&rec, status.val, status.vallen, instance,
			    MASTOREC_SOURCE | MASTOREC_AUTHOR, &why);
		else
			rc = -1, buf_adds(&why, "a notification that is not a mention with its status");
		if (rc == 0)
			out->emit(out->arg, rec.p, rec.len);
		else
			out->reject(out->arg, el, ellen, why.p);
	}
	buf_free(&rec);
	buf_free(&why);
	return n;
}

int
mastopage_error(const char *json, size_t len, struct buf *msg)
{
	struct json_scan s = {0};
	struct json_member obj, m;
	size_t start = 0, end;
	int ok;

	while (start < len && strchr(" \t\r\n", json[start]))
		start++;
	ok = start < len && json[start] == '{' && json_scan(&s, json, len, start, 1) == JSON_OK;
	end = s.end;
	json_scan_free(&s);
	if (!ok)
		return 0;
	obj = (struct json_member){NULL, 0, json + start, end - start, JSON_OBJECT};
	if (!json_object_member(&obj, "error", &m) || m.kind != JSON_STRING)
		return 0;
	json_unescape(msg, m.val, m.vallen);
	if (json_object_member(&obj, "error_description", &m) && m.kind == JSON_STRING) {
		buf_adds(msg, ": ");
		json_unescape(msg, m.val, m.vallen);
	}
	return 1;
}
