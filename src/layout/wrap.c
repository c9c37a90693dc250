/* Text for the layout: the fonts and colours of the poster, the string
 * arena, width estimates by display column, and the line wrapper. */
#include <stdlib.h>
#include <string.h>

#include "sbp/layout.h"
#include "sbp/utf8.h"

/* Sizes in points, line heights, weight and slant. */
const lay_font lay_fonts[LAY_FONT_COUNT] = {
	[LAY_FONT_TITLE] = {18, 22, true, false},
	[LAY_FONT_BODY] = {10, 13, false, false},
	[LAY_FONT_PHASE] = {11, 14, true, false},
	[LAY_FONT_COLUMN] = {9.5, 12, true, false},
	[LAY_FONT_LANE] = {10.5, 13, true, false},
	[LAY_FONT_ZONE] = {8, 10, false, true},
	[LAY_FONT_LINE] = {8, 10, false, true},
	[LAY_FONT_CARD] = {9.5, 12, false, false},
	[LAY_FONT_FOOT] = {7.5, 9.5, false, false},
	[LAY_FONT_FLOW] = {7.5, 9, false, true},
	[LAY_FONT_MARK] = {8.5, 10, true, false},
	[LAY_FONT_CALLOUT] = {8, 10, false, false},
	[LAY_FONT_KEY] = {9, 11.5, false, false},
};

/* The smallest size in lay_fonts. */
double layout_min_font(void)
{
	double m = lay_fonts[0].size;
	for (int f = 1; f < LAY_FONT_COUNT; f++)
		if (lay_fonts[f].size < m)
			m = lay_fonts[f].size;
	return m;
}

/* Advance widths of printable ASCII in thousandths of an em, from DejaVu
 * Sans (regular and bold), one of the widest common sans-serif faces: text
 * measured with them fits in most fonts a viewer may pick instead. */
static const unsigned char ascii_units[2][95] = {
	{32, 40, 46, 84, 64, 95, 78, 28, 39, 39, 50, 84, 32, 36, 32, 34,
	 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53,
	 100, 68, 69, 70, 77, 63, 58, 78, 75, 30, 30, 66, 56, 86, 75, 79,
	 60, 79, 70, 64, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50,
	 50, 61, 64, 55, 64, 62, 35, 64, 63, 28, 28, 58, 28, 97, 63, 61,
	 64, 64, 41, 52, 39, 63, 59, 82, 59, 59, 53, 64, 34, 64, 84},
	{35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37,
	 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
	 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 78, 64, 100, 84, 85,
	 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
	 50, 68, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69,
	 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84},
};

/* How text is measured: display columns (1000 units each), or the
 * advance in thousandths of an em of a regular or bold face. */
enum { METRIC_COLUMNS, METRIC_REGULAR, METRIC_BOLD };

#define RGB(r, g, b, hex) {(r) / 255.0, (g) / 255.0, (b) / 255.0, hex}

const lay_rgb lay_zone_fill[ZONE_COUNT] = {
	RGB(0xF2, 0xEF, 0xE9, "#f2efe9"), /* evidence: paper grey */
	RGB(0xFF, 0xF3, 0xD1, "#fff3d1"), /* customer: warm yellow */
	RGB(0xDF, 0xEE, 0xFB, "#dfeefb"), /* onstage: light blue */
	RGB(0xE3, 0xF2, 0xE1, "#e3f2e1"), /* backstage: light green */
	RGB(0xEE, 0xE6, 0xF5, "#eee6f5"), /* support: lavender */
};
const lay_rgb lay_ink = RGB(0x1F, 0x23, 0x28, "#1f2328");
const lay_rgb lay_grey = RGB(0x59, 0x63, 0x6E, "#59636e");
const lay_rgb lay_line_ink = RGB(0x44, 0x4C, 0x56, "#444c56");
const lay_rgb lay_card_fill = RGB(0xFF, 0xFF, 0xFF, "#ffffff");
const lay_rgb lay_card_edge = RGB(0x8C, 0x95, 0x9F, "#8c959f");
const lay_rgb lay_flag_ink = RGB(0xCF, 0x22, 0x2E, "#cf222e");
const lay_rgb lay_fail_ink = RGB(0xBC, 0x4C, 0x00, "#bc4c00");
const lay_rgb lay_wait_ink = RGB(0x09, 0x69, 0xDA, "#0969da");
const lay_rgb lay_flow_ink = RGB(0x3D, 0x44, 0x4D, "#3d444d");
const lay_rgb lay_phase_fill = RGB(0x42, 0x4A, 0x53, "#424a53");
const lay_rgb lay_column_fill = RGB(0xE6, 0xE9, 0xED, "#e6e9ed");
const lay_rgb lay_head_fill = RGB(0xFF, 0xFF, 0xFF, "#ffffff");
const lay_rgb lay_fix_ink = RGB(0x1A, 0x7F, 0x37, "#1a7f37");
const lay_rgb lay_fail_fill = RGB(0xFF, 0xF1, 0xE5, "#fff1e5");
const lay_rgb lay_wait_fill = RGB(0xDD, 0xF4, 0xFF, "#ddf4ff");
const lay_rgb lay_fix_fill = RGB(0xDA, 0xFB, 0xE1, "#dafbe1");

