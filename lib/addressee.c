#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "addressee.h"
#include "util.h"

#define MAX_WORDS 8
#define MAX_NAME_WORDS 3	/* "Ana Paula Ribeiro"; particles ("de", "van") not counted */
#define MAX_FIRST_NAME 40	/* bytes: some twenty letters, accents included */
#define MAX_ONE_WORD 10	/* bytes: longer single words are brands and places more often than names */
#define MAX_BRAND_WORDS 5
#define MAX_BRAND_BYTES 40

/* Words that make a display name a business, folded (lower case, no accents). */
static const char *const org_words[] = {
	"academy", "agencia", "agency", "albergue", "app", "apps", "asociacion", "associacao",
	"associates", "association", "associazione", "atelie", "atelier", "atolye", "atolyesi",
	"auto", "bibliotheque", "bottega", "boulangerie", "brasserie", "buchhandlung", "casa",
	"acai", "asociacion", "associacao", "birria", "centro", "clinica", "clube", "colectivo",
	"coletivo", "cooperativa", "cooperative", "creamery", "crossfit", "cycles", "guild",
	"joinery", "mercadito", "nerd", "nerds", "portal", "pupuseria", "pupusas", "taqueria",
	"tortilleria", "vecinos", "velas",
	"adega", "armazem", "barbearia", "barberia", "bodega", "carniceria", "ceramica",
	"ceramicas", "cerveceria", "cervejaria", "churrascaria", "companhia", "drogaria",
	"emporio", "ferreteria", "floricultura", "garrafeira", "heladeria", "lavandaria",
	"marisqueira", "mercearia", "moinho", "papelaria", "pastelaria", "peixaria",
	"peluqueria", "quinta", "sapataria", "taberna", "talho", "tasca", "vinhos", "vinos",
	"boost", "empanadas", "estetica", "fem", "liga", "runners", "running", "streams",
	"artesanato", "artesanias", "bags", "bicicletaria", "hamburgueria", "hortas", "joalheria",
	"joyeria", "lanchonete", "macetas", "moda", "sementes", "sorveteria", "tejidos", "vivero",
	"viveiro",
	"ballet", "banda", "bloco", "coro", "hostal", "maracatu", "orquesta", "orquestra", "playa",
	"posada", "pousada", "turismo", "visit", "visite",
	"dairy", "dernegi", "editora", "editorial", "epicerie", "escola", "escuela", "fazenda",
	"ferme", "firin", "fromagerie", "granja", "kafe", "kooperatif", "kulubu", "laden",
	"libreria", "librairie", "livraria", "makers", "mercado", "oficina", "okulu", "osteria",
	"panificio", "pasticceria", "refugio", "rescue", "restaurante", "roastery", "sanctuary",
	"shed", "shelter", "taller", "talabarteria", "tasarim", "tasar\xc4\xb1m", "trattoria",
	"verein", "werkstatt", "workshop",
	"bakehouse", "bakery", "bakes", "bakeshop", "bar", "bistro", "books", "bookshop",
	"bookstore", "bot", "boutique", "brewery", "brewing", "cafe", "cafeteria", "capital",
	"care", "catering", "channel", "charity", "clinic", "club", "co", "coffee", "collective",
	"college", "company", "confeitaria", "consultancy", "consulting", "coop", "corp",
	"council", "creations", "creative", "crypto", "daily", "deals", "dealz", "dental",
	"design", "designs", "diario", "digital", "enterprises", "equipe", "equipo", "estudio",
	"events", "factory", "farm", "farms", "fc", "feed", "films", "fitness", "florist",
	"flowers", "foods", "foundation", "fundacao", "fundacion", "gallery", "games", "gaming",
	"garden", "gardens", "gazette", "giveaway", "global", "gmbh", "goods", "grill", "group",
	"grupo", "gym", "headlines", "health", "herald", "holdings", "hospital", "hospitality",
	"hostel", "hotel", "hotels", "hq", "inc", "industries", "institute", "insurance",
	"international", "journal", "kitchen", "kitchens", "lab", "labs", "library", "llc",
	"llp", "loja", "ltd", "magazine", "market", "marketing", "media", "memes", "motors",
	"museum", "network", "news", "noticias", "nursery", "oficial", "official", "padaria",
	"panaderia", "partners", "pasteleria", "pharmacy", "pictures", "pizzeria", "plc",
	"podcast", "press", "prints", "productions", "properties", "pty", "quotes", "radio",
	"realty", "records", "restaurant", "resort", "roasters", "salon", "school", "services",
	"shop", "shoppe", "signals", "society", "software", "solutions", "spa", "store",
	"stores", "studio", "studios", "supply", "systems", "team", "tech", "technologies",
	"theater", "theatre", "tienda", "times", "tips", "tours", "travel", "tribune", "trust",
	"tv", "university", "updates", "ventures", "weekly", "winery", "works", "yoga", NULL
};

