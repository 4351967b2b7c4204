/* util.h: program name, error messages, exit codes, checked allocation. */
#ifndef FB_UTIL_H
#define FB_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Exit status shared by every program (see DESIGN.md). */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,	/* a runtime failure, or some input rejected */
	EXIT_USAGE = 2	/* a usage or configuration error */
};

extern const char *progname;

/*
 * Every program starts here: progname from argv0, and the standard
 * descriptors checked (a closed stdout is a usage error, exit 2).
 */
void program_start(const char *argv0);

/* "prog: message\n" on stderr; a trailing ':' in fmt appends strerror(errno). */
void warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vwarnmsg(const char *fmt, va_list ap);
_Noreturn void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/*
 * Doubles the capacity *cap of array v of size-byte elements (to first_cap
 * when empty) and zeroes the new elements, so that slots holding buffers
 * start empty; exits when the size would overflow.
 */
void *xgrow(void *v, size_t *cap, size_t size, size_t first_cap);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A process holding a token or a key: no core dump, no ptrace by the same user. */
void keep_secrets_out_of_dumps(void);

/* Whether s[0, len) is one of the NULL-ended list, whatever its case (ASCII). */
int in_word_list(const char *const *list, const char *s, size_t len);

/* Characters (codepoints) in the len bytes of UTF-8 at s: its bytes but continuation bytes. */
size_t utf8_chars(const char *s, size_t len);
/*
 * Characters in the len bytes of UTF-8 at s of a script written without
 * spaces between words: kana, CJK and Hangul (U+3000 to U+DFFF, lead bytes
 * 0xE3 to 0xED).
 */
size_t utf8_unspaced(const char *s, size_t len);

/* Reads a whole file ("-" for stdin); NULL with errno set on failure. */
char *slurp_file(const char *path, size_t *lenp);

#endif
