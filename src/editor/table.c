/* The one command table: key dispatch, the `:` line, Tab completion and
 * the help screen all come from these rows. */
#include <string.h>

#include "internal.h"

#define S CMD_STEP
#define E CMD_EDIT

const ed_command ed_commands[] = {
	/* moving around */
	{ "left", "h <Left>", ecmd_left, 0, N_("select the cell to the left"), "", CPL_NONE },
	{ "down", "j <Down>", ecmd_down, 0, N_("select the step or lane below"), "", CPL_NONE },
	{ "up", "k <Up>", ecmd_up, 0, N_("select the step or lane above"), "", CPL_NONE },
	{ "right", "l <Right>", ecmd_right, 0, N_("select the cell to the right"), "", CPL_NONE },
	{ "first", "0 <Home>", ecmd_first_col, 0, N_("go to the first column"), "", CPL_NONE },
	{ "last", "$ <End>", ecmd_last_col, 0, N_("go to the last column"), "", CPL_NONE },
	{ "top", "g", ecmd_first_lane, 0, N_("go to the first lane"), "", CPL_NONE },
	{ "bottom", "G", ecmd_last_lane, 0, N_("go to the last lane"), "", CPL_NONE },
	{ "pageup", "<PageUp>", ecmd_page_up, 0, N_("scroll up a screen"), "", CPL_NONE },
	{ "pagedown", "<PageDown>", ecmd_page_down, 0, N_("scroll down a screen"), "", CPL_NONE },
	{ "goto", NULL, ecmd_goto, 0, N_("select the step with this id"), "ID", CPL_STEP },
	{ "next", "n", ecmd_next, 0, N_("next flagged encounter (no standard)"), "", CPL_NONE },
	{ "prev", "N", ecmd_prev, 0, N_("previous flagged encounter"), "", CPL_NONE },
	{ "search", "/", ecmd_search, 0, N_("find text in steps, notes, fail and wait points, standards"), "[TEXT]", CPL_STEP },
	{ "searchnext", "<C-n>", ecmd_search_next, 0, N_("the next match of the last search"), "", CPL_NONE },
	{ "searchprev", "<C-p>", ecmd_search_prev, 0, N_("the previous match of the last search"), "", CPL_NONE },
	/* steps */
	{ "add", "a", ecmd_add, E, N_("add steps: Enter next column, Tab lane below, Ctrl-T flows"), "TEXT", CPL_NONE },
	{ "quick-column", NULL, ecmd_quick_column, E | CMD_NOLINE, "", "[NAME]", CPL_NONE },
	{ "text", "<Enter>", ecmd_text, S | E, N_("edit the step's text"), "TEXT", CPL_NONE },
	{ "delete", "d", ecmd_delete, S | E, N_("delete the step and its flows"), "", CPL_NONE },
	{ "notes", NULL, ecmd_notes, S | E, N_("set the step's notes (empty clears)"), "[TEXT]", CPL_NONE },
	{ "fix", NULL, ecmd_fix, S | E, N_("a one-time fix instead of a standard (empty clears)"), "[TEXT]", CPL_NONE },
	{ "duration", NULL, ecmd_duration, S | E, N_("set the duration in minutes (empty clears)"), "[MIN]", CPL_NONE },
	{ "encounter", "e", ecmd_encounter, S | E, N_("mark as encounter: yes, no or default (e cycles)"), "yes|no|default", CPL_NONE },
	{ "move-left", "H", ecmd_move_left, S | E, N_("move the step one column left"), "", CPL_NONE },
	{ "move-down", "J", ecmd_move_down, S | E, N_("move the step to the lane below"), "", CPL_NONE },
	{ "move-up", "K", ecmd_move_up, S | E, N_("move the step to the lane above"), "", CPL_NONE },
	{ "move-right", "L", ecmd_move_right, S | E, N_("move the step one column right"), "", CPL_NONE },
	{ "raise", "{", ecmd_raise, S | E, N_("move the step up in its cell"), "", CPL_NONE },
	{ "lower", "}", ecmd_lower, S | E, N_("move the step down in its cell"), "", CPL_NONE },
	{ "copy", "y", ecmd_copy, S, N_("copy the step (its fields, not its flows)"), "", CPL_NONE },
	{ "paste", "P", ecmd_paste, E, N_("paste the copied step into the selected cell"), "", CPL_NONE },
	{ "duplicate", "Y", ecmd_duplicate, S | E, N_("add a copy of the step under it"), "", CPL_NONE },
	{ "rename", "R", ecmd_rename, E, N_("new id for the step (or a column, lane, standard)"), "NEW [column|lane|standard ID]", CPL_NONE },
	{ "fail", "f", ecmd_fail, S | E, N_("the fail point's form: text, severity, recovery"), "[TEXT]", CPL_NONE },
	{ "severity", NULL, ecmd_severity, S | E, N_("fail point severity 1-5 (0 clears)"), "N", CPL_NONE },
	{ "recovery", NULL, ecmd_recovery, S | E, N_("fail point recovery action"), "[TEXT]", CPL_NONE },
	{ "wait", "w", ecmd_wait, S | E, N_("the wait point's form: text, expected, tolerable minutes"), "[TEXT]", CPL_NONE },
	{ "expected", NULL, ecmd_expected, S | E, N_("expected wait in minutes"), "[MIN]", CPL_NONE },
	{ "tolerable", NULL, ecmd_tolerable, S | E, N_("tolerable wait in minutes"), "[MIN]", CPL_NONE },
	/* standards and flows */
	{ "attach", "s", ecmd_attach, S, N_("attach a standard, or make one (kind, dimension)"), "", CPL_NONE },
	{ "std", NULL, ecmd_std, S | E, N_("attach standards to the step"), "ID...", CPL_STD },
	{ "unstd", NULL, ecmd_unstd, S | E, N_("detach a standard from the step"), "ID", CPL_STD },
	{ "catalog", "S", ecmd_catalog, 0, N_("the standards catalog"), "", CPL_NONE },
	{ "stdadd", NULL, ecmd_stdadd, E, N_("add a standard to the catalog"), "NAME", CPL_NONE },
	{ "stdset", NULL, ecmd_stdset, E, N_("set a field of a standard"), "ID FIELD VALUE", CPL_STD },
	{ "stddelete", NULL, ecmd_stddelete, E, N_("delete a standard (! if in use)"), "ID", CPL_STD },
	{ "connect", "c", ecmd_connect, S, N_("connect a flow: pick the target, Enter"), "", CPL_NONE },
	{ "flow", NULL, ecmd_flow, E, N_("add a flow between two steps"), "FROM TO [LABEL]", CPL_STEP },
	{ "unflow", NULL, ecmd_unflow, E, N_("delete the flow between two steps"), "FROM TO", CPL_STEP },
	/* structure */
	{ "column", NULL, ecmd_column, E, N_("insert a column after this one"), "NAME", CPL_NONE },
	{ "colname", "C", ecmd_colname, E, N_("rename this column"), "NAME", CPL_NONE },
	{ "phase", NULL, ecmd_phase, E, N_("set this column's phase (empty clears)"), "[NAME]", CPL_NONE },
	{ "phasename", NULL, ecmd_phasename, E, N_("rename this column's phase everywhere"), "NAME", CPL_NONE },
	{ "colmove", NULL, ecmd_colmove, E, N_("move this column"), "left|right|N", CPL_NONE },
	{ "coldelete", NULL, ecmd_coldelete, E, N_("delete this column and its steps"), "", CPL_NONE },
	{ "lane", NULL, ecmd_lane, E, N_("add a lane in a zone"), "NAME ZONE", CPL_ZONE },
	{ "lanename", NULL, ecmd_lanename, E, N_("rename this lane"), "NAME", CPL_NONE },
	{ "lanemove", NULL, ecmd_lanemove, E, N_("move this lane (within its zone)"), "up|down|N", CPL_NONE },
	{ "lanedelete", NULL, ecmd_lanedelete, E, N_("delete this lane and its steps"), "", CPL_NONE },
	{ "title", NULL, ecmd_title, E, N_("set the blueprint's title"), "[TEXT]", CPL_NONE },
	{ "description", NULL, ecmd_description, E, N_("set the blueprint's description"), "[TEXT]", CPL_NONE },
	/* views */
	{ "inspect", "i", ecmd_inspect, S, N_("inspect and edit every field of the step"), "", CPL_NONE },
	{ "problems", "p", ecmd_problems, 0, N_("the check findings; Enter jumps"), "", CPL_NONE },
	{ "time", "T", ecmd_time, 0, N_("time analysis per phase and the SQI series"), "", CPL_NONE },
	{ "resolve", NULL, ecmd_resolve, E, N_("resolve a merge conflict (x-conflicts; o/t in the problems panel)"), N_("ours|theirs [N]"), CPL_NONE },
	{ "help", "? <F1>", ecmd_help, 0, N_("this list"), "", CPL_NONE },
	{ "cmdline", ":", ecmd_cmdline, CMD_NOLINE, N_("type a command"), "", CPL_NONE },
	{ "zoom", "z", ecmd_zoom, 0, N_("cards: compact, normal (what fits), full text"), "[compact|normal|full]", CPL_NONE },
	{ "detail", "D", ecmd_detail, 0, N_("show or hide the detail pane of the step"), "", CPL_NONE },
	{ "flows", "F", ecmd_flows, 0, N_("show or hide the flows between columns"), "", CPL_NONE },
	{ "hints", "b", ecmd_hints, 0, N_("show or hide the key hint bar"), "", CPL_NONE },
	{ "journey-next", "]", ecmd_journey_next, S, N_("go to the next step along the flows"), "", CPL_NONE },
	{ "journey-prev", "[", ecmd_journey_prev, S, N_("go to the previous step along the flows"), "", CPL_NONE },
	{ "message", "M", ecmd_message, 0, N_("show the whole last message"), "", CPL_NONE },
	/* history and files */
	{ "undo", "u", ecmd_undo, 0, N_("undo the last change"), "", CPL_NONE },
	{ "redo", "<C-r>", ecmd_redo, 0, N_("redo what was undone"), "", CPL_NONE },
	{ "w", "<C-s>", ecmd_write, 0, N_("save (to FILE: a copy; w! overwrites)"), "[FILE]", CPL_NONE },
	{ "saveas", NULL, ecmd_saveas, 0, N_("save to FILE and go on editing it"), "FILE", CPL_NONE },
	{ "wq", NULL, ecmd_wq, 0, N_("save and quit"), "", CPL_NONE },
	{ "x", NULL, ecmd_x, 0, N_("save if changed, and quit"), "", CPL_NONE },
	{ "W", NULL, ecmd_write, 0, N_("save (as :w)"), "[FILE]", CPL_NONE },
	{ "q", "q", ecmd_quit, 0, N_("quit (asks if unsaved; q! discards)"), "", CPL_NONE },
	{ "export", NULL, ecmd_export, 0, N_("export (svg html md csv txt ...); asks before overwriting"), N_("FORMAT [FILE]"), CPL_FORMAT },
	{ NULL, NULL, NULL, 0, NULL, NULL, CPL_NONE },
};

