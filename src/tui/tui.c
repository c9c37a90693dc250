/* The editor's main loop: terminal set-up, keys from get_wch turned into
 * editor keys (escape sequences through ncurses' keypad tables; one it
 * does not know is dropped whole), resize, mouse clicks and the wheel
 * (button events only, never motion tracking), Ctrl-L, Ctrl-Z, idle
 * autosave, and hangups. Signal handlers only set a flag; the loop (woken
 * by a timeout) does the work. */
#include <langinfo.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "tui.h"

#define TICK_MS 200

static volatile sig_atomic_t got_signal;

/* SIGHUP and SIGTERM: remember which; the main loop acts. */
static void on_signal(int sig)
{
	got_signal = sig;
}

/* Install the handlers (without SA_RESTART, so reads are interrupted). */
static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* Milliseconds of a monotonic clock. */
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Is the terminal gone (hung up, closed, end of file)? */
static bool terminal_lost(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	if (!isatty(STDIN_FILENO))
		return true;
	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Key codes of our own for sequences terminals send that ncurses' tables
 * may lack (define_key), so that they are known and dropped whole. */
enum { KEY_SBP_IGNORED = KEY_MAX + 1, KEY_SBP_HOME, KEY_SBP_END };

static const struct {
	const char *seq;
	int code;
} extra_keys[] = {
	{ "\033[H", KEY_SBP_HOME }, { "\033OH", KEY_SBP_HOME },
	{ "\033[1~", KEY_SBP_HOME }, { "\033[7~", KEY_SBP_HOME },
	{ "\033[F", KEY_SBP_END }, { "\033OF", KEY_SBP_END },
	{ "\033[4~", KEY_SBP_END }, { "\033[8~", KEY_SBP_END },
	/* Ctrl-, Alt- and Shift- arrows, Home and End (xterm's modifiers) */
	{ "\033[1;5D", KEY_SBP_IGNORED }, { "\033[1;5C", KEY_SBP_IGNORED },
	{ "\033[1;5A", KEY_SBP_IGNORED }, { "\033[1;5B", KEY_SBP_IGNORED },
	{ "\033[1;3D", KEY_SBP_IGNORED }, { "\033[1;3C", KEY_SBP_IGNORED },
	{ "\033[1;3A", KEY_SBP_IGNORED }, { "\033[1;3B", KEY_SBP_IGNORED },
	{ "\033[1;2D", KEY_SBP_IGNORED }, { "\033[1;2C", KEY_SBP_IGNORED },
	{ "\033[1;2A", KEY_SBP_IGNORED }, { "\033[1;2B", KEY_SBP_IGNORED },
	{ "\033[1;5H", KEY_SBP_IGNORED }, { "\033[1;5F", KEY_SBP_IGNORED },
	{ "\033Od", KEY_SBP_IGNORED }, { "\033Oc", KEY_SBP_IGNORED },
};

/* Teach ncurses the sequences its terminal description does not have. */
static void define_extra_keys(void)
{
	for (size_t i = 0; i < sizeof extra_keys / sizeof *extra_keys; i++)
		if (key_defined(extra_keys[i].seq) == 0)
			define_key(extra_keys[i].seq, extra_keys[i].code);
}

/* After a lone ESC from get_wch, the rest of a sequence ncurses did not
 * know may follow at once: read it to its end (ECMA-48: ESC [ or ESC O,
 * parameters, intermediates, one final byte; or ESC and one key, as Alt
 * sends) and drop it. True when there was one. */
static bool drop_unknown_sequence(void)
{
	wint_t c;
	timeout(0);
	int rc = get_wch(&c);
	bool seq = rc != ERR;
	if (seq && rc == OK && (c == '[' || c == 'O')) {
		bool csi = c == '[';
		for (int n = 0; n < 32 && get_wch(&c) == OK; n++) {
			if (!csi || (c >= 0x40 && c <= 0x7e))
				break; /* the final byte */
		}
	}
	timeout(TICK_MS);
	return seq;
}

/* A curses key code as an editor key (0 when it means nothing). */
static ed_key map_keycode(int code)
{
	switch (code) {
	case KEY_SBP_HOME: return EK_HOME;
	case KEY_SBP_END: return EK_END;
	case KEY_UP: return EK_UP;
	case KEY_DOWN: return EK_DOWN;
	case KEY_LEFT: return EK_LEFT;
	case KEY_RIGHT: return EK_RIGHT;
	case KEY_HOME: return EK_HOME;
	case KEY_END: return EK_END;
	case KEY_PPAGE: return EK_PGUP;
	case KEY_NPAGE: return EK_PGDN;
	case KEY_BACKSPACE: return EK_BS;
	case KEY_DC: return EK_DEL;
	case KEY_ENTER: return EK_ENTER;
	case KEY_BTAB: return EK_BTAB;
	case KEY_F(1): return EK_F1;
	default: return 0;
	}
}

/* A character from get_wch as an editor key. */
static ed_key map_char(wint_t c)
{
	switch (c) {
	case '\r': case '\n': return EK_ENTER;
	case 27: return EK_ESC;
	case '\t': return EK_TAB;
	case 127: case 8: return EK_BS;
	default: return (ed_key)c;
	}
}

/* Put the screen out with one update. */
static void paint(editor *ed)
{
	tui_draw(ed);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Set up curses; false when there is no usable terminal. */
static bool screen_start(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs(_("sbp: the editor needs a terminal (try sbp check or sbp export)\n"),
		      stderr);
		return false;
	}
	setenv("ESCDELAY", "50", 0);
	/* In a UTF-8 locale draw lines with Unicode box characters instead of
	 * the VT100 alternate character set, which many terminals over SSH
	 * (and tmux) show as letters; it also saves the charset switches. */
	const char *cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, _("sbp: cannot use the terminal \"%s\"\n"),
			cli_safe(getenv("TERM") ? getenv("TERM") : ""));
		return false;
	}
	raw(); /* Ctrl-S and Ctrl-C reach the editor */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	timeout(TICK_MS);
	leaveok(stdscr, TRUE);
	curs_set(0);
	/* Until the screen has once come back from endwin, ncurses flushes
	 * its output after every cursor movement: one write(), so one SSH
	 * packet, per changed piece of a row. Leave and come back (an empty
	 * screen) before colours and the first paint: every update then
	 * goes out in one write. */
	endwin();
	refresh();
	tui_colors_init();
	clearok(curscr, TRUE); /* the first paint clears: no cell-by-cell diff */
	/* button events only (xterm mode 1000): no motion tracking (1003),
	 * so that Shift and the mouse still select the terminal's text */
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		  | BUTTON5_PRESSED
#endif
		  , NULL);
	mouseinterval(0);
	define_extra_keys();
	return true;
}

