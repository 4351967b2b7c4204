#include <stdlib.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "ptvariant.h"
#include "rules.h"
#include "util.h"

/*
 * Places, matched in a profile's location. "Porto" alone is Portugal's;
 * Porto Alegre, Porto Velho and Porto Seguro are Brazil's.
 */
static const char european_places[] =
    "\\b(?:portugal|lisboa|lisbon|porto(?!\\s+(?:alegre|velho|seguro|nacional|belo|feliz|"
    "ferreira|de\\s+galinhas))|oporto|braga|coimbra|faro|aveiro|funchal|madeira|a[cç]ores|"
    "azores|set[uú]bal|sintra|cascais|oeiras|amadora|almada|odivelas|loures|guimar[aã]es|"
    "[eé]vora|leiria|viseu|viana\\s+do\\s+castelo|algarve|matosinhos|gaia|barreiro|seixal|"
    "portim[aã]o|lagos|tavira|bragan[cç]a|castelo\\s+branco|santar[eé]m|covilh[aã]|"
    "ponta\\s+delgada|alentejo|minho|tr[aá]s-os-montes)\\b|\\x{1F1F5}\\x{1F1F9}";
static const char brazilian_places[] =
    "\\b(?:brasil|brazil|s[aã]o\\s+paulo|sampa|rio\\s+de\\s+janeiro|belo\\s+horizonte|"
    "porto\\s+(?:alegre|velho|seguro)|curitiba|recife|salvador|fortaleza|bras[ií]lia|manaus|"
    "bel[eé]m|goi[aâ]nia|florian[oó]polis|floripa|campinas|natal|jo[aã]o\\s+pessoa|"
    "macei[oó]|niter[oó]i|santos|guarulhos|osasco|sorocaba|londrina|uberl[aâ]ndia|"
    "ribeir[aã]o\\s+preto|minas\\s+gerais|bahia|pernambuco|cear[aá]|paran[aá]|"
    "santa\\s+catarina|rio\\s+grande\\s+do\\s+(?:sul|norte)|esp[ií]rito\\s+santo|goi[aá]s|"
    "amazonas|par[aá]|maranh[aã]o|piau[ií]|para[ií]ba|alagoas|sergipe)\\b"
    "|[-,/–]\\s*(?:sp|rj|mg|rs|pr|sc|ba|pe|ce|df|go|pb|rn|pi|mt|ms|es)\\b|\\x{1F1E7}\\x{1F1F7}";

/*
 * Words and forms of one side only, in its texts. Strong: a progressive
 * ("estou a fazer" / "estou fazendo") and the pronoun of address ("você"
 * is Brazil's everyday "you", and distant or rude in Portugal).
 */
static const char european_strong[] =
    "\\b(?:estou|est[aá]s|est[aá]|estamos|est[aã]o|estava|estavas|estavam|estive|ando|andas|"
    "anda|andamos|andam|continuo|continua|fico|ficas|fica|ficou)\\s+a\\s+\\w+(?:ar|er|ir|or)\\b"
    "|\\b(?:telem[oó]vel|telem[oó]veis|autocarro|comboio|pequeno[-\\s]almo[cç]o|fixe|bu[eé]|"
    "miúd[oa]s?|gajos?|gajas?|rapariga|raparigas|casa\\s+de\\s+banho|frigor[ií]fico|talho|"
    "montra|ecr[aã]|ficheiro|sumo|portagem|t[uú]\\s+(?:est[aá]s|tens|queres|podes))\\b";
static const char european_weak[] =
    "\\b(?:est[aá]s|tens|queres|podes|sabes|vens|fazes|dizes|equipa|equipas|facto|contacto|"
    "contactos|registo|[oó]ptim[oa]|malta|giro|gira|bem-haja|obrigadinh[oa]|pá|"
    "\\w+-(?:me|te|lhe|lhes|nos|vos))\\b";
static const char brazilian_strong[] =
    "\\b(?:voc[eê]|vc|vcs|c[eê]|(?:estou|est[aá]|estamos|est[aã]o|estava|estavam|t[oô]|t[aá]|"
    "tava|tavam|ando|anda|fico|fica|ficou)\\s+\\w+(?:ando|endo|indo)|celular|[oô]nibus|"
    "n[eé]|kkk+|galera|garot[oa]s?|moleque|bacana|valeu)\\b";
static const char brazilian_weak[] =
    "\\b(?:oi|legal|time|pra|pro|beleza|trem|banheiro|geladeira|caf[eé]\\s+da\\s+manh[aã]|"
    "equipe|fato|contato|registro|a\\s+gente|rs+)\\b";

#define MATCHES_PER_TEXT 3	/* a long text of one word repeated is one piece of evidence */

struct pt_variant_reader {
	pcre2_code *european_places, *brazilian_places;
	pcre2_code *european_strong, *european_weak, *brazilian_strong, *brazilian_weak;
	pcre2_match_data *md;
	int score;		/* > 0: Portugal */
};

struct pt_variant_reader *
pt_variant_new(void)
{
	struct pt_variant_reader *r = xcalloc(1, sizeof *r);

	r->european_places = builtin_pattern(european_places);
	r->brazilian_places = builtin_pattern(brazilian_places);
	r->european_strong = builtin_pattern(european_strong);
	r->european_weak = builtin_pattern(european_weak);
	r->brazilian_strong = builtin_pattern(brazilian_strong);
	r->brazilian_weak = builtin_pattern(brazilian_weak);
	r->md = pcre2_match_data_create(4, NULL);
	return r;
}

void
pt_variant_free(struct pt_variant_reader *r)
{
	if (r == NULL)
		return;
	pcre2_code_free(r->european_places);
	pcre2_code_free(r->brazilian_places);
	pcre2_code_free(r->european_strong);
	pcre2_code_free(r->european_weak);
	pcre2_code_free(r->brazilian_strong);
	pcre2_code_free(r->brazilian_weak);
	pcre2_match_data_free(r->md);
	free(r);
}

void
pt_variant_reset(struct pt_variant_reader *r)
{
	r->score = 0;
}

/* How many times (up to MATCHES_PER_TEXT) re matches text. */
static int
count(struct pt_variant_reader *r, const pcre2_code *re, const char *text, size_t len)
{
	PCRE2_SIZE at = 0;
	int n = 0;

	while (n < MATCHES_PER_TEXT && at <= len &&
	    pcre2_match(re, (PCRE2_SPTR)text, len, at, 0, r->md, NULL) >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);

		n++;
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return n;
}

void
pt_variant_location(struct pt_variant_reader *r, const char *text, size_t len)
{
	/* Where one lives outweighs the words of a few posts. */
	r->score += 4 * (count(r, r->european_places, text, len) > 0);
	r->score -= 4 * (count(r, r->brazilian_places, text, len) > 0);
}

void
pt_variant_text(struct pt_variant_reader *r, const char *text, size_t len)
{
	r->score += 2 * count(r, r->european_strong, text, len) + count(r, r->european_weak, text, len);
	r->score -= 2 * count(r, r->brazilian_strong, text, len) + count(r, r->brazilian_weak, text, len);
}

int
pt_variant_european(const struct pt_variant_reader *r)
{
	return r->score > 0;
}
