/*
 * netmasto.h: what Mastodon's adapter (netmasto.c, network_masto in
 * network.h) needs to know of the run: what its pages hold, and the
 * instance the records name (fb.source.instance, and the domain of a
 * local account's username).
 */
#ifndef FB_NETMASTO_H
#define FB_NETMASTO_H

#include "mastopage.h"

void netmasto_pages(enum mastopage_kind kind, const char *instance);

#endif
