/* The editor's core: the state of one editing session (blueprint, file,
 * undo history, selection, viewport, mode), the one command table that
 * key dispatch, the `:` line, Tab completion and help come from, and the
 * text of every panel. No curses: src/tui draws what this computes, and
 * tests drive it with editor_feed(ed, "j j <Enter>").
 *
 * Ownership: the editor owns its blueprint, history and every string in
 * it; functions returning const char * return editor-owned memory valid
 * until the next call into the editor. */
#ifndef SBP_EDITOR_H
#define SBP_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbp/check.h"
#include "sbp/diag.h"
#include "sbp/edit.h"
#include "sbp/editor_grid.h"
#include "sbp/editor_view.h"
#include "sbp/io.h"
#include "sbp/lineedit.h"
#include "sbp/model.h"
#include "sbp/safety.h"

/* Keys: Unicode code points as themselves, Ctrl-letter as 1..26, and
 * these special keys above the Unicode range. */
enum {
	EK_ENTER = 0x110000,
	EK_ESC, EK_TAB, EK_BTAB, EK_BS, EK_DEL,
	EK_UP, EK_DOWN, EK_LEFT, EK_RIGHT,
	EK_HOME, EK_END, EK_PGUP, EK_PGDN,
	EK_F1, EK_RESIZE,
	EK_LAST
};
#define EK_CTRL(c) ((c) & 0x1f)
typedef int32_t ed_key;

typedef enum ed_mode {
	MODE_NORMAL,
	MODE_LINE,      /* the `:` line or a text prompt (ed->line) */
	MODE_INSPECTOR, /* the fields of the selected step */
	MODE_CATALOG,   /* the standards catalog */
	MODE_STDFORM,   /* the fields of one standard */
	MODE_PICKER,    /* attach a standard: filterable list */
	MODE_PROBLEMS,  /* the check findings */
	MODE_HELP,      /* every command and key */
	MODE_CONFIRM,   /* a question answered by one key */
	MODE_CONNECT,   /* pick the target of a new flow */
	MODE_FORM,      /* a small form of fields, one prompt each (form.c) */
	MODE_TIME,      /* the time analysis and the SQI (timepanel.c) */
} ed_mode;

/* What a command asks the front end to redraw. */
enum {
	RD_NONE = 0,
	RD_GRID = 1,   /* cards, headers */
	RD_STATUS = 2, /* the status line */
	RD_MSG = 4,    /* the message line */
	RD_PANEL = 8,  /* the open panel or dialog */
	RD_ALL = 15,
};

typedef enum ed_status { ED_OK, ED_ERROR, ED_QUIT } ed_status;

typedef struct ed_result {
	ed_status status;
	const char *message; /* editor-owned, "" when none */
	unsigned redraw;     /* RD_ bits */
} ed_result;

/* Arguments of a command run from the `:` line or a key. */
typedef struct ed_args {
	int argc;
	char **argv;      /* words, quotes removed */
	const char *rest; /* everything after the name, leading blanks cut */
	bool bang;        /* the name ended with '!' (:q!, :w!) */
	bool from_key;    /* run by its key: may open a prompt for its text */
} ed_args;

typedef struct editor editor;
typedef ed_result (*ed_cmd_fn)(editor *ed, const ed_args *a);

/* What Tab completes in a command's arguments. */
typedef enum ed_complete {
	CPL_NONE, CPL_STEP, CPL_STD, CPL_ZONE, CPL_FORMAT, CPL_FIELD,
	CPL_FORM, /* the choices of the open form's field */
} ed_complete;

/* Command flags. */
enum {
	CMD_STEP = 1,   /* needs a selected step */
	CMD_EDIT = 2,   /* changes the blueprint */
	CMD_NOLINE = 4, /* a key-only action, not offered on the `:` line */
};

/* One row of the command table. keys are in editor_feed notation,
 * separated by blanks ("j <Down>"), NULL when none. */
typedef struct ed_command {
	const char *name;
	const char *keys;
	ed_cmd_fn fn;
	unsigned flags;
	const char *help;
	const char *args;     /* synopsis of the arguments, "" when none */
	ed_complete complete; /* for Tab in the arguments */
} ed_command;

/* The command table, terminated by a row with name NULL. */
extern const ed_command ed_commands[];
const ed_command *editor_command_find(const char *name);
/* The least and most words a row takes (max -1: no bound), from the
 * synopsis in its args; the `:` line says its usage outside them. */
void editor_command_arity(const ed_command *c, int *min, int *max);
/* The command bound to a key in normal mode, or NULL. */
const ed_command *editor_command_for_key(ed_key k);

/* A question answered by one key (lock, recovery, unsaved changes...). */
typedef void (*ed_confirm_fn)(editor *ed, int choice);
typedef struct ed_confirm {
	char *title;
	char *text;       /* may hold several lines ("\n") */
	char *choices;    /* the keys accepted, e.g. "ode" */
	ed_confirm_fn fn; /* called with the key, or EK_ESC when cancelled */
	bool cancel_ok;   /* may Esc cancel? */
} ed_confirm;

