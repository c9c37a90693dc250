/* Reading CSV (RFC 4180, through libcsv) into rows of text fields: the
 * one CSV reader that `sbp measure --csv` and `sbp import` share.
 *
 * Ownership: an sbp_csv owns its rows and their fields; csv_table_free
 * frees them. */
#ifndef SBP_CSV_H
#define SBP_CSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sbp_csv_row {
	char **fields; /* NUL-terminated UTF-8, never NULL */
	size_t n;
	int line;      /* 1-based line the row starts on */
} sbp_csv_row;

typedef struct sbp_csv {
	sbp_csv_row *rows;
	size_t n, cap;
} sbp_csv;

/* Parse len bytes of CSV (a leading UTF-8 BOM is skipped; empty lines are
 * dropped). On malformed input (an unclosed quote, text after a closing
 * quote, a NUL byte) return false with a translated message naming the
 * line in err, and leave *out empty. */
bool csv_read_buffer(const char *data, size_t len, sbp_csv *out, char *err,
		     size_t errlen);
/* The same for a file ("-" is standard input) of at most max bytes. */
bool csv_read_file(const char *path, size_t max, sbp_csv *out, char *err,
		   size_t errlen);
/* Index of the field named name in a header row (exact match after
 * trimming spaces), or -1. */
int csv_column(const sbp_csv_row *header, const char *name);
void csv_table_free(sbp_csv *c);

#endif
