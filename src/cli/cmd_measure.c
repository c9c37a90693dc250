/* sbp measure: append rows to a blueprint's measurement log (SPEC 7.3),
 * one from the command line or many from CSV, and save atomically.
 *
 * The lock: a measurement is usually fed by a cron job while an analyst
 * may have the file open. sbp measure takes the file's lock for the few
 * milliseconds of read-append-write when it is free, waits up to two
 * seconds for another short-lived writer (another sbp measure) to let it
 * go, and when a live editor still holds it, writes anyway without
 * taking the lock: the write is atomic (the file is whole at every
 * moment) and the editor notices the changed file as it notices any
 * change made outside, offering to reload. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sbp/cli.h"
#include "sbp/csv.h"
#include "sbp/edit.h"
#include "sbp/i18n.h"
#include "sbp/safety.h"

#define USAGE \
	"usage: sbp measure FILE STANDARD [--value V] [--failures N] [--volume N]\n" \
	"                   [--date YYYY-MM-DD] [--note TEXT]\n" \
	"       sbp measure FILE --csv DATA.csv\n"

/* Parse a finite number; false when text is not one. */
static bool parse_number(const char *text, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (!*text || *end || errno || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* Parse a whole number 0 or more (as a double, the model's type). */
static bool parse_count(const char *text, double *out)
{
	return parse_number(text, out) && *out >= 0 && *out == floor(*out);
}

/* Today's local date as YYYY-MM-DD. */
static void today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Fill a measurement from one option; false (reported) when bad. */
static bool set_option(sbp_measurement *m, const char *opt, const char *val)
{
	bool ok = true;
	if (!strcmp(opt, "--value"))
		ok = parse_number(val, &m->value);
	else if (!strcmp(opt, "--failures"))
		ok = parse_count(val, &m->failures);
	else if (!strcmp(opt, "--volume"))
		ok = parse_count(val, &m->volume);
	else if (!strcmp(opt, "--date"))
		ok = sbp_date_valid(val) && snprintf(m->date, sizeof m->date, "%s", val) > 0;
	else if (!strcmp(opt, "--note"))
		set_string(&m->note, *val ? val : NULL);
	if (!ok) {
		if (!strcmp(opt, "--date"))
			fprintf(stderr, _("sbp measure: '%s' is not a date (use YYYY-MM-DD)\n"),
				cli_safe(val));
		else if (!strcmp(opt, "--value"))
			fprintf(stderr, _("sbp measure: --value must be a number, not '%s'\n"),
				cli_safe(val));
		else
			fprintf(stderr, _("sbp measure: %s must be a whole number, 0 or more, "
					  "not '%s'\n"), opt, cli_safe(val));
	}
	return ok;
}

/* The cell of column col in row, without leading blanks; "" when the row
 * is short or col is -1. */
static const char *cell(const csv_row *row, int col)
{
	if (col < 0)
		return "";
	const char *s = csv_field(row, (size_t)col);
	return s + strspn(s, " \t");
}

/* Index of the header field named name (blanks around it ignored), or -1. */
static int column_of(const csv_row *header, const char *name)
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

/* One CSV row as a measurement appended through h; false (reported with
 * the CSV's name and line) when bad. */
static bool measure_row(edit_history *h, const char *csv, const csv_row *row,
			const int col[6])
{
	const char *date = cell(row, col[0]), *std = cell(row, col[1]);
	sbp_standard *s = blueprint_standard(h->bp, std);
	if (!sbp_date_valid(date)) {
		fprintf(stderr, _("%s:%d: '%s' is not a date (use YYYY-MM-DD)\n"),
			cli_safe(csv), row->line, cli_safe(date));
		return false;
	}
	if (!s) {
		fprintf(stderr, _("%s:%d: no standard has the id '%s'\n"), cli_safe(csv),
			row->line, cli_safe(std));
		return false;
	}
	sbp_measurement *m = measurement_new(date, s);
	const char *v = cell(row, col[2]);
	bool ok = !*v || parse_number(v, &m->value);
	if (!ok)
		fprintf(stderr, _("%s:%d: value must be a number, not '%s'\n"), cli_safe(csv),
			row->line, cli_safe(v));
	double *counts[2] = {&m->failures, &m->volume};
	for (int i = 0; i < 2 && ok; i++) {
		v = cell(row, col[3 + i]);
		if (*v && !parse_count(v, counts[i])) {
			fprintf(stderr, _("%s:%d: %s must be a whole number, 0 or more, not '%s'\n"),
				cli_safe(csv), row->line, i ? "volume" : "failures", cli_safe(v));
			ok = false;
		}
	}
	if (ok && col[5] >= 0 && *csv_field(row, (size_t)col[5]))
		set_string(&m->note, csv_field(row, (size_t)col[5]));
	if (ok && !edit_measurement_add(h, m, NULL)) {
		fprintf(stderr, "%s:%d: %s\n", cli_safe(csv), row->line, cli_safe(h->error));
		ok = false;
	}
	measurement_free(m);
	return ok;
}

/* Append the rows of a CSV file; false when any is bad (then the caller
 * writes nothing). */
static bool from_csv(edit_history *h, const char *csv, size_t max)
{
	static const char *const names[6] = {"date", "standard", "value", "failures",
					     "volume", "note"};
	csv_table t = {0};
	char err[512], *data;
	size_t len;
	int col[6], line = 0, field = 0;
	if (!read_file(csv, max, &data, &len)) {
		fprintf(stderr, _("sbp measure: cannot read %s: %s\n"), cli_safe(csv),
			strerror(errno));
		return false;
	}
	bool read = csv_read(data, len, 0, &t, &line, &field, err, sizeof err);
	free(data);
	if (!read) {
		fprintf(stderr, "%s:%d: %s\n", cli_safe(csv), line, cli_safe(err));
		csv_table_free(&t);
		return false;
	}
	bool ok = t.n > 0;
	if (!ok)
		fprintf(stderr, _("sbp measure: %s is empty; it needs a header row "
				  "(date,standard,value,failures,volume,note)\n"), cli_safe(csv));
	for (int i = 0; i < 6 && ok; i++)
		col[i] = column_of(&t.rows[0], names[i]);
	if (ok && (col[0] < 0 || col[1] < 0)) {
		fprintf(stderr, _("sbp measure: %s: the header row must name the columns "
				  "date and standard (and any of value, failures, volume, note)\n"),
			cli_safe(csv));
		ok = false;
	}
	for (size_t i = 1; ok && i < t.n; i++)
		if (!measure_row(h, csv, &t.rows[i], col))
			ok = false;
	csv_table_free(&t);
	return ok;
}

/* Take the lock if it is free or becomes free within two seconds. */
static bool lock_briefly(const char *path, bool *warned)
{
	sbp_lock_info other;
	for (int tries = 0; tries < 20; tries++) {
		lock_result r = lock_acquire(path, false, &other);
		if (r == LOCK_ACQUIRED)
			return true;
		if (r == LOCK_UNAVAILABLE)
			return false;
		struct timespec ts = {0, 100 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	fprintf(stderr, _("sbp measure: %s is open in sbp by %s@%s (pid %ld); writing anyway: "
			  "the editor will notice the change\n"),
		cli_safe(path), cli_safe(other.user), cli_safe(other.host), other.pid);
	*warned = true;
	return false;
}

/* Load path, append what the arguments say, and write it back. */
static int measure(const char *path, const char *std, const char *csv,
		   sbp_measurement *row, const sbp_limits *lim)
{
	bool warned = false;
	bool locked = lock_briefly(path, &warned);
	sbp_diags d;
	diags_init(&d);
	int status = 0;
	sbp_blueprint *bp = sbp_load_file(path, lim, &d);
	if (!bp) {
		cli_print_diags(stderr, path, &d);
		status = 2;
		goto done;
	}
	edit_history h;
	edit_init(&h, bp);
	bool ok;
	if (csv) {
		ok = from_csv(&h, csv, lim->max_file_size);
	} else {
		row->standard = blueprint_standard(bp, std);
		ok = row->standard != NULL;
		if (!ok)
			fprintf(stderr, _("sbp measure: %s has no standard with the id '%s'\n"),
				cli_safe(path), cli_safe(std));
		else if (!(ok = edit_measurement_add(&h, row, NULL)))
			fprintf(stderr, _("sbp measure: %s\n"), cli_safe(h.error));
	}
	if (ok) {
		sbp_buf out;
		char err[512];
		buf_init(&out);
		sbp_save_yaml(bp, &out);
		if (!atomic_write(path, out.data, out.len, err, sizeof err)) {
			fprintf(stderr, _("sbp measure: %s\n"), cli_safe(err));
			ok = false;
		}
		buf_free(&out);
	}
	status = ok ? 0 : 2;
	edit_free(&h);
	blueprint_free(bp);
done:
	diags_free(&d);
	if (locked)
		lock_release(path);
	return status;
}

int cmd_measure(int argc, char **argv)
{
	const char *path = NULL, *std = NULL, *csv = NULL;
	const sbp_limits *lim = cli_limits(); /* --max-size, taken by main */
	char date[11];
	today(date);
	sbp_measurement *row = measurement_new(date, NULL);
	bool any = false, ok = true;

	for (int i = 1; i < argc && ok; i++) {
		const char *a = argv[i];
		bool has_value = i + 1 < argc;
		if (!strcmp(a, "--csv") && has_value) {
			csv = argv[++i];
		} else if ((!strcmp(a, "--value") || !strcmp(a, "--failures") ||
			    !strcmp(a, "--volume") || !strcmp(a, "--date") ||
			    !strcmp(a, "--note")) && has_value) {
			ok = set_option(row, a, argv[++i]);
			any = any || strcmp(a, "--date") != 0;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("sbp measure: unknown option or missing value '%s'\n%s"),
				cli_safe(a), USAGE);
			ok = false;
		} else if (!path) {
			path = a;
		} else if (!std) {
			std = a;
		} else {
			fprintf(stderr, _("sbp measure: too many arguments\n%s"), USAGE);
			ok = false;
		}
	}
	if (ok && (!path || (!std == !csv) || (csv && any))) {
		fprintf(stderr, "%s", USAGE);
		ok = false;
	} else if (ok && !csv && !any) {
		fprintf(stderr, "%s", _("sbp measure: nothing to record: give --value, "
					"--failures, --volume or --note\n"));
		ok = false;
	} else if (ok && !strcmp(path, "-")) {
		fprintf(stderr, "%s", _("sbp measure: the blueprint must be a file\n"));
		ok = false;
	}
	int status = ok ? measure(path, std, csv, row, lim) : 2;
	measurement_free(row);
	return status;
}
