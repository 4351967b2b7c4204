#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "textnorm.h"
#include "util.h"

#define FOLD_MAX 4

struct fold {
	uint8_t ready, n;
	uint32_t cp[FOLD_MAX];
};

/* One character that stands for another: a look-alike and the letter it dresses up. */
struct stand_in {
	uint32_t from, to;
};

#define STAND_IN(tab, c) stand_in_of((tab), sizeof(tab) / sizeof((tab)[0]), (c))

/* What c stands for in tab, or 0. */
static uint32_t
stand_in_of(const struct stand_in *tab, size_t n, uint32_t c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tab[i].from == c)
			return tab[i].to;
	return 0;
}

/* Folds of the Basic Multilingual Plane, computed on first use. */
static struct fold *bmp_cache;

void
textnorm_init(struct textnorm *n)
{
	memset(n, 0, sizeof *n);
}

void
textnorm_free(struct textnorm *n)
{
	buf_free(&n->out);
	free(n->cp_off);
	free(n->orig);
	free(n->t);
	memset(n, 0, sizeof *n);
}

static int
is_cjk(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
	    (c >= 0x3130 && c <= 0x318F) || (c >= 0xF900 && c <= 0xFAFF);
}

/*
 * Scripts whose marks are accents that people drop at will. Cyrillic keeps
 * them: й and и are different letters.
 */
static int
marks_droppable(uint32_t base)
{
	return base < 0x0400 || (base >= 0x0530 && base < 0x0800) ||
	    (base >= 0x1E00 && base <= 0x1FFF);
}

static int
is_mark(uint32_t c)
{
	utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);

	return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
	    k == UTF8PROC_CATEGORY_ME;
}

/* Letters that NFKC leaves alone but that only dress up a Latin letter. */
static int
fancy_letter(uint32_t c, uint32_t *out)
{
	static const char smallcaps[] = "abcdefghijklmnopqrstuvwxyz";
	/* U+1D00.. small capitals, in the order of the alphabet where they exist */
	static const struct stand_in small[] = {
		{0x1D00, 'a'}, {0x0299, 'b'}, {0x1D04, 'c'}, {0x1D05, 'd'},
		{0x1D07, 'e'}, {0xA730, 'f'}, {0x0262, 'g'}, {0x029C, 'h'},
		{0x026A, 'i'}, {0x1D0A, 'j'}, {0x1D0B, 'k'}, {0x029F, 'l'},
		{0x1D0D, 'm'}, {0x0274, 'n'}, {0x1D0F, 'o'}, {0x1D18, 'p'},
		{0x0280, 'r'}, {0xA731, 's'}, {0x1D1B, 't'}, {0x1D1C, 'u'},
		{0x1D20, 'v'}, {0x1D21, 'w'}, {0x028F, 'y'}, {0x1D22, 'z'},
		/* hooked and barred letters of the font generators (ƒσℓℓσω ɓαcƙ),
		 * and the Vietnamese and South Slavic đ, which people also
		 * write as d */
		{0x0192, 'f'}, {0x0253, 'b'}, {0x0199, 'k'}, {0x0257, 'd'},
		{0x0110, 'd'}, {0x0111, 'd'},
		/* ø and the empty set for o (FØLLØW); Danish rules accept o */
		{0x00F8, 'o'}, {0x2205, 'o'},
		/* Coptic (Fⲟllⲟw), whose capitals fold to these */
		{0x2C81, 'a'}, {0x2C83, 'b'}, {0x2C89, 'e'}, {0x2C93, 'i'},
		{0x2C95, 'k'}, {0x2C99, 'm'}, {0x2C9B, 'n'}, {0x2C9F, 'o'},
		{0x2CA3, 'p'}, {0x2CA5, 'c'}, {0x2CA7, 't'}, {0x2CA9, 'u'},
		{0x2CAD, 'x'}, {0x2CB1, 'w'}, {0x2C97, 'l'},
		/* Cherokee capitals, to which the small letters fold */
		{0x13AA, 'a'}, {0x13F4, 'b'}, {0x13DF, 'c'}, {0x13A0, 'd'},
		{0x13AC, 'e'}, {0x13C0, 'g'}, {0x13BB, 'h'}, {0x13A5, 'i'},
		{0x13AB, 'j'}, {0x13E6, 'k'}, {0x13DE, 'l'}, {0x13B7, 'm'},
		{0x13EB, 'o'}, {0x13E2, 'p'}, {0x13A1, 'r'}, {0x13DA, 's'},
		{0x13A2, 't'}, {0x13D9, 'v'}, {0x13B3, 'w'}, {0x13D4, 'w'},
		{0x13C3, 'z'}, {0x13C6, 'i'},
		/* the Canadian syllabics of font generators (ᖴOᒪᒪOᗯ ᗷᗩᑕK) */
		{0x15E9, 'a'}, {0x15F7, 'b'}, {0x1455, 'c'}, {0x15EA, 'd'},
		{0x15F4, 'e'}, {0x156E, 'e'}, {0x15B4, 'f'}, {0x161C, 'g'},
		{0x157C, 'h'}, {0x148D, 'j'}, {0x14AA, 'l'}, {0x15F0, 'm'},
		{0x144E, 'n'}, {0x15DD, 'o'}, {0x146D, 'p'}, {0x146B, 'q'},
		{0x1587, 'r'}, {0x1515, 's'}, {0x144C, 'u'}, {0x142F, 'v'},
		{0x15EF, 'w'}, {0x1614, 'z'}, {0x15BD, 'k'},
	};
	uint32_t to;

	if (c >= 0x1F130 && c <= 0x1F149) {	/* squared */
		*out = (uint32_t)smallcaps[c - 0x1F130];
		return 1;
	}
	if (c >= 0x1F150 && c <= 0x1F169) {	/* negative circled */
		*out = (uint32_t)smallcaps[c - 0x1F150];
		return 1;
	}
	if (c >= 0x1F170 && c <= 0x1F189) {	/* negative squared */
		*out = (uint32_t)smallcaps[c - 0x1F170];
		return 1;
	}
	if ((to = STAND_IN(small, c)) == 0)
		return 0;
	*out = to;
	return 1;
}

