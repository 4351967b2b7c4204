#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mastotext.h"
#include "util.h"

/* Elements whose content is no text (Mastodon's PlainTextFormatter drops them too). */
static const char *const dropped[] = {
	"iframe", "math", "noembed", "noframes", "noscript", "plaintext", "script",
	"style", "svg", "template", "textarea", "title", "xmp", NULL
};
/* Elements that stand as paragraphs of their own. */
static const char *const blocks[] = {
	"blockquote", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "p", "pre", "ul", NULL
};

/* The named references sanitized HTML uses; others stay as they are written. */
static const struct { const char *name; unsigned cp; } named[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"nbsp", 0xA0}, {"shy", 0xAD}, {"copy", 0xA9}, {"reg", 0xAE}, {"deg", 0xB0},
	{"middot", 0xB7}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"times", 0xD7}, {"divide", 0xF7},
	{"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
	{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bull", 0x2022}, {"hellip", 0x2026},
	{"euro", 0x20AC}, {"trade", 0x2122}, {"zwnj", 0x200C}, {"zwj", 0x200D},
};

/* HTML reads &#128; to &#159; as windows-1252 (0: the code point as it is). */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static void
add_utf8(struct buf *out, unsigned long cp)
{
	char s[4];

	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	else if (cp >= 0x80 && cp <= 0x9F && cp1252[cp - 0x80])
		cp = cp1252[cp - 0x80];
	if (cp < 0x80) {
		buf_addc(out, (char)cp);
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | cp >> 6);
		s[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | cp >> 12);
		s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, s, 3);
	} else {
		s[0] = (char)(0xF0 | cp >> 18);
		s[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		s[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, s, 4);
	}
}

/*
 * The reference at p[0] == '&' decoded onto out: the bytes it took, or 0
 * when it is none (the '&' is then text). A reference needs its ';'.
 */
static size_t
reference(struct buf *out, const char *p, const char *end)
{
	const char *q = p + 1, *digits;
	unsigned long cp = 0;
	size_t i, n;

	if (q < end && *q == '#') {
		int hex = ++q < end && (*q == 'x' || *q == 'X');

		q += hex;
		digits = q;
		for (; q < end && (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)); q++)
			if (cp <= 0x10FFFF)
				cp = cp * (hex ? 16 : 10) +
				    (unsigned long)(isdigit((unsigned char)*q) ? *q - '0' : (*q | 0x20) - 'a' + 10);
		if (q == digits || q >= end || *q != ';')
			return 0;
		add_utf8(out, cp);
		return (size_t)(q + 1 - p);
	}
	for (n = 0; q + n < end && isalnum((unsigned char)q[n]); n++)
		;
	if (q + n >= end || q[n] != ';')
		return 0;
	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == n && memcmp(named[i].name, q, n) == 0) {
			add_utf8(out, named[i].cp);
			return n + 2;
		}
	return 0;
}

/* Appends p[0..n) with its references decoded. */
static void
decode(struct buf *out, const char *p, size_t n)
{
	const char *end = p + n, *amp;
	size_t used;

	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (!amp) {
			buf_add(out, p, (size_t)(end - p));
			return;
		}
		buf_add(out, p, (size_t)(amp - p));
		used = reference(out, amp, end);
		if (used == 0) {
			buf_addc(out, '&');
			used = 1;
		}
		p = amp + used;
	}
}

struct conv {
	struct buf *out, *links;
	size_t start;		/* where this text begins in out */
	unsigned breaks;	/* newlines owed before the next text */
	struct buf text;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Text between tags: after a break, or at the start, its leading white space is layout. */
static void
add_text(struct conv *c, const char *p, size_t n)
{
	struct buf *out = c->out;
	size_t i;

	buf_reset(&c->text);
	decode(&c->text, p, n);
	p = c->text.p ? c->text.p : "";
	n = c->text.len;
	if (c->breaks || out->len == c->start)
		while (n > 0 && is_space(*p))
			p++, n--;
	if (n == 0)
		return;
	if (out->len > c->start && c->breaks) {
		while (out->len > c->start && (out->p[out->len - 1] == ' ' || out->p[out->len - 1] == '\t'))
			out->len--;
		for (; c->breaks > 0; c->breaks--)
			buf_addc(out, '\n');
	}
	c->breaks = 0;
	for (i = 0; i < n; i++)
		if (p[i] != '\r')
			buf_addc(out, p[i]);
}

static void
owe(struct conv *c, unsigned at_least)
{
	if (c->breaks < at_least)
		c->breaks = at_least;
}

/* Whether the space-separated list of classes holds name. */
static int
has_class(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || is_space(p[-1])) && (p[n] == '\0' || is_space(p[n])))
			return 1;
	return 0;
}

