/* libFuzzer target: reading the required literals and the top-level alternatives out of arbitrary patterns. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "literals.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strlist l = {0};
	char *p = malloc(size + 1);

	memcpy(p, data, size);
	p[size] = '\0';
	if (strlen(p) == size) {
		(void)pattern_literals(p, &l);
		strlist_free(&l);
		(void)pattern_branches(p, &l);
	}
	strlist_free(&l);
	free(p);
	return 0;
}