/* Chunks of text owned by a layout; pointers into them never move. */
struct lay_arena {
	lay_arena *next;
	size_t used, cap;
	char data[];
};

/* Copy s into the arena (never moves, freed with the layout). */
const char *layout_strdup(sbp_layout *lay, const char *s, size_t len)
{
	lay_arena *a = lay->arena;
	if (!a || a->cap - a->used < len + 1) {
		size_t cap = len + 1 > 65536 ? len + 1 : 65536;
		lay_arena *n = xmalloc(sizeof *n + cap);
		n->next = a;
		n->used = 0;
		n->cap = cap;
		lay->arena = a = n;
	}
	char *p = a->data + a->used;
	memcpy(p, s, len);
	p[len] = '\0';
	a->used += len + 1;
	return p;
}

/* Free every chunk of an arena. */
void layout_arena_free(lay_arena *a)
{
	while (a) {
		lay_arena *next = a->next;
		free(a);
		a = next;
	}
}

/* The width of one code point of n bytes at s in units of metric. */
static size_t cp_units(const char *s, size_t n, uint32_t cp, int metric)
{
	bool bold = metric == METRIC_BOLD;
	size_t cols;

	if (cp == '\t')
		cp = ' ';
	if (cp_is_unsafe(cp) || (cp == 0xFFFD && n == 1)) {
		/* drawn as a visible escape such as \u{202E}: ASCII */
		return utf8_width(s, n) * (metric == METRIC_COLUMNS ? 1000 : bold ? 720 : 640);
	}
	cols = (size_t)cp_width(cp);
	if (metric == METRIC_COLUMNS)
		return cols * 1000;
	if (cp >= 0x20 && cp < 0x7F)
		return ascii_units[bold][cp - 0x20] * 10u;
	if (cols == 2)
		return cp >= 0x1F000 ? 1050 : 1000; /* emoji, CJK */
	return cols ? (bold ? 720 : 660) : 0;
}

/* The metric of a font. */
static int font_metric(lay_font_id font)
{
	return lay_fonts[font].bold ? METRIC_BOLD : METRIC_REGULAR;
}

/* Width of s in units of metric. */
static size_t text_units(const char *s, size_t len, int metric)
{
	size_t u = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		u += cp_units(s + i, n, cp, metric);
		i += n;
	}
	return u;
}

/* Estimated width of s in font, in points. */
double layout_text_width(const char *s, size_t len, lay_font_id font)
{
	return (double)text_units(s, len, font_metric(font)) * lay_fonts[font].size / 1000;
}

/* Append one line to lay->lines. */
static void push_line(sbp_layout *lay, const char *s, size_t len, bool ell, bool space)
{
	xgrow(&lay->lines, &lay->lines_cap, lay->nlines + 1, sizeof *lay->lines);
	lay->lines[lay->nlines++] = (lay_text){s, len, ell, space};
}

/* Is cp a space or a tab (a break point)? */
static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* May cp not start a line (kinsoku): closing punctuation, CJK and Latin,
 * stays on the line of the character before it. */
static bool no_line_start(uint32_t cp)
{
	static const uint32_t closing[] = {
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, /* 、。，．：；！？ */
		0xFF09, 0xFF3D, 0xFF5D, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, /* ）］｝」』】〕〉 */
		0x300B, 0x3017, 0x3019, 0x301B, 0x301F, 0x201D, 0x2019, 0x2026, /* 》〗〙〛〟”’… */
		0x2025, 0x30FB, 0x00B7, 0xFF65, ',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
	};
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (cp == closing[i])
			return true;
	return false;
}

/* Find the end of the line that starts at s[pos]: *end is where its text
 * ends (trailing spaces dropped) and the return value is where the next
 * line starts. Breaks at spaces and around wide characters, inside a word
 * only when the word alone is too long, and never before closing
 * punctuation (no line starts with ，。、）」). */
static size_t line_break(const char *s, size_t len, size_t pos,
			 size_t maxw, int metric, size_t *end, bool *forced)
{
	*forced = false;
	size_t i = pos, w = 0, brk = 0, brk_end = 0, open_at = pos;
	bool prev_wide = false;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\n') {
			*end = i;
			return i + 1;
		}
		if (is_space(cp)) {
			size_t e = i;
			while (i < len && (s[i] == ' ' || s[i] == '\t'))
				i++;
			brk = i;
			brk_end = e;
			w += cp_units(" ", 1, ' ', metric);
			prev_wide = false;
			continue;
		}
		size_t cw = cp_units(s + i, n, cp, metric);
		int cols = cp_is_unsafe(cp) ? 1 : cp_width(cp);
		bool wide = cols == 2;
		bool closing = no_line_start(cp);
		if (i > pos && cols > 0 && (wide || prev_wide) && !closing) {
			brk = i; /* before a wide character or after one */
			brk_end = i;
		}
		if (w + cw > maxw && i > pos) {
			if (brk > pos) {
				*end = brk_end;
				return brk;
			}
			if (closing && open_at > pos)
				i = open_at; /* the last character that is no closing
					      * mark goes down with the marks after it */
			*end = i;
			*forced = true; /* inside a word */
			return i;
		}
		w += cw;
		if (cols > 0)
			prev_wide = wide;
		if (!closing)
			open_at = i;
		i += n;
	}
	*end = i;
	return i;
}

