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
	TERM_ZONE_EVIDENCE, TERM_ZONE_CUSTOMER, TERM_ZONE_ONSTAGE, TERM_ZONE_BACKSTAGE, TERM_ZONE_SUPPORT,
	/* the three lines, drawn above onstage, backstage and support */
	TERM_LINE_INTERACTION, TERM_LINE_VISIBILITY, TERM_LINE_INTERNAL,
	/* SERVQUAL dimensions, in sbp_dimension order after DIM_NONE */
	TERM_DIM_TANGIBLES, TERM_DIM_RELIABILITY, TERM_DIM_RESPONSIVENESS, TERM_DIM_ASSURANCE, TERM_DIM_EMPATHY,
	TERM_DIM_NONE,
	/* kinds, sources and directions of standards */
	TERM_HARD, TERM_SOFT, TERM_SOURCE_CUSTOMER, TERM_SOURCE_COMPANY, TERM_BETTER_HIGHER, TERM_BETTER_LOWER,
	/* marks and points */
	TERM_FAIL_POINT, TERM_WAIT_POINT, TERM_FLAGGED, TERM_ENCOUNTER, TERM_STEP, TERM_FLOW, TERM_FLOWS,
	TERM_STANDARD, TERM_STANDARDS, TERM_ONE_TIME_FIX,
	/* units and figures */
	TERM_MINUTES, TERM_SQI, TERM_ZONE_OF_TOLERANCE, TERM_GOAL_ATTAINMENT, TERM_COVERAGE,
	TERM_YES, TERM_NO,
	/* titles and legend */
	TERM_SERVICE_BLUEPRINT, TERM_UNTITLED, TERM_LEGEND, TERM_LEG_LINES, TERM_LEG_ENCOUNTER,
	TERM_LEG_FLAGGED, TERM_PHASE, TERM_LANE, TERM_COLUMN, TERM_ID, TERM_STEPS_HEADING,
	TERM_NO_PHASE,
	/* counts lines (fmt) */
	TERM_COUNTS_POSTER, TERM_COUNTS_TXT, TERM_COUNTS_MD, TERM_COUNTS_REPORT,
	/* report headings and sentences (fmt where they take a count) */
	TERM_H_FLAGGED, TERM_H_FAIL, TERM_H_WAIT, TERM_H_STANDARDS, TERM_H_INDEX, TERM_H_SERVQUAL,
	TERM_H_REPORT, TERM_H_POSTER, TERM_H_SQI, TERM_H_MEASUREMENTS,
	TERM_GAP2_EXPLAIN, TERM_ALL_STANDARDIZED, TERM_NO_RECOVERY, TERM_NO_TOLERANCE,
	TERM_NO_STANDARDS, TERM_NOT_MEASURED, TERM_BELOW_GOAL, TERM_MEETS_GOAL, TERM_NO_INDEX,
	TERM_INDEX_EXPLAIN, TERM_INDEX, TERM_NO_FINDINGS, TERM_ERROR, TERM_WARNING, TERM_LINE_N,
	TERM_MADE_WITH, TERM_SHEET, TERM_DRAWIO_LEGEND,
	/* table column headings */
	TERM_COL_STEP, TERM_COL_LANE, TERM_COL_COLUMN, TERM_COL_ID, TERM_COL_STANDARD, TERM_COL_KIND,
	TERM_COL_MEASURE, TERM_COL_TARGET, TERM_COL_FEEDBACK, TERM_COL_DIMENSION, TERM_COL_WEIGHT,
	TERM_COL_GOAL, TERM_COL_ACTUAL, TERM_COL_AGAINST_GOAL, TERM_COL_STEPS, TERM_COL_ATTAINMENT,
	TERM_COL_SEVERITY, TERM_COL_RECOVERY, TERM_COL_EXPECTED, TERM_COL_TOLERABLE,
	TERM_COL_COVERED, TERM_COL_DATE, TERM_COL_POINTS, TERM_COL_REQUIREMENT, TERM_COL_SOURCE,
	TERM_COL_DESIRED, TERM_COL_ADEQUATE, TERM_COL_OWNER, TERM_COL_FAIL, TERM_COL_WAIT,
	/* CSV header names: steps table */
	TERM_CSV_ID, TERM_CSV_LANE, TERM_CSV_LANE_NAME, TERM_CSV_ZONE, TERM_CSV_COLUMN, TERM_CSV_COLUMN_NAME,
	TERM_CSV_PHASE, TERM_CSV_TEXT, TERM_CSV_NOTES, TERM_CSV_ENCOUNTER, TERM_CSV_FLAGGED,
	TERM_CSV_STANDARDS, TERM_CSV_DURATION, TERM_CSV_FAIL, TERM_CSV_FAIL_SEVERITY,
	TERM_CSV_FAIL_RECOVERY, TERM_CSV_WAIT, TERM_CSV_WAIT_EXPECTED, TERM_CSV_WAIT_TOLERABLE,
	TERM_CSV_FIX,
	/* CSV header names: standards table */
	TERM_CSV_NAME, TERM_CSV_KIND, TERM_CSV_MEASURE, TERM_CSV_TARGET, TERM_CSV_DIMENSION,
	TERM_CSV_FEEDBACK, TERM_CSV_WEIGHT, TERM_CSV_GOAL, TERM_CSV_BETTER, TERM_CSV_ACTUAL,
	TERM_CSV_BELOW_GOAL, TERM_CSV_STEPS, TERM_CSV_REQUIREMENT, TERM_CSV_SOURCE,
	TERM_CSV_DESIRED, TERM_CSV_ADEQUATE, TERM_CSV_OWNER,
	/* CSV header names: flows table */
	TERM_CSV_FROM, TERM_CSV_TO, TERM_CSV_LABEL, TERM_CSV_FROM_LANE, TERM_CSV_TO_LANE,
	TERM_CSV_FROM_COLUMN, TERM_CSV_TO_COLUMN,
	/* CSV header names: measurements */
	TERM_CSV_DATE, TERM_CSV_STANDARD, TERM_CSV_VALUE, TERM_CSV_FAILURES, TERM_CSV_VOLUME, TERM_CSV_NOTE,
	TERM_COUNT
} sbp_term;