/* A name that starts with an article is a title, a brand or a place. */
static const char *const articles[] = {
	"the", "el", "la", "los", "las", "le", "les", "der", "die", "das", NULL
};

/* Lower-case words inside a person's name: "Ana de Souza", "Vincent van Gogh". */
static const char *const particles[] = {
	"al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
	"e", "ibn", "la", "le", "van", "von", "y", NULL
};

/*
 * A first name of two words: "Ana Sofía Lemus" is Ana Sofía, "José Luis
 * Pérez" José Luis. The first word is one of these, the second one of the
 * given names after it; "Ana Lemus" stays Ana.
 */
static const char *const compound_firsts[] = {
	"ana", "anna", "jean", "joao", "jose", "juan", "luis", "luiz", "maria", "marie", NULL
};
static const char *const compound_seconds[] = {
	"alice", "beatriz", "camila", "carlos", "carmen", "clara", "claude", "cristina",
	"david", "eduarda", "elena", "fernanda", "francisco", "gabriela", "ines", "isabel",
	"jose", "julia", "laura", "lucia", "luis", "luisa", "luiz", "manuel", "maria", "marie",
	"miguel", "pablo", "paula", "paulo", "pedro", "pierre", "rosa", "sofia", "teresa",
	"valentina", "victoria", NULL
};

/* Titles people are greeted with, name and all: "Hola Don Beto", "Oi Seu Arnaldo", "Tia Céu". */
static const char *const kept_titles[] = {
	"don", "dona", "seu", "tia", "tio", NULL
};

static const char *const honorifics[] = {
	"arq", "cllr", "dame", "dr", "dra", "eng", "ing", "kine", "lic", "lcda", "lcdo", "mr", "mrs",
	"ms", "mx", "prof", "rev", "sir", "sr", "sra", NULL
};

/* In a username, anywhere: the handle of a brand, a feed or a scheme. */
static const char *const brand_handle_parts[] = {
	"agency", "airdrop", "bakery", "bakes", "crypto", "daily", "deals", "dealz", "giveaway",
	"headlines", "media", "news", "official", "promo", "quotes", "signals", "store", "studio",
	NULL
};

/* In a username, as a whole part between '_', '.' and digits. */
static const char *const brand_handle_tokens[] = {
	"app", "bot", "cafe", "club", "co", "fc", "feed", "hq", "inc", "labs", "llc", "ltd",
	"shop", "team", "tips", "tv", NULL
};

struct word {
	const char *p;
	size_t len;
	int connector;	/* "&" or "+": two names joined, as businesses are */
};

/* s in lower case without accents into out (replacing it). */
static void
fold(struct buf *out, const char *s, size_t len)
{
	utf8proc_uint8_t *f = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &f,
	    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);

	buf_reset(out);
	buf_add(out, "", 0);
	if (n > 0)
		buf_add(out, f, (size_t)n);
	free(f);
}

