/* The `:` line and text prompts: parsing and running a command, the line
 * editor's keys, Tab completion of names and ids, and the history. */
#include <stdlib.h>
#include <string.h>

#include "sbp/export.h"
#include "form.h"
#include "sbp/fields.h"
#include "internal.h"

/* Split s into words; "..." and '...' group blanks. Caller frees. */
static char **split_words(const char *s, int *argc)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		sbp_buf w;
		buf_init(&w);
		char q = 0;
		for (; *s && (q || (*s != ' ' && *s != '\t')); s++) {
			if (!q && (*s == '"' || *s == '\''))
				q = *s;
			else if (q && *s == q)
				q = 0;
			else
				buf_putc(&w, *s);
		}
		xgrow(&v, &cap, n + 2, sizeof *v);
		v[n++] = buf_steal(&w);
	}
	xgrow(&v, &cap, n + 1, sizeof *v);
	v[n] = NULL;
	*argc = (int)n;
	return v;
}

/* Run one row with the text after its name. */
static ed_result run_row(editor *ed, const ed_command *c, const char *rest,
			 bool bang)
{
	if ((c->flags & CMD_STEP) && !editor_step(ed))
		return ed_err(ed, _(":%s needs a selected step (this cell is empty)."),
			      c->name);
	ed_args a = { 0, NULL, rest, bang, false };
	a.argv = split_words(rest, &a.argc);
	int min, max;
	editor_command_arity(c, &min, &max);
	ed_result r = a.argc < min || (max >= 0 && a.argc > max)
		      ? ed_usage(ed, c->name) : c->fn(ed, &a);
	for (int i = 0; i < a.argc; i++)
		free(a.argv[i]);
	free(a.argv);
	return r;
}

/* Run a `:` line. */
ed_result editor_run(editor *ed, const char *line)
{
	while (*line == ' ' || *line == ':')
		line++;
	if (!*line)
		return ed_done(ed, RD_NONE);
	size_t n = strcspn(line, " \t!");
	char *name = xstrndup(line, n);
	const char *p = line + n;
	bool bang = *p == '!';
	if (bang)
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	const ed_command *c = editor_command_find(name);
	ed_result r;
	if (!c)
		r = ed_err(ed, _("Unknown command :%s (:help lists them)."), name);
	else
		r = run_row(ed, c, p, bang);
	free(name);
	return r;
}

/* Open the line editor with a prompt. */
ed_result ed_prompt_open(editor *ed, const char *label, const char *command,
			 const char *init, ed_complete cpl, int history)
{
	set_string(&ed->prompt.label, label);
	set_string(&ed->prompt.command, command);
	ed->prompt.complete = cpl;
	ed->prompt.history = history;
	lineedit_set(&ed->line, init);
	ed->hists[history].walk = ed->hists[history].n;
	completion_reset(ed);
	ed_push_mode(ed, MODE_LINE);
	return ed_done(ed, RD_MSG);
}

/* Forget the completion candidates. */
void completion_reset(editor *ed)
{
	for (size_t i = 0; i < ed->ncpl; i++)
		free(ed->cpl[i]);
	free(ed->cpl);
	ed->cpl = NULL;
	ed->ncpl = ed->cpl_i = 0;
	ed->cpl_active = false;
}

/* Add a candidate that starts with prefix. */
static void cpl_add(editor *ed, const char *s, const char *prefix, size_t *cap)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0 || ed->ncpl >= 2000)
		return;
	xgrow(&ed->cpl, cap, ed->ncpl + 1, sizeof *ed->cpl);
	ed->cpl[ed->ncpl++] = xstrdup(s);
}

/* What to complete: the kind for the word-th word of a `:` line. */
static ed_complete line_kind(editor *ed, const char *text, int word)
{
	if (ed->prompt.command)
		return ed->prompt.complete;
	if (word == 0)
		return (ed_complete)-1; /* command names */
	size_t n = strcspn(text, " !");
	char *name = xstrndup(text, n);
	const ed_command *c = editor_command_find(name);
	free(name);
	if (!c)
		return CPL_NONE;
	if (c->complete == CPL_STD && !strcmp(c->name, "stdset") && word == 2)
		return CPL_FIELD;
	if (c->complete == CPL_STD && !strcmp(c->name, "stdset") && word == 3)
		return (ed_complete)-2; /* the words of an enum field */
	if ((c->complete == CPL_FORMAT || c->complete == CPL_STD) && word > 1 &&
	    strcmp(c->name, "std") != 0)
		return CPL_NONE;
	return c->complete;
}

