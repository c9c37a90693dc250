/* Reading CSV (RFC 4180) through libcsv: the whole text into a table of
 * rows, each knowing the line it starts on. UTF-8 with or without a byte
 * order mark, CRLF or LF, and the comma, semicolon or tab that
 * spreadsheets write in different locales. Used by `sbp import -f csv`
 * and `sbp measure --csv`. */
#ifndef SBP_CSV_H
#define SBP_CSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct csv_row {
	char **fields; /* n strings, owned, exactly as in the file */
	size_t n;
	int line;      /* 1-based line the row starts on */
} csv_row;

typedef struct csv_table {
	csv_row *rows;
	size_t n, cap;
	char sep; /* the separator used */
} csv_table;

/* Parse len bytes of data with separator sep (0: detect it from the first
 * line, the most frequent of ',' ';' and tab outside quotes; ',' when
 * none). Blank lines are skipped. On malformed input (a stray quote, an
 * unterminated quoted field, text that is not UTF-8) returns false with
 * *line and *col (1-based; col counts fields) and a message in err. Free
 * the table with csv_table_free, also after a failure. */
bool csv_read(const char *data, size_t len, char sep, csv_table *t,
	      int *line, int *col, char *err, size_t errlen);
void csv_table_free(csv_table *t);
/* Field i of a row, or "" past its end. */
const char *csv_field(const csv_row *r, size_t i);

#endif