#undef S
#undef E

/* A row by its exact name (no prefixes, so scripts stay stable). */
const ed_command *editor_command_find(const char *name)
{
	for (const ed_command *c = ed_commands; c->name; c++)
		if (strcmp(c->name, name) == 0 && !(c->flags & CMD_NOLINE))
			return c;
	return NULL;
}

/* Words that take the rest of the line (blanks and all). */
static bool rest_word(const char *w, size_t n)
{
	static const char *const rest[] = { "TEXT", "NAME", "LABEL", "VALUE", NULL };
	for (size_t i = 0; rest[i]; i++)
		if (strlen(rest[i]) == n && !strncmp(rest[i], w, n))
			return true;
	return false;
}

/* The numbers of words a row takes, from its synopsis: each word is one
 * argument ("yes|no" too), [WORD] is optional, WORD... and the words
 * that take the rest of the line have no upper bound. */
void editor_command_arity(const ed_command *c, int *min, int *max)
{
	*min = 0;
	*max = 0;
	bool open = false, optional = false;
	for (const char *p = c->args; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e == p)
			break;
		if (*p == '[')
			optional = true;
		const char *w = *p == '[' ? p + 1 : p;
		size_t n = (size_t)(e - w);
		bool closes = n && w[n - 1] == ']';
		if (closes)
			n--;
		if (n >= 3 && !strncmp(w + n - 3, "...", 3))
			open = true;
		if (rest_word(w, n))
			open = true;
		if (!optional)
			++*min;
		++*max;
		if (closes)
			optional = false;
		p = e;
	}
	if (open)
		*max = -1;
}

