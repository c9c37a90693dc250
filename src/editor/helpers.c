/* Small helpers of the editor core: fitted text, numbers, ids made from
 * names, case-insensitive matching, and scrolling lists. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Sanitized s in width columns, padded when asked. */
void ed_fit(sbp_buf *out, const char *s, size_t width, bool pad)
{
	if (!s)
		s = "";
	size_t w = sanitize_fit(out, s, strlen(s), width);
	while (pad && w < width) {
		buf_putc(out, ' ');
		w++;
	}
}

/* A finite number, the whole string. */
bool ed_parse_number(const char *s, double *out)
{
	char *end;
	while (*s == ' ')
		s++;
	if (!*s)
		return false;
	errno = 0;
	double v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (*end || errno || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* Is the id free for its kind? */
static bool id_free(const sbp_blueprint *bp, char kind, const char *id)
{
	switch (kind) {
	case 'c': return !blueprint_column(bp, id);
	case 'l': return !blueprint_lane(bp, id);
	case 'd': return !blueprint_standard(bp, id);
	default: return !blueprint_step(bp, id);
	}
}

/* An id from the ASCII letters and digits of a name. */
char *ed_slug_id(const sbp_blueprint *bp, char kind, const char *name,
		 const char *prefix)
{
	char slug[40];
	size_t n = 0;
	bool dash = false;
	for (const char *p = name ? name : ""; *p && n < 24; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 0x80) {
			if (dash && n > 0)
				slug[n++] = '-';
			slug[n++] = (char)tolower(c);
			dash = false;
		} else {
			dash = true;
		}
	}
	slug[n] = '\0';
	if (n == 0)
		return blueprint_fresh_id(bp, kind, prefix);
	if (id_free(bp, kind, slug))
		return xstrdup(slug);
	for (int i = 2;; i++) {
		char *id = xasprintf("%s-%d", slug, i);
		if (id_free(bp, kind, id))
			return id;
		free(id);
	}
}

/* Case-insensitive (for ASCII) substring test. */
bool ed_text_matches(const char *text, const char *pat)
{
	if (!text || !pat)
		return false;
	size_t n = strlen(pat);
	if (n == 0)
		return true;
	for (const char *t = text; *t; t++) {
		size_t i = 0;
		while (i < n && t[i] &&
		       tolower((unsigned char)t[i]) == tolower((unsigned char)pat[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* Move a list selection and keep it within rows of the top. */
bool list_move(ed_list *l, long delta, size_t n, size_t rows)
{
	size_t old = l->sel;
	if (n == 0) {
		l->sel = l->top = 0;
		return old != 0;
	}
	long s = (long)l->sel + delta;
	if (s < 0)
		s = 0;
	if (s >= (long)n)
		s = (long)n - 1;
	l->sel = (size_t)s;
	if (rows == 0)
		rows = 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top + rows > n)
		l->top = n > rows ? n - rows : 0;
	return l->sel != old;
}

/* The keys every list understands. */
bool list_key(ed_list *l, ed_key k, size_t n, size_t rows)
{
	switch (k) {
	case 'j': case EK_DOWN: list_move(l, 1, n, rows); return true;
	case 'k': case EK_UP: list_move(l, -1, n, rows); return true;
	case EK_PGDN: case ' ': list_move(l, (long)rows, n, rows); return true;
	case EK_PGUP: list_move(l, -(long)rows, n, rows); return true;
	case 'g': case EK_HOME: list_move(l, -(long)n, n, rows); return true;
	case 'G': case EK_END: list_move(l, (long)n, n, rows); return true;
	default: return false;
	}
}