/* Gather the candidates for prefix. */
static void cpl_gather(editor *ed, ed_complete kind, const char *prefix)
{
	size_t cap = 0;
	const sbp_blueprint *bp = ed->bp;
	switch ((int)kind) {
	case -1:
		for (const ed_command *c = ed_commands; c->name; c++)
			if (!(c->flags & CMD_NOLINE))
				cpl_add(ed, c->name, prefix, &cap);
		break;
	case CPL_STEP:
		for (size_t i = 0; i < bp->steps.n; i++)
			cpl_add(ed, bp->steps.items[i]->id, prefix, &cap);
		/* no id starts so: the ids of steps whose text holds the word */
		for (size_t i = 0, by_id = ed->ncpl; !by_id && *prefix && i < bp->steps.n; i++)
			if (ed_text_matches(bp->steps.items[i]->text, prefix))
				cpl_add(ed, bp->steps.items[i]->id, "", &cap);
		break;
	case CPL_STD:
		for (size_t i = 0; i < bp->standards.n; i++)
			cpl_add(ed, bp->standards.items[i]->id, prefix, &cap);
		break;
	case CPL_ZONE:
		for (int z = 0; z < ZONE_COUNT; z++)
			cpl_add(ed, zone_id((sbp_zone)z), prefix, &cap);
		break;
	case CPL_FORMAT:
		for (size_t i = 0; export_formats[i]; i++)
			cpl_add(ed, export_formats[i], prefix, &cap);
		break;
	case CPL_FIELD:
		for (size_t i = 0; std_field(i); i++)
			cpl_add(ed, std_field(i)->key, prefix, &cap);
		break;
	case CPL_FORM:
		form_choices(ed, cpl_add, prefix, &cap);
		break;
	case -2: { /* :stdset ID FIELD <Tab>: the field's words */
		int argc;
		char **w = split_words(ed->line.text.data, &argc);
		const sbp_field *f = argc >= 3 ? field_find(SBP_OBJ_STANDARD, w[2]) : NULL;
		for (size_t i = 0; f && f->type == FT_ENUM && f->values[i]; i++)
			cpl_add(ed, f->values[i], prefix, &cap);
		for (int i = 0; i < argc; i++)
			free(w[i]);
		free(w);
		break;
	}
	default:
		break;
	}
}

/* Replace the word being completed with s. */
static void cpl_put(editor *ed, const char *s)
{
	lineedit *le = &ed->line;
	sbp_buf *t = &le->text;
	size_t tail_len = t->len - le->cur;
	char *tail = xstrndup(t->data + le->cur, tail_len);
	t->len = ed->cpl_start;
	t->data[t->len] = '\0';
	buf_puts(t, s);
	le->cur = t->len;
	buf_puts(t, tail);
	free(tail);
}

/* Tab: complete the word before the cursor, or cycle the candidates. */
static ed_result line_complete(editor *ed, int dir)
{
	if (ed->cpl_active && ed->ncpl > 1) {
		ed->cpl_i = (ed->cpl_i + ed->ncpl + (size_t)(long)dir) % ed->ncpl;
		cpl_put(ed, ed->cpl[ed->cpl_i]);
		return ed_done(ed, RD_MSG);
	}
	completion_reset(ed);
	const char *text = ed->line.text.data;
	size_t start = ed->line.cur;
	while (start > 0 && text[start - 1] != ' ')
		start--;
	int word = 0;
	for (size_t i = 0; i < start; i++)
		if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
			word++;
	ed_complete kind = line_kind(ed, text, word);
	char *prefix = xstrndup(text + start, ed->line.cur - start);
	cpl_gather(ed, kind, prefix);
	ed->cpl_start = start;
	ed_result r;
	if (ed->ncpl == 0) {
		r = ed_err(ed, _("Nothing to complete for \"%s\"."), prefix);
	} else if (ed->ncpl == 1) {
		cpl_put(ed, ed->cpl[0]);
		if (ed->line.cur == ed->line.text.len && kind != CPL_FORM)
			lineedit_insert(&ed->line, ' ');
		completion_reset(ed);
		r = ed_ok(ed, RD_MSG, NULL);
		ed->msg[0] = '\0';
	} else {
		size_t lcp = strlen(ed->cpl[0]);
		for (size_t i = 1; i < ed->ncpl; i++) {
			size_t j = 0;
			while (j < lcp && ed->cpl[i][j] == ed->cpl[0][j])
				j++;
			lcp = j;
		}
		char *common = xstrndup(ed->cpl[0], lcp);
		ed->cpl_active = true;
		ed->cpl_i = ed->ncpl - 1; /* the next Tab shows the first */
		cpl_put(ed, common);
		free(common);
		sbp_buf list;
		buf_init(&list);
		for (size_t i = 0; i < ed->ncpl && list.len < 200; i++)
			buf_printf(&list, "%s%s", i ? " " : "", ed->cpl[i]);
		r = ed_ok(ed, RD_MSG, P_("%zu match: %s", "%zu matches: %s", ed->ncpl), ed->ncpl, list.data);
		buf_free(&list);
	}
	free(prefix);
	return r;
}

/* Free a history. */
void history_free(ed_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->items[i]);
	free(h->saved);
	memset(h, 0, sizeof *h);
}

/* Remember a submitted line. */
static void history_add(ed_history *h, const char *s)
{
	if (*s && !(h->n && strcmp(h->items[h->n - 1], s) == 0)) {
		if (h->n == ED_HISTORY_MAX) {
			free(h->items[0]);
			memmove(h->items, h->items + 1, (h->n - 1) * sizeof *h->items);
			h->n--;
		}
		h->items[h->n++] = xstrdup(s);
	}
	h->walk = h->n;
	free(h->saved);
	h->saved = NULL;
}