/* Skip spaces and tabs from pos. */
static size_t skip_spaces(const char *s, size_t len, size_t pos)
{
	while (pos < len && (s[pos] == ' ' || s[pos] == '\t'))
		pos++;
	return pos;
}

/* Wrap s into lines of at most maxw units of metric; see layout_wrap.
 * *cut is set when text was left out or a word broken. */
static size_t wrap_units(sbp_layout *lay, const char *s, size_t len, size_t maxw,
			 int metric, size_t maxlines, bool *cut)
{
	size_t pos = skip_spaces(s, len, 0), n = 0, end;
	bool forced;
	size_t ell = cp_units("\xE2\x80\xA6", 3, 0x2026, metric);

	if (metric != METRIC_COLUMNS)
		ell = 1000; /* the ellipsis is one em wide */
	if (maxw < 2 * ell)
		maxw = 2 * ell;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
			   s[len - 1] == '\n'))
		len--;
	while (pos < len) {
		size_t next = line_break(s, len, pos, maxw, metric, &end, &forced);
		if (maxlines && n + 1 == maxlines && next < len) {
			/* the last line we may use: cut it to leave room for … */
			line_break(s, len, pos, maxw - ell, metric, &end, &forced);
			while (end > pos && (s[end - 1] == ' ' || s[end - 1] == '\t'))
				end--;
			push_line(lay, s + pos, end - pos, true, false);
			*cut = true;
			return n + 1;
		}
		*cut |= forced;
		while (end > pos && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		push_line(lay, s + pos, end - pos, false, next < len && next > end);
		n++;
		pos = skip_spaces(s, len, next);
	}
	return n;
}

/* Wrap by display columns (the text export). */
size_t layout_wrap(sbp_layout *lay, const char *s, size_t len,
		   size_t maxcols, size_t maxlines)
{
	bool cut = false;
	return wrap_units(lay, s, len, maxcols * 1000, METRIC_COLUMNS, maxlines, &cut);
}

/* Wrap to a width in points in a font (the poster). */
size_t layout_wrap_width(sbp_layout *lay, const char *s, size_t len,
			 double width, lay_font_id font, size_t maxlines)
{
	double u = width / lay_fonts[font].size * 1000 * 0.97; /* a little slack */
	bool cut = false;
	size_t n = wrap_units(lay, s, len, u > 0 ? (size_t)u : 0, font_metric(font), maxlines, &cut);
	if (cut && lay->ncut++ == 0) {
		lay->cut_first = s;
		lay->cut_first_len = len;
	}
	return n;
}

/* The widest word of s in font: runs between spaces and newlines, each
 * wide character a word of its own. */
double layout_widest_word(const char *s, size_t len, lay_font_id font)
{
	int metric = font_metric(font);
	size_t best = 0, w = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t cw = cp_units(s + i, n, cp, metric);
		if (is_space(cp) || cp == '\n')
			w = 0;
		else if (!cp_is_unsafe(cp) && cp_width(cp) == 2)
			w = cw;
		else
			w += cw;
		if (w > best)
			best = w;
		i += n;
	}
	return (double)best * lay_fonts[font].size / 1000 / 0.97;
}

/* The letter of a marker. */
const char *lay_mark_letter(lay_mark_kind k)
{
	switch (k) {
	case LAY_MARK_FAIL: return "F";
	case LAY_MARK_WAIT: return "W";
	case LAY_MARK_BELOW: return "\xE2\x96\xBC"; /* a down triangle */
	case LAY_MARK_FIX: return "\xE2\x9C\x93";   /* a check mark */
	default: return "!";
	}
}

/* The colour of a marker. */
const lay_rgb *lay_mark_ink(lay_mark_kind k)
{
	switch (k) {
	case LAY_MARK_FAIL: return &lay_fail_ink;
	case LAY_MARK_WAIT: return &lay_wait_ink;
	case LAY_MARK_FIX: return &lay_fix_ink;
	default: return &lay_flag_ink;
	}
}

/* One line of s from pos, at most maxcols display columns (the editor's
 * cards): *end is where its text ends, the return value where the next
 * line's text starts. */
size_t layout_wrap_line(const char *s, size_t len, size_t pos, size_t maxcols,
			size_t *end)
{
	bool forced;
	size_t next = line_break(s, len, pos, maxcols * 1000, METRIC_COLUMNS, end, &forced);
	while (*end > pos && (s[*end - 1] == ' ' || s[*end - 1] == '\t'))
		(*end)--;
	return skip_spaces(s, len, next);
}
