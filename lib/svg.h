/*
 * svg.h: the charts of fb-report, drawn as inline SVG.
 *
 * No library and no script: each chart is a handful of elements sized by
 * the data it is given (histograms and grids, never one element a
 * record), so a page for 100,000 followers draws as fast as one for 100.
 * Every bar and dot has a class (its verdict or "bar"), its count in
 * data-n and a <title> a reader sees on hovering; colours come from the
 * page's stylesheet. Labels are the program's own text, never a record's.
 */
#ifndef FB_SVG_H
#define FB_SVG_H

#include <stddef.h>

#include "buf.h"

/* A line across a column chart, at a position in columns (2.5: the middle of the third). */
struct svg_mark {
	double at;
	const char *label;
};

struct svg_columns {
	const char *title;	/* for screen readers and the tooltip */
	const char *xlabel;
	size_t n;
	const unsigned long *values;
	const char *const *labels;	/* one per column */
	size_t label_every;	/* print every k-th label, counted back from the last */
	const char *const *classes;	/* one per column, or NULL: all "bar" */
	const struct svg_mark *marks;
	size_t nmarks;
};

/* A column chart: one column a value, the highest scaled to the chart's height. */
void svg_columns(struct buf *out, const struct svg_columns *c);

struct svg_grid {
	const char *title;
	const char *xlabel, *ylabel;
	size_t nclass, ncells, per_decade;	/* cell 0: zero; then per_decade cells a power of ten */
	const unsigned long *counts;	/* [nclass][ncells][ncells], x then y */
	const char *const *classes;	/* a class name each */
};

/* Counts on two log scales: a dot per class and cell, its area the count. */
void svg_grid(struct buf *out, const struct svg_grid *g);

#endif
