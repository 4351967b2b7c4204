/*
 * links.h: the sites a record links to.
 *
 * X gives each link twice: shortened (t.co) and expanded. What tells
 * whether a person links to their own writing is the expanded link's
 * domain, compared between the bio and the posts.
 */
#ifndef FB_LINKS_H
#define FB_LINKS_H

#include <stddef.h>

#include "buf.h"

/* Appends " domain " (lower case, without "www.") for url, unless it is t.co. */
void link_domain(struct buf *out, const char *url, size_t len);
/* Appends the domain of every "expanded_url" in the JSON text val. */
void link_domains(struct buf *out, const char *val, size_t len);
/* A domain found in both lists (as built above): its " domain " in common, or NULL. */
const char *link_common(const char *a, const char *b, char *key, size_t keysize);

#endif