/* A text prompt: runs "command TEXT" on Enter; the `:` line has command
 * NULL and runs the line itself. */
typedef struct ed_prompt {
	char *label;
	char *command;
	ed_complete complete;
	int history; /* which history: 0 commands, 1 search, 2 other */
	bool replace; /* the text is selected: typing replaces it */
} ed_prompt;

/* Where a finding of the problems panel comes from (findings.c). */
typedef struct ed_origin {
	check_group group;
	const void *obj; /* the standard, step or flow, else NULL */
	size_t seq;      /* its place among the findings about obj */
} ed_origin;

/* Lists the panels show, with a selection and a scroll offset. */
typedef struct ed_list {
	size_t sel, top;
} ed_list;

/* Styles of panel items and messages. */
typedef enum ed_style {
	STY_NORMAL, STY_DIM, STY_HEADER, STY_WARN, STY_ERROR, STY_OK,
} ed_style;

#define ED_HISTORY_MAX 100
typedef struct ed_history {
	char *items[ED_HISTORY_MAX];
	size_t n;
	size_t walk; /* n when not walking */
	char *saved; /* the line being typed before walking */
} ed_history;

struct editor {
	sbp_blueprint *bp;
	edit_history hist;
	char *path; /* NULL: untitled */
	sbp_limits lim;
	bool readonly;
	bool locked;      /* we hold the lock of path */
	bool base_dirty;  /* the state at the bottom of the history is not
			     the file on disk (recovered work) */
	file_stamp stamp; /* the file as loaded or last saved */
	char lock_note[400];

	/* selection: lane, column, index in the cell's stack */
	size_t lane, col, idx;
	ed_grid grid;
	size_t top, left; /* viewport: first body line, first column */
	ed_view *view;    /* the screen's geometry and view settings */
	int rows, cols;   /* terminal size, from editor_resize */

	ed_mode mode;
	ed_mode mode_stack[8];
	int mode_depth;

	lineedit line;
	ed_prompt prompt;
	ed_history hists[3];
	char **cpl;  /* completion candidates */
	size_t ncpl, cpl_i;
	size_t cpl_start; /* byte offset of the word being completed */
	bool cpl_active;

	ed_confirm confirm;

	ed_list inspector, catalog, stdform, picker, problems, help;
	sbp_standard *form_std;  /* the standard the form edits */
	sbp_diags diags;         /* problems panel findings */
	ed_origin *origins;      /* where each of them comes from */
	size_t origins_cap;
	bool findings_live;      /* diags follow the edits (findings.c) */
	hmap std_uses;           /* standard id -> steps using it + 1 */
	sbp_zone f_zone;         /* the step being modified had this zone */
	sbp_mark f_mark;         /* and this encounter mark */
	size_t *picker_items;    /* standard indices matching the filter */
	size_t npicker;
	lineedit filter;         /* the picker's filter */
	size_t *uses;            /* catalog: steps per standard */
	size_t nuses;

	struct ed_insp_item *insp; /* the inspector's rows */
	size_t ninsp;
	size_t insp_key;          /* history state they are for */
	const sbp_step *insp_step;
	size_t problems_key, catalog_key;

	sbp_step *connect_from;
	char *search;            /* the last search */
	struct ed_form *form;    /* the open form (form.c), or NULL */
	ed_list formlist;
	ed_list timelist;         /* the time panel (timepanel.c) */
	struct {                 /* quick entry (cmd_entry.c) */
		bool on;         /* the add prompt comes back after Enter */
		bool unlinked;   /* Tab does not add a flow (Ctrl-F) */
		bool link;       /* the next card flows from last (after Tab) */
		sbp_step *last;  /* the step added before */
		size_t home;     /* the lane Enter goes back to */
	} quick;
	sbp_step *clip;          /* a copied step (detached, owned) */
	struct {                 /* what an undo or redo touched (cmd_step.c) */
		bool on;
		const sbp_step *step; /* a step it changed or brought back */
		bool cell;            /* else the cell a step left */
		size_t lane, col;
	} touch;

	sbp_summary sum;
	size_t sum_key;          /* history state the grid and counts are for */
	bool sum_valid;
	struct {                 /* following the history's changes (live.c) */
		const sbp_step *step; /* the step being modified, and */
		size_t lane, col;     /* the cell it was in */
		bool stale;           /* the grid waits for a rebuild */
	} live;

	char msg[1024];
	bool msg_error;
	bool quit;
	bool quit_after_save;
	bool keep_recovery;      /* quit at a startup question: leave it */
	sbp_recover_info recover;
	size_t recover_key;      /* history state last written to recovery */
	bool recover_written;
	size_t recover_failed;   /* history state whose autosave failed + 1 */
	long long unsaved_since; /* ms (editor_autosave_tick's clock) of the
				    first change not in the recovery file */
	size_t recover_skip;     /* recovery files kept for later (k) */
	char *save_target;       /* a save waiting for a confirmation */
	sbp_buf scratch;
};

/* A new editor on an untitled blueprint (default lanes, three columns).
 * Free with editor_free. lim may be NULL. */
