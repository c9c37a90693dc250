/* The keys of the panels, one binding table per panel (as vis binds every
 * mode): each row names its keys, what they do and the words shown for
 * them. The same rows dispatch the keys, write the hint on the panel's
 * bottom edge and the panel's section of the help screen. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Run the row of t bound to k; false when none is. */
bool bindings_run(editor *ed, const ed_binding *t, ed_key k, ed_result *r)
{
	for (const ed_binding *b = t; b->keys; b++)
		if (b->fn && keys_contain(b->keys, k)) {
			*r = b->fn(ed, k);
			return true;
		}
	return false;
}

/* " Enter edit  a add  Esc close ": the rows that have a hint. */
const char *bindings_hint(const ed_binding *t, sbp_buf *out)
{
	out->len = 0;
	buf_puts(out, " ");
	for (const ed_binding *b = t; b->keys; b++)
		if (b->hint)
			buf_printf(out, "%s  ", _(b->hint));
	if (out->len > 1)
		out->data[--out->len] = '\0';
	return out->data;
}

/* Rows many panels share. */
ed_result bind_undo(editor *ed, ed_key k)
{
	(void)k;
	ed_args a = { 0, NULL, "", false, true };
	return ecmd_undo(ed, &a);
}

ed_result bind_redo(editor *ed, ed_key k)
{
	(void)k;
	ed_args a = { 0, NULL, "", false, true };
	return ecmd_redo(ed, &a);
}

ed_result bind_cmdline(editor *ed, ed_key k)
{
	(void)k;
	ed_args a = { 0, NULL, "", false, true };
	return ecmd_cmdline(ed, &a);
}

/* Close the panel: back to the mode under it. */
ed_result bind_close(editor *ed, ed_key k)
{
	(void)k;
	ed_pop_mode(ed);
	ed->msg[0] = '\0';
	return ed_done(ed, RD_ALL);
}

/* Every panel's table, for the help screen. */
static const struct {
	const char *title;
	const ed_binding *rows;
} panels[] = {
	{ N_("In the standards catalog (S):"), catalog_bindings },
	{ N_("In a standard's form:"), stdform_bindings },
	{ N_("In the attach picker (s):"), picker_bindings },
	{ N_("In the problems panel (p):"), problems_bindings },
	{ N_("In the time panel (T):"), time_bindings },
	{ N_("In a form (f, w, a new standard):"), form_bindings },
	{ N_("While connecting a flow (c):"), connect_bindings },
	{ N_("In this help:"), help_bindings },
};
#define NPANELS (sizeof panels / sizeof *panels)

/* Lines the panels' tables add to the help screen. */
size_t bindings_help_count(void)
{
	size_t n = 0;
	for (size_t i = 0; i < NPANELS; i++) {
		n += 2; /* a blank line and the title */
		for (const ed_binding *b = panels[i].rows; b->keys; b++)
			n++;
	}
	return n;
}

/* One of those lines. */
void bindings_help_item(size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	*st = STY_NORMAL;
	for (size_t p = 0; p < NPANELS; p++) {
		if (i == 0)
			return; /* blank */
		if (i == 1) {
			*st = STY_HEADER;
			ed_fit(out, _(panels[p].title), width, false);
			return;
		}
		i -= 2;
		for (const ed_binding *b = panels[p].rows; b->keys; b++, i--)
			if (i == 0) {
				sbp_buf line;
				buf_init(&line);
				ed_fit(&line, b->keys, 16, true);
				buf_printf(&line, " %s", _(b->help));
				ed_fit(out, line.data, width, false);
				buf_free(&line);
				return;
			}
	}
}
