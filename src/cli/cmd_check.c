/* sbp check: lint blueprints, GCC-style or as JSON, with a summary. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "sbp/utf8.h"

/* The summary of a checked file: the counts, then the SQI's latest value
 * and its change when measurements record failures. */
static void print_summary(FILE *out, const char *file, const sbp_summary *s,
			  const sbp_blueprint *bp)
{
	sbp_buf name;
	char cov[16];
	buf_init(&name);
	sanitize(&name, file, strlen(file));
	fprintf(out,
		_("%s: %zu steps, %zu encounter steps, %zu unstandardized, %zu fail points, "
		"%zu wait points, %zu standards, encounter coverage %s\n"),
		name.data, s->steps, s->encounters, s->unstandardized, s->fail_points,
		s->wait_points, s->standards, check_coverage_text(s, 1, cov));
	sbp_buf sqi;
	buf_init(&sqi);
	if (check_sqi_text(bp, &sqi))
		fprintf(out, "%s: %s\n", name.data, sqi.data);
	buf_free(&sqi);
	buf_free(&name);
}

/* One file's entry of the JSON report. */
static sbp_node *json_file(const char *file, const sbp_diags *d, const sbp_summary *s,
			  const sbp_blueprint *bp)
{
	sbp_node *f = node_new(NODE_MAP, NULL);
	sbp_node *list = node_new(NODE_SEQ, NULL);
	node_set(f, "file", node_str(file));
	for (size_t i = 0; i < d->n; i++) {
		const sbp_diag *dg = &d->items[i];
		sbp_node *o = node_new(NODE_MAP, NULL);
		node_set(o, "line", node_num(dg->line));
		node_set(o, "column", node_num(dg->col));
		node_set(o, "severity", node_str(dg->severity == SBP_ERROR ? "error" : "warning"));
		node_set(o, "rule", dg->rule ? node_str(dg->rule) : node_new(NODE_NULL, NULL));
		node_set(o, "message", node_str(dg->message));
		node_set(o, "step", dg->step ? node_str(dg->step) : node_new(NODE_NULL, NULL));
		node_push(list, o);
	}
	node_set(f, "diagnostics", list);
	if (d->dropped) /* past the loader's limit: counted, not kept */
		node_set(f, "more", node_num((double)d->dropped));
	if (s) {
		sbp_node *o = node_new(NODE_MAP, NULL);
		node_set(o, "steps", node_num((double)s->steps));
		node_set(o, "encounters", node_num((double)s->encounters));
		node_set(o, "unstandardized", node_num((double)s->unstandardized));
		node_set(o, "fail_points", node_num((double)s->fail_points));
		node_set(o, "wait_points", node_num((double)s->wait_points));
		node_set(o, "standards", node_num((double)s->standards));
		node_set(o, "coverage", isnan(s->coverage) ? node_new(NODE_NULL, NULL)
							    : node_num(s->coverage));
		node_set(o, "sqi", check_sqi_node(bp));
		node_set(f, "summary", o);
	} else {
		node_set(f, "summary", node_new(NODE_NULL, NULL));
	}
	return f;
}

int cmd_check(int argc, char **argv)
{
	bool json = false;
	const sbp_limits *lim = cli_limits();
	int status = 0, nfiles = 0;
	sbp_node *report = node_new(NODE_SEQ, NULL);

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--format") && i + 1 < argc) {
			a = argv[++i];
			if (!strcmp(a, "json")) {
				json = true;
			} else if (strcmp(a, "text") != 0) {
				fprintf(stderr, _("sbp check: unknown format '%s' (text or json)\n"), cli_safe(a));
				node_free(report);
				return 2;
			}
		} else if (!strcmp(a, "--format=json")) {
			json = true;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("sbp check: unknown option '%s'\n"), cli_safe(a));
			node_free(report);
			return 2;
		}
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--format")) {
			i++;
			continue;
		}
		if (a[0] == '-' && a[1])
			continue;
		const char *name = strcmp(a, "-") ? a : "<stdin>";
		sbp_diags d;
		sbp_summary sum;
		diags_init(&d);
		nfiles++;
		sbp_blueprint *bp = sbp_load_file(a, lim, &d);
		if (bp)
			check_blueprint(bp, &d, &sum);
		diags_sort(&d);
		if (json) {
			node_push(report, json_file(name, &d, bp ? &sum : NULL, bp));
		} else {
			cli_print_diags(stdout, name, &d);
			if (bp)
				print_summary(stdout, name, &sum, bp);
		}
		if (!bp || d.errors)
			status = 2;
		else if (d.warnings && status < 1)
			status = 1;
		diags_free(&d);
		blueprint_free(bp);
	}
	if (nfiles == 0) {
		fprintf(stderr, _("sbp check: no file given\nusage: sbp check [--format text|json] FILE...\n"));
		node_free(report);
		return 2;
	}
	if (json) {
		sbp_node *top = node_new(NODE_MAP, NULL);
		sbp_buf out;
		node_set(top, "files", report);
		buf_init(&out);
		json_emit(top, &out, false);
		fwrite(out.data, 1, out.len, stdout);
		buf_free(&out);
		node_free(top);
	} else {
		node_free(report);
	}
	return status;
}