static void
compute_fold(uint32_t c, struct fold *f)
{
	utf8proc_int32_t d[16];
	utf8proc_ssize_t r;
	int i;

	f->ready = 1;
	f->n = 1;
	f->cp[0] = c;
	if (is_cjk(c))
		return;
	if (c == 0x0640) {	/* Arabic tatweel only stretches a word */
		f->n = 0;
		return;
	}
	if (fancy_letter(c, &f->cp[0]))
		return;
	r = utf8proc_decompose_char((utf8proc_int32_t)c, d, 16,
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
	    UTF8PROC_LUMP, NULL);
	if (r < 0 || r > 16)
		return;
	if (r == 0) {
		f->n = 0;
		return;
	}
	if (!marks_droppable((uint32_t)d[0])) {
		/* Keep the letter whole where its marks carry meaning (kana, Devanagari). */
		for (i = 1; i < r; i++)
			if (is_mark((uint32_t)d[i])) {
				r = utf8proc_decompose_char((utf8proc_int32_t)c, d, 16,
				    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, NULL);
				if (r == 1 && (uint32_t)d[0] != c && !is_mark((uint32_t)d[0]))
					f->cp[0] = (uint32_t)d[0];
				return;
			}
	}
	f->n = 0;
	for (i = 0; i < r; i++) {
		uint32_t x = (uint32_t)d[i];

		if (is_mark(x) && (i > 0 ? marks_droppable((uint32_t)d[0]) : marks_droppable(x)))
			continue;
		if (f->n == FOLD_MAX) {
			f->n = 1;
			f->cp[0] = c;
			return;
		}
		if (x == '\t' || x == '\n' || x == '\r' || x == '\f' || x == '\v')
			x = ' ';
		/* A superscript small capital (ᶦ) decomposes to the small capital. */
		(void)fancy_letter(x, &x);
		f->cp[f->n++] = x;
	}
}

static const struct fold *
fold_of(uint32_t c, struct fold *tmp)
{
	struct fold *f;

	if (c >= 0x10000) {
		compute_fold(c, tmp);
		return tmp;
	}
	if (bmp_cache == NULL)
		bmp_cache = xcalloc(0x10000, sizeof *bmp_cache);
	f = &bmp_cache[c];
	if (!f->ready)
		compute_fold(c, f);
	return f;
}

