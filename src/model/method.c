/* The method's predicates and figures (SPEC 7.1-7.3): flagged steps,
 * customer- and company-defined standards, the current actual from the
 * measurement log, below goal, outside tolerance, the service quality
 * index and goal attainment; and the measurement log's index. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/model.h"

bool standard_is_customer(const sbp_standard *s)
{
	return s->source != SOURCE_COMPANY;
}

bool step_is_flagged(const sbp_step *s)
{
	const char *fix = step_fix(s);
	if (!step_is_encounter(s) || (fix && *fix)) /* fix: "" fixes nothing */
		return false;
	for (size_t i = 0; i < s->stds.n; i++)
		if (standard_is_customer(s->stds.items[i]))
			return false;
	return true;
}

bool step_company_standard_only(const sbp_step *s)
{
	return s->stds.n > 0 && step_is_flagged(s);
}

double standard_current_actual(const sbp_standard *s)
{
	return s->latest ? s->latest->value : s->actual;
}

bool standard_worse(const sbp_standard *s, double a, double b)
{
	return s->better == BETTER_LOWER ? a > b : a < b;
}

bool standard_below_goal(const sbp_standard *s)
{
	double actual = standard_current_actual(s);
	if (isnan(s->goal) || isnan(actual))
		return false;
	return standard_worse(s, actual, s->goal);
}

bool standard_outside_tolerance(const sbp_standard *s)
{
	double actual = standard_current_actual(s);
	if (isnan(s->adequate) || isnan(actual))
		return false;
	return standard_worse(s, actual, s->adequate);
}

/* Does m replace cur as its standard's latest measurement with a value?
 * The later date wins; on the same date, the later row (m comes later). */
static bool newer(const sbp_measurement *m, const sbp_measurement *cur)
{
	return !isnan(m->value) && (!cur || strcmp(m->date, cur->date) >= 0);
}

void measurements_index(sbp_blueprint *bp)
{
	for (size_t i = 0; i < bp->standards.n; i++)
		bp->standards.items[i]->latest = NULL;
	for (size_t i = 0; i < bp->measurements.n; i++) {
		sbp_measurement *m = bp->measurements.items[i];
		if (m->standard && newer(m, m->standard->latest))
			m->standard->latest = m;
	}
}

/* Recompute the latest measurement of one standard: O(measurements). */
static void index_standard(sbp_blueprint *bp, sbp_standard *s)
{
	s->latest = NULL;
	for (size_t i = 0; i < bp->measurements.n; i++) {
		sbp_measurement *m = bp->measurements.items[i];
		if (m->standard == s && newer(m, s->latest))
			s->latest = m;
	}
}

void blueprint_insert_measurement(sbp_blueprint *bp, size_t at, sbp_measurement *m)
{
	if (at == (size_t)-1 || at >= bp->measurements.n) {
		VEC_PUSH(bp->measurements, m);
		if (m->standard && newer(m, m->standard->latest))
			m->standard->latest = m; /* O(1) for an appended row */
		return;
	}
	VEC_INSERT(bp->measurements, at, m);
	if (m->standard)
		index_standard(bp, m->standard);
}

sbp_measurement *blueprint_remove_measurement(sbp_blueprint *bp, size_t at)
{
	sbp_measurement *m = bp->measurements.items[at];
	VEC_REMOVE(bp->measurements, at);
	if (m->standard && m->standard->latest == m)
		index_standard(bp, m->standard);
	return m;
}

/* Days in a month of a year. */
static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool sbp_date_valid(const char *d)
{
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
			return false;
	}
	if (d[10] != '\0')
		return false;
	int y = atoi(d), m = atoi(d + 5), day = atoi(d + 8);
	return m >= 1 && m <= 12 && day >= 1 && day <= month_days(y, m);
}

/* A standard's weight in goal attainment: 1 when absent. */
static double weight_of(const sbp_standard *s)
{
	return isnan(s->weight) ? 1.0 : s->weight;
}

