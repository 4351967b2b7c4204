/*
 * callback.h: where the browser comes back after a sign-in: a listener on
 * the loopback address of the registered redirect URI that takes one
 * request, and the parameters of the address it was sent to.
 */
#ifndef FB_CALLBACK_H
#define FB_CALLBACK_H

#include "buf.h"

/*
 * Checks that uri is http://127.0.0.1:PORT/PATH; the port in *port and
 * the path (to free) in *path. Exits 2 with the reason when it is not.
 */
void callback_uri(const char *uri, unsigned *port, char **path);

/* A socket listening on 127.0.0.1:port only; exits 2 when the port is taken. */
int callback_listen(unsigned port);
/*
 * The first request that comes within timeout seconds: its target (path
 * and query) in target, and the connection to answer, or -1 when none came
 * in time. Connections that send nothing are dropped, not counted.
 */
int callback_accept(int listener, double timeout, struct buf *target);
/* Answers the request with a small page (no secret in it) and closes. */
void callback_answer(int conn, int ok, const char *message);

/*
 * The value of parameter name in the query of a URL or target (after its
 * '?', or the whole string without one), percent-decoded; NULL when absent.
 */
char *callback_param(const char *url, const char *name);

#endif
