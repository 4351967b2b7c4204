/* libFuzzer target: text normalisation and the offsets it maps back. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "json.h"
#include "textnorm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct textnorm n;
	struct buf text = {0}, quoted = {0};
	size_t i, c0, c1;

	/* textnorm takes valid UTF-8: repair the input as the record reader does. */
	buf_addc(&quoted, '"');
	for (i = 0; i < size; i++)
		if (data[i] != '"' && data[i] != '\\' && data[i] >= 0x20)
			buf_addc(&quoted, (char)data[i]);
	buf_addc(&quoted, '"');
	json_unescape(&text, quoted.p, quoted.len);
	textnorm_run(&n, text.p ? text.p : "", text.len);
	for (i = 0; i + 1 < n.out.len; i += 7) {
		textnorm_span(&n, i, i + 1 + (i % 5), &c0, &c1);
		if (c0 <= c1)
			(void)textnorm_cp_offset(&n, c1);
	}
	buf_free(&text);
	buf_free(&quoted);
	return 0;
}