editor *editor_new(const sbp_limits *lim);
/* Open path: load it (a missing file starts a new blueprint with that
 * name), take its lock and look for a recovery file; the questions that
 * raises are asked through MODE_CONFIRM. Returns false, with the
 * diagnostics in diags, when the file cannot be loaded. */
bool editor_open(editor *ed, const char *path, sbp_diags *diags);
/* Start without a file: offers the recovery of an untitled session. */
void editor_start_untitled(editor *ed);
void editor_free(editor *ed);

/* Feed one key / a string of keys in notation: tokens separated by
 * blanks; "<Enter>", "<Esc>", "<Tab>", "<BS>", "<Del>", "<Up>", "<Down>",
 * "<Left>", "<Right>", "<Home>", "<End>", "<PageUp>", "<PageDown>",
 * "<F1>", "<Space>", "<lt>", "<C-x>"; any other token is typed
 * character by character. Returns the result of the last key. */
ed_result editor_key(editor *ed, ed_key k);
ed_result editor_feed(editor *ed, const char *keys);
/* Parse one key token ("<C-r>", "j"); 0 when malformed. */
ed_key editor_key_parse(const char *tok, size_t len);
/* Write a key in notation ("<Enter>", "j"). */
void editor_key_name(ed_key k, sbp_buf *out);
/* Run one `:` line (without the colon). */
ed_result editor_run(editor *ed, const char *line);

/* The view settings to start with, from words such as "compact,nopane"
 * (the SBP_VIEW environment variable): compact normal full, pane nopane,
 * hints nohints, flows noflows. False, with the message set, on an
 * unknown word (the other words are taken). */
bool editor_view_preset(editor *ed, const char *spec);
/* The terminal size changed: keeps the selection in view. */
void editor_resize(editor *ed, int cols, int rows);
/* A mouse click at screen position (x, y): selects what is there. */
ed_result editor_click(editor *ed, int x, int y);

/* Has the blueprint unsaved changes? */
bool editor_modified(const editor *ed);
/* The selected step, or NULL on an empty cell. */
sbp_step *editor_step(editor *ed);
/* Select a step (moves the viewport to it). */
void editor_select(editor *ed, const sbp_step *s);
/* Up-to-date counts (each edit, undo and redo adds and takes away what
 * it touched: live.c). */
const sbp_summary *editor_summary(editor *ed);

/* Data safety. editor_autosave writes the recovery file when there are
 * changes it does not hold yet; editor_autosave_tick (call it after every
 * key and every tick, with a monotonic clock in ms) does so once the first
 * change it does not hold is ED_AUTOSAVE_MS old, even while keys keep
 * coming;
 * editor_hangup writes it whatever the idle time (SIGHUP, SIGTERM, lost
 * terminal); editor_cleanup removes the lock, and the recovery file
 * after a clean quit. */
#define ED_AUTOSAVE_MS 2000
void editor_autosave(editor *ed);
void editor_autosave_tick(editor *ed, long long now_ms);
void editor_hangup(editor *ed);
void editor_cleanup(editor *ed, bool clean);

/* Text for the front end, sanitized, at most width columns. */
void editor_status_line(editor *ed, size_t width, sbp_buf *left, sbp_buf *right);
void editor_card(editor *ed, const sbp_step *s, size_t width, sbp_buf *out);
/* The file name shown in the status line ("[untitled]"). */
const char *editor_file_name(const editor *ed);

/* Panels: the list of the current mode. */
typedef struct ed_panel {
	const char *title;
	const char *hint;  /* the keys, for the box's bottom edge */
	size_t count;      /* items */
	ed_list *list;
	size_t ndetail;    /* lines under the list */
	bool no_cursor;    /* a text to scroll, not a list to choose from */
	size_t height;     /* rows the box needs, borders included, when it is
			    * a small box at the foot of the grid (a form);
			    * 0: the whole body */
} ed_panel;
/* Fill p for the current mode; false in modes without a panel. */
bool editor_panel(editor *ed, ed_panel *p);
void editor_panel_item(editor *ed, size_t i, size_t width, sbp_buf *out,
		       ed_style *style);
void editor_panel_detail(editor *ed, size_t k, size_t width, sbp_buf *out);
/* Rows the panel's list gets at the current size (for scrolling). */
size_t editor_panel_rows(const editor *ed, size_t ndetail);

/* Layout of the screen, shared with the front end. */
#define ED_LABEL_W 14      /* lane names below 120 columns */
#define ED_LABEL_W_WIDE 20 /* from 120 columns */
#define ED_COL_W 22        /* a grid column with its 1-cell gutter */
#define ED_COL_W_MAX 40    /* when every column fits, they widen to this */
/* Widths at the current size: the lane-name area, a grid column. */
int editor_label_w(const editor *ed);
int editor_col_w(const editor *ed);
#define ED_HEAD_ROWS 2
#define ED_FOOT_ROWS 2
#define ED_MIN_COLS 60
#define ED_MIN_ROWS 16
/* Body rows and visible grid columns at the current size. */
size_t editor_body_rows(const editor *ed);
size_t editor_visible_cols(const editor *ed);

#endif
