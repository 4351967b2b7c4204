#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jq.h>

#include "jqexpr.h"
#include "json.h"
#include "util.h"

struct jqexpr {
	jq_state *jq;
	struct buf *compile_err;
};

static void
on_error(void *arg, jv msg)
{
	struct jqexpr *e = arg;

	if (e->compile_err) {
		jv text = jv_get_kind(msg) == JV_KIND_STRING ? msg : jv_dump_string(msg, 0);

		if (e->compile_err->len)
			buf_adds(e->compile_err, "; ");
		buf_adds(e->compile_err, jv_string_value(text));
		jv_free(text);
	} else {
		jv_free(msg);
	}
}

static jv
no_input(jq_state *jq, void *arg)
{
	(void)jq;
	(void)arg;
	return jv_invalid();
}

static void
ignore_debug(void *arg, jv msg)
{
	(void)arg;
	jv_free(msg);
}

static void
out_of_memory(void *arg)
{
	(void)arg;
	die(EXIT_FAIL, "out of memory");
}

struct jqexpr *
jqexpr_new(const char *program, struct buf *err)
{
	struct jqexpr *e = xcalloc(1, sizeof *e);

	e->jq = jq_init();
	if (e->jq == NULL)
		die(EXIT_FAIL, "cannot start libjq");
	e->compile_err = err;
	jq_set_error_cb(e->jq, on_error, e);
	jq_set_nomem_handler(e->jq, out_of_memory, NULL);
	jq_set_input_cb(e->jq, no_input, NULL);
	jq_set_debug_cb(e->jq, ignore_debug, NULL);
	jq_set_attr(e->jq, jv_string("JQ_LIBRARY_PATH"), jv_array());
	if (!jq_compile_args(e->jq, program, jv_object())) {
		if (err->len == 0)
			buf_adds(err, "cannot compile");
		jq_teardown(&e->jq);
		free(e);
		return NULL;
	}
	e->compile_err = NULL;
	return e;
}

void
jqexpr_free(struct jqexpr *e)
{
	if (e == NULL)
		return;
	jq_teardown(&e->jq);
	free(e);
}

int
jqexpr_run(struct jqexpr *e, jv input, int (*fn)(void *arg, jv out),
    void *arg, struct buf *err)
{
	jv r;

	jq_start(e->jq, input, 0);
	while (jv_is_valid(r = jq_next(e->jq))) {
		if (fn(arg, r) != 0)
			return 0;	/* a new jq_start unwinds the abandoned run */
	}
	if (jq_halted(e->jq)) {
		jv msg = jq_get_error_message(e->jq);

		jv_free(jq_get_exit_code(e->jq));
		jv_free(r);
		if (jv_get_kind(msg) == JV_KIND_STRING) {
			buf_adds(err, jv_string_value(msg));
			jv_free(msg);
			return -1;
		}
		jv_free(msg);
		return 0;
	}
	if (jv_invalid_has_msg(jv_copy(r))) {
		jv msg = jv_invalid_get_msg(r);

		if (jv_get_kind(msg) == JV_KIND_STRING) {
			buf_adds(err, jv_string_value(msg));
			jv_free(msg);
		} else {
			jv text = jv_dump_string(msg, 0);

			buf_adds(err, jv_string_value(text));
			jv_free(text);
		}
		return -1;
	}
	jv_free(r);
	return 0;
}

void
jqexpr_path_string(struct buf *out, jv path)
{
	int i, n = jv_array_length(jv_copy(path));

	for (i = 0; i < n; i++) {
		jv k = jv_array_get(jv_copy(path), i);

		if (jv_get_kind(k) == JV_KIND_NUMBER) {
			buf_printf(out, "[%d]", (int)jv_number_value(k));
		} else if (jv_get_kind(k) == JV_KIND_STRING) {
			const char *s = jv_string_value(k);
			size_t j, len = strlen(s);
			int plain = len > 0 && !(s[0] >= '0' && s[0] <= '9');

			for (j = 0; j < len && plain; j++)
				plain = (s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
				    (s[j] >= '0' && s[j] <= '9') || s[j] == '_';
			if (plain) {
				buf_addc(out, '.');
				buf_add(out, s, len);
			} else {
				buf_addc(out, '[');
				json_escape(out, s, len);
				buf_addc(out, ']');
			}
		} else {
			jv d = jv_dump_string(jv_copy(k), 0);

			buf_printf(out, "[%s]", jv_string_value(d));
			jv_free(d);
		}
		jv_free(k);
	}
	if (n == 0)
		buf_addc(out, '.');
	jv_free(path);
}
