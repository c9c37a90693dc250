/* The JSON writer (RFC 8259): a document tree as compact or indented
 * JSON, with numbers and YAML bool/null words typed where they can be. */
#include <stdint.h>
#include <string.h>

#include "sbp/io.h"
#include "sbp/utf8.h"

/* Is s a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool json_is_number(const char *s)
{
	size_t i = 0;

	if (s[i] == '-')
		i++;
	if (s[i] == '0')
		i++;
	else if (s[i] >= '1' && s[i] <= '9')
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return false;
	if (s[i] == '.') {
		if (!(s[++i] >= '0' && s[i] <= '9'))
			return false;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		if (s[i] == '+' || s[i] == '-')
			i++;
		if (!(s[i] >= '0' && s[i] <= '9'))
			return false;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return s[i] == '\0';
}

/* Is s one of the words in list (NULL-terminated)? */
static bool word_in(const char *s, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* The JSON literal a plain YAML word stands for, or NULL. */
static const char *json_yaml_word(const char *s)
{
	static const char *const yes[] = {
		"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON",
		"y", "Y", NULL,
	};
	static const char *const no[] = {
		"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF",
		"n", "N", NULL,
	};
	static const char *const null[] = { "", "~", "null", "Null", "NULL", NULL };

	if (word_in(s, yes))
		return "true";
	if (word_in(s, no))
		return "false";
	if (word_in(s, null))
		return "null";
	return NULL;
}

/* Append s as a JSON string: quotes, backslashes, control characters
 * and U+2028/U+2029 escaped; bytes that are not UTF-8 become \uFFFD. */
static void json_put_string(sbp_buf *out, const char *s)
{
	size_t len = strlen(s);

	buf_putc(out, '"');
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t k;

		if (c < 0x80) {
			if (c == '"' || c == '\\') {
				buf_putc(out, '\\');
				buf_putc(out, (char)c);
			} else if (c < 0x20 || c == 0x7F) {
				buf_printf(out, "\\u%04X", c);
			} else {
				buf_putc(out, (char)c);
			}
			i++;
			continue;
		}
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		if ((cp == 0xFFFD && k < 3) || (cp >= 0xD800 && cp <= 0xDFFF) ||
		    cp > 0x10FFFF)
			buf_puts(out, "\\uFFFD");
		else if (cp == 0x2028 || cp == 0x2029)
			buf_printf(out, "\\u%04X", (unsigned)cp);
		else
			buf_add(out, s + i, k);
		i += k;
	}
	buf_putc(out, '"');
}

/* Append a scalar node as a JSON value. */
static void json_put_scalar(const sbp_node *n, sbp_buf *out)
{
	const char *t = n->text ? n->text : "";
	const char *word;

	switch (n->kind) {
	case NODE_NULL:
		buf_puts(out, "null");
		break;
	case NODE_BOOL:
		buf_puts(out, strcmp(t, "true") == 0 ? "true" : "false");
		break;
	case NODE_NUM:
		if (json_is_number(t))
			buf_puts(out, t);
		else
			json_put_string(out, t);
		break;
	case NODE_RAW:
		if (json_is_number(t))
			buf_puts(out, t);
		else if ((word = json_yaml_word(t)) != NULL)
			buf_puts(out, word);
		else
			json_put_string(out, t);
		break;
	default:
		json_put_string(out, t);
		break;
	}
}

/* Append a new line and indent for depth when pretty. */
static void json_newline(sbp_buf *out, bool pretty, int depth)
{
	if (!pretty)
		return;
	buf_putc(out, '\n');
	for (int i = 0; i < depth; i++)
		buf_puts(out, "  ");
}

/* Append n as JSON at nesting depth. */
static void json_put_node(const sbp_node *n, sbp_buf *out, bool pretty,
			  int depth)
{
	bool map = n->kind == NODE_MAP;

	if (n->kind != NODE_MAP && n->kind != NODE_SEQ) {
		json_put_scalar(n, out);
		return;
	}
	buf_putc(out, map ? '{' : '[');
	for (size_t i = 0; i < n->n; i++) {
		if (i > 0)
			buf_putc(out, ',');
		json_newline(out, pretty, depth + 1);
		if (map) {
			json_put_string(out, n->keys[i]);
			buf_puts(out, pretty ? ": " : ":");
		}
		json_put_node(n->items[i], out, pretty, depth + 1);
	}
	if (n->n > 0)
		json_newline(out, pretty, depth);
	buf_putc(out, map ? '}' : ']');
}

/* Append doc as JSON (2-space indents when pretty) and a final newline. */
void json_emit(const sbp_node *doc, sbp_buf *out, bool pretty)
{
	if (doc)
		json_put_node(doc, out, pretty, 0);
	else
		buf_puts(out, "null");
	buf_putc(out, '\n');
}
