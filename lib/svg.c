#include <math.h>

#include "svg.h"

/* The drawing area of a column chart, in SVG units. */
enum { COL_W = 640, COL_H = 230, COL_LEFT = 52, COL_RIGHT = 12, COL_TOP = 22, COL_BOTTOM = 48 };
/* The grid chart: a square plot with room for the axes and a legend. */
enum { GRID_PLOT = 330, GRID_LEFT = 60, GRID_TOP = 16, GRID_W = 560, GRID_H = 400 };

static void
open_svg(struct buf *out, int w, int h, const char *title)
{
	buf_printf(out, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>\n", w, h, title);
}

void
svg_columns(struct buf *out, const struct svg_columns *c)
{
	double plot_w = COL_W - COL_LEFT - COL_RIGHT, plot_h = COL_H - COL_TOP - COL_BOTTOM;
	double cw = c->n ? plot_w / (double)c->n : plot_w, bottom = COL_TOP + plot_h;
	unsigned long max = 0;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->values[i] > max)
			max = c->values[i];
	open_svg(out, COL_W, COL_H, c->title);
	/* The axis: zero and the highest count. */
	buf_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n",
	    COL_LEFT, bottom, COL_W - COL_RIGHT, bottom);
	buf_printf(out, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>\n",
	    COL_LEFT - 6, bottom);
	if (max > 0)
		buf_printf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%lu</text>\n"
		    "<line class=\"gridline\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
		    COL_LEFT - 6, COL_TOP + 4, max, COL_LEFT, COL_TOP, COL_W - COL_RIGHT, COL_TOP);
	for (i = 0; i < c->n; i++) {
		double h = max ? plot_h * (double)c->values[i] / (double)max : 0;
		double x = COL_LEFT + cw * (double)i;
		const char *label = c->labels[i];

		/* A count too small to see still shows as a sliver. */
		if (c->values[i] > 0 && h < 1.5)
			h = 1.5;
		buf_printf(out, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		    "data-n=\"%lu\"><title>%s: %lu</title></rect>\n",
		    c->classes ? c->classes[i] : "bar", x + cw * 0.1, bottom - h, cw * 0.8, h,
		    c->values[i], label, c->values[i]);
		if (c->values[i] > 0 && cw >= 40)
			buf_printf(out, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
			    "%lu</text>\n", x + cw / 2, bottom - h - 4, c->values[i]);
		if ((c->n - 1 - i) % c->label_every == 0)
			buf_printf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
			    "%s</text>\n", x + cw / 2, bottom + 16, label);
	}
	for (i = 0; i < c->nmarks; i++) {
		double x = COL_LEFT + cw * c->marks[i].at;

		buf_printf(out, "<line class=\"mark\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>\n"
		    "<text class=\"marklabel\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
		    x, COL_TOP - 2, x, bottom, x, COL_TOP - 8, c->marks[i].label);
	}
	buf_printf(out, "<text class=\"axislabel\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
	    COL_LEFT + plot_w / 2, COL_H - 6, c->xlabel);
	buf_adds(out, "</svg>\n");
}

/* The label of the power of ten k on a log axis: 1, 10, 100, 1k, ... */
static const char *
decade_label(size_t k)
{
	static const char *const labels[] = {"1", "10", "100", "1k", "10k", "100k", "1M",
		"10M", "100M", "1G"};

	return k < sizeof labels / sizeof labels[0] ? labels[k] : "";
}

void
svg_grid(struct buf *out, const struct svg_grid *g)
{
	double cell = (double)GRID_PLOT / (double)g->ncells, bottom = GRID_TOP + GRID_PLOT;
	size_t cls, x, y, k, n = g->ncells;
	unsigned long max = 0;

	for (k = 0; k < g->nclass * n * n; k++)
		if (g->counts[k] > max)
			max = g->counts[k];
	open_svg(out, GRID_W, GRID_H, g->title);
	buf_printf(out, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
	    GRID_LEFT, GRID_TOP, GRID_PLOT, GRID_PLOT);
	/*
	 * Cell 0 holds the zeros; the power of ten k starts cell 1 + k * per_decade.
	 * The label of 1 would sit on that of 0: the line is enough.
	 */
	for (k = 0; 1 + k * g->per_decade < n; k++) {
		double at = cell * (double)(1 + k * g->per_decade);

		buf_printf(out, "<line class=\"gridline\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>\n"
		    "<line class=\"gridline\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n",
		    GRID_LEFT + at, GRID_TOP, GRID_LEFT + at, bottom,
		    GRID_LEFT, bottom - at, GRID_LEFT + GRID_PLOT, bottom - at);
		if (k == 0)
			continue;
		buf_printf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n"
		    "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
		    GRID_LEFT + at, bottom + 16, decade_label(k),
		    GRID_LEFT - 6, bottom - at + 4, decade_label(k));
	}
	buf_printf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">0</text>\n"
	    "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>\n",
	    GRID_LEFT + cell / 2, bottom + 16, GRID_LEFT - 6, bottom - cell / 2 + 4);
	for (cls = 0; cls < g->nclass; cls++)
		for (x = 0; x < n; x++)
			for (y = 0; y < n; y++) {
				unsigned long c = g->counts[(cls * n + x) * n + y];
				/* Classes side by side in a cell, so that none hides another. */
				double dx = ((double)cls - (double)(g->nclass - 1) / 2) * cell / 5;

				if (c == 0)
					continue;
				buf_printf(out, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
				    "data-n=\"%lu\"><title>%lu %s</title></circle>\n", g->classes[cls],
				    GRID_LEFT + cell * ((double)x + 0.5) + dx, bottom - cell * ((double)y + 0.5),
				    1.5 + cell * 0.6 * sqrt((double)c / (double)max), c, c, g->classes[cls]);
			}
	buf_printf(out, "<text class=\"axislabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n"
	    "<text class=\"axislabel\" x=\"14\" y=\"%.1f\" text-anchor=\"middle\" "
	    "transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
	    GRID_LEFT + GRID_PLOT / 2.0, bottom + 36, g->xlabel,
	    GRID_TOP + GRID_PLOT / 2.0, GRID_TOP + GRID_PLOT / 2.0, g->ylabel);
	for (cls = 0; cls < g->nclass; cls++)
		buf_printf(out, "<circle class=\"%s legend\" cx=\"%d\" cy=\"%zu\" r=\"6\"/>"
		    "<text class=\"tick\" x=\"%d\" y=\"%zu\">%s</text>\n", g->classes[cls],
		    GRID_LEFT + GRID_PLOT + 24, GRID_TOP + 10 + cls * 22, GRID_LEFT + GRID_PLOT + 36,
		    GRID_TOP + 14 + cls * 22, g->classes[cls]);
	buf_adds(out, "</svg>\n");
}
