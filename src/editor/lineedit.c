/* The one-line editor of the `:` line and prompts: UTF-8 text, motion by
 * character (a base with its combining marks), a view by display width. */
#include <stdlib.h>
#include <string.h>

#include "sbp/lineedit.h"
#include "sbp/utf8.h"

/* An empty line. */
void lineedit_init(lineedit *le)
{
	buf_init(&le->text);
	buf_add(&le->text, "", 0); /* data is never NULL */
	le->cur = 0;
	le->scroll = 0;
}

/* Free the line's text. */
void lineedit_free(lineedit *le)
{
	buf_free(&le->text);
}

/* Replace the text and put the cursor at the end. */
void lineedit_set(lineedit *le, const char *s)
{
	buf_reset(&le->text);
	if (s)
		buf_puts(&le->text, s);
	le->cur = le->text.len;
	le->scroll = 0;
}

/* Insert bytes at the cursor. */
static void insert_bytes(lineedit *le, const char *s, size_t n)
{
	sbp_buf *t = &le->text;
	buf_add(t, s, n); /* grow; then shift the tail */
	memmove(t->data + le->cur + n, t->data + le->cur, t->len - n - le->cur);
	memcpy(t->data + le->cur, s, n);
	le->cur += n;
}

/* Insert one code point, refusing unsafe ones. */
bool lineedit_insert(lineedit *le, uint32_t cp)
{
	if (cp_is_unsafe(cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	sbp_buf b;
	buf_init(&b);
	utf8_encode(&b, cp);
	insert_bytes(le, b.data, b.len);
	buf_free(&b);
	return true;
}

/* Insert a string, dropping its unsafe characters. */
void lineedit_insert_str(lineedit *le, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		lineedit_insert(le, cp);
		i += n;
	}
}

/* Code point at byte offset i, and its length. */
static size_t cp_at(const lineedit *le, size_t i, uint32_t *cp)
{
	return utf8_decode(le->text.data + i, le->text.len - i, cp);
}

/* Byte offset of the character (base plus marks) after offset i. */
static size_t next_char(const lineedit *le, size_t i)
{
	uint32_t cp;
	if (i >= le->text.len)
		return le->text.len;
	i += cp_at(le, i, &cp);
	while (i < le->text.len) {
		size_t n = cp_at(le, i, &cp);
		if (cp_width(cp) != 0 || cp_is_unsafe(cp))
			break;
		i += n;
	}
	return i;
}

/* Byte offset of the character before offset i. */
static size_t prev_char(const lineedit *le, size_t i)
{
	size_t p = 0, q = 0;
	/* walk from the start: robust on any byte sequence */
	while (q < i) {
		p = q;
		q = next_char(le, q);
	}
	return p;
}

/* Delete the character before the cursor. */
bool lineedit_backspace(lineedit *le)
{
	if (le->cur == 0)
		return false;
	size_t p = prev_char(le, le->cur);
	sbp_buf *t = &le->text;
	memmove(t->data + p, t->data + le->cur, t->len - le->cur + 1);
	t->len -= le->cur - p;
	le->cur = p;
	return true;
}

/* Delete the character under the cursor. */
bool lineedit_delete(lineedit *le)
{
	if (le->cur >= le->text.len)
		return false;
	size_t n = next_char(le, le->cur);
	sbp_buf *t = &le->text;
	memmove(t->data + le->cur, t->data + n, t->len - n + 1);
	t->len -= n - le->cur;
	return true;
}

/* Move the cursor one character left. */
bool lineedit_left(lineedit *le)
{
	if (le->cur == 0)
		return false;
	le->cur = prev_char(le, le->cur);
	return true;
}

/* Move the cursor one character right. */
bool lineedit_right(lineedit *le)
{
	if (le->cur >= le->text.len)
		return false;
	le->cur = next_char(le, le->cur);
	return true;
}

/* Cursor to the start. */
void lineedit_home(lineedit *le)
{
	le->cur = 0;
}

/* Cursor to the end. */
void lineedit_end(lineedit *le)
{
	le->cur = le->text.len;
}

/* Delete from the start to the cursor. */
void lineedit_kill_start(lineedit *le)
{
	sbp_buf *t = &le->text;
	memmove(t->data, t->data + le->cur, t->len - le->cur + 1);
	t->len -= le->cur;
	le->cur = 0;
}

/* Delete from the cursor to the end. */
void lineedit_kill_end(lineedit *le)
{
	le->text.len = le->cur;
	le->text.data[le->cur] = '\0';
}

/* Delete the word before the cursor (and the blanks after it). */
void lineedit_kill_word(lineedit *le)
{
	size_t end = le->cur;
	while (le->cur > 0 && le->text.data[le->cur - 1] == ' ')
		le->cur--;
	while (le->cur > 0 && le->text.data[le->cur - 1] != ' ')
		le->cur = prev_char(le, le->cur);
	sbp_buf *t = &le->text;
	memmove(t->data + le->cur, t->data + end, t->len - end + 1);
	t->len -= end - le->cur;
}

/* Display columns of the text before the cursor. */
size_t lineedit_cursor_col(const lineedit *le)
{
	return utf8_width(le->text.data, le->cur);
}

/* The visible slice of the line and the cursor's column in it. */
void lineedit_view(lineedit *le, size_t width, sbp_buf *out, size_t *cursor_x)
{
	if (width < 2)
		width = 2;
	size_t cx = lineedit_cursor_col(le);
	if (cx < le->scroll)
		le->scroll = cx > width / 2 ? cx - width / 2 : 0;
	if (cx >= le->scroll + width)
		le->scroll = cx - width + 1 + width / 4;
	if (le->scroll > cx)
		le->scroll = cx;
	/* skip whole characters until the scroll column */
	size_t i = 0, col = 0;
	while (i < le->text.len && col < le->scroll) {
		size_t n = next_char(le, i);
		col += utf8_width(le->text.data + i, n - i);
		i = n;
	}
	size_t start_col = col;
	size_t j = i, w = 0;
	while (j < le->text.len) {
		size_t n = next_char(le, j);
		size_t cw = utf8_width(le->text.data + j, n - j);
		if (w + cw > width)
			break;
		w += cw;
		j = n;
	}
	sanitize(out, le->text.data + i, j - i);
	*cursor_x = cx >= start_col ? cx - start_col : 0;
	if (*cursor_x > width - 1)
		*cursor_x = width - 1;
}
