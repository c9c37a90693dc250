/* A one-line text editor for the command line and prompts: UTF-8 text,
 * a cursor that moves by character (a base and its combining marks), and
 * a view that scrolls by display width. No curses. */
#ifndef SBP_LINEEDIT_H
#define SBP_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbp/util.h"

typedef struct lineedit {
	sbp_buf text;  /* the line, UTF-8 */
	size_t cur;    /* cursor, a byte offset on a character boundary */
	size_t scroll; /* display column of the first column shown */
} lineedit;

void lineedit_init(lineedit *le);
void lineedit_free(lineedit *le);
/* Replace the text (NULL = empty) and put the cursor at its end. */
void lineedit_set(lineedit *le, const char *s);
/* Insert one code point at the cursor. Unsafe characters (controls,
 * bidi controls...) are refused: false. */
bool lineedit_insert(lineedit *le, uint32_t cp);
/* Insert a UTF-8 string (its unsafe characters are dropped). */
void lineedit_insert_str(lineedit *le, const char *s);
/* Editing and motion; each returns false when nothing changed. */
bool lineedit_backspace(lineedit *le);
bool lineedit_delete(lineedit *le);
bool lineedit_left(lineedit *le);
bool lineedit_right(lineedit *le);
void lineedit_home(lineedit *le);
void lineedit_end(lineedit *le);
void lineedit_kill_start(lineedit *le); /* Ctrl-U */
void lineedit_kill_end(lineedit *le);   /* Ctrl-K */
void lineedit_kill_word(lineedit *le);  /* Ctrl-W */
/* Display column of the cursor from the start of the text. */
size_t lineedit_cursor_col(const lineedit *le);
/* The part of the line to show in width columns (sanitized), and the
 * cursor's column in it; adjusts the scroll so the cursor shows. */
void lineedit_view(lineedit *le, size_t width, sbp_buf *out, size_t *cursor_x);

#endif
