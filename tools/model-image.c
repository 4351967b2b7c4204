/*
 * model-image: fb-detect's model file as C source, the model already
 * parsed and its table built, so that fb-detect starts without parsing
 * it. Run by make; not installed.
 *
 *     model-image share/detect.model > build/detect_model_image.c
 *
 * The source defines "struct detect_model default_detect_model", its
 * arrays in the program's data (lib/detectmodel.h, image). Parsing the
 * 113,000 n-grams of share/detect.model and filling their table took 0.08
 * s of each start, and 0.25 s under AddressSanitizer, which the tests
 * start some 500 times. The image is laid out by the compiler that builds
 * fb-detect, so it is made on the machine that builds it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detectmodel.h"
#include "util.h"

/* Bytes as a C string literal: escaped where C would read them otherwise
 * ("?" too, for trigraphs); octal escapes of three digits, so that a digit
 * after one is not read into it. */
static void
print_bytes(const char *s, size_t len)
{
	size_t i;
	unsigned char c;

	putchar('"');
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\' || c == '?')
			printf("\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* The rules' or the keys' weights, or nothing when there are none. */
static void
print_names(const char *array, const struct model_name *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	printf("static struct model_name %s[] = {\n", array);
	for (i = 0; i < n; i++) {
		printf("\t{");
		print_bytes(v[i].name, strlen(v[i].name));
		printf(", %a},\n", v[i].weight);
	}
	printf("};\n\n");
}

int
main(int argc, char *argv[])
{
	struct detect_model m;
	struct buf err = {0};
	char *text;
	size_t len, i, at;

	program_start(argv[0]);
	if (argc != 2)
		die(EXIT_USAGE, "usage: model-image MODEL > FILE.c");
	if ((text = slurp_file(argv[1], &len)) == NULL)
		die(EXIT_FAIL, "%s:", argv[1]);
	detect_model_init(&m);
	if (detect_model_parse(&m, text, len, argv[1], &err) < 0)
		die(EXIT_FAIL, "%s", err.p);
	free(text);

	printf("/* Generated from %s by tools/model-image.c; do not edit. */\n", argv[1]);
	printf("#include \"detectmodel.h\"\n\n");
	printf("static struct model_slot slots[%zu] = {\n", m.nslots);
	for (i = 0; i < m.nslots; i++)
		if (m.slots[i].index == 0)
			printf("\t{0},\n");
		else
			printf("\t{0x%016llxu, %a, %lu, 0},\n", (unsigned long long)m.slots[i].hash,
			    m.slots[i].weight, (unsigned long)m.slots[i].index);
	printf("};\n\n");
	if (m.n > 0) {
		printf("static struct model_ngram ngrams[%zu] = {\n", m.n);
		for (i = 0; i < m.n; i++)
			printf("\t{0x%016llxu, %lu},\n", (unsigned long long)m.v[i].hash,
			    (unsigned long)m.v[i].text);
		printf("};\n\n");
	}
	/* The n-grams' texts, one literal each, NULs included. */
	printf("static char texts[%zu] =\n", m.texts.len + 1);
	for (at = 0; at < m.texts.len; at += strlen(m.texts.p + at) + 1) {
		putchar('\t');
		print_bytes(m.texts.p + at, strlen(m.texts.p + at) + 1);
		putchar('\n');
	}
	printf("\t\"\";\n\n");
	print_names("rules", m.rules, m.nrules);
	print_names("keys", m.keys, m.nkeys);

	printf("struct detect_model default_detect_model = {\n");
	printf("\t.bias = %a,\n\t.threshold = %a,\n\t.rules_alone = %a,\n\t.scale_sqrt = %d,\n",
	    m.bias, m.threshold, m.rules_alone, m.scale_sqrt);
	if (m.nrules > 0)
		printf("\t.rules = rules, .nrules = %zu, .rules_cap = %zu,\n", m.nrules, m.nrules);
	if (m.nkeys > 0)
		printf("\t.keys = keys, .nkeys = %zu, .keys_cap = %zu,\n", m.nkeys, m.nkeys);
	if (m.n > 0)
		printf("\t.v = ngrams, .n = %zu, .cap = %zu,\n", m.n, m.n);
	printf("\t.texts = {.p = texts, .len = %zu, .cap = %zu},\n", m.texts.len, m.texts.len + 1);
	printf("\t.slots = slots, .nslots = %zu,\n", m.nslots);
	printf("\t.image = 1,\n\t.filter = {\n");
	for (i = 0; i < sizeof m.filter / sizeof m.filter[0]; i++)
		if (m.filter[i] != 0)
			printf("\t\t[%zu] = 0x%016llxu,\n", i, (unsigned long long)m.filter[i]);
	printf("\t},\n};\n");
	detect_model_free(&m);
	buf_free(&err);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_FAIL, "stdout:");
	return EXIT_OK;
}
