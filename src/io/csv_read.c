/* The shared CSV reader: libcsv's callbacks collect fields into rows,
 * fed one line at a time so that each row knows the line it starts on. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/csv.h"
#include "sbp/i18n.h"
#include "sbp/util.h"

/* What the callbacks build. */
typedef struct reader {
	sbp_csv *out;
	sbp_csv_row row; /* the row being read */
	size_t cap;
	int line;        /* the line being fed */
	bool nul;        /* a NUL byte was seen in a field */
} reader;

/* libcsv: one field ended. */
static void on_field(void *data, size_t len, void *ctx)
{
	reader *r = ctx;
	if (r->row.n == 0)
		r->row.line = r->line;
	if (memchr(data, '\0', len))
		r->nul = true;
	char *f = xmalloc(len + 1);
	memcpy(f, data, len);
	f[len] = '\0';
	xgrow(&r->row.fields, &r->cap, r->row.n + 1, sizeof *r->row.fields);
	r->row.fields[r->row.n++] = f;
}

/* libcsv: one row ended. */
static void on_row(int c, void *ctx)
{
	reader *r = ctx;
	(void)c;
	if (r->row.n == 0)
		return;
	sbp_csv *o = r->out;
	xgrow(&o->rows, &o->cap, o->n + 1, sizeof *o->rows);
	o->rows[o->n++] = r->row;
	memset(&r->row, 0, sizeof r->row);
	r->cap = 0;
}

/* Free one row's fields. */
static void row_free(sbp_csv_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		free(row->fields[i]);
	free(row->fields);
}

void csv_table_free(sbp_csv *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		row_free(&c->rows[i]);
	free(c->rows);
	memset(c, 0, sizeof *c);
}

bool csv_read_buffer(const char *data, size_t len, sbp_csv *out, char *err,
		     size_t errlen)
{
	struct csv_parser p;
	reader r = {.out = out, .line = 1};
	bool ok = true;

	memset(out, 0, sizeof *out);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		snprintf(err, errlen, "%s", _("cannot start the CSV reader (out of memory)"));
		return false;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	for (size_t at = 0; at < len && ok;) {
		const char *nl = memchr(data + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (data + at)) + 1 : len - at;
		if (csv_parse(&p, data + at, n, on_field, on_row, &r) != n)
			ok = false;
		at += n;
		if (ok)
			r.line++;
	}
	if (ok && csv_fini(&p, on_field, on_row, &r) != 0)
		ok = false;
	if (!ok)
		snprintf(err, errlen, _("line %d: malformed CSV (%s)"), r.line,
			 csv_strerror(csv_error(&p)));
	else if (r.nul) {
		ok = false;
		snprintf(err, errlen, "%s", _("the CSV holds a NUL byte"));
	}
	csv_free(&p);
	row_free(&r.row);
	if (!ok)
		csv_table_free(out);
	return ok;
}

bool csv_read_file(const char *path, size_t max, sbp_csv *out, char *err,
		   size_t errlen)
{
	char *data;
	size_t len;
	memset(out, 0, sizeof *out);
	if (!read_file(path, max, &data, &len)) {
		snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(errno));
		return false;
	}
	bool ok = csv_read_buffer(data, len, out, err, errlen);
	free(data);
	return ok;
}

int csv_column(const sbp_csv_row *header, const char *name)
{
	size_t want = strlen(name);
	for (size_t i = 0; i < header->n; i++) {
		const char *f = header->fields[i];
		f += strspn(f, " \t");
		size_t n = strlen(f);
		while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '\t' || f[n - 1] == '\r'))
			n--;
		if (n == want && strncmp(f, name, n) == 0)
			return (int)i;
	}
	return -1;
}
