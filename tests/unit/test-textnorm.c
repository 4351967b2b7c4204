/* Unit tests for lib/textnorm.c: what rules see, and offsets back to the original. */
#include <stdlib.h>
#include <string.h>

#include "textnorm.h"
#include "tap.h"

static struct textnorm n;

static void
norm_is(const char *in, const char *want)
{
	textnorm_run(&n, in, strlen(in));
	is_str(n.out.p, want, "normalise \"%s\"", in);
}

/* The original text that bytes [b0, b1) of the normalised text came from. */
static void
span_is(const char *in, const char *needle, const char *want)
{
	char got[256];
	const char *at;
	size_t c0, c1, o0, o1;

	textnorm_run(&n, in, strlen(in));
	at = strstr(n.out.p, needle);
	if (at == NULL) {
		ok(0, "\"%s\" not found in \"%s\"", needle, n.out.p);
		return;
	}
	textnorm_span(&n, (size_t)(at - n.out.p), (size_t)(at - n.out.p) + strlen(needle), &c0, &c1);
	o0 = textnorm_cp_offset(&n, c0);
	o1 = textnorm_cp_offset(&n, c1);
	snprintf(got, sizeof got, "%.*s", (int)(o1 - o0), in + o0);
	is_str(got, want, "\"%s\" in \"%s\" maps back to \"%s\"", needle, in, want);
}