/* Ctrl-Z: leave the screen, stop as a shell job would, and come back
 * (after fg) to a fully redrawn screen of the current size. */
static void suspend(editor *ed)
{
	editor_autosave(ed);
	endwin();
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	kill(getpid(), SIGTSTP); /* stopped here until SIGCONT */
	sigaction(SIGTSTP, &old, NULL);
	refresh();
	clearok(curscr, TRUE);
	editor_resize(ed, COLS, LINES);
	paint(ed);
}

/* A mouse event: a click selects, the wheel scrolls. */
static void mouse_event(editor *ed)
{
	MEVENT me;
	if (getmouse(&me) != OK)
		return;
	if (ed->mode == MODE_LINE || ed->mode == MODE_CONFIRM)
		return; /* typing or answering: Up/Down there are not scrolling */
	if (me.bstate & BUTTON4_PRESSED) {
		editor_key(ed, EK_UP);
		editor_key(ed, EK_UP);
		editor_key(ed, EK_UP);
	}
#ifdef BUTTON5_PRESSED
	else if (me.bstate & BUTTON5_PRESSED) {
		editor_key(ed, EK_DOWN);
		editor_key(ed, EK_DOWN);
		editor_key(ed, EK_DOWN);
	}
#endif
	else if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		editor_click(ed, me.x, me.y);
	paint(ed);
}

/* Keep the work after a hangup or SIGTERM, then leave. */
static int hang_up(editor *ed, int sig, bool tty_alive)
{
	editor_hangup(ed);
	if (tty_alive)
		endwin();
	if (tty_alive && editor_modified(ed))
		fprintf(stderr, _("sbp: stopped; unsaved changes are kept in a "
			"recovery file (offered when you open the file again)\n"));
	editor_free(ed);
	return 128 + sig;
}

/* Read keys until the editor quits. */
static int main_loop(editor *ed)
{
	editor_resize(ed, COLS, LINES);
	const char *preset = getenv("SBP_VIEW");
	if (preset)
		editor_view_preset(ed, preset);
	paint(ed);
	for (;;) {
		wint_t wc = 0;
		int rc = get_wch(&wc);
		if (got_signal)
			return hang_up(ed, got_signal, got_signal != SIGHUP);
		/* Autosave on a deadline from the first unsaved change, keys
		 * coming or not. */
		size_t failed = ed->recover_failed;
		editor_autosave_tick(ed, now_ms());
		if (ed->recover_failed != failed)
			paint(ed); /* say that it failed */
		if (rc == ERR) {
			if (terminal_lost())
				return hang_up(ed, SIGHUP, false);
			continue;
		}
		ed_key k = 0;
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			editor_resize(ed, COLS, LINES);
			paint(ed);
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			if (COLS >= ED_MIN_COLS && LINES >= ED_MIN_ROWS)
				mouse_event(ed);
			continue;
		}
		if (rc == OK && wc == 27 && drop_unknown_sequence())
			continue; /* Alt-x or a sequence ncurses does not know */
		if (rc == OK && wc == EK_CTRL('l')) {
			clearok(curscr, TRUE);
			editor_resize(ed, COLS, LINES);
			paint(ed);
			continue;
		}
		if (rc == OK && wc == EK_CTRL('z')) {
			suspend(ed);
			continue;
		}
		k = rc == KEY_CODE_YES ? map_keycode((int)wc) : map_char(wc);
		if (!k)
			continue;
		ed_result r = editor_key(ed, k);
		if (r.status == ED_QUIT)
			break;
		if (r.redraw || ed->mode == MODE_LINE)
			paint(ed);
	}
	editor_cleanup(ed, true);
	endwin();
	editor_free(ed);
	return 0;
}

/* The editor: open path (or an untitled blueprint) and run it. */
int tui_main(const char *path, const sbp_limits *lim)
{
	editor *ed = editor_new(lim);
	if (path) {
		sbp_diags d;
		diags_init(&d);
		if (!editor_open(ed, path, &d)) {
			cli_print_diags(stderr, path, &d);
			fprintf(stderr, _("sbp: cannot open %s; fix the errors above "
				"(sbp check %s)\n"), cli_safe(path), cli_safe(path));
			diags_free(&d);
			editor_free(ed);
			return 2;
		}
		diags_free(&d);
	} else {
		editor_start_untitled(ed);
	}
	if (ed->quit) { /* cannot happen before a question, but be safe */
		editor_cleanup(ed, false);
		editor_free(ed);
		return 0;
	}
	install_signals();
	if (!screen_start()) {
		editor_cleanup(ed, false);
		editor_free(ed);
		return 2;
	}
	return main_loop(ed);
}
