/* UTF-8 decoding, display width and the terminal-safety sanitizer. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "sbp/utf8.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t n;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len < n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return n;
}

void utf8_encode(sbp_buf *out, uint32_t cp)
{
	char b[4];
	if (cp < 0x80) {
		buf_putc(out, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 4);
	}
}

bool utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

bool cp_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;
	/* Invisible characters (Unicode Default_Ignorable_Code_Point, less the
	 * variation selectors that emoji need), and the blank braille cell. */
	if ((cp >= 0x115F && cp <= 0x1160) || (cp >= 0x17B4 && cp <= 0x17B5) ||
	    (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x206A && cp <= 0x206F) ||
	    (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||
	    (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE00FF) ||
	    (cp >= 0xE01F0 && cp <= 0xE0FFF))
		return true;
	switch (cp) {
	case 0x00AD: /* soft hyphen */
	case 0x034F: /* combining grapheme joiner */
	case 0x2800: /* braille blank */
	case 0x3164: /* Hangul filler */
	case 0xFFA0: /* halfwidth Hangul filler */
	case 0x061C: /* Arabic letter mark */
	case 0x180E: /* Mongolian vowel separator */
	case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
	case 0x2028: case 0x2029:
	case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:
	case 0xFEFF:
		return true;
	}
	if (cp >= 0x202A && cp <= 0x202E)
		return true;
	if (cp >= 0x2066 && cp <= 0x2069)
		return true;
	if (cp >= 0xFFF9 && cp <= 0xFFFB) /* interlinear annotation */
		return true;
	if (cp >= 0xE0000 && cp <= 0xE007F) /* tag characters */
		return true;
	return false;
}

struct range {
	uint32_t lo, hi;
};

/* Combining marks (zero width), the common blocks. */
static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x0900, 0x0902}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},
	{0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A},
	{0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0x1F3FB, 0x1F3FF}, {0xE0100, 0xE01EF},
};

/* Wide (two-column) characters: East Asian Wide/Fullwidth and emoji. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
	{0x17000, 0x18AFF}, {0x1B000, 0x1B16F}, {0x1F004, 0x1F004},
	{0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
	{0x1F200, 0x1F251}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
	{0x1F3F8, 0x1F3FA}, {0x1F400, 0x1F43E}, {0x1F440, 0x1F440},
	{0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
	{0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
	{0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5},
	{0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7},
	{0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
	{0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF},
	{0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static bool in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof *wide))
		return 2;
	return 1;
}

/* The visible escape for an unsafe character (or an invalid byte). */
static void put_escape(sbp_buf *out, uint32_t cp, unsigned char byte, bool invalid)
{
	if (invalid) {
		buf_printf(out, "\\x%02X", byte);
		return;
	}
	switch (cp) {
	case '\t': buf_puts(out, "\\t"); return;
	case '\n': buf_puts(out, "\\n"); return;
	case '\r': buf_puts(out, "\\r"); return;
	}
	if (cp < 0x100)
		buf_printf(out, "\\x%02X", (unsigned)cp);
	else
		buf_printf(out, "\\u{%04X}", (unsigned)cp);
}

/* Width of the escape put_escape writes. */
static size_t escape_width(uint32_t cp, bool invalid)
{
	if (invalid)
		return 4;
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return 2;
	if (cp < 0x100)
		return 4;
	return cp > 0xFFFF ? 9 : 8;
}

size_t utf8_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) { /* printable ASCII: one column */
			w++;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		bool invalid = cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80;
		if (invalid || cp_is_unsafe(cp))
			w += escape_width(cp, invalid);
		else
			w += (size_t)cp_width(cp);
		i += n;
	}
	return w;
}

void sanitize(sbp_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		bool invalid = cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80;
		if (invalid || cp_is_unsafe(cp))
			put_escape(out, cp, (unsigned char)s[i], invalid);
		else
			buf_add(out, s + i, n);
		i += n;
	}
}

size_t sanitize_fit(sbp_buf *out, const char *s, size_t len, size_t maxw)
{
	if (utf8_width(s, len) <= maxw) {
		sanitize(out, s, len);
		return utf8_width(s, len);
	}
	if (maxw == 0)
		return 0;
	/* Keep characters while they and the ellipsis fit in maxw. */
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		bool invalid = cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80;
		size_t cw = (invalid || cp_is_unsafe(cp)) ? escape_width(cp, invalid)
							  : (size_t)cp_width(cp);
		/* a combining mark follows its base: take it when the base was */
		if (cw == 0 && i > 0) {
			buf_add(out, s + i, n);
			i += n;
			continue;
		}
		if (w + cw + 1 > maxw)
			break;
		if (invalid || cp_is_unsafe(cp))
			put_escape(out, cp, (unsigned char)s[i], invalid);
		else
			buf_add(out, s + i, n);
		w += cw;
		i += n;
	}
	buf_puts(out, "\xE2\x80\xA6");
	return w + 1;
}
