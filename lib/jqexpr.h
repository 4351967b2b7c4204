/*
 * jqexpr.h: jq expressions as an extension language, on libjq 1.6.
 *
 * An expression is compiled once and run on many inputs. libjq 1.6 leaves
 * some callbacks unset after jq_init and aborts on a few misuses; this
 * module sets everything up the one safe way and owns those rules.
 */
#ifndef FB_JQEXPR_H
#define FB_JQEXPR_H

#include <jv.h>

#include "buf.h"

struct jqexpr;

/* Compiles program; NULL with the compiler's message in err. */
struct jqexpr *jqexpr_new(const char *program, struct buf *err);
void jqexpr_free(struct jqexpr *e);

/*
 * Runs e on input (consumed), calling fn with each output (owned by fn).
 * Returns 0, or -1 with the jq error in err; fn returning non-zero stops.
 */
int jqexpr_run(struct jqexpr *e, jv input, int (*fn)(void *arg, jv out),
    void *arg, struct buf *err);

/* Appends a jq path (an array of keys and indices) as ".a.b[0]". */
void jqexpr_path_string(struct buf *out, jv path);

#endif
