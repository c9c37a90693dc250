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

#define SLUG_MAX 24

/* An id from the ASCII letters and digits of a name, whole words only
 * (a first word longer than the limit is cut); "" when it has none. */
static void slug_words(const char *name, char *slug)
{
	sbp_slug(name, SLUG_MAX, slug);
}

/* base, else base-2, base-3 ...: the first free id of its kind. */
static char *free_id(const sbp_blueprint *bp, char kind, const char *base,
		     int from)
{
	if (from < 2 && id_free(bp, kind, base))
		return xstrdup(base);
	for (int i = from < 2 ? 2 : from;; i++) {
		char *id = xasprintf("%s-%d", base, i);
		if (id_free(bp, kind, id))
			return id;
		free(id);
	}
}

/* An id made from a name, or PREFIX-N when the name gives none. */
char *ed_slug_id(const sbp_blueprint *bp, char kind, const char *name,
		 const char *prefix)
{
	char slug[SLUG_MAX + 1];
	slug_words(name, slug);
	if (!slug[0])
		return blueprint_fresh_id(bp, kind, prefix);
	return free_id(bp, kind, slug, 0);
}

/* A step id from its text, else from its lane: "hotline-3". */
char *ed_slug_id_in(const sbp_blueprint *bp, char kind, const char *text,
		    const sbp_lane *lane)
{
	char slug[SLUG_MAX + 1];
	slug_words(text, slug);
	if (slug[0])
		return free_id(bp, kind, slug, 0);
	char base[SLUG_MAX + 1];
	slug_words(lane ? lane->id : NULL, base);
	if (!base[0])
		slug_words(lane ? lane->name : NULL, base);
	if (!base[0])
		strcpy(base, "step");
	/* numbered from the lane's count of steps, so ids read in order */
	size_t n = 1;
	for (size_t i = 0; lane && i < bp->steps.n; i++)
		n += bp->steps.items[i]->lane == lane;
	for (;; n++) {
		char *id = xasprintf("%s-%zu", base, n);
		if (id_free(bp, kind, id))
			return id;
		free(id);
	}
}

/* Is m the mode just under the current one? */
bool ed_under(const editor *ed, ed_mode m)
{
	return ed->mode_depth > 0 && ed->mode_stack[ed->mode_depth - 1] == m;
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

/* Undo steps from the current state back to the saved one (or forward to
 * it after undoing past it); every edit since the base when the saved
 * state is no longer in the history. */
size_t ed_net_changes(const editor *ed)
{
	const edit_history *h = &ed->hist;
	if (!h->saved_valid)
		return h->pos ? h->pos : h->changes;
	size_t saved = (size_t)-1;
	if (h->saved_serial == 0)
		saved = 0;
	for (size_t i = 0; saved == (size_t)-1 && i < h->groups.n; i++)
		if (h->groups.items[i]->serial == h->saved_serial)
			saved = i + 1;
	if (saved == (size_t)-1)
		return h->pos ? h->pos : h->changes;
	return saved > h->pos ? saved - h->pos : h->pos - saved;
}