/* A row by name, key-only rows too (what a prompt runs). */
const ed_command *ed_command_row(const char *name)
{
	for (const ed_command *c = ed_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static const char *const help_tail[] = {
	"",
	N_("Quick entry (a): type a card, Enter: next column; Tab: the lane"),
	N_("  below, with a flow from this card (Ctrl-T: no flows); arrows"),
	N_("  move; an empty Enter or Esc stops."),
	N_("On the command line: Tab completes names and ids (and ids from"),
	N_("  step text), Up/Down walk the history, Ctrl-U clears, Esc cancels."),
	N_("Ctrl-Z suspends (fg comes back), Ctrl-L redraws; a click selects,"),
	N_("  the wheel moves the selection."),
	N_("Markers on cards: ! encounter without a standard, 1-9 standards"),
	N_("  attached, F fail point, W wait point, then <- flows in, -> out."),
	N_("In lists and panels: j/k or arrows move, Enter edits or jumps,"),
	N_("  d deletes, a adds, Esc or q closes."),
	N_("On a slow link start lean: SBP_VIEW=compact,nopane sbp FILE (also"),
	N_("  full normal, pane, hints nohints, flows noflows)."),
};
#define HELP_TAIL (sizeof help_tail / sizeof *help_tail)

/* Is the row shown in help (it has a key or a `:` form)? */
static bool help_row(const ed_command *c)
{
	return c->keys || !(c->flags & CMD_NOLINE);
}

/* The row of the i-th help line. */
static const ed_command *help_nth(size_t i)
{
	for (const ed_command *c = ed_commands; c->name; c++)
		if (help_row(c) && i-- == 0)
			return c;
	return NULL;
}

/* Lines of the help screen: every row of the table, then notes. */
size_t help_count(void)
{
	size_t n = 0;
	for (const ed_command *c = ed_commands; c->name; c++)
		n += help_row(c);
	return n + HELP_TAIL + bindings_help_count();
}

/* One line of help: keys, `:` form, what it does. */
void help_item(size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	size_t n = help_count() - HELP_TAIL - bindings_help_count();
	*st = STY_NORMAL;
	if (i >= n + HELP_TAIL) {
		bindings_help_item(i - n - HELP_TAIL, width, out, st);
		return;
	}
	if (i >= n) {
		ed_fit(out, *help_tail[i - n] ? _(help_tail[i - n]) : "", width, false);
		*st = STY_DIM;
		return;
	}
	const ed_command *c = help_nth(i);
	sbp_buf line;
	buf_init(&line);
	ed_fit(&line, c->keys ? c->keys : "", 12, true);
	buf_puts(&line, " ");
	sbp_buf cmd;
	buf_init(&cmd);
	if (!(c->flags & CMD_NOLINE))
		buf_printf(&cmd, ":%s %s", c->name, c->args);
	ed_fit(&line, cmd.data, 26, true);
	buf_printf(&line, " %s", c->help[0] ? _(c->help) : "");
	ed_fit(out, line.data, width, false);
	buf_free(&cmd);
	buf_free(&line);
}
