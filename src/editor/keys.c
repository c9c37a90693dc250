/* Keys: the notation of editor_feed ("j j <Enter>"), dispatch by mode,
 * and the one-key questions of MODE_CONFIRM. */
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "internal.h"

static const struct {
	const char *name;
	ed_key key;
} key_names[] = {
	{ "Enter", EK_ENTER }, { "CR", EK_ENTER }, { "Esc", EK_ESC },
	{ "Tab", EK_TAB }, { "S-Tab", EK_BTAB }, { "BS", EK_BS },
	{ "Del", EK_DEL }, { "Up", EK_UP }, { "Down", EK_DOWN },
	{ "Left", EK_LEFT }, { "Right", EK_RIGHT }, { "Home", EK_HOME },
	{ "End", EK_END }, { "PageUp", EK_PGUP }, { "PageDown", EK_PGDN },
	{ "F1", EK_F1 }, { "Space", ' ' }, { "lt", '<' }, { "Resize", EK_RESIZE },
};

/* One key token: "<Name>", "<C-x>" or a single character. */
ed_key editor_key_parse(const char *tok, size_t len)
{
	if (len >= 3 && tok[0] == '<' && tok[len - 1] == '>') {
		const char *n = tok + 1;
		size_t nl = len - 2;
		if (nl == 3 && (n[0] == 'C' || n[0] == 'c') && n[1] == '-')
			return EK_CTRL(n[2]);
		for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
			if (strlen(key_names[i].name) == nl &&
			    strncmp(key_names[i].name, n, nl) == 0)
				return key_names[i].key;
		return 0;
	}
	uint32_t cp;
	if (len == 0 || utf8_decode(tok, len, &cp) != len)
		return 0;
	return (ed_key)cp;
}

/* A key in notation. */
void editor_key_name(ed_key k, sbp_buf *out)
{
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
		if (key_names[i].key == k) {
			buf_printf(out, "<%s>", key_names[i].name);
			return;
		}
	if (k > 0 && k < 32) {
		buf_printf(out, "<C-%c>", (char)(k + 'a' - 1));
	} else if (k >= 32 && k < 0x110000) {
		utf8_encode(out, (uint32_t)k);
	} else {
		buf_puts(out, "<?>");
	}
}

/* Does a key notation list ("j <Down>") contain k? */
bool keys_contain(const char *keys, ed_key k)
{
	const char *p = keys;
	while (p && *p) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e > p && editor_key_parse(p, (size_t)(e - p)) == k)
			return true;
		p = e;
	}
	return false;
}

/* The command bound to a key in normal mode. */
const ed_command *editor_command_for_key(ed_key k)
{
	for (const ed_command *c = ed_commands; c->name; c++)
		if (c->keys && keys_contain(c->keys, k))
			return c;
	return NULL;
}

/* Normal mode: the table says what each key does. */
static ed_result normal_key(editor *ed, ed_key k)
{
	ed->msg[0] = '\0';
	ed->msg_error = false;
	const ed_command *c = editor_command_for_key(k);
	if (!c) {
		if (k == EK_ESC)
			return ed_done(ed, RD_MSG);
		if (k == EK_CTRL('c'))
			return ed_ok(ed, RD_MSG, _("Type q to quit."));
		sbp_buf name;
		buf_init(&name);
		editor_key_name(k, &name);
		ed_result r = ed_err(ed, _("The key %s does nothing here (? lists the keys)."),
				     name.data);
		buf_free(&name);
		return r;
	}
	if ((c->flags & CMD_STEP) && !editor_step(ed))
		return ed_err(ed, _("No step here: a adds one."));
	ed_args a = { 0, NULL, "", false, true };
	return c->fn(ed, &a);
}

