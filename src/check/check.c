/* The driver of `sbp check`: the rule table, the ignore: list, reporting
 * helpers shared by the rule files, and the summary counts. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "sbp/check_step.h"
#include "sbp/diag.h"
#include "sbp/i18n.h"
#include "sbp/util.h"

#include "rules.h"

/* Id and severity of each rule this module reports, by check_rule. */
static const struct {
	const char *id;
	sbp_severity sev;
} rule_table[CR_COUNT] = {
	[CR_ZONE_ORDER] = {RULE_ZONE_ORDER, SBP_ERROR},
	[CR_UNSTANDARDIZED] = {RULE_UNSTANDARDIZED, SBP_WARNING},
	[CR_HARD_UNMEASURED] = {RULE_HARD_UNMEASURED, SBP_WARNING},
	[CR_SOFT_NO_FEEDBACK] = {RULE_SOFT_NO_FEEDBACK, SBP_WARNING},
	[CR_FAIL_NO_RECOVERY] = {RULE_FAIL_NO_RECOVERY, SBP_WARNING},
	[CR_WAIT_NO_TOLERANCE] = {RULE_WAIT_NO_TOLERANCE, SBP_WARNING},
	[CR_UNUSED_STANDARD] = {RULE_UNUSED_STANDARD, SBP_WARNING},
	[CR_BYPASSED] = {RULE_BYPASSED, SBP_WARNING},
	[CR_BELOW_GOAL] = {RULE_BELOW_GOAL, SBP_WARNING},
	[CR_UNKNOWN_KEY] = {RULE_UNKNOWN_KEY, SBP_WARNING},
	[CR_COMPANY_ONLY] = {RULE_COMPANY_STANDARD_ONLY, SBP_WARNING},
	[CR_OUTSIDE_TOLERANCE] = {RULE_OUTSIDE_TOLERANCE, SBP_WARNING},
	[CR_NO_ENCOUNTERS] = {RULE_NO_ENCOUNTERS, SBP_WARNING},
	[CR_MERGE_CONFLICT] = {RULE_MERGE_CONFLICT, SBP_WARNING},
};

/* Every rule id of SPEC section 3, including the loader's. */
static const char *const known_rules[] = {
	RULE_SYNTAX, RULE_SCHEMA, RULE_VERSION, RULE_DUPLICATE_ID,
	RULE_UNKNOWN_REFERENCE, RULE_ZONE_ORDER, RULE_LIMIT,
	RULE_UNSTANDARDIZED, RULE_HARD_UNMEASURED, RULE_SOFT_NO_FEEDBACK,
	RULE_FAIL_NO_RECOVERY, RULE_WAIT_NO_TOLERANCE, RULE_UNUSED_STANDARD,
	RULE_BYPASSED, RULE_BELOW_GOAL, RULE_UNKNOWN_KEY,
	RULE_COMPANY_STANDARD_ONLY, RULE_OUTSIDE_TOLERANCE, RULE_NO_ENCOUNTERS,
	RULE_MERGE_CONFLICT,
};

/* Is rule a known rule id? */
bool check_rule_known(const char *rule)
{
	if (!rule)
		return false;
	for (size_t i = 0; i < sizeof known_rules / sizeof *known_rules; i++)
		if (strcmp(rule, known_rules[i]) == 0)
			return true;
	return false;
}

/* Is rule one of the error rules (which ignore: cannot silence)? The
 * first seven known rules are the errors. */
bool check_rule_is_error(const char *rule)
{
	for (size_t i = 0; i < 7; i++)
		if (rule && strcmp(rule, known_rules[i]) == 0)
			return true;
	return false;
}

/* Prepare a run: warnings named in ignore: are switched off. */
void check_ctx_init(check_ctx *c, const sbp_blueprint *bp, sbp_diags *out)
{
	memset(c, 0, sizeof *c);
	c->bp = bp;
	c->out = out;
	buf_init(&c->msg);
	for (size_t i = 0; i < bp->ignore.n; i++) {
		const char *name = bp->ignore.items[i];
		for (int r = 0; r < CR_COUNT && name; r++)
			if (rule_table[r].sev == SBP_WARNING &&
			    strcmp(name, rule_table[r].id) == 0)
				c->off[r] = true;
	}
}

