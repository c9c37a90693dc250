/* Diagnostics: collecting, sorting, printing GCC-style, and quoting file
 * content safely inside messages. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/diag.h"
#include "sbp/i18n.h"
#include "sbp/utf8.h"
#include "sbp/util.h"

void diags_init(sbp_diags *d)
{
	memset(d, 0, sizeof *d);
}

void diags_clear(sbp_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].message);
		free(d->items[i].step);
	}
	d->n = d->errors = d->warnings = d->dropped = 0;
}

void diags_free(sbp_diags *d)
{
	diags_clear(d);
	free(d->items);
	diags_init(d);
}

void diags_add(sbp_diags *d, sbp_severity sev, const char *rule, int line,
	       int col, const char *step, const char *fmt, ...)
{
	sbp_buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	xgrow(&d->items, &d->cap, d->n + 1, sizeof *d->items);
	sbp_diag *dg = &d->items[d->n++];
	dg->line = line;
	dg->col = col;
	dg->severity = sev;
	dg->rule = rule;
	dg->message = buf_steal(&b);
	dg->step = step ? xstrdup(step) : NULL;
	if (sev == SBP_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void diags_keep_errors(sbp_diags *d)
{
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (d->items[i].severity == SBP_ERROR) {
			d->items[k++] = d->items[i];
		} else {
			free(d->items[i].message);
			free(d->items[i].step);
		}
	}
	d->n = k;
	d->warnings = 0;
}

void diags_drop(sbp_diags *d, sbp_severity sev)
{
	d->dropped++;
	if (sev == SBP_ERROR)
		d->errors++;
	else
		d->warnings++;
}

typedef struct tagged_diag {
	sbp_diag d;
	size_t i;
} tagged_diag;

/* Order by line and column; ties keep their original order. */
static int cmp_diag(const void *a, const void *b)
{
	const tagged_diag *x = a, *y = b;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	if (x->d.col != y->d.col)
		return x->d.col < y->d.col ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

void diags_sort(sbp_diags *d)
{
	if (d->n < 2)
		return;
	tagged_diag *t = xmalloc(d->n * sizeof *t);
	for (size_t i = 0; i < d->n; i++) {
		t[i].d = d->items[i];
		t[i].i = i;
	}
	qsort(t, d->n, sizeof *t, cmp_diag);
	for (size_t i = 0; i < d->n; i++)
		d->items[i] = t[i].d;
	free(t);
}

void diag_print(FILE *out, const char *file, const sbp_diag *dg, bool color)
{
	const char *sev = dg->severity == SBP_ERROR ? _("error") : _("warning");
	const char *on = "", *off = "", *bold = "";
	sbp_buf name;

	buf_init(&name);
	sanitize(&name, file, strlen(file));
	if (color) {
		on = dg->severity == SBP_ERROR ? "\033[1;31m" : "\033[1;35m";
		off = "\033[0m";
		bold = "\033[1m";
	}
	if (dg->line > 0)
		fprintf(out, "%s%s:%d:%d:%s %s%s:%s %s", bold, name.data, dg->line,
			dg->col, off, on, sev, off, dg->message);
	else
		fprintf(out, "%s%s:%s %s%s:%s %s", bold, name.data, off, on, sev,
			off, dg->message);
	if (dg->rule)
		fprintf(out, " [%s]", dg->rule);
	fputc('\n', out);
	buf_free(&name);
}

void diags_print(FILE *out, const char *file, sbp_diags *d, size_t max, bool color)
{
	size_t shown = max && d->n > max ? max : d->n;
	size_t more = d->n - shown + d->dropped;

	diags_sort(d);
	for (size_t i = 0; i < shown; i++)
		diag_print(out, file, &d->items[i], color);
	if (more) {
		sbp_buf name;
		buf_init(&name);
		sanitize(&name, file, strlen(file));
		fprintf(out, P_("%s: and %zu more diagnostic not shown\n",
				"%s: and %zu more diagnostics not shown\n", more),
			name.data, more);
		buf_free(&name);
	}
}

char *diag_quote(const char *s, size_t max)
{
	sbp_buf b;
	buf_init(&b);
	if (s)
		sanitize_fit(&b, s, strlen(s), max);
	return buf_steal(&b);
}