/* Feed one key to the mode in charge. */
ed_result editor_key(editor *ed, ed_key k)
{
	ed_result r;
	ed_sync(ed);
	if (k == EK_RESIZE)
		return ed_done(ed, RD_ALL);
	if (ed->cols < ED_MIN_COLS || ed->rows < ED_MIN_ROWS) {
		/* nothing is seen: only q (with nothing to lose) acts */
		if (k == 'q' && ed->mode == MODE_NORMAL && !editor_modified(ed))
			ed->quit = true;
		r = ed_done(ed, RD_NONE);
		if (ed->quit)
			r.status = ED_QUIT;
		r.message = ed->msg;
		return r;
	}
	switch (ed->mode) {
	case MODE_LINE: r = line_key(ed, k); break;
	case MODE_CONFIRM: r = confirm_key(ed, k); break;
	case MODE_CONNECT: r = connect_key(ed, k); break;
	case MODE_INSPECTOR: r = inspector_key(ed, k); break;
	case MODE_CATALOG: r = catalog_key(ed, k); break;
	case MODE_STDFORM: r = stdform_key(ed, k); break;
	case MODE_PICKER: r = picker_key(ed, k); break;
	case MODE_PROBLEMS: r = problems_key(ed, k); break;
	case MODE_HELP: r = help_key(ed, k); break;
	case MODE_FORM: r = form_key(ed, k); break;
	case MODE_TIME: r = timepanel_key(ed, k); break;
	default: r = normal_key(ed, k); break;
	}
	ed_sync(ed);
	if (ed->quit)
		r.status = ED_QUIT;
	r.message = ed->msg;
	return r;
}

/* Feed keys in notation. */
ed_result editor_feed(editor *ed, const char *keys)
{
	ed_result r = ed_done(ed, RD_NONE);
	const char *p = keys;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		size_t len = (size_t)(e - p);
		if (len == 0)
			break;
		ed_key k = p[0] == '<' ? editor_key_parse(p, len) : 0;
		if (k) {
			r = editor_key(ed, k);
		} else {
			for (size_t i = 0; i < len;) {
				uint32_t cp;
				i += utf8_decode(p + i, len - i, &cp);
				r = editor_key(ed, (ed_key)cp);
			}
		}
		p = e;
	}
	return r;
}

/* Forget the current question. */
void ed_confirm_clear(editor *ed)
{
	free(ed->confirm.title);
	free(ed->confirm.text);
	free(ed->confirm.choices);
	memset(&ed->confirm, 0, sizeof ed->confirm);
}

/* Ask a question; the answer calls fn. */
void ed_ask(editor *ed, const char *title, const char *text,
	    const char *choices, bool cancel_ok, ed_confirm_fn fn)
{
	ed_confirm_clear(ed);
	ed->confirm.title = xstrdup(title);
	ed->confirm.text = xstrdup(text);
	ed->confirm.choices = xstrdup(choices);
	ed->confirm.fn = fn;
	ed->confirm.cancel_ok = cancel_ok;
	if (ed->mode != MODE_CONFIRM)
		ed_push_mode(ed, MODE_CONFIRM);
}

/* A key while a question is open: one of its choices, or Esc. */
ed_result confirm_key(editor *ed, ed_key k)
{
	ed_key lower = k >= 'A' && k <= 'Z' ? k + 32 : k;
	bool ok = lower > 0 && lower < 128 && strchr(ed->confirm.choices, (int)lower);
	if (!ok && !(k == EK_ESC && ed->confirm.cancel_ok))
		return ed_done(ed, RD_NONE);
	ed_confirm_fn fn = ed->confirm.fn;
	ed_pop_mode(ed);
	ed->msg[0] = '\0';
	ed->msg_error = false;
	/* the answer may ask again: keep what it sets up */
	ed_confirm c = ed->confirm;
	memset(&ed->confirm, 0, sizeof ed->confirm);
	fn(ed, ok ? (int)lower : EK_ESC);
	free(c.title);
	free(c.text);
	free(c.choices);
	return ed_done(ed, RD_ALL);
}