static uint32_t
decode_utf8(const unsigned char *p, size_t *k)
{
	uint32_t c = p[0];

	if (c < 0x80) {
		*k = 1;
		return c;
	}
	if (c < 0xE0) {
		*k = 2;
		return (c & 0x1F) << 6 | (p[1] & 0x3F);
	}
	if (c < 0xF0) {
		*k = 3;
		return (c & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	}
	*k = 4;
	return (c & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
	    (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
}

static inline int
is_lower_ascii(uint32_t c)
{
	return c >= 'a' && c <= 'z';
}

static inline int
is_letter(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	return utf8proc_category((utf8proc_int32_t)c) <= UTF8PROC_CATEGORY_LO &&
	    utf8proc_category((utf8proc_int32_t)c) >= UTF8PROC_CATEGORY_LU;
}

static inline int
is_alnum(uint32_t c)
{
	return is_letter(c) || (c >= '0' && c <= '9');
}

static inline int
is_spread_sep(uint32_t c)
{
	return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' ||
	    c == 0x00B7 || c == 0x2022 || c == '~' || c == '+';
}

static inline uint32_t
leet_letter(uint32_t c)
{
	switch (c) {
	case '0': return 'o';
	case '1': return 'l';
	case '3': return 'e';
	case '5': return 's';
	case '7': return 't';
	case '|': return 'l';
	case '@': return 'a';
	case '$': return 's';
	default: return 0;
	}
}

/* Greek, Cyrillic and Armenian: scripts with letters that look Latin. */
static inline int
lookalike_script(uint32_t c)
{
	return c >= 0x0370 && c <= 0x058F;
}

/*
 * Symbols that stand for a letter between letters: shapes for an o between
 * Latin letters (f☆llow, F♡LLOW), ¢ for a c (ba¢k, вα¢к). Elsewhere they
 * are what they are.
 */
static uint32_t
letter_symbol(uint32_t c, int latin_neighbours)
{
	if (c == 0x00A2)
		return 'c';
	if (!latin_neighbours)
		return 0;
	switch (c) {
	case 0x2606: case 0x2605: case 0x2729: case 0x272A: case 0x272B:
	case 0x272C: case 0x272D: case 0x272E: case 0x272F: case 0x2730:
	case 0x2B50: case 0x25CB: case 0x25EF: case 0x25CE: case 0x25CF:
	case 0x26AA: case 0x26AB: case 0x2B55: case 0x2661: case 0x2665:
	case 0x2764: case 0x1F534: case 0x1F535: case 0x1F518: case 0x2299:
	case 0x25C9: case 0x1F31F: case 0x1F338: case 0x1F495:
		return 'o';
	default:
		return 0;
	}
}

/* Dots and shapes that spread letters with a space on each side (f ⋅ o ⋅ l ⋅ l). */
static int
spaced_dot(uint32_t c)
{
	return c == 0x22C5 || c == 0x2219 || c == 0x2022 || c == 0x00B7 || c == 0x25E6 ||
	    c == 0x2027 || c == 0x22C6 || c == 0x2606 || c == 0x2605 || c == 0x2661;
}

/* Letters of upside-down text with no upright twin: they mark it. */
static uint32_t
flipped(uint32_t c)
{
	static const struct stand_in tab[] = {
		{0x0250, 'a'}, {0x01DD, 'e'}, {0x025F, 'f'}, {0x0183, 'g'},
		{0x0265, 'h'}, {0x1D09, 'i'}, {0x029E, 'k'}, {0xA781, 'l'},
		{0x026F, 'm'}, {0x0279, 'r'}, {0x0287, 't'}, {0x028C, 'v'},
		{0x028D, 'w'}, {0x028E, 'y'},
	};

	if ((c < 0x0183 || c > 0x029E) && c != 0x1D09 && c != 0xA781)
		return 0;
	return STAND_IN(tab, c);
}

/* Cyrillic and Greek letters that look Latin, for words that mix the scripts. */
static uint32_t
confusable(uint32_t c)
{
	static const struct stand_in tab[] = {
		{0x0430, 'a'}, {0x0432, 'b'}, {0x0435, 'e'}, {0x043A, 'k'},
		{0x043C, 'm'}, {0x043D, 'h'}, {0x043E, 'o'}, {0x0440, 'p'},
		{0x0441, 'c'}, {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'},
		{0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x0501, 'd'},
		{0x051B, 'q'}, {0x051D, 'w'}, {0x04BB, 'h'}, {0x0461, 'w'},
		{0x03B1, 'a'}, {0x03B2, 'b'}, {0x03B5, 'e'}, {0x03B9, 'i'},
		{0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'},
		{0x03C4, 't'}, {0x03C5, 'u'}, {0x03C7, 'x'}, {0x03C9, 'w'},
		/* ғ stands for f in small-capital fonts (ғᴏʟʟᴏᴡ), σ for o */
		{0x0493, 'f'}, {0x03C3, 'o'},
		/* BΔCK, ΛDD, FΘLLΘW */
		{0x03B4, 'a'}, {0x03BB, 'a'}, {0x03B8, 'o'},
		/* Armenian */
		{0x0585, 'o'}, {0x057D, 'u'}, {0x0578, 'n'}, {0x0570, 'h'},
		{0x0581, 'g'}, {0x0566, 'q'}, {0x0561, 'w'},
	};

	return STAND_IN(tab, c);
}

static inline void
tpush(struct textnorm *n, uint32_t cp, uint32_t src, uint32_t src_end)
{
	if (n->tlen == n->tcap)
		n->t = xgrow(n->t, &n->tcap, sizeof *n->t, 256);
	n->t[n->tlen].cp = cp;
	n->t[n->tlen].src = src;
	n->t[n->tlen].src_end = src_end;
	n->tlen++;
}

static void
decode_all(struct textnorm *n, const char *s, size_t len)
{
	size_t i = 0, k;

	if (n->cp_cap < len + 1) {
		n->cp_cap = len + 1;
		n->cp_off = xrealloc(n->cp_off, n->cp_cap * sizeof *n->cp_off);
		n->orig = xrealloc(n->orig, n->cp_cap * sizeof *n->orig);
	}
	n->ncp = 0;
	while (i < len) {
		n->cp_off[n->ncp] = (uint32_t)i;
		n->orig[n->ncp++] = decode_utf8((const unsigned char *)s + i, &k);
		i += k;
	}
	n->cp_off[n->ncp] = (uint32_t)len;
}

/* Whether the capital I at o[i] stands for an l. */
static int
l_impostor(const uint32_t *o, size_t m, size_t i, int prev_was_impostor)
{
	int before = is_lower_ascii(o[i - 1]) || (o[i - 1] == 'I' && prev_was_impostor);
	int after = i + 1 < m && (is_lower_ascii(o[i + 1]) || o[i + 1] == 'I');

	if (before && after)
		return 1;
	if (o[i - 1] == '\'' && i + 1 < m && o[i + 1] == 'I')
		return 1;	/* I'II */
	return o[i - 1] == 'I' && prev_was_impostor;
}

enum { SEEN_LOOKALIKE = 1, SEEN_FLIPPED = 2 };

/*
 * Stage 1: one original codepoint at a time. Returns what later stages
 * have to undo: SEEN_LOOKALIKE (Greek, Cyrillic or Armenian letters),
 * SEEN_FLIPPED (upside-down letters).
 */
static unsigned
fold_chars(struct textnorm *n)
{
	uint32_t *o = n->orig;
	size_t i, m = n->ncp;
	int prev_l_impostor = 0;
	unsigned seen = 0;
	struct fold tmp;

	n->tlen = 0;
	for (i = 0; i < m; i++) {
		uint32_t c = o[i];
		const struct fold *f;
		int j;

		if (c < 0x80) {
			/* A capital I between lower-case letters is an l in disguise (FoIIow). */
			/* ... and so is the pair in "I'II". */
			if (c == 'I' && i > 0 && l_impostor(o, m, i, prev_l_impostor)) {
				tpush(n, 'l', (uint32_t)i, (uint32_t)i + 1);
				prev_l_impostor = 1;
				continue;
			}
			prev_l_impostor = 0;
			if (c >= 'A' && c <= 'Z')
				c += 32;
			else if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
				c = ' ';
			tpush(n, c, (uint32_t)i, (uint32_t)i + 1);
			continue;
		}
		prev_l_impostor = 0;
		if (lookalike_script(c))
			seen |= SEEN_LOOKALIKE;
		else if (flipped(c))
			seen |= SEEN_FLIPPED;
		/* The symbol first: most text has letters around every character. */
		if (letter_symbol(c, 1) && n->tlen > 0 && is_letter(n->t[n->tlen - 1].cp)) {
			uint32_t prev = n->t[n->tlen - 1].cp, to;
			uint32_t next = i + 1 < m && o[i + 1] == 0xFE0F ? (i + 2 < m ? o[i + 2] : 0) :
			    (i + 1 < m ? o[i + 1] : 0);

			if (is_letter(next) &&
			    (to = letter_symbol(c, is_lower_ascii(prev) && next < 0x80)) != 0) {
				tpush(n, to, (uint32_t)i, (uint32_t)i + 1);
				continue;
			}
		}
		/* "f ⋅ o ⋅ l": the dot and the space after it go, leaving "f o l" to join */
		if (spaced_dot(c) && n->tlen >= 2 && n->t[n->tlen - 1].cp == ' ' &&
		    is_alnum(n->t[n->tlen - 2].cp) && (n->tlen < 3 || !is_alnum(n->t[n->tlen - 3].cp)) &&
		    i + 2 < m && o[i + 1] == ' ' && is_alnum(o[i + 2]) &&
		    (i + 3 >= m || !is_alnum(o[i + 3]))) {
			i++;
			continue;
		}
		/* ᖽᐸ: the two halves of a k */
		if (c == 0x1438 && i > 0 && o[i - 1] == 0x15BD)
			continue;
		if (c == 0x3099 || c == 0x309A || c == 0xFF9E || c == 0xFF9F) {
			/* A separate voicing mark joins the kana before it. */
			if (n->tlen > 0 && n->t[n->tlen - 1].cp >= 0x3041 &&
			    n->t[n->tlen - 1].cp <= 0x30F6) {
				n->t[n->tlen - 1].cp += (c == 0x3099 || c == 0xFF9E) ? 1 : 2;
				n->t[n->tlen - 1].src_end = (uint32_t)i + 1;
			}
			continue;
		}
		if (is_mark(c) && n->tlen > 0 && marks_droppable(n->t[n->tlen - 1].cp))
			continue;
		f = fold_of(c, &tmp);
		for (j = 0; j < f->n; j++)
			tpush(n, f->cp[j], (uint32_t)i, (uint32_t)i + 1);
	}
	return seen;
}

static uint32_t
to_cyrillic(uint32_t c)
{
	static const struct { char from; uint32_t to; } tab[] = {
		{'a', 0x0430}, {'c', 0x0441}, {'e', 0x0435}, {'k', 0x043A},
		{'m', 0x043C}, {'o', 0x043E}, {'p', 0x0440}, {'t', 0x0442},
		{'x', 0x0445}, {'y', 0x0443}, {'b', 0x0432}, {'h', 0x043D},
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if ((uint32_t)tab[i].from == c)
			return tab[i].to;
	return 0;
}

/* A word that mixes Latin with Cyrillic or Greek look-alikes is read in its main script. */
static void
unmix_scripts(struct textnorm *n)
{
	size_t i = 0, j, k;

	while (i < n->tlen) {
		size_t latin = 0, other = 0, plain_cyrillic = 0, greek = 0;

		if (!is_alnum(n->t[i].cp)) {
			i++;
			continue;
		}
		for (j = i; j < n->tlen && is_alnum(n->t[j].cp); j++) {
			uint32_t c = n->t[j].cp;

			if (c < 0x80 && c > '9')
				latin++;
			else if (lookalike_script(c)) {
				other++;
				plain_cyrillic += c >= 0x0400 && c <= 0x052F && !confusable(c);
				greek += c < 0x0400;
			}
		}
		/* A Cyrillic letter with no Latin twin (п, д, и) says the word is Russian. */
		/* ... and so does one that mixes Greek with Cyrillic (вαck) */
		if ((latin && other) || (greek && greek < other && !plain_cyrillic))
			for (k = i; k < j; k++) {
				uint32_t to = plain_cyrillic ? to_cyrillic(n->t[k].cp) :
				    confusable(n->t[k].cp);

				if (to)
					n->t[k].cp = to;
			}
		i = j;
	}
}

/* Upright twins of the letters and marks upside-down text also uses. */
static uint32_t
flip_back(uint32_t c)
{
	switch (c) {
	case 'b': return 'q';
	case 'q': return 'b';
	case 'd': return 'p';
	case 'p': return 'd';
	case 'n': return 'u';
	case 'u': return 'n';
	case 0x0254: return 'c';
	case 0x027E: return 'j';
	case 0x0131: return 'i';
	case 0x05DF: return 'l';
	case 0x00A1: return '!';
	case 0x00BF: return '?';
	case 0x02D9: return '.';
	default: return flipped(c);
	}
}

/*
 * Upside-down text (ʞɔɐq ʍolloɟ) is written backwards with turned letters.
 * From the first word with two turned letters to the last one, the
 * characters are put back in order and turned upright. Offsets stay with
 * each character, so a hit still maps to the text as written.
 */
static void
unflip(struct textnorm *n)
{
	struct norm_char *t = n->t, tmp;
	size_t i, j, first = n->tlen, last = 0;
	int sure = 0;

	/* Words with a turned letter, once one word has two (ʞɔɐq ʍolloɟ ᴉ). */
	for (i = 0; i < n->tlen;) {
		size_t turned = 0;

		for (j = i; j < n->tlen && t[j].cp != ' '; j++)
			turned += flipped(t[j].cp) != 0;
		if (turned >= 1) {
			if (first == n->tlen)
				first = i;
			last = j;
		}
		sure |= turned >= 2;
		i = j + 1;
	}
	if (!sure)
		return;
	for (i = first, j = last - 1; i < j; i++, j--) {
		tmp = t[i];
		t[i] = t[j];
		t[j] = tmp;
	}
	for (i = first; i < last; i++) {
		uint32_t up = flip_back(t[i].cp);

		if (up)
			t[i].cp = up;
	}
}

static void
unleet(struct textnorm *n)
{
	size_t i;

	for (i = 1; i < n->tlen; i++) {
		uint32_t to = leet_letter(n->t[i].cp);
		uint32_t next = i + 1 < n->tlen ? n->t[i + 1].cp : ' ';

		if (!to || !is_letter(n->t[i - 1].cp))
			continue;
		/* Between letters (f0ll0w), or ending a word (m3); not in numbers (2019). */
		if (is_letter(next) || (!is_alnum(next) && n->t[i].cp != '@' &&
		    n->t[i].cp != '|') ||
		    (leet_letter(next) && i + 2 < n->tlen && is_letter(n->t[i + 2].cp))) {
			/* 1 is an l beside an l (fo1low, fo11ow), else an i (segu1ndo, th1s). */
			if (n->t[i].cp == '1' && n->t[i - 1].cp != 'l' && next != 'l' && next != '1')
				to = 'i';
			n->t[i].cp = to;
		}
	}
}

/* Length of the run of lone characters c sep c sep ... starting at i, and its letters. */
static size_t
spread_run(const struct norm_char *t, size_t m, size_t i, size_t *letters)
{
	size_t j, tokens = 0;
	uint32_t sep;

	*letters = 0;
	if (!is_alnum(t[i].cp) || (i > 0 && is_alnum(t[i - 1].cp)) ||
	    i + 2 >= m || !is_spread_sep(t[i + 1].cp) || !is_alnum(t[i + 2].cp))
		return 0;
	sep = t[i + 1].cp;
	for (j = i;; j += 2) {
		if (!is_alnum(t[j].cp) || (j + 1 < m && is_alnum(t[j + 1].cp)))
			break;
		tokens++;
		*letters += is_letter(t[j].cp);
		if (j + 2 >= m || t[j + 1].cp != sep || !is_alnum(t[j + 2].cp))
			break;
	}
	return tokens;
}

/*
 * "F O L L O W" and "f.o.l.l.o.w": three or more lone characters with one
 * separator become a word. Once a text spreads its letters, pairs join too,
 * so "F O L L O W  M E" keeps its "me". Returns whether it joined any.
 */
static int
join_spread(struct textnorm *n)
{
	struct norm_char *t = n->t;
	size_t i, w = 0, m = n->tlen, k, letters, tokens, min = 3;

	for (i = 0; i < m && min == 3; i++)
		if (spread_run(t, m, i, &letters) >= 3 && letters >= 2)
			min = 2;
	if (min == 3)
		return 0;
	for (i = 0; i < m;) {
		size_t last, more;

		tokens = spread_run(t, m, i, &letters);
		/* "i f.o.l.l.o.w": the f belongs to the longer run, with the other separator. */
		last = i + 2 * (tokens - 1);
		if (tokens >= 2 && spread_run(t, m, last, &more) > tokens &&
		    t[last + 1].cp != t[i + 1].cp) {
			tokens--;
			letters -= is_letter(t[last].cp);
		}
		if (tokens < min || letters < 2) {
			t[w++] = t[i++];
			continue;
		}
		/* Keep the lone characters, drop the separators between them. */
		for (k = 0; k < tokens; k++)
			t[w++] = t[i + 2 * k];
		i += 2 * tokens - 1;
	}
	n->tlen = w;
	return w < m;
}

/*
 * Runs of three or more identical letters become one: "pleaseeee" reads
 * "please", "sigooo" reads "sigo". A real double letter that is stretched
 * ("folllow") loses its pair too, so patterns write doubles as "l+".
 */
static void
collapse_runs(struct textnorm *n)
{
	struct norm_char *t = n->t;
	size_t i = 0, w = 0, m = n->tlen;

	while (i < m) {
		size_t j = i + 1;
		uint32_t c = t[i].cp;

		while (j < m && t[j].cp == c)
			j++;
		t[w] = t[i];
		if (j - i >= 3 && c != ' ' && !(c >= '0' && c <= '9') &&
		    (c >= 0x80 || is_letter(c))) {
			t[w++].src_end = t[j - 1].src_end;
			i = j;
			continue;
		}
		w++;
		i++;
	}
	n->tlen = w;
}

static void
encode(struct textnorm *n)
{
	size_t i, need = n->tlen * 4 + 1;

	buf_reset(&n->out);
	if (n->out.cap < need)
		buf_grow(&n->out, need);
	for (i = 0; i < n->tlen; i++) {
		uint32_t c = n->t[i].cp;
		unsigned char *p = (unsigned char *)n->out.p + n->out.len;

		if (c < 0x80) {
			p[0] = (unsigned char)c;
			n->out.len += 1;
		} else if (c < 0x800) {
			p[0] = (unsigned char)(0xC0 | (c >> 6));
			p[1] = (unsigned char)(0x80 | (c & 0x3F));
			n->out.len += 2;
		} else if (c < 0x10000) {
			p[0] = (unsigned char)(0xE0 | (c >> 12));
			p[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
			p[2] = (unsigned char)(0x80 | (c & 0x3F));
			n->out.len += 3;
		} else {
			p[0] = (unsigned char)(0xF0 | (c >> 18));
			p[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
			p[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
			p[3] = (unsigned char)(0x80 | (c & 0x3F));
			n->out.len += 4;
		}
	}
	n->out.p[n->out.len] = '\0';
}

enum {
	A_LOWER = 1, A_UPPER = 2, A_DIGIT = 4, A_LEET = 8, A_SEP = 16, A_CTRL = 32, A_HIGH = 64
};

/* Classes of bytes for the ASCII fast path. */
static unsigned char aclass[256];

static void
aclass_init(void)
{
	const char *q;
	int c;

	for (c = 'a'; c <= 'z'; c++)
		aclass[c] = A_LOWER;
	for (c = 'A'; c <= 'Z'; c++)
		aclass[c] = A_UPPER;
	for (c = '0'; c <= '9'; c++)
		aclass[c] = A_DIGIT;
	for (q = "013579|@$"; *q; q++)
		if (leet_letter((unsigned char)*q))
			aclass[(unsigned char)*q] |= A_LEET;
	for (q = " .-_*~+"; *q; q++)
		aclass[(unsigned char)*q] |= A_SEP;
	for (c = 0; c < 0x20; c++)
		aclass[c] = A_CTRL;
	for (c = 0x80; c < 0x100; c++)
		aclass[c] = A_HIGH;
}

#define IS_LETTER(k) ((k) & (A_LOWER | A_UPPER))
#define IS_ALNUM(k) ((k) & (A_LOWER | A_UPPER | A_DIGIT))

/*
 * Whether the character c, met in otherwise plain text, passes through
 * normalisation unchanged and cannot start a pattern of its own: emoji and
 * other symbols. Letters, marks, digits, spaces and anything that folds to
 * something else need the full path.
 */
static int
inert(uint32_t c)
{
	static const utf8proc_category_t ok_cats[] = {
		UTF8PROC_CATEGORY_SO, UTF8PROC_CATEGORY_SM, UTF8PROC_CATEGORY_SC,
		UTF8PROC_CATEGORY_SK, UTF8PROC_CATEGORY_PO, UTF8PROC_CATEGORY_PS,
		UTF8PROC_CATEGORY_PE, UTF8PROC_CATEGORY_PD, UTF8PROC_CATEGORY_PI,
		UTF8PROC_CATEGORY_PF,
	};
	utf8proc_category_t k;
	struct fold tmp;
	const struct fold *f;
	size_t i;

	if ((c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF))
		return c != 0x2022;	/* emoji: the common case, known without a lookup */
	if (c >= 0x1F1E6 && c <= 0x1F1FF)
		return 1;	/* regional indicators: flags, not letters */
	if (c >= 0x1F100 && c <= 0x1F2FF)
		return 0;	/* enclosed and squared letters */
	if (is_spread_sep(c))
		return 0;
	k = utf8proc_category((utf8proc_int32_t)c);
	for (i = 0; i < sizeof ok_cats / sizeof ok_cats[0]; i++)
		if (k == ok_cats[i])
			break;
	if (i == sizeof ok_cats / sizeof ok_cats[0])
		return 0;
	f = fold_of(c, &tmp);
	return f->n == 1 && f->cp[0] == c;
}

/*
 * Plain text with nothing to undo is the common case: lower-casing its
 * ASCII is the whole job, emoji and other symbols pass as they are, and
 * offsets map byte for byte. Anything the full path would change sends
 * the text there.
 */
static int
fast_path(struct textnorm *n, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char *o;
	uint32_t prev = 0, prev2 = 0;
	size_t i;

	if (n->out.cap <= len)
		buf_grow(&n->out, len + 1);
	o = (unsigned char *)n->out.p;
	n->mode = NORM_ASCII;
	for (i = 0; i < len; i++) {
		uint32_t c = p[i];
		unsigned char k = aclass[c];

		if (k & A_HIGH) {
			size_t step;

			c = decode_utf8(p + i, &step);
			if (!inert(c) || (c == prev && c == prev2))
				return 0;
			if (spaced_dot(c) && i > 0 && p[i - 1] == ' ' && i + step < len &&
			    p[i + step] == ' ')
				return 0;
			if (letter_symbol(c, 1) && (prev < 0x80 && is_letter(prev))) {
				size_t after = i + step;

				if (after + 2 < len && p[after] == 0xEF && p[after + 1] == 0xB8 &&
				    p[after + 2] == 0x8F)
					after += 3;	/* U+FE0F, the emoji form */
				if (after < len && IS_LETTER(aclass[p[after]]))
					return 0;
			}
			memcpy(o + i, p + i, step);
			i += step - 1;
			n->mode = NORM_BYTES;
			prev2 = prev;
			prev = c;
			continue;
		}
		if (k & (A_UPPER | A_CTRL | A_LEET | A_SEP)) {
			unsigned char kp = i > 0 ? aclass[p[i - 1]] : 0;
			unsigned char kn = i + 1 < len ? aclass[p[i + 1]] : 0;

			if (k & A_UPPER) {
				if (c == 'I' && i > 0 && ((kp & A_LOWER) || p[i - 1] == '\''))
					return 0;
				c += 32;
			} else if (k & A_CTRL) {
				c = ' ';
			}
			/* f0ll0w, m3 */
			if ((k & A_LEET) && IS_LETTER(kp) && (!IS_ALNUM(kn) || IS_LETTER(kn) || (kn & A_LEET)))
				return 0;
			/* F O L L O W: a lone character, a separator, a lone character */
			if ((k & A_SEP) && IS_ALNUM(kp) && (i < 2 || !IS_ALNUM(aclass[p[i - 2]])) &&
			    i + 3 < len && IS_ALNUM(kn) && (aclass[p[i + 2]] & A_SEP) &&
			    IS_ALNUM(aclass[p[i + 3]]))
				return 0;
		}
		/* pleaseeee */
		if (c == prev && c == prev2 && (aclass[c] & A_LOWER))
			return 0;
		prev2 = prev;
		prev = c;
		o[i] = (unsigned char)c;
	}
	o[len] = '\0';
	n->out.len = len;
	n->ncp = len;
	return 1;
}

enum { T_LEET = 1, T_SPREAD = 2, T_RUNS = 4 };

/* Which of the later passes can change the folded text: most texts need none. */
static unsigned
triggers(const struct textnorm *n)
{
	const struct norm_char *t = n->t;
	size_t i, m = n->tlen;
	unsigned f = 0;

	for (i = 0; i < m; i++) {
		uint32_t c = t[i].cp;

		if (c < 0x80) {
			unsigned char k = aclass[c];

			if ((k & A_LEET) && i > 0 && is_letter(t[i - 1].cp))
				f |= T_LEET;
			if ((k & A_SEP) && i > 0 && i + 2 < m && is_alnum(t[i - 1].cp) &&
			    is_alnum(t[i + 1].cp) && is_spread_sep(t[i + 2].cp))
				f |= T_SPREAD;
		} else if (is_spread_sep(c)) {
			f |= T_SPREAD;
		}
		if (i >= 2 && c == t[i - 1].cp && c == t[i - 2].cp)
			f |= T_RUNS;
	}
	return f;
}

void
textnorm_run(struct textnorm *n, const char *s, size_t len)
{
	unsigned seen, todo;

	if (aclass['a'] == 0)
		aclass_init();
	n->src = s;
	n->srclen = len;
	if (fast_path(n, s, len))
		return;
	n->mode = NORM_CHARS;
	decode_all(n, s, len);
	seen = fold_chars(n);
	if (seen & SEEN_LOOKALIKE)
		unmix_scripts(n);
	if (seen & SEEN_FLIPPED)
		unflip(n);
	todo = triggers(n);
	if (todo & T_LEET)
		unleet(n);
	/* Joined, "F 0 L L 0 W" has its digits between letters: undo them now. */
	if ((todo & T_SPREAD) && join_spread(n))
		unleet(n);
	if (todo & T_RUNS)
		collapse_runs(n);
	encode(n);
}

/* The normalised character that byte b of the output belongs to. */
static size_t
char_at_byte(const struct textnorm *n, size_t b)
{
	size_t i, at = 0;

	for (i = 0; i < n->tlen; i++) {
		uint32_t c = n->t[i].cp;

		at += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (at > b)
			return i;
	}
	return n->tlen;
}

/*
 * Offsets are mapped back only for hits, which are rare: walking the
 * characters then is cheaper than keeping a map for every byte.
 */
/* Codepoints in the first b bytes of s. */
static size_t
chars_in(const char *s, size_t b)
{
	size_t i, c = 0;

	for (i = 0; i < b; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

void
textnorm_span(const struct textnorm *n, size_t b0, size_t b1, size_t *c0, size_t *c1)
{
	size_t i, i0, i1;

	if (n->mode == NORM_ASCII) {
		*c0 = b0;
		*c1 = b1;
		return;
	}
	if (n->mode == NORM_BYTES) {
		*c0 = chars_in(n->src, b0);
		*c1 = *c0 + chars_in(n->src + b0, b1 - b0);
		return;
	}
	i0 = char_at_byte(n, b0);
	if (b1 <= b0 || i0 >= n->tlen) {
		*c0 = *c1 = i0 < n->tlen ? n->t[i0].src : n->ncp;
		return;
	}
	i1 = char_at_byte(n, b1 - 1);
	if (i1 >= n->tlen)
		i1 = n->tlen - 1;
	/* Upside-down text was put back in order: take the extremes. */
	*c0 = n->t[i0].src;
	*c1 = n->t[i0].src_end;
	for (i = i0 + 1; i <= i1; i++) {
		if (n->t[i].src < *c0)
			*c0 = n->t[i].src;
		if (n->t[i].src_end > *c1)
			*c1 = n->t[i].src_end;
	}
}

size_t
textnorm_cp_offset(const struct textnorm *n, size_t c)
{
	size_t i, seen = 0;

	if (n->mode == NORM_ASCII)
		return c;
	if (n->mode == NORM_CHARS)
		return n->cp_off[c];
	for (i = 0; i < n->srclen; i++)
		if (((unsigned char)n->src[i] & 0xC0) != 0x80 && seen++ == c)
			return i;
	return n->srclen;
}
