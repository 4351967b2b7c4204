/* libFuzzer target: the JSON scanner and the helpers that trust what it validated. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_scan s = {0};
	struct buf b = {0};
	char *p = malloc(size + 1);
	size_t i;

	memcpy(p, data, size);
	p[size] = '\0';
	s.collect_members = 1;
	(void)json_scan(&s, p, size, 0, 0);
	if (json_scan(&s, p, size, 0, 1) == JSON_OK) {
		json_compact(&b, p, s.end);
		for (i = 0; i < s.nmembers; i++) {
			struct json_member m = s.members[i];

			if (m.kind == JSON_STRING)
				json_unescape(&b, m.val, m.vallen);
			if (m.kind == JSON_OBJECT || m.kind == JSON_ARRAY) {
				struct json_iter it;
				struct json_member mm;
				const char *el;
				size_t elen;
				enum json_kind k;

				json_iter_init(&it, m.val, m.vallen);
				if (m.kind == JSON_OBJECT)
					while (json_iter_member(&it, &mm))
						(void)json_key_is(&mm, "text");
				else
					while (json_iter_element(&it, &el, &elen, &k))
						;
			}
		}
	}
	buf_free(&b);
	json_scan_free(&s);
	free(p);
	return 0;
}