/* The term t in language l (never NULL; English for a bad l). */
const char *term(term_lang l, sbp_term t);

/* The language an export of a blueprint writes: the blueprint's `lang`,
 * else the locale (LC_ALL, LC_MESSAGES, LANG: the first one set decides;
 * zh... is Chinese), else English. */
term_lang term_lang_resolve(sbp_lang bp_lang);

/* The language of the locale alone (bp_lang unset). */
term_lang term_lang_locale(void);

/* The zone name, line name and dimension name of the term table. */
const char *term_zone(term_lang l, sbp_zone z);
const char *term_line_above(term_lang l, sbp_zone z); /* NULL if no line */
const char *term_dimension(term_lang l, sbp_dimension d);

/* Finds s among the terms first..last in any language (for readers of
 * what exports write, e.g. CSV headers); false if none matches. */
bool term_parse(const char *s, sbp_term first, sbp_term last, sbp_term *out);

/* The language exports write now: set by export_blueprint() from the
 * blueprint's lang for the length of one export (English otherwise). */
term_lang term_now(void);
void term_set_now(term_lang l);

/* The export label en (exactly as sbp writes it in English) in the
 * language of term_now(): en itself in English or when the table has no
 * such label. Formats keep their printf conversions. */
const char *term_tr(const char *en);

/* The words of a standard's kind, a SERVQUAL dimension and a zone as
 * exports write them now: the ids (hard, empathy, onstage) in English,
 * the seeds' terms in Chinese. */
const char *term_kind_now(sbp_std_kind k);
const char *term_dim_now(sbp_dimension d);
const char *term_zone_now(sbp_zone z);

/* Does the CSV header cell s name the column whose English header is en
 * (en itself, or its translation)? For readers of exported CSV. */
bool term_csv_header_is(const char *s, const char *en);

/* Runs the messages of the current thread (gettext) in language l until
 * term_messages_end(): exports embed check messages, which must follow the
 * blueprint's language rather than the locale. Returns a token for
 * term_messages_end (NULL when nothing changed). */
void *term_messages_begin(term_lang l);
void term_messages_end(void *token);

#endif