/* Up (dir -1) and Down (dir +1) through the history. */
static ed_result history_walk(editor *ed, int dir)
{
	ed_history *h = &ed->hists[ed->prompt.history];
	if (dir < 0) {
		if (h->walk == 0)
			return ed_done(ed, RD_NONE);
		if (h->walk == h->n) {
			free(h->saved);
			h->saved = xstrdup(ed->line.text.data);
		}
		lineedit_set(&ed->line, h->items[--h->walk]);
	} else {
		if (h->walk >= h->n)
			return ed_done(ed, RD_NONE);
		h->walk++;
		lineedit_set(&ed->line, h->walk == h->n ? h->saved : h->items[h->walk]);
	}
	return ed_done(ed, RD_MSG);
}

/* Enter: close the line and run it. */
static ed_result line_submit(editor *ed)
{
	char *text = xstrdup(ed->line.text.data);
	char *command = ed->prompt.command ? xstrdup(ed->prompt.command) : NULL;
	history_add(&ed->hists[ed->prompt.history], text);
	completion_reset(ed);
	ed_pop_mode(ed);
	ed->msg[0] = '\0';
	ed->msg_error = false;
	ed_result r;
	if (ed->mode == MODE_FORM && ed->form) {
		r = form_field_done(ed, text, 1);
	} else if (ed->quick.on && command && !strcmp(command, "add")) {
		r = quick_submit(ed, text, QUICK_NEXT_COL);
	} else if (command && strchr(command, ' ')) {
		char *line = xasprintf("%s %s", command, text);
		r = editor_run(ed, line);
		free(line);
	} else if (command) {
		const ed_command *c = ed_command_row(command);
		r = c ? run_row(ed, c, text, false) : ed_err(ed, _("no command %s"), command);
	} else {
		r = editor_run(ed, text);
	}
	free(text);
	free(command);
	r.redraw |= RD_ALL;
	return r;
}

/* A key while the line editor is open. */
ed_result line_key(editor *ed, ed_key k)
{
	lineedit *le = &ed->line;
	if (k != EK_TAB && k != EK_BTAB) {
		if (ed->cpl_active)
			ed->msg[0] = '\0'; /* the list of matches goes with them */
		completion_reset(ed);
	}
	bool replace = ed->prompt.replace;
	ed->prompt.replace = false;
	if (replace && (k == EK_BS || k == EK_DEL || k == EK_CTRL('d'))) {
		lineedit_set(le, ""); /* the selected value goes whole */
		return ed_done(ed, RD_MSG);
	}
	bool in_form = ed_under(ed, MODE_FORM) && ed->form;
	if (in_form || ed->quick.on) {
		ed_result r;
		if (prompt_special_key(ed, k, in_form, &r))
			return r;
	}
	switch (k) {
	case EK_ENTER:
		return line_submit(ed);
	case EK_ESC:
	case EK_CTRL('c'):
	case EK_CTRL('g'):
		ed->quit_after_save = false;
		ed_pop_mode(ed);
		if (ed->quick.on)
			return quick_end(ed);
		ed->msg[0] = '\0';
		if (in_form)
			return form_cancel(ed);
		return ed_done(ed, RD_ALL);
	case EK_BS:
		if (le->text.len == 0 && !ed->prompt.command) {
			ed_pop_mode(ed);
			return ed_done(ed, RD_ALL);
		}
		lineedit_backspace(le);
		break;
	case EK_DEL: case EK_CTRL('d'): lineedit_delete(le); break;
	case EK_LEFT: case EK_CTRL('b'): lineedit_left(le); break;
	case EK_RIGHT: case EK_CTRL('f'): lineedit_right(le); break;
	case EK_HOME: case EK_CTRL('a'): lineedit_home(le); break;
	case EK_END: case EK_CTRL('e'): lineedit_end(le); break;
	case EK_CTRL('u'): lineedit_kill_start(le); break;
	case EK_CTRL('k'): lineedit_kill_end(le); break;
	case EK_CTRL('w'): lineedit_kill_word(le); break;
	case EK_TAB: return line_complete(ed, 1);
	case EK_BTAB: return line_complete(ed, -1);
	case EK_UP: return history_walk(ed, -1);
	case EK_DOWN: return history_walk(ed, 1);
	default:
		if (k >= 32 && k < 0x110000) {
			if (replace)
				lineedit_set(le, "");
			lineedit_insert(le, (uint32_t)k);
		}
		break;
	}
	return ed_done(ed, RD_MSG);
}

/* The `:` key. */
ed_result ecmd_cmdline(editor *ed, const ed_args *a)
{
	(void)a;
	return ed_prompt_open(ed, ":", NULL, "", CPL_NONE, 0);
}

/* "Usage: :name ARGS" from the command's row of the table. */
ed_result ed_usage(editor *ed, const char *name)
{
	const ed_command *c = editor_command_find(name);
	if (!c)
		return ed_err(ed, "%s", _("Unknown command."));
	return ed_err(ed, _("Usage: :%s %s"), c->name, c->args);
}
