/*
 * detect-features: the n-grams that fb-detect's model sees, for
 * tools/train-detect.py, so that training and fb-detect extract them with
 * the same code (lib/textnorm.c, lib/ngrams.c). Not installed.
 *
 *     detect-features < texts    one line of n-grams per line of text:
 *                                KIND:NGRAM, tab-separated ("w:follow back",
 *                                "c:_f4f_"), every occurrence
 *
 * Each input line is one text, in valid UTF-8. The model's other features,
 * the rules that hit a text and its field, come from fb-detect itself; a
 * model file is tried with fb-detect --model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ngrams.h"
#include "textnorm.h"
#include "util.h"

struct printing {
	const struct ngrams *g;
	struct buf out;
	int first;
};

static void
print_ngram(void *arg, uint64_t hash, enum ngram_kind kind, size_t b0, size_t b1)
{
	struct printing *p = arg;

	(void)hash;
	if (!p->first)
		buf_addc(&p->out, '\t');
	p->first = 0;
	buf_addc(&p->out, (char)kind);
	buf_addc(&p->out, ':');
	ngram_write(&p->out, kind, p->g->line.p + b0, b1 - b0);
}

int
main(int argc, char *argv[])
{
	struct textnorm norm;
	struct ngrams g;
	struct printing p = {0};
	char *line = NULL;
	size_t cap = 0, len;
	ssize_t n;

	program_start(argv[0]);
	if (argc > 1)
		die(EXIT_USAGE, "usage: detect-features < texts");
	textnorm_init(&norm);
	ngrams_init(&g);
	p.g = &g;
	while ((n = getline(&line, &cap, stdin)) != -1) {
		len = (size_t)n;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		textnorm_run(&norm, line, len);
		ngrams_line(&g, norm.out.p, norm.out.len);
		buf_reset(&p.out);
		p.first = 1;
		ngrams_each(&g, print_ngram, &p);
		buf_addc(&p.out, '\n');
		fwrite(p.out.p, 1, p.out.len, stdout);
	}
	free(line);
	buf_free(&p.out);
	ngrams_free(&g);
	textnorm_free(&norm);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_FAIL, "stdout:");
	return EXIT_OK;
}
