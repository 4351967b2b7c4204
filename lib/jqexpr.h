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
 *
 * A run has limits: JQEXPR_CPU_SECONDS of CPU time and JQEXPR_MEMORY_MIB
 * of memory grown. libjq 1.6 cannot be interrupted, so a watchdog thread
 * ends the program at a limit: it says "FILE:LINE: what: ...", writes the
 * records output before it, and exits 1. what names the expression
 * ("rule NAME"); file and line the record.
 */
#define JQEXPR_CPU_SECONDS 5
#define JQEXPR_MEMORY_MIB 1024
int jqexpr_run(struct jqexpr *e, jv input, int (*fn)(void *arg, jv out),
    void *arg, struct buf *err, const char *what, const char *file, unsigned long line);

/* Appends a jq path (an array of keys and indices) as ".a.b[0]". */
void jqexpr_path_string(struct buf *out, jv path);

#endif
