/* Unit tests for lib/ptvariant.c: Portugal's Portuguese or Brazil's. */
#include <string.h>

#include "ptvariant.h"
#include "tap.h"
#include "util.h"

static struct pt_variant_reader *r;

/* Whether a person with this location and these texts writes Portugal's Portuguese. */
static int
european(const char *location, const char *text1, const char *text2)
{
	pt_variant_reset(r);
	if (location)
		pt_variant_location(r, location, strlen(location));
	if (text1)
		pt_variant_text(r, text1, strlen(text1));
	if (text2)
		pt_variant_text(r, text2, strlen(text2));
	return pt_variant_european(r);
}

static void
test_places(void)
{
	ok(european("Lisboa, Portugal", NULL, NULL), "Lisbon");
	ok(european("Porto", NULL, NULL), "Porto alone is Portugal's");
	ok(!european("Porto Alegre - RS", NULL, NULL), "Porto Alegre is Brazil's");
	ok(!european("Porto Velho", NULL, NULL), "so is Porto Velho");
	ok(european("Funchal \xf0\x9f\x87\xb5\xf0\x9f\x87\xb9", NULL, NULL), "Madeira, and the flag");
	ok(!european("Curitiba - PR", NULL, NULL), "a Brazilian state after a dash");
	ok(!european("", NULL, NULL), "nothing to go by: Brazil's, as most Portuguese online");
	ok(european("Coimbra", "Tô vendo o jogo", NULL),
	    "where one lives outweighs a word of the other side");
}

static void
test_words(void)
{
	ok(european(NULL, "Estou a ver o jogo com a malta.", NULL), "estou a ver");
	ok(!european(NULL, "Estou vendo o jogo com a galera.", NULL), "estou vendo");
	ok(european(NULL, "Esqueci-me do telemóvel no autocarro.", NULL), "telemóvel, autocarro");
	ok(!european(NULL, "Esqueci o celular no ônibus.", NULL), "celular, ônibus");
	ok(!european(NULL, "Você sabe se abre amanhã?", NULL), "você");
	ok(european(NULL, "Diz-me se abre amanhã, estás lá?", NULL), "diz-me, estás");
	ok(!european(NULL, "Alguém sabe se abre amanhã?", NULL), "words of both sides: Brazil's");
	ok(european(NULL, "Que fixe!", "Alguém sabe se abre amanhã?"), "one post of the two is enough");
	ok(european(NULL, "você você você você você você",
	    "Estou a ver o jogo, que fixe, a malta do autocarro também. Diz-me"),
	    "a word said over and over counts three times at most");
}

int
main(void)
{
	program_start("test-ptvariant");
	r = pt_variant_new();
	test_places();
	test_words();
	pt_variant_free(r);
	return done_testing();
}
