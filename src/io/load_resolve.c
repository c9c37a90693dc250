/* The YAML loader's reference resolution: ids named before the objects
 * they name were read are looked up once the whole file is in. */
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"

/* The object of kind ('l' lane, 'c' column, 'd' standard, 's' step)
 * named id, or NULL. */
void *ld_lookup(const sbp_blueprint *bp, char kind, const char *id)
{
	switch (kind) {
	case 'l': return blueprint_lane(bp, id);
	case 'c': return blueprint_column(bp, id);
	case 'd': return blueprint_standard(bp, id);
	default: return blueprint_step(bp, id);
	}
}

/* Look up r with get; report it when it names nothing. */
static void *resolve(loader *ld, const ref *r, char kind, const char *what,
		     const char *owner)
{
	if (r->ptr)
		return r->ptr;
	if (!r->id)
		return NULL;
	void *p = ld_lookup(ld->bp, kind, r->id);
	if (!p) {
		char *q = diag_quote(r->id, 40);
		char *o = diag_quote(owner, 40);
		ld_error(ld, RULE_UNKNOWN_REFERENCE, r->pos, "%s '%s' (named by %s%s%s) does not exist",
			 what, q, *owner == 'a' && owner[1] == ' ' ? "" : "step '", o,
			 *owner == 'a' && owner[1] == ' ' ? "" : "'");
		free(q);
		free(o);
	}
	return p;
}

void ld_resolve(loader *ld)
{
	for (size_t i = 0; i < ld->psteps.n; i++) {
		pend_step *ps = ld->psteps.items[i];
		sbp_step *s = ps->step;
		size_t first = ld->diags->n;
		s->lane = resolve(ld, &ps->lane, 'l',
				  "lane", s->id);
		s->column = resolve(ld, &ps->column,
				    'c',
				    "column", s->id);
		for (size_t j = 0; j < ps->n_stds; j++) {
			sbp_standard *st = resolve(
				ld, &ps->stds[j],
				'd',
				"standard", s->id);
			if (st)
				VEC_PUSH(s->stds, st);
		}
		ld_blame_step(ld, first, s->id);
	}
	for (size_t i = 0; i < ld->pflows.n; i++) {
		pend_flow *pf = ld->pflows.items[i];
		pf->flow->from = resolve(ld, &pf->from, 's', "step", "a flow");
		pf->flow->to = resolve(ld, &pf->to, 's', "step", "a flow");
	}
	for (size_t i = 0; i < ld->pmeasures.n; i++) {
		pend_measurement *pm = ld->pmeasures.items[i];
		pm->m->standard = resolve(ld, &pm->std, 'd', "standard", "a measurement");
	}
	measurements_index(ld->bp);
}

void ld_pending_free(loader *ld)
{
	for (size_t i = 0; i < ld->psteps.n; i++) {
		ld_pend_step_clear(ld->psteps.items[i]);
		free(ld->psteps.items[i]);
	}
	free(ld->psteps.items);
	for (size_t i = 0; i < ld->pflows.n; i++) {
		pend_flow *pf = ld->pflows.items[i];
		free(pf->from.id);
		free(pf->to.id);
		free(pf);
	}
	free(ld->pflows.items);
	for (size_t i = 0; i < ld->pmeasures.n; i++) {
		free(ld->pmeasures.items[i]->std.id);
		free(ld->pmeasures.items[i]);
	}
	free(ld->pmeasures.items);
}
