/* Unit tests for lib/client.c: which posts speak to the client of an audit. */
#include <string.h>

#include "client.h"
#include "tap.h"
#include "util.h"

static int
addressed(const struct client *c, const char *text, const char *reply_to, const char *entities)
{
	return client_addressed(c, text, reply_to, reply_to ? strlen(reply_to) : 0,
	    entities, entities ? strlen(entities) : 0);
}

static void
test_by_name(void)
{
	struct client c = {0};

	ok(!client_given(&c), "no client until one is given");
	client_add(&c, "@Dra_Lucia_Vet");
	ok(client_given(&c), "a @name is a client");
	ok(addressed(&c, "@dra_lucia_vet ¿siguen usando maropitant?", NULL, NULL),
	    "a post that names the client, whatever the case");
	ok(addressed(&c, "gracias @DRA_LUCIA_VET!", NULL, NULL), "named at the end, in capitals");
	ok(!addressed(&c, "@dra_lucia_vet2 hola", NULL, NULL), "a longer name is someone else");
	ok(!addressed(&c, "@dra_lucia hola", NULL, NULL), "a shorter name is someone else");
	ok(!addressed(&c, "dra_lucia_vet without the @", NULL, NULL), "a name without @ is not a mention");
	ok(addressed(&c, "Thanks!", NULL,
	    "{\"mentions\":[{\"start\":0,\"end\":4,\"username\":\"dra_lucia_vet\",\"id\":\"9\"}]}"),
	    "entities.mentions by username");
	ok(!addressed(&c, "Thanks!", NULL,
	    "{\"mentions\":[{\"username\":\"dra_lucia_vet_fan\",\"id\":\"9\"}]}"),
	    "a mention of a name that only starts with the client's");
	ok(!addressed(&c, "Thanks!", "123", NULL), "a reply to an id, with only a name given");
	client_free(&c);
	ok(!client_given(&c), "free forgets the client");
}

static void
test_by_id(void)
{
	struct client c = {0};

	client_add(&c, " 1290384756102938475 ");
	ok(addressed(&c, "we run that drill too", "1290384756102938475", NULL),
	    "a reply to the client's id");
	ok(!addressed(&c, "we run that drill too", "129038475610293847", NULL),
	    "a reply to an id that is a prefix of the client's");
	ok(addressed(&c, "hi", NULL, "{\"urls\":[],\"mentions\":[{\"id\":\"1290384756102938475\","
	    "\"username\":\"coach\"}]}"), "entities.mentions by id");
	ok(!addressed(&c, "hi", NULL, "{\"mentions\":[{\"id\":\"12903847561029384750\"}]}"),
	    "an id that only starts with the client's");
	ok(addressed(&c, "@1290384756102938475 hi", NULL, NULL),
	    "a bare number may also be a username");
	client_free(&c);
}

static void
test_several(void)
{
	struct client c = {0};

	client_add(&c, "@brightpath_co");
	client_add(&c, "42");
	client_add(&c, "@");
	ok(addressed(&c, "@brightpath_co yes", NULL, NULL) && addressed(&c, "x", "42", NULL),
	    "each client given counts");
	ok(!addressed(&c, "@ alone", NULL, NULL), "an empty name is no client");
	client_free(&c);
}

int
main(void)
{
	program_start("test-client");
	test_by_name();
	test_by_id();
	test_several();
	return done_testing();
}