/* Free the texts quoted since the last report. */
static void quoted_free(check_ctx *c)
{
	for (int i = 0; i < c->nquoted; i++)
		free(c->quoted[i]);
	c->nquoted = 0;
}

/* End a run. */
void check_ctx_done(check_ctx *c)
{
	quoted_free(c);
	buf_free(&c->msg);
}

/* Is rule r reported in this run? */
bool check_on(const check_ctx *c, check_rule r)
{
	return !c->off[r];
}

/* Quote a text from the file for the next message. */
const char *check_q(check_ctx *c, const char *s)
{
	if (c->nquoted == (int)(sizeof c->quoted / sizeof *c->quoted))
		quoted_free(c); /* a caller quoting too much; keep going */
	char *q = diag_quote(s ? s : "", 40);
	c->quoted[c->nquoted++] = q;
	return q;
}

/* Append one finding unless its rule is silenced. */
void check_report(check_ctx *c, check_rule r, sbp_pos pos, sbp_pos fallback,
		  const char *step, const char *fmt, ...)
{
	if (check_on(c, r)) {
		va_list ap;
		buf_reset(&c->msg);
		va_start(ap, fmt);
		buf_vprintf(&c->msg, fmt, ap);
		va_end(ap);
		if (pos.line <= 0)
			pos = fallback;
		diags_add(c->out, rule_table[r].sev, rule_table[r].id,
			  pos.line, pos.col, step, "%s",
			  c->msg.data ? c->msg.data : "");
	}
	quoted_free(c);
}

/* Is a free-text field missing (NULL, empty or only blanks)? */
bool check_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

/* Warn about keys the format does not know and that lack the x- prefix. */
void check_extras(check_ctx *c, const sbp_extras *e, sbp_pos owner,
		  const char *step)
{
	if (!check_on(c, CR_UNKNOWN_KEY))
		return;
	for (size_t i = 0; i < e->n; i++) {
		const char *key = e->items[i].key ? e->items[i].key : "";
		if (strncmp(key, "x-", 2) == 0)
			continue;
		check_report(c, CR_UNKNOWN_KEY, e->items[i].pos, owner, step,
			     _("unknown key '%s' (kept; prefix it with x- for "
			     "your own fields)"), check_q(c, key));
	}
}

/* Run every rule over bp and fill the summary. */
void check_blueprint(const sbp_blueprint *bp, sbp_diags *out, sbp_summary *sum)
{
	check_ctx c;
	sbp_pos top = {0, 0};

	check_ctx_init(&c, bp, out);
	check_extras(&c, &bp->extras, top, NULL);
	check_method_top(&c);
	check_conflicts(&c);
	check_lanes(&c);
	check_columns(&c);
	for (size_t i = 0; i < bp->standards.n; i++)
		check_standard_ctx(&c, bp->standards.items[i]);
	check_unused_standards(&c);
	for (size_t i = 0; i < bp->steps.n; i++)
		check_step_ctx(&c, bp->steps.items[i]);
	for (size_t i = 0; i < bp->flows.n; i++)
		check_flow_ctx(&c, bp->flows.items[i]);
	check_ctx_done(&c);
	if (sum)
		check_summary(bp, sum);
}

/* Note the origin of the findings appended since *from. */
static void origins_fill(check_origin **o, size_t *cap, const sbp_diags *out,
			 size_t *from, check_group group, const void *obj)
{
	xgrow(o, cap, out->n ? out->n : 1, sizeof **o);
	for (; *from < out->n; (*from)++)
		(*o)[*from] = (check_origin){ group, obj };
}

