/*
 * output.h: the record output of a filter.
 *
 * Into a terminal every record is written at once. Into a file or a pipe,
 * records are gathered in large buffers that a second thread writes while
 * the first goes on: on a two-core machine copying the output into the
 * kernel then costs no time of the filter's own.
 */
#ifndef FB_OUTPUT_H
#define FB_OUTPUT_H

#include <stddef.h>

void output_start(void);
/* Writes s and a newline; a closed pipe ends the program quietly (status 0). */
void output_line(const char *s, size_t n);
/* Writes everything still buffered; returns 0, or -1 with errno set. */
int output_finish(void);

#endif
