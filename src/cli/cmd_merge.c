/* sbp merge: a three-way merge by object id (SPEC section 7.6), usable as
 * a git merge driver (`sbp merge %O %A %B`): without -o the result
 * replaces OURS, atomically. Exit 0 merged, 1 conflicts (kept under
 * x-conflicts in the result), 2 on error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "sbp/team.h"

static const char merge_usage[] =
	N_("usage: sbp merge BASE OURS THEIRS [-o OUT]\n"
	   "  three-way merge by object id; without -o the result replaces OURS\n"
	   "  (git: merge.sbp.driver = sbp merge %O %A %B);\n"
	   "  exit 0 merged, 1 conflicts (listed, and kept under x-conflicts), 2 on error\n");

/* Load one file as a document tree; NULL (problems printed) when it does
 * not load. */
static sbp_node *merge_load(const char *path, const sbp_limits *lim, bool is_base)
{
	struct stat st;
	/* git gives an empty BASE when both sides added the file. */
	if (is_base && strcmp(path, "-") && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size == 0) {
		sbp_blueprint *empty = blueprint_new();
		sbp_node *doc = sbp_to_node(empty);
		blueprint_free(empty);
		return doc;
	}
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_file(path, lim, &d);
	if (!bp)
		cli_print_diags(stderr, strcmp(path, "-") ? path : "<stdin>", &d);
	diags_free(&d);
	sbp_node *doc = bp ? sbp_to_node(bp) : NULL;
	blueprint_free(bp);
	return doc;
}

/* Tell the user about each conflict and note. */
static void merge_report(const team_merge *m, const char *name)
{
	for (size_t i = 0; i < m->nconflicts; i++) {
		const team_conflict *c = &m->conflicts[i];
		sbp_buf o, t;
		buf_init(&o);
		buf_init(&t);
		team_value_show(c->ours, 40, &o);
		team_value_show(c->theirs, 40, &t);
		fprintf(stderr, _("%s: conflict: %s %s, field %s: ours %s, theirs %s (ours kept; see x-conflicts)\n"),
			cli_safe(name), c->kind, cli_safe(c->id), cli_safe(c->field), o.data, t.data);
		buf_free(&o);
		buf_free(&t);
	}
	for (size_t i = 0; i < m->nnotes; i++)
		fprintf(stderr, "%s: %s\n", cli_safe(name), cli_safe(m->notes[i]));
}

/* When the merge cannot be made to load: OURS as it was, with THEIRS kept
 * whole in one x-conflicts entry. */
static void merge_fallback(team_merge *m, const sbp_node *base, const sbp_node *ours,
			   const sbp_node *theirs)
{
	team_conflict c = {"blueprint", (char *)"", (char *)"*", (sbp_node *)base,
			   (sbp_node *)ours, (sbp_node *)theirs};
	sbp_node *doc = node_clone(ours);
	sbp_node *list = node_new(NODE_SEQ, NULL);
	node_push(list, team_conflict_node(&c));
	node_set(doc, "x-conflicts", list);
	node_free(m->doc);
	m->doc = doc;
}

/* sbp merge: parse the options, merge, write the result. */
int cmd_merge(int argc, char **argv)
{
	const char *paths[3] = {NULL, NULL, NULL}, *out = NULL;
	int npaths = 0, rc = 2;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(_(merge_usage), stdout);
			return 0;
		} else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) {
			out = argv[++i];
		} else if ((a[0] == '-' && a[1]) || npaths == 3) {
			fprintf(stderr, _("sbp merge: unexpected argument '%s'\n"), cli_safe(a));
			fputs(_(merge_usage), stderr);
			return 2;
		} else {
			paths[npaths++] = a;
		}
	}
	if (npaths != 3) {
		fputs(_(merge_usage), stderr);
		return 2;
	}
	if (!out)
		out = paths[1];
	sbp_node *docs[3] = {NULL, NULL, NULL};
	for (int i = 0; i < 3; i++)
		if (!(docs[i] = merge_load(paths[i], cli_limits(), i == 0)))
			goto fail;
	team_merge m;
	sbp_buf text;
	buf_init(&text);
	bool fell_back = false;
	team_merge_run(&m, docs[0], docs[1], docs[2]);
	if (!cli_document_text(m.doc, out, NULL, &text)) {
		fprintf(stderr, _("%s: the merged blueprint does not load; OURS is kept and THEIRS is recorded whole under x-conflicts\n"),
			cli_safe(out));
		merge_fallback(&m, docs[0], docs[1], docs[2]);
		buf_reset(&text);
		if (!cli_document_text(m.doc, out, NULL, &text)) {
			team_merge_free(&m);
			buf_free(&text);
			goto fail;
		}
		fell_back = true;
	}
	merge_report(&m, out);
	bool conflicted = m.nconflicts > 0 || fell_back;
	char err[512];
	if (!strcmp(out, "-")) {
		fwrite(text.data, 1, text.len, stdout);
		rc = fflush(stdout) ? 2 : conflicted ? 1 : 0;
	} else if (!atomic_write(out, text.data ? text.data : "", text.len, err, sizeof err)) {
		fprintf(stderr, _("sbp merge: cannot write %s: %s\n"), cli_safe(out), err);
		rc = 2;
	} else {
		rc = conflicted ? 1 : 0;
	}
	team_merge_free(&m);
	buf_free(&text);
fail:
	for (int i = 0; i < 3; i++)
		node_free(docs[i]);
	return rc;
}