/* check_blueprint, noting where each finding comes from. */
void check_blueprint_origins(const sbp_blueprint *bp, sbp_diags *out,
			     check_origin **origins)
{
	check_ctx c;
	sbp_pos top = {0, 0};
	size_t from = out->n, cap = 0;

	*origins = NULL;
	check_ctx_init(&c, bp, out);
	check_extras(&c, &bp->extras, top, NULL);
	check_method_top(&c);
	check_conflicts(&c);
	origins_fill(origins, &cap, out, &from, CHECK_TOP, NULL);
	check_lanes(&c);
	origins_fill(origins, &cap, out, &from, CHECK_LANES, NULL);
	check_columns(&c);
	origins_fill(origins, &cap, out, &from, CHECK_COLUMNS, NULL);
	for (size_t i = 0; i < bp->standards.n; i++) {
		check_standard_ctx(&c, bp->standards.items[i]);
		origins_fill(origins, &cap, out, &from, CHECK_STANDARDS,
			     bp->standards.items[i]);
	}
	if (bp->standards.n && check_on(&c, CR_UNUSED_STANDARD)) {
		bool *used = check_used_standards(bp);
		for (size_t i = 0; i < bp->standards.n; i++) {
			if (used[i])
				continue;
			check_report_unused(&c, bp->standards.items[i]);
			origins_fill(origins, &cap, out, &from, CHECK_UNUSED,
				     bp->standards.items[i]);
		}
		free(used);
	}
	for (size_t i = 0; i < bp->steps.n; i++) {
		check_step_ctx(&c, bp->steps.items[i]);
		origins_fill(origins, &cap, out, &from, CHECK_STEPS,
			     bp->steps.items[i]);
	}
	for (size_t i = 0; i < bp->flows.n; i++) {
		check_flow_ctx(&c, bp->flows.items[i]);
		origins_fill(origins, &cap, out, &from, CHECK_FLOWS,
			     bp->flows.items[i]);
	}
	check_ctx_done(&c);
}

/* The unused-standard finding of s (see check_step.h). */
void check_standard_unused(const sbp_blueprint *bp, const sbp_standard *s,
			   sbp_diags *out)
{
	check_ctx c;
	check_ctx_init(&c, bp, out);
	check_report_unused(&c, s);
	check_ctx_done(&c);
}

/* Findings about one step alone (see check_step.h). */
void check_step(const sbp_blueprint *bp, const sbp_step *s, sbp_diags *out)
{
	check_ctx c;
	check_ctx_init(&c, bp, out);
	check_step_ctx(&c, s);
	check_ctx_done(&c);
}

/* Findings about one flow alone (see check_step.h). */
void check_flow(const sbp_blueprint *bp, const sbp_flow *f, sbp_diags *out)
{
	check_ctx c;
	check_ctx_init(&c, bp, out);
	check_flow_ctx(&c, f);
	check_ctx_done(&c);
}

/* Findings about one catalog standard alone (see check_step.h). */
void check_standard(const sbp_blueprint *bp, const sbp_standard *s,
		    sbp_diags *out)
{
	check_ctx c;
	check_ctx_init(&c, bp, out);
	check_standard_ctx(&c, s);
	check_ctx_done(&c);
}

/* Add 1 to *n, or take 1 away. */
static void count(size_t *n, bool add)
{
	*n = add ? *n + 1 : *n - 1;
}

/* Add or take away what one step counts for. */
static void summary_step(sbp_summary *sum, const sbp_step *s, bool add)
{
	if (step_is_encounter(s)) {
		count(&sum->encounters, add);
		if (step_is_flagged(s))
			count(&sum->unstandardized, add);
		if (step_company_standard_only(s))
			count(&sum->company_only, add);
		if (step_fix(s) && *step_fix(s))
			count(&sum->fixed, add);
	}
	if (s->fail)
		count(&sum->fail_points, add);
	if (s->wait)
		count(&sum->wait_points, add);
}

/* Add or take away what one step counts for (see check.h). */
void check_summary_step(sbp_summary *sum, const sbp_step *s, bool add)
{
	summary_step(sum, s, add);
}

/* The counts of the summary line, and the encounter coverage. */
void check_summary(const sbp_blueprint *bp, sbp_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	for (size_t i = 0; i < bp->steps.n; i++)
		summary_step(sum, bp->steps.items[i], true);
	check_summary_finish(bp, sum);
}

/* Totals from bp and the coverage from the counts. */
void check_summary_finish(const sbp_blueprint *bp, sbp_summary *sum)
{
	sum->steps = bp->steps.n;
	sum->standards = bp->standards.n;
	if (sum->encounters == 0)
		sum->coverage = NAN; /* undefined: n/a (SPEC 7.4) */
	else
		sum->coverage = round(1000.0 * (double)(sum->encounters -
						       sum->unstandardized) /
				      (double)sum->encounters) / 10.0;
}

/* The coverage as text, "n/a" when undefined. */
const char *check_coverage_text(const sbp_summary *s, int decimals, char *out)
{
	if (isnan(s->coverage))
		snprintf(out, 16, "%s", _("n/a"));
	else
		snprintf(out, 16, "%.*f%%", decimals ? 1 : 0, s->coverage);
	return out;
}