/*
 * The attributes of a start tag, from p to its '>': an a's href and class
 * are read. Returns where the tag ends (just past '>', or end), and sets
 * *self_closing.
 */
static const char *
attributes(const char *p, const char *end, struct buf *href, struct buf *class, int *self_closing)
{
	*self_closing = 0;
	while (p < end && *p != '>') {
		const char *name, *val = NULL;
		size_t namelen, vallen = 0;

		if (is_space(*p) || *p == '/') {
			*self_closing = *p == '/';
			p++;
			continue;
		}
		name = p;
		while (p < end && !is_space(*p) && *p != '=' && *p != '>' && *p != '/')
			p++;
		namelen = (size_t)(p - name);
		*self_closing = 0;
		while (p < end && is_space(*p))
			p++;
		if (p < end && *p == '=') {
			p++;
			while (p < end && is_space(*p))
				p++;
			if (p < end && (*p == '"' || *p == '\'')) {
				const char *close = memchr(p + 1, *p, (size_t)(end - p - 1));

				val = p + 1;
				vallen = (size_t)((close ? close : end) - val);
				p = close ? close + 1 : end;
			} else {
				val = p;
				while (p < end && !is_space(*p) && *p != '>')
					p++;
				vallen = (size_t)(p - val);
			}
		}
		if (val && namelen == 4 && strncasecmp(name, "href", 4) == 0 && href) {
			buf_reset(href);
			decode(href, val, vallen);
		} else if (val && namelen == 5 && strncasecmp(name, "class", 5) == 0 && class) {
			buf_reset(class);
			decode(class, val, vallen);
		}
	}
	return p < end ? p + 1 : end;
}

/* Past the end tag of name, from p on (end when there is none). */
static const char *
skip_element(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);

	for (; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
		if (end - p > (ptrdiff_t)(n + 1) && p[1] == '/' && strncasecmp(p + 2, name, n) == 0 &&
		    !isalnum((unsigned char)p[2 + n])) {
			const char *gt = memchr(p, '>', (size_t)(end - p));

			return gt ? gt + 1 : end;
		}
	return end;
}

void
mastotext(struct buf *out, const char *html, size_t len, struct buf *links)
{
	struct conv c = {out, links, out->len, 0, {0}};
	struct buf href = {0}, class = {0};
	const char *p = html, *end = html + len, *lt;

	buf_add(out, "", 0);	/* out->p is a string even when the text is empty */
	while (p < end) {
		char name[16];
		size_t n = 0;
		int closing, self_closing;

		lt = memchr(p, '<', (size_t)(end - p));
		if (!lt) {
			add_text(&c, p, (size_t)(end - p));
			break;
		}
		closing = lt + 1 < end && lt[1] == '/';
		if (lt + 1 < end && (lt[1] == '!' || lt[1] == '?')) {
			const char *stop = lt + 4 <= end && memcmp(lt, "<!--", 4) == 0 ?
			    memmem(lt + 4, (size_t)(end - lt - 4), "-->", 3) : memchr(lt, '>', (size_t)(end - lt));

			add_text(&c, p, (size_t)(lt - p));
			p = stop ? stop + (*stop == '-' ? 3 : 1) : end;
			continue;
		}
		if (lt + 1 + closing >= end || !isalpha((unsigned char)lt[1 + closing])) {
			/* A '<' that starts no tag is text. */
			add_text(&c, p, (size_t)(lt + 1 - p));
			p = lt + 1;
			continue;
		}
		add_text(&c, p, (size_t)(lt - p));
		p = lt + 1 + closing;
		while (p < end && isalnum((unsigned char)*p)) {
			if (n + 1 < sizeof name)
				name[n++] = (char)tolower((unsigned char)*p);
			else
				n = sizeof name;	/* no tag this long means anything */
			p++;
		}
		name[n < sizeof name ? n : 0] = '\0';
		buf_reset(&href);
		buf_reset(&class);
		p = attributes(p, end, &href, &class, &self_closing);
		if (in_word_list(dropped, name, strlen(name))) {
			if (!closing && !self_closing)
				p = skip_element(p, end, name);
		} else if (strcmp(name, "br") == 0) {
			c.breaks++;
		} else if (in_word_list(blocks, name, strlen(name))) {
			owe(&c, 2);
		} else if (strcmp(name, "li") == 0) {
			owe(&c, 1);
		} else if (strcmp(name, "a") == 0 && !closing && links && href.len &&
		    !has_class(class.p ? class.p : "", "mention")) {
			buf_add(links, href.p, href.len);
			buf_addc(links, '\0');
		}
	}
	while (out->len > c.start && is_space(out->p[out->len - 1]))
		out->len--;
	out->p[out->len] = '\0';
	buf_free(&c.text);
	buf_free(&href);
	buf_free(&class);
}
