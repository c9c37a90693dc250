/* CSV text into rows through libcsv (RFC 4180 quoting with doubled
 * quotes, separators and newlines inside quotes). The text is fed one
 * physical line at a time so that each row knows its line and an error
 * its place. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/csv.h"
#include "sbp/i18n.h"
#include "sbp/utf8.h"
#include "sbp/util.h"

/* What the callbacks build. */
typedef struct csv_state {
	csv_table *t;
	csv_row cur;     /* the row being read */
	size_t capf;
	int line;        /* line of the chunk being parsed */
	int row_line;    /* line the current row started on */
} csv_state;

/* libcsv: a field ended. */
static void on_field(void *s, size_t len, void *data)
{
	csv_state *st = data;
	if (st->cur.n == 0)
		st->cur.line = st->row_line;
	xgrow(&st->cur.fields, &st->capf, st->cur.n + 1, sizeof *st->cur.fields);
	st->cur.fields[st->cur.n++] = xstrndup(s ? s : "", s ? len : 0);
}

/* libcsv: a row ended. */
static void on_row(int c, void *data)
{
	csv_state *st = data;
	(void)c;
	xgrow(&st->t->rows, &st->t->cap, st->t->n + 1, sizeof *st->t->rows);
	st->t->rows[st->t->n++] = st->cur;
	memset(&st->cur, 0, sizeof st->cur);
	st->capf = 0;
	st->row_line = st->line + 1;
}

/* Keep every blank: the caller decides what a space means. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* The most frequent of , ; and tab on the first line, outside quotes. */
static char detect_sep(const char *s, size_t len)
{
	size_t n[3] = {0, 0, 0};
	static const char seps[3] = {',', ';', '\t'};
	bool quoted = false;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted)
			for (int k = 0; k < 3; k++)
				n[k] += s[i] == seps[k];
	}
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (n[k] > n[best])
			best = k;
	return seps[best];
}

/* Field number (1-based) at byte off of the line starting at start. */
static int field_at(const char *start, size_t off, char sep)
{
	int col = 1;
	bool quoted = false;
	for (size_t i = 0; i < off; i++) {
		if (start[i] == '"')
			quoted = !quoted;
		else if (!quoted && start[i] == sep)
			col++;
	}
	return col;
}

/* Parse CSV text into a table. */
bool csv_read(const char *data, size_t len, char sep, csv_table *t,
	      int *line, int *col, char *err, size_t errlen)
{
	struct csv_parser p;
	csv_state st;
	size_t bad;
	bool ok = true;

	memset(t, 0, sizeof *t);
	memset(&st, 0, sizeof st);
	st.t = t;
	st.line = st.row_line = 1;
	*line = *col = 0;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	if (!utf8_valid(data, len, &bad)) {
		*line = 1;
		for (size_t i = 0; i < bad; i++)
			*line += data[i] == '\n';
		const char *ls = data + bad;
		while (ls > data && ls[-1] != '\n')
			ls--;
		*col = field_at(ls, (size_t)(data + bad - ls), sep ? sep : detect_sep(data, len));
		snprintf(err, errlen, "%s", _("the text is not UTF-8 (save the sheet as \"CSV UTF-8\")"));
		return false;
	}
	t->sep = sep ? sep : detect_sep(data, len);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return false;
	}
	csv_set_delim(&p, (unsigned char)t->sep);
	csv_set_space_func(&p, no_space);
	for (size_t at = 0; at < len && ok;) {
		const char *nl = memchr(data + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (data + at)) + 1 : len - at;
		/* No row begun (libcsv's state 0, ROW_NOT_BEGUN): the next
		 * one starts on this line, after any blank lines. */
		if (st.cur.n == 0 && p.pstate == 0)
			st.row_line = st.line;
		size_t used = csv_parse(&p, data + at, n, on_field, on_row, &st);
		if (used != n) {
			*line = st.line;
			*col = field_at(data + at, used, t->sep);
			ok = false;
		}
		at += n;
		st.line++;
	}
	if (ok && csv_fini(&p, on_field, on_row, &st) != 0) {
		*line = st.row_line;
		*col = (int)st.cur.n + 1;
		ok = false;
	}
	if (!ok)
		snprintf(err, errlen, "%s", csv_error(&p) == CSV_EPARSE
			 ? _("a quote is misplaced or never closed (a quoted field must be quoted whole, with \"\" for a quote inside)")
			 : _("the CSV text cannot be read"));
	for (size_t i = 0; i < st.cur.n; i++)
		free(st.cur.fields[i]);
	free(st.cur.fields);
	csv_free(&p);
	return ok;
}

void csv_table_free(csv_table *t)
{
	for (size_t r = 0; r < t->n; r++) {
		for (size_t i = 0; i < t->rows[r].n; i++)
			free(t->rows[r].fields[i]);
		free(t->rows[r].fields);
	}
	free(t->rows);
	memset(t, 0, sizeof *t);
}

/* Field i of a row, or "" past its end. */
const char *csv_field(const csv_row *r, size_t i)
{
	return i < r->n ? r->fields[i] : "";
}
