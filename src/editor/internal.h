/* Declarations shared by the files of the editor core (not public). */
#ifndef SBP_EDITOR_INTERNAL_H
#define SBP_EDITOR_INTERNAL_H

#include "sbp/editor.h"
#include "sbp/editor_view.h"
#include "sbp/i18n.h"
#include "sbp/i18n.h"
#include "sbp/utf8.h"

/* Results: set the message and say what to redraw. */
ed_result ed_ok(editor *ed, unsigned rd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
ed_result ed_err(editor *ed, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A failure whose message is already set. */
ed_result ed_failed(editor *ed);
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
/* Grid and counts from scratch, then follow every change the history
 * makes (live.c). */
void ed_live_reset(editor *ed);
/* The problems panel's findings (findings.c): check everything; follow
 * one change; stop following until the next full check. */
void findings_full(editor *ed);
void findings_event(editor *ed, const edit_event *ev);
void findings_stop(editor *ed);
void ed_scroll_to_sel(editor *ed);

/* The display list (vm_frame.c, vm_pane.c): items, the pane, the footer. */
void frame_text_at(ed_frame *f, int y, int x, int w, ed_role role,
		   const char *s, size_t len, bool fill);
void frame_put(ed_frame *f, int y, int x, int w, ed_role role, const char *s);
void frame_glyph(ed_frame *f, int y, int x, int n, ed_glyph g, ed_role role,
		 bool vertical);
void frame_pane(editor *ed, ed_view *v, ed_frame *f);
/* The rows a bottom pane w columns wide needs for nine steps in ten; 0
 * when the blueprint is too large to ask. */
int pane_rows_needed(editor *ed, int w);
/* The flows view's rows between lanes: runs along one that would overlap
 * take tracks of their own, at most FLOW_TRACKS. rows[k] (when given)
 * gets the rows of the channel under lane k, track[i] (when given) flow
 * i's track in its channel. */
#define FLOW_TRACKS 4
void flow_tracks(editor *ed, const ed_view *v, size_t *rows, uint8_t *track);
void frame_footer(editor *ed, ed_view *v, ed_frame *f);

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
/* Lock and recovery at open (safekeep.c). */
void ed_take_lock(editor *ed);
void ed_offer_recovery(editor *ed);
void ed_format_time(time_t t, char *out, size_t n);

/* Key handling per mode. */
ed_result line_key(editor *ed, ed_key k);
ed_result confirm_key(editor *ed, ed_key k);
ed_result connect_key(editor *ed, ed_key k);
ed_result inspector_key(editor *ed, ed_key k);
ed_result catalog_key(editor *ed, ed_key k);
ed_result stdform_key(editor *ed, ed_key k);
ed_result picker_key(editor *ed, ed_key k);
ed_result problems_key(editor *ed, ed_key k);
/* o / t on a merge-conflict finding (conflicts.c). */
bool conflicts_problems_key(editor *ed, ed_key k, ed_result *r);
ed_result help_key(editor *ed, ed_key k);
/* The time analysis panel (timepanel.c). */
ed_result timepanel_key(editor *ed, ed_key k);
size_t timepanel_count(editor *ed);
void timepanel_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
ed_result ecmd_time(editor *ed, const ed_args *a);
void history_free(ed_history *h);
void completion_reset(editor *ed);

/* Panels: item counts and text per mode. */
size_t inspector_count(editor *ed);
void inspector_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
size_t stdform_count(editor *ed);
void stdform_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
void stdform_detail(editor *ed, size_t k, size_t width, sbp_buf *out);
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
CMD(ecmd_left); CMD(ecmd_right); CMD(ecmd_up); CMD(ecmd_down);
CMD(ecmd_first_col); CMD(ecmd_last_col); CMD(ecmd_first_lane); CMD(ecmd_last_lane);
CMD(ecmd_page_up); CMD(ecmd_page_down);
CMD(ecmd_goto); CMD(ecmd_next); CMD(ecmd_prev); CMD(ecmd_search);
CMD(ecmd_add); CMD(ecmd_text); CMD(ecmd_delete); CMD(ecmd_notes);
CMD(ecmd_duration); CMD(ecmd_encounter);
CMD(ecmd_move_left); CMD(ecmd_move_right); CMD(ecmd_move_up); CMD(ecmd_move_down);
CMD(ecmd_fail); CMD(ecmd_severity); CMD(ecmd_recovery);
CMD(ecmd_wait); CMD(ecmd_expected); CMD(ecmd_tolerable);
CMD(ecmd_std); CMD(ecmd_unstd); CMD(ecmd_attach);
CMD(ecmd_flow); CMD(ecmd_unflow); CMD(ecmd_connect);
CMD(ecmd_column); CMD(ecmd_colname); CMD(ecmd_phase); CMD(ecmd_phasename); CMD(ecmd_colmove);
CMD(ecmd_coldelete); CMD(ecmd_lane); CMD(ecmd_lanename); CMD(ecmd_lanemove);
CMD(ecmd_lanedelete); CMD(ecmd_title); CMD(ecmd_description);
CMD(ecmd_stdadd); CMD(ecmd_stdset); CMD(ecmd_stddelete);
CMD(ecmd_undo); CMD(ecmd_redo);
CMD(ecmd_write); CMD(ecmd_saveas); CMD(ecmd_wq); CMD(ecmd_quit); CMD(ecmd_export);
CMD(ecmd_inspect); CMD(ecmd_catalog); CMD(ecmd_problems); CMD(ecmd_resolve); CMD(ecmd_help);
CMD(ecmd_cmdline);
CMD(ecmd_zoom); CMD(ecmd_detail); CMD(ecmd_flows); CMD(ecmd_hints);
CMD(ecmd_journey_next); CMD(ecmd_journey_prev); CMD(ecmd_message);
CMD(ecmd_copy); CMD(ecmd_paste); CMD(ecmd_duplicate); CMD(ecmd_raise);
CMD(ecmd_lower); CMD(ecmd_rename); CMD(ecmd_quick_column);
CMD(ecmd_search_next); CMD(ecmd_search_prev); CMD(ecmd_fix); CMD(ecmd_x);
#undef CMD

/* Quick entry (cmd_entry.c): where the prompt goes after a card. */
typedef enum quick_move { QUICK_NEXT_COL, QUICK_NEXT_LANE } quick_move;
ed_result quick_start(editor *ed);
ed_result quick_end(editor *ed);
ed_result quick_submit(editor *ed, const char *text, quick_move how);
/* Picking a flow's target (c): the selection moved to it (cmd_move.c). */
ed_result connect_picked(editor *ed);
/* Keys of a form's or the quick entry's prompt beyond the line editor's. */
bool prompt_special_key(editor *ed, ed_key k, bool in_form, ed_result *r);
ed_result ecmd_colname_key(editor *ed);
void clip_free(editor *ed);
const ed_command *ed_command_row(const char *name);

/* Changes between the saved state and the current one, as undo and redo
 * count them (edits undone again do not count). */
size_t ed_net_changes(const editor *ed);
/* Remember what an undo or redo changes, to select it (live.c calls). */
void ed_note_touched(editor *ed, const edit_event *ev);
/* Binding tables of the panels (bindings.c): keys in editor_feed
 * notation, the function they run (NULL: a row that only documents), the
 * words of the panel's hint (NULL: none) and the help line. */
typedef struct ed_binding {
	const char *keys;
	ed_result (*fn)(editor *ed, ed_key k);
	const char *hint;
	const char *help;
} ed_binding;
extern const ed_binding catalog_bindings[], stdform_bindings[], picker_bindings[],
	problems_bindings[], form_bindings[], connect_bindings[], help_bindings[],
	time_bindings[];
bool bindings_run(editor *ed, const ed_binding *t, ed_key k, ed_result *r);
/* The hint of a table into out (scratch); returns out->data. */
const char *bindings_hint(const ed_binding *t, sbp_buf *out);
size_t bindings_help_count(void);
void bindings_help_item(size_t i, size_t width, sbp_buf *out, ed_style *st);
ed_result bind_undo(editor *ed, ed_key k);
ed_result bind_redo(editor *ed, ed_key k);
ed_result bind_cmdline(editor *ed, ed_key k);
ed_result bind_close(editor *ed, ed_key k);
#define LIST_KEYS "j k <Down> <Up> <PageDown> <PageUp> <Space> g G <Home> <End>"

/* Minutes from text (empty: NAN), at most lim.max_minutes; false with
 * *r the error. */
bool ed_minutes_arg(editor *ed, const char *s, double *v, ed_result *r);
/* Is m the mode just under the current one? */
bool ed_under(const editor *ed, ed_mode m);
/* "Usage: :name ARGS", from the command table's row. */
ed_result ed_usage(editor *ed, const char *name);
/* A step id from text, cut at a word boundary; text without Latin
 * letters or digits gets LANE-N from the lane's id. Caller frees. */
char *ed_slug_id_in(const sbp_blueprint *bp, char kind, const char *text,
		    const sbp_lane *lane);

/* Set one field of a standard through an undoable update. */
bool std_set_field(editor *ed, sbp_standard *s, const char *field,
		   const char *value);
/* The i-th field :stdset and the catalog's form change (the field
 * table's standard rows but the fixed ones), NULL past the last. */
const struct sbp_field *std_field(size_t i);

/* Does a key notation list ("j <Down>") contain k? (keys.c) */
bool keys_contain(const char *keys, ed_key k);

/* The markers of a card: standards, '!' or '*' (a fix), F, W (vm_frame.c). */
void card_markers(const sbp_step *s, char m[4]);

#endif
