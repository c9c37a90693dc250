/* Escaping of text from the file for every export format: XML and HTML,
 * Markdown, CSV (with formula-injection guard), DOT and Mermaid strings.
 * Every escaper first makes unsafe characters visible (esc_clean). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export_internal.h"
#include "sbp/csv_tables.h"

/* Is the code point of n bytes at s shown as an escape? */
static bool is_unsafe_at(const char *s, size_t n, uint32_t cp)
{
	if (cp == 0xFFFD && n == 1 && (unsigned char)s[0] >= 0x80)
		return true; /* invalid byte */
	return cp_is_unsafe(cp);
}

/* Make unsafe characters visible; s itself when there are none. */
const char *esc_clean(sbp_buf *tmp, const char *s, size_t len, size_t *n, bool keep_nl)
{
	size_t i = 0;

	/* fast path: printable ASCII and safe UTF-8 */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (keep_nl && (c == '\n' || c == '\t')) {
			i++;
			continue;
		}
		if (c < 0x80)
			break;
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (is_unsafe_at(s + i, k, cp))
			break;
		i += k;
	}
	if (i == len) {
		*n = len;
		return s ? s : ""; /* an empty buffer's NULL data (drawio's tooltip) */
	}
	buf_reset(tmp);
	buf_add(tmp, s, i);
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if ((cp == '\n' || cp == '\t') && k == 1)
			buf_putc(tmp, keep_nl ? (char)cp : ' ');
		else if (is_unsafe_at(s + i, k, cp))
			sanitize(tmp, s + i, k);
		else
			buf_add(tmp, s + i, k);
		i += k;
	}
	*n = tmp->len;
	return tmp->data;
}

/* XML character data or attribute value. */
void esc_xml(sbp_buf *out, const char *s, size_t len, bool attr)
{
	sbp_buf tmp;
	size_t n, start = 0;

	if (len == 0) /* also an empty buffer, whose data is NULL */
		return;
	buf_init(&tmp);
	s = esc_clean(&tmp, s, len, &n, true);
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\'': rep = attr ? "&#39;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		default: break;
		}
		if (rep) {
			buf_add(out, s + start, i - start);
			buf_puts(out, rep);
			start = i + 1;
		}
	}
	buf_add(out, s + start, n - start);
	buf_free(&tmp);
}

/* esc_xml of a NUL-terminated string; NULL writes nothing. */
void esc_xml_str(sbp_buf *out, const char *s, bool attr)
{
	if (s)
		esc_xml(out, s, strlen(s), attr);
}

/* A layout line as XML text, with its ellipsis. */
void esc_xml_line(sbp_buf *out, const lay_text *t)
{
	esc_xml(out, t->s, t->len, false);
	if (t->ellipsis)
		buf_puts(out, "\xE2\x80\xA6");
	else if (t->space)
		buf_putc(out, ' '); /* joined lines keep their words apart */
}

/* Markdown inline text or table cell. */
void esc_md(sbp_buf *out, const char *s)
{
	sbp_buf tmp;
	size_t n;

	if (!s)
		return;
	buf_init(&tmp);
	s = esc_clean(&tmp, s, strlen(s), &n, true);
	if (n && strchr("-+=", s[0]))
		buf_putc(out, '\\'); /* not a list item or heading underline */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		switch (c) {
		case '\n': buf_puts(out, "<br>"); break;
		case '\t': buf_putc(out, ' '); break;
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '\\': case '|': case '*': case '_': case '`': case '[':
		case ']': case '#': case '~': case '$': case '!': case '{':
		case '}':
			buf_putc(out, '\\');
			buf_putc(out, c);
			break;
		default: buf_putc(out, c); break;
		}
	}
	buf_free(&tmp);
}

/* One CSV field, quoted when needed, formula starts neutralised. The text
 * is kept exactly (sbp import -f csv reads it back): a CSV file is data
 * for spreadsheets, never shown raw on a terminal. */
void esc_csv(sbp_buf *out, const char *s)
{
	bool quote = false;

	if (!s)
		return;
	size_t n = strlen(s);
	bool formula = csv_needs_guard(s);
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r' || s[i] == ';' ||
			s[i] == '\t';
	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		quote = true;
	if (quote || formula)
		buf_putc(out, '"');
	if (formula)
		buf_putc(out, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_putc(out, '"');
		if (s[i] == '\n')
			buf_puts(out, "\r\n"); /* line breaks inside a field: CRLF too */
		else
			buf_putc(out, s[i]);
	}
	if (quote || formula)
		buf_putc(out, '"');
}

/* The inside of a DOT double-quoted string. */
void esc_dot(sbp_buf *out, const char *s)
{
	sbp_buf tmp;
	size_t n;

	if (!s)
		return;
	buf_init(&tmp);
	s = esc_clean(&tmp, s, strlen(s), &n, true);
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\t': buf_putc(out, ' '); break;
		default: buf_putc(out, s[i]); break;
		}
	}
	buf_free(&tmp);
}

/* The inside of a Mermaid double-quoted label. */
void esc_mermaid(sbp_buf *out, const char *s)
{
	sbp_buf tmp;
	size_t n;

	if (!s)
		return;
	buf_init(&tmp);
	s = esc_clean(&tmp, s, strlen(s), &n, false);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* Mermaid's entity codes (#quot; #35; ...) for anything its
		 * parser or the HTML label could take for syntax */
		switch (c) {
		case '"': buf_puts(out, "#quot;"); break;
		case '&': buf_puts(out, "#amp;"); break;
		case '<': buf_puts(out, "#lt;"); break;
		case '>': buf_puts(out, "#gt;"); break;
		case '#': case '|': case '`': case '%': case ';': case '\\':
		case '{': case '}': case '[': case ']': case '(': case ')':
		case '*': case '_': case '~':
			buf_printf(out, "#%d;", c);
			break;
		default: buf_putc(out, (char)c); break;
		}
	}
	buf_free(&tmp);
}

/* A number for a table cell, or an empty string when absent. */
const char *export_num(double v, char buf[32])
{
	if (isnan(v)) {
		buf[0] = '\0';
		return buf;
	}
	fmt_number(v, buf);
	return buf;
}

/* Attainment of the goal, 0..1, capped at 1; NAN when unmeasured. */
double export_attainment(const sbp_standard *s)
{
	if (isnan(s->goal) || isnan(s->actual))
		return NAN;
	if (!standard_below_goal(s))
		return 1;
	if (s->better == BETTER_LOWER)
		return s->actual > 0 ? s->goal / s->actual : 0;
	return s->goal > 0 ? (s->actual > 0 ? s->actual / s->goal : 0) : 0;
}
