/*
 * addressee.h: who a draft says hello to.
 *
 * "Hi Mara," is right for Mara Oyelaran; "Hi Hospitality," for Eastshire
 * Hospitality, or "Hi The," for The Daily Crumb, is a draft nobody would
 * send. A display name gives a first name only when it reads as a
 * person's name: one to three capitalised words, no word of a business
 * ("Bakery", "Ltd", "News", ...), no digits, and a username that is not a
 * brand's; a single word must also be in the username. "Ana Sofía Lemus"
 * is Ana Sofía, and a couple ("Liam & Jess", "Hemi & Kate Walker") is
 * greeted by both names. A brand's name is used whole ("Hi North Loop
 * Bakery team,", "Kent Atölyesi Tasarım"); anything else gets no name.
 */
#ifndef FB_ADDRESSEE_H
#define FB_ADDRESSEE_H

#include <stddef.h>

#include "buf.h"

enum addressee_kind {
	ADDRESSEE_NONE,		/* no name: "Hi," */
	ADDRESSEE_PERSON,	/* name is the first name */
	ADDRESSEE_BRAND		/* name is the brand's whole name */
};

struct addressee {
	enum addressee_kind kind;
	struct buf name;
};

/* Reads who to greet from a display name (plain UTF-8 text) and a username. */
void addressee_read(struct addressee *a, const char *display, size_t len, const char *username);
void addressee_free(struct addressee *a);

#endif