int
main(void)
{
	textnorm_init(&n);
	norm_is("FOLLOW Back\tplease", "follow back please");
	norm_is("\xf0\x9d\x90\x85\xf0\x9d\x90\x8e\xf0\x9d\x90\x8b\xf0\x9d\x90\x8b\xf0\x9d\x90\x8e\xf0\x9d\x90\x96", "follow");	/* math bold */
	norm_is("\xef\xbd\x86\xef\xbd\x8f\xef\xbd\x8c\xef\xbd\x8c\xef\xbd\x8f\xef\xbd\x97", "follow");	/* fullwidth */
	norm_is("\xe2\x93\x95\xe2\x93\x9e\xe2\x93\x9b\xe2\x93\x9b\xe2\x93\x9e\xe2\x93\xa6", "follow");	/* circled */
	norm_is("\xf0\x9f\x85\xb5\xf0\x9f\x85\xbe\xf0\x9f\x85\xbb\xf0\x9f\x85\xbb\xf0\x9f\x85\xbe\xf0\x9f\x86\x86", "follow");	/* negative squared */
	norm_is("ClubeFoIIowBack", "clubefollowback");
	norm_is("FoIIow me and I'II foIIow back", "follow me and i'll follow back");
	norm_is("McIntosh", "mclntosh");
	norm_is("Iowa INDIA", "iowa india");
	norm_is("f0ll0w m3 b4ck", "follow me b4ck");
	norm_is("in 2019 with 100% and 24/7", "in 2019 with 100% and 24/7");
	norm_is("F O L L O W  B A C K", "follow  back");
	norm_is("f.o.l.l.o.w b.a.c.k", "follow back");
	norm_is("i f.o.l.l.o.w u b.a.c.k", "i follow u back");
	norm_is("F O L L O W  M E", "follow  me");
	norm_is("F 0 L L 0 W  B A C K", "follow  back");	/* leet in spread letters, undone once joined */
	norm_is("f.0.l.l.0.w b.4.c.k", "follow b4ck");
	norm_is("I am a cat", "i am a cat");
	norm_is("pleaseeee baaaack sigooo", "please back sigo");
	norm_is("follow back!!!", "follow back!!!");
	norm_is("fol\xe2\x80\x8blow", "follow");	/* zero-width space */
	norm_is("f\xcc\xb6o\xcc\xb6l\xcc\xb6l\xcc\xb6", "foll");	/* combining strokes */
	norm_is("S\xc3\xadgueme y te sigo", "sigueme y te sigo");
	norm_is("f\xd0\xbell\xd0\xbew", "follow");	/* Cyrillic o in a Latin word */
	norm_is("\xd2\x93\xe1\xb4\x8f\xca\x9f\xca\x9f\xe1\xb4\x8f\xe1\xb4\xa1 \xca\x99\xe1\xb4\x80\xe1\xb4\x84\xe1\xb4\x8b", "follow back");	/* ғᴏʟʟᴏᴡ ʙᴀᴄᴋ: Cyrillic ғ among small capitals */
	norm_is("\xc6\x92\xcf\x83\xe2\x84\x93\xe2\x84\x93\xcf\x83\xcf\x89 \xc9\x93\xce\xb1" "c\xc6\x99", "follow back");	/* ƒσℓℓσω ɓαcƙ */
	norm_is("f\xe2\x98\x86llow back", "follow back");	/* f☆llow back: a star for an o between letters */
	norm_is("F\xe2\x99\xa1LLOW ME \xe2\xad\x90 tonight", "follow me \xe2\xad\x90 tonight");	/* F♡LLOW ME ⭐ tonight: a star between words stays */
	norm_is("f\xe2\x9d\xa4\xef\xb8\x8fllow", "follow");	/* f❤️llow: a heart with its emoji selector */
	norm_is("I \xe2\x9d\xa4 NY", "i \xe2\x9d\xa4 ny");	/* I ❤ NY: a heart between words stays */
	norm_is("F\xc3\x98LL\xc3\x98W B\xce\x94" "CK", "follow back");	/* FØLLØW BΔCK: Ø, and a Greek Δ in a Latin word */
	norm_is("F\xe2\xb2\x9fll\xe2\xb2\x9fw b\xe2\xb2\x81" "ck", "follow back");	/* Fⲟllⲟw bⲁck: Coptic o and a */
	norm_is("\xe1\x96\xb4O\xe1\x92\xaa\xe1\x92\xaaO\xe1\x97\xaf \xe1\x97\xb7\xe1\x97\xa9\xe1\x91\x95K", "follow back");	/* ᖴOᒪᒪOᗯ ᗷᗩᑕK: Canadian syllabics of font generators */
	norm_is("\xe1\x8f\xb4\xe1\x8e\xaa\xe1\x8f\x9f\xe1\x8f\xa6", "back");	/* ᏴᎪᏟᏦ: Cherokee capitals */
	norm_is("\xca\x9e\xc9\x94\xc9\x90q \xca\x8dollo\xc9\x9f", "follow back");	/* ʞɔɐq ʍolloɟ: upside-down text, written backwards */
	norm_is("ok \xc2\xa1\xc7\x9d\xc9\xaf \xca\x8dollo\xc9\x9f", "ok follow me!");	/* ok ¡ǝɯ ʍolloɟ: upside-down after upright words */
	norm_is("\xce\x98\xce\x95\xce\xa3\xce\xa3\xce\x91\xce\x9b\xce\x9f\xce\x9d\xce\x99\xce\x9a\xce\x97", "\xce\xb8\xce\xb5\xcf\x83\xcf\x83\xce\xb1\xce\xbb\xce\xbf\xce\xbd\xce\xb9\xce\xba\xce\xb7");	/* ΘΕΣΣΑΛΟΝΙΚΗ: a Greek word keeps its θ and λ */
	norm_is("f \xe2\x8b\x85 o \xe2\x8b\x85 l \xe2\x8b\x85 l \xe2\x8b\x85 o \xe2\x8b\x85 w", "follow");	/* f ⋅ o ⋅ l ⋅ l ⋅ o ⋅ w: letters spread by dots with spaces around */
	norm_is("\xd0\xb2\xce\xb1\xc2\xa2\xd0\xba", "back");	/* вα¢к: Cyrillic and Greek in one word, ¢ for a c */
	norm_is("price 5\xc2\xa2 each", "price 5\xc2\xa2 each");	/* price 5¢ each: ¢ after a digit stays */
	norm_is("\xca\x9e\xc9\x94\xc9\x90q \xca\x8dollo\xc9\x9f \xe1\xb4\x89", "i follow back");	/* ʞɔɐq ʍolloɟ ᴉ: a turned word of one letter joins the upside-down text */
	norm_is("FO\xe1\x8f\x9e\xe1\x8f\x9eO\xe1\x8f\x94 \xe1\x8f\xb4\xe1\x8e\xaa\xe1\x8f\x9f\xe1\x8f\xa6", "follow back");	/* FOᏞᏞOᏔ ᏴᎪᏟᏦ: Cherokee in Latin words */
	norm_is("\xe1\x97\xb7\xe1\x97\xa9\xe1\x91\x95\xe1\x96\xbd\xe1\x90\xb8", "back");	/* ᗷᗩᑕᖽᐸ: a k of two syllabics */
	norm_is("sig\xe2\xb2\x9f d\xe2\xb2\x89 v\xe2\xb2\xa9\xe2\xb2\x89\xe2\xb2\x97t\xe2\xb2\x81", "sigo de vuelta");	/* sigⲟ dⲉ vⲩⲉⲗtⲁ: Coptic u and l */
	span_is("ok \xc2\xa1\xc7\x9d\xc9\xaf \xca\x8dollo\xc9\x9f", "follow", "\xca\x8dollo\xc9\x9f");	/* the hit in upside-down text is the text as written */
	span_is("x \xca\x9e\xc9\x94\xc9\x90q \xca\x8dollo\xc9\x9f", "follow back", "\xca\x9e\xc9\x94\xc9\x90q \xca\x8dollo\xc9\x9f");
	norm_is("\xe1\xb4\xb3\xe1\xb5\x80 \xca\xb8\xe1\xb5\x83\xe1\xb5\x96\xe1\xb5\x83\xca\xb3\xe1\xb6\xa6\xe1\xb5\x90", "gt yaparim");	/* ᴳᵀ ʸᵃᵖᵃʳᶦᵐ */
	norm_is("l\xc3\xa0m mutual \xc4\x91\xc6\xb0\xe1\xbb\xa3" "c kh\xc3\xb4ng", "lam mutual duoc khong");	/* đ reads d */
	norm_is("\xd0\xb1\xd0\xb0\xd2\x93\xd0\xb4\xd0\xb0\xd1\x80\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0", "\xd0\xb1\xd0\xb0\xd2\x93\xd0\xb4\xd0\xb0\xd1\x80\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0");	/* Kazakh бағдарлама keeps its ғ */
	norm_is("\xd0\xbf" "o" "\xd0\xb4\xd0\xbf\xd0\xb8" "c" "\xd0\xba" "a", "\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81\xd0\xba\xd0\xb0");	/* Latin o c a in a Russian word */
	norm_is("\xd0\x92\xd0\xb7\xd0\xb0\xd0\xb8\xd0\xbc\xd0\xbd\xd1\x8b\xd0\xb9", "\xd0\xb2\xd0\xb7\xd0\xb0\xd0\xb8\xd0\xbc\xd0\xbd\xd1\x8b\xd0\xb9");	/* й keeps its breve */
	norm_is("\xe3\x83\x95\xe3\x82\xa9\xe3\x83\xad\xe3\x83\x90\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90\xef\xbc\x85", "\xe3\x83\x95\xe3\x82\xa9\xe3\x83\xad\xe3\x83\x90" "100%");	/* フォロバ１００％ */
	norm_is("\xef\xbe\x8c\xef\xbd\xab\xef\xbe\x9b\xef\xbe\x8a\xef\xbe\x9e", "\xe3\x83\x95\xe3\x82\xa9\xe3\x83\xad\xe3\x83\x90");	/* halfwidth ﾌｫﾛﾊﾞ */
	norm_is("\xeb\xa7\x9e\xed\x8c\x94", "\xeb\xa7\x9e\xed\x8c\x94");	/* 맞팔 stays whole */
	norm_is("\xd9\x81\xd9\x88\xd9\x84\xd9\x80\xd9\x80\xd9\x88", "\xd9\x81\xd9\x88\xd9\x84\xd9\x88");	/* Arabic tatweel */
	norm_is("I\xe2\x80\x99ll follow", "i'll follow");

	span_is("Hi \xf0\x9f\x8c\xb8 FOLLOW BACK pls", "follow back", "FOLLOW BACK");
	span_is("x \xf0\x9d\x90\x85\xf0\x9d\x90\x8e\xf0\x9d\x90\x8b\xf0\x9d\x90\x8b\xf0\x9d\x90\x8e\xf0\x9d\x90\x96 y", "follow",
	    "\xf0\x9d\x90\x85\xf0\x9d\x90\x8e\xf0\x9d\x90\x8b\xf0\x9d\x90\x8b\xf0\x9d\x90\x8e\xf0\x9d\x90\x96");
	span_is("ok F O L L O W  B A C K ok", "follow  back", "F O L L O W  B A C K");
	span_is("pleaseeee now", "please", "pleaseeee");
	span_is("so f0ll0w me", "follow", "f0ll0w");
	{
		size_t c0, c1;

		textnorm_run(&n, "\xc3\xa9t\xc3\xa9 FOLLOW", strlen("\xc3\xa9t\xc3\xa9 FOLLOW"));
		textnorm_span(&n, 4, 10, &c0, &c1);
		ok(c0 == 4 && c1 == 10, "offsets count codepoints, not bytes (got %zu,%zu)", c0, c1);
	}
	textnorm_free(&n);
	return done_testing();
}
