/* Merge conflicts in the editor: the x-conflicts entries sbp merge left
 * show in the problems panel (the merge-conflict rule); `o` or `t` there,
 * or `:resolve ours|theirs [N]`, keeps OURS's value or takes THEIRS's and
 * removes the entry. The blueprint is rebuilt from its document tree, so
 * any field resolves; the undo history starts over (the status line says
 * so) and the blueprint counts as modified. */
#include <stdlib.h>
#include <string.h>

#include "sbp/io.h"
#include "sbp/team.h"

#include "internal.h"

/* Resolve entry n (0-based) with one side; the blueprint is replaced. */
static ed_result resolve(editor *ed, size_t n, bool theirs)
{
	char err[256];
	sbp_node *doc = sbp_to_node(ed->bp);
	size_t total = team_conflict_count(doc);

	if (!team_conflict_resolve(doc, n, theirs, err, sizeof err)) {
		node_free(doc);
		return ed_err(ed, "%s", err);
	}
	sbp_buf text;
	sbp_diags d;
	buf_init(&text);
	diags_init(&d);
	yaml_emit(doc, &text);
	node_free(doc);
	sbp_blueprint *bp = sbp_load_buffer(text.data ? text.data : "", text.len, &ed->lim, &d);
	buf_free(&text);
	if (!bp) {
		ed_result r = ed_err(ed, _("Taking that side would make the blueprint invalid: %s"),
				     d.n ? d.items[0].message : "");
		diags_free(&d);
		return r;
	}
	diags_free(&d);
	ed_set_blueprint(ed, bp);
	ed->hist.saved_valid = false; /* unsaved, though the history is new */
	if (ed->mode == MODE_PROBLEMS)
		problems_refresh(ed);
	return ed_ok(ed, RD_ALL,
		     theirs ? _("Conflict %zu of %zu resolved with theirs; %zu left (undo history starts over).")
			    : _("Conflict %zu of %zu resolved with ours; %zu left (undo history starts over)."),
		     n + 1, total, total - 1);
}

/* :resolve ours|theirs [N]: resolve conflict N (1-based, default 1). */
ed_result ecmd_resolve(editor *ed, const ed_args *a)
{
	bool theirs;
	if (a->argc < 1 || a->argc > 2)
		return ed_err(ed, "%s", _("Usage: :resolve ours|theirs [N]"));
	if (!strcmp(a->argv[0], "ours"))
		theirs = false;
	else if (!strcmp(a->argv[0], "theirs"))
		theirs = true;
	else
		return ed_err(ed, "%s", _("Usage: :resolve ours|theirs [N]"));
	long n = 1;
	if (a->argc == 2) {
		char *end;
		n = strtol(a->argv[1], &end, 10);
		if (*end || n < 1)
			return ed_err(ed, "%s", _("Usage: :resolve ours|theirs [N]"));
	}
	return resolve(ed, (size_t)n - 1, theirs);
}

/* In the problems panel: o keeps ours, t takes theirs, for the selected
 * merge-conflict finding. False when the key is not one of these. */
bool conflicts_problems_key(editor *ed, ed_key k, ed_result *r)
{
	if ((k != 'o' && k != 't') || ed->problems.sel >= ed->diags.n)
		return false;
	const sbp_diag *d = &ed->diags.items[ed->problems.sel];
	if (!d->rule || strcmp(d->rule, RULE_MERGE_CONFLICT)) {
		*r = ed_err(ed, "%s", _("o and t resolve merge conflicts; this finding is not one."));
		return true;
	}
	/* Entries are in file order, and so are their findings. */
	size_t n = 0;
	for (size_t i = 0; i < ed->diags.n; i++)
		if (i != ed->problems.sel && ed->diags.items[i].rule &&
		    !strcmp(ed->diags.items[i].rule, RULE_MERGE_CONFLICT) &&
		    ed->diags.items[i].line < d->line)
			n++;
	*r = resolve(ed, n, k == 't');
	return true;
}
