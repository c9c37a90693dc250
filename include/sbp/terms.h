/* The words sbp's exports write around the user's own text (SPEC 7.5):
 * zone and line names, legend, headings, units, SERVQUAL and hard/soft
 * names, CSV header names, in English and in the seeds' Chinese. Exports
 * follow the blueprint's `lang`, then the locale, then English; the
 * editor's and the CLI's messages go through gettext instead (i18n.h). */
#ifndef SBP_TERMS_H
#define SBP_TERMS_H

#include <stdbool.h>

#include "sbp/model.h"

/* A resolved language of the term table. */
typedef enum term_lang { TL_EN, TL_ZH, TL_COUNT } term_lang;

/* Every term. Entries marked "fmt" are printf formats; the others are
 * plain labels. Keep the order of terms.c's table. */
typedef enum sbp_term {
	/* zones (the default lane names), top to bottom */
	T_ZONE_EVIDENCE, T_ZONE_CUSTOMER, T_ZONE_ONSTAGE, T_ZONE_BACKSTAGE, T_ZONE_SUPPORT,
	/* the three lines, drawn above onstage, backstage and support */
	T_LINE_INTERACTION, T_LINE_VISIBILITY, T_LINE_INTERNAL,
	/* SERVQUAL dimensions, in sbp_dimension order after DIM_NONE */
	T_DIM_TANGIBLES, T_DIM_RELIABILITY, T_DIM_RESPONSIVENESS, T_DIM_ASSURANCE, T_DIM_EMPATHY,
	T_DIM_NONE,
	/* kinds, sources and directions of standards */
	T_HARD, T_SOFT, T_SOURCE_CUSTOMER, T_SOURCE_COMPANY, T_BETTER_HIGHER, T_BETTER_LOWER,
	/* marks and points */
	T_FAIL_POINT, T_WAIT_POINT, T_FLAGGED, T_ENCOUNTER, T_STEP, T_FLOW, T_FLOWS,
	T_STANDARD, T_STANDARDS, T_ONE_TIME_FIX,
	/* units and figures */
	T_MINUTES, T_SQI, T_ZONE_OF_TOLERANCE, T_GOAL_ATTAINMENT, T_COVERAGE,
	T_YES, T_NO,
	/* titles and legend */
	T_SERVICE_BLUEPRINT, T_UNTITLED, T_LEGEND, T_LEG_LINES, T_LEG_ENCOUNTER,
	T_LEG_FLAGGED, T_PHASE, T_LANE, T_COLUMN, T_ID, T_STEPS_HEADING,
	T_NO_PHASE,
	/* counts lines (fmt) */
	T_COUNTS_POSTER, T_COUNTS_TXT, T_COUNTS_MD, T_COUNTS_REPORT,
	/* report headings and sentences (fmt where they take a count) */
	T_H_FLAGGED, T_H_FAIL, T_H_WAIT, T_H_STANDARDS, T_H_INDEX, T_H_SERVQUAL,
	T_H_REPORT, T_H_POSTER, T_H_SQI, T_H_MEASUREMENTS,
	T_GAP2_EXPLAIN, T_ALL_STANDARDIZED, T_NO_RECOVERY, T_NO_TOLERANCE,
	T_NO_STANDARDS, T_NOT_MEASURED, T_BELOW_GOAL, T_MEETS_GOAL, T_NO_INDEX,
	T_INDEX_EXPLAIN, T_INDEX, T_NO_FINDINGS, T_ERROR, T_WARNING, T_LINE_N,
	T_MADE_WITH, T_SHEET, T_DRAWIO_LEGEND,
	/* table column headings */
	T_COL_STEP, T_COL_LANE, T_COL_COLUMN, T_COL_ID, T_COL_STANDARD, T_COL_KIND,
	T_COL_MEASURE, T_COL_TARGET, T_COL_FEEDBACK, T_COL_DIMENSION, T_COL_WEIGHT,
	T_COL_GOAL, T_COL_ACTUAL, T_COL_AGAINST_GOAL, T_COL_STEPS, T_COL_ATTAINMENT,
	T_COL_SEVERITY, T_COL_RECOVERY, T_COL_EXPECTED, T_COL_TOLERABLE,
	T_COL_COVERED, T_COL_DATE, T_COL_POINTS, T_COL_REQUIREMENT, T_COL_SOURCE,
	T_COL_DESIRED, T_COL_ADEQUATE, T_COL_OWNER, T_COL_FAIL, T_COL_WAIT,
	/* CSV header names: steps table */
	T_CSV_ID, T_CSV_LANE, T_CSV_LANE_NAME, T_CSV_ZONE, T_CSV_COLUMN, T_CSV_COLUMN_NAME,
	T_CSV_PHASE, T_CSV_TEXT, T_CSV_NOTES, T_CSV_ENCOUNTER, T_CSV_FLAGGED,
	T_CSV_STANDARDS, T_CSV_DURATION, T_CSV_FAIL, T_CSV_FAIL_SEVERITY,
	T_CSV_FAIL_RECOVERY, T_CSV_WAIT, T_CSV_WAIT_EXPECTED, T_CSV_WAIT_TOLERABLE,
	T_CSV_FIX,
	/* CSV header names: standards table */
	T_CSV_NAME, T_CSV_KIND, T_CSV_MEASURE, T_CSV_TARGET, T_CSV_DIMENSION,
	T_CSV_FEEDBACK, T_CSV_WEIGHT, T_CSV_GOAL, T_CSV_BETTER, T_CSV_ACTUAL,
	T_CSV_BELOW_GOAL, T_CSV_STEPS, T_CSV_REQUIREMENT, T_CSV_SOURCE,
	T_CSV_DESIRED, T_CSV_ADEQUATE, T_CSV_OWNER,
	/* CSV header names: flows table */
	T_CSV_FROM, T_CSV_TO, T_CSV_LABEL, T_CSV_FROM_LANE, T_CSV_TO_LANE,
	T_CSV_FROM_COLUMN, T_CSV_TO_COLUMN,
	/* CSV header names: measurements */
	T_CSV_DATE, T_CSV_STANDARD, T_CSV_VALUE, T_CSV_FAILURES, T_CSV_VOLUME, T_CSV_NOTE,
	T_COUNT
} sbp_term;

/* The term t in language l (never NULL; English for a bad l). */
const char *term(term_lang l, sbp_term t);

/* The language an export of a blueprint writes: the blueprint's `lang`
 * (an sbp_lang: LANG_UNSET, LANG_EN or LANG_ZH), else the locale (LC_ALL,
 * LC_MESSAGES, LANG: the first one set decides; zh... is Chinese), else
 * English. */
term_lang term_lang_resolve(int bp_lang);

/* The language of the locale alone (bp_lang unset). */
term_lang term_lang_locale(void);

/* The zone name, line name and dimension name of the term table. */
const char *term_zone(term_lang l, sbp_zone z);
const char *term_line_above(term_lang l, sbp_zone z); /* NULL if no line */
const char *term_dimension(term_lang l, sbp_dimension d);

/* Finds s among the terms first..last in any language (for readers of
 * what exports write, e.g. CSV headers); false if none matches. */
bool term_parse(const char *s, sbp_term first, sbp_term last, sbp_term *out);

/* Runs the messages of the current thread (gettext) in language l until
 * term_messages_end(): exports embed check messages, which must follow the
 * blueprint's language rather than the locale. Returns a token for
 * term_messages_end (NULL when nothing changed). */
void *term_messages_begin(term_lang l);
void term_messages_end(void *token);

#endif
