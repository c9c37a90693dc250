/* YAML scalars: deciding whether a string can be written plain so that
 * every YAML 1.1 and 1.2 reader gets the same string back, and writing it
 * plain, single-quoted or double-quoted with escapes. */
#include <stdint.h>
#include <string.h>

#include "sbp/io.h"
#include "sbp/utf8.h"

/* Null and bool words of YAML 1.1 and 1.2 (compared ignoring case), by
 * length; the one-character words are ONE_CHAR_WORDS. */
#define ONE_CHAR_WORDS "~yn="
static const char *const typed_words[][3] = {
	[2] = {"no", "on", "<<"},
	[3] = {"yes", "off", NULL},
	[4] = {"null", "true", NULL},
	[5] = {"false", NULL, NULL},
};
/* The longest of them. */
#define TYPED_WORD_MAX 5

/* Characters of numbers, timestamps and sexagesimals in 1.1 and 1.2. */
static const char number_chars[] = "0123456789_.:+-eExXoObBaAcCdDfF";

/* Is c an ASCII digit? */
static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is s (len bytes) equal to word, ignoring ASCII case? */
static bool word_equal(const char *s, size_t len, const char *word)
{
	if (strlen(word) != len)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

/* Could s be an int, float, sexagesimal or timestamp for some reader?
 * Every such form starts with [+-]?[0-9.] and uses only number_chars
 * (letters come after "0x", "0o", "0b" or in exponents); the YAML 1.1
 * float pattern even takes "." and "+." and one reader takes "e5". */
static bool looks_numeric(const char *s, size_t len)
{
	size_t i, start = (s[0] == '+' || s[0] == '-') ? 1 : 0;

	if (len >= 5 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '-')
		return true; /* a timestamp, whatever follows */
	if (start >= len)
		return false;
	if (s[start] == 'e' || s[start] == 'E') {
		i = start + 1;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i == len)
			return false;
		while (i < len && is_digit(s[i]))
			i++;
		return i == len;
	}
	if (!is_digit(s[start]) && s[start] != '.')
		return false;
	if (s[start] == '.' && (word_equal(s + start + 1, len - start - 1, "inf") ||
				word_equal(s + start + 1, len - start - 1, "nan")))
		return true;
	for (i = start; i < len; i++)
		if (!s[i] || !strchr(number_chars, s[i]))
			return false;
	return true;
}

/* Is s (1 to TYPED_WORD_MAX bytes) one of the typed words? */
static bool typed_word(const char *s, size_t len)
{
	char low[TYPED_WORD_MAX];
	for (size_t i = 0; i < len; i++)
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	if (len == 1)
		return strchr(ONE_CHAR_WORDS, low[0]) != NULL;
	for (size_t i = 0; i < 3 && typed_words[len][i]; i++)
		if (memcmp(low, typed_words[len][i], len) == 0)
			return true;
	return false;
}

/* Would a YAML 1.1 or 1.2 reader take plain s for a non-string? */
bool yaml_looks_typed(const char *s, size_t len)
{
	if (len == 0)
		return true;
	if (len <= TYPED_WORD_MAX && typed_word(s, len))
		return true;
	return looks_numeric(s, len);
}

/* Must cp be written as an escape (not printable, a line break, or an
 * invisible character that could hide text)? Tab included. */
static bool cp_needs_escape(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return true;
	if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
		return true;
	if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
	    (cp >= 0x2060 && cp <= 0x2069))
		return true;
	return cp > 0x10FFFF;
}

/* Decode the character at s (len > 0 bytes) into *cp; returns its length
 * and sets *bad when it is not well-formed UTF-8 (then *cp is 0). */
static size_t next_char(const char *s, size_t len, uint32_t *cp, bool *bad)
{
	size_t k;

	*bad = false;
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	k = utf8_decode(s, len, cp);
	if ((*cp == 0xFFFD && k < 3) || (*cp >= 0xD800 && *cp <= 0xDFFF) ||
	    *cp > 0x10FFFF) {
		*bad = true;
		*cp = 0;
	}
	return k ? k : 1;
}

