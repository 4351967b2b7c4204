/*
 * ptvariant.h: whether someone writes the Portuguese of Portugal or of Brazil.
 *
 * A draft in Brazilian Portuguese ("Oi, você ... valeu!") reads foreign to
 * a cyclist in Coimbra, and the European one ("estás a fazer", "diz-me")
 * to a reader in Recife. X tags both "pt", so the variety is read from
 * where people say they are and from the words only one side writes:
 * "estou a fazer", "telemóvel", "fixe", "diz-me" against "estou fazendo",
 * "celular", "você", "né". With nothing to go by, Brazil's, as most
 * Portuguese online is.
 */
#ifndef FB_PTVARIANT_H
#define FB_PTVARIANT_H

#include <stddef.h>

struct pt_variant_reader;

struct pt_variant_reader *pt_variant_new(void);
void pt_variant_free(struct pt_variant_reader *r);

/* Forgets the evidence of the person before. */
void pt_variant_reset(struct pt_variant_reader *r);
/* Adds the evidence of a profile's location ("Porto, Portugal", "Porto Alegre - RS"). */
void pt_variant_location(struct pt_variant_reader *r, const char *text, size_t len);
/* Adds the evidence of a text of theirs: a bio or a post in Portuguese. */
void pt_variant_text(struct pt_variant_reader *r, const char *text, size_t len);
/* Whether the evidence so far says Portugal's Portuguese. */
int pt_variant_european(const struct pt_variant_reader *r);

#endif