/* Order of two measurements by date, then position (for a stable sort). */
static int by_date(const void *a, const void *b)
{
	const sbp_measurement *const *x = a, *const *y = b;
	int c = strcmp((*x)->date, (*y)->date);
	return c ? c : (*x < *y ? -1 : *x > *y);
}

size_t blueprint_sqi(const sbp_blueprint *bp, sbp_sqi_point **out)
{
	*out = NULL;
	size_t n = 0;
	sbp_measurement **rows = xmalloc((bp->measurements.n + 1) * sizeof *rows);
	for (size_t i = 0; i < bp->measurements.n; i++)
		if (!isnan(bp->measurements.items[i]->failures))
			rows[n++] = bp->measurements.items[i];
	if (n == 0) {
		free(rows);
		return 0;
	}
	qsort(rows, n, sizeof *rows, by_date);
	sbp_sqi_point *pts = xmalloc(n * sizeof *pts);
	size_t np = 0;
	for (size_t i = 0; i < n; i++) {
		if (np == 0 || strcmp(pts[np - 1].date, rows[i]->date) != 0) {
			memcpy(pts[np].date, rows[i]->date, sizeof pts[np].date);
			pts[np++].points = 0;
		}
		/* a standard without a weight is not in the index (SPEC 2:
		 * the weight is what an index counts) */
		double w = rows[i]->standard->weight;
		if (!isnan(w))
			pts[np - 1].points += w * rows[i]->failures;
	}
	free(rows);
	*out = pts;
	return np;
}

double blueprint_goal_attainment(const sbp_blueprint *bp, size_t *counted)
{
	double met = 0, all = 0;
	size_t n = 0;
	for (size_t i = 0; i < bp->standards.n; i++) {
		const sbp_standard *s = bp->standards.items[i];
		if (isnan(s->goal) || isnan(standard_current_actual(s)))
			continue;
		n++;
		all += weight_of(s);
		if (!standard_below_goal(s))
			met += weight_of(s);
	}
	if (counted)
		*counted = n;
	return n == 0 || all <= 0 ? NAN : met / all;
}

/* Do two columns belong to one phase group (same phase, or both none)? */
static bool same_phase(const sbp_column *a, const sbp_column *b)
{
	if (!a->phase || !b->phase)
		return !a->phase && !b->phase;
	return strcmp(a->phase, b->phase) == 0;
}

size_t blueprint_phase_times(const sbp_blueprint *bp, sbp_phase_time **out)
{
	size_t nc = bp->columns.n, n = 0;
	*out = NULL;
	if (nc == 0)
		return 0;
	sbp_phase_time *pt = xcalloc(nc, sizeof *pt);
	size_t *group = xmalloc(nc * sizeof *group);
	for (size_t c = 0; c < nc; c++) {
		const sbp_column *col = bp->columns.items[c];
		if (c == 0 || !same_phase(bp->columns.items[c - 1], col)) {
			pt[n].phase = col->phase;
			pt[n].first = c;
			n++;
		}
		pt[n - 1].ncols++;
		group[c] = n - 1;
	}
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		if (!s->column || s->column->idx >= nc)
			continue;
		sbp_phase_time *p = &pt[group[s->column->idx]];
		sbp_zone z = s->lane ? s->lane->zone : ZONE_COUNT;
		if ((z == ZONE_CUSTOMER || z == ZONE_ONSTAGE) && !isnan(s->duration)) {
			p->customer += s->duration;
			p->timed++;
		}
		if (s->wait) {
			p->waits++;
			if (!isnan(s->wait->expected)) {
				p->expected += s->wait->expected;
				p->with_expected++;
			}
			if (!isnan(s->wait->tolerable)) {
				p->tolerable += s->wait->tolerable;
				p->with_tolerable++;
			}
		}
	}
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += pt[i].customer + pt[i].expected;
	for (size_t i = 0; i < n; i++)
		pt[i].share = total > 0 ? (pt[i].customer + pt[i].expected) / total : NAN;
	free(group);
	*out = pt;
	return n;
}