static int
folded_in(const char *const *list, const struct word *w)
{
	struct buf f = {0};
	int found;

	fold(&f, w->p, w->len);
	found = in_word_list(list, f.p, f.len);
	buf_free(&f);
	return found;
}

/* A word of a business, a full stop after it or not: "Peckham Wick Co." */
static int
org_word(const struct word *w)
{
	struct word bare = *w;

	if (bare.len > 1 && bare.p[bare.len - 1] == '.')
		bare.len--;
	return folded_in(org_words, &bare);
}

static utf8proc_category_t
category_at(const char *s, size_t len, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);

	*n = k > 0 ? (size_t)k : 1;
	return k > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
}

static int
is_letter(utf8proc_category_t c)
{
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int
is_alnum_cat(utf8proc_category_t c)
{
	return is_letter(c) || (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/*
 * The word s without the characters at its ends that are neither letters
 * nor digits (a full stop right after one stays: "H."); *len becomes its length.
 */
static const char *
strip_ends(const char *s, size_t *len)
{
	size_t n, end = 0, i;

	while (*len > 0 && !is_alnum_cat(category_at(s, *len, &n))) {
		s += n;
		*len -= n;
	}
	for (i = 0; i < *len; i += n)
		if (is_alnum_cat(category_at(s + i, *len - i, &n)) || (s[i] == '.' && end == i))
			end = i + n;
	*len = end;
	return s;
}

/* Whether a tagline starts at s: "|", "•", "·", ",", "(", "/", "[", ":", ";", dashes. */
static int
separator(const char *s)
{
	static const char *const seps[] = {"|", "\xe2\x80\xa2", "\xc2\xb7", ",", "(", "/", "[",
		":", ";", "-", "\xe2\x80\x93", "\xe2\x80\x94", NULL};
	size_t i;

	for (i = 0; seps[i]; i++)
		if (strncmp(s, seps[i], strlen(seps[i])) == 0)
			return 1;
	return 0;
}

/*
 * The words of a display name up to where a tagline starts: a separator
 * ("Amara | Forex Mentor", "Mara Oyelaran, PhD") or an emoji between
 * words ("Lu 🌻 te sigo de vuelta"). Leading emoji are skipped.
 */
static int
name_words(const char *s, struct word *w)
{
	int n = 0;

	while (*s && n < MAX_WORDS) {
		size_t len = 0, plen;
		const char *p;
		int sep = 0;

		while (*s == ' ' || *s == '\n')
			s++;
		while (s[len] && s[len] != ' ' && s[len] != '\n') {
			/* a hyphen inside a word is part of it: "Mary-Kate" */
			if (separator(s + len) &&
			    !(s[len] == '-' && len > 0 && s[len + 1] && s[len + 1] != ' ')) {
				sep = 1;
				break;
			}
			len++;
		}
		if (len == 0 && !*s)
			break;
		plen = len;
		p = strip_ends(s, &plen);
		if (plen > 0) {
			w[n].p = p;
			w[n].len = plen;
			w[n].connector = 0;
			n++;
		} else if (len == 1 && (*s == '&' || *s == '+')) {
			w[n].p = s;
			w[n].len = 1;
			w[n].connector = 1;
			n++;
		} else if (n > 0 && len > 0) {
			break;	/* an emoji after the name: a tagline follows */
		}
		if (sep)
			break;
		s += len;
	}
	return n;
}

/* A capitalised word of letters ("Mara", "DeShawn", "O'Neil"), or an initial ("H."). */
static int
name_like(const struct word *w, int *initial)
{
	size_t i, n;
	int letters = 0, lower = 0;
	utf8proc_category_t first = category_at(w->p, w->len, &n);

	if (first != UTF8PROC_CATEGORY_LU && first != UTF8PROC_CATEGORY_LT)
		return 0;
	for (i = 0; i < w->len; i += n) {
		utf8proc_category_t c = category_at(w->p + i, w->len - i, &n);

		if (is_letter(c)) {
			letters++;
			lower |= c == UTF8PROC_CATEGORY_LL;
		} else if (!strchr("-'.", w->p[i]) &&
		    strncmp(w->p + i, "\xe2\x80\x99", 3) != 0) {
			return 0;
		}
	}
	*initial = letters == 1;
	return *initial || lower;
}

static int
has_digit(const struct word *w)
{
	size_t i;

	for (i = 0; i < w->len; i++)
		if (w->p[i] >= '0' && w->p[i] <= '9')
			return 1;
	return 0;
}

static int
brand_username(const char *username)
{
	struct buf f = {0};
	size_t i, start;
	int brand = 0;

	fold(&f, username, strlen(username));
	for (i = 0; brand_handle_parts[i] && !brand; i++)
		brand = strstr(f.p, brand_handle_parts[i]) != NULL;
	brand |= f.len > 3 && strcmp(f.p + f.len - 3, "bot") == 0;
	for (start = 0, i = 0; i <= f.len && !brand; i++)
		if (i == f.len || f.p[i] == '_' || f.p[i] == '.' || (f.p[i] >= '0' && f.p[i] <= '9')) {
			brand = i > start && in_word_list(brand_handle_tokens, f.p + start, i - start);
			start = i + 1;
		}
	buf_free(&f);
	return brand;
}

/* "Eastshire", "Brightside": a one-word name shaped like a place or a brand. */
static int
place_like(const struct buf *name)
{
	static const char *const endings[] = {
		"borough", "burg", "bury", "field", "land", "light", "mouth", "port", "shire", "side",
		"ville", "wind", "wood", "works", NULL
	};
	size_t i, n;

	for (i = 0; endings[i]; i++) {
		n = strlen(endings[i]);
		if (name->len > n && strcmp(name->p + name->len - n, endings[i]) == 0)
			return 1;
	}
	return 0;
}

/* Whether the username has name as a part of its own, between '_', '.' and digits. */
static int
username_part(const struct buf *name, const char *username)
{
	struct buf user = {0};
	size_t i, start = 0;
	int found = 0;

	fold(&user, username, strlen(username));
	for (i = 0; i <= user.len && !found; i++)
		if (i == user.len || user.p[i] == '_' || user.p[i] == '.' ||
		    (user.p[i] >= '0' && user.p[i] <= '9')) {
			found = i - start == name->len && memcmp(user.p + start, name->p, name->len) == 0;
			start = i + 1;
		}
	buf_free(&user);
	return found;
}

/*
 * A one-word name is taken only when the username has it as a part of its
 * own ("Sophie", @sophie_t_93; "Raj", @raj_cooks) and it is short and not
 * shaped like a place or a brand.
 */
static int
one_word_name(const struct word *w, const char *username)
{
	struct buf name = {0};
	int ok;

	fold(&name, w->p, w->len);
	ok = name.len <= MAX_ONE_WORD && !place_like(&name) && username_part(&name, username);
	buf_free(&name);
	return ok;
}

/*
 * The first name of a couple, or of a person and a pet: "Liam & Jess",
 * "Hemi & Kate Walker" greet "Liam & Jess", "Hemi & Kate", never their
 * "team". Two capitalised names joined by "&" or "+", a surname after
 * them or not.
 */
static int
read_couple(struct addressee *a, const struct word *w, int n, const char *username)
{
	int i, initial;

	if ((n != 3 && n != 4) || !w[1].connector || brand_username(username))
		return 0;
	for (i = 0; i < n; i++)
		if (i != 1 && (!name_like(&w[i], &initial) || initial || has_digit(&w[i]) ||
		    org_word(&w[i])))
			return 0;
	a->kind = ADDRESSEE_PERSON;
	buf_add(&a->name, w[0].p, (size_t)(w[2].p + w[2].len - w[0].p));
	return 1;
}

/* The first name, when the words are a person's name. */
static void
read_person(struct addressee *a, const struct word *w, int n, int honorific,
    const char *username)
{
	int i, names = 0, initial;

	if (n > MAX_NAME_WORDS + 1 || w[0].len > MAX_FIRST_NAME || brand_username(username))
		return;
	for (i = 0; i < n; i++) {
		if (i > 0 && i < n - 1 && folded_in(particles, &w[i]) && !name_like(&w[i], &initial))
			continue;
		if (!name_like(&w[i], &initial) || (i == 0 && initial))
			return;
		names++;
	}
	if (names > MAX_NAME_WORDS || (names == 1 && !honorific && !one_word_name(&w[0], username)))
		return;
	a->kind = ADDRESSEE_PERSON;
	if (n >= 2 && folded_in(compound_firsts, &w[0]) && folded_in(compound_seconds, &w[1]))
		buf_add(&a->name, w[0].p, (size_t)(w[1].p + w[1].len - w[0].p));
	else
		buf_add(&a->name, w[0].p, w[0].len);
}

/* The brand's whole name, when it is short enough to greet. */
static void
read_brand(struct addressee *a, const struct word *w, int n)
{
	int i;

	if (n > MAX_BRAND_WORDS)
		return;
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(&a->name, ' ');
		buf_add(&a->name, w[i].p, w[i].len);
	}
	if (a->name.len <= MAX_BRAND_BYTES)
		a->kind = ADDRESSEE_BRAND;
}

void
addressee_read(struct addressee *a, const char *display, size_t len, const char *username)
{
	struct word w[MAX_WORDS];
	struct buf text = {0};
	utf8proc_uint8_t *plain;
	int n, i, business = 0, digits = 0, honorific = 0, kept = 0;
	struct word kept_title = {0};

	a->kind = ADDRESSEE_NONE;
	buf_reset(&a->name);
	/* 𝐌𝐚𝐫𝐚 and Ｍａｒａ are Mara: compatibility forms, case kept. */
	buf_add(&text, display, len);
	plain = utf8proc_NFKC((const utf8proc_uint8_t *)text.p);
	n = plain ? name_words((const char *)plain, w) : 0;
	if (n > 0 && w[0].len <= 5 && !w[0].connector) {
		struct word title = w[0];

		if (title.p[title.len - 1] == '.')
			title.len--;
		kept = n > 1 && folded_in(kept_titles, &title);
		honorific = kept || folded_in(honorifics, &title);
	}
	if (honorific) {
		kept_title = w[0];
		memmove(w, w + 1, (size_t)(n - 1) * sizeof *w);
		n--;
	}
	for (i = 0; i < n; i++) {
		business |= w[i].connector || org_word(&w[i]);
		digits |= has_digit(&w[i]);
	}
	/* "Don Beto Birria" is the shop's whole name, title and all. */
	if (kept && business) {
		memmove(w + 1, w, (size_t)n * sizeof *w);
		w[0] = kept_title;
		n++;
	}
	/* "The Daily Crumb" gets no name: never a cut, and "Hi The Daily Crumb team" reads badly. */
	if (n > 0 && !folded_in(articles, &w[0]) && !read_couple(a, w, n, username ? username : "")) {
		if (business) {
			read_brand(a, w, n);
		} else if (!digits) {
			read_person(a, w, n, honorific, username ? username : "");
			/* "Mr Adams" alone is a surname: "Hi Mr Adams", not "Hi Adams". */
			if ((kept || (honorific && n == 1)) && a->kind == ADDRESSEE_PERSON) {
				buf_reset(&text);
				buf_add(&text, kept_title.p, kept_title.len);
				buf_addc(&text, ' ');
				buf_add(&text, a->name.p, a->name.len);
				buf_reset(&a->name);
				buf_add(&a->name, text.p, text.len);
			}
		}
	}
	free(plain);
	buf_free(&text);
}

void
addressee_free(struct addressee *a)
{
	buf_free(&a->name);
}
