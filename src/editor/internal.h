/* Declarations shared by the files of the editor core (not public). */
#ifndef SBP_EDITOR_INTERNAL_H
#define SBP_EDITOR_INTERNAL_H

#include "sbp/editor.h"
#include "sbp/utf8.h"

/* Results: set the message and say what to redraw. */
ed_result ed_ok(editor *ed, unsigned rd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
ed_result ed_err(editor *ed, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A result that leaves the message as it is. */
ed_result ed_done(editor *ed, unsigned rd);

/* The history state the blueprint is in (changes with every edit, undo
 * and redo). */
size_t ed_state_key(const editor *ed);
/* Bring the grid and counts up to date after an edit; clamp and show
 * the selection. */
void ed_sync(editor *ed);
/* The blueprint was replaced (recovery, reload): start over. */
void ed_set_blueprint(editor *ed, sbp_blueprint *bp);
void ed_scroll_to_sel(editor *ed);

/* Modes: push a mode over the current one, pop back. */
void ed_push_mode(editor *ed, ed_mode m);
void ed_pop_mode(editor *ed);

/* Open a prompt; on Enter it runs "command TEXT" (the `:` line when
 * command is NULL). */
ed_result ed_prompt_open(editor *ed, const char *label, const char *command,
			 const char *init, ed_complete cpl, int history);
/* Ask a question answered by one of the keys in choices. */
void ed_ask(editor *ed, const char *title, const char *text,
	    const char *choices, bool cancel_ok, ed_confirm_fn fn);
void ed_confirm_clear(editor *ed);

/* Key handling per mode. */
ed_result line_key(editor *ed, ed_key k);
ed_result confirm_key(editor *ed, ed_key k);
ed_result connect_key(editor *ed, ed_key k);
ed_result inspector_key(editor *ed, ed_key k);
ed_result catalog_key(editor *ed, ed_key k);
ed_result stdform_key(editor *ed, ed_key k);
ed_result picker_key(editor *ed, ed_key k);
ed_result problems_key(editor *ed, ed_key k);
ed_result help_key(editor *ed, ed_key k);
void history_free(ed_history *h);
void completion_reset(editor *ed);

/* Panels: item counts and text per mode. */
size_t inspector_count(editor *ed);
void inspector_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
size_t stdform_count(editor *ed);
void stdform_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
void catalog_refresh(editor *ed);
void catalog_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
void catalog_detail(editor *ed, size_t k, size_t width, sbp_buf *out);
void picker_refresh(editor *ed);
void picker_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
void problems_refresh(editor *ed);
void problems_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
void problems_detail(editor *ed, size_t k, size_t width, sbp_buf *out);
size_t help_count(void);
void help_item(size_t i, size_t width, sbp_buf *out, ed_style *st);
/* Move a list's selection by delta (clamped) in a list of n items,
 * keeping it in view in rows rows. Returns true when it moved. */
bool list_move(ed_list *l, long delta, size_t n, size_t rows);
/* The common list keys (j k arrows PageUp PageDown g G Home End). */
bool list_key(ed_list *l, ed_key k, size_t n, size_t rows);

/* Helpers. */
/* Append s sanitized and fitted to width columns, padded with blanks
 * to exactly width when pad. */
void ed_fit(sbp_buf *out, const char *s, size_t width, bool pad);
/* Parse a number ("4", "2.5"); false when malformed. */
bool ed_parse_number(const char *s, double *out);
/* An id made from a name ("Check out" -> "check-out"), unused for its
 * kind ('s', 'c', 'l', 'd'), or PREFIX-N when the name gives none.
 * Caller frees. */
char *ed_slug_id(const sbp_blueprint *bp, char kind, const char *name,
		 const char *prefix);
/* Is the text a case-insensitive match of the pattern? */
bool ed_text_matches(const char *text, const char *pat);

/* Commands (the table's functions). */
#define CMD(name) ed_result name(editor *ed, const ed_args *a)
CMD(cmd_left); CMD(cmd_right); CMD(cmd_up); CMD(cmd_down);
CMD(cmd_first_col); CMD(cmd_last_col); CMD(cmd_first_lane); CMD(cmd_last_lane);
CMD(cmd_page_up); CMD(cmd_page_down);
CMD(cmd_goto); CMD(cmd_next); CMD(cmd_prev); CMD(cmd_search);
CMD(cmd_add); CMD(cmd_text); CMD(cmd_delete); CMD(cmd_notes);
CMD(cmd_duration); CMD(cmd_encounter);
CMD(cmd_move_left); CMD(cmd_move_right); CMD(cmd_move_up); CMD(cmd_move_down);
CMD(cmd_fail); CMD(cmd_severity); CMD(cmd_recovery);
CMD(cmd_wait); CMD(cmd_expected); CMD(cmd_tolerable);
CMD(cmd_std); CMD(cmd_unstd); CMD(cmd_attach);
CMD(cmd_flow); CMD(cmd_unflow); CMD(cmd_connect);
CMD(cmd_column); CMD(cmd_colname); CMD(cmd_phase); CMD(cmd_colmove);
CMD(cmd_coldelete); CMD(cmd_lane); CMD(cmd_lanename); CMD(cmd_lanemove);
CMD(cmd_lanedelete); CMD(cmd_title); CMD(cmd_description);
CMD(cmd_stdadd); CMD(cmd_stdset); CMD(cmd_stddelete);
CMD(cmd_undo); CMD(cmd_redo);
CMD(cmd_write); CMD(cmd_saveas); CMD(cmd_wq); CMD(cmd_quit); CMD(cmd_export);
CMD(cmd_inspect); CMD(cmd_catalog); CMD(cmd_problems); CMD(cmd_help);
CMD(cmd_cmdline);
#undef CMD

/* Set one field of a standard through an undoable update. */
bool std_set_field(editor *ed, sbp_standard *s, const char *field,
		   const char *value);
extern const char *const std_fields[];

#endif