/* Does s hold a character that only a double-quoted scalar can carry? */
static bool needs_double(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool bad;

		i += next_char(s + i, len - i, &cp, &bad);
		if (bad || cp_needs_escape(cp))
			return true;
	}
	return false;
}

/* Printable ASCII characters that plain text must look at twice. */
static const bool plain_special[128] = {
	[':'] = true, ['#'] = true, [','] = true, ['?'] = true,
	['['] = true, [']'] = true, ['{'] = true, ['}'] = true,
};

/* Can s be written plain and read back as the same string? */
bool yaml_plain_ok(const char *s, size_t len, bool flow)
{
	static const char first_bad[] = "-?:,[]{}#&*!|>'\"%@` ";

	if (len == 0 || yaml_looks_typed(s, len))
		return false;
	if (memchr(first_bad, s[0], sizeof first_bad - 1))
		return false;
	if (s[len - 1] == ' ' || s[len - 1] == ':')
		return false;
	if (len >= 3 && memcmp(s, "...", 3) == 0)
		return false; /* a document end marker at column 0 */
	bool ascii = true;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			ascii = false;
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			return false; /* needs an escape */
		if (!plain_special[c]) /* most characters */
			continue;
		if (c == ':' && (flow || s[i + 1] == ' '))
			return false; /* old readers refuse "a:b" in flow */
		if (c == '#' && i > 0 && s[i - 1] == ' ')
			return false;
		if (flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' ||
			     c == '}'))
			return false; /* PyYAML ends flow plain scalars at '?' */
	}
	/* Printable ASCII never needs double quotes; other text may. */
	return ascii || !needs_double(s, len);
}

/* Append s single-quoted, doubling each quote. */
static void put_single(sbp_buf *out, const char *s, size_t len)
{
	buf_putc(out, '\'');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\'')
			buf_putc(out, '\'');
		buf_putc(out, s[i]);
	}
	buf_putc(out, '\'');
}

/* Append the escape of code point cp inside a double-quoted scalar. */
static void put_escape(sbp_buf *out, uint32_t cp)
{
	if (cp == '\n')
		buf_puts(out, "\\n");
	else if (cp == '\t')
		buf_puts(out, "\\t");
	else if (cp == 0x85)
		buf_puts(out, "\\N");
	else if (cp == 0x2028)
		buf_puts(out, "\\L");
	else if (cp == 0x2029)
		buf_puts(out, "\\P");
	else if (cp <= 0xFF)
		buf_printf(out, "\\x%02X", (unsigned)cp);
	else if (cp <= 0xFFFF)
		buf_printf(out, "\\u%04X", (unsigned)cp);
	else
		buf_printf(out, "\\U%08X", (unsigned)cp);
}

/* Append s double-quoted with escapes. Bytes that are not UTF-8 become
 * \xNN, which readers take as U+00NN (no YAML string holds such bytes). */
static void put_double(sbp_buf *out, const char *s, size_t len)
{
	buf_putc(out, '"');
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool bad;
		size_t k = next_char(s + i, len - i, &cp, &bad);

		if (bad) {
			for (size_t j = 0; j < k; j++)
				buf_printf(out, "\\x%02X", (unsigned char)s[i + j]);
		} else if (cp == '"' || cp == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)cp);
		} else if (cp_needs_escape(cp)) {
			put_escape(out, cp);
		} else {
			buf_add(out, s + i, k);
		}
		i += k;
	}
	buf_putc(out, '"');
}

/* Append s as a YAML scalar: plain when safe, else quoted. */
void yaml_put_string(sbp_buf *out, const char *s, size_t len, bool flow)
{
	if (yaml_plain_ok(s, len, flow))
		buf_add(out, s, len);
	else if (needs_double(s, len))
		put_double(out, s, len);
	else
		put_single(out, s, len);
}
